// Migration 004 (unit aliases): a version-3 database with an office, a roster imported by the real
// services and an event is brought to version 4; every old row and the old schema stay as they
// were, the office imports on the migrated file (and a unit choice is remembered), and the new
// table enforces its constraints.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.ts';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate.ts';
import { migration001 } from '../../electron/backend/db/migrations/001_core.ts';
import { migration002 } from '../../electron/backend/db/migrations/002_employees.ts';
import { migration003 } from '../../electron/backend/db/migrations/003_trainings.ts';
import { migration004 } from '../../electron/backend/db/migrations/004_unit_aliases.ts';
import { expectMigratesOnce, expectOldTablesUntouched, pick, unchangedAfter, expectSchemaOfMigrations, keepAndClose, MIGRATION_CLOCK, olderOfficeFolder, schemaOf } from '../helpers/migrations.ts';
import { ADMIN, dbFile, login, openTestBackend, removeTempDirs, tempDir } from '../helpers/backend.ts';
import { csvText, fileInput } from '../helpers/roster.ts';

afterEach(() => removeTempDirs());

const V3 = [migration001, migration002, migration003];
const OLD_TABLES = ['office', 'units', 'users', 'sessions', 'settings', 'change_journal', 'audit_log', 'login_throttle', 'employees', 'needs', 'programme_items', 'events', 'event_sessions', 'enrolments', 'attendance_marks'];
const T = MIGRATION_CLOCK;



/** A data folder holding a version-3 database: an office, 25 employees imported by the real services, an event. */
async function v3DataFolder() {
  const { dataDir, db } = await olderOfficeFolder(V3, 25);
  db.prepare(`INSERT INTO events (id, name, method_id, competency_type, organiser, created_at, updated_at, updated_by, origin)
    VALUES ('0190a000-0000-7000-8000-000000000001', 'Bimtek', 8, 'teknis', 'kantor', ?, ?, NULL, '16.71.14')`).run(T, T);
  expect(schemaVersion(db)).toBe(3);
  expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'unit_aliases'").pluck().get()).toBe(0);
  return { dataDir, ...keepAndClose(db, OLD_TABLES) };
}

describe('migration 004 (unit aliases)', () => {
  it('the v3 fixture really is a v3 database: its schema is exactly migrations 001 to 003', async () => {
    const { schema } = await v3DataFolder();
    expectSchemaOfMigrations(schema, V3);
  });

  it('brings a v3 database to v4, leaving every old row and table as it was; the office then imports and remembers a unit choice', async () => {
    const { dataDir, rows, schema } = await v3DataFolder();
    expect(rows.employees).toHaveLength(25);
    const backend = createBackend({ dataDir });
    try {
      expect(schemaVersion(backend.db)).toBeGreaterThanOrEqual(4);
      // The old tables and their indexes are untouched: migration 4 only adds.
      // Tables a later migration widens are left to that migration's test.
      const kept = unchangedAfter(4, OLD_TABLES);
      expectOldTablesUntouched(backend.db, kept, pick(rows, kept), schema.filter((o) => kept.includes((o as { tbl_name: string }).tbl_name)));
      const columns = (backend.db.prepare('PRAGMA table_info(unit_aliases)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).toEqual(['id', 'value', 'folded', 'unit_id', 'created_at', 'updated_at', 'updated_by', 'origin', 'deleted_at']);
      expect(backend.db.prepare('SELECT count(*) FROM unit_aliases').pluck().get()).toBe(0);
      const indexes = backend.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = 'unit_aliases' ORDER BY name").pluck().all();
      expect(indexes).toEqual(['unit_aliases_folded', 'unit_aliases_unit']);
      expect(backend.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      backend.close();
    }

    const t = openTestBackend({ dataDir });
    try {
      const token = await login(t, ADMIN.username, ADMIN.password);
      expect((await t.ok('employees.list', {}, token)).total).toBe(25);
      const units = Object.fromEntries((await t.ok('units.list', {}, token)).map((u) => [u.name, u.id]));
      const file = csvText([['NIP', 'Nama', 'Unit Kerja'], ['198609262015052001', 'Siti Aminah', 'Kel. Bagus Kuning'], ['197503152000031002', 'Ahmad Fauzi', 'Kasi Trantib']]);
      const result = await t.ok('roster.apply', fileInput(tempDir(), 'baru.csv', file, { unitMap: { 'Kasi Trantib': { unitId: units['Seksi Pemerintahan'] } } }), token);
      expect(result).toMatchObject({ created: 2, errors: [] });
      expect((await t.ok('units.aliases', {}, token)).map((a) => [a.value, a.unit])).toEqual([['Kasi Trantib', 'Seksi Pemerintahan']]);
    } finally {
      t.close();
    }
  });

  it('runs from v3 to exactly v4, and again changes nothing', async () => {
    const { dataDir } = await v3DataFolder();
    expectMigratesOnce(dataDir, V3, migration004);
  });

  describe('constraints of unit_aliases', () => {
    const sync = { created_at: T, updated_at: T, updated_by: null, origin: '16.71.14', deleted_at: null };
    function v4() {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, [...V3, migration004]);
      for (const [id, name] of [['u1', 'Plaju Ulu'], ['u2', 'Seksi Pemerintahan']]) {
        db.prepare(`INSERT INTO units (id, code, name, kind, active, sort_order, created_at, updated_at, updated_by, origin) VALUES (?, NULL, ?, 'kantor', 1, 1, ?, ?, NULL, '16.71.14')`).run(id, name, T, T);
      }
      return db;
    }
    function alias(db: Database.Database, row: Record<string, unknown>) {
      const r = { ...sync, ...row };
      const columns = Object.keys(r);
      return db.prepare(`INSERT INTO unit_aliases (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(r);
    }

    it('one live alias per folded spelling; a removed one (tombstone) may be remembered again', () => {
      const db = v4();
      alias(db, { id: 'a1', value: 'Kel. Sukamaju', folded: 'sukamaju', unit_id: 'u1' });
      expect(() => alias(db, { id: 'a2', value: 'Kelurahan Sukamaju', folded: 'sukamaju', unit_id: 'u2' })).toThrow(/UNIQUE constraint failed: unit_aliases\.folded/);
      db.prepare("UPDATE unit_aliases SET deleted_at = ? WHERE id = 'a1'").run(T);
      alias(db, { id: 'a3', value: 'Kelurahan Sukamaju', folded: 'sukamaju', unit_id: 'u2' });
      alias(db, { id: 'a4', value: 'Kasi Trantib', folded: 'kasitrantib', unit_id: 'u2' });
      expect(db.prepare('SELECT id FROM unit_aliases WHERE deleted_at IS NULL ORDER BY id').pluck().all()).toEqual(['a3', 'a4']);
      db.close();
    });

    it('an alias names an existing unit, a spelling and its fold', () => {
      const db = v4();
      expect(() => alias(db, { id: 'a1', value: 'Kasi Trantib', folded: 'kasitrantib', unit_id: 'nope' })).toThrow(/FOREIGN KEY constraint failed/);
      expect(() => alias(db, { id: 'a2', value: '', folded: 'x', unit_id: 'u1' })).toThrow(/CHECK constraint failed/);
      expect(() => alias(db, { id: 'a3', value: 'x', folded: '', unit_id: 'u1' })).toThrow(/CHECK constraint failed/);
      expect(() => alias(db, { id: 'a4', value: 'x', folded: 'x', unit_id: null })).toThrow(/NOT NULL constraint failed/);
      expect(() => alias(db, { id: 'a5', value: 'x', folded: 'x', unit_id: 'u1', origin: null })).toThrow(/NOT NULL constraint failed/);
      expect(db.prepare('SELECT count(*) FROM unit_aliases').pluck().get()).toBe(0);
      db.close();
    });
  });
});
