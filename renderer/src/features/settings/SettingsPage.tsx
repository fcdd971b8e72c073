import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import { useSession } from '../../app/session.tsx';
import { Page, SubNav } from '../../components/Page.tsx';
import { NoAccess, NotFound } from '../placeholder/NotFound.tsx';
import { OfficeSettings } from './OfficeSettings.tsx';
import { UnitsSettings } from './UnitsSettings.tsx';
import { RulesSettings } from './RulesSettings.tsx';
import { HolidaySettings } from './HolidaySettings.tsx';
import { UsersSettings } from './UsersSettings.tsx';
import { AuditLog } from './AuditLog.tsx';
import { DatabaseCheck } from './DatabaseCheck.tsx';
import { BackupSettings } from '../backup/BackupSettings.tsx';
import { CertificateSettings } from '../certificates/CertificateSettings.tsx';
import { TrustSettings } from '../certificates/TrustSettings.tsx';

/** `kecamatanOnly`: a city office has no units, training rules or certificates of its own. */
const SECTIONS = [
  { slug: 'kantor', key: 'office', Component: OfficeSettings },
  { slug: 'unit', key: 'units', Component: UnitsSettings, kecamatanOnly: true },
  { slug: 'pengguna', key: 'users', Component: UsersSettings },
  { slug: 'aturan', key: 'rules', Component: RulesPage, kecamatanOnly: true },
  { slug: 'sertifikat', key: 'certificates', Component: CertificateSettings, kecamatanOnly: true },
  { slug: 'kepercayaan', key: 'trust', Component: TrustSettings },
  { slug: 'audit', key: 'audit', Component: AuditLog },
  { slug: 'pemeriksaan', key: 'check', Component: DatabaseCheck },
  { slug: 'cadangan', key: 'backup', Component: BackupSettings },
];

/** Aturan pelatihan: the rules, then the office's holidays (which the session form asks about). */
function RulesPage() {
  return <div className="stack"><RulesSettings /><HolidaySettings /></div>;
}

/** Pengaturan (admin only): one link per section; `#/pengaturan` opens Kantor. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { user, office } = useSession();
  const { section = 'kantor' } = useParams<{ section?: string }>();
  if (user.role !== 'admin') return <NoAccess />;
  const sections = SECTIONS.filter((s) => !(s.kecamatanOnly && office.kind === 'kota'));
  const current = sections.find((s) => s.slug === section);
  if (!current) return <NotFound />;
  const { Component } = current;
  return (
    <Page title={t('areas.settings.title')}>
      <SubNav
        label={t('settings.sections')}
        items={sections.map((s) => ({ key: s.slug, href: `/pengaturan/${s.slug}`, label: t(`settings.tabs.${s.key}`), current: s === current }))}
      />
      <div className="subpage">
        <Component />
      </div>
    </Page>
  );
}
