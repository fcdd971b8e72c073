import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../shared/contract/errors.ts';
import type { HolidayDay, HolidayYearList } from '../../../../shared/contract/holidays.ts';
import { formatDate } from '../../../../shared/domain/dates.ts';
import { HOLIDAY_KINDS, type HolidayKind } from '../../../../shared/domain/holidays.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { toApiError } from '../../components/errors.ts';
import { ErrorAlert, LoadState, Notice } from '../../components/feedback.tsx';
import { Form, FormAlert, SelectField, SubmitButton, TextField, useSubmitError } from '../../components/form.tsx';
import { DataTable, RowButton, type Column } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { dayDate } from '../trainings/format.ts';
import { PlainSelect, useOfficeYear, useRun } from '../trainings/ui.tsx';

/**
 * Hari libur: the office's days off per year, which the session form asks about. Until the admin
 * confirms a year, the national holidays and cuti bersama Bangkom knows are proposed
 * (shared/domain/holidays.ts) with "Pakai daftar ini"; after that the admin adds and removes days.
 */
export function HolidaySettings() {
  const { t } = useTranslation();
  const thisYear = useOfficeYear();
  const [year, setYear] = useState(thisYear);
  const [message, setMessage] = useState<string | null>(null);
  const loader = useLoader(() => api['holidays.get']({ year }), [year]);
  // While another year loads, the previous year's list is not shown under this year's title.
  const list = { ...loader, data: loader.data?.year === year ? loader.data : undefined };
  const saved = (data: HolidayYearList, text: string) => {
    loader.setData(data);
    setMessage(text);
  };

  return (
    <section className="card" aria-labelledby="holidays-title">
      <div className="card-head">
        <h2 id="holidays-title">{t('settings.holidays.title', { year })}</h2>
        <PlainSelect label={t('settings.holidays.year')} value={String(year)} onChange={(v) => { setMessage(null); setYear(Number(v)); }} className="field-year">
          {[thisYear, thisYear + 1].map((y) => <option key={y} value={y}>{y}</option>)}
        </PlainSelect>
      </div>
      <p className="form-note">{t('settings.holidays.intro')}</p>
      {message && <Notice>{message}</Notice>}
      <LoadState loader={list}>
        {(data) => (data.confirmed
          ? <OfficeHolidays data={data} onSaved={saved} />
          : <Proposal data={data} onConfirmed={(d) => saved(d, t('settings.holidays.confirmed', { year: d.year }))} />)}
      </LoadState>
    </section>
  );
}

/** The national proposal of a year not confirmed yet, and the button that makes it the office's list. */
function Proposal({ data, onConfirmed }: { data: HolidayYearList; onConfirmed(data: HolidayYearList): void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useRun();
  const empty = data.proposed.length === 0;
  const confirm = () => void run('confirm', async () => onConfirmed(await api['holidays.update']({ year: data.year, days: data.proposed })));
  return (
    <>
      <h3>{t('settings.holidays.proposedTitle', { year: data.year })}</h3>
      {empty ? <p>{t('settings.holidays.noProposal', { year: data.year })}</p> : <p className="form-note">{t('settings.holidays.proposedNote', { year: data.year })}</p>}
      {!empty && !data.proposedComplete && (
        <div className="alert alert-warning"><p>{t('settings.holidays.incomplete', { year: data.year })}</p></div>
      )}
      {!empty && <HolidayTable days={data.proposed} year={data.year} />}
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" aria-busy={busy !== null || undefined} onClick={confirm}>
          {busy ? t('common.saving') : t(empty ? 'settings.holidays.startEmpty' : 'settings.holidays.useProposed')}
        </button>
      </div>
    </>
  );
}

/** The office's confirmed list: each day with a remove button, and a form to add one. */
function OfficeHolidays({ data, onSaved }: { data: HolidayYearList; onSaved(data: HolidayYearList, message: string): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { error, run } = useRun();
  const remove = (day: HolidayDay) => void run(day.date, async () => {
    const saved = await api['holidays.update']({ year: data.year, days: data.days.filter((d) => d !== day) });
    onSaved(saved, t('settings.holidays.removed', { date: formatDate(day.date, lang), name: day.name }));
  });
  // The form first: the list is long (25 days in 2026), and the message of each change shows above both.
  return (
    <>
      <AddHoliday data={data} onAdded={onSaved} />
      {error ? <ErrorAlert error={error} /> : null}
      {data.days.length === 0
        ? <p className="list-empty">{t('settings.holidays.empty', { year: data.year })}</p>
        : <HolidayTable days={data.days} year={data.year} onRemove={remove} />}
    </>
  );
}

function HolidayTable({ days, year, onRemove }: { days: readonly HolidayDay[]; year: number; onRemove?(day: HolidayDay): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const columns: Column<HolidayDay>[] = [
    { key: 'date', header: t('settings.holidays.date'), rowHeader: true, className: 'nowrap', cell: (day) => dayDate(day.date, lang) },
    { key: 'name', header: t('settings.holidays.name'), cell: (day) => day.name },
    { key: 'kind', header: t('settings.holidays.kind'), className: 'nowrap', cell: (day) => t(`holidayKinds.${day.kind}`) },
  ];
  return (
    <DataTable
      rows={[...days]}
      caption={t('settings.holidays.caption', { year })}
      columns={columns}
      rowKey={(day) => day.date}
      actions={onRemove && ((day) => (
        <RowButton label={t('settings.holidays.removeNamed', { name: day.name, date: formatDate(day.date, lang) })} onClick={() => onRemove(day)}>
          {t('settings.holidays.remove')}
        </RowButton>
      ))}
    />
  );
}

interface AddValues {
  date: string;
  name: string;
  kind: HolidayKind;
}

/** One more day: the whole list is saved with it, and the contract's word on it lands under its field. */
function AddHoliday({ data, onAdded }: { data: HolidayYearList; onAdded(data: HolidayYearList, message: string): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const form = useForm<AddValues>({ defaultValues: { date: '', name: '', kind: 'kantor' } });
  const submit = useSubmitError(form);
  const at = data.days.length;
  // After a day is added the next one is typed: back to the date once the list has been redrawn.
  const [added, setAdded] = useState(0);
  useEffect(() => { if (added) form.setFocus('date'); }, [added, form]);
  return (
    <Form
      form={form}
      className="holiday-add"
      aria-labelledby="holiday-add-title"
      onSubmit={async (v) => {
        submit.clear();
        if (!v.date) {
          form.setError('date', { type: 'required', message: 'validation.required' }, { shouldFocus: true });
          return;
        }
        try {
          const saved = await api['holidays.update']({ year: data.year, days: [...data.days, { date: v.date, name: v.name, kind: v.kind }] });
          form.reset();
          setAdded((n) => n + 1);
          onAdded(saved, t('settings.holidays.added', { date: formatDate(v.date, lang), name: v.name.trim() }));
        } catch (err) {
          submit.fail(ownIssues(err, at));
        }
      }}
    >
      <h3 id="holiday-add-title">{t('settings.holidays.addTitle')}</h3>
      <div className="grid-3">
        <TextField name="date" type="date" label={t('settings.holidays.date')} min={`${data.year}-01-01`} max={`${data.year}-12-31`} />
        <TextField name="name" label={t('settings.holidays.name')} autoComplete="off" />
        <SelectField name="kind" label={t('settings.holidays.kind')} options={HOLIDAY_KINDS.map((k) => ({ value: k, label: t(`holidayKinds.${k}`) }))} />
      </div>
      <FormAlert error={submit.alert} />
      <div className="form-actions">
        <SubmitButton>{t('settings.holidays.add')}</SubmitButton>
      </div>
    </Form>
  );
}

/** The new day's issues (`days.<at>.date`) under the form's own fields (`date`). */
function ownIssues(err: unknown, at: number): ApiError {
  const e = toApiError(err);
  const issues = e.details?.issues;
  if (!issues) return e;
  return new ApiError(e.code, e.message, {
    ...e.details,
    issues: issues.map((i) => (i.path[0] === 'days' && i.path[1] === at ? { ...i, path: i.path.slice(2) } : i)),
  });
}
