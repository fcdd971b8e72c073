import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityLedgerPerson } from '../../../../shared/contract/city.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, LoadState, Notice } from '../../components/feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { DataTable } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { SHOW_STEP, shortGolongan, ShowMore } from '../ledger/ledgerTable.tsx';
import { figure } from '../trainings/format.ts';
import { Figures, PlainSelect, useDownload, useRememberedYear, YearSelect } from '../trainings/ui.tsx';
import { shortOfficeName } from './format.ts';
import { PersonDialog } from './PersonDialog.tsx';
import { useDebounced } from './useDebounced.ts';

interface Filters { officeCode: string; behindOnly: boolean; search: string }
const NO_FILTER: Filters = { officeCode: '', behindOnly: false, search: '' };
// The filters survive a visit elsewhere and back (memory only), as the kecamatan ledger's do.
let remembered: Filters = NO_FILTER;

/**
 * Capaian JP kota: the city-wide 20 JP ledger, one row per person (NIP) across kecamatan, with
 * filters (kecamatan, only those below target, name or NIP), a person's transfer history, and
 * the SIASN sheet of every kecamatan.
 */
export function CityLedgerPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const ids = useId();
  const [year, setYear] = useRememberedYear('city');
  const [filters, setState] = useState<Filters>(remembered);
  const set = (patch: Partial<Filters>) => {
    setState((f) => (remembered = { ...f, ...patch }));
    setLimit(SHOW_STEP);
  };
  const search = useDebounced(filters.search.trim(), 300);
  const offices = useLoader(() => api['offices.list']({}), []);
  const ledger = useLoader(() => api['city.ledger']({
    year,
    ...(filters.officeCode ? { officeCode: filters.officeCode } : {}),
    ...(filters.behindOnly ? { behindOnly: true } : {}),
    ...(search ? { search } : {}),
  }), [year, filters.officeCode, filters.behindOnly, search]);
  const [limit, setLimit] = useState(SHOW_STEP);
  const [person, setPerson] = useState<CityLedgerPerson | null>(null);
  const siasn = useDownload();
  const n = (x: number) => figure(x, lang);
  const active = filters.officeCode !== '' || filters.behindOnly || filters.search.trim() !== '';

  return (
    <Page
      title={t('areas.cityLedger.title')}
      intro={t('cityUi.ledger.intro')}
      actions={(
        <div className="city-ledger-actions">
          <YearSelect label={t('cityUi.year')} year={year} onChange={setYear} />
          <button type="button" className="btn" aria-busy={siasn.busy !== null || undefined} onClick={() => void siasn.download('siasn', () => api['city.siasn']({ year }))}>
            {siasn.busy ? t('cityUi.ledger.siasnPreparing') : t('cityUi.ledger.siasn')}
          </button>
        </div>
      )}
    >
      {siasn.saved && <Notice>{t('cityUi.ledger.siasnSaved', { fileName: siasn.saved })}</Notice>}
      {siasn.error ? <ErrorAlert error={siasn.error} /> : null}
      <div className="list-toolbar city-ledger-filters" role="search" aria-label={t('cityUi.ledger.filters')}>
        <div className="field field-search">
          <label htmlFor={`${ids}-search`}>{t('cityUi.ledger.search')}</label>
          <input id={`${ids}-search`} type="search" value={filters.search} autoComplete="off" spellCheck={false} onChange={(e) => set({ search: e.target.value })} />
        </div>
        <PlainSelect label={t('cityUi.ledger.kecamatan')} value={filters.officeCode} onChange={(officeCode) => set({ officeCode })}>
          <option value="">{t('cityUi.ledger.allKecamatan')}</option>
          {(offices.data ?? []).map((o) => <option key={o.regionCode} value={o.regionCode}>{shortOfficeName(o.name)}</option>)}
        </PlainSelect>
        <div className="field field-check">
          <label className="choice">
            <input type="checkbox" checked={filters.behindOnly} onChange={(e) => set({ behindOnly: e.target.checked })} />
            {t('cityUi.ledger.behindOnly')}
          </label>
        </div>
      </div>
      {active && <p><button type="button" className="btn btn-small btn-quiet" onClick={() => { remembered = NO_FILTER; setState(NO_FILTER); }}>{t('ledgerUi.resetFilters')}</button></p>}
      <LoadState loader={ledger}>
        {(l) => {
          const shown = l.people.slice(0, limit);
          return (
            <>
              <Figures
                label={t('cityUi.ledger.totalsLabel', { year: l.year })}
                className="city-figures"
                items={[
                  { key: 'people', term: t('cityUi.ledger.people'), value: n(l.totals.people) },
                  { key: 'reached', term: t('cityUi.home.reached', { target: n(l.target) }), value: n(l.totals.reached), tone: 'ok' },
                  { key: 'behind', term: t('cityUi.home.behind', { target: n(l.target) }), value: n(l.totals.behind), tone: l.totals.behind > 0 ? 'late' : undefined },
                  { key: 'jp', term: t('cityUi.ledger.jpTotal'), value: n(l.totals.jp) },
                ]}
              />
              <section className="card" aria-labelledby={`${ids}-title`}>
                <h2 id={`${ids}-title`}>{t('cityUi.ledger.tableTitle', { year: l.year })}</h2>
                <p className="list-count" role="status">{t('cityUi.ledger.count', { count: l.people.length })}</p>
                <DataTable
                  rows={shown}
                  caption={t('cityUi.ledger.tableTitle', { year: l.year })}
                  className="table-compact ledger-table city-ledger"
                  rowKey={(p) => p.nip}
                  empty={active ? t('cityUi.ledger.emptyFiltered') : t('cityUi.ledger.empty', { year: l.year })}
                  columns={[
                    {
                      key: 'name', header: t('ledgerUi.columns.name'), rowHeader: true,
                      cell: (p) => (
                        <>
                          <button type="button" className="city-person-link" onClick={() => setPerson(p)}>{p.name}</button>
                          <span className="cell-sub mono">{formatNip(p.nip)}</span>
                        </>
                      ),
                    },
                    {
                      key: 'office', header: t('cityUi.ledger.kecamatan'),
                      cell: (p) => (
                        <>
                          {shortOfficeName(p.officeName)}
                          {p.offices > 1 && <span className="cell-sub">{t('cityUi.ledger.moved', { count: p.offices })}</span>}
                        </>
                      ),
                    },
                    { key: 'unit', header: t('ledgerUi.columns.unit'), className: 'ledger-unit', cell: (p) => p.unit ?? '—' },
                    { key: 'golongan', header: t('ledgerUi.columns.golongan'), className: 'nowrap', cell: (p) => shortGolongan(p.golongan) },
                    { key: 'eventJp', header: t('ledgerUi.columns.eventJp'), num: true, cell: (p) => n(p.eventJp) },
                    { key: 'externalJp', header: t('ledgerUi.columns.externalJp'), num: true, cell: (p) => n(p.externalJp) },
                    { key: 'jp', header: t('ledgerUi.columns.jp'), num: true, className: 'cell-strong', cell: (p) => n(p.jp) },
                    { key: 'target', header: t('ledgerUi.columns.target'), num: true, cell: (p) => n(p.target) },
                    {
                      key: 'gap', header: t('ledgerUi.columns.gap'), num: true,
                      cell: (p) => (p.gap > 0 ? <span className="ledger-gap">{n(p.gap)}</span> : <span className="badge badge-ok">{t('ledgerUi.columns.reached')}</span>),
                    },
                  ]}
                />
                <ShowMore shown={shown.length} total={l.people.length} onMore={() => setLimit((x) => x + SHOW_STEP)} />
              </section>
            </>
          );
        }}
      </LoadState>
      {person && <PersonDialog nip={person.nip} name={person.name} year={year} onClose={() => setPerson(null)} />}
    </Page>
  );
}
