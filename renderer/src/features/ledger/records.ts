import { ApiError, type FieldIssue } from '../../../../shared/contract/errors.ts';
import { i18n } from '../../i18n.ts';

/**
 * The backend refuses the same training twice with CONFLICT, naming the record it repeats
 * (`details.messageKey` and its parameters). The generic CONFLICT text would lose that name, so
 * the refusal becomes the form's own message, translated in the language shown.
 */
export function duplicateIssue(e: ApiError): ApiError {
  if (e.code !== 'CONFLICT') return e;
  const details = e.details ?? {};
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  const key = typeof details.messageKey === 'string' && i18n.exists(details.messageKey) ? details.messageKey : null;
  // Under the field that repeats (the title, or the certificate number), which gets the cursor.
  const path = details.field === 'title' || details.field === 'certificateNumber' ? [details.field] : [];
  const issue: FieldIssue = key ? { path, message: key, params } : { path, message: 'ledgerUi.records.duplicate', params: { what: e.message } };
  return new ApiError('VALIDATION', issue.message, { issues: [issue] });
}
