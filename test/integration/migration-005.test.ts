// Migration 005 (certificates): a version-4 database with an office and a roster is brought to
// version 5; every old row and table stays as it was, the existing office gets its Ed25519 key
// pair (shown by its fingerprint), and the office then issues and verifies a certificate.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.ts';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate.ts';
import { migration001 } from '../../electron/backend/db/migrations/001_core.ts';
import { migration002 } from '../../electron/backend/db/migrations/002_employees.ts';
import { migration003 } from '../../electron/backend/db/migrations/003_trainings.ts';
import { migration004 } from '../../electron/backend/db/migrations/004_unit_aliases.ts';
import { migration005 } from '../../electron/backend/db/migrations/005_certificates.ts';
import { expectOldTablesUntouched, pick, unchangedAfter, expectSchemaOfMigrations, keepAndClose, olderDataFolder, olderOfficeFolder, schemaOf } from '../helpers/migrations.ts';
import { ADMIN, dbFile, login, openTestBackend, removeTempDirs } from '../helpers/backend.ts';

afterEach(() => removeTempDirs());

const V4 = [migration001, migration002, migration003, migration004];
const OLD_TABLES = ['office', 'units', 'users', 'sessions', 'settings', 'change_journal', 'audit_log', 'login_throttle', 'employees', 'needs', 'programme_items', 'events', 'event_sessions', 'enrolments', 'attendance_marks', 'unit_aliases'];
const NEW_TABLES = ['certificate_documents', 'certificate_images', 'certificate_number_gaps', 'certificate_sequences', 'certificates', 'office_keys', 'trusted_keys', 'trusted_revocations'];

async function v4DataFolder(withOffice = true) {
  const { dataDir, db } = withOffice ? await olderOfficeFolder(V4, 5) : olderDataFolder(V4);
  expect(schemaVersion(db)).toBe(4);
  return { dataDir, ...keepAndClose(db, OLD_TABLES) };
}

describe('migration 005 (certificates)', () => {
  it('the v4 fixture really is a v4 database', async () => {
    const { schema } = await v4DataFolder();
    expectSchemaOfMigrations(schema, V4);
  });

  it('brings a v4 office to v5 with a key pair of its own, old rows untouched; the office then sees its fingerprint', async () => {
    const { dataDir, rows, schema } = await v4DataFolder();
    const backend = createBackend({ dataDir });
    try {
      expect(schemaVersion(backend.db)).toBeGreaterThanOrEqual(5);
      // Tables a later migration widens are left to that migration's test.
      const kept = unchangedAfter(5, OLD_TABLES);
      expectOldTablesUntouched(backend.db, kept, pick(rows, kept), schema.filter((o) => kept.includes((o as { tbl_name: string }).tbl_name)));
      const tables = backend.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${NEW_TABLES.map(() => '?').join(', ')}) ORDER BY name`).pluck().all(...NEW_TABLES);
      expect(tables).toEqual(NEW_TABLES);
      const keys = backend.db.prepare('SELECT kid, alg, length(public_key) AS pub, status FROM office_keys').all() as { kid: string }[];
      expect(keys).toEqual([{ kid: expect.stringMatching(/^[A-Za-z0-9+/]{11}=$/), alg: -8, pub: 32, status: 'active' }]);
      // The private key is a file of the data folder, readable by its owner only; not in the database.
      const keyFile = path.join(dataDir, 'keys', `${Buffer.from(keys[0]!.kid, 'base64').toString('hex')}.key`);
      expect(fs.statSync(keyFile).size).toBeGreaterThan(32);
      if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(backend.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      backend.close();
    }
    const t = openTestBackend({ dataDir });
    try {
      const token = await login(t, ADMIN.username, ADMIN.password);
      const settings = await t.ok('certificates.settings', {}, token);
      expect(settings.keys).toHaveLength(1);
      expect(settings.keys[0]!.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
      // Nothing was journalled for the key: it never leaves the office.
      expect(t.backend.db.prepare("SELECT count(*) FROM change_journal WHERE entity LIKE '%key%'").pluck().get()).toBe(0);
    } finally {
      t.close();
    }
  });

  it('a database without an office gets no key (office.setup makes it), and migrating twice changes nothing', async () => {
    const { dataDir } = await v4DataFolder(false);
    const db = new Database(dbFile(dataDir));
    expect(migrate(db, [...V4, migration005])).toEqual({ from: 4, to: 5 });
    expect(db.prepare('SELECT count(*) FROM office_keys').pluck().get()).toBe(0);
    const after = schemaOf(db);
    expect(migrate(db, [...V4, migration005])).toEqual({ from: 5, to: 5 });
    expect(schemaOf(db)).toEqual(after);
    db.close();
  });
});
