import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { takeFlash, type Flash } from '../../app/flash.ts';
import { Page } from '../../components/Page.tsx';
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
      <nav className="subnav" aria-label={t('programmeUi.tabsLabel')}>
        <ul>
          {TABS.map((s) => (
            <li key={s.slug}>
              <Link href={`/program/${s.slug}`} aria-current={s === current ? 'page' : undefined}>
                {t(`programmeUi.tabs.${s.key}`, { year })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Component key={year} year={year} />
    </Page>
  );
}
