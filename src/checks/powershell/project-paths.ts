import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Files the checks need at run time (the PowerShell host script, the lab stand-in) live in the source
 * tree, not in dist/, so find the project root by walking up to package.json. This works the same from
 * src/ under tsx or vitest and from dist/ after a build.
 */
export function projectRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
}

export const HOST_SCRIPT_PATH = path.join(projectRoot(), 'src', 'checks', 'powershell', 'helpdesk-host.ps1');
export const LAB_MODULE_PATH = path.join(projectRoot(), 'src', 'checks', 'lab', 'LyncLabStandIn.psm1');
export const LAB_DATA_PATH = path.join(projectRoot(), 'src', 'checks', 'lab', 'contoso-lab.json');
