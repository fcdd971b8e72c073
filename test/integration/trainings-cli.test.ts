// `bangkom attendance mark` and `bangkom event recap`, run in-process through the real command
// parser against a real data folder (and once as a real process): one JSON document on stdout,
// outcomes marked then already, failures as one line on stderr with a non-zero exit.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNip } from '../../shared/domain/nip.ts';
import { ADMIN, login, openTestBackend, peek, removeTempDirs } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { addSession, auditAfter, createEvent, journalAfter, lastSeq, spacedNip, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/bangkom.js');

let o: TrainingOffice;
let dataDir: string;
let eventId: string;
let sessionId: string;
let nips: string[];

beforeAll(async () => {
  o = await trainingOffice({ people: 8 });
  // The CLI runs on the real clock: a session far ahead makes every scan on time.
  const event = await createEvent(o);
  eventId = event.id;
  sessionId = (await addSession(o, eventId, '2099-11-25', '08:00', '12:00', { topic: 'SIAK' })).id;
  await addSession(o, eventId, '2099-11-26', '08:00', '11:00', { topic: 'KTP-el' });
  await o.t.ok('enrolment.add', { eventId, employeeIds: o.employees.slice(0, 6).map((e) => e.id) }, o.token);
  nips = o.employees.map((e) => e.nip);
  dataDir = o.t.dataDir;
  o.close();
});
afterAll(() => removeTempDirs());

const bangkom = (...args: string[]) => captureCli(['--data', dataDir, ...args]);
const mark = (nip: string, ...extra: string[]) => bangkom('attendance', 'mark', '--session', sessionId, '--nip', nip, ...extra);

function withDb<T>(work: (db: ReturnType<typeof peek>) => T): T {
  const db = peek(dataDir);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

const oneLine = (stderr: string) => {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
};

describe('attendance mark', () => {
  it('--json prints one JSON document: marked, then already on a repeated scan', async () => {
    const run = await mark(spacedNip(nips[0]!), '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().startsWith('{') && run.stdout.trim().endsWith('}')).toBe(true);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ outcome: 'marked', nip: nips[0], code: null, person: { employeeId: o.employees[0]!.id, name: o.employees[0]!.displayName }, mark: { status: 'hadir', source: 'scan', note: '' } });

    const journal = withDb((db) => lastSeq(db));
    const again = await mark(nips[0]!, '--json');
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'already', mark: { id: out.mark.id, status: 'hadir' } });
    expect(withDb((db) => journalAfter(db, journal))).toEqual([]);
  });

  it('without --json says who was marked, in one line', async () => {
    const run = await mark(nips[1]!);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${o.employees[1]!.displayName} (${formatNip(nips[1]!)}): hadir.\n`);
    const again = await mark(nips[1]!);
    expect(again.stdout).toBe(`${o.employees[1]!.displayName} sudah tercatat (hadir); tidak ada yang diubah.\n`);
  });

  it('an unknown NIP exits non-zero with one line on stderr and writes nothing', async () => {
    const journal = withDb((db) => lastSeq(db));
    const json = await mark('19860926 201505 2 001', '--json');
    expect(json.code).not.toBe(0);
    oneLine(json.stderr);
    expect(json.stderr).toBe('bangkom: NIP 19860926 201505 2 001 tidak ada di daftar pegawai.\n');
    expect(JSON.parse(json.stdout)).toMatchObject({ outcome: 'unknown', nip: '198609262015052001', person: null, mark: null });

    const human = await mark('19860926 201505 2 001');
    expect(human.code).not.toBe(0);
    expect(human.stdout).toBe('');
    expect(human.stderr).toBe('bangkom: NIP 19860926 201505 2 001 tidak ada di daftar pegawai.\n');
    expect(withDb((db) => journalAfter(db, journal))).toEqual([]);
  });

  it('a malformed NIP, a person not enrolled, a bad status or an unknown session fail the same way', async () => {
    const journal = withDb((db) => lastSeq(db));
    const bad = await mark('12345', '--json');
    expect(bad.code).not.toBe(0);
    oneLine(bad.stderr);
    expect(bad.stderr).toMatch(/^bangkom: .*18/);
    expect(JSON.parse(bad.stdout)).toMatchObject({ outcome: 'invalid', code: 'nip.wrong_length' });

    const outsider = o.employees[7]!;
    const notEnrolled = await mark(outsider.nip);
    expect(notEnrolled.code).not.toBe(0);
    expect(notEnrolled.stdout).toBe('');
    expect(notEnrolled.stderr).toBe(`bangkom: ${outsider.name} belum terdaftar sebagai peserta kegiatan ini.\n`);

    const status = await mark(nips[2]!, '--status', 'bolos');
    expect(status.code).not.toBe(0);
    expect(status.stderr).toMatch(/bolos/);

    const session = await bangkom('attendance', 'mark', '--session', '019a0000-0000-7000-8000-0000000000ab', '--nip', nips[2]!, '--json');
    expect(session.code).not.toBe(0);
    expect(session.stdout).toBe('');
    oneLine(session.stderr);
    expect(session.stderr).toMatch(/^bangkom: .*tidak ditemukan\.\n$/);
    expect(withDb((db) => journalAfter(db, journal))).toEqual([]);
  });

  it('--status sakit marks an unmarked participant sakit straight away: one journal row, no false Hadir', async () => {
    const journal = withDb((db) => lastSeq(db));
    const audit = withDb((db) => lastSeq(db, 'audit_log'));
    const run = await mark(spacedNip(nips[3]!), '--status', 'sakit', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ outcome: 'marked', nip: nips[3], person: { employeeId: o.employees[3]!.id }, mark: { status: 'sakit', source: 'manual' } });
    const rows = withDb((db) => journalAfter(db, journal));
    expect(rows.map((r) => [r.entity, r.entity_id, r.op])).toEqual([['attendance', out.mark.id, 'insert']]);
    const audits = withDb((db) => auditAfter(db, audit));
    expect(audits.map((a) => a.action)).toEqual(['attendance.insert']);
    expect(audits[0]!.username).toMatch(/^cli:/);
    expect(JSON.stringify(audits)).not.toContain('hadir');

    // Changing an existing mark is one update, audited old → new.
    const changed = await mark(nips[0]!, '--status', 'psw', '--json');
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.stdout)).toMatchObject({ outcome: 'marked', mark: { status: 'psw' } });
    const update = withDb((db) => auditAfter(db, audit)).at(-1)!;
    expect(update.action).toBe('attendance.update');
    expect(JSON.parse(update.details!).status).toEqual(['hadir', 'psw']);

    // The same status again changes nothing.
    const before = withDb((db) => lastSeq(db));
    const same = await mark(nips[3]!, '--status', 'sakit', '--json');
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ outcome: 'already', mark: { status: 'sakit' } });
    expect(withDb((db) => journalAfter(db, before))).toEqual([]);

    // A status for someone not enrolled is refused like a scan.
    const outsider = await mark(o.employees[7]!.nip, '--status', 'sakit', '--json');
    expect(outsider.code).not.toBe(0);
    expect(JSON.parse(outsider.stdout)).toMatchObject({ outcome: 'not_enrolled' });
    oneLine(outsider.stderr);
    expect(withDb((db) => journalAfter(db, before))).toEqual([]);
  });

  it('--status is the backend\'s attendance.setStatus: a NIP it refuses fails with its typed error, in one line', async () => {
    const journal = withDb((db) => lastSeq(db));
    const unknown = await mark('19860926 201505 2 001', '--status', 'izin', '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('bangkom: NIP: Tidak ada pegawai dengan NIP 19860926 201505 2 001 di daftar pegawai.\n');
    expect(JSON.parse(unknown.stdout)).toEqual({ outcome: 'unknown', person: null, mark: null, nip: '198609262015052001', code: null });
    const outsider = await mark(o.employees[7]!.nip, '--status', 'izin');
    expect(outsider.code).toBe(1);
    expect(outsider.stdout).toBe('');
    expect(outsider.stderr).toBe('bangkom: NIP: Orang ini tidak terdaftar sebagai peserta kegiatan ini.\n');
    const malformed = await mark('12345', '--status', 'izin', '--json');
    expect(malformed.code).toBe(1);
    expect(JSON.parse(malformed.stdout)).toMatchObject({ outcome: 'invalid', nip: '12345', code: 'nip.wrong_length' });
    expect(malformed.stderr).toBe('bangkom: NIP: NIP harus 18 angka.\n');
    expect(withDb((db) => journalAfter(db, journal))).toEqual([]);
  });

  it('works the same as a real process, exit code included', () => {
    const ok = spawnSync(process.execPath, [BIN, '--data', dataDir, 'attendance', 'mark', '--session', sessionId, '--nip', spacedNip(nips[4]!), '--json'], { encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ outcome: 'marked', mark: { status: 'hadir' } });
    const unknown = spawnSync(process.execPath, [BIN, '--data', dataDir, 'attendance', 'mark', '--session', sessionId, '--nip', '198609262015052001'], { encoding: 'utf8' });
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr.trimEnd().split('\n')).toEqual(['bangkom: NIP 19860926 201505 2 001 tidak ada di daftar pegawai.']);
  });
});

describe('event recap', () => {
  it('--json prints the recap the backend gives', async () => {
    const run = await bangkom('event', 'recap', eventId, '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const recap = JSON.parse(run.stdout);
    // Both sessions are in 2099: nobody has passed or failed yet.
    expect(recap).toMatchObject({ eventId, name: 'Bimbingan Teknis Administrasi Kependudukan', rule: { minAttendancePct: 80, minPostTest: null }, finished: false, totals: { participants: 6, passed: 0, notPassed: 0, pending: 6 } });
    expect(recap.sessions.map((s: { jp: number }) => s.jp)).toEqual([5, 4]);
    const byNip = Object.fromEntries(recap.rows.map((r: { nip: string; codes: string[] }) => [r.nip, r.codes]));
    expect(byNip[nips[0]!]).toEqual(['PSW', '']);
    expect(byNip[nips[3]!]).toEqual(['S', '']);
    expect(byNip[nips[5]!]).toEqual(['', '']);
    // Attendance so far: the one session marked (PSW counts as attended) of the one so far.
    expect(recap.rows.find((r: { nip: string }) => r.nip === nips[0])).toMatchObject({ attended: 1, counted: 1, attendancePct: 100, jp: 5, passed: false, result: 'pending', reasons: [] });

    // Exactly what the contract returns.
    const t = openTestBackend({ dataDir });
    try {
      const token = await login(t, ADMIN.username, ADMIN.password);
      expect(recap).toEqual(await t.ok('recap.event', { eventId }, token));
    } finally {
      t.close();
    }
  });

  it('prints a table without --json, and fails in one line for an unknown event', async () => {
    const run = await bangkom('event', 'recap', eventId);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Bimbingan Teknis Administrasi Kependudukan: 6 peserta, 0 lulus, 0 tidak memenuhi syarat, 6 belum selesai.');
    expect(lines).toHaveLength(7);
    expect(lines.find((l) => l.startsWith(formatNip(nips[0]!)))).toMatch(/PSW ·\s+100%\s+5 JP\s+belum selesai$/);
    const missing = await bangkom('event', 'recap', '019a0000-0000-7000-8000-0000000000ab', '--json');
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^bangkom: .*tidak ditemukan\.\n$/);
  });
});
