import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { integrityReport } from '../../../../shared/contract/jobs.ts';
import { api } from '../../api.ts';
import { useJob } from '../../app/useJob.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';

/** Pemeriksaan basis data: starts `maintenance.check` and follows its progress stream. */
export function DatabaseCheck() {
  const { t } = useTranslation();
  const { job, start: follow } = useJob();
  const [error, setError] = useState<unknown>(null);

  const start = async () => {
    setError(null);
    try {
      await follow('maintenance.check', () => api['maintenance.check']({}));
    } catch (err) {
      setError(err);
    }
  };

  const running = job?.state === 'running';
  const parsed = job?.state === 'done' ? integrityReport.safeParse(job.result) : null;
  const report = parsed?.success ? parsed.data : null;
  const problems = report ? report.integrity.filter((p) => p !== 'ok').length + report.foreignKeys.length : 0;

  return (
    <section className="card" aria-labelledby="check-title">
      <h2 id="check-title">{t('settings.check.title')}</h2>
      <p className="form-note">{t('settings.check.intro')}</p>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={() => void start()} disabled={running} aria-busy={running || undefined}>
          {running ? t('settings.check.running') : t('settings.check.start')}
        </button>
      </div>
      {running && (
        <div className="progress-block">
          <label htmlFor="check-progress">{t(`settings.check.steps.${job.step ?? 'starting'}`, { defaultValue: t('settings.check.running') })}</label>
          <progress id="check-progress" max={job.total || 1} value={job.total ? job.done : undefined} />
        </div>
      )}
      <div aria-live="polite">
        {job?.state === 'done' && report && report.ok && <Notice>{t('settings.check.ok')}</Notice>}
        {job?.state === 'done' && report && !report.ok && (
          <div role="alert" className="alert alert-error">
            <p>{t('settings.check.problems', { n: problems })}</p>
            <ul>
              {report.integrity.filter((p) => p !== 'ok').map((p, i) => <li key={`i${i}`}>{t('settings.check.integrityProblem', { text: p })}</li>)}
              {report.foreignKeys.map((f, i) => (
                <li key={`f${i}`}>{t('settings.check.foreignKeyProblem', { table: f.table, rowid: f.rowid ?? '—', parent: f.parent })}</li>
              ))}
            </ul>
          </div>
        )}
        {job?.state === 'failed' && job.error && <ErrorAlert error={{ code: job.error.code, message: job.error.message }} />}
        {job?.state === 'cancelled' && <p className="alert alert-info">{t('errors.JOB_CANCELLED')}</p>}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
    </section>
  );
}
