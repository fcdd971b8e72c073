// Days the office does not work: Saturdays and Sundays, and the office's holiday list (hari libur
// nasional, cuti bersama and its own days off). A session scheduled on one is allowed, but the
// session form asks first (dayOff below); the backend and the CLI accept it without a word.
//
// The national list is data, not fetched: Bangkom works without internet. It is only a
// proposal. The government's joint decree (SKB Menteri Agama, Menteri Ketenagakerjaan and
// Menteri PANRB) decides each year's hari libur nasional and cuti bersama, and Islamic dates
// move with the sighting of the moon, sometimes after the decree; so the office's admin
// confirms the proposal in Pengaturan → Hari libur and edits it from then on. Never treat this
// list as the truth for an office.

import { ISO_DATE, isRealDate } from './calendar-date.ts';

/** `nasional`: hari libur nasional; `cuti_bersama`: collective leave; `kantor`: the office's own (a regional day, an office event). */
export const HOLIDAY_KINDS = ['nasional', 'cuti_bersama', 'kantor'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export interface Holiday {
  /** YYYY-MM-DD */
  date: string;
  name: string;
  kind: HolidayKind;
}

const n = (date: string, name: string): Holiday => ({ date, name, kind: 'nasional' });
const cb = (date: string, name: string): Holiday => ({ date, name, kind: 'cuti_bersama' });

/**
 * The national holidays and cuti bersama as best known, per year, with whether the year's list
 * is complete. Names as the decree writes them.
 *
 * 2026: SKB Menteri Agama, Menteri Ketenagakerjaan and Menteri PANRB No. 1497, 2 and 5 of 2025
 * (announced 19 September 2025): 17 hari libur nasional and 8 days of cuti bersama.
 *
 * 2027: its SKB was not known when this list was written. Only the dates that follow from fixed
 * rules are here: the fixed-date holidays, the Christian ones from the date of Easter (28 March
 * 2027) and Imlek (6 February 2027). The Islamic holidays (Isra Mikraj, Idul Fitri, Idul Adha,
 * 1 Muharam, Maulid), Nyepi, Waisak and every cuti bersama wait for the decree: the admin adds
 * them (`complete: false` makes the settings screen say so).
 */
export const NATIONAL_HOLIDAYS: Readonly<Record<number, { complete: boolean; days: readonly Holiday[] }>> = {
  2026: {
    complete: true,
    days: [
      n('2026-01-01', 'Tahun Baru 2026 Masehi'),
      n('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
      cb('2026-02-16', 'Tahun Baru Imlek 2577 Kongzili'),
      n('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
      cb('2026-03-18', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
      n('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
      cb('2026-03-20', 'Idul Fitri 1447 Hijriah'),
      n('2026-03-21', 'Idul Fitri 1447 Hijriah'),
      n('2026-03-22', 'Idul Fitri 1447 Hijriah'),
      cb('2026-03-23', 'Idul Fitri 1447 Hijriah'),
      cb('2026-03-24', 'Idul Fitri 1447 Hijriah'),
      n('2026-04-03', 'Wafat Yesus Kristus'),
      n('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
      n('2026-05-01', 'Hari Buruh Internasional'),
      n('2026-05-14', 'Kenaikan Yesus Kristus'),
      cb('2026-05-15', 'Kenaikan Yesus Kristus'),
      n('2026-05-27', 'Idul Adha 1447 Hijriah'),
      cb('2026-05-28', 'Idul Adha 1447 Hijriah'),
      n('2026-05-31', 'Hari Raya Waisak 2570 BE'),
      n('2026-06-01', 'Hari Lahir Pancasila'),
      n('2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah'),
      n('2026-08-17', 'Proklamasi Kemerdekaan'),
      n('2026-08-25', 'Maulid Nabi Muhammad SAW'),
      cb('2026-12-24', 'Kelahiran Yesus Kristus'),
      n('2026-12-25', 'Kelahiran Yesus Kristus'),
    ],
  },
  2027: {
    complete: false,
    days: [
      n('2027-01-01', 'Tahun Baru 2027 Masehi'),
      n('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili'),
      n('2027-03-26', 'Wafat Yesus Kristus'),
      n('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)'),
      n('2027-05-01', 'Hari Buruh Internasional'),
      n('2027-05-06', 'Kenaikan Yesus Kristus'),
      n('2027-06-01', 'Hari Lahir Pancasila'),
      n('2027-08-17', 'Proklamasi Kemerdekaan'),
      n('2027-12-25', 'Kelahiran Yesus Kristus'),
    ],
  },
};

/** The proposal for a year (empty for a year with no data), and whether it is the whole decree. */
export function proposedHolidays(year: number): { complete: boolean; days: Holiday[] } {
  const known = NATIONAL_HOLIDAYS[year];
  return known ? { complete: known.complete, days: known.days.map((d) => ({ ...d })) } : { complete: false, days: [] };
}

/** Sunday 0 … Saturday 6 of a YYYY-MM-DD date (the calendar's own, no time zone involved). */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(0);
  day.setUTCFullYear(y!, m! - 1, d!);
  return day.getUTCDay();
}

export type DayOff =
  | { kind: 'weekend'; date: string; weekday: 0 | 6 }
  | { kind: 'holiday'; date: string; holiday: Holiday };

/**
 * Why the office does not work on `date`, or null for a working day (or a date that is not a
 * real YYYY-MM-DD, which the form's own checks report). A holiday on a weekend is named as
 * the holiday: "25 Desember 2027 adalah Kelahiran Yesus Kristus" says more than "hari Sabtu".
 */
export function dayOff(date: string, holidays: readonly Holiday[]): DayOff | null {
  if (!ISO_DATE.test(date) || !isRealDate(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))) return null;
  const holiday = holidays.find((h) => h.date === date);
  if (holiday) return { kind: 'holiday', date, holiday };
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6 ? { kind: 'weekend', date, weekday } : null;
}

/** A list in date order (then by name), as it is stored and shown. */
export function sortHolidays<T extends Holiday>(days: readonly T[]): T[] {
  return [...days].sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}
