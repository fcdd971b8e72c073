import type { Db } from '../open.ts';
import { sql } from '../statements.ts';
import { PRESENT_STATUSES, type AttendanceStatus } from '../../../../shared/domain/jp.ts';
import { rosterFilter } from './employees.ts';

interface Sync { createdAt: string; updatedAt: string; updatedBy: string | null; origin: string; deletedAt: string | null }

export interface EventRecord extends Sync {
  id: string; programmeItemId: string | null; name: string; methodId: number; competencyType: string; organiser: string;
  place: string; description: string; speakers: { name: string; institution: string; topic: string }[]; capacity: number | null;
  international: boolean; minAttendancePct: number; minPostTest: number | null; lateGraceMinutes: number | null; status: string;
}

export interface SessionRecord extends Sync {
  id: string; eventId: string; date: string; start: string; end: string; topic: string; speaker: string;
  computedJp: number; jpOverride: number | null; jpOverrideReason: string | null;
}

export interface EnrolmentRecord extends Sync {
  id: string; eventId: string; employeeId: string | null; walkInName: string | null; walkInNip: string | null;
  walkInInstitution: string; status: 'terdaftar' | 'mundur'; withdrawReason: string | null; preTest: number | null; postTest: number | null;
}

export interface MarkRecord extends Sync {
  id: string; sessionId: string; enrolmentId: string; status: AttendanceStatus; markedAt: string; note: string;
  source: 'scan' | 'manual' | 'paper' | 'bulk';
}

type Row = Record<string, unknown>;
const sync = (r: Row): Sync => ({
  createdAt: r.created_at as string, updatedAt: r.updated_at as string, updatedBy: r.updated_by as string | null,
  origin: r.origin as string, deletedAt: r.deleted_at as string | null,
});

const toEvent = (r: Row): EventRecord => ({
  id: r.id as string, programmeItemId: r.programme_item_id as string | null, name: r.name as string, methodId: r.method_id as number,
  competencyType: r.competency_type as string, organiser: r.organiser as string, place: r.place as string,
  description: r.description as string, speakers: JSON.parse(r.speakers as string) as EventRecord['speakers'],
  capacity: r.capacity as number | null, international: r.international === 1, minAttendancePct: r.min_attendance_pct as number,
  minPostTest: r.min_post_test as number | null, lateGraceMinutes: r.late_grace_minutes as number | null, status: r.status as string,
  ...sync(r),
});

const toSession = (r: Row): SessionRecord => ({
  id: r.id as string, eventId: r.event_id as string, date: r.date as string, start: r.start_time as string, end: r.end_time as string,
  topic: r.topic as string, speaker: r.speaker as string, computedJp: r.computed_jp as number, jpOverride: r.jp_override as number | null,
  jpOverrideReason: r.jp_override_reason as string | null, ...sync(r),
});

const toEnrolment = (r: Row): EnrolmentRecord => ({
  id: r.id as string, eventId: r.event_id as string, employeeId: r.employee_id as string | null, walkInName: r.walk_in_name as string | null,
  walkInNip: r.walk_in_nip as string | null, walkInInstitution: r.walk_in_institution as string, status: r.status as EnrolmentRecord['status'],
  withdrawReason: r.withdraw_reason as string | null, preTest: r.pre_test as number | null, postTest: r.post_test as number | null, ...sync(r),
});

const toMark = (r: Row): MarkRecord => ({
  id: r.id as string, sessionId: r.session_id as string, enrolmentId: r.enrolment_id as string, status: r.status as AttendanceStatus,
  markedAt: r.marked_at as string, note: r.note as string, source: r.source as MarkRecord['source'], ...sync(r),
});

// ── events ───────────────────────────────────────────────────────────────────────────────
export function getEvent(db: Db, id: string): EventRecord | null {
  const r = sql(db, 'SELECT * FROM events WHERE id = ? AND deleted_at IS NULL').get(id) as Row | undefined;
  return r ? toEvent(r) : null;
}

/** The active enrolment of a walk-in guest with this NIP: the one a scan of it means. */
export function findWalkIn(db: Db, eventId: string, nip: string): { id: string; name: string } | null {
  return (sql(db, "SELECT id, walk_in_name AS name FROM enrolments WHERE event_id = ? AND walk_in_nip = ? AND status = 'terdaftar' AND deleted_at IS NULL")
    .get(eventId, nip) as { id: string; name: string } | undefined) ?? null;
}

/** Any enrolment ever made, withdrawn ones included. */
export function eventHasEnrolments(db: Db, eventId: string): boolean {
  return sql(db, 'SELECT 1 FROM enrolments WHERE event_id = ? LIMIT 1').get(eventId) !== undefined;
}

export function listEventRecords(db: Db, q: { status?: string; programmeItemId?: string }): EventRecord[] {
  return (sql(db, `SELECT * FROM events WHERE deleted_at IS NULL AND (@status IS NULL OR status = @status)
      AND (@item IS NULL OR programme_item_id = @item) ORDER BY created_at DESC`)
    .all({ status: q.status ?? null, item: q.programmeItemId ?? null }) as Row[]).map(toEvent);
}

export function saveEvent(db: Db, e: EventRecord, insert: boolean): void {
  const p = [e.programmeItemId, e.name, e.methodId, e.competencyType, e.organiser, e.place, e.description, JSON.stringify(e.speakers),
    e.capacity, e.international ? 1 : 0, e.minAttendancePct, e.minPostTest, e.lateGraceMinutes, e.status, e.updatedAt, e.updatedBy, e.deletedAt];
  if (insert) {
    sql(db, `INSERT INTO events (programme_item_id, name, method_id, competency_type, organiser, place, description, speakers, capacity,
      international, min_attendance_pct, min_post_test, late_grace_minutes, status, updated_at, updated_by, deleted_at, id, created_at, origin)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...p, e.id, e.createdAt, e.origin);
  } else {
    sql(db, `UPDATE events SET programme_item_id = ?, name = ?, method_id = ?, competency_type = ?, organiser = ?, place = ?,
      description = ?, speakers = ?, capacity = ?, international = ?, min_attendance_pct = ?, min_post_test = ?, late_grace_minutes = ?,
      status = ?, updated_at = ?, updated_by = ?, deleted_at = ? WHERE id = ?`).run(...p, e.id);
  }
}

// ── sessions ─────────────────────────────────────────────────────────────────────────────
export function listSessions(db: Db, eventId: string): SessionRecord[] {
  return (sql(db, 'SELECT * FROM event_sessions WHERE event_id = ? AND deleted_at IS NULL ORDER BY date, start_time').all(eventId) as Row[]).map(toSession);
}

export function getSession(db: Db, id: string): SessionRecord | null {
  const r = sql(db, 'SELECT * FROM event_sessions WHERE id = ? AND deleted_at IS NULL').get(id) as Row | undefined;
  return r ? toSession(r) : null;
}

export function saveSession(db: Db, s: SessionRecord, insert: boolean): void {
  const p = [s.eventId, s.date, s.start, s.end, s.topic, s.speaker, s.computedJp, s.jpOverride, s.jpOverrideReason, s.updatedAt, s.updatedBy, s.deletedAt];
  if (insert) {
    sql(db, `INSERT INTO event_sessions (event_id, date, start_time, end_time, topic, speaker, computed_jp, jp_override, jp_override_reason,
      updated_at, updated_by, deleted_at, id, created_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...p, s.id, s.createdAt, s.origin);
  } else {
    sql(db, `UPDATE event_sessions SET event_id = ?, date = ?, start_time = ?, end_time = ?, topic = ?, speaker = ?, computed_jp = ?,
      jp_override = ?, jp_override_reason = ?, updated_at = ?, updated_by = ?, deleted_at = ? WHERE id = ?`).run(...p, s.id);
  }
}

// ── enrolments ───────────────────────────────────────────────────────────────────────────
export interface EnrolmentView extends EnrolmentRecord {
  nip: string | null; name: string; jabatan: string; unit: string | null; golongan: string | null;
}

const ENROLMENT_VIEW = `SELECT n.*, e.nip AS e_nip, e.name AS e_name, e.front_title, e.back_title, e.jabatan, e.golongan, u.name AS unit_name
  FROM enrolments n LEFT JOIN employees e ON e.id = n.employee_id LEFT JOIN units u ON u.id = e.unit_id`;

function toView(r: Row): EnrolmentView {
  const base = toEnrolment(r);
  const titled = [r.front_title, r.e_name].filter(Boolean).join(' ') + (r.back_title ? `, ${String(r.back_title)}` : '');
  return {
    ...base,
    nip: base.employeeId ? (r.e_nip as string) : base.walkInNip,
    name: base.employeeId ? titled : base.walkInName ?? '',
    jabatan: (r.jabatan as string | null) ?? '',
    unit: base.employeeId ? (r.unit_name as string | null) : base.walkInInstitution || null,
    golongan: r.golongan as string | null,
  };
}

export function listEnrolments(db: Db, eventId: string, includeWithdrawn: boolean): EnrolmentView[] {
  return (sql(db, `${ENROLMENT_VIEW} WHERE n.event_id = ? AND n.deleted_at IS NULL ${includeWithdrawn ? '' : "AND n.status = 'terdaftar'"}
    ORDER BY coalesce(e.name, n.walk_in_name) COLLATE NOCASE`).all(eventId) as Row[]).map(toView);
}

export function getEnrolment(db: Db, id: string): EnrolmentView | null {
  const r = sql(db, `${ENROLMENT_VIEW} WHERE n.id = ? AND n.deleted_at IS NULL`).get(id) as Row | undefined;
  return r ? toView(r) : null;
}

export function findEnrolment(db: Db, eventId: string, employeeId: string): EnrolmentRecord | null {
  const r = sql(db, 'SELECT * FROM enrolments WHERE event_id = ? AND employee_id = ?').get(eventId, employeeId) as Row | undefined;
  return r ? toEnrolment(r) : null;
}

export function countActiveEnrolments(db: Db, eventId: string): number {
  return (sql(db, "SELECT count(*) AS n FROM enrolments WHERE event_id = ? AND status = 'terdaftar' AND deleted_at IS NULL").get(eventId) as { n: number }).n;
}

export function saveEnrolment(db: Db, e: EnrolmentRecord, insert: boolean): void {
  const p = [e.eventId, e.employeeId, e.walkInName, e.walkInNip, e.walkInInstitution, e.status, e.withdrawReason, e.preTest, e.postTest, e.updatedAt, e.updatedBy, e.deletedAt];
  if (insert) {
    sql(db, `INSERT INTO enrolments (event_id, employee_id, walk_in_name, walk_in_nip, walk_in_institution, status, withdraw_reason, pre_test,
      post_test, updated_at, updated_by, deleted_at, id, created_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...p, e.id, e.createdAt, e.origin);
  } else {
    sql(db, `UPDATE enrolments SET event_id = ?, employee_id = ?, walk_in_name = ?, walk_in_nip = ?, walk_in_institution = ?, status = ?,
      withdraw_reason = ?, pre_test = ?, post_test = ?, updated_at = ?, updated_by = ?, deleted_at = ? WHERE id = ?`).run(...p, e.id);
  }
}

// ── attendance marks ─────────────────────────────────────────────────────────────────────
/** The mark of a participant in a session, a cleared one (tombstone) included. */
export function findMark(db: Db, sessionId: string, enrolmentId: string): MarkRecord | null {
  const r = sql(db, 'SELECT * FROM attendance_marks WHERE session_id = ? AND enrolment_id = ?').get(sessionId, enrolmentId) as Row | undefined;
  return r ? toMark(r) : null;
}

export function marksOfSession(db: Db, sessionId: string): MarkRecord[] {
  return (sql(db, 'SELECT * FROM attendance_marks WHERE session_id = ? AND deleted_at IS NULL').all(sessionId) as Row[]).map(toMark);
}

export function marksOfEvent(db: Db, eventId: string): MarkRecord[] {
  return (sql(db, `SELECT m.* FROM attendance_marks m JOIN event_sessions s ON s.id = m.session_id
    WHERE s.event_id = ? AND m.deleted_at IS NULL AND s.deleted_at IS NULL`).all(eventId) as Row[]).map(toMark);
}

export function saveMark(db: Db, m: MarkRecord, insert: boolean): void {
  if (insert) {
    sql(db, `INSERT INTO attendance_marks (id, session_id, enrolment_id, status, marked_at, note, source, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(m.id, m.sessionId, m.enrolmentId, m.status, m.markedAt, m.note, m.source, m.createdAt, m.updatedAt, m.updatedBy, m.origin, m.deletedAt);
  } else {
    sql(db, 'UPDATE attendance_marks SET status = ?, marked_at = ?, note = ?, source = ?, updated_at = ?, updated_by = ?, deleted_at = ? WHERE id = ?')
      .run(m.status, m.markedAt, m.note, m.source, m.updatedAt, m.updatedBy, m.deletedAt, m.id);
  }
}

export function sessionHasMarks(db: Db, sessionId: string): boolean {
  return sql(db, 'SELECT 1 FROM attendance_marks WHERE session_id = ? AND deleted_at IS NULL LIMIT 1').get(sessionId) !== undefined;
}

// ── events with their figures, in one statement ─────────────────────────────────────────
// Session times are the office's wall clock: "date start" and "date end" (the next day for a
// session past midnight) compare as text with the office's "YYYY-MM-DD HH:MM" now, exactly as
// shared/domain/event-progress.ts compares them.
const START_LOCAL = "s.date || ' ' || s.start_time";
export const END_LOCAL = "(CASE WHEN s.end_time <= s.start_time THEN date(s.date, '+1 day') ELSE s.date END) || ' ' || s.end_time";

export interface EventSummary extends EventRecord {
  /** The status as it stands (event-progress.ts effectiveEventStatus); `status` is the stored one. */
  effectiveStatus: string;
  sessionCount: number;
  sessionsOver: number;
  totalJp: number;
  startDate: string | null;
  endDate: string | null;
  firstStart: string | null;
  lastEnd: string | null;
  enrolled: number;
  /** Anyone ever enrolled, withdrawn people included. */
  everEnrolled: boolean;
}

/**
 * Events with their session, enrolment and status figures, for a list or one event: one
 * statement whatever the number of events (sessions and enrolments are aggregated per event,
 * the year and status filters are SQL). `now` is the office's wall-clock minute.
 */
export function listEventSummaries(db: Db, q: { now: string; id?: string; year?: number; status?: string; programmeItemId?: string }): EventSummary[] {
  const rows = sql(db, `WITH
    s AS (SELECT s.event_id, count(*) AS sessions, sum(CASE WHEN ${END_LOCAL} <= @now THEN 1 ELSE 0 END) AS over,
            sum(coalesce(s.jp_override, s.computed_jp)) AS total_jp, min(s.date) AS start_date, max(s.date) AS end_date,
            min(${START_LOCAL}) AS first_start, max(${END_LOCAL}) AS last_end
          FROM event_sessions s WHERE s.deleted_at IS NULL GROUP BY s.event_id),
    n AS (SELECT event_id, sum(status = 'terdaftar' AND deleted_at IS NULL) AS enrolled, count(*) AS ever FROM enrolments GROUP BY event_id),
    x AS (SELECT e.*, coalesce(s.sessions, 0) AS session_count, coalesce(s.over, 0) AS sessions_over, coalesce(s.total_jp, 0) AS total_jp,
            s.start_date, s.end_date, s.first_start, s.last_end, coalesce(n.enrolled, 0) AS enrolled, coalesce(n.ever, 0) AS ever,
            CASE WHEN e.status = 'direncanakan' AND (s.first_start <= @now OR EXISTS (SELECT 1 FROM attendance_marks m
                JOIN event_sessions ms ON ms.id = m.session_id WHERE ms.event_id = e.id AND ms.deleted_at IS NULL AND m.deleted_at IS NULL))
              THEN 'berlangsung' ELSE e.status END AS effective_status
          FROM events e LEFT JOIN s ON s.event_id = e.id LEFT JOIN n ON n.event_id = e.id
          WHERE e.deleted_at IS NULL AND (@id IS NULL OR e.id = @id) AND (@item IS NULL OR e.programme_item_id = @item))
    SELECT * FROM x WHERE (@status IS NULL OR effective_status = @status)
      AND (@year IS NULL OR substr(coalesce(start_date, created_at), 1, 4) = @year)
    ORDER BY created_at DESC`)
    .all({ now: q.now, id: q.id ?? null, item: q.programmeItemId ?? null, status: q.status ?? null, year: q.year === undefined ? null : String(q.year) }) as Row[];
  return rows.map((r) => ({
    ...toEvent(r),
    effectiveStatus: r.effective_status as string,
    sessionCount: r.session_count as number,
    sessionsOver: r.sessions_over as number,
    totalJp: r.total_jp as number,
    startDate: r.start_date as string | null,
    endDate: r.end_date as string | null,
    firstStart: r.first_start as string | null,
    lastEnd: r.last_end as string | null,
    enrolled: r.enrolled as number,
    everEnrolled: (r.ever as number) > 0,
  }));
}

// ── JP credited and candidates ──────────────────────────────────────────────────────────
export const PRESENT_SQL = PRESENT_STATUSES.map((s) => `'${s}'`).join(', ');
export const SESSION_JP = 'coalesce(s.jp_override, s.computed_jp)';
const IN_YEAR = 'substr(s.date, 1, 4) = @year';

/**
 * year_records (a common table expression): per employee, the JP of live external records that
 * start in the year (@year), and the part not verified yet. With `scope` (a SELECT of employee
 * ids), only those employees'.
 */
function yearRecords(scope?: string): string {
  return `
  year_records AS (
    SELECT employee_id, sum(jp) AS external_jp, sum(CASE WHEN verified_at IS NULL THEN jp ELSE 0 END) AS unverified_jp
    -- By person from training_records_ledger alone (the unary + keeps the planner off the date index).
    FROM training_records WHERE deleted_at IS NULL AND +start_date BETWEEN @year || '-01-01' AND @year || '-12-31'${scope ? `
      AND employee_id IN (${scope})` : ''}
    GROUP BY employee_id)`;
}

export const YEAR_RECORDS = yearRecords();

/**
 * The year's JP of every roster employee, as common table expressions (`WITH ${YEAR_JP} …`) for
 * the ledger, the enrolment candidates and the charts: one count, so they all agree with
 * services/recap.ts. Parameters: @year ('2026') and @now (the office's wall-clock minute).
 *
 * - year_sessions, year_events: events not cancelled with a session in the year, their sessions'
 *   JP in the year and still to come, their pass rule, and whether they are finished (marked
 *   done, or every session over: event-progress.ts).
 * - year_marks: per participant, sessions attended, JP attended in the year, JP of the sessions
 *   to come already marked (an absence noted ahead).
 * - year_enrolments: each enrolled (not withdrawn) employee's JP of the year's sessions attended,
 *   whether they passed (jp.ts completion: attendance % of all sessions, post-test), and the JP
 *   of the year's sessions still to come (not over, not marked).
 * - year_jp: per employee, JP credited (finished events passed) and planned (events not finished:
 *   attended so far plus still to come). Each enrolment's figures are kept to hundredths first,
 *   as the recaps keep each training's.
 * - year_records: as YEAR_RECORDS.
 */
function yearJp(scope?: string): string {
  return `
  year_sessions AS MATERIALIZED (
    SELECT s.id, s.event_id, ${END_LOCAL} <= @now AS over, ${IN_YEAR} AS in_year,
      CASE WHEN ${IN_YEAR} THEN ${SESSION_JP} ELSE 0 END AS jp_year,
      CASE WHEN ${IN_YEAR} AND ${END_LOCAL} > @now THEN ${SESSION_JP} ELSE 0 END AS jp_ahead
    FROM events e JOIN event_sessions s ON s.event_id = e.id AND s.deleted_at IS NULL
    WHERE e.deleted_at IS NULL AND e.status <> 'batal'
      AND e.id IN (SELECT event_id FROM event_sessions WHERE deleted_at IS NULL AND date BETWEEN @year || '-01-01' AND @year || '-12-31')),
  year_events AS (
    SELECT x.event_id, count(*) AS sessions, e.min_attendance_pct AS min_pct, e.min_post_test AS min_post,
      (e.status = 'selesai' OR min(x.over)) AS finished, sum(x.jp_ahead) AS ahead_jp
    FROM year_sessions x JOIN events e ON e.id = x.event_id GROUP BY x.event_id),
  year_marks AS (
    SELECT m.enrolment_id, sum(m.status IN (${PRESENT_SQL})) AS attended,
      sum((m.status IN (${PRESENT_SQL})) * x.jp_year) AS year_jp, sum(x.jp_ahead) AS marked_ahead_jp
    FROM attendance_marks m JOIN year_sessions x ON x.id = m.session_id
    WHERE m.deleted_at IS NULL${scope ? `
      AND m.enrolment_id IN (SELECT id FROM enrolments WHERE employee_id IN (${scope}))` : ''}
    GROUP BY m.enrolment_id),
  year_enrolments AS (
    SELECT n.id AS enrolment_id, n.employee_id, x.event_id, x.finished,
      -- jp.ts completion(): attendance % to one decimal, computed as it computes it, then the post-test.
      x.finished AND round(CAST(coalesce(k.attended, 0) AS REAL) / x.sessions * 1000) / 10.0 >= x.min_pct
        AND (x.min_post IS NULL OR (n.post_test IS NOT NULL AND n.post_test >= x.min_post)) AS passed,
      round(coalesce(k.year_jp, 0), 2) AS year_jp,
      max(0, round(x.ahead_jp - coalesce(k.marked_ahead_jp, 0), 2)) AS upcoming_jp
    FROM year_events x JOIN enrolments n ON n.event_id = x.event_id
      LEFT JOIN year_marks k ON k.enrolment_id = n.id
    WHERE n.status = 'terdaftar' AND n.deleted_at IS NULL AND n.employee_id IS NOT NULL${scope ? `
      AND n.employee_id IN (${scope})` : ''}),
  year_jp AS (
    SELECT employee_id, sum(CASE WHEN passed THEN year_jp ELSE 0 END) AS event_jp,
      sum(CASE WHEN finished THEN 0 ELSE year_jp + upcoming_jp END) AS planned_jp
    FROM year_enrolments GROUP BY employee_id),
  ${yearRecords(scope)}`;
}

export const YEAR_JP = yearJp();

export interface CandidateRow { id: string; nip: string; name: string; golongan: string | null; unit: string | null; jp: number; enrolled: boolean }

/**
 * Active roster employees to enrol in an event, found by the roster's own search and filters,
 * with the JP they have in `year` as the ledger counts them (YEAR_JP: events completed plus
 * external records) and whether they are enrolled already; those with the fewest JP first (or
 * by name), then by name as the roster sorts it. `now`: the office's wall clock.
 *
 * The JP are counted only for those who can be on the page (YEAR_JP narrowed to them): by name,
 * the page itself; by fewest JP, everyone the search and filters find. Narrowed to most of the
 * roster, the count costs more than counting everyone once (about even at half the roster on
 * 10,000 employees), so then it counts everyone.
 */
export function listCandidates(db: Db, q: { eventId: string; year: number; now: string; terms: string[]; unitId?: string; golongan?: string; order: 'name' | 'fewest_jp'; limit: number }): CandidateRow[] {
  const { whereSql, params } = rosterFilter({ terms: q.terms, unitId: q.unitId, golongan: q.golongan, status: 'aktif' });
  const byName = 'e.name COLLATE NOCASE, e.nip';
  const { roster, found } = sql(db, `SELECT count(*) AS roster, total(${whereSql}) AS found FROM employees e WHERE e.deleted_at IS NULL AND e.status = 'aktif'`)
    .get(params) as { roster: number; found: number };
  const narrow = (q.order === 'name' ? Math.min(found, q.limit) : found) * 2 <= roster;
  const page = q.order === 'name' ? ` ORDER BY ${byName} LIMIT @limit` : '';
  const rows = sql(db, `WITH ${narrow ? `picked AS MATERIALIZED (SELECT e.id FROM employees e WHERE ${whereSql}${page}), ${yearJp('SELECT id FROM picked')}` : YEAR_JP}
    SELECT e.id, e.nip, e.name, e.golongan, u.name AS unit, round(coalesce(j.event_jp, 0) + coalesce(r.external_jp, 0), 2) AS jp,
      EXISTS (SELECT 1 FROM enrolments x WHERE x.event_id = @eventId AND x.employee_id = e.id AND x.status = 'terdaftar' AND x.deleted_at IS NULL) AS enrolled
    FROM ${narrow ? 'picked p JOIN employees e ON e.id = p.id' : 'employees e'} LEFT JOIN units u ON u.id = e.unit_id
      LEFT JOIN year_jp j ON j.employee_id = e.id LEFT JOIN year_records r ON r.employee_id = e.id
    ${narrow ? '' : `WHERE ${whereSql} `}ORDER BY ${q.order === 'fewest_jp' ? 'jp ASC, ' : ''}${byName} LIMIT @limit`)
    .all({ ...params, year: String(q.year), now: q.now, eventId: q.eventId, limit: q.limit }) as (Omit<CandidateRow, 'enrolled'> & { enrolled: number })[];
  return rows.map((r) => ({ ...r, enrolled: r.enrolled === 1 }));
}

/** The events (not cancelled) an employee is enrolled in with a session in `year`. */
export function eventIdsOfEmployeeInYear(db: Db, employeeId: string, year: number): string[] {
  return (sql(db, `SELECT DISTINCT n.event_id AS id FROM enrolments n JOIN event_sessions s ON s.event_id = n.event_id JOIN events e ON e.id = n.event_id
    WHERE n.employee_id = ? AND n.status = 'terdaftar' AND n.deleted_at IS NULL AND s.deleted_at IS NULL AND e.deleted_at IS NULL
      AND e.status <> 'batal' AND substr(s.date, 1, 4) = ?`).all(employeeId, String(year)) as { id: string }[]).map((r) => r.id);
}
