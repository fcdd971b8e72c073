// Level 4 and what follows from it: a clerk enters the units' public-satisfaction scores (IKM/SKM)
// per survey period and sees them beside the JP the unit's people were trained in that period
// (events completed and external records) and the trainings held; a finding becomes a need for
// next year's programme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Employee } from '../../shared/contract/employees.ts';
import { removeTempDirs } from '../helpers/backend.ts';
import { addSession, createEvent, journalOf, ops, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: TrainingOffice;
let unitId: string;
let ours: Employee[];
let other: Employee;
/** JP of event A's sessions, from its recap; and of the external record. */
let sessionJp: number[];
let recordJp: number;
/** Event A (November 2026) and event B (January 2027). */
let eventA: string;
let eventB: string;

beforeAll(async () => {
  o = await trainingOffice({ people: 10 });
  unitId = o.employees[0]!.unitId!;
  ours = o.employees.filter((x) => x.unitId === unitId);
  other = o.employees.find((x) => x.unitId !== unitId)!;
  expect(ours.length).toBeGreaterThanOrEqual(2);

  // Event A, 10–11 November 2026 (over by the office clock of 25 November): ours[0] and the
  // other unit's person complete it; ours[1] misses a day and does not.
  const a = await createEvent(o, { name: 'Bimtek SIPD', minAttendancePct: 100 });
  eventA = a.id;
  const s1 = await addSession(o, a.id, '2026-11-10', '08:00', '12:00');
  const s2 = await addSession(o, a.id, '2026-11-11', '08:00', '10:15');
  await o.t.ok('enrolment.add', { eventId: a.id, employeeIds: [ours[0]!.id, ours[1]!.id, other.id] }, o.token);
  for (const n of await o.t.ok('enrolment.list', { eventId: a.id }, o.token)) {
    await o.t.ok('attendance.mark', { sessionId: s1.id, enrolmentId: n.id, status: 'hadir' }, o.token);
    await o.t.ok('attendance.mark', { sessionId: s2.id, enrolmentId: n.id, status: n.employeeId === ours[1]!.id ? 'alpa' : 'hadir' }, o.token);
  }
  sessionJp = (await o.t.ok('recap.event', { eventId: a.id }, o.token)).sessions.map((s) => s.jp);
  expect(sessionJp.every((jp) => jp > 0)).toBe(true);
  // Event B in January 2027: outside the 2026 periods.
  const b = await createEvent(o, { name: 'Bimtek Arsip' });
  eventB = b.id;
  await addSession(o, b.id, '2027-01-15', '08:00', '12:00');
  await o.t.ok('enrolment.add', { eventId: b.id, employeeIds: [ours[0]!.id] }, o.token);
  // ours[1] learned elsewhere in October: an e-learning of 6 hours.
  const record = await o.t.ok('records.create', {
    employeeId: ours[1]!.id, title: 'E-learning Manajemen ASN', organiser: 'LAN RI', methodId: 16, competencyType: 'manajerial',
    startDate: '2026-10-05', endDate: '2026-10-06', hours: 6,
  }, o.token);
  recordJp = record.jp;
  expect(recordJp).toBeGreaterThan(0);
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

describe('service scores (IKM/SKM)', () => {
  it('refuses a score off 0–100, a period ending before it starts, an unknown unit, and the same period twice', async () => {
    const base = { unitId, periodStart: '2026-07-01', periodEnd: '2026-09-30', kind: 'IKM', score: 78.5, respondents: 120, notes: '' };
    const high = await o.t.fails('ikm.save', { ...base, score: 101 }, 'VALIDATION', o.token);
    expect(high.details?.issues?.[0]).toMatchObject({ path: ['score'], message: 'evaluation.ikm_range' });
    const backwards = await o.t.fails('ikm.save', { ...base, periodEnd: '2026-06-30' }, 'VALIDATION', o.token);
    expect(backwards.details?.issues?.[0]).toMatchObject({ path: ['periodEnd'], message: 'validation.end_before_start' });
    const ghost = await o.t.fails('ikm.save', { ...base, unitId: '019a0000-0000-7000-8000-0000000000ff' }, 'VALIDATION', o.token);
    expect(ghost.details?.issues?.[0]).toMatchObject({ path: ['unitId'], message: 'employee.unit_unknown' });

    const wrote = await journalOf(o.db, () => o.t.ok('ikm.save', base, o.token));
    expect(ops(wrote)).toEqual(['service_score.insert']);
    const twice = await o.t.fails('ikm.save', base, 'VALIDATION', o.token);
    expect(twice.details?.issues?.[0]).toMatchObject({ path: ['periodStart'], message: 'evaluation.period_exists', params: { kind: 'IKM' } });
  });

  it('lists the year\'s scores, the office\'s own first', async () => {
    await o.t.ok('ikm.save', { unitId, periodStart: '2026-10-01', periodEnd: '2026-12-31', kind: 'IKM', score: 80, respondents: 95 }, o.token);
    await o.t.ok('ikm.save', { unitId: null, periodStart: '2026-01-01', periodEnd: '2026-12-31', kind: 'SKM', score: 81.25, notes: 'Survei tahunan' }, o.token);
    await o.t.ok('ikm.save', { unitId, periodStart: '2025-10-01', periodEnd: '2025-12-31', kind: 'IKM', score: 70 }, o.token);
    const list = await o.t.ok('ikm.list', { year: 2026 }, o.token);
    expect(list.map((s) => [s.unit, s.kind, s.periodStart, s.score])).toEqual([
      [null, 'SKM', '2026-01-01', 81.25],
      [ours[0]!.unit, 'IKM', '2026-07-01', 78.5],
      [ours[0]!.unit, 'IKM', '2026-10-01', 80],
    ]);
    expect(await o.t.ok('ikm.list', {}, o.token)).toHaveLength(4);
  });

  it('an edit is journalled as one update', async () => {
    const q4 = (await o.t.ok('ikm.list', { year: 2026 }, o.token)).find((s) => s.periodStart === '2026-10-01')!;
    const wrote = await journalOf(o.db, () => o.t.ok('ikm.save', {
      id: q4.id, unitId, periodStart: '2026-10-01', periodEnd: '2026-12-31', kind: 'IKM', score: 82.1, respondents: 95, notes: '',
    }, o.token));
    expect(ops(wrote)).toEqual(['service_score.update']);
    expect((await o.t.ok('ikm.list', { year: 2026 }, o.token)).find((s) => s.id === q4.id)).toMatchObject({ score: 82.1, createdAt: q4.createdAt });
  });
});

describe('results beside the training', () => {
  it('sets each period\'s score beside the previous one, the JP trained, the people trained and the trainings held', async () => {
    const rows = await o.t.ok('evaluation.results', { year: 2026 }, o.token);
    const eventJp = sessionJp.reduce((a, b) => a + b, 0);
    const round = (x: number) => Math.round(x * 100) / 100;
    expect(rows).toEqual([
      // The office: everyone's completed events (ours[0], the other unit's person) and the record.
      { unitId: null, unit: null, periodStart: '2026-01-01', periodEnd: '2026-12-31', kind: 'SKM', score: 81.25, respondents: null, previousScore: null,
        jpTrained: round(2 * eventJp + recordJp), peopleTrained: 3, trainingsHeld: 1 },
      // July–September: nothing; the previous IKM is the one of late 2025.
      { unitId, unit: ours[0]!.unit, periodStart: '2026-07-01', periodEnd: '2026-09-30', kind: 'IKM', score: 78.5, respondents: 120, previousScore: 70,
        jpTrained: 0, peopleTrained: 0, trainingsHeld: 0 },
      // October–December: ours[0] completed event A; ours[1] did not, but has the e-learning.
      { unitId, unit: ours[0]!.unit, periodStart: '2026-10-01', periodEnd: '2026-12-31', kind: 'IKM', score: 82.1, respondents: 95, previousScore: 78.5,
        jpTrained: round(eventJp + recordJp), peopleTrained: 2, trainingsHeld: 1 },
    ]);
  });

  it('a removed score leaves the results', async () => {
    const q3 = (await o.t.ok('ikm.list', { year: 2026 }, o.token)).find((s) => s.periodStart === '2026-07-01')!;
    expect(ops(await journalOf(o.db, () => o.t.ok('ikm.remove', { id: q3.id }, o.token)))).toEqual(['service_score.delete']);
    const rows = await o.t.ok('evaluation.results', { year: 2026 }, o.token);
    expect(rows.map((r) => r.periodStart)).toEqual(['2026-01-01', '2026-10-01']);
    // With July–September gone, October–December follows late 2025.
    expect(rows[1]!.previousScore).toBe(70);
    await o.t.fails('ikm.remove', { id: q3.id }, 'NOT_FOUND', o.token);
  });
});

describe('a need from a finding', () => {
  it('is created for next year with its finding, and shows in the needs list', async () => {
    const score = (await o.t.ok('ikm.list', { year: 2026 }, o.token)).find((s) => s.unitId === unitId)!;
    const wrote = await journalOf(o.db, async () => {
      const need = await o.t.ok('evaluation.createNeed', {
        finding: { kind: 'results', id: score.id }, year: 2027, topic: 'Pelayanan prima dan penanganan pengaduan', competencyType: 'teknis',
        unitId, priority: 'tinggi', notes: 'IKM unit naik, pengaduan masih banyak.',
      }, o.token);
      expect(need).toMatchObject({ year: 2027, unitId, source: 'kesenjangan_kinerja', priority: 'tinggi', finding: { kind: 'results', eventId: null, id: score.id } });
    });
    expect(ops(wrote)).toEqual(['need.insert']);
    const needs = await o.t.ok('needs.list', { year: 2027 }, o.token);
    expect(needs).toHaveLength(1);
    expect(needs[0]).toMatchObject({ topic: 'Pelayanan prima dan penanganan pengaduan', unitName: ours[0]!.unit, source: 'kesenjangan_kinerja', finding: { kind: 'results', id: score.id } });
    // An ordinary edit keeps where the need came from.
    const n = needs[0]!;
    await o.t.ok('needs.update', { id: n.id, year: 2027, unitId, competencyType: 'teknis', topic: 'Pelayanan prima', source: 'kesenjangan_kinerja', priority: 'sedang' }, o.token);
    expect((await o.t.ok('needs.list', { year: 2027 }, o.token))[0]).toMatchObject({ topic: 'Pelayanan prima', finding: { kind: 'results', id: score.id } });
  });

  it('needs entered by hand have no finding; a finding that does not exist, or a need for nobody, is refused', async () => {
    await o.t.ok('needs.create', { year: 2027, employeeId: ours[1]!.id, competencyType: 'teknis', topic: 'SIPD', source: 'survei' }, o.token);
    expect((await o.t.ok('needs.list', { year: 2027 }, o.token)).find((n) => n.topic === 'SIPD')!.finding).toBeNull();
    const ghost = await o.t.fails('evaluation.createNeed', { finding: { kind: 'followup', id: '019a0000-0000-7000-8000-0000000000ff' }, year: 2027, topic: 'x', competencyType: 'teknis', unitId }, 'VALIDATION', o.token);
    expect(ghost.details?.issues?.[0]).toMatchObject({ path: ['finding', 'id'], message: 'evaluation.finding_unknown' });
    const nobody = await o.t.fails('evaluation.createNeed', { finding: { kind: 'reaction' }, year: 2027, topic: 'x', competencyType: 'teknis' }, 'VALIDATION', o.token);
    expect(nobody.details?.issues?.[0]).toMatchObject({ message: 'validation.need_target' });
    expect(await o.t.ok('needs.list', { year: 2027 }, o.token)).toHaveLength(2);
  });

  it('a finding of another event than the one named is refused; of the same event, taken', async () => {
    const scores = await o.t.ok('scores.list', { eventId: eventA }, o.token);
    const enrolmentId = scores.rows.find((r) => r.employeeId === ours[1]!.id)!.enrolmentId;
    const need = { year: 2027, topic: 'Kehadiran pada bimtek', competencyType: 'teknis', employeeId: ours[1]!.id };
    const elsewhere = await o.t.fails('evaluation.createNeed', { ...need, finding: { kind: 'learning', eventId: eventB, id: enrolmentId } }, 'VALIDATION', o.token);
    expect(elsewhere.details?.issues?.[0]).toMatchObject({ path: ['finding', 'id'], message: 'evaluation.finding_unknown' });
    // A survey score belongs to no event.
    const score = (await o.t.ok('ikm.list', { year: 2026 }, o.token)).find((s) => s.unitId === unitId)!;
    const scoreOfEvent = await o.t.fails('evaluation.createNeed', { ...need, finding: { kind: 'results', eventId: eventA, id: score.id } }, 'VALIDATION', o.token);
    expect(scoreOfEvent.details?.issues?.[0]).toMatchObject({ path: ['finding', 'id'], message: 'evaluation.finding_unknown' });
    expect(await o.t.ok('needs.list', { year: 2027 }, o.token)).toHaveLength(2);

    const created = await o.t.ok('evaluation.createNeed', { ...need, finding: { kind: 'learning', eventId: eventA, id: enrolmentId } }, o.token);
    expect(created).toMatchObject({ employeeId: ours[1]!.id, source: 'kesenjangan_kinerja', finding: { kind: 'learning', eventId: eventA, id: enrolmentId } });
    expect(await o.t.ok('needs.list', { year: 2027 }, o.token)).toHaveLength(3);
  });
});
