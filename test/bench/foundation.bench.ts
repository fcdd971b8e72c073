import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import { startHttpServer } from '../../electron/server/http.ts';
import { startBackendWorker } from '../../electron/backend/worker-client.ts';
import { createIpcHandler } from '../../electron/main/ipc-handler.ts';
import { measure, measurePair, report, timed, withRatio } from './harness.ts';

const SETUP = {
  regionCode: '16.71.14', name: 'Kantor Kecamatan Plaju', address: '', timezone: 'Asia/Jakarta',
  signer: { name: 'Camat Plaju', nip: '19700101 199003 1 002', title: 'Camat' },
  admin: { username: 'admin', fullName: 'Admin', password: 'rahasia-bench' },
};

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-bench-'));

async function setUp(backend: Backend): Promise<string> {
  const outcome = await backend.call('office.setup', SETUP, { door: 'test' });
  if (!outcome.result.ok || typeof outcome.session !== 'string') throw new Error('setup failed');
  return outcome.session;
}

/** backend.cold_start: open a new data folder, migrate the empty database, answer a call. */
export async function coldStart(): Promise<void> {
  const runs = 20;
  const dirs: string[] = [];
  const ms = await measure(runs, async () => {
    const dir = tempDir();
    dirs.push(dir);
    const backend = createBackend({ dataDir: dir });
    await backend.call('system.status', {}, { door: 'test' });
    backend.close();
  });
  const raw = await measure(runs, () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = new Database(path.join(dir, 'raw.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, v TEXT)');
    db.prepare('SELECT count(*) FROM t').get();
    db.close();
  });
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  report(withRatio('backend.cold_start', runs, ms, raw));
}

/** http.roundtrip: an authenticated trivial call over loopback, against a bare node:http echo. */
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
  const ms = await measure(runs, call, 50);
  const base = await measure(runs, rawCall, 50);
  await server.close();
  raw.close();
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
  report(withRatio('http.roundtrip', runs, ms, base));
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
