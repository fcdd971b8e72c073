import type { TFunction } from 'i18next';
import type { BackupInfoKind, BackupProblem } from '../../../../shared/contract/backup.ts';
import { errorText } from '../../../../shared/i18n/index.ts';
import { dateInZone, type Language } from '../../../../shared/domain/dates.ts';
import { figure } from '../trainings/format.ts';

// Backups as a clerk reads them: dates in the office's zone, kinds in words, sizes in MB.

/** harian, manual, sebelum migrasi, sebelum pemulihan (salinan biasa for a plain copy). */
export function kindWord(t: TFunction, kind: BackupInfoKind): string {
  return t(`backupUi.kinds.${kind}`);
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** "0,4 MB", "12 MB"; never "0 MB" for a file that has something in it. */
export function sizeMb(bytes: number, lang: Language): string {
  const mb = bytes / MB;
  const shown = mb >= 10 ? Math.round(mb) : Math.max(0.1, Math.round(mb * 10) / 10);
  return `${figure(bytes === 0 ? 0 : shown, lang)} MB`;
}

/** Free space on a drive: "3,5 GB" or "800 MB". */
export function freeSpace(bytes: number, lang: Language): string {
  return bytes >= GB ? `${figure(Math.round((bytes / GB) * 10) / 10, lang)} GB` : sizeMb(bytes, lang);
}

/** Whole calendar days (in the office's zone) from an instant to now. */
export function daysSince(instant: string, now: Date, timeZone: string): number {
  const then = Date.parse(`${dateInZone(new Date(instant), timeZone)}T00:00:00Z`);
  const today = Date.parse(`${dateInZone(now, timeZone)}T00:00:00Z`);
  return Math.max(0, Math.round((today - then) / 86_400_000));
}

/** "hari ini", "kemarin", "12 hari lalu". */
export function ageText(t: TFunction, days: number): string {
  if (days === 0) return t('home.backup.today');
  if (days === 1) return t('home.backup.yesterday');
  return t('home.backup.daysAgo', { count: days });
}

/**
 * Why a file cannot be restored, translated from its code. `short`: only the reason of an
 * invalid file ("berkas cadangan terpotong…"), for a list that names the file already.
 */
export function problemText(t: TFunction, problem: BackupProblem, short = false): string {
  const reason = problem.details?.reason;
  if (short && problem.code === 'BACKUP_INVALID' && typeof reason === 'string') {
    return t(`backupReason.${reason}`, { defaultValue: errorText(t, problem) });
  }
  return errorText(t, problem);
}
