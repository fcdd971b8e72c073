import { ApiError } from '../../../shared/contract/errors.ts';
import type { Db } from './open.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';
import { writeTransaction } from './transaction.ts';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function databaseTooNew(version: number, supported: number): ApiError {
  return new ApiError(
    'DB_TOO_NEW',
    `Basis data ini dibuat oleh versi Bangkom yang lebih baru (skema ${version}; versi ini mengenal sampai ${supported}). Perbarui Bangkom; berkas tidak diubah.`,
    { version, supported },
  );
}

/**
 * Applies all pending migrations in one transaction (all or nothing), and refuses a database
 * written by a newer Bangkom: an older program must not guess at a schema it doesn't know.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (from > latest) throw databaseTooNew(from, latest);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  writeTransaction(db, () => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  return { from, to: schemaVersion(db) };
}

/** Whether the database has this table (an older schema may not). */
export const hasTable = (db: Db, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
