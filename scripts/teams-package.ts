import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadDotEnv } from '../src/config/config';
import { createZip } from './teams/zip';

/**
 * `npm run teams:package`: the Teams app package (manifest.json + the two icons in one zip) that a
 * Teams admin uploads. The manifest comes from deploy/teams/manifest.template.json with these filled in:
 *   {{MicrosoftAppId}}  the bot's app id: both the Teams app id and the bot id (required, a GUID)
 *   {{PUBLIC_URL}}      the bot's public https address (required), shown as the developer website
 *   {{PUBLIC_HOST}}     PUBLIC_URL's host name, the manifest's only valid domain
 *   {{VERSION}}         package.json's version, or --version; raise it for every upload that changes the app
 * Settings are read from the environment and .env, like the bot's own.
 */

const ROOT = resolve(__dirname, '..');
export const TEMPLATE_DIR = join(ROOT, 'deploy', 'teams');
export const DEFAULT_OUT = join(ROOT, 'dist', 'teams', 'lync-helpdesk-teams-app.zip');

const GUID = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

const PackageSettings = z.object({
  MicrosoftAppId: z
    .string({ error: 'is required: it is the bot id in the manifest (the Azure Bot resource\'s "Microsoft App ID")' })
    .trim()
    .regex(GUID, 'must be the Azure Bot\'s "Microsoft App ID", a GUID like 00000000-0000-0000-0000-000000000000'),
  PUBLIC_URL: z
    .string({ error: 'is required: the bot\'s public https address, e.g. https://lync-helpdesk.azurewebsites.net' })
    .trim()
    .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'must be an https:// URL (Teams only talks to bots over https)'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.2.3 (Teams wants major.minor.patch)'),
});
export type PackageSettings = z.infer<typeof PackageSettings>;

export class PackageError extends Error {}

export interface TeamsPackage {
  zip: Buffer;
  manifest: Record<string, unknown>;
  /** Things that do not stop the upload but should be fixed. */
  warnings: string[];
}

/** Reads and checks the settings the package needs; throws PackageError naming every problem. */
export function packageSettings(env: NodeJS.ProcessEnv, version?: string): PackageSettings {
  const parsed = PackageSettings.safeParse({
    MicrosoftAppId: env.MicrosoftAppId || undefined,
    PUBLIC_URL: env.PUBLIC_URL || undefined,
    version: version ?? packageVersion(),
  });
  if (!parsed.success) {
    throw new PackageError(`Cannot build the Teams app package:\n${parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
  }
  return parsed.data;
}

/** The manifest from the template with the settings filled in. */
export function buildManifest(template: string, settings: PackageSettings): Record<string, unknown> {
  const publicUrl = settings.PUBLIC_URL.replace(/\/+$/, '');
  const values: Record<string, string> = {
    MicrosoftAppId: settings.MicrosoftAppId.toLowerCase(),
    PUBLIC_URL: publicUrl,
    PUBLIC_HOST: new URL(publicUrl).hostname,
    VERSION: settings.version,
  };
  const parsed = JSON.parse(template) as unknown;
  const filled = fill(parsed, (name) => {
    const value = values[name];
    if (value === undefined) throw new PackageError(`the manifest template uses {{${name}}}, which the packager does not know`);
    return value;
  });
  return filled as Record<string, unknown>;
}

/** Builds the zip in memory: manifest.json, color.png and outline.png at the root, as Teams expects. */
export function buildTeamsPackage(options: { env?: NodeJS.ProcessEnv; version?: string; templateDir?: string } = {}): TeamsPackage {
  const templateDir = options.templateDir ?? TEMPLATE_DIR;
  const settings = packageSettings(options.env ?? process.env, options.version);
  const manifest = buildManifest(readFileSync(join(templateDir, 'manifest.template.json'), 'utf8'), settings);
  const icons = manifest.icons as { color: string; outline: string };
  const zip = createZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: icons.color, data: readFileSync(join(templateDir, icons.color)) },
    { name: icons.outline, data: readFileSync(join(templateDir, icons.outline)) },
  ]);
  const warnings: string[] = [];
  const developer = manifest.developer as Record<string, string>;
  for (const field of ['privacyUrl', 'termsOfUseUrl'] as const) {
    if (/example\.(com|org|net)/.test(developer[field] ?? '')) {
      warnings.push(`developer.${field} is still ${developer[field]}: point it at your own page in deploy/teams/manifest.template.json`);
    }
  }
  return { zip, manifest, warnings };
}

function fill(value: unknown, lookup: (name: string) => string): unknown {
  if (typeof value === 'string') return value.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => lookup(name));
  if (Array.isArray(value)) return value.map((item) => fill(item, lookup));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, fill(child, lookup)]));
  return value;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function main(): void {
  const { values } = parseArgs({ options: { out: { type: 'string' }, version: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log('npm run teams:package [-- --out file.zip] [--version 1.2.3]\nNeeds MicrosoftAppId and PUBLIC_URL (environment or .env).');
    return;
  }
  loadDotEnv();
  try {
    const { zip, manifest, warnings } = buildTeamsPackage({ version: values.version });
    const out = resolve(values.out ?? DEFAULT_OUT);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
    console.log(`Teams app package written: ${out}`);
    console.log(`  app and bot id ${String(manifest.id)}, version ${String(manifest.version)}, valid domain ${String((manifest.validDomains as string[])[0])}`);
    for (const warning of warnings) console.warn(`  warning: ${warning}`);
    console.log('Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center (Manage apps > Upload).');
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

if (require.main === module) main();
