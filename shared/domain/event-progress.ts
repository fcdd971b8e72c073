// Where an event stands by the office clock: which sessions are over, whether it has begun,
// whether its last session is behind it. Session dates and times are the office's wall clock,
// and Indonesia's zones (WIB, WITA, WIT) have no daylight saving, so a moment is compared with
// a session as "YYYY-MM-DD HH:MM" text in the office's zone; the database compares the same
// text (repos/trainings.ts), so both sides agree to the minute.

import type { SessionTimes } from './jp.ts';


/** The contract's EVENT_STATUSES. */
export type EventStatusValue = 'direncanakan' | 'berlangsung' | 'selesai' | 'batal';

/** The day after a YYYY-MM-DD date. */
export function nextDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

export function sessionStartLocal(s: SessionTimes): string {
  return `${s.date} ${s.start}`;
}

/** A session whose end is not after its start runs past midnight and ends the next day. */
export function sessionEndLocal(s: SessionTimes): string {
  return `${s.end <= s.start ? nextDay(s.date) : s.date} ${s.end}`;
}

/** Over from the minute it ends. `now` is localMinute(…) in the office's zone. */
export function isSessionOver(s: SessionTimes, now: string): boolean {
  return sessionEndLocal(s) <= now;
}

export function hasSessionStarted(s: SessionTimes, now: string): boolean {
  return sessionStartLocal(s) <= now;
}

/**
 * The status people see. A planned event is under way from its first session's start, or from
 * the first attendance mark (a register taken early, an absence noted ahead): reality, read when
 * the event is read, never written by a read. "Berlangsung", "Selesai" and "Batal" are the
 * clerk's and stay as set; nothing here moves an event back.
 */
export function effectiveEventStatus(stored: EventStatusValue, facts: { firstStart: string | null; anyMark: boolean }, now: string): EventStatusValue {
  if (stored !== 'direncanakan') return stored;
  return facts.anyMark || (facts.firstStart !== null && facts.firstStart <= now) ? 'berlangsung' : stored;
}

/** Its last session is over while it is still planned or under way: the clerk is asked to mark it done. */
export function isReadyToFinish(status: EventStatusValue, lastEnd: string | null, now: string): boolean {
  return (status === 'direncanakan' || status === 'berlangsung') && lastEnd !== null && lastEnd <= now;
}

/**
 * Whether the event's completion is final: it was marked done (or cancelled), or every session
 * is over. An event without sessions is final only when marked so.
 */
export function isEventFinished(status: EventStatusValue, sessionsOver: readonly boolean[]): boolean {
  if (status === 'selesai' || status === 'batal') return true;
  return sessionsOver.length > 0 && sessionsOver.every(Boolean);
}
