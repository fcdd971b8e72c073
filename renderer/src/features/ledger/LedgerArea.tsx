import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import { Loading } from '../../components/feedback.tsx';
import { Page, SubNav } from '../../components/Page.tsx';
import { NotFound } from '../placeholder/NotFound.tsx';
import { useRememberedYear, YearSelect } from '../trainings/ui.tsx';
import { BehindTab } from './BehindTab.tsx';
import { LedgerTab } from './LedgerTab.tsx';
import { RecordsImport } from './RecordsImport.tsx';
import { RecordsTab } from './RecordsTab.tsx';
import { ReportsTab } from './ReportsTab.tsx';

// The chart library is large and only this tab needs it: it is fetched when the tab is opened.
const ChartsTab = lazy(() => import('./ChartsTab.tsx').then((m) => ({ default: m.ChartsTab })));

const TABS = [
  { slug: '', key: 'behind', yearly: true },
  { slug: 'semua', key: 'all', yearly: true },
  { slug: 'luar', key: 'records', yearly: true },
  { slug: 'impor', key: 'import', yearly: false },
  { slug: 'grafik', key: 'charts', yearly: true },
  { slug: 'laporan', key: 'reports', yearly: true },
] as const;

/**
 * `#/capaian/<part>`: the 20 JP ledger — who is behind (and enrolling them), everyone with per-unit
 * totals, outside trainings and their import, charts, and the reports — for one year.
 */
export function LedgerArea() {
  const { t } = useTranslation();
  const { part = '' } = useParams<{ part?: string }>();
  const [year, setYear] = useRememberedYear('ledger');
  const current = TABS.find((tab) => tab.slug === part);
  if (!current) return <NotFound />;

  return (
    <Page
      title={t('areas.ledger.title')}
      intro={t('areas.ledger.description')}
      actions={current.yearly ? (
        <YearSelect label={t('ledgerUi.year')} year={year} onChange={setYear} />
      ) : undefined}
    >
      <SubNav
        label={t('ledgerUi.tabsLabel')}
        items={TABS.map((tab) => ({
          key: tab.key,
          href: tab.slug ? `/capaian/${tab.slug}` : '/capaian',
          label: t(`ledgerUi.tabs.${tab.key}`),
          current: tab === current,
        }))}
      />
      {current.key === 'behind' && <BehindTab year={year} />}
      {current.key === 'all' && <LedgerTab year={year} />}
      {current.key === 'records' && <RecordsTab year={year} />}
      {current.key === 'import' && <RecordsImport />}
      {current.key === 'charts' && (
        <Suspense fallback={<Loading />}>
          <ChartsTab year={year} />
        </Suspense>
      )}
      {current.key === 'reports' && <ReportsTab year={year} />}
    </Page>
  );
}
