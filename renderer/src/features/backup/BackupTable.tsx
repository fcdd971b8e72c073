import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFile, BackupListing } from '../../../../shared/contract/backup.ts';
import { useSession } from '../../app/session.tsx';
import { currentLanguage } from '../../i18n.ts';
import { figure } from '../trainings/format.ts';
import { backupDate, kindWord, problemText, sizeMb } from './format.ts';

/** A backup's date and kind in words, for its buttons' names ("Pulihkan cadangan 4 Desember 2026 09:30 (manual)"). */
export function useBackupWords() {
  const { t } = useTranslation();
  const { office } = useSession();
  const lang = currentLanguage();
  return (b: BackupFile) => ({ date: backupDate(b.createdAt, office.timezone, lang), kind: kindWord(t, b.kind) });
}

/**
 * Backups newest first: when and which kind, the office and what it holds, the size, and the
 * row's buttons; two columns of two lines each, so that it fits a 1024-pixel screen.
 */
export function BackupTable({ caption, backups, actions }: { caption: string; backups: BackupFile[]; actions(b: BackupFile): ReactNode }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const words = useBackupWords();
  return (
    <div className="table-wrap">
      <table className="table backup-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backupUi.dateKind')}</th>
            <th scope="col">{t('backupUi.officeContents')}</th>
            <th scope="col" className="num">{t('backupUi.size')}</th>
            <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => {
            const { date, kind } = words(b);
            return (
              <tr key={b.path}>
                <th scope="row">
                  <span className="nowrap">{date}</span>
                  <span className="cell-sub">{kind}</span>
                </th>
                <td>
                  {b.officeName ?? '—'}
                  <span className="cell-sub">{t('backupUi.counts', { people: figure(b.counts.people, lang), events: figure(b.counts.events, lang) })}</span>
                </td>
                <td className="num nowrap">{sizeMb(b.size, lang)}</td>
                <td><div className="row-actions">{actions(b)}</div></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Files that are there but cannot be used, each with why (translated from the problem's code). */
export function UnreadableList({ files }: { files: BackupListing['unreadable'] }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <div className="alert alert-warning unreadable">
      <p className="alert-title">{t('backupUi.unreadableTitle')}</p>
      <p>{t('backupUi.unreadableIntro')}</p>
      <ul>
        {files.map((f) => (
          <li key={f.path}>
            <span className="file-name mono">{f.fileName}</span>: {problemText(t, f.problem, true)}
          </li>
        ))}
      </ul>
    </div>
  );
}
