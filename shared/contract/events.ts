import { z } from 'zod';
import { method } from './define.ts';
import { id, isoDate, keyedMessage, optionalText, sessionDate, syncFields, text } from './common.ts';
import { competencyType, methodId, organiser } from './programme.ts';
import { ATTENDANCE_STATUSES, durationMinutes } from '../domain/jp.ts';

export const EVENT_STATUSES = ['direncanakan', 'berlangsung', 'selesai', 'batal'] as const;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const hhmm = z.string().regex(HHMM, 'validation.time');

const speaker = z.object({ name: text(120), institution: optionalText(160), topic: optionalText(200) });

const eventFields = z.object({
  programmeItemId: id.nullable().default(null),
  name: text(200),
  methodId,
  competencyType,
  organiser,
  place: optionalText(200),
  description: optionalText(2000),
  speakers: z.array(speaker).max(50).default([]),
  capacity: z.number().int().min(1).max(100000).nullable().default(null),
  international: z.boolean().default(false),
  minAttendancePct: z.number().min(0).max(100).default(80),
  minPostTest: z.number().min(0).max(100).nullable().default(null),
  /** Minutes after the start before an arrival counts as late; null: the office setting. */
  lateGraceMinutes: z.number().int().min(0).max(240).nullable().default(null),
});

export const session = z.object({
  ...syncFields,
  eventId: z.string(),
  date: isoDate,
  start: hhmm,
  end: hhmm,
  /** Ends on the next day (its end is earlier than its start). */
  overnight: z.boolean(),
  topic: z.string(),
  speaker: z.string(),
  /** The JP used: the override when set, else the computed one. */
  jp: z.number(),
  computedJp: z.number(),
  jpOverride: z.number().nullable(),
  jpOverrideReason: z.string().nullable(),
});
export type Session = z.infer<typeof session>;

export const event = z.object({
  ...syncFields,
  programmeItemId: z.string().nullable(),
  name: z.string(),
  methodId: z.number().int(),
  methodName: z.string(),
  competencyType,
  organiser,
  place: z.string(),
  description: z.string(),
  speakers: z.array(speaker),
  capacity: z.number().int().nullable(),
  international: z.boolean(),
  minAttendancePct: z.number(),
  minPostTest: z.number().nullable(),
  lateGraceMinutes: z.number().int().nullable(),
  /**
   * As it stands: a planned event reads berlangsung from its first session's start or its first
   * attendance mark (shared/domain/event-progress.ts); the other statuses are the clerk's.
   */
  status: z.enum(EVENT_STATUSES),
  sessions: z.array(session),
  enrolled: z.number().int(),
  /** Whether events.remove would take it: nobody was ever enrolled, withdrawn people included. */
  removable: z.boolean(),
  totalJp: z.number(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  /** Sessions ended by the office clock. */
  sessionsOver: z.number().int(),
  /** The last session is over and the event is still direncanakan/berlangsung: offer "Tandai selesai". */
  readyToFinish: z.boolean(),
});
export type Event = z.infer<typeof event>;

/** The longest a session may last; a longer activity is several sessions (one per day). */
export const SESSION_MAX_HOURS = 12;

/**
 * Times run forward from the start on the session's date. An end before the start is a session
 * past midnight only when the clerk says so (`overnight`), so a slip (10:00–09:00) is not
 * stored as 23 hours; and a ticked box with an end after the start is a contradiction.
 */
function checkSessionTimes(s: { start: string; end: string; overnight: boolean }, ctx: z.core.$RefinementCtx): void {
  if (!HHMM.test(s.start) || !HHMM.test(s.end)) return; // the fields say so themselves
  if (s.start === s.end) {
    ctx.addIssue({ code: 'custom', message: 'validation.session_empty', path: ['end'] });
    return;
  }
  const endsBefore = s.end < s.start;
  if (endsBefore && !s.overnight) ctx.addIssue({ code: 'custom', message: 'validation.session_end_before_start', path: ['end'] });
  else if (!endsBefore && s.overnight) ctx.addIssue({ code: 'custom', message: 'validation.session_not_overnight', path: ['end'] });
  else if (durationMinutes(s) > SESSION_MAX_HOURS * 60) {
    ctx.addIssue({ code: 'custom', message: keyedMessage('validation.session_too_long', { maxHours: SESSION_MAX_HOURS }), path: ['end'] });
  }
}

const sessionFields = z.object({
  date: sessionDate,
  start: hhmm,
  end: hhmm,
  /** The session runs past midnight: its end (earlier than its start) is on the next day. */
  overnight: z.boolean().default(false),
  topic: optionalText(200),
  speaker: optionalText(160),
  jpOverride: z.number().min(0).max(100).nullable().default(null),
  jpOverrideReason: z.string().trim().max(300).nullable().default(null),
}).superRefine(checkSessionTimes)
  .refine((s) => s.jpOverride === null || (s.jpOverrideReason ?? '').length > 0, { message: 'validation.override_reason', path: ['jpOverrideReason'] });

export const enrolment = z.object({
  ...syncFields,
  eventId: z.string(),
  employeeId: z.string().nullable(),
  nip: z.string().nullable(),
  name: z.string(),
  jabatan: z.string(),
  unit: z.string().nullable(),
  golonganLabel: z.string().nullable(),
  /** A walk-in who is not on the office's roster (a guest from another office). */
  walkIn: z.boolean(),
  institution: z.string(),
  status: z.enum(['terdaftar', 'mundur']),
  withdrawReason: z.string().nullable(),
  preTest: z.number().nullable(),
  postTest: z.number().nullable(),
});
export type Enrolment = z.infer<typeof enrolment>;

export const candidate = z.object({
  employeeId: z.string(), nip: z.string(), name: z.string(), unit: z.string().nullable(),
  golonganLabel: z.string().nullable(), jpThisYear: z.number(), enrolled: z.boolean(),
});

export const attendanceStatus = z.enum(ATTENDANCE_STATUSES);

export const eventMethods = {
  'events.list': method({
    access: 'user',
    input: z.object({ year: z.number().int().optional(), status: z.enum(EVENT_STATUSES).optional() }),
    output: z.array(event.omit({ sessions: true })),
  }),
  'events.get': method({ access: 'user', input: z.object({ id }), output: event }),
  'events.create': method({ access: 'user', input: eventFields, output: event }),
  'events.update': method({ access: 'user', input: eventFields.extend({ id }), output: event }),
  'events.setStatus': method({ access: 'user', input: z.object({ id, status: z.enum(EVENT_STATUSES) }), output: event }),
  /** Only an event nobody was ever enrolled in: one that ran or had participants is cancelled instead. */
  'events.remove': method({ access: 'user', input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),

  'sessions.create': method({ access: 'user', input: z.intersection(sessionFields, z.object({ eventId: id })), output: session }),
  'sessions.update': method({ access: 'user', input: z.intersection(sessionFields, z.object({ id })), output: session }),
  /** Only a session without attendance marks can be removed. */
  'sessions.remove': method({ access: 'user', input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),

  'enrolment.list': method({ access: 'user', input: z.object({ eventId: id, includeWithdrawn: z.boolean().default(false) }), output: z.array(enrolment) }),
  /** Roster employees to pick from: filters, and those with the fewest JP this year first. */
  'enrolment.candidates': method({
    access: 'user',
    input: z.object({
      eventId: id, search: z.string().default(''), unitId: id.optional(), golongan: z.string().optional(),
      order: z.enum(['name', 'fewest_jp']).default('fewest_jp'), limit: z.number().int().min(1).max(5000).default(500),
    }),
    output: z.array(candidate),
  }),
  'enrolment.add': method({
    access: 'user',
    input: z.object({ eventId: id, employeeIds: z.array(id).min(1).max(5000) }),
    output: z.object({ added: z.number().int(), already: z.number().int(), enrolled: z.number().int(), capacity: z.number().int().nullable(), overCapacity: z.boolean() }),
  }),
  /** A pasted list of NIPs (any separators); unknown ones are reported, the rest enrolled. */
  'enrolment.addByNips': method({
    access: 'user',
    input: z.object({ eventId: id, text: z.string().max(200000) }),
    output: z.object({
      added: z.number().int(), already: z.number().int(), enrolled: z.number().int(), capacity: z.number().int().nullable(), overCapacity: z.boolean(),
      unknown: z.array(z.string()), invalid: z.array(z.object({ value: z.string(), code: z.string() })),
    }),
  }),
  'enrolment.addWalkIn': method({
    access: 'user',
    input: z.object({ eventId: id, name: text(120), nip: z.string().trim().max(30).default(''), institution: optionalText(160) }),
    output: enrolment,
  }),
  'enrolment.withdraw': method({ access: 'user', input: z.object({ id, reason: text(300) }), output: enrolment }),
  'enrolment.setScores': method({
    access: 'user',
    input: z.object({ id, preTest: z.number().min(0).max(100).nullable(), postTest: z.number().min(0).max(100).nullable() }),
    output: enrolment,
  }),
};

