import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { BatchSendResult, OutboxBatch, SendSettings } from '../../../../shared/contract/batches.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import type { Loaded } from '../../app/useLoader.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { figure } from '../trainings/format.ts';
import { useRun } from '../trainings/ui.tsx';
import { unanswered } from './format.ts';
import { SEND_SETTINGS_PATH } from './paths.ts';

/**
 * Kirim: uploads what the outbox holds to the city's receiver and says, per batch, what came
 * back (diterima, ditolak, or failed and kept for the next try), what still waits and when the
 * outbox tries again by itself. Without a receiver address: who sets it, and the USB way.
 */
export function SendCard({ settings, batches, onSent }: {
  settings: Loaded<SendSettings>;
  batches: OutboxBatch[] | undefined;
  onSent(): void;
}) {
  const { t } = useTranslation();
  const { user, office } = useSession();
  const lang = currentLanguage();
  const id = useId();
  const { busy, error, run } = useRun();
  const [result, setResult] = useState<BatchSendResult | null>(null);
  const [askedWithout, setAskedWithout] = useState(false);
  const noAddress = settings.data?.url === null;
  const noToken = settings.data?.url != null && !settings.data.tokenSet;
  const notReady = noAddress || noToken;

  const send = async () => {
    setResult(null);
    // Without an address (or the token) there is nowhere to upload to: said at once, no call made.
    if (notReady) {
      setAskedWithout(true);
      return;
    }
    const r = await run('send', () => api['batch.send']({}));
    if (!r) return;
    setResult(r);
    onSent();
  };
  const waiting = batches?.filter(unanswered).length ?? 0;

  return (
    <section className="card batch-send" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{t('batchesUi.send.title')}</h2>
        <div className="row-actions">
          <button type="button" className={notReady ? 'btn' : 'btn btn-primary'} aria-busy={busy !== null || undefined} onClick={() => void send()}>
            {busy ? t('batchesUi.send.busy') : t('batchesUi.send.button')}
          </button>
        </div>
      </div>
      <p className="form-note">{t('batchesUi.send.intro')}</p>
      {settings.data?.url && (
        <p className="batch-address">{t('batchesUi.send.address')} <span className="mono">{settings.data.url}</span></p>
      )}
      {settings.error && !settings.data ? <p className="muted">{t('batchesUi.send.unknownSettings')}</p> : null}
      {notReady && (
        <div className="alert alert-warning" role={askedWithout ? 'alert' : undefined}>
          <p><strong>{t(noAddress ? 'batchesUi.send.noAddress' : 'batchesUi.send.noToken')}</strong> {t('batchesUi.send.noAddressWho')}</p>
          {user.role === 'admin' && <p><Link href={SEND_SETTINGS_PATH}>{t('batchesUi.send.setAddress')}</Link></p>}
          <p>{t('batchesUi.send.usbWay')}</p>
        </div>
      )}
      {!notReady && !result && batches && waiting === 0 && <p className="muted">{t('batchesUi.send.none')}</p>}
      {error ? <ErrorAlert error={error} /> : null}
      {result && (
        <div className="batch-send-result" role="status">
          <h3>{t('batchesUi.send.resultTitle')}</h3>
          {result.attempts.length === 0
            ? <p>{t('batchesUi.send.none')}</p>
            : (
              <ul className="batch-attempts">
                {result.attempts.map((a, i) => (
                  <li key={`${a.seq}-${i}`}>
                    <span className={`badge badge-send-${a.outcome}`}>{t(`batchesUi.send.outcome.${a.outcome}`)}</span>{' '}
                    <strong>{t('batchesUi.send.attempt', { seq: a.seq })}</strong>: {t(a.message, { ...a.params, defaultValue: a.message })}
                  </li>
                ))}
              </ul>
            )}
          <p>
            {result.waiting === 0
              ? t('batchesUi.send.allAnswered')
              : t('batchesUi.send.waiting', { count: result.waiting, n: figure(result.waiting, lang) })}
            {result.waiting > 0 && result.nextAttemptAt && <> {t('batchesUi.send.retryAt', { when: formatInstant(result.nextAttemptAt, office.timezone, lang) })}</>}
          </p>
        </div>
      )}
    </section>
  );
}
