import type { AuditLog } from './audit-record';
import { JsonLinesAuditLog } from './jsonl-audit-log';
import { InMemoryAuditLog } from './memory-audit-log';

/** The append-only JSON-lines log at `path`; without a path the audit is kept in memory. */
export function openAuditLog(path: string | undefined): AuditLog {
  return path ? new JsonLinesAuditLog(path) : new InMemoryAuditLog();
}
