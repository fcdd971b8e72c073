import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyOutput } from '../../../../shared/contract/certificates.ts';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { readBase64 } from '../../components/files.ts';
import { VerifyResultPanel } from './VerifyResult.tsx';

/** The largest certificate file read here (the contract's limit, less the base64 overhead). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Periksa: one big box that has the focus on arrival. A USB scanner types the code and Enter;
 * a pasted code is checked with Enter or "Periksa"; "Buka gambar/PDF" reads the QR code of a
 * file. After each answer the box is empty and focused again, ready for the next scan.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const latest = useRef(0);
  const [result, setResult] = useState<{ value: VerifyOutput; source: 'text' | 'file'; fileName?: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // A key typed while the focus is elsewhere (a button just clicked, a link) goes into the code
  // box: a scanner's next code is never typed into nothing.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!/^[0-9A-Za-z]$/.test(e.key) || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = document.activeElement;
      const editable = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);
      if (!editable && !document.querySelector('dialog[open]')) inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const ready = () => {
    if (inputRef.current) inputRef.current.value = '';
    inputRef.current?.focus();
  };

  const check = async (load: () => Promise<VerifyOutput>, source: 'text' | 'file', fileName?: string) => {
    const request = ++latest.current;
    setBusy(true);
    setError(null);
    try {
      const value = await load();
      if (request === latest.current) setResult({ value, source, fileName });
    } catch (err) {
      if (request === latest.current) {
        setResult(null);
        setError(err);
      }
    } finally {
      if (request === latest.current) {
        setBusy(false);
        ready();
      }
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = inputRef.current?.value ?? '';
    if (!text.trim()) {
      ready();
      return;
    }
    // Emptied at once: a scanner's next code never lands after this one.
    if (inputRef.current) inputRef.current.value = '';
    void check(() => api['certificates.verify']({ text }), 'text');
  };

  const openFile = () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    if (fileRef.current) fileRef.current.value = '';
    if (file.size > MAX_FILE_BYTES) {
      setResult(null);
      setError({ code: 'VALIDATION', message: 'validation.file_too_large', details: { issues: [{ path: ['file'], message: 'validation.file_too_large' }] } });
      ready();
      return;
    }
    void check(async () => api['certificates.verifyFile']({ fileName: file.name, dataBase64: await readBase64(file) }), 'file', file.name);
  };

  return (
    <div className="stack">
      <section className="card verify-card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('certificatesUi.verify.title')}</h2>
        <form className="verify-form" noValidate onSubmit={submit}>
          <div className="scan-box verify-box">
            <label htmlFor={`${id}-code`} className="scan-label">{t('certificatesUi.verify.inputLabel')}</label>
            <div className="verify-input-row">
              <input
                ref={inputRef}
                id={`${id}-code`}
                className="scan-input verify-input"
                type="text"
                autoComplete="off"
                autoCorrect="off"
                autoCapitalize="characters"
                spellCheck={false}
                autoFocus
                data-keep-focus=""
                aria-describedby={`${id}-hint`}
              />
              <button type="submit" className="btn btn-primary verify-submit" aria-busy={busy || undefined}>{t('certificatesUi.verify.submit')}</button>
            </div>
            <p className="field-hint" id={`${id}-hint`}>{t('certificatesUi.verify.inputHint')}</p>
          </div>
        </form>
        <div className="verify-file">
          <button type="button" className="btn" onClick={() => fileRef.current?.click()}>{t('certificatesUi.verify.openFile')}</button>
          <input ref={fileRef} hidden type="file" aria-label={t('certificatesUi.verify.openFile')} accept="image/png,image/jpeg,application/pdf,.pdf,.png,.jpg,.jpeg" onChange={openFile} />
          <span className="muted">{t('certificatesUi.verify.fileHint')}</span>
        </div>
      </section>
      <div aria-live="polite" className="verify-answer">
        {busy && <p className="loading">{t('certificatesUi.verify.checking')}</p>}
        {!busy && result && (
          <>
            {result.source === 'file' && result.fileName && (
              <p className="muted verify-source">
                {t('certificatesUi.verify.fromFile', { fileName: result.fileName })}
                {result.value.read?.page ? ` ${t('certificatesUi.verify.fromPage', { page: result.value.read.page })}` : ''}
              </p>
            )}
            <VerifyResultPanel result={result.value} />
          </>
        )}
        {!busy && error ? <ErrorAlert error={error} /> : null}
      </div>
    </div>
  );
}
