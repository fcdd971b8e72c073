import { useId } from 'react';
import { useForm, useFormContext, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../shared/contract/index.ts';
import type { Employee } from '../../../../shared/contract/employees.ts';
import type { Unit } from '../../../../shared/contract/office.ts';
import { golonganByCode } from '../../../../shared/domain/golongan.ts';
import { formatNip, parseNip } from '../../../../shared/domain/nip.ts';
import { displayName } from '../../../../shared/domain/person-name.ts';
import { zodOptions } from '../../components/errors.ts';
import { ControlledSelectField, Form, FormAlert, SubmitButton, TextAreaField, TextField, useSubmitError } from '../../components/form.tsx';
import { golonganOptions, unitOptions } from './format.ts';

// The contract's own input schemas, with one allowance for the form: an empty select or date
// input means "not given" (null), as the contract expects.
const blank = z.literal('').transform(() => null);
const createBase = contract['employees.create'].input;
const createSchema = createBase.extend({
  gender: z.union([blank, createBase.shape.gender]),
  birthDate: z.union([blank, createBase.shape.birthDate]),
  golongan: z.union([blank, createBase.shape.golongan]),
  unitId: z.union([blank, createBase.shape.unitId]),
});
const updateBase = contract['employees.update'].input.omit({ id: true });
const updateSchema = updateBase.extend({
  gender: z.union([blank, updateBase.shape.gender]),
  birthDate: z.union([blank, updateBase.shape.birthDate]),
  golongan: z.union([blank, updateBase.shape.golongan]),
  unitId: z.union([blank, updateBase.shape.unitId]),
});

export type EmployeeFormInput = z.input<typeof createSchema>;
export type EmployeeFormOutput = z.output<typeof createSchema>;

export const EMPTY_FORM: EmployeeFormInput = {
  nip: '', frontTitle: '', name: '', backTitle: '', gender: '', birthPlace: '', birthDate: '', golongan: '',
  jabatan: '', unitId: '', phone: '', email: '', notes: '',
};

export function formValues(e: Employee): EmployeeFormInput {
  return {
    nip: formatNip(e.nip), frontTitle: e.frontTitle, name: e.name, backTitle: e.backTitle, gender: e.gender ?? '',
    birthPlace: e.birthPlace, birthDate: e.birthDate ?? '', golongan: e.golongan ?? '', jabatan: e.jabatan,
    unitId: e.unitId ?? '', phone: e.phone, email: e.email, notes: e.notes,
  };
}

interface Props {
  mode: 'create' | 'edit';
  employee?: Employee;
  units: Unit[];
  submitLabel: string;
  /** Saves the values; throws the call's error for the form to show. Returns the values to show next. */
  onSubmit(values: EmployeeFormOutput): Promise<EmployeeFormInput | null>;
  /** A failed save, after its issues were placed under the fields (create uses it for "Pulihkan"). */
  onError?(err: unknown): void;
}

/** Every field of a person, with inline validation from the contract and the server's issues. */
export function EmployeeForm({ mode, employee, units, submitLabel, onSubmit, onError }: Props) {
  const form = useForm({
    resolver: zodResolver(mode === 'create' ? createSchema : updateSchema, zodOptions),
    defaultValues: employee ? formValues(employee) : EMPTY_FORM,
  });
  const submit = useSubmitError(form);
  return (
    <Form
      form={form}
      onSubmit={async (values) => {
        submit.clear();
        try {
          const next = await onSubmit(values);
          if (next) form.reset(next);
        } catch (err) {
          submit.fail(err);
          onError?.(err);
        }
      }}
    >
      <EmployeeFields units={units} currentUnitId={employee?.unitId ?? null} />
      <FormAlert error={submit.alert} />
      <div className="form-actions">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}

function EmployeeFields({ units, currentUnitId }: { units: Unit[]; currentUnitId: string | null }) {
  const { t } = useTranslation();
  const { control } = useFormContext<EmployeeFormInput>();
  const [nip, front, name, back, golongan] = useWatch({ control, name: ['nip', 'frontTitle', 'name', 'backTitle', 'golongan'] });
  const parsed = parseNip(nip ?? '');
  const kind = parsed.ok ? parsed.nip.kind : null;
  const preview = displayName({ front: front ?? '', name: name ?? '', back: back ?? '' });
  const id = useId();

  // The list follows the NIP; a stored golongan of the other kind stays visible (the server
  // then says it does not fit) instead of silently disappearing.
  const golOptions = golonganOptions(t, kind);
  const stored = golongan ? golonganByCode(golongan) : undefined;
  if (stored && kind && stored.kind !== kind) golOptions.push({ value: stored.code, label: stored.pangkat ? `${stored.label} — ${stored.pangkat}` : stored.label });

  return (
    <>
      <h3 className="form-section">{t('employees.form.identity')}</h3>
      <div className="grid-3">
        <TextField name="nip" label={t('field.nip')} hint={t('employees.form.nipHint')} inputMode="numeric" autoComplete="off" spellCheck={false} className="mono-input" />
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('employees.form.type')}</label>
          <input id={`${id}-type`} className="readonly-input" readOnly value={kind ? t('employees.form.typeFromNip', { type: t(`employees.types.${kind}`) }) : t('employees.form.typeUnknown')} />
        </div>
        <ControlledSelectField name="golongan" label={t('field.golongan')} placeholder={t('employees.form.golonganNone')} options={golOptions} hint={t('employees.form.golonganHint')} />
      </div>
      <div className="grid-name">
        <TextField name="frontTitle" label={t('field.frontTitle')} optional hint={t('employees.form.frontTitleHint')} autoComplete="off" />
        <TextField name="name" label={t('field.name')} autoComplete="off" />
        <TextField name="backTitle" label={t('field.backTitle')} optional hint={t('employees.form.backTitleHint')} autoComplete="off" />
      </div>
      <div className="display-name">
        <span className="field-label" id={`${id}-display`}>{t('employees.form.displayName')}</span>
        <output aria-labelledby={`${id}-display`} aria-live="polite">
          {name?.trim() ? <strong>{preview}</strong> : <span className="muted">{t('employees.form.displayNameEmpty')}</span>}
        </output>
      </div>
      <div className="grid-3">
        <ControlledSelectField
          name="gender"
          label={t('field.gender')}
          placeholder={t('employees.form.genderFromNip')}
          options={[{ value: 'L', label: t('employees.genders.L') }, { value: 'P', label: t('employees.genders.P') }]}
        />
        <TextField name="birthPlace" label={t('field.birthPlace')} optional autoComplete="off" />
        <TextField name="birthDate" type="date" label={t('field.birthDate')} hint={t('employees.form.birthDateHint')} />
      </div>

      <h3 className="form-section">{t('employees.form.job')}</h3>
      <div className="grid-2">
        <TextField name="jabatan" label={t('field.jabatan')} optional autoComplete="off" />
        <ControlledSelectField name="unitId" label={t('field.unitId')} placeholder={t('employees.form.unitNone')} options={unitOptions(t, units, currentUnitId)} />
      </div>

      <h3 className="form-section">{t('employees.form.contact')}</h3>
      <div className="grid-2">
        <TextField name="phone" type="tel" label={t('field.phone')} optional autoComplete="off" />
        <TextField name="email" type="email" label={t('field.email')} optional autoComplete="off" />
      </div>
      <TextAreaField name="notes" label={t('field.notes')} optional />
    </>
  );
}
