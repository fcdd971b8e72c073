// Dates that cannot be: one rule (shared/domain/calendar-date.ts) behind every date the contract
// takes in, with distinct message keys for the form, the calendar and the year range.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import { DATE_YEARS, EVENT_DATE_YEARS, birthDateYears, dateProblem, daysInMonth, isLeapYear } from '../../shared/domain/calendar-date.ts';
import { birthDate, calendarDate, enteredDate, isoDate, keyedMessage, sessionDate, splitKeyedMessage } from '../../shared/contract/common.ts';
import { ApiError, type FieldIssue } from '../../shared/contract/errors.ts';
import { parseInput } from '../../shared/contract/validate.ts';
import { createI18n, issueText } from '../../shared/i18n/index.ts';

const code = (value: string, range = DATE_YEARS) => dateProblem(value, range)?.code ?? 'ok';

/** The issue a door reports for employees.setStatus with this statusDate (parseInput, as every door calls it). */
function doorIssue(statusDate: unknown): FieldIssue | undefined {
  try {
    parseInput('employees.setStatus', { id: '019a0000-0000-7000-8000-000000000001', status: 'pindah', statusDate });
    return undefined;
  } catch (err) {
    if (err instanceof ApiError) return err.details?.issues?.[0];
    throw err;
  }
}

/** The first issue a schema raises, its message split into key and parameters as a form reads it. */
function schemaIssue(schema: z.ZodType, value: unknown): { message: string; params?: Record<string, string | number> } | undefined {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const { key, params } = splitKeyedMessage(result.error.issues[0]!.message);
  return params ? { message: key, params } : { message: key };
}

describe('the calendar', () => {
  it('knows leap years: every 4th, but not every 100th, but every 400th', () => {
    expect([2024, 2000, 1996, 2400].map(isLeapYear)).toEqual([true, true, true, true]);
    expect([2025, 1900, 2100, 2023].map(isLeapYear)).toEqual([false, false, false, false]);
    expect([1, 2, 4, 12, 13, 0].map((m) => daysInMonth(2025, m))).toEqual([31, 28, 30, 31, 0, 0]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('agrees with the JavaScript calendar on every date of 1900–2100', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
      const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const real = m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
      expect(code(iso), iso).toBe(real ? 'ok' : 'validation.date_not_real');
    }), { numRuns: 2000 });
  });
});

describe('dateProblem', () => {
  it('tells a bad form, a date not on the calendar and a year out of range apart', () => {
    expect(code('2026-02-30')).toBe('validation.date_not_real');
    expect(code('2026-13-01')).toBe('validation.date_not_real');
    expect(code('2026-00-10')).toBe('validation.date_not_real');
    expect(code('2026-04-31')).toBe('validation.date_not_real');
    expect(code('2026-01-00')).toBe('validation.date_not_real');
    expect(code('0000-01-01')).toBe('validation.date_year_range');
    expect(code('2024-02-29')).toBe('ok');
    expect(code('2000-02-29')).toBe('ok');
    expect(code('2025-02-29')).toBe('validation.date_not_real');
    expect(code('1900-02-29')).toBe('validation.date_not_real');
    expect(code('1899-12-31')).toBe('validation.date_year_range');
    expect(code('2101-01-01')).toBe('validation.date_year_range');
    expect(code('1900-01-01')).toBe('ok');
    expect(code('2100-12-31')).toBe('ok');
    for (const bad of ['25-11-2026', '2026-1-5', '2026/11/25', '20261125', '', ' 2026-11-25', '2026-11-25T00:00']) expect(code(bad), bad).toBe('validation.date');
  });

  it('gives the parameters its messages need', () => {
    expect(dateProblem('2026-02-30', DATE_YEARS)).toEqual({
      code: 'validation.date_not_real',
      params: { value: '2026-02-30', context: 'day', dayOfMonth: 30, lastDay: 28, monthStart: Date.UTC(2026, 1, 1) },
    });
    expect(dateProblem('2026-13-01', DATE_YEARS)).toEqual({ code: 'validation.date_not_real', params: { value: '2026-13-01', context: 'month' } });
    expect(dateProblem('2026-01-00', DATE_YEARS)).toEqual({ code: 'validation.date_not_real', params: { value: '2026-01-00' } });
    expect(dateProblem('0000-01-01', DATE_YEARS)).toEqual({ code: 'validation.date_year_range', params: { value: '0000-01-01', year: 0, min: 1900, max: 2100 } });
  });

  it('holds each kind of date to its years: sessions 2000–2100, birth dates 1900 to this year', () => {
    expect(code('1999-12-31', EVENT_DATE_YEARS)).toBe('validation.date_year_range');
    expect(code('2000-01-01', EVENT_DATE_YEARS)).toBe('ok');
    expect(code('2100-12-31', EVENT_DATE_YEARS)).toBe('ok');
    expect(code('2101-01-01', EVENT_DATE_YEARS)).toBe('validation.date_year_range');
    expect(birthDateYears(2026)).toEqual({ min: 1900, max: 2026 });
    expect(code('2027-01-01', birthDateYears(2026))).toBe('validation.date_year_range');
    expect(code('1900-01-01', birthDateYears(2026))).toBe('ok');
  });
});

describe('the contract\'s date inputs', () => {
  it('refuse impossible dates through parseInput, with the field path, the key and its parameters', () => {
    expect(doorIssue('2026-02-30')).toEqual({
      path: ['statusDate'], message: 'validation.date_not_real',
      params: { value: '2026-02-30', context: 'day', dayOfMonth: 30, lastDay: 28, monthStart: Date.UTC(2026, 1, 1) },
    });
    expect(doorIssue('1899-12-31')).toEqual({ path: ['statusDate'], message: 'validation.date_year_range', params: { value: '1899-12-31', year: 1899, min: 1900, max: 2100 } });
    expect(doorIssue('25-11-2026')).toEqual({ path: ['statusDate'], message: 'validation.date' });
    expect(parseInput('employees.setStatus', { id: '019a0000-0000-7000-8000-000000000001', status: 'pindah', statusDate: '2024-02-29' })).toMatchObject({ statusDate: '2024-02-29' });
  });

  it('each kind with its own years', () => {
    expect(schemaIssue(sessionDate, '1999-12-31')).toMatchObject({ message: 'validation.date_year_range', params: { min: 2000, max: 2100 } });
    expect(schemaIssue(sessionDate, '2026-11-25')).toBeUndefined();
    const thisYear = new Date().getFullYear();
    expect(schemaIssue(birthDate, `${thisYear + 1}-01-01`)).toMatchObject({ message: 'validation.date_year_range', params: { min: 1900, max: thisYear } });
    expect(schemaIssue(birthDate, '1900-01-01')).toBeUndefined();
    expect(schemaIssue(calendarDate({ min: 2020, max: 2021 }), '2022-01-01')).toMatchObject({ params: { min: 2020, max: 2021 } });
  });

  it('outputs keep the form check only, so rows stored before the calendar check still read', () => {
    expect(isoDate.safeParse('2026-02-30').success).toBe(true);
    expect(isoDate.safeParse('2026-2-3').success).toBe(false);
  });

  it('carry parameters inside the message for the forms, split off again by the doors', () => {
    expect(keyedMessage('validation.session_too_long', { maxHours: 12 })).toBe('validation.session_too_long|{"maxHours":12}');
    expect(keyedMessage('validation.date')).toBe('validation.date');
    expect(splitKeyedMessage('validation.session_too_long|{"maxHours":12}')).toEqual({ key: 'validation.session_too_long', params: { maxHours: 12 } });
    expect(splitKeyedMessage('validation.date')).toEqual({ key: 'validation.date' });
  });
});

describe('the messages', () => {
  const tId = createI18n('id').t;
  const tEn = createI18n('en').t;
  const say = (value: string, range = DATE_YEARS) => {
    const p = dateProblem(value, range)!;
    const issue: FieldIssue = { path: [], message: p.code, ...(p.params ? { params: p.params } : {}) };
    return [issueText(tId, issue), issueText(tEn, issue)];
  };

  it('name the date that does not exist, and why, in Indonesian and English', () => {
    expect(say('2026-02-30')).toEqual([
      'Tanggal 30 Februari 2026 tidak ada di kalender: bulan itu hanya sampai tanggal 28.',
      'There is no 30 February 2026 on the calendar: that month ends on day 28.',
    ]);
    expect(say('2025-02-29')[0]).toBe('Tanggal 29 Februari 2025 tidak ada di kalender: bulan itu hanya sampai tanggal 28.');
    expect(say('2026-04-31')[1]).toBe('There is no 31 April 2026 on the calendar: that month ends on day 30.');
    expect(say('2026-13-01')).toEqual([
      'Tanggal 2026-13-01 tidak ada di kalender: bulan ditulis 01 sampai 12.',
      'There is no date 2026-13-01 on the calendar: months are 01 to 12.',
    ]);
    expect(say('2026-01-00')).toEqual(['Tanggal 2026-01-00 tidak ada di kalender.', 'There is no date 2026-01-00 on the calendar.']);
  });

  it('give the accepted years', () => {
    expect(say('0000-01-01')).toEqual([
      'Tahun 0 di luar rentang yang diterima (1900–2100).',
      'The year 0 is outside the accepted range (1900–2100).',
    ]);
    expect(say('1999-05-01', EVENT_DATE_YEARS)[0]).toBe('Tahun 1999 di luar rentang yang diterima (2000–2100).');
  });
});
