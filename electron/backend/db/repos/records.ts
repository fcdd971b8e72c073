// Training records from outside the office's events (training_records, migration 006).
// Live rows are those with deleted_at NULL; the ledger reads the table directly on that rule.
import type { Db } from '../open.ts';
import { sql } from '../statements.ts';
import type { CompetencyType } from '../../../../shared/domain/methods.ts';
import type { TrainingRecord } from '../../../../shared/contract/records.ts';

export type ScanType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** A record as stored (the employee's NIP, name and unit are read with it, never stored). */
// A type, not an interface: the journal's diffFields takes it as a plain record of fields.
export type RecordRow = {
  id: string;
  employeeId: string;
  title: string;
  titleKey: string;
  organiser: string;
  methodId: number;
  competencyType: CompetencyType;
  startDate: string;
  endDate: string;
  international: boolean;
  hours: number | null;
  sessions: number | null;
  computedJp: number | null;
  jp: number;
  jpReason: string | null;
  certificateNumber: string | null;
  certificateDate: string | null;
  place: string;
  notes: string;
  scanSha256: string | null;
  scanName: string | null;
  scanType: ScanType | null;
  scanSize: number | null;
  source: TrainingRecord['source'];
  verifiedAt: string | null;
  verifiedBy: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  origin: string;
  deletedAt: string | null;
};

/** A stored record with its person as the roster has them now. */
export type RecordView = RecordRow & {
  nip: string;
  frontTitle: string;
  name: string;
  backTitle: string;
  unitId: string | null;
  unit: string | null;
};

interface Row {
  id: string; employee_id: string; title: string; title_key: string; organiser: string; method_id: number;
  competency_type: CompetencyType; start_date: string; end_date: string; international: number; hours: number | null;
  sessions: number | null; computed_jp: number | null; jp: number; jp_reason: string | null; certificate_number: string | null;
  certificate_date: string | null; place: string; notes: string; scan_sha256: string | null; scan_name: string | null;
  scan_type: ScanType | null; scan_size: number | null; source: TrainingRecord['source']; verified_at: string | null;
  verified_by: string | null; created_at: string; updated_at: string; updated_by: string | null; origin: string;
  deleted_at: string | null;
  nip: string; front_title: string; name: string; back_title: string; unit_id: string | null; unit_name: string | null;
}

function toView(r: Row): RecordView {
  return {
    id: r.id, employeeId: r.employee_id, title: r.title, titleKey: r.title_key, organiser: r.organiser, methodId: r.method_id,
    competencyType: r.competency_type, startDate: r.start_date, endDate: r.end_date, international: r.international === 1,
    hours: r.hours, sessions: r.sessions, computedJp: r.computed_jp, jp: r.jp, jpReason: r.jp_reason,
    certificateNumber: r.certificate_number, certificateDate: r.certificate_date, place: r.place, notes: r.notes,
    scanSha256: r.scan_sha256, scanName: r.scan_name, scanType: r.scan_type, scanSize: r.scan_size, source: r.source,
    verifiedAt: r.verified_at, verifiedBy: r.verified_by, createdAt: r.created_at, updatedAt: r.updated_at,
    updatedBy: r.updated_by, origin: r.origin, deletedAt: r.deleted_at,
    nip: r.nip, frontTitle: r.front_title, name: r.name, backTitle: r.back_title, unitId: r.unit_id, unit: r.unit_name,
  };
}

/** The stored fields of a view, without the person's (for the journal's before/after). */
export function rowOf(view: RecordView | RecordRow): RecordRow {
  const { nip: _n, frontTitle: _f, name: _m, backTitle: _b, unitId: _u, unit: _un, ...row } = view as RecordView;
  return row;
}

const SELECT = `SELECT r.*, e.nip, e.front_title, e.name, e.back_title, e.unit_id, u.name AS unit_name
  FROM training_records r JOIN employees e ON e.id = r.employee_id LEFT JOIN units u ON u.id = e.unit_id`;

/** Removed rows too: the caller says what a tombstone means to it. */
export function getRecord(db: Db, id: string): RecordView | null {
  const row = sql(db, `${SELECT} WHERE r.id = ?`).get(id) as Row | undefined;
  return row ? toView(row) : null;
}

export interface RecordQuery {
  year?: number;
  employeeId?: string;
  unitId?: string;
  verified: 'all' | 'verified' | 'unverified';
  /** Folded fragments (searchTerms), each of which must occur in the title, organiser, name or NIP. */
  terms: string[];
  /** The same fragments with everything but letters and digits dropped, for the folded title. */
  titleTerms: string[];
}

export function listRecords(db: Db, q: RecordQuery): RecordView[] {
  const where = ['r.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  if (q.year !== undefined) {
    where.push('r.start_date BETWEEN @from AND @to');
    params.from = `${q.year}-01-01`;
    params.to = `${q.year}-12-31`;
  }
  if (q.employeeId) { where.push('r.employee_id = @employeeId'); params.employeeId = q.employeeId; }
  if (q.unitId) { where.push('e.unit_id = @unitId'); params.unitId = q.unitId; }
  if (q.verified === 'verified') where.push('r.verified_at IS NOT NULL');
  if (q.verified === 'unverified') where.push('r.verified_at IS NULL');
  q.terms.forEach((term, i) => {
    where.push(`(instr(e.search_key, @t${i}) > 0 OR instr(r.title_key, @k${i}) > 0 OR instr(lower(r.organiser), @t${i}) > 0)`);
    params[`t${i}`] = term;
    params[`k${i}`] = q.titleTerms[i] || term;
  });
  const rows = sql(db, `${SELECT} WHERE ${where.join(' AND ')}
    ORDER BY r.start_date DESC, e.name COLLATE NOCASE, r.title COLLATE NOCASE, r.id`).all(params) as Row[];
  return rows.map(toView);
}

/** The live record of this person with this folded title and these dates, if any. */
export function findSameTraining(db: Db, k: { employeeId: string; titleKey: string; startDate: string; endDate: string }, exceptId: string | null): RecordView | null {
  const row = sql(db, `${SELECT} WHERE r.deleted_at IS NULL AND r.employee_id = ? AND r.title_key = ? AND r.start_date = ? AND r.end_date = ?
    AND r.id IS NOT ? LIMIT 1`).get(k.employeeId, k.titleKey, k.startDate, k.endDate, exceptId) as Row | undefined;
  return row ? toView(row) : null;
}

/** The live record with this certificate number, anyone's. */
export function findByCertificate(db: Db, certificateNumber: string, exceptId: string | null): RecordView | null {
  const row = sql(db, `${SELECT} WHERE r.deleted_at IS NULL AND r.certificate_number = ? AND r.id IS NOT ? ORDER BY r.created_at LIMIT 1`)
    .get(certificateNumber, exceptId) as Row | undefined;
  return row ? toView(row) : null;
}

/** What an import compares a file with: every live record's duplicate keys, in one read. */
export interface LiveKeys {
  id: string; employeeId: string; titleKey: string; startDate: string; endDate: string; certificateNumber: string | null;
}

export function liveRecordKeys(db: Db): LiveKeys[] {
  return sql(db, `SELECT id, employee_id AS employeeId, title_key AS titleKey, start_date AS startDate, end_date AS endDate,
      certificate_number AS certificateNumber FROM training_records WHERE deleted_at IS NULL`).all() as LiveKeys[];
}

/** Whether any record, removed or not, keeps this scan (the file is shared by identical uploads). */
export function scanInUse(db: Db, sha256: string): boolean {
  return sql(db, 'SELECT 1 FROM training_records WHERE scan_sha256 = ? LIMIT 1').get(sha256) !== undefined;
}

// Positional parameters, in the table's order: an import inserts thousands of rows, and binding
// by name costs more.
const INSERT = `INSERT INTO training_records (id, employee_id, title, organiser, method_id, competency_type, start_date, end_date,
  international, hours, sessions, computed_jp, jp, jp_reason, certificate_number, certificate_date, place, scan_sha256, scan_name,
  scan_type, scan_size, source, verified_at, verified_by, notes, title_key, created_at, updated_at, updated_by, origin, deleted_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function insertRecord(db: Db, r: RecordRow): void {
  sql(db, INSERT).run(
    r.id, r.employeeId, r.title, r.organiser, r.methodId, r.competencyType, r.startDate, r.endDate, r.international ? 1 : 0,
    r.hours, r.sessions, r.computedJp, r.jp, r.jpReason, r.certificateNumber, r.certificateDate, r.place, r.scanSha256,
    r.scanName, r.scanType, r.scanSize, r.source, r.verifiedAt, r.verifiedBy, r.notes, r.titleKey, r.createdAt, r.updatedAt,
    r.updatedBy, r.origin, r.deletedAt,
  );
}

export function updateRecord(db: Db, r: RecordRow): void {
  sql(db, `UPDATE training_records SET employee_id = ?, title = ?, organiser = ?, method_id = ?, competency_type = ?, start_date = ?,
    end_date = ?, international = ?, hours = ?, sessions = ?, computed_jp = ?, jp = ?, jp_reason = ?, certificate_number = ?,
    certificate_date = ?, place = ?, scan_sha256 = ?, scan_name = ?, scan_type = ?, scan_size = ?, source = ?, verified_at = ?,
    verified_by = ?, notes = ?, title_key = ?, updated_at = ?, updated_by = ?, deleted_at = ? WHERE id = ?`).run(
    r.employeeId, r.title, r.organiser, r.methodId, r.competencyType, r.startDate, r.endDate, r.international ? 1 : 0, r.hours,
    r.sessions, r.computedJp, r.jp, r.jpReason, r.certificateNumber, r.certificateDate, r.place, r.scanSha256, r.scanName,
    r.scanType, r.scanSize, r.source, r.verifiedAt, r.verifiedBy, r.notes, r.titleKey, r.updatedAt, r.updatedBy, r.deletedAt, r.id,
  );
}

/** Who a records file may name: everyone on the roster, removed people too (to say so), by NIP. */
export interface RosterPerson { id: string; nip: string; name: string; deletedAt: string | null }

export function rosterByNip(db: Db): Map<string, RosterPerson> {
  const rows = sql(db, 'SELECT id, nip, name, deleted_at AS deletedAt FROM employees').all() as RosterPerson[];
  return new Map(rows.map((r) => [r.nip, r]));
}

/**
 * The office's own trainings, as outside records would name them: each live enrolment of an
 * employee in an event that is not cancelled, with the event's name and first and last session
 * dates; and the certificate numbers the office issued. An outside record repeating one of them
 * (a SIASN sheet imported back, an event typed in again) would count the same JP twice.
 */
export interface OfficeTrainingKey { employeeId: string; eventId: string; eventName: string; startDate: string; endDate: string }

export function officeTrainingKeys(db: Db, employeeId?: string): OfficeTrainingKey[] {
  return sql(db, `SELECT n.employee_id AS employeeId, e.id AS eventId, e.name AS eventName, min(s.date) AS startDate, max(s.date) AS endDate
    FROM enrolments n JOIN events e ON e.id = n.event_id JOIN event_sessions s ON s.event_id = e.id AND s.deleted_at IS NULL
    WHERE n.deleted_at IS NULL AND n.status = 'terdaftar' AND n.employee_id IS NOT NULL AND (? IS NULL OR n.employee_id = ?)
      AND e.deleted_at IS NULL AND e.status <> 'batal'
    GROUP BY n.id`).all(employeeId ?? null, employeeId ?? null) as OfficeTrainingKey[];
}

export function officeCertificateNumbers(db: Db, number?: string): { number: string; eventId: string; eventName: string }[] {
  return sql(db, `SELECT c.number, c.event_id AS eventId, e.name AS eventName FROM certificates c JOIN events e ON e.id = c.event_id
    WHERE c.status = 'sah' AND (? IS NULL OR c.number = ?)`).all(number ?? null, number ?? null) as { number: string; eventId: string; eventName: string }[];
}
