import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { Event } from '../../../../shared/contract/events.ts';
import { api } from '../../api.ts';
import { takeFlash, type Flash } from '../../app/flash.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { Page, SubNav } from '../../components/Page.tsx';
import { currentLanguage } from '../../i18n.ts';
import { FlashNotice } from '../employees/FlashNotice.tsx';
import { NotFound } from '../placeholder/NotFound.tsx';
import { dateRange, figure } from '../trainings/format.ts';
import { AttendanceTab } from './AttendanceTab.tsx';
import { EventDataTab } from './EventDataTab.tsx';
import { ParticipantsTab } from './ParticipantsTab.tsx';
import { RecapTab } from './RecapTab.tsx';
import { SessionsTab } from './SessionsTab.tsx';

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
] as const;

/** `#/kegiatan/<id>/<tab>`: one event, its header figures and its tabs. */
export function EventPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id, tab = '' } = useParams<{ id: string; tab?: string }>();
  const event = useLoader(() => api['events.get']({ id }), [id]);
  const [flash] = useState<Flash | null>(() => takeFlash());
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
            e.capacity ? t('eventsUi.enrolledOfCapacity', { n: e.enrolled, capacity: e.capacity }) : t('eventsUi.enrolledCount', { count: e.enrolled, n: e.enrolled }),
            t('eventsUi.totalJp', { jp: figure(e.totalJp, lang) }),
          ].join(' · ')}
        </>
      ) : undefined}
      actions={<Link href="/kegiatan" className="btn">{t('eventsUi.back')}</Link>}
    >
      {flash && <FlashNotice flash={flash} />}
      <SubNav
        label={t('eventsUi.tabsLabel')}
        items={TABS.map((s) => ({ key: s.key, href: s.slug ? `/kegiatan/${id}/${s.slug}` : `/kegiatan/${id}`, label: t(`eventsUi.tabs.${s.key}`), current: s === current }))}
      />
      <LoadState loader={event}>
        {(data) => <Component event={data} setEvent={event.setData} reload={event.reload} />}
      </LoadState>
    </Page>
  );
}
