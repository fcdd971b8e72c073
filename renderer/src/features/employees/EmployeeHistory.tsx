import { useTranslation } from 'react-i18next';
import { TIMEZONE_LABEL } from '../../../../shared/domain/timezone.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { auditUser } from '../settings/auditFormat.ts';
import { employeeFieldLabel, employeeValue, type FormatContext } from './format.ts';

// `unitName` is not a field of the record: updates written by the first roster backend
// (updateEmployeeRecord built `after` from the row joined with its unit) carry it in their diff,
// where it would read "Unit kerja: — → X" on every change. Those old entries stay in the log.
const NOT_SHOWN = new Set(['unitName']);

const isPair = (v: unknown): v is [unknown, unknown] => Array.isArray(v) && v.length === 2;

/** Riwayat perubahan: the record's audit entries, newest first, in the office's time zone. */
export function EmployeeHistory({ id, tick, units }: { id: string; tick: number; units: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const { office } = useSession();
  const lang = currentLanguage();
  const history = useLoader(() => api['employees.history']({ id }), [id, tick]);
  const ctx: FormatContext = { t, lang, timeZone: office.timezone, units };

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
                {entries.map((e) => {
                  const created = e.action.endsWith('.insert');
                  const details = Object.entries(e.details ?? {}).filter(([key, value]) => {
                    if (NOT_SHOWN.has(key)) return false;
                    // A new record lists what it was created with; empty fields say nothing.
                    return !(created && isPair(value) && (value[1] === null || value[1] === ''));
                  });
                  return (
                    <tr key={e.seq}>
                      <td className="nowrap">{formatInstant(e.at, office.timezone, lang)}</td>
                      <td className="mono">{auditUser(e.username)}</td>
                      <td>{t(`auditActions.${e.action}`, { defaultValue: e.action })}</td>
                      <td>
                        <ul className="audit-details">
                          {details.map(([key, value]) => (
                            <li key={key}>
                              <span className="audit-field">{employeeFieldLabel(t, key)}:</span>{' '}
                              {isPair(value) && !created ? (
                                <>
                                  <span className="audit-old">{employeeValue(ctx, key, value[0])}</span>{' '}
                                  <span aria-label={t('settings.audit.becomes')}>→</span>{' '}
                                  <span className="audit-new">{employeeValue(ctx, key, value[1])}</span>
                                </>
                              ) : employeeValue(ctx, key, isPair(value) ? value[1] : value)}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </LoadState>
    </section>
  );
}
