import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_EXTENSION, type BackupStatus } from '../../../shared/contract/backup.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { recordEvent } from '../db/repos/changes.ts';
import { getSetting, setSetting } from '../db/repos/settings.ts';
import { writeTransaction } from '../db/transaction.ts';
import { createBackup, localDateTime } from '../backup/create.ts';
import { backupsDir, DEFAULT_TIMEZONE, ensureBackupsDir, freeFileName, officeOf, officeShortName, parseBackupFileName } from '../backup/format.ts';
import { destinationError, destinationFolder, destinations, listFolder, saveCopy } from '../backup/folders.ts';
import type { BackupHost } from '../backup/host.ts';
import { readListedBackup } from '../backup/inspect.ts';
import { inspectFile, OFFSITE_SETTING, restoreBackup } from '../backup/restore.ts';
import { rotate } from '../backup/rotation.ts';
import { nowIso, type ServiceContext } from './context.ts';
import type { Handlers } from './handlers.ts';

/** A copy outside this PC older than this is worth a reminder on the home page. */
export const OFFSITE_STALE_DAYS = 7;

function hostOf(ctx: ServiceContext): BackupHost {
  if (!ctx.backupHost) throw new ApiError('INTERNAL', 'Cadangan hanya tersedia lewat backend.');
  return ctx.backupHost;
}

/**
 * The methods a first-run screen needs to restore an office on a new PC are public in the
 * contract; here they require an admin as soon as an office is set up.
 */
function adminOrNewInstall(ctx: ServiceContext): void {
  if (ctx.actor?.role === 'admin' || officeOf(ctx.db) === null) return;
  if (!ctx.actor) throw new ApiError('UNAUTHENTICATED', 'Sesi berakhir atau belum masuk. Silakan masuk.');
  throw new ApiError('FORBIDDEN', 'Hanya admin yang boleh melakukan ini.');
}

function audit(ctx: ServiceContext, action: string, details: Record<string, unknown>): void {
  writeTransaction(ctx.db, () => recordEvent(ctx.db, { at: nowIso(ctx), actor: ctx.actor }, action, details));
}

/**
 * `path` as the file to write: a folder gets a file named like those in the backups folder; a
 * file name always ends in .bangkom-backup, so the call can never write over anything else.
 */
function outFile(ctx: ServiceContext, requested: string): string {
  const resolved = path.resolve(requested);
  let target = resolved;
  if (!resolved.endsWith(BACKUP_EXTENSION)) {
    try {
      if (!fs.statSync(resolved).isDirectory()) target = `${resolved}${BACKUP_EXTENSION}`;
    } catch {
      target = `${resolved}${BACKUP_EXTENSION}`;
    }
  }
  let isDir = false;
  try { isDir = fs.statSync(target).isDirectory(); } catch { /* a new file */ }
  if (isDir) {
    const office = officeOf(ctx.db);
    const { date, time } = localDateTime(ctx.now(), office?.timezone ?? DEFAULT_TIMEZONE);
    return path.join(target, freeFileName(target, officeShortName(office?.name), date, time, 'manual'));
  }
  const parent = path.dirname(target);
  if (!fs.existsSync(parent)) throw destinationError(parent, 'ENOENT');
  return target;
}

async function manualBackup(ctx: ServiceContext, requested?: string) {
  const host = hostOf(ctx);
  const file = requested ? outFile(ctx, requested) : undefined;
  try {
    return await host.serial(async () => {
      const made = await createBackup(host.db(), host.dataDir, { kind: 'manual', now: ctx.now(), file });
      if (!file) rotate(backupsDir(host.dataDir), 'manual');
      return made;
    });
  } catch (err) {
    if (file && !(err instanceof ApiError)) throw destinationError(path.dirname(file), (err as NodeJS.ErrnoException).code ?? (err as Error).message);
    throw err;
  }
}

function lastBackup(dataDir: string): BackupStatus['lastBackup'] {
  let newest: { name: string; mtime: number } | null = null;
  try {
    for (const name of fs.readdirSync(backupsDir(dataDir))) {
      if (!parseBackupFileName(name)) continue;
      const mtime = fs.statSync(path.join(backupsDir(dataDir), name)).mtimeMs;
      if (!newest || mtime > newest.mtime) newest = { name, mtime };
    }
  } catch {
    return null;
  }
  if (!newest) return null;
  const parsed = parseBackupFileName(newest.name)!;
  const info = readListedBackup(path.join(backupsDir(dataDir), newest.name)).info;
  return {
    at: info?.createdAt ?? new Date(newest.mtime).toISOString(),
    kind: info && info.kind !== 'salinan' ? info.kind : parsed.kind,
    fileName: newest.name,
  };
}

export const backupHandlers = {
  'backup.list': (_input, ctx) => listFolder(backupsDir(ctx.dataDir)),
  'backup.filesIn': ({ folder }, ctx) => {
    adminOrNewInstall(ctx);
    return listFolder(folder);
  },

  'backup.create': async ({ path: requested }, ctx) => {
    const made = await manualBackup(ctx, requested);
    audit(ctx, 'backup.create', { file: made.path });
    return made;
  },

  'backup.status': (_input, ctx) => {
    const raw = getSetting(ctx.db, OFFSITE_SETTING);
    let lastOffsite: BackupStatus['lastOffsite'] = null;
    try {
      lastOffsite = raw ? JSON.parse(raw) as NonNullable<BackupStatus['lastOffsite']> : null;
    } catch { /* an unreadable setting counts as none */ }
    const staleBefore = ctx.now().getTime() - OFFSITE_STALE_DAYS * 86400000;
    return {
      folder: backupsDir(ctx.dataDir),
      lastBackup: lastBackup(ctx.dataDir),
      lastOffsite,
      offsiteStale: !lastOffsite || Date.parse(lastOffsite.at) < staleBefore,
    };
  },

  'backup.destinations': (_input, ctx) => {
    adminOrNewInstall(ctx);
    return { destinations: destinations() };
  },

  'backup.saveTo': async ({ fileName, folder }, ctx) => {
    destinationFolder(folder);
    let source: string;
    if (fileName) {
      if (path.basename(fileName) !== fileName || !fileName.endsWith(BACKUP_EXTENSION)) throw ApiError.field(['fileName'], 'validation.invalid');
      source = path.join(ensureBackupsDir(ctx.dataDir), fileName);
      if (!fs.existsSync(source)) throw new ApiError('NOT_FOUND', `Cadangan ${fileName} tidak ditemukan.`, { fileName });
    } else {
      source = (await manualBackup(ctx)).path;
      audit(ctx, 'backup.create', { file: source });
    }
    const saved = saveCopy(source, folder);
    const at = nowIso(ctx);
    const record = { at, folder: path.dirname(saved.path), fileName: path.basename(saved.path) };
    writeTransaction(ctx.db, () => {
      setSetting(ctx.db, OFFSITE_SETTING, JSON.stringify(record));
      recordEvent(ctx.db, { at, actor: ctx.actor }, 'backup.saveTo', { file: saved.path });
    });
    return { path: saved.path, folder: record.folder, fileName: record.fileName, size: saved.size, at };
  },

  'backup.inspect': ({ path: file }, ctx) => {
    adminOrNewInstall(ctx);
    return inspectFile(hostOf(ctx), file);
  },

  'backup.restore': async ({ path: file }, ctx) => {
    adminOrNewInstall(ctx);
    const result = await restoreBackup(hostOf(ctx), file, ctx.actor);
    // The restored data has its own accounts and no logins: this door forgets its session too.
    ctx.session.cleared = true;
    return result;
  },
} satisfies Partial<Handlers>;
