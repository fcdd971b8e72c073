import { useTranslation } from 'react-i18next';
import { TIMEZONE_LABEL } from '../../../../shared/domain/timezone.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { ChangeDetails } from '../../components/ChangeDetails.tsx';
import { auditDetails, auditUser, type AuditFormat } from '../settings/auditFormat.ts';
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
          <div className="table-wrap">
            <table className="table table-audit">
              <caption className="visually-hidden">{t('employees.history.title')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="col-time">{t('employees.history.time')}</th>
                  <th scope="col">{t('employees.history.user')}</th>
                  <th scope="col" className="col-action">{t('employees.history.action')}</th>
                  <th scope="col">{t('employees.history.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.seq}>
                    <td className="nowrap">{formatInstant(e.at, office.timezone, lang)}</td>
                    <td className="mono">{auditUser(e.username)}</td>
                    <td>{t(`auditActions.${e.action}`, { defaultValue: e.action })}</td>
                    <td><ChangeDetails items={auditDetails(t, e.action, e.details, format)} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadState>
    </section>
  );
}
