import fs from 'node:fs';
import path from 'node:path';
import { contract, type MethodName } from '../../shared/contract/index.ts';
import { ApiError, type CallResult } from '../../shared/contract/errors.ts';
import { parseInput } from '../../shared/contract/validate.ts';
import type { JobEvent } from '../../shared/contract/jobs.ts';
import { DB_FILE } from './paths.ts';
import { openDatabase, type Db } from './db/open.ts';
import { migrate } from './db/migrate.ts';
import { idleCheckpointer } from './db/checkpoint.ts';
import { asStorageError, storageError } from './db/storage-errors.ts';
import { LATEST_VERSION } from './db/migrations/index.ts';
import { JobRunner } from './jobs/runner.ts';
import type { Actor, Door, ServiceContext } from './services/context.ts';
import type { Handlers } from './services/handlers.ts';
import { authHandlers, resolveSession } from './services/auth.ts';
import { officeHandlers } from './services/office.ts';
import { regionHandlers } from './services/regions.ts';
import { systemHandlers } from './services/system.ts';
import { userHandlers } from './services/users.ts';
import { employeeHandlers } from './services/employees.ts';
import { rosterHandlers } from './services/roster.ts';
import { programmeHandlers } from './services/programme.ts';
import { eventHandlers } from './services/events.ts';
import { attendanceHandlers } from './services/attendance.ts';
import { ruleHandlers } from './services/rules.ts';
import { holidayHandlers } from './services/holidays.ts';
import { recapHandlers } from './services/recap.ts';
import { backupHandlers } from './services/backup.ts';
import { certificateHandlers } from './services/certificates.ts';
import { trustHandlers } from './services/trust.ts';
import { recordHandlers } from './services/records.ts';
import { ledgerHandlers } from './services/ledger.ts';
import { evaluationHandlers } from './services/evaluation.ts';
import { reportHandlers } from './services/reports.ts';
import { batchHandlers } from './services/batches.ts';
import { cityHandlers } from './services/city.ts';
import { sendingHandlers } from './services/sending.ts';
import { OUTBOX_ACTOR, outboxTimer, sendIsDue } from './batches/send.ts';
import type { BatchSendResult } from '../../shared/contract/batches.ts';
import { backupBeforeMigration } from './backup/daily.ts';
import { backupRuntime } from './backup/runtime.ts';
import { describeProcesses, otherProcesses, type ProcessKind } from './backup/presence.ts';

const handlers: Handlers = {
  ...systemHandlers,
  ...regionHandlers,
  ...authHandlers,
  ...userHandlers,
  ...officeHandlers,
  ...employeeHandlers,
  ...rosterHandlers,
  ...programmeHandlers,
  ...eventHandlers,
  ...attendanceHandlers,
  ...ruleHandlers,
  ...holidayHandlers,
  ...recapHandlers,
  ...backupHandlers,
  ...certificateHandlers,
  ...trustHandlers,
  ...recordHandlers,
  ...ledgerHandlers,
  ...evaluationHandlers,
  ...reportHandlers,
  ...batchHandlers,
  ...cityHandlers,
  ...sendingHandlers,
};

export interface CallOptions {
  door: Door;
  /** Session token from the cookie or the window's session; ignored when `actor` is given. */
  sessionToken?: string | null;
  /** A trusted local actor (the CLI); skips session lookup. */
  actor?: Actor;
}

export interface CallOutcome {
  result: CallResult;
  /** A new session token to hand to the client, or `null` to clear it. */
  session?: string | null;
}

export interface BackendOptions {
  dataDir: string;
  now?: () => Date;
  /** How long the backend waits, idle after a write, before checkpointing the WAL. */
  checkpointIdleMs?: number;
  /** The daily backup on first use each office-local day (the real doors; tests opt in). */
  autoBackup?: boolean;
  /** Which Bangkom this is, in the data folder's list of open processes (restore names it). */
  processKind?: ProcessKind;
  /**
   * The outbox retries its uploads to the city by itself when a try is due (the app and
   * `bangkom serve`; tests opt in, or run a round with `sendDue`).
   */
  autoSend?: boolean;
  /** How long one upload may take (tests); by default it grows with the batch file. */
  sendTimeoutMs?: number;
}

export interface Backend {
  readonly db: Db;
  readonly dataDir: string;
  readonly jobs: JobRunner;
  call(method: string, input: unknown, options: CallOptions): Promise<CallOutcome>;
  onJobEvent(listener: (event: JobEvent) => void): () => void;
  /** Resolves once background work (the daily backup) has finished: a CLI command waits for it. */
  settled(): Promise<void>;
  /**
   * One automatic round of the outbox now: the batches without a receipt are uploaded when the
   * oldest was tried before and its next try is due; null when nothing is due. What the timer
   * of `autoSend` runs.
   */
  sendDue(): Promise<BatchSendResult | null>;
  /** Closes the database, at once or as soon as a backup in progress has finished. */
  close(): void;
}

/** Opens (checking first) and migrates the database in the data folder. */
export function openDataFolder(dataDir: string): Db {
  try {
    // Private to this user where the system has modes (no effect on Windows).
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = path.join(dataDir, DB_FILE);
    const db = openDatabase(file, { maxVersion: LATEST_VERSION });
    try {
      restrictToOwner(file);
      backupBeforeMigration(db, dataDir);
      migrate(db);
    } catch (err) {
      db.close();
      throw err;
    }
    return db;
  } catch (err) {
    throw asStorageError(err);
  }
}

function restrictToOwner(file: string): void {
  if (process.platform === 'win32') return;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try { fs.chmodSync(f, 0o600); } catch { /* not there yet, or not ours to change */ }
  }
}

export function createBackend(options: BackendOptions): Backend {
  // Both replaced when a backup is restored (backup/runtime.ts); every call reads the current one.
  let db = openDataFolder(options.dataDir);
  const jobs = new JobRunner();
  const now = options.now ?? (() => new Date());
  let checkpointer = idleCheckpointer(db, options.checkpointIdleMs ?? 2000);
  // A job writes after its call has returned: its end counts as the end of a call.
  jobs.subscribe((event) => { if (event.state !== 'running') checkpointer.afterCall(); });
  const backups = backupRuntime({
    dataDir: options.dataDir, now, jobs, autoBackup: options.autoBackup ?? false, processKind: options.processKind ?? 'other',
    db: () => db,
    closeDb: () => { checkpointer.stop(); db.close(); },
    openDb: () => {
      db = openDataFolder(options.dataDir);
      checkpointer = idleCheckpointer(db, options.checkpointIdleMs ?? 2000);
    },
  });

  // Uploads in flight stop when the backend closes.
  const closing = new AbortController();
  const outbox = outboxTimer({
    enabled: options.autoSend ?? false,
    due: () => sendIsDue(db, now()),
    send: async () => {
      const { result } = await call('batch.send', {}, { door: 'timer', actor: OUTBOX_ACTOR });
      return result.ok ? (result.value as BatchSendResult) : null;
    },
  });

  async function call(method: string, rawInput: unknown, opts: CallOptions): Promise<CallOutcome> {
    backups.beforeCall();
    try {
      return await dispatch(method, rawInput, opts);
    } finally {
      checkpointer.afterCall();
    }
  }

  async function dispatch(method: string, rawInput: unknown, opts: CallOptions): Promise<CallOutcome> {
    const session = { token: opts.sessionToken ?? null } as ServiceContext['session'];
    try {
      const input = parseInput(method, rawInput);
      const name = method as MethodName;
      const def = contract[name];
      const resolved = opts.actor ?? resolveSession(db, session.token, now());
      if (def.access !== 'public' && !resolved) {
        throw new ApiError('UNAUTHENTICATED', 'Sesi berakhir atau belum masuk. Silakan masuk.');
      }
      if (def.access === 'admin' && resolved?.role !== 'admin') {
        throw new ApiError('FORBIDDEN', 'Hanya admin yang boleh melakukan ini.');
      }
      const actor: Actor | null = resolved ? { userId: resolved.userId, username: resolved.username, role: resolved.role } : null;
      const ctx: ServiceContext = {
        db, dataDir: options.dataDir, door: opts.door, actor, session, jobs, now, backupHost: backups.host,
        sending: { signal: closing.signal, timeoutMs: options.sendTimeoutMs },
      };
      const handler = handlers[name] as (input: unknown, ctx: ServiceContext) => unknown;
      const value = await handler(input, ctx);
      const outcome: CallOutcome = { result: { ok: true, value } };
      if (session.issued) outcome.session = session.issued;
      else if (session.cleared) outcome.session = null;
      return outcome;
    } catch (err) {
      if (err instanceof ApiError) return { result: { ok: false, error: err.toData() } };
      const storage = storageError(err, () => describeProcesses(otherProcesses(options.dataDir)));
      if (storage) return { result: { ok: false, error: storage.toData() } };
      // Constraint violations that slipped past the service checks are conflicts, not crashes.
      if ((err as { code?: string })?.code?.startsWith('SQLITE_CONSTRAINT')) {
        return { result: { ok: false, error: { code: 'CONFLICT', message: 'Data bertabrakan dengan data yang sudah ada.', details: { reason: (err as Error).message } } } };
      }
      console.error(`[backend] ${method} failed:`, err);
      return { result: { ok: false, error: { code: 'INTERNAL', message: 'Terjadi kesalahan internal. Coba lagi; jika berulang, hubungi admin.' } } };
    }
  }

  return {
    get db() { return db; },
    dataDir: options.dataDir,
    jobs,
    call,
    onJobEvent: (listener) => jobs.subscribe(listener),
    settled: backups.settled,
    sendDue: outbox.runDue,
    close() {
      outbox.stop();
      closing.abort();
      backups.close();
    },
  };
}
