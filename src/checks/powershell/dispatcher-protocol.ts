import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CmdletCall } from './allowlist';
import { PowerShellProtocolError } from './errors';
import { HOST_SCRIPT_PATH } from './project-paths';

/**
 * The text written to pwsh. Only two shapes exist: loading the fixed host script, and calling one of
 * its functions with a single base64 argument. Base64 is checked to hold nothing but [A-Za-z0-9+/=],
 * so no value can ever be read by PowerShell as code.
 */

const BASE64 = /^[A-Za-z0-9+/=]*$/;

function toBase64Json(value: unknown): string {
  const encoded = Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
  if (!BASE64.test(encoded)) throw new PowerShellProtocolError('base64 encoding produced unexpected characters');
  return encoded;
}

let hostScriptBase64: string | undefined;

function hostScript(): string {
  hostScriptBase64 ??= Buffer.from(readFileSync(HOST_SCRIPT_PATH, 'utf8'), 'utf8').toString('base64');
  return hostScriptBase64;
}

export interface SessionSetup {
  mode: 'lab' | 'local' | 'remote';
  labModulePath?: string;
  remote?: { connectionUri: string; authentication?: string; skipCertificateChecks?: boolean };
}

export function initialiseLine(setup: SessionSetup): string {
  const load = `. ([ScriptBlock]::Create([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${hostScript()}'))))`;
  return `${load}; Initialize-HelpdeskSession '${toBase64Json(setup)}'`;
}

/** The request may be anything: the PowerShell side validates it again, which tests rely on. */
export function batchLine(request: unknown): string {
  return `Invoke-HelpdeskBatch '${toBase64Json(request)}'`;
}

export function batchRequest(calls: CmdletCall[]): { calls: CmdletCall[] } {
  return { calls };
}

export const allowlistLine = 'Get-HelpdeskAllowlist';

const errorInfo = z.object({
  message: z.string(),
  errorId: z.string().nullish(),
  category: z.string().nullish(),
  exceptionType: z.string().nullish(),
});

const initReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    processId: z.number().int().positive(),
    psVersion: z.string(),
    psEdition: z.string(),
    mode: z.string(),
    languageMode: z.string(),
    visibleCommands: z.array(z.string()),
  }),
  z.object({ ok: z.literal(false), error: errorInfo }),
]);
type InitReply = z.infer<typeof initReply>;

const callResult = z.discriminatedUnion('ok', [
  z.object({ cmdlet: z.string(), ok: z.literal(true), data: z.array(z.record(z.string(), z.unknown())) }),
  z.object({ cmdlet: z.string(), ok: z.literal(false), refused: z.boolean().optional(), error: errorInfo }),
]);
export type CallResult = z.infer<typeof callResult>;

const batchReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), results: z.array(callResult) }),
  z.object({ ok: z.literal(false), error: errorInfo }),
]);
export type BatchReply = z.infer<typeof batchReply>;

export function parseInitReply(raw: string): InitReply {
  return parseJson(raw, initReply, 'session set-up');
}

export function parseBatchReply(raw: string): BatchReply {
  return parseJson(raw, batchReply, 'check');
}

/** The host prints exactly one JSON line; anything else on stdout (terminal escapes, stray text) is dropped. */
function jsonLine(raw: string): string {
  const lines = raw.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').split(/\r?\n/).map((line) => line.trim());
  return lines.filter((line) => line.startsWith('{')).at(-1) ?? raw;
}

export function parseJson<T>(raw: string, schema: z.ZodType<T>, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(jsonLine(raw));
  } catch {
    throw new PowerShellProtocolError(`PowerShell's answer to the ${what} was not JSON: ${raw.slice(0, 200)}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new PowerShellProtocolError(`PowerShell's answer to the ${what} had an unexpected shape: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
