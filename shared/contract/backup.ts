import { z } from 'zod';
import { method } from './define.ts';
import { empty, instant } from './common.ts';

/**
 * Backups: consistent SQLite copies of the office database with their own description inside
 * (a `backup_info` table), kept in `<data>/backups/` and copied by the clerk to a USB stick.
 *
 * Kinds: `harian` (automatic, once per office-local day), `manual` ("Cadangkan sekarang"),
 * `sebelum-migrasi` and `sebelum-pemulihan` (automatic safety copies before a schema migration
 * and before a restore). `salinan` only describes a file being inspected: a plain copy of
 * `bangkom.sqlite` without backup information (the old "copy the folder by hand" backups).
 */
export const BACKUP_KINDS = ['harian', 'manual', 'sebelum-migrasi', 'sebelum-pemulihan'] as const;
export const backupKind = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof backupKind>;
export const backupInfoKind = z.enum([...BACKUP_KINDS, 'salinan']);
export type BackupInfoKind = z.infer<typeof backupInfoKind>;

export const BACKUP_EXTENSION = '.bangkom-backup';

const count = z.number().int();
/**
 * People: employees not deleted. Events: not deleted. Attendance marks: every mark. Accounts: every account.
 * Scans (only when not zero): of a backup, the scanned certificates it carries as files; of the
 * current data, those the records name that are in the data folder. `scansSkipped` (a backup,
 * only when not zero): scans the records named that were left out, missing or damaged on disk.
 */
export const backupCounts = z.object({
  people: count, events: count, attendanceMarks: count, accounts: count,
  scans: count.optional(), scansSkipped: count.optional(),
});
export type BackupCounts = z.infer<typeof backupCounts>;

/** What a backup holds, read from the file itself. */
export const backupInfo = z.object({
  formatVersion: z.number().int(),
  createdAt: instant,
  kind: backupInfoKind,
  /** The Bangkom version that made it; null for a plain database copy. */
  appVersion: z.string().nullable(),
  /** Null when the backed-up database had no office set up yet. */
  officeCode: z.string().nullable(),
  officeName: z.string().nullable(),
  schemaVersion: z.number().int(),
  counts: backupCounts,
});
export type BackupInfo = z.infer<typeof backupInfo>;

export const backupFile = backupInfo.extend({
  fileName: z.string(),
  path: z.string(),
  size: z.number().int(),
});
export type BackupFile = z.infer<typeof backupFile>;

/** One reason a file cannot be restored; `code` is an error code the UI translates (`errors.<code>`). */
export const backupProblem = z.object({
  code: z.enum(['BACKUP_INVALID', 'BACKUP_OTHER_OFFICE', 'BACKUP_TOO_NEW']),
  message: z.string(),
  /** BACKUP_INVALID: `reason` is one of not_sqlite, truncated, damaged, not_bangkom, unreadable. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type BackupProblem = z.infer<typeof backupProblem>;

/** The live database, for comparison with a backup. */
export const currentData = z.object({
  officeCode: z.string().nullable(),
  officeName: z.string().nullable(),
  schemaVersion: z.number().int(),
  counts: backupCounts,
});
export type CurrentData = z.infer<typeof currentData>;

export const backupInspection = z.object({
  /** True when the file can be restored here. */
  ok: z.boolean(),
  path: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  /** Null when the file is not a readable backup at all. */
  info: backupInfo.nullable(),
  current: currentData,
  problems: z.array(backupProblem),
});
export type BackupInspection = z.infer<typeof backupInspection>;

/** A Bangkom process that has the data folder open (restore waits until it is closed). */
export const backupProcess = z.object({
  pid: z.number().int(),
  kind: z.enum(['app', 'serve', 'cli', 'other']),
  startedAt: instant,
  hostname: z.string(),
});
export type BackupProcess = z.infer<typeof backupProcess>;

export const backupDestination = z.object({
  path: z.string(),
  label: z.string(),
  kind: z.enum(['removable', 'documents', 'home']),
  /** Free space in bytes, when the system says. */
  freeBytes: z.number().nullable(),
});
export type BackupDestination = z.infer<typeof backupDestination>;

export const backupStatus = z.object({
  /** The backups folder inside the data folder. */
  folder: z.string(),
  lastBackup: z.object({ at: instant, kind: backupKind, fileName: z.string() }).nullable(),
  /** The last copy saved outside this PC (`backup.saveTo`). */
  lastOffsite: z.object({ at: instant, folder: z.string(), fileName: z.string() }).nullable(),
  /** No copy outside this PC yet, or the last one is older than 7 days. */
  offsiteStale: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatus>;

const filePath = z.string().trim().min(1, 'validation.required').max(1000, 'validation.too_long');

/** The backup files in one folder: readable ones newest first, the others apart with why. */
export const backupListing = z.object({
  folder: z.string(),
  backups: z.array(backupFile),
  unreadable: z.array(z.object({ fileName: z.string(), path: z.string(), size: z.number().int(), problem: backupProblem })),
});
export type BackupListing = z.infer<typeof backupListing>;

/**
 * Access: admin-only, except `backup.status` (any logged-in user). Four methods are marked
 * `public` because a new PC has no accounts yet: `backup.destinations`, `backup.filesIn`,
 * `backup.inspect` and `backup.restore` let the first-run screen restore an office from its USB
 * copy. Their handlers allow an anonymous caller only while no office is set up (as
 * `office.setup` does); once it is, they require an admin like the rest.
 */
export const backupMethods = {
  /** The backups in `<data>/backups/`, newest first; files that cannot be read are listed apart. */
  'backup.list': method({ access: 'admin', input: empty, output: backupListing }),
  /**
   * "Cadangkan sekarang": a `manual` backup into the backups folder, or to `path` when given (a
   * folder, or a file: its name gets `.bangkom-backup` added when it lacks it).
   */
  'backup.create': method({
    access: 'admin',
    input: z.object({ path: filePath.optional() }).strict(),
    output: backupFile,
  }),
  /** For the home page: any logged-in user. */
  'backup.status': method({ access: 'user', input: empty, output: backupStatus }),
  /** Likely places to save a copy: removable drives first, then Documents and the home folder. */
  'backup.destinations': method({ access: 'public', input: empty, output: z.object({ destinations: z.array(backupDestination) }) }),
  /**
   * "Simpan ke USB/folder…": copies the backup `fileName` (from `backup.list`), or a fresh
   * manual backup when omitted, into `folder`, and checks the copy there.
   */
  'backup.saveTo': method({
    access: 'admin',
    input: z.object({ fileName: z.string().min(1).max(260).optional(), folder: filePath }).strict(),
    output: z.object({ path: z.string(), folder: z.string(), fileName: z.string(), size: z.number().int(), at: instant }),
  }),
  /**
   * The `*.bangkom-backup` files in a folder the clerk picks (a USB stick), read like
   * `backup.list`, to restore one of them. Only that folder, not its subfolders.
   */
  'backup.filesIn': method({ access: 'public', input: z.object({ folder: filePath }).strict(), output: backupListing }),
  /** Reads any file: what it holds, the current data beside it, and why it cannot be restored (if so). */
  'backup.inspect': method({ access: 'public', input: z.object({ path: filePath }).strict(), output: backupInspection }),
  /**
   * Replaces the database with the backup at `path` (after a `sebelum-pemulihan` copy of the
   * current one). Refused while another Bangkom process has the data folder open. The restored
   * data has its own logins: everyone logs in again.
   */
  'backup.restore': method({
    access: 'public',
    input: z.object({ path: filePath, confirm: z.literal(true, { error: 'validation.required' }) }).strict(),
    output: z.object({
      restored: backupInfo,
      before: currentData,
      after: currentData,
      /** The copy of the data as it was just before the restore. */
      safetyBackup: backupFile,
      /** Schema version of the backup when it was migrated forward, else null. */
      migratedFrom: z.number().int().nullable(),
      loginAgain: z.literal(true),
    }),
  }),
};
