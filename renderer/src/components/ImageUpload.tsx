import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/contract/errors.ts';
import { LOGO_MAX_BYTES, LOGO_TYPES } from '../../../shared/contract/office.ts';
import { issueText } from '../../../shared/i18n/index.ts';
import { toApiError } from './errors.ts';
import { ErrorAlert, Notice } from './feedback.tsx';
import { readBase64 } from './files.ts';

/** The largest image the office keeps (logo, signature, stamp), in KB for the texts. */
export const IMAGE_MAX_KB = LOGO_MAX_BYTES / 1024;

export type ImageType = (typeof LOGO_TYPES)[number];

type Result = { kind: 'uploaded' | 'removed' } | { kind: 'fieldError'; error: ApiError } | { kind: 'error'; error: unknown } | null;

interface ImageUploadFormProps {
  /** The name the file has in the server's issues ('logo', 'image'): such an issue shows under the field. */
  field: string;
  /** Message keys for a file that is no PNG or JPEG, and for one larger than {{maxKb}}. */
  typeMessage: string;
  tooLargeMessage: string;
  /** Whether an image is there now: "Hapus" shows only then. */
  present: boolean;
  texts: { label: string; upload: string; remove: string; uploaded: string; removed: string };
  save(image: { mimeType: ImageType; dataBase64: string }): Promise<void>;
  remove(): Promise<void>;
  className: string;
  'aria-labelledby'?: string;
  /** Shown in the form above the file field (a heading, a note). */
  children?: ReactNode;
}

/**
 * An office image (PNG or JPEG up to 512 KB): a file field checked here first (the server
 * decodes it again), "Unggah" and "Hapus", and what came of them. A field error is kept as the
 * issue, so switching the language translates it again.
 */
export function ImageUploadForm({ field, typeMessage, tooLargeMessage, present, texts, save, remove, className, 'aria-labelledby': labelledBy, children }: ImageUploadFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<Result>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setResult(null);
    try {
      await work();
    } catch (err) {
      const e = toApiError(err);
      const fieldIssue = e.code === 'VALIDATION' && e.details?.issues?.length === 1 && e.details.issues[0]?.path[0] === field;
      setResult(fieldIssue ? { kind: 'fieldError', error: e } : { kind: 'error', error: e });
    } finally {
      setBusy(false);
    }
  };

  const upload = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const file = inputRef.current?.files?.[0];
      if (!file) throw ApiError.field([field], 'validation.required');
      if (!(LOGO_TYPES as readonly string[]).includes(file.type)) throw ApiError.field([field], typeMessage);
      if (file.size > LOGO_MAX_BYTES) throw ApiError.field([field], tooLargeMessage, { maxKb: IMAGE_MAX_KB });
      await save({ mimeType: file.type as ImageType, dataBase64: await readBase64(file) });
      if (inputRef.current) inputRef.current.value = '';
      setResult({ kind: 'uploaded' });
    });
  };

  const removeImage = () => void run(async () => {
    await remove();
    setResult({ kind: 'removed' });
  });

  const fieldIssue = result?.kind === 'fieldError' ? result.error.details?.issues?.[0] : undefined;
  return (
    <form className={className} noValidate onSubmit={upload} aria-labelledby={labelledBy}>
      {children}
      <div className={`field${fieldIssue ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-file`}>{texts.label}</label>
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
        <button type="submit" className="btn btn-primary" aria-busy={busy || undefined}>{texts.upload}</button>
        {present && <button type="button" className="btn btn-danger" onClick={removeImage}>{texts.remove}</button>}
      </div>
      {result?.kind === 'error' && <ErrorAlert error={result.error} />}
      {result?.kind === 'uploaded' && <Notice>{texts.uploaded}</Notice>}
      {result?.kind === 'removed' && <Notice>{texts.removed}</Notice>}
    </form>
  );
}
