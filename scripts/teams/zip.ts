import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, forward slashes. */
  name: string;
  data: Buffer;
}

/** 1980-01-01 00:00, the earliest DOS date: fixed so the same inputs give byte-identical archives. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Writes a plain zip archive (deflate, no zip64, no encryption): all a Teams app package needs, without
 * a dependency. Layout: local header + data per entry, then the central directory, then its end record.
 */
export function createZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);

    // The local header and the central directory record repeat the same fields from "version
    // needed" to the name length; the central record has one more field ("made by") in front.
    const fields = { crc, compressed: compressed.length, size: entry.data.length, name: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeSharedFields(local, 4, fields);
    parts.push(local, name, compressed);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: 2.0
    writeSharedFields(header, 6, fields);
    header.writeUInt32LE(offset, 42); // extra, comment, disk, attributes stay 0
    central.push(header, name);

    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** Version needed, flags, method, time, date, CRC, sizes and name length, from `at` on (extra length stays 0). */
function writeSharedFields(buffer: Buffer, at: number, fields: { crc: number; compressed: number; size: number; name: number }): void {
  buffer.writeUInt16LE(20, at); // version needed: 2.0
  buffer.writeUInt16LE(0x0800, at + 2); // flags: names are UTF-8
  buffer.writeUInt16LE(8, at + 4); // method: deflate
  buffer.writeUInt16LE(DOS_TIME, at + 6);
  buffer.writeUInt16LE(DOS_DATE, at + 8);
  buffer.writeUInt32LE(fields.crc, at + 10);
  buffer.writeUInt32LE(fields.compressed, at + 14);
  buffer.writeUInt32LE(fields.size, at + 18);
  buffer.writeUInt16LE(fields.name, at + 22);
}
