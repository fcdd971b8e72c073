import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import { takeFlash, type Flash } from '../../app/flash.ts';
import { Page, SubNav } from '../../components/Page.tsx';
import { FlashNotice } from '../employees/FlashNotice.tsx';
import { NotFound } from '../placeholder/NotFound.tsx';
import { yearChoices } from '../trainings/format.ts';
import { PlainSelect, useOfficeYear } from '../trainings/ui.tsx';
import { NeedsTab } from './NeedsTab.tsx';
import { PlanTab } from './PlanTab.tsx';

const TABS = [
  { slug: 'kebutuhan', key: 'needs', Component: NeedsTab },
  { slug: 'rencana', key: 'plan', Component: PlanTab },
] as const;

// The year chosen survives a visit elsewhere and back (memory only).
let rememberedYear: number | null = null;

/** `#/program/<tab>`: the year's needs and its annual programme, with a year selector. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { tab = 'kebutuhan' } = useParams<{ tab?: string }>();
  const thisYear = useOfficeYear();
  const [year, setYearState] = useState(rememberedYear ?? thisYear);
  const setYear = (y: number) => { rememberedYear = y; setYearState(y); };
  const [flash] = useState<Flash | null>(() => takeFlash());
  const current = TABS.find((s) => s.slug === tab);
  if (!current) return <NotFound />;
  const { Component } = current;
  return (
    <Page
      title={t('areas.programs.title')}
      intro={t('areas.programs.description')}
      actions={(
        <PlainSelect label={t('programmeUi.year')} value={String(year)} onChange={(v) => setYear(Number(v))} className="field-year">
          {yearChoices(thisYear).map((y) => <option key={y} value={y}>{y}</option>)}
        </PlainSelect>
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
