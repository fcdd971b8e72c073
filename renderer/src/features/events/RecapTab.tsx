import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATUSES, STATUS_CODE } from '../../../../shared/domain/jp.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { dayDate, figure, shortDay } from '../trainings/format.ts';
import { Figures, FileButtons } from '../trainings/ui.tsx';
import type { TabProps } from './EventPage.tsx';

const CODE_CLASS: Record<string, string> = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [STATUS_CODE[s], `code-${s}`]));

/** Rekap: participant × session codes, attendance %, JP, post-test, and who completed. */
export function RecapTab({ event }: TabProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // Read again when the status changes ("Tandai selesai" makes completion final).
  const recap = useLoader(() => api['recap.event']({ eventId: event.id }), [event.id, event.status]);
  return (
    <section className="card" aria-labelledby="recap-title">
      <div className="card-head">
        <h2 id="recap-title">{t('recapUi.event.title')}</h2>
        <FileButtons load={(format) => api['recap.eventFile']({ eventId: event.id, format })} />
      </div>
      <LoadState loader={recap}>
        {(r) => (
          <>
            <p className="form-note">
              {t('recapUi.event.rule', { pct: figure(r.rule.minAttendancePct, lang) })}
              {r.rule.minPostTest !== null ? ` ${t('recapUi.event.rulePostTest', { score: figure(r.rule.minPostTest, lang) })}` : ''}
            </p>
            {!r.finished && (
              <p className="recap-pending-note" role="note">
                {t('recapUi.event.pendingNote', {
                  over: r.sessions.filter((s) => s.over).length, total: r.sessions.length,
                  date: r.sessions.length ? dayDate(r.sessions.at(-1)!.date, lang) : '—',
                })}
              </p>
            )}
            <Figures
              label={t('recapUi.event.totals')}
              items={[
                { key: 'participants', term: t('recapUi.event.participants'), value: r.totals.participants },
                ...(r.finished ? [] : [{ key: 'pending', term: t('recapUi.pending'), value: r.totals.pending }]),
                { key: 'passed', term: t('recapUi.passed'), value: r.totals.passed, tone: 'ok' },
                { key: 'notPassed', term: t('recapUi.notPassed'), value: r.totals.notPassed, tone: 'warn' },
              ]}
            />
            {r.rows.length === 0 ? <p className="list-empty">{t('eventsUi.participants.empty')}</p> : (
              <div className="table-wrap recap-wrap">
                <table className="table recap-grid">
                  <caption className="visually-hidden">{t('recapUi.event.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">{t('eventsUi.sessions.no')}</th>
                      <th scope="col" className="recap-name">{t('eventsUi.participants.name')}</th>
                      {r.sessions.map((s, i) => (
                        <th
                          key={s.id}
                          scope="col"
                          className={`recap-code${r.finished || s.over ? '' : ' recap-not-held'}`}
                          title={`${dayDate(s.date, lang)} ${s.start}–${s.end}${s.topic ? ` · ${s.topic}` : ''}${r.finished || s.over ? '' : ` (${t('recapUi.event.notHeld')})`}`}
                        >
                          <abbr title={`${t('eventsUi.sessions.sessionN', { n: i + 1 })}: ${dayDate(s.date, lang)}, ${s.start}–${s.end}`}>{t('recapUi.event.sessionShort', { n: i + 1 })}</abbr>
                          <span className="cell-sub">{shortDay(s.date, lang)}</span>
                        </th>
                      ))}
                      <th scope="col" className="num">{t('recapUi.event.attendance')}</th>
                      <th scope="col" className="num">{t('recapUi.event.jp')}</th>
                      <th scope="col" className="num">{t('recapUi.event.postTest')}</th>
                      <th scope="col">{t('recapUi.event.result')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.rows.map((row, i) => (
                      <tr key={row.enrolmentId}>
                        <td className="num">{i + 1}</td>
                        <th scope="row" className="recap-name">
                          {row.name}
                          <span className="cell-sub mono">{row.nip ? formatNip(row.nip) : '—'}</span>
                        </th>
                        {row.codes.map((code, k) => (
                          <td key={r.sessions[k]?.id ?? k} className={`recap-code ${code ? (CODE_CLASS[code] ?? '') : 'code-none'}`}>{code || '·'}</td>
                        ))}
                        <td className="num nowrap">
                          {row.counted === 0 && !r.finished ? '—' : `${figure(row.attendancePct, lang)}%`}
                          {!r.finished && row.counted > 0 && <span className="cell-sub">{t('recapUi.event.soFar', { n: row.counted })}</span>}
                        </td>
                        <td className="num">{figure(row.jp, lang)}</td>
                        <td className="num">{row.postTest === null ? '—' : figure(row.postTest, lang)}</td>
                        <td>
                          {row.result === 'pending' ? <span className="badge badge-pending">{t('recapUi.pending')}</span> : row.passed
                            ? <span className="badge badge-ok">{t('recapUi.passed')}</span>
                            : (
                              <>
                                <span className="badge badge-warn">{t('recapUi.notPassed')}</span>
                                <span className="cell-sub">{row.reasons.map((x) => t(`recapUi.reasons.${x}`)).join(', ')}</span>
                              </>
                            )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={2}>{t('recapUi.event.presentPerSession')}</th>
                      {r.sessions.map((s, k) => (
                        <td key={s.id} className="recap-code">
                          {r.finished || s.over || r.rows.some((x) => x.codes[k]) ? r.rows.filter((x) => ['H', 'TL', 'PSW'].includes(x.codes[k] ?? '')).length : '–'}
                        </td>
                      ))}
                      <td colSpan={4} />
                    </tr>
                  </tfoot>
                </table>
              </div>
            )}
            <p className="legend">
              <span className="legend-title">{t('recapUi.legend')}</span>
              {ATTENDANCE_STATUSES.map((s) => (
                <span key={s} className="legend-item"><span className={`recap-code-chip code-${s}`}>{STATUS_CODE[s]}</span> {t(`trainingTerms.attendance.${s}`)}</span>
              ))}
              <span className="legend-item"><span className="recap-code-chip code-none">·</span> {t('recapUi.unmarked')}</span>
            </p>
          </>
        )}
      </LoadState>
    </section>
  );
}
