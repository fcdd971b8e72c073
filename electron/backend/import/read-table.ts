// One entry point for the spreadsheets clerks bring: CSV (any delimiter and encoding Excel or
// another system writes) and XLSX. The result is plain text cells with the row numbers the
// clerk sees in Excel; what the cells mean is the roster importer's business.

import { IMPORT_MAX_BYTES, IMPORT_MAX_MB } from '../../../shared/contract/roster.ts';
import { readCsv } from './csv.ts';
import { importError, type Table } from './table.ts';
import { readXlsx } from './xlsx.ts';

export type { Table, TableRow } from './table.ts';

const TEXT_EXTENSIONS = new Set(['csv', 'txt', 'tsv']);

export interface ReadTableOptions {
  /** XLSX: the sheet to read (exact name, else ignoring case); default the first visible one. */
  sheet?: string;
}

/**
 * Reads a CSV or XLSX file. The content decides where it can (an .xlsx is a zip, an old .xls an
 * OLE2 container), the extension otherwise. Errors are ApiErrors on the `file` field:
 * import.empty, import.no_header, import.unsupported_format {format}, import.encrypted,
 * import.unreadable {format}, import.csv_invalid {line, reason},
 * import.sheet_not_found {sheet, available}, import.too_large {maxMb} (the file),
 * import.xlsx_too_big {maxMb} and import.xlsx_too_many_cells {maxCellsMillion} (its unpacked content).
 */
export async function readTable(data: Buffer, fileName: string, options: ReadTableOptions = {}): Promise<Table> {
  if (data.length === 0) throw importError('empty');
  // The contract's limit is on the base64 text; this is the file's own size.
  if (data.length > IMPORT_MAX_BYTES) throw importError('too_large', { maxMb: IMPORT_MAX_MB });
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument and Numbers files are zips too, but not ones exceljs can read.
    if (ext === 'ods' || ext === 'numbers') throw importError('unsupported_format', { format: ext });
    return readXlsx(data, options.sheet);
  }
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) {
    // A password-protected .xlsx is stored inside an OLE2 container like an old .xls.
    if (ext === 'xlsx' || ext === 'xlsm') throw importError('encrypted');
    throw importError('unsupported_format', { format: 'xls' });
  }
  if (ext === 'xlsx' || ext === 'xlsm') throw importError('unreadable', { format: 'xlsx' });
  if (ext === 'xls') throw importError('unsupported_format', { format: 'xls' });
  if (TEXT_EXTENSIONS.has(ext)) return readCsv(data);
  throw importError('unsupported_format', { format: ext });
}

function startsWith(data: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => data[i] === b);
}
