import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Chart.js's standalone browser build, read from the installed package so the report can inline it. */
export function chartLibrary(): string {
  const main = createRequire(__filename).resolve('chart.js');
  return readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
}
