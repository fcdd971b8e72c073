// Migration 002 (employees): a version-1 database with a real office in it (made by the setup
// service on a v1 schema) is brought to version 2; what was there stays as it was, the new table
// takes valid rows and refuses bad ones.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parseInput } from '../../shared/contract/validate.ts';
import { createBackend } from '../../electron/backend/backend.ts';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate.ts';
import { migration001 } from '../../electron/backend/db/migrations/001_core.ts';
import { migration002 } from '../../electron/backend/db/migrations/002_employees.ts';
import { officeHandlers } from '../../electron/backend/services/office.ts';
import { dumpTables, expectOldTablesUntouched, expectSchemaOfMigrations, MIGRATION_CLOCK, olderDataFolder, schemaOf } from '../helpers/migrations.ts';
import { ADMIN, dbFile, login, openTestBackend, removeTempDirs, setupInput } from '../helpers/backend.ts';

afterEach(() => removeTempDirs());

const OLD_TABLES = ['office', 'units', 'users', 'sessions', 'settings', 'change_journal', 'audit_log', 'login_throttle'];
const T = MIGRATION_CLOCK;



/** A data folder holding a version-1 database with an office set up by the real service. */
async function v1DataFolder(): Promise<{ dataDir: string; rows: Record<string, unknown[]>; schema: unknown[] }> {
  const { dataDir, db, ctx } = olderDataFolder([migration001]);
  await officeHandlers['office.setup'](parseInput('office.setup', setupInput()), ctx);
  db.prepare("INSERT INTO settings (key, value) VALUES ('ui.language', 'id')").run();
  expect(schemaVersion(db)).toBe(1);
  expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'employees'").pluck().get()).toBe(0);
  const rows = dumpTables(db, OLD_TABLES);
  const schema = schemaOf(db);
  db.close();
  return { dataDir, rows, schema };
}

const row = (over: Record<string, unknown> = {}) => ({
  id: '019a0000-0000-7000-8000-000000000e01', nip: '198609262015052001', employment_type: 'pns', front_title: 'Dr.',
  name: 'Siti Aminah', back_title: 'S.E.', gender: 'P', birth_place: 'Palembang', birth_date: '1986-09-26', golongan: '31',
  jabatan: 'Staf', unit_id: null, status: 'aktif', status_date: null, phone: '', email: '', notes: '',
  search_key: 'siti aminah 198609262015052001', created_at: T, updated_at: T, updated_by: null, origin: '16.71.14', deleted_at: null,
  ...over,
});

function insert(db: Database.Database, over: Record<string, unknown> = {}) {
  const r = row(over);
  const columns = Object.keys(r);
  return db.prepare(`INSERT INTO employees (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(r);
}

describe('migration 002 (employees)', () => {
  it('the v1 fixture really is a v1 database: its schema is exactly migration 001', async () => {
    const { schema } = await v1DataFolder();
    expectSchemaOfMigrations(schema, [migration001]);
  });

  it('brings a v1 database with an office, units and an admin to v2 and leaves every old row as it was', async () => {
    const { dataDir, rows, schema } = await v1DataFolder();
    expect(rows.units!.length).toBe(15);
    expect(rows.users!.length).toBe(1);

    const backend = createBackend({ dataDir });
    try {
      expect(schemaVersion(backend.db)).toBeGreaterThanOrEqual(2);
      // The old tables and their indexes are untouched (later migrations only add tables).
      expectOldTablesUntouched(backend.db, OLD_TABLES, rows, schema);
      const columns = (backend.db.prepare('PRAGMA table_info(employees)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).toEqual([
        'id', 'nip', 'employment_type', 'front_title', 'name', 'back_title', 'gender', 'birth_place', 'birth_date', 'golongan',
        'jabatan', 'unit_id', 'status', 'status_date', 'phone', 'email', 'notes', 'search_key', 'created_at', 'updated_at',
        'updated_by', 'origin', 'deleted_at',
      ]);
      const indexes = backend.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'employees' AND sql IS NOT NULL ORDER BY name").pluck().all();
      expect(indexes).toEqual(['employees_nip', 'employees_unit']);
      expect(backend.db.prepare('SELECT count(*) FROM employees').pluck().get()).toBe(0);
    } finally {
      backend.close();
    }

    // The office works on the migrated file: the admin logs in and adds a person to an old unit.
    const t = openTestBackend({ dataDir });
    try {
      const token = await login(t, ADMIN.username, ADMIN.password);
      const unit = (await t.ok('units.list', {}, token)).find((u) => u.name === 'Plaju Ulu')!;
      const { employee } = await t.ok('employees.create', { nip: '19860926 201505 2 001', name: 'Siti Aminah', unitId: unit.id }, token);
      expect(employee).toMatchObject({ unit: 'Plaju Ulu', origin: '16.71.14' });
    } finally {
      t.close();
    }
  });

  it('runs from v1 to exactly v2, and again changes nothing', async () => {
    const { dataDir } = await v1DataFolder();
    const db = new Database(dbFile(dataDir));
    expect(migrate(db, [migration001, migration002])).toEqual({ from: 1, to: 2 });
    const after = schemaOf(db);
    expect(migrate(db, [migration001, migration002])).toEqual({ from: 2, to: 2 });
    expect(schemaOf(db)).toEqual(after);
    db.close();
  });

  describe('constraints of the employees table', () => {
    function v2(): Database.Database {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, [migration001, migration002]);
      db.prepare(`INSERT INTO units (id, code, name, kind, active, sort_order, created_at, updated_at, updated_by, origin)
        VALUES ('u1', NULL, 'Camat', 'kantor', 1, 1, ?, ?, NULL, '16.71.14')`).run(T, T);
      return db;
    }

    it('take a valid row, with every status', () => {
      const db = v2();
      insert(db, { unit_id: 'u1' });
      ['pindah', 'pensiun', 'meninggal', 'cltn'].forEach((status, i) =>
        insert(db, { id: `e${i}`, nip: `19860926201505200${i + 2}`, status, status_date: '2026-12-01' }));
      expect(db.prepare('SELECT count(*) FROM employees').pluck().get()).toBe(5);
      db.close();
    });

    it.each([
      ['a 17-digit NIP', { nip: '19860926201505200' }],
      ['a 19-digit NIP', { nip: '1986092620150520011' }],
      ['a NIP with spaces', { nip: '19860926 201505 2 0' }],
      ['a NIP with a letter', { nip: '19860926201505200O' }],
      ['an unknown status', { status: 'cuti' }],
      ['a capitalised status', { status: 'Aktif' }],
      ['an unknown employment type', { employment_type: 'honorer' }],
      ['an unknown gender', { gender: 'X' }],
      ['an empty name', { name: '' }],
    ])('refuse %s', (_what, over) => {
      const db = v2();
      expect(() => insert(db, over)).toThrow(/CHECK constraint failed/);
      expect(db.prepare('SELECT count(*) FROM employees').pluck().get()).toBe(0);
      db.close();
    });

    it('refuse missing required values and values of the wrong type (STRICT)', () => {
      const db = v2();
      expect(() => insert(db, { nip: null })).toThrow(/NOT NULL constraint failed: employees\.nip/);
      expect(() => insert(db, { search_key: null })).toThrow(/NOT NULL constraint failed/);
      expect(() => insert(db, { origin: null })).toThrow(/NOT NULL constraint failed/);
      expect(() => insert(db, { nip: Buffer.from('198609262015052001') })).toThrow(/cannot store BLOB value in TEXT column/);
      db.close();
    });

    it('refuse a unit that does not exist, and a second row with a NIP, removed or not', () => {
      const db = v2();
      expect(() => insert(db, { unit_id: 'nope' })).toThrow(/FOREIGN KEY constraint failed/);
      insert(db, { deleted_at: T });
      expect(() => insert(db, { id: 'other' })).toThrow(/UNIQUE constraint failed: employees\.nip/);
      db.close();
    });
  });
});
