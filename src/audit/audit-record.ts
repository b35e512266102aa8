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
