// Dates and times that cannot be, through the contract as every door calls it: sessions on
// 30 February, in month 13 or in year 0; a 10:00–09:00 slip stored as a 23-hour session; birth
// and status dates that are not on the calendar. Each is refused with its field and message key
// and writes nothing; a session past midnight is taken when the clerk says so; rows stored
// before these checks still read.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../shared/contract/errors.ts';
import { dbFile, removeTempDirs } from '../helpers/backend.ts';
import { pnsNip } from '../helpers/roster.ts';
import { addSession, createEvent, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: TrainingOffice;

beforeAll(async () => {
  o = await trainingOffice({ people: 2 });
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

const sessionsOf = async (eventId: string) => (await o.t.ok('events.get', { id: eventId }, o.token)).sessions;
const journalCount = () => o.db.prepare('SELECT count(*) FROM change_journal').pluck().get() as number;

/** The issues of a refused call, after checking it wrote nothing. */
async function refused(method: string, input: Record<string, unknown>): Promise<FieldIssue[]> {
  const before = journalCount();
  const error = await o.t.fails(method, input, 'VALIDATION', o.token);
  expect(journalCount(), 'nothing written').toBe(before);
  return error.details?.issues ?? [];
}

describe('session dates', () => {
  it('refuses dates that are not on the calendar or outside 2000–2100, on the date field', async () => {
    const e = await createEvent(o, { name: 'Bimtek tanggal salah' });
    const base = { eventId: e.id, start: '08:00', end: '12:00' };
    expect(await refused('sessions.create', { ...base, date: '2026-02-30' })).toEqual([{
      path: ['date'], message: 'validation.date_not_real',
      params: { value: '2026-02-30', context: 'day', dayOfMonth: 30, lastDay: 28, monthStart: Date.UTC(2026, 1, 1) },
    }]);
    expect(await refused('sessions.create', { ...base, date: '2026-13-01' })).toEqual([
      { path: ['date'], message: 'validation.date_not_real', params: { value: '2026-13-01', context: 'month' } },
    ]);
    expect(await refused('sessions.create', { ...base, date: '0000-01-01' })).toEqual([
      { path: ['date'], message: 'validation.date_year_range', params: { value: '0000-01-01', year: 0, min: 2000, max: 2100 } },
    ]);
    expect(await refused('sessions.create', { ...base, date: '2025-02-29' })).toMatchObject([{ path: ['date'], message: 'validation.date_not_real' }]);
    expect(await refused('sessions.create', { ...base, date: '1999-12-31' })).toMatchObject([{ path: ['date'], message: 'validation.date_year_range' }]);
    expect(await refused('sessions.create', { ...base, date: '2101-01-01' })).toMatchObject([{ path: ['date'], message: 'validation.date_year_range' }]);
    expect(await refused('sessions.create', { ...base, date: '25-11-2026' })).toEqual([{ path: ['date'], message: 'validation.date' }]);
    expect(await sessionsOf(e.id)).toEqual([]);

    expect((await addSession(o, e.id, '2024-02-29', '08:00', '12:00')).date).toBe('2024-02-29');
    const s = await addSession(o, e.id, '2026-11-25', '08:00', '12:00');
    const update = { id: s.id, start: '08:00', end: '12:00', topic: '', speaker: '' };
    expect(await refused('sessions.update', { ...update, date: '2026-04-31' })).toMatchObject([{ path: ['date'], message: 'validation.date_not_real' }]);
    expect((await sessionsOf(e.id)).map((x) => x.date)).toEqual(['2024-02-29', '2026-11-25']);
  });
});

describe('session times', () => {
  it('refuses an end before the start unless the session runs past midnight', async () => {
    const e = await createEvent(o, { name: 'Bimtek jam terbalik' });
    expect(await refused('sessions.create', { eventId: e.id, date: '2026-11-25', start: '10:00', end: '09:00' })).toEqual([
      { path: ['end'], message: 'validation.session_end_before_start' },
    ]);
    expect(await refused('sessions.create', { eventId: e.id, date: '2026-11-25', start: '10:00', end: '09:00', overnight: false })).toEqual([
      { path: ['end'], message: 'validation.session_end_before_start' },
    ]);
    // Said to run past midnight, 10:00 to 09:00 the next day is 23 hours: longer than a session may be.
    expect(await refused('sessions.create', { eventId: e.id, date: '2026-11-25', start: '10:00', end: '09:00', overnight: true })).toEqual([
      { path: ['end'], message: 'validation.session_too_long', params: { maxHours: 12 } },
    ]);
    expect(await sessionsOf(e.id)).toEqual([]);

    // 22:00 to 04:00 the next morning: six hours, 8 JP, counted to the next day.
    const night = await addSession(o, e.id, '2026-11-25', '22:00', '04:00', { overnight: true });
    expect(night).toMatchObject({ date: '2026-11-25', start: '22:00', end: '04:00', overnight: true, computedJp: 8, jp: 8 });
    expect(await addSession(o, e.id, '2026-11-26', '08:00', '12:00')).toMatchObject({ overnight: false, jp: 5 });
    expect((await o.t.ok('events.get', { id: e.id }, o.token)).totalJp).toBe(13);
  });

  it('refuses the past-midnight box with an end after the start', async () => {
    const e = await createEvent(o, { name: 'Bimtek centang salah' });
    expect(await refused('sessions.create', { eventId: e.id, date: '2026-11-25', start: '08:00', end: '12:00', overnight: true })).toEqual([
      { path: ['end'], message: 'validation.session_not_overnight' },
    ]);
  });

  it('takes a session of exactly 12 hours, and refuses a longer one either way', async () => {
    const e = await createEvent(o, { name: 'Bimtek panjang' });
    expect(await addSession(o, e.id, '2026-11-25', '20:00', '08:00', { overnight: true })).toMatchObject({ overnight: true, computedJp: 16 });
    expect(await addSession(o, e.id, '2026-11-27', '07:00', '19:00')).toMatchObject({ overnight: false, computedJp: 16 });
    expect(await refused('sessions.create', { eventId: e.id, date: '2026-11-28', start: '07:00', end: '19:01' })).toEqual([
      { path: ['end'], message: 'validation.session_too_long', params: { maxHours: 12 } },
    ]);
    expect(await refused('sessions.create', { eventId: e.id, date: '2026-11-28', start: '19:00', end: '07:30', overnight: true })).toEqual([
      { path: ['end'], message: 'validation.session_too_long', params: { maxHours: 12 } },
    ]);
  });

  it('holds an update to the same rules, and the box moves a session past midnight', async () => {
    const e = await createEvent(o, { name: 'Bimtek diubah' });
    const s = await addSession(o, e.id, '2026-11-25', '08:00', '12:00');
    const update = { id: s.id, date: '2026-11-25', topic: '', speaker: '' };
    expect(await refused('sessions.update', { ...update, start: '21:00', end: '01:00' })).toEqual([
      { path: ['end'], message: 'validation.session_end_before_start' },
    ]);
    expect(await o.t.ok('sessions.update', { ...update, start: '21:00', end: '01:00', overnight: true }, o.token)).toMatchObject({ overnight: true, computedJp: 5 });
    expect(await o.t.ok('sessions.update', { ...update, start: '08:00', end: '10:15' }, o.token)).toMatchObject({ overnight: false, computedJp: 3 });
  });

  it('still reads a session stored before these checks: an end before the start, on a date that is not', async () => {
    const e = await createEvent(o, { name: 'Bimtek lama' });
    const s = await addSession(o, e.id, '2026-11-25', '08:00', '12:00');
    const raw = new Database(dbFile(o.t.dataDir));
    try {
      raw.prepare("UPDATE event_sessions SET date = '2026-02-30', start_time = '10:00', end_time = '09:00' WHERE id = ?").run(s.id);
    } finally {
      raw.close();
    }
    expect((await sessionsOf(e.id))[0]).toMatchObject({ id: s.id, date: '2026-02-30', start: '10:00', end: '09:00', overnight: true });
    // Saved again as it is, it is refused: the clerk corrects it.
    const as = { id: s.id, date: '2026-02-30', start: '10:00', end: '09:00', overnight: true, topic: '', speaker: '' };
    expect((await refused('sessions.update', as)).map((i) => [i.path, i.message])).toEqual([
      [['date'], 'validation.date_not_real'],
      [['end'], 'validation.session_too_long'],
    ]);
    expect(await o.t.ok('sessions.update', { ...as, date: '2026-02-27', end: '12:00', overnight: false }, o.token)).toMatchObject({ date: '2026-02-27', computedJp: 2 });
  });
});

describe('birth and status dates', () => {
  const nip = pnsNip('1980-02-14', '2005-03', 1, 901);

  it('employees.create refuses a birth date that is not on the calendar, and writes nothing', async () => {
    expect(await refused('employees.create', { nip, name: 'Budi Tanggal', birthDate: '2026-02-30' })).toEqual([{
      path: ['birthDate'], message: 'validation.date_not_real',
      params: { value: '2026-02-30', context: 'day', dayOfMonth: 30, lastDay: 28, monthStart: Date.UTC(2026, 1, 1) },
    }]);
    expect(await refused('employees.create', { nip, name: 'Budi Tanggal', birthDate: '1980-02-30' })).toMatchObject([{ path: ['birthDate'], message: 'validation.date_not_real' }]);
    expect(await refused('employees.create', { nip, name: 'Budi Tanggal', birthDate: '1899-12-31' })).toMatchObject([
      { path: ['birthDate'], message: 'validation.date_year_range', params: { min: 1900, max: new Date().getFullYear() } },
    ]);
    expect((await o.t.ok('employees.list', { search: nip }, o.token)).total).toBe(0);
  });

  it('employees.update and employees.setStatus refuse them too, and change nothing', async () => {
    const { employee } = await o.t.ok('employees.create', { nip, name: 'Budi Tanggal', birthDate: '1980-02-14' }, o.token);
    expect(await refused('employees.update', { id: employee.id, nip, name: 'Budi Tanggal', birthDate: '2026-02-30' })).toMatchObject([
      { path: ['birthDate'], message: 'validation.date_not_real' },
    ]);
    expect(await refused('employees.setStatus', { id: employee.id, status: 'pindah', statusDate: '2026-13-01' })).toEqual([
      { path: ['statusDate'], message: 'validation.date_not_real', params: { value: '2026-13-01', context: 'month' } },
    ]);
    expect((await o.t.ok('employees.get', { id: employee.id }, o.token)).employee).toMatchObject({ birthDate: '1980-02-14', status: 'aktif', statusDate: null });
    expect(await o.t.ok('employees.setStatus', { id: employee.id, status: 'pindah', statusDate: '2024-02-29' }, o.token)).toMatchObject({ status: 'pindah', statusDate: '2024-02-29' });
  });
});

describe('dates read from a roster file', () => {
  it('a date not on the calendar, or a birth year after this one, is an error on its row and field in the form\'s words', async () => {
    const csv = [
      'NIP;Nama;Tgl Lahir;Tanggal Status',
      `${pnsNip('1975-03-15', '2000-03', 1, 902)};Ahmad Kalender;31-02-1975;`,
      `${pnsNip('1986-09-26', '2015-05', 2, 903)};Siti Kalender;26-09-1986;2026-13-01`,
      `${pnsNip('1990-01-01', '2015-05', 2, 904)};Rina Kalender;01-01-2031;`,
      `${pnsNip('1992-02-29', '2015-05', 1, 905)};Dodi Kalender;29-02-1992;01-12-2026`,
    ].join('\n');
    const p = await o.t.ok('roster.preview', { fileName: 'kalender.csv', dataBase64: Buffer.from(csv).toString('base64') }, o.token);
    expect(p.errors.map((e) => [e.row, e.field, e.code, e.message])).toEqual([
      [2, 'birthDate', 'validation.date_not_real', 'Tanggal 31 Februari 1975 tidak ada di kalender: bulan itu hanya sampai tanggal 28.'],
      [3, 'statusDate', 'validation.date_not_real', 'Tanggal 2026-13-01 tidak ada di kalender: bulan ditulis 01 sampai 12.'],
      [4, 'birthDate', 'validation.date_year_range', 'Tahun 2031 di luar rentang yang diterima (1900–2026).'],
    ]);
    expect(p.items.map((i) => i.kind)).toEqual(['error', 'error', 'error', 'new']);
  });
});
