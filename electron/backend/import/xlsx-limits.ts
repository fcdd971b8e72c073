// An .xlsx is a zip, and a small zip can hold gigabytes: exceljs unpacks every part into memory
// and keeps an object per cell (about 300 bytes each), so a 7 MB file once took 1.8 GB. Before
// exceljs sees a file, its zip directory is read and the sizes it declares are added up; then
// every part is unpacked here with the remaining allowance as a hard cap on the output (the
// directory may lie), and the cells and rows in the sheets are counted.

import zlib from 'node:zlib';
import { importError } from './table.ts';

const MB = 1024 * 1024;

export const XLSX_LIMITS = {
  /** All parts of the zip together, unpacked. A roster of 10,000 people is under 10 MB. */
  unpackedBytes: 100 * MB,
  /** Cells and rows in all sheets (and shared strings): exceljs holds ~320 bytes each, so ~450 MB at most; a roster of 10,000 people × 20 columns is 200,000. */
  cells: 1_000_000,
  /** Parts in the zip; Excel writes a few dozen. */
  entries: 10_000,
};

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const unreadable = () => importError('unreadable', { format: 'xlsx' });
const tooBig = () => importError('xlsx_too_big', { maxMb: XLSX_LIMITS.unpackedBytes / MB });
const tooManyCells = () => importError('xlsx_too_many_cells', { maxCellsMillion: XLSX_LIMITS.cells / 1_000_000 });

/**
 * Throws import.xlsx_too_big or import.xlsx_too_many_cells (VALIDATION on `file`) when the
 * workbook is too large to open, import.unreadable when it is not a zip that can be read.
 */
export function checkXlsxSize(data: Buffer, limits = XLSX_LIMITS): void {
  const entries = readDirectory(data, limits);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.unpackedBytes) throw tooBig();

  let unpacked = 0;
  let cells = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const content = unpack(data, entry, limits.unpackedBytes - unpacked);
    unpacked += content.length;
    if (isCounted(entry.name)) {
      cells += countElements(content, CELL_ELEMENTS);
      if (cells > limits.cells) throw tooManyCells();
    }
  }
}

// The parts exceljs reads as sheets (its own pattern), and the shared strings.
const isCounted = (name: string) => /xl\/worksheets\/sheet(\d+)[.]xml/.test(name) || /xl\/sharedStrings\.xml$/.test(name);
const CELL_ELEMENTS = new Set(['c', 'row', 'si']);

function readDirectory(data: Buffer, limits: typeof XLSX_LIMITS): Entry[] {
  const eocd = findEocd(data);
  if (eocd < 0) throw unreadable();
  let count = data.readUInt16LE(eocd + 10);
  let size = data.readUInt32LE(eocd + 12);
  let offset = data.readUInt32LE(eocd + 16);
  let end = eocd;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || data.readUInt32LE(locator) !== ZIP64_LOCATOR) throw unreadable();
    const record = safeNumber(data.readBigUInt64LE(locator + 8));
    if (record + 56 > data.length || data.readUInt32LE(record) !== ZIP64_EOCD) throw unreadable();
    count = safeNumber(data.readBigUInt64LE(record + 32));
    size = safeNumber(data.readBigUInt64LE(record + 40));
    offset = safeNumber(data.readBigUInt64LE(record + 48));
    end = record;
  }
  if (count > limits.entries) throw tooBig();
  // Bytes before the zip (as JSZip allows) shift every offset by the same amount.
  const shift = end - (offset + size);
  if (shift < 0) throw unreadable();

  const entries: Entry[] = [];
  let p = offset + shift;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL) throw unreadable();
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    const entry: Entry = {
      name: data.toString('utf8', p + 46, p + 46 + nameLength),
      method: data.readUInt16LE(p + 10),
      compressedSize: data.readUInt32LE(p + 20),
      uncompressedSize: data.readUInt32LE(p + 24),
      localOffset: data.readUInt32LE(p + 42),
    };
    readZip64Extra(data.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    entry.localOffset += shift;
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEocd(data: Buffer): number {
  const last = Math.max(0, data.length - 22 - 0xffff);
  for (let p = data.length - 22; p >= last; p--) {
    if (data.readUInt32LE(p) === EOCD) return p;
  }
  return -1;
}

/** Sizes and offset that do not fit 32 bits are in the zip64 extra field, in this order. */
function readZip64Extra(extra: Buffer, entry: Entry): void {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + length || q + 8 > extra.length) throw unreadable();
        const value = safeNumber(extra.readBigUInt64LE(q));
        q += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    p += 4 + length;
  }
}

function safeNumber(value: bigint): number {
  // Anything this large is too big to open anyway; the sum then refuses it.
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** The part's bytes, unpacked with at most `allowance` bytes of output whatever the directory says. */
function unpack(data: Buffer, entry: Entry, allowance: number): Buffer {
  const local = entry.localOffset;
  if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL) throw unreadable();
  const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
  const compressed = data.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (compressed.length > allowance) throw tooBig();
    return compressed;
  }
  if (entry.method !== 8) throw unreadable(); // JSZip reads only stored and deflated parts
  try {
    // A cut-off stream gives what it has, as JSZip would; only the size and corrupt data throw.
    return zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(allowance, 1), finishFlush: zlib.constants.Z_SYNC_FLUSH });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
    throw unreadable();
  }
}

/**
 * Elements with one of `names` as local name (any namespace prefix): `<c r="A1">`, `<x:c/>`,
 * not `</c>`, `<col>`, `<cfRule>` or anything inside a comment or CDATA.
 */
export function countElements(xml: Buffer, names: ReadonlySet<string>): number {
  const longest = Math.max(...[...names].map((n) => n.length));
  let count = 0;
  let p = xml.indexOf(0x3c); // '<'
  while (p >= 0 && p + 1 < xml.length) {
    let q = p + 1;
    const first = xml[q]!;
    if (first === 0x21) { // '<!': a comment or CDATA, whose text is not markup
      const close = xml.subarray(q, q + 3).equals(COMMENT_OPEN) ? COMMENT_CLOSE : xml.subarray(q, q + 8).equals(CDATA_OPEN) ? CDATA_CLOSE : null;
      if (close) {
        const end = xml.indexOf(close, q);
        if (end < 0) break;
        q = end + close.length;
      }
    } else if (first !== 0x2f && first !== 0x3f) { // not '</' or '<?'
      let nameStart = q;
      while (q < xml.length && !isNameEnd(xml[q]!)) {
        if (xml[q] === 0x3a) nameStart = q + 1; // ':' ends a prefix
        q++;
      }
      // Names longer than any counted one are skipped without making a string.
      if (q - nameStart <= longest && names.has(xml.toString('latin1', nameStart, q))) count++;
    }
    p = xml.indexOf(0x3c, q);
  }
  return count;
}

const COMMENT_OPEN = Buffer.from('!--');
const COMMENT_CLOSE = Buffer.from('-->');
const CDATA_OPEN = Buffer.from('![CDATA[');
const CDATA_CLOSE = Buffer.from(']]>');

function isNameEnd(byte: number): boolean {
  return byte === 0x20 || byte === 0x3e || byte === 0x2f || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}
