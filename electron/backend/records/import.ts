// Importing training records from a spreadsheet: every row read, checked and classified (new,
// duplicate, error) against the roster, the records already there and the rows above it; then
// the new rows written in one transaction. The same reader and header matching as the roster's.
import type { ImportIssue } from '../../../shared/contract/roster.ts';
import type { ParsedInput } from '../../../shared/contract/index.ts';
import type { RecordImportField, RecordImportPreview, RecordImportSummary } from '../../../shared/contract/records.ts';
import { detectDateOrder, parseLooseDate } from '../../../shared/domain/loose-date.ts';
import { DATE_YEARS, yearProblem } from '../../../shared/domain/calendar-date.ts';
import { parseNip } from '../../../shared/domain/nip.ts';
import { splitTitles } from '../../../shared/domain/person-name.ts';
import { foldText } from '../../../shared/domain/search.ts';
import { decideJp } from '../../../shared/domain/record-jp.ts';
import type { CompetencyType } from '../../../shared/domain/methods.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import type { Db } from '../db/open.ts';
import { newId } from '../db/ids.ts';
import { recordChanges, type Change } from '../db/repos/changes.ts';
import { insertRecord, liveRecordKeys, officeCertificateNumbers, officeTrainingKeys, rosterByNip, type RecordRow, type RosterPerson } from '../db/repos/records.ts';
import { overrideMapping, previewedFile, storedMapping, storeMapping } from '../import/mapping.ts';
import type { Table } from '../import/read-table.ts';
import type { WriteMeta } from '../services/context.ts';
import { parseAmount, parseCompetencyType, parseMethod, recordHeaders } from './import-columns.ts';
import { certificateNumberOf, titleKey, trainingKey } from './keys.ts';

type Input = ParsedInput<'records.preview'>;
export type Mapping = Record<string, RecordImportField | null>;

const { t } = createI18n('id');

export interface PlannedRecordRow {
  row: number;
  kind: 'new' | 'duplicate' | 'error';
  nip: string;
  name: string;
  title: string;
  startDate: string;
  jp: number | null;
  duplicateOf: string | null;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** What a new row writes (without the stamps and id it gets on apply). */
  content: RecordContent | null;
}

export type RecordContent = Omit<RecordRow, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'origin' | 'deletedAt'>;

export interface RecordAnalysis {
  table: Table;
  mapping: Mapping;
  rows: PlannedRecordRow[];
}

/**
 * The file's mapping: the headers matched (or the mapping last applied to files with these
 * headers), corrected by the one given. The given mapping names columns by 0-based number (or
 * header text); columns it does not name keep their field unless it gives that field to another.
 */
export function resolveMapping(db: Db, headers: readonly string[], given: Input['mapping']): Mapping {
  const remembered = storedMapping<RecordImportField>(db, 'records', headers);
  const matched = recordHeaders.map(headers).mapping;
  const mapping: Mapping = Object.fromEntries(headers.map((_, i) => [String(i), remembered ? remembered[String(i)] ?? null : matched[i] ?? null]));
  return given ? overrideMapping(mapping, headers, given, 'mapping') : mapping;
}

export function rememberMapping(db: Db, headers: readonly string[], mapping: Mapping): void {
  storeMapping(db, 'records', headers, mapping);
}

type Cells = Partial<Record<RecordImportField, string>>;

/** One row's problems, in the words the CLI prints (the screens translate code and params). */
class RowIssues {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  constructor(private readonly row: number) {}
  private issue(field: string, code: string, params?: Record<string, string | number>): ImportIssue {
    const out: ImportIssue = { row: this.row, field, code, message: t(code, { ...params, defaultValue: code }) };
    if (params) out.params = params;
    return out;
  }
  error(field: string, code: string, params?: Record<string, string | number>): void {
    this.errors.push(this.issue(field, code, params));
  }
  warn(field: string, code: string, params?: Record<string, string | number>): void {
    this.warnings.push(this.issue(field, code, params));
  }
}

/**
 * A function's results by its text argument: a file of 10,000 records names a few hundred people,
 * dates and methods, each read once.
 */
function memo<T>(fn: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined && !seen.has(text)) {
      value = fn(text);
      seen.set(text, value);
    }
    return value as T;
  };
}

type DateReader = (text: string) => ReturnType<typeof parseLooseDate>;

/** A date cell: undefined when blank or wrong (the error recorded, as a form would word it). */
function dateCell(raw: string | undefined, field: RecordImportField, readDate: DateReader, issues: RowIssues): string | undefined {
  if (!raw) return undefined;
  const parsed = readDate(raw);
  if (!parsed.ok) {
    if (parsed.error === 'date.invalid') issues.error(field, parsed.error, { value: raw });
    else issues.error(field, parsed.error, parsed.params);
    return undefined;
  }
  const problem = yearProblem(raw, Number(parsed.date.slice(0, 4)), DATE_YEARS);
  if (problem) {
    issues.error(field, problem.code, problem.params);
    return undefined;
  }
  return parsed.date;
}

function amountCell(raw: string | undefined, field: RecordImportField, max: number, whole: boolean, issues: RowIssues): number | null {
  const value = parseAmount(raw ?? '');
  if (value === undefined) return null;
  if (value === null || (whole && !Number.isInteger(value))) {
    issues.error(field, 'records.number_invalid', { value: raw! });
    return null;
  }
  if (value > max) {
    issues.error(field, 'validation.number_too_big', { maximum: max });
    return null;
  }
  return value;
}

function textCell(raw: string | undefined, field: RecordImportField, max: number, issues: RowIssues): string {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (text.length > max) issues.error(field, 'validation.too_big', { maximum: max });
  return text;
}

/** Whether the file's name could be the roster's person (titles, case and order aside). */
function sameName(fileName: string, person: RosterPerson): boolean {
  const words = (s: string) => foldText(splitTitles(s).name || s).split(' ').filter(Boolean);
  const ours = new Set(words(person.name));
  return words(fileName).some((w) => ours.has(w));
}

export interface AnalyseOptions {
  /** The office's date, for NIP checks (a birth date or TMT in the future). */
  today: string;
}

/**
 * Reads every row of the table. Call inside the write transaction on apply, so the roster and
 * the records it compares with are the ones the rows are written beside.
 */
export function analyseRecords(db: Db, table: Table, input: Input, { today }: AnalyseOptions): RecordAnalysis {
  const mapping = resolveMapping(db, table.headers, input.mapping);
  const columns = new Map<RecordImportField, number>();
  for (const [index, field] of Object.entries(mapping)) if (field && !columns.has(field)) columns.set(field, Number(index));
  const people = rosterByNip(db);
  const known = new Map<string, string>();
  const knownCertificates = new Map<string, string>();
  for (const k of liveRecordKeys(db)) {
    known.set(trainingKey(k), k.id);
    if (k.certificateNumber && !knownCertificates.has(k.certificateNumber)) knownCertificates.set(k.certificateNumber, k.id);
  }
  // The office's own trainings: an outside record repeating one would count its JP twice.
  const officeEvents = new Map<string, string>();
  for (const k of officeTrainingKeys(db)) officeEvents.set(trainingKey({ ...k, titleKey: titleKey(k.eventName) }), k.eventName);
  const officeCertificates = new Map(officeCertificateNumbers(db).map((c) => [c.number, c.eventName]));
  const inFile = new Map<string, number>();
  const certificatesInFile = new Map<string, number>();
  const dateColumns = (['startDate', 'endDate', 'certificateDate'] as const).map((f) => columns.get(f)).filter((c): c is number => c !== undefined);
  const order = detectDateOrder(function* dateCells() {
    for (const r of table.rows) for (const c of dateColumns) yield r.cells[c] ?? '';
  }());
  const readDate = memo((text) => parseLooseDate(text, { order }));
  const readNip = memo((text) => parseNip(text, today));
  const readMethod = memo(parseMethod);
  const readTitleKey = memo(titleKey);
  const entries = [...columns];
  const identified = columns.has('nip') || columns.has('title');
  const rows: PlannedRecordRow[] = [];

  for (const r of table.rows) {
    const f: Cells = {};
    for (const [field, index] of entries) f[field] = (r.cells[index] ?? '').trim();
    // A row with neither NIP nor title is no record (a total, the signature under a printed list).
    // With neither column mapped that cannot be told: every row is reported rather than passed over.
    if (identified && !f.nip && !f.title) continue;
    const issues = new RowIssues(r.rowNumber);

    let person: RosterPerson | undefined;
    if (!columns.has('nip')) issues.error('nip', 'import.nip_not_mapped');
    else if (!f.nip) issues.error('nip', 'nip.empty');
    else {
      const parsed = readNip(f.nip);
      if (!parsed.ok) for (const e of parsed.errors) issues.error('nip', e.code, e.params);
      else {
        person = people.get(parsed.nip.digits);
        if (!person) issues.error('nip', 'employee.unknown_nip', { nip: f.nip });
        else if (person.deletedAt) {
          issues.error('nip', 'records.employee_removed', { name: person.name });
          person = undefined;
        } else if (f.name && !sameName(f.name, person)) {
          issues.warn('name', 'records.name_differs', { name: f.name, rosterName: person.name });
        }
      }
    }

    if (!columns.has('title')) issues.error('title', 'records.title_not_mapped');
    else if (!f.title) issues.error('title', 'validation.required');
    const title = textCell(f.title, 'title', 300, issues);

    let methodId: number | null = input.defaultMethodId ?? null;
    if (f.method) {
      methodId = readMethod(f.method);
      if (methodId === null) issues.error('method', 'records.method_unknown', { value: f.method });
    } else if (methodId === null) issues.error('method', 'records.method_required');

    let competencyType: CompetencyType = input.defaultCompetencyType ?? 'teknis';
    if (f.competencyType) {
      const type = parseCompetencyType(f.competencyType);
      if (type) competencyType = type;
      else issues.error('competencyType', 'import.competency_type_invalid', { value: f.competencyType });
    }

    let startDate: string | undefined;
    if (!columns.has('startDate')) issues.error('startDate', 'records.start_not_mapped');
    else if (!f.startDate) issues.error('startDate', 'validation.required');
    else startDate = dateCell(f.startDate, 'startDate', readDate, issues);
    // One date is a one-day training (a seminar, a platform that gives the day of completion).
    const endDate = f.endDate ? dateCell(f.endDate, 'endDate', readDate, issues) : startDate;
    if (startDate && endDate && endDate < startDate) issues.error('endDate', 'validation.end_before_start');
    const certificateDate = dateCell(f.certificateDate, 'certificateDate', readDate, issues) ?? null;

    const hours = amountCell(f.hours, 'hours', 10000, false, issues);
    const sessions = amountCell(f.sessions, 'sessions', 1000, true, issues);
    const givenJp = amountCell(f.jp, 'jp', 1000, false, issues);
    const organiser = textCell(f.organiser || input.defaultOrganiser, 'organiser', 200, issues);
    const jpReason = textCell(f.jpReason, 'jpReason', 300, issues);
    const certificateNumber = certificateNumberOf(textCell(f.certificateNumber, 'certificateNumber', 100, issues));
    const place = textCell(f.place, 'place', 200, issues);
    const notes = textCell(f.notes, 'notes', 1000, issues);

    let content: RecordContent | null = null;
    let jp: number | null = givenJp;
    if (!issues.errors.length && person && methodId !== null && startDate && endDate) {
      const decided = decideJp(methodId, { startDate, endDate, hours, sessions, international: false, jp: givenJp, jpReason });
      if (!decided.ok) issues.error('jp', decided.code, decided.params);
      else {
        jp = decided.jp;
        content = {
          employeeId: person.id, title, titleKey: readTitleKey(title), organiser, methodId, competencyType, startDate, endDate,
          international: false, hours, sessions, computedJp: decided.computedJp, jp: decided.jp, jpReason: decided.jpReason || null,
          certificateNumber, certificateDate, place, notes, scanSha256: null, scanName: null, scanType: null, scanSize: null,
          source: 'import', verifiedAt: null, verifiedBy: null,
        };
      }
    }

    let kind: PlannedRecordRow['kind'] = content ? 'new' : 'error';
    let duplicateOf: string | null = null;
    if (content) {
      const key = trainingKey(content);
      const earlier = inFile.get(key) ?? (content.certificateNumber ? certificatesInFile.get(content.certificateNumber) : undefined);
      const existing = known.get(key) ?? (content.certificateNumber ? knownCertificates.get(content.certificateNumber) : undefined);
      const officeEvent = officeEvents.get(key) ?? (content.certificateNumber ? officeCertificates.get(content.certificateNumber) : undefined);
      if (officeEvent !== undefined) {
        duplicateOf = `kegiatan "${officeEvent}"`;
        issues.warn('title', 'records.duplicate_office_event_row', { eventName: officeEvent });
      } else if (existing) {
        duplicateOf = existing;
        if (known.get(key)) issues.warn('title', 'records.duplicate_existing');
        else issues.warn('certificateNumber', 'records.duplicate_certificate_existing', { certificateNumber: content.certificateNumber! });
      } else if (earlier !== undefined) {
        duplicateOf = `baris ${earlier}`;
        issues.warn(inFile.has(key) ? 'title' : 'certificateNumber', 'records.duplicate_in_file', { row: earlier });
      }
      if (duplicateOf) {
        kind = 'duplicate';
        content = null;
      } else {
        inFile.set(key, r.rowNumber);
        if (certificateNumber) certificatesInFile.set(certificateNumber, r.rowNumber);
      }
    }
    rows.push({
      row: r.rowNumber, kind, nip: person?.nip ?? f.nip ?? '', name: person?.name ?? f.name ?? '', title, startDate: startDate ?? f.startDate ?? '',
      jp, duplicateOf, errors: issues.errors, warnings: issues.warnings, content,
    });
  }
  return { table, mapping, rows };
}

export function summariseRecords(analysis: RecordAnalysis): RecordImportSummary {
  let created = 0;
  let duplicates = 0;
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  for (const r of analysis.rows) {
    if (r.kind === 'new') created++;
    else if (r.kind === 'duplicate') duplicates++;
    errors.push(...r.errors);
    warnings.push(...r.warnings);
  }
  return { rows: analysis.rows.length, created, updated: 0, unchanged: duplicates, duplicates, errors, warnings };
}

export function previewRecords(analysis: RecordAnalysis): RecordImportPreview {
  return {
    ...summariseRecords(analysis),
    ...previewedFile(analysis.table, analysis.mapping),
    items: analysis.rows.map(({ content: _c, ...item }) => item),
  };
}

/**
 * Writes the new rows (call inside the write transaction): one prepared insert per row, then the
 * journal and audit rows of all of them in a few statements. Each audit row names the file and
 * row it came from; the record itself holds the values.
 */
export function applyRecords(db: Db, m: WriteMeta, analysis: RecordAnalysis, fileName: string, mappingGiven: boolean): number {
  const changes: Change[] = [];
  const stamp = { createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin, deletedAt: null };
  for (const r of analysis.rows) {
    if (!r.content) continue;
    const id = newId();
    insertRecord(db, { id, ...r.content, ...stamp });
    changes.push({ entity: 'training_record', entityId: id, op: 'insert', details: { importedFrom: [null, `${fileName}, baris ${r.row}`] } });
  }
  if (changes.length) recordChanges(db, m, changes);
  // A layout the clerk mapped by hand is mapped the same way next time.
  if (mappingGiven) rememberMapping(db, analysis.table.headers, analysis.mapping);
  return changes.length;
}
