// The JP of an outside training by its method's rule (record-jp.ts), one rule at a time, with
// the figures of the BPS conversion table (DOMAIN.md) and what each rule needs to give any.
import { describe, expect, it } from 'vitest';
import { daysSpanned, decideJp, jpFromHours, monthsSpanned, recordJp } from '../../shared/domain/record-jp.ts';

const base = { startDate: '2026-03-02', endDate: '2026-03-02', hours: null, sessions: null, international: false };

describe('actual hours (Diklat Struktural 1, Diklat Teknis 3, Kursus 11)', () => {
  it('1 JP per whole 45 minutes; a part of 45 minutes does not count', () => {
    expect(recordJp(3, { ...base, hours: 6 }).jp).toBe(8);
    expect(recordJp(3, { ...base, hours: 0.75 }).jp).toBe(1);
    expect(recordJp(3, { ...base, hours: 0.7 }).jp).toBe(0);
    expect(jpFromHours(1.5)).toBe(2);
    expect(recordJp(3, { ...base, hours: 6 }).rule).toEqual({ key: 'records.rule.actual', params: { minutes: 45 } });
  });

  it('an international training adds its 20% where the method has a bonus, not for Diklat Struktural', () => {
    expect(recordJp(11, { ...base, hours: 7.5, international: true })).toMatchObject({ jp: 12, rule: { key: 'records.rule.actual_bonus', params: { bonusPct: 20 } } });
    expect(recordJp(1, { ...base, hours: 7.5, international: true }).jp).toBe(10);
  });

  it('without hours there is nothing to count', () => {
    expect(recordJp(3, base)).toMatchObject({ jp: null, needs: 'hours' });
  });
});

describe('per day (Seminar 9, Workshop 4, Sosialisasi 7)', () => {
  it('days from start to end, both counted, whatever the hours', () => {
    expect(recordJp(9, { ...base, endDate: '2026-03-04', hours: 20 })).toMatchObject({ jp: 12, rule: { key: 'records.rule.per_day', params: { perDay: 4, days: 3 } }, needs: null });
    expect(recordJp(4, base).jp).toBe(5);
    expect(recordJp(4, { ...base, international: true }).jp).toBe(7);
    expect(recordJp(9, { ...base, startDate: '2026-02-27', endDate: '2026-03-02' }).jp).toBe(16); // 27, 28 Feb, 1, 2 Mar
  });

  it('dates out of order or not on the calendar give none', () => {
    expect(recordJp(9, { ...base, startDate: '2026-03-05', endDate: '2026-03-04' }).jp).toBeNull();
    expect(recordJp(9, { ...base, endDate: '2026-02-30' }).jp).toBeNull();
    expect(recordJp(9, { ...base, endDate: '' }).jp).toBeNull();
  });
});

describe('hours capped per day (E-Learning 16, Belajar Mandiri 22)', () => {
  it('the JP of the hours, at most the cap for each day spanned', () => {
    expect(recordJp(16, { ...base, hours: 2.25 })).toMatchObject({ jp: 3, needs: 'hours', rule: { key: 'records.rule.cap_per_day', params: { cap: 3, days: 1 } } });
    expect(recordJp(16, { ...base, hours: 6 }).jp).toBe(3);
    expect(recordJp(16, { ...base, hours: 6, international: true }).jp).toBe(4);
    expect(recordJp(16, { ...base, endDate: '2026-03-11', hours: 20 }).jp).toBe(26); // 10 days × 3 > 26 JP of hours
    expect(recordJp(22, { ...base, endDate: '2026-03-03', hours: 10 }).jp).toBe(4);
  });

  it('without hours, none', () => {
    expect(recordJp(16, { ...base, endDate: '2026-03-11' }).jp).toBeNull();
  });
});

describe('per session (Coaching 14, Mentoring 15)', () => {
  it('2 JP a session, at most 2 sessions in each calendar month spanned', () => {
    expect(recordJp(14, { ...base, sessions: 1 })).toMatchObject({ jp: 2, needs: 'sessions' });
    expect(recordJp(14, { ...base, sessions: 5 }).jp).toBe(4);
    expect(recordJp(15, { ...base, startDate: '2026-01-20', endDate: '2026-03-05', sessions: 5 })).toMatchObject({ jp: 10, rule: { params: { months: 3 } } });
    expect(recordJp(15, { ...base, startDate: '2026-01-20', endDate: '2026-03-05', sessions: 9 }).jp).toBe(12);
  });

  it('without sessions, none', () => {
    expect(recordJp(14, { ...base, hours: 3 }).jp).toBeNull();
  });
});

describe('per activity (Magang 10, Patok Banding 20)', () => {
  it('a fixed JP, national or international', () => {
    expect(recordJp(10, { ...base, endDate: '2026-04-30' })).toMatchObject({ jp: 20, rule: { key: 'records.rule.per_activity', params: { jp: 20 } } });
    expect(recordJp(20, base).jp).toBe(10);
    expect(recordJp(20, { ...base, international: true }).jp).toBe(20);
  });
});

it('a method that does not exist gives none', () => {
  expect(recordJp(26, { ...base, hours: 3 })).toMatchObject({ jp: null, rule: { key: 'records.rule.unknown' } });
});

it('days and months spanned', () => {
  expect(daysSpanned('2024-02-28', '2024-03-01')).toBe(3);
  expect(daysSpanned('2026-12-31', '2027-01-01')).toBe(2);
  expect(monthsSpanned('2026-12-31', '2027-01-01')).toBe(2);
  expect(monthsSpanned('2026-05-01', '2026-05-31')).toBe(1);
});

describe('the JP a record keeps (decideJp)', () => {
  const elearning = { ...base, hours: 2.25, jpReason: '' };
  it('none entered: the rule\'s', () => {
    expect(decideJp(16, { ...elearning, jp: null })).toEqual({ ok: true, computedJp: 3, jp: 3, jpReason: '' });
  });
  it('the rule\'s entered: kept, no reason needed', () => {
    expect(decideJp(16, { ...elearning, jp: 3 })).toMatchObject({ ok: true, jp: 3 });
  });
  it('another JP without a reason is refused, naming the rule\'s JP; with one it is kept', () => {
    expect(decideJp(16, { ...elearning, jp: 10 })).toEqual({ ok: false, computedJp: 3, code: 'records.jp_contradicts_rule', params: { computed: 3, method: 'E-Learning' } });
    expect(decideJp(16, { ...elearning, jp: 10, jpReason: '  Sertifikat menyebut 10 JP ' })).toEqual({ ok: true, computedJp: 3, jp: 10, jpReason: 'Sertifikat menyebut 10 JP' });
  });
  it('no JP and nothing for the rule to count from: JP is required', () => {
    expect(decideJp(16, { ...base, jpReason: '', jp: null })).toMatchObject({ ok: false, code: 'records.jp_required', params: { method: 'E-Learning' } });
  });
  it('a JP entered where the rule cannot count is taken as the certificate says', () => {
    expect(decideJp(16, { ...base, jpReason: '', jp: 12 })).toEqual({ ok: true, computedJp: null, jp: 12, jpReason: '' });
  });
});
