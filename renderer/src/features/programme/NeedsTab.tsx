import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NEED_SOURCES, PRIORITIES, type Need } from '../../../../shared/contract/programme.ts';
import type { Unit } from '../../../../shared/contract/office.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState, Notice } from '../../components/feedback.tsx';
import { Form, FormAlert, SelectField, SubmitButton, TextAreaField, TextField, useSubmitError } from '../../components/form.tsx';
import { Modal } from '../../components/Modal.tsx';
import { EmployeePickerField } from '../trainings/EmployeePicker.tsx';
import { competencyOptions } from '../trainings/format.ts';
import { ConfirmDialog } from '../trainings/ui.tsx';
import { NeedsImport } from './NeedsImport.tsx';

/** Kebutuhan: the year's needs, each for a person or a unit; added by hand or from a spreadsheet. */
export function NeedsTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const needs = useLoader(() => api['needs.list']({ year }), [year]);
  const units = useLoader(() => api['units.list']({}), []);
  const [editing, setEditing] = useState<Need | 'new' | null>(null);
  const [removing, setRemoving] = useState<Need | null>(null);
  const [importing, setImporting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <section className="stack" aria-labelledby="needs-title">
      <div className="card">
        <div className="card-head">
          <h2 id="needs-title">{t('programmeUi.needs.title', { year })}</h2>
          <div className="row-actions">
            <button type="button" className="btn btn-primary" onClick={() => { setMessage(null); setEditing('new'); }}>{t('programmeUi.needs.add')}</button>
            <button type="button" className="btn" onClick={() => { setMessage(null); setImporting(true); }}>{t('programmeUi.needs.import')}</button>
          </div>
        </div>
        <p className="form-note">{t('programmeUi.needs.intro')}</p>
        {message && <Notice>{message}</Notice>}
        <LoadState loader={needs}>
          {(list) => list.length === 0 ? <p className="list-empty">{t('programmeUi.needs.empty', { year })}</p> : (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('programmeUi.needs.caption', { year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('programmeUi.needs.for')}</th>
                    <th scope="col">{t('programmeUi.needs.topic')}</th>
                    <th scope="col">{t('programmeUi.competencyType')}</th>
                    <th scope="col">{t('programmeUi.needs.source')}</th>
                    <th scope="col">{t('programmeUi.needs.priority')}</th>
                    <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((n) => (
                    <tr key={n.id}>
                      <td>
                        {n.employeeName ?? n.unitName ?? '—'}
                        <span className="cell-sub">{n.employeeId ? t('programmeUi.needs.forEmployee') : t('programmeUi.needs.forUnit')}{n.employeeId && n.unitName ? ` · ${n.unitName}` : ''}</span>
                      </td>
                      <th scope="row" className="cell-strong">
                        {n.topic}
                        {n.notes && <span className="cell-sub">{n.notes}</span>}
                      </th>
                      <td>{t(`trainingTerms.competencyTypes.${n.competencyType}`)}</td>
                      <td>{t(`trainingTerms.needSources.${n.source}`)}</td>
                      <td><span className={`badge badge-priority-${n.priority}`}>{t(`trainingTerms.priorities.${n.priority}`)}</span></td>
                      <td>
                        <div className="row-actions">
                          <button type="button" className="btn btn-small" aria-label={t('programmeUi.needs.editNamed', { topic: n.topic })} onClick={() => { setMessage(null); setEditing(n); }}>{t('common.edit')}</button>
                          <button type="button" className="btn btn-small btn-danger" aria-label={t('programmeUi.needs.removeNamed', { topic: n.topic })} onClick={() => { setRemoving(n); }}>{t('programmeUi.remove')}</button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </LoadState>
      </div>

      {editing && (
        <Modal title={editing === 'new' ? t('programmeUi.needs.addTitle', { year }) : t('programmeUi.needs.editTitle')} onClose={() => setEditing(null)} size="medium" initialFocus="[role=combobox], select">
          <NeedForm
            year={year}
            need={editing === 'new' ? null : editing}
            units={units.data ?? []}
            onSaved={(need, created) => {
              setEditing(null);
              needs.reload();
              setMessage(t(created ? 'programmeUi.needs.added' : 'programmeUi.needs.saved', { topic: need.topic }));
            }}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      )}

      {removing && (
        <ConfirmDialog
          title={t('programmeUi.needs.removeTitle', { topic: removing.topic })}
          confirm={t('programmeUi.needs.removeConfirm')}
          danger
          onClose={() => setRemoving(null)}
          action={() => api['needs.remove']({ id: removing.id })}
          onDone={() => {
            setRemoving(null);
            needs.reload();
            setMessage(t('programmeUi.needs.removed', { topic: removing.topic }));
          }}
        >
          <p>{t('programmeUi.needs.removeText', { topic: removing.topic, who: removing.employeeName ?? removing.unitName ?? '—' })}</p>
        </ConfirmDialog>
      )}

      {importing && (
        <NeedsImport
          year={year}
          onClose={() => setImporting(false)}
          onDone={(created) => {
            setImporting(false);
            needs.reload();
            setMessage(t('programmeUi.needsImport.done', { count: created, n: created }));
          }}
        />
      )}
    </section>
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

function NeedForm({ year, need, units, onSaved, onCancel }: { year: number; need: Need | null; units: Unit[]; onSaved(need: Need, created: boolean): void; onCancel(): void }) {
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
  const submit = useSubmitError(form);
  const target = useWatch({ control: form.control, name: 'target' });

  return (
    <Form
      form={form}
      onSubmit={async (v) => {
        submit.clear();
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
        try {
          if (need) onSaved(await api['needs.update']({ id: need.id, ...input }), false);
          else onSaved(await api['needs.create'](input), true);
        } catch (err) {
          // "Isi pegawai atau unit" is about the unit too when the unit was the choice.
          submit.fail(err);
          if (v.target === 'unit') {
            const e = form.getFieldState('employeeId').error;
            if (e) form.setError('unitId', e, { shouldFocus: true });
          }
        }
      }}
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
      <FormAlert error={submit.alert} />
      <div className="form-actions">
        <SubmitButton>{need ? t('common.save') : t('programmeUi.needs.addSubmit')}</SubmitButton>
        <button type="button" className="btn" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </Form>
  );
}
