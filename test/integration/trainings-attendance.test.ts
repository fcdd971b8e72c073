// Attendance at the door and after it: scans mark Hadir or Terlambat by the office's clock in its
// own zone (WIB, WITA, WIT), repeated scans change nothing, unknown and not-enrolled people are
// told apart; manual marks with notes and audited changes; "sisanya Alpa"; the paper sheet
// entered in one transaction; one mark per participant per session, enforced by the database.
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Timezone } from '../../shared/domain/timezone.ts';
import { FakeClock, dbFile, removeTempDirs } from '../helpers/backend.ts';
import {
  addSession, auditAfter, createEvent, journalAfter, lastSeq, ops, setLocalClock, spacedNip, trainingOffice, type TrainingOffice,
} from '../helpers/trainings.ts';

const DAY = '2026-11-25';

afterAll(() => removeTempDirs());

/** An office in `zone` with an event of one 08:00–12:00 session and `enrolled` of its 10 employees enrolled. */
async function door(zone: Timezone = 'Asia/Jakarta', eventOver: Parameters<typeof createEvent>[1] = {}, enrolled = 8, clockStart?: string) {
  // Logins end after 12 idle hours: a test that runs into the night starts its clock later.
  const o = await trainingOffice({ people: 10, timezone: zone, clock: clockStart ? new FakeClock(clockStart) : undefined });
  const event = await createEvent(o, eventOver);
  const session = await addSession(o, event.id, DAY, '08:00', '12:00', { topic: 'SIAK' });
  await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: o.employees.slice(0, enrolled).map((e) => e.id) }, o.token);
  const enrolments = await o.t.ok('enrolment.list', { eventId: event.id }, o.token);
  const enrolmentOf = (employeeId: string) => enrolments.find((e) => e.employeeId === employeeId)!.id;
  const scan = (input: string, sessionId = session.id) => o.t.ok('attendance.scan', { sessionId, input }, o.token);
  const at = (time: string, plusSeconds = 0, date = DAY) => setLocalClock(o.clock, date, time, zone, plusSeconds);
  return { o, event, session, enrolmentOf, scan, at, zone };
}
type Door = Awaited<ReturnType<typeof door>>;

const marksOf = (o: TrainingOffice, sessionId: string) =>
  o.db.prepare('SELECT enrolment_id, status, note, source, marked_at, deleted_at FROM attendance_marks WHERE session_id = ? ORDER BY rowid').all(sessionId) as
    { enrolment_id: string; status: string; note: string; source: string; marked_at: string; deleted_at: string | null }[];

describe('scan at the door (WIB)', () => {
  let d: Door;
  beforeAll(async () => { d = await door(); });
  afterAll(() => d.o.close());

  it('marks Hadir up to the start plus 15 minutes, Terlambat after', async () => {
    const [a, b, c] = d.o.employees;
    d.at('07:55');
    const early = await d.scan(a!.nip);
    expect(early).toMatchObject({ outcome: 'marked', nip: a!.nip, code: null, person: { enrolmentId: d.enrolmentOf(a!.id), employeeId: a!.id, nip: a!.nip, name: a!.displayName, jabatan: 'Staf Pelaksana', unit: a!.unit } });
    expect(early.mark).toMatchObject({ status: 'hadir', source: 'scan', note: '', markedAt: '2026-11-25T00:55:00.000Z' });
    d.at('08:15');
    expect((await d.scan(b!.nip)).mark!.status).toBe('hadir'); // exactly at the end of the grace period
    d.at('08:15', 1);
    expect((await d.scan(c!.nip)).mark).toMatchObject({ status: 'terlambat', markedAt: '2026-11-25T01:15:01.000Z' });
  });

  it('a repeated scan says "already" and changes nothing, not even the journal', async () => {
    const [a] = d.o.employees;
    d.at('09:30');
    const journal = lastSeq(d.o.db);
    const audit = lastSeq(d.o.db, 'audit_log');
    const before = marksOf(d.o, d.session.id);
    const again = await d.scan(spacedNip(a!.nip));
    expect(again).toMatchObject({ outcome: 'already', person: { employeeId: a!.id }, mark: { status: 'hadir', markedAt: '2026-11-25T00:55:00.000Z' } });
    expect(marksOf(d.o, d.session.id)).toEqual(before);
    expect(journalAfter(d.o.db, journal)).toEqual([]);
    expect(auditAfter(d.o.db, audit)).toEqual([]);
  });

  it('takes a NIP typed with spaces, dashes or a scanner\'s trailing whitespace', async () => {
    const [, , , e4, e5] = d.o.employees;
    d.at('08:05');
    expect(await d.scan(`  ${spacedNip(e4!.nip)}\n`)).toMatchObject({ outcome: 'marked', nip: e4!.nip, mark: { status: 'hadir' } });
    expect(await d.scan(spacedNip(e5!.nip).replace(/ /g, '-'))).toMatchObject({ outcome: 'marked', nip: e5!.nip });
  });

  it('tells an unknown NIP, a malformed one, and a roster employee who is not enrolled apart; the last can be enrolled and marked', async () => {
    const journal = lastSeq(d.o.db);
    expect(await d.scan('19860926 201505 2 001')).toEqual({ outcome: 'unknown', person: null, mark: null, nip: '198609262015052001', code: null });
    expect(await d.scan('12345')).toEqual({ outcome: 'invalid', person: null, mark: null, nip: '12345', code: 'nip.wrong_length' });
    const outsider = d.o.employees[9]!;
    const notEnrolled = await d.scan(spacedNip(outsider.nip));
    expect(notEnrolled).toMatchObject({ outcome: 'not_enrolled', mark: null, nip: outsider.nip, person: { employeeId: outsider.id, nip: outsider.nip, enrolmentId: '' } });
    expect(journalAfter(d.o.db, journal)).toEqual([]);

    d.at('08:40');
    const enrolled = await d.o.t.ok('attendance.enrolAndMark', { sessionId: d.session.id, employeeId: outsider.id }, d.o.token);
    expect(enrolled).toMatchObject({ outcome: 'marked', nip: outsider.nip, person: { employeeId: outsider.id }, mark: { status: 'terlambat', source: 'scan' } });
    expect(enrolled.person!.enrolmentId).not.toBe('');
    expect(ops(journalAfter(d.o.db, journal))).toEqual(['attendance.insert', 'enrolment.insert']);
    expect((await d.scan(outsider.nip)).outcome).toBe('already');
  });

  it('a withdrawn participant is not enrolled any more; a walk-in is found by the NIP they gave', async () => {
    const withdrawnOne = d.o.employees[7]!;
    await d.o.t.ok('enrolment.withdraw', { id: d.enrolmentOf(withdrawnOne.id), reason: 'Sakit sejak kemarin' }, d.o.token);
    expect((await d.scan(withdrawnOne.nip)).outcome).toBe('not_enrolled');

    const guest = await d.o.t.ok('enrolment.addWalkIn', { eventId: d.event.id, name: 'Hendra Wijaya', nip: '199001012019031001', institution: 'Kecamatan Kertapati' }, d.o.token);
    d.at('08:10');
    expect(await d.scan('19900101 201903 1 001')).toMatchObject({ outcome: 'marked', person: { enrolmentId: guest.id, employeeId: null, name: 'Hendra Wijaya', unit: 'Kecamatan Kertapati' }, mark: { status: 'hadir' } });
  });

  it('lists the session\'s sheet with each participant\'s mark', async () => {
    const sheet = await d.o.t.ok('attendance.sheet', { sessionId: d.session.id }, d.o.token);
    expect(sheet.sessionId).toBe(d.session.id);
    expect(sheet.rows).toHaveLength(9); // 8 enrolled − 1 withdrawn + the one enrolled at the door + the walk-in
    const statuses = Object.fromEntries(sheet.rows.map((r) => [r.nip, r.mark?.status ?? null]));
    const [a, b, c, , , f] = d.o.employees;
    expect(statuses[a!.nip]).toBe('hadir');
    expect(statuses[b!.nip]).toBe('hadir');
    expect(statuses[c!.nip]).toBe('terlambat');
    expect(statuses[f!.nip]).toBeNull();
    expect(statuses['199001012019031001']).toBe('hadir');
  });

  it('keeps exactly one mark per participant per session: the database refuses a duplicate', () => {
    const [a] = d.o.employees;
    const raw = new Database(dbFile(d.o.t.dataDir));
    try {
      const insert = raw.prepare(`INSERT INTO attendance_marks (id, session_id, enrolment_id, status, marked_at, note, source, created_at, updated_at, origin)
        VALUES (?, ?, ?, 'alpa', ?, '', 'manual', ?, ?, '16.71.14')`);
      const t = '2026-11-25T05:00:00.000Z';
      expect(() => insert.run('019a0000-0000-7000-8000-00000000a001', d.session.id, d.enrolmentOf(a!.id), t, t, t))
        .toThrow(/UNIQUE constraint failed: attendance_marks\.session_id, attendance_marks\.enrolment_id/);
    } finally {
      raw.close();
    }
    expect(marksOf(d.o, d.session.id).filter((m) => m.enrolment_id === d.enrolmentOf(a!.id))).toHaveLength(1);
  });
});

describe('late threshold by zone and grace period', () => {
  it.each([
    ['Asia/Makassar', 'WITA', '2026-11-25T00:15:00.000Z', '2026-11-25T00:15:01.000Z'],
    ['Asia/Jayapura', 'WIT', '2026-11-24T23:15:00.000Z', '2026-11-24T23:15:01.000Z'],
  ] as const)('an office in %s (%s) counts 08:00 in its own zone', async (zone, _label, lastOnTime, firstLate) => {
    const d = await door(zone);
    try {
      const [a, b] = d.o.employees;
      d.at('08:15');
      const onTime = await d.scan(a!.nip);
      expect(onTime.mark).toMatchObject({ status: 'hadir', markedAt: lastOnTime });
      d.at('08:15', 1);
      // In WIB this instant would still be before 08:00: only the office's own zone makes it late.
      expect((await d.scan(b!.nip)).mark).toMatchObject({ status: 'terlambat', markedAt: firstLate });
      expect((await d.o.t.ok('office.get', {}, d.o.token)).timezone).toBe(zone);
    } finally {
      d.o.close();
    }
  });

  it('uses the event\'s own grace period when it sets one', async () => {
    const d = await door('Asia/Jakarta', { lateGraceMinutes: 5 });
    try {
      const [a, b, c] = d.o.employees;
      d.at('08:04', 59);
      expect((await d.scan(a!.nip)).mark!.status).toBe('hadir');
      d.at('08:05', 1);
      expect((await d.scan(b!.nip)).mark!.status).toBe('terlambat');
      d.at('08:10');
      expect((await d.scan(c!.nip)).mark!.status).toBe('terlambat'); // would be on time under the default 15
    } finally {
      d.o.close();
    }
  });

  it('with grace 0 anyone after the start is late, and the office setting replaces the default of 15', async () => {
    const d = await door('Asia/Jakarta', { lateGraceMinutes: 0 });
    try {
      d.at('08:00', 1);
      expect((await d.scan(d.o.employees[0]!.nip)).mark!.status).toBe('terlambat');
      const other = await createEvent(d.o);
      const s = await addSession(d.o, other.id, DAY, '08:00', '12:00');
      await d.o.t.ok('enrolment.add', { eventId: other.id, employeeIds: [d.o.employees[1]!.id, d.o.employees[2]!.id] }, d.o.token);
      await d.o.t.ok('rules.update', { graceMinutes: 30, jpTargetPerYear: 20 }, d.o.token);
      d.at('08:25');
      expect((await d.scan(d.o.employees[1]!.nip, s.id)).mark!.status).toBe('hadir');
      d.at('08:30', 1);
      expect((await d.scan(d.o.employees[2]!.nip, s.id)).mark!.status).toBe('terlambat');
    } finally {
      d.o.close();
    }
  });

  it('a session that crosses midnight: late after its start plus grace, also after midnight', async () => {
    const d = await door('Asia/Jakarta', {}, 8, '2026-11-25T12:00:00.000Z');
    try {
      const night = await addSession(d.o, d.event.id, DAY, '22:00', '01:00', { topic: 'Patroli malam', overnight: true });
      const [a, b, c] = d.o.employees;
      d.at('21:50');
      expect((await d.scan(a!.nip, night.id)).mark!.status).toBe('hadir');
      d.at('22:15');
      expect((await d.scan(b!.nip, night.id)).mark!.status).toBe('hadir');
      d.at('00:30', 0, '2026-11-26');
      expect((await d.scan(c!.nip, night.id)).mark).toMatchObject({ status: 'terlambat', markedAt: '2026-11-25T17:30:00.000Z' });
      // The morning session of the same day is untouched by the night's scans.
      expect(marksOf(d.o, d.session.id)).toEqual([]);
    } finally {
      d.o.close();
    }
  });
});

describe('marking by hand', () => {
  let d: Door;
  beforeAll(async () => { d = await door(); });
  afterAll(() => d.o.close());
  afterEach(() => d.at('10:00'));

  it('marks with a note, changes the status with an audit row old → new, clears and re-marks', async () => {
    const [a] = d.o.employees;
    const enrolmentId = d.enrolmentOf(a!.id);
    d.at('07:00');
    const audit = lastSeq(d.o.db, 'audit_log');
    const journal = lastSeq(d.o.db);
    const izin = await d.o.t.ok('attendance.mark', { sessionId: d.session.id, enrolmentId, status: 'izin', note: 'Surat izin: acara keluarga' }, d.o.token);
    expect(izin).toMatchObject({ status: 'izin', note: 'Surat izin: acara keluarga', source: 'manual', markedAt: '2026-11-25T00:00:00.000Z', updatedBy: expect.any(String) });

    d.at('09:00');
    const sakit = await d.o.t.ok('attendance.mark', { sessionId: d.session.id, enrolmentId, status: 'sakit', note: 'Surat dokter' }, d.o.token);
    expect(sakit).toMatchObject({ id: izin.id, status: 'sakit', note: 'Surat dokter' });
    // The same mark again is no change at all.
    await d.o.t.ok('attendance.mark', { sessionId: d.session.id, enrolmentId, status: 'sakit', note: 'Surat dokter' }, d.o.token);

    const rows = auditAfter(d.o.db, audit);
    expect(rows.map((r) => r.action)).toEqual(['attendance.insert', 'attendance.update']);
    expect(rows[1]).toMatchObject({ entity: 'attendance', entity_id: izin.id, username: 'admin' });
    expect(JSON.parse(rows[1]!.details!)).toMatchObject({ status: ['izin', 'sakit'], note: ['Surat izin: acara keluarga', 'Surat dokter'] });
    expect(journalAfter(d.o.db, journal).map((r) => [r.entity, r.entity_id, r.op])).toEqual([['attendance', izin.id, 'insert'], ['attendance', izin.id, 'update']]);

    expect(await d.o.t.ok('attendance.clear', { sessionId: d.session.id, enrolmentId }, d.o.token)).toEqual({ ok: true });
    expect((await d.o.t.ok('attendance.sheet', { sessionId: d.session.id }, d.o.token)).rows.find((r) => r.enrolmentId === enrolmentId)!.mark).toBeNull();
    expect(marksOf(d.o, d.session.id)[0]!.deleted_at).not.toBeNull();
    const journalAfterClear = lastSeq(d.o.db);
    await d.o.t.ok('attendance.clear', { sessionId: d.session.id, enrolmentId }, d.o.token); // clearing nothing writes nothing
    expect(lastSeq(d.o.db)).toBe(journalAfterClear);

    const again = await d.o.t.ok('attendance.mark', { sessionId: d.session.id, enrolmentId, status: 'dinas_luar', note: 'Rapat di kantor wali kota' }, d.o.token);
    expect(again).toMatchObject({ id: izin.id, status: 'dinas_luar', markedAt: '2026-11-25T02:00:00.000Z' }); // a new mark, made at 09.00 WIB
    expect(marksOf(d.o, d.session.id)).toHaveLength(1);
    expect(journalAfter(d.o.db, journalAfterClear).map((r) => r.op)).toEqual(['restore']);
  });

  it('refuses a mark for someone not enrolled in the session\'s event, or withdrawn', async () => {
    const other = await createEvent(d.o);
    await d.o.t.ok('enrolment.add', { eventId: other.id, employeeIds: [d.o.employees[9]!.id] }, d.o.token);
    const [foreign] = await d.o.t.ok('enrolment.list', { eventId: other.id }, d.o.token);
    const error = await d.o.t.fails('attendance.mark', { sessionId: d.session.id, enrolmentId: foreign!.id, status: 'hadir' }, 'VALIDATION', d.o.token);
    expect(error.details?.issues?.[0]).toMatchObject({ path: ['enrolmentId'], message: 'attendance.not_enrolled' });
    const withdrawn = d.enrolmentOf(d.o.employees[6]!.id);
    await d.o.t.ok('enrolment.withdraw', { id: withdrawn, reason: 'Mutasi' }, d.o.token);
    await d.o.t.fails('attendance.mark', { sessionId: d.session.id, enrolmentId: withdrawn, status: 'hadir' }, 'VALIDATION', d.o.token);
    await d.o.t.fails('attendance.mark', { sessionId: d.session.id, enrolmentId: d.enrolmentOf(d.o.employees[1]!.id), status: 'bolos' }, 'VALIDATION', d.o.token);
    expect(marksOf(d.o, d.session.id).filter((m) => m.enrolment_id === foreign!.id || m.enrolment_id === withdrawn)).toEqual([]);
  });

  it('"sisanya Alpa" marks only the unmarked, the cleared included, in one go', async () => {
    const s = await addSession(d.o, d.event.id, DAY, '13:00', '16:00');
    const active = (await d.o.t.ok('enrolment.list', { eventId: d.event.id }, d.o.token)).map((e) => e.id);
    expect(active).toHaveLength(7);
    const [p, q, r] = active;
    d.at('13:00');
    await d.o.t.ok('attendance.mark', { sessionId: s.id, enrolmentId: p!, status: 'hadir' }, d.o.token);
    await d.o.t.ok('attendance.mark', { sessionId: s.id, enrolmentId: q!, status: 'cuti', note: 'Cuti tahunan' }, d.o.token);
    await d.o.t.ok('attendance.mark', { sessionId: s.id, enrolmentId: r!, status: 'izin' }, d.o.token);
    await d.o.t.ok('attendance.clear', { sessionId: s.id, enrolmentId: r! }, d.o.token);
    const journal = lastSeq(d.o.db);
    expect(await d.o.t.ok('attendance.markRest', { sessionId: s.id }, d.o.token)).toEqual({ marked: 5 });
    expect(journalAfter(d.o.db, journal)).toHaveLength(5);
    const byId = Object.fromEntries(marksOf(d.o, s.id).map((m) => [m.enrolment_id, m]));
    expect(byId[p!]).toMatchObject({ status: 'hadir', source: 'manual' });
    expect(byId[q!]).toMatchObject({ status: 'cuti', note: 'Cuti tahunan' });
    expect(byId[r!]).toMatchObject({ status: 'alpa', source: 'bulk', deleted_at: null });
    expect(active.every((id) => byId[id])).toBe(true);
    expect(Object.keys(byId)).toHaveLength(7); // the withdrawn participant gets no mark
    expect(await d.o.t.ok('attendance.markRest', { sessionId: s.id }, d.o.token)).toEqual({ marked: 0 });
  });
});

describe('paper sheet entry', () => {
  it('counts created, updated and unchanged; a bad enrolment in the middle leaves nothing written', async () => {
    const d = await door();
    try {
      d.at('07:58');
      await d.scan(d.o.employees[0]!.nip); // hadir
      await d.o.t.ok('attendance.mark', { sessionId: d.session.id, enrolmentId: d.enrolmentOf(d.o.employees[1]!.id), status: 'izin', note: 'Surat' }, d.o.token);
      d.at('13:00');
      const before = marksOf(d.o, d.session.id);
      const journal = lastSeq(d.o.db);

      const other = await createEvent(d.o);
      await d.o.t.ok('enrolment.add', { eventId: other.id, employeeIds: [d.o.employees[9]!.id] }, d.o.token);
      const [foreign] = await d.o.t.ok('enrolment.list', { eventId: other.id }, d.o.token);
      const afterSetup = lastSeq(d.o.db);
      const paper = (enrolmentId: string, status: string, note = '') => ({ enrolmentId, status, note });
      const marks = [
        paper(d.enrolmentOf(d.o.employees[0]!.id), 'hadir'), // unchanged
        paper(d.enrolmentOf(d.o.employees[1]!.id), 'izin', 'Surat'), // unchanged
        paper(d.enrolmentOf(d.o.employees[2]!.id), 'hadir'),
        paper(foreign!.id, 'hadir'), // someone from another event: refused
        paper(d.enrolmentOf(d.o.employees[3]!.id), 'sakit', 'Demam'),
      ];
      const error = await d.o.t.fails('attendance.paperEntry', { sessionId: d.session.id, marks }, 'VALIDATION', d.o.token);
      expect(error.details?.issues?.[0]).toMatchObject({ message: 'attendance.not_enrolled' });
      const unknown = [...marks.slice(0, 3), paper('019a0000-0000-7000-8000-0000000000ee', 'hadir')];
      await d.o.t.fails('attendance.paperEntry', { sessionId: d.session.id, marks: unknown }, 'VALIDATION', d.o.token);
      expect(marksOf(d.o, d.session.id)).toEqual(before);
      expect(lastSeq(d.o.db)).toBe(afterSetup);

      const first = marks.filter((m) => m.enrolmentId !== foreign!.id);
      expect(await d.o.t.ok('attendance.paperEntry', { sessionId: d.session.id, marks: first }, d.o.token)).toEqual({ created: 2, updated: 0, unchanged: 2 });
      const changed = [
        paper(d.enrolmentOf(d.o.employees[0]!.id), 'terlambat', 'Datang 08.40'), // updated
        paper(d.enrolmentOf(d.o.employees[2]!.id), 'hadir'), // unchanged
        paper(d.enrolmentOf(d.o.employees[4]!.id), 'dinas_luar'), // created
      ];
      expect(await d.o.t.ok('attendance.paperEntry', { sessionId: d.session.id, marks: changed }, d.o.token)).toEqual({ created: 1, updated: 1, unchanged: 1 });
      const rows = journalAfter(d.o.db, journal).filter((r) => r.entity === 'attendance');
      expect(rows).toHaveLength(4);
      const now = Object.fromEntries(marksOf(d.o, d.session.id).map((m) => [m.enrolment_id, m]));
      expect(now[d.enrolmentOf(d.o.employees[0]!.id)]).toMatchObject({ status: 'terlambat', note: 'Datang 08.40', source: 'paper', marked_at: '2026-11-25T00:58:00.000Z' });
      expect(now[d.enrolmentOf(d.o.employees[3]!.id)]).toMatchObject({ status: 'sakit', note: 'Demam', source: 'paper' });
      expect(now[d.enrolmentOf(d.o.employees[4]!.id)]).toMatchObject({ status: 'dinas_luar', source: 'paper' });
    } finally {
      d.o.close();
    }
  });
});
