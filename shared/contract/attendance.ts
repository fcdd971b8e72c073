import { z } from 'zod';
import { method } from './define.ts';
import { exportedFile, id, instant, isoDate, nip, optionalText } from './common.ts';
import { attendanceStatus } from './events.ts';

const person = z.object({
  enrolmentId: z.string(),
  employeeId: z.string().nullable(),
  nip: z.string().nullable(),
  name: z.string(),
  jabatan: z.string(),
  unit: z.string().nullable(),
});

export const mark = z.object({
  id: z.string(),
  status: attendanceStatus,
  markedAt: instant,
  note: z.string(),
  source: z.enum(['scan', 'manual', 'paper', 'bulk']),
  updatedBy: z.string().nullable(),
});

export const sheetRow = person.extend({ mark: mark.nullable() });

const fileFormat = z.enum(['xlsx', 'pdf']);

/** Lulus, tidak memenuhi syarat, or belum selesai (sessions still to come). */
export const completionResult = z.enum(['passed', 'not_passed', 'pending']);

export const recapRow = z.object({
  enrolmentId: z.string(),
  employeeId: z.string().nullable(),
  nip: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  /** One status code per session, in session order ('' when unmarked). */
  codes: z.array(z.string()),
  attended: z.number().int(),
  /** Sessions the attendance % is measured against: all once the event is finished, else those so far. */
  counted: z.number().int(),
  attendancePct: z.number(),
  jp: z.number(),
  postTest: z.number().nullable(),
  passed: z.boolean(),
  /** 'pending' (belum selesai) until the last session is over or the event is marked done. */
  result: completionResult,
  reasons: z.array(z.enum(['attendance', 'post_test'])),
});

export const eventRecap = z.object({
  eventId: z.string(),
  name: z.string(),
  /** `over`: the session has ended by the office clock. */
  sessions: z.array(z.object({ id: z.string(), date: isoDate, start: z.string(), end: z.string(), topic: z.string(), jp: z.number(), over: z.boolean() })),
  rule: z.object({ minAttendancePct: z.number(), minPostTest: z.number().nullable() }),
  /** Completion is final: the last session is over, or the event was marked done (or cancelled). */
  finished: z.boolean(),
  rows: z.array(recapRow),
  totals: z.object({ participants: z.number().int(), passed: z.number().int(), notPassed: z.number().int(), pending: z.number().int() }),
});
export type EventRecap = z.infer<typeof eventRecap>;

export const employeeRecap = z.object({
  employeeId: z.string(),
  nip: z.string(),
  name: z.string(),
  year: z.number().int(),
  /** The target of the employee's type (PNS, or PPPK where the rules differ). */
  targetJp: z.number(),
  /** JP of the year as the 20 JP ledger counts them: eventJp + externalJp. */
  totalJp: z.number(),
  /** JP credited from the office's events: the year's sessions attended, in trainings finished and passed. */
  eventJp: z.number(),
  /** JP of external records starting in the year (unverified ones included). */
  externalJp: z.number(),
  /** Trainings not finished yet: the year's sessions attended so far plus those still to come (the ledger's `planned`). */
  plannedJp: z.number(),
  /** JP of sessions still to come this year in trainings under way (not earned yet). */
  upcomingJp: z.number(),
  /** External records (e-learning, BKPSDM/BPSDM trainings, seminars elsewhere) starting in the year. */
  external: z.array(z.object({
    id: z.string(), title: z.string(), organiser: z.string(), methodName: z.string(),
    startDate: isoDate, endDate: isoDate, jp: z.number(), verified: z.boolean(),
  })),
  trainings: z.array(z.object({
    eventId: z.string(), name: z.string(), methodName: z.string(), startDate: isoDate.nullable(), endDate: isoDate.nullable(),
    attendancePct: z.number(), jp: z.number(), passed: z.boolean(),
    result: completionResult,
    /** Sessions the attendance % is measured against (0: none held yet for this person). */
    counted: z.number().int(),
    /** This year's sessions still to come for the person (not over, not marked), their JP and the next one's date. */
    upcomingSessions: z.number().int(), upcomingJp: z.number(), nextSessionDate: isoDate.nullable(),
  })),
});
export type EmployeeRecap = z.infer<typeof employeeRecap>;

export const scanResult = z.object({
  outcome: z.enum(['marked', 'already', 'unknown', 'not_enrolled', 'invalid']),
  /** For not_enrolled: the roster employee who could be enrolled on the spot. */
  person: person.nullable(),
  mark: mark.nullable(),
  nip: z.string(),
  /** For invalid: the NIP problem (message key). */
  code: z.string().nullable(),
});
export type ScanResult = z.infer<typeof scanResult>;

/** What attendance.setStatus did: a first mark, a change of one, or nothing (it was so already). */
export const setStatusResult = z.object({
  outcome: z.enum(['marked', 'changed', 'already']),
  mark,
  participant: person,
});
export type SetStatusResult = z.infer<typeof setStatusResult>;

export const attendanceMethods = {
  /** Everyone enrolled in the session's event, with their mark in this session. */
  'attendance.sheet': method({ access: 'user', input: z.object({ sessionId: id }), output: z.object({ sessionId: z.string(), rows: z.array(sheetRow) }) }),
  /**
   * The door: a typed or scanned NIP. Marks Hadir, or Terlambat after the start plus the grace
   * period; a repeated scan changes nothing.
   */
  'attendance.scan': method({ access: 'user', input: z.object({ sessionId: id, input: z.string().max(100) }), output: scanResult }),
  /** Enrols a roster employee met at the door, then marks them like a scan. */
  'attendance.enrolAndMark': method({ access: 'user', input: z.object({ sessionId: id, employeeId: id }), output: scanResult }),
  'attendance.mark': method({
    access: 'user',
    input: z.object({ sessionId: id, enrolmentId: id, status: attendanceStatus, note: optionalText(300) }),
    output: mark,
  }),
  // Shared by the CLI and the door screen's status marks.
  /**
   * Sets one participant's status in a session, the participant named by enrolment (a screen's
   * row) or by NIP (typed any common way; walk-ins too). 'marked' when they had no mark,
   * 'changed' when it had another status or note, 'already' when it is so (nothing written).
   * Without `note` a mark keeps its note. Read and write in one transaction. A NIP not on the
   * roster is refused ('employee.unknown_nip' on nip), as is a person not enrolled
   * ('attendance.not_enrolled').
   */
  'attendance.setStatus': method({
    access: 'user',
    input: z.object({
      sessionId: id,
      enrolmentId: id.optional(),
      nip: nip.optional(),
      status: attendanceStatus,
      note: z.string().trim().max(300, 'validation.too_long').optional(),
    }).refine((v) => (v.enrolmentId === undefined) !== (v.nip === undefined), { message: 'validation.nip_or_enrolment', path: ['nip'] }),
    output: setStatusResult,
  }),
  'attendance.clear': method({ access: 'user', input: z.object({ sessionId: id, enrolmentId: id }), output: z.object({ ok: z.literal(true) }) }),
  /** "Sisanya Alpa": everyone still unmarked gets the status, in one transaction. */
  'attendance.markRest': method({
    access: 'user',
    input: z.object({ sessionId: id, status: attendanceStatus.default('alpa') }),
    output: z.object({ marked: z.number().int() }),
  }),
  /** Marks copied from the paper sheet, all at once. */
  'attendance.paperEntry': method({
    access: 'user',
    input: z.object({ sessionId: id, marks: z.array(z.object({ enrolmentId: id, status: attendanceStatus, note: optionalText(300) })).max(5000) }),
    output: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  }),
  /** The printable daftar hadir of a session (A4 PDF). */
  'attendance.sheetPdf': method({ access: 'user', input: z.object({ sessionId: id }), output: exportedFile }),

  'recap.event': method({ access: 'user', input: z.object({ eventId: id }), output: eventRecap }),
  'recap.eventFile': method({ access: 'user', input: z.object({ eventId: id, format: fileFormat }), output: exportedFile }),
  'recap.employee': method({ access: 'user', input: z.object({ employeeId: id, year: z.number().int() }), output: employeeRecap }),
  'recap.employeeFile': method({ access: 'user', input: z.object({ employeeId: id, year: z.number().int(), format: fileFormat }), output: exportedFile }),
};
