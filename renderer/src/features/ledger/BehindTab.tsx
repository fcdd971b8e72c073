import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerRow } from '../../../../shared/contract/ledger.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { DataTable, type Column } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { figure } from '../trainings/format.ts';
import { EnrolDialog, type Enrolled } from './EnrolDialog.tsx';
import { ledgerColumns, ledgerInput, LedgerFilterBar, TotalsFigures, useLedgerFilters } from './ledgerTable.tsx';

type Row = LedgerRow & { id: string };

/**
 * Belum 20 JP: who has not reached the year's target, the largest gap first, with the filters,
 * and one action — enrol the people ticked into an upcoming event — after which their planned
 * JP shows.
 */
export function BehindTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { filters, set, reset, active } = useLedgerFilters();
  const ledger = useLoader(() => api['ledger.year'](ledgerInput(year, filters, true)), [year, filters]);
  const list = useCrudList<Row, 'enrol'>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  // Another year or other filters show other people: nobody stays ticked unseen.
  useEffect(() => setSelected(new Set()), [year, filters]);

  const rows: Row[] = (ledger.data?.rows ?? []).map((r) => ({ ...r, id: r.employeeId }));
  const chosen = rows.filter((r) => selected.has(r.employeeId));
  const allTicked = rows.length > 0 && chosen.length === rows.length;
  const toggle = (id: string, on: boolean) => setSelected((s) => {
    const next = new Set(s);
    if (on) next.add(id); else next.delete(id);
    return next;
  });

  const select: Column<Row> = {
    key: 'select',
    header: (
      <input
        type="checkbox"
        className="ledger-tick"
        aria-label={t('ledgerUi.behind.selectAll', { n: rows.length })}
        checked={allTicked}
        disabled={rows.length === 0}
        onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.employeeId)) : new Set())}
      />
    ),
    className: 'ledger-select',
    cell: (r) => (
      <input
        type="checkbox"
        className="ledger-tick"
        aria-label={t('ledgerUi.behind.selectNamed', { name: r.name })}
        checked={selected.has(r.employeeId)}
        onChange={(e) => toggle(r.employeeId, e.target.checked)}
      />
    ),
  };

  const enrolled = (r: Enrolled) => {
    setSelected(new Set());
    ledger.reload();
    const text = t('ledgerUi.enrol.done', { added: r.added, already: r.already, event: r.eventName, enrolled: r.enrolled });
    list.done(r.overCapacity ? `${text} ${t('ledgerUi.enrol.overCapacityDone', { n: r.enrolled, capacity: r.capacity })}` : text);
  };

  return (
    <div className="stack">
      <LedgerFilterBar filters={filters} onChange={set} />
      <LoadState loader={ledger}>
        {(l) => (
          <>
            <p className="ledger-summary">
              {t('ledgerUi.behind.summary', { reached: l.office.reached, employees: l.office.employees, target: figure(l.targets.pns, lang) })}
              {' '}
              {l.office.behind > 0
                ? t('ledgerUi.behind.summaryBehind', { behind: l.office.behind, projected: l.office.reachedByProjection, gap: figure(l.office.gapTotal, lang) })
                : t('ledgerUi.behind.summaryNone')}
              {l.targets.pppk !== l.targets.pns && <> {t('ledgerUi.behind.pppkTarget', { target: figure(l.targets.pppk, lang) })}</>}
            </p>
            <TotalsFigures totals={l.office} label={t('ledgerUi.totals.label', { year })} />
          </>
        )}
      </LoadState>
      <ListCard
        title={t('ledgerUi.behind.title', { year })}
        actions={(
          <button type="button" className="btn btn-primary" disabled={chosen.length === 0} onClick={() => list.open('enrol')}>
            {t('ledgerUi.behind.enrol', { count: chosen.length, n: chosen.length })}
          </button>
        )}
        intro={t('ledgerUi.behind.intro')}
        message={list.message}
      >
        <div className="list-meta">
          <p className="list-count" role="status">
            {ledger.data ? t('ledgerUi.behind.count', { count: rows.length, n: rows.length }) : ''}
            {chosen.length > 0 && <span className="muted"> · {t('ledgerUi.behind.selected', { count: chosen.length, n: chosen.length })}</span>}
          </p>
          {active && <button type="button" className="btn btn-small btn-quiet" onClick={reset}>{t('ledgerUi.resetFilters')}</button>}
        </div>
        <DataTable
          loader={{ ...ledger, data: ledger.data ? rows : undefined }}
          caption={t('ledgerUi.behind.caption', { year })}
          className="table-compact ledger-table"
          empty={active ? t('ledgerUi.behind.emptyFiltered') : t('ledgerUi.behind.empty', { year })}
          rowClassName={(r) => (selected.has(r.employeeId) ? 'row-selected' : undefined)}
          columns={[select, ...ledgerColumns(t, lang)]}
        />
      </ListCard>

      {list.dialog === 'enrol' && (
        <EnrolDialog year={year} people={chosen} onClose={list.close} onEnrolled={enrolled} />
      )}
    </div>
  );
}
