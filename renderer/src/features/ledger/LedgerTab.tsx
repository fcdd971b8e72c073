import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerYear } from '../../../../shared/contract/ledger.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { DataTable } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { figure } from '../trainings/format.ts';
import { ledgerColumns, ledgerInput, LedgerFilterBar, SHOW_STEP, ShowMore, TotalsFigures, useLedgerFilters } from './ledgerTable.tsx';

type UnitTotals = LedgerYear['units'][number];

/** Semua pegawai: the year's ledger of everyone, per unit with the office's totals, then per person. */
export function LedgerTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { filters, set, reset, active } = useLedgerFilters();
  const ledger = useLoader(() => api['ledger.year'](ledgerInput(year, filters, false)), [year, filters]);
  const [limit, setLimit] = useState(SHOW_STEP);
  const n = (x: number) => figure(x, lang);

  return (
    <div className="stack">
      <LedgerFilterBar filters={filters} onChange={(patch) => { set(patch); setLimit(SHOW_STEP); }} />
      {active && <p><button type="button" className="btn btn-small btn-quiet" onClick={reset}>{t('ledgerUi.resetFilters')}</button></p>}
      <LoadState loader={ledger}>
        {(l) => {
          const shown = l.rows.slice(0, limit);
          return (
            <>
              <TotalsFigures totals={l.office} label={t('ledgerUi.totals.label', { year })} />
              <section className="card" aria-labelledby="ledger-units-title">
                <h2 id="ledger-units-title">{t('ledgerUi.all.unitsTitle', { year })}</h2>
                <DataTable
                  rows={l.units}
                  caption={t('ledgerUi.all.unitsCaption', { year })}
                  className="table-compact ledger-units"
                  rowKey={(u: UnitTotals) => u.unitId ?? '-'}
                  empty={t('ledgerUi.all.empty', { year })}
                  columns={[
                    { key: 'unit', header: t('ledgerUi.columns.unit'), rowHeader: true, cell: (u) => u.unit ?? t('ledgerUi.all.noUnit') },
                    { key: 'employees', header: t('ledgerUi.totals.employees'), num: true, cell: (u) => n(u.employees) },
                    { key: 'reached', header: t('ledgerUi.totals.reached'), num: true, cell: (u) => n(u.reached) },
                    { key: 'behind', header: t('ledgerUi.totals.behind'), num: true, cell: (u) => n(u.behind) },
                    { key: 'projected', header: t('ledgerUi.totals.reachedByProjection'), num: true, cell: (u) => n(u.reachedByProjection) },
                    { key: 'jp', header: t('ledgerUi.all.jpTotal'), num: true, cell: (u) => n(u.jp) },
                    { key: 'average', header: t('ledgerUi.totals.averageJp'), num: true, cell: (u) => n(u.averageJp) },
                    { key: 'gap', header: t('ledgerUi.all.gapTotal'), num: true, cell: (u) => n(u.gapTotal) },
                  ]}
                  foot={(
                    <tr>
                      <th scope="row">{t('ledgerUi.all.office')}</th>
                      <td className="num">{n(l.office.employees)}</td>
                      <td className="num">{n(l.office.reached)}</td>
                      <td className="num">{n(l.office.behind)}</td>
                      <td className="num">{n(l.office.reachedByProjection)}</td>
                      <td className="num">{n(l.office.jp)}</td>
                      <td className="num">{n(l.office.averageJp)}</td>
                      <td className="num">{n(l.office.gapTotal)}</td>
                    </tr>
                  )}
                />
              </section>
              <section className="card" aria-labelledby="ledger-people-title">
                <h2 id="ledger-people-title">{t('ledgerUi.all.peopleTitle', { year })}</h2>
                <p className="list-count" role="status">{t('ledgerUi.all.count', { count: l.rows.length, n: l.rows.length })}</p>
                <DataTable
                  rows={shown}
                  caption={t('ledgerUi.all.peopleCaption', { year })}
                  className="table-compact ledger-table"
                  rowKey={(r) => r.employeeId}
                  empty={active ? t('ledgerUi.behind.emptyFiltered') : t('ledgerUi.all.empty', { year })}
                  columns={ledgerColumns(t, lang)}
                />
                <ShowMore shown={shown.length} total={l.rows.length} onMore={() => setLimit((x) => x + SHOW_STEP)} />
              </section>
            </>
          );
        }}
      </LoadState>
    </div>
  );
}
