// An event as it really goes (issue #9): planned, under way from its first session's start (or
// its first attendance mark), "belum selesai" in every recap until the last session is over or
// the clerk marks it done, then "Tandai selesai" offered. The year's 20 JP count only sessions
// attended and say what is still to come. The clock is the office's (WIB unless said).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/backend/services/context.ts';
import { eventHandlers } from '../../electron/backend/services/events.ts';
import { searchTerms } from '../../shared/domain/search.ts';
import { ADMIN, dbFile, login, removeTempDirs } from '../helpers/backend.ts';
import { readXlsx } from '../helpers/roster.ts';
import {
  addSession, createEvent, journalAfter, journalOf, lastSeq, laterAt, ops, pdfPagePng, pdfPages, pdfText, setLocalClock, squash, trainingOffice,
  type TrainingOffice,
} from '../helpers/trainings.ts';
import { RECAP_TAIL_ROWS } from '../../shared/pdf/recap.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let o: TrainingOffice;

beforeAll(async () => {
  o = await trainingOffice({ people: 12 });
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

const get = (id: string) => o.t.ok('events.get', { id }, o.token);
const listed = async (id: string, filter: { year?: number; status?: 'direncanakan' | 'berlangsung' | 'selesai' | 'batal' } = {}) =>
  (await o.t.ok('events.list', filter, o.token)).find((e) => e.id === id);
const storedStatus = (id: string) => o.db.prepare('SELECT status FROM events WHERE id = ?').pluck().get(id);
const itemStatus = async (id: string) => (await o.t.ok('programme.list', { year: 2026 }, o.token)).find((i) => i.id === id)!.status;

async function xlsxRows(dataBase64: string, sheet: string): Promise<unknown[][]> {
  const ws = (await readXlsx(Buffer.from(dataBase64, 'base64'))).getWorksheet(sheet)!;
  const rows: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
  return rows;
}

describe('a four-session event, from planned to finished', () => {
  // 1–4 December 2026: 5 + 5 + 5 + 4 = 19 JP; pass mark 75%.
  const SESSIONS = [['2026-12-01', '08:00', '12:00', 'Tata naskah'], ['2026-12-02', '08:00', '12:00', 'Arsip dinamis'], ['2026-12-03', '08:00', '12:00', 'Arsip digital'], ['2026-12-04', '08:00', '11:00', 'Praktik']] as const;
  let eventId: string;
  let itemId: string;
  let sessionIds: string[];
  const enrolmentOf: string[] = [];
  const person = (i: number) => o.employees[i]!;

  beforeAll(async () => {
    const item = await o.t.ok('programme.create', {
      year: 2026, title: 'Bimtek Kearsipan', competencyType: 'teknis', methodId: 8, organiser: 'kantor', plannedMonth: 12, targetCount: 5, plannedJp: 19, budget: 0, funding: 'tanpa',
    }, o.token);
    itemId = item.id;
    const event = await createEvent(o, { programmeItemId: itemId, name: 'Bimtek Kearsipan', minAttendancePct: 75 });
    eventId = event.id;
    sessionIds = [];
    for (const [date, start, end, topic] of SESSIONS) sessionIds.push((await addSession(o, eventId, date, start, end, { topic })).id);
    await o.t.ok('enrolment.add', { eventId, employeeIds: [0, 1, 2, 3, 4].map((i) => person(i).id) }, o.token);
    const list = await o.t.ok('enrolment.list', { eventId }, o.token);
    for (const i of [0, 1, 2, 3, 4]) enrolmentOf[i] = list.find((e) => e.employeeId === person(i).id)!.id;
  });

  it('is Direncanakan until its first session starts, then Berlangsung: read so, nothing written', async () => {
    await laterAt(o, '2026-12-01', '07:59');
    expect(await get(eventId)).toMatchObject({ status: 'direncanakan', sessionsOver: 0, readyToFinish: false });
    expect((await listed(eventId, { status: 'direncanakan' }))?.status).toBe('direncanakan');

    await laterAt(o, '2026-12-01', '08:00');
    const seq = lastSeq(o.db);
    expect(await get(eventId)).toMatchObject({ status: 'berlangsung', sessionsOver: 0, readyToFinish: false });
    expect(await listed(eventId, { status: 'berlangsung', year: 2026 })).toMatchObject({ status: 'berlangsung' });
    expect(await listed(eventId, { status: 'direncanakan' })).toBeUndefined();
    // Derived when read: the row and the journal are untouched, and the plan item keeps its step.
    expect(storedStatus(eventId)).toBe('direncanakan');
    expect(journalAfter(o.db, seq)).toEqual([]);
    expect(await itemStatus(itemId)).toBe('terjadwal');
  });

  it('after the first session the recap says "belum selesai" for everyone: contract, PDF and XLSX', async () => {
    await laterAt(o, '2026-12-01', '08:05');
    for (const i of [0, 1, 2]) expect((await o.t.ok('attendance.scan', { sessionId: sessionIds[0]!, input: person(i).nip }, o.token)).mark?.status).toBe('hadir');
    await o.t.ok('attendance.mark', { sessionId: sessionIds[0]!, enrolmentId: enrolmentOf[3]!, status: 'izin', note: 'Surat izin' }, o.token);
    await o.t.ok('attendance.mark', { sessionId: sessionIds[0]!, enrolmentId: enrolmentOf[4]!, status: 'alpa' }, o.token);
    await laterAt(o, '2026-12-01', '12:30');

    const recap = await o.t.ok('recap.event', { eventId }, o.token);
    expect(recap.finished).toBe(false);
    expect(recap.sessions.map((s) => s.over)).toEqual([true, false, false, false]);
    expect(recap.totals).toEqual({ participants: 5, passed: 0, notPassed: 0, pending: 5 });
    expect(recap.rows.every((r) => r.result === 'pending' && !r.passed && r.reasons.length === 0)).toBe(true);
    const row = (i: number) => recap.rows.find((r) => r.employeeId === person(i).id)!;
    // Attendance so far: one session held.
    expect(row(0)).toMatchObject({ codes: ['H', '', '', ''], attended: 1, counted: 1, attendancePct: 100, jp: 5 });
    expect(row(3)).toMatchObject({ codes: ['I', '', '', ''], attended: 0, counted: 1, attendancePct: 0, jp: 0 });
    expect(row(4)).toMatchObject({ codes: ['A', '', '', ''], attended: 0, counted: 1, attendancePct: 0, jp: 0 });

    const pdf = await o.t.ok('recap.eventFile', { eventId, format: 'pdf' }, o.token);
    const text = pdfText(pdf.dataBase64);
    const flat = squash(text);
    expect(flat).toContain('Kegiatan belum selesai: 1 dari 4 sesi sudah berlangsung. Kelulusan 5 peserta ditetapkan setelah sesi terakhir (4 Desember 2026); % hadir dihitung dari sesi sejauh ini.');
    for (const i of [0, 1, 2]) expect(text).toMatch(new RegExp(`${person(i).displayName}\\s+H\\s+·\\s+·\\s+·\\s+100\\s+5\\s+Belum selesai`));
    expect(text).toMatch(new RegExp(`${person(3).displayName}\\s+I\\s+·\\s+·\\s+·\\s+0\\s+0\\s+Belum selesai`));
    expect(text).not.toMatch(/TMS|Tidak memenuhi syarat|Lulus\b/);
    expect(text).toMatch(/Hadir per sesi\s+3\s+–\s+–\s+–/);
    expect(flat).toContain('S1: 1 Desember 2026, 08.00–12.00 WIB, Tata naskah (5 JP)');
    expect(flat).toContain('S4: 4 Desember 2026, 08.00–11.00 WIB, Praktik (4 JP, belum berlangsung)');

    const xlsx = await xlsxRows((await o.t.ok('recap.eventFile', { eventId, format: 'xlsx' }, o.token)).dataBase64, 'Rekap');
    expect(xlsx[0]!.at(-1)).toBe('Keterangan');
    expect(xlsx.slice(1).map((r) => r.at(-1))).toEqual(Array(5).fill('Belum selesai'));
    const xRow = (i: number) => xlsx.find((r) => r[2] === person(i).nip)!;
    expect(xRow(0).slice(4)).toEqual(['H', '', '', '', 1, 100, 5, '', 'Belum selesai']);
    expect(xRow(4).slice(4)).toEqual(['A', '', '', '', 0, 0, 0, '', 'Belum selesai']);

    expect(await get(eventId)).toMatchObject({ status: 'berlangsung', sessionsOver: 1, readyToFinish: false });
  });

  it('the year\'s 20 JP credit a training once it is finished; until then it is planned, saying what is still to come', async () => {
    const p0 = await o.t.ok('recap.employee', { employeeId: person(0).id, year: 2026 }, o.token);
    expect(p0).toMatchObject({ totalJp: 0, plannedJp: 19, upcomingJp: 14, targetJp: 20 });
    expect(p0.trainings).toEqual([{
      eventId, name: 'Bimtek Kearsipan', methodName: 'Bimbingan Teknis', startDate: '2026-12-01', endDate: '2026-12-04',
      attendancePct: 100, jp: 5, passed: false, result: 'pending', counted: 1, upcomingSessions: 3, upcomingJp: 14, nextSessionDate: '2026-12-02',
    }]);
    expect((await o.t.ok('recap.employee', { employeeId: person(3).id, year: 2026 }, o.token)).trainings[0]).toMatchObject({ jp: 0, attendancePct: 0, result: 'pending', upcomingSessions: 3 });

    // During the second session: scanned in, it counts; not yet scanned, it is still to come.
    await laterAt(o, '2026-12-02', '08:10');
    await o.t.ok('attendance.scan', { sessionId: sessionIds[1]!, input: person(0).nip }, o.token);
    const during = await o.t.ok('recap.employee', { employeeId: person(0).id, year: 2026 }, o.token);
    expect(during).toMatchObject({ totalJp: 0, plannedJp: 19, upcomingJp: 9 });
    expect(during.trainings[0]).toMatchObject({ jp: 10, counted: 2, attendancePct: 100, upcomingSessions: 2, upcomingJp: 9, nextSessionDate: '2026-12-03' });
    expect((await o.t.ok('recap.employee', { employeeId: person(1).id, year: 2026 }, o.token)).trainings[0]).toMatchObject({ jp: 5, counted: 1, upcomingSessions: 3 });
    // The figure the enrolment screen sorts by is the same JP credited: none before the training is finished.
    const other = await createEvent(o, { name: 'Sosialisasi SIASN' });
    await addSession(o, other.id, '2026-12-15', '08:00', '10:00');
    const candidates = await o.t.ok('enrolment.candidates', { eventId: other.id }, o.token);
    expect(candidates.find((c) => c.employeeId === person(0).id)!.jpThisYear).toBe(0);

    const xlsx = await xlsxRows((await o.t.ok('recap.employeeFile', { employeeId: person(0).id, year: 2026, format: 'xlsx' }, o.token)).dataBase64, 'Riwayat');
    expect(xlsx[1]).toEqual([1, 'Bimtek Kearsipan', 'Bimbingan Teknis', '2026-12-01', '2026-12-04', 100, 10, 'Belum selesai: 2 sesi lagi (9 JP), berikutnya 3 Desember 2026']);
    const pdf = squash(pdfText((await o.t.ok('recap.employeeFile', { employeeId: person(0).id, year: 2026, format: 'pdf' }, o.token)).dataBase64));
    // The Ket. column wraps: "Belum selesai / 2 sesi lagi (9 JP), / mulai 3 Desember 2026".
    expect(pdf).toMatch(/Bimtek Kearsipan Bimbingan Teknis 1 Desember 2026 100 10 Belum selesai .*2 sesi lagi \(9 JP\), .*mulai 3 Desember 2026/);
    expect(pdf).toContain('Target belum terpenuhi: 0 dari 20 JP (kurang 20 JP).');
    expect(pdf).toContain('Pelatihan yang sedang berjalan direncanakan memberi 19 JP tahun ini, termasuk sesi yang belum berlangsung senilai 9 JP (belum dihitung).');
    expect(pdf).not.toContain('TMS');
  });

  it('completion is decided when the last session is over, and "Tandai selesai" is offered', async () => {
    // The paper sheets of sessions 2–4, typed in after each (person 0 was scanned into session 2).
    const paper: Record<number, string[]> = { 1: ['hadir', 'alpa', 'hadir'], 2: ['alpa', 'alpa', 'hadir'], 3: ['hadir', 'hadir', 'hadir'], 4: ['sakit', 'sakit', 'sakit'] };
    const typeIn = async (k: number) => {
      const marks = Object.entries(paper).map(([i, statuses]) => ({ enrolmentId: enrolmentOf[Number(i)]!, status: statuses[k] as 'hadir', note: '' }));
      if (k > 0) marks.push({ enrolmentId: enrolmentOf[0]!, status: 'hadir', note: '' });
      await o.t.ok('attendance.paperEntry', { sessionId: sessionIds[k + 1]!, marks }, o.token);
    };
    await laterAt(o, '2026-12-03', '13:00');
    await typeIn(0);
    await typeIn(1);
    // A minute before the last session ends, its sheet typed in already: still not decided.
    await laterAt(o, '2026-12-04', '10:59');
    await typeIn(2);
    const before = await o.t.ok('recap.event', { eventId }, o.token);
    expect(before).toMatchObject({ finished: false, totals: { pending: 5, passed: 0, notPassed: 0 } });
    expect(await get(eventId)).toMatchObject({ status: 'berlangsung', sessionsOver: 3, readyToFinish: false });

    await laterAt(o, '2026-12-04', '11:00');
    const recap = await o.t.ok('recap.event', { eventId }, o.token);
    expect(recap.finished).toBe(true);
    const view = (i: number) => {
      const r = recap.rows.find((x) => x.employeeId === person(i).id)!;
      return [r.codes.join(' '), r.attendancePct, r.jp, r.result, r.reasons];
    };
    expect([0, 1, 2, 3, 4].map(view)).toEqual([
      ['H H H H', 100, 19, 'passed', []],
      ['H H A H', 75, 14, 'passed', []],
      ['H A A H', 50, 9, 'not_passed', ['attendance']],
      ['I H H H', 75, 14, 'passed', []],
      ['A S S S', 0, 0, 'not_passed', ['attendance']],
    ]);
    expect(recap.totals).toEqual({ participants: 5, passed: 3, notPassed: 2, pending: 0 });
    expect(await get(eventId)).toMatchObject({ status: 'berlangsung', sessionsOver: 4, readyToFinish: true });
    expect(await listed(eventId, { year: 2026 })).toMatchObject({ status: 'berlangsung', readyToFinish: true });

    const flat = squash(pdfText((await o.t.ok('recap.eventFile', { eventId, format: 'pdf' }, o.token)).dataBase64));
    expect(flat).toContain('Peserta 5, lulus 3, tidak memenuhi syarat (TMS) 2.');
    const xlsx = await xlsxRows((await o.t.ok('recap.eventFile', { eventId, format: 'xlsx' }, o.token)).dataBase64, 'Rekap');
    expect(xlsx.slice(1).map((r) => r.at(-1)).sort()).toEqual(['Lulus', 'Lulus', 'Lulus', 'Tidak memenuhi syarat', 'Tidak memenuhi syarat']);
    const done = await o.t.ok('recap.employee', { employeeId: person(0).id, year: 2026 }, o.token);
    expect(done.trainings[0]).toMatchObject({ jp: 19, result: 'passed', upcomingSessions: 0, upcomingJp: 0, nextSessionDate: null });
    // Finished and passed: the JP are credited, nothing is planned any more.
    expect(done).toMatchObject({ totalJp: 19, eventJp: 19, plannedJp: 0 });
  });

  it('"Tandai selesai" is the clerk\'s: stored and journalled, the plan item follows, and nothing moves it back', async () => {
    expect(await itemStatus(itemId)).toBe('terjadwal');
    const rows = await journalOf(o.db, () => o.t.ok('events.setStatus', { id: eventId, status: 'selesai' }, o.token));
    expect(ops(rows)).toEqual(['event.update', 'programme_item.update']);
    expect(storedStatus(eventId)).toBe('selesai');
    expect(await get(eventId)).toMatchObject({ status: 'selesai', readyToFinish: false });
    expect(await itemStatus(itemId)).toBe('terlaksana');
    expect((await o.t.ok('recap.event', { eventId }, o.token)).finished).toBe(true);

    // A follow-up session added later does not reopen it.
    await laterAt(o, '2026-12-05', '09:00');
    await addSession(o, eventId, '2026-12-10', '08:00', '10:00', { topic: 'Tindak lanjut' });
    expect(await get(eventId)).toMatchObject({ status: 'selesai', readyToFinish: false });
    expect(await listed(eventId, { status: 'selesai' })).toBeDefined();
    // Only the clerk changes it, and that is journalled too.
    expect(ops(await journalOf(o.db, () => o.t.ok('events.setStatus', { id: eventId, status: 'berlangsung' }, o.token)))).toEqual(['event.update']);
    expect(await get(eventId)).toMatchObject({ status: 'berlangsung' });
  });
});

describe('status in other cases', () => {
  it('a first attendance mark before the first session (an absence noted ahead) puts the event under way', async () => {
    await laterAt(o, '2026-12-05', '09:00');
    const e = await createEvent(o, { name: 'Pelatihan Pelayanan Prima' });
    const s = await addSession(o, e.id, '2026-12-20', '08:00', '12:00');
    await o.t.ok('enrolment.add', { eventId: e.id, employeeIds: [o.employees[5]!.id] }, o.token);
    const [en] = await o.t.ok('enrolment.list', { eventId: e.id }, o.token);
    expect((await get(e.id)).status).toBe('direncanakan');
    await o.t.ok('attendance.mark', { sessionId: s.id, enrolmentId: en!.id, status: 'dinas_luar', note: 'Tugas ke kota' }, o.token);
    expect(await get(e.id)).toMatchObject({ status: 'berlangsung', readyToFinish: false, sessionsOver: 0 });
    expect(storedStatus(e.id)).toBe('direncanakan');
    // Its recap: the one session, still to come, counted for the person already marked.
    expect((await o.t.ok('recap.event', { eventId: e.id }, o.token)).rows[0]).toMatchObject({ result: 'pending', counted: 1, attendancePct: 0 });
  });

  it('a cancelled event stays Batal, whatever the clock or the marks say', async () => {
    const e = await createEvent(o, { name: 'Bimtek yang dibatalkan' });
    const s = await addSession(o, e.id, '2026-12-05', '08:00', '08:45');
    await o.t.ok('enrolment.add', { eventId: e.id, employeeIds: [o.employees[6]!.id] }, o.token);
    const [en] = await o.t.ok('enrolment.list', { eventId: e.id }, o.token);
    await o.t.ok('attendance.mark', { sessionId: s.id, enrolmentId: en!.id, status: 'hadir' }, o.token);
    await o.t.ok('events.setStatus', { id: e.id, status: 'batal' }, o.token);
    expect(await get(e.id)).toMatchObject({ status: 'batal', sessionsOver: 1, readyToFinish: false });
    expect(await listed(e.id, { status: 'berlangsung' })).toBeUndefined();
    expect(await listed(e.id, { status: 'batal' })).toBeDefined();
  });

  it('marked done before its last session: completion is final, the sessions not attended count as missed', async () => {
    const e = await createEvent(o, { name: 'Workshop dipersingkat', methodId: 4 });
    const s1 = await addSession(o, e.id, '2026-12-05', '07:00', '08:30');
    await addSession(o, e.id, '2026-12-06', '07:00', '08:30');
    await o.t.ok('enrolment.add', { eventId: e.id, employeeIds: [o.employees[7]!.id] }, o.token);
    const [en] = await o.t.ok('enrolment.list', { eventId: e.id }, o.token);
    await o.t.ok('attendance.mark', { sessionId: s1.id, enrolmentId: en!.id, status: 'hadir' }, o.token);
    expect((await o.t.ok('recap.event', { eventId: e.id }, o.token)).rows[0]).toMatchObject({ result: 'pending', attendancePct: 100 });
    await o.t.ok('events.setStatus', { id: e.id, status: 'selesai' }, o.token);
    const recap = await o.t.ok('recap.event', { eventId: e.id }, o.token);
    expect(recap.finished).toBe(true);
    expect(recap.rows[0]).toMatchObject({ result: 'not_passed', counted: 2, attendancePct: 50, reasons: ['attendance'] });
  });

  it('a last session past midnight is over the next morning', async () => {
    const e = await createEvent(o, { name: 'Pelatihan Siskamling Malam' });
    await addSession(o, e.id, '2026-12-06', '22:00', '01:00', { overnight: true });
    await laterAt(o, '2026-12-06', '23:59');
    expect(await get(e.id)).toMatchObject({ status: 'berlangsung', sessionsOver: 0, readyToFinish: false });
    expect((await o.t.ok('recap.event', { eventId: e.id }, o.token)).sessions[0]!.over).toBe(false);
    await laterAt(o, '2026-12-07', '01:00');
    expect(await get(e.id)).toMatchObject({ status: 'berlangsung', sessionsOver: 1, readyToFinish: true });
    expect((await o.t.ok('recap.event', { eventId: e.id }, o.token)).finished).toBe(true);
  });

  it('follows the office\'s own time zone (WITA)', async () => {
    const w = await trainingOffice({ people: 1, timezone: 'Asia/Makassar' });
    try {
      const e = await createEvent(w, { name: 'Bimtek di Makassar' });
      await addSession(w, e.id, '2026-12-01', '08:00', '09:00');
      setLocalClock(w.clock, '2026-12-01', '07:59', 'Asia/Makassar');
      w.token = await login(w.t, ADMIN.username, ADMIN.password);
      expect((await w.t.ok('events.get', { id: e.id }, w.token)).status).toBe('direncanakan');
      // 08:00 WITA is 07:00 WIB.
      setLocalClock(w.clock, '2026-12-01', '07:00', 'Asia/Jakarta');
      expect((await w.t.ok('events.get', { id: e.id }, w.token)).status).toBe('berlangsung');
      setLocalClock(w.clock, '2026-12-01', '09:00', 'Asia/Makassar');
      expect(await w.t.ok('events.get', { id: e.id }, w.token)).toMatchObject({ readyToFinish: true, sessionsOver: 1 });
    } finally {
      w.close();
    }
  });
});

describe('events.list', () => {
  /** The list as the previous code built it, from the rows themselves: per event its sessions, enrolments and filters in JS. */
  function previousList(db: TrainingOffice['db'], q: { year?: number }) {
    const round2 = (n: number) => Math.round(n * 100) / 100;
    const events = db.prepare('SELECT * FROM events WHERE deleted_at IS NULL ORDER BY created_at DESC').all() as Record<string, unknown>[];
    return events.map((e) => {
      const sessions = db.prepare('SELECT * FROM event_sessions WHERE event_id = ? AND deleted_at IS NULL ORDER BY date, start_time').all(e.id) as { date: string; computed_jp: number; jp_override: number | null }[];
      return {
        id: e.id, name: e.name, createdAt: e.created_at,
        enrolled: db.prepare("SELECT count(*) FROM enrolments WHERE event_id = ? AND status = 'terdaftar' AND deleted_at IS NULL").pluck().get(e.id),
        removable: db.prepare('SELECT 1 FROM enrolments WHERE event_id = ? LIMIT 1').get(e.id) === undefined,
        totalJp: round2(sessions.reduce((a, s) => a + (s.jp_override ?? s.computed_jp), 0)),
        startDate: sessions[0]?.date ?? null, endDate: sessions.at(-1)?.date ?? null,
      };
    }).filter((e) => q.year === undefined || String(e.startDate ?? e.createdAt).startsWith(String(q.year)));
  }

  let l: TrainingOffice;
  beforeAll(async () => {
    l = await trainingOffice({ people: 6 });
  });
  afterAll(() => l.close());

  /** `events.list` run on a connection of its own that notes every statement it executes. */
  function listCountingStatements(filter: { year?: number; status?: 'berlangsung' }) {
    const statements: string[] = [];
    const db = new Database(dbFile(l.t.dataDir), { readonly: true, verbose: (s: unknown) => statements.push(String(s)) });
    try {
      const ctx = { db, now: l.clock.now } as unknown as ServiceContext;
      const result = (eventHandlers['events.list'] as (input: unknown, ctx: ServiceContext) => unknown)(filter, ctx);
      return { result, statements };
    } finally {
      db.close();
    }
  }

  async function someEvents(tag: string) {
    const ids: string[] = [];
    const [a, b, c] = l.employees;
    const mk = async (name: string, sessions: [string, string, string, Record<string, unknown>?][]) => {
      const e = await createEvent(l, { name: `${name} ${tag}` });
      for (const [date, start, end, over] of sessions) await addSession(l, e.id, date, start, end, over ?? {});
      ids.push(e.id);
      return e;
    };
    const old = await mk('Bimtek 2025', [['2025-11-10', '08:00', '12:00'], ['2025-11-11', '08:00', '11:00']]);
    await l.t.ok('enrolment.add', { eventId: old.id, employeeIds: [a!.id, b!.id] }, l.token);
    const withdrawn = (await l.t.ok('enrolment.list', { eventId: old.id }, l.token))[0]!;
    await l.t.ok('enrolment.withdraw', { id: withdrawn.id, reason: 'Pindah tugas' }, l.token);
    const seminar = await mk('Seminar 2026', [['2026-03-01', '08:00', '10:00'], ['2026-03-01', '10:00', '12:00'], ['2026-03-02', '13:00', '15:00']]);
    await l.t.ok('enrolment.add', { eventId: seminar.id, employeeIds: [c!.id] }, l.token);
    await mk('Diklat akhir tahun', [['2026-12-30', '08:00', '12:00'], ['2027-01-04', '08:00', '11:00', { jpOverride: 2, jpOverrideReason: 'Evaluasi saja' }]]);
    await mk('Tanpa sesi', []);
    await mk('Kursus 2027', [['2027-02-01', '08:00', '16:00']]);
    const cancelled = await mk('Batal', [['2026-06-01', '08:00', '12:00']]);
    await l.t.ok('events.setStatus', { id: cancelled.id, status: 'batal' }, l.token);
    const trimmed = await mk('Sesi dihapus', [['2026-05-01', '08:00', '12:00'], ['2026-05-02', '08:00', '12:00']]);
    await l.t.ok('sessions.remove', { id: (await l.t.ok('events.get', { id: trimmed.id }, l.token)).sessions[1]!.id }, l.token);
    const gone = await createEvent(l, { name: `Dihapus ${tag}` });
    await l.t.ok('events.remove', { id: gone.id }, l.token);
    return ids;
  }

  it('gives what the previous per-event code gave, for events with sessions across years, in one statement', async () => {
    await someEvents('A');
    const pick = (e: { id: string; name: string; createdAt: string; enrolled: number; removable: boolean; totalJp: number; startDate: string | null; endDate: string | null }) =>
      ({ id: e.id, name: e.name, createdAt: e.createdAt, enrolled: e.enrolled, removable: e.removable, totalJp: e.totalJp, startDate: e.startDate, endDate: e.endDate });
    for (const year of [undefined, 2025, 2026, 2027, 2028]) {
      const now = (await l.t.ok('events.list', year === undefined ? {} : { year }, l.token)).map(pick);
      expect(now, `year ${year}`).toEqual(previousList(l.db, { year }));
    }
    expect((await l.t.ok('events.list', { year: 2026 }, l.token)).map((e) => e.name).sort()).toEqual(['Batal A', 'Diklat akhir tahun A', 'Seminar 2026 A', 'Sesi dihapus A', 'Tanpa sesi A']);
    const all = await l.t.ok('events.list', {}, l.token);
    const byName = Object.fromEntries(all.map((e) => [e.name, e]));
    expect(byName['Diklat akhir tahun A']).toMatchObject({ totalJp: 7, startDate: '2026-12-30', endDate: '2027-01-04' });
    expect(byName['Bimtek 2025 A']).toMatchObject({ enrolled: 1, removable: false, totalJp: 9 });
    expect(byName['Sesi dihapus A']).toMatchObject({ totalJp: 5, endDate: '2026-05-01' });
    // Status as it stands on 25 November 2026: what has begun is under way; Batal stays Batal.
    expect(Object.fromEntries(all.map((e) => [e.name, [e.status, e.readyToFinish]]))).toEqual({
      'Bimtek 2025 A': ['berlangsung', true], 'Seminar 2026 A': ['berlangsung', true], 'Diklat akhir tahun A': ['direncanakan', false],
      'Tanpa sesi A': ['direncanakan', false], 'Kursus 2027 A': ['direncanakan', false], 'Batal A': ['batal', false], 'Sesi dihapus A': ['berlangsung', true],
    });
    expect((await l.t.ok('events.list', { status: 'berlangsung' }, l.token)).map((e) => e.name).sort()).toEqual(['Bimtek 2025 A', 'Seminar 2026 A', 'Sesi dihapus A']);
    expect((await l.t.ok('events.list', { status: 'direncanakan', year: 2026 }, l.token)).map((e) => e.name).sort()).toEqual(['Diklat akhir tahun A', 'Tanpa sesi A']);
  });

  it('runs the same number of statements for 7 events as for 21: no query per event', async () => {
    const few = listCountingStatements({});
    expect((few.result as unknown[]).length).toBe(7);
    await someEvents('B');
    await someEvents('C');
    const many = listCountingStatements({});
    expect((many.result as unknown[]).length).toBe(21);
    expect(many.statements.length).toBe(few.statements.length);
    // The office's time zone, and the events with their figures: one statement for the whole list.
    expect(many.statements.filter((s) => /FROM events e/.test(s))).toHaveLength(1);
    expect(many.statements.length).toBeLessThanOrEqual(2);
    // And the same answer as through the door.
    expect(many.result).toEqual(await l.t.ok('events.list', {}, l.token));
    const year = listCountingStatements({ year: 2027, status: 'berlangsung' } as never);
    expect(year.statements.length).toBe(few.statements.length);
  });
});

describe('enrolment.candidates', () => {
  /** The candidates as the previous code found them: every active employee read, then filtered and sorted in JS. */
  function previousCandidates(db: TrainingOffice['db'], eventId: string, q: { search?: string; unitId?: string; golongan?: string; order?: 'name' | 'fewest_jp'; limit?: number }) {
    const terms = searchTerms(q.search ?? '');
    const first = db.prepare('SELECT date FROM event_sessions WHERE event_id = ? AND deleted_at IS NULL ORDER BY date, start_time').pluck().get(eventId) as string;
    const year = first.slice(0, 4);
    const jp = new Map<string, number>();
    for (const r of db.prepare(`SELECT n.employee_id AS id, s.computed_jp AS computed, s.jp_override AS override
      FROM attendance_marks m JOIN event_sessions s ON s.id = m.session_id JOIN enrolments n ON n.id = m.enrolment_id JOIN events e ON e.id = s.event_id
      WHERE m.deleted_at IS NULL AND s.deleted_at IS NULL AND e.deleted_at IS NULL AND e.status <> 'batal' AND n.status = 'terdaftar'
        AND n.employee_id IS NOT NULL AND m.status IN ('hadir', 'terlambat', 'psw') AND substr(s.date, 1, 4) = ?`).all(year) as { id: string; computed: number; override: number | null }[]) {
      jp.set(r.id, Math.round(((jp.get(r.id) ?? 0) + (r.override ?? r.computed)) * 100) / 100);
    }
    const enrolled = new Set(db.prepare("SELECT employee_id FROM enrolments WHERE event_id = ? AND status = 'terdaftar' AND deleted_at IS NULL").pluck().all(eventId));
    const rows = db.prepare(`SELECT e.id, e.name, e.search_key FROM employees e WHERE e.deleted_at IS NULL AND e.status = 'aktif'
      AND (@unit IS NULL OR e.unit_id = @unit) AND (@gol IS NULL OR e.golongan = @gol)`).all({ unit: q.unitId ?? null, gol: q.golongan ?? null }) as { id: string; name: string; search_key: string }[];
    const list = rows.filter((r) => terms.every((t) => r.search_key.includes(t))).map((r) => ({ id: r.id, name: r.name, jp: jp.get(r.id) ?? 0, enrolled: enrolled.has(r.id) }));
    list.sort((a, b) => ((q.order ?? 'fewest_jp') === 'fewest_jp' ? a.jp - b.jp : 0) || a.name.localeCompare(b.name, 'id'));
    return list.slice(0, q.limit ?? 500).map((c) => [c.id, c.jp, c.enrolled]);
  }

  it('finds in SQL the same people, JP and order the previous code found', async () => {
    const c = await trainingOffice({ people: 40 });
    try {
      // JP earned this year by a few, an absence, a cancelled event, last year's training, someone moved away.
      const earn = async (name: string, date: string, start: string, end: string, people: number[], status: 'hadir' | 'izin' = 'hadir') => {
        const e = await createEvent(c, { name });
        const s = await addSession(c, e.id, date, start, end);
        await c.t.ok('enrolment.add', { eventId: e.id, employeeIds: people.map((i) => c.employees[i]!.id) }, c.token);
        for (const en of await c.t.ok('enrolment.list', { eventId: e.id }, c.token)) await c.t.ok('attendance.mark', { sessionId: s.id, enrolmentId: en.id, status }, c.token);
        return e;
      };
      await earn('Bimtek Maret', '2026-03-10', '08:00', '12:00', [0, 3, 5, 7]);
      await earn('Kursus Mei', '2026-05-12', '13:00', '15:30', [3, 9, 11]);
      await earn('Seminar Juni', '2026-06-02', '08:00', '10:00', [12, 13]);
      await earn('Izin semua', '2026-07-01', '08:00', '12:00', [14, 15], 'izin');
      const cancelled = await earn('Batal', '2026-08-01', '08:00', '12:00', [16]);
      await c.t.ok('events.setStatus', { id: cancelled.id, status: 'batal' }, c.token);
      await earn('Tahun lalu', '2025-10-01', '08:00', '12:00', [17]);
      await c.t.ok('employees.setStatus', { id: c.employees[18]!.id, status: 'pindah', statusDate: '2026-10-01' }, c.token);
      const target = await createEvent(c, { name: 'Bimtek Desember' });
      await addSession(c, target.id, '2026-12-01', '08:00', '12:00');
      await c.t.ok('enrolment.add', { eventId: target.id, employeeIds: [c.employees[0]!.id, c.employees[20]!.id] }, c.token);

      const someone = c.employees[21]!;
      const queries: { search?: string; unitId?: string; golongan?: string; order?: 'name' | 'fewest_jp'; limit?: number }[] = [
        {},
        { order: 'name' },
        { limit: 5 },
        { search: 'fauzi' },
        { search: 'Drs. Ahmad Fauzi, M.Si.' },
        { search: `${someone.nip.slice(0, 8)} ${someone.nip.slice(8, 12)}` },
        { unitId: c.employees[3]!.unitId! },
        { golongan: c.employees[3]!.golongan!, order: 'name' },
        { search: 'agus', unitId: c.employees[0]!.unitId!, limit: 3 },
        { search: 'tidak ada' },
      ];
      for (const q of queries) {
        const now = (await c.t.ok('enrolment.candidates', { eventId: target.id, ...q }, c.token)).map((x) => [x.employeeId, x.jpThisYear, x.enrolled]);
        expect(now, JSON.stringify(q)).toEqual(previousCandidates(c.db, target.id, q));
        if (q.search === 'fauzi' || q.search === 'Drs. Ahmad Fauzi, M.Si.' || q.search?.startsWith(someone.nip.slice(0, 8))) expect(now.length, JSON.stringify(q)).toBeGreaterThan(0);
      }
      const all = await c.t.ok('enrolment.candidates', { eventId: target.id }, c.token);
      expect(all).toHaveLength(39); // one moved away
      expect(all.at(-1)).toMatchObject({ employeeId: c.employees[3]!.id, jpThisYear: 8 }); // 5 + 3 JP
      expect(all.filter((x) => x.enrolled).map((x) => x.employeeId).sort()).toEqual([c.employees[0]!.id, c.employees[20]!.id].sort());
    } finally {
      c.close();
    }
  });
});

describe('enrolment.addByNips with rows copied from a spreadsheet', () => {
  it('takes the NIP of each "NIP⇥Nama" row and reports no name as an invalid NIP', async () => {
    const e = await createEvent(o, { name: 'Bimtek tempel dari Excel' });
    const [a, b, c, d] = o.employees;
    const spaced = (nip: string) => `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
    // As Excel copies two columns (CRLF rows, tab cells), one NIP typed with spaces, one row padded.
    const text = [
      `${a!.nip}\t${a!.displayName}`,
      `${spaced(b!.nip)}\t${b!.displayName}`,
      `  ${c!.nip}     \t${c!.displayName}\tStaf Pelaksana`,
      `${d!.nip}\t${d!.displayName}`,
      `19860926 201505 2 001\tTamu Tanpa Data`,
      '',
    ].join('\r\n');
    const result = await o.t.ok('enrolment.addByNips', { eventId: e.id, text }, o.token);
    expect(result).toMatchObject({ added: 4, already: 0, enrolled: 4, unknown: ['198609262015052001'], invalid: [] });
    expect((await o.t.ok('enrolment.list', { eventId: e.id }, o.token)).map((x) => x.employeeId).sort()).toEqual([a, b, c, d].map((x) => x!.id).sort());
  });
});

describe('the recap PDF over several pages', () => {
  it('repeats the header on every page and keeps the last rows with the totals and the signature (20–36 participants)', async () => {
    const p = await trainingOffice({ people: 36 });
    const shots = path.join(ROOT, 'test-results', 'screenshots');
    fs.mkdirSync(shots, { recursive: true });
    try {
      for (const n of [20, 21, 30, 31, 32, 33, 34, 35, 36]) {
        const e = await createEvent(p, { name: `Bimtek Pelayanan Publik (${n} peserta)` });
        const sessionIds: string[] = [];
        for (const [date, start, end] of [['2026-11-16', '08:00', '12:00'], ['2026-11-16', '13:00', '16:00'], ['2026-11-17', '08:00', '12:00'], ['2026-11-17', '13:00', '15:00']] as const) {
          sessionIds.push((await addSession(p, e.id, date, start, end, { topic: 'Materi' })).id);
        }
        await p.t.ok('enrolment.add', { eventId: e.id, employeeIds: p.employees.slice(0, n).map((x) => x.id) }, p.token);
        for (const sessionId of sessionIds) await p.t.ok('attendance.markRest', { sessionId, status: 'hadir' }, p.token);
        const file = await p.t.ok('recap.eventFile', { eventId: e.id, format: 'pdf' }, p.token);
        const pages = pdfPages(file.dataBase64);
        const rowsOf = (page: string) => [...page.matchAll(/^\s+(\d{1,3})\s+(?:Drs\. )?[A-Z]/gm)].map((m) => Number(m[1]));
        const perPage = pages.map(rowsOf);
        const where = `${n} participants, rows per page ${perPage.map((r) => r.length).join('/')}`;
        expect(perPage.flat(), where).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        for (const page of pages) expect(page, where).toMatch(/No\s+Nama \/ NIP\s+S1\s+S2\s+S3\s+S4\s+% Hadir\s+JP\s+Ket\./);
        // No page holds a lone row: the last RECAP_TAIL_ROWS rows go with the totals, the key and the signature.
        for (const rows of perPage) expect(rows.length, where).toBeGreaterThanOrEqual(RECAP_TAIL_ROWS);
        const last = pages.at(-1)!;
        expect(perPage.at(-1)!.slice(-RECAP_TAIL_ROWS), where).toEqual([n - 2, n - 1, n]);
        expect(last, where).toMatch(new RegExp(`Hadir per sesi\\s+${n}\\s+${n}\\s+${n}\\s+${n}`));
        expect(squash(last), where).toContain('S1: 16 November 2026, 08.00–12.00 WIB, Materi (5 JP)');
        expect(squash(last), where).toContain('Drs. H. Camat Plaju');
        expect(pages.filter((page) => page.includes('Hadir per sesi')), where).toHaveLength(1);
        if (n === 21 || n === 33 || n === 36) {
          for (let k = 1; k <= pages.length; k++) pdfPagePng(file.dataBase64, k, shots, `recap-pdf-${n}-peserta-hal-${k}`, 70);
        }
      }
    } finally {
      p.close();
    }
  }, 120_000);
});
