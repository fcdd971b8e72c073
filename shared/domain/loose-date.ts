// Dates as rosters write them, read into YYYY-MM-DD (the stored form, ARCHITECTURE.md).
//
// Order: Indonesian writing is day-month-year, so "05/06/1986" is 5 June 1986. A CSV saved on a
// PC set to US English has month-day-year instead; detectDateOrder looks at a whole column and
// says so only when a value proves it ("09/26/1986"), and the caller passes `order: 'mdy'`.
// Two-digit years ("26/09/86") are refused: the century would be a guess.
// Years outside 1900–2199 are refused as typos. A date read plainly that is not on the calendar
// ("31-02-2000", "2026-13-01") is told apart from one that cannot be read: the clerk is told it
// does not exist, with the same words as a date typed into a form (calendar-date.ts).

import { isRealDate, notRealParams, type DateParams } from './calendar-date.ts';

export type LooseDateResult =
  | { ok: true; date: string }
  | { ok: false; error: 'date.invalid' }
  | { ok: false; error: 'validation.date_not_real'; params: DateParams };
export type DateOrder = 'dmy' | 'mdy';
export interface LooseDateOptions {
  order?: DateOrder;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const DAY_MS = 86_400_000;
// Excel's 1900 date system counts a 29 February 1900 that never was, so from serial 61
// (1 March 1900) on, serial n is n days after 30 December 1899.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/**
 * Numbers read as Excel serial dates: 1 January 1920 to 31 December 2199. The lower bound keeps
 * a stray number (a year typed alone, "1986", would be serial 1986 = June 1905) from becoming a
 * date; nobody on a roster was born before 1920. It also keeps clear of the 1900 leap bug.
 */
export const EXCEL_SERIAL_MIN = (Date.UTC(1920, 0, 1) - EXCEL_EPOCH) / DAY_MS;
export const EXCEL_SERIAL_MAX = (Date.UTC(MAX_YEAR, 11, 31) - EXCEL_EPOCH) / DAY_MS;

// Indonesian and English names and the abbreviations in use, including old spellings
// (Pebruari, Nopember) and the several ways Agustus is shortened.
const MONTHS = new Map<string, number>();
const MONTH_NAMES: string[][] = [
  ['januari', 'january', 'jan'],
  ['februari', 'pebruari', 'february', 'feb', 'peb', 'febr'],
  ['maret', 'march', 'mar', 'mrt'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['agustus', 'august', 'agu', 'agt', 'ags', 'agus', 'agust', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nopember', 'nov', 'nop'],
  ['desember', 'december', 'des', 'dec'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((name) => MONTHS.set(name, i + 1)));

// "Rabu, 25 November 2026": the day name adds nothing and is dropped.
const WEEKDAY = /^(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*/;
// A time after the date, as systems export it ("2026-11-25 00:00:00", "2026-11-25T00:00:00Z").
const TIME = /(?:\s+|t)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[+-]\d{2}:?\d{2})?$/;

const ISO = /^(\d{4}) ?[-/.] ?(\d{1,2}) ?[-/.] ?(\d{1,2})$/;
const NUMERIC = /^(\d{1,2}) ?[-/. ] ?(\d{1,2}) ?[-/. ] ?(\d{4})$/;
const DAY_NAME_YEAR = /^(\d{1,2})[-/.\s]*([a-z]+)\.?[-/.,\s]*(\d{4})$/;
const NAME_DAY_YEAR = /^([a-z]+)\.?\s*(\d{1,2}),?\s*(\d{4})$/;

export function parseLooseDate(raw: string | number, options: LooseDateOptions = {}): LooseDateResult {
  if (typeof raw === 'number') return fromSerial(raw);

  const text = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(WEEKDAY, '')
    .replace(TIME, '');

  if (/^\d+(?:\.\d+)?$/.test(text)) return fromSerial(Number(text));

  const written = raw.trim();
  let m = ISO.exec(text);
  if (m) return fromParts(written, m[1]!, m[2]!, m[3]!);
  m = NUMERIC.exec(text);
  if (m) return options.order === 'mdy' ? fromParts(written, m[3]!, m[1]!, m[2]!) : fromParts(written, m[3]!, m[2]!, m[1]!);
  // A word that is no month's name makes the cell unreadable, not a 13th month.
  m = DAY_NAME_YEAR.exec(text);
  if (m) return MONTHS.has(m[2]!) ? fromParts(written, m[3]!, MONTHS.get(m[2]!)!, m[1]!) : invalid();
  m = NAME_DAY_YEAR.exec(text);
  if (m) return MONTHS.has(m[1]!) ? fromParts(written, m[3]!, MONTHS.get(m[1]!)!, m[2]!) : invalid();
  return invalid();
}

/**
 * 'mdy' when a column's numeric dates can only be month-day-year (some middle number above 12
 * and no first number above 12); otherwise the Indonesian 'dmy'.
 */
export function detectDateOrder(values: Iterable<string>): DateOrder {
  let dmy = false;
  let mdy = false;
  for (const value of values) {
    const m = NUMERIC.exec(value.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
  }
  return mdy && !dmy ? 'mdy' : 'dmy';
}

function fromSerial(serial: number): LooseDateResult {
  if (!Number.isFinite(serial) || serial < EXCEL_SERIAL_MIN || serial >= EXCEL_SERIAL_MAX + 1) return invalid();
  // A fraction is the time of day.
  const date = new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS);
  return { ok: true, date: date.toISOString().slice(0, 10) };
}

function fromParts(written: string, year: string | number, month: string | number, day: string | number): LooseDateResult {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < MIN_YEAR || y > MAX_YEAR) return invalid();
  if (!isRealDate(y, m, d)) return { ok: false, error: 'validation.date_not_real', params: notRealParams(written, y, m, d) };
  return { ok: true, date: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

function invalid(): LooseDateResult {
  return { ok: false, error: 'date.invalid' };
}
