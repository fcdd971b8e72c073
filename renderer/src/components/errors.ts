import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError, isApiErrorData, type FieldIssue } from '../../../shared/contract/errors.ts';
import { issueParams, messageKey } from '../../../shared/contract/validate.ts';
import { errorText, issueText } from '../../../shared/i18n/index.ts';
import { formatInstant, type Language } from '../../../shared/domain/dates.ts';

/** Anything thrown by a call, as an ApiError (a stray exception becomes INTERNAL). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isApiErrorData(err)) return ApiError.from(err);
  return new ApiError('INTERNAL', err instanceof Error ? err.message : String(err));
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Jakarta';
}

/**
 * One translated sentence for an error. The transport marks an unreachable service with
 * `details.network`; a lock's `until` instant is shown as a local date and time, and a
 * backup destination's system code in words.
 */
export function describeError(t: TFunction, err: unknown, lang: Language, timeZone?: string): string {
  const e = toApiError(err);
  if (e.details?.network) return t('errors.NETWORK');
  if (e.code === 'ACCOUNT_LOCKED' && typeof e.details?.until === 'string') {
    const until = formatInstant(e.details.until, timeZone ?? browserTimeZone(), lang);
    return errorText(t, { code: e.code, message: e.message, details: { ...e.details, until } });
  }
  // A backup that could not be saved: the system's code ("ENOENT") in words.
  if (e.code === 'BACKUP_DESTINATION' && typeof e.details?.reason === 'string' && /^E[A-Z]+$/.test(e.details.reason)) {
    const reason = t(`backupUi.destinationReasons.${e.details.reason}`, { defaultValue: e.details.reason });
    return errorText(t, { code: e.code, message: e.message, details: { ...e.details, reason } });
  }
  return errorText(t, e);
}

// A form field's error is kept untranslated (message key + params) so that switching the
// language re-translates it. react-hook-form keeps one string per error: key|{params}.
const PARAMS_SEPARATOR = '|';

export function encodeIssue(message: string, params?: FieldIssue['params']): string {
  return params && Object.keys(params).length > 0 ? `${message}${PARAMS_SEPARATOR}${JSON.stringify(params)}` : message;
}

export function decodeIssue(encoded: string): FieldIssue {
  const at = encoded.indexOf(PARAMS_SEPARATOR);
  if (at < 0) return { path: [], message: encoded };
  try {
    return { path: [], message: encoded.slice(0, at), params: JSON.parse(encoded.slice(at + 1)) as FieldIssue['params'] };
  } catch {
    return { path: [], message: encoded.slice(0, at) };
  }
}

export function fieldErrorText(t: TFunction, encoded: string): string {
  return issueText(t, decodeIssue(encoded));
}

/**
 * Parse-time error map for the contract's schemas in forms: their own messages are already
 * message keys; zod's built-in issues get `validation.<code>` with their limits, the same
 * keys the server uses (shared/contract/validate.ts).
 */
export const keyedErrorMap: z.core.$ZodErrorMap = (issue) => {
  const params = issueParams(issue);
  return encodeIssue(`validation.${messageKey(issue, params)}`, params);
};

/** Options for `zodResolver(schema, zodOptions)`. */
export const zodOptions = { error: keyedErrorMap };
