import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import type { Employee } from '../../../../shared/contract/employees.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { api } from '../../api.ts';
import { setFlash, takeFlash, type Flash, type Message } from '../../app/flash.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, LoadState, Notice } from '../../components/feedback.tsx';
import { Modal } from '../../components/Modal.tsx';
import { Page } from '../../components/Page.tsx';
import { currentLanguage } from '../../i18n.ts';
import { EmployeeForm, formValues } from './EmployeeForm.tsx';
import { EmployeeHistory } from './EmployeeHistory.tsx';
import { EmployeeTrainings } from './EmployeeTrainings.tsx';
import { FlashNotice, Warnings } from './FlashNotice.tsx';
import { employeeFieldLabel, issueMessage, labelled, unitNames } from './format.ts';
import { StatusCard } from './StatusCard.tsx';

type RecordWarning = { field: string; code: string; params?: Record<string, string | number> };

export function useWarningTexts() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (warnings: RecordWarning[]) => warnings.map((w) => {
    const { label, text } = labelled(employeeFieldLabel(t, w.field), issueMessage(t, lang, w));
    return label ? `${label}: ${text}` : text;
  });
}

/** `#/pegawai/<id>`: the record's form, its status, its history, and removal. */
export function EmployeeDetail() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const record = useLoader(() => api['employees.get']({ id }), [id]);
  const units = useLoader(() => api['units.list']({ includeInactive: true }), []);
  const [flash] = useState<Flash | null>(() => takeFlash());
  const [saved, setSaved] = useState<Message | null>(null);
  const [historyTick, setHistoryTick] = useState(0);
  const warningTexts = useWarningTexts();

  const employee = record.data?.employee;
  const replace = (e: Employee, warnings = record.data?.warnings ?? []) => {
    record.setData({ employee: e, warnings });
    setHistoryTick((n) => n + 1);
  };
  const both = {
    data: record.data && units.data ? { record: record.data, units: units.data } : undefined,
    error: record.error ?? units.error,
    loading: record.loading || units.loading,
    reload: () => { record.reload(); units.reload(); },
  };

  return (
    <Page
      title={employee?.displayName ?? t(record.error ? 'employees.detail.notFound' : 'employees.detail.loading')}
      intro={employee ? [formatNip(employee.nip), employee.golonganLabel, employee.unit].filter(Boolean).join(' · ') : undefined}
      actions={<Link href="/pegawai" className="btn">{t('employees.detail.back')}</Link>}
    >
      {flash && <FlashNotice flash={flash} />}
      <LoadState loader={both}>
        {({ record: { employee: e, warnings }, units: unitList }) => (
          <div className="stack">
            <section className="card" aria-labelledby="employee-form-title">
              <h2 id="employee-form-title">{t('employees.detail.dataTitle')}</h2>
              {saved && <Notice>{t(...saved)}</Notice>}
              {warnings.length > 0 && <Warnings title={t('employees.detail.warningsTitle')} items={warningTexts(warnings)} />}
              <EmployeeForm
                key={e.id}
                mode="edit"
                employee={e}
                units={unitList}
                submitLabel={t('common.save')}
                onSubmit={async (values) => {
                  setSaved(null);
                  const result = await api['employees.update']({ id: e.id, ...values });
                  replace(result.employee, result.warnings);
                  setSaved(['employees.detail.saved', { name: result.employee.displayName }]);
                  return formValues(result.employee);
                }}
              />
            </section>
            <EmployeeTrainings employeeId={e.id} />
            <div className="grid-2 grid-cards">
              <StatusCard key={e.id} employee={e} onChanged={(updated) => replace(updated)} />
              <RemoveCard employee={e} />
            </div>
            <EmployeeHistory id={e.id} tick={historyTick} units={unitNames(unitList)} />
          </div>
        )}
      </LoadState>
    </Page>
  );
}

/** Hapus: only a soft remove, after a confirmation; refused by the backend once there are records. */
function RemoveCard({ employee }: { employee: Employee }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      const removed = await api['employees.remove']({ id: employee.id });
      const name = { name: removed.displayName };
      setFlash({
        message: ['employees.detail.removed', name],
        undo: {
          label: ['employees.detail.undoRemove', name],
          done: ['employees.detail.restored', name],
          run: async () => { await api['employees.restore']({ id: removed.id }); },
        },
      });
      navigate('/pegawai');
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="remove-title">
      <h2 id="remove-title">{t('employees.detail.removeTitle')}</h2>
      <p className="form-note">{t('employees.detail.removeNote')}</p>
      <div className="form-actions">
        <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>{t('employees.detail.remove')}</button>
      </div>
      {confirming && (
        <Modal title={t('employees.detail.removeConfirmTitle', { name: employee.displayName })} onClose={() => { setConfirming(false); setError(null); }}>
          <p>{t('employees.detail.removeConfirmText', { name: employee.displayName, nip: formatNip(employee.nip) })}</p>
          {error ? <ErrorAlert error={error} /> : null}
          <div className="form-actions">
            <button type="button" className="btn btn-danger" onClick={() => void remove()} aria-busy={busy || undefined}>
              {busy ? t('employees.detail.removing') : t('employees.detail.removeConfirm')}
            </button>
            <button type="button" className="btn" onClick={() => { setConfirming(false); setError(null); }}>{t('common.cancel')}</button>
          </div>
        </Modal>
      )}
    </section>
  );
}
