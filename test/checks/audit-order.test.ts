import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/audit/audit-record';
import { InMemoryAuditLog } from '../../src/audit/memory-audit-log';
import { auditCommand } from '../../src/commands/audit-command';

const record = (executionId: string, at: string, command: string): AuditRecord => ({
  executionId,
  at,
  caller: { id: 'admin-1', channelId: 'msteams', conversationId: 'c1' },
  role: 'admin',
  command,
  input: command,
  cmdlets: [],
  durationMs: 5,
  outcome: 'ok',
});

describe('audit lists executions in the order they started', () => {
  it('a slow check written after a quicker command that started later is still listed first', async () => {
    const audit = new InMemoryAuditLog();
    // Written in the order they ended: the probe (started second) ended before the check (started first).
    await audit.append(record('probe-1', '2026-12-07T12:34:02.844Z', 'probe'));
    await audit.append(record('check-1', '2026-12-07T12:34:02.726Z', 'check user'));
    const reply = await auditCommand(audit).handler({ count: 10, page: 1 }, undefined as never);
    const text = 'text' in reply ? reply.text : '';
    expect(text).toMatch(/oldest first/);
    expect(text.indexOf('check-1')).toBeGreaterThan(-1);
    expect(text.indexOf('check-1')).toBeLessThan(text.indexOf('probe-1'));
  });
});
