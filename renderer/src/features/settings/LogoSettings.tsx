import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../shared/contract/errors.ts';
import { LOGO_MAX_BYTES, LOGO_TYPES } from '../../../../shared/contract/office.ts';
import { issueText } from '../../../../shared/i18n/index.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { toApiError } from '../../components/errors.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { readBase64 } from '../../components/files.ts';
import { OfficeLogo } from './OfficeLogo.tsx';

const MAX_KB = LOGO_MAX_BYTES / 1024;

type Result = { kind: 'uploaded' | 'removed' } | { kind: 'fieldError'; error: ApiError } | { kind: 'error'; error: unknown } | null;

/** Logo: PNG or JPEG up to 512 KB, checked here first and decoded again by the server. */
export function LogoSettings() {
  const { t } = useTranslation();
  const { office, setOffice } = useSession();
  const inputRef = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<Result>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setResult(null);
    try {
      await work();
    } catch (err) {
      const e = toApiError(err);
      const fieldIssue = e.code === 'VALIDATION' && e.details?.issues?.length === 1 && e.details.issues[0]?.path[0] === 'logo';
      setResult(fieldIssue ? { kind: 'fieldError', error: e } : { kind: 'error', error: e });
    } finally {
      setBusy(false);
    }
  };

  const upload = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const file = inputRef.current?.files?.[0];
      if (!file) throw ApiError.field(['logo'], 'validation.required');
      if (!(LOGO_TYPES as readonly string[]).includes(file.type)) throw ApiError.field(['logo'], 'validation.logo_type');
      if (file.size > LOGO_MAX_BYTES) throw ApiError.field(['logo'], 'validation.logo_too_large', { maxKb: MAX_KB });
      const updated = await api['office.setLogo']({ mimeType: file.type as (typeof LOGO_TYPES)[number], dataBase64: await readBase64(file) });
      setOffice(updated);
      if (inputRef.current) inputRef.current.value = '';
      setResult({ kind: 'uploaded' });
    });
  };

  const remove = () => void run(async () => {
    setOffice(await api['office.removeLogo']({}));
    setResult({ kind: 'removed' });
  });

  const fieldIssue = result?.kind === 'fieldError' ? result.error.details?.issues?.[0] : undefined;

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.office.logoTitle')}</h2>
      <div className="logo-row">
        <div className="logo-frame">
          {office.hasLogo ? <OfficeLogo className="logo-preview" /> : <p className="muted">{t('settings.office.logoNone')}</p>}
        </div>
        <form className="logo-form" noValidate onSubmit={upload}>
          <div className={`field${fieldIssue ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-file`}>{t('settings.office.logoFile', { maxKb: MAX_KB })}</label>
            <input
              ref={inputRef}
              id={`${id}-file`}
              type="file"
              accept={LOGO_TYPES.join(',')}
              aria-invalid={fieldIssue ? true : undefined}
              aria-describedby={fieldIssue ? `${id}-error` : undefined}
            />
            {fieldIssue && <p className="field-error" id={`${id}-error`}>{issueText(t, fieldIssue)}</p>}
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" aria-busy={busy || undefined}>{t('settings.office.logoUpload')}</button>
            {office.hasLogo && (
              <button type="button" className="btn btn-danger" onClick={remove}>{t('settings.office.logoRemove')}</button>
            )}
          </div>
          {result?.kind === 'error' && <ErrorAlert error={result.error} />}
          {result?.kind === 'uploaded' && <Notice>{t('settings.office.logoUploaded')}</Notice>}
          {result?.kind === 'removed' && <Notice>{t('settings.office.logoRemoved')}</Notice>}
        </form>
      </div>
    </section>
  );
}
