import type { TFunction } from 'i18next';
import type { BatchImportResult } from '../../../../shared/contract/city.ts';
import { AREAS, type Area } from '../../app/areas.ts';
import { ageText } from '../backup/format.ts';

// Words of the city screens: kecamatan names, batch numbers and ages as people say them.

/** Where an area lives (`#/kecamatan`), from the one list of areas. */
export function areaPath(key: Area['key']): string {
  return AREAS.find((a) => a.key === key)?.path ?? '/';
}

/** "Plaju" for "Kantor Kecamatan Plaju": how the city speaks of a kecamatan. */
export function shortOfficeName(name: string): string {
  return name.replace(/^(Kantor\s+)?Kecamatan\s+/i, '').trim() || name;
}

/** A batch sent this many days ago, or never: "hari ini", "kemarin", "12 hari lalu", "belum pernah". */
export function daysAgo(t: TFunction, days: number | null): string {
  return days === null ? t('cityUi.never') : ageText(t, Math.max(0, days));
}

/** After this many days without a batch, a kecamatan is shown as late. */
export const LATE_AFTER_DAYS = 30;

/** The batch numbers in "6" or "6–7" (the backend's `missing`). */
export function missingSeqs(missing: string | null | undefined): number[] {
  const m = /^\s*(\d+)\s*(?:[–-]\s*(\d+))?\s*$/.exec(missing ?? '');
  if (!m) return [];
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return to >= from && to - from < 10_000 ? Array.from({ length: to - from + 1 }, (_, i) => from + i) : [];
}

/** "7, 8" */
export function seqList(seqs: readonly number[]): string {
  return seqs.join(', ');
}

/** The result's message in the reader's language (`batches.*` keys with their parameters). */
export function resultMessage(t: TFunction, result: Pick<BatchImportResult, 'message' | 'params'>): string {
  return result.message ? t(result.message, { ...result.params, defaultValue: result.message }) : '';
}

/** Only what people type or paste of a fingerprint: hex digits, upper case. */
export function fingerprintDigits(text: string): string {
  return text.replace(/[^0-9a-f]/gi, '').toUpperCase();
}
