// Schema migrations: numbered, all pending ones in one transaction, version in user_version,
// and a newer database is refused without touching the file.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors.ts';
import { createBackend } from '../../electron/backend/backend.ts';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate.ts';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../electron/backend/db/migrations/index.ts';
import { migration001 } from '../../electron/backend/db/migrations/001_core.ts';
import { openDatabase } from '../../electron/backend/db/open.ts';
import { dbFile, removeTempDirs, tempDir } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';

const EXPECTED_TABLES = ['audit_log', 'change_journal', 'login_throttle', 'office', 'sessions', 'settings', 'units', 'users'];

function freshDb(): { db: Database.Database; file: string } {
  const file = path.join(tempDir(), 'test.sqlite');
  return { db: new Database(file), file };
}

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((r) => r.name);
}

function schema(db: Database.Database): string {
  return JSON.stringify(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all());
}

function catchError(work: () => unknown): unknown {
  try {
    work();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

afterEach(() => removeTempDirs());

describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps, and LATEST_VERSION is the last', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('bring a fresh database to LATEST_VERSION with the expected tables', () => {
    const { db } = freshDb();
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db)).toEqual({ from: 0, to: LATEST_VERSION });
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(EXPECTED_TABLES));
    db.close();
  });

  it('running them again changes nothing', () => {
    const { db } = freshDb();
    migrate(db);
    const before = schema(db);
    expect(migrate(db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    expect(schema(db)).toBe(before);
    db.close();
  });

  it('the backend opens the database with WAL and foreign keys on, and reopening keeps the data', () => {
    const dataDir = tempDir();
    const first = createBackend({ dataDir });
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.db.pragma('foreign_keys', { simple: true })).toBe(1);
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('probe', 'kept')").run();
    first.close();
    const second = createBackend({ dataDir });
    expect(schemaVersion(second.db)).toBe(LATEST_VERSION);
    expect(second.db.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe('kept');
    second.close();
  });

  it('a failing migration leaves nothing applied: all pending steps are one transaction', () => {
    const { db } = freshDb();
    const steps: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE first_step (a TEXT)') },
      { version: 2, name: 'two', up: (d) => { d.exec('CREATE TABLE second_step (b TEXT)'); throw new Error('step 2 broke'); } },
    ];
    expect(() => migrate(db, steps)).toThrow('step 2 broke');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('a failing later migration keeps the database at the version it had', () => {
    const { db } = freshDb();
    const one: Migration = { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE first_step (a TEXT)') };
    migrate(db, [one]);
    db.prepare("INSERT INTO first_step VALUES ('data')").run();
    const steps: Migration[] = [
      one,
      { version: 2, name: 'two', up: (d) => d.exec('ALTER TABLE first_step ADD COLUMN b TEXT') },
      { version: 3, name: 'three', up: () => { throw new Error('step 3 broke'); } },
    ];
    expect(() => migrate(db, steps)).toThrow('step 3 broke');
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare('SELECT * FROM first_step').all()).toEqual([{ a: 'data' }]);
  });

  describe('a database from a newer Bangkom', () => {
    function newerDatabase(journalMode: 'delete' | 'wal'): { dataDir: string; file: string } {
      const dataDir = tempDir();
      const file = dbFile(dataDir);
      const raw = new Database(file);
      raw.pragma(`journal_mode = ${journalMode}`);
      raw.exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('from the future')");
      raw.pragma(`user_version = ${LATEST_VERSION + 98}`);
      raw.close();
      return { dataDir, file };
    }

    for (const mode of ['delete', 'wal'] as const) {
      it(`is refused with DB_TOO_NEW and a clear message, the file unchanged (journal_mode ${mode})`, () => {
        const { dataDir, file } = newerDatabase(mode);
        const bytes = fs.readFileSync(file);
        const mtime = fs.statSync(file).mtimeMs;
        const err = catchError(() => createBackend({ dataDir }));
        expect(err).toBeInstanceOf(ApiError);
        expect((err as ApiError).code).toBe('DB_TOO_NEW');
        expect((err as ApiError).message).toContain(`skema ${LATEST_VERSION + 98}`);
        expect((err as ApiError).message).toContain(`sampai ${LATEST_VERSION}`);
        expect((err as ApiError).message).toMatch(/Perbarui Bangkom/);
        expect((err as ApiError).details).toMatchObject({ version: LATEST_VERSION + 98, supported: LATEST_VERSION });
        expect(fs.readFileSync(file).equals(bytes)).toBe(true);
        expect(fs.statSync(file).mtimeMs).toBe(mtime);
      });
    }

    it('`bangkom db migrate` refuses it with one line and exit code 1', async () => {
      const { dataDir, file } = newerDatabase('delete');
      const bytes = fs.readFileSync(file);
      const run = await captureCli(['--data', dataDir, 'db', 'migrate']);
      expect(run.code).toBe(1);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^bangkom: .*lebih baru.*Perbarui Bangkom/);
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    });

    it('migrate() itself refuses it too', () => {
      const { file } = newerDatabase('delete');
      const db = new Database(file);
      const err = catchError(() => migrate(db));
      expect((err as ApiError).code).toBe('DB_TOO_NEW');
      expect(schemaVersion(db)).toBe(LATEST_VERSION + 98);
      db.close();
    });
  });

  it('`bangkom db migrate` brings a new data folder to the latest version', async () => {
    const dataDir = tempDir();
    const run = await captureCli(['--data', dataDir, 'db', 'migrate', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ version: LATEST_VERSION, latest: LATEST_VERSION });
  });
});

describe('migration 001 (core)', () => {
  const T = '2026-11-25T02:00:00.000Z';
  const sync = { created_at: T, updated_at: T, updated_by: null, origin: '16.71.14' };

  function migrated(): Database.Database {
    const dataDir = tempDir();
    const db = openDatabase(dbFile(dataDir));
    expect(schemaVersion(db)).toBe(0);
    migrate(db, [migration001]);
    expect(schemaVersion(db)).toBe(1);
    return db;
  }

  const office = (over: Record<string, unknown> = {}) => ({
    id: '019a0000-0000-7000-8000-000000000001', code: '16.71.14', region_code: '16.71.14',
    province_name: 'Sumatera Selatan', regency_name: 'Kota Palembang', district_name: 'Plaju',
    name: 'Kantor Kecamatan Plaju', address: '', timezone: 'Asia/Jakarta',
    signer_name: 'Camat', signer_nip: '197001011990031002', signer_title: 'Camat', logo: null, logo_mime: null, ...sync, ...over,
  });
  const insertOffice = (db: Database.Database, over: Record<string, unknown> = {}) => db.prepare(`INSERT INTO office
    (id, code, region_code, province_name, regency_name, district_name, name, address, timezone, signer_name, signer_nip,
     signer_title, logo, logo_mime, created_at, updated_at, updated_by, origin)
    VALUES (@id, @code, @region_code, @province_name, @regency_name, @district_name, @name, @address, @timezone,
     @signer_name, @signer_nip, @signer_title, @logo, @logo_mime, @created_at, @updated_at, @updated_by, @origin)`).run(office(over));

  const unit = (over: Record<string, unknown> = {}) => ({ id: 'u1', code: null, name: 'Camat', kind: 'kantor', active: 1, sort_order: 1, ...sync, ...over });
  const insertUnit = (db: Database.Database, over: Record<string, unknown> = {}) => db.prepare(`INSERT INTO units
    (id, code, name, kind, active, sort_order, created_at, updated_at, updated_by, origin)
    VALUES (@id, @code, @name, @kind, @active, @sort_order, @created_at, @updated_at, @updated_by, @origin)`).run(unit(over));

  const user = (over: Record<string, unknown> = {}) => ({ id: 'user1', username: 'admin', full_name: 'Admin', role: 'admin', password_hash: 'scrypt$x', active: 1, ...sync, ...over });
  const insertUser = (db: Database.Database, over: Record<string, unknown> = {}) => db.prepare(`INSERT INTO users
    (id, username, full_name, role, password_hash, active, created_at, updated_at, updated_by, origin)
    VALUES (@id, @username, @full_name, @role, @password_hash, @active, @created_at, @updated_at, @updated_by, @origin)`).run(user(over));

  it('takes rows that satisfy the constraints', () => {
    const db = migrated();
    insertOffice(db);
    insertUnit(db);
    insertUser(db);
    db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run('h', 'user1', T, T);
    db.prepare('INSERT INTO change_journal (entity, entity_id, op, at, user_id, origin) VALUES (?, ?, ?, ?, ?, ?)').run('unit', 'u1', 'insert', T, 'user1', '16.71.14');
    expect(db.prepare('SELECT count(*) FROM office').pluck().get()).toBe(1);
    expect(db.prepare('SELECT kind, active FROM units').get()).toEqual({ kind: 'kantor', active: 1 });
    expect(db.prepare('SELECT deleted_at FROM users').pluck().get()).toBeNull();
    db.close();
  });

  it('CHECK constraints refuse bad values', () => {
    const db = migrated();
    expect(() => insertOffice(db, { timezone: 'Asia/Singapore' })).toThrow(/CHECK constraint failed/);
    expect(() => insertOffice(db, { signer_nip: '1970' })).toThrow(/CHECK constraint failed/);
    expect(() => insertOffice(db, { logo: Buffer.from('x'), logo_mime: 'image/gif' })).toThrow(/CHECK constraint failed/);
    expect(() => insertUnit(db, { kind: 'dusun' })).toThrow(/CHECK constraint failed/);
    expect(() => insertUnit(db, { active: 2 })).toThrow(/CHECK constraint failed/);
    expect(() => insertUser(db, { role: 'superuser' })).toThrow(/CHECK constraint failed/);
    expect(() => insertUser(db, { active: -1 })).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("INSERT INTO change_journal (entity, entity_id, op, at, origin) VALUES ('unit', 'u1', 'upsert', ?, 'x')").run(T))
      .toThrow(/CHECK constraint failed/);
    db.close();
  });

  it('STRICT tables refuse values of the wrong type, NOT NULL columns refuse nulls', () => {
    const db = migrated();
    expect(() => insertUnit(db, { sort_order: 'first' })).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => insertUser(db, { password_hash: null })).toThrow(/NOT NULL constraint failed/);
    expect(() => insertOffice(db, { origin: null })).toThrow(/NOT NULL constraint failed/);
    db.close();
  });

  it('unit names are unique (case-insensitive) among live rows, a tombstone frees the name', () => {
    const db = migrated();
    insertUnit(db, { id: 'a', name: 'Seksi Pemerintahan' });
    expect(() => insertUnit(db, { id: 'b', name: 'SEKSI PEMERINTAHAN' })).toThrow(/UNIQUE constraint failed/);
    db.prepare("UPDATE units SET deleted_at = ? WHERE id = 'a'").run(T);
    insertUnit(db, { id: 'b', name: 'SEKSI PEMERINTAHAN' });
    insertUnit(db, { id: 'c', name: 'Plaju Ulu', code: '16.71.14.1001' });
    expect(() => insertUnit(db, { id: 'd', name: 'Plaju Ulu 2', code: '16.71.14.1001' })).toThrow(/UNIQUE constraint failed/);
    db.close();
  });

  it('usernames are unique and a session must belong to a user', () => {
    const db = migrated();
    insertUser(db);
    expect(() => insertUser(db, { id: 'user2' })).toThrow(/UNIQUE constraint failed: users.username/);
    expect(() => db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run('h', 'nobody', T, T))
      .toThrow(/FOREIGN KEY constraint failed/);
    db.close();
  });
});
