// Files of the data folder a backup carries beside the database: the scanned certificates of
// outside training records (<data>/scans/<sha256>.<ext>). Without them a restore on another PC
// would bring the records back with scans nobody can open. They travel inside the backup file, in
// a table `backup_files`, so the one file still holds everything and its checksum covers them; a
// restore writes them back to the data folder and drops the table.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SCAN_MAX_BYTES } from '../../../shared/contract/records.ts';
import { hasTable } from '../db/migrate.ts';
import type { Db } from '../db/open.ts';
import { writeTransaction } from '../db/transaction.ts';
import { SCAN_EXTENSIONS, SCANS_DIR, scanRelativePath } from '../records/scan-store.ts';

export const FILES_TABLE = 'backup_files';

/**
 * The only paths a backup may name: a scan by its hash. A backup is a file from anywhere (a USB
 * stick), so nothing else is ever written, and never outside the scans folder.
 */
const CARRIED_PATH = new RegExp(`^${SCANS_DIR}/([0-9a-f]{64})\\.(?:${SCAN_EXTENSIONS.join('|')})$`);

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The scan files the records name, removed records included (their scan comes back with them): relative paths. */
function referencedScans(db: Db): string[] {
  if (!hasTable(db, 'training_records')) return []; // an older schema (a copy before a migration)
  const columns = (db.prepare('PRAGMA table_info(training_records)').all() as { name: string }[]).map((c) => c.name);
  if (!columns.includes('scan_sha256') || !columns.includes('scan_type')) return [];
  const rows = db.prepare('SELECT DISTINCT scan_sha256 AS sha, scan_type AS type FROM training_records WHERE scan_sha256 IS NOT NULL AND scan_type IS NOT NULL')
    .all() as { sha: string; type: string }[];
  const paths = new Set<string>();
  // A row that cannot name a file (the CHECKs should prevent it) is counted as not carried.
  for (const r of rows) paths.add(scanRelativePath(r.sha, r.type) ?? `?${r.sha}`);
  return [...paths].sort();
}

const onDisk = (dataDir: string, relative: string) => path.join(dataDir, ...relative.split('/'));

/** Scans the records name whose file is in this data folder (for "Data sekarang" beside a backup). */
export function scansPresent(db: Db, dataDir: string): number {
  return referencedScans(db).filter((p) => !p.startsWith('?') && fs.existsSync(onDisk(dataDir, p))).length;
}

export interface CarriedFiles {
  /** Scan files written into the backup. */
  scans: number;
  bytes: number;
  /** Scans the records name that were left out: not in the data folder, or damaged (bytes not matching their hash). */
  skipped: number;
}

/** Reads a scan file when it is whole: its bytes match the hash in its name. */
function intactScan(dataDir: string, relative: string): Buffer | null {
  const m = CARRIED_PATH.exec(relative);
  if (!m) return null;
  const file = onDisk(dataDir, relative);
  try {
    // Larger than any upload: not what was stored, and not worth reading into memory.
    if (fs.statSync(file).size > SCAN_MAX_BYTES) return null;
    const data = fs.readFileSync(file);
    return sha256(data) === m[1] ? data : null;
  } catch {
    return null;
  }
}

/**
 * Writes the scans the copy's records name into the copy (called on a fresh backup copy, never
 * on the live database). No table when there is nothing to carry: such a backup is laid out as
 * before, and any Bangkom can restore it.
 */
export function packFiles(copy: Db, dataDir: string): CarriedFiles {
  const carried: CarriedFiles = { scans: 0, bytes: 0, skipped: 0 };
  const wanted = referencedScans(copy);
  if (!wanted.length) return carried;
  copy.exec(`DROP TABLE IF EXISTS ${FILES_TABLE}; CREATE TABLE ${FILES_TABLE} (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, bytes BLOB NOT NULL) STRICT;`);
  const insert = copy.prepare(`INSERT INTO ${FILES_TABLE} (path, sha256, bytes) VALUES (?, ?, ?)`);
  writeTransaction(copy, () => {
    for (const relative of wanted) {
      const data = intactScan(dataDir, relative);
      if (!data) {
        carried.skipped++;
        continue;
      }
      insert.run(relative, CARRIED_PATH.exec(relative)![1], data);
      carried.scans++;
      carried.bytes += data.length;
    }
  });
  if (carried.scans === 0) copy.exec(`DROP TABLE ${FILES_TABLE}`);
  return carried;
}

export class CarriedFileError extends Error {}

interface CarriedRow { path: string; sha256: string; bytes: Buffer }

function* carriedRows(db: Db): Generator<CarriedRow> {
  if (!hasTable(db, FILES_TABLE)) return;
  yield* db.prepare(`SELECT path, sha256, bytes FROM ${FILES_TABLE} ORDER BY path`).iterate() as IterableIterator<CarriedRow>;
}

function rowProblem(row: CarriedRow): string | null {
  const m = typeof row.path === 'string' ? CARRIED_PATH.exec(row.path) : null;
  if (!m) return `berkas ${String(row.path).slice(0, 80)} tidak dikenal`;
  if (!Buffer.isBuffer(row.bytes) || row.sha256 !== m[1] || sha256(row.bytes) !== m[1]) return `pindaian ${row.path} tidak cocok dengan hash-nya`;
  return null;
}

/**
 * Checks the files a backup carries (every one named as a scan, its bytes matching its hash, as
 * many as its description says); the first problem, or null. The checksum already guards
 * against damage on the way: this refuses a file someone put together by hand.
 */
export function carriedFilesProblem(db: Db, expectedScans: number | null): string | null {
  let n = 0;
  for (const row of carriedRows(db)) {
    const problem = rowProblem(row);
    if (problem) return problem;
    n++;
  }
  if (expectedScans !== null && n !== expectedScans) return `${n} dari ${expectedScans} pindaian`;
  return null;
}

/**
 * Writes the scans a restored backup carries into `staging` (a private folder in the data
 * folder), each checked and flushed to disk; a scan already in the data folder with the same
 * bytes is left as it is. Nothing in the data folder itself changes yet: `placeFiles` moves them
 * in once the database has been swapped. The number staged.
 */
export function stageFiles(copy: string, dataDir: string, staging: string): number {
  const db = new Database(copy, { readonly: true, fileMustExist: true });
  let staged = 0;
  try {
    for (const row of carriedRows(db)) {
      const problem = rowProblem(row);
      // Checked when the backup was read (inspect); checked again where it is written.
      if (problem) throw new CarriedFileError(problem);
      const target = onDisk(dataDir, row.path);
      if (intactScan(dataDir, row.path) !== null) continue;
      if (!staged) fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
      const fd = fs.openSync(path.join(staging, path.basename(target)), 'wx', 0o600);
      try {
        fs.writeSync(fd, row.bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      staged++;
    }
  } finally {
    db.close();
  }
  return staged;
}

/** Moves staged scans into <data>/scans (a rename each: a file is there whole or not at all). */
export function placeFiles(staging: string, dataDir: string, fsyncDir: (dir: string) => void): void {
  let names: string[];
  try {
    names = fs.readdirSync(staging);
  } catch {
    return; // nothing was staged
  }
  if (!names.length) return;
  const dir = path.join(dataDir, SCANS_DIR);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Over a damaged file of the same name too: the staged one is the one matching the hash.
  for (const name of names) fs.renameSync(path.join(staging, name), path.join(dir, name));
  fsyncDir(dir);
}
