import { ApiError } from '../../../shared/contract/errors.ts';
import type { ParsedInput } from '../../../shared/contract/index.ts';
import { formatNip } from '../../../shared/domain/nip.ts';
import { formatGolongan } from '../../../shared/domain/golongan.ts';
import { searchTerms } from '../../../shared/domain/search.ts';
import { dateInZone } from '../../../shared/domain/dates.ts';
import type { Db } from '../db/open.ts';
import * as repo from '../db/repos/employees.ts';
import { getOffice } from '../db/repos/office.ts';
import { inChangeBatch } from '../db/repos/changes.ts';
import { MIME, writeCsv, writeXlsx, type OutTable } from '../import/write-table.ts';
import type { ServiceContext, WriteMeta } from './context.ts';
import type { Handlers } from './handlers.ts';
import { meta, addUnit, refuseFoldedDuplicate } from './office.ts';
import { rememberUnitChoice, unitAliasHandlers } from './unit-aliases.ts';
import { insertEmployee, updateEmployeeRecord } from './employees.ts';
import { toEmployee } from './employee-record.ts';
import { ERROR_FILE_COLUMNS, analyse, rememberMapping, summarise, toPreview, type Analysis, type AnalyseOptions } from './roster-import.ts';
import { writeTransaction } from '../db/transaction.ts';

/**
 * Writes the valid rows of an analysis in one transaction: units first (when asked), then
 * people, then the unit choices to remember. Error rows are left out; nothing else is skipped,
 * so the counts match the preview. Their journal and audit rows are written together at the end
 * (thousands of rows, few statements).
 */
export function applyAnalysis(db: Db, m: WriteMeta, analysis: Analysis, fileName: string): string[] {
  return inChangeBatch(db, () => applyRows(db, m, analysis, fileName));
}

function applyRows(db: Db, m: WriteMeta, analysis: Analysis, fileName: string): string[] {
  const createdUnits: string[] = [];
  const unitIds = new Map<string, string>();
  // Only units that a written row will use: a unit named only on error rows waits for the fix.
  const used = new Set(analysis.rows.filter((r) => r.content && r.newUnit).map((r) => r.newUnit!));
  for (const name of analysis.newUnits.filter((u) => used.has(u))) {
    // Checked again inside the transaction: another program may have added the unit meanwhile.
    refuseFoldedDuplicate(db, name, ['unit']);
    unitIds.set(name, addUnit(db, m, { name, kind: 'kantor', code: null }).id);
    createdUnits.push(name);
  }
  for (const row of analysis.rows) {
    if (!row.content || row.kind === 'unchanged' || row.kind === 'error') continue;
    const content = row.newUnit ? { ...row.content, unitId: unitIds.get(row.newUnit) ?? null } : row.content;
    if (row.kind === 'new') insertEmployee(db, m, content, `${fileName}, baris ${row.row}`);
    else if (row.existing) {
      updateEmployeeRecord(db, m, row.existing, { ...content, deletedAt: null }, row.existing.deletedAt ? 'restore' : 'update');
    }
  }
  for (const choice of analysis.remember) rememberUnitChoice(db, m, choice);
  rememberMapping(db, analysis.table.headers, analysis.mapping);
  return createdUnits;
}

export async function importRoster(ctx: ServiceContext, input: ParsedInput<'roster.apply'>) {
  const analysis = await analyse(ctx.db, input, analyseOptions(ctx));
  const createdUnits = writeTransaction(ctx.db, () => applyAnalysis(ctx.db, meta(ctx), analysis, input.fileName));
  return { ...summarise(analysis), createdUnits };
}

const stamp = (ctx: ServiceContext) => dateInZone(ctx.now(), getOffice(ctx.db)?.timezone ?? 'Asia/Jakarta');
// Creating units is an admin's act (units.create); an import follows the same rule.
const analyseOptions = (ctx: ServiceContext): AnalyseOptions => ({ today: stamp(ctx), canCreateUnits: ctx.actor?.role === 'admin' });

async function encode(table: OutTable, format: 'xlsx' | 'csv', baseName: string) {
  const data = format === 'xlsx' ? await writeXlsx(table) : writeCsv(table);
  return { fileName: `${baseName}.${format}`, mimeType: MIME[format], dataBase64: data.toString('base64') };
}

export const EXPORT_HEADERS = [
  'NIP', 'Jenis Pegawai', 'Gelar Depan', 'Nama', 'Gelar Belakang', 'Jenis Kelamin', 'Tempat Lahir', 'Tanggal Lahir',
  'Pangkat/Gol', 'Jabatan', 'Unit Kerja', 'Status', 'Tanggal Status', 'No HP', 'Email', 'Keterangan',
];

/** The roster as a table the importer reads back unchanged (its headers are importer aliases). */
export function rosterTable(db: Db, filter: ParsedInput<'roster.export'>, format: 'xlsx' | 'csv'): OutTable {
  const { items } = repo.listEmployees(db, { ...filter, terms: searchTerms(filter.search), limit: 1_000_000, offset: 0 });
  const rows = items.map(toEmployee).map((e) => [
    // CSV keeps the standard spaces (Excel then keeps it as text); XLSX stores a text cell.
    format === 'csv' ? formatNip(e.nip) : e.nip,
    e.employmentType.toUpperCase(), e.frontTitle, e.name, e.backTitle, e.gender ?? '', e.birthPlace, e.birthDate ?? '',
    e.golongan ? formatGolongan(e.golongan) : '', e.jabatan, e.unit ?? '', e.status, e.statusDate ?? '', e.phone, e.email, e.notes,
  ]);
  return { sheetName: 'Pegawai', headers: EXPORT_HEADERS, rows, textColumns: new Set([0, 13]) };
}

export const rosterHandlers = {
  'roster.preview': async (input, ctx) => toPreview(await analyse(ctx.db, input, analyseOptions(ctx))),

  'roster.apply': (input, ctx) => importRoster(ctx, input),

  'roster.errorFile': async (input, ctx) => {
    const analysis = await analyse(ctx.db, input, analyseOptions(ctx));
    const bad = analysis.rows.filter((r) => r.kind === 'error');
    if (!bad.length) throw new ApiError('NOT_FOUND', 'Tidak ada baris yang salah.');
    const table: OutTable = {
      sheetName: 'Perlu diperbaiki',
      headers: [...ERROR_FILE_COLUMNS, ...analysis.table.headers],
      rows: bad.map((r) => [String(r.row), r.errors.map((e) => e.message).join(' '), ...r.cells]),
      textColumns: new Set(analysis.table.headers.map((_, i) => i + ERROR_FILE_COLUMNS.length)),
    };
    return encode(table, input.format, `perbaiki-${input.fileName.replace(/\.[^.]+$/, '')}`);
  },

  'roster.export': async ({ format, ...filter }, ctx) => encode(rosterTable(ctx.db, { format, ...filter }, format), format, `pegawai-${stamp(ctx)}`),

  ...unitAliasHandlers,
} satisfies Partial<Handlers>;
