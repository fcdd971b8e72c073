import i18next, { type i18n, type TFunction } from 'i18next';
import type { ApiErrorData, FieldIssue } from '../contract/errors.ts';
import { id } from './id.ts';
import { en } from './en.ts';

export type Language = 'id' | 'en';
export const LANGUAGES: Language[] = ['id', 'en'];
export const resources = { id: { translation: id }, en: { translation: en } } as const;

/** An i18next instance with both catalogues; Indonesian first, English as the fallback. */
export function createI18n(lang: Language = 'id'): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: 'id',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

/** The label of a field path (`['signer', 'nip']` → "NIP penandatangan"), or null. */
export function fieldLabel(t: TFunction, path: FieldIssue['path']): string | null {
  const key = `field.${path.filter((p) => typeof p === 'string').join('.')}`;
  // A path to a group of fields (['signer']) names an object in the catalogue, not a label.
  const label: unknown = t(key, { defaultValue: '', returnObjects: true });
  return typeof label === 'string' && label && label !== key ? label : null;
}

export function issueText(t: TFunction, issue: FieldIssue): string {
  return t(issue.message, { ...issue.params, defaultValue: t('validation.invalid') });
}

/** One line for a person: the field and what is wrong, or the error's own text. */
export function errorText(t: TFunction, error: Pick<ApiErrorData, 'code' | 'message' | 'details'>): string {
  const issues = error.details?.issues ?? [];
  if (error.code === 'VALIDATION' && issues.length) {
    return issues.map((issue) => {
      const label = fieldLabel(t, issue.path);
      return label ? `${label}: ${issueText(t, issue)}` : issueText(t, issue);
    }).join(' ');
  }
  const params = (error.details ?? {}) as Record<string, unknown>;
  // An error that says more than its code can (a duplicate naming the record it repeats) names
  // its own message key, filled in from the details.
  if (typeof params.messageKey === 'string') return t(params.messageKey, { ...params, defaultValue: error.message });
  return t(`errors.${error.code}`, { ...params, defaultValue: error.message });
}
