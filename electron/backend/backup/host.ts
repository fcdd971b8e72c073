import type { Db } from '../db/open.ts';

/** What the backup services need from the backend that owns the database (ServiceContext.backupHost). */
export interface BackupHost {
  readonly dataDir: string;
  /** The database open right now (a restore replaces it). */
  db(): Db;
  now(): Date;
  /** Runs backup work one at a time in this backend (daily, manual, restore). */
  serial<T>(work: () => Promise<T>): Promise<T>;
  /** Jobs still running (a restore waits until none is). */
  runningJobs(): string[];
  /**
   * Closes the database, runs `swap` (which puts another file in place) and opens the folder
   * again. When `swap` or the reopening fails, `undo` puts the old file back and the old one is
   * reopened; the error is rethrown. Synchronous: no call runs in between.
   */
  replaceDatabase(swap: () => void, undo: () => void): void;
}
