import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { STATUS_CODE } from '../../../../shared/domain/jp.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { dayDate, timeRange } from '../trainings/format.ts';
import { useDownload } from '../trainings/ui.tsx';
import type { TabProps } from './EventPage.tsx';

/** Kehadiran: per session, the door screen, the paper sheet to print, and the paper entry. */
export function AttendanceTab({ event }: TabProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { office } = useSession();
  const recap = useLoader(() => api['recap.event']({ eventId: event.id }), [event.id]);
  const print = useDownload();

  const counts = (index: number) => {
    const rows = recap.data?.rows ?? [];
    let present = 0;
    let late = 0;
    let alpa = 0;
    let other = 0;
    for (const r of rows) {
      const code = r.codes[index] ?? '';
      if (code === STATUS_CODE.hadir) present++;
      else if (code === STATUS_CODE.terlambat) late++;
      else if (code === STATUS_CODE.alpa) alpa++;
      else if (code) other++;
    }
    return { present, late, alpa, other, open: rows.length - present - late - alpa - other, total: rows.length };
  };

  return (
    <section className="card" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('attendanceUi.tab.title')}</h2>
      <p className="form-note">{t('attendanceUi.tab.intro')}</p>
      {print.saved && <Notice>{t('recapUi.downloaded', { fileName: print.saved })}</Notice>}
      {print.error ? <ErrorAlert error={print.error} /> : null}
      {event.sessions.length === 0 ? <p className="list-empty">{t('attendanceUi.tab.noSessions')}</p> : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('attendanceUi.tab.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('eventsUi.sessions.session')}</th>
                <th scope="col">{t('attendanceUi.tab.marks')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {event.sessions.map((s, i) => {
                const c = counts(i);
                const n = i + 1;
                return (
                  <tr key={s.id}>
                    <th scope="row">
                      {t('eventsUi.sessions.sessionN', { n })} · {dayDate(s.date, lang)}
                      <span className="cell-sub">{timeRange(s.start, s.end, lang, office.timezone)}{s.topic ? ` · ${s.topic}` : ''}</span>
                    </th>
                    <td>
                      {recap.data ? t('attendanceUi.tab.counts', { present: c.present, late: c.late, alpa: c.alpa, other: c.other, open: c.open, total: c.total }) : '…'}
                    </td>
                    <td>
                      <div className="row-actions">
                        <Link href={`/kegiatan/${event.id}/sesi/${s.id}/hadir`} className="btn btn-small btn-primary">{t('attendanceUi.tab.door', { n })}</Link>
                        <Link href={`/kegiatan/${event.id}/sesi/${s.id}/kertas`} className="btn btn-small">{t('attendanceUi.tab.paper', { n })}</Link>
                        <button
                          type="button"
                          className="btn btn-small"
                          aria-busy={print.busy === s.id || undefined}
                          onClick={() => void print.download(s.id, () => api['attendance.sheetPdf']({ sessionId: s.id }))}
                        >
                          {print.busy === s.id ? t('recapUi.preparing') : t('attendanceUi.tab.print', { n })}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
