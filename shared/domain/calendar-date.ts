// Calendar dates as stored (YYYY-MM-DD, ARCHITECTURE.md): whether one exists on the calendar,
// and the years a date of each kind may fall in. One rule for every door: the contract's date
// inputs (shared/contract/common.ts) and the roster importer's dates read from spreadsheets
// (loose-date.ts, electron/backend/services/roster-import.ts) all ask here.
//
// Year ranges (each a setting-free fact, not a preference):
// - any date a clerk enters: 1900–2100;
// - a session's date: 2000–2100, the years a programme may be planned for (contract `year`);
// - a birth date: 1900 (the earliest a NIP may carry, nip.ts) to the current year.

export interface YearRange {
  min: number;
  max: number;
}

export const DATE_YEARS: YearRange = { min: 1900, max: 2100 };
export const EVENT_DATE_YEARS: YearRange = { min: 2000, max: 2100 };
export const MIN_BIRTH_YEAR = 1900;

/** Birth dates: from 1900 to the current year (nobody on a roster is born later). */
export function birthDateYears(currentYear: number = new Date().getFullYear()): YearRange {
  return { min: MIN_BIRTH_YEAR, max: currentYear };
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of the Gregorian calendar; 0 for a month that does not exist. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

export type DateParams = Record<string, string | number>;

/**
 * Message parameters for a date that is not on the calendar, as `value` was written.
 * `context` picks the wording (i18next context): `month` for a month outside 1–12, `day` for a
 * day past the month's end ("30 Februari 2026": `monthStart` is the first instant of that month,
 * UTC milliseconds, which the message formats as the month and year in either language); a day 0
 * has the plain wording. (No parameter is named `day`, `month` or `year`: i18next hands every
 * parameter to Intl.DateTimeFormat as an option, and those names would spoil the month's name.)
 */
export function notRealParams(value: string, year: number, month: number, day: number): DateParams {
  if (month < 1 || month > 12) return { value, context: 'month' };
  const lastDay = daysInMonth(year, month);
  if (day > lastDay) {
    const monthStart = new Date(0);
    monthStart.setUTCFullYear(year, month - 1, 1);
    return { value, context: 'day', dayOfMonth: day, lastDay, monthStart: monthStart.getTime() };
  }
  return { value };
}

export type DateProblem =
  | { code: 'validation.date'; params?: undefined }
  | { code: 'validation.date_not_real' | 'validation.date_year_range'; params: DateParams };

/**
 * What is wrong with a YYYY-MM-DD date, in order: its form, its year, whether it exists.
 * Null for a real date within the range.
 */
export function dateProblem(value: string, range: YearRange): DateProblem | null {
  if (!ISO_DATE.test(value)) return { code: 'validation.date' };
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const outside = yearProblem(value, year, range);
  if (outside) return outside;
  if (!isRealDate(year, month, day)) return { code: 'validation.date_not_real', params: notRealParams(value, year, month, day) };
  return null;
}

/** The range check alone. */
export function yearProblem(value: string, year: number, range: YearRange): DateProblem | null {
  if (year < range.min || year > range.max) {
    return { code: 'validation.date_year_range', params: { value, year, min: range.min, max: range.max } };
  }
  return null;
}
