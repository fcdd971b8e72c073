// The ledger counts the whole office in a few set-based statements; the recaps count one event
// or one person through jp.ts completion(). On a varied office made at random (seeded: the same
// office every run) — several methods and pass rules, sessions over, under way and to come, a
// training across the new year, a JP override, marks of every status and marks noted ahead,
// post-tests, withdrawals, a walk-in guest, cancelled events, events marked done early, external
// records verified, unverified and removed, a PPPK target of its own — both must give every
// employee the same figures, at several moments of the office clock and for several years.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/backend.ts';
import { addSession, createEvent, laterAt, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: TrainingOffice;

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

const rnd = seeded(20261125);
const STATUSES = ['hadir', 'hadir', 'hadir', 'hadir', 'terlambat', 'psw', 'izin', 'sakit', 'alpa', 'dinas_luar', null, null] as const;
const pad = (n: number) => String(n).padStart(2, '0');
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  o = await trainingOffice({ people: 30 });
  for (const [i, nip] of ['199203152023212001', '198811022024211002'].entries()) {
    await o.t.ok('employees.create', { nip, employmentType: 'pppk', name: `Pegawai PPPK ${i + 1}`, unitId: o.employees[i]!.unitId }, o.token);
  }
  await o.t.ok('rules.update', { jpTargetPppk: 24 }, o.token);
  const people = (await o.t.ok('employees.list', { limit: 1000 }, o.token)).items;

  const starts = ['2026-02-03', '2026-03-16', '2026-05-04', '2026-07-20', '2026-09-07', '2026-10-12', '2026-11-18', '2026-11-23', '2026-11-24', '2026-11-25', '2026-12-01', '2026-12-14', '2026-12-29', '2027-01-11', '2025-11-03', '2025-12-30'];
  for (const [k, first] of starts.entries()) {
    const methodId = rnd.pick([8, 8, 9, 13, 14, 16] as const);
    const event = await createEvent(o, {
      name: `Kegiatan ${k + 1}`, methodId, minAttendancePct: rnd.pick([50, 66.7, 75, 80, 80, 100]), minPostTest: rnd.next() < 0.3 ? 70 : null,
    });
    const sessions = [];
    const count = 1 + rnd.int(5);
    for (let i = 0; i < count; i++) {
      // Two a day at most; the last of the year's events run into January.
      const date = addDays(first, Math.floor(i / 2) * (first.endsWith('12-29') ? 4 : 1));
      const [start, end] = i % 2 ? ['13:00', '15:30'] : ['08:00', '12:00'];
      const override = rnd.next() < 0.1 ? { jpOverride: 1.5, jpOverrideReason: 'Materi dipersingkat' } : {};
      sessions.push(await addSession(o, event.id, date, start, end, override));
    }
    const chosen = people.filter(() => rnd.next() < 0.3);
    if (!chosen.length) continue;
    await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: chosen.map((p) => p.id) }, o.token);
    if (k === 3) await o.t.ok('enrolment.addWalkIn', { eventId: event.id, name: 'Tamu Kecamatan Lain', nip: '19900101 201903 1 001', institution: 'Kecamatan Kertapati' }, o.token);
    const enrolments = await o.t.ok('enrolment.list', { eventId: event.id }, o.token);
    for (const s of sessions) {
      const over = `${s.date} ${s.end}` <= '2026-11-25 09:00';
      // Sessions to come have few marks: an absence noted ahead, a register taken early.
      const marks = enrolments.map((e) => ({ enrolmentId: e.id, status: over || rnd.next() < 0.2 ? rnd.pick(STATUSES) : null, note: '' }))
        .filter((m): m is { enrolmentId: string; status: NonNullable<(typeof STATUSES)[number]>; note: string } => m.status !== null);
      if (marks.length) await o.t.ok('attendance.paperEntry', { sessionId: s.id, marks }, o.token);
    }
    for (const e of enrolments) {
      if (rnd.next() < 0.5) await o.t.ok('enrolment.setScores', { id: e.id, preTest: 40, postTest: rnd.pick([55, 69.5, 70, 85, 100]) }, o.token);
      if (e.employeeId && rnd.next() < 0.08) await o.t.ok('enrolment.withdraw', { id: e.id, reason: 'Tugas lain' }, o.token);
    }
    if (k === 4 || k === 9) await o.t.ok('events.setStatus', { id: event.id, status: 'batal' }, o.token);
    if (k === 6 || k === 10) await o.t.ok('events.setStatus', { id: event.id, status: 'selesai' }, o.token);
  }

  for (let i = 0; i < 40; i++) {
    const person = rnd.pick(people);
    const year = rnd.pick([2025, 2026, 2026, 2026, 2027]);
    const start = `${year}-${pad(1 + rnd.int(12))}-${pad(1 + rnd.int(28))}`;
    const record = await o.t.ok('records.create', {
      employeeId: person.id, title: `Pelatihan Luar ${i + 1}`, organiser: 'BPSDM Provinsi', methodId: rnd.pick([3, 9, 16]), competencyType: 'teknis',
      startDate: start, endDate: start, jp: rnd.pick([2, 3.5, 4, 8, 12]), jpReason: 'Sesuai sertifikat',
    }, o.token);
    if (rnd.next() < 0.5) await o.t.ok('records.verify', { id: record.id, verified: true }, o.token);
    if (rnd.next() < 0.1) await o.t.ok('records.remove', { id: record.id }, o.token);
  }
  await o.t.ok('employees.setStatus', { id: people[5]!.id, status: 'pensiun', statusDate: '2026-10-01' }, o.token);
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

async function compare(year: number): Promise<{ rows: number; credited: number; planned: number }> {
  const ledger = await o.t.ok('ledger.year', { year }, o.token);
  let credited = 0;
  let planned = 0;
  for (const row of ledger.rows) {
    const recap = await o.t.ok('recap.employee', { employeeId: row.employeeId, year }, o.token);
    expect({ jp: row.jp, eventJp: row.eventJp, externalJp: row.externalJp, planned: row.planned, target: row.target }, `${row.name} ${year}`)
      .toEqual({ jp: recap.totalJp, eventJp: recap.eventJp, externalJp: recap.externalJp, planned: recap.plannedJp, target: recap.targetJp });
    credited += row.eventJp > 0 ? 1 : 0;
    planned += row.planned > 0 ? 1 : 0;
  }
  return { rows: ledger.rows.length, credited, planned };
}

describe('the ledger and the recaps on a varied office', () => {
  it('agree for every employee, this year, last year and next, as the clock moves', async () => {
    const now = await compare(2026);
    // The office is varied enough to mean something: people credited, people with plans.
    expect(now.rows).toBe(31);
    expect(now.credited).toBeGreaterThan(5);
    expect(now.planned).toBeGreaterThan(3);
    await compare(2025);
    await compare(2027);
    // During the sessions of early December, and after the year's last ones.
    await laterAt(o, '2026-12-01', '10:00');
    await compare(2026);
    await laterAt(o, '2027-01-20', '08:00');
    const after = await compare(2026);
    expect(after.planned).toBe(0);
    await compare(2027);
  });

  it('and the enrolment screen\'s "JP this year" is the ledger\'s JP', async () => {
    const event = await createEvent(o, { name: 'Kegiatan Baru' });
    await addSession(o, event.id, '2027-03-01', '08:00', '12:00');
    const candidates = await o.t.ok('enrolment.candidates', { eventId: event.id, order: 'fewest_jp' }, o.token);
    const ledger = await o.t.ok('ledger.year', { year: 2027 }, o.token);
    expect(new Map(candidates.map((c) => [c.employeeId, c.jpThisYear]))).toEqual(new Map(ledger.rows.map((r) => [r.employeeId, r.jp])));

    // One unit, or one page by name: the JP are counted for those people only, and are still the ledger's.
    const units = [...new Set(o.employees.map((e) => e.unitId).filter((u): u is string => u !== null))];
    for (const [eventYear, date] of [[2026, '2026-12-21'], [2027, '2027-03-01']] as const) {
      const held = await createEvent(o, { name: `Kegiatan ${eventYear}` });
      await addSession(o, held.id, date, '08:00', '12:00');
      const jp = new Map((await o.t.ok('ledger.year', { year: eventYear }, o.token)).rows.map((r) => [r.employeeId, r.jp]));
      const some = [await o.t.ok('enrolment.candidates', { eventId: held.id, order: 'name', limit: 10 }, o.token)];
      for (const unitId of units) some.push(await o.t.ok('enrolment.candidates', { eventId: held.id, unitId, order: 'fewest_jp' }, o.token));
      expect(some[0]).toHaveLength(10);
      expect(some.flat().filter((c) => c.jpThisYear > 0).length).toBeGreaterThan(0);
      for (const c of some.flat()) expect(c.jpThisYear, c.name).toBe(jp.get(c.employeeId));
    }
  });
});
