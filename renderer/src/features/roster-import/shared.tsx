import { useTranslation } from 'react-i18next';
import type { ImportInput, ImportIssue, ImportPreview, ImportRow } from '../../../../shared/contract/roster.ts';
import { api } from '../../api.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { useDownload } from '../trainings/ui.tsx';
import { currentLanguage } from '../../i18n.ts';
import { employeeFieldLabel, issueMessage, labelled } from '../employees/format.ts';

export type RowKind = ImportRow['kind'];
export const KINDS: RowKind[] = ['new', 'update', 'unchanged', 'error'];

export interface Counts {
  new: number;
  update: number;
  unchanged: number;
  error: number;
  warning: number;
}

export function countRows(items: ImportPreview['items']): Counts {
  const counts: Counts = { new: 0, update: 0, unchanged: 0, error: 0, warning: 0 };
  for (const item of items) {
    counts[item.kind] += 1;
    if (item.warnings.length > 0) counts.warning += 1;
  }
  return counts;
}

/** Baru / diubah / tetap / salah / peringatan, as a row of figures. */
export function CountFacts({ counts, label }: { counts: Counts; label: string }) {
  const { t } = useTranslation();
  return (
    <dl className="import-counts" aria-label={label}>
      {(['new', 'update', 'unchanged', 'error', 'warning'] as const).map((k) => (
        <div key={k} className={`import-count import-count-${k}`}>
          <dt>{t(`rosterImport.kinds.${k}`)}</dt>
          <dd>{counts[k]}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "NIP: NIP rusak oleh Excel …", in the current language when the code is known. */
export function useIssueText() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (issue: ImportIssue) => {
    return labelled(employeeFieldLabel(t, issue.field), issueMessage(t, lang, issue));
  };
}

/** "Unduh baris yang salah" as XLSX or CSV: roster.errorFile with the same input as the preview. */
export function ErrorFileButtons({ input }: { input: ImportInput }) {
  const { t } = useTranslation();
  const { busy, error, saved, download } = useDownload();

  return (
    <div className="error-file">
      <div className="form-actions">
        {(['xlsx', 'csv'] as const).map((format) => (
          <button key={format} type="button" className="btn" onClick={() => void download(format, () => api['roster.errorFile']({ ...input, format }))} aria-busy={busy === format || undefined}>
            {t(`rosterImport.errorFile.${format}`)}
          </button>
        ))}
      </div>
      {error ? <ErrorAlert error={error} /> : saved && <Notice>{t('employees.downloaded', { fileName: saved })}</Notice>}
    </div>
  );
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
