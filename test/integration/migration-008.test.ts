// Migration 008 (the city office): a version-7 kecamatan with a roster is brought to version 8.
// Every old table stays exactly as it was, the office stays a kecamatan and still makes its batch;
// the new city tables are empty and refuse what cannot be.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate.ts';
import { migration001 } from '../../electron/backend/db/migrations/001_core.ts';
import { migration002 } from '../../electron/backend/db/migrations/002_employees.ts';
import { migration003 } from '../../electron/backend/db/migrations/003_trainings.ts';
import { migration004 } from '../../electron/backend/db/migrations/004_unit_aliases.ts';
import { migration005 } from '../../electron/backend/db/migrations/005_certificates.ts';
import { migration006 } from '../../electron/backend/db/migrations/006_records_evaluation.ts';
import { migration007 } from '../../electron/backend/db/migrations/007_batches.ts';
import { migration008 } from '../../electron/backend/db/migrations/008_city.ts';
import { expectMigratesOnce, expectOldTablesUntouched, expectSchemaOfMigrations, keepAndClose, olderOfficeFolder, schemaOf, pick, unchangedAfter } from '../helpers/migrations.ts';
import { ADMIN, dbFile, login, openTestBackend, removeTempDirs } from '../helpers/backend.ts';

afterEach(() => removeTempDirs());

const V7 = [migration001, migration002, migration003, migration004, migration005, migration006, migration007];
const OLD_TABLES = ['office', 'units', 'users', 'settings', 'change_journal', 'audit_log', 'login_throttle', 'employees', 'needs', 'programme_items',
  'events', 'event_sessions', 'enrolments', 'attendance_marks', 'unit_aliases', 'certificates', 'office_keys', 'training_records', 'followups',
  'trusted_keys', 'batches'];
const SHA = 'a'.repeat(64);

async function v7DataFolder() {
  const { dataDir, db } = await olderOfficeFolder(V7, 5);
  expect(schemaVersion(db)).toBe(7);
  return { dataDir, ...keepAndClose(db, OLD_TABLES) };
}

describe('migration 008 (city office)', () => {
  it('the v7 fixture really is a v7 database', async () => {
    const { dataDir } = await v7DataFolder();
    const db = new Database(dbFile(dataDir));
    expectSchemaOfMigrations(schemaOf(db), V7);
    db.close();
  });

  it('brings a v7 kecamatan to v8 with every old table as it was; it stays a kecamatan, makes its batch and is told that imports are the city\'s', async () => {
    const { dataDir, rows, schema } = await v7DataFolder();
    const t = openTestBackend({ dataDir });
    try {
      expect(schemaVersion(t.backend.db)).toBeGreaterThanOrEqual(8);
      // Tables a later migration widens are left to that migration's test.
      const kept = unchangedAfter(8, OLD_TABLES);
      expectOldTablesUntouched(t.backend.db, kept, pick(rows, kept), schema.filter((o) => kept.includes((o as { tbl_name: string }).tbl_name)));
      for (const table of ['city_mode', 'city_offices', 'city_batches', 'city_rows']) {
        expect(t.backend.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
      }
      const token = await login(t, ADMIN.username, ADMIN.password);
      expect(await t.ok('office.get', {}, token)).toMatchObject({ code: '16.71.14', kind: 'kecamatan' });
      expect(await t.ok('batch.export', {}, token)).toMatchObject({ seq: 1, counts: { employees: 5 } });
      await t.fails('batch.import', { fileName: 'x.bkbatch', dataBase64: '' }, 'CONFLICT', token);
    } finally {
      t.close();
    }
  });

  it('the city tables refuse what cannot be: a second batch with one hash, an unknown status, an imported batch without its time, a bad regency code', async () => {
    const { dataDir } = await v7DataFolder();
    const db = new Database(dbFile(dataDir));
    migrate(db, [...V7, migration008]);
    expect(() => db.prepare("INSERT INTO city_mode VALUES ('o', '16.71.14', 'x')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO city_offices (office_id, region_code, name, kid, registered_how, created_at) VALUES ('k1', '16.71.14', 'Plaju', 'kid', 'trust_file', 'x')").run();
    expect(() => db.prepare("INSERT INTO city_offices (office_id, region_code, name, kid, registered_how, created_at) VALUES ('k2', '16.71.14', 'Lain', 'kid', 'trust_file', 'x')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO city_offices (office_id, region_code, name, kid, registered_how, created_at) VALUES ('k3', '16.71.01', 'Lain', 'kid', 'ditebak', 'x')").run()).toThrow(/CHECK/);
    const batch = db.prepare("INSERT INTO city_batches (office_id, seq, sha256, status, kind, counts, file_path, received_at, imported_at) VALUES ('k1', ?, ?, ?, 'full', '{}', 'f', 'x', ?)");
    batch.run(1, SHA, 'imported', 'x');
    expect(() => batch.run(2, SHA, 'imported', 'x')).toThrow(/UNIQUE/);
    expect(() => batch.run(2, 'b'.repeat(64), 'hilang', 'x')).toThrow(/CHECK/);
    expect(() => batch.run(2, 'b'.repeat(64), 'imported', null)).toThrow(/CHECK/);
    const row = db.prepare("INSERT INTO city_rows (entity, id, office_id, row_version, data) VALUES ('employees', 'e1', 'k1', ?, '{}')");
    row.run(1);
    expect(() => row.run(2)).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });

  it('runs from v7 to exactly v8, and again changes nothing', async () => {
    const { dataDir } = await v7DataFolder();
    expectMigratesOnce(dataDir, V7, migration008);
  });
});
