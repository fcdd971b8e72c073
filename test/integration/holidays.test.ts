// The office's holiday list (Pengaturan → Hari libur): per year, unconfirmed until an admin uses
// the national proposal, then edited freely; every change in the audit log, nothing in the
// journal (office-local, like the training rules); impossible dates refused per field; operators
// read it but cannot change it; a session on a day off is still accepted by the backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_HOLIDAYS } from '../../shared/domain/holidays.ts';
import { addOperator, removeTempDirs } from '../helpers/backend.ts';
import { addSession, createEvent, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: TrainingOffice;
let operatorToken: string;

beforeAll(async () => {
  o = await trainingOffice({ people: 0 });
  operatorToken = (await addOperator(o.t, o.token)).token;
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

type AuditRow = { username: string; action: string; details: string | null };
const audits = () => o.db.prepare("SELECT username, action, details FROM audit_log WHERE action LIKE 'holidays.%' ORDER BY seq").all() as AuditRow[];
const journalCount = () => o.db.prepare('SELECT count(*) FROM change_journal').pluck().get() as number;

describe('holidays', () => {
  it('a year starts unconfirmed: no days, the national proposal beside it (2026: the SKB’s 17 + 8 days)', async () => {
    const year = await o.t.ok('holidays.get', { year: 2026 }, operatorToken);
    expect(year).toMatchObject({ year: 2026, confirmed: false, days: [], proposedComplete: true });
    expect(year.proposed).toHaveLength(25);
    expect(year.proposed.filter((d) => d.kind === 'nasional')).toHaveLength(17);
    expect(year.proposed.filter((d) => d.kind === 'cuti_bersama')).toHaveLength(8);
    expect(year.proposed).toContainEqual({ date: '2026-12-25', name: 'Kelahiran Yesus Kristus', kind: 'nasional' });
    // 2027: only what follows from fixed rules until its decree is known, and it says so.
    const next = await o.t.ok('holidays.get', { year: 2027 }, o.token);
    expect(next).toMatchObject({ confirmed: false, proposedComplete: false });
    expect(next.proposed.map((d) => d.date)).toContain('2027-03-26');
    // A year Bangkom knows nothing of proposes nothing.
    expect(await o.t.ok('holidays.get', { year: 2031 }, o.token)).toMatchObject({ confirmed: false, days: [], proposed: [], proposedComplete: false });
  });

  it('"Pakai daftar ini" saves the proposal as the office’s list: audited as a confirmation, the journal untouched', async () => {
    const journal = journalCount();
    const { proposed } = await o.t.ok('holidays.get', { year: 2026 }, o.token);
    const saved = await o.t.ok('holidays.update', { year: 2026, days: proposed }, o.token);
    expect(saved).toMatchObject({ year: 2026, confirmed: true });
    expect(saved.days).toEqual(proposed);
    expect(await o.t.ok('holidays.get', { year: 2026 }, operatorToken)).toEqual(saved);
    const [row] = audits();
    expect(row).toMatchObject({ username: 'admin', action: 'holidays.confirm' });
    // The proposal taken as it is: the year and how many days, not every day again.
    expect(JSON.parse(row!.details!)).toEqual({ year: 2026, holidayCount: 25 });
    expect(journalCount()).toBe(journal);
    // Other years are untouched.
    expect((await o.t.ok('holidays.get', { year: 2027 }, o.token)).confirmed).toBe(false);
  });

  it('the admin adds and removes days; each change is audited old → new; saving the same list writes nothing', async () => {
    const current = (await o.t.ok('holidays.get', { year: 2026 }, o.token)).days;
    // An office day, typed with spaces around its name, added at the end: the list comes back in date order.
    const added = await o.t.ok('holidays.update', { year: 2026, days: [...current, { date: '2026-06-17', name: '  HUT Kota Palembang ', kind: 'kantor' }] }, o.token);
    expect(added.days).toHaveLength(26);
    expect(added.days.findIndex((d) => d.date === '2026-06-17')).toBe(added.days.findIndex((d) => d.date === '2026-06-16') + 1);
    expect(added.days).toContainEqual({ date: '2026-06-17', name: 'HUT Kota Palembang', kind: 'kantor' });
    // The kind defaults to the office's own.
    const withDefault = await o.t.ok('holidays.update', { year: 2026, days: [...added.days, { date: '2026-11-02', name: 'Rapat kerja kecamatan' }] }, o.token);
    expect(withDefault.days).toContainEqual({ date: '2026-11-02', name: 'Rapat kerja kecamatan', kind: 'kantor' });
    const removed = await o.t.ok('holidays.update', { year: 2026, days: withDefault.days.filter((d) => d.date !== '2026-12-24' && d.date !== '2026-11-02') }, o.token);
    expect(removed.days.map((d) => d.date)).not.toContain('2026-12-24');

    const rows = audits().slice(1);
    expect(rows.map((r) => r.action)).toEqual(['holidays.update', 'holidays.update', 'holidays.update']);
    expect(JSON.parse(rows[0]!.details!)).toEqual({ year: 2026, '2026-06-17': [null, { name: 'HUT Kota Palembang', holidayKind: 'kantor' }] });
    expect(JSON.parse(rows[2]!.details!)).toEqual({
      year: 2026,
      '2026-11-02': [{ name: 'Rapat kerja kecamatan', holidayKind: 'kantor' }, null],
      '2026-12-24': [{ name: 'Kelahiran Yesus Kristus', holidayKind: 'cuti_bersama' }, null],
    });
    await o.t.ok('holidays.update', { year: 2026, days: removed.days }, o.token);
    expect(audits()).toHaveLength(4);
  });

  it('refuses impossible dates, dates of another year and a date twice, per field; nothing changes', async () => {
    const before = await o.t.ok('holidays.get', { year: 2026 }, o.token);
    const refused = async (days: unknown[]) => (await o.t.fails('holidays.update', { year: 2026, days }, 'VALIDATION', o.token)).details?.issues;
    expect(await refused([{ date: '2026-02-30', name: 'Tidak ada', kind: 'kantor' }])).toEqual([
      { path: ['days', 0, 'date'], message: 'validation.date_not_real', params: expect.objectContaining({ value: '2026-02-30', context: 'day', lastDay: 28 }) },
    ]);
    expect(await refused([{ date: '2026-13-01', name: 'Bulan 13', kind: 'kantor' }])).toEqual([
      { path: ['days', 0, 'date'], message: 'validation.date_not_real', params: { value: '2026-13-01', context: 'month' } },
    ]);
    expect(await refused([{ date: '17-08-2026', name: 'Proklamasi', kind: 'nasional' }])).toEqual([
      { path: ['days', 0, 'date'], message: 'validation.date' },
    ]);
    expect(await refused([{ date: '2027-01-01', name: 'Tahun Baru', kind: 'nasional' }])).toEqual([
      { path: ['days', 0, 'date'], message: 'validation.holiday_other_year', params: { value: '2027-01-01', year: 2026 } },
    ]);
    expect(await refused([{ date: '2026-06-17', name: 'A', kind: 'kantor' }, { date: '2026-06-17', name: 'B', kind: 'kantor' }])).toEqual([
      { path: ['days', 1, 'date'], message: 'validation.holiday_duplicate', params: { value: '2026-06-17' } },
    ]);
    expect(await refused([{ date: '2026-06-17', name: '   ', kind: 'libur' }])).toEqual([
      { path: ['days', 0, 'name'], message: 'validation.required' },
      expect.objectContaining({ path: ['days', 0, 'kind'] }),
    ]);
    await o.t.fails('holidays.get', { year: 1999 }, 'VALIDATION', o.token);
    expect(await o.t.ok('holidays.get', { year: 2026 }, o.token)).toEqual(before);
  });

  it('operators read the list but cannot change it; nobody reads it without logging in', async () => {
    const before = await o.t.ok('holidays.get', { year: 2026 }, operatorToken);
    await o.t.fails('holidays.update', { year: 2026, days: [] }, 'FORBIDDEN', operatorToken);
    await o.t.fails('holidays.update', { year: 2027, days: NATIONAL_HOLIDAYS[2027]!.days }, 'FORBIDDEN', operatorToken);
    await o.t.fails('holidays.get', { year: 2026 }, 'UNAUTHENTICATED', null);
    expect(await o.t.ok('holidays.get', { year: 2026 }, o.token)).toEqual(before);
    expect((await o.t.ok('holidays.get', { year: 2027 }, o.token)).confirmed).toBe(false);
  });

  it('an admin may confirm an empty list; the backend still accepts a session on a holiday or a Sunday (the form asks, not the contract)', async () => {
    expect(await o.t.ok('holidays.update', { year: 2031, days: [] }, o.token)).toMatchObject({ confirmed: true, days: [] });
    expect(audits().at(-1)).toEqual({ username: 'admin', action: 'holidays.confirm', details: JSON.stringify({ year: 2031, holidayCount: 0 }) });
    // A list confirmed with changes to the proposal says where it differs from it.
    const proposal = (await o.t.ok('holidays.get', { year: 2027 }, o.token)).proposed;
    const edited = [...proposal.filter((d) => d.date !== '2027-05-01'), { date: '2027-06-17', name: 'HUT Kota Palembang', kind: 'kantor' as const }];
    await o.t.ok('holidays.update', { year: 2027, days: edited }, o.token);
    expect(JSON.parse(audits().at(-1)!.details!)).toEqual({
      year: 2027,
      holidayCount: proposal.length,
      '2027-05-01': [{ name: 'Hari Buruh Internasional', holidayKind: 'nasional' }, null],
      '2027-06-17': [null, { name: 'HUT Kota Palembang', holidayKind: 'kantor' }],
    });
    const event = await createEvent(o);
    const christmas = await addSession(o, event.id, '2026-12-25', '08:00', '10:00');
    const sunday = await addSession(o, event.id, '2026-12-06', '08:00', '10:00');
    expect([christmas.date, sunday.date]).toEqual(['2026-12-25', '2026-12-06']);
  });
});
