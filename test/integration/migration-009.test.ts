// Migration 009 (signed receipts): a version-8 kecamatan with a roster and a batch in its outbox is
// brought to version 9. Every old table stays exactly as it was, the batch waits as before; the new
// receipt tables are empty and refuse what cannot be.
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
import { migration009 } from '../../electron/backend/db/migrations/009_receipts.ts';
import { exportBatch } from '../../electron/backend/batches/export.ts';
import { expectMigratesOnce, MIGRATION_CLOCK, expectOldTablesUntouched, expectSchemaOfMigrations, keepAndClose, olderOfficeFolder, schemaOf, pick, unchangedAfter } from '../helpers/migrations.ts';
import { ADMIN, dbFile, login, openTestBackend, removeTempDirs } from '../helpers/backend.ts';

afterEach(() => removeTempDirs());

const V8 = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008];
const OLD_TABLES = ['office', 'units', 'users', 'settings', 'change_journal', 'audit_log', 'login_throttle', 'employees', 'needs', 'programme_items',
  'events', 'event_sessions', 'enrolments', 'attendance_marks', 'unit_aliases', 'certificates', 'office_keys', 'training_records', 'followups',
  'trusted_keys', 'batches', 'city_mode', 'city_offices', 'city_batches', 'city_rows'];
const SHA = 'a'.repeat(64);

async function v8DataFolder() {
  const { dataDir, db } = await olderOfficeFolder(V8, 4);
  exportBatch(db, dataDir, new Date(MIGRATION_CLOCK));
  expect(schemaVersion(db)).toBe(8);
  return { dataDir, ...keepAndClose(db, OLD_TABLES) };
}

describe('migration 009 (receipts)', () => {
  it('the v8 fixture really is a v8 database, with a batch made', async () => {
    const { dataDir } = await v8DataFolder();
    const db = new Database(dbFile(dataDir));
    expectSchemaOfMigrations(schemaOf(db), V8);
    expect(db.prepare('SELECT seq, state FROM batches').all()).toEqual([{ seq: 1, state: 'dibuat' }]);
    db.close();
  });

  it('brings a v8 kecamatan to v9 with every old table as it was; its batch has no receipt and everything still waits', async () => {
    const { dataDir, rows, schema } = await v8DataFolder();
    const t = openTestBackend({ dataDir });
    try {
      expect(schemaVersion(t.backend.db)).toBeGreaterThanOrEqual(9);
      // Tables a later migration widens are left to that migration's test.
      const kept = unchangedAfter(9, OLD_TABLES);
      expectOldTablesUntouched(t.backend.db, kept, pick(rows, kept), schema.filter((o) => kept.includes((o as { tbl_name: string }).tbl_name)));
      for (const table of ['city_receipts', 'batch_receipts']) expect(t.backend.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
      const token = await login(t, ADMIN.username, ADMIN.password);
      expect(await t.ok('batch.list', {}, token)).toMatchObject([{ seq: 1, state: 'dibuat', receipt: null }]);
      expect(await t.ok('batch.pending', {}, token)).toMatchObject({ since: null, full: false, counts: { employees: 4 } });
    } finally {
      t.close();
    }
  });

  it('the receipt tables refuse what cannot be: a receipt for a batch not in the outbox, an unknown status, a second receipt for one city batch', async () => {
    const { dataDir } = await v8DataFolder();
    const db = new Database(dbFile(dataDir));
    migrate(db, [...V8, migration009]);
    db.pragma('foreign_keys = ON');
    const mine = db.prepare("INSERT INTO batch_receipts (seq, receipt_sha256, status, accepted, rejected, city_code, city_name, created_at, imported_at) VALUES (?, ?, ?, 1, '[]', '16.71', 'Kota', 'x', 'x')");
    mine.run(1, SHA, 'imported');
    expect(() => mine.run(2, SHA, 'imported')).toThrow(/FOREIGN KEY/);
    expect(() => mine.run(1, SHA, 'imported')).toThrow(/UNIQUE|PRIMARY/);
    db.prepare('DELETE FROM batch_receipts').run();
    expect(() => mine.run(1, SHA, 'hilang')).toThrow(/CHECK/);
    db.prepare("INSERT INTO city_offices (office_id, region_code, name, kid, registered_how, created_at) VALUES ('k1', '16.71.14', 'Plaju', 'kid', 'trust_file', 'x')").run();
    db.prepare("INSERT INTO city_batches (office_id, seq, sha256, status, kind, counts, file_path, received_at, imported_at) VALUES ('k1', 1, ?, 'imported', 'full', '{}', 'f', 'x', 'x')").run(SHA);
    const theirs = db.prepare("INSERT INTO city_receipts (batch_sha256, office_id, seq, status, bytes, created_at) VALUES (?, 'k1', 1, ?, x'00', 'x')");
    theirs.run(SHA, 'imported');
    expect(() => theirs.run(SHA, 'imported')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => theirs.run('b'.repeat(64), 'imported')).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('runs from v8 to exactly v9, and again changes nothing', async () => {
    const { dataDir } = await v8DataFolder();
    expectMigratesOnce(dataDir, V8, migration009);
  });
});
