/**
 * People across the city's kecamatan. Each kecamatan sends its own employee rows (its own ids);
 * the city knows a person by NIP, so the same NIP from two kecamatan (a transfer) is one person
 * with rows from both. One row is the current assignment (unit, jabatan, golongan): see `newer`.
 */
import type { CityAssignment } from '../../../shared/contract/city.ts';
import { displayName } from '../../../shared/domain/person-name.ts';
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';

export interface CityEmployee {
  /** The kecamatan's own employee id. */
  id: string;
  officeId: string;
  officeCode: string;
  officeName: string;
  nip: string;
  frontTitle: string;
  name: string;
  backTitle: string;
  employmentType: 'pns' | 'pppk';
  unitId: string | null;
  unit: string | null;
  jabatan: string | null;
  golongan: string | null;
  status: string | null;
  /** Since when the status holds (YYYY-MM-DD), as the kecamatan entered it. */
  statusDate: string | null;
  updatedAt: string | null;
  rowVersion: number;
  removed: boolean;
}

export interface CityPerson {
  nip: string;
  /** The current assignment's name, with titles. */
  name: string;
  current: CityEmployee;
  /** Every row of the NIP, oldest first. */
  rows: CityEmployee[];
  /** Kecamatan the person was in. */
  offices: number;
}

type Raw = unknown[];

// `c.entity = 'employees'` with json_extract(data, '$.nip') is what the index of migration 010 holds.
const EMPLOYEES = `SELECT c.id, c.office_id, coalesce(o.region_code, ''), coalesce(o.name, ''),
    json_extract(c.data, '$.nip'), coalesce(json_extract(c.data, '$.frontTitle'), ''), coalesce(json_extract(c.data, '$.name'), ''),
    coalesce(json_extract(c.data, '$.backTitle'), ''), json_extract(c.data, '$.employmentType'), json_extract(c.data, '$.unitId'),
    json_extract(c.data, '$.jabatan'), json_extract(c.data, '$.golongan'), json_extract(c.data, '$.status'),
    json_extract(c.data, '$.statusDate'), c.updated_at, c.row_version, c.removed_at IS NOT NULL
  FROM city_rows c LEFT JOIN city_offices o ON o.office_id = c.office_id
  WHERE c.entity = 'employees'`;

/** Unit names by id, removed units too: a past assignment keeps the name its unit had. */
function unitNames(db: Db): Map<string, string> {
  const rows = sql(db, "SELECT id, json_extract(data, '$.name') FROM city_rows WHERE entity = 'units'").raw(true).all() as Raw[];
  return new Map(rows.map((r) => [r[0] as string, r[1] as string]));
}

/** Every employee row the kecamatan sent (removed ones too), or those of one NIP. */
export function cityEmployees(db: Db, q: { nip?: string } = {}): CityEmployee[] {
  const units = unitNames(db);
  const rows = (q.nip === undefined
    ? sql(db, EMPLOYEES).raw(true).all()
    : sql(db, `${EMPLOYEES} AND json_extract(c.data, '$.nip') = ?`).raw(true).all(q.nip)) as Raw[];
  return rows.flatMap(([id, officeId, officeCode, officeName, nip, frontTitle, name, backTitle, type, unitId, jabatan, golongan, status, statusDate, updatedAt, rowVersion, removed]) => {
    // A tombstone for a row the city never had carries no NIP: nobody to count.
    if (typeof nip !== 'string' || nip === '') return [];
    return [{
      id: id as string, officeId: officeId as string, officeCode: officeCode as string, officeName: officeName as string, nip,
      frontTitle: frontTitle as string, name: name as string, backTitle: backTitle as string,
      employmentType: type === 'pppk' ? 'pppk' as const : 'pns' as const, unitId: unitId as string | null,
      unit: unitId === null ? null : units.get(unitId as string) ?? null,
      jabatan: jabatan as string | null, golongan: golongan as string | null, status: status as string | null,
      statusDate: typeof statusDate === 'string' ? statusDate : null, updatedAt: updatedAt as string | null, rowVersion: rowVersion as number, removed: removed === 1,
    }];
  });
}

/**
 * Whether `a` is the current assignment rather than `b`: a live row beats one its kecamatan
 * removed; then an `aktif` row beats one that is not, as a transfer is entered at both ends in
 * any order (the new kecamatan adds the person `aktif` on 20 November, the old one marks them
 * `pindah` on the 24th: the later change is the old row, the person is where they are active);
 * then the later status date (none entered counts as the earliest), the later change, the higher
 * row version. One order over all rows, so the current row does not depend on the rows' order.
 */
function newer(a: CityEmployee, b: CityEmployee): boolean {
  if (a.removed !== b.removed) return !a.removed;
  if ((a.status === 'aktif') !== (b.status === 'aktif')) return a.status === 'aktif';
  const [since, since2] = [a.statusDate ?? '', b.statusDate ?? ''];
  if (since !== since2) return since > since2;
  const [changed, changed2] = [a.updatedAt ?? '', b.updatedAt ?? ''];
  if (changed !== changed2) return changed > changed2;
  return a.rowVersion > b.rowVersion;
}

const byTime = (a: CityEmployee, b: CityEmployee) =>
  (a.updatedAt ?? '').localeCompare(b.updatedAt ?? '') || a.rowVersion - b.rowVersion || a.officeCode.localeCompare(b.officeCode);

/** The rows grouped into people by NIP. */
export function peopleOf(rows: readonly CityEmployee[]): Map<string, CityPerson> {
  const people = new Map<string, CityPerson>();
  for (const row of rows) {
    const person = people.get(row.nip);
    if (!person) {
      people.set(row.nip, { nip: row.nip, name: '', current: row, rows: [row], offices: 0 });
      continue;
    }
    person.rows.push(row);
    if (newer(row, person.current)) person.current = row;
  }
  for (const p of people.values()) {
    p.rows.sort(byTime);
    p.name = displayName({ front: p.current.frontTitle, name: p.current.name, back: p.current.backTitle });
    p.offices = new Set(p.rows.map((r) => r.officeId)).size;
  }
  return people;
}

export function assignmentOf(r: CityEmployee): CityAssignment {
  return {
    officeCode: r.officeCode, officeName: r.officeName, unit: r.unit, jabatan: r.jabatan, golongan: r.golongan,
    status: r.status, updatedAt: r.updatedAt, removed: r.removed,
  };
}

/** Counted in the city's ledger: the current assignment is live and active (aktif), as a kecamatan's ledger counts its own. */
export const isActive = (p: CityPerson) => !p.current.removed && p.current.status === 'aktif';
