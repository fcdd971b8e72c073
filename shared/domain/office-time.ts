// Session times are written in the office's zone (WIB/WITA/WIT, no daylight saving); marks are
// stored as UTC instants. These convert between the two.

import { durationMinutes, type SessionTimes } from './jp.ts';

// Building an Intl formatter costs far more than using one, and every scan at the door asks.
const formatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** "2026-12-04 09:30": the wall-clock minute of an instant in a time zone. */
export function localMinute(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(zoneFormatter(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Minutes the zone is ahead of UTC at an instant (Indonesia: +420, +480, +540). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = zoneFormatter(timeZone).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(at.getTime() / 60000) * 60000) / 60000);
}

/** The UTC instant of a local date and time in a zone. */
export function localToInstant(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const guess = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!));
  return new Date(guess.getTime() - zoneOffsetMinutes(timeZone, guess) * 60000);
}

export function sessionWindow(s: SessionTimes, timeZone: string): { start: Date; end: Date } {
  const start = localToInstant(s.date, s.start, timeZone);
  return { start, end: new Date(start.getTime() + durationMinutes(s) * 60000) };
}

/**
 * A scan at the door records "arrived now", so the door fits a session from this long before
 * its start (people come early) until its end; outside that the clerk has likely opened the
 * wrong session, or is entering a paper sheet, which has its own screen.
 */
export const DOOR_OPENS_BEFORE_MINUTES = 120;

export function doorTiming(at: Date, s: SessionTimes, timeZone: string): 'early' | 'open' | 'over' {
  const { start, end } = sessionWindow(s, timeZone);
  if (at.getTime() < start.getTime() - DOOR_OPENS_BEFORE_MINUTES * 60000) return 'early';
  return at.getTime() > end.getTime() ? 'over' : 'open';
}

/** A scan after the start plus the grace period is late; before it (or early) is on time. */
export function arrivalStatus(at: Date, s: SessionTimes, timeZone: string, graceMinutes: number): 'hadir' | 'terlambat' {
  const { start } = sessionWindow(s, timeZone);
  return at.getTime() > start.getTime() + graceMinutes * 60000 ? 'terlambat' : 'hadir';
}
