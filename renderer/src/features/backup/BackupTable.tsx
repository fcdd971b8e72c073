import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFile, BackupListing } from '../../../../shared/contract/backup.ts';
import { useSession } from '../../app/session.tsx';
import { currentLanguage } from '../../i18n.ts';
import { figure } from '../trainings/format.ts';
import { kindWord, problemText, sizeMb } from './format.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';
import { DataTable, type Column } from '../../components/table.tsx';

/** A backup's date and kind in words, for its buttons' names ("Pulihkan cadangan 4 Desember 2026 09:30 (manual)"). */
export function useBackupWords() {
  const { t } = useTranslation();
  const { office } = useSession();
  const lang = currentLanguage();
  return (b: BackupFile) => ({ date: formatInstant(b.createdAt, office.timezone, lang), kind: kindWord(t, b.kind) });
}

/**
 * Backups newest first: when and which kind, the office and what it holds, the size, and the
 * row's buttons; two columns of two lines each, so that it fits a 1024-pixel screen.
 */
export function BackupTable({ caption, backups, empty, actions }: { caption: string; backups: BackupFile[]; empty?: ReactNode; actions(b: BackupFile): ReactNode }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const words = useBackupWords();
  const columns: Column<BackupFile>[] = [
    {
      key: 'dateKind', header: t('backupUi.dateKind'), rowHeader: true,
      cell: (b) => <><span className="nowrap">{words(b).date}</span><span className="cell-sub">{words(b).kind}</span></>,
    },
    {
      key: 'office', header: t('backupUi.officeContents'),
      cell: (b) => <>{b.officeName ?? '—'}<span className="cell-sub">{t('backupUi.counts', { people: figure(b.counts.people, lang), events: figure(b.counts.events, lang) })}</span></>,
    },
    { key: 'size', header: t('backupUi.size'), num: true, className: 'nowrap', cell: (b) => sizeMb(b.size, lang) },
  ];
  return <DataTable rows={backups} caption={caption} columns={columns} className="backup-table" rowKey={(b) => b.path} empty={empty} actions={actions} />;
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
