import type { HolidayDay, HolidayYearList } from '../../../shared/contract/holidays.ts';
import { HOLIDAY_KINDS, proposedHolidays, sortHolidays, type HolidayKind } from '../../../shared/domain/holidays.ts';
import { ISO_DATE } from '../../../shared/domain/calendar-date.ts';
import type { Db } from '../db/open.ts';
import { getSetting, setSetting } from '../db/repos/settings.ts';
import { diffFields, recordEvent } from '../db/repos/changes.ts';
import { writeTransaction } from '../db/transaction.ts';
import type { Handlers } from './handlers.ts';
import { meta } from './office.ts';

// The office's days off, one settings row per year (`holidays.2026`: the list as JSON). A year
// without a row has not been confirmed: the admin is shown the national proposal
// (shared/domain/holidays.ts) until "Pakai daftar ini" saves it. Office-local, like the training
// rules: the audit log keeps every change, the journal (for the city) nothing.

const key = (year: number) => `holidays.${year}`;

const isKind = (value: unknown): value is HolidayKind => (HOLIDAY_KINDS as readonly unknown[]).includes(value);

/** The stored list of a year, or null when the year was never confirmed (or its row cannot be read). */
function storedDays(db: Db, year: number): HolidayDay[] | null {
  const raw = getSetting(db, key(year));
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  // Rows written by this code are always well formed; anything else is left out, not trusted.
  return sortHolidays(parsed.filter((d): d is HolidayDay =>
    typeof d === 'object' && d !== null && typeof d.date === 'string' && ISO_DATE.test(d.date) && typeof d.name === 'string' && isKind(d.kind)));
}

export function holidayYear(db: Db, year: number): HolidayYearList {
  const days = storedDays(db, year);
  const proposal = proposedHolidays(year);
  return { year, confirmed: days !== null, days: days ?? [], proposed: proposal.days, proposedComplete: proposal.complete };
}

/** Date → what the audit log shows for it; a removed day is [old, null], an added one [null, new]. */
function byDate(days: readonly HolidayDay[]): Record<string, { name: string; holidayKind: HolidayKind }> {
  return Object.fromEntries(days.map((d) => [d.date, { name: d.name, holidayKind: d.kind }]));
}

export const holidayHandlers = {
  'holidays.get': ({ year }, ctx) => holidayYear(ctx.db, year),

  'holidays.update': ({ year, days }, ctx) => writeTransaction(ctx.db, () => {
    const before = storedDays(ctx.db, year);
    const after = sortHolidays(days.map((d) => ({ date: d.date, name: d.name, kind: d.kind })));
    setSetting(ctx.db, key(year), JSON.stringify(after));
    if (before === null) {
      // The first save of a year confirms it (even an empty list): the log says how many days, and
      // where the list differs from the national proposal, not the 25 days of a proposal taken as it is.
      const fromProposal = diffFields(byDate(proposedHolidays(year).days), byDate(after));
      recordEvent(ctx.db, meta(ctx), 'holidays.confirm', { year, holidayCount: after.length, ...fromProposal });
    } else {
      const changes = diffFields(byDate(before), byDate(after));
      if (Object.keys(changes).length) recordEvent(ctx.db, meta(ctx), 'holidays.update', { year, ...changes });
    }
    return holidayYear(ctx.db, year);
  }),
} satisfies Partial<Handlers>;
