import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { TrainingRecord } from '../../../../shared/contract/records.ts';
import type { Language } from '../../../../shared/domain/dates.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { DataTable, RowButton, type Column } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { unitOptions } from '../employees/format.ts';
import { dateRange, figure } from '../trainings/format.ts';
import { ConfirmDialog, PlainSelect, useDownload } from '../trainings/ui.tsx';
import { RecordForm } from './RecordForm.tsx';

type Verified = 'all' | 'verified' | 'unverified';

interface Query { unitId: string; verified: Verified; search: string }
// The filters survive a visit elsewhere and back (memory only).
let remembered: Query = { unitId: '', verified: 'all', search: '' };

/**
 * Pelatihan luar: the year's training records from outside the office's events, searchable and
 * filtered; added and changed in a dialog, checked by an admin, removed after a confirmation.
 */
export function RecordsTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const ids = useId();
  const [query, setQueryState] = useState<Query>(remembered);
  const setQuery = (patch: Partial<Query>) => setQueryState((q) => (remembered = { ...q, ...patch }));
  const records = useLoader(() => api['records.list']({
    year,
    verified: query.verified,
    ...(query.unitId ? { unitId: query.unitId } : {}),
    ...(query.search.trim() ? { search: query.search.trim() } : {}),
  }), [year, query]);
  const units = useLoader(() => api['units.list']({ includeInactive: true }), []);
  const list = useCrudList<TrainingRecord>(records);
  const scan = useDownload();
  const { editing, removing } = list;
  const filtered = query.unitId !== '' || query.verified !== 'all' || query.search.trim() !== '';

  const verify = (r: TrainingRecord, verified: boolean) => void list.update(
    r.id,
    () => api['records.verify']({ id: r.id, verified }),
    (u) => t(verified ? 'ledgerUi.records.verifiedDone' : 'ledgerUi.records.unverifiedDone', { title: u.title, name: u.name }),
  );

  return (
    <div className="stack">
      <div className="list-toolbar" role="search" aria-label={t('ledgerUi.records.filters')}>
        <div className="field field-search">
          <label htmlFor={`${ids}-search`}>{t('ledgerUi.records.search')}</label>
          <input id={`${ids}-search`} type="search" value={query.search} autoComplete="off" spellCheck={false} onChange={(e) => setQuery({ search: e.target.value })} />
        </div>
        <PlainSelect label={t('employees.filterUnit')} value={query.unitId} onChange={(unitId) => setQuery({ unitId })}>
          <option value="">{t('employees.allUnits')}</option>
          {unitOptions(t, units.data ?? [], query.unitId).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </PlainSelect>
        <PlainSelect label={t('ledgerUi.records.verifiedFilter')} value={query.verified} onChange={(v) => setQuery({ verified: v as Verified })}>
          <option value="all">{t('ledgerUi.records.verifiedAll')}</option>
          <option value="verified">{t('ledgerUi.records.verified')}</option>
          <option value="unverified">{t('ledgerUi.records.unverified')}</option>
        </PlainSelect>
      </div>

      <ListCard
        title={t('ledgerUi.records.listTitle', { year })}
        actions={<>
          <button type="button" className="btn btn-primary" onClick={() => list.edit('new')}>{t('ledgerUi.records.add')}</button>
          <Link href="/capaian/impor" className="btn">{t('ledgerUi.records.import')}</Link>
        </>}
        intro={t('ledgerUi.records.intro')}
        message={list.message}
      >
        {scan.error ? <ErrorAlert error={scan.error} /> : null}
        <DataTable
          loader={records}
          caption={t('ledgerUi.records.caption', { year })}
          className="table-compact"
          empty={filtered ? t('ledgerUi.records.emptyFiltered') : t('ledgerUi.records.empty', { year })}
          columns={recordColumns(t, currentLanguage(), {
            withPerson: true,
            scan: { busy: scan.busy, download: (r) => void scan.download(r.id, () => api['records.scan']({ id: r.id })) },
            ...(user.role === 'admin' ? { verify: { busy: list.busy, run: verify } } : {}),
          })}
          actions={(r) => <>
            <RowButton label={t('ledgerUi.records.editNamed', { title: r.title, name: r.name })} onClick={() => list.edit(r)}>{t('common.edit')}</RowButton>
            <RowButton danger label={t('ledgerUi.records.removeNamed', { title: r.title, name: r.name })} onClick={() => list.remove(r)}>{t('programmeUi.remove')}</RowButton>
          </>}
        />
      </ListCard>

      {editing && (
        <RecordForm
          record={editing === 'new' ? null : editing}
          onClose={list.close}
          onSaved={(saved, created) => {
            records.reload();
            list.done(t(created ? 'ledgerUi.records.added' : 'ledgerUi.records.saved', { title: saved.title, name: saved.name, jp: figure(saved.jp, currentLanguage()) }));
          }}
        />
      )}

      {removing && (
        <ConfirmDialog
          title={t('ledgerUi.records.removeTitle', { title: removing.title })}
          confirm={t('ledgerUi.records.removeConfirm')}
          danger
          onClose={list.close}
          action={() => api['records.remove']({ id: removing.id })}
          onDone={() => {
            list.drop(removing);
            list.done(t('ledgerUi.records.removed', { title: removing.title, name: removing.name }));
          }}
        >
          <p>{t('ledgerUi.records.removeText', { title: removing.title, name: removing.name, jp: figure(removing.jp, currentLanguage()) })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/**
 * A record's columns: the person (in the office's list), the training with its method and
 * organiser, the dates, the JP with what the rule gives when they differ, and whether an admin
 * has checked it against the certificate.
 */
export function recordColumns(t: TFunction, lang: Language, { withPerson, scan, verify }: {
  withPerson: boolean;
  /** "Unduh pindaian" beside the certificate number. */
  scan?: { busy: string | null; download(r: TrainingRecord): void };
  /** Admins: "Tandai sudah diperiksa" (or take the mark back) under the status. */
  verify?: { busy: string | null; run(r: TrainingRecord, verified: boolean): void };
}): Column<TrainingRecord>[] {
  const person: Column<TrainingRecord> = {
    key: 'person',
    header: t('ledgerUi.records.employee'),
    cell: (r) => <>
      <Link href={`/pegawai/${r.employeeId}`}>{r.name}</Link>
      <span className="cell-sub mono nowrap ledger-nip">{formatNip(r.nip)}</span>
    </>,
  };
  return [
    ...(withPerson ? [person] : []),
    {
      key: 'title',
      header: t('ledgerUi.records.training'),
      rowHeader: true,
      cell: (r) => <>
        <span className="cell-strong">{r.title}</span>
        <span className="cell-sub">{[r.methodName, r.organiser].filter(Boolean).join(' · ')}</span>
        {r.certificateNumber && <span className="cell-sub">{t('ledgerUi.records.certificateShort', { number: r.certificateNumber })}</span>}
        {r.scan && scan && (
          <button type="button" className="ledger-linkish" aria-label={t('ledgerUi.records.scanDownloadNamed', { title: r.title, name: r.name })} onClick={() => scan.download(r)}>
            {scan.busy === r.id ? t('recapUi.preparing') : t('ledgerUi.records.scanDownload')}
          </button>
        )}
      </>,
    },
    { key: 'dates', header: t('ledgerUi.records.dates'), className: 'nowrap', cell: (r) => dateRange(r.startDate, r.endDate, lang) },
    {
      key: 'jp',
      header: t('ledgerUi.records.jpShort'),
      num: true,
      cell: (r) => <>
        <strong>{figure(r.jp, lang)}</strong>
        {r.computedJp !== null && Math.abs(r.computedJp - r.jp) >= 0.005 && (
          <span className="cell-sub" title={r.jpReason}>{t('ledgerUi.records.ruleWas', { jp: figure(r.computedJp, lang) })}</span>
        )}
      </>,
    },
    {
      key: 'verified',
      header: t('ledgerUi.records.status'),
      cell: (r) => <>
        {r.verified
          ? <span className="badge badge-ok">{t('ledgerUi.records.verified')}</span>
          : <span className="badge badge-warn">{t('ledgerUi.records.unverified')}</span>}
        {verify && (
          <button
            type="button"
            className="btn btn-small ledger-verify"
            aria-label={t(r.verified ? 'ledgerUi.records.unverifyNamed' : 'ledgerUi.records.verifyNamed', { title: r.title, name: r.name })}
            disabled={verify.busy !== null}
            aria-busy={verify.busy === r.id || undefined}
            onClick={() => verify.run(r, !r.verified)}
          >
            {r.verified ? t('ledgerUi.records.unverify') : t('ledgerUi.records.verify')}
          </button>
        )}
      </>,
    },
  ];
}
