import { useTranslation } from 'react-i18next';
import { REPORT_KINDS, type ReportKind } from '../../../../shared/contract/reports.ts';
import { api } from '../../api.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { useDownload } from '../trainings/ui.tsx';

type Format = 'pdf' | 'xlsx';

/** The SIASN sheet is for the city's upload: a spreadsheet only. */
const FORMATS: Record<ReportKind, Format[]> = { realisasi: ['pdf', 'xlsx'], jp: ['pdf', 'xlsx'], evaluasi: ['pdf', 'xlsx'], siasn: ['xlsx'] };

/** Laporan: the year's reports, each as PDF (to print and sign) or XLSX (to work on or send). */
export function ReportsTab({ year }: { year: number }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p className="form-note">{t('ledgerUi.reports.intro', { year })}</p>
      <div className="ledger-reports">
        {REPORT_KINDS.map((kind) => <ReportCard key={kind} kind={kind} year={year} />)}
      </div>
    </div>
  );
}

function ReportCard({ kind, year }: { kind: ReportKind; year: number }) {
  const { t } = useTranslation();
  const { busy, error, saved, download } = useDownload();
  const title = t(`ledgerUi.reports.kinds.${kind}.title`);
  return (
    <section className="card ledger-report" aria-labelledby={`report-${kind}`}>
      <h2 id={`report-${kind}`}>{title}</h2>
      <p className="form-note">{t(`ledgerUi.reports.kinds.${kind}.description`, { year })}</p>
      <div className="form-actions" role="group" aria-label={t('ledgerUi.reports.download', { title })}>
        {FORMATS[kind].map((format) => (
          <button
            key={format}
            type="button"
            className={format === 'pdf' ? 'btn btn-primary' : 'btn'}
            aria-label={t(`ledgerUi.reports.${format}Named`, { title, year })}
            aria-busy={busy === format || undefined}
            onClick={() => void download(format, () => api['reports.file']({ kind, year, format }))}
          >
            {busy === format ? t('recapUi.preparing') : t(`ledgerUi.reports.${format}`)}
          </button>
        ))}
      </div>
      {error ? <ErrorAlert error={error} /> : saved && <Notice>{t('recapUi.downloaded', { fileName: saved })}</Notice>}
    </section>
  );
}
