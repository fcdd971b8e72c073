import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { EMPLOYEE_STATUSES } from '../../../../shared/contract/employees.ts';
import { api } from '../../api.ts';
import { takeFlash, type Flash } from '../../app/flash.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, Loading } from '../../components/feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { currentLanguage } from '../../i18n.ts';
import { EmployeeTable } from './EmployeeTable.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { FlashNotice } from './FlashNotice.tsx';
import { golonganOptions, statusLabel, unitOptions } from './format.ts';
import { EMPTY_QUERY, useEmployeePages, type ListQuery, type SortKey } from './useEmployeePages.ts';
import { PlainSelect } from '../trainings/ui.tsx';

const LOCALES = { id: 'id-ID', en: 'en-GB' } as const;

// The search and filters survive a visit to a record and back (memory only).
let rememberedQuery: ListQuery = EMPTY_QUERY;

/** Daftar pegawai: search on every keystroke, filters, sortable columns, 10,000 rows scrolling. */
export function EmployeeList() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [query, setQueryState] = useState<ListQuery>(rememberedQuery);
  const setQuery = (patch: Partial<ListQuery>) => setQueryState((q) => (rememberedQuery = { ...q, ...patch }));
  const { shown, error, busy, ensurePage, reload, filter } = useEmployeePages(query);
  const units = useLoader(() => api['units.list']({ includeInactive: true }), []);
  const [exporting, setExporting] = useState(false);
  const [flash, setFlash] = useState<Flash | null>(() => takeFlash());
  const focusRows = useRef<(() => void) | null>(null);
  const ids = useId();

  const filtered = query.search.trim() !== '' || query.unitId !== '' || query.status !== '' || query.golongan !== '' || query.employmentType !== '';

  const onSort = (key: SortKey) => setQuery(query.sort === key ? { direction: query.direction === 'asc' ? 'desc' : 'asc' } : { sort: key, direction: 'asc' });

  return (
    <Page
      title={t('areas.employees.title')}
      intro={t('areas.employees.description')}
      actions={(
        <>
          <Link href="/pegawai/baru" className="btn btn-primary">{t('employees.add')}</Link>
          <Link href="/pegawai/impor" className="btn">{t('employees.import')}</Link>
          <button type="button" className="btn" onClick={() => setExporting(true)} disabled={!shown || shown.total === 0}>{t('employees.export')}</button>
        </>
      )}
    >
      {flash && <FlashNotice flash={flash} onUndone={reload} />}

      <div className="list-toolbar" role="search" aria-label={t('employees.filters')}>
        <div className="field field-search">
          <label htmlFor={`${ids}-search`}>{t('employees.search')}</label>
          <input
            id={`${ids}-search`}
            type="search"
            value={query.search}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${ids}-search-hint`}
            onChange={(e) => setQuery({ search: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && shown && shown.total > 0) {
                e.preventDefault();
                focusRows.current?.();
              }
            }}
          />
          <p className="field-hint" id={`${ids}-search-hint`}>{t('employees.searchHint')}</p>
        </div>
        <PlainSelect label={t('employees.filterUnit')} value={query.unitId} onChange={(unitId) => setQuery({ unitId })}>
          <option value="">{t('employees.allUnits')}</option>
          {unitOptions(t, units.data ?? [], query.unitId).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </PlainSelect>
        <PlainSelect label={t('employees.filterStatus')} value={query.status} onChange={(status) => setQuery({ status })}>
          <option value="">{t('employees.allStatuses')}</option>
          {EMPLOYEE_STATUSES.map((s) => <option key={s} value={s}>{statusLabel(t, s, true)}</option>)}
        </PlainSelect>
        <PlainSelect label={t('employees.filterGolongan')} value={query.golongan} onChange={(golongan) => setQuery({ golongan })}>
          <option value="">{t('employees.allGolongan')}</option>
          {golonganOptions(t, query.employmentType === 'pns' || query.employmentType === 'pppk' ? query.employmentType : null).map((o) => ('options' in o ? (
            <optgroup key={o.label} label={o.label}>
              {o.options.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
            </optgroup>
          ) : <option key={o.value} value={o.value}>{o.label}</option>))}
        </PlainSelect>
        <PlainSelect label={t('employees.filterType')} value={query.employmentType} onChange={(employmentType) => setQuery({ employmentType })}>
          <option value="">{t('employees.allTypes')}</option>
          <option value="pns">{t('employees.types.pns')}</option>
          <option value="pppk">{t('employees.types.pppk')}</option>
        </PlainSelect>
      </div>

      <div className="list-meta">
        <p className="list-count" role="status" aria-live="polite" aria-atomic="true">
          {shown ? t('employees.count', { count: shown.total, n: shown.total.toLocaleString(LOCALES[currentLanguage()]) }) : ''}
        </p>
        {filtered && (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => setQuery({ ...EMPTY_QUERY, sort: query.sort, direction: query.direction })}>
            {t('employees.resetFilters')}
          </button>
        )}
        <p className="list-keys muted">{t('employees.keysHint')}</p>
      </div>

      {error ? (
        <ErrorAlert error={error}>
          <button type="button" className="btn" onClick={reload}>{t('common.retry')}</button>
        </ErrorAlert>
      ) : null}
      {!shown ? (error ? null : <Loading />) : shown.total === 0 ? (
        <p className="list-empty">{filtered ? t('employees.noMatch') : t('employees.empty')}</p>
      ) : (
        <EmployeeTable
          list={shown}
          busy={busy}
          sort={query.sort}
          direction={query.direction}
          onSort={onSort}
          onOpen={(e) => navigate(`/pegawai/${e.id}`)}
          ensurePage={ensurePage}
          focusRef={focusRows}
        />
      )}

      {exporting && shown && (
        <ExportDialog filter={filter} count={shown.total} onClose={() => setExporting(false)} onDone={(message) => { setExporting(false); setFlash({ message }); }} />
      )}
    </Page>
  );
}
