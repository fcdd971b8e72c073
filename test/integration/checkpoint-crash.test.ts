// Power cut while the WAL is copied back: a process that committed a 10,000-row import is
// killed (SIGKILL) at random moments during its idle checkpoint, or during the import itself.
// Every time, the next start must open the database, `db check` must find it intact, and the
// import must be there whole or not at all.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.ts';
import { count, dbFile, openTestBackend, peek, removeTempDirs, setUpOffice, tempDir } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { csvText, manyPeople, spaced } from '../helpers/roster.ts';

const CHILD = path.resolve('test/fixtures/checkpoint-crash-child.ts');
const ROWS = 10_000;
let base: Buffer;
let csvFile: string;

beforeAll(async () => {
  const t = openTestBackend();
  await setUpOffice(t);
  t.close();
  base = fs.readFileSync(dbFile(t.dataDir));
  csvFile = path.join(tempDir(), 'pegawai.csv');
  fs.writeFileSync(csvFile, csvText([['NIP', 'Nama'], ...manyPeople(ROWS).map((p, i) => [spaced(p.nip), `Pegawai ${i}`])]));
});
afterAll(() => removeTempDirs());

interface Crash { when: 'import' | 'checkpoint'; delayMs: number; walBytes: number }

/** Runs the child and kills it `delayMs` after it reports `trigger`; resolves once it is dead. */
function crashChild(dataDir: string, trigger: 'started' | 'committed', delayMs: number): Promise<{ killed: boolean; walBytes: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, csvFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let walBytes = 0;
  let killed = false;
  const kill = () => {
    walBytes = fs.existsSync(`${dbFile(dataDir)}-wal`) ? fs.statSync(`${dbFile(dataDir)}-wal`).size : 0;
    killed = child.kill('SIGKILL');
  };
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes(trigger) && !killed) setTimeout(kill, delayMs);
  });
  if (trigger === 'started') child.on('spawn', () => setTimeout(kill, delayMs));
  return new Promise((resolve) => child.on('close', () => resolve({ killed, walBytes })));
}

describe('a power cut during the idle checkpoint', () => {
  it('never leaves a database that the next start refuses, and never half an import', async () => {
    const crashes: Crash[] = [];
    // Most kills land just after the commit, while the WAL is being copied; a few during the import.
    const plan: Crash['when'][] = ['checkpoint', 'checkpoint', 'import', 'checkpoint', 'checkpoint', 'import', 'checkpoint', 'checkpoint', 'checkpoint', 'checkpoint'];
    for (const when of plan) {
      const dataDir = tempDir();
      fs.writeFileSync(dbFile(dataDir), base);
      const delayMs = when === 'checkpoint' ? Math.floor(Math.random() * 40) : 600 + Math.floor(Math.random() * 1500);
      const { walBytes } = await crashChild(dataDir, when === 'checkpoint' ? 'committed' : 'started', delayMs);
      crashes.push({ when, delayMs, walBytes });
      const label = JSON.stringify(crashes.at(-1));

      // The next start: the backend opens it (the same checks every door runs first).
      const backend = createBackend({ dataDir });
      backend.close();
      const check = await captureCli(['--data', dataDir, 'db', 'check', '--json']);
      expect(check.code, `${label} ${check.stdout}${check.stderr}`).toBe(0);
      expect(JSON.parse(check.stdout).ok, label).toBe(true);
      const db = peek(dataDir);
      const people = count(db, 'SELECT count(*) AS n FROM employees');
      db.close();
      expect([0, ROWS], label).toContain(people);
    }
    // The kills after the commit really found a WAL to copy back (else this test proves nothing).
    expect(crashes.filter((c) => c.when === 'checkpoint' && c.walBytes > 0).length).toBeGreaterThan(0);
  }, 180_000);
});
