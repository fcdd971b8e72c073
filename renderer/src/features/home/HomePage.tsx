import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Unit } from '../../../../shared/contract/office.ts';
import { dateInZone, formatDate } from '../../../../shared/domain/dates.ts';
import { TIMEZONE_LABEL } from '../../../../shared/domain/timezone.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { Page } from '../../components/Page.tsx';
import { currentLanguage } from '../../i18n.ts';
import { BackupStatusNote } from '../backup/BackupStatusNote.tsx';
import { DueFollowupsCard } from '../evaluation/DueFollowupsCard.tsx';
import { KirimDataHint } from '../batches/KirimDataHint.tsx';

function countKinds(units: Unit[]): Record<Unit['kind'], number> {
  const counts = { kantor: 0, kelurahan: 0, desa: 0 };
  for (const u of units) counts[u.kind] += 1;
  return counts;
}

/** Beranda: who and where, today's date in the office's zone, and a few facts. */
export function HomePage() {
  const { t } = useTranslation();
  const { user, office } = useSession();
  const isAdmin = user.role === 'admin';
  const units = useLoader(() => api['units.list']({}), []);
  const users = useLoader(() => (isAdmin ? api['users.list']({}) : Promise.resolve(null)), [isAdmin]);
  const backup = useLoader(() => api['backup.status']({}), []);
  const today = formatDate(dateInZone(new Date(), office.timezone), currentLanguage());
  const counts = units.data ? countKinds(units.data) : null;
  const show = (n: number | undefined) => (n === undefined ? '…' : String(n));

  return (
    <Page title={t('home.welcome', { name: user.fullName })} intro={office.name}>
      <p className="today">
        {t('home.today', { date: today, zone: TIMEZONE_LABEL[office.timezone] })}
      </p>
      {backup.data && <BackupStatusNote status={backup.data} link />}
      {backup.error ? <p className="muted">{t('home.backup.unknown')}</p> : null}
      <KirimDataHint />
      <DueFollowupsCard />
      <h2 className="section-title">{t('home.factsTitle')}</h2>
      <dl className="facts">
        <div className="fact">
          <dt>{t('home.facts.kantor')}</dt>
          <dd>{show(counts?.kantor)}</dd>
        </div>
        <div className="fact">
          <dt>{t('home.facts.kelurahan')}</dt>
          <dd>{show(counts?.kelurahan)}</dd>
        </div>
        {counts && counts.desa > 0 && (
          <div className="fact">
            <dt>{t('home.facts.desa')}</dt>
            <dd>{counts.desa}</dd>
          </div>
        )}
        {isAdmin && (
          <div className="fact">
            <dt>{t('home.facts.users')}</dt>
            <dd>{show(users.data?.filter((u) => u.active).length)}</dd>
          </div>
        )}
        <div className="fact fact-wide">
          <dt>{t('home.facts.region')}</dt>
          <dd className="fact-text">
            {t('home.regionLine', { district: office.districtName, regency: office.regencyName, province: office.provinceName })}
            <span className="muted"> · {office.regionCode}</span>
          </dd>
        </div>
      </dl>
      {isAdmin && (
        <>
          <h2 className="section-title">{t('home.nextTitle')}</h2>
          <ul className="next-steps">
            {!office.hasLogo && <li><Link href="/pengaturan/kantor">{t('home.next.logo')}</Link></li>}
            <li><Link href="/pengaturan/unit">{t('home.next.units')}</Link></li>
            <li><Link href="/pengaturan/pengguna">{t('home.next.users')}</Link></li>
          </ul>
        </>
      )}
    </Page>
  );
}
