// Migration 010 (sending by upload): a version-9 kecamatan with a batch in its outbox, and a
// version-9 city office holding a kecamatan's rows and receipt, each brought to version 10. Old rows
// stay as they were; the batch gains its send bookkeeping (never tried), the city's new tables are
// empty, and both go on working: the batch is listed and sent, the city issues an upload token.
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
import { migration010 } from '../../electron/backend/db/migrations/010_sending.ts';
import { exportBatch } from '../../electron/backend/batches/export.ts';
import { officeHandlers } from '../../electron/backend/services/office.ts';
import { parseInput } from '../../shared/contract/validate.ts';
import {
  MIGRATION_CLOCK, dumpTables, expectMigratesOnce, expectOldTablesUntouched, expectSchemaOfMigrations, keepAndClose, olderDataFolder, olderOfficeFolder,
  pick, schemaOf, unchangedAfter,
} from '../helpers/migrations.ts';
import { ADMIN, dbFile, login, openTestBackend, removeTempDirs, setupInput } from '../helpers/backend.ts';

afterEach(() => removeTempDirs());

const V9 = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009];
const OLD_TABLES = ['office', 'units', 'users', 'settings', 'change_journal', 'audit_log', 'login_throttle', 'employees', 'needs', 'programme_items',
  'events', 'event_sessions', 'enrolments', 'attendance_marks', 'unit_aliases', 'certificates', 'office_keys', 'training_records', 'followups',
  'trusted_keys', 'batches', 'city_mode', 'city_offices', 'city_batches', 'city_rows', 'city_receipts', 'batch_receipts'];
const SEND_COLUMNS = ['send_attempts', 'next_send_at', 'last_send_error', 'sent_at'];
/** The old tables migration 010 itself widens (a column, an index); checked on their own below. */
const WIDENED = ['batches', 'city_rows', 'city_batches'];
const SHA = 'c'.repeat(64);

async function v9Kecamatan() {
  const { dataDir, db } = await olderOfficeFolder(V9, 4);
  exportBatch(db, dataDir, new Date(MIGRATION_CLOCK));
  expect(schemaVersion(db)).toBe(9);
  return { dataDir, ...keepAndClose(db, OLD_TABLES) };
}

/** BKPSDM Kota Palembang at version 9, holding one batch of Plaju's (two people) and its receipt. */
async function v9City() {
  const { dataDir, db, ctx } = olderDataFolder(V9);
  await officeHandlers['office.setup'](parseInput('office.setup', setupInput({
    regionCode: '16.71', kind: 'kota', name: 'BKPSDM Kota Palembang',
    signer: { name: 'Kepala BKPSDM', nip: '19700101 199003 1 002', title: 'Kepala BKPSDM' },
  })), ctx);
  db.prepare("INSERT INTO city_offices (office_id, region_code, name, kid, registered_how, last_seq, last_sha256, last_import_at, created_at) VALUES ('plaju', '16.71.14', 'Kantor Kecamatan Plaju', 'kid', 'trust_file', 1, ?, ?, ?)")
    .run(SHA, MIGRATION_CLOCK, MIGRATION_CLOCK);
  db.prepare("INSERT INTO city_batches (office_id, seq, sha256, status, kind, counts, file_path, received_at, imported_at) VALUES ('plaju', 1, ?, 'imported', 'full', '{\"employees\":2}', 'inbox/f', ?, ?)")
    .run(SHA, MIGRATION_CLOCK, MIGRATION_CLOCK);
  const row = db.prepare("INSERT INTO city_rows (entity, id, office_id, row_version, updated_at, data) VALUES ('employees', ?, 'plaju', ?, ?, ?)");
  row.run('e1', 3, MIGRATION_CLOCK, JSON.stringify({ id: 'e1', nip: '198501012010011001', name: 'Agus' }));
  row.run('e2', 4, MIGRATION_CLOCK, JSON.stringify({ id: 'e2', nip: '198601022011012002', name: 'Siti' }));
  db.prepare("INSERT INTO city_receipts (batch_sha256, office_id, seq, status, bytes, created_at) VALUES (?, 'plaju', 1, 'imported', x'0102', ?)").run(SHA, MIGRATION_CLOCK);
  return { dataDir, ...keepAndClose(db, OLD_TABLES) };
}

describe('migration 010 (sending by upload)', () => {
  it('the v9 fixtures really are v9 databases: a kecamatan with a batch made, a city holding rows', async () => {
    const kecamatan = await v9Kecamatan();
    const city = await v9City();
    for (const dir of [kecamatan.dataDir, city.dataDir]) {
      const db = new Database(dbFile(dir));
      expectSchemaOfMigrations(schemaOf(db), V9);
      db.close();
    }
    expect(kecamatan.rows.batches).toMatchObject([{ seq: 1, state: 'dibuat' }]);
    expect(city.rows.city_rows).toHaveLength(2);
  });

  it('brings a v9 kecamatan to v10: every old row as it was, the batch never tried, and it is listed and sent as any other', async () => {
    const { dataDir, rows, schema } = await v9Kecamatan();
    const t = openTestBackend({ dataDir });
    try {
      expect(schemaVersion(t.backend.db)).toBeGreaterThanOrEqual(10);
      const kept = unchangedAfter(10, OLD_TABLES.filter((n) => !WIDENED.includes(n)));
      expectOldTablesUntouched(t.backend.db, kept, pick(rows, kept), schema.filter((o) => kept.includes((o as { tbl_name: string }).tbl_name)));
      // The batches keep every column they had, and gain the send bookkeeping of a batch never sent.
      const batches = dumpTables(t.backend.db, ['batches']).batches as Record<string, unknown>[];
      expect(batches.map((b) => Object.fromEntries(Object.entries(b).filter(([k]) => !SEND_COLUMNS.includes(k))))).toEqual(rows.batches);
      expect(batches.map((b) => SEND_COLUMNS.map((k) => b[k]))).toEqual([[0, null, null, null]]);
      expect(dumpTables(t.backend.db, ['city_rows', 'city_batches'])).toEqual(pick(rows, ['city_rows', 'city_batches']));
      for (const table of ['city_upload_tokens', 'city_key_requests']) expect(t.backend.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);

      const token = await login(t, ADMIN.username, ADMIN.password);
      expect(await t.ok('batch.list', {}, token)).toMatchObject([{ seq: 1, state: 'dibuat', sendAttempts: 0, sentAt: null, nextSendAt: null, lastSendError: null, receipt: null }]);
      expect(await t.ok('batch.sendSettings', {}, token)).toEqual({ url: null, tokenSet: false });
      // Sent to an address where nothing listens: it waits, as any batch would.
      await t.ok('batch.setSendSettings', { url: 'http://127.0.0.1:9', token: 'x'.repeat(43) }, token);
      expect((await t.ok('batch.send', {}, token)).attempts).toMatchObject([{ seq: 1, outcome: 'failed', message: 'batches.send.network' }]);
      expect(await t.ok('batch.list', {}, token)).toMatchObject([{ seq: 1, state: 'dibuat', sendAttempts: 1 }]);
    } finally {
      t.close();
    }
  });

  it('brings a v9 city to v10: its rows, batches and receipts as they were, the NIP index there, and an upload token can be issued', async () => {
    const { dataDir, rows, schema } = await v9City();
    const t = openTestBackend({ dataDir });
    try {
      const kept = unchangedAfter(10, OLD_TABLES.filter((n) => !WIDENED.includes(n)));
      expectOldTablesUntouched(t.backend.db, kept, pick(rows, kept), schema.filter((o) => kept.includes((o as { tbl_name: string }).tbl_name)));
      // city_rows and city_batches gain only an index each: their rows and their own tables as they were.
      expect(dumpTables(t.backend.db, ['city_rows', 'city_batches'])).toEqual(pick(rows, ['city_rows', 'city_batches']));
      const indexes = (table: string) => (schemaOf(t.backend.db, [table]) as { type: string; name: string }[]).filter((o) => o.type === 'index').map((o) => o.name).sort();
      expect(indexes('city_rows')).toEqual(['city_rows_employee_nip', 'city_rows_office']);
      expect(indexes('city_batches')).toEqual(['city_batches_imported_seq', 'city_batches_office_seq']);
      const tables = (table: string) => (schemaOf(t.backend.db, [table]) as { type: string }[]).filter((o) => o.type === 'table');
      expect(tables('city_batches')).toEqual((schema as { type: string; tbl_name: string }[]).filter((o) => o.type === 'table' && o.tbl_name === 'city_batches'));
      const plan = t.backend.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM city_rows WHERE entity = 'employees' AND json_extract(data, '$.nip') = ?").all('198601022011012002') as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('city_rows_employee_nip');

      const token = await login(t, ADMIN.username, ADMIN.password);
      const issued = await t.ok('offices.uploadToken', { officeCode: '16.71.14' }, token);
      expect(t.backend.db.prepare('SELECT region_code FROM city_upload_tokens').pluck().all()).toEqual([issued.officeCode]);
    } finally {
      t.close();
    }
  });

  it('the new tables and columns refuse what cannot be', async () => {
    const { dataDir } = await v9City();
    const db = new Database(dbFile(dataDir));
    try {
      migrate(db, [...V9, migration010]);
      const token = db.prepare("INSERT INTO city_upload_tokens (region_code, token_sha256, created_at) VALUES (?, ?, 'x')");
      token.run('16.71.14', 'a'.repeat(64));
      expect(() => token.run('16.71.14', 'b'.repeat(64))).toThrow(/UNIQUE|PRIMARY/);
      expect(() => token.run('16.71.01', 'a'.repeat(64))).toThrow(/UNIQUE/);
      expect(() => token.run('16.71', 'b'.repeat(64))).toThrow(/CHECK/);
      expect(() => token.run('16.71.01', 'kurang')).toThrow(/CHECK/);
      db.prepare("INSERT INTO batches (seq, kind, journal_from, journal_to, file_name, sha256, size, counts, created_at) VALUES (1, 'full', 0, 1, 'f', ?, 1, '{}', 'x')").run(SHA);
      expect(() => db.prepare('UPDATE batches SET send_attempts = -1').run()).toThrow(/CHECK/);
      // One imported batch per kecamatan and number (Plaju's 1 is imported in the fixture); held ones beside it are fine.
      const batch = db.prepare("INSERT INTO city_batches (office_id, seq, sha256, status, kind, counts, file_path, received_at, imported_at) VALUES ('plaju', ?, ?, ?, 'full', '{}', 'f', 'x', ?)");
      expect(() => batch.run(1, 'd'.repeat(64), 'imported', 'x')).toThrow(/UNIQUE/);
      batch.run(1, 'd'.repeat(64), 'held', null);
      batch.run(2, 'e'.repeat(64), 'imported', 'x');
      expect(() => db.prepare("UPDATE city_batches SET status = 'imported', imported_at = 'x' WHERE sha256 = ?").run('d'.repeat(64))).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });

  it('runs from v9 to exactly v10, and again changes nothing', async () => {
    expectMigratesOnce((await v9Kecamatan()).dataDir, V9, migration010);
    expectMigratesOnce((await v9City()).dataDir, V9, migration010);
  });
});
