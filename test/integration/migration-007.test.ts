// Migration 007 (the outbox of batches for the city): a version-6 office with a roster is brought to
// version 7. Every old table stays exactly as it was; the new `batches` table is empty, refuses what
// cannot be, and the office then makes its first batch.
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
import { expectMigratesOnce, expectOldTablesUntouched, expectSchemaOfMigrations, keepAndClose, olderOfficeFolder, schemaOf, pick, unchangedAfter } from '../helpers/migrations.ts';
import { ADMIN, dbFile, login, openTestBackend, removeTempDirs } from '../helpers/backend.ts';

afterEach(() => removeTempDirs());

const V6 = [migration001, migration002, migration003, migration004, migration005, migration006];
const OLD_TABLES = ['office', 'units', 'users', 'settings', 'change_journal', 'audit_log', 'login_throttle', 'employees', 'needs', 'programme_items',
  'events', 'event_sessions', 'enrolments', 'attendance_marks', 'unit_aliases', 'certificates', 'office_keys', 'training_records', 'followups'];

async function v6DataFolder() {
  const { dataDir, db } = await olderOfficeFolder(V6, 5);
  expect(schemaVersion(db)).toBe(6);
  return { dataDir, ...keepAndClose(db, OLD_TABLES) };
}

describe('migration 007 (batches outbox)', () => {
  it('the v6 fixture really is a v6 database', async () => {
    const { dataDir } = await v6DataFolder();
    const db = new Database(dbFile(dataDir));
    expectSchemaOfMigrations(schemaOf(db), V6);
    db.close();
  });

  it('brings a v6 office to v7 with every old table as it was; the office then makes its first, full batch', async () => {
    const { dataDir, rows, schema } = await v6DataFolder();
    const t = openTestBackend({ dataDir });
    try {
      expect(schemaVersion(t.backend.db)).toBeGreaterThanOrEqual(7);
      // Tables a later migration widens are left to that migration's test.
      const kept = unchangedAfter(7, OLD_TABLES);
      expectOldTablesUntouched(t.backend.db, kept, pick(rows, kept), schema.filter((o) => kept.includes((o as { tbl_name: string }).tbl_name)));
      expect(t.backend.db.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(0);
      const token = await login(t, ADMIN.username, ADMIN.password);
      expect(await t.ok('batch.export', {}, token)).toMatchObject({ seq: 1, reused: false, counts: { employees: 5, office: 1 } });
      expect(await t.ok('batch.list', {}, token)).toMatchObject([{ seq: 1, kind: 'full', state: 'dibuat' }]);
    } finally {
      t.close();
    }
  });

  it('the batches table refuses what cannot be: a second row with one number, an unknown state, a full batch not from the start', async () => {
    const { dataDir } = await v6DataFolder();
    const db = new Database(dbFile(dataDir));
    migrate(db, [...V6, migration007]);
    const insert = db.prepare(`INSERT INTO batches (seq, kind, journal_from, journal_to, file_name, sha256, size, counts, created_at, state)
      VALUES (?, ?, ?, 10, ?, '${'a'.repeat(64)}', 100, '{}', '2026-11-25T02:00:00.000Z', ?)`);
    insert.run(1, 'full', 0, 'satu.bkbatch', 'dibuat');
    expect(() => insert.run(1, 'incremental', 5, 'dua.bkbatch', 'dibuat')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run(2, 'incremental', 5, 'dua.bkbatch', 'hilang')).toThrow(/CHECK/);
    expect(() => insert.run(2, 'full', 5, 'dua.bkbatch', 'dibuat')).toThrow(/CHECK/);
    db.close();
  });

  it('runs from v6 to exactly v7, and again changes nothing', async () => {
    const { dataDir } = await v6DataFolder();
    expectMigratesOnce(dataDir, V6, migration007);
  });
});
