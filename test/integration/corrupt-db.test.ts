// A damaged database file is refused with a plain message and never written to; `bangkom db
// check` reports what is wrong (read-only) and says so with its exit code.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors.ts';
import { createBackend } from '../../electron/backend/backend.ts';
import { DB_FILE } from '../../electron/backend/paths.ts';
import { LATEST_VERSION } from '../../electron/backend/db/migrations/index.ts';
import { dbFile, openTestBackend, removeTempDirs, setUpOffice, tempDir } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';

/** A real, set-up database (office, units, admin), closed, as bytes. */
let healthy: Buffer;

beforeAll(async () => {
  const t = openTestBackend();
  await setUpOffice(t);
  t.close();
  healthy = fs.readFileSync(dbFile(t.dataDir));
  expect(healthy.length).toBeGreaterThan(8 * 4096);
});
afterAll(() => removeTempDirs());

function folderWith(bytes: Buffer): { dataDir: string; file: string } {
  const dataDir = tempDir();
  const file = dbFile(dataDir);
  fs.writeFileSync(file, bytes);
  return { dataDir, file };
}

function garbage(size: number): Buffer {
  const b = Buffer.alloc(size);
  let x = 42;
  for (let i = 0; i < size; i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; b[i] = x >> 16; }
  return b;
}

/** Page 4 onwards overwritten with noise: the header is intact, the b-trees are not. */
function damagedPages(): Buffer {
  const b = Buffer.from(healthy);
  garbage(b.length - 3 * 4096).copy(b, 3 * 4096);
  return b;
}

/** How the problem is told: specific where the header tells it, SQLite's own words otherwise. */
const CASES: [string, () => Buffer, RegExp][] = [
  ['a truncated file', () => healthy.subarray(0, Math.floor(healthy.length / 2)), /^file is truncated: \d+ bytes, header says \d+$/],
  ['a garbage file', () => garbage(64 * 1024), /^not a SQLite database \(wrong header\)$/],
  ['a file shorter than a header', () => Buffer.from('SQLite format 3\0'), /^file is only 16 bytes, shorter than a database header$/],
  ['a file with damaged pages', damagedPages, /malformed|corrupt|invalid|page/i],
];

describe('a damaged database file', () => {
  for (const [name, make, problem] of CASES) {
    it(`${name}: createBackend throws DB_CORRUPT with a plain message, the file is left as it was`, () => {
      const { dataDir, file } = folderWith(make());
      const bytes = fs.readFileSync(file);
      const mtime = fs.statSync(file).mtimeMs;
      let error: unknown;
      try {
        createBackend({ dataDir }).close();
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('DB_CORRUPT');
      expect((error as ApiError).message).toMatch(/^Berkas basis data rusak \(.+\): .+\. Tidak ada yang ditulis ke berkas itu; pulihkan dari cadangan\.$/);
      expect((error as ApiError).message).not.toMatch(/\n/);
      expect((error as ApiError).details).toMatchObject({ file, problem: expect.stringMatching(problem) });
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
      expect(fs.statSync(file).mtimeMs).toBe(mtime);
      // The read-only probe of a WAL database may leave SQLite's empty companion files, nothing else.
      for (const extra of fs.readdirSync(dataDir).filter((f) => f !== DB_FILE)) {
        expect(extra).toMatch(new RegExp(`^${DB_FILE}-(wal|shm)$`));
        if (extra.endsWith('-wal')) expect(fs.statSync(path.join(dataDir, extra)).size).toBe(0);
      }
    });

    it(`${name}: \`bangkom db check\` reports it, exits 1 and writes nothing`, async () => {
      const { dataDir, file } = folderWith(make());
      const bytes = fs.readFileSync(file);
      const run = await captureCli(['--data', dataDir, 'db', 'check']);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^Basis data bermasalah \(.+\)\. Tidak ada yang diubah\.\n- keutuhan: .+/);
      expect(run.stdout.split('\n')[1]!.slice('- keutuhan: '.length)).toMatch(problem);
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
      const json = await captureCli(['--data', dataDir, 'db', 'check', '--json']);
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout) as { ok: boolean; integrity: string[] };
      expect(report.ok).toBe(false);
      expect(report.integrity.length).toBeGreaterThan(0);
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    });
  }

  it('other commands refuse it with one line', async () => {
    const { dataDir } = folderWith(garbage(8192));
    const run = await captureCli(['--data', dataDir, 'office', 'show']);
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^bangkom: Berkas basis data rusak/)]);
  });
});

describe('bangkom db check', () => {
  it('on a healthy database prints one JSON document with ok: true and exits 0', async () => {
    const { dataDir, file } = folderWith(healthy);
    const run = await captureCli(['--data', dataDir, 'db', 'check', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ ok: true, integrity: [], foreignKeys: [], version: LATEST_VERSION, file });
    const human = await captureCli(['--data', dataDir, 'db', 'check']);
    expect(human.code).toBe(0);
    expect(human.stdout).toBe(`Basis data utuh (${file}, skema ${LATEST_VERSION}).\n`);
  });

  it('a failed check does not leak its exit code into the next command of the same process', async () => {
    const bad = folderWith(garbage(8192));
    const good = folderWith(healthy);
    expect((await captureCli(['--data', bad.dataDir, 'db', 'check'])).code).toBe(1);
    expect((await captureCli(['--data', good.dataDir, 'db', 'check'])).code).toBe(0);
    expect((await captureCli(['--data', good.dataDir, 'db', 'migrate'])).code).toBe(0);
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('reports a missing database with exit code 1 and creates nothing', async () => {
    const dataDir = tempDir();
    const run = await captureCli(['--data', dataDir, 'db', 'check']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^bangkom: Belum ada basis data di .+/);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('reports a session row whose user does not exist (a foreign-key problem)', async () => {
    const { dataDir, file } = folderWith(healthy);
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    raw.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run('orphan', 'no-such-user', '2026-11-25T00:00:00.000Z', '2026-11-26T00:00:00.000Z');
    raw.close();
    const bytes = fs.readFileSync(file);

    const run = await captureCli(['--data', dataDir, 'db', 'check', '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; integrity: string[]; foreignKeys: { table: string; parent: string }[] };
    expect(report.ok).toBe(false);
    expect(report.integrity).toEqual([]);
    expect(report.foreignKeys).toEqual([expect.objectContaining({ table: 'sessions', parent: 'users' })]);

    const human = await captureCli(['--data', dataDir, 'db', 'check']);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/- kunci asing: tabel sessions baris \d+ merujuk users yang tidak ada/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('the same check runs as a job inside the app and finds the same problem', async () => {
    const { dataDir, file } = folderWith(healthy);
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    raw.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run('orphan', 'no-such-user', '2026-11-25T00:00:00.000Z', '2026-11-26T00:00:00.000Z');
    raw.close();
    const t = openTestBackend({ dataDir });
    try {
      const outcome = await t.backend.call('auth.login', { username: 'admin', password: 'rahasia-admin' }, { door: 'test' });
      const token = outcome.session!;
      const done = new Promise<unknown>((resolve) => {
        const off = t.backend.onJobEvent((e) => { if (e.state !== 'running') { off(); resolve(e); } });
      });
      await t.ok('maintenance.check', {}, token);
      expect(await done).toMatchObject({ state: 'done', result: { ok: false, foreignKeys: [{ table: 'sessions', parent: 'users' }] } });
    } finally {
      t.close();
    }
  });
});

it('a data folder path with spaces and non-ASCII letters works', async () => {
  const dataDir = path.join(tempDir(), 'Data Kecamatan Plajü');
  const run = await captureCli(['--data', dataDir, 'db', 'migrate']);
  expect(run.code).toBe(0);
  expect(fs.existsSync(dbFile(dataDir))).toBe(true);
});
