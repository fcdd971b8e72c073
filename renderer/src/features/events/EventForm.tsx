import { useFieldArray, useForm, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Event } from '../../../../shared/contract/events.ts';
import type { Input } from '../../../../shared/contract/index.ts';
import { api } from '../../api.ts';
import { setFlash } from '../../app/flash.ts';
import { Form, FormAlert, SelectField, SubmitButton, TextAreaField, TextField, useSubmitError } from '../../components/form.tsx';
import { Modal } from '../../components/Modal.tsx';
import { competencyOptions, methodOptions, numberOrNull, organiserOptions } from '../trainings/format.ts';

export interface EventFormValues {
  name: string;
  methodId: string;
  competencyType: string;
  organiser: string;
  place: string;
  description: string;
  speakers: { name: string; institution: string; topic: string }[];
  capacity: string;
  international: boolean;
  minAttendancePct: string;
  minPostTest: string;
  lateGraceMinutes: string;
}

type EventBase = Pick<Event, 'name' | 'methodId' | 'competencyType' | 'organiser'> & Partial<Event>;

export function eventFormValues(e: EventBase): EventFormValues {
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return {
    name: e.name,
    methodId: String(e.methodId),
    competencyType: e.competencyType,
    organiser: e.organiser,
    place: e.place ?? '',
    description: e.description ?? '',
    speakers: (e.speakers ?? []).map((s) => ({ name: s.name, institution: s.institution, topic: s.topic })),
    capacity: text(e.capacity),
    international: e.international ?? false,
    minAttendancePct: text(e.minAttendancePct ?? 80),
    minPostTest: text(e.minPostTest),
    lateGraceMinutes: text(e.lateGraceMinutes),
  };
}

export const EMPTY_EVENT: EventBase = { name: '', methodId: 8, competencyType: 'teknis', organiser: 'kantor' };

export function eventInput(v: EventFormValues, programmeItemId: string | null): Input<'events.create'> {
  return {
    programmeItemId,
    name: v.name,
    methodId: Number(v.methodId),
    competencyType: v.competencyType as Event['competencyType'],
    organiser: v.organiser as Event['organiser'],
    place: v.place,
    description: v.description,
    // Every row is sent as it stands, so the contract's issues land under the row's own fields.
    speakers: v.speakers,
    capacity: numberOrNull(v.capacity),
    international: v.international,
    minAttendancePct: numberOrNull(v.minAttendancePct) ?? 80,
    minPostTest: numberOrNull(v.minPostTest),
    lateGraceMinutes: numberOrNull(v.lateGraceMinutes),
  };
}

/** The fields of an event, for creating one and for its "Data kegiatan" tab. */
export function EventFields() {
  const { t } = useTranslation();
  const { register } = useFormContext<EventFormValues>();
  return (
    <>
      <TextField name="name" label={t('eventsUi.form.name')} />
      <div className="grid-3">
        <SelectField name="methodId" label={t('programmeUi.method')} options={methodOptions(t)} hint={t('eventsUi.form.methodHint')} />
        <SelectField name="competencyType" label={t('programmeUi.competencyType')} options={competencyOptions(t)} />
        <SelectField name="organiser" label={t('programmeUi.organiser')} options={organiserOptions(t)} />
      </div>
      <div className="grid-3">
        <TextField name="place" label={t('eventsUi.form.place')} optional fieldClassName="span-2" />
        <TextField name="capacity" label={t('eventsUi.form.capacity')} optional inputMode="numeric" hint={t('eventsUi.form.capacityHint')} />
      </div>
      <label className="choice choice-line">
        <input type="checkbox" {...register('international')} /> {t('eventsUi.form.international')}
      </label>
      <TextAreaField name="description" label={t('eventsUi.form.description')} optional rows={2} />
      <Speakers />
      <fieldset className="form-group">
        <legend>{t('eventsUi.form.ruleTitle')}</legend>
        <div className="grid-3">
          <TextField name="minAttendancePct" label={t('eventsUi.form.minAttendancePct')} inputMode="decimal" hint={t('eventsUi.form.minAttendanceHint')} />
          <TextField name="minPostTest" label={t('eventsUi.form.minPostTest')} optional inputMode="decimal" hint={t('eventsUi.form.minPostTestHint')} />
          <TextField name="lateGraceMinutes" label={t('eventsUi.form.lateGraceMinutes')} optional inputMode="numeric" hint={t('eventsUi.form.lateGraceHint')} />
        </div>
      </fieldset>
    </>
  );
}

/** Narasumber: name, institution, topic; rows added and removed. */
function Speakers() {
  const { t } = useTranslation();
  const { control } = useFormContext<EventFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'speakers' });
  return (
    <fieldset className="form-group">
      <legend>{t('eventsUi.form.speakers')}</legend>
      {fields.length === 0 && <p className="form-note">{t('eventsUi.form.noSpeakers')}</p>}
      {fields.map((f, i) => (
        <fieldset key={f.id} className="speaker-row">
          <legend className="visually-hidden">{t('eventsUi.form.speakerN', { n: i + 1 })}</legend>
          <span className="speaker-n" aria-hidden="true">{i + 1}.</span>
          {/* Short labels on screen; each box's name says which speaker it belongs to. */}
          <TextField name={`speakers.${i}.name`} label={t('eventsUi.form.speakerNameShort')} aria-label={t('eventsUi.form.speakerName', { n: i + 1 })} autoComplete="off" />
          <TextField name={`speakers.${i}.institution`} label={t('eventsUi.form.speakerInstitutionShort')} optional aria-label={t('eventsUi.form.speakerInstitution', { n: i + 1 })} autoComplete="off" />
          <TextField name={`speakers.${i}.topic`} label={t('eventsUi.form.speakerTopicShort')} optional aria-label={t('eventsUi.form.speakerTopic', { n: i + 1 })} autoComplete="off" />
          <button type="button" className="btn btn-small btn-quiet speaker-remove" aria-label={t('eventsUi.form.removeSpeaker', { n: i + 1 })} onClick={() => remove(i)}>
            {t('programmeUi.remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" className="btn btn-small" onClick={() => append({ name: '', institution: '', topic: '' }, { shouldFocus: true })}>
        {t('eventsUi.form.addSpeaker')}
      </button>
    </fieldset>
  );
}

/** A new event, on its own or from a programme item (prefilled from it); opens its Sesi tab. */
export function CreateEventDialog({ prefill, programmeItemId, onClose }: { prefill: EventBase; programmeItemId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const form = useForm<EventFormValues>({ defaultValues: eventFormValues(prefill) });
  const submit = useSubmitError(form);
  return (
    <Modal title={programmeItemId ? t('eventsUi.createFromItemTitle') : t('eventsUi.createTitle')} onClose={onClose} size="wide">
      {programmeItemId && <p className="form-note">{t('eventsUi.createFromItemNote', { title: prefill.name })}</p>}
      <Form
        form={form}
        onSubmit={async (v) => {
          submit.clear();
          try {
            const event = await api['events.create'](eventInput(v, programmeItemId));
            setFlash({ message: ['eventsUi.created', { name: event.name }] });
            navigate(`/kegiatan/${event.id}/sesi`);
          } catch (err) {
            submit.fail(err);
          }
        }}
      >
        <EventFields />
        <FormAlert error={submit.alert} />
        <div className="form-actions">
          <SubmitButton>{t('eventsUi.createSubmit')}</SubmitButton>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </Form>
    </Modal>
  );
}
