import { useState } from 'react';
import { useController, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_STATUSES, type Need, type ProgrammeItem } from '../../../../shared/contract/programme.ts';
import type { Unit } from '../../../../shared/contract/office.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, LoadState, Notice } from '../../components/feedback.tsx';
import { FieldFrame, Form, FormAlert, SelectField, SubmitButton, TextField, useSubmitError } from '../../components/form.tsx';
import { Modal } from '../../components/Modal.tsx';
import { currentLanguage } from '../../i18n.ts';
import { CreateEventDialog } from '../events/EventForm.tsx';
import { competencyOptions, figure, fundingOptions, methodName, methodOptions, monthName, monthOptions, numberOrNull, organiserOptions, rupiah, thousands } from '../trainings/format.ts';
import { ConfirmDialog, useRun } from '../trainings/ui.tsx';
import { ProgrammeSummary } from './ProgrammeSummary.tsx';

/** Rencana tahunan: the year's programme items, their status, a summary, plan against realisation. */
export function PlanTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const items = useLoader(() => api['programme.list']({ year }), [year]);
  const needs = useLoader(() => api['needs.list']({ year }), [year]);
  const units = useLoader(() => api['units.list']({}), []);
  const [summaryTick, setSummaryTick] = useState(0);
  const [editing, setEditing] = useState<ProgrammeItem | 'new' | null>(null);
  const [creatingFrom, setCreatingFrom] = useState<ProgrammeItem | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const status = useRun();
  const [removing, setRemoving] = useState<ProgrammeItem | null>(null);
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));

  const changed = (item: ProgrammeItem) => {
    items.setData((items.data ?? []).some((i) => i.id === item.id) ? (items.data ?? []).map((i) => (i.id === item.id ? item : i)) : [...(items.data ?? []), item]);
    setSummaryTick((n) => n + 1);
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="plan-title">
        <div className="card-head">
          <h2 id="plan-title">{t('programmeUi.plan.title', { year })}</h2>
          <button type="button" className="btn btn-primary" onClick={() => { setMessage(null); setEditing('new'); }}>{t('programmeUi.plan.add')}</button>
        </div>
        <p className="form-note">{t('programmeUi.plan.intro')}</p>
        {message && <Notice>{message}</Notice>}
        {status.error ? <ErrorAlert error={status.error} /> : null}
        <LoadState loader={items}>
          {(list) => list.length === 0 ? <p className="list-empty">{t('programmeUi.plan.empty', { year })}</p> : (
            <div className="table-wrap">
              <table className="table table-plan">
                <caption className="visually-hidden">{t('programmeUi.plan.caption', { year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('programmeUi.plan.item')}</th>
                    <th scope="col">{t('programmeUi.plan.month')}</th>
                    <th scope="col">{t('programmeUi.plan.target')}</th>
                    <th scope="col" className="num">{t('programmeUi.plan.jp')}</th>
                    <th scope="col" className="num">{t('programmeUi.plan.budget')}</th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((item) => (
                    <tr key={item.id} className={item.status === 'batal' ? 'row-inactive' : undefined}>
                      <th scope="row" className="cell-strong">
                        {item.title}
                        <span className="cell-sub">{methodName(item.methodId)} · {t(`trainingTerms.competencyTypes.${item.competencyType}`)} · {t(`trainingTerms.organisers.${item.organiser}`)}</span>
                      </th>
                      <td>{monthName(item.plannedMonth, lang)}</td>
                      <td>
                        <span className="nowrap">{item.targetCount > 0 ? t('programmeUi.plan.people', { count: item.targetCount, n: item.targetCount }) : '—'}</span>
                        {item.targetUnitIds.length > 0 && <span className="cell-sub">{item.targetUnitIds.map((id) => unitName.get(id) ?? '?').join(', ')}</span>}
                      </td>
                      <td className="num">{figure(item.plannedJp, lang)}</td>
                      <td className="num nowrap">
                        {rupiah(item.budget)}
                        <span className="cell-sub">{t(`trainingTerms.funding.${item.funding}`)}</span>
                      </td>
                      <td>
                        <select
                          className="inline-select"
                          aria-label={t('programmeUi.plan.statusOf', { title: item.title })}
                          value={item.status}
                          disabled={status.busy === item.id}
                          onChange={async (e) => {
                            setMessage(null);
                            const updated = await status.run(item.id, () => api['programme.setStatus']({ id: item.id, status: e.target.value as ProgrammeItem['status'] }));
                            if (updated) {
                              changed(updated);
                              setMessage(t('programmeUi.plan.statusChanged', { title: updated.title, status: t(`trainingTerms.programmeStatuses.${updated.status}`) }));
                            }
                          }}
                        >
                          {PROGRAMME_STATUSES.map((s) => <option key={s} value={s}>{t(`trainingTerms.programmeStatuses.${s}`)}</option>)}
                        </select>
                      </td>
                      <td>
                        <div className="row-actions">
                          <button type="button" className="btn btn-small" aria-label={t('programmeUi.plan.editNamed', { title: item.title })} onClick={() => { setMessage(null); setEditing(item); }}>{t('common.edit')}</button>
                          <button type="button" className="btn btn-small" aria-label={t('programmeUi.plan.createEventNamed', { title: item.title })} onClick={() => setCreatingFrom(item)} disabled={item.status === 'batal'}>
                            {t('programmeUi.plan.createEvent')}
                          </button>
                          <button type="button" className="btn btn-small btn-danger" aria-label={t('programmeUi.plan.removeNamed', { title: item.title })} onClick={() => { setMessage(null); setRemoving(item); }}>
                            {t('programmeUi.remove')}
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </LoadState>
      </section>

      <ProgrammeSummary key={summaryTick} year={year} />

      {editing && (
        <Modal title={editing === 'new' ? t('programmeUi.plan.addTitle', { year }) : t('programmeUi.plan.editTitle', { title: editing.title })} onClose={() => setEditing(null)} size="wide">
          <ItemForm
            year={year}
            item={editing === 'new' ? null : editing}
            needs={needs.data ?? []}
            units={units.data ?? []}
            onSaved={(item, created) => {
              setEditing(null);
              changed(item);
              setMessage(t(created ? 'programmeUi.plan.added' : 'programmeUi.plan.saved', { title: item.title }));
            }}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      )}

      {removing && (
        <ConfirmDialog
          title={t('programmeUi.plan.removeTitle', { title: removing.title })}
          confirm={t('programmeUi.plan.removeConfirm')}
          danger
          onClose={() => setRemoving(null)}
          action={() => api['programme.remove']({ id: removing.id })}
          onDone={() => {
            setRemoving(null);
            items.setData((items.data ?? []).filter((i) => i.id !== removing.id));
            setSummaryTick((n) => n + 1);
            setMessage(t('programmeUi.plan.removed', { title: removing.title }));
          }}
        >
          <p>{t('programmeUi.plan.removeText', { title: removing.title })}</p>
        </ConfirmDialog>
      )}

      {creatingFrom && (
        <CreateEventDialog
          programmeItemId={creatingFrom.id}
          prefill={{ name: creatingFrom.title, methodId: creatingFrom.methodId, competencyType: creatingFrom.competencyType, organiser: creatingFrom.organiser, capacity: creatingFrom.targetCount > 0 ? creatingFrom.targetCount : null }}
          onClose={() => setCreatingFrom(null)}
        />
      )}
    </div>
  );
}

interface ItemFormValues {
  title: string;
  competencyType: string;
  methodId: string;
  organiser: string;
  plannedMonth: string;
  targetCount: string;
  targetUnitIds: string[];
  plannedJp: string;
  budget: string;
  funding: string;
  needIds: string[];
  notes: string;
}

function ItemForm({ year, item, needs, units, onSaved, onCancel }: { year: number; item: ProgrammeItem | null; needs: Need[]; units: Unit[]; onSaved(item: ProgrammeItem, created: boolean): void; onCancel(): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const form = useForm<ItemFormValues>({
    defaultValues: {
      title: item?.title ?? '',
      competencyType: item?.competencyType ?? 'teknis',
      methodId: String(item?.methodId ?? 8),
      organiser: item?.organiser ?? 'kantor',
      plannedMonth: String(item?.plannedMonth ?? new Date().getMonth() + 1),
      targetCount: item && item.targetCount > 0 ? String(item.targetCount) : '',
      targetUnitIds: item?.targetUnitIds ?? [],
      plannedJp: item ? String(item.plannedJp) : '',
      budget: item && item.budget > 0 ? String(item.budget) : '',
      funding: item?.funding ?? 'apbd',
      needIds: item?.needIds ?? [],
      notes: item?.notes ?? '',
    },
  });
  const submit = useSubmitError(form);
  return (
    <Form
      form={form}
      onSubmit={async (v) => {
        submit.clear();
        if (v.plannedJp.trim() === '') {
          form.setError('plannedJp', { type: 'required', message: 'validation.required' }, { shouldFocus: true });
          return;
        }
        const input = {
          year,
          title: v.title,
          competencyType: v.competencyType as ProgrammeItem['competencyType'],
          methodId: Number(v.methodId),
          organiser: v.organiser as ProgrammeItem['organiser'],
          plannedMonth: Number(v.plannedMonth),
          targetCount: numberOrNull(v.targetCount) ?? 0,
          targetUnitIds: v.targetUnitIds,
          targetEmployeeIds: item?.targetEmployeeIds ?? [],
          plannedJp: numberOrNull(v.plannedJp) ?? 0,
          budget: numberOrNull(v.budget) ?? 0,
          funding: v.funding as ProgrammeItem['funding'],
          needIds: v.needIds,
          notes: v.notes,
        };
        try {
          if (item) onSaved(await api['programme.update']({ id: item.id, ...input }), false);
          else onSaved(await api['programme.create'](input), true);
        } catch (err) {
          submit.fail(err);
        }
      }}
    >
      <TextField name="title" label={t('programmeUi.plan.itemTitle')} />
      <div className="grid-3">
        <SelectField name="competencyType" label={t('programmeUi.competencyType')} options={competencyOptions(t)} />
        <SelectField name="methodId" label={t('programmeUi.method')} options={methodOptions(t)} />
        <SelectField name="organiser" label={t('programmeUi.organiser')} options={organiserOptions(t)} />
      </div>
      <div className="grid-3">
        <SelectField name="plannedMonth" label={t('programmeUi.plan.plannedMonth')} options={monthOptions(lang)} />
        <TextField name="targetCount" label={t('programmeUi.plan.targetCount')} optional inputMode="numeric" />
        <TextField name="plannedJp" label={t('programmeUi.plan.plannedJp')} inputMode="decimal" hint={t('programmeUi.plan.plannedJpHint')} />
      </div>
      <div className="grid-3">
        <RupiahField name="budget" label={t('programmeUi.plan.budgetLabel')} />
        <SelectField name="funding" label={t('programmeUi.plan.funding')} options={fundingOptions(t)} />
        <TextField name="notes" label={t('field.notes')} optional autoComplete="off" />
      </div>
      <div className="grid-2">
        <fieldset className="check-list">
          <legend>{t('programmeUi.plan.targetUnits')} <span className="field-optional">({t('common.optional')})</span></legend>
          {units.length === 0 ? <p className="form-note">—</p> : units.map((u) => (
            <label key={u.id} className="choice"><input type="checkbox" value={u.id} {...form.register('targetUnitIds')} /> {u.name}</label>
          ))}
        </fieldset>
        <fieldset className="check-list">
          <legend>{t('programmeUi.plan.linkedNeeds', { year })} <span className="field-optional">({t('common.optional')})</span></legend>
          {needs.length === 0 ? <p className="form-note">{t('programmeUi.plan.noNeeds', { year })}</p> : needs.map((n) => (
            <label key={n.id} className="choice">
              <input type="checkbox" value={n.id} {...form.register('needIds')} /> <span>{n.topic} <span className="muted">— {n.employeeName ?? n.unitName}</span></span>
            </label>
          ))}
        </fieldset>
      </div>
      <FormAlert error={submit.alert} />
      <div className="form-actions">
        <SubmitButton>{item ? t('common.save') : t('programmeUi.plan.addSubmit')}</SubmitButton>
        <button type="button" className="btn" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </Form>
  );
}

/** An amount in Rupiah, typed as digits and shown with thousands dots behind "Rp". */
function RupiahField({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  const { field } = useController({ name });
  const value = String(field.value ?? '');
  return (
    <FieldFrame name={name} label={label} optional hint={value ? rupiah(Number(value)) : t('programmeUi.plan.budgetHint')}>
      {(a11y) => (
        <div className="input-affix">
          <span className="affix" aria-hidden="true">Rp</span>
          <input
            {...a11y}
            ref={field.ref}
            name={field.name}
            inputMode="numeric"
            autoComplete="off"
            value={thousands(value)}
            onChange={(e) => field.onChange(e.target.value.replace(/\D/g, '').replace(/^0+(?=\d)/, ''))}
            onBlur={field.onBlur}
          />
        </div>
      )}
    </FieldFrame>
  );
}
