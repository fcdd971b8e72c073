import { useTranslation } from 'react-i18next';
import { TIMEZONE_LABEL } from '../../../../shared/domain/timezone.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { AuditTable } from '../settings/AuditTable.tsx';
import type { AuditFormat } from '../settings/auditFormat.ts';
import { employeeFieldLabel, employeeValue, type FormatContext } from './format.ts';

/** Riwayat perubahan: the record's audit entries, newest first, in the office's time zone. */
export function EmployeeHistory({ id, tick, units }: { id: string; tick: number; units: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const { office } = useSession();
  const lang = currentLanguage();
  const history = useLoader(() => api['employees.history']({ id }), [id, tick]);
  const ctx: FormatContext = { t, lang, timeZone: office.timezone, units };
  const format: AuditFormat = { label: (key) => employeeFieldLabel(t, key), value: (key, value) => employeeValue(ctx, key, value) };

  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('employees.history.title')}</h2>
      <p className="form-note">{t('employees.history.intro', { zone: TIMEZONE_LABEL[office.timezone] })}</p>
      <LoadState loader={history}>
        {(entries) => entries.length === 0 ? <p>{t('employees.history.empty')}</p> : (
          <AuditTable caption={t('employees.history.title')} entries={entries} detailsHeader={t('employees.history.changes')} format={format} />
        )}
      </LoadState>
    </section>
  );
}
