import type { TFunction } from 'i18next';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { TIMEZONE_LABEL, type Timezone } from '../../../../shared/domain/timezone.ts';
import { fieldLabel } from '../../../../shared/i18n/index.ts';

/** A field's label in the log: a log-specific name, else the form label, else its key. */
export function auditFieldLabel(t: TFunction, key: string): string {
  return t(`auditFields.${key}`, { defaultValue: '' }) || fieldLabel(t, [key]) || key;
}

/** One value as people read it; codes become words, a NIP gets its spaces back. */
export function auditValue(t: TFunction, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return value.map((v) => auditValue(t, key, v)).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([k, v]) => auditValue(t, k, v)).join(', ');
  }
  const text = String(value);
  if (key === 'role') return t(`roles.${text}`, { defaultValue: text });
  if (key === 'kind') return t(`unitKinds.${text}`, { defaultValue: text });
  if (key === 'holidayKind') return t(`holidayKinds.${text}`, { defaultValue: text });
  if (key === 'timezone' && text in TIMEZONE_LABEL) return TIMEZONE_LABEL[text as Timezone];
  if (key === 'nip') return formatNip(text);
  return text;
}

export interface AuditDetail {
  label: string;
  /** `[old, new]` for a change, or a single value (a new record's field, event data). */
  change: [string, string] | null;
  value: string | null;
}

const isPair = (value: unknown): value is [unknown, unknown] => Array.isArray(value) && value.length === 2;

/**
 * Field → [old, new] pairs (record changes) or free data (events), ready to show. A new
 * record (action `<entity>.insert`) lists just its values.
 */
export interface AuditFormat {
  label(key: string): string;
  value(key: string, value: unknown): string;
}

/** `format` lets a screen that knows its record (the employee history) name fields its own way. */
export function auditDetails(t: TFunction, action: string, details: Record<string, unknown> | null, format?: AuditFormat): AuditDetail[] {
  if (!details) return [];
  const label = format?.label ?? ((key: string) => auditFieldLabel(t, key));
  const show = format?.value ?? ((key: string, value: unknown) => auditValue(t, key, value));
  const created = action.endsWith('.insert');
  return Object.entries(details).map(([key, value]) => {
    if (isPair(value)) {
      return created
        ? { label: label(key), change: null, value: show(key, value[1]) }
        : { label: label(key), change: [show(key, value[0]), show(key, value[1])], value: null };
    }
    return { label: label(key), change: null, value: show(key, value) };
  });
}

/** The audit log writes "-" when no account acted (e.g. the first-run setup). */
export function auditUser(username: string): string {
  return username === '-' || username === '' ? '—' : username;
}
