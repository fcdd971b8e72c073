// The real `bangkom` executable (bin/bangkom.js running the bundle in dist/cli, which the suite's
// global set-up brings up to date), as an admin would run it in a terminal: exit codes, one-line
// errors, the password read from stdin.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../build/build-cli.mjs';
import { bundleState } from '../../bin/bundle-state.js';
import pkg from '../../package.json' with { type: 'json' };
import { dbFile, login, openTestBackend, removeTempDirs, tempDir } from '../helpers/backend.ts';
import { csvText, manyPeople, spaced } from '../helpers/roster.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/bangkom.js');

function bangkom(args: string[], input = ''): { code: number; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    input, encoding: 'utf8', timeout: 20_000, env: { ...process.env, BANGKOM_LANG: 'id', BANGKOM_DATA: '' },
  });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

let dataDir: string;

beforeAll(() => {
  dataDir = tempDir();
  const setup = bangkom(['--data', dataDir, 'office', 'setup', '--region', '16.71.14', '--signer-name', 'Camat Plaju', '--signer-nip', '19700101 199003 1 002']);
  expect(setup.stderr).toBe('');
  expect(setup.code).toBe(0);
  expect(setup.stdout).toBe('Kantor diatur: Kantor Kecamatan Plaju (16.71.14), Plaju, Kota Palembang.\n');
}, 30_000);
afterAll(() => removeTempDirs());

describe('bangkom (the executable)', () => {
  it('--version prints the version in package.json, and nothing else', () => {
    const run = bangkom(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(bangkom(['-V']).stdout).toBe(`${pkg.version}\n`);
  });

  it('runs the bundle: once built, dist/cli is up to date with every source it was made from', async () => {
    const { bundle, inputs } = await buildCli();
    expect(fs.existsSync(bundle)).toBe(true);
    expect(inputs).toContain('electron/cli/main.ts');
    expect(inputs).toContain('electron/backend/backend.ts');
    expect(inputs.some((f) => f.includes('node_modules'))).toBe(false);
    expect(bundleState(path.dirname(path.dirname(BIN)))).toBe('fresh');
    expect(bangkom(['--version']).stdout).toBe(`${pkg.version}\n`);
  }, 60_000);

  it('users add reads the password from stdin; the account can then log in', async () => {
    const add = bangkom(['--data', dataDir, 'users', 'add', '--username', 'camat', '--role', 'admin', '--full-name', 'Camat Plaju', '--password-stdin'], 'sandi-dari-terminal\n');
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toBe('Akun camat (admin) dibuat.\n');
    const t = openTestBackend({ dataDir });
    try {
      const token = await login(t, 'camat', 'sandi-dari-terminal');
      expect((await t.ok('auth.me', {}, token)).user).toMatchObject({ username: 'camat', role: 'admin' });
      // Made by the CLI: the journal says so by the missing user id, origin is the office.
      const row = t.backend.db.prepare("SELECT user_id, origin FROM change_journal WHERE entity = 'user' ORDER BY seq DESC LIMIT 1").get();
      expect(row).toEqual({ user_id: null, origin: '16.71.14' });
    } finally {
      t.close();
    }
  });

  it('a too-short password is refused with exit code 1 and one line naming the field', () => {
    const add = bangkom(['--data', dataDir, 'users', 'add', '--username', 'pendek', '--role', 'operator', '--password-stdin'], 'abc\n');
    expect(add.code).toBe(1);
    expect(add.stdout).toBe('');
    expect(add.stderr).toBe('bangkom: Kata sandi: Kata sandi minimal 8 karakter.\n');
  });

  it('a taken username is refused the same way', () => {
    const add = bangkom(['--data', dataDir, 'users', 'add', '--username', 'camat', '--role', 'operator', '--password-stdin'], 'sandi-lain-lagi\n');
    expect(add.code).toBe(1);
    expect(add.stderr).toBe('bangkom: Nama pengguna: Nama pengguna "camat" sudah dipakai.\n');
  });

  it('an invalid role is refused by the argument parser with a non-zero code', () => {
    const add = bangkom(['--data', dataDir, 'users', 'add', '--username', 'x1', '--role', 'root', '--password-stdin'], 'sandi-panjang\n');
    expect(add.code).not.toBe(0);
    expect(add.stderr).toMatch(/argument 'root' is invalid/);
  });

  it('db check exits 1 on a damaged file and 0 on a healthy one', () => {
    const bad = tempDir();
    fs.writeFileSync(dbFile(bad), Buffer.alloc(4096, 7));
    const broken = bangkom(['--data', bad, 'db', 'check']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^Basis data bermasalah/);
    const healthy = bangkom(['--data', dataDir, 'db', 'check', '--json']);
    expect(healthy.code).toBe(0);
    expect(JSON.parse(healthy.stdout)).toMatchObject({ ok: true });
  });

  it('users list shows the accounts', () => {
    const list = bangkom(['--data', dataDir, 'users', 'list', '--json']);
    expect(list.code).toBe(0);
    const users = JSON.parse(list.stdout) as { username: string }[];
    expect(users.map((u) => u.username)).toEqual(['camat']);
    expect(list.stdout).not.toMatch(/scrypt|passwordHash/);
  });

  it('a listing piped into `head` ends quietly when head has read enough', () => {
    const csv = path.join(tempDir(), 'pegawai.csv');
    fs.writeFileSync(csv, csvText([['NIP', 'Nama'], ...manyPeople(3000).map((p, i) => [spaced(p.nip), `Pegawai ${i}`])]));
    expect(bangkom(['--data', dataDir, 'roster', 'import', csv]).code).toBe(0);
    const res = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" --data "${dataDir}" employees list | head -n 2`], {
      encoding: 'utf8', timeout: 20_000, env: { ...process.env, BANGKOM_LANG: 'id', BANGKOM_DATA: '' },
    });
    expect(res.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(res.stderr).toBe('');
  });

  it('keeps the data folder and the database private to the user where the system has modes', () => {
    if (process.platform === 'win32') return;
    const fresh = path.join(tempDir(), 'Bangkom');
    expect(bangkom(['--data', fresh, 'db', 'migrate']).code).toBe(0);
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o700);
    expect(fs.statSync(dbFile(fresh)).mode & 0o777).toBe(0o600);
  });
});

