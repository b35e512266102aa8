import { boundedRecord, type AuditLog, type AuditRecord } from './audit-record';

/** Audit log kept in memory, for tests and for runs without a data folder. */
export class InMemoryAuditLog implements AuditLog {
  private readonly records: AuditRecord[] = [];

  async append(record: AuditRecord): Promise<void> {
    this.records.push(boundedRecord(structuredClone(record)));
  }

  async recent(n: number): Promise<AuditRecord[]> {
    return n <= 0 ? [] : this.records.slice(-n).map((record) => structuredClone(record));
  }

  /** Everything recorded so far (tests). */
  all(): AuditRecord[] {
    return this.records.map((record) => structuredClone(record));
  }
}
