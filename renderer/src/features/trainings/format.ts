import type { TFunction } from 'i18next';
import { ATTENDANCE_STATUSES, STATUS_CODE, type AttendanceStatus } from '../../../../shared/domain/jp.ts';
import { COMPETENCY_TYPES, FUNDING_SOURCES, METHODS, ORGANISERS } from '../../../../shared/domain/methods.ts';
import { formatDate, type Language } from '../../../../shared/domain/dates.ts';
import { TIMEZONE_LABEL, type Timezone } from '../../../../shared/domain/timezone.ts';
import type { Option, OptionGroup } from '../../components/form.tsx';

// Words and numbers of the trainings screens: the contract's codes as people read them.

const LOCALE: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** "Rp 5.000.000": Rupiah the Indonesian way, in both languages. */
export function rupiah(n: number): string {
  return `Rp ${Math.round(n).toLocaleString('id-ID')}`;
}

/** "5.000.000" for an amount being typed (digits only kept). */
export function thousands(digits: string): string {
  const clean = digits.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return clean ? Number(clean).toLocaleString('id-ID') : '';
}

/** A figure such as JP or a percentage: "12", "2,5" (id) or "2.5" (en). */
export function figure(n: number, lang: Language): string {
  return n.toLocaleString(LOCALE[lang], { maximumFractionDigits: 2 });
}

/** "Rabu, 25 November 2026" */
export function dayDate(isoDate: string, lang: Language): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** "Rab, 25/11" for a narrow grid column. */
export function shortDay(isoDate: string, lang: Language): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** "27–28 November 2026", "30 November – 1 Desember 2026", or one date. */
export function dateRange(start: string | null, end: string | null, lang: Language): string {
  if (!start) return '—';
  if (!end || end === start) return formatDate(start, lang);
  const [ys, ms] = start.split('-');
  const [ye, me] = end.split('-');
  if (ys === ye && ms === me) return `${Number(start.slice(8))}–${formatDate(end, lang)}`;
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

/** "08.00–12.00 WIB" (Indonesian writes hours with a dot) or "08:00–12:00 WIB". */
export function timeRange(start: string, end: string, lang: Language, zone?: Timezone): string {
  const f = (hhmm: string) => (lang === 'id' ? hhmm.replace(':', '.') : hhmm);
  return `${f(start)}–${f(end)}${zone ? ` ${TIMEZONE_LABEL[zone]}` : ''}`;
}

// Building an Intl formatter costs far more than using one; the door's list formats a time
// per row on every scan, so one formatter per zone is kept.
const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "08.15.42" or "08:15:42": an instant's clock time in the office's zone. */
export function clockTime(instant: string, timeZone: string, lang: Language): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone });
    clockFormats.set(timeZone, format);
  }
  const text = format.format(date);
  return lang === 'id' ? text.replace(/:/g, '.') : text;
}

export function monthName(month: number, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

export function monthOptions(lang: Language): Option[] {
  return Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1, lang) }));
}

export function methodName(id: number): string {
  return METHODS.find((m) => m.id === id)?.name ?? String(id);
}

/** The SIASN methods under two headings, klasikal and non-klasikal, by name. */
export function methodOptions(t: TFunction): OptionGroup[] {
  return (['klasikal', 'nonklasikal'] as const).map((group) => ({
    label: t(`trainingTerms.methodGroups.${group}`),
    options: METHODS.filter((m) => m.group === group).map((m) => ({ value: String(m.id), label: m.name })),
  }));
}

export function competencyOptions(t: TFunction): Option[] {
  return COMPETENCY_TYPES.map((c) => ({ value: c, label: t(`trainingTerms.competencyTypes.${c}`) }));
}

export function organiserOptions(t: TFunction): Option[] {
  return ORGANISERS.map((o) => ({ value: o, label: t(`trainingTerms.organisers.${o}`) }));
}

export function fundingOptions(t: TFunction): Option[] {
  return FUNDING_SOURCES.map((f) => ({ value: f, label: t(`trainingTerms.funding.${f}`) }));
}

export function statusWord(t: TFunction, status: AttendanceStatus): string {
  return t(`trainingTerms.attendance.${status}`);
}

/** The key a clerk presses on a participant's row to give that mark (shown on screen): one per status. */
export const KEY_OF_STATUS: Record<AttendanceStatus, string> = {
  hadir: 'H', terlambat: 'T', izin: 'I', sakit: 'S', dinas_luar: 'D', cuti: 'C', alpa: 'A', psw: 'P',
};
export const STATUS_KEYS: Record<string, AttendanceStatus> = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [KEY_OF_STATUS[s].toLowerCase(), s]));

export function statusOptions(t: TFunction): Option[] {
  return ATTENDANCE_STATUSES.map((s) => ({ value: s, label: `${STATUS_CODE[s]} — ${statusWord(t, s)}` }));
}

/** A year list around the current one, for the year selectors. */
export function yearChoices(current: number): number[] {
  return [current - 2, current - 1, current, current + 1, current + 2];
}

/** '' → null, "2,5" → 2.5; anything else not a number → NaN (the contract then says so). */
export function numberOrNull(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  if (typeof text === 'number') return text;
  const s = text.trim().replace(',', '.');
  return s === '' ? null : Number(s);
}
