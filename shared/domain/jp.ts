// Jam pelajaran (JP): 1 JP = 45 minutes of learning. A session's JP comes from its duration or
// from its method's conversion rule (methods.ts); a clerk may override it with a reason.

import type { JpRule } from './methods.ts';

export const MINUTES_PER_JP = 45;

export interface SessionTimes {
  date: string; // YYYY-MM-DD, office time zone
  start: string; // HH:MM
  end: string; // HH:MM; earlier than start means the session ends after midnight (the contract's `overnight`)
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

export function durationMinutes(s: Pick<SessionTimes, 'start' | 'end'>): number {
  const d = minutesOf(s.end) - minutesOf(s.start);
  return d > 0 ? d : d + 24 * 60;
}

/** Whole JP only: a part-hour of learning does not count as a JP. */
export function jpFromMinutes(minutes: number): number {
  return Math.floor(minutes / MINUTES_PER_JP);
}

/** JP are kept to hundredths (a shared day split three ways). */
export const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The JP of each session of an event under its method's rule. Rules that count per day,
 * per activity or with a daily cap share that JP across the sessions concerned, in proportion
 * to their duration, so a per-person total never depends on how the day was split.
 */
export function sessionJps(rule: JpRule, sessions: readonly SessionTimes[], international: boolean): number[] {
  const minutes = sessions.map(durationMinutes);
  const byDuration = minutes.map(jpFromMinutes);
  // Shares are in hundredths of a JP, and the hundredths lost to rounding go to the largest
  // remainders (earlier sessions first on a tie), so the shares always add up to the total.
  const share = (indices: number[], total: number, out: number[]) => {
    const sum = indices.reduce((a, i) => a + minutes[i]!, 0);
    const cents = Math.round(total * 100);
    const exact = indices.map((i) => (sum ? (cents * minutes[i]!) / sum : cents / indices.length));
    const floors = exact.map(Math.floor);
    let left = cents - floors.reduce((a, b) => a + b, 0);
    const byRemainder = exact.map((x, k) => k).sort((a, b) => (exact[b]! - floors[b]!) - (exact[a]! - floors[a]!) || a - b);
    for (const k of byRemainder) {
      if (left <= 0) break;
      floors[k]! += 1;
      left--;
    }
    indices.forEach((i, k) => { out[i] = floors[k]! / 100; });
  };
  const byDay = new Map<string, number[]>();
  sessions.forEach((s, i) => byDay.set(s.date, [...(byDay.get(s.date) ?? []), i]));
  const out = new Array<number>(sessions.length).fill(0);

  switch (rule.kind) {
    case 'actual':
      return byDuration.map((jp) => round2(international ? jp * (1 + rule.internationalBonus) : jp));
    case 'perDay':
      for (const indices of byDay.values()) share(indices, international ? rule.international : rule.national, out);
      return out;
    case 'capPerDay':
      for (const indices of byDay.values()) {
        const dayJp = jpFromMinutes(indices.reduce((a, i) => a + minutes[i]!, 0));
        share(indices, Math.min(dayJp, international ? rule.international : rule.national), out);
      }
      return out;
    case 'perSession': {
      // Only the first `maxPerMonth` sessions of a calendar month count.
      const seen = new Map<string, number>();
      const order = sessions.map((s, i) => i).sort((a, b) => sessions[a]!.date.localeCompare(sessions[b]!.date) || sessions[a]!.start.localeCompare(sessions[b]!.start));
      for (const i of order) {
        const month = sessions[i]!.date.slice(0, 7);
        const n = (seen.get(month) ?? 0) + 1;
        seen.set(month, n);
        out[i] = n <= rule.maxPerMonth ? rule.jp : 0;
      }
      return out;
    }
    case 'perActivity':
      if (sessions.length) share(sessions.map((_, i) => i), international ? rule.international : rule.national, out);
      return out;
  }
}

/** Statuses that count as having attended a session (late and leaving early still attended). */
export const PRESENT_STATUSES = ['hadir', 'terlambat', 'psw'] as const;
/**
 * The one list of attendance statuses: the contract's enum, the CLI's --status choices and the
 * screens' lists are derived from it (the database's CHECK, in migration 003, is tested against it).
 */
export const ATTENDANCE_STATUSES = ['hadir', 'terlambat', 'izin', 'sakit', 'dinas_luar', 'cuti', 'alpa', 'psw'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** What a scan at the door gives, by the clock; the other statuses are set by hand. */
export const ARRIVAL_STATUSES = ['hadir', 'terlambat'] as const satisfies readonly AttendanceStatus[];
/** Every status, those set by hand first (the door screen's order of keys). */
export const STATUSES_BY_HAND_FIRST: readonly AttendanceStatus[] = [
  ...ATTENDANCE_STATUSES.filter((s) => !(ARRIVAL_STATUSES as readonly string[]).includes(s)),
  ...ARRIVAL_STATUSES,
];

/** Short codes as printed on recaps. */
export const STATUS_CODE: Record<AttendanceStatus, string> = {
  hadir: 'H', terlambat: 'TL', izin: 'I', sakit: 'S', dinas_luar: 'DL', cuti: 'C', alpa: 'A', psw: 'PSW',
};

/** The codes of the statuses that count as present (and earn JP), as the recap grid shows them. */
export const PRESENT_CODES: ReadonlySet<string> = new Set(PRESENT_STATUSES.map((st) => STATUS_CODE[st]));

export function isPresent(status: AttendanceStatus | null | undefined): boolean {
  return status !== null && status !== undefined && (PRESENT_STATUSES as readonly string[]).includes(status);
}

export interface CompletionRule {
  minAttendancePct: number;
  minPostTest: number | null;
}

/** Lulus, tidak memenuhi syarat, or not decided yet because sessions are still to come. */
export type CompletionResult = 'passed' | 'not_passed' | 'pending';

export interface Completion {
  attended: number;
  sessions: number;
  /** Sessions the attendance is measured against: all once the event is finished, else those so far. */
  counted: number;
  attendancePct: number;
  jp: number;
  passed: boolean;
  result: CompletionResult;
  reasons: ('attendance' | 'post_test')[];
  /** Sessions still to come for this participant (not over and not marked), and their JP. */
  upcoming: number;
  upcomingJp: number;
}

/**
 * Where the event stands: which sessions are over by the office clock, and whether it is
 * finished (its last session is over, or the clerk marked it done). See event-progress.ts.
 */
export interface EventProgress {
  over: readonly boolean[];
  finished: boolean;
}

/**
 * Lulus when attendance reaches the event's minimum share of sessions and, if the event sets
 * one, the post-test score reaches its minimum. JP earned are those of the sessions attended.
 *
 * Until the event is finished nobody has failed it: the result is "pending", and attendance is
 * measured against the sessions so far (those over, and any already marked: a register taken
 * in a session under way, an absence noted ahead). Without `progress` the event is finished.
 */
export function completion(
  statuses: readonly (AttendanceStatus | null)[],
  jps: readonly number[],
  rule: CompletionRule,
  postTest: number | null,
  progress: EventProgress = { over: statuses.map(() => true), finished: true },
): Completion {
  const attendedIdx = statuses.map((s, i) => (isPresent(s) ? i : -1)).filter((i) => i >= 0);
  const sessions = statuses.length;
  const countedIdx = statuses.map((s, i) => (progress.finished || progress.over[i] || s !== null ? i : -1)).filter((i) => i >= 0);
  const counted = countedIdx.length;
  const upcomingIdx = statuses.map((_, i) => i).filter((i) => !countedIdx.includes(i));
  const attendancePct = counted ? Math.round((attendedIdx.length / counted) * 1000) / 10 : 0;
  const jp = round2(attendedIdx.reduce((a, i) => a + (jps[i] ?? 0), 0));
  const base = {
    attended: attendedIdx.length, sessions, counted, attendancePct, jp,
    upcoming: upcomingIdx.length, upcomingJp: round2(upcomingIdx.reduce((a, i) => a + (jps[i] ?? 0), 0)),
  };
  if (!progress.finished) return { ...base, passed: false, result: 'pending', reasons: [] };
  const reasons: Completion['reasons'] = [];
  if (sessions === 0 || attendancePct < rule.minAttendancePct) reasons.push('attendance');
  if (rule.minPostTest !== null && (postTest === null || postTest < rule.minPostTest)) reasons.push('post_test');
  return { ...base, passed: reasons.length === 0, result: reasons.length ? 'not_passed' : 'passed', reasons };
}
