import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { bundleState } from '../../bin/bundle-state.js';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import { DB_FILE } from '../../electron/backend/paths.ts';
import { startHttpServer } from '../../electron/server/http.ts';
import { startBackendWorker } from '../../electron/backend/worker-client.ts';
import { createIpcHandler } from '../../electron/main/ipc-handler.ts';
import { PLAJU_SETUP, measureInTurns, measurePair, report, timed, withRatio } from './harness.ts';
import { rosterCsv } from './roster.bench.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'bangkom.js');

const SETUP = {
  ...PLAJU_SETUP,
  admin: { username: 'admin', fullName: 'Admin', password: 'rahasia-bench' },
};

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-bench-'));

async function setUp(backend: Backend): Promise<string> {
  const outcome = await backend.call('office.setup', SETUP, { door: 'test' });
  if (!outcome.result.ok || typeof outcome.session !== 'string') throw new Error('setup failed');
  return outcome.session;
}

/**
 * backend.cold_start: open a new data folder, migrate the empty database, answer a call; against
 * a raw better-sqlite3 file made the same way (WAL, one table, one query). The two in turns.
 */
export async function coldStart(): Promise<void> {
  const runs = 20;
  const dirs: string[] = [];
  const { medianMs: ms, baselineMs: raw } = await measurePair(runs, timed(async () => {
    const dir = tempDir();
    dirs.push(dir);
    const backend = createBackend({ dataDir: dir });
    await backend.call('system.status', {}, { door: 'test' });
    backend.close();
  }), timed(() => {
    const dir = tempDir();
    dirs.push(dir);
    const db = new Database(path.join(dir, 'raw.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, v TEXT)');
    db.prepare('SELECT count(*) FROM t').get();
    db.close();
  }), 3);
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  report(withRatio('backend.cold_start', runs, ms, raw));
}

/**
 * backend.open_10k: the daily case, reopening an existing data folder of 10,000 employees (the
 * file checked with quick_check, WAL and pragmas set, migrations looked at, one call answered,
 * closed); against opening the same file with plain better-sqlite3 and one trivial query. The
 * two in turns, with the raw quick_check of the file alone as a third, for scale.
 */
export async function open10k(): Promise<void> {
  const dir = tempDir();
  const seed = createBackend({ dataDir: dir });
  const token = await setUp(seed);
  const imported = await seed.call('roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(rosterCsv(10_000)).toString('base64') }, { door: 'test', sessionToken: token });
  if (!imported.result.ok || (imported.result.value as { created: number }).created !== 10_000) throw new Error('import failed');
  seed.close();
  const file = path.join(dir, DB_FILE);
  const runs = 20;
  const { open, raw, quickCheck } = await measureInTurns(runs, {
    open: timed(async () => {
      const backend = createBackend({ dataDir: dir });
      const { result } = await backend.call('system.status', {}, { door: 'test' });
      if (!result.ok) throw new Error('status failed');
      backend.close();
    }),
    raw: timed(() => {
      const db = new Database(file);
      db.prepare('SELECT count(*) FROM employees').get();
      db.close();
    }),
    quickCheck: timed(() => {
      const db = new Database(file, { readonly: true });
      db.pragma('quick_check(5)');
      db.close();
    }),
  }, 3);
  const mb = Math.round((fs.statSync(file).size / 1024 / 1024) * 10) / 10;
  fs.rmSync(dir, { recursive: true, force: true });
  report({ ...withRatio('backend.open_10k', runs, open, raw), quick_check_ms: quickCheck, db_mb: mb });
}

/**
 * http.roundtrip: an authenticated trivial call over loopback, against a bare node:http echo;
 * the two in turns.
 */
export async function httpRoundtrip(): Promise<void> {
  const dir = tempDir();
  const backend = createBackend({ dataDir: dir });
  const token = await setUp(backend);
  const server = await startHttpServer({ backend, port: 0 });
  const cookie = `bangkom_session=${token}`;
  const call = async () => {
    const res = await fetch(`${server.url}api/system.ping`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}' });
    const body = (await res.json()) as { ok: boolean };
    if (!body.ok) throw new Error('ping failed');
  };
  const raw = http.createServer((_req, res) => { res.setHeader('content-type', 'application/json'); res.end('{"ok":true}'); });
  await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
  const rawUrl = `http://127.0.0.1:${(raw.address() as { port: number }).port}/`;
  const rawCall = async () => { await (await fetch(rawUrl, { method: 'POST', body: '{}' })).json(); };
  const runs = 500;
  const { medianMs: ms, baselineMs: base } = await measurePair(runs, timed(call), timed(rawCall), 50);
  await server.close();
  raw.close();
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
  report(withRatio('http.roundtrip', runs, ms, base));
}

/**
 * cli.cold_start: `bangkom --version` as a whole process (node bin/bangkom.js --version, which
 * runs the bundle in dist/cli while it is up to date), against `node -e 0`; the two in turns.
 * `bundle` says whether the bundle or the sources (tsx) ran.
 */
export async function cliColdStart(): Promise<void> {
  const env = { ...process.env, NODE_OPTIONS: '' };
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const spawnTimed = (args: string[], expected: string) => () => {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    const elapsed = performance.now() - start;
    if (run.status !== 0 || run.stdout !== expected) throw new Error(`${args.join(' ')}: ${run.status} ${run.stdout}${run.stderr}`);
    return elapsed;
  };
  const runs = 20;
  const { medianMs: ms, baselineMs: base } = await measurePair(runs, spawnTimed([BIN, '--version'], `${version}\n`), spawnTimed(['-e', '0'], ''), 2);
  report({ ...withRatio('cli.cold_start', runs, ms, base), bundle: bundleState(ROOT) });
}

/** ipc.roundtrip: the IPC handler path (sender check, schema, worker backend), against a bare worker echo. */
export async function ipcRoundtrip(): Promise<void> {
  const dir = tempDir();
  const client = await startBackendWorker(dir);
  const handler = createIpcHandler(client);
  const event = { sender: { id: 1 }, senderFrame: { url: 'app://bangkom/index.html', parent: null } };
  const setup = await handler(event, 'office.setup', SETUP);
  if (!setup.ok) throw new Error('setup failed');
  const call = async () => {
    const r = await handler(event, 'system.ping', {});
    if (!r.ok) throw new Error('ping failed');
  };
  const echo = new Worker("require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m));", { eval: true });
  const rawCall = () => new Promise<void>((resolve) => { echo.once('message', () => resolve()); echo.postMessage({ method: 'system.ping', input: {} }); });
  const runs = 1000;
  const { medianMs: ms, baselineMs: base } = await measurePair(runs, timed(call), timed(rawCall), 100);
  await echo.terminate();
  await client.close();
  fs.rmSync(dir, { recursive: true, force: true });
  report(withRatio('ipc.roundtrip', runs, ms, base));
}
