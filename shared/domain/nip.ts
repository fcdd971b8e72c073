// NIP (PNS) and NI PPPK: 18-digit civil-servant numbers. See DOMAIN.md, "NIP and NI PPPK".
//   PNS:  yyyymmdd (birth) + yyyymm (TMT CPNS) + gender + 3-digit sequence
//   PPPK: yyyymmdd (birth) + yyyy (appointment year) + '2' + 1–9 + gender + 3-digit serial
// Digits 13–14 tell the kinds apart: a month (01–12) for PNS, "21".."29" for PPPK. Anything
// else is read as a PNS NIP with an invalid TMT month, since that is the likelier typo.

import { isRealDate, MIN_BIRTH_YEAR } from './calendar-date.ts';

export type NipKind = 'pns' | 'pppk';
export type Gender = 'L' | 'P';

export interface ParsedNip {
  digits: string;
  kind: NipKind;
  birthDate: string;
  gender: Gender;
  tmt?: string;
  appointmentYear?: number;
  sequence: string;
}

export type NipErrorCode =
  | 'nip.empty'
  | 'nip.not_digits'
  | 'nip.wrong_length'
  | 'nip.excel_scientific'
  | 'nip.excel_precision'
  | 'nip.birth_date_invalid'
  | 'nip.tmt_invalid'
  | 'nip.appointment_year_invalid'
  | 'nip.gender_invalid'
  | 'nip.sequence_invalid';
export type NipWarningCode = 'nip.tmt_before_18' | 'nip.birth_date_mismatch' | 'nip.gender_mismatch';

export interface NipIssue<C extends string = NipErrorCode | NipWarningCode> {
  code: C;
  params?: Record<string, string | number>;
}

export type NipParseResult =
  | { ok: true; nip: ParsedNip; warnings: NipIssue<NipWarningCode>[] }
  | { ok: false; errors: NipIssue<NipErrorCode>[] };

// The 18-digit NIP dates from 2007 (Perka BKN 22/2007) and was given to every serving PNS;
// the oldest of them could have entered service around the early 1960s.
const MIN_TMT_YEAR = 1960;
const MIN_PPPK_YEAR = 2019; // first PPPK appointments
// A TMT or appointment year may lie one year ahead: numbers are issued before the TMT,
// often late in the year with a TMT of the following January.
const YEARS_AHEAD = 1;

// Separators people paste in: whitespace (incl. NBSP, narrow NBSP), zero-width space,
// dots, ASCII hyphen and the Unicode dashes/minus that word processors substitute.
const SEPARATORS = /[\s\u200b.\-\u2010-\u2015\u2212]/g;

export function normalizeNipInput(raw: string): string {
  return raw.trim().replace(SEPARATORS, '');
}

export function formatNip(digits: string): string {
  if (!/^\d{18}$/.test(digits)) return digits;
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}

export function isValidNip(raw: string): boolean {
  return parseNip(raw).ok;
}

export function parseNip(raw: string, today: string = localToday()): NipParseResult {
  const todayYear = parseToday(today);
  const trimmed = raw.trim();

  // Checked before normalising, which would strip the decimal point.
  if (/^\d+(?:[.,]\d*)?\s*e\s*\+?\d+$/i.test(trimmed)) return fail({ code: 'nip.excel_scientific' });

  const digits = normalizeNipInput(raw);
  if (digits === '') return fail({ code: 'nip.empty' });
  if (!/^\d+$/.test(digits)) {
    const chars = [...new Set(digits.replace(/\d/g, ''))].join('');
    return fail({ code: 'nip.not_digits', params: { chars } });
  }
  if (digits.length !== 18) return fail({ code: 'nip.wrong_length', params: { length: digits.length } });

  const errors: NipIssue<NipErrorCode>[] = [];
  const warnings: NipIssue<NipWarningCode>[] = [];

  const birthDate = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  const birthProblem = checkBirthDate(birthDate, today);
  if (birthProblem) errors.push({ code: 'nip.birth_date_invalid', params: { value: birthDate, reason: birthProblem } });
  const birthOk = !birthProblem;

  const kind: NipKind = /^2[1-9]$/.test(digits.slice(12, 14)) ? 'pppk' : 'pns';
  let tmt: string | undefined;
  let appointmentYear: number | undefined;

  if (kind === 'pns') {
    tmt = `${digits.slice(8, 12)}-${digits.slice(12, 14)}`;
    const year = Number(digits.slice(8, 12));
    const month = Number(digits.slice(12, 14));
    const reason =
      month < 1 || month > 12 ? 'month'
      : year < MIN_TMT_YEAR ? 'too_early'
      : year > todayYear + YEARS_AHEAD ? 'future'
      : birthOk && `${tmt}-01` <= birthDate ? 'before_birth' // TMT is always the 1st of a month
      : undefined;
    if (reason) errors.push({ code: 'nip.tmt_invalid', params: { value: tmt, reason } });
    else if (birthOk && `${tmt}-01` < addYears(birthDate, 18)) {
      // Unusual (minimum CPNS age is 18) but old records have it; leave the decision to a person.
      warnings.push({ code: 'nip.tmt_before_18', params: { tmt, birthDate } });
    }
  } else {
    appointmentYear = Number(digits.slice(8, 12));
    const reason =
      appointmentYear < MIN_PPPK_YEAR ? 'too_early'
      : appointmentYear > todayYear + YEARS_AHEAD ? 'future'
      : birthOk && appointmentYear <= Number(birthDate.slice(0, 4)) ? 'before_birth'
      : undefined;
    if (reason) errors.push({ code: 'nip.appointment_year_invalid', params: { value: appointmentYear, reason } });
  }

  const genderDigit = digits.charAt(14);
  if (genderDigit !== '1' && genderDigit !== '2') errors.push({ code: 'nip.gender_invalid', params: { value: genderDigit } });

  const sequence = digits.slice(15);
  if (sequence === '000') {
    // A number cell keeps 15 significant digits, so the last three come back as 000. Someone
    // who wrote the NIP in its spaced/dashed form typed text, so that is a plain bad sequence.
    // Thousand grouping ("198.609.262.015.051.000") is how a number cell displays, so it counts.
    const fromNumberCell = /^\d+$|^\d{1,3}(?:[.\s]\d{3})+$/.test(trimmed);
    errors.push({ code: fromNumberCell ? 'nip.excel_precision' : 'nip.sequence_invalid' });
  }

  if (errors.length > 0) return { ok: false, errors };

  const nip: ParsedNip = { digits, kind, birthDate, gender: genderDigit === '1' ? 'L' : 'P', sequence };
  if (tmt !== undefined) nip.tmt = tmt;
  if (appointmentYear !== undefined) nip.appointmentYear = appointmentYear;
  return { ok: true, nip, warnings };
}

export function compareNipWith(
  nip: ParsedNip,
  entered: { birthDate?: string | null; gender?: Gender | null },
): NipIssue<NipWarningCode>[] {
  const issues: NipIssue<NipWarningCode>[] = [];
  const birthDate = entered.birthDate?.trim();
  if (birthDate && birthDate !== nip.birthDate) {
    issues.push({ code: 'nip.birth_date_mismatch', params: { fromNip: nip.birthDate, entered: birthDate } });
  }
  if (entered.gender && entered.gender !== nip.gender) {
    issues.push({ code: 'nip.gender_mismatch', params: { fromNip: nip.gender, entered: entered.gender } });
  }
  return issues;
}

function fail(error: NipIssue<NipErrorCode>): NipParseResult {
  return { ok: false, errors: [error] };
}

/** Why an ISO date cannot be a birth date, or undefined when it can. */
function checkBirthDate(iso: string, today: string): string | undefined {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (!isRealDate(y, m, d)) return 'calendar';
  if (y < MIN_BIRTH_YEAR) return 'too_early';
  if (iso > today) return 'future';
  return undefined;
}

// Plain string arithmetic: a 29 February birthday gives "yyyy-02-29" even in a common year,
// which still compares correctly against a TMT that always falls on the 1st.
function addYears(iso: string, years: number): string {
  return `${String(Number(iso.slice(0, 4)) + years).padStart(4, '0')}${iso.slice(4)}`;
}

/** Validates `today` (a programming error if malformed) and returns its year. */
function parseToday(today: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`parseNip: today must be YYYY-MM-DD, got "${today}"`);
  return Number(today.slice(0, 4));
}

// The local calendar date, not UTC: in Indonesia (UTC+7..+9) UTC is still "yesterday" until 07:00.
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
