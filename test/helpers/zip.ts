// Zip files written byte by byte with node:zlib, so that tests can make what no spreadsheet
// program writes: parts that unpack to a hundred times their size, and directories that lie.
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * A part's content: bytes, text, a piece repeated (deflated as a stream, never held whole), or a
 * raw deflate stream already made with the size it inflates to (its CRC left 0: see `zeroBomb`).
 */
export type PartData = Buffer | string | { head?: string; repeat: string; times: number; tail?: string } | { deflated: Buffer; size: number };

export interface ZipPart {
  name: string;
  data: PartData;
  /** What the directory says the part unpacks to; the truth by default. */
  declaredSize?: number;
  /** Sizes in a zip64 extra field, as writers do for parts over 4 GB. */
  zip64?: boolean;
}

interface Packed { compressed: Buffer; size: number; crc: number }

async function pack(data: PartData): Promise<Packed> {
  if (typeof data === 'string' || Buffer.isBuffer(data)) {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
    return { compressed: zlib.deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
  }
  if ('deflated' in data) return { compressed: data.deflated, size: data.size, crc: 0 };
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => { deflate.on('end', resolve); deflate.on('error', reject); });
  let size = 0;
  let crc = 0;
  const write = async (bytes: Buffer) => {
    size += bytes.length;
    crc = crc32(bytes, crc);
    if (!deflate.write(bytes)) await new Promise((r) => deflate.once('drain', r));
  };
  if (data.head) await write(Buffer.from(data.head, 'utf8'));
  // A megabyte at a time, so that a part of hundreds of MB never exists in memory.
  const piece = Buffer.from(data.repeat, 'utf8');
  const perWrite = Math.max(1, Math.floor((1024 * 1024) / piece.length));
  const block = Buffer.concat(Array<Buffer>(perWrite).fill(piece));
  let left = data.times;
  while (left >= perWrite) {
    await write(block);
    left -= perWrite;
  }
  if (left > 0) await write(Buffer.concat(Array<Buffer>(left).fill(piece)));
  if (data.tail) await write(Buffer.from(data.tail, 'utf8'));
  deflate.end();
  await done;
  return { compressed: Buffer.concat(out), size, crc };
}

/**
 * A raw deflate stream of `mib` MiB of zero bytes, made in milliseconds whatever the size: one
 * 16 MiB piece ending on a byte boundary (a sync flush), repeated (each piece only refers back
 * into zeros), then an empty final block. About a kilobyte per MiB.
 */
export function zeroBomb(mib: number): { deflated: Buffer; size: number } {
  const piece = zlib.deflateRawSync(Buffer.alloc(16 * 1024 * 1024), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const pieces = Math.ceil(mib / 16);
  const end = Buffer.from([0x03, 0x00]);
  return { deflated: Buffer.concat([...Array<Buffer>(pieces).fill(piece), end]), size: pieces * 16 * 1024 * 1024 };
}

/** A zip of deflated parts, with a central directory saying what each `declaredSize` claims. */
export async function makeZip(parts: readonly ZipPart[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { compressed, size, crc } = await pack(part.data);
    const declared = part.declaredSize ?? size;
    const name = Buffer.from(part.name, 'utf8');
    const extra = part.zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (part.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(declared), 4);
      extra.writeBigUInt64LE(BigInt(compressed.length), 12);
    }
    const size32 = (n: number) => (part.zip64 ? 0xffffffff : n);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(part.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(size32(compressed.length), 18);
    local.writeUInt32LE(size32(declared), 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, compressed);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(part.zip64 ? 45 : 20, 4);
    entry.writeUInt16LE(part.zip64 ? 45 : 20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(size32(compressed.length), 20);
    entry.writeUInt32LE(size32(declared), 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt16LE(extra.length, 30);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name, extra);

    offset += local.length + name.length + extra.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The parts of a minimal workbook with one sheet "Pegawai", Excel's way; `sheet` is the
 * sheet's XML (use `sheetXml` for an ordinary one).
 */
export function workbookParts(sheet: PartData, sheetPart: Partial<ZipPart> = {}): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Pegawai" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, ...sheetPart },
  ];
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** A sheet's XML with these rows of text cells. */
export function sheetXml(rows: readonly (readonly string[])[]): string {
  const column = (c: number) => String.fromCharCode(65 + c);
  const body = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) =>
    `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`).join('');
  return `${SHEET_HEAD}${body}${SHEET_TAIL}`;
}
