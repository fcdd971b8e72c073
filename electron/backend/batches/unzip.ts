/**
 * A zip from untrusted hands, read within bounds. `zipEntries` lists what the central directory
 * says (names and the sizes they claim) without inflating anything, so a reader refuses what
 * claims too much first; `inflateEntry` inflates one entry with node:zlib stopped at the size it
 * claimed, so a directory that lies costs neither memory nor time beyond that size. (fflate's
 * unzipSync keeps memory to the claimed size but inflates on to the end of the stream: a megabyte
 * of deflate that claims 400 bytes still costs seconds.)
 */
import { constants } from 'node:buffer';
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; any other cannot be read. */
  method: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags: number;
  compressedSize: number;
  /** What the directory says the entry inflates to. */
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** Not a zip that can be read: cut short, damaged, or written in a way this reader does not take. */
export class ZipUnreadable extends Error {}

const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const FULL32 = 0xffffffff;

function need(bytes: Uint8Array, at: number, length: number): void {
  if (!Number.isSafeInteger(at) || at < 0 || at + length > bytes.length) throw new ZipUnreadable();
}
const u16 = (b: Uint8Array, at: number) => { need(b, at, 2); return b[at]! | (b[at + 1]! << 8); };
const u32 = (b: Uint8Array, at: number) => { need(b, at, 4); return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000; };
/** Beyond 2^53 it is no longer exact, and far beyond any bound anyway. */
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x100000000;

/** The entries of the central directory, in its order. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  // The end record: the last 22 bytes, or earlier by a comment of at most 65,535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = bytes.length - 22;
  while (end >= lowest && u32(bytes, end) !== END) end--;
  if (end < lowest) throw new ZipUnreadable();
  let count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (end >= 20 && u32(bytes, end - 20) === END64_LOCATOR) {
    const end64 = u64(bytes, end - 12);
    if (u32(bytes, end64) === END64) {
      count = u64(bytes, end64 + 32);
      at = u64(bytes, end64 + 48);
    }
  }
  const entries: ZipEntry[] = [];
  // Each entry takes at least 46 bytes, so a count that lies ends with the bytes.
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== CENTRAL) throw new ZipUnreadable();
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    need(bytes, at + 46, nameLength + extraLength + u16(bytes, at + 32));
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      // Bit 11: the name is UTF-8; otherwise the old code page, of which ASCII names are the same.
      name: new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes),
      method: u16(bytes, at + 10), flags, compressedSize: u32(bytes, at + 20), size: u32(bytes, at + 24), offset: u32(bytes, at + 42),
    };
    if (entry.size === FULL32 || entry.compressedSize === FULL32 || entry.offset === FULL32) zip64Sizes(bytes, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + u16(bytes, at + 32);
  }
  return entries;
}

/** A zip64 extra field holds, in this order, those of the three that are 0xFFFFFFFF in the entry. */
function zip64Sizes(bytes: Uint8Array, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length; at += 4 + u16(bytes, at + 2)) {
    if (u16(bytes, at) !== 0x0001) continue;
    let field = at + 4;
    const next = () => { const v = u64(bytes, field); field += 8; return v; };
    if (entry.size === FULL32) entry.size = next();
    if (entry.compressedSize === FULL32) entry.compressedSize = next();
    if (entry.offset === FULL32) entry.offset = next();
    return;
  }
}

/**
 * The entry's bytes: exactly the size the directory claims, or ZipUnreadable (inflation stops as
 * soon as it would give more). The caller bounds `entry.size` first.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (u32(bytes, entry.offset) !== LOCAL || entry.flags & 1 || entry.size > constants.MAX_LENGTH) throw new ZipUnreadable();
  const start = entry.offset + 30 + u16(bytes, entry.offset + 26) + u16(bytes, entry.offset + 28);
  need(bytes, start, entry.compressedSize);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw new ZipUnreadable();
    return data;
  }
  if (entry.method !== 8) throw new ZipUnreadable();
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch {
    throw new ZipUnreadable();
  }
  if (out.length !== entry.size) throw new ZipUnreadable();
  return out;
}

/**
 * Every entry of a small zip (a receipt), each inflated within what it claims; ZipUnreadable when
 * it is not a zip, when two entries share a name, or when the entries claim more than `maxBytes`.
 */
export function unzipWithin(bytes: Uint8Array, maxBytes: number): Record<string, Uint8Array> {
  const entries = zipEntries(bytes);
  if (entries.reduce((n, e) => n + e.size, 0) > maxBytes) throw new ZipUnreadable();
  const files: Record<string, Uint8Array> = {};
  for (const e of entries) {
    if (Object.hasOwn(files, e.name)) throw new ZipUnreadable();
    files[e.name] = inflateEntry(bytes, e);
  }
  return files;
}
