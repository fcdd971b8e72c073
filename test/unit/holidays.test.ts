// Weekends and holidays (shared/domain/holidays.ts): the check the session form asks with, and
// the national proposal's data kept honest (real dates of their own year, one entry per date,
// the weekdays the decree names).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateProblem, EVENT_DATE_YEARS } from '../../shared/domain/calendar-date.ts';
import { NATIONAL_HOLIDAYS, dayOff, proposedHolidays, sortHolidays, weekdayOf, type Holiday } from '../../shared/domain/holidays.ts';

const office: Holiday[] = [
  { date: '2026-12-25', name: 'Kelahiran Yesus Kristus', kind: 'nasional' },
  { date: '2026-12-24', name: 'Kelahiran Yesus Kristus', kind: 'cuti_bersama' },
  { date: '2026-06-17', name: 'HUT Kota Palembang', kind: 'kantor' },
  { date: '2026-03-22', name: 'Idul Fitri 1447 Hijriah', kind: 'nasional' },
];

describe('dayOff', () => {
  it('Saturdays and Sundays are days off; Monday to Friday are not', () => {
    expect(dayOff('2026-12-05', [])).toEqual({ kind: 'weekend', date: '2026-12-05', weekday: 6 });
    expect(dayOff('2026-12-06', [])).toEqual({ kind: 'weekend', date: '2026-12-06', weekday: 0 });
    for (const date of ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']) expect(dayOff(date, office), date).toBeNull();
  });

  it('a day in the list is named, whatever its kind; a holiday on a Sunday is named as the holiday', () => {
    expect(dayOff('2026-12-25', office)).toEqual({ kind: 'holiday', date: '2026-12-25', holiday: office[0] });
    expect(dayOff('2026-12-24', office)).toMatchObject({ kind: 'holiday', holiday: { kind: 'cuti_bersama' } });
    expect(dayOff('2026-06-17', office)).toMatchObject({ kind: 'holiday', holiday: { name: 'HUT Kota Palembang', kind: 'kantor' } });
    expect(weekdayOf('2026-03-22')).toBe(0);
    expect(dayOff('2026-03-22', office)).toMatchObject({ kind: 'holiday', holiday: { name: 'Idul Fitri 1447 Hijriah' } });
    // Only the office's list counts: without it, Christmas 2026 (a Friday) is a working day.
    expect(dayOff('2026-12-25', [])).toBeNull();
  });

  it('a date that is not a real YYYY-MM-DD is no day off (the form’s own checks report it)', () => {
    for (const date of ['', '2026-02-30', '2026-13-01', '6 Desember 2026', '2026-12-6']) expect(dayOff(date, office), date).toBeNull();
  });

  it('agrees with the calendar for any date: a weekend exactly when JavaScript’s UTC weekday is 0 or 6', () => {
    fc.assert(fc.property(fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }), (d) => {
      const iso = d.toISOString().slice(0, 10);
      const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
      expect(dayOff(iso, [])).toEqual(weekend ? { kind: 'weekend', date: iso, weekday: d.getUTCDay() } : null);
    }));
  });
});

describe('the national proposal', () => {
  it('every date is real, of its own year, once per year, in date order', () => {
    for (const [year, { days }] of Object.entries(NATIONAL_HOLIDAYS)) {
      for (const d of days) {
        expect(dateProblem(d.date, EVENT_DATE_YEARS), d.date).toBeNull();
        expect(d.date.slice(0, 4), d.date).toBe(year);
        expect(d.name.trim().length, d.date).toBeGreaterThan(0);
      }
      expect(new Set(days.map((d) => d.date)).size, year).toBe(days.length);
      expect(sortHolidays(days), year).toEqual(days);
    }
  });

  it('2026 follows the SKB (No. 1497, 2 and 5 of 2025): the weekdays it names, and cuti bersama beside each holiday', () => {
    const days = proposedHolidays(2026);
    expect(days.complete).toBe(true);
    const weekday = Object.fromEntries(days.days.map((d) => [d.date, weekdayOf(d.date)]));
    // Thursday 1 January, Friday 16 January, Saturday–Sunday 21–22 March, Sunday 31 May, Thursday 24 December.
    expect([weekday['2026-01-01'], weekday['2026-01-16'], weekday['2026-03-21'], weekday['2026-03-22'], weekday['2026-05-31'], weekday['2026-12-24']]).toEqual([4, 5, 6, 0, 0, 4]);
    expect(days.days.filter((d) => d.kind === 'cuti_bersama').map((d) => d.date))
      .toEqual(['2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24']);
  });

  it('2027 is marked incomplete and holds the days fixed rules give (Easter 28 March 2027)', () => {
    const days = proposedHolidays(2027);
    expect(days.complete).toBe(false);
    expect(days.days.map((d) => d.date)).toEqual(expect.arrayContaining(['2027-01-01', '2027-03-26', '2027-03-28', '2027-05-01', '2027-05-06', '2027-06-01', '2027-08-17', '2027-12-25']));
    expect(proposedHolidays(2040)).toEqual({ complete: false, days: [] });
  });

  it('a proposal is a copy: editing it does not change the data', () => {
    const copy = proposedHolidays(2026);
    copy.days[0]!.name = 'diubah';
    expect(proposedHolidays(2026).days[0]!.name).toBe('Tahun Baru 2026 Masehi');
  });
});
