// Power cut while a batch is made or imported: the process is killed (SIGKILL) at random moments.
// Every time the next start opens the data folder, `db check` finds it intact, and the batch is
// there whole or not at all: at the kecamatan, the outbox holds only files of batches it knows,
// and the next export makes the batch; at the city, all of the batch's rows or none, and the
// next import brings each row in once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, dbFile, openTestBackend, peek, removeTempDirs, setUpOffice, tempDir } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { fillKecamatanYear } from '../helpers/kecamatan-year.ts';

const CHILD = path.resolve('test/fixtures/batch-crash-child.ts');
const YEAR = { employees: 3000, events: 40, sessionsPerEvent: 4, enrolledPerEvent: 60, outsideRecords: 1500 };

let kecamatanBase: Buffer;
let cityBase: Buffer;
let batchFile: string;
let rowsInBatch: number;

beforeAll(async () => {
  const k = openTestBackend();
  const token = await setUpOffice(k);
  fillKecamatanYear(k.backend.db, '16.71.14', YEAR, k.clock.iso());
  k.backend.db.pragma('wal_checkpoint(TRUNCATE)');
  kecamatanBase = fs.readFileSync(dbFile(k.dataDir));
  const trust = await k.ok('trust.export', {}, token);
  const made = await k.ok('batch.export', {}, token);
  batchFile = path.join(tempDir('bangkom-usb-'), made.fileName);
  fs.copyFileSync(made.file, batchFile);
  rowsInBatch = Object.entries(made.counts).filter(([e]) => e !== 'tombstones').reduce((n, [, c]) => n + c, 0);
  k.close();

  const city = openTestBackend();
  const cityToken = await setUpOffice(city, {
    regionCode: '16.71', kind: 'kota', name: 'BKPSDM Kota Palembang',
    signer: { name: 'Kepala BKPSDM', nip: '19700101 199003 1 002', title: 'Kepala BKPSDM' },
  });
  await city.ok('trust.import', { fileName: trust.fileName, dataBase64: trust.dataBase64, confirm: true }, cityToken);
  // The city's signing key exists before any kill, as it would after the first receipt.
  await city.ok('batch.import', { fileName: 'none.bkbatch', dataBase64: Buffer.from('not a zip').toString('base64') }, cityToken);
  city.backend.db.pragma('wal_checkpoint(TRUNCATE)');
  city.close();
  cityBase = fs.readFileSync(dbFile(city.dataDir));
}, 120_000);
afterAll(() => removeTempDirs());

/**
 * Runs the child and kills it `delayMs` after it says "started" (never with null); resolves once
 * it is dead, with how long the work took when it finished.
 */
function crashChild(args: string[], delayMs: number | null): Promise<{ finished: boolean; workMs: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let started = 0;
  let workMs = 0;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (!started && out.includes('started')) {
      started = performance.now();
      if (delayMs !== null) setTimeout(() => child.kill('SIGKILL'), delayMs);
    }
    if (!workMs && out.includes('committed')) workMs = performance.now() - started;
  });
  return new Promise((resolve) => child.on('close', () => resolve({ finished: out.includes('committed'), workMs })));
}

/** How long the child's work takes here, uninterrupted: the kills are spread over it. */
async function workTime(args: () => string[]): Promise<number> {
  const { finished, workMs } = await crashChild(args(), null);
  expect(finished).toBe(true);
  return workMs;
}

async function expectIntact(dataDir: string, label: string) {
  const check = await captureCli(['--data', dataDir, 'db', 'check', '--json']);
  expect(check.code, `${label} ${check.stdout}${check.stderr}`).toBe(0);
  expect(JSON.parse(check.stdout).ok, label).toBe(true);
}

describe('a power cut while a batch is made or imported', () => {
  it('at the kecamatan: the batch is in the outbox whole or not at all, and the next export makes it', async () => {
    const fresh = () => {
      const dataDir = tempDir();
      fs.writeFileSync(dbFile(dataDir), kecamatanBase);
      return dataDir;
    };
    const workMs = await workTime(() => ['export', fresh()]);
    const outcomes: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      const dataDir = fresh();
      const delayMs = Math.floor(Math.random() * workMs * 1.1);
      const { finished } = await crashChild(['export', dataDir], delayMs);
      outcomes.push(finished);
      const label = JSON.stringify({ i, delayMs, finished });
      await expectIntact(dataDir, label);
      const db = peek(dataDir);
      const known = db.prepare('SELECT file_name FROM batches').pluck().all() as string[];
      db.close();
      expect(known.length, label).toBeLessThanOrEqual(1);
      // The next export makes batch 1 (or gives back the one made), and the outbox then holds just it.
      const run = await captureCli(['--data', dataDir, 'batch', 'export', '--json']);
      expect(run.code, `${label} ${run.stderr}`).toBe(0);
      const made = JSON.parse(run.stdout) as { seq: number; file: string };
      expect(made.seq, label).toBe(1);
      expect(fs.readdirSync(path.join(dataDir, 'outbox')), label).toEqual([path.basename(made.file)]);
    }
    // Some kills really landed before the end (else this proves nothing).
    expect(outcomes.filter((f) => !f).length).toBeGreaterThan(0);
  }, 180_000);

  it('what a cut left in the outbox (a half-written file, a batch never committed) is swept by the next export', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(dbFile(dataDir), kecamatanBase);
    const outbox = path.join(dataDir, 'outbox');
    fs.mkdirSync(outbox);
    const orphan = 'Bangkom-16.71.14-Plaju-00001-2026-01-01.bkbatch';
    fs.writeFileSync(path.join(outbox, orphan), 'a batch whose row was never committed');
    fs.writeFileSync(path.join(outbox, `.${orphan}.4242.tmp`), 'half');
    fs.writeFileSync(path.join(outbox, 'catatan.txt'), 'a note the clerk left');
    const run = await captureCli(['--data', dataDir, 'batch', 'export', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const made = JSON.parse(run.stdout) as { seq: number; file: string };
    expect(made.seq).toBe(1);
    expect(fs.readdirSync(outbox).sort()).toEqual([path.basename(made.file), 'catatan.txt'].sort());
  });

  it('at the city: all of the batch\'s rows or none, and the next import brings each row in once', async () => {
    const fresh = () => {
      const dataDir = tempDir();
      fs.writeFileSync(dbFile(dataDir), cityBase);
      return dataDir;
    };
    const workMs = await workTime(() => ['import', fresh(), batchFile]);
    const outcomes: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      const dataDir = fresh();
      const delayMs = Math.floor(Math.random() * workMs * 1.1);
      const { finished } = await crashChild(['import', dataDir, batchFile], delayMs);
      outcomes.push(finished);
      const label = JSON.stringify({ i, delayMs, finished });
      await expectIntact(dataDir, label);
      let db = peek(dataDir);
      const rows = count(db, 'SELECT count(*) AS n FROM city_rows');
      const batches = count(db, "SELECT count(*) AS n FROM city_batches WHERE status = 'imported'");
      db.close();
      expect([[0, 0], [rowsInBatch, 1]], label).toContainEqual([rows, batches]);
      const run = await captureCli(['--data', dataDir, 'batch', 'import', batchFile, '--json']);
      expect(run.code, `${label} ${run.stderr}`).toBe(0);
      expect(JSON.parse(run.stdout)[0].status, label).toBe(batches ? 'already_imported' : 'imported');
      db = peek(dataDir);
      expect(count(db, 'SELECT count(*) AS n FROM city_rows'), label).toBe(rowsInBatch);
      db.close();
    }
    expect(outcomes.filter((f) => !f).length).toBeGreaterThan(0);
  }, 240_000);
});
