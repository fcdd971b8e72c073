// The JP of a training record from outside the office's events, by its method's conversion rule
// (methods.ts): the same rules as for events (jp.ts), counted over the whole record instead of
// per session, since a certificate gives dates and hours, not a timetable. Pure: the backend
// decides with it and the record form shows it live ("Menurut aturan: 3 JP").

import { MINUTES_PER_JP, round2 } from './jp.ts';
import { methodById } from './methods.ts';
import { ISO_DATE, isRealDate } from './calendar-date.ts';

export interface RecordJpInput {
  startDate: string;
  endDate: string;
  hours: number | null;
  sessions: number | null;
  international: boolean;
}

/** What the rule counts from: hours of learning, sessions, or the dates alone (null). */
export type RecordJpBasis = 'hours' | 'sessions' | null;

export interface RecordJp {
  /** Null when what the rule needs (hours, sessions, sensible dates) is missing. */
  jp: number | null;
  /** A message key (records.rule.*) and its parameters, for showing how the JP comes about. */
  rule: { key: string; params: Record<string, number | string> };
  needs: RecordJpBasis;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number | null {
  if (!ISO_DATE.test(date)) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return isRealDate(y, m, d) ? Date.UTC(y, m - 1, d) / DAY_MS : null;
}

/** Calendar days from start to end, both counted; null for dates that are not dates or out of order. */
export function daysSpanned(startDate: string, endDate: string): number | null {
  const start = dayNumber(startDate);
  const end = dayNumber(endDate);
  return start === null || end === null || end < start ? null : end - start + 1;
}

/** Calendar months the dates touch (10 Jan–5 Feb: 2); null as daysSpanned. */
export function monthsSpanned(startDate: string, endDate: string): number | null {
  if (daysSpanned(startDate, endDate) === null) return null;
  const months = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return months(endDate) - months(startDate) + 1;
}

/** Whole JP only, as for a session: a part of 45 minutes does not count. */
export function jpFromHours(hours: number): number {
  // Rounded to the minute first: 0.75 h must be 45 minutes, not 44.99….
  return Math.floor(Math.round(hours * 60) / MINUTES_PER_JP);
}

/** The JP `methodId`'s rule gives a record; a method that does not exist gives none. */
export function recordJp(methodId: number, input: RecordJpInput): RecordJp {
  const method = methodById(methodId);
  if (!method) return { jp: null, rule: { key: 'records.rule.unknown', params: {} }, needs: null };
  const { rule } = method;
  const days = daysSpanned(input.startDate, input.endDate);
  const hours = input.hours ?? null;
  const intl = input.international;
  switch (rule.kind) {
    case 'actual': {
      const bonusPct = intl ? Math.round(rule.internationalBonus * 100) : 0;
      const jp = hours === null ? null : round2(jpFromHours(hours) * (1 + bonusPct / 100));
      return bonusPct
        ? { jp, rule: { key: 'records.rule.actual_bonus', params: { minutes: MINUTES_PER_JP, bonusPct } }, needs: 'hours' }
        : { jp, rule: { key: 'records.rule.actual', params: { minutes: MINUTES_PER_JP } }, needs: 'hours' };
    }
    case 'perDay': {
      const perDay = intl ? rule.international : rule.national;
      return { jp: days === null ? null : days * perDay, rule: { key: 'records.rule.per_day', params: { perDay, days: days ?? 0 } }, needs: null };
    }
    case 'capPerDay': {
      const cap = intl ? rule.international : rule.national;
      const jp = hours === null || days === null ? null : Math.min(jpFromHours(hours), days * cap);
      return { jp, rule: { key: 'records.rule.cap_per_day', params: { minutes: MINUTES_PER_JP, cap, days: days ?? 0 } }, needs: 'hours' };
    }
    case 'perSession': {
      // Sessions are counted, at most `maxPerMonth` for each calendar month the record spans.
      const months = monthsSpanned(input.startDate, input.endDate);
      const sessions = input.sessions ?? null;
      const jp = sessions === null || months === null ? null : Math.min(sessions, months * rule.maxPerMonth) * rule.jp;
      return { jp, rule: { key: 'records.rule.per_session', params: { jp: rule.jp, maxPerMonth: rule.maxPerMonth, months: months ?? 0 } }, needs: 'sessions' };
    }
    case 'perActivity': {
      const jp = intl ? rule.international : rule.national;
      return { jp, rule: { key: 'records.rule.per_activity', params: { jp } }, needs: null };
    }
  }
}

/** JP are kept to hundredths: a difference below that is none. */
export function sameJp(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

export type JpDecision =
  | { ok: true; computedJp: number | null; jp: number; jpReason: string }
  | { ok: false; computedJp: number | null; code: 'records.jp_required' | 'records.jp_contradicts_rule'; params: Record<string, number | string> };

/**
 * The JP a record keeps: the one entered, or the rule's when none is. An entered JP that differs
 * from the rule's needs a reason (a certificate that says otherwise); without either, there is
 * nothing to count.
 */
export function decideJp(methodId: number, input: RecordJpInput & { jp: number | null; jpReason: string }): JpDecision {
  const { jp: computedJp } = recordJp(methodId, input);
  const method = methodById(methodId)?.name ?? String(methodId);
  const reason = input.jpReason.trim();
  if (input.jp === null) {
    if (computedJp === null) return { ok: false, computedJp, code: 'records.jp_required', params: { method } };
    return { ok: true, computedJp, jp: computedJp, jpReason: reason };
  }
  if (computedJp !== null && !sameJp(input.jp, computedJp) && !reason) {
    return { ok: false, computedJp, code: 'records.jp_contradicts_rule', params: { computed: computedJp, method } };
  }
  return { ok: true, computedJp, jp: input.jp, jpReason: reason };
}
