import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityKecamatan } from '../../../../shared/contract/city.ts';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { Modal } from '../../components/Modal.tsx';
import { useRun } from '../trainings/ui.tsx';
import { shortOfficeName } from './format.ts';

/**
 * Buat token unggah: the kecamatan's upload token, made here and shown this once (the city keeps
 * only its hash). A new token ends the previous one, which the dialog says before making it.
 */
export function UploadTokenDialog({ kecamatan, onClose, onIssued }: { kecamatan: CityKecamatan; onClose(): void; onIssued(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [token, setToken] = useState<string | null>(null);
  const name = shortOfficeName(kecamatan.name);
  const [copied, setCopied] = useState<boolean | null>(null);
  const { busy, error, run } = useRun();

  const issue = async () => {
    const r = await run('issue', () => api['offices.uploadToken']({ officeCode: kecamatan.regionCode }));
    if (r) {
      setToken(r.token);
      onIssued();
    }
  };

  const copy = async () => {
    if (!token) return;
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  if (token) {
    return (
      <Modal title={t('cityUi.token.shownTitle', { name })} onClose={onClose} size="medium" initialFocus="[data-copy]">
        <p className="alert alert-warning"><strong>{t('cityUi.token.once')}</strong> {t('cityUi.token.onceMore')}</p>
        <div className="field">
          <label htmlFor={`${id}-token`}>{t('cityUi.token.label')}</label>
          <div className="token-row">
            <input id={`${id}-token`} className="mono token-value" readOnly value={token} onFocus={(e) => e.target.select()} />
            <button type="button" className="btn" data-copy="" onClick={() => void copy()}>{t('cityUi.token.copy')}</button>
          </div>
          {copied === true && <p className="field-hint" role="status">{t('cityUi.token.copied')}</p>}
          {copied === false && <p className="field-error" role="status">{t('cityUi.token.copyFailed')}</p>}
        </div>
        <p className="form-note">{t('cityUi.token.where')}</p>
        {kecamatan.uploadToken && <p className="form-note">{t('cityUi.token.previousEnded')}</p>}
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={onClose}>{t('cityUi.token.done')}</button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={t(kecamatan.uploadToken ? 'cityUi.token.renewTitle' : 'cityUi.token.title', { name })} onClose={onClose} initialFocus="[data-confirm]">
      <p>{t('cityUi.token.intro', { name })}</p>
      {kecamatan.uploadToken && (
        <p className="alert alert-warning"><strong>{t('cityUi.token.replaces')}</strong> {t('cityUi.token.replacesMore', { name })}</p>
      )}
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-actions">
        <button
          type="button"
          data-confirm=""
          className={kecamatan.uploadToken ? 'btn btn-danger' : 'btn btn-primary'}
          aria-busy={busy !== null || undefined}
          onClick={() => void issue()}
        >
          {busy ? t('cityUi.token.issuing') : t(kecamatan.uploadToken ? 'cityUi.token.renewSubmit' : 'cityUi.token.submit')}
        </button>
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </Modal>
  );
}
