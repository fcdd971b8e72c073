import { z } from 'zod';
import { method } from './define.ts';
import { exportedFile, id, instant, isoDate, optionalText } from './common.ts';
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

export const recapRow = z.object({
  enrolmentId: z.string(),
  employeeId: z.string().nullable(),
  nip: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  /** One status code per session, in session order ('' when unmarked). */
  codes: z.array(z.string()),
  attended: z.number().int(),
  attendancePct: z.number(),
  jp: z.number(),
  postTest: z.number().nullable(),
  passed: z.boolean(),
  reasons: z.array(z.enum(['attendance', 'post_test'])),
});

export const eventRecap = z.object({
  eventId: z.string(),
  name: z.string(),
  sessions: z.array(z.object({ id: z.string(), date: isoDate, start: z.string(), end: z.string(), topic: z.string(), jp: z.number() })),
  rule: z.object({ minAttendancePct: z.number(), minPostTest: z.number().nullable() }),
  rows: z.array(recapRow),
  totals: z.object({ participants: z.number().int(), passed: z.number().int(), notPassed: z.number().int() }),
});
export type EventRecap = z.infer<typeof eventRecap>;

export const employeeRecap = z.object({
  employeeId: z.string(),
  nip: z.string(),
  name: z.string(),
  year: z.number().int(),
  targetJp: z.number(),
  totalJp: z.number(),
  trainings: z.array(z.object({
    eventId: z.string(), name: z.string(), methodName: z.string(), startDate: isoDate.nullable(), endDate: isoDate.nullable(),
    attendancePct: z.number(), jp: z.number(), passed: z.boolean(),
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
