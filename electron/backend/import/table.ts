// The shape every spreadsheet reader returns, and the header search they share.

import { ApiError } from '../../../shared/contract/errors.ts';
import { matchHeader } from '../../../shared/domain/roster-columns.ts';

export interface TableRow {
  /** 1-based row as Excel shows it (for a CSV: the record's position, blank lines included). */
  rowNumber: number;
  /** CSV only: the 1-based line the record starts on in a text editor (differs after multi-line cells). */
  line?: number;
  cells: string[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  sheets?: string[];
  sheet?: string;
  /** 1-based row of the (first) header row, as the clerk sees it in Excel. */
  headerRowNumber: number;
  /** 2 when a merged heading sits above the column names; data starts after the last. */
  headerRowCount: 1 | 2;
  headers: string[];
  /** Data rows below the header; blank rows are left out, numbering is not disturbed. */
  rows: TableRow[];
}

/** Errors about the file, shaped as a validation issue on the `file` field. */
export function importError(code: string, params?: Record<string, string | number>): ApiError {
  return ApiError.field(['file'], `import.${code}`, params);
}

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

const HEADER_SEARCH_ROWS = 20;

/**
 * Index (into non-blank `rows`) of the header row: the first of the first 20 rows that names at
 * least two roster columns; failing that, the first row with the most cells holding letters
 * (a header is words, data rows are mostly numbers, dates and codes). -1 when no row has any.
 * Title rows above the table ("DAFTAR PEGAWAI KECAMATAN PLAJU") name no column and have one cell.
 */
export function findHeaderIndex(rows: readonly TableRow[]): number {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  const known = candidates.findIndex((row) => row.cells.filter((c) => matchHeader(c) !== null).length >= 2);
  if (known >= 0) return known;
  let best = -1;
  let bestCount = 0;
  candidates.forEach((row, index) => {
    const count = row.cells.filter((c) => /\p{L}/u.test(c)).length;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  });
  return best;
}

/**
 * Headers and data rows from non-blank rows and the header's position. With a two-row header
 * each column takes the lower label when it has one ("Gelar Depan" under a merged "Nama"),
 * else the upper one ("NIP" merged down both rows, or written only in the upper row).
 * Every row is cut or padded to the width of the widest non-empty content.
 */
export function assemble(rows: readonly TableRow[], headerIndex: number, headerRowCount: 1 | 2) {
  const upper = rows[headerIndex]!;
  const lower = headerRowCount === 2 ? rows[headerIndex + 1]! : upper;
  const data = rows.slice(headerIndex + headerRowCount);
  const width = Math.max(contentWidth(upper.cells), contentWidth(lower.cells), ...data.map((r) => contentWidth(r.cells)));
  const label = (c: number) => cleanLabel(lower.cells[c] ?? '') || cleanLabel(upper.cells[c] ?? '');
  return {
    headerRowNumber: upper.rowNumber,
    headerRowCount,
    headers: Array.from({ length: width }, (_, c) => label(c)),
    rows: data.map((r) => ({ ...r, cells: fit(r.cells, width) })),
  };
}

// Headers are labels: line breaks inside a header cell ("Tanggal\nLahir") and stray spaces go.
function cleanLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function contentWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && cells[width - 1]!.trim() === '') width--;
  return width;
}

function fit(cells: string[], width: number): string[] {
  if (cells.length === width) return cells;
  if (cells.length > width) return cells.slice(0, width);
  return [...cells, ...Array<string>(width - cells.length).fill('')];
}
