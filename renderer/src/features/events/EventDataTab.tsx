import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { setFlash } from '../../app/flash.ts';
import { EVENT_STATUSES, type Event } from '../../../../shared/contract/events.ts';
import { api } from '../../api.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { Form, FormAlert, SubmitButton, useSaveForm } from '../../components/form.tsx';
import type { TabProps } from './EventPage.tsx';
import { EventFields, eventFormValues, eventInput, type EventFormValues } from './EventForm.tsx';
import { ConfirmDialog, useRun } from '../trainings/ui.tsx';

/** Data kegiatan: every field of the event, and its status. */
export function EventDataTab({ event, setEvent }: TabProps) {
  const { t } = useTranslation();
  const form = useForm<EventFormValues>({ defaultValues: eventFormValues(event) });
  const { onSubmit, alert, saved } = useSaveForm(form, async (v) => {
    const updated = await api['events.update']({ id: event.id, ...eventInput(v, event.programmeItemId) });
    setEvent(updated);
    return updated;
  }, eventFormValues);
  return (
    <div className="stack">
      <section className="card" aria-labelledby="event-data-title">
        <h2 id="event-data-title">{t('eventsUi.tabs.data')}</h2>
        {saved && <Notice>{t('eventsUi.saved', { name: event.name })}</Notice>}
        <Form form={form} onSubmit={onSubmit}>
          <EventFields />
          <FormAlert error={alert} />
          <div className="form-actions">
            <SubmitButton>{t('common.save')}</SubmitButton>
          </div>
        </Form>
      </section>
      <div className="grid-2 grid-cards">
        <EventStatus event={event} setEvent={setEvent} />
        <RemoveEvent event={event} />
      </div>
    </div>
  );
}

function EventStatus({ event, setEvent }: { event: Event; setEvent(e: Event): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState(event.status);
  // The status may change elsewhere ("Tandai selesai" in the page header): the choice follows it.
  useEffect(() => setStatus(event.status), [event.status]);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useRun();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('eventsUi.statusTitle')}</h2>
      {done && <Notice>{done}</Notice>}
      <div className="inline-form">
        <div className="field">
          <label htmlFor={id}>{t('eventsUi.newStatus')}</label>
          <select id={id} value={status} onChange={(e) => setStatus(e.target.value as Event['status'])}>
            {EVENT_STATUSES.map((s) => <option key={s} value={s}>{t(`trainingTerms.eventStatuses.${s}`)}</option>)}
          </select>
        </div>
        <button
          type="button"
          className="btn"
          aria-busy={busy !== null || undefined}
          disabled={status === event.status}
          onClick={async () => {
            setDone(null);
            const updated = await run('status', () => api['events.setStatus']({ id: event.id, status }));
            if (updated) {
              setEvent(updated);
              setDone(t('eventsUi.statusChanged', { status: t(`trainingTerms.eventStatuses.${updated.status}`) }));
            }
          }}
        >
          {t('eventsUi.statusSubmit')}
        </button>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
    </section>
  );
}

/** Only an event nobody was ever enrolled in; the backend says so otherwise. */
function RemoveEvent({ event }: { event: Event }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card" aria-labelledby="event-remove-title">
      <h2 id="event-remove-title">{t('eventsUi.removeTitle')}</h2>
      {!event.removable ? (
        <p className="form-note">{t('eventsUi.removeHasParticipants')}</p>
      ) : (
        <>
          <p className="form-note">{t('eventsUi.removeIntro')}</p>
          <div className="form-actions">
            <button type="button" className="btn btn-danger" onClick={() => { setConfirming(true); }}>{t('eventsUi.removeButton')}</button>
          </div>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('eventsUi.removeConfirmTitle', { name: event.name })}
          confirm={t('eventsUi.removeConfirm')}
          danger
          onClose={() => setConfirming(false)}
          action={() => api['events.remove']({ id: event.id })}
          onDone={() => {
            setFlash({ message: ['eventsUi.removed', { name: event.name }] });
            navigate('/kegiatan');
          }}
        >
          <p>{t('eventsUi.removeConfirmText', { count: event.sessions.length })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
