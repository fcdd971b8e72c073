import type { TFunction } from 'i18next';
import type { Followup } from '../../../../shared/contract/evaluation.ts';
import type { Language } from '../../../../shared/domain/dates.ts';
import { figure } from '../trainings/format.ts';

// Words and numbers of the evaluation screens.

export interface Stat { n: number; mean: number | null; index: number | null }

/** A mean on the questionnaire's scale ("3,25"), or a dash without answers. */
export function meanText(mean: number | null, lang: Language): string {
  return mean === null ? '—' : mean.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A 0–100 index ("81,3"), or a dash. */
export function indexText(index: number | null, lang: Language): string {
  return index === null ? '—' : index.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A test score or a difference of scores; the sign shown for a change. */
export function scoreText(n: number | null, lang: Language, signed = false): string {
  if (n === null) return '—';
  const text = figure(n, lang);
  return signed && n > 0 ? `+${text}` : text;
}

/**
 * Below the middle of the scale (index under 50: the mean nearer "Kurang" than "Baik"): the
 * aspects and speakers worth a second look.
 */
export function isWeak(stat: Stat): boolean {
  return stat.index !== null && stat.index < 50;
}

export type FollowupState = 'due' | 'upcoming' | 'done';

export function followupState(f: Pick<Followup, 'due' | 'filledDate'>): FollowupState {
  if (f.filledDate) return 'done';
  return f.due ? 'due' : 'upcoming';
}

export function aspectWord(t: TFunction, aspect: string): string {
  return t(`evaluationUi.aspects.${aspect}`, { defaultValue: aspect });
}

/** A typed score: '' → null, "85,5" → 85.5, anything that is no number → NaN. */
export function parseScore(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** A score for an input box, Indonesian style ("85,5") when that is the language. */
export function scoreInput(n: number | null, lang: Language): string {
  if (n === null) return '';
  const text = String(n);
  return lang === 'id' ? text.replace('.', ',') : text;
}
