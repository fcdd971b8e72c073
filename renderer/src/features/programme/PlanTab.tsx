import { useState } from 'react';
import { useController, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_STATUSES, type Need, type ProgrammeItem } from '../../../../shared/contract/programme.ts';
import type { Unit } from '../../../../shared/contract/office.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { FieldFrame, FormDialog, SelectField, TextField } from '../../components/form.tsx';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { DataTable, RowButton } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { CreateEventDialog } from '../events/EventForm.tsx';
import { competencyOptions, figure, fundingOptions, methodName, methodOptions, monthName, monthOptions, numberOrNull, organiserOptions, rupiah, thousands } from '../trainings/format.ts';
import { ConfirmDialog } from '../trainings/ui.tsx';
import { ProgrammeSummary } from './ProgrammeSummary.tsx';

/** Rencana tahunan: the year's programme items, their status, a summary, plan against realisation. */
export function PlanTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const items = useLoader(() => api['programme.list']({ year }), [year]);
  const needs = useLoader(() => api['needs.list']({ year }), [year]);
  const units = useLoader(() => api['units.list']({}), []);
  const [summaryTick, setSummaryTick] = useState(0);
  const [creatingFrom, setCreatingFrom] = useState<ProgrammeItem | null>(null);
  const list = useCrudList<ProgrammeItem>(items);
  const { editing, removing } = list;
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  // The summary below counts the items again after any change.
  const recount = () => setSummaryTick((n) => n + 1);

  const setStatus = async (item: ProgrammeItem, status: ProgrammeItem['status']) => {
    const updated = await list.update(item.id, () => api['programme.setStatus']({ id: item.id, status }), (u) => t('programmeUi.plan.statusChanged', { title: u.title, status: t(`trainingTerms.programmeStatuses.${u.status}`) }));
    if (updated) recount();
  };

  return (
    <div className="stack">
      <ListCard
        title={t('programmeUi.plan.title', { year })}
        actions={<button type="button" className="btn btn-primary" onClick={() => list.edit('new')}>{t('programmeUi.plan.add')}</button>}
        intro={t('programmeUi.plan.intro')}
        message={list.message}
      >
        <DataTable
          loader={items}
          caption={t('programmeUi.plan.caption', { year })}
          className="table-plan"
          empty={t('programmeUi.plan.empty', { year })}
          rowClassName={(item) => (item.status === 'batal' ? 'row-inactive' : undefined)}
          columns={[
            {
              key: 'item',
              header: t('programmeUi.plan.item'),
              rowHeader: true,
              className: 'cell-strong',
              cell: (item) => <>
                {item.title}
                <span className="cell-sub">{methodName(item.methodId)} · {t(`trainingTerms.competencyTypes.${item.competencyType}`)} · {t(`trainingTerms.organisers.${item.organiser}`)}</span>
              </>,
            },
            { key: 'month', header: t('programmeUi.plan.month'), cell: (item) => monthName(item.plannedMonth, lang) },
            {
              key: 'target',
              header: t('programmeUi.plan.target'),
              cell: (item) => <>
                <span className="nowrap">{item.targetCount > 0 ? t('programmeUi.plan.people', { count: item.targetCount, n: item.targetCount }) : '—'}</span>
                {item.targetUnitIds.length > 0 && <span className="cell-sub">{item.targetUnitIds.map((id) => unitName.get(id) ?? '?').join(', ')}</span>}
              </>,
            },
            { key: 'jp', header: t('programmeUi.plan.jp'), num: true, cell: (item) => figure(item.plannedJp, lang) },
            { key: 'budget', header: t('programmeUi.plan.budget'), num: true, className: 'nowrap', cell: (item) => <>{rupiah(item.budget)}<span className="cell-sub">{t(`trainingTerms.funding.${item.funding}`)}</span></> },
            {
              key: 'status',
              header: t('common.status'),
              cell: (item) => (
                <select
                  className="inline-select"
                  aria-label={t('programmeUi.plan.statusOf', { title: item.title })}
                  value={item.status}
                  disabled={list.busy === item.id}
                  onChange={(e) => void setStatus(item, e.target.value as ProgrammeItem['status'])}
                >
                  {PROGRAMME_STATUSES.map((s) => <option key={s} value={s}>{t(`trainingTerms.programmeStatuses.${s}`)}</option>)}
                </select>
              ),
            },
          ]}
          actions={(item) => <>
            <RowButton label={t('programmeUi.plan.editNamed', { title: item.title })} onClick={() => list.edit(item)}>{t('common.edit')}</RowButton>
            <RowButton label={t('programmeUi.plan.createEventNamed', { title: item.title })} onClick={() => setCreatingFrom(item)} disabled={item.status === 'batal'}>
              {t('programmeUi.plan.createEvent')}
            </RowButton>
            <RowButton danger label={t('programmeUi.plan.removeNamed', { title: item.title })} onClick={() => list.remove(item)}>{t('programmeUi.remove')}</RowButton>
          </>}
        />
      </ListCard>

      <ProgrammeSummary key={summaryTick} year={year} />

      {editing && (
        <ItemForm
          year={year}
          item={editing === 'new' ? null : editing}
          needs={needs.data ?? []}
          units={units.data ?? []}
          onSaved={(item, created) => {
            list.saved(item, t(created ? 'programmeUi.plan.added' : 'programmeUi.plan.saved', { title: item.title }));
            recount();
          }}
          onClose={list.close}
        />
      )}

      {removing && (
        <ConfirmDialog
          title={t('programmeUi.plan.removeTitle', { title: removing.title })}
          confirm={t('programmeUi.plan.removeConfirm')}
          danger
          onClose={list.close}
          action={() => api['programme.remove']({ id: removing.id })}
          onDone={() => {
            list.drop(removing);
            recount();
            list.done(t('programmeUi.plan.removed', { title: removing.title }));
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
  spent: string;
  funding: string;
  needIds: string[];
  notes: string;
}

function ItemForm({ year, item, needs, units, onSaved, onClose }: { year: number; item: ProgrammeItem | null; needs: Need[]; units: Unit[]; onSaved(item: ProgrammeItem, created: boolean): void; onClose(): void }) {
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
      spent: item && item.spent > 0 ? String(item.spent) : '',
      funding: item?.funding ?? 'apbd',
      needIds: item?.needIds ?? [],
      notes: item?.notes ?? '',
    },
  });
  return (
    <FormDialog
      title={item ? t('programmeUi.plan.editTitle', { title: item.title }) : t('programmeUi.plan.addTitle', { year })}
      size="wide"
      onClose={onClose}
      form={form}
      send={async (v) => {
        if (v.plannedJp.trim() === '') {
          form.setError('plannedJp', { type: 'required', message: 'validation.required' }, { shouldFocus: true });
          return undefined;
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
          spent: numberOrNull(v.spent) ?? 0,
          funding: v.funding as ProgrammeItem['funding'],
          needIds: v.needIds,
          notes: v.notes,
        };
        return item ? api['programme.update']({ id: item.id, ...input }) : api['programme.create'](input);
      }}
      onDone={(saved) => onSaved(saved, !item)}
      submitLabel={item ? t('common.save') : t('programmeUi.plan.addSubmit')}
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
      <div className="grid-2">
        <RupiahField name="budget" label={t('programmeUi.plan.budgetLabel')} />
        <RupiahField name="spent" label={t('programmeUi.plan.spentLabel')} hint={t('programmeUi.plan.spentHint')} />
      </div>
      <div className="grid-2">
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
    </FormDialog>
  );
}

/** An amount in Rupiah, typed as digits and shown with thousands dots behind "Rp". */
function RupiahField({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const { t } = useTranslation();
  const { field } = useController({ name });
  const value = String(field.value ?? '');
  return (
    <FieldFrame name={name} label={label} optional hint={value ? rupiah(Number(value)) : hint ?? t('programmeUi.plan.budgetHint')}>
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
