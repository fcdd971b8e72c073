// The 20 JP ledger's reads: a few set-based statements over the whole year (YEAR_JP in
// trainings.ts), never a recap per event or per person.
import type { Db } from '../open.ts';
import { sql } from '../statements.ts';
import { END_LOCAL, PRESENT_SQL, SESSION_JP, YEAR_JP, YEAR_RECORDS } from './trainings.ts';

export interface LedgerEmployeeRow {
  id: string; nip: string; frontTitle: string; name: string; backTitle: string; unitId: string | null; unit: string | null;
  unitOrder: number | null; golongan: string | null; employmentType: 'pns' | 'pppk';
  eventJp: number; plannedJp: number; externalJp: number; unverifiedJp: number;
}

type Raw = unknown[];

/**
 * Every active employee of the filter with the year's JP: credited from events, planned, and
 * external (and its unverified part). Ordered by name as the roster sorts it.
 *
 * Three plain statements joined in JS by employee id: for 10,000 people that is cheaper than one
 * statement that joins the per-person sums in SQL (the bench ledger.year_10k).
 */
export function ledgerEmployees(db: Db, q: { year: number; now: string; unitId?: string; golongan?: string; employmentType?: 'pns' | 'pppk' }): LedgerEmployeeRow[] {
  const params = { year: String(q.year), now: q.now };
  const events = new Map((rawRows(db, `WITH ${YEAR_JP} SELECT employee_id, event_jp, planned_jp FROM year_jp`, params)).map((r) => [r[0] as string, r]));
  const records = new Map((rawRows(db, `WITH ${YEAR_RECORDS} SELECT employee_id, external_jp, unverified_jp FROM year_records`, params)).map((r) => [r[0] as string, r]));
  const units = new Map(rawRows(db, 'SELECT id, name AS unit, sort_order FROM units', {}).map((r) => [r[0] as string, r]));
  return rawRows(db, `SELECT e.id, e.nip, e.front_title, e.name, e.back_title, e.unit_id, e.golongan, e.employment_type FROM employees e
    WHERE e.deleted_at IS NULL AND e.status = 'aktif' AND (@unitId IS NULL OR e.unit_id = @unitId)
      AND (@golongan IS NULL OR e.golongan = @golongan) AND (@type IS NULL OR e.employment_type = @type)
    ORDER BY e.name COLLATE NOCASE, e.nip`, { unitId: q.unitId ?? null, golongan: q.golongan ?? null, type: q.employmentType ?? null })
    .map(([id, nip, frontTitle, name, backTitle, unitId, golongan, employmentType]) => {
      const j = events.get(id as string);
      const r = records.get(id as string);
      const u = unitId === null ? undefined : units.get(unitId as string);
      return {
        id: id as string, nip: nip as string, frontTitle: frontTitle as string, name: name as string, backTitle: backTitle as string,
        unitId: unitId as string | null, unit: (u?.[1] ?? null) as string | null, unitOrder: (u?.[2] ?? null) as number | null,
        golongan: golongan as string | null, employmentType: employmentType as 'pns' | 'pppk',
        eventJp: (j?.[1] ?? 0) as number, plannedJp: (j?.[2] ?? 0) as number, externalJp: (r?.[1] ?? 0) as number, unverifiedJp: (r?.[2] ?? 0) as number,
      };
    });
}

/** Rows as arrays: no object per row from the driver. */
function rawRows(db: Db, text: string, params: Record<string, unknown>): Raw[] {
  return sql(db, text).raw(true).all(params) as Raw[];
}

/**
 * JP realised per unit and month by active employees: credited events by the month of the
 * sessions attended, external records by their start month.
 */
export function unitMonthJp(db: Db, q: { year: number; now: string }): { unitId: string | null; month: number; jp: number }[] {
  return sql(db, `WITH ${YEAR_JP},
    months AS (
      SELECT p.employee_id, CAST(substr(s.date, 6, 2) AS INTEGER) AS month, ${SESSION_JP} AS jp
      FROM year_enrolments p JOIN event_sessions s ON s.event_id = p.event_id AND s.deleted_at IS NULL
        JOIN attendance_marks m ON m.session_id = s.id AND m.enrolment_id = p.enrolment_id AND m.deleted_at IS NULL
      WHERE p.passed AND m.status IN (${PRESENT_SQL}) AND substr(s.date, 1, 4) = @year
      UNION ALL
      SELECT employee_id, CAST(substr(start_date, 6, 2) AS INTEGER), jp FROM training_records
      WHERE deleted_at IS NULL AND start_date BETWEEN @year || '-01-01' AND @year || '-12-31')
    SELECT e.unit_id AS unitId, x.month, sum(x.jp) AS jp
    FROM months x JOIN employees e ON e.id = x.employee_id
    WHERE e.deleted_at IS NULL AND e.status = 'aktif'
    GROUP BY e.unit_id, x.month`)
    .all({ year: String(q.year), now: q.now }) as { unitId: string | null; month: number; jp: number }[];
}

export interface FundingItemRow {
  funding: string; status: string; plannedJp: number; budget: number; spent: number;
  /** Events linked to the item that are finished (not cancelled), and the JP per person they gave. */
  finishedEvents: number; deliveredJp: number;
}

/** The year's programme items (removed ones aside) with what their finished events delivered. */
export function fundingItems(db: Db, q: { year: number; now: string }): FundingItemRow[] {
  return sql(db, `WITH done AS (
      SELECT e.id, e.programme_item_id AS item_id, coalesce(sum(${SESSION_JP}), 0) AS jp
      FROM events e LEFT JOIN event_sessions s ON s.event_id = e.id AND s.deleted_at IS NULL
      WHERE e.deleted_at IS NULL AND e.status <> 'batal' AND e.programme_item_id IS NOT NULL
      GROUP BY e.id
      HAVING e.status = 'selesai' OR (count(s.id) > 0 AND sum(${END_LOCAL} <= @now) = count(s.id)))
    SELECT i.funding, i.status, i.planned_jp AS plannedJp, i.budget, i.spent, count(d.id) AS finishedEvents, coalesce(sum(d.jp), 0) AS deliveredJp
    FROM programme_items i LEFT JOIN done d ON d.item_id = i.id
    WHERE i.deleted_at IS NULL AND i.year = @year
    GROUP BY i.id`)
    .all({ year: q.year, now: q.now }) as FundingItemRow[];
}
