import { z } from 'zod';
import { method } from './define.ts';
import { calendarDate, isoDate, keyedMessage, text } from './common.ts';
import { EVENT_DATE_YEARS } from '../domain/calendar-date.ts';
import { HOLIDAY_KINDS } from '../domain/holidays.ts';

/** A year of the office's calendar: the years a session may fall in. */
const holidayYear = z.number().int().min(EVENT_DATE_YEARS.min).max(EVENT_DATE_YEARS.max);

export const holiday = z.object({
  date: isoDate,
  name: z.string(),
  kind: z.enum(HOLIDAY_KINDS),
});
export type HolidayDay = z.infer<typeof holiday>;

/** A day an admin enters: a real date (calendar-date.ts) and a name. */
const holidayInput = z.object({
  date: calendarDate(EVENT_DATE_YEARS),
  name: text(120),
  kind: z.enum(HOLIDAY_KINDS).default('kantor'),
});

/**
 * A year's list as the admin saves it: every day in that year, one entry per date. Saving a
 * year the first time confirms it ("Pakai daftar ini").
 */
const holidaysUpdate = z.object({
  year: holidayYear,
  days: z.array(holidayInput).max(100),
}).superRefine((input, ctx) => {
  const seen = new Set<string>();
  input.days.forEach((day, i) => {
    if (/^\d{4}-/.test(day.date) && Number(day.date.slice(0, 4)) !== input.year) {
      ctx.addIssue({ code: 'custom', message: keyedMessage('validation.holiday_other_year', { value: day.date, year: input.year }), path: ['days', i, 'date'] });
    } else if (seen.has(day.date)) {
      ctx.addIssue({ code: 'custom', message: keyedMessage('validation.holiday_duplicate', { value: day.date }), path: ['days', i, 'date'] });
    }
    seen.add(day.date);
  });
});

export const holidayYearList = z.object({
  year: z.number().int(),
  /** The office has confirmed this year's list (once, with "Pakai daftar ini"); `days` is its list. */
  confirmed: z.boolean(),
  /** The office's days off this year, in date order; empty until confirmed. */
  days: z.array(holiday),
  /** The national holidays and cuti bersama Bangkom knows for the year (shared/domain/holidays.ts). */
  proposed: z.array(holiday),
  /** False when the proposal lacks days the decree will add (a year whose SKB was not known). */
  proposedComplete: z.boolean(),
});
export type HolidayYearList = z.infer<typeof holidayYearList>;

export const holidayMethods = {
  'holidays.get': method({ access: 'user', input: z.object({ year: holidayYear }), output: holidayYearList }),
  'holidays.update': method({ access: 'admin', input: holidaysUpdate, output: holidayYearList }),
};
