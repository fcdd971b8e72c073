// The change journal (what the export to the city reads) for the trainings area: every write
// leaves exactly one journal row — and one audit row — per record it changed, in the same
// transaction; a write that changes nothing leaves none, and a failed write leaves none.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/backend.ts';
import { csvText, fileInput } from '../helpers/roster.ts';
import {
  addSession, auditAfter, createEvent, journalAfter, lastSeq, ops, setLocalClock, spacedNip, trainingOffice, type JournalRow, type TrainingOffice,
} from '../helpers/trainings.ts';

let o: TrainingOffice;

beforeAll(async () => {
  o = await trainingOffice({ people: 8 });
  setLocalClock(o.clock, '2026-11-25', '07:30', 'Asia/Jakarta');
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

/**
 * Runs one call and returns its journal rows after checking: no record twice, one audit row per
 * journal row (same entity, id and op), every row stamped with the call's time, user and office.
 */
async function wrote(work: () => Promise<unknown>): Promise<JournalRow[]> {
  const journal = lastSeq(o.db);
  const audit = lastSeq(o.db, 'audit_log');
  await work();
  const rows = journalAfter(o.db, journal);
  expect(rows.map((r) => `${r.entity}:${r.entity_id}`), JSON.stringify(rows.map((r) => [r.entity, r.op]))).toEqual([...new Set(rows.map((r) => `${r.entity}:${r.entity_id}`))]);
  expect(auditAfter(o.db, audit).map((a) => [a.action, a.entity, a.entity_id])).toEqual(rows.map((r) => [`${r.entity}.${r.op}`, r.entity, r.entity_id]));
  for (const r of rows) expect(r).toMatchObject({ at: o.clock.iso(), origin: '16.71.14', user_id: expect.any(String) });
  return rows;
}

/** Nothing at all is written: not the journal, not the audit log, not the tables named. */
async function writesNothing(db: Database.Database, work: () => Promise<unknown>, tables: string[]) {
  const counts = () => ({
    journal: lastSeq(db), audit: lastSeq(db, 'audit_log'),
    ...Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) || ':' || coalesce(max(updated_at), '') FROM ${t}`).pluck().get()])),
  });
  const before = counts();
  await work();
  expect(counts()).toEqual(before);
}

describe('one journal row per changed record', () => {
  it('needs and the programme', async () => {
    const [a, b] = o.employees;
    let needId = '';
    expect(ops(await wrote(async () => { needId = (await o.t.ok('needs.create', { year: 2026, employeeId: a!.id, competencyType: 'teknis', topic: 'SIAK', source: 'survei' }, o.token)).id; }))).toEqual(['need.insert']);
    expect(ops(await wrote(() => o.t.ok('needs.update', { id: needId, year: 2026, employeeId: a!.id, competencyType: 'teknis', topic: 'SIAK lanjutan', source: 'fgd' }, o.token)))).toEqual(['need.update']);
    expect(ops(await wrote(() => o.t.ok('needs.remove', { id: needId }, o.token)))).toEqual(['need.delete']);
    const file = fileInput(o.dir, 'kebutuhan.csv', csvText([['NIP', 'Jenis Kompetensi', 'Topik'], [spacedNip(a!.nip), 'teknis', 'Arsip'], [b!.nip, 'manajerial', 'Kepemimpinan']]), { year: 2026 });
    expect(ops(await wrote(() => o.t.ok('needs.import', file, o.token)))).toEqual(['need.insert', 'need.insert']);
    expect(await wrote(() => o.t.ok('needs.import', { ...file, dryRun: true }, o.token))).toEqual([]);

    const fields = { year: 2026, title: 'Bimtek SIAK', competencyType: 'teknis', methodId: 8, organiser: 'kantor', plannedMonth: 11, plannedJp: 10, funding: 'apbd' } as const;
    let itemId = '';
    expect(ops(await wrote(async () => { itemId = (await o.t.ok('programme.create', fields, o.token)).id; }))).toEqual(['programme_item.insert']);
    expect(ops(await wrote(() => o.t.ok('programme.update', { id: itemId, ...fields, budget: 2_000_000 }, o.token)))).toEqual(['programme_item.update']);
    expect(ops(await wrote(() => o.t.ok('programme.setStatus', { id: itemId, status: 'terjadwal' }, o.token)))).toEqual(['programme_item.update']);
    expect(await wrote(() => o.t.ok('programme.setStatus', { id: itemId, status: 'terjadwal' }, o.token))).toEqual([]);
  });

  it('events and sessions, JP recomputation included', async () => {
    let eventId = '';
    expect(ops(await wrote(async () => { eventId = (await createEvent(o, { name: 'Seminar Pelayanan', methodId: 9, competencyType: 'manajerial' })).id; }))).toEqual(['event.insert']);
    // A new session is written once, with its JP already computed.
    let first = '';
    const created = await wrote(async () => { first = (await addSession(o, eventId, '2026-11-25', '08:00', '10:00')).id; });
    expect(created.map((r) => [r.entity, r.entity_id, r.op])).toEqual([['session', first, 'insert']]);
    expect(o.db.prepare('SELECT computed_jp FROM event_sessions WHERE id = ?').pluck().get(first)).toBe(4);
    // The second session of the day takes half the day's JP from the first: two records, one row each.
    let second = '';
    const shared = await wrote(async () => { second = (await addSession(o, eventId, '2026-11-25', '10:00', '12:00')).id; });
    expect(shared.map((r) => [r.entity_id, r.op])).toEqual([[second, 'insert'], [first, 'update']]);
    // Moving it to another day changes its JP and gives the first its whole day back.
    const moved = await wrote(() => o.t.ok('sessions.update', { id: second, date: '2026-11-26', start: '10:00', end: '12:00', topic: '', speaker: '' }, o.token));
    expect(moved.map((r) => [r.entity_id, r.op])).toEqual([[second, 'update'], [first, 'update']]);
    expect((await o.t.ok('events.get', { id: eventId }, o.token)).sessions.map((s) => s.jp)).toEqual([4, 4]);
    // Renaming a topic changes only that session.
    expect((await wrote(() => o.t.ok('sessions.update', { id: second, date: '2026-11-26', start: '10:00', end: '12:00', topic: 'Diskusi', speaker: '' }, o.token))).map((r) => r.entity_id)).toEqual([second]);
    const third = (await addSession(o, eventId, '2026-11-26', '13:00', '15:00')).id;
    expect((await wrote(() => o.t.ok('sessions.remove', { id: third }, o.token))).map((r) => [r.entity_id, r.op])).toEqual([[third, 'delete'], [second, 'update']]);

    const event = await o.t.ok('events.get', { id: eventId }, o.token);
    const { id, methodName: _m, status: _s, sessions: _x, enrolled: _n, totalJp: _t, startDate: _a, endDate: _b, createdAt: _c, updatedAt: _u, updatedBy: _y, origin: _o, ...fields } = event;
    expect(ops(await wrote(() => o.t.ok('events.update', { id, ...fields, methodId: 8 }, o.token)))).toEqual(['event.update', 'session.update', 'session.update']); // 2 h each: 2 JP, no longer 4
    expect(ops(await wrote(() => o.t.ok('events.update', { id, ...fields, methodId: 8, place: 'Aula' }, o.token)))).toEqual(['event.update']);
    expect(ops(await wrote(() => o.t.ok('events.setStatus', { id, status: 'berlangsung' }, o.token)))).toEqual(['event.update']);
    expect(await wrote(() => o.t.ok('events.setStatus', { id, status: 'berlangsung' }, o.token))).toEqual([]);
  });

  it('enrolment and attendance', async () => {
    const [a, b, c, d] = o.employees;
    const event = await createEvent(o, { capacity: 3 });
    const session = await addSession(o, event.id, '2026-11-25', '08:00', '12:00');
    expect(ops(await wrote(() => o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [a!.id, b!.id] }, o.token)))).toEqual(['enrolment.insert', 'enrolment.insert']);
    expect(await wrote(() => o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [a!.id, b!.id] }, o.token))).toEqual([]);
    expect(ops(await wrote(() => o.t.ok('enrolment.addByNips', { eventId: event.id, text: `${spacedNip(a!.nip)}\n${spacedNip(c!.nip)}\n12345` }, o.token)))).toEqual(['enrolment.insert']);
    let guest = '';
    expect(ops(await wrote(async () => { guest = (await o.t.ok('enrolment.addWalkIn', { eventId: event.id, name: 'Tamu', institution: 'Kelurahan Lain' }, o.token)).id; }))).toEqual(['enrolment.insert']);
    const enrolments = Object.fromEntries((await o.t.ok('enrolment.list', { eventId: event.id }, o.token)).map((x) => [x.employeeId ?? 'guest', x.id]));
    expect(ops(await wrote(() => o.t.ok('enrolment.setScores', { id: guest, preTest: 40, postTest: 80 }, o.token)))).toEqual(['enrolment.update']);
    expect(ops(await wrote(() => o.t.ok('enrolment.withdraw', { id: enrolments[c!.id], reason: 'Sakit' }, o.token)))).toEqual(['enrolment.update']);
    expect(ops(await wrote(() => o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [c!.id] }, o.token)))).toEqual(['enrolment.update']);

    expect(ops(await wrote(() => o.t.ok('attendance.scan', { sessionId: session.id, input: a!.nip }, o.token)))).toEqual(['attendance.insert']);
    expect(await wrote(() => o.t.ok('attendance.scan', { sessionId: session.id, input: a!.nip }, o.token))).toEqual([]);
    expect(await wrote(() => o.t.ok('attendance.scan', { sessionId: session.id, input: d!.nip }, o.token))).toEqual([]); // not enrolled
    expect(ops(await wrote(() => o.t.ok('attendance.enrolAndMark', { sessionId: session.id, employeeId: d!.id }, o.token)))).toEqual(['attendance.insert', 'enrolment.insert']);
    expect(ops(await wrote(() => o.t.ok('attendance.mark', { sessionId: session.id, enrolmentId: enrolments[a!.id], status: 'psw', note: 'Pulang 10.00' }, o.token)))).toEqual(['attendance.update']);
    expect(await wrote(() => o.t.ok('attendance.mark', { sessionId: session.id, enrolmentId: enrolments[a!.id], status: 'psw', note: 'Pulang 10.00' }, o.token))).toEqual([]);
    expect(ops(await wrote(() => o.t.ok('attendance.clear', { sessionId: session.id, enrolmentId: enrolments[a!.id] }, o.token)))).toEqual(['attendance.delete']);
    expect(await wrote(() => o.t.ok('attendance.clear', { sessionId: session.id, enrolmentId: enrolments[a!.id] }, o.token))).toEqual([]);
    expect(ops(await wrote(() => o.t.ok('attendance.paperEntry', { sessionId: session.id, marks: [
      { enrolmentId: enrolments[a!.id], status: 'hadir' }, // revived
      { enrolmentId: enrolments[b!.id], status: 'izin' },
    ] }, o.token)))).toEqual(['attendance.insert', 'attendance.restore']);
    expect(ops(await wrote(() => o.t.ok('attendance.markRest', { sessionId: session.id }, o.token)))).toEqual(['attendance.insert', 'attendance.insert']); // c and the guest
    expect(await wrote(() => o.t.ok('attendance.markRest', { sessionId: session.id }, o.token))).toEqual([]);
  });
});

describe('failed writes leave nothing', () => {
  it('a refused call writes no journal row, no audit row and no data', async () => {
    const [a, , , , , f] = o.employees;
    const event = await createEvent(o);
    const session = await addSession(o, event.id, '2026-11-25', '08:00', '12:00');
    await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [a!.id] }, o.token);
    const [enrolment] = await o.t.ok('enrolment.list', { eventId: event.id }, o.token);
    await o.t.ok('attendance.mark', { sessionId: session.id, enrolmentId: enrolment!.id, status: 'hadir' }, o.token);
    const other = await createEvent(o);
    await o.t.ok('enrolment.add', { eventId: other.id, employeeIds: [f!.id] }, o.token);
    const [foreign] = await o.t.ok('enrolment.list', { eventId: other.id }, o.token);
    const ghost = '019a0000-0000-7000-8000-0000000000ff';
    const tables = ['needs', 'programme_items', 'events', 'event_sessions', 'enrolments', 'attendance_marks'];

    await writesNothing(o.db, async () => {
      await o.t.fails('needs.create', { year: 2026, competencyType: 'teknis', topic: 'x', source: 'survei' }, 'VALIDATION', o.token);
      await o.t.fails('needs.create', { year: 2026, employeeId: ghost, competencyType: 'teknis', topic: 'x', source: 'survei' }, 'VALIDATION', o.token);
      await o.t.fails('needs.update', { id: ghost, year: 2026, employeeId: a!.id, competencyType: 'teknis', topic: 'x', source: 'survei' }, 'NOT_FOUND', o.token);
      await o.t.ok('needs.import', fileInput(o.dir, 'salah.csv', csvText([['NIP', 'Jenis Kompetensi', 'Topik'], ['19860926 201505 2 001', 'teknis', 'x']]), { year: 2026 }), o.token);
      await o.t.fails('programme.update', { id: ghost, year: 2026, title: 'x', competencyType: 'teknis', methodId: 8, organiser: 'kantor', plannedMonth: 1, plannedJp: 1, funding: 'apbd' }, 'NOT_FOUND', o.token);
      await o.t.fails('events.create', { name: 'x', methodId: 8, competencyType: 'teknis', organiser: 'kantor', programmeItemId: ghost }, 'VALIDATION', o.token);
      await o.t.fails('sessions.create', { eventId: event.id, date: '2026-11-26', start: '08:00', end: '12:00', jpOverride: 3 }, 'VALIDATION', o.token);
      await o.t.fails('sessions.remove', { id: session.id }, 'VALIDATION', o.token);
      await o.t.fails('enrolment.add', { eventId: event.id, employeeIds: [o.employees[1]!.id, ghost] }, 'VALIDATION', o.token);
      await o.t.fails('enrolment.addWalkIn', { eventId: event.id, name: 'x', nip: a!.nip }, 'VALIDATION', o.token);
      await o.t.fails('attendance.mark', { sessionId: session.id, enrolmentId: foreign!.id, status: 'hadir' }, 'VALIDATION', o.token);
      await o.t.fails('attendance.paperEntry', { sessionId: session.id, marks: [{ enrolmentId: enrolment!.id, status: 'sakit' }, { enrolmentId: ghost, status: 'hadir' }] }, 'VALIDATION', o.token);
      await o.t.fails('attendance.enrolAndMark', { sessionId: session.id, employeeId: ghost }, 'VALIDATION', o.token);
      await o.t.fails('attendance.scan', { sessionId: ghost, input: a!.nip }, 'NOT_FOUND', o.token);
      // Not logged in: refused before anything runs.
      await o.t.fails('attendance.scan', { sessionId: session.id, input: o.employees[1]!.nip }, 'UNAUTHENTICATED', null);
    }, tables);
  });
});
