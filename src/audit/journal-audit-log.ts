import type { Journal } from '../journal/journal';
import type { AuditLog, AuditRecord } from './audit-record';

const STREAM = 'audit';

/**
 * The audit log in the shared state store (STATE_STORE=blob): every instance appends to it, and
 * `audit` on any instance reads the records of all of them, in the order they were received.
 */
export class JournalAuditLog implements AuditLog {
  constructor(private readonly journal: Journal) {}

  append(record: AuditRecord): Promise<void> {
    return this.journal.append(STREAM, record);
  }

  recent(n: number): Promise<AuditRecord[]> {
    return this.journal.recent<AuditRecord>(STREAM, n);
  }
}
