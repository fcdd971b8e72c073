import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type Need } from '../../../../shared/contract/programme.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ControlledSelectField, FormDialog, SelectField, TextAreaField, TextField } from '../../components/form.tsx';
import { EmployeePickerField, type PickedEmployee } from '../trainings/EmployeePicker.tsx';
import { competencyOptions, yearChoices } from '../trainings/format.ts';
import { useOfficeYear } from '../trainings/ui.tsx';

/** Where a finding comes from, as evaluation.createNeed takes it. */
export interface Finding {
  kind: 'reaction' | 'learning' | 'followup' | 'results';
  eventId?: string | null;
  /** The follow-up or service score. */
  id?: string | null;
  /** What the finding says: the need's first topic and notes. */
  topic: string;
  notes?: string;
  employee?: PickedEmployee | null;
  unitId?: string | null;
}

interface Values {
  target: 'employee' | 'unit';
  employeeId: string;
  unitId: string;
  topic: string;
  competencyType: string;
  priority: string;
  year: string;
  notes: string;
}

/**
 * "Jadikan kebutuhan": a finding of the evaluation becomes a need of a coming year's programme
 * (next year unless chosen), for a person or a unit.
 */
export function NeedFromFinding({ finding, onClose, onDone }: { finding: Finding; onClose(): void; onDone(need: Need): void }) {
  const { t } = useTranslation();
  const thisYear = useOfficeYear();
  const units = useLoader(() => api['units.list']({}), []);
  const form = useForm<Values>({
    defaultValues: {
      target: finding.employee ? 'employee' : 'unit',
      employeeId: finding.employee?.id ?? '',
      unitId: finding.unitId ?? '',
      topic: finding.topic.slice(0, 200),
      competencyType: 'teknis',
      priority: 'sedang',
      year: String(thisYear + 1),
      notes: (finding.notes ?? '').slice(0, 1000),
    },
  });
  const target = useWatch({ control: form.control, name: 'target' });

  return (
    <FormDialog
      title={t('evaluationUi.need.title')}
      note={t('evaluationUi.need.intro')}
      size="medium"
      initialFocus="input[name=topic]"
      onClose={onClose}
      form={form}
      send={(v) => api['evaluation.createNeed']({
        finding: { kind: finding.kind, eventId: finding.eventId ?? null, id: finding.id ?? null },
        year: Number(v.year),
        topic: v.topic,
        competencyType: v.competencyType as Need['competencyType'],
        employeeId: v.target === 'employee' && v.employeeId ? v.employeeId : null,
        unitId: v.target === 'unit' && v.unitId ? v.unitId : null,
        priority: v.priority as Need['priority'],
        notes: v.notes,
      })}
      onDone={onDone}
      onFail={(v) => {
        // "Isi pegawai atau unit" is named under the unit; move it when a person was the choice.
        if (v.target === 'employee') {
          const e = form.getFieldState('unitId').error;
          if (e) form.setError('employeeId', e, { shouldFocus: true });
        }
      }}
      submitLabel={t('evaluationUi.need.submit')}
    >
      <TextField name="topic" label={t('evaluationUi.need.topic')} hint={t('evaluationUi.need.topicHint')} autoComplete="off" />
      <fieldset className="choice-group">
        <legend>{t('evaluationUi.need.for')}</legend>
        <label className="choice"><input type="radio" value="employee" {...form.register('target')} /> {t('evaluationUi.need.forEmployee')}</label>
        <label className="choice"><input type="radio" value="unit" {...form.register('target')} /> {t('evaluationUi.need.forUnit')}</label>
      </fieldset>
      {target === 'employee' ? (
        <EmployeePickerField name="employeeId" label={t('evaluationUi.need.employee')} initial={finding.employee ?? null} />
      ) : (
        <ControlledSelectField name="unitId" label={t('field.unitId')} placeholder={t('setup.choose')} options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
      )}
      <div className="grid-3">
        <SelectField name="competencyType" label={t('evaluationUi.need.competencyType')} options={competencyOptions(t)} />
        <SelectField name="priority" label={t('evaluationUi.need.priority')} options={PRIORITIES.map((p) => ({ value: p, label: t(`trainingTerms.priorities.${p}`) }))} />
        <SelectField name="year" label={t('evaluationUi.need.year')} options={yearChoices(thisYear).map((y) => ({ value: String(y), label: String(y) }))} />
      </div>
      <TextAreaField name="notes" label={t('field.notes')} optional rows={2} />
    </FormDialog>
  );
}
