// Migration 006 (training records, evaluation, programme spending): a version-5 database with an
// office, a roster, a need, a programme item and an event is brought to version 6. Every old table
// stays as it was except the two that gain a column (needs.finding, programme_items.spent), whose
// old rows read as before with the new column empty; the office then records an outside training.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.ts';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate.ts';
import { migration001 } from '../../electron/backend/db/migrations/001_core.ts';
import { migration002 } from '../../electron/backend/db/migrations/002_employees.ts';
import { migration003 } from '../../electron/backend/db/migrations/003_trainings.ts';
import { migration004 } from '../../electron/backend/db/migrations/004_unit_aliases.ts';
import { migration005 } from '../../electron/backend/db/migrations/005_certificates.ts';
import { migration006 } from '../../electron/backend/db/migrations/006_records_evaluation.ts';
import { expectMigratesOnce, dumpTables, expectSchemaOfMigrations, keepAndClose, MIGRATION_CLOCK, olderOfficeFolder, schemaOf } from '../helpers/migrations.ts';
import { ADMIN, dbFile, login, openTestBackend, removeTempDirs } from '../helpers/backend.ts';

afterEach(() => removeTempDirs());

const V5 = [migration001, migration002, migration003, migration004, migration005];
const UNTOUCHED = ['office', 'units', 'users', 'settings', 'change_journal', 'audit_log', 'login_throttle', 'employees', 'events', 'event_sessions', 'enrolments', 'attendance_marks', 'unit_aliases', 'certificates', 'office_keys'];
const WIDENED = { needs: 'finding', programme_items: 'spent' } as const;
/** Indexes 006 adds to old tables (the 20 JP ledger reads the marks per participant); their rows stay as they were. */
const ADDED_INDEXES = ['attendance_marks_enrolment'];
/** Indexes 006 adds to old tables (the ledger reads marks per participant). */
const NEW_INDEXES_ON_OLD_TABLES = ['attendance_marks_enrolment'];
const NEW_TABLES = ['event_questionnaires', 'followups', 'questionnaire_templates', 'reaction_responses', 'service_scores', 'training_records'];
const T = MIGRATION_CLOCK;

async function v5DataFolder() {
  const { dataDir, db } = await olderOfficeFolder(V5, 5);
  const unit = db.prepare('SELECT id FROM units ORDER BY rowid LIMIT 1').pluck().get() as string;
  db.prepare(`INSERT INTO needs (id, year, unit_id, competency_type, topic, source, priority, created_at, updated_at, origin)
    VALUES ('0190a000-0000-7000-8000-00000000000a', 2026, ?, 'teknis', 'Pelayanan prima', 'survei', 'tinggi', ?, ?, '16.71.14')`).run(unit, T, T);
  db.prepare(`INSERT INTO programme_items (id, year, title, competency_type, method_id, organiser, planned_month, planned_jp, budget, funding, created_at, updated_at, origin)
    VALUES ('0190a000-0000-7000-8000-00000000000b', 2026, 'Bimtek pelayanan', 'teknis', 8, 'kantor', 5, 16, 5000000, 'apbd', ?, ?, '16.71.14')`).run(T, T);
  db.prepare(`INSERT INTO events (id, name, method_id, competency_type, organiser, created_at, updated_at, updated_by, origin)
    VALUES ('0190a000-0000-7000-8000-000000000001', 'Bimtek', 8, 'teknis', 'kantor', ?, ?, NULL, '16.71.14')`).run(T, T);
  expect(schemaVersion(db)).toBe(5);
  const widened = dumpTables(db, Object.keys(WIDENED));
  return { dataDir, widened, ...keepAndClose(db, UNTOUCHED) };
}

describe('migration 006 (records, evaluation, spending)', () => {
  it('the v5 fixture really is a v5 database', async () => {
    const { dataDir } = await v5DataFolder();
    const db = new Database(dbFile(dataDir));
    expectSchemaOfMigrations(schemaOf(db), V5);
    db.close();
  });

  it('brings a v5 office to v6: old rows as they were, the two widened tables read with empty new columns; the office then records an outside training', async () => {
    const { dataDir, rows, schema, widened } = await v5DataFolder();
    const backend = createBackend({ dataDir });
    try {
      expect(schemaVersion(backend.db)).toBeGreaterThanOrEqual(6);
      const oldSchema = schema.filter((o) => UNTOUCHED.includes((o as { tbl_name: string }).tbl_name));
      const added = schemaOf(backend.db, UNTOUCHED).filter((o) => ADDED_INDEXES.includes((o as { name: string }).name));
      expect(added.map((o) => (o as { type: string; name: string }).type)).toEqual(ADDED_INDEXES.map(() => 'index'));
      expect(dumpTables(backend.db, UNTOUCHED)).toEqual(rows);
      expect(schemaOf(backend.db, UNTOUCHED).filter((o) => !ADDED_INDEXES.includes((o as { name: string }).name))).toEqual(oldSchema);
      for (const [table, column] of Object.entries(WIDENED)) {
        const after = dumpTables(backend.db, [table])[table] as Record<string, unknown>[];
        expect(after.map(({ [column]: added, ...old }) => { expect(added).toBe(column === 'spent' ? 0 : null); return old; })).toEqual(widened[table]);
      }
      const tables = backend.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${NEW_TABLES.map(() => '?').join(', ')}) ORDER BY name`).pluck().all(...NEW_TABLES);
      expect(tables).toEqual(NEW_TABLES);
      expect(backend.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      backend.close();
    }
    const t = openTestBackend({ dataDir });
    try {
      const token = await login(t, ADMIN.username, ADMIN.password);
      const person = (await t.ok('employees.list', {}, token)).items[0]!;
      const record = await t.ok('records.create', {
        employeeId: person.id, title: 'Pelayanan Publik Digital', organiser: 'LAN RI', methodId: 16, competencyType: 'teknis',
        startDate: '2026-11-02', endDate: '2026-11-03', hours: 6,
      }, token);
      expect(record).toMatchObject({ jp: 6, computedJp: 6, verified: false });
      expect((await t.ok('programme.list', { year: 2026 }, token))[0]).toMatchObject({ title: 'Bimtek pelayanan', spent: 0 });
    } finally {
      t.close();
    }
  });

  it('the new tables refuse what cannot be: an end before the start, a score beyond 100, a second follow-up for one participant', async () => {
    const { dataDir } = await v5DataFolder();
    const db = new Database(dbFile(dataDir));
    migrate(db, [...V5, migration006]);
    const person = db.prepare('SELECT id FROM employees LIMIT 1').pluck().get() as string;
    const insertRecord = db.prepare(`INSERT INTO training_records (id, employee_id, title, method_id, competency_type, start_date, end_date, jp, title_key, created_at, updated_at, origin)
      VALUES (?, ?, 'E-learning', 16, 'teknis', ?, ?, 3, 'elearning', ?, ?, 'x')`);
    expect(() => insertRecord.run('0190a000-0000-7000-8000-0000000000c1', person, '2026-05-02', '2026-05-01', T, T)).toThrow(/CHECK/);
    insertRecord.run('0190a000-0000-7000-8000-0000000000c2', person, '2026-05-01', '2026-05-01', T, T);
    // The same training twice is refused by the database too.
    expect(() => insertRecord.run('0190a000-0000-7000-8000-0000000000c3', person, '2026-05-01', '2026-05-01', T, T)).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO service_scores (id, period_start, period_end, score, created_at, updated_at, origin)
      VALUES ('0190a000-0000-7000-8000-0000000000d1', '2026-01-01', '2026-06-30', 101, ?, ?, 'x')`).run(T, T)).toThrow(/CHECK/);
    db.prepare(`INSERT INTO enrolments (id, event_id, employee_id, created_at, updated_at, origin)
      VALUES ('0190a000-0000-7000-8000-0000000000e1', '0190a000-0000-7000-8000-000000000001', ?, ?, ?, 'x')`).run(person, T, T);
    const insertFollowup = db.prepare(`INSERT INTO followups (id, event_id, enrolment_id, due_date, created_at, updated_at, origin)
      VALUES (?, '0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-0000000000e1', '2027-02-28', ?, ?, 'x')`);
    insertFollowup.run('0190a000-0000-7000-8000-0000000000f1', T, T);
    expect(() => insertFollowup.run('0190a000-0000-7000-8000-0000000000f2', T, T)).toThrow(/UNIQUE/);
    db.close();
  });

  it('runs from v5 to exactly v6, and again changes nothing', async () => {
    const { dataDir } = await v5DataFolder();
    expectMigratesOnce(dataDir, V5, migration006);
  });
});
