// Where an event stands by the office clock, and completion while sessions are still to come.
import { describe, expect, it } from 'vitest';
import {
  effectiveEventStatus, hasSessionStarted, isEventFinished, isReadyToFinish, isSessionOver, nextDay, sessionEndLocal,
} from '../../shared/domain/event-progress.ts';
import { localMinute } from '../../shared/domain/office-time.ts';
import { completion, type AttendanceStatus } from '../../shared/domain/jp.ts';

describe('office clock', () => {
  it('reads an instant as the wall-clock minute of each Indonesian zone', () => {
    const at = new Date('2026-12-31T17:30:59Z');
    expect(localMinute(at, 'Asia/Jakarta')).toBe('2027-01-01 00:30');
    expect(localMinute(at, 'Asia/Makassar')).toBe('2027-01-01 01:30');
    expect(localMinute(at, 'Asia/Jayapura')).toBe('2027-01-01 02:30');
    expect(localMinute(new Date('2026-12-01T00:59:00Z'), 'Asia/Jakarta')).toBe('2026-12-01 07:59');
  });

  it('a session is over from the minute it ends; one past midnight ends the next day', () => {
    const s = { date: '2026-12-01', start: '08:00', end: '12:00' };
    expect(isSessionOver(s, '2026-12-01 11:59')).toBe(false);
    expect(isSessionOver(s, '2026-12-01 12:00')).toBe(true);
    expect(hasSessionStarted(s, '2026-12-01 07:59')).toBe(false);
    expect(hasSessionStarted(s, '2026-12-01 08:00')).toBe(true);
    const night = { date: '2026-12-31', start: '22:00', end: '01:00' };
    expect(sessionEndLocal(night)).toBe('2027-01-01 01:00');
    expect(isSessionOver(night, '2026-12-31 23:59')).toBe(false);
    expect(isSessionOver(night, '2027-01-01 01:00')).toBe(true);
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});

describe('event status', () => {
  const facts = (firstStart: string | null, anyMark = false) => ({ firstStart, anyMark });
  it('a planned event is under way from its first session\'s start or its first mark', () => {
    expect(effectiveEventStatus('direncanakan', facts('2026-12-01 08:00'), '2026-12-01 07:59')).toBe('direncanakan');
    expect(effectiveEventStatus('direncanakan', facts('2026-12-01 08:00'), '2026-12-01 08:00')).toBe('berlangsung');
    expect(effectiveEventStatus('direncanakan', facts('2026-12-01 08:00', true), '2026-11-25 09:00')).toBe('berlangsung');
    expect(effectiveEventStatus('direncanakan', facts(null), '2030-01-01 00:00')).toBe('direncanakan');
  });

  it('never moves the clerk\'s statuses', () => {
    for (const stored of ['berlangsung', 'selesai', 'batal'] as const) {
      expect(effectiveEventStatus(stored, facts('2026-12-01 08:00'), '2026-11-01 00:00')).toBe(stored);
      expect(effectiveEventStatus(stored, facts('2026-12-01 08:00', true), '2027-01-01 00:00')).toBe(stored);
    }
  });

  it('offers "Tandai selesai" after the last session, only while planned or under way', () => {
    expect(isReadyToFinish('berlangsung', '2026-12-04 11:00', '2026-12-04 10:59')).toBe(false);
    expect(isReadyToFinish('berlangsung', '2026-12-04 11:00', '2026-12-04 11:00')).toBe(true);
    expect(isReadyToFinish('direncanakan', '2026-12-04 11:00', '2026-12-05 08:00')).toBe(true);
    expect(isReadyToFinish('selesai', '2026-12-04 11:00', '2026-12-05 08:00')).toBe(false);
    expect(isReadyToFinish('batal', '2026-12-04 11:00', '2026-12-05 08:00')).toBe(false);
    expect(isReadyToFinish('berlangsung', null, '2026-12-05 08:00')).toBe(false);
  });

  it('is finished when marked so, or when every session is over', () => {
    expect(isEventFinished('berlangsung', [true, true])).toBe(true);
    expect(isEventFinished('berlangsung', [true, false])).toBe(false);
    expect(isEventFinished('direncanakan', [])).toBe(false);
    expect(isEventFinished('selesai', [true, false])).toBe(true);
    expect(isEventFinished('batal', [false])).toBe(true);
  });
});

describe('completion while sessions are still to come', () => {
  const st = (...x: (AttendanceStatus | null)[]) => x;
  const rule = { minAttendancePct: 80, minPostTest: 70 };
  const jps = [5, 5, 5, 4];

  it('is pending for everyone, with the attendance of the sessions so far', () => {
    const mid = { over: [true, false, false, false], finished: false };
    expect(completion(st('hadir', null, null, null), jps, rule, null, mid))
      .toEqual({ attended: 1, sessions: 4, counted: 1, attendancePct: 100, jp: 5, passed: false, result: 'pending', reasons: [], upcoming: 3, upcomingJp: 14 });
    expect(completion(st('alpa', null, null, null), jps, rule, null, mid)).toMatchObject({ attendancePct: 0, result: 'pending', reasons: [] });
    // A session under way counts for whoever is already marked in it; an absence noted ahead too.
    expect(completion(st('hadir', 'terlambat', null, 'izin'), jps, rule, null, mid)).toMatchObject({ counted: 3, attended: 2, attendancePct: 66.7, jp: 10, upcoming: 1, upcomingJp: 5 });
    // Nothing held yet: no share to speak of.
    expect(completion(st(null, null, null, null), jps, rule, null, { over: [false, false, false, false], finished: false })).toMatchObject({ counted: 0, attendancePct: 0, upcoming: 4, upcomingJp: 19 });
  });

  it('is decided once finished, every session counted', () => {
    const done = { over: [true, true, true, true], finished: true };
    expect(completion(st('hadir', 'hadir', 'hadir', 'psw'), jps, rule, 75, done)).toMatchObject({ counted: 4, result: 'passed', passed: true, upcoming: 0 });
    expect(completion(st('hadir', 'hadir', 'hadir', 'alpa'), jps, rule, 75, done)).toMatchObject({ attendancePct: 75, result: 'not_passed', reasons: ['attendance'] });
    // Marked done early: the sessions not held count as missed.
    expect(completion(st('hadir', null, null, null), jps, rule, 90, { over: [true, false, false, false], finished: true }))
      .toMatchObject({ counted: 4, attendancePct: 25, result: 'not_passed', reasons: ['attendance'], upcoming: 0 });
  });
});
