import { z } from 'zod';
import { parseNip } from '../domain/nip.ts';
import { TIMEZONES } from '../domain/timezone.ts';
import { DATE_YEARS, EVENT_DATE_YEARS, ISO_DATE, birthDateYears, dateProblem, type YearRange } from '../domain/calendar-date.ts';

// Messages in schemas are message keys (shared/i18n); the UI and the CLI translate them.

export const empty = z.object({}).strict();

export const id = z.string().uuid('validation.id');

export function text(max: number) {
  return z.string().trim().min(1, 'validation.required').max(max, 'validation.too_long');
}

export function optionalText(max: number) {
  return z.string().trim().max(max, 'validation.too_long').default('');
}

/** A file the backend made, for the door to save (XLSX, CSV, PDF). */
export const exportedFile = z.object({ fileName: z.string(), mimeType: z.string(), dataBase64: z.string() });
export type ExportedFile = z.infer<typeof exportedFile>;

/**
 * A message key with its parameters in one string: `validation.date_year_range|{"min":1900,…}`.
 * zod keeps only an issue's message on its way into a form (react-hook-form's resolver), so a
 * schema check whose words need numbers carries them in it; parseInput splits them off again
 * (validate.ts). The form is the renderer's encodeIssue (renderer/src/components/errors.ts).
 */
export function keyedMessage(key: string, params?: Record<string, string | number>): string {
  return params && Object.keys(params).length > 0 ? `${key}|${JSON.stringify(params)}` : key;
}

export function splitKeyedMessage(message: string): { key: string; params?: Record<string, string | number> } {
  const at = message.indexOf('|');
  if (at < 0) return { key: message };
  try {
    return { key: message.slice(0, at), params: JSON.parse(message.slice(at + 1)) as Record<string, string | number> };
  } catch {
    return { key: message.slice(0, at) };
  }
}

/**
 * A calendar date as the backend returns it: YYYY-MM-DD, its form only, so that a row stored
 * before dates were checked still reads. Inputs use `calendarDate` and its kinds below.
 */
export const isoDate = z.string().regex(ISO_DATE, 'validation.date');

/**
 * A date a clerk enters, by any door: YYYY-MM-DD ('validation.date'), on the calendar
 * ('validation.date_not_real': no 30 February, no month 13) and within the years of its kind
 * ('validation.date_year_range' with min and max). See shared/domain/calendar-date.ts.
 */
export function calendarDate(range: YearRange | (() => YearRange) = DATE_YEARS) {
  return z.string().superRefine((value, ctx) => {
    const problem = dateProblem(value, typeof range === 'function' ? range() : range);
    if (problem) ctx.addIssue({ code: 'custom', message: keyedMessage(problem.code, problem.params) });
  });
}

/** Any entered date: 1900–2100. */
export const enteredDate = calendarDate(DATE_YEARS);
/** The date a session takes place: 2000–2100, the years a programme may be planned for. */
export const sessionDate = calendarDate(EVENT_DATE_YEARS);
/** A birth date: 1900 to the current year. */
export const birthDate = calendarDate(() => birthDateYears());
export const instant = z.string(); // UTC ISO-8601, produced by the backend

/** A NIP or NI PPPK typed any common way; comes out as 18 digits. */
export const nip = z.string().transform((raw, ctx) => {
  const result = parseNip(raw);
  if (!result.ok) {
    for (const e of result.errors) ctx.addIssue({ code: 'custom', message: e.code, params: e.params });
    return z.NEVER;
  }
  return result.nip.digits;
});

export const timezone = z.enum(TIMEZONES, { error: 'validation.timezone' });

/**
 * The one e-mail rule: forms, every door and roster files alike (the import checks a cell with
 * isEmailAddress), so nothing is let in one way that another would refuse.
 */
export const emailAddress = z.string().trim().email('validation.email');
/** An optional e-mail field: empty, or an address. */
export const optionalEmail = z.union([z.literal(''), emailAddress]);
export const isEmailAddress = (value: string): boolean => emailAddress.safeParse(value).success;

export const username = z.string().trim().toLowerCase().min(1, 'validation.required')
  .regex(/^[a-z0-9._-]{3,32}$/, 'validation.username');

export const PASSWORD_MIN_LENGTH = 8;
/** Every password field, also the ones only checked (login, current password): refused before any hashing. */
export const PASSWORD_MAX_LENGTH = 200;
export const password = z.string()
  .min(PASSWORD_MIN_LENGTH, 'validation.password_too_short')
  .max(PASSWORD_MAX_LENGTH, 'validation.too_long');
/** A password to check, not to set: any length from 1 up to the same maximum. */
export const givenPassword = z.string().min(1, 'validation.required').max(PASSWORD_MAX_LENGTH, 'validation.too_long');

export const role = z.enum(['admin', 'operator']);
export type Role = z.infer<typeof role>;

/** Sync-ready fields every business row carries. */
export const syncFields = {
  id,
  createdAt: instant,
  updatedAt: instant,
  updatedBy: z.string().nullable(),
  origin: z.string(),
};

export const jobStarted = z.object({ jobId: z.string() });
