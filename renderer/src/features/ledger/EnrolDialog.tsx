import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../../shared/contract/events.ts';
import type { LedgerRow } from '../../../../shared/contract/ledger.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { Modal } from '../../components/Modal.tsx';
import { DataTable } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { dateRange, figure } from '../trainings/format.ts';
import { useRun } from '../trainings/ui.tsx';

type ListedEvent = Omit<Event, 'sessions'>;

export interface Enrolled {
  eventName: string;
  added: number;
  already: number;
  enrolled: number;
  capacity: number | null;
  overCapacity: boolean;
}

/**
 * Events people can still be enrolled in: not finished or cancelled, with sessions, and the last
 * of them not over yet (an event whose last session is over only waits to be marked done).
 */
export function upcomingEvents(events: readonly ListedEvent[]): ListedEvent[] {
  return events
    .filter((e) => (e.status === 'direncanakan' || e.status === 'berlangsung') && e.startDate !== null && !e.readyToFinish)
    .sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.name.localeCompare(b.name));
}

/**
 * "Daftarkan ke kegiatan…": the upcoming events with their dates, JP and places left; the one
 * picked gets the people ticked in the ledger (enrolment.add), and what happened is told back.
 */
export function EnrolDialog({ year, people, onClose, onEnrolled }: { year: number; people: LedgerRow[]; onClose(): void; onEnrolled(result: Enrolled): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const events = useLoader(async () => upcomingEvents(await api['events.list']({})), []);
  const [eventId, setEventId] = useState<string | null>(null);
  const { busy, error, run } = useRun();
  const chosen = events.data?.find((e) => e.id === eventId) ?? null;
  const over = chosen?.capacity != null && chosen.enrolled + people.length > chosen.capacity;

  const enrol = async () => {
    if (!chosen) return;
    const r = await run('enrol', () => api['enrolment.add']({ eventId: chosen.id, employeeIds: people.map((p) => p.employeeId) }));
    if (r) onEnrolled({ eventName: chosen.name, ...r });
  };

  const names = people.slice(0, 4).map((p) => p.name).join(', ');
  return (
    <Modal title={t('ledgerUi.enrol.title', { count: people.length, n: people.length })} onClose={onClose} size="wide" initialFocus="input[type=radio]">
      <p className="form-note">
        {people.length > 4 ? t('ledgerUi.enrol.whoMore', { names, more: people.length - 4 }) : t('ledgerUi.enrol.who', { names })}
      </p>
      <fieldset className="ledger-events">
        <legend>{t('ledgerUi.enrol.pick')}</legend>
        <DataTable
          loader={events}
          caption={t('ledgerUi.enrol.caption')}
          className="table-compact"
          wrapClassName="table-scroll"
          empty={t('ledgerUi.enrol.none')}
          rowClassName={(e) => (e.id === eventId ? 'row-selected' : undefined)}
          columns={[
            {
              key: 'name',
              header: t('ledgerUi.enrol.event'),
              rowHeader: true,
              cell: (e) => <>
                <label className="choice">
                  <input type="radio" name="ledger-enrol-event" value={e.id} checked={e.id === eventId} onChange={() => setEventId(e.id)} />
                  {e.name}
                </label>
                <span className="cell-sub">{e.methodName}{e.place ? ` · ${e.place}` : ''}</span>
              </>,
            },
            {
              key: 'dates',
              header: t('ledgerUi.enrol.dates'),
              className: 'nowrap',
              cell: (e) => <>
                {dateRange(e.startDate, e.endDate, lang)}
                {e.startDate && Number(e.startDate.slice(0, 4)) !== year && <span className="cell-sub">{t('ledgerUi.enrol.otherYear', { year })}</span>}
              </>,
            },
            { key: 'jp', header: t('ledgerUi.enrol.jp'), num: true, cell: (e) => figure(e.totalJp, lang) },
            {
              key: 'places',
              header: t('ledgerUi.enrol.participants'),
              num: true,
              cell: (e) => <>
                {e.capacity === null ? e.enrolled : t('ledgerUi.enrol.ofCapacity', { n: e.enrolled, capacity: e.capacity })}
                {e.capacity !== null && <span className="cell-sub">{t('ledgerUi.enrol.left', { n: Math.max(0, e.capacity - e.enrolled) })}</span>}
              </>,
            },
          ]}
        />
      </fieldset>
      {over && chosen?.capacity != null && (
        <div className="alert alert-warning" role="alert">
          <p>{t('ledgerUi.enrol.overCapacity', { enrolled: chosen.enrolled, n: people.length, capacity: chosen.capacity })}</p>
        </div>
      )}
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={!chosen} aria-busy={busy !== null || undefined} onClick={() => void enrol()}>
          {busy ? t('common.saving') : t('ledgerUi.enrol.submit', { count: people.length, n: people.length })}
        </button>
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </Modal>
  );
}
