// Recaps: per event the participant × session grid of codes, attendance %, JP earned for the
// sessions attended, and completion by the event's rule (attendance and post-test); per employee
// the year's trainings against 20 JP. Both as XLSX (read back with exceljs) and PDF (pdftotext).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceStatus } from '../../shared/domain/jp.ts';
import { formatNip } from '../../shared/domain/nip.ts';
import { SIGNER_NIP, removeTempDirs } from '../helpers/backend.ts';
import { readXlsx } from '../helpers/roster.ts';
import { addSession, createEvent, laterAt, pdfText, squash, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: TrainingOffice;
let eventId: string;
let sessionIds: string[];
const enrolmentOf: Record<string, string> = {};
let walkInId: string;

type Grid = (AttendanceStatus | null)[];
// Sessions: 5 + 4 + 5 + 3 + 2 = 19 JP.
const GRID: Record<'p1' | 'p2' | 'p3' | 'p4' | 'p5', { marks: Grid; postTest: number | null }> = {
  p1: { marks: ['hadir', 'hadir', 'terlambat', 'psw', 'hadir'], postTest: 85 }, // 100%: lulus
  p2: { marks: ['hadir', 'izin', 'sakit', 'hadir', 'hadir'], postTest: 90 }, // 60%: attendance
  p3: { marks: ['hadir', 'hadir', 'hadir', 'hadir', 'alpa'], postTest: 65 }, // 80% exactly, post-test too low
  p4: { marks: ['dinas_luar', 'cuti', 'alpa', null, 'hadir'], postTest: null }, // 20%, no post-test
  p5: { marks: ['hadir', 'hadir', 'hadir', 'hadir', 'hadir'], postTest: 70 }, // post-test exactly the minimum
};
const who = (key: keyof typeof GRID) => o.employees[Number(key.slice(1)) - 1]!;

beforeAll(async () => {
  o = await trainingOffice({ people: 7 });
  const event = await createEvent(o, { minAttendancePct: 80, minPostTest: 70 });
  eventId = event.id;
  sessionIds = [];
  for (const [date, start, end, topic] of [
    ['2026-11-25', '08:00', '12:00', 'SIAK'], ['2026-11-25', '13:00', '16:00', 'KTP-el'],
    ['2026-11-26', '08:00', '12:00', 'Kartu Keluarga'], ['2026-11-26', '13:00', '15:15', 'Akta'], ['2026-11-27', '08:00', '09:30', 'Evaluasi'],
  ] as const) sessionIds.push((await addSession(o, eventId, date, start, end, { topic })).id);
  await o.t.ok('enrolment.add', { eventId, employeeIds: o.employees.slice(0, 6).map((e) => e.id) }, o.token);
  for (const e of await o.t.ok('enrolment.list', { eventId }, o.token)) enrolmentOf[e.employeeId!] = e.id;
  walkInId = (await o.t.ok('enrolment.addWalkIn', { eventId, name: 'Hendra Wijaya', nip: '19900101 201903 1 001', institution: 'Kecamatan Kertapati' }, o.token)).id;
  for (const [key, { marks, postTest }] of Object.entries(GRID) as [keyof typeof GRID, (typeof GRID)[keyof typeof GRID]][]) {
    const enrolmentId = enrolmentOf[who(key).id]!;
    const paper = marks.map((status, i) => ({ i, status })).filter((m) => m.status !== null);
    for (const { i, status } of paper) await o.t.ok('attendance.mark', { sessionId: sessionIds[i]!, enrolmentId, status: status! }, o.token);
    await o.t.ok('enrolment.setScores', { id: enrolmentId, preTest: 50, postTest }, o.token);
  }
  for (const i of [0, 1, 2, 3]) await o.t.ok('attendance.mark', { sessionId: sessionIds[i]!, enrolmentId: walkInId, status: 'hadir' }, o.token);
  await o.t.ok('enrolment.setScores', { id: walkInId, preTest: null, postTest: 75 }, o.token);
  // The sixth employee attended, then withdrew: not in the recap.
  await o.t.ok('attendance.mark', { sessionId: sessionIds[0]!, enrolmentId: enrolmentOf[o.employees[5]!.id]!, status: 'hadir' }, o.token);
  await o.t.ok('enrolment.withdraw', { id: enrolmentOf[o.employees[5]!.id]!, reason: 'Pindah tugas' }, o.token);
  // The last session (27 November, 08:00–09:30 WIB) is over: completion is decided.
  // (Before that, everyone is "belum selesai": trainings-progress.test.ts.)
  await laterAt(o, '2026-11-27', '09:30');
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

describe('recap.event', () => {
  it('gives each participant a row of status codes, attendance %, JP of attended sessions and completion', async () => {
    const recap = await o.t.ok('recap.event', { eventId }, o.token);
    expect(recap).toMatchObject({ eventId, name: 'Bimbingan Teknis Administrasi Kependudukan', rule: { minAttendancePct: 80, minPostTest: 70 }, finished: true });
    expect(recap.sessions.every((s) => s.over)).toBe(true);
    expect(recap.sessions.map((s) => [s.date, s.start, s.end, s.topic, s.jp])).toEqual([
      ['2026-11-25', '08:00', '12:00', 'SIAK', 5], ['2026-11-25', '13:00', '16:00', 'KTP-el', 4],
      ['2026-11-26', '08:00', '12:00', 'Kartu Keluarga', 5], ['2026-11-26', '13:00', '15:15', 'Akta', 3], ['2026-11-27', '08:00', '09:30', 'Evaluasi', 2],
    ]);
    const row = (key: keyof typeof GRID) => recap.rows.find((r) => r.employeeId === who(key).id)!;
    const view = (r: (typeof recap.rows)[number]) => ({ codes: r.codes, attended: r.attended, pct: r.attendancePct, jp: r.jp, postTest: r.postTest, passed: r.passed, reasons: r.reasons });
    expect(view(row('p1'))).toEqual({ codes: ['H', 'H', 'TL', 'PSW', 'H'], attended: 5, pct: 100, jp: 19, postTest: 85, passed: true, reasons: [] });
    expect(view(row('p2'))).toEqual({ codes: ['H', 'I', 'S', 'H', 'H'], attended: 3, pct: 60, jp: 10, postTest: 90, passed: false, reasons: ['attendance'] });
    expect(view(row('p3'))).toEqual({ codes: ['H', 'H', 'H', 'H', 'A'], attended: 4, pct: 80, jp: 17, postTest: 65, passed: false, reasons: ['post_test'] });
    expect(view(row('p4'))).toEqual({ codes: ['DL', 'C', 'A', '', 'H'], attended: 1, pct: 20, jp: 2, postTest: null, passed: false, reasons: ['attendance', 'post_test'] });
    expect(view(row('p5'))).toEqual({ codes: ['H', 'H', 'H', 'H', 'H'], attended: 5, pct: 100, jp: 19, postTest: 70, passed: true, reasons: [] });
    const guest = recap.rows.find((r) => r.enrolmentId === walkInId)!;
    expect(guest).toMatchObject({ employeeId: null, nip: '199001012019031001', name: 'Hendra Wijaya', unit: 'Kecamatan Kertapati', codes: ['H', 'H', 'H', 'H', ''], attendancePct: 80, jp: 17, passed: true });
    expect(row('p1')).toMatchObject({ nip: who('p1').nip, name: who('p1').displayName, unit: who('p1').unit });
    expect(recap.rows).toHaveLength(6);
    expect(recap.rows.some((r) => r.employeeId === o.employees[5]!.id)).toBe(false);
    expect(recap.totals).toEqual({ participants: 6, passed: 3, notPassed: 3, pending: 0 });
    expect(recap.rows.map((r) => [r.result, r.counted])).toEqual(recap.rows.map((r) => [r.passed ? 'passed' : 'not_passed', 5]));
  });

  it('follows a JP override and a changed pass rule', async () => {
    const s5 = (await o.t.ok('events.get', { id: eventId }, o.token)).sessions[4]!;
    await o.t.ok('sessions.update', { id: s5.id, date: s5.date, start: s5.start, end: s5.end, topic: s5.topic, speaker: '', jpOverride: 1, jpOverrideReason: 'Hanya evaluasi' }, o.token);
    const recap = await o.t.ok('recap.event', { eventId }, o.token);
    expect(recap.rows.find((r) => r.employeeId === who('p4').id)!.jp).toBe(1);
    expect(recap.rows.find((r) => r.employeeId === who('p1').id)!.jp).toBe(18);
    await o.t.ok('sessions.update', { id: s5.id, date: s5.date, start: s5.start, end: s5.end, topic: s5.topic, speaker: '', jpOverride: null }, o.token);

    const { id, methodName: _m, status: _s, sessions: _x, enrolled: _n, totalJp: _t, startDate: _a, endDate: _b, createdAt: _c, updatedAt: _u, updatedBy: _y, origin: _o, ...fields } = await o.t.ok('events.get', { id: eventId }, o.token);
    await o.t.ok('events.update', { id, ...fields, minAttendancePct: 60, minPostTest: null }, o.token);
    const relaxed = await o.t.ok('recap.event', { eventId }, o.token);
    expect(relaxed.totals).toEqual({ participants: 6, passed: 5, notPassed: 1, pending: 0 });
    await o.t.ok('events.update', { id, ...fields }, o.token);
    expect((await o.t.ok('recap.event', { eventId }, o.token)).totals.passed).toBe(3);
    await o.t.fails('recap.event', { eventId: '019a0000-0000-7000-8000-0000000000ef' }, 'NOT_FOUND', o.token);
  });

  it('exports the grid as XLSX with the NIP column as text', async () => {
    const file = await o.t.ok('recap.eventFile', { eventId, format: 'xlsx' }, o.token);
    expect(file.fileName).toBe('rekap-bimbingan-teknis-administrasi-kependudukan.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const ws = (await readXlsx(Buffer.from(file.dataBase64, 'base64'))).getWorksheet('Rekap')!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['No', 'Nama', 'NIP', 'Unit', 'Sesi 1 (2026-11-25)', 'Sesi 2 (2026-11-25)', 'Sesi 3 (2026-11-26)', 'Sesi 4 (2026-11-26)', 'Sesi 5 (2026-11-27)', 'Hadir', '% Hadir', 'JP', 'Post-test', 'Keterangan']);
    expect(ws.rowCount).toBe(7);
    expect(ws.getColumn(3).numFmt).toBe('@');
    const byNip = new Map<string, unknown[]>();
    for (let r = 2; r <= ws.rowCount; r++) {
      const nip = ws.getRow(r).getCell(3);
      expect(nip.type, `row ${r}`).toBe(ExcelJS.ValueType.String);
      expect(nip.value).toMatch(/^\d{18}$/);
      byNip.set(nip.value as string, values(r));
    }
    expect(byNip.get(who('p1').nip)!.slice(1)).toEqual([who('p1').displayName, who('p1').nip, who('p1').unit, 'H', 'H', 'TL', 'PSW', 'H', 5, 100, 19, 85, 'Lulus']);
    expect(byNip.get(who('p4').nip)!.slice(4)).toEqual(['DL', 'C', 'A', '', 'H', 1, 20, 2, '', 'Tidak memenuhi syarat']);
    expect(byNip.get('199001012019031001')!.slice(1, 4)).toEqual(['Hendra Wijaya', '199001012019031001', 'Kecamatan Kertapati']);
  });

  it('exports the grid as a landscape PDF with the rule, codes, results and the Camat\'s signature', async () => {
    const file = await o.t.ok('recap.eventFile', { eventId, format: 'pdf' }, o.token);
    expect(file.fileName).toBe('rekap-bimbingan-teknis-administrasi-kependudukan.pdf');
    const text = pdfText(file.dataBase64);
    const flat = squash(text);
    expect(flat).toContain('REKAPITULASI KEHADIRAN DAN KELULUSAN');
    expect(flat).toContain('Syarat lulus: kehadiran minimal 80%, nilai post-test minimal 70. Peserta 6, lulus 3, tidak memenuhi syarat (TMS) 3.');
    expect(text).toMatch(new RegExp(`${who('p2').displayName}\\s+H\\s+I\\s+S\\s+H\\s+H\\s+60\\s+10\\s+TMS`));
    expect(text).toMatch(new RegExp(`${who('p4').displayName}\\s+DL\\s+C\\s+A\\s+·\\s+H\\s+20\\s+2\\s+TMS`));
    expect(text).toMatch(/Hendra Wijaya\s+H\s+H\s+H\s+H\s+·\s+80\s+17\s+Lulus/);
    for (const key of Object.keys(GRID) as (keyof typeof GRID)[]) expect(text).toContain(formatNip(who(key).nip));
    // The session key in Indonesian dates and times, never ISO.
    expect(flat).toContain('S1: 25 November 2026, 08.00–12.00 WIB, SIAK (5 JP)');
    expect(flat).toContain('S5: 27 November 2026, 08.00–09.30 WIB, Evaluasi (2 JP)');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/Hadir per sesi\s+5\s+4\s+4\s+5\s+4/);
    expect(flat).toContain('Plaju, 27 November 2026');
    expect(flat).toContain(`Drs. H. Camat Plaju NIP ${SIGNER_NIP}`);
  });
});

describe('recap.employee', () => {
  beforeAll(async () => {
    // p1 also attended a seminar in 2026 (4 JP) and a course in 2025 (not this year).
    const seminar = await createEvent(o, { name: 'Seminar Pelayanan Publik', methodId: 9, competencyType: 'manajerial' });
    const s = await addSession(o, seminar.id, '2026-03-10', '08:00', '12:00');
    const old = await createEvent(o, { name: 'Kursus Arsip 2025', methodId: 11 });
    const so = await addSession(o, old.id, '2025-06-10', '08:00', '12:00');
    const cancelled = await createEvent(o, { name: 'Bimtek Batal' });
    const sc = await addSession(o, cancelled.id, '2026-05-10', '08:00', '12:00');
    for (const [ev, session] of [[seminar, s], [old, so], [cancelled, sc]] as const) {
      await o.t.ok('enrolment.add', { eventId: ev.id, employeeIds: [who('p1').id] }, o.token);
      const [en] = await o.t.ok('enrolment.list', { eventId: ev.id }, o.token);
      await o.t.ok('attendance.mark', { sessionId: session.id, enrolmentId: en!.id, status: 'hadir' }, o.token);
    }
    await o.t.ok('events.setStatus', { id: cancelled.id, status: 'batal' }, o.token);
  });

  it('lists the year\'s trainings with their JP, against the 20 JP target', async () => {
    const p1 = await o.t.ok('recap.employee', { employeeId: who('p1').id, year: 2026 }, o.token);
    expect(p1).toMatchObject({ employeeId: who('p1').id, nip: who('p1').nip, name: who('p1').name, year: 2026, targetJp: 20, totalJp: 23 });
    expect(p1.trainings).toEqual([
      { eventId: expect.any(String), name: 'Seminar Pelayanan Publik', methodName: 'Seminar', startDate: '2026-03-10', endDate: '2026-03-10', attendancePct: 100, jp: 4, passed: true, result: 'passed', counted: 1, upcomingSessions: 0, upcomingJp: 0, nextSessionDate: null },
      { eventId, name: 'Bimbingan Teknis Administrasi Kependudukan', methodName: 'Bimbingan Teknis', startDate: '2026-11-25', endDate: '2026-11-27', attendancePct: 100, jp: 19, passed: true, result: 'passed', counted: 5, upcomingSessions: 0, upcomingJp: 0, nextSessionDate: null },
    ]);
    expect(p1.upcomingJp).toBe(0);
    expect((await o.t.ok('recap.employee', { employeeId: who('p1').id, year: 2025 }, o.token))).toMatchObject({ totalJp: 5, trainings: [{ name: 'Kursus Arsip 2025', jp: 5 }] });
    // Not passed (20% attendance): the 2 JP attended are shown, but not credited toward the target.
    const p4 = await o.t.ok('recap.employee', { employeeId: who('p4').id, year: 2026 }, o.token);
    expect(p4).toMatchObject({ totalJp: 0, eventJp: 0, plannedJp: 0, trainings: [{ eventId, attendancePct: 20, jp: 2, passed: false }] });
    expect(await o.t.ok('recap.employee', { employeeId: o.employees[6]!.id, year: 2026 }, o.token)).toMatchObject({ totalJp: 0, trainings: [] });
    await o.t.fails('recap.employee', { employeeId: '019a0000-0000-7000-8000-0000000000ef', year: 2026 }, 'NOT_FOUND', o.token);
  });

  it('counts a training that crosses the new year in each year only for the sessions held in it', async () => {
    const e = await createEvent(o, { name: 'Diklat Akhir Tahun' });
    const dec = await addSession(o, e.id, '2026-12-30', '08:00', '12:00'); // 5 JP
    const jan = await addSession(o, e.id, '2027-01-04', '08:00', '11:00'); // 4 JP
    const person = o.employees[6]!;
    await o.t.ok('enrolment.add', { eventId: e.id, employeeIds: [person.id] }, o.token);
    const [en] = await o.t.ok('enrolment.list', { eventId: e.id }, o.token);
    for (const s of [dec, jan]) await o.t.ok('attendance.mark', { sessionId: s.id, enrolmentId: en!.id, status: 'hadir' }, o.token);
    // Not finished yet: each year's JP are planned, none credited.
    const planned = async (year: number) => (await o.t.ok('recap.employee', { employeeId: person.id, year }, o.token));
    expect([await planned(2026), await planned(2027)].map((r) => [r.totalJp, r.plannedJp])).toEqual([[0, 5], [0, 4]]);
    // Marked done: completion is final (100% attended), and each year is credited its own sessions.
    await o.t.ok('events.setStatus', { id: e.id, status: 'selesai' }, o.token);
    const y2026 = await o.t.ok('recap.employee', { employeeId: person.id, year: 2026 }, o.token);
    const y2027 = await o.t.ok('recap.employee', { employeeId: person.id, year: 2027 }, o.token);
    expect(y2026.totalJp).toBe(5);
    expect(y2027.totalJp).toBe(4);
    expect(y2026.totalJp + y2027.totalJp).toBe((await o.t.ok('recap.event', { eventId: e.id }, o.token)).rows[0]!.jp);
    // The same figure the enrolment screen uses for "fewest JP this year".
    const other = await createEvent(o);
    await addSession(o, other.id, '2027-02-01', '08:00', '12:00');
    const candidates = await o.t.ok('enrolment.candidates', { eventId: other.id }, o.token);
    expect(candidates.find((c) => c.employeeId === person.id)!.jpThisYear).toBe(y2027.totalJp);
  });

  it('exports as XLSX and as PDF', async () => {
    const xlsx = await o.t.ok('recap.employeeFile', { employeeId: who('p1').id, year: 2026, format: 'xlsx' }, o.token);
    expect(xlsx.fileName).toMatch(/^riwayat-.+-2026\.xlsx$/);
    const ws = (await readXlsx(Buffer.from(xlsx.dataBase64, 'base64'))).getWorksheet('Riwayat')!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['No', 'Kegiatan', 'Jenis', 'Mulai', 'Selesai', '% Hadir', 'JP', 'Keterangan']);
    expect(values(2)).toEqual([1, 'Seminar Pelayanan Publik', 'Seminar', '2026-03-10', '2026-03-10', 100, 4, 'Lulus']);
    expect(values(3)).toEqual([2, 'Bimbingan Teknis Administrasi Kependudukan', 'Bimbingan Teknis', '2026-11-25', '2026-11-27', 100, 19, 'Lulus']);
    expect(values(4)).toEqual(['', `Jumlah JP 2026 (NIP ${formatNip(who('p1').nip)})`, '', '', '', '', 23, 'Target 20 JP']);

    const met = squash(pdfText((await o.t.ok('recap.employeeFile', { employeeId: who('p1').id, year: 2026, format: 'pdf' }, o.token)).dataBase64));
    expect(met).toContain('RIWAYAT PENGEMBANGAN KOMPETENSI TAHUN 2026');
    expect(met).toContain(`NIP : ${formatNip(who('p1').nip)}`);
    expect(met).toMatch(/Seminar Pelayanan Publik Seminar 10 Maret 2026 100 4 Lulus/);
    expect(met).toMatch(/Bimbingan Teknis Administrasi Bimbingan Teknis 25 November 2026 100 19 Lulus Kependudukan s\.d\. 27 November 2026/);
    expect(met).toContain('Jumlah 23');
    expect(met).toContain('Target terpenuhi: 23 dari 20 JP.');
    expect(met).toContain(`Drs. H. Camat Plaju NIP ${SIGNER_NIP}`);
    const short = squash(pdfText((await o.t.ok('recap.employeeFile', { employeeId: who('p4').id, year: 2026, format: 'pdf' }, o.token)).dataBase64));
    // The TMS training shows its 2 JP attended, and the sum says they are not credited.
    expect(short).toContain('Target belum terpenuhi: 0 dari 20 JP (kurang 20 JP).');
    expect(short).toContain('JP kegiatan dihitung setelah kegiatan selesai dan peserta lulus.');
    expect(short).toContain('TMS');
  });
});
