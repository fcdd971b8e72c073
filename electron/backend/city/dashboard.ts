/**
 * What the city sees per kecamatan: the batch chain (last, missing, held), and the year as the
 * rows tell it: people and their 20 JP (the city's ledger), trainings finished, certificates issued.
 */
import type { CityOfficeSummary } from '../../../shared/contract/city.ts';
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';
import { CITY_JP_TARGET, finishedEventsByOffice, ledgerLines } from './ledger.ts';
import { formatRuns, numberRuns } from './ranges.ts';

type Raw = unknown[];

export interface OfficeChain {
  held: number[];
  /** Numbers below the highest one received that the city has neither imported nor held. */
  missing: string | null;
}

/** Per kecamatan region code: the batches held and the numbers missing from its chain. */
export function officeChains(db: Db): Map<string, OfficeChain> {
  const rows = sql(db, 'SELECT o.region_code, b.seq, b.status FROM city_batches b JOIN city_offices o USING (office_id) ORDER BY o.region_code, b.seq')
    .raw(true).all() as Raw[];
  const seen = new Map<string, { imported: Set<number>; held: Set<number> }>();
  for (const [code, seq, status] of rows) {
    let s = seen.get(code as string);
    if (!s) seen.set(code as string, (s = { imported: new Set(), held: new Set() }));
    (status === 'held' ? s.held : s.imported).add(seq as number);
  }
  const out = new Map<string, OfficeChain>();
  for (const [code, s] of seen) {
    // The holes between the runs of numbers received, from 1: a number is any integer a manifest
    // carries, so the holes are found run by run, never number by number.
    const missing: [number, number][] = [];
    let next = 1;
    for (const [from, to] of numberRuns([...s.imported, ...s.held])) {
      if (from > next) missing.push([next, from - 1]);
      next = to + 1;
    }
    out.set(code, { held: [...s.held].filter((n) => !s.imported.has(n)).sort((a, b) => a - b), missing: formatRuns(missing) });
  }
  return out;
}

/** Certificates issued in the year (by their date of issue), revoked and removed ones aside, per office id. */
function certificatesByOffice(db: Db, year: number): Map<string, number> {
  const rows = sql(db, `SELECT office_id, count(*) FROM city_rows
    WHERE entity = 'certificates' AND removed_at IS NULL AND json_extract(data, '$.status') = 'sah'
      AND substr(json_extract(data, '$.issuedOn'), 1, 4) = @year
    GROUP BY office_id`).raw(true).all({ year: String(year) }) as Raw[];
  return new Map(rows.map((r) => [r[0] as string, r[1] as number]));
}

/** Whole days from one local date (YYYY-MM-DD) to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export interface DashboardOffice { regionCode: string; name: string }

/**
 * The dashboard's lines, one per kecamatan of `offices` (the region list with any other that sent).
 * `now` is the city's wall-clock minute; `localDate` turns an instant into the city's date.
 */
export function cityDashboard(db: Db, q: { year: number; now: string; offices: readonly DashboardOffice[]; localDate: (instant: string) => string }) {
  const received = new Map((sql(db, 'SELECT region_code, office_id, name, last_seq, last_import_at FROM city_offices').raw(true).all() as Raw[])
    .map((r) => [r[0] as string, { officeId: r[1] as string, name: r[2] as string, lastSeq: r[3] as number, lastImportAt: r[4] as string | null }]));
  const chains = officeChains(db);
  const people = new Map<string, { reached: number; behind: number }>();
  for (const p of ledgerLines(db, q.year, q.now)) {
    const c = people.get(p.officeCode) ?? { reached: 0, behind: 0 };
    if (p.gap === 0) c.reached++;
    else c.behind++;
    people.set(p.officeCode, c);
  }
  const trainings = finishedEventsByOffice(db, q.year, q.now);
  const certificates = certificatesByOffice(db, q.year);
  const today = q.now.slice(0, 10);
  const offices: CityOfficeSummary[] = q.offices.map((d) => {
    const got = received.get(d.regionCode);
    const chain = chains.get(d.regionCode);
    const jp = people.get(d.regionCode) ?? { reached: 0, behind: 0 };
    const lastImportAt = got?.lastImportAt ?? null;
    return {
      regionCode: d.regionCode, name: got?.name ?? d.name,
      lastSeq: got && got.lastSeq > 0 ? got.lastSeq : null, lastImportAt,
      daysSinceLast: lastImportAt ? Math.max(0, daysBetween(q.localDate(lastImportAt), today)) : null,
      missing: chain?.missing ?? null, held: chain?.held ?? [],
      employees: jp.reached + jp.behind, reached: jp.reached, behind: jp.behind,
      trainings: got ? trainings.get(got.officeId) ?? 0 : 0, certificates: got ? certificates.get(got.officeId) ?? 0 : 0,
    };
  });
  return { year: q.year, target: CITY_JP_TARGET, offices };
}
