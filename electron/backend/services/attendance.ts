import { ApiError } from '../../../shared/contract/errors.ts';
import type { ScanResult, SetStatusResult } from '../../../shared/contract/attendance.ts';
import type { AttendanceStatus } from '../../../shared/domain/jp.ts';
import { arrivalStatus } from '../../../shared/domain/office-time.ts';
import { formatNip, parseNip } from '../../../shared/domain/nip.ts';
import { newId } from '../db/ids.ts';
import type { Db } from '../db/open.ts';
import { inChangeBatch, recordChange } from '../db/repos/changes.ts';
import { findEmployeeByNip } from '../db/repos/employees.ts';
import { getOffice } from '../db/repos/office.ts';
import * as t from '../db/repos/trainings.ts';
import type { ServiceContext, WriteMeta } from './context.ts';
import type { Handlers } from './handlers.ts';
import { meta } from './office.ts';
import { enrolEmployees, requireEvent, requireSession } from './events.ts';
import { attendanceSheetPdf } from './attendance-sheet.ts';
import { trainingRules } from './rules.ts';
import { writeTransaction } from '../db/transaction.ts';

/** Minutes after a session's start before an arrival counts as late: the event's, else the office's. */
export function graceMinutes(db: Db, event: t.EventRecord): number {
  return event.lateGraceMinutes ?? trainingRules(db).graceMinutes;
}

function toMark(m: t.MarkRecord) {
  return { id: m.id, status: m.status, markedAt: m.markedAt, note: m.note, source: m.source, updatedBy: m.updatedBy };
}

function person(v: t.EnrolmentView) {
  return { enrolmentId: v.id, employeeId: v.employeeId, nip: v.nip, name: v.name, jabatan: v.jabatan, unit: v.unit };
}

/**
 * Sets one participant's mark in one session: creates it, revives a cleared one, or changes it.
 * Returns what happened so callers can count. The unique index guarantees one mark per person.
 */
export function setMark(db: Db, m: WriteMeta, sessionId: string, enrolmentId: string, status: AttendanceStatus, note: string, source: t.MarkRecord['source']) {
  return writeMark(db, m, t.findMark(db, sessionId, enrolmentId), sessionId, enrolmentId, status, note, source);
}

/** setMark with the participant's mark already read (or null when there is none, cleared or not). */
function writeMark(db: Db, m: WriteMeta, existing: t.MarkRecord | null, sessionId: string, enrolmentId: string, status: AttendanceStatus, note: string, source: t.MarkRecord['source']): { mark: t.MarkRecord; change: 'created' | 'updated' | 'unchanged' } {
  if (existing && !existing.deletedAt && existing.status === status && existing.note === note) return { mark: existing, change: 'unchanged' };
  if (existing) {
    const after: t.MarkRecord = { ...existing, status, note, source, markedAt: existing.deletedAt ? m.at : existing.markedAt, deletedAt: null, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
    t.saveMark(db, after, false);
    recordChange(db, m, { entity: 'attendance', entityId: existing.id, op: existing.deletedAt ? 'restore' : 'update', before: existing, after });
    return { mark: after, change: existing.deletedAt ? 'created' : 'updated' };
  }
  const mark: t.MarkRecord = { id: newId(), sessionId, enrolmentId, status, markedAt: m.at, note, source, createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin, deletedAt: null };
  t.saveMark(db, mark, true);
  recordChange(db, m, { entity: 'attendance', entityId: mark.id, op: 'insert', after: mark });
  return { mark, change: 'created' };
}

function activeEnrolment(db: Db, eventId: string, enrolmentId: string): t.EnrolmentView {
  const e = t.getEnrolment(db, enrolmentId);
  if (!e || e.eventId !== eventId || e.status !== 'terdaftar') throw ApiError.field(['enrolmentId'], 'attendance.not_enrolled');
  return e;
}

/** Marks a participant as arriving now: Hadir, or Terlambat past the start plus the grace period. */
function arrive(ctx: ServiceContext, session: t.SessionRecord, event: t.EventRecord, enrolment: t.EnrolmentView, nip: string): ScanResult {
  const existing = t.findMark(ctx.db, session.id, enrolment.id);
  if (existing && !existing.deletedAt) return { outcome: 'already', person: person(enrolment), mark: toMark(existing), nip, code: null };
  const timezone = getOffice(ctx.db)?.timezone ?? 'Asia/Jakarta';
  const status = arrivalStatus(ctx.now(), session, timezone, graceMinutes(ctx.db, event));
  const { mark } = writeMark(ctx.db, meta(ctx), existing, session.id, enrolment.id, status, '', 'scan');
  return { outcome: 'marked', person: person(enrolment), mark: toMark(mark), nip, code: null };
}

/**
 * The enrolment a NIP names in an event: a roster employee's (still terdaftar), else a walk-in's
 * by the NIP they gave. `employee` tells "not on the roster" from "not enrolled".
 */
function enrolmentByNip(db: Db, eventId: string, nip: string) {
  const employee = findEmployeeByNip(db, nip);
  const onRoster = employee && !employee.deletedAt ? employee : null;
  let enrolmentId: string | null;
  if (onRoster) {
    const e = t.findEnrolment(db, eventId, onRoster.id);
    enrolmentId = e && e.status === 'terdaftar' && !e.deletedAt ? e.id : null;
  } else {
    enrolmentId = t.findWalkIn(db, eventId, nip)?.id ?? null;
  }
  return { enrolmentId, employee: onRoster };
}

export function scan(ctx: ServiceContext, sessionId: string, raw: string): ScanResult {
  const session = requireSession(ctx.db, sessionId);
  const event = requireEvent(ctx.db, session.eventId);
  const parsed = parseNip(raw);
  if (!parsed.ok) return { outcome: 'invalid', person: null, mark: null, nip: raw.trim(), code: parsed.errors[0]!.code };
  const nip = parsed.nip.digits;
  const { enrolmentId, employee } = enrolmentByNip(ctx.db, event.id, nip);
  if (!enrolmentId) {
    if (!employee) return { outcome: 'unknown', person: null, mark: null, nip, code: null };
    return {
      outcome: 'not_enrolled', mark: null, nip, code: null,
      person: { enrolmentId: '', employeeId: employee.id, nip, name: employee.name, jabatan: employee.jabatan, unit: employee.unitName },
    };
  }
  return arrive(ctx, session, event, t.getEnrolment(ctx.db, enrolmentId)!, nip);
}

/**
 * Sets a participant's status by hand (attendance.setStatus: the CLI's `--status`, the door
 * screen's keys): the participant found, the mark read and written in the caller's one
 * transaction. Without a note the mark keeps its own.
 */
export function setStatus(
  ctx: ServiceContext,
  input: { sessionId: string; enrolmentId?: string; nip?: string; status: AttendanceStatus; note?: string },
): SetStatusResult {
  const session = requireSession(ctx.db, input.sessionId);
  let enrolment: t.EnrolmentView;
  if (input.enrolmentId !== undefined) {
    enrolment = activeEnrolment(ctx.db, session.eventId, input.enrolmentId);
  } else {
    const nip = input.nip!;
    const { enrolmentId, employee } = enrolmentByNip(ctx.db, session.eventId, nip);
    if (!enrolmentId) {
      if (!employee) throw ApiError.field(['nip'], 'employee.unknown_nip', { nip: formatNip(nip) });
      throw ApiError.field(['nip'], 'attendance.not_enrolled', { name: employee.name });
    }
    enrolment = t.getEnrolment(ctx.db, enrolmentId)!;
  }
  const existing = t.findMark(ctx.db, session.id, enrolment.id);
  const note = input.note ?? (existing && !existing.deletedAt ? existing.note : '');
  const { mark, change } = writeMark(ctx.db, meta(ctx), existing, session.id, enrolment.id, input.status, note, 'manual');
  const outcome = change === 'created' ? 'marked' : change === 'updated' ? 'changed' : 'already';
  return { outcome, mark: toMark(mark), participant: person(enrolment) };
}

export const attendanceHandlers = {
  'attendance.sheet': ({ sessionId }, ctx) => {
    const session = requireSession(ctx.db, sessionId);
    const marks = new Map(t.marksOfSession(ctx.db, sessionId).map((m) => [m.enrolmentId, m]));
    return {
      sessionId,
      rows: t.listEnrolments(ctx.db, session.eventId, false).map((e) => ({ ...person(e), mark: marks.has(e.id) ? toMark(marks.get(e.id)!) : null })),
    };
  },

  'attendance.scan': ({ sessionId, input }, ctx) => writeTransaction(ctx.db, () => scan(ctx, sessionId, input)),

  'attendance.enrolAndMark': ({ sessionId, employeeId }, ctx) => writeTransaction(ctx.db, () => {
    const session = requireSession(ctx.db, sessionId);
    const event = requireEvent(ctx.db, session.eventId);
    enrolEmployees(ctx.db, meta(ctx), event, [employeeId]);
    const enrolment = t.findEnrolment(ctx.db, event.id, employeeId)!;
    const view = t.getEnrolment(ctx.db, enrolment.id)!;
    return arrive(ctx, session, event, view, view.nip ?? '');
  }),

  'attendance.mark': ({ sessionId, enrolmentId, status, note }, ctx) => writeTransaction(ctx.db, () => {
    const session = requireSession(ctx.db, sessionId);
    activeEnrolment(ctx.db, session.eventId, enrolmentId);
    return toMark(setMark(ctx.db, meta(ctx), sessionId, enrolmentId, status, note, 'manual').mark);
  }),

  'attendance.setStatus': (input, ctx) => writeTransaction(ctx.db, () => setStatus(ctx, input)),

  'attendance.clear': ({ sessionId, enrolmentId }, ctx) => writeTransaction(ctx.db, () => {
    requireSession(ctx.db, sessionId);
    const existing = t.findMark(ctx.db, sessionId, enrolmentId);
    if (existing && !existing.deletedAt) {
      const m = meta(ctx);
      const after = { ...existing, deletedAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
      t.saveMark(ctx.db, after, false);
      recordChange(ctx.db, m, { entity: 'attendance', entityId: existing.id, op: 'delete', before: existing });
    }
    return { ok: true as const };
  }),

  'attendance.markRest': ({ sessionId, status }, ctx) => writeTransaction(ctx.db, () => inChangeBatch(ctx.db, () => {
    const session = requireSession(ctx.db, sessionId);
    const marked = new Set(t.marksOfSession(ctx.db, sessionId).map((x) => x.enrolmentId));
    const m = meta(ctx);
    let count = 0;
    for (const e of t.listEnrolments(ctx.db, session.eventId, false)) {
      if (marked.has(e.id)) continue;
      setMark(ctx.db, m, sessionId, e.id, status, '', 'bulk');
      count++;
    }
    return { marked: count };
  })),

  'attendance.paperEntry': ({ sessionId, marks }, ctx) => writeTransaction(ctx.db, () => inChangeBatch(ctx.db, () => {
    const session = requireSession(ctx.db, sessionId);
    const m = meta(ctx);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const x of marks) {
      activeEnrolment(ctx.db, session.eventId, x.enrolmentId);
      counts[setMark(ctx.db, m, sessionId, x.enrolmentId, x.status, x.note, 'paper').change]++;
    }
    return counts;
  })),

  'attendance.sheetPdf': ({ sessionId }, ctx) => attendanceSheetPdf(ctx.db, sessionId),
} satisfies Partial<Handlers>;
