/**
 * The SIASN sheet of every kecamatan's trainings of a year, from the rows the city received: the
 * rows of a kecamatan's own sheet (reports/siasn.ts builds both), one office after another.
 * Who passed is decided by the same completion rule the kecamatan's recap applies (jp.ts), at the
 * city's clock. One difference, the city's ledger's rule: the trainings of an employee row its
 * kecamatan removed are listed too (they happened, and the person, by NIP, may be in another
 * kecamatan now); only a removed enrolment, event or record takes a training away.
 */
import { isEventFinished, isSessionOver, type EventStatusValue } from '../../../shared/domain/event-progress.ts';
import { completion, type AttendanceStatus } from '../../../shared/domain/jp.ts';
import { displayName } from '../../../shared/domain/person-name.ts';
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';
import { eventSiasnRow, recordSiasnRow, sortSiasnRows, type SiasnPerson, type SiasnRow } from '../reports/siasn.ts';

type Raw = unknown[];

/** Live rows of one entity with the fields asked, as arrays: [id, office_id, ...fields]. */
function live(db: Db, entity: string, fields: readonly string[], where = '', params: Record<string, unknown> = {}): Raw[] {
  return sql(db, `SELECT id, office_id, ${fields.map((f) => `json_extract(data, '$.${f}')`).join(', ')} FROM city_rows
    WHERE entity = '${entity}' AND removed_at IS NULL${where}`).raw(true).all(params) as Raw[];
}

interface Session { id: string; date: string; start: string; end: string; jp: number }

function group<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Every kecamatan's SIASN rows of `year` at `now` (the city's wall-clock minute). */
export function citySiasnRows(db: Db, year: number, now: string): SiasnRow[] {
  const offices = new Map((sql(db, 'SELECT office_id, name FROM city_offices').raw(true).all() as Raw[]).map((r) => [r[0] as string, r[1] as string]));
  // Employee rows removed too: a tombstone for a row the city never had carries no NIP, and nobody to list.
  const employees = sql(db, `SELECT id, json_extract(data, '$.nip'), json_extract(data, '$.frontTitle'), json_extract(data, '$.name'),
    json_extract(data, '$.backTitle') FROM city_rows WHERE entity = 'employees'`).raw(true).all() as Raw[];
  const who = new Map<string, SiasnPerson>(employees.filter((r) => typeof r[1] === 'string' && r[1] !== '').map((r) => [
    r[0] as string, { nip: r[1] as string, name: displayName({ front: (r[2] ?? '') as string, name: (r[3] ?? '') as string, back: (r[4] ?? '') as string }) },
  ]));

  const sessions = group(live(db, 'event_sessions', ['eventId', 'date', 'startTime', 'endTime', 'computedJp', 'jpOverride']).map((r) => ({
    eventId: r[2] as string, id: r[0] as string, date: r[3] as string, start: r[4] as string, end: r[5] as string, jp: (r[7] ?? r[6]) as number,
  })), (s) => s.eventId);
  // Events that start in the year (their first live session), not cancelled.
  const events = live(db, 'events', ['name', 'methodId', 'organiser', 'place', 'status', 'minAttendancePct', 'minPostTest']).flatMap((r) => {
    const own = (sessions.get(r[0] as string) ?? []).sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
    const status = r[6] as EventStatusValue;
    if (status === 'batal' || !own[0]?.date.startsWith(`${year}-`)) return [];
    const over = own.map((s) => isSessionOver(s, now));
    if (!isEventFinished(status, over)) return [];
    return [{
      id: r[0] as string, officeId: r[1] as string, sessions: own, over,
      event: { name: r[2] as string, methodId: r[3] as number, organiser: r[4] as string, place: r[5] as string, startDate: own[0].date, endDate: own.at(-1)!.date },
      rule: { minAttendancePct: r[7] as number, minPostTest: r[8] as number | null },
    }];
  });
  const wanted = new Set(events.map((e) => e.id));
  const enrolments = group(live(db, 'enrolments', ['eventId', 'employeeId', 'status', 'postTest'])
    .filter((r) => wanted.has(r[2] as string) && r[4] === 'terdaftar')
    .map((r) => ({ id: r[0] as string, eventId: r[2] as string, employeeId: r[3] as string | null, postTest: r[5] as number | null })), (n) => n.eventId);
  const sessionIds = new Set(events.flatMap((e) => e.sessions.map((s) => s.id)));
  const marks = new Map(live(db, 'attendance_marks', ['sessionId', 'enrolmentId', 'status'])
    .filter((r) => sessionIds.has(r[2] as string))
    .map((r) => [`${r[2] as string}|${r[3] as string}`, r[4] as AttendanceStatus]));
  const numbers = new Map(live(db, 'certificates', ['enrolmentId', 'number', 'role', 'status'])
    .filter((r) => r[2] !== null && r[4] === 'peserta' && r[5] === 'sah')
    .map((r) => [r[2] as string, r[3] as string]));

  const rows: SiasnRow[] = [];
  for (const e of events) {
    const jps = e.sessions.map((s: Session) => s.jp);
    const officeName = offices.get(e.officeId) ?? '';
    for (const n of enrolments.get(e.id) ?? []) {
      const person = n.employeeId ? who.get(n.employeeId) : undefined;
      // Walk-in guests belong to their own office's upload.
      if (!person) continue;
      const statuses = e.sessions.map((s) => marks.get(`${s.id}|${n.id}`) ?? null);
      const c = completion(statuses, jps, e.rule, n.postTest, { over: e.over, finished: true });
      if (c.result === 'passed') rows.push(eventSiasnRow(e.event, person, c.jp, numbers.get(n.id), officeName, year));
    }
  }
  const records = live(db, 'training_records', ['employeeId', 'title', 'organiser', 'methodId', 'jp', 'place', 'certificateNumber', 'startDate', 'endDate'],
    " AND json_extract(data, '$.startDate') BETWEEN @from AND @to", { from: `${year}-01-01`, to: `${year}-12-31` });
  for (const x of records) {
    const person = who.get(x[2] as string);
    if (!person) continue;
    rows.push(recordSiasnRow({
      title: x[3] as string, organiser: x[4] as string, methodId: x[5] as number, jp: x[6] as number, place: x[7] as string,
      certificateNumber: x[8] as string | null, startDate: x[9] as string, endDate: x[10] as string,
    }, person, year));
  }
  return sortSiasnRows(rows);
}
