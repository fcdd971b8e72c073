// The 20 JP ledger: per active employee per year, JP credited from the office's events plus
// external records, against the target of their employee type; what is planned; per unit and
// for the office, who reached the target and who is behind. The numbers are YEAR_JP's
// (repos/trainings.ts), the same the recaps and the enrolment candidates give.
import { ApiError } from '../../../shared/contract/errors.ts';
import type { ParsedInput } from '../../../shared/contract/index.ts';
import type { LedgerCharts, LedgerRow, LedgerYear } from '../../../shared/contract/ledger.ts';
import type { TrainingRules } from '../../../shared/contract/rules.ts';
import { round2 } from '../../../shared/domain/jp.ts';
import { FUNDING_SOURCES } from '../../../shared/domain/methods.ts';
import { displayName } from '../../../shared/domain/person-name.ts';
import type { Db } from '../db/open.ts';
import * as repo from '../db/repos/ledger.ts';
import { getUnit } from '../db/repos/units.ts';
import { officeNow } from './events.ts';
import type { Handlers } from './handlers.ts';
import { trainingRules } from './rules.ts';

export type LedgerFilter = ParsedInput<'ledger.year'>;
type Totals = LedgerYear['office'];

/** The yearly target of an employee type: PPPK may have its own. */
export function targetOf(rules: TrainingRules, employmentType: 'pns' | 'pppk'): number {
  return employmentType === 'pppk' ? rules.jpTargetPppk : rules.jpTargetPerYear;
}

function totalsOf(rows: readonly LedgerRow[]): Totals {
  let reached = 0;
  let reachedByProjection = 0;
  let jp = 0;
  let gapTotal = 0;
  for (const r of rows) {
    if (r.gap === 0) reached++;
    else if (r.projection >= r.target) reachedByProjection++;
    jp += r.jp;
    gapTotal += r.gap;
  }
  return {
    employees: rows.length, reached, behind: rows.length - reached, reachedByProjection,
    jp: round2(jp), gapTotal: round2(gapTotal), averageJp: rows.length ? round2(jp / rows.length) : 0,
  };
}

/** Units in the office's order (sort order, then name); people without a unit last. */
function unitTotals(rows: readonly (LedgerRow & { unitOrder: number | null })[]): LedgerYear['units'] {
  const groups = new Map<string | null, (LedgerRow & { unitOrder: number | null })[]>();
  for (const r of rows) {
    const group = groups.get(r.unitId);
    if (group) group.push(r);
    else groups.set(r.unitId, [r]);
  }
  return [...groups.values()]
    .sort((a, b) => {
      const [x, y] = [a[0]!, b[0]!];
      if ((x.unitId === null) !== (y.unitId === null)) return x.unitId === null ? 1 : -1;
      return (x.unitOrder ?? 0) - (y.unitOrder ?? 0) || (x.unit ?? '').localeCompare(y.unit ?? '', 'id');
    })
    .map((group) => ({ unitId: group[0]!.unitId, unit: group[0]!.unit, ...totalsOf(group) }));
}

function ledgerRows(db: Db, filter: Omit<LedgerFilter, 'behind'>, clock: string, rules: TrainingRules) {
  return repo.ledgerEmployees(db, { ...filter, now: clock }).map((e) => {
    const eventJp = round2(e.eventJp);
    const externalJp = round2(e.externalJp);
    const jp = round2(eventJp + externalJp);
    const planned = round2(e.plannedJp);
    const target = targetOf(rules, e.employmentType);
    return {
      employeeId: e.id, nip: e.nip, name: displayName({ front: e.frontTitle, name: e.name, back: e.backTitle }),
      unitId: e.unitId, unit: e.unit, golongan: e.golongan, employmentType: e.employmentType,
      eventJp, externalJp, unverifiedJp: round2(e.unverifiedJp), jp, planned, projection: round2(jp + planned),
      target, gap: round2(Math.max(0, target - jp)), unitOrder: e.unitOrder,
    };
  });
}

/**
 * The ledger of a year at `now`. `units` and `office` count every active employee of the filter
 * (`behind` only narrows `rows`). Rows: largest gap first, then by name.
 */
export function ledgerYear(db: Db, filter: LedgerFilter, now: Date): LedgerYear {
  if (filter.unitId && !getUnit(db, filter.unitId)) throw ApiError.field(['unitId'], 'ledger.unit_unknown');
  const rules = trainingRules(db);
  // Already by name from SQL; a stable sort by gap keeps that order within a gap.
  const all = ledgerRows(db, filter, officeNow(db, now), rules);
  const rows = (filter.behind ? all.filter((r) => r.gap > 0) : all).sort((a, b) => b.gap - a.gap);
  return {
    year: filter.year,
    targets: { pns: rules.jpTargetPerYear, pppk: rules.jpTargetPppk },
    rows: rows.map(({ unitOrder: _u, ...r }) => r),
    units: unitTotals(all),
    office: totalsOf(all),
  };
}

/** Bands of JP per person: 0, then fives up to the target, the target's own five, and beyond. */
export function jpBands(target: number): { from: number; to: number | null }[] {
  const bands: { from: number; to: number | null }[] = [{ from: 0, to: 0 }];
  for (let from = 1; from < target; from = from === 1 ? 5 : from + 5) {
    bands.push({ from, to: Math.min(from === 1 ? 5 : from + 5, target) - 1 });
  }
  bands.push({ from: target, to: target + 4 }, { from: target + 5, to: null });
  return bands;
}

/** The band a person's JP falls in: a part of a JP above zero is in the first band above zero. */
function bandIndex(bands: readonly { from: number }[], jp: number): number {
  if (jp <= 0) return 0;
  let i = bands.length - 1;
  while (i > 1 && bands[i]!.from > jp) i--;
  return i;
}

const NO_UNIT = 'Tanpa unit';

/**
 * What the ledger's charts draw for a year: JP realised per unit per month, people per band of
 * JP against the office's target, and the programme's plan against its realisation per funding
 * source. Sums agree with ledgerYear over all active employees.
 */
export function ledgerCharts(db: Db, year: number, now: Date): LedgerCharts {
  const clock = officeNow(db, now);
  const rules = trainingRules(db);
  const target = rules.jpTargetPerYear;
  const people = ledgerRows(db, { year }, clock, rules);

  const units = unitTotals(people);
  const months = new Map<string | null, number[]>(units.map((u) => [u.unitId, new Array<number>(12).fill(0)]));
  for (const { unitId, month, jp } of repo.unitMonthJp(db, { year, now: clock })) {
    const row = months.get(unitId);
    if (row && month >= 1 && month <= 12) row[month - 1] = round2(jp);
  }

  const bands = jpBands(target);
  const counts = new Array<number>(bands.length).fill(0);
  for (const p of people) counts[bandIndex(bands, p.jp)]! += 1;

  type Funding = LedgerCharts['funding'][number];
  const byFunding = new Map<string, Funding>();
  for (const item of repo.fundingItems(db, { year, now: clock })) {
    let f = byFunding.get(item.funding);
    if (!f) {
      f = { funding: item.funding as Funding['funding'], plannedItems: 0, realisedItems: 0, plannedJp: 0, realisedJp: 0, budget: 0, spent: 0 };
      byFunding.set(item.funding, f);
    }
    // Money spent is spent, even on an item later cancelled; a cancelled item is neither plan nor realisation.
    f.spent += item.spent;
    if (item.status === 'batal') continue;
    f.plannedItems += 1;
    f.plannedJp += item.plannedJp;
    f.budget += item.budget;
    if (item.finishedEvents > 0 || item.status === 'terlaksana') {
      f.realisedItems += 1;
      // Held through events here: the JP per person they gave; marked carried out without one: as planned.
      f.realisedJp += item.finishedEvents > 0 ? item.deliveredJp : item.plannedJp;
    }
  }

  return {
    year,
    target,
    unitMonths: units.map((u) => ({ unitId: u.unitId, unit: u.unit ?? NO_UNIT, months: months.get(u.unitId)! })),
    distribution: bands.map((b, i) => ({ ...b, people: counts[i]! })),
    funding: FUNDING_SOURCES.filter((f) => byFunding.has(f)).map((f) => {
      const x = byFunding.get(f)!;
      return { ...x, plannedJp: round2(x.plannedJp), realisedJp: round2(x.realisedJp) };
    }),
  };
}

export const ledgerHandlers = {
  'ledger.year': (input, ctx) => ledgerYear(ctx.db, input, ctx.now()),
  'ledger.charts': ({ year }, ctx) => ledgerCharts(ctx.db, year, ctx.now()),
} satisfies Pick<Handlers, 'ledger.year' | 'ledger.charts'>;
