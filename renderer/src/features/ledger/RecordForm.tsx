import { useId, useRef } from 'react';
import { get, useForm, useWatch, type FieldError, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SCAN_MAX_BYTES, SCAN_MAX_MB, SCAN_TYPES, type TrainingRecord } from '../../../../shared/contract/records.ts';
import { ApiError, type FieldIssue } from '../../../../shared/contract/errors.ts';
import type { Input } from '../../../../shared/contract/index.ts';
import { recordJp, sameJp } from '../../../../shared/domain/record-jp.ts';
import { ORGANISERS } from '../../../../shared/domain/methods.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { FieldFrame, FormDialog, SelectField, TextAreaField, TextField } from '../../components/form.tsx';
import { toApiError } from '../../components/errors.ts';
import { readBase64 } from '../../components/files.ts';
import { currentLanguage } from '../../i18n.ts';
import { EmployeePickerField, type PickedEmployee } from '../trainings/EmployeePicker.tsx';
import { competencyOptions, figure, methodOptions, numberOrNull } from '../trainings/format.ts';
import { duplicateIssue } from './records.ts';

interface RecordFormValues {
  employeeId: string;
  title: string;
  organiser: string;
  methodId: string;
  competencyType: string;
  startDate: string;
  endDate: string;
  international: boolean;
  hours: string;
  sessions: string;
  jp: string;
  jpReason: string;
  certificateNumber: string;
  certificateDate: string;
  place: string;
  notes: string;
  /** The scan's file name: where a problem with the file is shown. */
  scan: string;
  removeScan: boolean;
}

const E_LEARNING = 16;
const text = (n: number | null) => (n === null ? '' : String(n));

function formValues(r: TrainingRecord | null, employeeId: string): RecordFormValues {
  return {
    employeeId: r?.employeeId ?? employeeId,
    title: r?.title ?? '',
    organiser: r?.organiser ?? '',
    methodId: String(r?.methodId ?? E_LEARNING),
    competencyType: r?.competencyType ?? 'teknis',
    startDate: r?.startDate ?? '',
    endDate: r?.endDate ?? '',
    international: r?.international ?? false,
    hours: text(r?.hours ?? null),
    sessions: text(r?.sessions ?? null),
    // A JP that only repeats the rule is left empty, so the rule keeps counting when dates change.
    jp: r && (r.computedJp === null || !sameJp(r.jp, r.computedJp)) ? String(r.jp) : '',
    jpReason: r?.jpReason ?? '',
    certificateNumber: r?.certificateNumber ?? '',
    certificateDate: r?.certificateDate ?? '',
    place: r?.place ?? '',
    notes: r?.notes ?? '',
    scan: '',
    removeScan: false,
  };
}

/** Numbers typed the Indonesian way ("2,5"); junk is refused here, since JSON would turn it into "empty". */
function numbers(v: RecordFormValues): { hours: number | null; sessions: number | null; jp: number | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const read = (name: 'hours' | 'sessions' | 'jp') => {
    const n = numberOrNull(v[name]);
    if (n !== null && !Number.isFinite(n)) {
      issues.push({ path: [name], message: 'validation.not_a_number' });
      return null;
    }
    return n;
  };
  return { hours: read('hours'), sessions: read('sessions'), jp: read('jp'), issues };
}

/**
 * Adding or changing an outside training: who, what, the method and dates, hours or sessions when
 * the method's rule counts them, and the JP with what the rule gives shown live; a JP that differs
 * asks for a reason. The certificate's number, date and scan go with it.
 */
export function RecordForm({ record, employee, onSaved, onClose }: {
  record: TrainingRecord | null;
  /** For a new record from an employee's page: that person, fixed. */
  employee?: PickedEmployee;
  onSaved(record: TrainingRecord, created: boolean): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { user } = useSession();
  const ids = useId();
  const file = useRef<File | null>(null);
  const form = useForm<RecordFormValues>({ defaultValues: formValues(record, employee?.id ?? '') });
  const [methodId, startDate, endDate, hours, sessions, international, jp, removeScan] = useWatch({
    control: form.control,
    name: ['methodId', 'startDate', 'endDate', 'hours', 'sessions', 'international', 'jp', 'removeScan'],
  });

  const rule = recordJp(Number(methodId), {
    startDate,
    endDate: endDate || startDate,
    hours: numberOrNull(hours),
    sessions: numberOrNull(sessions),
    international,
  });
  const entered = numberOrNull(jp);
  const differs = entered !== null && Number.isFinite(entered) && rule.jp !== null && !sameJp(entered, rule.jp);
  const reasonError = get(form.formState.errors, 'jpReason') as FieldError | undefined;
  const showReason = differs || reasonError !== undefined || (record?.jpReason ?? '') !== '';

  const send = async (v: RecordFormValues): Promise<TrainingRecord> => {
    const { hours: h, sessions: s, jp: j, issues } = numbers(v);
    // Nobody picked yet: "required", not the contract's "not a valid id".
    if (!v.employeeId) issues.unshift({ path: ['employeeId'], message: 'validation.required' });
    const chosen = file.current;
    if (chosen && !(SCAN_TYPES as readonly string[]).includes(chosen.type)) issues.push({ path: ['scan'], message: 'ledgerUi.records.scanType' });
    else if (chosen && chosen.size > SCAN_MAX_BYTES) issues.push({ path: ['scan'], message: 'ledgerUi.records.scanTooLarge', params: { maxMb: SCAN_MAX_MB } });
    if (issues.length) throw new ApiError('VALIDATION', 'validation.invalid', { issues });
    const fields: Omit<Input<'records.update'>, 'id'> = {
      employeeId: v.employeeId,
      title: v.title,
      organiser: v.organiser,
      methodId: Number(v.methodId),
      competencyType: v.competencyType as TrainingRecord['competencyType'],
      startDate: v.startDate,
      // A one-day training needs its date once.
      endDate: v.endDate || v.startDate,
      international: v.international,
      hours: rule.needs === 'hours' ? h : null,
      sessions: rule.needs === 'sessions' ? s : null,
      jp: j,
      jpReason: v.jpReason,
      certificateNumber: v.certificateNumber,
      certificateDate: v.certificateDate || null,
      place: v.place,
      notes: v.notes,
    };
    const scan = chosen ? { fileName: chosen.name, dataBase64: await readBase64(chosen) } : undefined;
    try {
      if (!record) return await api['records.create']({ ...fields, ...(scan ? { scan } : {}) });
      let saved = await api['records.update']({ id: record.id, ...fields });
      if (scan) saved = await api['records.attachScan']({ id: record.id, ...scan });
      else if (v.removeScan && saved.scan) saved = await api['records.removeScan']({ id: record.id });
      return saved;
    } catch (err) {
      throw scanPaths(duplicateIssue(toApiError(err)));
    }
  };

  const organisers = ORGANISERS.filter((o) => o !== 'kantor').map((o) => t(`trainingTerms.organisers.${o}`));
  return (
    <FormDialog
      title={record ? t('ledgerUi.records.editTitle') : t('ledgerUi.records.addTitle')}
      note={t('ledgerUi.records.formNote')}
      size="wide"
      initialFocus={employee || record ? 'input[name=title]' : '[role=combobox]'}
      onClose={onClose}
      form={form}
      send={send}
      onDone={(saved) => onSaved(saved, !record)}
      submitLabel={record ? t('common.save') : t('ledgerUi.records.addSubmit')}
    >
      {employee ? (
        <p className="ledger-for"><span className="muted">{t('ledgerUi.records.employee')}:</span> <strong>{employee.name}</strong></p>
      ) : (
        <EmployeePickerField
          name="employeeId"
          label={t('ledgerUi.records.employee')}
          initial={record ? { id: record.employeeId, name: record.name, nip: record.nip } : null}
        />
      )}
      <TextField name="title" label={t('ledgerUi.records.title')} hint={t('ledgerUi.records.titleHint')} />
      <div className="grid-3">
        <TextField name="organiser" label={t('ledgerUi.records.organiser')} list={`${ids}-organisers`} fieldClassName="span-2" hint={t('ledgerUi.records.organiserHint')} />
        <SelectField name="competencyType" label={t('programmeUi.competencyType')} options={competencyOptions(t)} />
      </div>
      <datalist id={`${ids}-organisers`}>
        {organisers.map((o) => <option key={o} value={o} />)}
      </datalist>
      <div className="grid-3">
        <SelectField name="methodId" label={t('programmeUi.method')} options={methodOptions(t)} />
        <TextField name="startDate" type="date" label={t('ledgerUi.records.startDate')} />
        <TextField name="endDate" type="date" label={t('ledgerUi.records.endDate')} optional hint={t('ledgerUi.records.endDateHint')} />
      </div>
      <label className="choice choice-line">
        <input type="checkbox" {...form.register('international')} /> {t('ledgerUi.records.international')}
      </label>
      <div className="grid-3">
        {rule.needs === 'hours' && <TextField name="hours" label={t('ledgerUi.records.hours')} inputMode="decimal" hint={t('ledgerUi.records.hoursHint')} />}
        {rule.needs === 'sessions' && <TextField name="sessions" label={t('ledgerUi.records.sessions')} inputMode="numeric" />}
        <TextField name="jp" label={t('ledgerUi.records.jp')} inputMode="decimal" optional hint={t('ledgerUi.records.jpHint')} />
      </div>
      <p className="jp-preview" role="status">
        {rule.jp !== null
          ? t('ledgerUi.records.byRule', { jp: figure(rule.jp, lang) })
          : t(rule.needs === 'hours' ? 'ledgerUi.records.byRuleNeedsHours' : rule.needs === 'sessions' ? 'ledgerUi.records.byRuleNeedsSessions' : 'ledgerUi.records.byRuleNeedsDates')}
        <span className="muted"> · {t(rule.rule.key, rule.rule.params)}</span>
        {differs && <> <strong>{t('ledgerUi.records.differs', { jp: figure(entered ?? 0, lang) })}</strong></>}
      </p>
      {showReason && <TextField name="jpReason" label={t('ledgerUi.records.jpReason')} hint={t('ledgerUi.records.jpReasonHint')} />}
      <div className="grid-3">
        <TextField name="certificateNumber" label={t('ledgerUi.records.certificateNumber')} optional fieldClassName="span-2" />
        <TextField name="certificateDate" type="date" label={t('ledgerUi.records.certificateDate')} optional />
      </div>
      <ScanField
        current={record?.scan ?? null}
        removing={removeScan}
        onFile={(f) => {
          file.current = f;
          form.setValue('scan', f?.name ?? '');
          form.clearErrors('scan');
        }}
        register={form.register('removeScan')}
      />
      <TextField name="place" label={t('ledgerUi.records.place')} optional />
      <TextAreaField name="notes" label={t('field.notes')} optional rows={2} />
      {user.role !== 'admin' && !record && <p className="form-note">{t('ledgerUi.records.unverifiedNote')}</p>}
    </FormDialog>
  );
}

/** A problem with the scan's bytes (`scan.dataBase64`) is shown under the file field. */
function scanPaths(e: ApiError): ApiError {
  const issues = e.details?.issues;
  if (e.code !== 'VALIDATION' || !issues?.some((i) => i.path[0] === 'scan' || i.path[0] === 'dataBase64' || i.path[0] === 'fileName')) return e;
  const moved = issues.map((i) => (i.path[0] === 'scan' || i.path[0] === 'dataBase64' || i.path[0] === 'fileName' ? { ...i, path: ['scan'] } : i));
  return new ApiError(e.code, e.message, { ...e.details, issues: moved });
}

function ScanField({ current, removing, onFile, register }: {
  current: TrainingRecord['scan'];
  removing: boolean;
  onFile(file: File | null): void;
  register: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  return (
    <FieldFrame
      name="scan"
      label={current ? t('ledgerUi.records.scanReplace') : t('ledgerUi.records.scan')}
      optional
      hint={t('ledgerUi.records.scanHint', { maxMb: SCAN_MAX_MB })}
    >
      {(a11y) => (
        <>
          <input {...a11y} type="file" accept={SCAN_TYPES.join(',')} onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
          {current && (
            <label className="choice choice-line ledger-scan-remove">
              <input type="checkbox" {...register} /> {t('ledgerUi.records.scanRemove', { fileName: current.fileName })}
            </label>
          )}
          {current && removing && <p className="field-hint">{t('ledgerUi.records.scanRemoving')}</p>}
        </>
      )}
    </FieldFrame>
  );
}
