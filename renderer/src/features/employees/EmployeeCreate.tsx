import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { toApiError } from '../../components/errors.ts';
import { api } from '../../api.ts';
import { setFlash } from '../../app/flash.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, LoadState } from '../../components/feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { EmployeeForm } from './EmployeeForm.tsx';

/** `#/pegawai/baru`: the same form, empty. A NIP of a removed person offers to restore them. */
export function EmployeeCreate() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const units = useLoader(() => api['units.list']({ includeInactive: true }), []);
  const [removed, setRemoved] = useState<{ id: string; name: string } | null>(null);
  const [restoreError, setRestoreError] = useState<unknown>(null);
  const [restoring, setRestoring] = useState(false);

  const restore = async () => {
    if (!removed) return;
    setRestoring(true);
    setRestoreError(null);
    try {
      const employee = await api['employees.restore']({ id: removed.id });
      setFlash({ message: ['employees.detail.restored', { name: employee.displayName }] });
      navigate(`/pegawai/${employee.id}`);
    } catch (err) {
      setRestoreError(err);
      setRestoring(false);
    }
  };

  return (
    <Page title={t('employees.create.title')} actions={<Link href="/pegawai" className="btn">{t('employees.detail.back')}</Link>}>
      <LoadState loader={units}>
        {(unitList) => (
          <section className="card" aria-label={t('employees.create.title')}>
            {removed && (
              <div className="alert alert-info" role="alert">
                <p>{t('employees.create.removedFound', { name: removed.name })}</p>
                <button type="button" className="btn btn-primary" onClick={() => void restore()} aria-busy={restoring || undefined}>
                  {t('employees.create.restore', { name: removed.name })}
                </button>
              </div>
            )}
            {restoreError ? <ErrorAlert error={restoreError} /> : null}
            <EmployeeForm
              mode="create"
              units={unitList}
              submitLabel={t('employees.create.submit')}
              onSubmit={async (values) => {
                setRemoved(null);
                const result = await api['employees.create'](values);
                // The record page shows the warnings (NIP vs. birth date or gender) itself.
                setFlash({ message: ['employees.detail.created', { name: result.employee.displayName }] });
                navigate(`/pegawai/${result.employee.id}`);
                return null;
              }}
              onError={(err) => {
                const issue = toApiError(err).details?.issues?.find((i) => i.message === 'employee.nip_removed');
                const id = issue?.params?.id;
                if (typeof id === 'string') setRemoved({ id, name: String(issue?.params?.name ?? '') });
              }}
            />
          </section>
        )}
      </LoadState>
    </Page>
  );
}
