import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchExport, BatchPending, OutboxBatch } from '../../../../shared/contract/batches.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import type { Loaded } from '../../app/useLoader.ts';
import { ErrorAlert, LoadState, Notice } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { figure } from '../trainings/format.ts';
import { Figures, useRun } from '../trainings/ui.tsx';
import { countsText, entityWord, nonEmpty, seqList, unanswered } from './format.ts';

/**
 * Menunggu dikirim: the rows the city has not acknowledged yet, per kind of data, counted from
 * which batch, whether the next batch is full; and "Buat kiriman" (a full one on an admin's
 * request), saying what was made, or that nothing changed and the same file stands.
 */
export function PendingCard({ pending, batches, onMade }: {
  pending: Loaded<BatchPending>;
  /** The batches made, newest first (not loaded yet: undefined). */
  batches: OutboxBatch[] | undefined;
  onMade(result: BatchExport): void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const lang = currentLanguage();
  const id = useId();
  const [full, setFull] = useState(false);
  const [made, setMade] = useState<BatchExport | null>(null);
  const { busy, error, run } = useRun();

  const make = async () => {
    setMade(null);
    const result = await run('make', () => api['batch.export'](full ? { full: true } : {}));
    if (!result) return;
    setMade(result);
    setFull(false);
    onMade(result);
  };
  // A new batch is said until the city answers it (the list then tells its state); what to do
  // with it only while it waits.
  const stillWaiting = (seq: number) => {
    const batch = batches?.find((b) => b.seq === seq);
    return !batch || unanswered(batch);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('batchesUi.pending.title')}</h2>
      <LoadState loader={pending}>{(p) => <PendingSummary pending={p} batches={batches ?? []} />}</LoadState>
      <div className="batch-make">
        {user.role === 'admin' && (
          <div className="batch-full">
            <label className="choice">
              <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} aria-describedby={`${id}-full-hint`} />
              {t('batchesUi.make.full')}
            </label>
            <p className="field-hint" id={`${id}-full-hint`}>{t('batchesUi.make.fullHint')}</p>
          </div>
        )}
        <button type="button" className="btn btn-primary" aria-busy={busy !== null || undefined} onClick={() => void make()}>
          {busy ? t('batchesUi.make.busy') : t('batchesUi.make.button')}
        </button>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {made && (made.reused || stillWaiting(made.seq)) && (
        <Notice>
          {made.reused
            ? t('batchesUi.make.reused', { seq: made.seq, fileName: made.fileName })
            : t('batchesUi.make.made', { seq: made.seq, kind: t(`batches.kind.${made.kind}`).toLowerCase(), rows: countsText(t, made.counts, lang) })}
          {stillWaiting(made.seq) && <> {t('batchesUi.make.next')}</>}
        </Notice>
      )}
    </section>
  );
}

function PendingSummary({ pending, batches }: { pending: BatchPending; batches: OutboxBatch[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (pending.total === 0) {
    return <p className="batch-nothing">{pending.since === null ? t('batchesUi.pending.first') : t('batchesUi.pending.nothing', { seq: pending.since })}</p>;
  }
  // Batches made after the last one the city answered: their rows still count until it does.
  const waiting = batches.filter((b) => unanswered(b) && (pending.since === null || b.seq > pending.since)).map((b) => b.seq).sort((a, b) => a - b);
  const from = pending.since !== null
    ? t('batchesUi.pending.since', { seq: pending.since })
    : t(batches.length ? 'batchesUi.pending.noReceipt' : 'batchesUi.pending.first');
  const last = batches[0];
  return (
    <>
      <p className="batch-waiting">
        <strong>{t('batchesUi.pending.waiting', { count: pending.total, n: figure(pending.total, lang) })}</strong> {from}
      </p>
      <Figures
        label={t('batchesUi.pending.figures')}
        className="batch-figures"
        items={nonEmpty(pending.counts).map(([entity, n]) => ({ key: entity, term: entityWord(t, entity), value: figure(n, lang) }))}
      />
      {waiting.length > 0 && <p className="form-note">{t('batchesUi.pending.unanswered', { count: waiting.length, seqs: seqList(t, waiting) })}</p>}
      {/* Before the first batch the line above already says it will be full. */}
      {last && <p className="form-note">{pending.full ? t('batchesUi.pending.nextFull') : t('batchesUi.pending.nextChanges', { seq: last.seq })}</p>}
    </>
  );
}
