// XLSX through exceljs, giving each cell the text a clerk sees in it.

import ExcelJS from 'exceljs';
import { matchHeader } from '../../../shared/domain/roster-columns.ts';
import { assemble, findHeaderIndex, importError, isBlank, type Table, type TableRow } from './table.ts';
import { checkXlsxSize } from './xlsx-limits.ts';

export async function readXlsx(data: Buffer, sheetName?: string): Promise<Table> {
  checkXlsxSize(data);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer (an ArrayBuffer); JSZip reads either.
    await workbook.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  } catch {
    throw importError('unreadable', { format: 'xlsx' });
  }
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => s.name);
  const sheet = sheetName === undefined ? firstVisible(sheets) : findSheet(sheets, sheetName);
  if (!sheet) {
    if (sheetName === undefined) throw importError('empty');
    throw importError('sheet_not_found', { sheet: sheetName, available: names.join(', ') });
  }

  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    if (!isBlank(cells)) rows.push({ rowNumber, cells });
  });
  if (rows.length === 0) throw importError('empty', { sheet: sheet.name });

  const headerIndex = findHeaderIndex(rows);
  if (headerIndex < 0) throw importError('no_header', { sheet: sheet.name });
  const header = rows[headerIndex]!;
  const next = rows[headerIndex + 1];
  const twoRows = next !== undefined && next.rowNumber === header.rowNumber + 1 && continuesHeader(sheet, header.rowNumber);
  return { format: 'xlsx', sheets: names, sheet: sheet.name, ...assemble(rows, headerIndex, twoRows ? 2 : 1) };
}

// The sheet Excel opens on for a clerk: the first one not hidden.
function firstVisible(sheets: ExcelJS.Worksheet[]): ExcelJS.Worksheet | undefined {
  return sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? sheets[0];
}

function findSheet(sheets: ExcelJS.Worksheet[], name: string): ExcelJS.Worksheet | undefined {
  const folded = name.trim().toLowerCase();
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.trim().toLowerCase() === folded);
}

/**
 * Whether the row below a header row is part of the header. Yes when a header cell is merged
 * down into it (a "NIP" spanning both rows), or when a header cell merged across columns (a
 * "Nama" heading) has column names under it ("Gelar Depan | Nama | Gelar Belakang"). A merged
 * header over plain data ("Nama" made wide over names) is not a two-row header.
 */
function continuesHeader(sheet: ExcelJS.Worksheet, headerRow: number): boolean {
  const upper = sheet.getRow(headerRow);
  const lower = sheet.getRow(headerRow + 1);
  const width = Math.max(upper.cellCount, lower.cellCount);
  for (let c = 1; c <= width; c++) {
    const below = lower.getCell(c);
    if (below.isMerged && rowOf(below.master) === headerRow) return true;
  }
  for (let c = 1; c <= width; c++) {
    const cell = upper.getCell(c);
    const spansColumns = cell.isMerged && rowOf(cell.master) === headerRow && colOf(cell.master) !== colOf(cell);
    if (spansColumns && (matchHeader(cellText(lower.getCell(colOf(cell.master)))) || matchHeader(cellText(lower.getCell(c))))) return true;
  }
  return false;
}

/**
 * A merged cell's value belongs to the merge's first column, on every row the merge spans: a
 * "Unit Kerja" merged down beside several people applies to each of them, while a value merged
 * across columns is not repeated into the columns it covers.
 */
function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && colOf(cell.master) !== colOf(cell)) return '';
  return valueText(cell.value);
}

// exceljs declares a cell's row and col as strings; they are numbers at run time.
const rowOf = (cell: ExcelJS.Cell) => Number(cell.row);
const colOf = (cell: ExcelJS.Cell) => Number(cell.col);

type Value = ExcelJS.CellValue | NonNullable<ExcelJS.CellFormulaValue['result']>;

function valueText(value: Value): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  // A formula shows its last computed result; a file never opened in Excel may have none.
  if ('formula' in value || 'sharedFormula' in value) return valueText(value.result ?? null);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : valueText(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

/**
 * Numbers as Excel shows them in a General cell: at most 15 significant digits (which also hides
 * binary noise such as 0.30000000000000004), integers as plain digits. An 18-digit NIP typed as
 * a number therefore comes out the way Excel damaged it, "198609262015051000", and the NIP
 * parser reports the damage instead of the importer guessing the lost digits.
 */
function numberText(n: number): string {
  return String(Number(n.toPrecision(15)));
}
