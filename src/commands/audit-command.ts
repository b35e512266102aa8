import { textReply } from '../core/reply';
import { entryCount } from './argument-schemas';
import { defineCommand, type CommandDefinition } from './command';
import { shownText } from '../core/user-text';
import { z } from 'zod';
import type { AuditLog, AuditRecord } from '../audit/audit-record';

const MAX_ENTRIES = 100;
/** Teams refuses activities over about 28 KB; a page of the audit view stays well under that. */
export const AUDIT_PAGE_BYTES = 20_000;

/** One line per record. Every text a caller could have chosen goes through shownText: no forged lines or links. */
function formatRecord(record: AuditRecord): string {
  const id = shownText(record.caller.aadObjectId ?? record.caller.id, 80);
  const who = record.caller.name ? `${shownText(record.caller.name, 60)} (${id})` : id;
  // The command as typed reads best ("schedule check pool lync-int.contoso.dk daily 07:00"); the parsed
  // arguments (JSON, escaped into backslashes) only when the line was not typed as that command.
  const typed = record.input.trim().toLowerCase().startsWith(record.command.toLowerCase()) ? record.input.trim().slice(record.command.length).trim() : undefined;
  const args = typed !== undefined ? (typed ? ` ${shownText(typed, 120)}` : '') : record.arguments ? ` ${shownArguments(record.arguments)}` : '';
  const error = record.error ? ` — ${shownText(record.error, 200)}` : '';
  return `- ${record.at} · ${record.executionId} · ${who} [${record.role}] · ${shownText(record.command, 40)}${args} · **${record.outcome}** · ${record.durationMs} ms · ${record.cmdlets.length} cmdlet(s)${error}`;
}

/** The arguments as JSON-like text; keys are the command's own, values went through shownText. */
function shownArguments(args: Record<string, unknown>): string {
  const entries = Object.entries(args).map(([key, value]) => `"${shownText(key, 40)}":${typeof value === 'string' ? `"${shownText(value, 120)}"` : shownText(JSON.stringify(value), 120)}`);
  return `{${entries.join(',')}}`;
}

/** Splits lines into pages of at most `bytes` (UTF-8) each, in order. */
export function pagesOf(lines: string[], bytes: number): string[][] {
  const pages: string[][] = [[]];
  let used = 0;
  for (const line of lines) {
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (used + size > bytes && pages[pages.length - 1]!.length > 0) {
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1]!.push(line);
    used += size;
  }
  return pages;
}

/** `audit [n] [page]`: the last n executions, newest last, a page at a time when they do not fit in one reply (admins only). */
export function auditCommand(audit: AuditLog): CommandDefinition<{ count: number; page: number }> {
  return defineCommand({
    name: 'audit',
    aliases: ['show audit'],
    usage: 'audit [n] [page]',
    summary: `Show the last n command executions from the audit log (default 10, at most ${MAX_ENTRIES}); long results come in pages.`,
    role: 'admin',
    timeoutMs: 10_000,
    slow: false,
    positional: ['count', 'page'],
    args: z.object({ count: entryCount(10, MAX_ENTRIES), page: entryCount(1, MAX_ENTRIES) }),
    async handler({ count, page }) {
      // Records are written when a command ends, so a slow check lands after quicker ones started later:
      // shown in the order they started, as "oldest first" says (ISO times sort as text).
      const records = [...(await audit.recent(count))].sort((a, b) => a.at.localeCompare(b.at));
      if (records.length === 0) return textReply('The audit log is empty.');
      const pages = pagesOf(records.map(formatRecord), AUDIT_PAGE_BYTES);
      const shown = pages[Math.min(page, pages.length) - 1]!;
      const plural = records.length === 1 ? '' : 's';
      if (pages.length === 1) return textReply(`**Last ${records.length} execution${plural}** (oldest first)\n${shown.join('\n')}`);
      const number = Math.min(page, pages.length);
      const before = pages.slice(0, number - 1).reduce((sum, lines) => sum + lines.length, 0);
      const more = number < pages.length ? `\nMore: type "audit ${count} ${number + 1}".` : '';
      return textReply(
        `**Last ${records.length} execution${plural}** (oldest first), page ${number} of ${pages.length}: records ${before + 1}–${before + shown.length}\n${shown.join('\n')}${more}`,
      );
    },
  });
}
