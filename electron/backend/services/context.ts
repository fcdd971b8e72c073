import type { Role } from '../../../shared/contract/common.ts';
import type { Db } from '../db/open.ts';
import type { JobRunner } from '../jobs/runner.ts';
import type { BackupHost } from '../backup/host.ts';

/** `timer`: the backend's own background work (the outbox's automatic retries). */
export type Door = 'http' | 'ipc' | 'cli' | 'test' | 'timer';

export interface Actor {
  userId: string | null;
  username: string;
  role: Role;
}

/** The CLI runs with the rights of whoever can read the data folder: an admin. */
export function cliActor(osUser: string): Actor {
  return { userId: null, username: `cli:${osUser}`, role: 'admin' };
}

/** Session changes a service asks its door to carry out (set or clear the cookie, etc.). */
export interface SessionControl {
  token: string | null;
  issued?: string;
  cleared?: boolean;
}

export interface ServiceContext {
  db: Db;
  dataDir: string;
  door: Door;
  actor: Actor | null;
  session: SessionControl;
  jobs: JobRunner;
  now(): Date;
  /** The backend's hold on the database, for backups and restore; absent outside a backend. */
  backupHost?: BackupHost;
  /** For uploads to the city (batch.send): aborted when the backend closes; absent outside a backend. */
  sending?: SendingHost;
}

export interface SendingHost {
  /** Aborted when the backend closes: an upload in flight stops and writes nothing. */
  signal: AbortSignal;
  /** How long one upload may take before it counts as failed; by default it grows with the file. */
  timeoutMs?: number;
}

export function nowIso(ctx: Pick<ServiceContext, 'now'>): string {
  return ctx.now().toISOString();
}

/** Stamp for a write: when, by whom, from which office. */
export interface WriteMeta {
  at: string;
  actor: Actor | null;
  origin: string;
}
