// Shared set-up for integration tests: a real SQLite file in a fresh temp folder, a backend on
// it with a clock the test moves, and small helpers to call the contract like a door does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { ApiErrorData, CallResult, ErrorCode } from '../../shared/contract/errors.ts';
import type { Input, MethodName, Output } from '../../shared/contract/index.ts';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import { DB_FILE } from '../../electron/backend/paths.ts';

const made: string[] = [];

/** A fresh folder under the OS temp dir; removed by `removeTempDirs`. */
export function tempDir(prefix = 'bangkom-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export const dbFile = (dataDir: string) => path.join(dataDir, DB_FILE);

/** A clock the test moves by hand. */
export class FakeClock {
  private t: number;
  constructor(start = '2026-11-25T02:00:00.000Z') { this.t = Date.parse(start); }
  now = (): Date => new Date(this.t);
  advance(ms: number): void { this.t += ms; }
  advanceSeconds(s: number): void { this.t += s * 1000; }
  iso(): string { return new Date(this.t).toISOString(); }
}

export interface TestBackend {
  backend: Backend;
  dataDir: string;
  clock: FakeClock;
  /** backend.call as a logged-in user (token) or anonymous (null), door 'test'. */
  call<M extends MethodName>(method: M, input: Input<M> | unknown, token?: string | null): Promise<CallResult<Output<M>>>;
  /** Like `call`, but the value or a thrown Error with the typed error. */
  ok<M extends MethodName>(method: M, input: Input<M> | unknown, token?: string | null): Promise<Output<M>>;
  /** The typed error of a call that must fail with `code`. */
  fails(method: MethodName | string, input: unknown, code: ErrorCode, token?: string | null): Promise<ApiErrorData>;
  close(): void;
}

/** `autoBackup` (the daily backup) is off unless a test asks: the doors turn it on, the suite stays fast. */
export function openTestBackend(options: { dataDir?: string; clock?: FakeClock; autoBackup?: boolean; sendTimeoutMs?: number } = {}): TestBackend {
  const dataDir = options.dataDir ?? tempDir();
  const clock = options.clock ?? new FakeClock();
  const backend = createBackend({ dataDir, now: clock.now, autoBackup: options.autoBackup ?? false, sendTimeoutMs: options.sendTimeoutMs });
  const call = async (method: string, input: unknown, token: string | null = null) =>
    (await backend.call(method, input, { door: 'test', sessionToken: token })).result;
  return {
    backend,
    dataDir,
    clock,
    call: call as TestBackend['call'],
    ok: (async (method: string, input: unknown, token?: string | null) => {
      const result = await call(method, input, token);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    }) as TestBackend['ok'],
    fails: async (method, input, code, token) => {
      const result = await call(method, input, token);
      if (result.ok) throw new Error(`${method} should fail with ${code}, got ${JSON.stringify(result.value)}`);
      expect(result.error.code, JSON.stringify(result.error)).toBe(code);
      return result.error;
    },
    close: () => backend.close(),
  };
}

export const ADMIN = { username: 'admin', fullName: 'Admin Plaju', password: 'rahasia-admin' };
export const SIGNER_NIP = '19700101 199003 1 002';
export const SIGNER_NIP_DIGITS = '197001011990031002';

/** What the clerk types on the first-run screen for Kecamatan Plaju, Palembang. */
export function setupInput(overrides: Record<string, unknown> = {}) {
  return {
    regionCode: '16.71.14',
    name: 'Kantor Kecamatan Plaju',
    address: 'Jl. DI Panjaitan, Plaju',
    timezone: 'Asia/Jakarta',
    signer: { name: 'Drs. H. Camat Plaju', nip: SIGNER_NIP, title: 'Camat Plaju' },
    admin: ADMIN,
    ...overrides,
  };
}

/** Runs first-time setup through the contract; returns the admin's session token. */
export async function setUpOffice(t: TestBackend, overrides: Record<string, unknown> = {}): Promise<string> {
  const outcome = await t.backend.call('office.setup', setupInput(overrides), { door: 'test' });
  if (!outcome.result.ok) throw new Error(`setup failed: ${JSON.stringify(outcome.result.error)}`);
  if (typeof outcome.session !== 'string') throw new Error('setup gave no session');
  return outcome.session;
}

/** A data folder with the office set up and nothing open on it, for tests that run the CLI. */
export async function officeFolder(): Promise<string> {
  const t = openTestBackend();
  await setUpOffice(t);
  t.close();
  return t.dataDir;
}

/** Logs in through the contract; returns the session token. */
export async function login(t: TestBackend, username: string, password: string): Promise<string> {
  const outcome = await t.backend.call('auth.login', { username, password }, { door: 'test' });
  if (!outcome.result.ok) throw new Error(`login failed: ${JSON.stringify(outcome.result.error)}`);
  if (typeof outcome.session !== 'string') throw new Error('login gave no session');
  return outcome.session;
}

export const OPERATOR = { username: 'siti', fullName: 'Siti Aminah', role: 'operator' as const, password: 'operator-plaju' };

/** Admin creates an operator account, and the operator logs in. */
export async function addOperator(t: TestBackend, adminToken: string, user = OPERATOR): Promise<{ id: string; token: string }> {
  const created = await t.ok('users.create', user, adminToken);
  return { id: created.id, token: await login(t, user.username, user.password) };
}

/** A second, raw connection to the database file, for looking at rows the services wrote. */
export function peek(dataDir: string): Database.Database {
  return new Database(dbFile(dataDir), { readonly: true, fileMustExist: true });
}

export function count(db: Database.Database, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}
