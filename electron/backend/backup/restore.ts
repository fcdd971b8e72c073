// Restoring a backup over the live database, all or nothing:
//   check the file (a private, checksum-verified copy in the data folder; the scans it carries
//   written to a private folder beside it) → nobody else has the folder open, no job runs →
//   safety copy of the current data (`sebelum-pemulihan`) → prepare the copy (description and
//   files tables dropped, logins cleared, older schema migrated, audit event) → close, swap the
//   files, move the scans into <data>/scans, reopen. Until the swap the live database and the
//   scans folder are untouched; if the swap or the reopening fails, the old file is put back and
//   reopened (scans moved in stay: they are named by their hash, so they can only ever be right).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupFile, BackupInfo, BackupInspection, CurrentData } from '../../../shared/contract/backup.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { DB_FILE } from '../paths.ts';
import { migrate } from '../db/migrate.ts';
import { recordEvent } from '../db/repos/changes.ts';
import { getSetting, setSetting } from '../db/repos/settings.ts';
import { writeTransaction } from '../db/transaction.ts';
import type { Db } from '../db/open.ts';
import type { Actor } from '../services/context.ts';
import { copyVerified } from './checksum.ts';
import { createBackup, fsyncDir, removeQuietly, tempName } from './create.ts';
import { CarriedFileError, FILES_TABLE, placeFiles, stageFiles } from './files.ts';
import { backupsDir, currentData, ensureBackupsDir, INFO_TABLE } from './format.ts';
import type { BackupHost } from './host.ts';
import { invalid, officeProblem, problemError, readBackupFile, readCopiedBackup, type FileReading } from './inspect.ts';
import { describeProcesses, otherProcesses } from './presence.ts';
import { removeStaleTemps, rotate } from './rotation.ts';

export const OFFSITE_SETTING = 'backup.lastOffsite';

/** Inspection of any file against the current data: what it holds and why it cannot be restored. */
export function inspection(file: string, reading: FileReading, current: CurrentData): BackupInspection {
  const problems = [...reading.problems];
  if (reading.info && problems.length === 0) {
    const office = officeProblem(reading.info, current);
    if (office) problems.push(office);
  }
  return { ok: problems.length === 0, path: file, fileName: path.basename(file), size: reading.size, info: reading.info, current, problems };
}

export function inspectFile(host: Pick<BackupHost, 'db' | 'dataDir'>, file: string): BackupInspection {
  const absolute = path.resolve(file);
  return inspection(absolute, readBackupFile(absolute, backupsDir(host.dataDir)), currentData(host.db(), host.dataDir));
}

/** A restore replaces the file under every process that has it open: refused while any other does. */
function refuseIfOthersOpen(dataDir: string): void {
  const others = otherProcesses(dataDir);
  if (!others.length) return;
  const who = describeProcesses(others);
  throw new ApiError('BACKUP_IN_USE', `Data sedang dibuka oleh Bangkom lain: ${who}. Tutup dulu jendela atau server Bangkom itu, lalu coba lagi. Tidak ada yang diubah.`, { who, processes: others });
}

/** Refuses while another Bangkom process has the folder open, or a job of this one runs. */
export function ensureAlone(host: BackupHost): void {
  refuseIfOthersOpen(host.dataDir);
  const jobs = host.runningJobs();
  if (jobs.length) {
    const who = `${jobs.join(', ')} (job)`;
    throw new ApiError('BACKUP_IN_USE', `Masih ada pekerjaan berjalan (${jobs.join(', ')}). Tunggu sampai selesai, lalu coba lagi. Tidak ada yang diubah.`, { who, jobs });
  }
}

export interface RestoreResult {
  restored: BackupInfo;
  before: CurrentData;
  after: CurrentData;
  safetyBackup: BackupFile;
  migratedFrom: number | null;
  loginAgain: true;
}

/**
 * Makes the private copy ready to become the live database, without touching the live one:
 * no description or files table (the files were staged already), no logins (everyone logs in
 * again), the current schema, the last copy outside the PC carried over, and the restore in its
 * audit log.
 */
function prepare(copy: string, carry: { offsite: string | null }, event: { at: string; actor: Actor | null; details: Record<string, unknown> }): number | null {
  const db = new Database(copy, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    const { from, to } = migrate(db);
    writeTransaction(db, () => {
      db.exec(`DROP TABLE IF EXISTS ${INFO_TABLE}; DROP TABLE IF EXISTS ${FILES_TABLE}; DELETE FROM sessions;`);
      if (carry.offsite) {
        const own = getSetting(db, OFFSITE_SETTING);
        const newer = (v: string | null) => (v ? (JSON.parse(v) as { at: string }).at : '');
        if (newer(carry.offsite) > newer(own)) setSetting(db, OFFSITE_SETTING, carry.offsite);
      }
      // The restoring account may not exist in the restored data: then only its name is kept.
      const known = event.actor?.userId ? db.prepare('SELECT 1 FROM users WHERE id = ?').get(event.actor.userId) !== undefined : false;
      const actor = event.actor ? { ...event.actor, userId: known ? event.actor.userId : null } : null;
      recordEvent(db, { at: event.at, actor }, 'backup.restore', event.details);
    });
    const problems = db.pragma('foreign_key_check') as unknown[];
    if (problems.length) throw new ApiError('BACKUP_INVALID', 'Cadangan tidak dapat dipulihkan: isinya tidak saling cocok (kunci asing). Tidak ada yang diubah.', { reason: 'damaged', problems: problems.slice(0, 5) });
    return from === to ? null : from;
  } finally {
    db.close();
  }
}

/**
 * Copies the backup to `copy` (checking its checksum on the way) and checks the copy against
 * `current`: the description of a file that can be restored, or the first problem thrown.
 */
function copyChecked(file: string, copy: string, current: CurrentData): BackupInfo {
  let stat: fs.Stats;
  let sealed: boolean;
  try {
    stat = fs.statSync(file);
    if (!stat.isFile()) throw problemError(invalid('unreadable', file, 'bukan berkas'));
    // Not even SQLite (a video, a document): refused before copying a byte of it.
    const head = Buffer.alloc(16);
    const fd = fs.openSync(file, 'r');
    try { fs.readSync(fd, head, 0, 16, 0); } finally { fs.closeSync(fd); }
    if (head.toString('latin1') !== 'SQLite format 3\0') throw problemError(invalid('not_sqlite', file));
    const sum = copyVerified(file, copy);
    if (!sum.matches) throw problemError(invalid('damaged', file, 'checksum'));
    sealed = sum.present;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw problemError(invalid('unreadable', file, (err as NodeJS.ErrnoException).code ?? (err as Error).message));
  }
  const checked = inspection(file, readCopiedBackup(copy, { name: file, size: stat.size, mtime: stat.mtime, sealed }), current);
  if (!checked.ok || !checked.info) throw problemError(checked.problems[0]!);
  return checked.info;
}

/** The scans the checked copy carries, written to `staging` (see stageFiles); a bad one refuses the file. */
function stageChecked(file: string, copy: string, dataDir: string, staging: string): void {
  try {
    stageFiles(copy, dataDir, staging);
  } catch (err) {
    if (err instanceof CarriedFileError) throw problemError(invalid('damaged', file, err.message));
    throw err;
  }
}

/** Private names in the data folder for a restore's copy of the database and its staged scans. */
function restoreTemps(dataDir: string) {
  return { copy: path.join(dataDir, tempName('pemulihan')), staging: path.join(dataDir, tempName('pemulihan-pindaian')) };
}

function removeTemps({ copy, staging }: { copy: string; staging: string }): void {
  removeQuietly(copy);
  fs.rmSync(staging, { recursive: true, force: true });
}

/** The whole restore (see the top of this file); runs as the backend's one backup task. */
export function restoreBackup(host: BackupHost, source: string, actor: Actor | null): Promise<RestoreResult> {
  const file = path.resolve(source);
  return host.serial(async () => {
    const dataDir = host.dataDir;
    const before = currentData(host.db(), dataDir);
    removeStaleTemps(dataDir); // a restore interrupted by a crash left its copy here
    const temps = restoreTemps(dataDir);
    const { copy } = temps;
    try {
      // 1. The clerk's file is only read: one pass copies it and checks its checksum; the scans
      //    it carries are checked and written aside.
      const info = copyChecked(file, copy, before);
      stageChecked(file, copy, dataDir, temps.staging);

      // 2. Nobody else may have the file open when it is replaced.
      ensureAlone(host);

      // 3. The data as it is now, kept before anything changes.
      const now = host.now();
      const safetyBackup = await createBackup(host.db(), dataDir, { kind: 'sebelum-pemulihan', now });

      let migratedFrom: number | null;
      try {
        // 4. The copy made ready; the live database is still untouched.
        migratedFrom = prepare(copy, { offsite: getSetting(host.db(), OFFSITE_SETTING) }, {
          at: now.toISOString(), actor,
          details: { file: path.basename(file), createdAt: info.createdAt, kind: info.kind, safetyBackup: safetyBackup.fileName, schemaVersion: info.schemaVersion },
        });
        // 5. The swap, synchronous: no call runs in between.
        ensureAlone(host);
        swapIn(host, copy, temps.staging);
      } catch (err) {
        // Refused before anything moved: the safety copy of unchanged data is not kept either.
        if (err instanceof ApiError && err.code === 'BACKUP_IN_USE') fs.rmSync(safetyBackup.path, { force: true });
        throw err;
      }
      rotate(backupsDir(dataDir), 'sebelum-pemulihan');
      return { restored: info, before, after: currentData(host.db(), dataDir), safetyBackup, migratedFrom, loginAgain: true as const };
    } finally {
      removeTemps(temps);
    }
  });
}

function swapIn(host: BackupHost, copy: string, staging: string): void {
  const live = path.join(host.dataDir, DB_FILE);
  const aside = path.join(host.dataDir, tempName('sebelum-pemulihan'));
  let movedAside = false;
  host.replaceDatabase(
    () => {
      // After a clean close the last connection folds the WAL back and removes it. A WAL still
      // there means another connection (a program not registered as Bangkom) has the file open:
      // replacing the file under it would mix the old log into the new data.
      const wal = `${live}-wal`;
      if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
        throw new ApiError('BACKUP_IN_USE', 'Berkas basis data masih dibuka program lain. Tutup program itu, lalu coba lagi. Tidak ada yang diubah.', { who: path.basename(wal) });
      }
      fs.rmSync(wal, { force: true });
      fs.rmSync(`${live}-shm`, { force: true });
      fs.renameSync(live, aside);
      movedAside = true;
      fs.renameSync(copy, live);
      fsyncDir(host.dataDir);
      placeFiles(staging, host.dataDir, fsyncDir);
    },
    () => {
      if (!movedAside) return;
      removeQuietly(live);
      fs.renameSync(aside, live);
    },
  );
  fs.rmSync(aside, { force: true });
}

export interface DamagedRestoreResult {
  restored: BackupInfo;
  /** Where the damaged database files were moved (kept, never deleted). */
  damagedKeptAs: string[];
  after: CurrentData;
  migratedFrom: number | null;
  loginAgain: true;
}

const UNKNOWN: CurrentData = { officeCode: null, officeName: null, schemaVersion: 0, counts: { people: 0, events: 0, attendanceMarks: 0, accounts: 0 } };

/**
 * Restore when the database cannot be opened at all (damaged: the error says "restore from a
 * backup"), so there is no backend to go through and no consistent copy of it to make. The
 * damaged files are moved into the backups folder as they are (`bangkom-rusak-<time>.sqlite`,
 * with their -wal/-shm), never deleted; the office cannot be compared, so any valid backup is
 * accepted. `openFolder` opens the data folder as the backend would, to prove the result opens.
 */
export function restoreIntoDamagedFolder(dataDir: string, source: string, actor: Actor | null, now: Date, openFolder: (dir: string) => Db): DamagedRestoreResult {
  const file = path.resolve(source);
  refuseIfOthersOpen(dataDir);
  const temps = restoreTemps(dataDir);
  const { copy } = temps;
  try {
    const info = copyChecked(file, copy, UNKNOWN);
    stageChecked(file, copy, dataDir, temps.staging);
    const migratedFrom = prepare(copy, { offsite: null }, {
      at: now.toISOString(), actor,
      details: { file: path.basename(file), createdAt: info.createdAt, kind: info.kind, replacedDamaged: true, schemaVersion: info.schemaVersion },
    });
    const live = path.join(dataDir, DB_FILE);
    const dir = ensureBackupsDir(dataDir);
    const stamp = now.toISOString().replace(/[-:.]/g, '').slice(0, 15);
    const kept: string[] = [];
    for (const suffix of ['', '-wal', '-shm']) {
      if (!fs.existsSync(live + suffix)) continue;
      const aside = path.join(dir, `bangkom-rusak-${stamp}.sqlite${suffix}`);
      fs.renameSync(live + suffix, aside);
      kept.push(aside);
    }
    let after: CurrentData;
    try {
      fs.renameSync(copy, live);
      fsyncDir(dataDir);
      placeFiles(temps.staging, dataDir, fsyncDir);
      const db = openFolder(dataDir);
      try { after = currentData(db, dataDir); } finally { db.close(); }
    } catch (err) {
      // Back as it was: the damaged files in their place.
      removeQuietly(live);
      for (const aside of kept) fs.renameSync(aside, live + aside.slice(aside.lastIndexOf('.sqlite') + '.sqlite'.length));
      throw err;
    }
    return { restored: info, damagedKeptAs: kept, after, migratedFrom, loginAgain: true };
  } finally {
    removeTemps(temps);
  }
}
