// Set-up shared by the per-migration tests: a data folder at an older schema version, written by
// the real services through a context of their own, and what must survive the migration as it was.
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { migrate } from '../../electron/backend/db/migrate.ts';
import type { Migration } from '../../electron/backend/db/migrations/types.ts';
import { openDatabase } from '../../electron/backend/db/open.ts';
import { JobRunner } from '../../electron/backend/jobs/runner.ts';
import type { ServiceContext } from '../../electron/backend/services/context.ts';
import { parseInput } from '../../shared/contract/validate.ts';
import { officeHandlers } from '../../electron/backend/services/office.ts';
import { rosterHandlers } from '../../electron/backend/services/roster.ts';
import { cliActor } from '../../electron/backend/services/context.ts';
import { dbFile, setupInput, tempDir } from './backend.ts';
import { rosterCsv } from '../bench/roster.bench.ts';

export const MIGRATION_CLOCK = '2026-11-25T02:00:00.000Z';

/** A fresh data folder whose database stops at the last of `migrations`, and a service context on it. */
export function olderDataFolder(migrations: readonly Migration[]) {
  const dataDir = tempDir();
  const db = openDatabase(dbFile(dataDir));
  migrate(db, migrations);
  const ctx: ServiceContext = { db, dataDir, door: 'test', actor: null, session: { token: null }, jobs: new JobRunner(), now: () => new Date(MIGRATION_CLOCK) };
  return { dataDir, db, ctx };
}

/** Every row of the given tables, in rowid order. */
export function dumpTables(db: Database.Database, tables: readonly string[]): Record<string, unknown[]> {
  return Object.fromEntries(tables.map((name) => [name, db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all()]));
}

/** Tables, indexes and triggers, optionally only those on the given tables. */
export function schemaOf(db: Database.Database, tables?: readonly string[]): unknown[] {
  const all = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as { tbl_name: string }[];
  return tables ? all.filter((o) => tables.includes(o.tbl_name)) : all;
}

/** The schema a fixture has is exactly the one these migrations make on an empty database. */
export function expectSchemaOfMigrations(schema: unknown[], migrations: readonly Migration[]): void {
  const plain = new Database(':memory:');
  migrate(plain, migrations);
  expect(schema).toEqual(schemaOf(plain));
  plain.close();
}

/**
 * Old tables a later migration changes on purpose (a column or an index added), by that migration's
 * version: a test of an earlier migration that opens the database at the latest version leaves them
 * to the later migration's own test.
 */
const CHANGED_LATER: Record<number, readonly string[]> = {
  6: ['needs', 'programme_items', 'attendance_marks'],
  10: ['batches', 'city_rows', 'city_batches'],
};

export function pick<T>(rows: Record<string, T>, tables: readonly string[]): Record<string, T> {
  return Object.fromEntries(tables.map((name) => [name, rows[name]!]));
}

/** `tables` without those a migration after `version` changes. */
export function unchangedAfter(version: number, tables: readonly string[]): string[] {
  const later = new Set(Object.entries(CHANGED_LATER).filter(([v]) => Number(v) > version).flatMap(([, names]) => names));
  return tables.filter((name) => !later.has(name));
}

/**
 * `migration` takes a database at the last of `older` to exactly its own version, and running
 * the list again changes nothing.
 */
export function expectMigratesOnce(dataDir: string, older: readonly Migration[], migration: Migration): void {
  const db = new Database(dbFile(dataDir));
  try {
    const from = older[older.length - 1]!.version;
    expect(migrate(db, [...older, migration])).toEqual({ from, to: migration.version });
    const after = schemaOf(db);
    expect(migrate(db, [...older, migration])).toEqual({ from: migration.version, to: migration.version });
    expect(schemaOf(db)).toEqual(after);
  } finally {
    db.close();
  }
}

/** After a migration that only adds: the old tables' rows, and their tables and indexes, as they were. */
export function expectOldTablesUntouched(db: Database.Database, tables: readonly string[], rows: Record<string, unknown[]>, schema: unknown[]): void {
  expect(dumpTables(db, tables)).toEqual(rows);
  expect(schemaOf(db, tables)).toEqual(schema);
}

/**
 * An older data folder with Kecamatan Plaju set up and `people` employees imported, both by the
 * real services; the database stays open for what else the fixture needs.
 */
export async function olderOfficeFolder(migrations: readonly Migration[], people: number) {
  const folder = olderDataFolder(migrations);
  await officeHandlers['office.setup'](parseInput('office.setup', setupInput()), folder.ctx);
  if (people > 0) {
    const roster = await rosterHandlers['roster.apply'](parseInput('roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(rosterCsv(people)).toString('base64') }), { ...folder.ctx, actor: cliActor('tester') });
    expect(roster.created).toBe(people);
  }
  return folder;
}

/** What a migration must leave as it was (the old tables' rows, the schema); closes the database. */
export function keepAndClose(db: Database.Database, tables: readonly string[]): { rows: Record<string, unknown[]>; schema: unknown[] } {
  const kept = { rows: dumpTables(db, tables), schema: schemaOf(db) };
  db.close();
  return kept;
}
