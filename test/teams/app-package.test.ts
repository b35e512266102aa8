import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTeamsPackage, PackageError } from '../../scripts/teams-package';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../../src/bot/teams/message-extension';
import { readPng, readZip } from './read-archives';

const ROOT = resolve(__dirname, '..', '..');
const APP_ID = '0b5e7a1c-9f3d-4b21-8c6e-2a4f1d9e7b30';
const ENV = { MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://lync-helpdesk.azurewebsites.net/' };

/**
 * The official Teams manifest JSON schema for a manifest version, as Microsoft publishes it, from the
 * npm package @microsoft/app-manifest (which ships every published version; no network needed).
 */
function officialSchema(manifestVersion: string): Record<string, unknown> {
  const file = join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(file)) throw new Error(`no official schema for manifest version ${manifestVersion} in @microsoft/app-manifest`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** The schemas are JSON Schema draft-04: validate with Ajv's draft-04 build, all errors, formats on. */
function schemaErrors(manifest: Record<string, unknown>): string[] {
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  const validate = ajv.compile(officialSchema(String(manifest.manifestVersion)));
  return validate(manifest) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
}

interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  icons: { color: string; outline: string };
  validDomains: string[];
  developer: { websiteUrl: string };
  bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }> }>;
  composeExtensions: Array<{ botId: string; commands: Array<{ id: string; type: string; parameters: Array<{ name: string }> }> }>;
}

describe('npm run teams:package', () => {
  let files: Map<string, Buffer>;
  let manifest: Manifest;
  let output = '';

  beforeAll(() => {
    // The real command, as an admin runs it, writing a real file.
    const out = join(mkdtempSync(join(tmpdir(), 'teams-package-')), 'app.zip');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/teams-package.ts', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, ...ENV },
      encoding: 'utf8',
    });
    output = `${run.stdout}${run.stderr}`;
    if (run.status !== 0) throw new Error(`teams:package failed (${run.status}): ${output}`);
    files = readZip(readFileSync(out));
    manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
  });

  it('writes a zip with manifest.json and both icons at its root', () => {
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(output).toMatch(/Teams app package written/);
  });

  it('produces a manifest that validates against the official Teams schema of its version', () => {
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(schemaErrors(manifest as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('the schema check is real: a broken manifest fails it', () => {
    const broken = structuredClone(manifest) as unknown as Record<string, any>;
    broken.bots[0].botId = 'not-a-guid';
    broken.bots[0].scopes = ['everywhere'];
    delete broken.developer;
    const errors = schemaErrors(broken);
    expect(errors.join('\n')).toMatch(/botId/);
    expect(errors.join('\n')).toMatch(/developer/);
    expect(errors.join('\n')).toMatch(/scopes/);
  });

  it('fills in the app id, the version and the domain from configuration', () => {
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]!.botId).toBe(APP_ID);
    expect(manifest.composeExtensions[0]!.botId).toBe(APP_ID);
    expect(manifest.version).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    expect(manifest.validDomains).toEqual(['lync-helpdesk.azurewebsites.net']);
    expect(manifest.developer.websiteUrl).toBe('https://lync-helpdesk.azurewebsites.net');
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
  });

  it('has the bot in personal, team and group-chat scopes with a command list for each', () => {
    const bot = manifest.bots[0]!;
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = (scope: string) => bot.commandLists.find((list) => list.scopes.includes(scope))?.commands.map((command) => command.title) ?? [];
    for (const scope of ['personal', 'team', 'groupChat']) {
      expect(titles(scope)).toEqual(
        expect.arrayContaining(['help', 'ask', 'troubleshoot sign-in', 'enroll smart card', 'collect logs', 'check user', 'check pool']),
      );
    }
    // Limits Teams enforces beyond the schema: 10 commands a list, 32-character titles, 128-character descriptions.
    for (const list of bot.commandLists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(32);
        expect(command.description.length).toBeLessThanOrEqual(128);
      }
    }
  });

  it('declares the search message extension the bot answers', () => {
    const command = manifest.composeExtensions[0]!.commands[0]!;
    expect(command).toMatchObject({ id: SEARCH_COMMAND_ID, type: 'query' });
    expect(command.parameters.map((parameter) => parameter.name)).toEqual([SEARCH_PARAMETER]);
  });

  it('ships a 192x192 colour icon and a 32x32 white-on-transparent outline icon', () => {
    const color = readPng(files.get(manifest.icons.color)!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = readPng(files.get(manifest.icons.outline)!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.colourType).toBe(6);
    let visible = 0;
    let transparent = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const [r, g, b, a] = [outline.rgba[i]!, outline.rgba[i + 1]!, outline.rgba[i + 2]!, outline.rgba[i + 3]!];
      if (a === 0) transparent++;
      else {
        visible++;
        expect([r, g, b]).toEqual([255, 255, 255]);
      }
    }
    expect(visible).toBeGreaterThan(50);
    expect(transparent).toBeGreaterThan(300);
    // The committed icons are exactly what went into the package.
    expect(files.get('color.png')!.equals(readFileSync(join(ROOT, 'deploy', 'teams', 'color.png')))).toBe(true);
  });

  it('builds the same bytes twice (no timestamps), so a package can be compared with the last one uploaded', () => {
    expect(buildTeamsPackage({ env: ENV }).zip.equals(buildTeamsPackage({ env: ENV }).zip)).toBe(true);
  });

  it('refuses to package without an app id or with a non-https address, saying what to set', () => {
    expect(() => buildTeamsPackage({ env: { PUBLIC_URL: ENV.PUBLIC_URL } })).toThrow(PackageError);
    expect(() => buildTeamsPackage({ env: { PUBLIC_URL: ENV.PUBLIC_URL } })).toThrow(/MicrosoftAppId: is required/);
    expect(() => buildTeamsPackage({ env: { ...ENV, MicrosoftAppId: 'my-bot' } })).toThrow(/GUID/);
    expect(() => buildTeamsPackage({ env: { ...ENV, PUBLIC_URL: 'http://bot.contoso.com' } })).toThrow(/https/);
    expect(() => buildTeamsPackage({ env: ENV, version: '1.0' })).toThrow(/major\.minor\.patch/);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/teams-package.ts', '--out', join(tmpdir(), 'never.zip')], {
      cwd: ROOT,
      env: { ...process.env, MicrosoftAppId: '', PUBLIC_URL: '' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/MicrosoftAppId/);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
