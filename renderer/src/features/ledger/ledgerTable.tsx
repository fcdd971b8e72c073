import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { LedgerFilter, LedgerRow, LedgerYear } from '../../../../shared/contract/ledger.ts';
import type { Language } from '../../../../shared/domain/dates.ts';
import { golonganByCode } from '../../../../shared/domain/golongan.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import type { Column } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { golonganOptions, unitOptions } from '../employees/format.ts';
import { figure } from '../trainings/format.ts';
import { Figures, PlainSelect } from '../trainings/ui.tsx';

export interface LedgerFilters {
  unitId: string;
  golongan: string;
  employmentType: '' | 'pns' | 'pppk';
}

const NO_FILTER: LedgerFilters = { unitId: '', golongan: '', employmentType: '' };

// Both ledger tabs share the filters, and they survive a visit elsewhere and back (memory only).
let remembered: LedgerFilters = NO_FILTER;

export function useLedgerFilters() {
  const [filters, setState] = useState<LedgerFilters>(remembered);
  const set = (patch: Partial<LedgerFilters>) => setState((f) => (remembered = { ...f, ...patch }));
  const reset = () => setState((remembered = NO_FILTER));
  const active = filters.unitId !== '' || filters.golongan !== '' || filters.employmentType !== '';
  return { filters, set, reset, active };
}

/** The ledger call's input for a year and the filters. */
export function ledgerInput(year: number, f: LedgerFilters, behind: boolean): LedgerFilter {
  return {
    year,
    behind,
    ...(f.unitId ? { unitId: f.unitId } : {}),
    ...(f.golongan ? { golongan: f.golongan } : {}),
    ...(f.employmentType ? { employmentType: f.employmentType } : {}),
  };
}

/** Unit, golongan and employee type. */
export function LedgerFilterBar({ filters, onChange }: { filters: LedgerFilters; onChange(patch: Partial<LedgerFilters>): void }) {
  const { t } = useTranslation();
  const units = useLoader(() => api['units.list']({ includeInactive: true }), []);
  const kind = filters.employmentType === '' ? null : filters.employmentType;
  return (
    <div className="list-toolbar list-toolbar-compact" role="search" aria-label={t('ledgerUi.filters')}>
      <PlainSelect label={t('employees.filterUnit')} value={filters.unitId} onChange={(unitId) => onChange({ unitId })}>
        <option value="">{t('employees.allUnits')}</option>
        {unitOptions(t, units.data ?? [], filters.unitId).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </PlainSelect>
      <PlainSelect label={t('employees.filterGolongan')} value={filters.golongan} onChange={(golongan) => onChange({ golongan })}>
        <option value="">{t('employees.allGolongan')}</option>
        {golonganOptions(t, kind).map((o) => ('options' in o ? (
          <optgroup key={o.label} label={o.label}>
            {o.options.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
          </optgroup>
        ) : <option key={o.value} value={o.value}>{o.label}</option>))}
      </PlainSelect>
      <PlainSelect label={t('employees.filterType')} value={filters.employmentType} onChange={(v) => onChange({ employmentType: v as LedgerFilters['employmentType'] })}>
        <option value="">{t('employees.allTypes')}</option>
        <option value="pns">{t('employees.types.pns')}</option>
        <option value="pppk">{t('employees.types.pppk')}</option>
      </PlainSelect>
    </div>
  );
}

/** "III/a", or the PPPK numeral: short enough for a narrow column. */
export function shortGolongan(code: string | null): string {
  if (!code) return '—';
  return golonganByCode(code)?.label ?? code;
}

/**
 * The columns of a person's year: who (name with NIP, linking to the record), unit, golongan, JP
 * from the office's events, from outside (the unverified part said), the total, what is planned,
 * the projection, the target and the gap.
 */
export function ledgerColumns(t: TFunction, lang: Language): Column<LedgerRow>[] {
  const n = (x: number) => figure(x, lang);
  return [
    {
      key: 'name',
      header: t('ledgerUi.columns.name'),
      rowHeader: true,
      cell: (r) => <>
        <Link href={`/pegawai/${r.employeeId}`}>{r.name}</Link>
        <span className="cell-sub mono">{formatNip(r.nip)}</span>
      </>,
    },
    { key: 'unit', header: t('ledgerUi.columns.unit'), className: 'ledger-unit', cell: (r) => r.unit ?? '—' },
    { key: 'golongan', header: t('ledgerUi.columns.golongan'), className: 'nowrap', cell: (r) => shortGolongan(r.golongan) },
    { key: 'eventJp', header: t('ledgerUi.columns.eventJp'), num: true, cell: (r) => n(r.eventJp) },
    {
      key: 'externalJp',
      header: t('ledgerUi.columns.externalJp'),
      num: true,
      cell: (r) => <>
        {n(r.externalJp)}
        {r.unverifiedJp > 0 && <span className="cell-sub ledger-unverified">{t('ledgerUi.columns.unverified', { jp: n(r.unverifiedJp) })}</span>}
      </>,
    },
    { key: 'jp', header: t('ledgerUi.columns.jp'), num: true, className: 'cell-strong', cell: (r) => n(r.jp) },
    { key: 'planned', header: t('ledgerUi.columns.planned'), num: true, cell: (r) => (r.planned > 0 ? n(r.planned) : '—') },
    { key: 'projection', header: t('ledgerUi.columns.projection'), num: true, cell: (r) => n(r.projection) },
    { key: 'target', header: t('ledgerUi.columns.target'), num: true, cell: (r) => n(r.target) },
    {
      key: 'gap',
      header: t('ledgerUi.columns.gap'),
      num: true,
      cell: (r) => (r.gap > 0
        ? <span className={r.projection >= r.target ? 'ledger-gap ledger-gap-planned' : 'ledger-gap'}>{n(r.gap)}</span>
        : <span className="badge badge-ok">{t('ledgerUi.columns.reached')}</span>),
    },
  ];
}

/** Reached / behind / reaching it with what is planned, and the average, as figures. */
export function TotalsFigures({ totals, label }: { totals: LedgerYear['office']; label: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Figures
      label={label}
      className="ledger-figures"
      items={[
        { key: 'employees', term: t('ledgerUi.totals.employees'), value: figure(totals.employees, lang) },
        { key: 'reached', term: t('ledgerUi.totals.reached'), value: figure(totals.reached, lang), tone: 'ok' },
        { key: 'behind', term: t('ledgerUi.totals.behind'), value: figure(totals.behind, lang), tone: totals.behind > 0 ? 'warn' : undefined },
        { key: 'projected', term: t('ledgerUi.totals.reachedByProjection'), value: figure(totals.reachedByProjection, lang), tone: 'late' },
        { key: 'average', term: t('ledgerUi.totals.averageJp'), value: figure(totals.averageJp, lang) },
      ]}
    />
  );
}

/** How many rows a long ledger shows at first, and how many more each "Tampilkan" adds. */
export const SHOW_STEP = 200;

/** Under a ledger cut at `shown` of `total` rows: how many show, and a button for the next step. */
export function ShowMore({ shown, total, onMore }: { shown: number; total: number; onMore(): void }) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return (
    <div className="form-actions">
      <p className="muted">{t('ledgerUi.all.showing', { shown, total })}</p>
      <button type="button" className="btn btn-small" onClick={onMore}>
        {t('ledgerUi.all.showMore', { n: Math.min(SHOW_STEP, total - shown) })}
      </button>
    </div>
  );
}
