import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { Event, Session } from '../../../../shared/contract/events.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert, LoadState } from '../../components/feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { NotFound } from '../placeholder/NotFound.tsx';
import { currentLanguage } from '../../i18n.ts';
import { dayDate, timeRange } from '../trainings/format.ts';
import { useDownload } from '../trainings/ui.tsx';

/** "Sesi 1 · Jumat, 27 November 2026 · 08.00–12.00 WIB · Topik". */
export function useSessionLine() {
  const { t } = useTranslation();
  const { office } = useSession();
  const lang = currentLanguage();
  return (event: Event, session: Session) => {
    const n = event.sessions.findIndex((s) => s.id === session.id) + 1;
    return [t('eventsUi.sessions.sessionN', { n }), dayDate(session.date, lang), timeRange(session.start, session.end, lang, office.timezone), session.topic].filter(Boolean).join(' · ');
  };
}

/** The session's way back to its event, to the other attendance screen, and the sheet to print. */
export function SessionActions({ event, session, other }: { event: Event; session: Session; other: 'door' | 'paper' }) {
  const { t } = useTranslation();
  const { busy, error, saved, download } = useDownload();
  return (
    <div className="session-actions">
      <Link href={`/kegiatan/${event.id}/kehadiran`} className="btn">{t('attendanceUi.backToEvent')}</Link>
      <Link href={`/kegiatan/${event.id}/sesi/${session.id}/${other === 'door' ? 'hadir' : 'kertas'}`} className="btn">
        {other === 'door' ? t('attendanceUi.toDoor') : t('attendanceUi.toPaper')}
      </Link>
      <button
        type="button"
        className="btn"
        aria-busy={busy !== null || undefined}
        onClick={() => void download('pdf', () => api['attendance.sheetPdf']({ sessionId: session.id }))}
      >
        {busy ? t('recapUi.preparing') : t('attendanceUi.printSheet')}
      </button>
      {saved && <span className="muted" role="status">{t('recapUi.downloaded', { fileName: saved })}</span>}
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}

/**
 * The frame both attendance screens of a session share: loads the event, finds the session,
 * and shows its title, line and actions around the screen itself.
 */
export function SessionPage({ titleKey, other, children }: {
  titleKey: string;
  other: 'door' | 'paper';
  children: (event: Event, session: Session) => ReactNode;
}) {
  const { t } = useTranslation();
  const { id, sessionId } = useParams<{ id: string; sessionId: string }>();
  const event = useLoader(() => api['events.get']({ id }), [id]);
  const session = event.data?.sessions.find((s) => s.id === sessionId);
  const sessionLine = useSessionLine();
  if (event.data && !session) return <NotFound />;
  return (
    <Page
      title={t(titleKey, { n: event.data && session ? event.data.sessions.indexOf(session) + 1 : '…' })}
      intro={event.data && session ? <><strong className="intro-event">{event.data.name}</strong>{sessionLine(event.data, session)}</> : undefined}
      actions={event.data && session ? <SessionActions event={event.data} session={session} other={other} /> : undefined}
    >
      <LoadState loader={event}>
        {(e) => children(e, session!)}
      </LoadState>
    </Page>
  );
}
