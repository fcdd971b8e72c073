import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../shared/contract/index.ts';
import type { Employee } from '../../../../shared/contract/employees.ts';
import { formatDate } from '../../../../shared/domain/dates.ts';
import { api } from '../../api.ts';
import { zodOptions } from '../../components/errors.ts';
import { ControlledSelectField, Form, FormFooter, TextField, useSaveForm } from '../../components/form.tsx';
import { currentLanguage } from '../../i18n.ts';
import { statusLabel, statusOptions } from './format.ts';

const base = contract['employees.setStatus'].input.omit({ id: true });
const statusSchema = base.extend({ statusDate: z.union([z.literal('').transform(() => null), base.shape.statusDate]) });

/** Status kepegawaian: aktif, pindah, pensiun, meninggal or CLTN, with the date it took effect. */
export function StatusCard({ employee, onChanged }: { employee: Employee; onChanged(e: Employee): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const form = useForm({
    resolver: zodResolver(statusSchema, zodOptions),
    defaultValues: { status: employee.status, statusDate: employee.statusDate ?? '' },
  });
  const { onSubmit, alert, saved } = useSaveForm(form, async (values) => {
    const updated = await api['employees.setStatus']({ id: employee.id, ...values });
    onChanged(updated);
    return updated;
  }, (updated) => ({ status: updated.status, statusDate: updated.statusDate ?? '' }));

  return (
    <section className="card" aria-labelledby="status-title">
      <h2 id="status-title">{t('employees.detail.statusTitle')}</h2>
      <p className="status-now">
        {t('employees.detail.statusNow')}:{' '}
        <span className={`badge badge-status-${employee.status}`}>{statusLabel(t, employee.status, true)}</span>
        {employee.statusDate && <span className="muted"> {t('employees.detail.statusSince', { date: formatDate(employee.statusDate, lang) })}</span>}
      </p>
      <Form
        form={form}
        aria-labelledby="status-title"
        onSubmit={onSubmit}
      >
        <div className="grid-2">
          <ControlledSelectField name="status" label={t('employees.detail.newStatus')} options={statusOptions(t)} />
          <TextField name="statusDate" type="date" label={t('employees.detail.statusDate')} hint={t('employees.detail.statusDateHint')} />
        </div>
        <FormFooter
          error={alert}
          // The parent has already put the saved record in `employee`.
          done={saved && t('employees.detail.statusChanged', { name: employee.displayName, status: statusLabel(t, employee.status, true) })}
          submitLabel={t('employees.detail.statusSubmit')}
        />
      </Form>
    </section>
  );
}
