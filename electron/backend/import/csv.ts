// CSV as clerks' PCs write it: Excel's "CSV" (Windows-1252, `;` or `,` depending on the
// regional settings), "CSV UTF-8" (with BOM), "Unicode Text" (UTF-16LE with BOM, tabs), and
// exports from other systems (UTF-8 without BOM).

import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { assemble, findHeaderIndex, importError, isBlank, type Table, type TableRow } from './table.ts';

const DELIMITERS = [',', ';', '\t'] as const;
const DELIMITER_SAMPLE_RECORDS = 50;

/**
 * A byte-order mark settles it. Without one the choice is UTF-8 or a legacy code page, and
 * validity decides: bytes that are not valid UTF-8 cannot be UTF-8, while legacy text that happens
 * to form valid multi-byte UTF-8 ("Ã©") does not occur in names. The legacy page is always taken
 * as Windows-1252, the superset of ISO-8859-1 that Windows writes. A statistical detector such as
 * chardet adds nothing to this two-way choice and misreads short files (it rates plain ASCII as
 * ISO-8859-9), so it is not used. UTF-16 written without a BOM (some exports do) shows itself by
 * its zero bytes: a roster is mostly Latin text, whose high byte is zero in every other position.
 */
export function detectEncoding(data: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8';
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  const utf16 = utf16WithoutBom(data);
  if (utf16) return utf16;
  return isUtf8(data) ? 'utf-8' : 'windows-1252';
}

/** Zero bytes in most odd positions (LE) or most even ones (BE) of the first 4 KB, none elsewhere. */
function utf16WithoutBom(data: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(data.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (data[i] === 0) evenZeros++;
    if (data[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.6 && evenZeros === 0) return 'utf-16le';
  if (evenZeros >= pairs * 0.6 && oddZeros === 0) return 'utf-16be';
  return null;
}

/**
 * The delimiter that splits the first records into the most consistent number of columns
 * (at least two), quotes respected; on a tie, the one giving more columns. ',' when none does.
 */
export function detectDelimiter(text: string): string {
  // csv-parse reads its whole input even when told to stop after N records: give it a prefix.
  const sample = text.slice(0, 64 * 1024);
  let best: { delimiter: string; share: number; columns: number } = { delimiter: ',', share: 0, columns: 1 };
  for (const delimiter of DELIMITERS) {
    let records: string[][];
    try {
      records = parse(sample, { delimiter, relax_column_count: true, relax_quotes: true, to: DELIMITER_SAMPLE_RECORDS });
    } catch {
      continue; // a quote this delimiter leaves unbalanced: not the file's delimiter
    }
    const counts = records.filter((r) => !isBlank(r)).map((r) => r.length);
    const columns = mode(counts);
    if (columns < 2) continue;
    const share = counts.filter((n) => n === columns).length / counts.length;
    if (share > best.share || (share === best.share && columns > best.columns)) best = { delimiter, share, columns };
  }
  return best.delimiter;
}

export function readCsv(data: Uint8Array): Table {
  const encoding = detectEncoding(data);
  let text = iconv.decode(Buffer.from(data.buffer, data.byteOffset, data.byteLength), encoding); // drops the BOM

  // Excel honours (and hides) a first line "sep=;" naming the delimiter; so do we.
  let delimiter: string;
  let skippedLines = 0;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    delimiter = sep[1]!;
    text = text.slice(sep[0].length);
    skippedLines = 1;
  } else {
    delimiter = detectDelimiter(text);
  }

  if (!/[^\s,;"]/.test(text)) throw importError('empty'); // nothing but separators

  // Excel shows each record as one row, however many lines its quoted cells span, and shows
  // blank lines as blank rows: so the row number is the record's position. The text line is
  // counted from the bytes each record spans (csv-parse's own info.lines counts a CRLF inside a
  // quoted cell as two lines). Parsing bytes makes context.bytes an offset into `input`.
  const rows = parseFast(text, delimiter, skippedLines) ?? parseLocatingErrors(text, delimiter, skippedLines);
  if (rows.length === 0) throw importError('empty');

  const headerIndex = findHeaderIndex(rows);
  if (headerIndex < 0) throw importError('no_header');
  return { format: 'csv', encoding, delimiter, ...assemble(rows, headerIndex, 1) };
}

/**
 * The common case, a well-formed file, in one pass of csv-parse. Each record starts one line
 * after the previous one plus the line breaks inside its quoted cells. Null when the file does
 * not parse: then the slower pass below finds where.
 */
function parseFast(text: string, delimiter: string, skippedLines: number): TableRow[] | null {
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true });
  } catch {
    return null;
  }
  const rows: TableRow[] = [];
  let line = 1 + skippedLines;
  records.forEach((record, i) => {
    if (!isBlank(record)) rows.push({ rowNumber: i + 1, line, cells: dropTextMarkers(record) });
    line += 1;
    for (const cell of record) if (cell.includes('\n') || cell.includes('\r')) line += lineBreaksIn(cell);
  });
  return rows;
}

function lineBreaksIn(cell: string): number {
  return cell.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Record by record, so that a broken quote is reported at the row and line where it opened. */
function parseLocatingErrors(text: string, delimiter: string, skippedLines: number): TableRow[] {
  const input = Buffer.from(text, 'utf8');
  const rows: TableRow[] = [];
  let index = 0;
  let line = 1 + skippedLines;
  let offset = 0;
  try {
    parse(input, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      on_record: (record: string[], { bytes }) => {
        index++;
        if (!isBlank(record)) rows.push({ rowNumber: index, line, cells: dropTextMarkers(record) });
        line += lineBreaks(input, offset, bytes);
        offset = bytes;
        return null; // kept in `rows` instead
      },
    });
  } catch (err) {
    // `index` and `line` still point at the record that failed: where an unclosed quote opened.
    throw importError('csv_invalid', { row: index + 1, line, reason: String((err as { code?: unknown }).code ?? 'unknown') });
  }
  return rows;
}

/**
 * Excel's text marker: a leading apostrophe before something that would read as a formula.
 * In place: the record is ours, and a 10,000-row file then allocates no second copy of it.
 */
function dropTextMarkers(record: string[]): string[] {
  for (let i = 0; i < record.length; i++) {
    const cell = record[i]!;
    if (cell.charCodeAt(0) === 0x27 && /^'[=+\-@]/.test(cell)) record[i] = cell.slice(1);
  }
  return record;
}

function lineBreaks(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) count++;
  }
  return count;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount || (n === bestCount && v > best)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}
