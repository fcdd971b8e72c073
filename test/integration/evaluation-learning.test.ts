// Levels 2 and 3: a clerk enters the pre-test and post-test of a training's participants (a list
// on screen, or a sheet), and some months later the supervisors' follow-ups come due, are
// printed, and are entered. The office clock is moved as the months pass.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLLOWUP_ITEMS } from '../../shared/domain/evaluation.ts';
import { formatNip } from '../../shared/domain/nip.ts';
import { removeTempDirs } from '../helpers/backend.ts';
import {
  addSession, createEvent, journalOf, laterAt, ops, pdfPagePng, pdfPages, spacedNip, squash, trainingOffice, type TrainingOffice,
} from '../helpers/trainings.ts';

let o: TrainingOffice;
let eventId: string;
/** Enrolment ids of p0…p5 (o.employees[0…5]); p5 withdraws. */
const e: string[] = [];
const who = (k: number) => o.employees[k]!;

beforeAll(async () => {
  o = await trainingOffice({ people: 8 });
  const event = await createEvent(o, { name: 'Pelatihan Penyusunan Laporan Kinerja', minAttendancePct: 100, minPostTest: 70 });
  eventId = event.id;
  const s1 = await addSession(o, eventId, '2026-11-25', '08:00', '12:00', { topic: 'SAKIP' });
  const s2 = await addSession(o, eventId, '2026-11-26', '08:00', '11:00', { topic: 'Praktik' });
  await o.t.ok('enrolment.add', { eventId, employeeIds: o.employees.slice(0, 6).map((x) => x.id) }, o.token);
  const list = await o.t.ok('enrolment.list', { eventId }, o.token);
  for (let k = 0; k < 6; k++) e.push(list.find((x) => x.employeeId === who(k).id)!.id);
  for (let k = 0; k < 5; k++) {
    await o.t.ok('attendance.mark', { sessionId: s1.id, enrolmentId: e[k]!, status: 'hadir' }, o.token);
    // p4 misses the second day: not completed whatever the post-test.
    await o.t.ok('attendance.mark', { sessionId: s2.id, enrolmentId: e[k]!, status: k === 4 ? 'alpa' : 'hadir' }, o.token);
  }
  await o.t.ok('enrolment.withdraw', { id: e[5]!, reason: 'Dinas luar kota' }, o.token);
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

const SCORES = () => [
  { enrolmentId: e[0]!, preTest: 60, postTest: 85 },
  { enrolmentId: e[1]!, preTest: 55.5, postTest: 70 },
  { enrolmentId: e[2]!, preTest: 70, postTest: 65 },
  { enrolmentId: e[3]!, preTest: null, postTest: 90 },
  { enrolmentId: e[4]!, preTest: 40, postTest: 80 },
];

describe('pre-test and post-test entered as a list', () => {
  it('a score above 100 names its row, and nothing of the list is saved', async () => {
    const rows = SCORES();
    rows[2] = { ...rows[2]!, postTest: 105 };
    const bad = await o.t.fails('scores.setMany', { eventId, scores: rows }, 'VALIDATION', o.token);
    expect(bad.details?.issues).toEqual([{ path: ['scores', 2, 'postTest'], message: 'evaluation.score_range' }]);
    const negative = await o.t.fails('scores.setMany', { eventId, scores: [{ enrolmentId: e[0]!, preTest: -1, postTest: 50 }] }, 'VALIDATION', o.token);
    expect(negative.details?.issues?.[0]).toMatchObject({ path: ['scores', 0, 'preTest'], message: 'evaluation.score_range' });
    const list = await o.t.ok('scores.list', { eventId }, o.token);
    expect(list.rows.every((r) => r.preTest === null && r.postTest === null)).toBe(true);
  });

  it('refuses a withdrawn participant, someone of another event, or one listed twice, naming the row', async () => {
    const other = await createEvent(o, { name: 'Lain' });
    await o.t.ok('enrolment.add', { eventId: other.id, employeeIds: [who(7).id] }, o.token);
    const stranger = (await o.t.ok('enrolment.list', { eventId: other.id }, o.token))[0]!.id;
    const bad = await o.t.fails('scores.setMany', {
      eventId, scores: [...SCORES(), { enrolmentId: e[5]!, preTest: 50, postTest: 60 }, { enrolmentId: stranger, preTest: 50, postTest: 60 }, { enrolmentId: e[0]!, preTest: 1, postTest: 2 }],
    }, 'VALIDATION', o.token);
    expect(bad.details?.issues).toEqual([
      { path: ['scores', 5, 'enrolmentId'], message: 'evaluation.enrolment_withdrawn', params: { name: who(5).displayName } },
      { path: ['scores', 6, 'enrolmentId'], message: 'evaluation.enrolment_not_in_event' },
      { path: ['scores', 7, 'enrolmentId'], message: 'evaluation.enrolment_twice', params: { name: who(0).displayName } },
    ]);
    expect((await o.t.ok('scores.list', { eventId }, o.token)).stats.scored).toBe(0);
  });

  it('saves the list in one go: gain per person, the minimum, and the event\'s means', async () => {
    const wrote = await journalOf(o.db, () => o.t.ok('scores.setMany', { eventId, scores: SCORES() }, o.token));
    expect(ops(wrote)).toEqual(Array(5).fill('enrolment.update'));
    const s = await o.t.ok('scores.list', { eventId }, o.token);
    expect(s.minPostTest).toBe(70);
    const row = (k: number) => s.rows.find((r) => r.enrolmentId === e[k])!;
    expect(row(0)).toMatchObject({ employeeId: who(0).id, nip: who(0).nip, name: who(0).displayName, unit: who(0).unit, preTest: 60, postTest: 85, gain: 25, meetsMinimum: true });
    expect(row(1)).toMatchObject({ preTest: 55.5, postTest: 70, gain: 14.5, meetsMinimum: true });
    expect(row(2)).toMatchObject({ gain: -5, meetsMinimum: false });
    expect(row(3)).toMatchObject({ preTest: null, postTest: 90, gain: null, meetsMinimum: true });
    // The withdrawn participant is not on the list.
    expect(s.rows).toHaveLength(5);
    // Pre: (60 + 55.5 + 70 + 40) / 4 = 56.375; post: 390 / 5 = 78; gain: (25 + 14.5 − 5 + 40) / 4 = 18.625.
    expect(s.stats).toEqual({ scored: 5, meanPre: 56.38, meanPost: 78, meanGain: 18.63, belowMinimum: 1 });
    // The same list again changes nothing and writes nothing.
    expect(await journalOf(o.db, () => o.t.ok('scores.setMany', { eventId, scores: SCORES() }, o.token))).toEqual([]);
  });
});

describe('pre-test and post-test imported from a sheet', () => {
  const csv = () => [
    'No;NIP;Nama;Nilai Pre Test;Nilai Post Test',
    `1;${spacedNip(who(0).nip)};${who(0).name};62;88,5`,
    `2;${who(1).nip};${who(1).name};55,5;70`,
    `3;${spacedNip(who(6).nip)};${who(6).name};50;60`,
    `4;${who(2).nip};${who(2).name};abc;75`,
    `5;${who(3).nip};${who(3).name};;95`,
    `6;${who(4).nip};${who(4).name};40;120`,
    '',
    ';;Rata-rata;;',
  ].join('\r\n');
  const file = () => ({ eventId, fileName: 'nilai.csv', dataBase64: Buffer.from(csv()).toString('base64') });

  it('a dry run reports each row and saves nothing', async () => {
    const before = await o.t.ok('scores.list', { eventId }, o.token);
    const report = await o.t.ok('scores.import', { ...file(), dryRun: true }, o.token);
    expect(report).toMatchObject({ rows: 6, updated: 2, unchanged: 1 });
    expect(report.errors.map((x) => [x.row, x.field, x.code])).toEqual([
      [4, 'nip', 'evaluation.nip_not_enrolled'],
      [5, 'preTest', 'evaluation.score_invalid'],
      [7, 'postTest', 'evaluation.score_range'],
    ]);
    expect(report.errors[0]!.message).toBe(`NIP ${spacedNip(who(6).nip)} tidak terdaftar sebagai peserta kegiatan ini.`);
    expect(report.errors[1]!.message).toBe('Nilai "abc" bukan angka (contoh: 85 atau 85,5).');
    expect(await o.t.ok('scores.list', { eventId }, o.token)).toEqual(before);
  });

  it('applied, it saves the good rows (comma decimals, an empty cell keeping the score) and reports the same errors', async () => {
    const report = await o.t.ok('scores.import', file(), o.token);
    expect(report).toMatchObject({ rows: 6, updated: 2, unchanged: 1 });
    expect(report.errors).toHaveLength(3);
    const s = await o.t.ok('scores.list', { eventId }, o.token);
    const row = (k: number) => s.rows.find((r) => r.enrolmentId === e[k])!;
    expect([row(0).preTest, row(0).postTest, row(0).gain]).toEqual([62, 88.5, 26.5]);
    expect([row(3).preTest, row(3).postTest]).toEqual([null, 95]);
    // Rows in error keep what they had.
    expect([row(2).preTest, row(2).postTest]).toEqual([70, 65]);
    expect([row(4).preTest, row(4).postTest]).toEqual([40, 80]);
    // Nothing left to change.
    expect(await o.t.ok('scores.import', { ...file(), dryRun: true }, o.token)).toMatchObject({ updated: 0, unchanged: 3 });
  });

  it('a sheet without a NIP or a score column is refused as a whole', async () => {
    const noNip = await o.t.fails('scores.import', { eventId, fileName: 'x.csv', dataBase64: Buffer.from('Nama;Post-test\r\nA;80\r\n').toString('base64') }, 'VALIDATION', o.token);
    expect(noNip.details?.issues?.[0]).toMatchObject({ path: ['file'], message: 'evaluation.import_no_nip' });
    const noScore = await o.t.fails('scores.import', { eventId, fileName: 'x.csv', dataBase64: Buffer.from(`NIP;Nama\r\n${who(0).nip};A\r\n`).toString('base64') }, 'VALIDATION', o.token);
    expect(noScore.details?.issues?.[0]).toMatchObject({ message: 'evaluation.import_no_scores' });
  });
});

describe('the supervisors\' follow-ups', () => {
  it('cannot be scheduled before the event is finished', async () => {
    const early = await o.t.fails('followups.schedule', { eventId }, 'CONFLICT', o.token);
    expect(early.details?.reason).toBe('evaluation.event_not_finished');
    expect(early.message).toContain('belum selesai');
  });

  it('are scheduled, once, for those who completed it, due three months after the last session', async () => {
    await laterAt(o, '2026-11-26', '11:00');
    const recap = await o.t.ok('recap.event', { eventId }, o.token);
    // p2's post-test (65) is under 70, p4 missed a day.
    expect(recap.rows.filter((r) => r.passed).map((r) => r.enrolmentId).sort()).toEqual([e[0], e[1], e[3]].sort());
    const wrote = await journalOf(o.db, async () => expect(await o.t.ok('followups.schedule', { eventId }, o.token)).toEqual({ created: 3, existing: 0 }));
    expect(ops(wrote)).toEqual(['followup.insert', 'followup.insert', 'followup.insert']);
    expect(await o.t.ok('followups.schedule', { eventId }, o.token)).toEqual({ created: 0, existing: 3 });
    const all = await o.t.ok('followups.list', { eventId }, o.token);
    expect(all.map((f) => f.enrolmentId).sort()).toEqual([e[0], e[1], e[3]].sort());
    expect(all.map((f) => [f.dueDate, f.due, f.filledDate])).toEqual(Array(3).fill(['2027-02-26', false, null]));
    expect(all.find((f) => f.enrolmentId === e[0])).toMatchObject({
      eventName: 'Pelatihan Penyusunan Laporan Kinerja', eventEndDate: '2026-11-26', employeeId: who(0).id, nip: who(0).nip, name: who(0).displayName,
      unit: who(0).unit, supervisorName: '', answers: null,
    });
    expect(await o.t.ok('followups.list', { state: 'due' }, o.token)).toEqual([]);
    expect(await o.t.ok('followups.list', { state: 'upcoming' }, o.token)).toHaveLength(3);
    expect(await o.t.ok('followups.list', { year: 2027 }, o.token)).toHaveLength(3);
    expect(await o.t.ok('followups.list', { year: 2026 }, o.token)).toEqual([]);
  });

  it('print as one page per participant with the due date', async () => {
    const file = await o.t.ok('evaluation.formPdf', { eventId, kind: 'followup' }, o.token);
    expect(file.fileName).toBe('evaluasi-atasan-pelatihan-penyusunan-laporan-kinerja.pdf');
    const pages = pdfPages(file.dataBase64);
    expect(pages).toHaveLength(3);
    const followups = await o.t.ok('followups.list', { eventId }, o.token);
    pages.forEach((page, i) => {
      const text = squash(page);
      expect(text).toContain('FORMULIR EVALUASI PASCA PELATIHAN');
      expect(text).toContain(followups[i]!.name);
      expect(text).toContain(formatNip(followups[i]!.nip!));
      expect(text).toContain('Jadwal evaluasi : 26 Februari 2027');
      expect(text).toContain('Pelatihan Penyusunan Laporan Kinerja');
      for (const item of FOLLOWUP_ITEMS) expect(text).toContain(item.text.slice(0, 30));
      expect(text).toContain('Atasan Langsung');
    });
    const dir = path.join(o.dir, 'png');
    fs.mkdirSync(dir, { recursive: true });
    const png = pdfPagePng(file.dataBase64, 2, dir, 'atasan', 100);
    expect(fs.statSync(png).size).toBeGreaterThan(10_000);
    if (process.env.KEEP_PNG) fs.copyFileSync(png, path.join(process.env.KEEP_PNG, 'atasan.png'));
  });

  it('come due when the office clock reaches the due date', async () => {
    await laterAt(o, '2027-02-25', '16:00');
    expect(await o.t.ok('followups.list', { state: 'due' }, o.token)).toEqual([]);
    await laterAt(o, '2027-02-26', '07:30');
    const due = await o.t.ok('followups.list', { state: 'due' }, o.token);
    expect(due).toHaveLength(3);
    expect(due.every((f) => f.due)).toBe(true);
  });

  const answers = (skip?: string) => FOLLOWUP_ITEMS.filter((i) => i.id !== skip).map((i, k) => ({ item: i.id, score: 1 + (k % 4) }));

  it('refuses an item not rated, a score off 1–4, and a date not yet come or before the event', async () => {
    const [f] = await o.t.ok('followups.list', { state: 'due' }, o.token);
    const base = { id: f!.id, supervisorName: 'Hj. Rosmala Dewi, S.E.', supervisorNip: null, findings: '', filledDate: '2027-02-26' };
    const missing = await o.t.fails('followups.save', { ...base, answers: answers('lanjutan') }, 'VALIDATION', o.token);
    expect(missing.details?.issues).toEqual([{ path: ['answers', 'lanjutan'], message: 'evaluation.followup_item_missing', params: { item: 'Kebutuhan pelatihan lanjutan di bidang yang sama' } }]);
    const five = await o.t.fails('followups.save', { ...base, answers: answers().map((a, k) => (k === 1 ? { ...a, score: 5 } : a)) }, 'VALIDATION', o.token);
    expect(five.details?.issues?.[0]).toMatchObject({ path: ['answers', 1, 'score'], message: 'evaluation.score_range' });
    const tomorrow = await o.t.fails('followups.save', { ...base, answers: answers(), filledDate: '2027-02-27' }, 'VALIDATION', o.token);
    expect(tomorrow.details?.issues).toEqual([{ path: ['filledDate'], message: 'evaluation.filled_in_future', params: { today: '2027-02-26' } }]);
    const before = await o.t.fails('followups.save', { ...base, answers: answers(), filledDate: '2026-11-20' }, 'VALIDATION', o.token);
    expect(before.details?.issues?.[0]).toMatchObject({ path: ['filledDate'], message: 'evaluation.filled_before_event' });
    expect(await o.t.ok('followups.list', { state: 'done' }, o.token)).toEqual([]);
  });

  it('saved, a follow-up is done and no longer due', async () => {
    const [f] = await o.t.ok('followups.list', { state: 'due' }, o.token);
    const wrote = await journalOf(o.db, () => o.t.ok('followups.save', {
      id: f!.id, supervisorName: 'Hj. Rosmala Dewi, S.E.', supervisorNip: '19750505 200003 2 004', answers: [...answers()].reverse(),
      findings: 'Sudah menyusun laporan kinerja seksi sendiri; perlu pendampingan untuk indikator kinerja.', filledDate: '2027-02-26',
    }, o.token));
    expect(ops(wrote)).toEqual(['followup.update']);
    const done = await o.t.ok('followups.list', { state: 'done' }, o.token);
    expect(done).toHaveLength(1);
    // Kept in the form's order, whatever order they were sent in.
    expect(done[0]).toMatchObject({ id: f!.id, due: false, supervisorNip: '197505052000032004', filledDate: '2027-02-26', answers: answers() });
    expect(await o.t.ok('followups.list', { state: 'due' }, o.token)).toHaveLength(2);
  });

  it('a cancelled event has none; a month after 31 January is the end of February', async () => {
    const cancelled = await createEvent(o, { name: 'Batal' });
    await addSession(o, cancelled.id, '2027-01-10', '08:00', '10:00');
    await o.t.ok('events.setStatus', { id: cancelled.id, status: 'batal' }, o.token);
    expect((await o.t.fails('followups.schedule', { eventId: cancelled.id }, 'CONFLICT', o.token)).details?.reason).toBe('evaluation.event_cancelled');

    await o.t.ok('rules.update', { followupMonths: 1 }, o.token);
    const january = await createEvent(o, { name: 'Orientasi Aplikasi Srikandi', minAttendancePct: 100 });
    const s = await addSession(o, january.id, '2027-01-31', '08:00', '10:00');
    await o.t.ok('enrolment.add', { eventId: january.id, employeeIds: [who(6).id] }, o.token);
    const [n] = await o.t.ok('enrolment.list', { eventId: january.id }, o.token);
    await o.t.ok('attendance.mark', { sessionId: s.id, enrolmentId: n!.id, status: 'hadir' }, o.token);
    expect(await o.t.ok('followups.schedule', { eventId: january.id }, o.token)).toEqual({ created: 1, existing: 0 });
    expect((await o.t.ok('followups.list', { eventId: january.id }, o.token))[0]).toMatchObject({ dueDate: '2027-02-28', due: false });
  });
});
