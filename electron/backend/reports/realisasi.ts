// Laporan realisasi program: each programme item of the year against what its events delivered.
// An event counts once it is finished (its last session over, or marked done) and not cancelled;
// its participants who completed it are those the event's rule passed (walk-in guests too: the
// office trained them), and the JP delivered are the JP credited to them.
import { FUNDING_SOURCES, methodById } from '../../../shared/domain/methods.ts';
import { round2 } from '../../../shared/domain/jp.ts';
import { terms } from '../../../shared/i18n/id/terms.ts';
import { T, fill } from '../../../shared/pdf/reports/common.ts';
import type { RealisasiFigures, RealisasiItem, RealisasiReport, UnplannedEvent } from '../../../shared/pdf/reports/types.ts';
import type { Db } from '../db/open.ts';
import { listItems } from '../db/repos/programme.ts';
import { listEventSummaries } from '../db/repos/trainings.ts';
import { eventsOfItem, officeNow } from '../services/events.ts';
import { eventRecap } from '../services/recap.ts';
import { DECIMAL_FORMAT, RUPIAH_FORMAT, type XCell, type XSheet } from './xlsx.ts';

const L = terms.trainingTerms;
const round1 = (n: number) => Math.round(n * 10) / 10;

interface Delivered { held: boolean; completed: number; deliveredJp: number }

function delivered(db: Db, eventId: string, status: string, clock: string): Delivered {
  if (status === 'batal') return { held: false, completed: 0, deliveredJp: 0 };
  const recap = eventRecap(db, eventId, clock);
  if (!recap.finished) return { held: false, completed: 0, deliveredJp: 0 };
  const passed = recap.rows.filter((r) => r.result === 'passed');
  return { held: true, completed: passed.length, deliveredJp: round2(passed.reduce((a, r) => a + r.jp, 0)) };
}

/** The ratios of a row or a total, from its sums. */
export function withRatios(f: Pick<RealisasiFigures, 'targetCount' | 'budget' | 'eventsHeld' | 'completed' | 'deliveredJp' | 'spent'>): RealisasiFigures {
  return {
    ...f,
    deliveredJp: round2(f.deliveredJp),
    pctParticipants: f.targetCount > 0 ? round1((f.completed / f.targetCount) * 100) : null,
    pctBudget: f.budget > 0 ? round1((f.spent / f.budget) * 100) : null,
    costPerJp: f.deliveredJp > 0 ? Math.round(f.spent / f.deliveredJp) : null,
    costPerParticipant: f.completed > 0 ? Math.round(f.spent / f.completed) : null,
  };
}

function sum(rows: readonly RealisasiFigures[]): RealisasiFigures {
  const add = (k: 'targetCount' | 'budget' | 'eventsHeld' | 'completed' | 'deliveredJp' | 'spent') => rows.reduce((a, r) => a + r[k], 0);
  return withRatios({ targetCount: add('targetCount'), budget: add('budget'), eventsHeld: add('eventsHeld'), completed: add('completed'), deliveredJp: add('deliveredJp'), spent: add('spent') });
}

export function realisasiReport(db: Db, year: number, now: Date): RealisasiReport {
  const clock = officeNow(db, now);
  const all = listItems(db, year);
  const items = all.filter((i) => i.status !== 'batal').map((i): RealisasiItem & { funding: string } => {
    const events = eventsOfItem(db, i.id).filter((e) => e.status !== 'batal');
    const done = events.map((e) => delivered(db, e.id, e.status, clock));
    return {
      title: i.title, methodName: i.methodName, competencyType: L.competencyTypes[i.competencyType], plannedMonth: i.plannedMonth,
      plannedJp: i.plannedJp, events: events.length, status: L.programmeStatuses[i.status], funding: i.funding,
      ...withRatios({
        targetCount: i.targetCount, budget: i.budget, spent: i.spent,
        eventsHeld: done.filter((d) => d.held).length,
        completed: done.reduce((a, d) => a + d.completed, 0),
        deliveredJp: done.reduce((a, d) => a + d.deliveredJp, 0),
      }),
    };
  });
  const groups = FUNDING_SOURCES.map((f) => ({ funding: f, label: L.funding[f], items: items.filter((i) => i.funding === f) }))
    .filter((g) => g.items.length > 0)
    .map((g) => ({ ...g, subtotal: sum(g.items) }));
  const unplanned = listEventSummaries(db, { now: clock, year })
    .filter((e) => e.programmeItemId === null && e.status !== 'batal')
    .sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.name.localeCompare(b.name))
    .map((e): UnplannedEvent => {
      const d = delivered(db, e.id, e.status, clock);
      return {
        name: e.name, methodName: methodById(e.methodId)?.name ?? String(e.methodId), startDate: e.startDate, endDate: e.endDate,
        status: d.held ? L.eventStatuses.selesai : L.eventStatuses[e.effectiveStatus as keyof typeof L.eventStatuses] ?? e.effectiveStatus, held: d.held, completed: d.completed, deliveredJp: d.deliveredJp,
      };
    });
  return {
    year,
    groups,
    total: sum(groups.map((g) => g.subtotal)),
    unplanned,
    cancelled: all.filter((i) => i.status === 'batal').map((i) => ({ title: i.title, budget: i.budget })),
  };
}

const R = T.realisasi;

/** One sheet: every item with its funding source, subtotals, the grand total, then the unplanned events. */
export function realisasiSheet(r: RealisasiReport, officeName: string): XSheet {
  const headers = [T.common.no, R.item, R.method, R.competencyType, R.funding, R.month, R.target, R.plannedJp, R.budget,
    R.held, R.completed, R.deliveredJp, R.spent, R.pctParticipants, R.pctBudget, R.costPerJp, R.costPerParticipant, R.status];
  const figures = (f: RealisasiFigures): XCell[] => [f.targetCount, null, f.budget, f.eventsHeld, f.completed, f.deliveredJp, f.spent,
    f.pctParticipants, f.pctBudget, f.costPerJp, f.costPerParticipant];
  const rows: XCell[][] = [];
  const bold = new Set<number>();
  let no = 0;
  for (const g of r.groups) {
    for (const i of g.items) {
      const f = figures(i);
      f[1] = i.plannedJp;
      rows.push([++no, i.title, i.methodName, i.competencyType, g.label, i.plannedMonth, ...f, i.status]);
    }
    bold.add(rows.length);
    rows.push([null, fill(R.subtotal, { funding: g.label }), null, null, g.label, null, ...figures(g.subtotal), null]);
  }
  bold.add(rows.length);
  rows.push([null, T.common.grandTotal, null, null, null, null, ...figures(r.total), null]);
  for (const e of r.unplanned) {
    rows.push([++no, e.name, e.methodName, null, R.unplannedRow, e.startDate ? Number(e.startDate.slice(5, 7)) : null,
      null, null, null, e.held ? 1 : 0, e.completed, e.deliveredJp, null, null, null, null, null, e.status]);
  }
  return {
    name: R.sheet,
    title: [fill(R.title, { year: r.year }), officeName, fill(T.common.period, { year: r.year })],
    headers,
    rows,
    boldRows: bold,
    formats: { 7: DECIMAL_FORMAT, 8: RUPIAH_FORMAT, 11: DECIMAL_FORMAT, 12: RUPIAH_FORMAT, 15: RUPIAH_FORMAT, 16: RUPIAH_FORMAT },
  };
}
