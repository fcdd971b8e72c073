// Which backups rotation keeps: a pure function over dates (7 daily, 4 weekly, 12 monthly over
// periods that have backups), the newest-N rule for manual and safety copies, file names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, officeShortName, parseBackupFileName } from '../../electron/backend/backup/format.ts';
import { dailyToKeep, filesToRemove, isoWeek, KEEP_MANUAL, KEEP_SAFETY } from '../../electron/backend/backup/rotation.ts';

const DAY = 86400000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** `n` consecutive days ending on `last`, oldest first. */
const days = (last: string, n: number) => Array.from({ length: n }, (_, i) => dateOf(Date.parse(last) - (n - 1 - i) * DAY));
const kept = (dates: string[]) => [...dailyToKeep(dates.map((date) => ({ date })))].map((i) => dates[i]!).sort();

describe('isoWeek', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday
    ['2025-12-29', '2026-W01'], // Monday of the week holding 1 January 2026
    ['2027-01-03', '2026-W53'], // 2026 has 53 ISO weeks
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
    ['2026-11-25', '2026-W48'],
  ])('%s is in %s', (date, week) => expect(isoWeek(date)).toBe(week));
});

describe('daily rotation', () => {
  it('after 400 days of daily backups at most 23 remain: the last 7 days, the newest of the last 4 weeks and 12 months', () => {
    const today = '2026-11-25'; // a Wednesday
    const dates = days(today, 400);
    const keep = kept(dates);
    expect(keep.length).toBeLessThanOrEqual(23);
    expect(keep).toContain(today);
    // The last 7 days.
    for (const d of days(today, 7)) expect(keep).toContain(d);
    // The newest backup of each of the last 4 ISO weeks: this week's is today's; then the Sundays.
    expect(keep).toEqual(expect.arrayContaining(['2026-11-22', '2026-11-15', '2026-11-08']));
    // The newest backup of each of the last 12 months: today, then each month's last day.
    const monthEnds = ['2026-10-31', '2026-09-30', '2026-08-31', '2026-07-31', '2026-06-30', '2026-05-31', '2026-04-30', '2026-03-31', '2026-02-28', '2026-01-31', '2025-12-31'];
    expect(keep).toEqual(expect.arrayContaining(monthEnds));
    // Exactly: 7 days (holding this week's and last week's newest: today and Sunday the 22nd),
    // 2 older Sundays, 11 older month ends (this month's newest is today's).
    expect(keep).toHaveLength(7 + 2 + 11);
    expect(keep[0]).toBe('2025-12-31');
  });

  it('counts periods that have backups: a PC off for two months keeps its last backups', () => {
    const before = days('2026-08-31', 30);
    const after = days('2026-11-03', 2);
    const keep = kept([...before, ...after]);
    expect(keep).toEqual(expect.arrayContaining([...after, ...days('2026-08-31', 5)]));
    expect(keep.filter((d) => d <= '2026-08-31').length).toBeGreaterThanOrEqual(5);
  });

  it('property: at most 23 kept, the newest always kept, never more than one per day kept for the daily rule beyond 7', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 600 }),
      (offsets) => {
        const dates = offsets.map((o) => dateOf(Date.parse('2020-01-01') + o * DAY));
        const keep = dailyToKeep(dates.map((date) => ({ date })));
        expect(keep.size).toBeLessThanOrEqual(23);
        expect(keep.size).toBeGreaterThanOrEqual(Math.min(7, dates.length));
        const newest = dates.reduce((a, b) => (a > b ? a : b));
        expect([...keep].map((i) => dates[i])).toContain(newest);
        // Idempotent: rotating what was kept keeps all of it.
        const again = [...keep].map((i) => dates[i]!);
        expect(dailyToKeep(again.map((date) => ({ date }))).size).toBe(again.length);
      },
    ));
  });
});

describe('file names and rotation of a folder', () => {
  it('names a clerk understands, read back to their kind and date', () => {
    expect(officeShortName('Kantor Kecamatan Plaju')).toBe('Plaju');
    expect(officeShortName('Kecamatan Plaju')).toBe('Plaju');
    expect(officeShortName('Kec. Ilir Barat I')).toBe('Ilir_Barat_I');
    expect(officeShortName('Kantor Camat Seberang Ulu Ⅱ')).toBe('Seberang_Ulu_II');
    expect(officeShortName('Distrik Abepura')).toBe('Abepura');
    expect(officeShortName('')).toBe('Kantor');
    expect(backupFileName('Plaju', '2026-11-25', '09:30', 'harian')).toBe('Bangkom-Plaju-2026-11-25-harian.bangkom-backup');
    expect(backupFileName('Plaju', '2026-11-25', '09:30', 'manual')).toBe('Bangkom-Plaju-2026-11-25-0930.bangkom-backup');
    expect(backupFileName('Plaju', '2026-11-25', '09:30', 'manual', 2)).toBe('Bangkom-Plaju-2026-11-25-0930-2.bangkom-backup');
    expect(backupFileName('Ilir_Barat_I', '2026-11-25', '09:30', 'sebelum-migrasi')).toBe('Bangkom-Ilir_Barat_I-2026-11-25-0930-sebelum-migrasi.bangkom-backup');
    for (const kind of ['harian', 'manual', 'sebelum-migrasi', 'sebelum-pemulihan'] as const) {
      const name = backupFileName('Seberang-Ulu', '2026-02-03', '23:59', kind, 3);
      expect(parseBackupFileName(name)).toMatchObject({ kind, date: '2026-02-03', counter: 3 });
    }
    expect(parseBackupFileName('bangkom.sqlite')).toBeNull();
    expect(parseBackupFileName('Salinan Bangkom.bangkom-backup')).toBeNull();
  });

  it('keeps the newest 10 manual and 5 of each safety kind; leaves other kinds and foreign names alone', () => {
    const manual = Array.from({ length: 14 }, (_, i) => backupFileName('Plaju', dateOf(Date.parse('2026-01-01') + i * DAY), '10:00', 'manual'));
    const safety = Array.from({ length: 8 }, (_, i) => backupFileName('Plaju', '2026-03-01', `0${i}:00`, 'sebelum-pemulihan'));
    const daily = days('2026-03-01', 3).map((d) => backupFileName('Plaju', d, '00:00', 'harian'));
    const names = [...manual, ...safety, ...daily, 'catatan.txt', 'Bangkom-Plaju-salinan-tangan.bangkom-backup'];
    expect(filesToRemove(names, 'manual').sort()).toEqual(manual.slice(0, 14 - KEEP_MANUAL).sort());
    expect(filesToRemove(names, 'sebelum-pemulihan').sort()).toEqual(safety.slice(0, 8 - KEEP_SAFETY).sort());
    expect(filesToRemove(names, 'sebelum-migrasi')).toEqual([]);
    expect(filesToRemove(names, 'harian')).toEqual([]);
  });
});
