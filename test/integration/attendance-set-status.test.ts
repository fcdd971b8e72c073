// attendance.setStatus: one backend method for a status set by hand, shared by the CLI's
// `attendance mark --status` and the door screen's status keys. It finds the participant (by
// enrolment or by NIP), reads the mark and writes it in one transaction, and says what happened:
// marked, changed, or already (nothing written).
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '../../shared/contract/validate.ts';
import { ATTENDANCE_STATUSES } from '../../shared/domain/jp.ts';
import { attendanceHandlers } from '../../electron/backend/services/attendance.ts';
import { cliActor, type ServiceContext } from '../../electron/backend/services/context.ts';
import { removeTempDirs } from '../helpers/backend.ts';
import { addSession, auditAfter, createEvent, journalAfter, lastSeq, spacedNip, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: TrainingOffice;
let eventId: string;
let sessionId: string;
let enrolmentOf: (employeeId: string) => string;

beforeAll(async () => {
  o = await trainingOffice({ people: 10 });
  eventId = (await createEvent(o)).id;
  sessionId = (await addSession(o, eventId, '2026-11-25', '08:00', '12:00')).id;
  await o.t.ok('enrolment.add', { eventId, employeeIds: o.employees.slice(0, 8).map((e) => e.id) }, o.token);
  const enrolments = await o.t.ok('enrolment.list', { eventId }, o.token);
  enrolmentOf = (employeeId) => enrolments.find((e) => e.employeeId === employeeId)!.id;
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

const setStatus = (input: Record<string, unknown>) => o.t.ok('attendance.setStatus', { sessionId, ...input }, o.token);
const setStatusFails = (input: Record<string, unknown>) => o.t.fails('attendance.setStatus', { sessionId, ...input }, 'VALIDATION', o.token);
const markRow = (enrolmentId: string) =>
  o.db.prepare('SELECT status, note, source, deleted_at FROM attendance_marks WHERE session_id = ? AND enrolment_id = ?').get(sessionId, enrolmentId);

describe('attendance.setStatus', () => {
  it('marked: a participant without a mark gets the status, one insert in the journal and the audit log', async () => {
    const a = o.employees[0]!;
    const journal = lastSeq(o.db);
    const audit = lastSeq(o.db, 'audit_log');
    const result = await setStatus({ enrolmentId: enrolmentOf(a.id), status: 'izin', note: 'Surat izin' });
    expect(result).toMatchObject({
      outcome: 'marked',
      mark: { status: 'izin', note: 'Surat izin', source: 'manual' },
      participant: { enrolmentId: enrolmentOf(a.id), employeeId: a.id, nip: a.nip, name: a.displayName },
    });
    expect(journalAfter(o.db, journal).map((r) => [r.entity, r.entity_id, r.op])).toEqual([['attendance', result.mark.id, 'insert']]);
    expect(auditAfter(o.db, audit).map((r) => r.action)).toEqual(['attendance.insert']);
  });

  it('changed: another status is one update audited old → new; without a note the mark keeps its own', async () => {
    const a = o.employees[0]!;
    const audit = lastSeq(o.db, 'audit_log');
    const journal = lastSeq(o.db);
    const result = await setStatus({ enrolmentId: enrolmentOf(a.id), status: 'sakit' });
    expect(result).toMatchObject({ outcome: 'changed', mark: { status: 'sakit', note: 'Surat izin' } });
    expect(journalAfter(o.db, journal).map((r) => r.op)).toEqual(['update']);
    const [row] = auditAfter(o.db, audit);
    expect(row!.action).toBe('attendance.update');
    expect(JSON.parse(row!.details!).status).toEqual(['izin', 'sakit']);
    // Only the note differs: that is a change too.
    expect(await setStatus({ enrolmentId: enrolmentOf(a.id), status: 'sakit', note: 'Surat dokter' })).toMatchObject({ outcome: 'changed', mark: { note: 'Surat dokter' } });
  });

  it('already: the same status (and no other note) writes nothing at all', async () => {
    const a = o.employees[0]!;
    const journal = lastSeq(o.db);
    const audit = lastSeq(o.db, 'audit_log');
    const before = markRow(enrolmentOf(a.id));
    expect(await setStatus({ enrolmentId: enrolmentOf(a.id), status: 'sakit' })).toMatchObject({ outcome: 'already', mark: { status: 'sakit', note: 'Surat dokter' } });
    expect(await setStatus({ nip: spacedNip(a.nip), status: 'sakit', note: 'Surat dokter' })).toMatchObject({ outcome: 'already' });
    expect(markRow(enrolmentOf(a.id))).toEqual(before);
    expect(journalAfter(o.db, journal)).toEqual([]);
    expect(auditAfter(o.db, audit)).toEqual([]);
  });

  it('finds the participant by a NIP typed any common way, a walk-in too; a cleared mark is marked again', async () => {
    const b = o.employees[1]!;
    expect(await setStatus({ nip: ` ${spacedNip(b.nip).replace(/ /g, '-')} `, status: 'dinas_luar' }))
      .toMatchObject({ outcome: 'marked', participant: { employeeId: b.id, nip: b.nip }, mark: { status: 'dinas_luar', note: '' } });
    const guest = await o.t.ok('enrolment.addWalkIn', { eventId, name: 'Hendra Wijaya', nip: '199001012019031001', institution: 'Kecamatan Kertapati' }, o.token);
    expect(await setStatus({ nip: '19900101 201903 1 001', status: 'hadir' }))
      .toMatchObject({ outcome: 'marked', participant: { enrolmentId: guest.id, employeeId: null, name: 'Hendra Wijaya' } });

    await o.t.ok('attendance.clear', { sessionId, enrolmentId: enrolmentOf(b.id) }, o.token);
    expect(await setStatus({ enrolmentId: enrolmentOf(b.id), status: 'dinas_luar' })).toMatchObject({ outcome: 'marked', mark: { status: 'dinas_luar' } });
    expect(markRow(enrolmentOf(b.id))).toMatchObject({ status: 'dinas_luar', deleted_at: null });
  });

  it('refuses an unknown NIP, a malformed one, someone not enrolled or withdrawn, and writes nothing', async () => {
    const journal = lastSeq(o.db);
    const unknown = await setStatusFails({ nip: '19860926 201505 2 001', status: 'sakit' });
    expect(unknown.details?.issues).toEqual([{ path: ['nip'], message: 'employee.unknown_nip', params: { nip: '19860926 201505 2 001' } }]);
    const malformed = await setStatusFails({ nip: '12345', status: 'sakit' });
    expect(malformed.details?.issues?.[0]).toMatchObject({ path: ['nip'], message: 'nip.wrong_length' });

    const outsider = o.employees[9]!;
    const notEnrolled = await setStatusFails({ nip: outsider.nip, status: 'sakit' });
    expect(notEnrolled.details?.issues?.[0]).toMatchObject({ path: ['nip'], message: 'attendance.not_enrolled' });

    const withdrawn = o.employees[7]!;
    await o.t.ok('enrolment.withdraw', { id: enrolmentOf(withdrawn.id), reason: 'Mutasi' }, o.token);
    const afterWithdraw = lastSeq(o.db);
    expect((await setStatusFails({ nip: withdrawn.nip, status: 'alpa' })).details?.issues?.[0]).toMatchObject({ path: ['nip'], message: 'attendance.not_enrolled' });
    expect((await setStatusFails({ enrolmentId: enrolmentOf(withdrawn.id), status: 'alpa' })).details?.issues?.[0])
      .toMatchObject({ path: ['enrolmentId'], message: 'attendance.not_enrolled' });
    expect(journalAfter(o.db, journal).map((r) => r.entity)).toEqual(['enrolment']);
    expect(lastSeq(o.db)).toBe(afterWithdraw);
  });

  it('needs exactly one of NIP and enrolment, and a known status', async () => {
    const a = o.employees[2]!;
    for (const input of [{ status: 'sakit' }, { nip: a.nip, enrolmentId: enrolmentOf(a.id), status: 'sakit' }]) {
      expect((await setStatusFails(input)).details?.issues?.[0]).toMatchObject({ path: ['nip'], message: 'validation.nip_or_enrolment' });
    }
    expect((await setStatusFails({ nip: a.nip, status: 'bolos' })).details?.issues?.[0]).toMatchObject({ path: ['status'] });
    expect(markRow(enrolmentOf(a.id))).toBeUndefined();
  });

  it('an unknown session is NOT_FOUND', async () => {
    await o.t.fails('attendance.setStatus', { sessionId: '019a0000-0000-7000-8000-0000000000ab', nip: o.employees[2]!.nip, status: 'sakit' }, 'NOT_FOUND', o.token);
  });

  it('reads and writes in one transaction: every statement it runs is inside one, and a failed write leaves nothing', async () => {
    const db = o.t.backend.db;
    const ctx: ServiceContext = {
      db, dataDir: o.t.dataDir, door: 'test', actor: cliActor('tester'), session: { token: null },
      jobs: o.t.backend.jobs, now: o.clock.now,
    };
    const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<'run' | 'get' | 'all' | 'iterate', (...args: unknown[]) => unknown>;
    const seen: { sql: string; inTransaction: boolean }[] = [];
    const originals = { run: proto.run, get: proto.get, all: proto.all, iterate: proto.iterate };
    for (const name of ['run', 'get', 'all', 'iterate'] as const) {
      proto[name] = function (this: Database.Statement, ...args: unknown[]) {
        seen.push({ sql: this.source, inTransaction: this.database.inTransaction });
        return originals[name].apply(this, args);
      };
    }
    const c = o.employees[3]!;
    try {
      const input = parseInput('attendance.setStatus', { sessionId, nip: spacedNip(c.nip), status: 'cuti' });
      expect(await attendanceHandlers['attendance.setStatus'](input, ctx)).toMatchObject({ outcome: 'marked' });
    } finally {
      Object.assign(proto, originals);
    }
    // BEGIN IMMEDIATE first (the write lock taken before the mark is read), then everything inside.
    expect(seen[0]).toEqual({ sql: 'BEGIN IMMEDIATE', inTransaction: false });
    expect(seen.filter((s) => /^(BEGIN|COMMIT)/.test(s.sql)).map((s) => s.sql)).toEqual(['BEGIN IMMEDIATE', 'COMMIT']);
    expect(seen.some((s) => /FROM attendance_marks/.test(s.sql))).toBe(true);
    expect(seen.slice(1).filter((s) => !s.inTransaction)).toEqual([]);

    // A write that fails half-way (the journal refuses its row) leaves no mark behind.
    const d = o.employees[4]!;
    db.exec("CREATE TEMP TRIGGER refuse_journal BEFORE INSERT ON change_journal BEGIN SELECT RAISE(ABORT, 'refused'); END");
    try {
      await o.t.fails('attendance.setStatus', { sessionId, nip: d.nip, status: 'cuti' }, 'CONFLICT', o.token); // RAISE(ABORT) is a constraint error
    } finally {
      db.exec('DROP TRIGGER refuse_journal');
    }
    expect(markRow(enrolmentOf(d.id))).toBeUndefined();
  });
});

describe('one list of attendance statuses', () => {
  it('the database\'s CHECK (migration 003) allows exactly ATTENDANCE_STATUSES', () => {
    const table = o.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'attendance_marks'").pluck().get() as string;
    const allowed = /status TEXT NOT NULL CHECK \(status IN \(([^)]*)\)\)/.exec(table)![1]!.split(',').map((s) => s.trim().replace(/'/g, ''));
    expect(allowed).toEqual([...ATTENDANCE_STATUSES]);
  });
});

