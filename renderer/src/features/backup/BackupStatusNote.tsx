import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { BackupStatus } from '../../../../shared/contract/backup.ts';
import { useSession } from '../../app/session.tsx';
import { currentLanguage } from '../../i18n.ts';
import { ageText, daysSince, kindWord } from './format.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';

export const BACKUP_SETTINGS_PATH = '/pengaturan/cadangan';

/**
 * When the last backup was made, and whether a copy outside this PC is missing or older than
 * a week (a warning then). `link` offers the way to Pengaturan → Cadangan (admins on Beranda).
 */
export function BackupStatusNote({ status, link }: { status: BackupStatus; link?: boolean }) {
  const { t } = useTranslation();
  const { office, user } = useSession();
  const lang = currentLanguage();
  const zone = office.timezone;
  const last = status.lastBackup;
  const offsite = status.lastOffsite;
  const age = offsite ? ageText(t, daysSince(offsite.at, new Date(), zone)) : '';

  return (
    <div className="backup-status">
      <p className="backup-line">
        {last ? t('home.backup.last', { date: formatInstant(last.at, zone, lang), kind: kindWord(t, last.kind) }) : t('home.backup.none')}
      </p>
      {offsite && !status.offsiteStale && (
        <p className="backup-line">
          {t('home.backup.offsiteRecent', { age, folder: offsite.folder })}
        </p>
      )}
      {status.offsiteStale && (
        <div className="alert alert-warning" role="note">
          <p className="alert-title">{offsite ? t('home.backup.offsiteOld', { age }) : t('home.backup.offsiteNone')}</p>
          <p>{t('home.backup.advice')}</p>
          {link && (user.role === 'admin'
            ? <p><Link href={BACKUP_SETTINGS_PATH}>{t('home.backup.link')}</Link></p>
            : <p>{t('home.backup.askAdmin')}</p>)}
        </div>
      )}
    </div>
  );
}
