import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';

export interface OutTable {
  sheetName: string;
  headers: string[];
  rows: string[][];
  /** Columns that must stay text in Excel (NIPs: 18 digits would lose the last three). */
  textColumns?: ReadonlySet<number>;
  /** Columns written as numbers, so Excel can sum and sort them (JP, percentages). */
  numberColumns?: ReadonlySet<number>;
}

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** XLSX with text cells where asked, a bold frozen header and an autofilter. */
export async function writeXlsx(table: OutTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(table.numberColumns ? row.map((cell, i) => (table.numberColumns!.has(i) && cell !== '' && Number.isFinite(Number(cell)) ? Number(cell) : cell)) : row);
  }
  table.headers.forEach((header, i) => {
    const column = sheet.getColumn(i + 1);
    if (table.textColumns?.has(i)) column.numFmt = '@';
    const longest = Math.max(header.length, ...table.rows.slice(0, 500).map((r) => (r[i] ?? '').length));
    column.width = Math.min(Math.max(longest + 2, 8), 60);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * A cell Excel would run as a formula (=, +, -, @ first) gets Excel's own text marker, an
 * apostrophe; the importer drops it again. Phone numbers like +62… stay readable this way too.
 */
export function inertCell(cell: string): string {
  return /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
}

/**
 * CSV as Excel on an Indonesian PC opens it by double-click: UTF-8 with a BOM, semicolons (the
 * list separator where the decimal separator is a comma). NIPs go out with their standard spaces,
 * which keeps them text in Excel and which the importer reads back.
 */
export function writeCsv(table: OutTable): Buffer {
  // A line break inside a cell is quoted, bare LF included: Excel starts a new row at any of them.
  const text = stringify([table.headers, ...table.rows.map((r) => r.map(inertCell))], { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
