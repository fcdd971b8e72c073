import { ApiError } from '../../../shared/contract/errors.ts';
import type { EmployeeRecap, EventRecap } from '../../../shared/contract/attendance.ts';
import { completion, PRESENT_CODES, round2, STATUS_CODE } from '../../../shared/domain/jp.ts';
import { isEventFinished, isSessionOver, type EventStatusValue } from '../../../shared/domain/event-progress.ts';
import { formatNip } from '../../../shared/domain/nip.ts';
import { methodById } from '../../../shared/domain/methods.ts';
import { employeeRecapDoc, eventRecapDoc, RESULT_TEXT, trainingNote } from '../../../shared/pdf/recap.ts';
import type { Db } from '../db/open.ts';
import { getEmployee } from '../db/repos/employees.ts';
import { listRecords } from '../db/repos/records.ts';
import * as t from '../db/repos/trainings.ts';
import { MIME, writeXlsx } from '../import/write-table.ts';
import { renderPdf } from '../pdf/render.ts';
import type { Handlers } from './handlers.ts';
import { fileSlug, officeForDocuments, pdfFile, todayLong } from './documents.ts';
import { officeNow, requireEvent, toSession } from './events.ts';
import { targetOf } from './ledger.ts';
import { trainingRules } from './rules.ts';


/**
 * Participant × session grid, attendance %, JP earned and completion by the event's rule, as it
 * stands at `now`: until the last session is over (or the event is marked done) nobody has
 * passed or failed; each row is "belum selesai" with the attendance so far.
 */
export function eventRecap(db: Db, eventId: string, clock: string): EventRecap {
  const event = requireEvent(db, eventId);
  const sessions = t.listSessions(db, eventId).map(toSession);
  const over = sessions.map((s) => isSessionOver(s, clock));
  const finished = isEventFinished(event.status as EventStatusValue, over);
  const marks = new Map(t.marksOfEvent(db, eventId).map((m) => [`${m.sessionId}|${m.enrolmentId}`, m.status]));
  const rule = { minAttendancePct: event.minAttendancePct, minPostTest: event.minPostTest };
  const jps = sessions.map((s) => s.jp);
  const rows = t.listEnrolments(db, eventId, false).map((e) => {
    const statuses = sessions.map((s) => marks.get(`${s.id}|${e.id}`) ?? null);
    const c = completion(statuses, jps, rule, e.postTest, { over, finished });
    return {
      enrolmentId: e.id, employeeId: e.employeeId, nip: e.nip, name: e.name, unit: e.unit,
      codes: statuses.map((s) => (s ? STATUS_CODE[s] : '')),
      attended: c.attended, counted: c.counted, attendancePct: c.attendancePct, jp: c.jp, postTest: e.postTest,
      passed: c.passed, result: c.result, reasons: c.reasons,
      // Kept for the employee's view: what is still to come for this person.
      upcoming: c.upcoming,
    };
  });
  const count = (result: string) => rows.filter((r) => r.result === result).length;
  return {
    eventId, name: event.name,
    sessions: sessions.map((s, i) => ({ id: s.id, date: s.date, start: s.start, end: s.end, topic: s.topic, jp: s.jp, over: over[i]! })),
    rule, finished,
    rows: rows.map(({ upcoming: _u, ...r }) => r),
    totals: { participants: rows.length, passed: count('passed'), notPassed: count('not_passed'), pending: count('pending') },
  };
}


/**
 * The trainings an employee attended in a year, with the JP each gave, and the year's external
 * records, against the target of the employee's type. Counted as the 20 JP ledger counts
 * (services/ledger.ts): a training's JP (its sessions attended that year) are credited once it
 * is finished and passed; until it is finished they are planned, with the sessions still to come.
 */
export function employeeRecap(db: Db, employeeId: string, year: number, now: Date): EmployeeRecap {
  const employee = getEmployee(db, employeeId);
  if (!employee) throw new ApiError('NOT_FOUND', 'Pegawai tidak ditemukan.');
  const inYear = (date: string) => date.startsWith(`${year}-`);
  const clock = officeNow(db, now);
  const trainings = t.eventIdsOfEmployeeInYear(db, employeeId, year).map((id) => {
    const recap = eventRecap(db, id, clock);
    const event = t.getEvent(db, id)!;
    const row = recap.rows.find((r) => r.employeeId === employeeId)!;
    // A training across the new year gives each year the JP of its own sessions only.
    const jp = recap.sessions.reduce((a, s, i) => a + (inYear(s.date) && PRESENT_CODES.has(row.codes[i]!) ? s.jp : 0), 0);
    // Still to come: this year's sessions not over and not marked for this person, until the event is finished.
    const upcoming = recap.finished ? [] : recap.sessions.filter((s, i) => inYear(s.date) && !s.over && row.codes[i] === '');
    return {
      eventId: id, name: event.name, methodName: methodById(event.methodId)?.name ?? '', startDate: recap.sessions[0]?.date ?? null,
      endDate: recap.sessions.at(-1)?.date ?? null, attendancePct: row.attendancePct, jp: round2(jp), passed: row.passed, result: row.result, counted: row.counted,
      upcomingSessions: upcoming.length, upcomingJp: round2(upcoming.reduce((a, s) => a + s.jp, 0)), nextSessionDate: upcoming[0]?.date ?? null,
    };
  }).sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? ''));
  // Oldest first (the list itself is newest first).
  const external = listRecords(db, { year, employeeId, verified: 'all', terms: [], titleTerms: [] })
    .sort((a, b) => cmp(a.startDate, b.startDate) || cmp(a.endDate, b.endDate) || cmp(a.title, b.title))
    .map((r) => ({
      id: r.id, title: r.title, organiser: r.organiser, startDate: r.startDate, endDate: r.endDate, jp: r.jp, verified: r.verifiedAt !== null,
      methodName: methodById(r.methodId)?.name ?? '',
    }));
  const eventJp = round2(trainings.reduce((a, x) => a + (x.result === 'passed' ? x.jp : 0), 0));
  const externalJp = round2(external.reduce((a, x) => a + x.jp, 0));
  return {
    employeeId, nip: employee.nip, name: employee.name, year, targetJp: targetOf(trainingRules(db), employee.employmentType),
    totalJp: round2(eventJp + externalJp), eventJp, externalJp,
    plannedJp: round2(trainings.reduce((a, x) => a + (x.result === 'pending' ? x.jp + x.upcomingJp : 0), 0)),
    upcomingJp: round2(trainings.reduce((a, x) => a + x.upcomingJp, 0)),
    trainings, external,
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const xlsxFile = (fileName: string, data: Buffer) => ({ fileName, mimeType: MIME.xlsx, dataBase64: data.toString('base64') });


export const recapHandlers = {
  'recap.event': ({ eventId }, ctx) => eventRecap(ctx.db, eventId, officeNow(ctx.db, ctx.now())),

  'recap.eventFile': async ({ eventId, format }, ctx) => {
    const recap = eventRecap(ctx.db, eventId, officeNow(ctx.db, ctx.now()));
    const base = `rekap-${fileSlug(recap.name)}`;
    if (format === 'xlsx') {
      const headers = ['No', 'Nama', 'NIP', 'Unit', ...recap.sessions.map((s, i) => `Sesi ${i + 1} (${s.date})`), 'Hadir', '% Hadir', 'JP', 'Post-test', 'Keterangan'];
      const rows = recap.rows.map((r, i) => [String(i + 1), r.name, r.nip ?? '', r.unit ?? '', ...r.codes, String(r.attended), r.counted === 0 && !recap.finished ? '' : String(r.attendancePct), String(r.jp), r.postTest === null ? '' : String(r.postTest), RESULT_TEXT[r.result]]);
      return xlsxFile(`${base}.xlsx`, await writeXlsx({ sheetName: 'Rekap', headers, rows, textColumns: new Set([2]), numberColumns: new Set([0, ...[0, 1, 2, 3].map((k) => headers.length - 5 + k)]) }));
    }
    const office = officeForDocuments(ctx.db);
    const content = { office, recap, placeDate: `${office.place}, ${todayLong(ctx.now(), office.timezone)}` };
    // Two passes only when the last rows, the totals and the signature would not share a page (RecapLayout).
    let tailFits = true;
    const whole = await renderPdf(eventRecapDoc(content, { tailOnNewPage: false, probe: (fits) => { tailFits = fits; } }));
    return pdfFile(`${base}.pdf`, tailFits ? whole : await renderPdf(eventRecapDoc(content, { tailOnNewPage: true })));
  },

  'recap.employee': ({ employeeId, year }, ctx) => employeeRecap(ctx.db, employeeId, year, ctx.now()),

  'recap.employeeFile': async ({ employeeId, year, format }, ctx) => {
    const recap = employeeRecap(ctx.db, employeeId, year, ctx.now());
    const base = `riwayat-${fileSlug(recap.name)}-${year}`;
    if (format === 'xlsx') {
      const headers = ['No', 'Kegiatan', 'Jenis', 'Mulai', 'Selesai', '% Hadir', 'JP', 'Keterangan'];
      const rows = recap.trainings.map((x, i) => [String(i + 1), x.name, x.methodName, x.startDate ?? '', x.endDate ?? '', x.counted === 0 ? '' : String(x.attendancePct), String(x.jp), trainingNote(x)]);
      rows.push(...recap.external.map((x, i) => [String(recap.trainings.length + i + 1), x.title, x.methodName, x.startDate, x.endDate, '', String(x.jp),
        `Luar kantor${x.organiser ? ` (${x.organiser})` : ''}${x.verified ? '' : ', belum diverifikasi'}`]));
      rows.push(['', `Jumlah JP ${year} (NIP ${formatNip(recap.nip)})`, '', '', '', '', String(recap.totalJp), `Target ${recap.targetJp} JP`]);
      return xlsxFile(`${base}.xlsx`, await writeXlsx({ sheetName: 'Riwayat', headers, rows, numberColumns: new Set([0, 5, 6]) }));
    }
    const office = officeForDocuments(ctx.db);
    return pdfFile(`${base}.pdf`, await renderPdf(employeeRecapDoc({ office, recap, placeDate: `${office.place}, ${todayLong(ctx.now(), office.timezone)}` })));
  },
} satisfies Partial<Handlers>;
