import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NEED_SOURCES, PRIORITIES, type Need } from '../../../../shared/contract/programme.ts';
import type { Unit } from '../../../../shared/contract/office.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { FormDialog, SelectField, TextAreaField, TextField } from '../../components/form.tsx';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { DataTable, RowButton } from '../../components/table.tsx';
import { EmployeePickerField } from '../trainings/EmployeePicker.tsx';
import { competencyOptions } from '../trainings/format.ts';
import { ConfirmDialog } from '../trainings/ui.tsx';
import { NeedsImport } from './NeedsImport.tsx';

/** Kebutuhan: the year's needs, each for a person or a unit; added by hand or from a spreadsheet. */
export function NeedsTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const needs = useLoader(() => api['needs.list']({ year }), [year]);
  const units = useLoader(() => api['units.list']({}), []);
  const list = useCrudList<Need, 'import'>();
  const { editing, removing } = list;

  return (
    <div className="stack">
      <ListCard
        title={t('programmeUi.needs.title', { year })}
        actions={<>
          <button type="button" className="btn btn-primary" onClick={() => list.edit('new')}>{t('programmeUi.needs.add')}</button>
          <button type="button" className="btn" onClick={() => list.open('import')}>{t('programmeUi.needs.import')}</button>
        </>}
        intro={t('programmeUi.needs.intro')}
        message={list.message}
      >
        <DataTable
          loader={needs}
          caption={t('programmeUi.needs.caption', { year })}
          empty={t('programmeUi.needs.empty', { year })}
          columns={[
            {
              key: 'for',
              header: t('programmeUi.needs.for'),
              cell: (n) => <>
                {n.employeeName ?? n.unitName ?? '—'}
                <span className="cell-sub">{n.employeeId ? t('programmeUi.needs.forEmployee') : t('programmeUi.needs.forUnit')}{n.employeeId && n.unitName ? ` · ${n.unitName}` : ''}</span>
              </>,
            },
            { key: 'topic', header: t('programmeUi.needs.topic'), rowHeader: true, className: 'cell-strong', cell: (n) => <>{n.topic}{n.notes && <span className="cell-sub">{n.notes}</span>}</> },
            { key: 'competency', header: t('programmeUi.competencyType'), cell: (n) => t(`trainingTerms.competencyTypes.${n.competencyType}`) },
            { key: 'source', header: t('programmeUi.needs.source'), cell: (n) => t(`trainingTerms.needSources.${n.source}`) },
            { key: 'priority', header: t('programmeUi.needs.priority'), cell: (n) => <span className={`badge badge-priority-${n.priority}`}>{t(`trainingTerms.priorities.${n.priority}`)}</span> },
          ]}
          actions={(n) => <>
            <RowButton label={t('programmeUi.needs.editNamed', { topic: n.topic })} onClick={() => list.edit(n)}>{t('common.edit')}</RowButton>
            <RowButton danger label={t('programmeUi.needs.removeNamed', { topic: n.topic })} onClick={() => list.remove(n)}>{t('programmeUi.remove')}</RowButton>
          </>}
        />
      </ListCard>

      {editing && (
        <NeedForm
          year={year}
          need={editing === 'new' ? null : editing}
          units={units.data ?? []}
          onSaved={(need, created) => {
            needs.reload();
            list.done(t(created ? 'programmeUi.needs.added' : 'programmeUi.needs.saved', { topic: need.topic }));
          }}
          onClose={list.close}
        />
      )}

      {removing && (
        <ConfirmDialog
          title={t('programmeUi.needs.removeTitle', { topic: removing.topic })}
          confirm={t('programmeUi.needs.removeConfirm')}
          danger
          onClose={list.close}
          action={() => api['needs.remove']({ id: removing.id })}
          onDone={() => {
            needs.reload();
            list.done(t('programmeUi.needs.removed', { topic: removing.topic }));
          }}
        >
          <p>{t('programmeUi.needs.removeText', { topic: removing.topic, who: removing.employeeName ?? removing.unitName ?? '—' })}</p>
        </ConfirmDialog>
      )}

      {list.dialog === 'import' && (
        <NeedsImport
          year={year}
          onClose={list.close}
          onDone={(created) => {
            needs.reload();
            list.done(t('programmeUi.needsImport.done', { count: created, n: created }));
          }}
        />
      )}
    </div>
  );
}

interface NeedFormValues {
  target: 'employee' | 'unit';
  employeeId: string;
  unitId: string;
  competencyType: string;
  topic: string;
  source: string;
  priority: string;
  notes: string;
}

function NeedForm({ year, need, units, onSaved, onClose }: { year: number; need: Need | null; units: Unit[]; onSaved(need: Need, created: boolean): void; onClose(): void }) {
  const { t } = useTranslation();
  const form = useForm<NeedFormValues>({
    defaultValues: {
      target: need && !need.employeeId && need.unitId ? 'unit' : 'employee',
      employeeId: need?.employeeId ?? '',
      unitId: need?.unitId ?? '',
      competencyType: need?.competencyType ?? 'teknis',
      topic: need?.topic ?? '',
      source: need?.source ?? 'survei',
      priority: need?.priority ?? 'sedang',
      notes: need?.notes ?? '',
    },
  });
  const target = useWatch({ control: form.control, name: 'target' });

  return (
    <FormDialog
      title={need ? t('programmeUi.needs.editTitle') : t('programmeUi.needs.addTitle', { year })}
      size="medium"
      initialFocus="[role=combobox], select"
      onClose={onClose}
      form={form}
      send={(v) => {
        const input = {
          year,
          employeeId: v.target === 'employee' && v.employeeId ? v.employeeId : null,
          unitId: v.target === 'unit' && v.unitId ? v.unitId : null,
          competencyType: v.competencyType as Need['competencyType'],
          topic: v.topic,
          source: v.source as Need['source'],
          priority: v.priority as Need['priority'],
          notes: v.notes,
        };
        return need ? api['needs.update']({ id: need.id, ...input }) : api['needs.create'](input);
      }}
      onDone={(saved) => onSaved(saved, !need)}
      onFail={(v) => {
        // "Isi pegawai atau unit" is about the unit too when the unit was the choice.
        if (v.target === 'unit') {
          const e = form.getFieldState('employeeId').error;
          if (e) form.setError('unitId', e, { shouldFocus: true });
        }
      }}
      submitLabel={need ? t('common.save') : t('programmeUi.needs.addSubmit')}
    >
      <fieldset className="choice-group">
        <legend>{t('programmeUi.needs.for')}</legend>
        <label className="choice"><input type="radio" value="employee" {...form.register('target')} /> {t('programmeUi.needs.forEmployee')}</label>
        <label className="choice"><input type="radio" value="unit" {...form.register('target')} /> {t('programmeUi.needs.forUnit')}</label>
      </fieldset>
      {target === 'employee' ? (
        <EmployeePickerField
          name="employeeId"
          label={t('programmeUi.needs.employee')}
          initial={need?.employeeId ? { id: need.employeeId, name: need.employeeName ?? '', nip: '' } : null}
        />
      ) : (
        <SelectField name="unitId" label={t('field.unitId')} placeholder={t('setup.choose')} options={units.map((u) => ({ value: u.id, label: u.name }))} />
      )}
      <TextField name="topic" label={t('programmeUi.needs.topic')} hint={t('programmeUi.needs.topicHint')} />
      <div className="grid-3">
        <SelectField name="competencyType" label={t('programmeUi.competencyType')} options={competencyOptions(t)} />
        <SelectField name="source" label={t('programmeUi.needs.source')} options={NEED_SOURCES.map((s) => ({ value: s, label: t(`trainingTerms.needSources.${s}`) }))} />
        <SelectField name="priority" label={t('programmeUi.needs.priority')} options={PRIORITIES.map((p) => ({ value: p, label: t(`trainingTerms.priorities.${p}`) }))} />
      </div>
      <TextAreaField name="notes" label={t('field.notes')} optional rows={2} />
    </FormDialog>
  );
}
