/**
 * The city-wide 20 JP ledger: one row per person (NIP) across the kecamatan. The JP are counted
 * by the very statement a kecamatan's own ledger uses (YEAR_JP and YEAR_RECORDS of
 * repos/trainings.ts): the city's rows are shaped into the kecamatan's tables by common table
 * expressions of the same names, which SQLite takes before any table, so the rules are shared,
 * not copied. A person who moved keeps the JP of both kecamatan, and of an employee row a
 * kecamatan removed (the trainings happened; siasn.ts lists them too): only a removed enrolment,
 * event, session, mark or record takes JP away.
 */
import type { CityLedgerPerson } from '../../../shared/contract/city.ts';
import { round2 } from '../../../shared/domain/jp.ts';
import { normalizeNipInput } from '../../../shared/domain/nip.ts';
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';
import { YEAR_JP, YEAR_RECORDS } from '../db/repos/trainings.ts';
import { cityEmployees, isActive, peopleOf, type CityPerson } from './people.ts';

/**
 * The city does not receive a kecamatan's rule settings (its own JP targets): every person is
 * measured against the national 20 JP a year.
 */
export const CITY_JP_TARGET = 20;

type Raw = unknown[];

const col = (name: string, field: string) => `json_extract(data, '$.${field}') AS ${name}`;
/** A kecamatan table as the city holds it: its rows from every office, removed ones with `deleted_at`. */
const table = (name: string, entity: string, columns: readonly [string, string][], where = '') =>
  `${name} AS MATERIALIZED (SELECT id, office_id, ${columns.map(([c, f]) => col(c, f)).join(', ')}, removed_at AS deleted_at
    FROM city_rows WHERE entity = '${entity}'${where})`;

/**
 * The tables YEAR_JP and YEAR_RECORDS read. `scope`: only the rows of one office (@office), or
 * only the enrolments, marks and records of some employees (@ids, a JSON array); the events and
 * sessions stay whole either way, as the rules count every session of an event.
 */
function cityTables(scope?: 'office' | 'employees'): string {
  const office = scope === 'office' ? ' AND office_id = @office' : '';
  const employees = scope === 'employees' ? " AND json_extract(data, '$.employeeId') IN (SELECT value FROM json_each(@ids))" : '';
  return [
    table('events', 'events', [['status', 'status'], ['min_attendance_pct', 'minAttendancePct'], ['min_post_test', 'minPostTest']], office),
    table('event_sessions', 'event_sessions', [['event_id', 'eventId'], ['date', 'date'], ['start_time', 'startTime'], ['end_time', 'endTime'],
      ['computed_jp', 'computedJp'], ['jp_override', 'jpOverride']], office),
    table('enrolments', 'enrolments', [['event_id', 'eventId'], ['employee_id', 'employeeId'], ['status', 'status'], ['post_test', 'postTest']], office + employees),
    table('attendance_marks', 'attendance_marks', [['session_id', 'sessionId'], ['enrolment_id', 'enrolmentId'], ['status', 'status']],
      office + (employees ? " AND json_extract(data, '$.enrolmentId') IN (SELECT id FROM enrolments)" : '')),
    table('training_records', 'training_records', [['employee_id', 'employeeId'], ['start_date', 'startDate'], ['jp', 'jp'], ['verified_at', 'verifiedAt']], office + employees),
  ].join(',\n');
}

export interface YearJp {
  /** Per kecamatan employee id: JP credited from events (finished and passed) and from outside records. */
  eventJp: Map<string, number>;
  externalJp: Map<string, number>;
}

/**
 * The year's JP of every employee row at the city (or of `employeeIds`). `now` is the city's
 * wall-clock minute: an event not marked done is finished when its last session is over.
 *
 * Office by office: a kecamatan's rows only ever meet their own (ids are the kecamatan's), and
 * YEAR_JP joins each enrolment to the marks of its event without an index, which is fine for one
 * kecamatan's year and not for eighteen at once.
 */
export function cityYearJp(db: Db, year: number, now: string, employeeIds?: readonly string[]): YearJp {
  const jp: YearJp = { eventJp: new Map(), externalJp: new Map() };
  const put = (into: Map<string, number>, rows: Raw[]) => { for (const r of rows) into.set(r[0] as string, r[1] as number); };
  const base = { year: String(year), now };
  if (employeeIds) {
    const params = { ...base, ids: JSON.stringify(employeeIds) };
    put(jp.eventJp, sql(db, `WITH ${cityTables('employees')}, ${YEAR_JP} SELECT employee_id, event_jp FROM year_jp`).raw(true).all(params) as Raw[]);
    put(jp.externalJp, sql(db, `WITH ${cityTables('employees')}, ${YEAR_RECORDS} SELECT employee_id, external_jp FROM year_records`).raw(true).all(params) as Raw[]);
    return jp;
  }
  const events = sql(db, `WITH ${cityTables('office')}, ${YEAR_JP} SELECT employee_id, event_jp FROM year_jp`).raw(true);
  for (const office of sql(db, 'SELECT office_id FROM city_offices ORDER BY region_code').pluck().all() as string[]) {
    put(jp.eventJp, events.all({ ...base, office }) as Raw[]);
  }
  put(jp.externalJp, sql(db, `WITH ${cityTables()}, ${YEAR_RECORDS} SELECT employee_id, external_jp FROM year_records`).raw(true).all(base) as Raw[]);
  return jp;
}

/**
 * Events of the year finished (not cancelled, not removed), per kecamatan office id, as YEAR_JP
 * decides "finished": marked done, or every session over.
 */
export function finishedEventsByOffice(db: Db, year: number, now: string): Map<string, number> {
  const rows = sql(db, `WITH ${cityTables()}, ${YEAR_JP}
    SELECT e.office_id, count(*) FROM year_events y JOIN events e ON e.id = y.event_id WHERE y.finished GROUP BY e.office_id`)
    .raw(true).all({ year: String(year), now }) as Raw[];
  return new Map(rows.map((r) => [r[0] as string, r[1] as number]));
}

export interface LedgerPersonRow extends CityLedgerPerson {
  /** The bare name, for sorting as a kecamatan's ledger sorts. */
  sortName: string;
}

/** A person's line: JP from every kecamatan row of the NIP, each kept to hundredths as a kecamatan keeps it. */
export function ledgerLine(p: CityPerson, jp: YearJp): LedgerPersonRow {
  let eventJp = 0;
  let externalJp = 0;
  for (const r of p.rows) {
    eventJp += round2(jp.eventJp.get(r.id) ?? 0);
    externalJp += round2(jp.externalJp.get(r.id) ?? 0);
  }
  eventJp = round2(eventJp);
  externalJp = round2(externalJp);
  const total = round2(eventJp + externalJp);
  const c = p.current;
  return {
    nip: p.nip, name: p.name, officeCode: c.officeCode, officeName: c.officeName, unit: c.unit, jabatan: c.jabatan, golongan: c.golongan,
    employmentType: c.employmentType, eventJp, externalJp, jp: total, target: CITY_JP_TARGET, gap: round2(Math.max(0, CITY_JP_TARGET - total)),
    offices: p.offices, sortName: c.name.toLowerCase(),
  };
}

export interface CityLedgerQuery {
  year: number;
  /** The city's wall-clock minute. */
  now: string;
  officeCode?: string;
  behindOnly?: boolean;
  search?: string;
}

/** Name or NIP, typed any common way. */
function matcher(search: string | undefined): ((p: CityLedgerPerson) => boolean) | null {
  const text = search?.trim().toLowerCase() ?? '';
  if (!text) return null;
  const digits = normalizeNipInput(text);
  if (/^\d+$/.test(digits)) return (p) => p.nip.includes(digits);
  return (p) => p.name.toLowerCase().includes(text);
}

/** Every active person's line (not filtered), for the ledger and the dashboard. */
export function ledgerLines(db: Db, year: number, now: string): LedgerPersonRow[] {
  const people = [...peopleOf(cityEmployees(db)).values()].filter(isActive);
  const jp = cityYearJp(db, year, now);
  return people.map((p) => ledgerLine(p, jp));
}

const byName = (a: LedgerPersonRow, b: LedgerPersonRow) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.nip.localeCompare(b.nip));

/**
 * The ledger of a year: people of the filter (office by current assignment, name or NIP), the
 * largest gap first, then by name; totals over the filter (`behindOnly` narrows only the rows).
 */
export function cityLedger(db: Db, q: CityLedgerQuery) {
  const match = matcher(q.search);
  const all = ledgerLines(db, q.year, q.now)
    .filter((p) => (q.officeCode === undefined || p.officeCode === q.officeCode) && (!match || match(p)))
    .sort(byName);
  const reached = all.filter((p) => p.gap === 0).length;
  const rows = (q.behindOnly ? all.filter((p) => p.gap > 0) : all).sort((a, b) => b.gap - a.gap);
  return {
    year: q.year, target: CITY_JP_TARGET,
    people: rows.map(({ sortName: _s, ...p }) => p),
    totals: { people: all.length, reached, behind: all.length - reached, jp: round2(all.reduce((a, p) => a + p.jp, 0)) },
  };
}
