// Reading any file a clerk points at: is it a backup, of which office, from when, holding what,
// and can it be restored here? Nothing is written to the file or beside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_KINDS, type BackupInfo, type BackupInfoKind, type BackupProblem, type CurrentData } from '../../../shared/contract/backup.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { LATEST_VERSION } from '../db/migrations/index.ts';
import { schemaVersion } from '../db/migrate.ts';
import { integrityProblems } from '../db/check.ts';
import { BACKUP_FORMAT_VERSION, countData, officeOf, readInfo } from './format.ts';
import { hasTable } from '../db/migrate.ts';
import { removeQuietly, tempName } from './create.ts';
import { verifyChecksum } from './checksum.ts';
import { carriedFilesProblem } from './files.ts';

export type InvalidReason = 'not_sqlite' | 'not_bangkom' | 'truncated' | 'damaged' | 'unreadable';

const REASON_TEXT: Record<InvalidReason, string> = {
  not_sqlite: 'berkas ini bukan cadangan Bangkom',
  not_bangkom: 'berkas basis data ini bukan milik Bangkom',
  truncated: 'berkas cadangan terpotong (tidak lengkap)',
  damaged: 'berkas cadangan rusak',
  unreadable: 'berkas tidak ada atau tidak dapat dibaca',
};

export function invalid(reason: InvalidReason, file: string, detail?: string): BackupProblem {
  return {
    code: 'BACKUP_INVALID',
    message: `Berkas ${path.basename(file)} tidak dapat dipulihkan: ${REASON_TEXT[reason]}${detail ? ` (${detail})` : ''}. Tidak ada yang diubah.`,
    details: { reason, file, ...(detail ? { detail } : {}) },
  };
}

export function problemError(p: BackupProblem): ApiError {
  return new ApiError(p.code, p.message, p.details);
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** The file being read, and the name its problems give (the clerk's file, not a private copy). */
interface Target { file: string; name: string }

/**
 * The header, the checksum trailer and the size: is it SQLite, is it whole, is it in WAL mode.
 * `sealed` given: the checksum was already checked while copying (restore), and the trailer removed.
 */
function readHeader({ file, name }: Target, sealed?: boolean): { problem?: BackupProblem; wal: boolean; sealed: boolean } {
  let size: number;
  const header = Buffer.alloc(100);
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { problem: invalid('unreadable', name, 'bukan berkas'), wal: false, sealed: false };
    size = stat.size;
    const fd = fs.openSync(file, 'r');
    try { fs.readSync(fd, header, 0, 100, 0); } finally { fs.closeSync(fd); }
  } catch (err) {
    return { problem: invalid('unreadable', name, (err as NodeJS.ErrnoException).code), wal: false, sealed: false };
  }
  if (size < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) return { problem: invalid('not_sqlite', name), wal: false, sealed: false };
  const sum = sealed === undefined ? verifyChecksum(file) : { present: sealed, matches: true, dbLength: size };
  if (!sum.matches) return { problem: invalid('damaged', name, 'checksum'), wal: false, sealed: true };
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  // The page count is trustworthy when "version-valid-for" matches the change counter (SQLite ≥ 3.7).
  const countValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (countValid && pageCount > 0 && sum.dbLength < pageCount * pageSize) {
    return { problem: invalid('truncated', name, `${sum.dbLength} / ${pageCount * pageSize} B`), wal: false, sealed: sum.present };
  }
  if (sum.dbLength % pageSize !== 0) return { problem: invalid('truncated', name, `${sum.dbLength} B`), wal: false, sealed: sum.present };
  return { wal: header[18] === 2 || header[19] === 2, sealed: sum.present };
}

export interface FileReading {
  size: number;
  info: BackupInfo | null;
  /** Problems of the file itself (not a backup, damaged, truncated, too new); office is checked apart. */
  problems: BackupProblem[];
}

/** A kind this Bangkom does not know (a newer one's) reads as a backup made by hand. */
const knownKind = (kind: string): BackupInfoKind => ((BACKUP_KINDS as readonly string[]).includes(kind) ? kind as BackupInfoKind : 'manual');

/** Reads a database file: integrity, then its backup_info, or (a plain Bangkom database copy) its own tables. */
function readDatabase({ file, name }: Target, mtime: Date, sealed: boolean): Omit<FileReading, 'size'> {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = integrityProblems(db, 10);
    if (integrity.length) return { info: null, problems: [invalid('damaged', name, integrity.slice(0, 3).join('; '))] };
    const version = schemaVersion(db);
    const stored = readInfo(db);
    let info: BackupInfo;
    if (stored) {
      const kind = knownKind(stored.kind);
      // Every backup Bangkom makes ends with its checksum: one without was cut short.
      if (!sealed && stored.formatVersion >= 1) return { info: null, problems: [invalid('truncated', name, 'checksum')] };
      info = { ...stored, kind, schemaVersion: version };
      if (stored.formatVersion > BACKUP_FORMAT_VERSION) return { info, problems: [tooNew(version, `format ${stored.formatVersion}`)] };
    } else {
      // A plain copy of bangkom.sqlite (what the README once told clerks to make by hand) is
      // accepted when it has Bangkom's schema; its description comes from its own tables.
      if (version === 0 || !['office', 'users', 'settings'].every((t) => hasTable(db!, t))) {
        return { info: null, problems: [invalid('not_bangkom', name)] };
      }
      const known = version <= LATEST_VERSION;
      const office = known ? officeOf(db) : null;
      info = {
        formatVersion: 0, createdAt: mtime.toISOString(), kind: 'salinan', appVersion: null,
        officeCode: office?.code ?? null, officeName: office?.name ?? null, schemaVersion: version,
        counts: known ? countData(db) : { people: 0, events: 0, attendanceMarks: 0, accounts: 0 },
      };
    }
    if (version > LATEST_VERSION) return { info, problems: [tooNew(version)] };
    const files = carriedFilesProblem(db, stored ? stored.counts.scans ?? 0 : null);
    if (files) return { info, problems: [invalid('damaged', name, files)] };
    return { info, problems: [] };
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    const reason: InvalidReason = code === 'SQLITE_NOTADB' ? 'not_sqlite' : code.startsWith('SQLITE_CANTOPEN') ? 'unreadable' : 'damaged';
    return { info: null, problems: [invalid(reason, name, (err as Error).message)] };
  } finally {
    db?.close();
  }
}

function tooNew(version: number, what?: string): BackupProblem {
  return {
    code: 'BACKUP_TOO_NEW',
    message: `Cadangan ini dibuat oleh Bangkom yang lebih baru (skema ${what ?? version}; versi ini sampai skema ${LATEST_VERSION}). Perbarui Bangkom dulu. Tidak ada yang diubah.`,
    details: { backupVersion: what ?? version, knownVersion: LATEST_VERSION },
  };
}

function sizeOf(file: string): number {
  try { return fs.statSync(file).size; } catch { return 0; }
}

/**
 * Reads any file fully (checksum, integrity, description) without changing it or its folder.
 * A file in WAL mode (a plain copy of a live database) would get -wal/-shm files beside it even
 * when opened read-only, so it is read from a temporary copy in `scratchDir` instead.
 */
export function readBackupFile(file: string, scratchDir = os.tmpdir()): FileReading {
  const target = { file, name: file };
  const header = readHeader(target);
  if (header.problem) return { size: sizeOf(file), info: null, problems: [header.problem] };
  const stat = fs.statSync(file);
  if (!header.wal) return { size: stat.size, ...readDatabase(target, stat.mtime, header.sealed) };
  fs.mkdirSync(scratchDir, { recursive: true });
  const scratch = path.join(scratchDir, tempName(path.basename(file)));
  try {
    fs.copyFileSync(file, scratch);
    return { size: stat.size, ...readDatabase({ file: scratch, name: file }, stat.mtime, header.sealed) };
  } finally {
    removeQuietly(scratch);
  }
}

/** Reads the private copy a restore made (checksum already checked on the way, trailer left behind). */
export function readCopiedBackup(copy: string, source: { name: string; size: number; mtime: Date; sealed: boolean }): FileReading {
  const target = { file: copy, name: source.name };
  const header = readHeader(target, source.sealed);
  if (header.problem) return { size: source.size, info: null, problems: [header.problem] };
  return { size: source.size, ...readDatabase(target, source.mtime, header.sealed) };
}

/** Only the description, for listing the backups folder (no checksum, no integrity check: that is `inspect`). */
export function readListedBackup(file: string): FileReading {
  const size = sizeOf(file);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const stored = readInfo(db);
    if (!stored) return { size, info: null, problems: [invalid('not_bangkom', file)] };
    const kind = knownKind(stored.kind);
    return { size, info: { ...stored, kind, schemaVersion: schemaVersion(db) }, problems: [] };
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    return { size, info: null, problems: [invalid(code === 'SQLITE_NOTADB' ? 'not_sqlite' : 'damaged', file, (err as Error).message)] };
  } finally {
    db?.close();
  }
}

/**
 * A backup of another office cannot be restored over this one. A data folder without an office
 * (a fresh install, a new PC) may take any office's backup; a backup without an office cannot
 * replace a set-up office.
 */
export function officeProblem(info: BackupInfo, current: CurrentData): BackupProblem | null {
  if (current.officeCode === null || info.officeCode === current.officeCode) return null;
  const backupOffice = info.officeName ? `${info.officeName}, ${info.officeCode}` : '-';
  const currentOffice = `${current.officeName}, ${current.officeCode}`;
  return {
    code: 'BACKUP_OTHER_OFFICE',
    message: `Cadangan ini milik kantor lain (${backupOffice}), bukan ${currentOffice}. Tidak ada yang diubah.`,
    details: { backupOffice, currentOffice, backupOfficeCode: info.officeCode, currentOfficeCode: current.officeCode },
  };
}
