// The backend's side of backups: its presence in the data folder, one backup at a time, the
// daily backup on first use, and closing only once background work has finished.
import type { JobRunner } from '../jobs/runner.ts';
import type { Db } from '../db/open.ts';
import { DailyBackup } from './daily.ts';
import type { BackupHost } from './host.ts';
import { registerPresence, type ProcessKind } from './presence.ts';

export interface RuntimeOptions {
  dataDir: string;
  now(): Date;
  jobs: JobRunner;
  autoBackup: boolean;
  processKind: ProcessKind;
  db(): Db;
  /** Closes the database (and stops what depends on it). */
  closeDb(): void;
  /** Opens the data folder again (check, migrate) and makes it the backend's database. */
  openDb(): void;
}

export interface BackupRuntime {
  readonly host: BackupHost;
  /** Before every call: starts today's backup when due (cheap otherwise). */
  beforeCall(): void;
  /** Resolves once background backup work has finished. */
  settled(): Promise<void>;
  /** Closes the database now, or as soon as a backup in progress has finished. */
  close(): void;
}

export function backupRuntime(o: RuntimeOptions): BackupRuntime {
  const presence = registerPresence(o.dataDir, o.processKind);
  const runningJobs = new Map<string, string>();
  o.jobs.subscribe((e) => { if (e.state === 'running') runningJobs.set(e.jobId, e.kind); else runningJobs.delete(e.jobId); });

  let tail: Promise<void> = Promise.resolve();
  let pending = 0;
  let closed = false;

  const host: BackupHost = {
    dataDir: o.dataDir,
    db: o.db,
    now: o.now,
    serial<T>(work: () => Promise<T>): Promise<T> {
      pending++;
      const run = tail.then(work);
      tail = run.then(() => undefined, () => undefined).finally(() => { pending--; });
      return run;
    },
    runningJobs: () => [...runningJobs.values()],
    replaceDatabase(swap, undo) {
      o.closeDb();
      try {
        swap();
        o.openDb();
      } catch (err) {
        try {
          undo();
        } finally {
          o.openDb();
        }
        throw err;
      }
    },
  };

  const daily = new DailyBackup(host);
  if (o.autoBackup) daily.check();

  async function settled(): Promise<void> {
    for (let seen = tail; ; seen = tail) {
      await seen;
      if (seen === tail) return;
    }
  }

  return {
    host,
    beforeCall() {
      if (o.autoBackup && !closed) daily.check();
    },
    settled,
    close() {
      if (closed) return;
      closed = true;
      const finish = () => {
        o.closeDb();
        presence.remove();
      };
      if (pending === 0) finish();
      else void settled().then(finish);
    },
  };
}
