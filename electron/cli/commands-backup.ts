// `backup`: make, list, verify and restore backups, through the same contract as the app.
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { BackupCounts, BackupInspection, CurrentData } from '../../shared/contract/backup.ts';
import { isApiErrorData } from '../../shared/contract/errors.ts';
import { errorText } from '../../shared/i18n/index.ts';
import type { Backend } from '../backend/backend.ts';
import { cliActor } from '../backend/services/context.ts';
import { CliFailure, callAsCli, dataDir, print, t, when, withBackend, type CliOutcome } from './support.ts';

// Scans only when there are any (most offices attach none), and those a backup had to leave out.
const counts = (c: BackupCounts) => `${c.people} pegawai, ${c.events} kegiatan, ${c.attendanceMarks} tanda hadir, ${c.accounts} akun`
  + (c.scans ? `, ${c.scans} pindaian sertifikat` : '')
  + (c.scansSkipped ? ` (${c.scansSkipped} pindaian tidak ikut: hilang atau rusak di folder data)` : '');
const office = (code: string | null, name: string | null) => (code ? `${name} (${code})` : 'kantor belum diatur');

function verifyText(r: BackupInspection): string {
  const lines = [`${r.ok ? 'Cadangan utuh' : 'Tidak dapat dipulihkan'}: ${r.path}`];
  if (r.info) {
    lines.push(
      `  kantor: ${office(r.info.officeCode, r.info.officeName)}`,
      `  dibuat: ${when(r.info.createdAt)} (${r.info.kind}${r.info.appVersion ? `, Bangkom ${r.info.appVersion}` : ''}), skema ${r.info.schemaVersion}`,
      `  isi:    ${counts(r.info.counts)}`,
    );
  }
  lines.push(`  kini:   ${counts(r.current.counts)} (${office(r.current.officeCode, r.current.officeName)})`);
  for (const p of r.problems) lines.push(`  - ${errorText(t, p)}`);
  return lines.join('\n');
}

/**
 * Runs `work` on the backend; when the database cannot even be opened (damaged), runs
 * `damaged` instead: restoring is what that error asks for, so it must not need the backend.
 */
async function unlessDamaged<T>(cmd: Command, work: (backend: Backend) => Promise<T>, damaged: () => Promise<T>): Promise<T> {
  let opened = false;
  try {
    return await withBackend(cmd, (backend) => {
      opened = true;
      return work(backend);
    });
  } catch (err) {
    if (!opened && isApiErrorData(err) && err.code === 'DB_CORRUPT') return damaged();
    throw err;
  }
}

const NO_DATA: CurrentData = { officeCode: null, officeName: null, schemaVersion: 0, counts: { people: 0, events: 0, attendanceMarks: 0, accounts: 0 } };

export function registerBackupCommands(program: Command, outcome: CliOutcome): void {
  const backup = program.command('backup').description('cadangan data');

  backup.command('create')
    .description('buat cadangan sekarang (di folder cadangan, atau ke --out)')
    .option('--out <file>', 'tulis cadangan ke berkas (atau folder) ini')
    .option('--json', 'cetak JSON')
    .action(async (opts: { out?: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const made = await callAsCli(backend, 'backup.create', opts.out ? { path: path.resolve(opts.out) } : {});
      print(cmd, made, () => `Cadangan dibuat: ${made.path}\n  ${counts(made.counts)}`);
    }));

  backup.command('list')
    .description('cadangan di folder cadangan, terbaru dulu')
    .option('--json', 'cetak JSON')
    .action(async (_opts: unknown, cmd: Command) => withBackend(cmd, async (backend) => {
      const listing = await callAsCli(backend, 'backup.list', {});
      print(cmd, listing, () => [
        `Folder cadangan: ${listing.folder}`,
        ...(listing.backups.length ? [] : ['(belum ada cadangan)']),
        ...listing.backups.map((b) => `${when(b.createdAt)}  ${b.kind.padEnd(17)} ${String(Math.ceil(b.size / 1024)).padStart(7)} KB  ${b.fileName}  (${counts(b.counts)})`),
        ...listing.unreadable.map((u) => `tidak terbaca: ${u.fileName}: ${errorText(t, u.problem)}`),
      ].join('\n'));
    }));

  backup.command('verify <file>')
    .description('periksa berkas cadangan (hanya membaca); keluar 1 bila tidak dapat dipulihkan')
    .option('--json', 'cetak JSON')
    .action(async (file: string, _opts: unknown, cmd: Command) => unlessDamaged(cmd, async (backend) => {
      const report = await callAsCli(backend, 'backup.inspect', { path: path.resolve(file) });
      print(cmd, report, () => verifyText(report));
      if (!report.ok) outcome.exitCode = 1;
    }, async () => {
      // The current database is damaged: the file is still checked, with nothing to compare it to.
      const [{ readBackupFile }, { inspection }] = await Promise.all([import('../backend/backup/inspect.ts'), import('../backend/backup/restore.ts')]);
      const absolute = path.resolve(file);
      const report = { ...inspection(absolute, readBackupFile(absolute), NO_DATA), current: null };
      print(cmd, report, () => verifyText({ ...report, current: NO_DATA }).replace(/\n {2}kini: .*/, '\n  kini:   basis data sekarang rusak (tidak dapat dibuka)'));
      if (!report.ok) outcome.exitCode = 1;
    }));

  backup.command('restore <file>')
    .description('pulihkan data dari berkas cadangan (data sekarang dicadangkan dulu)')
    .option('--yes', 'ya, ganti seluruh data dengan isi cadangan')
    .option('--json', 'cetak JSON')
    .action(async (file: string, opts: { yes?: boolean }, cmd: Command) => {
      if (!opts.yes) {
        throw new CliFailure('Pemulihan mengganti seluruh data dengan isi cadangan (data sekarang dicadangkan dulu). Periksa dengan `bangkom backup verify`, lalu ulangi dengan --yes.');
      }
      return unlessDamaged(cmd, async (backend) => {
        const done = await callAsCli(backend, 'backup.restore', { path: path.resolve(file), confirm: true });
        print(cmd, done, () => [
          `Data dipulihkan dari ${path.basename(file)} (${when(done.restored.createdAt)}, ${office(done.restored.officeCode, done.restored.officeName)}).`,
          `  sebelum: ${counts(done.before.counts)}`,
          `  sesudah: ${counts(done.after.counts)}`,
          `  data sebelum pemulihan disimpan di ${done.safetyBackup.path}`,
          ...(done.migratedFrom !== null ? [`  skema diperbarui dari versi ${done.migratedFrom} ke ${done.after.schemaVersion}`] : []),
          'Semua pengguna perlu masuk (login) lagi.',
        ].join('\n'));
      }, async () => {
        const [{ openDataFolder }, { restoreIntoDamagedFolder }] = await Promise.all([import('../backend/backend.ts'), import('../backend/backup/restore.ts')]);
        const done = restoreIntoDamagedFolder(dataDir(cmd), path.resolve(file), cliActor(os.userInfo().username), new Date(), openDataFolder);
        print(cmd, done, () => [
          `Data dipulihkan dari ${path.basename(file)} (${when(done.restored.createdAt)}, ${office(done.restored.officeCode, done.restored.officeName)}).`,
          `  sesudah: ${counts(done.after.counts)}`,
          `  basis data yang rusak disimpan di ${done.damagedKeptAs.join(', ')}`,
          'Semua pengguna perlu masuk (login) lagi.',
        ].join('\n'));
      });
    });
}
