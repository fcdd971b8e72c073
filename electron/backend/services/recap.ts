import { ApiError } from '../../../shared/contract/errors.ts';
import type { EmployeeRecap, EventRecap } from '../../../shared/contract/attendance.ts';
import { completion, PRESENT_STATUSES, round2, STATUS_CODE } from '../../../shared/domain/jp.ts';
import { formatNip } from '../../../shared/domain/nip.ts';
import { methodById } from '../../../shared/domain/methods.ts';
import { employeeRecapDoc, eventRecapDoc } from '../../../shared/pdf/recap.ts';
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';
import { getEmployee } from '../db/repos/employees.ts';
import * as t from '../db/repos/trainings.ts';
import { MIME, writeXlsx } from '../import/write-table.ts';
import { renderPdf } from '../pdf/render.ts';
import type { Handlers } from './handlers.ts';
import { fileSlug, officeForDocuments, pdfFile, todayLong } from './documents.ts';
import { requireEvent, toSession } from './events.ts';
import { trainingRules } from './rules.ts';


/** Participant × session grid, attendance %, JP earned and completion by the event's rule. */
export function eventRecap(db: Db, eventId: string): EventRecap {
  const event = requireEvent(db, eventId);
  const sessions = t.listSessions(db, eventId).map(toSession);
  const marks = new Map(t.marksOfEvent(db, eventId).map((m) => [`${m.sessionId}|${m.enrolmentId}`, m.status]));
  const rule = { minAttendancePct: event.minAttendancePct, minPostTest: event.minPostTest };
  const jps = sessions.map((s) => s.jp);
  const rows = t.listEnrolments(db, eventId, false).map((e) => {
    const statuses = sessions.map((s) => marks.get(`${s.id}|${e.id}`) ?? null);
    const c = completion(statuses, jps, rule, e.postTest);
    return {
      enrolmentId: e.id, employeeId: e.employeeId, nip: e.nip, name: e.name, unit: e.unit,
      codes: statuses.map((s) => (s ? STATUS_CODE[s] : '')),
      attended: c.attended, attendancePct: c.attendancePct, jp: c.jp, postTest: e.postTest, passed: c.passed, reasons: c.reasons,
    };
  });
  const passed = rows.filter((r) => r.passed).length;
  return {
    eventId, name: event.name,
    sessions: sessions.map((s) => ({ id: s.id, date: s.date, start: s.start, end: s.end, topic: s.topic, jp: s.jp })),
    rule, rows, totals: { participants: rows.length, passed, notPassed: rows.length - passed },
  };
}

const PRESENT_CODES = new Set<string>(PRESENT_STATUSES.map((s) => STATUS_CODE[s]));

/** The trainings an employee attended in a year, with the JP each gave, against the 20 JP target. */
export function employeeRecap(db: Db, employeeId: string, year: number): EmployeeRecap {
  const employee = getEmployee(db, employeeId);
  if (!employee) throw new ApiError('NOT_FOUND', 'Pegawai tidak ditemukan.');
  const events = sql(db, `SELECT DISTINCT n.event_id AS id FROM enrolments n JOIN event_sessions s ON s.event_id = n.event_id JOIN events e ON e.id = n.event_id
    WHERE n.employee_id = ? AND n.status = 'terdaftar' AND n.deleted_at IS NULL AND s.deleted_at IS NULL AND e.deleted_at IS NULL
      AND e.status <> 'batal' AND substr(s.date, 1, 4) = ?`).all(employeeId, String(year)) as { id: string }[];
  const trainings = events.map(({ id }) => {
    const recap = eventRecap(db, id);
    const event = t.getEvent(db, id)!;
    const row = recap.rows.find((r) => r.employeeId === employeeId)!;
    // A training across the new year gives each year the JP of its own sessions only.
    const jp = recap.sessions.reduce((a, s, i) => a + (s.date.startsWith(`${year}-`) && PRESENT_CODES.has(row.codes[i]!) ? s.jp : 0), 0);
    return {
      eventId: id, name: event.name, methodName: methodById(event.methodId)?.name ?? '', startDate: recap.sessions[0]?.date ?? null,
      endDate: recap.sessions.at(-1)?.date ?? null, attendancePct: row.attendancePct, jp: round2(jp), passed: row.passed,
    };
  }).sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? ''));
  return {
    employeeId, nip: employee.nip, name: employee.name, year, targetJp: trainingRules(db).jpTargetPerYear,
    totalJp: round2(trainings.reduce((a, x) => a + x.jp, 0)), trainings,
  };
}

const xlsxFile = (fileName: string, data: Buffer) => ({ fileName, mimeType: MIME.xlsx, dataBase64: data.toString('base64') });
const yesNo = (passed: boolean) => (passed ? 'Lulus' : 'Tidak memenuhi syarat');

export const recapHandlers = {
  'recap.event': ({ eventId }, ctx) => eventRecap(ctx.db, eventId),

  'recap.eventFile': async ({ eventId, format }, ctx) => {
    const recap = eventRecap(ctx.db, eventId);
    const base = `rekap-${fileSlug(recap.name)}`;
    if (format === 'xlsx') {
      const headers = ['No', 'Nama', 'NIP', 'Unit', ...recap.sessions.map((s, i) => `Sesi ${i + 1} (${s.date})`), 'Hadir', '% Hadir', 'JP', 'Post-test', 'Keterangan'];
      const rows = recap.rows.map((r, i) => [String(i + 1), r.name, r.nip ?? '', r.unit ?? '', ...r.codes, String(r.attended), String(r.attendancePct), String(r.jp), r.postTest === null ? '' : String(r.postTest), yesNo(r.passed)]);
      return xlsxFile(`${base}.xlsx`, await writeXlsx({ sheetName: 'Rekap', headers, rows, textColumns: new Set([2]), numberColumns: new Set([0, ...[0, 1, 2, 3].map((k) => headers.length - 5 + k)]) }));
    }
    const office = officeForDocuments(ctx.db);
    return pdfFile(`${base}.pdf`, await renderPdf(eventRecapDoc({ office, recap, placeDate: `${office.place}, ${todayLong(ctx.now(), office.timezone)}` })));
  },

  'recap.employee': ({ employeeId, year }, ctx) => employeeRecap(ctx.db, employeeId, year),

  'recap.employeeFile': async ({ employeeId, year, format }, ctx) => {
    const recap = employeeRecap(ctx.db, employeeId, year);
    const base = `riwayat-${fileSlug(recap.name)}-${year}`;
    if (format === 'xlsx') {
      const headers = ['No', 'Kegiatan', 'Jenis', 'Mulai', 'Selesai', '% Hadir', 'JP', 'Keterangan'];
      const rows = recap.trainings.map((x, i) => [String(i + 1), x.name, x.methodName, x.startDate ?? '', x.endDate ?? '', String(x.attendancePct), String(x.jp), yesNo(x.passed)]);
      rows.push(['', `Jumlah JP ${year} (NIP ${formatNip(recap.nip)})`, '', '', '', '', String(recap.totalJp), `Target ${recap.targetJp} JP`]);
      return xlsxFile(`${base}.xlsx`, await writeXlsx({ sheetName: 'Riwayat', headers, rows, numberColumns: new Set([0, 5, 6]) }));
    }
    const office = officeForDocuments(ctx.db);
    return pdfFile(`${base}.pdf`, await renderPdf(employeeRecapDoc({ office, recap, placeDate: `${office.place}, ${todayLong(ctx.now(), office.timezone)}` })));
  },
} satisfies Partial<Handlers>;
