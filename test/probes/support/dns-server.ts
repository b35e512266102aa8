import { createSocket, type Socket } from 'node:dgram';

/**
 * A small authoritative DNS server on loopback (UDP), answering A, CNAME and SRV queries from a table.
 * Names it has no record for get NXDOMAIN; names with records of another type get an empty answer
 * (NODATA); names listed in `failing` get SERVFAIL. It logs every question, so tests can show which
 * names the probe asked for (and which it never did).
 */

export type DnsRecord =
  | { name: string; type: 'A'; address: string }
  | { name: string; type: 'CNAME'; target: string }
  | { name: string; type: 'SRV'; target: string; port: number; priority?: number; weight?: number };

const TYPE = { A: 1, CNAME: 5, SRV: 33 } as const;
const TYPE_NAME: Record<number, string> = { 1: 'A', 5: 'CNAME', 33: 'SRV', 28: 'AAAA' };

export interface DnsServer {
  /** "127.0.0.1:<port>", as LYNC_PROBE_DNS takes it. */
  address: string;
  /** Every question asked, as "TYPE name". */
  questions: string[];
  records: DnsRecord[];
  failing: Set<string>;
  close(): Promise<void>;
}

function encodeName(name: string): Buffer {
  const parts = name.replace(/\.$/, '').split('.').filter(Boolean);
  return Buffer.concat([...parts.map((part) => Buffer.concat([Buffer.from([part.length]), Buffer.from(part, 'ascii')])), Buffer.from([0])]);
}

function readName(message: Buffer, offset: number): { name: string; next: number } {
  const labels: string[] = [];
  let at = offset;
  for (let guard = 0; guard < 128; guard++) {
    const length = message[at];
    if (length === undefined) throw new Error('truncated name');
    if (length === 0) return { name: labels.join('.').toLowerCase(), next: at + 1 };
    if ((length & 0xc0) !== 0) throw new Error('compressed names are not expected in questions');
    labels.push(message.subarray(at + 1, at + 1 + length).toString('ascii'));
    at += 1 + length;
  }
  throw new Error('name too long');
}

function resourceRecord(name: string, type: number, data: Buffer, ttl = 60): Buffer {
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(type, 0);
  fixed.writeUInt16BE(1, 2);
  fixed.writeUInt32BE(ttl, 4);
  fixed.writeUInt16BE(data.length, 8);
  return Buffer.concat([encodeName(name), fixed, data]);
}

function recordData(record: DnsRecord): Buffer {
  if (record.type === 'A') return Buffer.from(record.address.split('.').map(Number));
  if (record.type === 'CNAME') return encodeName(record.target);
  const head = Buffer.alloc(6);
  head.writeUInt16BE(record.priority ?? 0, 0);
  head.writeUInt16BE(record.weight ?? 0, 2);
  head.writeUInt16BE(record.port, 4);
  return Buffer.concat([head, encodeName(record.target)]);
}

export function answer(query: Buffer, records: readonly DnsRecord[], failing: ReadonlySet<string>): { response: Buffer; question: string } {
  const id = query.readUInt16BE(0);
  const flags = query.readUInt16BE(2);
  const { name, next } = readName(query, 12);
  const qtype = query.readUInt16BE(next);
  const question = query.subarray(12, next + 4);
  const lower = (value: string) => value.toLowerCase().replace(/\.$/, '');
  const byName = (wanted: string) => records.filter((record) => lower(record.name) === wanted);
  const answers: Buffer[] = [];
  let rcode = 0;
  if (failing.has(name)) rcode = 2;
  else if (byName(name).length === 0) rcode = 3;
  else {
    // Follow CNAME chains for A and SRV questions, as a recursive server's answer would.
    let current = name;
    for (let hop = 0; hop < 8; hop++) {
      const here = byName(current);
      const cname = here.find((record) => record.type === 'CNAME');
      const wanted = here.filter((record) => TYPE[record.type] === qtype);
      if (wanted.length > 0 && (qtype === TYPE.CNAME || !cname)) {
        answers.push(...wanted.map((record) => resourceRecord(current, qtype, recordData(record))));
        break;
      }
      if (!cname || qtype === TYPE.CNAME) break;
      answers.push(resourceRecord(current, TYPE.CNAME, recordData(cname)));
      current = lower((cname as { target: string }).target);
    }
  }
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  // QR, AA, the client's RD, RA, and the response code.
  header.writeUInt16BE(0x8000 | 0x0400 | (flags & 0x0100) | 0x0080 | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  return { response: Buffer.concat([header, question, ...answers]), question: `${TYPE_NAME[qtype] ?? qtype} ${name}` };
}

export async function startDnsServer(records: DnsRecord[] = [], failing: string[] = []): Promise<DnsServer> {
  const socket: Socket = createSocket('udp4');
  const server: DnsServer = {
    address: '',
    questions: [],
    records,
    failing: new Set(failing.map((name) => name.toLowerCase())),
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
  socket.on('message', (message, remote) => {
    try {
      const { response, question } = answer(message, server.records, server.failing);
      server.questions.push(question);
      socket.send(response, remote.port, remote.address);
    } catch {
      // A malformed query gets no answer, like from a real server that drops it.
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  server.address = `127.0.0.1:${socket.address().port}`;
  return server;
}
