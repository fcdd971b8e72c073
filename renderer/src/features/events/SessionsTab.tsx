import { useEffect, useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { SESSION_MAX_HOURS, type Event, type Session } from '../../../../shared/contract/events.ts';
import { contract } from '../../../../shared/contract/index.ts';
import { EVENT_DATE_YEARS, dateProblem } from '../../../../shared/domain/calendar-date.ts';
import { formatDate, type Language } from '../../../../shared/domain/dates.ts';
import { dayOff, type DayOff } from '../../../../shared/domain/holidays.ts';
import { durationMinutes, sessionJps } from '../../../../shared/domain/jp.ts';
import { methodById } from '../../../../shared/domain/methods.ts';
import { api } from '../../api.ts';
import { Notice } from '../../components/feedback.tsx';
import { Form, FormAlert, SubmitButton, TextField, useSubmitError } from '../../components/form.tsx';
import { Modal } from '../../components/Modal.tsx';
import { useSession } from '../../app/session.tsx';
import { currentLanguage } from '../../i18n.ts';
import { dayDate, figure, numberOrNull, timeRange } from '../trainings/format.ts';
import { ConfirmDialog } from '../trainings/ui.tsx';
import type { TabProps } from './EventPage.tsx';

/** Sesi: date, times, topic, speaker and JP of each session; the event's total JP. */
export function SessionsTab({ event, reload }: TabProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { office } = useSession();
  const [editing, setEditing] = useState<Session | 'new' | null>(null);
  const [removing, setRemoving] = useState<Session | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const sessions = event.sessions;

  return (
    <section className="card" aria-labelledby="sessions-title">
      <div className="card-head">
        <h2 id="sessions-title">{t('eventsUi.sessions.title')}</h2>
        <button type="button" className="btn btn-primary" onClick={() => { setMessage(null); setEditing('new'); }}>{t('eventsUi.sessions.add')}</button>
      </div>
      <p className="form-note">{t('eventsUi.sessions.intro', { method: event.methodName })}</p>
      {message && <Notice>{message}</Notice>}
      {sessions.length === 0 ? <p className="list-empty">{t('eventsUi.sessions.empty')}</p> : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('eventsUi.sessions.title')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">{t('eventsUi.sessions.no')}</th>
                <th scope="col">{t('eventsUi.sessions.date')}</th>
                <th scope="col">{t('eventsUi.sessions.time')}</th>
                <th scope="col">{t('eventsUi.sessions.topic')}</th>
                <th scope="col">{t('eventsUi.sessions.speaker')}</th>
                <th scope="col" className="num">{t('eventsUi.sessions.jp')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s, i) => (
                <tr key={s.id}>
                  <td className="num">{i + 1}</td>
                  <th scope="row" className="nowrap">{dayDate(s.date, lang)}</th>
                  <td className="nowrap">
                    {timeRange(s.start, s.end, lang, office.timezone)}
                    {s.overnight && <span className="cell-sub">{t('eventsUi.sessions.overnightNote')}</span>}
                  </td>
                  <td>{s.topic || <span className="muted">—</span>}</td>
                  <td>{s.speaker || <span className="muted">—</span>}</td>
                  <td className="num">
                    <strong>{figure(s.jp, lang)}</strong>
                    <span className="cell-sub">
                      {s.jpOverride === null
                        ? t('eventsUi.sessions.computed')
                        : t('eventsUi.sessions.overridden', { computed: figure(s.computedJp, lang), reason: s.jpOverrideReason ?? '' })}
                    </span>
                  </td>
                  <td>
                    <div className="row-actions">
                      <button type="button" className="btn btn-small" aria-label={t('eventsUi.sessions.editNamed', { n: i + 1 })} onClick={() => { setMessage(null); setEditing(s); }}>{t('common.edit')}</button>
                      <button type="button" className="btn btn-small btn-danger" aria-label={t('eventsUi.sessions.removeNamed', { n: i + 1 })} onClick={() => { setRemoving(s); }}>{t('programmeUi.remove')}</button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={5} className="num">{t('eventsUi.sessions.total')}</th>
                <td className="num"><strong>{figure(event.totalJp, lang)}</strong></td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}

      {editing && (
        <Modal title={editing === 'new' ? t('eventsUi.sessions.addTitle') : t('eventsUi.sessions.editTitle', { n: sessions.indexOf(editing) + 1 })} onClose={() => setEditing(null)} size="medium">
          <SessionForm
            event={event}
            session={editing === 'new' ? null : editing}
            onSaved={(s, created) => {
              setEditing(null);
              reload();
              setMessage(t(created ? 'eventsUi.sessions.added' : 'eventsUi.sessions.saved', { date: dayDate(s.date, lang), time: timeRange(s.start, s.end, lang) }));
            }}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      )}

      {removing && (
        <ConfirmDialog
          title={t('eventsUi.sessions.removeTitle')}
          confirm={t('eventsUi.sessions.removeConfirm')}
          danger
          onClose={() => setRemoving(null)}
          action={() => api['sessions.remove']({ id: removing.id })}
          onDone={() => {
            setRemoving(null);
            reload();
            setMessage(t('eventsUi.sessions.removed', { date: dayDate(removing.date, lang) }));
          }}
        >
          <p>{t('eventsUi.sessions.removeText', { date: dayDate(removing.date, lang), time: timeRange(removing.start, removing.end, lang) })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

interface SessionFormValues {
  date: string;
  start: string;
  end: string;
  overnight: boolean;
  topic: string;
  speaker: string;
  override: boolean;
  jpOverride: string;
  jpOverrideReason: string;
}

function SessionForm({ event, session, onSaved, onCancel }: { event: Event; session: Session | null; onSaved(s: Session, created: boolean): void; onCancel(): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const speakersId = useId();
  const last = event.sessions.at(-1);
  const form = useForm<SessionFormValues>({
    defaultValues: session ? {
      date: session.date, start: session.start, end: session.end, overnight: session.overnight, topic: session.topic, speaker: session.speaker,
      override: session.jpOverride !== null, jpOverride: session.jpOverride === null ? '' : String(session.jpOverride), jpOverrideReason: session.jpOverrideReason ?? '',
    } : {
      // The next session usually follows the last one on the same day.
      date: last?.date ?? '', start: last?.end ?? '08:00', end: '', overnight: false, topic: '', speaker: '', override: false, jpOverride: '', jpOverrideReason: '',
    },
  });
  const submit = useSubmitError(form);
  const [date, start, end, overnight, override] = useWatch({ control: form.control, name: ['date', 'start', 'end', 'overnight', 'override'] });
  const preview = previewJp(event, session, { date, start, end }, overnight);
  // A date off (weekend, the office's holiday list) is asked about before saving; the backend takes it either way.
  const [asking, setAsking] = useState<{ input: SessionInput; off: DayOff } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [backToDate, setBackToDate] = useState(0);
  // After "Batal" the clerk changes the date: focus goes there once the question has closed.
  useEffect(() => { if (backToDate) form.setFocus('date'); }, [backToDate, form]);

  const save = async (input: SessionInput) => {
    try {
      if (session) onSaved(await api['sessions.update']({ id: session.id, ...input }), false);
      else onSaved(await api['sessions.create']({ eventId: event.id, ...input }), true);
    } catch (err) {
      setAsking(null);
      submit.fail(err);
    }
  };

  return (
    <>
      <Form
        form={form}
        onSubmit={async (v) => {
          submit.clear();
          if (v.override && v.jpOverride.trim() === '') {
            form.setError('jpOverride', { type: 'required', message: 'validation.required' }, { shouldFocus: true });
            return;
          }
          const input: SessionInput = {
            date: v.date, start: v.start, end: v.end, overnight: v.overnight, topic: v.topic, speaker: v.speaker,
            jpOverride: v.override ? numberOrNull(v.jpOverride) : null,
            jpOverrideReason: v.override ? v.jpOverrideReason.trim() : null,
          };
          // Only a session the contract would take, on a new date, is asked about: a refusal comes first.
          const dateChanged = !session || session.date !== input.date;
          if (dateChanged && contract['sessions.create'].input.safeParse({ eventId: event.id, ...input }).success) {
            try {
              const off = await dateOff(input.date);
              if (off) {
                setAsking({ input, off });
                return;
              }
            } catch (err) {
              submit.fail(err);
              return;
            }
          }
          await save(input);
        }}
      >
        <div className="grid-3">
          <TextField name="date" type="date" label={t('eventsUi.sessions.date')} hint={date ? dayDate(date, lang) : undefined} />
          <TextField name="start" type="time" label={t('eventsUi.sessions.start')} />
          <TextField name="end" type="time" label={t('eventsUi.sessions.end')} />
        </div>
        <label className="choice choice-line">
          <input type="checkbox" {...form.register('overnight')} /> {t('eventsUi.sessions.overnight')}
        </label>
        <div className="grid-2">
          <TextField name="topic" label={t('eventsUi.sessions.topic')} optional />
          <TextField name="speaker" label={t('eventsUi.sessions.speaker')} optional list={speakersId} hint={event.speakers.length ? t('eventsUi.sessions.speakerHint') : undefined} />
          <datalist id={speakersId}>
            {event.speakers.map((s) => <option key={s.name} value={s.name} />)}
          </datalist>
        </div>
        <p className="jp-preview" role="status">
          {preview === null ? t('eventsUi.sessions.previewNone') : t('eventsUi.sessions.preview', { jp: figure(preview, lang), method: event.methodName })}
        </p>
        <label className="choice choice-line">
          <input type="checkbox" {...form.register('override')} /> {t('eventsUi.sessions.override')}
        </label>
        {override && (
          <div className="grid-3">
            <TextField name="jpOverride" label={t('eventsUi.sessions.jpOverride')} inputMode="decimal" />
            <TextField name="jpOverrideReason" label={t('eventsUi.sessions.jpOverrideReason')} fieldClassName="span-2" hint={t('eventsUi.sessions.reasonHint')} />
          </div>
        )}
        <FormAlert error={submit.alert} />
        <div className="form-actions">
          <SubmitButton>{session ? t('common.save') : t('eventsUi.sessions.addSubmit')}</SubmitButton>
          <button type="button" className="btn" onClick={onCancel}>{t('common.cancel')}</button>
        </div>
      </Form>
      {asking && (
        <Modal
          title={t('eventsUi.sessions.dayOff.title')}
          onClose={() => { if (!confirming) { setAsking(null); setBackToDate((n) => n + 1); } }}
          initialFocus="[data-confirm]"
        >
          <p>{dayOffQuestion(t, asking.off, lang)}</p>
          {asking.off.kind === 'holiday' && <p className="form-note">{t('eventsUi.sessions.dayOff.listNote')}</p>}
          <div className="form-actions">
            <button
              type="button"
              data-confirm=""
              className="btn btn-primary"
              aria-busy={confirming || undefined}
              onClick={() => {
                if (confirming) return;
                setConfirming(true);
                void save(asking.input).finally(() => setConfirming(false));
              }}
            >
              {confirming ? t('common.saving') : t('eventsUi.sessions.dayOff.confirm')}
            </button>
            <button type="button" className="btn" disabled={confirming} onClick={() => { setAsking(null); setBackToDate((n) => n + 1); }}>{t('common.cancel')}</button>
          </div>
        </Modal>
      )}
    </>
  );
}

type SessionInput = Omit<Parameters<typeof api['sessions.create']>[0], 'eventId'>;

/** Why the office does not work on a session's date (weekend or its holiday list), or null. */
async function dateOff(date: string): Promise<DayOff | null> {
  if (dateProblem(date, EVENT_DATE_YEARS)) return null;
  const { days } = await api['holidays.get']({ year: Number(date.slice(0, 4)) });
  return dayOff(date, days);
}

/** "14 Desember 2026 adalah hari Minggu. Tetap jadwalkan?", or the holiday's name and kind. */
function dayOffQuestion(t: TFunction, off: DayOff, lang: Language): string {
  const date = formatDate(off.date, lang);
  if (off.kind === 'holiday') return t(`eventsUi.sessions.dayOff.${off.holiday.kind}`, { date, name: off.holiday.name });
  const weekday = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${off.date}T00:00:00Z`));
  return t('eventsUi.sessions.dayOff.weekend', { date, weekday });
}

/**
 * The JP this session would get under the event's rule, with the other sessions as they are;
 * none while the times are ones the contract refuses (an end before the start without the
 * past-midnight box, or the box with an end after the start, or longer than allowed).
 */
function previewJp(event: Event, editing: Session | null, times: { date: string; start: string; end: string }, overnight: boolean): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(times.date) || !/^\d{2}:\d{2}$/.test(times.start) || !/^\d{2}:\d{2}$/.test(times.end) || times.start === times.end) return null;
  if ((times.end < times.start) !== overnight || durationMinutes(times) > SESSION_MAX_HOURS * 60) return null;
  const method = methodById(event.methodId);
  if (!method) return null;
  const others = event.sessions.filter((s) => s.id !== editing?.id).map((s) => ({ date: s.date, start: s.start, end: s.end }));
  const all = [...others, times].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
  return sessionJps(method.rule, all, event.international)[all.indexOf(times)] ?? null;
}
