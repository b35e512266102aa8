import { textReply } from '../core/reply';
import { entryCount } from './argument-schemas';
import { defineCommand, type CommandDefinition } from './command';
import { z } from 'zod';
import type { AuditLog, AuditRecord } from '../audit/audit-record';

const MAX_ENTRIES = 100;

function formatRecord(record: AuditRecord): string {
  const who = record.caller.name ? `${record.caller.name} (${record.caller.aadObjectId ?? record.caller.id})` : (record.caller.aadObjectId ?? record.caller.id);
  const args = record.arguments ? ` ${JSON.stringify(record.arguments)}` : '';
  const error = record.error ? ` — ${record.error}` : '';
  return `- ${record.at} · ${record.executionId} · ${who} [${record.role}] · ${record.command}${args} · **${record.outcome}** · ${record.durationMs} ms · ${record.cmdlets.length} cmdlet(s)${error}`;
}

/** `audit [n]`: the last n executions, newest last (admins only). */
export function auditCommand(audit: AuditLog): CommandDefinition<{ count: number }> {
  return defineCommand({
    name: 'audit',
    aliases: ['show audit'],
    usage: 'audit [n]',
    summary: `Show the last n command executions from the audit log (default 10, at most ${MAX_ENTRIES}).`,
    role: 'admin',
    timeoutMs: 10_000,
    slow: false,
    positional: ['count'],
    args: z.object({ count: entryCount(10, MAX_ENTRIES) }),
    async handler({ count }) {
      const records = await audit.recent(count);
      if (records.length === 0) return textReply('The audit log is empty.');
      return textReply(`**Last ${records.length} execution${records.length === 1 ? '' : 's'}** (oldest first)\n${records.map(formatRecord).join('\n')}`);
    },
  });
}
