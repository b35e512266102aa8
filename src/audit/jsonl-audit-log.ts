import { appendFile, mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AUDIT_OUTCOMES, type AuditLog, type AuditRecord } from './audit-record';

const auditRecordSchema = z.object({
  executionId: z.string(),
  at: z.string(),
  caller: z.object({
    id: z.string(),
    aadObjectId: z.string().optional(),
    name: z.string().optional(),
    channelId: z.string(),
    conversationId: z.string(),
  }),
  role: z.enum(['user', 'agent', 'admin']),
  command: z.string(),
  arguments: z.record(z.string(), z.unknown()).optional(),
  input: z.string(),
  cmdlets: z.array(z.string()),
  durationMs: z.number(),
  outcome: z.enum(AUDIT_OUTCOMES),
  error: z.string().optional(),
});

// recent() reads at most this much from the end of the file, so a long history stays cheap to query.
const TAIL_BYTES = 1024 * 1024;

/**
 * Append-only audit log: one JSON object per line. Lines are only ever added (appendFile opens with
 * O_APPEND), writes are serialized so lines never interleave, and nothing rewrites or trims the file.
 */
export class JsonLinesAuditLog implements AuditLog {
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly filePath: string) {}

  append(record: AuditRecord): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    const write = this.writes.then(async () => {
      await mkdir(path.dirname(this.filePath), { recursive: true });
      await appendFile(this.filePath, line, { encoding: 'utf8', mode: 0o600 });
    });
    this.writes = write.catch(() => undefined);
    return write;
  }

  async recent(n: number): Promise<AuditRecord[]> {
    if (n <= 0) return [];
    await this.writes;
    const text = await this.readTail();
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    const records: AuditRecord[] = [];
    for (const line of lines.slice(-n)) {
      try {
        const parsed = auditRecordSchema.safeParse(JSON.parse(line));
        if (parsed.success) records.push(parsed.data as AuditRecord);
      } catch {
        // A partly written last line (e.g. after a crash) is skipped rather than failing the query.
      }
    }
    return records;
  }

  private async readTail(): Promise<string> {
    let handle;
    try {
      handle = await open(this.filePath, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    }
    try {
      const { size } = await handle.stat();
      const start = Math.max(0, size - TAIL_BYTES);
      const buffer = Buffer.alloc(size - start);
      await handle.read(buffer, 0, buffer.length, start);
      const text = buffer.toString('utf8');
      // Starting mid-file, the first line is probably cut: drop it.
      return start > 0 ? text.slice(text.indexOf('\n') + 1) : text;
    } finally {
      await handle.close();
    }
  }
}
