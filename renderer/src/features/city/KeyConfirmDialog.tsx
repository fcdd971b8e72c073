import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityKecamatan } from '../../../../shared/contract/city.ts';
import type { Output } from '../../../../shared/contract/index.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { Modal } from '../../components/Modal.tsx';
import { currentLanguage } from '../../i18n.ts';
import { Fingerprint } from '../certificates/TrustSettings.tsx';
import { useRun } from '../trainings/ui.tsx';
import { ResultLine } from './BatchOutcome.tsx';
import { fingerprintDigits, shortOfficeName } from './format.ts';

type Confirmed = Output<'offices.confirmKey'>;

/**
 * Konfirmasi kunci: a batch came signed by a key the city does not trust yet. The person compares
 * its fingerprint with the one the kecamatan printed (on paper, or read over the phone) and types
 * or pastes that one; only the whole fingerprint of that key is accepted. The batches that waited
 * are then imported, and what they brought is shown.
 */
export function KeyConfirmDialog({ kecamatan, onClose, onConfirmed }: { kecamatan: CityKecamatan; onClose(): void; onConfirmed(): void }) {
  const { t } = useTranslation();
  const { office } = useSession();
  const id = useId();
  const lang = currentLanguage();
  const pending = kecamatan.pendingKey;
  const name = shortOfficeName(kecamatan.name);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<Confirmed | null>(null);
  const { busy, error, run } = useRun();

  if (done) {
    return (
      <Modal title={t('cityUi.keyConfirm.doneTitle', { name })} onClose={onClose} size="wide">
        <p className="notice" role="status">{t('cityUi.keyConfirm.done', { name, count: done.imported.length })}</p>
        {done.imported.length > 0 && <ul className="key-confirm-results">{done.imported.map((r, i) => <ResultLine key={r.sha256 ?? i} result={r} />)}</ul>}
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={onClose}>{t('common.close')}</button>
        </div>
      </Modal>
    );
  }

  if (!pending) return null;

  const confirm = async () => {
    const digits = fingerprintDigits(typed);
    if (digits === '') {
      setProblem(t('cityUi.keyConfirm.required'));
      return;
    }
    if (digits !== fingerprintDigits(pending.fingerprint)) {
      setProblem(t('cityUi.keyConfirm.different'));
      return;
    }
    setProblem(null);
    const r = await run('confirm', () => api['offices.confirmKey']({ officeCode: kecamatan.regionCode, fingerprint: typed.trim() }));
    if (r) {
      setDone(r);
      onConfirmed();
    }
  };

  return (
    <Modal title={t('cityUi.keyConfirm.title', { name })} onClose={onClose} size="medium">
      <div className="key-confirm">
        <p>{t('cityUi.keyConfirm.intro', { office: pending.officeName, date: formatInstant(pending.firstSeenAt, office.timezone, lang), count: pending.files })}</p>
        <p className="print-label">{t('cityUi.keyConfirm.carried')}</p>
        <Fingerprint value={pending.fingerprint} className="fingerprint-large" />
        <p className="alert alert-warning"><strong>{t('cityUi.keyConfirm.compare')}</strong> {t('cityUi.keyConfirm.compareMore')}</p>
        <div className={`field${problem ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-typed`}>{t('cityUi.keyConfirm.typed')}</label>
          <input
            id={`${id}-typed`}
            className="mono"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-hint`}
            onChange={(e) => { setTyped(e.target.value); setProblem(null); }}
            onKeyDown={(e) => { if (e.key === 'Enter') void confirm(); }}
          />
          {problem
            ? <p className="field-error" id={`${id}-hint`}>{problem}</p>
            : <p className="field-hint" id={`${id}-hint`}>{t('cityUi.keyConfirm.typedHint')}</p>}
        </div>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" aria-busy={busy !== null || undefined} onClick={() => void confirm()}>
          {busy ? t('cityUi.keyConfirm.confirming') : t('cityUi.keyConfirm.submit')}
        </button>
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </Modal>
  );
}
