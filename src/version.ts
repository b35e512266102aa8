import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package version, read once (works from src/ under tsx and from dist/ after a build). */
export const version: string = (() => {
  for (const candidate of [join(__dirname, '..', 'package.json'), join(__dirname, '..', '..', 'package.json')]) {
    try {
      const parsed = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'lync-helpdesk-bot' && parsed.version) return parsed.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
})();
