// What a backup file is: an ordinary SQLite database (the office database, copied consistently)
// with one extra table, `backup_info`, that describes it, and (when there are any) a second,
// `backup_files`, with the scanned certificates (files.ts). The description lives in the file so
// a copy on a USB stick still says which office, when and what it holds; a restore drops both.
import fs from 'node:fs';
import path from 'node:path';
import pkg from '../../../package.json' with { type: 'json' };
import { BACKUP_EXTENSION, type BackupCounts, type BackupInfo, type BackupKind, type CurrentData } from '../../../shared/contract/backup.ts';
import { hasTable } from '../db/migrate.ts';
import type { Db } from '../db/open.ts';
import { schemaVersion } from '../db/migrate.ts';
import { writeTransaction } from '../db/transaction.ts';
import { scansPresent, type CarriedFiles } from './files.ts';

export const APP_VERSION: string = pkg.version;
/**
 * Raised when the file layout changes in a way an older Bangkom must not guess at. Version 2
 * carries files (`backup_files`): a Bangkom that reads only version 1 would leave that table in
 * the restored database and the scans behind, so it is told to update instead. A backup with no
 * files to carry is written as version 1, which every Bangkom restores.
 */
export const BACKUP_FORMAT_VERSION = 2;
const FORMAT_WITHOUT_FILES = 1;
export const BACKUPS_DIR = 'backups';
export const INFO_TABLE = 'backup_info';
export const DEFAULT_TIMEZONE = 'Asia/Jakarta';

export const backupsDir = (dataDir: string) => path.join(dataDir, BACKUPS_DIR);

/** Creates the backups folder, private to this user where the system has modes. */
export function ensureBackupsDir(dataDir: string): string {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}


const hasColumn = (db: Db, table: string, column: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);

function countRows(db: Db, table: string): number {
  if (!hasTable(db, table)) return 0; // an older schema: the table came later
  const live = hasColumn(db, table, 'deleted_at') ? ' WHERE deleted_at IS NULL' : '';
  return db.prepare(`SELECT count(*) FROM ${table}${live}`).pluck().get() as number;
}

/** People (employees not deleted), events (not deleted), attendance marks, accounts — from any schema version. */
export function countData(db: Db): BackupCounts {
  return {
    people: countRows(db, 'employees'),
    events: countRows(db, 'events'),
    attendanceMarks: countRows(db, 'attendance_marks'),
    accounts: countRows(db, 'users'),
  };
}

export interface OfficeIdentity { code: string; name: string; timezone: string }

/** The office of any schema version (the office table is there since version 1), or null before setup. */
export function officeOf(db: Db): OfficeIdentity | null {
  if (!hasTable(db, 'office')) return null;
  const row = db.prepare('SELECT code, name, timezone FROM office WHERE deleted_at IS NULL LIMIT 1').get() as OfficeIdentity | undefined;
  return row ?? null;
}

/**
 * The live data for comparison with a backup; with `dataDir`, the scans the records name that are
 * in its data folder (`counts.scans`, left out when there are none, like a backup's).
 */
export function currentData(db: Db, dataDir?: string): CurrentData {
  const office = officeOf(db);
  const counts = countData(db);
  const scans = dataDir ? scansPresent(db, dataDir) : 0;
  return { officeCode: office?.code ?? null, officeName: office?.name ?? null, schemaVersion: schemaVersion(db), counts: scans ? { ...counts, scans } : counts };
}

/** The counts of scans carried and left out, each only when not zero (the shape of older backups otherwise). */
function scanCounts(carried: CarriedFiles | undefined): Pick<BackupCounts, 'scans' | 'scansSkipped'> {
  return { ...(carried?.scans ? { scans: carried.scans } : {}), ...(carried?.skipped ? { scansSkipped: carried.skipped } : {}) };
}

/**
 * Writes the description into a fresh copy (called on the copy, never on the live database),
 * with the files `packFiles` put into it.
 */
export function writeInfo(copy: Db, kind: BackupKind, createdAt: string, carried?: CarriedFiles): BackupInfo {
  const office = officeOf(copy);
  const info: BackupInfo = {
    formatVersion: carried?.scans ? BACKUP_FORMAT_VERSION : FORMAT_WITHOUT_FILES, createdAt, kind, appVersion: APP_VERSION,
    officeCode: office?.code ?? null, officeName: office?.name ?? null,
    schemaVersion: schemaVersion(copy), counts: { ...countData(copy), ...scanCounts(carried) },
  };
  // Key → value, so a later format can add keys an older reader simply ignores.
  copy.exec(`DROP TABLE IF EXISTS ${INFO_TABLE}; CREATE TABLE ${INFO_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;`);
  const insert = copy.prepare(`INSERT INTO ${INFO_TABLE} (key, value) VALUES (?, ?)`);
  const rows: [string, string | number | null][] = [
    ['format_version', info.formatVersion], ['created_at', info.createdAt], ['kind', info.kind],
    ['app_version', info.appVersion], ['office_code', info.officeCode], ['office_name', info.officeName],
    ['schema_version', info.schemaVersion], ['people', info.counts.people], ['events', info.counts.events],
    ['attendance_marks', info.counts.attendanceMarks], ['accounts', info.counts.accounts],
    ['scans', info.counts.scans ?? null], ['scans_skipped', info.counts.scansSkipped ?? null],
  ];
  writeTransaction(copy, () => { for (const [k, v] of rows) if (v !== null) insert.run(k, String(v)); });
  return info;
}

/** The description stored in a backup, or null when the file has no `backup_info` table (a plain database copy). */
export function readInfo(db: Db): (Omit<BackupInfo, 'kind'> & { kind: string }) | null {
  if (!hasTable(db, INFO_TABLE)) return null;
  const map = new Map((db.prepare(`SELECT key, value FROM ${INFO_TABLE}`).all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  const num = (k: string) => {
    const n = Number(map.get(k));
    return Number.isInteger(n) ? n : 0;
  };
  return {
    formatVersion: num('format_version'),
    createdAt: map.get('created_at') ?? '',
    kind: map.get('kind') ?? 'manual',
    appVersion: map.get('app_version') ?? null,
    officeCode: map.get('office_code') ?? null,
    officeName: map.get('office_name') ?? null,
    schemaVersion: num('schema_version'),
    counts: {
      people: num('people'), events: num('events'), attendanceMarks: num('attendance_marks'), accounts: num('accounts'),
      ...scanCounts({ scans: num('scans'), bytes: 0, skipped: num('scans_skipped') }),
    },
  };
}

// ---- file names a clerk understands -----------------------------------------------------------

const PREFIX_WORDS = new Set(['kantor', 'kecamatan', 'kec', 'camat', 'distrik', 'kelurahan', 'kel', 'desa']);

/** "Kantor Kecamatan Plaju" → "Plaju", "Kec. Ilir Barat I" → "Ilir_Barat_I": ASCII, no spaces. */
export function officeShortName(name: string | null | undefined): string {
  const words = (name ?? '')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/).filter(Boolean);
  let i = 0;
  while (i < words.length - 1 && PREFIX_WORDS.has(words[i]!.toLowerCase())) i++;
  const short = words.slice(i).join('_').slice(0, 40);
  return short || 'Kantor';
}

/** Kinds that carry their name in the file name; a manual backup is just the date and time. */
const NAME_SUFFIX: Record<BackupKind, string> = { harian: '-harian', manual: '', 'sebelum-migrasi': '-sebelum-migrasi', 'sebelum-pemulihan': '-sebelum-pemulihan' };

/**
 * `Bangkom-Plaju-2026-11-25-harian.bangkom-backup` (one a day: no time),
 * `Bangkom-Plaju-2026-11-25-0930.bangkom-backup` (manual),
 * `Bangkom-Plaju-2026-11-25-0930-sebelum-migrasi.bangkom-backup`; `-2`, `-3` … when the name is taken.
 */
export function backupFileName(shortName: string, localDate: string, localTime: string, kind: BackupKind, counter = 1): string {
  const time = kind === 'harian' ? '' : `-${localTime.replace(':', '')}`;
  const more = counter > 1 ? `-${counter}` : '';
  return `Bangkom-${shortName}-${localDate}${time}${NAME_SUFFIX[kind]}${more}${BACKUP_EXTENSION}`;
}

export interface ParsedName { fileName: string; date: string; time: string | null; kind: BackupKind; counter: number }

const NAME_PATTERN = /^Bangkom-(.+)-(\d{4}-\d{2}-\d{2})(?:-(\d{4}))?(-harian|-sebelum-migrasi|-sebelum-pemulihan)?(?:-(\d{1,3}))?\.bangkom-backup$/;

/** The date, time and kind a backup's own file name says; null for any other name (never rotated away). */
export function parseBackupFileName(fileName: string): ParsedName | null {
  const m = NAME_PATTERN.exec(fileName);
  if (!m) return null;
  const kind = (m[4]?.slice(1) ?? 'manual') as BackupKind;
  if ((kind === 'harian') !== (m[3] === undefined)) return null;
  return { fileName, date: m[2]!, time: m[3] ?? null, kind, counter: m[5] ? Number(m[5]) : 1 };
}

/** A name not yet used in `dir`. */
export function freeFileName(dir: string, shortName: string, localDate: string, localTime: string, kind: BackupKind): string {
  for (let counter = 1; ; counter++) {
    const name = backupFileName(shortName, localDate, localTime, kind, counter);
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}
