import { ApiError } from '../../../shared/contract/errors.ts';
import type { Enrolment, Event, Session } from '../../../shared/contract/events.ts';
import { methodById } from '../../../shared/domain/methods.ts';
import { round2, sessionJps } from '../../../shared/domain/jp.ts';
import { golonganByCode } from '../../../shared/domain/golongan.ts';
import { parseNip } from '../../../shared/domain/nip.ts';
import { nipPieces } from '../../../shared/domain/nip-text.ts';
import { searchTerms } from '../../../shared/domain/search.ts';
import { isReadyToFinish, type EventStatusValue } from '../../../shared/domain/event-progress.ts';
import { localMinute } from '../../../shared/domain/office-time.ts';
import { newId } from '../db/ids.ts';
import type { Db } from '../db/open.ts';
import { inChangeBatch, recordChange } from '../db/repos/changes.ts';
import * as t from '../db/repos/trainings.ts';
import { getEmployee, findEmployeeByNip } from '../db/repos/employees.ts';
import { getOffice } from '../db/repos/office.ts';
import { getItem } from '../db/repos/programme.ts';
import type { ServiceContext, WriteMeta } from './context.ts';
import type { Handlers } from './handlers.ts';
import { meta } from './office.ts';
import { advanceItem, unscheduleItem } from './programme-progress.ts';
import { writeTransaction } from '../db/transaction.ts';


export function requireEvent(db: Db, id: string): t.EventRecord {
  const e = t.getEvent(db, id);
  if (!e) throw new ApiError('NOT_FOUND', 'Kegiatan tidak ditemukan.');
  return e;
}

export function requireSession(db: Db, id: string): t.SessionRecord {
  const s = t.getSession(db, id);
  if (!s) throw new ApiError('NOT_FOUND', 'Sesi tidak ditemukan.');
  return s;
}

export function toSession(s: t.SessionRecord): Session {
  const { deletedAt: _d, ...rest } = s;
  // Not stored: the contract lets an end before the start through only for a session past midnight.
  return { ...rest, overnight: s.end < s.start, jp: s.jpOverride ?? s.computedJp };
}

/** The office's wall-clock minute now ("2026-12-04 09:30"): what sessions are compared with. */
export function officeNow(db: Db, now: Date): string {
  return localMinute(now, getOffice(db)?.timezone ?? 'Asia/Jakarta');
}

type EventListItem = Omit<Event, 'sessions'>;

function toListItem(x: t.EventSummary, now: string): EventListItem {
  const { deletedAt: _d, effectiveStatus, sessionCount: _n, firstStart: _f, lastEnd, everEnrolled, totalJp, ...rest } = x;
  const status = effectiveStatus as EventStatusValue;
  return {
    ...rest,
    competencyType: x.competencyType as Event['competencyType'],
    organiser: x.organiser as Event['organiser'],
    status,
    methodName: methodById(x.methodId)?.name ?? String(x.methodId),
    removable: !everEnrolled,
    totalJp: round2(totalJp),
    readyToFinish: isReadyToFinish(status, lastEnd, now),
  };
}

/** One event as the contract gives it: its figures and status as they stand now, and its sessions. */
export function eventView(ctx: Pick<ServiceContext, 'db' | 'now'>, id: string): Event {
  const now = officeNow(ctx.db, ctx.now());
  const [summary] = t.listEventSummaries(ctx.db, { now, id });
  if (!summary) throw new ApiError('NOT_FOUND', 'Kegiatan tidak ditemukan.');
  return { ...toListItem(summary, now), sessions: t.listSessions(ctx.db, id).map(toSession) };
}

export function eventsOfItem(db: Db, itemId: string): t.EventRecord[] {
  return t.listEventRecords(db, { programmeItemId: itemId });
}

function computeJps(db: Db, event: t.EventRecord) {
  const sessions = t.listSessions(db, event.id);
  return { sessions, jps: sessionJps(methodById(event.methodId)!.rule, sessions, event.international) };
}

/**
 * Saves a new or changed session with its JP already computed among its event's sessions, so
 * its one journal row carries the JP it really has (the others are recomputed afterwards).
 */
function saveWithJp(db: Db, event: t.EventRecord, s: t.SessionRecord, insert: boolean): t.SessionRecord {
  t.saveSession(db, s, insert);
  const { sessions, jps } = computeJps(db, event);
  const placed = { ...s, computedJp: jps[sessions.findIndex((x) => x.id === s.id)]! };
  if (placed.computedJp !== s.computedJp) t.saveSession(db, placed, false);
  return placed;
}

/**
 * Session JP under the event's rule depends on the other sessions (per-day and per-activity
 * rules share a total), so every change to sessions or to the method recomputes them all.
 */
export function recomputeJps(db: Db, m: WriteMeta, event: t.EventRecord): void {
  const { sessions, jps } = computeJps(db, event);
  sessions.forEach((s, i) => {
    if (s.computedJp === jps[i]) return;
    const after = { ...s, computedJp: jps[i]!, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
    t.saveSession(db, after, false);
    recordChange(db, m, { entity: 'session', entityId: s.id, op: 'update', before: s, after });
  });
}

export function toEnrolment(v: t.EnrolmentView): Enrolment {
  return {
    id: v.id, eventId: v.eventId, employeeId: v.employeeId, nip: v.nip, name: v.name, jabatan: v.jabatan, unit: v.unit,
    golonganLabel: v.golongan ? golonganByCode(v.golongan)?.label ?? null : null, walkIn: v.employeeId === null,
    institution: v.walkInInstitution, status: v.status, withdrawReason: v.withdrawReason, preTest: v.preTest, postTest: v.postTest,
    createdAt: v.createdAt, updatedAt: v.updatedAt, updatedBy: v.updatedBy, origin: v.origin,
  };
}

/** Enrols roster employees; re-enrols the withdrawn; counts the already enrolled. One transaction. */
export function enrolEmployees(db: Db, m: WriteMeta, event: t.EventRecord, employeeIds: readonly string[]) {
  return inChangeBatch(db, () => enrolEach(db, m, event, employeeIds));
}

function enrolEach(db: Db, m: WriteMeta, event: t.EventRecord, employeeIds: readonly string[]) {
  let added = 0;
  let already = 0;
  for (const employeeId of new Set(employeeIds)) {
    const employee = getEmployee(db, employeeId);
    if (!employee || employee.deletedAt) throw ApiError.field(['employeeIds'], 'employee.unknown');
    const existing = t.findEnrolment(db, event.id, employeeId);
    if (existing && existing.status === 'terdaftar' && !existing.deletedAt) { already++; continue; }
    if (existing) {
      const after = { ...existing, status: 'terdaftar' as const, withdrawReason: null, deletedAt: null, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
      t.saveEnrolment(db, after, false);
      recordChange(db, m, { entity: 'enrolment', entityId: existing.id, op: 'update', before: existing, after });
    } else {
      const rec: t.EnrolmentRecord = {
        id: newId(), eventId: event.id, employeeId, walkInName: null, walkInNip: null, walkInInstitution: '', status: 'terdaftar',
        withdrawReason: null, preTest: null, postTest: null, createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin, deletedAt: null,
      };
      t.saveEnrolment(db, rec, true);
      recordChange(db, m, { entity: 'enrolment', entityId: rec.id, op: 'insert', after: rec });
    }
    added++;
  }
  const enrolled = t.countActiveEnrolments(db, event.id);
  return { added, already, enrolled, capacity: event.capacity, overCapacity: event.capacity !== null && enrolled > event.capacity };
}

/** A participant's pre-test and post-test written and journalled (the list, the score sheet and the import all come here). */
export function saveScores(db: Db, m: WriteMeta, before: t.EnrolmentRecord, preTest: number | null, postTest: number | null): void {
  const after = { ...before, preTest, postTest, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
  t.saveEnrolment(db, after, false);
  recordChange(db, m, { entity: 'enrolment', entityId: before.id, op: 'update', before, after });
}

export const eventHandlers = {
  // One statement for the whole list: figures aggregated per event, the year and status filters in SQL.
  'events.list': ({ year, status }, ctx) => {
    const now = officeNow(ctx.db, ctx.now());
    return t.listEventSummaries(ctx.db, { now, year, status }).map((x) => toListItem(x, now));
  },

  'events.get': ({ id }, ctx) => eventView(ctx, id),

  'events.create': (input, ctx) => writeTransaction(ctx.db, () => {
    if (input.programmeItemId && !getItem(ctx.db, input.programmeItemId)) throw ApiError.field(['programmeItemId'], 'event.item_unknown');
    const m = meta(ctx);
    const e: t.EventRecord = { id: newId(), ...input, status: 'direncanakan', createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin, deletedAt: null };
    t.saveEvent(ctx.db, e, true);
    recordChange(ctx.db, m, { entity: 'event', entityId: e.id, op: 'insert', after: e });
    advanceItem(ctx.db, m, e.programmeItemId, 'terjadwal');
    return eventView(ctx, e.id);
  }),

  'events.update': ({ id, ...input }, ctx) => writeTransaction(ctx.db, () => {
    const before = requireEvent(ctx.db, id);
    if (input.programmeItemId && !getItem(ctx.db, input.programmeItemId)) throw ApiError.field(['programmeItemId'], 'event.item_unknown');
    const m = meta(ctx);
    const after = { ...before, ...input, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
    t.saveEvent(ctx.db, after, false);
    recordChange(ctx.db, m, { entity: 'event', entityId: id, op: 'update', before, after });
    recomputeJps(ctx.db, m, after);
    // Only a new link moves the item: an edit of the place must not undo the clerk's own status.
    if (after.programmeItemId !== before.programmeItemId && after.status !== 'batal') {
      advanceItem(ctx.db, m, after.programmeItemId, after.status === 'selesai' ? 'terlaksana' : 'terjadwal');
    }
    return eventView(ctx, id);
  }),

  // The clerk's word: stored and journalled. (A planned event reads berlangsung once it has begun
  // without any write: see eventView; so "Tandai selesai" goes from stored direncanakan to selesai.)
  'events.setStatus': ({ id, status }, ctx) => writeTransaction(ctx.db, () => {
    const before = requireEvent(ctx.db, id);
    if (before.status === status) return eventView(ctx, id);
    const m = meta(ctx);
    const after = { ...before, status, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
    t.saveEvent(ctx.db, after, false);
    recordChange(ctx.db, m, { entity: 'event', entityId: id, op: 'update', before, after });
    if (status === 'selesai') advanceItem(ctx.db, m, after.programmeItemId, 'terlaksana');
    return eventView(ctx, id);
  }),

  'events.remove': ({ id }, ctx) => writeTransaction(ctx.db, () => {
    const before = requireEvent(ctx.db, id);
    if (t.eventHasEnrolments(ctx.db, id)) throw ApiError.field(['id'], 'event.has_participants', { name: before.name });
    const m = meta(ctx);
    const stamp = { deletedAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
    for (const s of t.listSessions(ctx.db, id)) {
      t.saveSession(ctx.db, { ...s, ...stamp }, false);
      recordChange(ctx.db, m, { entity: 'session', entityId: s.id, op: 'delete', before: s });
    }
    t.saveEvent(ctx.db, { ...before, ...stamp }, false);
    recordChange(ctx.db, m, { entity: 'event', entityId: id, op: 'delete', before });
    unscheduleItem(ctx.db, m, before.programmeItemId);
    return { ok: true as const };
  }),

  'sessions.create': ({ eventId, overnight: _overnight, ...input }, ctx) => writeTransaction(ctx.db, () => {
    const event = requireEvent(ctx.db, eventId);
    const m = meta(ctx);
    const s: t.SessionRecord = {
      id: newId(), eventId, date: input.date, start: input.start, end: input.end, topic: input.topic, speaker: input.speaker,
      computedJp: 0, jpOverride: input.jpOverride, jpOverrideReason: input.jpOverride === null ? null : input.jpOverrideReason,
      createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin, deletedAt: null,
    };
    const saved = saveWithJp(ctx.db, event, s, true);
    recordChange(ctx.db, m, { entity: 'session', entityId: s.id, op: 'insert', after: saved });
    recomputeJps(ctx.db, m, event);
    return toSession(t.getSession(ctx.db, s.id)!);
  }),

  'sessions.update': ({ id, overnight: _overnight, ...input }, ctx) => writeTransaction(ctx.db, () => {
    const before = requireSession(ctx.db, id);
    const m = meta(ctx);
    const event = requireEvent(ctx.db, before.eventId);
    const after = saveWithJp(ctx.db, event, { ...before, ...input, jpOverrideReason: input.jpOverride === null ? null : input.jpOverrideReason, updatedAt: m.at, updatedBy: m.actor?.userId ?? null }, false);
    recordChange(ctx.db, m, { entity: 'session', entityId: id, op: 'update', before, after });
    recomputeJps(ctx.db, m, event);
    return toSession(t.getSession(ctx.db, id)!);
  }),

  'sessions.remove': ({ id }, ctx) => writeTransaction(ctx.db, () => {
    const before = requireSession(ctx.db, id);
    if (t.sessionHasMarks(ctx.db, id)) throw ApiError.field(['id'], 'session.has_marks');
    const m = meta(ctx);
    t.saveSession(ctx.db, { ...before, deletedAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null }, false);
    recordChange(ctx.db, m, { entity: 'session', entityId: id, op: 'delete', before });
    recomputeJps(ctx.db, m, requireEvent(ctx.db, before.eventId));
    return { ok: true as const };
  }),

  'enrolment.list': ({ eventId, includeWithdrawn }, ctx) => {
    requireEvent(ctx.db, eventId);
    return t.listEnrolments(ctx.db, eventId, includeWithdrawn).map(toEnrolment);
  },

  // The roster's own search (searchTerms + repos/employees.ts rosterFilter), JP and order in SQL.
  'enrolment.candidates': ({ eventId, search, unitId, golongan, order, limit }, ctx) => {
    requireEvent(ctx.db, eventId);
    // The year of the event's first session; without sessions, this year at the office.
    const now = officeNow(ctx.db, ctx.now());
    const year = Number((t.listSessions(ctx.db, eventId)[0]?.date ?? now).slice(0, 4));
    return t.listCandidates(ctx.db, { eventId, year, now, terms: searchTerms(search), unitId, golongan, order, limit }).map((r) => ({
      employeeId: r.id, nip: r.nip, name: r.name, unit: r.unit, golonganLabel: r.golongan ? golonganByCode(r.golongan)?.label ?? null : null,
      jpThisYear: r.jp, enrolled: r.enrolled,
    }));
  },

  'enrolment.add': ({ eventId, employeeIds }, ctx) => writeTransaction(ctx.db, () => enrolEmployees(ctx.db, meta(ctx), requireEvent(ctx.db, eventId), employeeIds)),

  'enrolment.addByNips': ({ eventId, text }, ctx) => writeTransaction(ctx.db, () => {
    const event = requireEvent(ctx.db, eventId);
    const pieces = nipPieces(text);
    const ids: string[] = [];
    const unknown: string[] = [];
    const invalid: { value: string; code: string }[] = [];
    for (const piece of pieces) {
      const parsed = parseNip(piece);
      if (!parsed.ok) { invalid.push({ value: piece, code: parsed.errors[0]!.code }); continue; }
      const employee = findEmployeeByNip(ctx.db, parsed.nip.digits);
      if (!employee || employee.deletedAt) unknown.push(parsed.nip.digits);
      else ids.push(employee.id);
    }
    const result = ids.length ? enrolEmployees(ctx.db, meta(ctx), event, ids) : { added: 0, already: 0, enrolled: t.countActiveEnrolments(ctx.db, eventId), capacity: event.capacity, overCapacity: false };
    return { ...result, unknown, invalid };
  }),

  'enrolment.addWalkIn': ({ eventId, name, nip, institution }, ctx) => writeTransaction(ctx.db, () => {
    requireEvent(ctx.db, eventId);
    const m = meta(ctx);
    const parsed = nip ? parseNip(nip) : null;
    if (parsed && !parsed.ok) throw ApiError.field(['nip'], parsed.errors[0]!.code, parsed.errors[0]!.params);
    const digits = parsed?.ok ? parsed.nip.digits : null;
    if (digits) {
      const employee = findEmployeeByNip(ctx.db, digits);
      if (employee && !employee.deletedAt) throw ApiError.field(['nip'], 'enrolment.walk_in_on_roster', { name: employee.name });
      // A guest's NIP is what the door scans: two enrolments with it would make a scan ambiguous.
      const twin = t.findWalkIn(ctx.db, eventId, digits);
      if (twin) throw ApiError.field(['nip'], 'enrolment.walk_in_exists', { name: twin.name });
    }
    const rec: t.EnrolmentRecord = {
      id: newId(), eventId, employeeId: null, walkInName: name, walkInNip: digits, walkInInstitution: institution, status: 'terdaftar',
      withdrawReason: null, preTest: null, postTest: null, createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin, deletedAt: null,
    };
    t.saveEnrolment(ctx.db, rec, true);
    recordChange(ctx.db, m, { entity: 'enrolment', entityId: rec.id, op: 'insert', after: rec });
    return toEnrolment(t.getEnrolment(ctx.db, rec.id)!);
  }),

  'enrolment.withdraw': ({ id, reason }, ctx) => writeTransaction(ctx.db, () => {
    const before = t.getEnrolment(ctx.db, id);
    if (!before) throw new ApiError('NOT_FOUND', 'Peserta tidak ditemukan.');
    const m = meta(ctx);
    const after = { ...before, status: 'mundur' as const, withdrawReason: reason, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
    t.saveEnrolment(ctx.db, after, false);
    recordChange(ctx.db, m, { entity: 'enrolment', entityId: id, op: 'update', before, after });
    return toEnrolment(t.getEnrolment(ctx.db, id)!);
  }),

  'enrolment.setScores': ({ id, preTest, postTest }, ctx) => writeTransaction(ctx.db, () => {
    const before = t.getEnrolment(ctx.db, id);
    if (!before) throw new ApiError('NOT_FOUND', 'Peserta tidak ditemukan.');
    saveScores(ctx.db, meta(ctx), before, preTest, postTest);
    return toEnrolment(t.getEnrolment(ctx.db, id)!);
  }),
} satisfies Partial<Handlers>;
