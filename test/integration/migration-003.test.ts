// Migration 003 (trainings): a version-2 database with an office and a roster imported by the
// real services is brought to version 3; every old row and the old schema stay as they were, the
// office works on the migrated file, and the new tables enforce their constraints.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.ts';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate.ts';
import { migration001 } from '../../electron/backend/db/migrations/001_core.ts';
import { migration002 } from '../../electron/backend/db/migrations/002_employees.ts';
import { migration003 } from '../../electron/backend/db/migrations/003_trainings.ts';
import { expectOldTablesUntouched, expectSchemaOfMigrations, keepAndClose, MIGRATION_CLOCK, olderOfficeFolder, schemaOf } from '../helpers/migrations.ts';
import { ADMIN, dbFile, login, openTestBackend, removeTempDirs } from '../helpers/backend.ts';

afterEach(() => removeTempDirs());

const OLD_TABLES = ['office', 'units', 'users', 'sessions', 'settings', 'change_journal', 'audit_log', 'login_throttle', 'employees'];
const NEW_TABLES = ['needs', 'programme_items', 'events', 'event_sessions', 'enrolments', 'attendance_marks'];
const T = MIGRATION_CLOCK;



/** A data folder holding a version-2 database: an office set up and 25 employees imported by the real services. */
async function v2DataFolder() {
  const { dataDir, db } = await olderOfficeFolder([migration001, migration002], 25);
  expect(schemaVersion(db)).toBe(2);
  expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('events', 'enrolments', 'attendance_marks')").pluck().get()).toBe(0);
  return { dataDir, ...keepAndClose(db, OLD_TABLES) };
}

describe('migration 003 (trainings)', () => {
  it('the v2 fixture really is a v2 database: its schema is exactly migrations 001 and 002', async () => {
    const { schema } = await v2DataFolder();
    expectSchemaOfMigrations(schema, [migration001, migration002]);
  });

  it('brings a v2 database with employees to v3 and leaves every old row and table as it was', async () => {
    const { dataDir, rows, schema } = await v2DataFolder();
    expect(rows.employees).toHaveLength(25);
    const backend = createBackend({ dataDir });
    try {
      expect(schemaVersion(backend.db)).toBeGreaterThanOrEqual(3);
      // The old tables and their indexes are untouched: migration 3 only adds.
      expectOldTablesUntouched(backend.db, OLD_TABLES, rows, schema);
      const tables = backend.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (" + NEW_TABLES.map(() => '?').join(', ') + ') ORDER BY name').pluck().all(...NEW_TABLES);
      expect(tables).toEqual([...NEW_TABLES].sort());
      for (const table of NEW_TABLES) expect(backend.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
      const indexes = backend.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${NEW_TABLES.map(() => '?').join(', ')}) ORDER BY name`).pluck().all(...NEW_TABLES);
      // attendance_marks_enrolment comes with 006 (the 20 JP ledger reads the marks per participant).
      expect(indexes).toEqual(['attendance_marks_enrolment', 'attendance_once', 'enrolments_employee', 'enrolments_once', 'event_sessions_event', 'events_item', 'needs_year', 'programme_items_year']);
      const columns = (table: string) => (backend.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns('attendance_marks')).toEqual(['id', 'session_id', 'enrolment_id', 'status', 'marked_at', 'note', 'source', 'created_at', 'updated_at', 'updated_by', 'origin', 'deleted_at']);
      expect(columns('enrolments')).toEqual(['id', 'event_id', 'employee_id', 'walk_in_name', 'walk_in_nip', 'walk_in_institution', 'status', 'withdraw_reason', 'pre_test', 'post_test', 'created_at', 'updated_at', 'updated_by', 'origin', 'deleted_at']);
      expect(backend.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      backend.close();
    }

    // The office runs a training on the migrated file with the people imported before.
    const t = openTestBackend({ dataDir });
    try {
      const token = await login(t, ADMIN.username, ADMIN.password);
      const people = (await t.ok('employees.list', {}, token)).items;
      expect(people).toHaveLength(25);
      const event = await t.ok('events.create', { name: 'Bimtek', methodId: 8, competencyType: 'teknis', organiser: 'kantor' }, token);
      const session = await t.ok('sessions.create', { eventId: event.id, date: '2026-11-25', start: '09:00', end: '12:00' }, token);
      await t.ok('enrolment.add', { eventId: event.id, employeeIds: [people[0]!.id] }, token);
      const scanned = await t.ok('attendance.scan', { sessionId: session.id, input: people[0]!.nip }, token);
      expect(scanned).toMatchObject({ outcome: 'marked', mark: { status: 'hadir' } });
    } finally {
      t.close();
    }
  });

  it('runs from v2 to exactly v3, and again changes nothing', async () => {
    const { dataDir } = await v2DataFolder();
    const db = new Database(dbFile(dataDir));
    expect(migrate(db, [migration001, migration002, migration003])).toEqual({ from: 2, to: 3 });
    const after = schemaOf(db);
    expect(migrate(db, [migration001, migration002, migration003])).toEqual({ from: 3, to: 3 });
    expect(schemaOf(db)).toEqual(after);
    db.close();
  });

  describe('constraints of the new tables', () => {
    const sync = { created_at: T, updated_at: T, updated_by: null, origin: '16.71.14', deleted_at: null };
    function insert(db: Database.Database, table: string, row: Record<string, unknown>) {
      const r = { ...sync, ...row };
      const columns = Object.keys(r);
      return db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(r);
    }
    function v3() {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, [migration001, migration002, migration003]);
      db.prepare(`INSERT INTO units (id, code, name, kind, active, sort_order, created_at, updated_at, updated_by, origin) VALUES ('u1', NULL, 'Camat', 'kantor', 1, 1, ?, ?, NULL, '16.71.14')`).run(T, T);
      for (const [id, nip] of [['e1', '198609262015052001'], ['e2', '197503152000031002']]) {
        insert(db, 'employees', { id, nip, employment_type: 'pns', name: id, search_key: id, unit_id: 'u1' });
      }
      insert(db, 'events', { id: 'ev1', name: 'Bimtek', method_id: 8, competency_type: 'teknis', organiser: 'kantor' });
      insert(db, 'event_sessions', { id: 's1', event_id: 'ev1', date: '2026-11-25', start_time: '08:00', end_time: '12:00', computed_jp: 5 });
      insert(db, 'event_sessions', { id: 's2', event_id: 'ev1', date: '2026-11-26', start_time: '08:00', end_time: '12:00', computed_jp: 5 });
      return db;
    }
    const count = (db: Database.Database, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

    it('an enrolment is either a roster employee or a walk-in, never both or neither', () => {
      const db = v3();
      insert(db, 'enrolments', { id: 'n1', event_id: 'ev1', employee_id: 'e1' });
      insert(db, 'enrolments', { id: 'n2', event_id: 'ev1', walk_in_name: 'Tamu', walk_in_nip: null });
      expect(() => insert(db, 'enrolments', { id: 'n3', event_id: 'ev1', employee_id: 'e2', walk_in_name: 'Tamu' })).toThrow(/CHECK constraint failed/);
      expect(() => insert(db, 'enrolments', { id: 'n4', event_id: 'ev1' })).toThrow(/CHECK constraint failed/);
      expect(() => insert(db, 'enrolments', { id: 'n5', event_id: 'ev1', employee_id: 'e2', status: 'batal' })).toThrow(/CHECK constraint failed/);
      expect(() => insert(db, 'enrolments', { id: 'n6', event_id: 'nope', employee_id: 'e2' })).toThrow(/FOREIGN KEY constraint failed/);
      expect(() => insert(db, 'enrolments', { id: 'n7', event_id: 'ev1', employee_id: 'ghost' })).toThrow(/FOREIGN KEY constraint failed/);
      expect(count(db, 'enrolments')).toBe(2);
      db.close();
    });

    it('one enrolment per employee per event (walk-ins are not limited)', () => {
      const db = v3();
      insert(db, 'enrolments', { id: 'n1', event_id: 'ev1', employee_id: 'e1' });
      expect(() => insert(db, 'enrolments', { id: 'n2', event_id: 'ev1', employee_id: 'e1', status: 'mundur' })).toThrow(/UNIQUE constraint failed: enrolments\.event_id, enrolments\.employee_id/);
      insert(db, 'enrolments', { id: 'n3', event_id: 'ev1', walk_in_name: 'Tamu A' });
      insert(db, 'enrolments', { id: 'n4', event_id: 'ev1', walk_in_name: 'Tamu A' });
      insert(db, 'events', { id: 'ev2', name: 'Seminar', method_id: 9, competency_type: 'manajerial', organiser: 'bkpsdm' });
      insert(db, 'enrolments', { id: 'n5', event_id: 'ev2', employee_id: 'e1' });
      expect(count(db, 'enrolments')).toBe(4);
      db.close();
    });

    it('one mark per participant per session, with known statuses and sources only', () => {
      const db = v3();
      insert(db, 'enrolments', { id: 'n1', event_id: 'ev1', employee_id: 'e1' });
      const mark = (id: string, over: Record<string, unknown> = {}) => insert(db, 'attendance_marks', { id, session_id: 's1', enrolment_id: 'n1', status: 'hadir', marked_at: T, source: 'scan', ...over });
      mark('m1');
      expect(() => mark('m2', { status: 'alpa' })).toThrow(/UNIQUE constraint failed: attendance_marks\.session_id, attendance_marks\.enrolment_id/);
      expect(() => mark('m3', { deleted_at: T })).toThrow(/UNIQUE constraint failed/); // a cleared mark is revived, not doubled
      mark('m4', { session_id: 's2', status: 'psw' });
      expect(() => mark('m5', { session_id: 's2', enrolment_id: 'n1', status: 'bolos' })).toThrow(/CHECK constraint failed|UNIQUE/);
      insert(db, 'enrolments', { id: 'n2', event_id: 'ev1', employee_id: 'e2' });
      expect(() => mark('m6', { enrolment_id: 'n2', status: 'bolos' })).toThrow(/CHECK constraint failed/);
      expect(() => mark('m7', { enrolment_id: 'n2', source: 'sms' })).toThrow(/CHECK constraint failed/);
      expect(() => mark('m8', { enrolment_id: 'n2', session_id: 'nope' })).toThrow(/FOREIGN KEY constraint failed/);
      expect(count(db, 'attendance_marks')).toBe(2);
      db.close();
    });

    it('needs, programme items, events and sessions refuse impossible values', () => {
      const db = v3();
      const need = { year: 2026, competency_type: 'teknis', topic: 'x', source: 'survei', priority: 'sedang' };
      insert(db, 'needs', { id: 'd1', ...need, unit_id: 'u1' });
      expect(() => insert(db, 'needs', { id: 'd2', ...need })).toThrow(/CHECK constraint failed/);
      expect(() => insert(db, 'needs', { id: 'd3', ...need, employee_id: 'e1', source: 'gosip' })).toThrow(/CHECK constraint failed/);
      const item = { year: 2026, title: 'x', competency_type: 'teknis', method_id: 8, organiser: 'kantor', planned_month: 11, planned_jp: 10, funding: 'apbd' };
      insert(db, 'programme_items', { id: 'p1', ...item });
      for (const bad of [{ method_id: 26 }, { method_id: 0 }, { planned_month: 13 }, { funding: 'hibah' }, { status: 'selesai' }, { competency_type: 'umum' }]) {
        expect(() => insert(db, 'programme_items', { id: 'p2', ...item, ...bad }), JSON.stringify(bad)).toThrow(/CHECK constraint failed/);
      }
      expect(() => insert(db, 'events', { id: 'ev9', name: 'x', method_id: 8, competency_type: 'teknis', organiser: 'kantor', international: 2 })).toThrow(/CHECK constraint failed/);
      expect(() => insert(db, 'events', { id: 'ev9', name: 'x', method_id: 8, competency_type: 'teknis', organiser: 'kantor', programme_item_id: 'nope' })).toThrow(/FOREIGN KEY constraint failed/);
      const session = { event_id: 'ev1', date: '2026-11-27', start_time: '08:00', end_time: '12:00', computed_jp: 5 };
      expect(() => insert(db, 'event_sessions', { id: 's9', ...session, jp_override: 3 })).toThrow(/CHECK constraint failed/);
      expect(() => insert(db, 'event_sessions', { id: 's9', ...session, jp_override: 3, jp_override_reason: '' })).toThrow(/CHECK constraint failed/);
      insert(db, 'event_sessions', { id: 's9', ...session, jp_override: 3, jp_override_reason: 'Istirahat' });
      expect(() => insert(db, 'event_sessions', { id: 's10', ...session, computed_jp: 'lima' })).toThrow(/cannot store TEXT value in REAL column/);
      db.close();
    });
  });
});
