import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueText } from '../../../../shared/i18n/index.ts';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { FileDrop } from '../../components/FileDrop.tsx';
import { toApiError } from '../../components/errors.ts';
import { readBase64 } from '../../components/files.ts';
import { currentLanguage } from '../../i18n.ts';
import { figure } from '../trainings/format.ts';
import { useRun } from '../trainings/ui.tsx';

/** What a file did, kept as its message key and parameters so a change of language re-words it. */
type Outcome = { fileName: string; key: string; params: Record<string, string | number>; refusedRows: boolean; ok: true } | { fileName: string; error: unknown; ok: false };

/**
 * "Impor tanda terima…": the city's signed receipt (.bkreceipt), picked or dropped here. Each file
 * says in words what it did (diterima, ditolak with how many rows, nothing changed) or why it was
 * refused (not a receipt, not signed by the trusted city key, not for this office's batch).
 */
export function ReceiptCard({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = useId();
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const { busy, run } = useRun();

  const importFiles = (files: File[]) => void run('import', async () => {
    setOutcomes([]);
    const done: Outcome[] = [];
    // One after another: each answer says which batch it settled.
    for (const file of files) {
      try {
        const r = await api['batch.importReceipt']({ fileName: file.name, dataBase64: await readBase64(file) });
        done.push({
          fileName: file.name,
          ok: true,
          refusedRows: r.changed && r.state === 'ditolak',
          key: r.changed ? `batches.receipt.${r.state}` : 'batches.receipt.unchanged',
          params: { seq: r.seq, city: r.receipt.city.name, accepted: r.receipt.accepted, rejected: r.receipt.rejected.length },
        });
      } catch (error) {
        done.push({ fileName: file.name, ok: false, error });
      }
      setOutcomes([...done]);
    }
    if (done.some((o) => o.ok)) onImported();
  });

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('batchesUi.receipt.title')}</h2>
      <p className="form-note">{t('batchesUi.receipt.intro')}</p>
      <FileDrop
        className="receipt-drop"
        accept=".bkreceipt"
        multiple
        inputLabel={t('batchesUi.receipt.fileLabel')}
        button={busy ? t('batchesUi.receipt.busy') : t('batchesUi.receipt.pick')}
        busy={busy !== null}
        onFiles={importFiles}
      >
        <span>{t('batchesUi.receipt.drop')}</span>
      </FileDrop>
      <p className="field-hint">{t('batchesUi.receipt.trust')}</p>
      {outcomes.map((o, i) => (o.ok
        // Rows refused: a warning, the rows themselves are listed with the batch.
        ? <p key={i} role="status" className={o.refusedRows ? 'alert alert-warning' : 'notice'}>{t(o.key, { ...o.params, accepted: figure(Number(o.params.accepted), lang), rejected: figure(Number(o.params.rejected), lang) })}</p>
        : <Refused key={i} fileName={o.fileName} error={o.error} />))}
    </section>
  );
}

/** A refused receipt: the reason alone (it is about the file), after the file's name. */
function Refused({ fileName, error }: { fileName: string; error: unknown }) {
  const { t } = useTranslation();
  const issue = toApiError(error).details?.issues?.[0];
  if (!issue?.message.startsWith('batches.receipt.')) return <ErrorAlert error={error} />;
  return (
    <div role="alert" className="alert alert-error">
      <p><span className="mono">{fileName}</span>: {issueText(t, issue)}</p>
    </div>
  );
}
