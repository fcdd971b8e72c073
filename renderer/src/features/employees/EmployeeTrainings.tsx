import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { dateRange, dayDate, figure } from '../trainings/format.ts';
import { FileButtons, useOfficeYear } from '../trainings/ui.tsx';
import { EmployeeRecords, HistoryButton } from '../ledger/EmployeeRecords.tsx';

/**
 * "Pelatihan tahun ini": the trainings attended this year with their JP, and those outside the
 * office's events, against the 20 JP target; the person's whole history as a PDF.
 */
export function EmployeeTrainings({ employeeId }: { employeeId: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const year = useOfficeYear();
  const recap = useLoader(() => api['recap.employee']({ employeeId, year }), [employeeId, year]);
  return (
    <section className="card" aria-labelledby="employee-trainings-title">
      <div className="card-head">
        <h2 id="employee-trainings-title">{t('recapUi.employee.title', { year })}</h2>
        <div className="file-buttons">
          <FileButtons load={(format) => api['recap.employeeFile']({ employeeId, year, format })} />
          <HistoryButton employeeId={employeeId} />
        </div>
      </div>
      <LoadState loader={recap}>
        {(r) => {
          const share = r.targetJp > 0 ? Math.min(1, r.totalJp / r.targetJp) : 1;
          const met = r.totalJp >= r.targetJp;
          return (
            <>
              <div className="jp-target">
                <p className="jp-total">
                  {t('recapUi.employee.total', { jp: figure(r.totalJp, lang), target: figure(r.targetJp, lang) })}
                  {' '}<span className={`badge ${met ? 'badge-ok' : 'badge-warn'}`}>{met ? t('recapUi.employee.met') : t('recapUi.employee.short', { jp: figure(r.targetJp - r.totalJp, lang) })}</span>
                </p>
                <div className="jp-bar" role="meter" aria-valuemin={0} aria-valuemax={r.targetJp} aria-valuenow={r.totalJp} aria-label={t('recapUi.employee.meter')}>
                  <div className={`jp-bar-fill${met ? ' jp-bar-met' : ''}`} style={{ width: `${share * 100}%` }} />
                </div>
                {r.externalJp > 0 && <p className="jp-upcoming">{t('ledgerUi.employee.split', { events: figure(r.eventJp, lang), external: figure(r.externalJp, lang) })}</p>}
                {r.plannedJp > 0 && <p className="jp-upcoming">{t('recapUi.employee.plannedTotal', { jp: figure(r.plannedJp, lang) })}</p>}
              </div>
              {r.trainings.length === 0 ? <p className="list-empty">{r.external.length > 0 ? t('ledgerUi.employee.noEvents', { year }) : t('recapUi.employee.none', { year })}</p> : (
                <div className="table-wrap">
                  <table className="table">
                    <caption className="visually-hidden">{t('recapUi.employee.title', { year })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('eventsUi.columns.name')}</th>
                        <th scope="col">{t('eventsUi.columns.method')}</th>
                        <th scope="col">{t('eventsUi.columns.dates')}</th>
                        <th scope="col" className="num">{t('recapUi.event.attendance')}</th>
                        <th scope="col" className="num">{t('recapUi.event.jp')}</th>
                        <th scope="col">{t('recapUi.event.result')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.trainings.map((x) => (
                        <tr key={x.eventId}>
                          <th scope="row"><Link href={`/kegiatan/${x.eventId}/rekap`}>{x.name}</Link></th>
                          <td>{x.methodName}</td>
                          <td className="nowrap">{dateRange(x.startDate, x.endDate, lang)}</td>
                          <td className="num">{x.counted === 0 ? '—' : `${figure(x.attendancePct, lang)}%`}</td>
                          <td className="num">{figure(x.jp, lang)}</td>
                          <td>
                            {x.result === 'pending' ? (
                              <>
                                <span className="badge badge-pending">{t('recapUi.pending')}</span>
                                {x.upcomingSessions > 0 && (
                                  <span className="cell-sub">
                                    {t('recapUi.employee.upcoming', { count: x.upcomingSessions, jp: figure(x.upcomingJp, lang), date: x.nextSessionDate ? dayDate(x.nextSessionDate, lang) : '' })}
                                  </span>
                                )}
                              </>
                            ) : <span className={`badge ${x.passed ? 'badge-ok' : 'badge-warn'}`}>{x.passed ? t('recapUi.passed') : t('recapUi.notPassed')}</span>}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row" colSpan={4} className="num">{t('ledgerUi.employee.eventTotal', { year })}</th>
                        <td className="num"><strong>{figure(r.eventJp, lang)}</strong></td>
                        <td />
                      </tr>
                    </tfoot>
                  </table>
                </div>
              )}
              <EmployeeRecords employee={{ id: employeeId, name: r.name, nip: r.nip }} year={year} rows={r.external} onChanged={recap.reload} />
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
