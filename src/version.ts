import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const PackageJson = z.object({ name: z.string(), version: z.string().min(1) }).passthrough();

/** The package version, read once (works from src/ under tsx and from dist/ after a build). */
export const version: string = (() => {
  for (const candidate of [join(__dirname, '..', 'package.json'), join(__dirname, '..', '..', 'package.json')]) {
    try {
      const parsed = PackageJson.safeParse(JSON.parse(readFileSync(candidate, 'utf8')));
      if (parsed.success && parsed.data.name === 'lync-helpdesk-bot') return parsed.data.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
})();
