import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { EVENT_STATUSES } from '../../../../shared/contract/events.ts';
import { api } from '../../api.ts';
import { takeFlash, type Flash } from '../../app/flash.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { currentLanguage } from '../../i18n.ts';
import { FlashNotice } from '../employees/FlashNotice.tsx';
import { dateRange, figure, yearChoices } from '../trainings/format.ts';
import { PlainSelect, useOfficeYear } from '../trainings/ui.tsx';
import { CreateEventDialog, EMPTY_EVENT } from './EventForm.tsx';

let remembered: { year: string; status: string } | null = null;

/** `#/kegiatan`: the events of a year, newest first, and "Kegiatan baru". */
export function EventList() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const thisYear = useOfficeYear();
  const [filter, setFilterState] = useState(remembered ?? { year: String(thisYear), status: '' });
  const setFilter = (patch: Partial<typeof filter>) => setFilterState((f) => (remembered = { ...f, ...patch }));
  const events = useLoader(
    () => api['events.list']({ year: filter.year ? Number(filter.year) : undefined, status: (filter.status || undefined) as (typeof EVENT_STATUSES)[number] | undefined }),
    [filter.year, filter.status],
  );
  const [creating, setCreating] = useState(false);
  const [flash] = useState<Flash | null>(() => takeFlash());

  return (
    <Page
      title={t('areas.activities.title')}
      intro={t('areas.activities.description')}
      actions={<button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>{t('eventsUi.add')}</button>}
    >
      {flash && <FlashNotice flash={flash} />}
      <div className="list-toolbar list-toolbar-compact" role="search" aria-label={t('eventsUi.filters')}>
        <PlainSelect label={t('programmeUi.year')} value={filter.year} onChange={(year) => setFilter({ year })}>
          <option value="">{t('eventsUi.allYears')}</option>
          {yearChoices(thisYear).map((y) => <option key={y} value={y}>{y}</option>)}
        </PlainSelect>
        <PlainSelect label={t('common.status')} value={filter.status} onChange={(status) => setFilter({ status })}>
          <option value="">{t('eventsUi.allStatuses')}</option>
          {EVENT_STATUSES.map((s) => <option key={s} value={s}>{t(`trainingTerms.eventStatuses.${s}`)}</option>)}
        </PlainSelect>
      </div>
      <LoadState loader={events}>
        {(list) => list.length === 0 ? <p className="list-empty">{t('eventsUi.empty')}</p> : (
          <div className="table-wrap card card-flush">
            <table className="table">
              <caption className="visually-hidden">{t('eventsUi.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('eventsUi.columns.name')}</th>
                  <th scope="col">{t('eventsUi.columns.method')}</th>
                  <th scope="col">{t('eventsUi.columns.dates')}</th>
                  <th scope="col" className="num">{t('eventsUi.columns.enrolled')}</th>
                  <th scope="col" className="num">{t('eventsUi.columns.jp')}</th>
                  <th scope="col">{t('common.status')}</th>
                </tr>
              </thead>
              <tbody>
                {[...list].sort((a, b) => (b.startDate ?? b.createdAt).localeCompare(a.startDate ?? a.createdAt)).map((e) => (
                  <tr key={e.id} className={e.status === 'batal' ? 'row-inactive' : undefined}>
                    <th scope="row"><Link href={`/kegiatan/${e.id}`}>{e.name}</Link></th>
                    <td>{e.methodName}</td>
                    <td className="nowrap">{e.startDate ? dateRange(e.startDate, e.endDate, lang) : <span className="muted">{t('eventsUi.noSessions')}</span>}</td>
                    <td className="num">{e.capacity ? `${e.enrolled} / ${e.capacity}` : e.enrolled}</td>
                    <td className="num">{figure(e.totalJp, lang)}</td>
                    <td>
                      <span className={`badge badge-event-${e.status}`}>{t(`trainingTerms.eventStatuses.${e.status}`)}</span>
                      {e.readyToFinish && <span className="event-finish-due">{t('eventsUi.finishDue')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadState>
      {creating && <CreateEventDialog prefill={EMPTY_EVENT} programmeItemId={null} onClose={() => setCreating(false)} />}
    </Page>
  );
}
