// Report workbooks: several sheets, each with optional title lines above a bold header row,
// typed cells (numbers stay numbers for Excel to sum; NIPs and certificate numbers stay text),
// a frozen header and an autofilter. write-table.ts writes one plain sheet of strings, which is
// what imports and roster exports need; reports need a title, totals and a second sheet.
import ExcelJS from 'exceljs';
import { MIME } from '../import/write-table.ts';

export type XCell = string | number | null;

export interface XSheet {
  name: string;
  /** Lines above the table (report title, office, period), merged across its width. */
  title?: readonly string[];
  headers: readonly string[];
  rows: readonly (readonly XCell[])[];
  /** Columns Excel must keep as text whatever they hold (NIP: 18 digits would lose three). */
  textColumns?: readonly number[];
  /** Rows (indexes into `rows`) printed bold: subtotals and totals. */
  boldRows?: ReadonlySet<number>;
  /** Number formats per column, e.g. '#,##0' for rupiah. */
  formats?: Readonly<Record<number, string>>;
  autoFilter?: boolean;
}

export const RUPIAH_FORMAT = '#,##0';
export const DECIMAL_FORMAT = '0.##';

export async function writeWorkbook(sheets: readonly XSheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Bangkom';
  for (const s of sheets) {
    const titleRows = s.title?.length ?? 0;
    const headerRow = titleRows + (titleRows ? 2 : 1);
    const sheet = book.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: headerRow }] });
    const width = s.headers.length;
    s.title?.forEach((line, i) => {
      const row = sheet.getRow(i + 1);
      row.getCell(1).value = line;
      row.font = { bold: i === 0, size: i === 0 ? 12 : 10 };
      if (width > 1) sheet.mergeCells(i + 1, 1, i + 1, width);
    });
    const head = sheet.getRow(headerRow);
    s.headers.forEach((h, i) => { head.getCell(i + 1).value = h; });
    head.font = { bold: true };
    head.alignment = { vertical: 'middle', wrapText: true };
    const text = new Set(s.textColumns ?? []);
    s.rows.forEach((values, r) => {
      const row = sheet.getRow(headerRow + 1 + r);
      values.forEach((v, c) => {
        if (v === null || v === '') return;
        // A text column keeps digits as typed, an 18-digit NIP included.
        row.getCell(c + 1).value = text.has(c) ? String(v) : v;
      });
      if (s.boldRows?.has(r)) row.font = { bold: true };
    });
    s.headers.forEach((h, i) => {
      const column = sheet.getColumn(i + 1);
      if (text.has(i)) column.numFmt = '@';
      const format = s.formats?.[i];
      if (format) column.numFmt = format;
      // Widths from the header and the cells only: a long title line spans the merged row.
      const longest = Math.max(h.length, ...s.rows.slice(0, 500).map((r) => String(r[i] ?? '').length));
      column.width = Math.min(Math.max(longest + 2, 8), 60);
    });
    if (s.autoFilter !== false && s.rows.length) sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: width } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const xlsxFile = (fileName: string, data: Buffer) => ({ fileName, mimeType: MIME.xlsx, dataBase64: data.toString('base64') });
