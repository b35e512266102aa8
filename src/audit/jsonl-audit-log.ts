import { appendFile, mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AUDIT_OUTCOMES, boundedRecord, type AuditLog, type AuditRecord } from './audit-record';

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

// recent() reads the file backwards in chunks until it has the lines it needs. Records are bounded
// when written, but a log written before that may hold huge lines: the scan stops at MAX_SCAN_BYTES.
const CHUNK_BYTES = 64 * 1024;
const MAX_SCAN_BYTES = 64 * 1024 * 1024;

/**
 * Append-only audit log: one JSON object per line. Lines are only ever added (appendFile opens with
 * O_APPEND), writes are serialized so lines never interleave, and nothing rewrites or trims the file.
 */
export class JsonLinesAuditLog implements AuditLog {
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly filePath: string) {}

  append(record: AuditRecord): Promise<void> {
    const line = `${JSON.stringify(boundedRecord(record))}\n`;
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
    const lines = await this.lastLines(n);
    const records: AuditRecord[] = [];
    for (const line of lines) {
      try {
        const parsed = auditRecordSchema.safeParse(JSON.parse(line));
        if (parsed.success) records.push(boundedRecord(parsed.data as AuditRecord));
      } catch {
        // A partly written last line (e.g. after a crash) is skipped rather than failing the query.
      }
    }
    return records;
  }

  /** The last n non-empty lines, however long each is, oldest first. */
  private async lastLines(n: number): Promise<string[]> {
    let handle;
    try {
      handle = await open(this.filePath, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    try {
      const { size } = await handle.stat();
      const chunks: Buffer[] = [];
      let start = size;
      let newlines = 0;
      // n complete lines need n + 1 line breaks before them (or the start of the file).
      while (start > 0 && newlines <= n && size - start < MAX_SCAN_BYTES) {
        const length = Math.min(CHUNK_BYTES, start);
        start -= length;
        const chunk = Buffer.alloc(length);
        await handle.read(chunk, 0, length, start);
        for (const byte of chunk) if (byte === 0x0a) newlines++;
        chunks.unshift(chunk);
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const lines = text.split('\n');
      // Starting mid-file, the first line is probably cut: drop it.
      if (start > 0) lines.shift();
      return lines.filter((line) => line.trim() !== '').slice(-n);
    } finally {
      await handle.close();
    }
  }
}
