export { AUDIT_OUTCOMES, type AuditLog, type AuditOutcome, type AuditRecord } from './audit-record';
export { InMemoryAuditLog } from './memory-audit-log';
export { JsonLinesAuditLog } from './jsonl-audit-log';
export { auditCommand } from './audit-command';
