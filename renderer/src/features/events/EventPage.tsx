import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { Event } from '../../../../shared/contract/events.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, LoadState, Loading } from '../../components/feedback.tsx';
import { Page, SubNav } from '../../components/Page.tsx';
import { currentLanguage } from '../../i18n.ts';
import { FlashNotice } from '../employees/FlashNotice.tsx';
import { NotFound } from '../placeholder/NotFound.tsx';
import { dateRange, dayDate, figure } from '../trainings/format.ts';
import { useRun } from '../trainings/ui.tsx';
import { AttendanceTab } from './AttendanceTab.tsx';
import { EventDataTab } from './EventDataTab.tsx';
import { ParticipantsTab } from './ParticipantsTab.tsx';
import { RecapTab } from './RecapTab.tsx';
import { SessionsTab } from './SessionsTab.tsx';
import { EventCertificatesTab } from '../certificates/EventCertificatesTab.tsx';
import { useTabFlash } from './useTabFlash.ts';

// Loaded when first opened: the first screen does not carry the evaluation screens.
const EventEvaluationTab = lazy(() => import('../evaluation/EventEvaluationTab.tsx').then((m) => ({ default: m.EventEvaluationTab })));

export interface TabProps {
  event: Event;
  /** After a write that returned the event again. */
  setEvent(event: Event): void;
  /** After a write elsewhere (sessions, enrolment) that changes the event's figures. */
  reload(): void;
}

const TABS = [
  { slug: '', key: 'data', Component: EventDataTab },
  { slug: 'sesi', key: 'sessions', Component: SessionsTab },
  { slug: 'peserta', key: 'participants', Component: ParticipantsTab },
  { slug: 'kehadiran', key: 'attendance', Component: AttendanceTab },
  { slug: 'rekap', key: 'recap', Component: RecapTab },
  { slug: 'sertifikat', key: 'certificates', Component: EventCertificatesTab },
  { slug: 'evaluasi', key: 'evaluation', Component: EventEvaluationTab },
] as const;

/** `#/kegiatan/<id>/<tab>`: one event, its header figures and its tabs. */
export function EventPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id, tab = '' } = useParams<{ id: string; tab?: string }>();
  const event = useLoader(() => api['events.get']({ id }), [id]);
  // Shown on the tab it was brought to (the new event's Sesi tab), gone once the clerk moves on.
  const flash = useTabFlash(`${id}/${tab}`);
  const [finished, setFinished] = useState<string | null>(null);
  const current = TABS.find((s) => s.slug === tab);
  if (!current) return <NotFound />;
  const { Component } = current;
  const e = event.data;

  return (
    <Page
      title={e?.name ?? t(event.error ? 'eventsUi.notFound' : 'eventsUi.loading')}
      intro={e ? (
        <>
          <span className={`badge badge-event-${e.status}`}>{t(`trainingTerms.eventStatuses.${e.status}`)}</span>{' '}
          {[
            e.methodName,
            e.startDate ? dateRange(e.startDate, e.endDate, lang) : t('eventsUi.noSessions'),
            ...(e.status === 'berlangsung' && e.sessions.length ? [t('eventsUi.sessionsOver', { n: e.sessionsOver, total: e.sessions.length })] : []),
            e.capacity ? t('eventsUi.enrolledOfCapacity', { n: e.enrolled, capacity: e.capacity }) : t('eventsUi.enrolledCount', { count: e.enrolled, n: e.enrolled }),
            t('eventsUi.totalJp', { jp: figure(e.totalJp, lang) }),
          ].join(' · ')}
        </>
      ) : undefined}
      actions={<Link href="/kegiatan" className="btn">{t('eventsUi.back')}</Link>}
    >
      {flash && <FlashNotice flash={flash} />}
      {e && (e.readyToFinish || finished === e.id) && <FinishNotice event={e} setEvent={event.setData} done={finished === e.id} onDone={() => setFinished(e.id)} />}
      <SubNav
        label={t('eventsUi.tabsLabel')}
        items={TABS.map((s) => ({ key: s.key, href: s.slug ? `/kegiatan/${id}/${s.slug}` : `/kegiatan/${id}`, label: t(`eventsUi.tabs.${s.key}`), current: s === current }))}
      />
      <LoadState loader={event}>
        {(data) => <Suspense fallback={<Loading />}><Component event={data} setEvent={event.setData} reload={event.reload} /></Suspense>}
      </LoadState>
    </Page>
  );
}

/**
 * After the last session the clerk is asked to mark the event done, on every tab: completion
 * then becomes final and the plan item (if any) is recorded as carried out.
 */
function FinishNotice({ event, setEvent, done, onDone }: { event: Event; setEvent(e: Event): void; done: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { busy, error, run } = useRun();
  if (done) return <div className="notice" role="status">{t('eventsUi.finishDone')}</div>;
  const last = event.sessions.at(-1);
  return (
    <>
      <div className="notice notice-row notice-finish" role="region" aria-label={t('eventsUi.finishTitle')}>
        <span>
          <strong>{t('eventsUi.finishTitle')}</strong>{' '}
          {t('eventsUi.finishText', { date: last ? dayDate(last.date, lang) : '' })}
        </span>
        <button
          type="button"
          className="btn btn-primary"
          aria-busy={busy !== null || undefined}
          onClick={async () => {
            const updated = await run('finish', () => api['events.setStatus']({ id: event.id, status: 'selesai' }));
            if (updated) {
              onDone();
              setEvent(updated);
            }
          }}
        >
          {t('eventsUi.finishButton')}
        </button>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}
