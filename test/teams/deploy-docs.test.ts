import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config';

const ROOT = resolve(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const SETTINGS = Object.keys(ConfigSchema.shape);

describe('deployment documents stay complete', () => {
  it('deploy/env.template lists every setting the bot reads, each with a comment saying what it does', () => {
    const template = read('deploy/env.template');
    const lines = template.split('\n');
    const missing = SETTINGS.filter((name) => !lines.some((line) => new RegExp(`^#?\\s*${name}=`).test(line)));
    expect(missing, 'add these settings to deploy/env.template').toEqual([]);
    for (const name of SETTINGS) {
      const at = lines.findIndex((line) => new RegExp(`^#?\\s*${name}=`).test(line));
      expect(lines[at - 1] ?? '', `${name} needs a comment line above it`).toMatch(/^#\s+\S/);
    }
  });

  it('the settings page has every setting in its settings table', () => {
    const docs = read('docs/operations-and-settings.md');
    const missing = SETTINGS.filter((name) => !docs.includes(`| \`${name}\` |`));
    expect(missing, 'add these settings to the settings table in docs/operations-and-settings.md').toEqual([]);
  });

  it('the Azure template only sets app settings the bot knows (or App Service build settings)', () => {
    const bicep = read('deploy/azure/main.bicep');
    const names = [...bicep.matchAll(/\{ name: '([A-Za-z_]+)', value:/g), ...bicep.matchAll(/name: '([A-Z][A-Za-z_]+)'\n\s+value:/g)].map((match) => match[1]!);
    expect(names.length).toBeGreaterThan(8);
    const unknown = names.filter((name) => !SETTINGS.includes(name) && !name.startsWith('SCM_') && !name.startsWith('WEBSITE'));
    expect(unknown).toEqual([]);
    for (const required of ['MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'PUBLIC_URL', 'ALLOWED_TENANTS']) expect(names).toContain(required);
    expect(bicep).toMatch(/'MsTeamsChannel'/);
    expect(bicep).toMatch(/NODE\|20-lts/);
  });
});
