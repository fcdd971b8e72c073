// Two real programs write one database at once: `bangkom serve` taking a clerk's edits over
// HTTP while `bangkom roster import` runs from the command line. Both must finish, each waiting
// its turn: nothing lost, nothing doubled, no "internal error" and no 500.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { count, dbFile, peek, removeTempDirs, setupInput, tempDir } from '../helpers/backend.ts';
import { csvText, manyPeople, spaced } from '../helpers/roster.ts';
import { sessionFromCookies } from '../helpers/http.ts';

const BIN = path.resolve('bin/bangkom.js');
const children: ChildProcessWithoutNullStreams[] = [];

function start(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, BANGKOM_LANG: 'id', BANGKOM_DATA: '' } });
  children.push(child);
  return child;
}

function finished(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Starts `bangkom serve` on a free port and resolves with its address once it listens. */
async function serve(dataDir: string): Promise<string> {
  const child = start(['--data', dataDir, 'serve', '--port', '0']);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) resolve(m[0]);
    });
    child.on('close', (code) => reject(new Error(`serve ended (${code}): ${out}`)));
  });
}

async function post(base: string, method: string, body: unknown, token?: string) {
  const res = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { cookie: `bangkom_session=${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() as { ok: boolean; value?: unknown; error?: { code: string; details?: Record<string, unknown> } }, cookies: res.headers.getSetCookie() };
}

afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  removeTempDirs();
});

describe('two programs writing at once', () => {
  it('a CLI import during HTTP edits: both finish, every row exactly once', async () => {
    const dataDir = tempDir();
    const base = await serve(dataDir);
    const setup = await post(base, 'office.setup', setupInput());
    expect(setup.status).toBe(200);
    const token = sessionFromCookies(setup.cookies)!;

    // The import creates units and people; the HTTP side creates people (other NIPs) and units.
    const people = manyPeople(6000);
    const imported = people.slice(0, 3000);
    const typed = people.slice(3000);
    // Three units the office lacks (created by the import) and one it has.
    const units = ['Seksi Kebersihan', 'Seksi Pertamanan', 'Seksi Perparkiran', 'Seksi Pemerintahan'];
    const file = path.join(dataDir, '..', `${path.basename(dataDir)}-pegawai.csv`);
    fs.writeFileSync(file, csvText([['NIP', 'Nama', 'Unit Kerja'], ...imported.map((p, i) => [spaced(p.nip), `Pegawai Impor ${i}`, units[i % units.length]!])]));

    const cli = start(['--data', dataDir, 'roster', 'import', file, '--create-units', '--json']);
    const cliDone = finished(cli);
    let cliEnded = false;
    void cliDone.then(() => { cliEnded = true; });

    // The clerk keeps typing until the import has ended (bounded: at most 3000 writes or 60 s).
    const replies: { status: number; code?: string }[] = [];
    const deadline = Date.now() + 60_000;
    let i = 0;
    while (i < typed.length && Date.now() < deadline && !cliEnded) {
      const reply = i % 25 === 0
        ? await post(base, 'units.create', { name: `Unit Ketik ${i}` }, token)
        : await post(base, 'employees.create', { nip: spaced(typed[i]!.nip), name: `Pegawai Ketik ${i}` }, token);
      replies.push({ status: reply.status, code: reply.body.error?.code });
      i += 1;
    }
    const cliResult = await cliDone;

    expect(cliResult.stderr).toBe('');
    expect(cliResult.code).toBe(0);
    expect(JSON.parse(cliResult.stdout)).toMatchObject({ rows: 3000, created: 3000, errors: [] });
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);

    const typedPeople = replies.length - Math.ceil(replies.length / 25);
    const db = peek(dataDir);
    try {
      expect(count(db, 'SELECT count(*) AS n FROM employees')).toBe(3000 + typedPeople);
      expect(count(db, 'SELECT count(DISTINCT nip) AS n FROM employees')).toBe(3000 + typedPeople);
      for (const name of units) expect(count(db, 'SELECT count(*) AS n FROM units WHERE name = ?', name)).toBe(1);
      // Each write journalled once.
      expect(count(db, "SELECT count(*) AS n FROM change_journal WHERE entity = 'employee'")).toBe(3000 + typedPeople);
    } finally {
      db.close();
    }
  }, 120_000);

  it('a write lock held past the busy timeout by another Bangkom: "busy, try again", naming it', async () => {
    const dataDir = tempDir();
    const base = await serve(dataDir);
    const token = sessionFromCookies((await post(base, 'office.setup', setupInput())).cookies)!;
    const holder = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/fixtures/hold-write-lock.ts'), dataDir]);
    children.push(holder as ChildProcessWithoutNullStreams);
    await new Promise<void>((resolve) => holder.stdout.on('data', (d: Buffer) => { if (d.toString().includes('locked')) resolve(); }));

    const reply = await post(base, 'units.create', { name: 'Unit Tertahan' }, token);
    expect(reply.status).toBe(503);
    expect(reply.body.error).toMatchObject({ code: 'DB_BUSY', details: { who: expect.stringMatching(new RegExp(`^bangkom CLI \\(PID ${holder.pid},`)) } });

    holder.stdin.end();
    await new Promise((resolve) => holder.on('close', resolve));
    // Once the lock is gone the same write goes through: nothing was half written before.
    expect((await post(base, 'units.create', { name: 'Unit Tertahan' }, token)).status).toBe(200);
  }, 60_000);

  it('a write lock held by some other program: "locked by another program", not an internal error', async () => {
    const dataDir = tempDir();
    const base = await serve(dataDir);
    const token = sessionFromCookies((await post(base, 'office.setup', setupInput())).cookies)!;
    // A plain SQLite connection, as a database browser or a sync tool would open the file.
    const other = new Database(dbFile(dataDir));
    other.exec('BEGIN IMMEDIATE');
    try {
      const reply = await post(base, 'units.create', { name: 'Unit Tertahan' }, token);
      expect(reply.status).toBe(503);
      expect(reply.body.error?.code).toBe('DB_LOCKED');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await post(base, 'units.create', { name: 'Unit Tertahan' }, token)).status).toBe(200);
  }, 60_000);
});
