import type { Db } from './open.ts';

/**
 * Runs `write` in a transaction that takes the write lock at BEGIN (BEGIN IMMEDIATE).
 *
 * Several processes write one database (the app, `serve`, the CLI). A deferred BEGIN that reads
 * first and writes later cannot wait for another writer: SQLite answers SQLITE_BUSY_SNAPSHOT at
 * the first write, at once, whatever the busy timeout. Taking the lock at BEGIN makes a second
 * writer wait its turn (busy_timeout) instead. Inside an open transaction this is a savepoint.
 */
export function writeTransaction<T>(db: Db, write: () => T): T {
  return db.transaction(write).immediate();
}
