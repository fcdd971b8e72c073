// Backups through the contract, on real SQLite files in temp folders: backup → change → restore
// with the counts compared, every kind of bad file refused without changing anything, the
// safety copy before a migration, the daily backup once per office-local day, rotation in the
// folder, saving to a "USB" folder and the home page status.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupCounts } from '../../shared/contract/backup.ts';
import { parseInput } from '../../shared/contract/validate.ts';
import { createBackend } from '../../electron/backend/backend.ts';
import { appendChecksum, TRAILER_SIZE } from '../../electron/backend/backup/checksum.ts';
import { backupFileName } from '../../electron/backend/backup/format.ts';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate.ts';
import { migration001 } from '../../electron/backend/db/migrations/001_core.ts';
import { migration002 } from '../../electron/backend/db/migrations/002_employees.ts';
import { LATEST_VERSION } from '../../electron/backend/db/migrations/index.ts';
import { openDatabase } from '../../electron/backend/db/open.ts';
import { JobRunner } from '../../electron/backend/jobs/runner.ts';
import { cliActor, type ServiceContext } from '../../electron/backend/services/context.ts';
import { officeHandlers } from '../../electron/backend/services/office.ts';
import { rosterHandlers } from '../../electron/backend/services/roster.ts';
import { ADMIN, addOperator, dbFile, FakeClock, login, OPERATOR, openTestBackend, removeTempDirs, setUpOffice, setupInput, tempDir, type TestBackend } from '../helpers/backend.ts';
import { sessionFromCookies, startTestServer } from '../helpers/http.ts';
import { addSession, createEvent, rosterCsv, setClock, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

afterEach(() => removeTempDirs());

const CLI = { door: 'cli' as const, actor: cliActor('tester') };
const sha = (file: string) => (fs.statSync(file).isFile() ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'folder');
const backupsOf = (dataDir: string) => {
  try {
    return fs.readdirSync(path.join(dataDir, 'backups')).sort();
  } catch {
    return [];
  }
};

/** Every row of every table: what "nothing changed" means for the live database (checkpoints aside). */
function contentHash(dataDir: string): string {
  const db = new Database(dbFile(dataDir), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const hash = crypto.createHash('sha256');
    for (const t of tables) hash.update(t).update(JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all()));
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** An office with 12 people, an event of two sessions, 8 participants marked present in the first. */
async function officeWithTrainings(): Promise<{ o: TrainingOffice; sessions: string[]; counts: BackupCounts }> {
  const o = await trainingOffice({ people: 12 });
  const event = await createEvent(o);
  const sessions = [
    (await addSession(o, event.id, '2026-11-26', '08:00', '12:00')).id,
    (await addSession(o, event.id, '2026-11-27', '08:00', '12:00')).id,
  ];
  await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: o.employees.slice(0, 8).map((e) => e.id) }, o.token);
  await o.t.ok('attendance.markRest', { sessionId: sessions[0], status: 'hadir' }, o.token);
  return { o, sessions, counts: { people: 12, events: 1, attendanceMarks: 8, accounts: 1 } };
}

async function call<T = unknown>(t: TestBackend, method: string, input: unknown, token?: string | null) {
  return (await t.call(method as never, input, token)) as { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
}

describe('backup and restore round trip', () => {
  it('restores the data of the backup, keeps the data it replaced as a safety copy, and everyone logs in again', async () => {
    const { o, sessions, counts } = await officeWithTrainings();
    const made = await o.t.ok('backup.create', {}, o.token);
    expect(made).toMatchObject({ kind: 'manual', officeCode: '16.71.14', officeName: 'Kantor Kecamatan Plaju', schemaVersion: LATEST_VERSION, counts, formatVersion: 1 });
    expect(made.fileName).toMatch(/^Bangkom-Plaju-2026-11-25-0900\.bangkom-backup$/); // 02:00 UTC is 09:00 WIB
    expect(path.dirname(made.path)).toBe(path.join(o.t.dataDir, 'backups'));
    const snapshot = o.db.prepare('SELECT id, nip, name FROM employees WHERE deleted_at IS NULL ORDER BY id').all();

    // The data moves on: three more people, one removed, a second event, the second session marked.
    await o.t.ok('roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(rosterCsv(15)).toString('base64') }, o.token);
    const spare = o.db.prepare('SELECT id FROM employees WHERE id NOT IN (SELECT employee_id FROM enrolments WHERE employee_id IS NOT NULL) ORDER BY nip DESC LIMIT 1').pluck().get() as string;
    await o.t.ok('employees.remove', { id: spare }, o.token);
    await createEvent(o, { name: 'Pelatihan Pelayanan Prima' });
    await o.t.ok('attendance.markRest', { sessionId: sessions[1], status: 'hadir' }, o.token);
    const changed = { people: 14, events: 2, attendanceMarks: 16, accounts: 1 };

    const inspected = await o.t.ok('backup.inspect', { path: made.path }, o.token);
    expect(inspected).toMatchObject({ ok: true, problems: [], info: { counts, kind: 'manual' }, current: { counts: changed, officeCode: '16.71.14' } });

    // A raw connection still open on the old file would keep its WAL: the restore waits for it.
    const held = await call(o.t, 'backup.restore', { path: made.path, confirm: true }, o.token);
    expect(held.ok || held.error).toMatchObject({ code: 'BACKUP_IN_USE', details: { who: 'bangkom.sqlite-wal' } });
    expect(o.t.backend.db.prepare('SELECT count(*) FROM employees WHERE deleted_at IS NULL').pluck().get()).toBe(14);
    expect(backupsOf(o.t.dataDir)).toEqual([made.fileName]); // refused: not even a safety copy kept
    o.db.close();

    const done = await o.t.ok('backup.restore', { path: made.path, confirm: true }, o.token);
    expect(done.before.counts).toEqual(changed);
    expect(done.after.counts).toEqual(counts);
    expect(done).toMatchObject({ restored: { counts, createdAt: made.createdAt }, migratedFrom: null, loginAgain: true, safetyBackup: { kind: 'sebelum-pemulihan', counts: changed } });

    // The backend now serves the restored file; the old login is gone with the old data.
    expect(o.t.backend.db.prepare('SELECT id, nip, name FROM employees WHERE deleted_at IS NULL ORDER BY id').all()).toEqual(snapshot);
    await o.t.fails('office.get', {}, 'UNAUTHENTICATED', o.token);
    const token = await login(o.t, ADMIN.username, ADMIN.password);
    expect((await o.t.ok('employees.list', { limit: 100 }, token)).items).toHaveLength(12);
    // Nothing of the backup's own description stays in the live database; the restore is in its audit log.
    const live = new Database(dbFile(o.t.dataDir), { readonly: true });
    expect(live.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'backup_info'").pluck().get()).toBe(0);
    expect(live.prepare("SELECT username, details FROM audit_log WHERE action = 'backup.restore'").all()).toEqual([
      { username: ADMIN.username, details: expect.stringContaining(made.fileName) },
    ]);
    expect(live.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(1); // the new login only
    expect(live.pragma('integrity_check', { simple: true })).toBe('ok');
    live.close();

    // The safety copy brings the replaced data back.
    const undone = await o.t.ok('backup.restore', { path: done.safetyBackup.path, confirm: true }, token);
    expect(undone.after.counts).toEqual(changed);
    expect(backupsOf(o.t.dataDir).filter((n) => n.includes('sebelum-pemulihan'))).toHaveLength(2);
    o.close();
  });

  it('a new PC (no office yet) restores any office\'s backup, from the first-run screen without an account', async () => {
    const { o, counts } = await officeWithTrainings();
    const usb = tempDir('bangkom-usb-');
    const saved = await o.t.ok('backup.saveTo', { folder: usb }, o.token);
    o.close();

    const fresh = openTestBackend();
    const found = await fresh.ok('backup.filesIn', { folder: usb }, null);
    expect(found.backups.map((b) => b.fileName)).toEqual([saved.fileName]);
    const inspected = await fresh.ok('backup.inspect', { path: saved.path }, null);
    expect(inspected).toMatchObject({ ok: true, current: { officeCode: null, counts: { people: 0 } }, info: { officeCode: '16.71.14', counts } });
    const done = await fresh.ok('backup.restore', { path: saved.path, confirm: true }, null);
    expect(done.after).toMatchObject({ officeCode: '16.71.14', counts });
    // Now that there is an office, the same methods need an admin.
    await fresh.fails('backup.inspect', { path: saved.path }, 'UNAUTHENTICATED', null);
    await fresh.fails('backup.restore', { path: saved.path, confirm: true }, 'UNAUTHENTICATED', null);
    const token = await login(fresh, ADMIN.username, ADMIN.password);
    const operator = await addOperator(fresh, token);
    await fresh.fails('backup.restore', { path: saved.path, confirm: true }, 'FORBIDDEN', operator.token);
    await fresh.fails('backup.list', {}, 'FORBIDDEN', operator.token);
    await fresh.fails('backup.create', {}, 'FORBIDDEN', operator.token);
    await fresh.fails('backup.restore', { path: saved.path }, 'VALIDATION', token); // confirm: true is required
    expect(await fresh.ok('backup.status', {}, operator.token)).toMatchObject({ lastBackup: { kind: 'sebelum-pemulihan' } });
    fresh.close();
  });

  it('a plain copy of bangkom.sqlite (the old hand-made backup) is accepted and described from its own tables', async () => {
    const { o, counts } = await officeWithTrainings();
    o.t.backend.db.pragma('wal_checkpoint(TRUNCATE)');
    const copy = path.join(o.dir, 'salinan-bangkom.sqlite');
    fs.copyFileSync(dbFile(o.t.dataDir), copy);
    const before = sha(copy);
    const inspected = await o.t.ok('backup.inspect', { path: copy }, o.token);
    expect(inspected).toMatchObject({ ok: true, info: { kind: 'salinan', formatVersion: 0, appVersion: null, officeCode: '16.71.14', counts } });
    // Read without a trace: the WAL-mode copy is read from a scratch copy, nothing appears beside it.
    expect(sha(copy)).toBe(before);
    expect(fs.readdirSync(o.dir)).toEqual(['salinan-bangkom.sqlite']);
    o.close();
  });
});

describe('files that cannot be restored', () => {
  /** Each bad file: inspect says why, restore refuses with that code, and nothing changes anywhere. */
  async function expectRefused(o: TrainingOffice, file: string, code: string, reason?: string) {
    const bytes = fs.existsSync(file) ? sha(file) : null;
    const beside = fs.readdirSync(path.dirname(file)).sort();
    const content = contentHash(o.t.dataDir);
    const backups = backupsOf(o.t.dataDir);
    const dataFiles = fs.readdirSync(o.t.dataDir).sort();

    const inspected = await o.t.ok('backup.inspect', { path: file }, o.token);
    expect(inspected.ok).toBe(false);
    expect(inspected.problems[0]).toMatchObject({ code, ...(reason ? { details: expect.objectContaining({ reason }) } : {}) });
    expect(inspected.current.counts).toEqual({ people: 12, events: 1, attendanceMarks: 8, accounts: 1 });
    const refused = await call(o.t, 'backup.restore', { path: file, confirm: true }, o.token);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe(code);
    if (reason) expect(refused.error.details?.reason).toBe(reason);

    expect(fs.existsSync(file) ? sha(file) : null).toBe(bytes);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(beside);
    expect(contentHash(o.t.dataDir)).toBe(content);
    expect(backupsOf(o.t.dataDir)).toEqual(backups);
    expect(fs.readdirSync(o.t.dataDir).sort()).toEqual(dataFiles);
    // And the session still works: nothing was swapped.
    await o.t.ok('office.get', {}, o.token);
  }

  it('refuses another office, a newer schema, a damaged, a truncated file and files that are not backups', async () => {
    const { o } = await officeWithTrainings();
    const good = (await o.t.ok('backup.create', {}, o.token)).path;
    const dir = o.dir;

    // Another office's backup (Kertapati) over a set-up Plaju.
    const other = openTestBackend();
    const otherToken = await setUpOffice(other, { regionCode: '16.71.13', name: 'Kantor Kecamatan Kertapati', admin: { ...ADMIN, username: 'admin.kertapati' } });
    const otherBackup = (await other.ok('backup.create', {}, otherToken)).path;
    other.close();
    expect(path.basename(otherBackup)).toMatch(/^Bangkom-Kertapati-/);
    await expectRefused(o, otherBackup, 'BACKUP_OTHER_OFFICE');

    // A newer schema: what a later Bangkom would write (its own checksum included).
    const newer = path.join(dir, 'newer.bangkom-backup');
    fs.copyFileSync(good, newer);
    fs.truncateSync(newer, fs.statSync(newer).size - TRAILER_SIZE);
    const db = new Database(newer);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.prepare("UPDATE backup_info SET value = ? WHERE key = 'schema_version'").run(String(LATEST_VERSION + 1));
    db.close();
    appendChecksum(newer);
    await expectRefused(o, newer, 'BACKUP_TOO_NEW');

    // Damaged: bytes flipped in the middle (inside row data, where only the checksum notices).
    const damaged = path.join(dir, 'damaged.bangkom-backup');
    const bytes = fs.readFileSync(good);
    for (let i = 0; i < 8; i++) bytes[Math.floor(bytes.length / 2) + i * 97]! ^= 0x20;
    fs.writeFileSync(damaged, bytes);
    await expectRefused(o, damaged, 'BACKUP_INVALID', 'damaged');

    // Damaged without a checksum to tell: a plain copy whose page structure integrity_check rejects.
    const plainDamaged = path.join(dir, 'plain-damaged.sqlite');
    const plain = fs.readFileSync(good).subarray(0, fs.statSync(good).size - TRAILER_SIZE);
    const pageSize = plain.readUInt16BE(16);
    const broken = Buffer.from(plain);
    broken.fill(0x7f, pageSize * 3, pageSize * 3 + 64); // the header of page 4
    fs.writeFileSync(plainDamaged, broken);
    await expectRefused(o, plainDamaged, 'BACKUP_INVALID', 'damaged');

    // Truncated: the copy stopped half way; and cut exactly where the checksum began.
    const truncated = path.join(dir, 'truncated.bangkom-backup');
    fs.writeFileSync(truncated, fs.readFileSync(good).subarray(0, Math.floor(fs.statSync(good).size / 2)));
    await expectRefused(o, truncated, 'BACKUP_INVALID', 'truncated');
    const noTrailer = path.join(dir, 'no-trailer.bangkom-backup');
    fs.writeFileSync(noTrailer, plain);
    await expectRefused(o, noTrailer, 'BACKUP_INVALID', 'truncated');

    // Not a backup at all: a text file, a PDF, an empty file, a database of another program, a folder, nothing.
    const text = path.join(dir, 'catatan.txt');
    fs.writeFileSync(text, 'Daftar hadir rapat minggu ini\n'.repeat(20));
    await expectRefused(o, text, 'BACKUP_INVALID', 'not_sqlite');
    const pdf = path.join(dir, 'surat.pdf');
    fs.writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), crypto.randomBytes(4000)]));
    await expectRefused(o, pdf, 'BACKUP_INVALID', 'not_sqlite');
    const empty = path.join(dir, 'kosong.bangkom-backup');
    fs.writeFileSync(empty, '');
    await expectRefused(o, empty, 'BACKUP_INVALID', 'not_sqlite');
    const foreign = path.join(dir, 'aplikasi-lain.db');
    const f = new Database(foreign);
    f.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('bukan bangkom');");
    f.close();
    await expectRefused(o, foreign, 'BACKUP_INVALID', 'not_bangkom');
    await expectRefused(o, dir, 'BACKUP_INVALID', 'unreadable');
    await expectRefused(o, path.join(dir, 'tidak-ada.bangkom-backup'), 'BACKUP_INVALID', 'unreadable');
    o.close();
  });

  it('says which problem in the clerk\'s language', async () => {
    const { createI18n, errorText } = await import('../../shared/i18n/index.ts');
    const { o } = await officeWithTrainings();
    const text = path.join(o.dir, 'catatan.txt');
    fs.writeFileSync(text, 'bukan cadangan');
    const refused = await call(o.t, 'backup.restore', { path: text, confirm: true }, o.token);
    if (refused.ok) throw new Error('should refuse');
    expect(errorText(createI18n('id').t, refused.error as never)).toBe('Berkas ini tidak dapat dipulihkan: berkas ini bukan cadangan Bangkom. Tidak ada yang diubah.');
    expect(errorText(createI18n('en').t, refused.error as never)).toBe('This file cannot be restored: it is not a Bangkom backup. Nothing was changed.');
    o.close();
  });
});

/** A data folder holding a version-2 database: an office set up and 25 employees imported by the real services. */
async function v2DataFolder(): Promise<string> {
  const dataDir = tempDir();
  const db = openDatabase(dbFile(dataDir));
  migrate(db, [migration001, migration002]);
  const ctx: ServiceContext = { db, dataDir, door: 'test', actor: null, session: { token: null }, jobs: new JobRunner(), now: () => new Date('2026-11-25T02:00:00.000Z') };
  await officeHandlers['office.setup'](parseInput('office.setup', setupInput()), ctx);
  await rosterHandlers['roster.apply'](parseInput('roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(rosterCsv(25)).toString('base64') }), { ...ctx, actor: cliActor('tester') });
  db.close();
  return dataDir;
}

describe('the safety copy before a migration', () => {
  it('is made when a database with a schema is migrated, holds the old schema, and restores (migrated again)', async () => {
    const dataDir = await v2DataFolder();
    expect(backupsOf(dataDir)).toEqual([]);
    const t = openTestBackend({ dataDir });
    expect(schemaVersion(t.backend.db)).toBe(LATEST_VERSION);
    const made = backupsOf(dataDir);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/^Bangkom-Plaju-\d{4}-\d{2}-\d{2}-\d{4}-sebelum-migrasi\.bangkom-backup$/);
    const file = path.join(dataDir, 'backups', made[0]!);
    const token = await login(t, ADMIN.username, ADMIN.password);
    const inspected = await t.ok('backup.inspect', { path: file }, token);
    expect(inspected).toMatchObject({ ok: true, info: { kind: 'sebelum-migrasi', schemaVersion: 2, counts: { people: 25, events: 0, attendanceMarks: 0, accounts: 1 } } });
    // Opening again migrates nothing, so no second copy.
    t.close();
    openTestBackend({ dataDir }).close();
    expect(backupsOf(dataDir)).toHaveLength(1);

    const again = openTestBackend({ dataDir });
    const done = await again.ok('backup.restore', { path: file, confirm: true }, await login(again, ADMIN.username, ADMIN.password));
    expect(done.migratedFrom).toBe(2);
    expect(done.after).toMatchObject({ schemaVersion: LATEST_VERSION, counts: { people: 25 } });
    again.close();
  });

  it('is not made for a new, empty database', () => {
    const dataDir = tempDir();
    openTestBackend({ dataDir }).close();
    expect(backupsOf(dataDir)).toEqual([]);
  });
});

describe('the daily backup', () => {
  it('is made once per office-local day on first use, in the background, and only once an office is set up', async () => {
    const clock = new FakeClock('2026-11-25T02:00:00.000Z'); // 09:00 WIB
    const t = openTestBackend({ clock, autoBackup: true });
    await t.ok('system.status', {});
    await t.backend.settled();
    expect(backupsOf(t.dataDir)).toEqual([]); // nothing to keep before setup
    const token = await setUpOffice(t);
    await t.ok('office.get', {}, token);
    await t.backend.settled();
    expect(backupsOf(t.dataDir)).toEqual(['Bangkom-Plaju-2026-11-25-harian.bangkom-backup']);

    setClock(clock, '2026-11-25T16:59:00.000Z'); // 23:59 WIB: the same local day
    await t.ok('system.status', {});
    await t.backend.settled();
    expect(backupsOf(t.dataDir)).toHaveLength(1);

    setClock(clock, '2026-11-25T17:00:00.000Z'); // 00:00 WIB on the 26th, still the 25th in UTC
    await t.ok('system.status', {});
    await t.backend.settled();
    expect(backupsOf(t.dataDir)).toEqual(['Bangkom-Plaju-2026-11-25-harian.bangkom-backup', 'Bangkom-Plaju-2026-11-26-harian.bangkom-backup']);
    t.close();

    // Another backend (another door) on the same folder and day finds today's backup there.
    const second = openTestBackend({ dataDir: t.dataDir, clock, autoBackup: true });
    await second.ok('system.status', {});
    await second.backend.settled();
    expect(backupsOf(t.dataDir)).toHaveLength(2);
    second.close();

    // Opening is a first use too, without any call.
    setClock(clock, '2026-11-27T01:00:00.000Z');
    const third = openTestBackend({ dataDir: t.dataDir, clock, autoBackup: true });
    await third.backend.settled();
    expect(backupsOf(t.dataDir)).toContain('Bangkom-Plaju-2026-11-27-harian.bangkom-backup');
    third.close();
  });

  it('follows the office\'s own time zone (WIT)', async () => {
    const clock = new FakeClock('2026-11-25T14:30:00.000Z'); // 23:30 WIT
    const t = openTestBackend({ clock, autoBackup: true });
    const token = await setUpOffice(t, { timezone: 'Asia/Jayapura' });
    await t.ok('office.get', {}, token);
    await t.backend.settled();
    setClock(clock, '2026-11-25T15:00:00.000Z'); // 00:00 WIT on the 26th
    await t.ok('system.status', {});
    await t.backend.settled();
    expect(backupsOf(t.dataDir)).toEqual(['Bangkom-Plaju-2026-11-25-harian.bangkom-backup', 'Bangkom-Plaju-2026-11-26-harian.bangkom-backup']);
    t.close();
  });

  it('rotates: of 40 earlier daily backups 7 days, 4 weeks and 12 months remain; other files stay', async () => {
    const clock = new FakeClock('2026-11-25T02:00:00.000Z');
    const t = openTestBackend({ clock });
    const token = await setUpOffice(t);
    const first = (await t.ok('backup.create', {}, token)).path;
    const dir = path.join(t.dataDir, 'backups');
    // Earlier daily backups (copies of one real backup under the names rotation reads).
    const earlier = Array.from({ length: 40 }, (_, i) => new Date(Date.parse('2026-11-24') - i * 86400000).toISOString().slice(0, 10));
    for (const d of earlier) fs.copyFileSync(first, path.join(dir, backupFileName('Plaju', d, '00:00', 'harian')));
    fs.writeFileSync(path.join(dir, 'catatan-admin.txt'), 'jangan dihapus');
    fs.copyFileSync(first, path.join(dir, 'Salinan untuk BKPSDM.bangkom-backup'));
    t.close();

    const daily = openTestBackend({ dataDir: t.dataDir, clock, autoBackup: true });
    await daily.backend.settled();
    const left = backupsOf(t.dataDir).filter((n) => n.endsWith('-harian.bangkom-backup')).map((n) => n.slice('Bangkom-Plaju-'.length, 'Bangkom-Plaju-'.length + 10));
    // 7 days (19–25 Nov, holding weeks 48 and 47), weeks 46 and 45 (Sundays 15 and 8 Nov), October's newest (31st).
    expect(left).toEqual(['2026-10-31', '2026-11-08', '2026-11-15', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25']);
    expect(backupsOf(t.dataDir)).toEqual(expect.arrayContaining(['catatan-admin.txt', 'Salinan untuk BKPSDM.bangkom-backup', path.basename(first)]));
    daily.close();
  });
});

describe('copies outside the PC and the home page status', () => {
  it('saves a backup to a folder (checked there), records it, and the status goes stale after 7 days', async () => {
    const clock = new FakeClock('2026-11-25T02:00:00.000Z');
    const t = openTestBackend({ clock });
    const token = await setUpOffice(t);
    const operator = await addOperator(t, token);
    expect(await t.ok('backup.status', {}, operator.token)).toEqual({ folder: path.join(t.dataDir, 'backups'), lastBackup: null, lastOffsite: null, offsiteStale: true });

    const made = await t.ok('backup.create', {}, token);
    const usb = tempDir('bangkom-usb-');
    clock.advanceSeconds(60);
    const saved = await t.ok('backup.saveTo', { fileName: made.fileName, folder: usb }, token);
    expect(saved).toEqual({ path: path.join(usb, made.fileName), folder: usb, fileName: made.fileName, size: made.size, at: clock.iso() });
    expect(sha(saved.path)).toBe(sha(made.path));
    expect(fs.readdirSync(usb)).toEqual([made.fileName]); // no temporary file left
    expect(await t.ok('backup.status', {}, operator.token)).toMatchObject({
      lastBackup: { at: made.createdAt, kind: 'manual', fileName: made.fileName },
      lastOffsite: { at: clock.iso(), folder: usb, fileName: made.fileName },
      offsiteStale: false,
    });
    const listed = await t.ok('backup.filesIn', { folder: usb }, token);
    expect(listed.backups).toEqual([expect.objectContaining({ fileName: made.fileName, path: saved.path, counts: made.counts })]);

    clock.advance(7 * 86400000 + 1000);
    const operatorToken = await login(t, OPERATOR.username, OPERATOR.password);
    const adminToken = await login(t, ADMIN.username, ADMIN.password);
    expect((await t.ok('backup.status', {}, operatorToken)).offsiteStale).toBe(true);

    // Without a file name: a fresh manual backup is made and saved.
    const fresh = await t.ok('backup.saveTo', { folder: usb }, adminToken);
    expect(fresh.fileName).not.toBe(made.fileName);
    expect(fs.existsSync(path.join(t.dataDir, 'backups', fresh.fileName))).toBe(true);
    expect((await t.ok('backup.status', {}, operatorToken)).offsiteStale).toBe(false);

    // A folder that is not there: a clear refusal, nothing recorded.
    const missing = path.join(usb, 'tidak-ada');
    const refused = await t.fails('backup.saveTo', { folder: missing }, 'BACKUP_DESTINATION', adminToken);
    expect(refused.details).toMatchObject({ folder: missing, reason: 'ENOENT' });
    await t.fails('backup.saveTo', { fileName: '../bangkom.sqlite', folder: usb }, 'VALIDATION', adminToken);
    await t.fails('backup.saveTo', { fileName: 'Bangkom-Plaju-2020-01-01-harian.bangkom-backup', folder: usb }, 'NOT_FOUND', adminToken);
    expect((await t.ok('backup.status', {}, operatorToken)).lastOffsite?.fileName).toBe(fresh.fileName);

    // The audit log says who made and saved copies.
    const actions = t.backend.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'backup.%' ORDER BY seq").pluck().all();
    expect(actions).toEqual(['backup.create', 'backup.saveTo', 'backup.create', 'backup.saveTo']);
    t.close();
  });

  it('lists the backups folder with what each holds, and likely destinations', async () => {
    const t = openTestBackend();
    const token = await setUpOffice(t);
    const a = await t.ok('backup.create', {}, token);
    t.clock.advanceSeconds(120);
    const b = await t.ok('backup.create', {}, token);
    fs.writeFileSync(path.join(t.dataDir, 'backups', 'rusak.bangkom-backup'), 'bukan cadangan');
    const listing = await t.ok('backup.list', {}, token);
    expect(listing.backups.map((x) => x.fileName)).toEqual([b.fileName, a.fileName]);
    expect(listing.backups[0]).toMatchObject({ kind: 'manual', size: b.size, officeName: 'Kantor Kecamatan Plaju', counts: { accounts: 1 } });
    expect(listing.unreadable).toEqual([expect.objectContaining({ fileName: 'rusak.bangkom-backup', problem: expect.objectContaining({ code: 'BACKUP_INVALID' }) })]);

    // `path`: a backup written to a chosen file or folder instead.
    const out = tempDir('bangkom-out-');
    const toFile = await t.ok('backup.create', { path: path.join(out, 'cadangan.bangkom-backup') }, token);
    expect(toFile.path).toBe(path.join(out, 'cadangan.bangkom-backup'));
    // Only ever a .bangkom-backup file: another name gets the extension, nothing else is overwritten.
    fs.writeFileSync(path.join(out, 'laporan.docx'), 'laporan');
    const renamed = await t.ok('backup.create', { path: path.join(out, 'laporan.docx') }, token);
    expect(renamed.path).toBe(path.join(out, 'laporan.docx.bangkom-backup'));
    expect(fs.readFileSync(path.join(out, 'laporan.docx'), 'utf8')).toBe('laporan');
    const toFolder = await t.ok('backup.create', { path: out }, token);
    expect(path.dirname(toFolder.path)).toBe(out);
    expect((await t.ok('backup.inspect', { path: toFolder.path }, token)).ok).toBe(true);
    await t.fails('backup.create', { path: path.join(out, 'tidak', 'ada.bangkom-backup') }, 'BACKUP_DESTINATION', token);

    const { destinations } = await t.ok('backup.destinations', {}, token);
    expect(destinations.at(-1)).toMatchObject({ kind: 'home' });
    for (const d of destinations) expect(fs.existsSync(d.path)).toBe(true);
    t.close();
  });
});

describe('restore refuses while this backend is busy', () => {
  it('waits for no job: a running job refuses the restore, naming it', async () => {
    const t = openTestBackend();
    const token = await setUpOffice(t);
    const made = await t.ok('backup.create', {}, token);
    const job = t.backend.jobs.start('roster.import', null, () => new Promise((resolve) => setTimeout(resolve, 300)));
    await new Promise((resolve) => setImmediate(resolve)); // the job has announced itself
    const refused = await t.fails('backup.restore', { path: made.path, confirm: true }, 'BACKUP_IN_USE', token);
    expect(refused.details).toMatchObject({ jobs: ['roster.import'] });
    expect(job.state).toBe('running');
    t.close();
  });
});

describe('opening a data folder registers the process', () => {
  it('writes run/<pid>-n.json while open and removes it on close', () => {
    const dataDir = tempDir();
    const backend = createBackend({ dataDir, processKind: 'serve' });
    const entries = fs.readdirSync(path.join(dataDir, 'run'));
    expect(entries).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'run', entries[0]!), 'utf8'))).toMatchObject({ pid: process.pid, kind: 'serve' });
    backend.close();
    expect(fs.readdirSync(path.join(dataDir, 'run'))).toEqual([]);
  });
});

describe('over HTTP', () => {
  it('a refused restore is 422 or 409 with the typed error; a restore clears the session cookie', async () => {
    const t = openTestBackend();
    const token = await setUpOffice(t);
    const server = await startTestServer(t.backend);
    try {
      const made = (await server.post('backup.create', {}, { token })).body.value;
      const text = path.join(tempDir('bangkom-files-'), 'catatan.txt');
      fs.writeFileSync(text, 'bukan cadangan');
      const bad = await server.post('backup.restore', { path: text, confirm: true }, { token });
      expect(bad.status).toBe(422);
      expect(bad.body).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID', details: { reason: 'not_sqlite' } } });

      const job = t.backend.jobs.start('maintenance.check', null, () => new Promise((resolve) => setTimeout(resolve, 200)));
      await new Promise((resolve) => setImmediate(resolve));
      expect((await server.post('backup.restore', { path: made.path, confirm: true }, { token })).status).toBe(409);
      while (t.backend.jobs.get(job.jobId, null).state === 'running') await new Promise((resolve) => setTimeout(resolve, 20));

      const done = await server.post('backup.restore', { path: made.path, confirm: true }, { token });
      expect(done.status).toBe(200);
      expect(done.body.value.loginAgain).toBe(true);
      expect(done.setCookies.length).toBe(1);
      expect(sessionFromCookies(done.setCookies)).toBeNull();
      expect((await server.post('office.get', {}, { token })).status).toBe(401);
    } finally {
      await server.close();
      t.close();
    }
  });
});
