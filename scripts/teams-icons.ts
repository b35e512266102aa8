import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { colorIcon, outlineIcon } from './teams/icons';

/** Redraws the Teams app icons in deploy/teams/ (they are committed; run this only to change them). */
const folder = resolve(__dirname, '..', 'deploy', 'teams');
writeFileSync(join(folder, 'color.png'), colorIcon());
writeFileSync(join(folder, 'outline.png'), outlineIcon());
console.log(`wrote ${join(folder, 'color.png')} (192x192) and ${join(folder, 'outline.png')} (32x32)`);
