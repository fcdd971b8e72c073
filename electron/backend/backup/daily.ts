// The daily backup: made in the background the first time a backend is opened or called on an
// office-local day that has none yet. After that, each call costs one comparison of the clock
// with the day's end, until the next day.
import fs from 'node:fs';
import { localToInstant } from '../../../shared/domain/office-time.ts';
import type { BackupKind } from '../../../shared/contract/backup.ts';
import { LATEST_VERSION } from '../db/migrations/index.ts';
import { schemaVersion } from '../db/migrate.ts';
import type { Db } from '../db/open.ts';
import { createBackup, createBackupSync, localDateTime } from './create.ts';
import { backupsDir, officeOf, parseBackupFileName } from './format.ts';
import type { BackupHost } from './host.ts';
import { rotate } from './rotation.ts';

/** Whether the backups folder already holds a backup of `kind` for the office-local `date`. */
export function hasBackupOn(dataDir: string, date: string, kind: BackupKind): boolean {
  let names: string[];
  try {
    names = fs.readdirSync(backupsDir(dataDir));
  } catch {
    return false;
  }
  return names.some((n) => {
    const p = parseBackupFileName(n);
    return p !== null && p.kind === kind && p.date === date;
  });
}

const RETRY_MS = 60 * 60 * 1000;

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

export class DailyBackup {
  /** The UTC window of the office-local day already checked: calls inside it do nothing. */
  private from = 0;
  private until = 0;
  private retryAfter = 0;

  constructor(private readonly host: BackupHost) {}

  /** Starts today's backup when there is none; never waits for it and never throws. */
  check(): void {
    const now = this.host.now();
    const t = now.getTime();
    if ((t >= this.from && t < this.until) || t < this.retryAfter) return;
    let office;
    try {
      office = officeOf(this.host.db());
    } catch {
      return; // the database is being replaced, or not readable: the next call tries again
    }
    if (!office) return; // not set up yet: nothing worth keeping
    const { date } = localDateTime(now, office.timezone);
    this.from = localToInstant(date, '00:00', office.timezone).getTime();
    this.until = localToInstant(nextDate(date), '00:00', office.timezone).getTime();
    if (hasBackupOn(this.host.dataDir, date, 'harian')) return;
    void this.host.serial(async () => {
      // Another Bangkom (the app and the CLI share the folder) may have made it meanwhile.
      if (hasBackupOn(this.host.dataDir, date, 'harian')) return;
      await createBackup(this.host.db(), this.host.dataDir, { kind: 'harian', now });
      rotate(backupsDir(this.host.dataDir), 'harian');
    }).catch((err: unknown) => {
      console.error('[backend] daily backup failed:', (err as Error).message);
      this.from = this.until = 0;
      this.retryAfter = t + RETRY_MS;
    });
  }
}

/**
 * The safety copy before a migration, of a database that already has a schema (a new, empty
 * one has nothing to keep). Synchronous: it runs before the backend serves.
 */
export function backupBeforeMigration(db: Db, dataDir: string, now = new Date()): void {
  const version = schemaVersion(db);
  if (version === 0 || version >= LATEST_VERSION) return;
  createBackupSync(db, dataDir, { kind: 'sebelum-migrasi', now });
  rotate(backupsDir(dataDir), 'sebelum-migrasi');
}
