import type { Db } from '../open.ts';
import type { EmployeeStatus } from '../../../../shared/contract/employees.ts';
import { sql } from '../statements.ts';

/** An employee as stored: the domain fields without derived ones (display name, golongan label, unit name). */
export interface EmployeeRecord {
  id: string;
  nip: string;
  employmentType: 'pns' | 'pppk';
  frontTitle: string;
  name: string;
  backTitle: string;
  gender: 'L' | 'P' | null;
  birthPlace: string;
  birthDate: string | null;
  golongan: string | null;
  jabatan: string;
  unitId: string | null;
  status: EmployeeStatus;
  statusDate: string | null;
  phone: string;
  email: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  origin: string;
  deletedAt: string | null;
}

interface Row {
  id: string; nip: string; employment_type: 'pns' | 'pppk'; front_title: string; name: string; back_title: string;
  gender: 'L' | 'P' | null; birth_place: string; birth_date: string | null; golongan: string | null; jabatan: string;
  unit_id: string | null; status: EmployeeStatus; status_date: string | null; phone: string; email: string; notes: string;
  created_at: string; updated_at: string; updated_by: string | null; origin: string; deleted_at: string | null;
  unit_name?: string | null;
}

export type EmployeeRow = EmployeeRecord & { unitName: string | null };

function toRecord(r: Row): EmployeeRow {
  return {
    id: r.id, nip: r.nip, employmentType: r.employment_type, frontTitle: r.front_title, name: r.name,
    backTitle: r.back_title, gender: r.gender, birthPlace: r.birth_place, birthDate: r.birth_date,
    golongan: r.golongan, jabatan: r.jabatan, unitId: r.unit_id, status: r.status, statusDate: r.status_date,
    phone: r.phone, email: r.email, notes: r.notes, createdAt: r.created_at, updatedAt: r.updated_at,
    updatedBy: r.updated_by, origin: r.origin, deletedAt: r.deleted_at, unitName: r.unit_name ?? null,
  };
}

const SELECT = 'SELECT e.*, u.name AS unit_name FROM employees e LEFT JOIN units u ON u.id = e.unit_id';

export function getEmployee(db: Db, id: string): EmployeeRow | null {
  const row = sql(db, `${SELECT} WHERE e.id = ?`).get(id) as Row | undefined;
  return row ? toRecord(row) : null;
}

/** By NIP, removed rows included (the NIP stays taken by its tombstone). */
export function findEmployeeByNip(db: Db, nip: string): EmployeeRow | null {
  const row = sql(db, `${SELECT} WHERE e.nip = ?`).get(nip) as Row | undefined;
  return row ? toRecord(row) : null;
}

/** Every employee by NIP, removed ones included: the importer compares a whole file at once. */
export function allEmployeesByNip(db: Db): Map<string, EmployeeRow> {
  const rows = sql(db, SELECT).all() as Row[];
  return new Map(rows.map((r) => [r.nip, toRecord(r)]));
}

export interface ListQuery {
  terms: string[];
  unitId?: string;
  status?: EmployeeStatus;
  golongan?: string;
  employmentType?: 'pns' | 'pppk';
  sort: 'name' | 'nip' | 'golongan' | 'unit' | 'jabatan' | 'status';
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const SORT_COLUMNS: Record<ListQuery['sort'], string> = {
  name: 'e.name COLLATE NOCASE', nip: 'e.nip', golongan: 'e.golongan', unit: 'unit_name COLLATE NOCASE',
  jabatan: 'e.jabatan COLLATE NOCASE', status: 'e.status',
};

/**
 * The roster's filters as SQL on `employees e`: people not removed whose search key holds every
 * search term (searchTerms of shared/domain/search.ts), in a unit, status, golongan, kind. The
 * roster list and the enrolment candidates both use it, so both find the same people.
 */
export function rosterFilter(q: Pick<ListQuery, 'terms' | 'unitId' | 'status' | 'golongan' | 'employmentType'>): { whereSql: string; params: Record<string, unknown> } {
  const where = ['e.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  q.terms.forEach((term, i) => {
    where.push(`instr(e.search_key, @t${i}) > 0`);
    params[`t${i}`] = term;
  });
  if (q.unitId) { where.push('e.unit_id = @unitId'); params.unitId = q.unitId; }
  if (q.status) { where.push('e.status = @status'); params.status = q.status; }
  if (q.golongan) { where.push('e.golongan = @golongan'); params.golongan = q.golongan; }
  if (q.employmentType) { where.push('e.employment_type = @employmentType'); params.employmentType = q.employmentType; }
  return { whereSql: where.join(' AND '), params };
}

export function listEmployees(db: Db, q: ListQuery): { total: number; items: EmployeeRow[] } {
  const { whereSql, params } = rosterFilter(q);
  const order = `${SORT_COLUMNS[q.sort]} ${q.direction === 'desc' ? 'DESC' : 'ASC'}, e.name COLLATE NOCASE, e.nip`;
  // One scan gives both the page and the number of matches.
  const rows = sql(db, `SELECT e.*, u.name AS unit_name, count(*) OVER () AS total FROM employees e
      LEFT JOIN units u ON u.id = e.unit_id WHERE ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as (Row & { total: number })[];
  const total = rows[0]?.total ?? (q.offset > 0 ? (sql(db, `SELECT count(*) AS n FROM employees e WHERE ${whereSql}`).get(params) as { n: number }).n : 0);
  return { total, items: rows.map(toRecord) };
}

/** Positional parameters: an import inserts thousands of rows, and binding by name costs more. */
export function insertEmployee(db: Db, e: EmployeeRecord, searchKey: string): void {
  sql(db, `INSERT INTO employees (id, nip, employment_type, front_title, name, back_title, gender, birth_place,
      birth_date, golongan, jabatan, unit_id, status, status_date, phone, email, notes, search_key, created_at,
      updated_at, updated_by, origin, deleted_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    e.id, e.nip, e.employmentType, e.frontTitle, e.name, e.backTitle, e.gender, e.birthPlace, e.birthDate, e.golongan,
    e.jabatan, e.unitId, e.status, e.statusDate, e.phone, e.email, e.notes, searchKey, e.createdAt, e.updatedAt,
    e.updatedBy, e.origin, e.deletedAt,
  );
}

export function updateEmployee(db: Db, e: EmployeeRecord, searchKey: string): void {
  const PARAMS = (r: EmployeeRecord, key: string) => ({ ...r, searchKey: key });
  sql(db, `UPDATE employees SET nip = @nip, employment_type = @employmentType, front_title = @frontTitle,
      name = @name, back_title = @backTitle, gender = @gender, birth_place = @birthPlace, birth_date = @birthDate,
      golongan = @golongan, jabatan = @jabatan, unit_id = @unitId, status = @status, status_date = @statusDate,
      phone = @phone, email = @email, notes = @notes, search_key = @searchKey, updated_at = @updatedAt,
      updated_by = @updatedBy, deleted_at = @deletedAt
    WHERE id = @id`).run(PARAMS(e, searchKey));
}

/** Records that keep a person from being removed: any enrolment, withdrawn or not, and any live outside training record. */
export function hasTrainingRecords(db: Db, id: string): boolean {
  return sql(db, `SELECT 1 FROM enrolments WHERE employee_id = @id
    UNION ALL SELECT 1 FROM training_records WHERE employee_id = @id AND deleted_at IS NULL LIMIT 1`).get({ id }) !== undefined;
}
