import type { ImportIssue, ImportPreview, ImportRow, RosterField } from '../../../shared/contract/roster.ts';
import type { ParsedInput } from '../../../shared/contract/index.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { foldHeader, mapHeaders, normalizeEmploymentType, normalizeGender, normalizeStatus, splitBirthPlaceDate } from '../../../shared/domain/roster-columns.ts';
import { detectDateOrder, parseLooseDate, type DateOrder } from '../../../shared/domain/loose-date.ts';
import { DATE_YEARS, birthDateYears, yearProblem, type YearRange } from '../../../shared/domain/calendar-date.ts';
import { splitTitles } from '../../../shared/domain/person-name.ts';
import { parseNip } from '../../../shared/domain/nip.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import type { Db } from '../db/open.ts';
import * as employees from '../db/repos/employees.ts';
import { listUnits } from '../db/repos/units.ts';
import { readTable, type Table } from '../import/read-table.ts';
import { checkDraft, contentChanges, type EmployeeContent, type EmployeeDraft, type RecordIssue } from './employee-record.ts';
import { getSetting, setSetting } from '../db/repos/settings.ts';

type Input = ParsedInput<'roster.preview'>;
export type Mapping = Record<string, RosterField | null>;

/** One data row, understood: what it would do and why not. */
export interface PlannedRow extends Omit<ImportRow, 'changes' | 'errors' | 'warnings'> {
  changes: Readonly<ImportRow['changes']>;
  errors: readonly ImportIssue[];
  warnings: readonly ImportIssue[];
  cells: string[];
  content: EmployeeContent | null;
  existing: employees.EmployeeRow | null;
  /** A unit the file names that does not exist yet (created on apply with createUnits). */
  newUnit: string | null;
}

export interface Analysis {
  table: Table;
  mapping: Mapping;
  rows: PlannedRow[];
  missingUnits: string[];
}

const { t } = createI18n('id');

// Shared by every row without any: most rows of an import have no change list, error or warning.
const NO_CHANGES: Readonly<Record<string, [unknown, unknown]>> = Object.freeze({});
const NO_ISSUES: readonly ImportIssue[] = Object.freeze([]);

/** The remembered mapping is keyed by the file's folded headers: the same layout maps the same way. */
export function mappingKey(headers: readonly string[]): string {
  return `roster.mapping:${headers.map(foldHeader).join('|')}`;
}

/** The columns the error file puts in front of the file's own (roster.errorFile). */
export const ERROR_FILE_COLUMNS = ['Baris', 'Kesalahan'] as const;

function storedMapping(db: Db, headers: readonly string[]): Mapping | null {
  const value = getSetting(db, mappingKey(headers));
  return value ? (JSON.parse(value) as Mapping) : null;
}

/**
 * The mapping last applied to files with these headers. A corrected error file (its own two
 * columns, then the original ones) is mapped as the original was, its two columns left out.
 */
export function rememberedMapping(db: Db, headers: readonly string[]): Mapping | null {
  const own = storedMapping(db, headers);
  if (own || !ERROR_FILE_COLUMNS.every((h, i) => foldHeader(headers[i] ?? '') === foldHeader(h))) return own;
  const original = storedMapping(db, headers.slice(ERROR_FILE_COLUMNS.length));
  if (!original) return null;
  const shifted: Mapping = Object.fromEntries(ERROR_FILE_COLUMNS.map((_, i) => [String(i), null]));
  for (const [index, field] of Object.entries(original)) shifted[String(Number(index) + ERROR_FILE_COLUMNS.length)] = field;
  return shifted;
}

export function rememberMapping(db: Db, headers: readonly string[], mapping: Mapping): void {
  setSetting(db, mappingKey(headers), JSON.stringify(mapping));
}

function issue(row: number, i: RecordIssue): ImportIssue {
  const field = i.field === 'unitId' ? 'unit' : i.field;
  const out: ImportIssue = { row, field, code: i.code, message: t(i.code, { ...i.params, defaultValue: i.code }) };
  if (i.params) out.params = i.params;
  return out;
}

/** Field → column, per the mapping; a field mapped twice takes the first column. */
function columnsOf(mapping: Mapping): Map<RosterField, number> {
  const columns = new Map<RosterField, number>();
  for (const [index, field] of Object.entries(mapping)) {
    if (field && !columns.has(field)) columns.set(field, Number(index));
  }
  return columns;
}

function cellsByField(cells: readonly string[], columns: Map<RosterField, number>): Partial<Record<RosterField, string>> {
  const out: Partial<Record<RosterField, string>> = {};
  for (const [field, index] of columns) out[field] = (cells[index] ?? '').trim();
  return out;
}

interface UnitLookup { byName: Map<string, string>; ids: Set<string>; seen: Map<string, string | undefined> }

/** The unit a cell names; each distinct spelling is folded once per import. */
function unitIdOf(units: UnitLookup, cell: string): string | undefined {
  if (!units.seen.has(cell)) units.seen.set(cell, units.byName.get(foldHeader(cell)));
  return units.seen.get(cell);
}

function unitLookup(db: Db): UnitLookup {
  const all = listUnits(db, true);
  const byName = new Map<string, string>();
  for (const u of all) {
    byName.set(foldHeader(u.name), u.id);
    if (u.code) byName.set(foldHeader(u.code), u.id);
  }
  return { byName, ids: new Set(all.map((u) => u.id)), seen: new Map() };
}

/**
 * Turns one row's cells into a draft. Blank cells keep what the roster already has: a file
 * without phone numbers must not wipe the phone numbers the office typed in.
 */
// Module-level helpers rather than closures per row: a 10,000-row import creates none of them.
function keep<K extends keyof employees.EmployeeRow>(existing: employees.EmployeeRow | null, key: K, fallback: employees.EmployeeRow[K]): employees.EmployeeRow[K] {
  return existing ? existing[key] : fallback;
}

function keptText(f: Partial<Record<RosterField, string>>, existing: employees.EmployeeRow | null, key: 'jabatan' | 'phone' | 'notes'): string {
  return f[key] || keep(existing, key, '');
}

/** How a file's dates are read and which years each may fall in (the contract's, calendar-date.ts). */
interface DateRules { order: DateOrder; birthYears: YearRange }

/**
 * A date cell: undefined when blank, unreadable, not on the calendar or outside its years (the
 * error is recorded, in the words a form would use).
 */
function dateCell(raw: string | undefined, field: string, order: DateOrder, years: YearRange, errors: RecordIssue[]): string | undefined {
  if (!raw) return undefined;
  const parsed = parseLooseDate(raw, { order });
  if (!parsed.ok) {
    errors.push(parsed.error === 'date.invalid' ? { field, code: parsed.error, params: { value: raw } } : { field, code: parsed.error, params: parsed.params });
    return undefined;
  }
  const problem = yearProblem(raw, Number(parsed.date.slice(0, 4)), years);
  if (problem) {
    errors.push({ field, code: problem.code, params: problem.params });
    return undefined;
  }
  return parsed.date;
}

/** How a unit the file names but the office lacks is handled. */
type MissingUnits = 'create' | 'error' | 'ask_admin';

function toDraft(f: Partial<Record<RosterField, string>>, existing: employees.EmployeeRow | null, units: UnitLookup, dates: DateRules, missingUnits: MissingUnits) {
  const errors: RecordIssue[] = [];
  let newUnit: string | null = null;

  let frontTitle = f.frontTitle ?? '';
  let name = f.name ?? '';
  let backTitle = f.backTitle ?? '';
  // A name cell that carries its titles is split, unless the file has title columns of its own.
  if (name && f.frontTitle === undefined && f.backTitle === undefined) {
    const parts = splitTitles(name);
    ({ front: frontTitle, name, back: backTitle } = parts);
  }
  if (!name && existing) ({ frontTitle, name, backTitle } = existing);
  if (!name) errors.push({ field: 'name', code: 'validation.required' });

  let birthPlace = f.birthPlace ?? '';
  let birthDateRaw = f.birthDate;
  // Only a cell with letters can be "Palembang, 26-09-1986"; plain dates skip the split.
  const combined = birthDateRaw && /\p{L}/u.test(birthDateRaw) ? splitBirthPlaceDate(birthDateRaw) : null;
  if (combined && /\p{L}/u.test(birthDateRaw!.replace(/[a-z]+\.?\s+\d{4}\s*$/i, ''))) {
    birthPlace ||= combined.place;
    birthDateRaw = combined.date;
  }
  const birthDate = dateCell(birthDateRaw, 'birthDate', dates.order, dates.birthYears, errors);
  const statusDate = dateCell(f.statusDate, 'statusDate', dates.order, DATE_YEARS, errors);

  let gender: 'L' | 'P' | null = existing?.gender ?? null;
  if (f.gender) {
    gender = normalizeGender(f.gender);
    if (!gender) errors.push({ field: 'gender', code: 'import.gender_invalid', params: { value: f.gender } });
  }
  let employmentType: 'pns' | 'pppk' | null = null;
  if (f.employmentType) {
    employmentType = normalizeEmploymentType(f.employmentType);
    if (!employmentType) errors.push({ field: 'employmentType', code: 'import.type_invalid', params: { value: f.employmentType } });
  }
  let status = existing?.status ?? 'aktif';
  if (f.status) {
    const s = normalizeStatus(f.status);
    if (s) status = s;
    else errors.push({ field: 'status', code: 'import.status_invalid', params: { value: f.status } });
  }
  let unitId = existing?.unitId ?? null;
  if (f.unit) {
    const found = unitIdOf(units, f.unit);
    if (found) unitId = found;
    else if (missingUnits === 'create') newUnit = f.unit;
    else errors.push({ field: 'unit', code: missingUnits === 'error' ? 'import.unit_missing' : 'import.unit_missing_ask_admin', params: { unit: f.unit } });
  }
  const email = f.email || existing?.email || '';
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push({ field: 'email', code: 'validation.email', params: { value: email } });

  const draft: EmployeeDraft = {
    nip: f.nip ?? '',
    employmentType,
    frontTitle,
    name,
    backTitle,
    gender,
    birthPlace: birthPlace || keep(existing, 'birthPlace', ''),
    birthDate: birthDate ?? keep(existing, 'birthDate', null),
    golongan: f.golongan || keep(existing, 'golongan', null),
    jabatan: keptText(f, existing, 'jabatan'),
    unitId,
    status,
    statusDate: statusDate ?? keep(existing, 'statusDate', null),
    phone: keptText(f, existing, 'phone'),
    email,
    notes: keptText(f, existing, 'notes'),
  };
  return { draft, errors, newUnit };
}

export interface AnalyseOptions {
  /** The office's date: NIPs with a later birth date or TMT are refused against it. */
  today: string;
  /** Whether the clerk may create units (admins); others are told to ask an admin. */
  canCreateUnits: boolean;
}

export async function analyse(db: Db, input: Input, { today, canCreateUnits }: AnalyseOptions): Promise<Analysis> {
  if (input.createUnits && !canCreateUnits) throw ApiError.field(['createUnits'], 'import.units_admin_only');
  const missingUnitRule: MissingUnits = input.createUnits ? 'create' : canCreateUnits ? 'error' : 'ask_admin';
  const table = await readTable(Buffer.from(input.dataBase64, 'base64'), input.fileName, input.sheet ? { sheet: input.sheet } : {});
  const mapping: Mapping = input.mapping ?? rememberedMapping(db, table.headers) ?? stringKeys(mapHeaders(table.headers).mapping);
  const columns = columnsOf(mapping);
  const existingByNip = employees.allEmployeesByNip(db);
  const units = unitLookup(db);
  const dateColumns = (['birthDate', 'statusDate'] as const).map((f) => columns.get(f)).filter((c): c is number => c !== undefined);
  const dateOrder = detectDateOrder(function* dateCells() {
    for (const r of table.rows) for (const c of dateColumns) yield r.cells[c] ?? '';
  }());
  // Birth years end with the office's year, as they do for a birth date typed in a form.
  const dateRules: DateRules = { order: dateOrder, birthYears: birthDateYears(Number(today.slice(0, 4))) };
  const nipColumn = columns.get('nip');

  // Each row's NIP is parsed once; a NIP written twice in one file is an error on every row with it.
  // A row with neither NIP nor name is not a person (the place-and-date line and signatures under
  // a printed roster, a subtotal): passed over, not reported.
  // With neither column mapped that cannot be told, so every row is reported (NIP not mapped)
  // rather than all passed over in silence.
  const identified = nipColumn !== undefined || columns.get('name') !== undefined;
  // Only the row and its parsed NIP are kept between the passes: an import of 10,000 rows keeps
  // fewer objects alive, and the garbage collector copies fewer.
  const people: { r: (typeof table.rows)[number]; parsed: ReturnType<typeof parseNip> | null }[] = [];
  const rowsByNip = new Map<string, number[]>();
  const nameColumn = columns.get('name');
  for (const r of table.rows) {
    const nipCell = nipColumn === undefined ? '' : (r.cells[nipColumn] ?? '').trim();
    if (identified && !nipCell && !(nameColumn !== undefined && (r.cells[nameColumn] ?? '').trim())) continue;
    const parsed = nipColumn === undefined ? null : parseNip(nipCell, today);
    people.push({ r, parsed });
    if (parsed?.ok) {
      const twins = rowsByNip.get(parsed.nip.digits);
      if (twins) twins.push(r.rowNumber);
      else rowsByNip.set(parsed.nip.digits, [r.rowNumber]);
    }
  }

  // A new unit is one unit however its rows spell it ("Seksi Baru", "SEKSI  BARU"): matched the
  // way existing units are (folded), named as first written with inner spaces collapsed.
  const missingUnits = new Map<string, string>();
  const missingUnit = (raw: string) => {
    const key = foldHeader(raw);
    if (!missingUnits.has(key)) missingUnits.set(key, raw.replace(/\s+/g, ' ').trim());
    return missingUnits.get(key)!;
  };
  const rows: PlannedRow[] = people.map(({ r, parsed: parsedNip }) => {
    const f = cellsByField(r.cells, columns);
    const nip = parsedNip?.ok ? parsedNip.nip.digits : null;
    const existing = nip ? existingByNip.get(nip) ?? null : null;
    const { draft, errors, newUnit: newUnitCell } = toDraft(f, existing, units, dateRules, missingUnitRule);
    if (errors.some((e) => e.code.startsWith('import.unit_missing'))) missingUnit(f.unit!);
    const newUnit = newUnitCell ? missingUnit(newUnitCell) : null;
    if (nipColumn === undefined) errors.push({ field: 'nip', code: 'import.nip_not_mapped' });
    const twins = nip ? rowsByNip.get(nip)! : [];
    if (twins.length > 1) errors.push({ field: 'nip', code: 'import.nip_duplicate', params: { rows: twins.join(', ') } });

    const checked = checkDraft(draft, units.ids, parsedNip ?? undefined);
    const allErrors = checked.errors.length ? [...errors, ...checked.errors] : errors;
    const content = allErrors.length ? null : checked.content;
    let kind: ImportRow['kind'] = 'error';
    let changes = NO_CHANGES;
    if (content) {
      if (!existing) kind = 'new';
      else {
        const diff = contentChanges(existing, content);
        if (newUnit) diff.unit = [existing.unitName, newUnit];
        if (existing.deletedAt) diff.removed = [true, false];
        if (Object.keys(diff).length) changes = diff;
        kind = changes === NO_CHANGES ? 'unchanged' : 'update';
      }
    }
    return {
      row: r.rowNumber,
      kind,
      nip: content?.nip ?? f.nip ?? '',
      name: content?.name ?? draft.name,
      changes,
      errors: allErrors.length ? allErrors.map((e) => issue(r.rowNumber, e)) : NO_ISSUES,
      warnings: checked.warnings.length ? checked.warnings.map((w) => issue(r.rowNumber, w)) : NO_ISSUES,
      cells: r.cells,
      content,
      existing,
      newUnit,
    };
  });
  return { table, mapping, rows, missingUnits: [...missingUnits.values()] };
}

function stringKeys(mapping: Record<number, RosterField | null>): Mapping {
  return Object.fromEntries(Object.entries(mapping));
}

export function summarise(analysis: Analysis) {
  const count = (kind: ImportRow['kind']) => analysis.rows.filter((r) => r.kind === kind).length;
  return {
    rows: analysis.rows.length,
    created: count('new'),
    updated: count('update'),
    unchanged: count('unchanged'),
    errors: analysis.rows.flatMap((r) => r.errors),
    warnings: analysis.rows.flatMap((r) => r.warnings),
  };
}

export function toPreview(analysis: Analysis): ImportPreview {
  const { table } = analysis;
  return {
    ...summarise(analysis),
    format: table.format,
    sheets: table.sheets ?? [],
    sheet: table.sheet ?? null,
    headerRowNumber: table.headerRowNumber,
    headers: table.headers,
    mapping: analysis.mapping,
    missingUnits: analysis.missingUnits,
    items: analysis.rows.map(({ row, kind, nip, name, changes, errors, warnings }) => ({
      row, kind, nip, name, changes: { ...changes }, errors: [...errors], warnings: [...warnings],
    })),
  };
}

