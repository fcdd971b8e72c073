import fs from 'node:fs';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors.ts';
import { databaseTooNew, schemaVersion } from './migrate.ts';

export type Db = Database.Database;

const SQLITE_MAGIC = 'SQLite format 3\0';

function hasWalContent(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

/**
 * Reads the 100-byte header and compares the page count it records with the file size, so a
 * truncated or foreign file is refused before SQLite opens it for writing (which could
 * otherwise "repair" it by writing a fresh journal or header).
 */
export function inspectDatabaseFile(file: string): { exists: boolean; problem?: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { exists: false };
  }
  if (stat.size === 0) return { exists: true };
  if (stat.size < 100) return { exists: true, problem: `file is only ${stat.size} bytes, shorter than a database header` };
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== SQLITE_MAGIC) return { exists: true, problem: 'not a SQLite database (wrong header)' };
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  // The page count in the header is only trustworthy when "version-valid-for" matches the change counter.
  const countValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  // With a WAL beside it the file alone is not the database: a checkpoint cut short by a power
  // failure has written page 1 (and its new page count) before the pages that grow the file,
  // and SQLite finishes the copy from the WAL at the next open. quick_check then judges.
  if (countValid && pageCount > 0 && stat.size < pageCount * pageSize && !hasWalContent(file)) {
    return { exists: true, problem: `file is truncated: ${stat.size} bytes, header says ${pageCount * pageSize}` };
  }
  return { exists: true };
}

function corrupt(file: string, problem: string): ApiError {
  return new ApiError('DB_CORRUPT', `Berkas basis data rusak (${file}): ${problem}. Tidak ada yang ditulis ke berkas itu; pulihkan dari cadangan.`, { file, problem });
}

/** Read-only integrity probe (and the schema version): nothing is written to a damaged file. */
function quickCheck(file: string): { problem: string | null; version: number } {
  let probe: Db | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const rows = probe.pragma('quick_check(5)') as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return { problem: problems.length ? problems.join('; ') : null, version: schemaVersion(probe) };
  } catch (err) {
    return { problem: (err as Error).message, version: 0 };
  } finally {
    probe?.close();
  }
}

export interface OpenOptions {
  /** Refuse, before anything is written (even the switch to WAL), a schema newer than this. */
  maxVersion?: number;
}

/** The one place the database is opened: checks first, then WAL, foreign keys, busy timeout. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const inspected = inspectDatabaseFile(file);
  if (inspected.problem) throw corrupt(file, inspected.problem);
  if (inspected.exists) {
    const { problem, version } = quickCheck(file);
    if (problem) throw corrupt(file, problem);
    if (options.maxVersion !== undefined && version > options.maxVersion) throw databaseTooNew(version, options.maxVersion);
  }
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // The backend checkpoints when idle (checkpoint.ts); this only bounds the WAL (about 40 MB)
    // for a process that writes without ever pausing. Once copied back, the WAL file is cut to
    // 8 MB instead of keeping its largest size on the clerk's disk.
    db.pragma('wal_autocheckpoint = 10000');
    db.pragma('journal_size_limit = 8388608');
  } catch (err) {
    db.close();
    throw corrupt(file, (err as Error).message);
  }
  return db;
}

/** For `db check`: opens read-only, whatever state the file is in. */
export function openDatabaseReadOnly(file: string): Db {
  return new Database(file, { readonly: true, fileMustExist: true });
}
