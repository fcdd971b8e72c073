import type { TFunction } from 'i18next';
import { EMPLOYEE_STATUSES, type EmployeeStatus } from '../../../../shared/contract/employees.ts';
import type { Unit } from '../../../../shared/contract/office.ts';
import { formatDate, formatInstant, type Language } from '../../../../shared/domain/dates.ts';
import { PNS_GOLONGAN, PPPK_GOLONGAN, formatGolongan } from '../../../../shared/domain/golongan.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { fieldLabel, issueText } from '../../../../shared/i18n/index.ts';
import type { Option, OptionGroup } from '../../components/form.tsx';

export interface FormatContext {
  t: TFunction;
  lang: Language;
  timeZone: string;
  /** Unit id → name, inactive units included (old records point at them). */
  units: ReadonlyMap<string, string>;
}

export function unitNames(units: readonly Unit[] | undefined): Map<string, string> {
  return new Map((units ?? []).map((u) => [u.id, u.name]));
}

export function statusLabel(t: TFunction, status: EmployeeStatus, long = false): string {
  return t(`employees.${long ? 'statusesLong' : 'statuses'}.${status}`);
}

export function statusOptions(t: TFunction): Option[] {
  return EMPLOYEE_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s, true) }));
}

/** Golongan choices: one kind when the NIP says which, both under headings otherwise. */
export function golonganOptions(t: TFunction, kind: 'pns' | 'pppk' | null): (Option | OptionGroup)[] {
  const pns = PNS_GOLONGAN.map((g) => ({ value: g.code, label: `${g.label} — ${g.pangkat}` }));
  const pppk = PPPK_GOLONGAN.map((g) => ({ value: g.code, label: g.label }));
  if (kind === 'pns') return pns;
  if (kind === 'pppk') return pppk;
  return [
    { label: t('employees.golonganGroups.pns'), options: pns },
    { label: t('employees.golonganGroups.pppk'), options: pppk },
  ];
}

export function unitOptions(t: TFunction, units: readonly Unit[], keepId?: string | null): Option[] {
  return units
    .filter((u) => u.active || u.id === keepId)
    .map((u) => ({ value: u.id, label: u.active ? u.name : t('employees.inactiveUnit', { name: u.name }) }));
}

/** A field's label in history and preview: the form label, else a history-only one, else the key. */
export function employeeFieldLabel(t: TFunction, key: string): string {
  return fieldLabel(t, [key]) ?? (t(`employees.history.fields.${key}`, { defaultValue: '' }) || key);
}

/** One stored value as people read it: codes become words, a NIP gets its spaces back. */
export function employeeValue(ctx: FormatContext, key: string, value: unknown): string {
  const { t, lang } = ctx;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  const text = String(value);
  switch (key) {
    case 'nip': return formatNip(text);
    case 'employmentType': return t(`employees.types.${text}`, { defaultValue: text.toUpperCase() });
    case 'gender': return t(`employees.genders.${text}`, { defaultValue: text });
    case 'status': return t(`employees.statusesLong.${text}`, { defaultValue: text });
    case 'golongan': return formatGolongan(text);
    case 'unitId': return ctx.units.get(text) ?? text;
    case 'birthDate':
    case 'statusDate': return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatDate(text, lang) : text;
    case 'deletedAt': return formatInstant(text, ctx.timeZone, lang);
    default: return text;
  }
}

/**
 * A backend issue (import row or record warning) in the current language: translated from
 * its code and params when the catalogue knows the code, the backend's own text otherwise.
 * Dates and L/P in the params are shown the way the form shows them.
 */
export function issueMessage(t: TFunction, lang: Language, issue: { code: string; message?: string; params?: Record<string, string | number> }): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(issue.params ?? {})) {
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) params[k] = formatDate(v, lang);
    else if (v === 'L' || v === 'P') params[k] = t(`employees.genders.${v}`);
    else params[k] = v;
  }
  const known = t(issue.code, { defaultValue: '' });
  if (!known && issue.message) return issue.message;
  return issueText(t, { path: [], message: issue.code, params });
}

/** "Jabatan: …", unless the message already starts with the field's name. */
export function labelled(label: string, text: string): { label: string | null; text: string } {
  return text.toLocaleLowerCase().startsWith(label.toLocaleLowerCase()) ? { label: null, text } : { label, text };
}
