import { useTranslation } from 'react-i18next';
import type { EmployeeRecap } from '../../../../shared/contract/attendance.ts';
import type { TrainingRecord } from '../../../../shared/contract/records.ts';
import { api } from '../../api.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { MessageLine, useCrudList } from '../../components/list.tsx';
import { DataTable, RowButton } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import type { PickedEmployee } from '../trainings/EmployeePicker.tsx';
import { dateRange, figure } from '../trainings/format.ts';
import { useDownload, useRun } from '../trainings/ui.tsx';
import { RecordForm } from './RecordForm.tsx';

type External = EmployeeRecap['external'][number];

/**
 * An employee's trainings outside the office's events in a year, beside the office's own (as the
 * year's recap lists them): each with its JP and whether an admin has checked it. "Tambah
 * pelatihan luar" adds one for them; "Ubah" opens the record.
 */
export function EmployeeRecords({ employee, year, rows, onChanged }: { employee: PickedEmployee; year: number; rows: External[]; onChanged(): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const list = useCrudList<TrainingRecord>();
  const { busy, error, run } = useRun();
  const total = rows.reduce((sum, r) => sum + r.jp, 0);

  const open = async (r: External) => {
    const record = await run(r.id, () => api['records.get']({ id: r.id }));
    if (record) list.edit(record);
  };

  return (
    <div className="ledger-employee-records">
      <div className="card-head">
        <h3 className="subsection-title">{t('ledgerUi.employee.title', { year })}</h3>
        <button type="button" className="btn btn-small" onClick={() => list.edit('new')}>{t('ledgerUi.employee.add')}</button>
      </div>
      <MessageLine message={list.message} />
      {error ? <ErrorAlert error={error} /> : null}
      <DataTable
        rows={rows}
        caption={t('ledgerUi.employee.title', { year })}
        className="table-compact"
        empty={t('ledgerUi.employee.none', { year })}
        columns={[
          {
            key: 'title',
            header: t('ledgerUi.records.training'),
            rowHeader: true,
            cell: (r) => <>{r.title}<span className="cell-sub">{[r.methodName, r.organiser].filter(Boolean).join(' · ')}</span></>,
          },
          { key: 'dates', header: t('ledgerUi.records.dates'), className: 'nowrap', cell: (r) => dateRange(r.startDate, r.endDate, lang) },
          { key: 'jp', header: t('ledgerUi.records.jpShort'), num: true, cell: (r) => figure(r.jp, lang) },
          {
            key: 'verified',
            header: t('ledgerUi.records.status'),
            cell: (r) => (r.verified
              ? <span className="badge badge-ok">{t('ledgerUi.records.verified')}</span>
              : <span className="badge badge-warn">{t('ledgerUi.records.unverified')}</span>),
          },
        ]}
        actions={(r) => (
          <RowButton label={t('ledgerUi.records.editNamed', { title: r.title, name: employee.name })} disabled={busy !== null} onClick={() => void open(r)}>
            {busy === r.id ? t('common.loading') : t('common.edit')}
          </RowButton>
        )}
        foot={rows.length > 1 ? (
          <tr>
            <th scope="row" colSpan={2} className="num">{t('ledgerUi.employee.total', { year })}</th>
            <td className="num"><strong>{figure(total, lang)}</strong></td>
            <td colSpan={2} />
          </tr>
        ) : undefined}
      />
      {list.editing && (
        <RecordForm
          record={list.editing === 'new' ? null : list.editing}
          employee={list.editing === 'new' ? employee : undefined}
          onClose={list.close}
          onSaved={(saved, created) => {
            onChanged();
            list.done(t(created ? 'ledgerUi.records.added' : 'ledgerUi.records.saved', { title: saved.title, name: saved.name, jp: figure(saved.jp, lang) }));
          }}
        />
      )}
    </div>
  );
}

/** "Cetak riwayat (PDF)": the person's riwayat pengembangan kompetensi over all years, for a promotion file. */
export function HistoryButton({ employeeId }: { employeeId: string }) {
  const { t } = useTranslation();
  const { busy, error, saved, download } = useDownload();
  return (
    <div className="file-buttons">
      <button type="button" className="btn btn-small" aria-busy={busy !== null || undefined} onClick={() => void download('pdf', () => api['reports.history']({ employeeId, format: 'pdf' }))}>
        {busy ? t('recapUi.preparing') : t('ledgerUi.employee.history')}
      </button>
      {error ? <ErrorAlert error={error} /> : saved && <Notice>{t('recapUi.downloaded', { fileName: saved })}</Notice>}
    </div>
  );
}
