// `bangkom backup create|list|verify|restore`: in-process through the real command parser for
// the JSON shapes and exit codes, and as real processes where the test is about processes: a
// command waits for the daily backup before it exits, and a restore is refused while another
// Bangkom (a real `bangkom serve`) has the data folder open, naming it, and works once it ends.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dbFile, openTestBackend, peek, removeTempDirs, setUpOffice, tempDir, type FakeClock } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { rosterCsv } from '../helpers/trainings.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/bangkom.js');
const ENV = { ...process.env, BANGKOM_LANG: 'id', BANGKOM_DATA: '' };

afterAll(() => removeTempDirs());

function bangkom(args: string[]): { code: number; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000, env: ENV });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

const people = (dataDir: string) => {
  const db = peek(dataDir);
  try {
    return db.prepare('SELECT count(*) FROM employees WHERE deleted_at IS NULL').pluck().get() as number;
  } finally {
    db.close();
  }
};

/** A set-up office (Plaju) with `n` people, closed again: the folder is free for the commands. */
async function office(n: number, clock?: FakeClock): Promise<string> {
  const t = openTestBackend({ clock });
  const token = await setUpOffice(t);
  await t.ok('roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(rosterCsv(n)).toString('base64') }, token);
  t.close();
  return t.dataDir;
}

const BACKUP_FILE_KEYS = ['appVersion', 'counts', 'createdAt', 'fileName', 'formatVersion', 'kind', 'officeCode', 'officeName', 'path', 'schemaVersion', 'size'];

describe('bangkom backup (in-process)', () => {
  it('create, list, verify and restore with --json: one document each, the contract\'s shapes', async () => {
    const dataDir = await office(6);
    const run = (...args: string[]) => captureCli(['--data', dataDir, 'backup', ...args]);

    const created = await run('create', '--json');
    expect(created.code).toBe(0);
    const made = JSON.parse(created.stdout);
    expect(Object.keys(made).sort()).toEqual(BACKUP_FILE_KEYS);
    expect(made).toMatchObject({ kind: 'manual', officeCode: '16.71.14', counts: { people: 6, events: 0, attendanceMarks: 0, accounts: 1 } });

    const listed = await run('list', '--json');
    const listing = JSON.parse(listed.stdout);
    expect(Object.keys(listing).sort()).toEqual(['backups', 'folder', 'unreadable']);
    expect(listing.folder).toBe(path.join(dataDir, 'backups'));
    // The command itself was the first use of the day: the daily backup is there too.
    expect(listing.backups.map((b: { kind: string }) => b.kind).sort()).toEqual(['harian', 'manual']);

    const verified = await run('verify', made.path, '--json');
    expect(verified.code).toBe(0);
    const report = JSON.parse(verified.stdout);
    expect(Object.keys(report).sort()).toEqual(['current', 'fileName', 'info', 'ok', 'path', 'problems', 'size']);
    expect(report).toMatchObject({ ok: true, problems: [], info: { officeCode: '16.71.14', schemaVersion: made.schemaVersion, counts: made.counts } });

    // More people, then back to the backup.
    const more = await captureCli(['--data', dataDir, 'roster', 'import', writeCsv(9), '--json']);
    expect(more.code).toBe(0);
    expect(people(dataDir)).toBe(9);

    const refused = await run('restore', made.path);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^bangkom: Pemulihan mengganti seluruh data .* --yes\.\n$/);
    expect(people(dataDir)).toBe(9);

    const restored = await run('restore', made.path, '--yes', '--json');
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const done = JSON.parse(restored.stdout);
    expect(Object.keys(done).sort()).toEqual(['after', 'before', 'loginAgain', 'migratedFrom', 'restored', 'safetyBackup']);
    expect(done).toMatchObject({ before: { counts: { people: 9 } }, after: { counts: { people: 6 } }, loginAgain: true, migratedFrom: null, safetyBackup: { kind: 'sebelum-pemulihan' } });
    expect(people(dataDir)).toBe(6);

    // The human forms: one line per backup, the contents of a file, the restore's summary.
    expect((await run('list')).stdout).toMatch(/^Folder cadangan: .*\n.*sebelum-pemulihan .*Bangkom-Plaju-.*-sebelum-pemulihan\.bangkom-backup {2}\(9 pegawai, 0 kegiatan, 0 tanda hadir, 1 akun\)/m);
    expect((await run('verify', made.path)).stdout).toContain('  kantor: Kantor Kecamatan Plaju (16.71.14)\n');
  });

  it('verify: exit 1 and the reason for a file that cannot be restored; works before an office is set up', async () => {
    const dataDir = await office(2);
    const made = JSON.parse((await captureCli(['--data', dataDir, 'backup', 'create', '--json'])).stdout);
    const dir = tempDir('bangkom-cli-files-');
    const cut = path.join(dir, 'terpotong.bangkom-backup');
    fs.writeFileSync(cut, fs.readFileSync(made.path).subarray(0, 50_000));

    const bad = await captureCli(['--data', dataDir, 'backup', 'verify', cut, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, info: null, problems: [{ code: 'BACKUP_INVALID', details: { reason: 'truncated' } }] });
    const human = await captureCli(['--data', dataDir, 'backup', 'verify', cut]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('Berkas ini tidak dapat dipulihkan: berkas cadangan terpotong (tidak lengkap); mungkin penyalinannya terputus. Tidak ada yang diubah.');

    // A new PC: no office yet, the backup of Plaju is fine to restore there.
    const fresh = tempDir();
    const onNewPc = await captureCli(['--data', fresh, 'backup', 'verify', made.path, '--json']);
    expect(onNewPc.code).toBe(0);
    expect(JSON.parse(onNewPc.stdout)).toMatchObject({ ok: true, current: { officeCode: null }, info: { officeCode: '16.71.14' } });

    // Restore of a bad file: one line on stderr, in English when asked.
    const en = spawnSync(process.execPath, [BIN, '--data', dataDir, 'backup', 'restore', cut, '--yes'], { encoding: 'utf8', env: { ...ENV, BANGKOM_LANG: 'en' } });
    expect(en.status).toBe(1);
    expect(en.stderr).toBe('bangkom: This file cannot be restored: the backup file is cut short (incomplete); copying it may have been interrupted. Nothing was changed.\n');
  });

  it('when the database itself is damaged (no backend can open it), verify and restore still work; the damaged file is kept', async () => {
    const dataDir = await office(3);
    const made = JSON.parse((await captureCli(['--data', dataDir, 'backup', 'create', '--json'])).stdout);
    // Break the live database: the header of page 4 overwritten.
    const live = dbFile(dataDir);
    const bytes = fs.readFileSync(live);
    bytes.fill(0x7f, bytes.readUInt16BE(16) * 3, bytes.readUInt16BE(16) * 3 + 64);
    fs.writeFileSync(live, bytes);
    const broken = await captureCli(['--data', dataDir, 'employees', 'list']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('pulihkan dari cadangan');

    const verified = await captureCli(['--data', dataDir, 'backup', 'verify', made.path, '--json']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, current: null, info: { counts: { people: 3 } } });

    const restored = await captureCli(['--data', dataDir, 'backup', 'restore', made.path, '--yes', '--json']);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const done = JSON.parse(restored.stdout);
    expect(done).toMatchObject({ after: { officeCode: '16.71.14', counts: { people: 3 } }, loginAgain: true });
    // Moved as they were, with the -wal/-shm beside it (a failed open may have left them).
    expect(done.damagedKeptAs[0]).toMatch(/backups[/\\]bangkom-rusak-\d{8}T\d{6}\.sqlite$/);
    for (const kept of done.damagedKeptAs.slice(1)) expect(kept).toMatch(/\.sqlite-(wal|shm)$/);
    expect(fs.readFileSync(done.damagedKeptAs[0])).toEqual(bytes);
    expect((await captureCli(['--data', dataDir, 'employees', 'list', '--json'])).code).toBe(0);
    expect(people(dataDir)).toBe(3);
  });

  it('create --out writes the backup to the file given', async () => {
    const dataDir = await office(1);
    const out = path.join(tempDir('bangkom-out-'), 'cadangan-plaju.bangkom-backup');
    const res = await captureCli(['--data', dataDir, 'backup', 'create', '--out', out]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(`Cadangan dibuat: ${out}\n  1 pegawai, 0 kegiatan, 0 tanda hadir, 1 akun\n`);
    expect((await captureCli(['--data', dataDir, 'backup', 'verify', out])).code).toBe(0);
  });
});

let tmpCounter = 0;
function writeCsv(n: number): string {
  const file = path.join(tempDir('bangkom-csv-'), `pegawai-${++tmpCounter}.csv`);
  fs.writeFileSync(file, rosterCsv(n));
  return file;
}

/** Starts a real `bangkom serve` on the folder and resolves once it listens. */
function startServe(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, '--data', dataDir, 'serve', '--port', '0'], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Bangkom berjalan di')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`serve ended (${code}): ${out}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve();
  else child.once('exit', () => resolve());
});

describe('bangkom backup restore (real processes)', () => {
  it('is refused while a bangkom serve has the folder open, naming it; works once it has ended', async () => {
    const dataDir = await office(4);
    const made = JSON.parse((await captureCli(['--data', dataDir, 'backup', 'create', '--json'])).stdout);
    await captureCli(['--data', dataDir, 'roster', 'import', writeCsv(7)]);
    expect(people(dataDir)).toBe(7);

    const server = await startServe(dataDir);
    try {
      const refused = bangkom(['--data', dataDir, 'backup', 'restore', made.path, '--yes']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(new RegExp(`^bangkom: Data sedang dibuka oleh Bangkom lain: bangkom serve \\(PID ${server.pid}, \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\)\\. Tutup dulu jendela atau server Bangkom itu, lalu coba lagi\\. Tidak ada yang diubah\\.\\n$`));
      const json = bangkom(['--data', dataDir, 'backup', 'restore', made.path, '--yes', '--json']);
      expect(json.code).toBe(1);
      expect(people(dataDir)).toBe(7);
      expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((n) => n.includes('sebelum-pemulihan'))).toEqual([]);
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
    // Ended cleanly: its entry is gone.
    expect(fs.readdirSync(path.join(dataDir, 'run'))).toEqual([]);

    // A server killed outright leaves its entry behind; a dead process does not count.
    const killed = await startServe(dataDir);
    killed.kill('SIGKILL');
    await exited(killed);
    expect(fs.readdirSync(path.join(dataDir, 'run'))).toHaveLength(1);

    const restored = bangkom(['--data', dataDir, 'backup', 'restore', made.path, '--yes']);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^Data dipulihkan dari Bangkom-Plaju-.*\n {2}sebelum: 7 pegawai, 0 kegiatan, 0 tanda hadir, 1 akun\n {2}sesudah: 4 pegawai, .*\nSemua pengguna perlu masuk \(login\) lagi\.\n$/s);
    expect(people(dataDir)).toBe(4);
    expect(fs.readdirSync(path.join(dataDir, 'run'))).toEqual([]);
    // No temporary file left (the copy being restored, the old database set aside); the key files stay.
    const kept = ['backups', 'run', 'keys', 'certificate-numbers.json'];
    expect(fs.readdirSync(dataDir).filter((n) => !n.startsWith(path.basename(dbFile(dataDir))) && !kept.includes(n))).toEqual([]);
  }, 60_000);

  it('a command run on a new day waits for the daily backup before the process ends', async () => {
    const dataDir = await office(3);
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
    const res = bangkom(['--data', dataDir, 'employees', 'list', '--json']);
    expect(res.code).toBe(0);
    const files = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^Bangkom-Plaju-\d{4}-\d{2}-\d{2}-harian\.bangkom-backup$/);
    expect(bangkom(['--data', dataDir, 'backup', 'verify', path.join(dataDir, 'backups', files[0]!)]).code).toBe(0);
  }, 30_000);
});
