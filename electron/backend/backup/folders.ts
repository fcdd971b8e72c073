// Backups in folders: listing one, saving a copy to a USB stick or another folder (temporary
// file, checked there, then renamed), and the places a clerk is likely to save to.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BACKUP_EXTENSION, type BackupDestination, type BackupListing } from '../../../shared/contract/backup.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { fsyncDir, fsyncFile, removeQuietly, tempName } from './create.ts';
import { invalid, readBackupFile, readListedBackup } from './inspect.ts';

export function destinationError(folder: string, reason: string): ApiError {
  return new ApiError('BACKUP_DESTINATION', `Cadangan tidak dapat disimpan ke ${folder} (${reason}). Pastikan USB atau folder itu terpasang, boleh ditulis, dan masih cukup ruang.`, { folder, reason });
}

/** The backup files directly in `folder` (not its subfolders), readable ones newest first. */
export function listFolder(folder: string): BackupListing {
  const absolute = path.resolve(folder);
  let names: string[];
  try {
    names = fs.readdirSync(absolute).filter((n) => n.endsWith(BACKUP_EXTENSION) && !n.startsWith('.'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { folder: absolute, backups: [], unreadable: [] };
    throw new ApiError('NOT_FOUND', `Folder ${absolute} tidak dapat dibaca (${code}).`, { folder: absolute, reason: code });
  }
  const listing: BackupListing = { folder: absolute, backups: [], unreadable: [] };
  for (const fileName of names) {
    const file = path.join(absolute, fileName);
    const reading = readListedBackup(file);
    if (reading.info && reading.problems.length === 0) listing.backups.push({ ...reading.info, fileName, path: file, size: reading.size });
    else listing.unreadable.push({ fileName, path: file, size: reading.size, problem: reading.problems[0] ?? invalid('not_bangkom', file) });
  }
  listing.backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
  return listing;
}

/** The folder to save into, refused at once when it is not there (before any backup is made for it). */
export function destinationFolder(folder: string): string {
  const dir = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (err) {
    throw destinationError(dir, (err as NodeJS.ErrnoException).code ?? 'ENOENT');
  }
  if (!stat.isDirectory()) throw destinationError(dir, 'ENOTDIR');
  return dir;
}

/**
 * Copies a backup into `folder` under its own name: to a temporary file first, flushed, then
 * read back and checked in full (checksum, integrity) before the rename makes it visible.
 */
export function saveCopy(source: string, folder: string): { path: string; size: number } {
  const dir = destinationFolder(folder);
  const fileName = path.basename(source);
  const target = path.join(dir, fileName);
  const temp = path.join(dir, tempName(fileName));
  try {
    try {
      fs.copyFileSync(source, temp);
      fsyncFile(temp);
    } catch (err) {
      throw destinationError(dir, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
    }
    // Read back from the destination: a failing stick shows here, not on the day of a restore.
    const reading = readBackupFile(temp, os.tmpdir());
    if (reading.problems.length) throw destinationError(dir, `salinan tidak utuh: ${String(reading.problems[0]!.details?.reason ?? reading.problems[0]!.code)}`);
    try {
      fs.renameSync(temp, target);
    } catch (err) {
      throw destinationError(dir, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
    }
    fsyncDir(dir);
    return { path: target, size: fs.statSync(target).size };
  } finally {
    removeQuietly(temp);
  }
}

function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

function subfolders(dir: string): string[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() || e.isSymbolicLink()).map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}

/**
 * Removable drives first (Windows: drive letters other than the system drive; Linux: the
 * user's /media and /run/media mounts and /mnt/*; macOS: /Volumes other than the system disk),
 * then Documents and the home folder. The backend runs on the clerk's own PC in every door.
 */
export function destinations(platform = process.platform, env = process.env, home = os.homedir()): BackupDestination[] {
  const found: BackupDestination[] = [];
  const add = (p: string, label: string, kind: BackupDestination['kind']) => {
    if (found.some((d) => d.path === p)) return;
    found.push({ path: p, label, kind, freeBytes: freeBytes(p) });
  };
  if (platform === 'win32') {
    const system = (env.SystemDrive ?? 'C:').toUpperCase();
    for (let c = 65; c <= 90; c++) {
      const drive = `${String.fromCharCode(c)}:`;
      if (drive === system) continue;
      const root = `${drive}\\`;
      if (fs.existsSync(root)) add(root, drive, 'removable');
    }
  } else {
    const user = os.userInfo().username;
    const mounts = platform === 'darwin'
      ? subfolders('/Volumes').filter((v) => { try { return fs.realpathSync(v) !== '/'; } catch { return false; } })
      : [...subfolders(path.join('/media', user)), ...subfolders(path.join('/run/media', user)), ...subfolders('/mnt')];
    for (const m of mounts) add(m, path.basename(m), 'removable');
  }
  for (const docs of ['Documents', 'Dokumen']) {
    const p = path.join(home, docs);
    if (fs.existsSync(p)) add(p, docs, 'documents');
  }
  add(home, home, 'home');
  return found;
}
