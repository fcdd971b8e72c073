import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { completion, durationMinutes, jpFromMinutes, sessionJps, type AttendanceStatus } from '../../shared/domain/jp.ts';
import { methodById, METHODS } from '../../shared/domain/methods.ts';
import { arrivalStatus, doorTiming, localToInstant, sessionWindow, zoneOffsetMinutes } from '../../shared/domain/office-time.ts';

const rule = (id: number) => methodById(id)!.rule;
const s = (date: string, start: string, end: string) => ({ date, start, end });

describe('JP by duration', () => {
  it('counts whole 45-minute periods', () => {
    expect(jpFromMinutes(44)).toBe(0);
    expect(jpFromMinutes(45)).toBe(1);
    expect(jpFromMinutes(240)).toBe(5); // 08:00–12:00 is 5 JP, not 5.33
    expect(jpFromMinutes(360)).toBe(8);
  });

  it('measures sessions that cross midnight', () => {
    expect(durationMinutes({ start: '08:00', end: '12:00' })).toBe(240);
    expect(durationMinutes({ start: '22:00', end: '01:00' })).toBe(180);
  });

  it('gives actual JP for training methods, +20% when international', () => {
    const sessions = [s('2026-11-25', '08:00', '12:00'), s('2026-11-25', '13:00', '16:00')];
    expect(sessionJps(rule(8), sessions, false)).toEqual([5, 4]); // Bimbingan Teknis
    expect(sessionJps(rule(8), sessions, true)).toEqual([6, 4.8]);
    expect(sessionJps(rule(1), sessions, true)).toEqual([5, 4]); // structural: no bonus
  });
});

describe('JP by conversion rule', () => {
  it('seminar: 4 JP per day (6 international), shared by the day\'s sessions by duration', () => {
    const twoDays = [s('2026-11-25', '08:00', '10:00'), s('2026-11-25', '10:00', '12:00'), s('2026-11-26', '08:00', '09:30')];
    expect(sessionJps(rule(9), twoDays, false)).toEqual([2, 2, 4]);
    expect(sessionJps(rule(9), twoDays, true)).toEqual([3, 3, 6]);
  });

  it('workshop: 5 JP per day', () => {
    expect(sessionJps(rule(4), [s('2026-11-25', '08:00', '16:00')], false)).toEqual([5]);
  });

  it('e-learning: actual hours capped at 3 JP a day', () => {
    expect(sessionJps(rule(16), [s('2026-11-25', '08:00', '09:30')], false)).toEqual([2]);
    expect(sessionJps(rule(16), [s('2026-11-25', '08:00', '14:00')], false)).toEqual([3]);
    expect(sessionJps(rule(16), [s('2026-11-25', '08:00', '14:00')], true)).toEqual([4]);
  });

  it('coaching: 2 JP per session, at most 2 sessions a month', () => {
    const sessions = [s('2026-11-03', '09:00', '10:00'), s('2026-11-10', '09:00', '10:00'), s('2026-11-17', '09:00', '10:00'), s('2026-12-01', '09:00', '10:00')];
    expect(sessionJps(rule(14), sessions, false)).toEqual([2, 2, 0, 2]);
  });

  it('patok banding and magang: a fixed JP for the whole activity', () => {
    const sessions = [s('2026-11-25', '08:00', '12:00'), s('2026-11-26', '08:00', '12:00')];
    expect(sessionJps(rule(20), sessions, false)).toEqual([5, 5]);
    expect(sessionJps(rule(20), sessions, true)).toEqual([10, 10]);
    expect(sessionJps(rule(10), sessions, false).reduce((a, b) => a + b)).toBe(20);
  });

  it('every method has a rule and ids run 1–25', () => {
    expect(METHODS.map((m) => m.id)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('per-day and per-activity totals do not depend on how a day is split', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 6 }), (hours) => {
      let start = 7 * 60;
      const sessions = hours.map((h) => {
        const from = start;
        start += h * 15;
        const fmt = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        return s('2026-11-25', fmt(from), fmt(start));
      });
      const total = (id: number) => sessionJps(rule(id), sessions, false).reduce((a, b) => a + b, 0);
      expect(total(9)).toBeCloseTo(4, 1);
      expect(total(20)).toBeCloseTo(10, 1);
    }));
  });
});

describe('completion', () => {
  const jps = [5, 5, 5, 5, 5];
  const st = (...x: (AttendanceStatus | null)[]) => x;

  it('passes at exactly the minimum attendance, fails just below', () => {
    expect(completion(st('hadir', 'hadir', 'terlambat', 'psw', 'alpa'), jps, { minAttendancePct: 80, minPostTest: null }, null))
      .toMatchObject({ attended: 4, attendancePct: 80, jp: 20, passed: true });
    expect(completion(st('hadir', 'hadir', 'izin', 'sakit', 'alpa'), jps, { minAttendancePct: 80, minPostTest: null }, null))
      .toMatchObject({ attended: 2, attendancePct: 40, passed: false, reasons: ['attendance'] });
  });

  it('requires the post-test score when the event sets one', () => {
    const all = st('hadir', 'hadir', 'hadir', 'hadir', 'hadir');
    const r = { minAttendancePct: 80, minPostTest: 70 };
    expect(completion(all, jps, r, 70).passed).toBe(true);
    expect(completion(all, jps, r, 69.5)).toMatchObject({ passed: false, reasons: ['post_test'] });
    expect(completion(all, jps, r, null)).toMatchObject({ passed: false, reasons: ['post_test'] });
  });

  it('unmarked sessions count as not attended; an event without sessions completes nobody', () => {
    expect(completion(st(null, 'hadir'), [4, 4], { minAttendancePct: 50, minPostTest: null }, null)).toMatchObject({ attended: 1, passed: true, jp: 4 });
    expect(completion([], [], { minAttendancePct: 0, minPostTest: null }, null).passed).toBe(false);
  });
});

describe('office time and lateness', () => {
  it('knows the three zones', () => {
    const at = new Date('2026-11-25T00:00:00Z');
    expect(zoneOffsetMinutes('Asia/Jakarta', at)).toBe(420);
    expect(zoneOffsetMinutes('Asia/Makassar', at)).toBe(480);
    expect(zoneOffsetMinutes('Asia/Jayapura', at)).toBe(540);
  });

  it('converts a session start in each zone to UTC', () => {
    expect(localToInstant('2026-11-25', '08:00', 'Asia/Jakarta').toISOString()).toBe('2026-11-25T01:00:00.000Z');
    expect(localToInstant('2026-11-25', '08:00', 'Asia/Makassar').toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect(localToInstant('2026-11-25', '08:00', 'Asia/Jayapura').toISOString()).toBe('2026-11-24T23:00:00.000Z');
  });

  it('marks Hadir up to start + grace and Terlambat after, in each zone', () => {
    const session = s('2026-11-25', '08:00', '12:00');
    for (const [zone, utcStart] of [['Asia/Jakarta', '01:00'], ['Asia/Makassar', '00:00']] as const) {
      const base = `2026-11-25T${utcStart}:00Z`;
      const plus = (min: number) => new Date(new Date(base).getTime() + min * 60000);
      expect(arrivalStatus(plus(-30), session, zone, 15)).toBe('hadir');
      expect(arrivalStatus(plus(15), session, zone, 15)).toBe('hadir');
      expect(arrivalStatus(plus(16), session, zone, 15)).toBe('terlambat');
    }
    expect(arrivalStatus(new Date('2026-11-24T23:10:00Z'), session, 'Asia/Jayapura', 15)).toBe('hadir');
    expect(arrivalStatus(new Date('2026-11-24T23:20:00Z'), session, 'Asia/Jayapura', 15)).toBe('terlambat');
  });

  it('opens the door from two hours before a session until its end, in the office zone', () => {
    const session = s('2026-11-25', '08:00', '12:00'); // 01:00–05:00 UTC in WIB
    const at = (iso: string) => doorTiming(new Date(iso), session, 'Asia/Jakarta');
    expect(at('2026-11-24T22:59:59Z')).toBe('early');
    expect(at('2026-11-24T23:00:00Z')).toBe('open');
    expect(at('2026-11-25T05:00:00Z')).toBe('open');
    expect(at('2026-11-25T05:00:01Z')).toBe('over');
    expect(at('2026-11-27T01:00:00Z')).toBe('over');
    // The same local times in WIT are two hours earlier in UTC.
    expect(doorTiming(new Date('2026-11-24T22:00:00Z'), session, 'Asia/Jayapura')).toBe('open');
    // Past midnight: a 22:00–02:00 session is still open at 01:30 the next day.
    expect(doorTiming(new Date('2026-11-25T18:30:00Z'), s('2026-11-25', '22:00', '02:00'), 'Asia/Jakarta')).toBe('open');
  });

  it('handles a session that crosses midnight', () => {
    const night = s('2026-11-25', '22:00', '02:00');
    const w = sessionWindow(night, 'Asia/Jakarta');
    expect(w.start.toISOString()).toBe('2026-11-25T15:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-11-25T19:00:00.000Z');
    // 01:00 WIB on the 26th is inside the session, and late.
    expect(arrivalStatus(new Date('2026-11-25T18:00:00Z'), night, 'Asia/Jakarta', 15)).toBe('terlambat');
    expect(arrivalStatus(new Date('2026-11-25T15:05:00Z'), night, 'Asia/Jakarta', 15)).toBe('hadir');
  });
});
