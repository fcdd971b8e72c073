import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import { takeFlash, type Flash } from '../../app/flash.ts';
import { Page, SubNav } from '../../components/Page.tsx';
import { FlashNotice } from '../employees/FlashNotice.tsx';
import { NotFound } from '../placeholder/NotFound.tsx';
import { useRememberedYear, YearSelect } from '../trainings/ui.tsx';
import { NeedsTab } from './NeedsTab.tsx';
import { PlanTab } from './PlanTab.tsx';

const TABS = [
  { slug: 'kebutuhan', key: 'needs', Component: NeedsTab },
  { slug: 'rencana', key: 'plan', Component: PlanTab },
] as const;

/** `#/program/<tab>`: the year's needs and its annual programme, with a year selector. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { tab = 'kebutuhan' } = useParams<{ tab?: string }>();
  const [year, setYear] = useRememberedYear('programme');
  const [flash] = useState<Flash | null>(() => takeFlash());
  const current = TABS.find((s) => s.slug === tab);
  if (!current) return <NotFound />;
  const { Component } = current;
  return (
    <Page
      title={t('areas.programs.title')}
      intro={t('areas.programs.description')}
      actions={(
        <YearSelect label={t('programmeUi.year')} year={year} onChange={setYear} />
      )}
    >
      {flash && <FlashNotice flash={flash} />}
      <SubNav
        label={t('programmeUi.tabsLabel')}
        items={TABS.map((s) => ({ key: s.slug, href: `/program/${s.slug}`, label: t(`programmeUi.tabs.${s.key}`, { year }), current: s === current }))}
      />
      <Component key={year} year={year} />
    </Page>
  );
}
