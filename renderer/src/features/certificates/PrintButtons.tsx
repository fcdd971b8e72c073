import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useJob } from '../../app/useJob.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { downloadFile } from '../../components/files.ts';

type Format = 'pdf' | 'zip';

/**
 * "Cetak semua (PDF)" and "Unduh ZIP": the frozen PDFs of an event's (or some) certificates put
 * together as a job with progress and "Batal"; once done the file is fetched and saved.
 */
export function PrintButtons({ eventId, ids, disabled }: { eventId?: string; ids?: string[]; disabled?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const { job, start: follow, cancel: cancelJob } = useJob();
  const [format, setFormat] = useState<Format | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const fetched = useRef<string | null>(null);

  // Done: the file once (the stream and the poll may both say so).
  useEffect(() => {
    if (job?.state !== 'done' || fetched.current === job.jobId) return;
    fetched.current = job.jobId;
    api['certificates.printed']({ jobId: job.jobId }).then(
      (file) => {
        downloadFile(file);
        setSaved(file.fileName);
      },
      (err: unknown) => setError(err),
    );
  }, [job]);

  const start = async (chosen: Format) => {
    setError(null);
    setSaved(null);
    setFormat(chosen);
    try {
      await follow('certificates.print', () => api['certificates.print']({ eventId, ids, format: chosen }));
    } catch (err) {
      setError(err);
    }
  };

  const cancel = async () => {
    try {
      await cancelJob();
    } catch (err) {
      setError(err);
    }
  };

  const running = job?.state === 'running';
  return (
    <div className="print-buttons">
      <div className="file-buttons" role="group" aria-label={t('certificatesUi.print.group')}>
        <button type="button" className="btn btn-small" onClick={() => void start('pdf')} disabled={disabled || running} aria-busy={(running && format === 'pdf') || undefined}>
          {t('certificatesUi.print.pdf')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => void start('zip')} disabled={disabled || running} aria-busy={(running && format === 'zip') || undefined}>
          {t('certificatesUi.print.zip')}
        </button>
      </div>
      {running && (
        <div className="progress-block print-progress">
          <label htmlFor={`${id}-progress`}>
            {job.total ? t('certificatesUi.print.progress', { done: job.done, total: job.total }) : t('certificatesUi.print.starting')}
          </label>
          <div className="print-progress-row">
            <progress id={`${id}-progress`} max={job.total || 1} value={job.total ? job.done : undefined} />
            <button type="button" className="btn btn-small" onClick={() => void cancel()}>{t('common.cancel')}</button>
          </div>
        </div>
      )}
      <div aria-live="polite">
        {saved && <Notice>{t('certificatesUi.print.saved', { fileName: saved })}</Notice>}
        {job?.state === 'cancelled' && <p className="alert alert-info">{t('certificatesUi.print.cancelled')}</p>}
        {job?.state === 'failed' && job.error && <ErrorAlert error={{ code: job.error.code, message: job.error.message }} />}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}
