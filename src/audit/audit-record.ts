import { clip } from '../core/user-text';
import type { Role } from '../core/caller';

export const AUDIT_OUTCOMES = ['ok', 'refused', 'invalid', 'failed', 'timeout'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One command execution, as written to the append-only audit log. */
export interface AuditRecord {
  executionId: string;
  /** When the command was received (ISO 8601, UTC). */
  at: string;
  caller: { id: string; aadObjectId?: string; name?: string; channelId: string; conversationId: string };
  role: Role;
  command: string;
  /** The validated arguments; absent when validation failed or the command was refused. */
  arguments?: Record<string, unknown>;
  /** What was typed, shortened, so refused and invalid attempts can be reviewed. */
  input: string;
  /** Cmdlets (with their parameters) that ran for this execution. */
  cmdlets: string[];
  durationMs: number;
  outcome: AuditOutcome;
  error?: string;
}

export interface AuditLog {
  append(record: AuditRecord): Promise<void>;
  /** The last n records, oldest first. */
  recent(n: number): Promise<AuditRecord[]>;
}

/** What one record may hold at most: a caller cannot grow the log, or hide records, with huge names. */
export const AUDIT_FIELD_LIMITS = { name: 100, id: 256, command: 64, input: 300, error: 500, cmdlet: 300, cmdlets: 32, argumentsJson: 1000 } as const;

/** The record as stored: every caller-supplied text one line and capped, so a record stays a few KB. */
export function boundedRecord(record: AuditRecord): AuditRecord {
  const limits = AUDIT_FIELD_LIMITS;
  const { caller } = record;
  const argumentsFit = record.arguments === undefined || JSON.stringify(record.arguments).length <= limits.argumentsJson;
  return {
    ...record,
    caller: {
      id: clip(caller.id, limits.id),
      ...(caller.aadObjectId !== undefined ? { aadObjectId: clip(caller.aadObjectId, limits.id) } : {}),
      ...(caller.name !== undefined ? { name: clip(caller.name, limits.name) } : {}),
      channelId: clip(caller.channelId, limits.id),
      conversationId: clip(caller.conversationId, limits.id),
    },
    command: clip(record.command, limits.command),
    ...(record.arguments !== undefined ? { arguments: argumentsFit ? record.arguments : { omitted: 'arguments too long to record' } } : {}),
    input: clip(record.input, limits.input),
    cmdlets: record.cmdlets.slice(0, limits.cmdlets).map((cmdlet) => clip(cmdlet, limits.cmdlet)),
    ...(record.error !== undefined ? { error: clip(record.error, limits.error) } : {}),
  };
}
