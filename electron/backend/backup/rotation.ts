// Which backups to keep. Daily backups: the newest of each of the last 7 days, 4 ISO weeks and
// 12 months that have a backup (like `restic forget --keep-daily 7 --keep-weekly 4
// --keep-monthly 12`: counted over periods that have backups, so a PC left off for a month
// never loses its last backups). Manual backups: the newest 10. Safety copies (before a
// migration, before a restore): the newest 5 of each kind. Files whose names Bangkom did not
// make are never touched.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind } from '../../../shared/contract/backup.ts';
import { parseBackupFileName, type ParsedName } from './format.ts';
import { TEMP_PATTERN } from './create.ts';
import { pidAlive } from './presence.ts';

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
export const KEEP_MONTHLY = 12;
export const KEEP_MANUAL = 10;
export const KEEP_SAFETY = 5;

/** ISO 8601 week of a calendar date ("2026-W48"): weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d!));
  const weekday = (t.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  t.setUTCDate(t.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const year = t.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((t.getTime() - firstThursday.getTime()) / (7 * 86400000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface Dated { date: string; time?: string | null }

/**
 * The daily backups to keep, by index into `backups` (any order, dates "YYYY-MM-DD"). Pure:
 * the newest of each of the last `daily` days, `weekly` weeks and `monthly` months with a backup.
 */
export function dailyToKeep(backups: readonly Dated[], daily = KEEP_DAILY, weekly = KEEP_WEEKLY, monthly = KEEP_MONTHLY): Set<number> {
  const order = backups.map((b, i) => ({ i, key: `${b.date} ${b.time ?? ''}` })).sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : b.i - a.i));
  const keep = new Set<number>();
  const policies: [number, (date: string) => string][] = [[daily, (d) => d], [weekly, isoWeek], [monthly, (d) => d.slice(0, 7)]];
  for (const [limit, bucketOf] of policies) {
    const seen = new Set<string>();
    for (const { i } of order) {
      if (seen.size >= limit) break;
      const bucket = bucketOf(backups[i]!.date);
      if (seen.has(bucket)) continue;
      seen.add(bucket);
      keep.add(i);
    }
  }
  return keep;
}

/** The newest `n`, by index. */
export function newestToKeep(backups: readonly Dated[], n: number): Set<number> {
  const order = backups.map((b, i) => ({ i, key: `${b.date} ${b.time ?? ''}` })).sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  return new Set(order.slice(0, n).map((o) => o.i));
}

/** The files of one kind in the backups folder that the policy lets go. */
export function filesToRemove(fileNames: readonly string[], kind: BackupKind): string[] {
  const ours = fileNames.map(parseBackupFileName).filter((p): p is ParsedName => p !== null && p.kind === kind);
  const dated = ours.map((p) => ({ date: p.date, time: p.time ? `${p.time}-${String(p.counter).padStart(3, '0')}` : null }));
  const keep = kind === 'harian' ? dailyToKeep(dated) : newestToKeep(dated, kind === 'manual' ? KEEP_MANUAL : KEEP_SAFETY);
  return ours.filter((_, i) => !keep.has(i)).map((p) => p.fileName);
}


/** Removes the temporary files (ours by name) that a process which has since died left in `dir`. */
export function removeStaleTemps(dir: string, names?: readonly string[]): void {
  let list = names;
  try {
    list ??= fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of list) {
    const m = TEMP_PATTERN.exec(name);
    // Recursive: a restore's staged scans are a folder.
    if (m && Number(m[1]) !== process.pid && !pidAlive(Number(m[1]))) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

/** Applies the policy for `kind` in `dir`, and removes temporary files a crashed run left. */
export function rotate(dir: string, kind: BackupKind): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed = filesToRemove(names, kind);
  for (const name of removed) fs.rmSync(path.join(dir, name), { force: true });
  removeStaleTemps(dir, names);
  return removed;
}
