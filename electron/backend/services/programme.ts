import { ApiError } from '../../../shared/contract/errors.ts';
import type { ParsedInput } from '../../../shared/contract/index.ts';
import type { Need, ProgrammeItem } from '../../../shared/contract/programme.ts';
import { COMPETENCY_TYPES, FUNDING_SOURCES } from '../../../shared/domain/methods.ts';
import { newId } from '../db/ids.ts';
import type { Db } from '../db/open.ts';
import { recordChange } from '../db/repos/changes.ts';
import * as repo from '../db/repos/programme.ts';
import { getEmployee } from '../db/repos/employees.ts';
import { getUnit } from '../db/repos/units.ts';
import { round2 } from '../../../shared/domain/jp.ts';
import type { ServiceContext } from './context.ts';
import type { Handlers } from './handlers.ts';
import { meta } from './office.ts';
import { eventsOfItem, officeNow } from './events.ts';
import { eventRecap } from './recap.ts';
import { importNeeds } from './needs-import.ts';
import { writeTransaction } from '../db/transaction.ts';

function checkTargets(db: Db, n: { employeeId: string | null; unitId: string | null }): void {
  if (n.employeeId && !getEmployee(db, n.employeeId)) throw ApiError.field(['employeeId'], 'employee.unknown');
  if (n.unitId && !getUnit(db, n.unitId)) throw ApiError.field(['unitId'], 'employee.unit_unknown');
}

/**
 * A new need, for a person or a unit that exists, with the evaluation finding it came from if
 * one (checked by the caller). Call inside the write's transaction.
 */
export function createNeed(ctx: ServiceContext, input: ParsedInput<'needs.create'>, finding: Need['finding'] = null): Need {
  checkTargets(ctx.db, input);
  const m = meta(ctx);
  const need = {
    id: newId(), ...input, ...(finding ? { finding } : {}),
    createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin, deletedAt: null,
  };
  repo.saveNeed(ctx.db, need, true);
  recordChange(ctx.db, m, { entity: 'need', entityId: need.id, op: 'insert', after: need });
  return repo.getNeed(ctx.db, need.id)!;
}

function requireItem(db: Db, id: string): ProgrammeItem {
  const item = repo.getItem(db, id);
  if (!item) throw new ApiError('NOT_FOUND', 'Rencana kegiatan tidak ditemukan.');
  return item;
}

function requireNeed(db: Db, id: string): Need {
  const need = repo.getNeed(db, id);
  if (!need) throw new ApiError('NOT_FOUND', 'Kebutuhan tidak ditemukan.');
  return need;
}

const plainNeed = ({ employeeName: _e, unitName: _u, ...n }: Need) => n;
const plainItem = ({ methodName: _m, ...i }: ProgrammeItem) => i;

type Totals = { items: number; plannedJp: number; budget: number };
const zero = (): Totals => ({ items: 0, plannedJp: 0, budget: 0 });

export function programmeSummary(db: Db, year: number, now: Date) {
  const all = repo.listItems(db, year);
  const clock = officeNow(db, now);
  const items = all.filter((i) => i.status !== 'batal');
  const total = zero();
  const byFunding: Record<string, Totals> = Object.fromEntries(FUNDING_SOURCES.map((f) => [f, zero()]));
  const byCompetencyType: Record<string, Totals> = Object.fromEntries(COMPETENCY_TYPES.map((t) => [t, zero()]));
  for (const i of items) {
    for (const t of [total, byFunding[i.funding]!, byCompetencyType[i.competencyType]!]) {
      t.items += 1;
      t.plannedJp += i.plannedJp;
      t.budget += i.budget;
    }
  }
  return {
    year,
    total,
    byFunding,
    byCompetencyType,
    items: all.map((i) => {
      const events = eventsOfItem(db, i.id).filter((e) => e.status !== 'batal');
      const recaps = events.map((e) => eventRecap(db, e.id, clock));
      return {
        itemId: i.id, title: i.title, status: i.status, plannedMonth: i.plannedMonth, targetCount: i.targetCount,
        plannedJp: i.plannedJp, budget: i.budget, events: events.length,
        enrolled: recaps.reduce((a, r) => a + r.rows.length, 0),
        completed: recaps.reduce((a, r) => a + r.totals.passed, 0),
        deliveredJp: round2(recaps.reduce((a, r) => a + r.sessions.reduce((s, x) => s + x.jp, 0), 0)),
      };
    }),
  };
}

export const programmeHandlers = {
  'needs.list': ({ year }, ctx) => repo.listNeeds(ctx.db, year),

  'needs.create': (input, ctx) => writeTransaction(ctx.db, () => createNeed(ctx, input)),

  'needs.update': ({ id, ...input }, ctx) => writeTransaction(ctx.db, () => {
    const before = plainNeed(requireNeed(ctx.db, id));
    checkTargets(ctx.db, input);
    const m = meta(ctx);
    const after = { ...before, ...input, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, deletedAt: null };
    repo.saveNeed(ctx.db, after, false);
    recordChange(ctx.db, m, { entity: 'need', entityId: id, op: 'update', before, after });
    return repo.getNeed(ctx.db, id)!;
  }),

  'needs.remove': ({ id }, ctx) => writeTransaction(ctx.db, () => {
    const before = plainNeed(requireNeed(ctx.db, id));
    const m = meta(ctx);
    repo.saveNeed(ctx.db, { ...before, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, deletedAt: m.at }, false);
    recordChange(ctx.db, m, { entity: 'need', entityId: id, op: 'delete', before });
    return { ok: true as const };
  }),

  'needs.import': (input, ctx) => importNeeds(ctx, input),

  'programme.list': ({ year }, ctx) => repo.listItems(ctx.db, year),

  'programme.create': (input, ctx) => writeTransaction(ctx.db, () => {
    const m = meta(ctx);
    const item = { id: newId(), ...input, status: 'direncanakan' as const, createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin };
    repo.saveItem(ctx.db, item, true);
    recordChange(ctx.db, m, { entity: 'programme_item', entityId: item.id, op: 'insert', after: item });
    return repo.getItem(ctx.db, item.id)!;
  }),

  'programme.update': ({ id, ...input }, ctx) => writeTransaction(ctx.db, () => {
    const before = plainItem(requireItem(ctx.db, id));
    const m = meta(ctx);
    const after = { ...before, ...input, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
    repo.saveItem(ctx.db, after, false);
    recordChange(ctx.db, m, { entity: 'programme_item', entityId: id, op: 'update', before, after });
    return repo.getItem(ctx.db, id)!;
  }),

  'programme.setStatus': ({ id, status }, ctx) => writeTransaction(ctx.db, () => {
    const before = plainItem(requireItem(ctx.db, id));
    if (before.status === status) return repo.getItem(ctx.db, id)!;
    const m = meta(ctx);
    const after = { ...before, status, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
    repo.saveItem(ctx.db, after, false);
    recordChange(ctx.db, m, { entity: 'programme_item', entityId: id, op: 'update', before, after });
    return repo.getItem(ctx.db, id)!;
  }),

  'programme.remove': ({ id }, ctx) => writeTransaction(ctx.db, () => {
    const before = plainItem(requireItem(ctx.db, id));
    if (eventsOfItem(ctx.db, id).length) throw ApiError.field(['id'], 'programme.has_events', { title: before.title });
    const m = meta(ctx);
    repo.removeItem(ctx.db, id, m.at, m.actor?.userId ?? null);
    recordChange(ctx.db, m, { entity: 'programme_item', entityId: id, op: 'delete', before });
    return { ok: true as const };
  }),

  'programme.summary': ({ year }, ctx) => programmeSummary(ctx.db, year, ctx.now()),
} satisfies Partial<Handlers>;

