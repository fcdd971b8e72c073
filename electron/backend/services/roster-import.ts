import type { ImportIssue, ImportPreview, ImportRow, RosterField, UnitChoice, UnitMatch, UnknownUnit } from '../../../shared/contract/roster.ts';
import type { Unit } from '../../../shared/contract/office.ts';
import type { ParsedInput } from '../../../shared/contract/index.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { isEmailAddress } from '../../../shared/contract/common.ts';
import { foldHeader, mapHeaders, normalizeEmploymentType, normalizeGender, normalizeStatus, splitBirthPlaceDate } from '../../../shared/domain/roster-columns.ts';
import { detectDateOrder, parseLooseDate, type DateOrder } from '../../../shared/domain/loose-date.ts';
import { DATE_YEARS, birthDateYears, yearProblem, type YearRange } from '../../../shared/domain/calendar-date.ts';
import { splitTitles } from '../../../shared/domain/person-name.ts';
import { parseNip } from '../../../shared/domain/nip.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import type { Db } from '../db/open.ts';
import * as employees from '../db/repos/employees.ts';
import { listUnits } from '../db/repos/units.ts';
import { overrideMapping, previewedFile, storedMapping, storeMapping } from '../import/mapping.ts';
import { readTable, type Table } from '../import/read-table.ts';
import { checkDraft, contentChanges, type EmployeeContent, type EmployeeDraft, type RecordIssue } from './employee-record.ts';
import { listAliases } from '../db/repos/unit-aliases.ts';
import { exactUnitKey, foldUnitName, foldedDuplicates, indexUnits, matchUnit, suggestUnits, type UnitIndex } from '../../../shared/domain/unit-names.ts';

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
  /** A unit the file names that does not exist yet (created on apply: createUnits, or chosen). */
  newUnit: string | null;
}

/** A chosen unit for a file value, to remember on apply (unit_aliases). */
export interface UnitToRemember { value: string; folded: string; unitId: string }

export interface Analysis {
  table: Table;
  mapping: Mapping;
  rows: PlannedRow[];
  missingUnits: string[];
  /** The names of the units to create, each once however the rows spell it. */
  newUnits: string[];
  unitMatches: UnitMatch[];
  unknownUnits: UnknownUnit[];
  remember: UnitToRemember[];
}

const { t } = createI18n('id');

// Shared by every row without any: most rows of an import have no change list, error or warning.
const NO_CHANGES: Readonly<Record<string, [unknown, unknown]>> = Object.freeze({});
const NO_ISSUES: readonly ImportIssue[] = Object.freeze([]);

/** The columns the error file puts in front of the file's own (roster.errorFile). */
export const ERROR_FILE_COLUMNS = ['Baris', 'Kesalahan'] as const;

/**
 * The mapping last applied to files with these headers. A corrected error file (its own two
 * columns, then the original ones) is mapped as the original was, its two columns left out.
 */
export function rememberedMapping(db: Db, headers: readonly string[]): Mapping | null {
  const own = storedMapping<RosterField>(db, 'roster', headers);
  if (own || !ERROR_FILE_COLUMNS.every((h, i) => foldHeader(headers[i] ?? '') === foldHeader(h))) return own;
  const original = storedMapping<RosterField>(db, 'roster', headers.slice(ERROR_FILE_COLUMNS.length));
  if (!original) return null;
  const shifted: Mapping = Object.fromEntries(ERROR_FILE_COLUMNS.map((_, i) => [String(i), null]));
  for (const [index, field] of Object.entries(original)) shifted[String(Number(index) + ERROR_FILE_COLUMNS.length)] = field;
  return shifted;
}

export function rememberMapping(db: Db, headers: readonly string[], mapping: Mapping): void {
  storeMapping(db, 'roster', headers, mapping);
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

/** What a unit value of the file was taken for. */
type Resolution =
  | { kind: 'match'; unit: Unit; how: UnitMatch['how'] | 'name'; remember: boolean }
  | { kind: 'new'; name: string }
  | { kind: 'ambiguous'; candidates: Unit[] }
  | { kind: 'unknown' }
  /** Nothing but spaces and punctuation ("-"): no unit named. */
  | { kind: 'blank' };

/** One spelling of a unit value (case, spaces and punctuation aside) and what it was taken for. */
interface UnitValue { value: string; rows: number; resolution: Resolution }

const collapse = (raw: string) => raw.replace(/\s+/g, ' ').trim();

/**
 * Finds the unit each value of the file names, once per spelling, in this order: an active unit
 * with that name or code; the person's choice in this import (unitMap); a choice remembered
 * from an earlier import (alias); a unit with that folded name (unitNames.matchUnit: active
 * ones first); a new unit when createUnits; otherwise unknown, or ambiguous when several units
 * fit equally.
 */
class UnitResolver {
  private readonly all: Unit[];
  private readonly index: UnitIndex<Unit>;
  private readonly createUnits: boolean;
  private readonly byId: Map<string, Unit>;
  private readonly db: Db;
  private aliases: Map<string, string> | null = null;
  private readonly chosenExact = new Map<string, [string, UnitChoice]>();
  private readonly chosenFolded = new Map<string, [string, UnitChoice]>();
  readonly values = new Map<string, UnitValue>();
  /** New units by folded name: one unit however the rows spell it ("Kel. Baru", "Kelurahan Baru"). */
  private readonly newNames = new Map<string, string>();

  constructor(db: Db, unitMap: Record<string, UnitChoice> | undefined, createUnits: boolean) {
    this.db = db;
    this.createUnits = createUnits;
    this.all = listUnits(db, true);
    this.index = indexUnits(this.all);
    this.byId = new Map(this.all.map((u) => [u.id, u]));
    for (const [value, choice] of Object.entries(unitMap ?? {})) {
      const exact = exactUnitKey(value);
      if (exact && !this.chosenExact.has(exact)) this.chosenExact.set(exact, [value, choice]);
      const folded = foldUnitName(value);
      if (folded && !this.chosenFolded.has(folded)) this.chosenFolded.set(folded, [value, choice]);
    }
  }

  get unitIds(): Set<string> {
    return new Set(this.byId.keys());
  }

  /** The value's resolution; counts one more row naming it. */
  resolve(cell: string): Resolution {
    const key = exactUnitKey(cell);
    let entry = this.values.get(key);
    if (!entry) {
      entry = { value: collapse(cell), rows: 0, resolution: key ? this.find(cell) : { kind: 'blank' } };
      this.values.set(key, entry);
    }
    entry.rows++;
    return entry.resolution;
  }

  private find(cell: string): Resolution {
    const auto = matchUnit(cell, this.index);
    if (auto.kind === 'match' && auto.how !== 'folded' && auto.unit.active) return { kind: 'match', unit: auto.unit, how: auto.how, remember: false };
    const remembered = this.remembered().get(foldUnitName(cell));
    const alias = remembered ? this.byId.get(remembered) : undefined;
    const automatic: Resolution | null = alias
      ? { kind: 'match', unit: alias, how: 'alias', remember: false }
      : auto.kind === 'match' ? { kind: 'match', unit: auto.unit, how: auto.how, remember: false }
      : null;
    const chosen = this.chosenExact.get(exactUnitKey(cell)) ?? this.chosenFolded.get(foldUnitName(cell));
    if (chosen) {
      const [mapKey, choice] = chosen;
      if ('create' in choice) return this.newUnit(cell, ['unitMap', mapKey]);
      const unit = 'unitId' in choice ? this.byId.get(choice.unitId) : this.named(choice.unit, mapKey);
      if (!unit) throw ApiError.field(['unitMap', mapKey], 'import.unit_map_unknown', { value: mapKey, unit: 'unitId' in choice ? choice.unitId : choice.unit });
      // A choice that says what would be found anyway is nothing new to remember.
      if (automatic?.kind === 'match' && automatic.unit.id === unit.id) return automatic;
      return { kind: 'match', unit, how: 'chosen', remember: true };
    }
    if (automatic) return automatic;
    if (auto.kind === 'ambiguous') return { kind: 'ambiguous', candidates: auto.candidates };
    if (this.createUnits) return this.newUnit(cell, ['unit']);
    return { kind: 'unknown' };
  }

  /**
   * The remembered values, read the first time a value is not a unit's own name (an import whose
   * units are all named as they are reads none). Keyed by the fold of the spelling kept, so a
   * later change of the fold keeps them working.
   */
  private remembered(): Map<string, string> {
    this.aliases ??= new Map(listAliases(this.db).map((a) => [foldUnitName(a.value), a.unitId]));
    return this.aliases;
  }

  /** A unit a person names in a choice (--unit-map): its name or code, or its folded name. */
  private named(text: string, mapKey: string): Unit | undefined {
    const found = matchUnit(text, this.index);
    if (found.kind === 'ambiguous') {
      throw ApiError.field(['unitMap', mapKey], 'import.unit_map_ambiguous', { value: mapKey, unit: text, candidates: found.candidates.map((u) => u.name).join(', ') });
    }
    return found.kind === 'match' ? found.unit : undefined;
  }

  /** A new unit named as the file writes it; never one whose folded name an existing unit has. */
  private newUnit(cell: string, path: string[]): Resolution {
    const name = collapse(cell);
    const same = foldedDuplicates(name, this.all);
    if (same.length) throw ApiError.field(path, 'validation.unit_exists_similar', { name, existing: same[0]!.name });
    const folded = foldUnitName(name);
    if (!this.newNames.has(folded)) this.newNames.set(folded, name);
    return { kind: 'new', name: this.newNames.get(folded)! };
  }

  report(): Pick<Analysis, 'unitMatches' | 'unknownUnits' | 'missingUnits' | 'newUnits' | 'remember'> {
    const ref = (u: Unit) => ({ id: u.id, name: u.name });
    const unitMatches: UnitMatch[] = [];
    const unknownUnits: UnknownUnit[] = [];
    const missingUnits: string[] = [];
    const remember: UnitToRemember[] = [];
    for (const { value, rows, resolution: r } of this.values.values()) {
      if (r.kind === 'match') {
        if (r.how !== 'name') unitMatches.push({ value, rows, how: r.how, unitId: r.unit.id, unit: r.unit.name });
        if (r.remember) remember.push({ value, folded: foldUnitName(value), unitId: r.unit.id });
      } else if (r.kind === 'new') {
        unitMatches.push({ value, rows, how: 'new', unitId: null, unit: r.name });
        missingUnits.push(value);
      } else if (r.kind === 'unknown' || r.kind === 'ambiguous') {
        const candidates = r.kind === 'ambiguous' ? r.candidates.map(ref) : [];
        unknownUnits.push({ value, rows, candidates, suggestions: suggestUnits(value, this.all).map(ref) });
        if (r.kind === 'unknown') missingUnits.push(value);
      }
    }
    return { unitMatches, unknownUnits, missingUnits, newUnits: [...this.newNames.values()], remember };
  }
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

function toDraft(f: Partial<Record<RosterField, string>>, existing: employees.EmployeeRow | null, units: UnitResolver, dates: DateRules, canCreateUnits: boolean) {
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
    const found = units.resolve(f.unit);
    if (found.kind === 'match') unitId = found.unit.id;
    else if (found.kind === 'new') newUnit = found.name;
    else if (found.kind === 'ambiguous') {
      errors.push({ field: 'unit', code: 'import.unit_ambiguous', params: { unit: f.unit, candidates: found.candidates.map((u) => u.name).join(', ') } });
    } else if (found.kind === 'unknown') {
      errors.push({ field: 'unit', code: canCreateUnits ? 'import.unit_missing' : 'import.unit_missing_ask_admin', params: { unit: f.unit } });
    }
  }
  const email = f.email || existing?.email || '';
  if (email && !isEmailAddress(email)) errors.push({ field: 'email', code: 'validation.email', params: { value: email } });

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
  for (const [value, choice] of Object.entries(input.unitMap ?? {})) {
    if ('create' in choice && !canCreateUnits) throw ApiError.field(['unitMap', value], 'import.units_admin_only');
  }
  const table = await readTable(Buffer.from(input.dataBase64, 'base64'), input.fileName, input.sheet ? { sheet: input.sheet } : {});
  const base: Mapping = input.mapping ?? rememberedMapping(db, table.headers) ?? stringKeys(mapHeaders(table.headers).mapping);
  const mapping = input.mappingOverrides ? overrideMapping(base, table.headers, input.mappingOverrides, 'mappingOverrides') : base;
  const columns = columnsOf(mapping);
  const existingByNip = employees.allEmployeesByNip(db);
  const units = new UnitResolver(db, input.unitMap, input.createUnits);
  const unitIds = units.unitIds;
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

  const rows: PlannedRow[] = people.map(({ r, parsed: parsedNip }) => {
    const f = cellsByField(r.cells, columns);
    const nip = parsedNip?.ok ? parsedNip.nip.digits : null;
    const existing = nip ? existingByNip.get(nip) ?? null : null;
    // A new unit is one unit however its rows spell it ("Seksi Baru", "SEKSI  BARU", "Kel. Baru"):
    // named as first written with inner spaces collapsed.
    const { draft, errors, newUnit } = toDraft(f, existing, units, dateRules, canCreateUnits);
    if (nipColumn === undefined) errors.push({ field: 'nip', code: 'import.nip_not_mapped' });
    const twins = nip ? rowsByNip.get(nip)! : [];
    if (twins.length > 1) errors.push({ field: 'nip', code: 'import.nip_duplicate', params: { rows: twins.join(', ') } });

    const checked = checkDraft(draft, unitIds, parsedNip ?? undefined);
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
  return { table, mapping, rows, ...units.report() };
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
    unitMatches: analysis.unitMatches,
    unknownUnits: analysis.unknownUnits,
  };
}

export function toPreview(analysis: Analysis): ImportPreview {
  return {
    ...summarise(analysis),
    ...previewedFile(analysis.table, analysis.mapping),
    missingUnits: analysis.missingUnits,
    items: analysis.rows.map(({ row, kind, nip, name, changes, errors, warnings }) => ({
      row, kind, nip, name, changes: { ...changes }, errors: [...errors], warnings: [...warnings],
    })),
  };
}

