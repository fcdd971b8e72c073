import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventScores } from '../../../../shared/contract/evaluation.ts';
import type { ImportIssue } from '../../../../shared/contract/roster.ts';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { readBase64 } from '../../components/files.ts';
import { Modal } from '../../components/Modal.tsx';
import { DataTable } from '../../components/table.tsx';
import { useRun } from '../trainings/ui.tsx';

const MAX_BYTES = 20 * 1024 * 1024;

type Checked = { fileName: string; dataBase64: string; rows: number; updated: number; unchanged: number; errors: ImportIssue[] };

/**
 * Scores from a sheet (NIP, pre-test, post-test): a dry run first shows what would change and
 * every wrong row by its number in the sheet; "Simpan" then writes them.
 */
export function ScoresImport({ eventId, onClose, onDone }: {
  eventId: string;
  onClose(): void;
  onDone(result: { updated: number; unchanged: number }, scores: EventScores): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const { busy, error, run } = useRun();

  const check = async () => {
    setChecked(null);
    if (!file) { setFileError(t('rosterImport.file.required')); return; }
    if (file.size > MAX_BYTES) { setFileError(t('rosterImport.file.tooLarge')); return; }
    setFileError(null);
    await run('check', async () => {
      const dataBase64 = await readBase64(file);
      const result = await api['scores.import']({ eventId, fileName: file.name, dataBase64, dryRun: true });
      setChecked({ fileName: file.name, dataBase64, ...result });
    });
  };

  const apply = async () => {
    if (!checked) return;
    const done = await run('apply', async () => {
      const result = await api['scores.import']({ eventId, fileName: checked.fileName, dataBase64: checked.dataBase64, dryRun: false });
      return { result, scores: await api['scores.list']({ eventId }) };
    });
    if (done) onDone({ updated: done.result.updated, unchanged: done.result.unchanged }, done.scores);
  };

  return (
    <Modal title={t('evaluationUi.scoresImport.title')} onClose={onClose} size="wide">
      <p className="form-note">{t('evaluationUi.scoresImport.intro')}</p>
      <div className={`field${fileError ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-file`}>{t('evaluationUi.scoresImport.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby={`${id}-hint`}
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setChecked(null); setFileError(null); }}
        />
        {fileError ? <p className="field-error" id={`${id}-hint`}>{fileError}</p> : <p className="field-hint" id={`${id}-hint`}>{t('evaluationUi.scoresImport.columns')}</p>}
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => void check()} aria-busy={busy === 'check' || undefined}>
          {busy === 'check' ? t('rosterImport.file.reading') : t('evaluationUi.scoresImport.check')}
        </button>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {checked && (
        <div className="import-result" role="status">
          <p className="cell-strong">{t('evaluationUi.scoresImport.summary', { rows: checked.rows, updated: checked.updated, unchanged: checked.unchanged, bad: checked.errors.length })}</p>
          {checked.errors.length > 0 && (
            <DataTable
              rows={checked.errors}
              caption={t('evaluationUi.scoresImport.errorsCaption')}
              wrapClassName="table-scroll"
              rowKey={(e) => `${e.row}-${e.field}-${e.code}`}
              rowClassName={() => 'import-row-error'}
              columns={[
                { key: 'row', header: t('rosterImport.check.row'), num: true, cell: (e) => e.row },
                { key: 'field', header: t('evaluationUi.scoresImport.column'), cell: (e) => t(`evaluationUi.scoresImport.fields.${e.field}`, { defaultValue: e.field }) },
                { key: 'problem', header: t('evaluationUi.scoresImport.problem'), cell: (e) => t(e.code, { ...e.params, defaultValue: e.message }) },
              ]}
            />
          )}
        </div>
      )}
      <div className="form-actions">
        {checked && checked.updated > 0 && (
          <button type="button" className="btn btn-primary" onClick={() => void apply()} aria-busy={busy === 'apply' || undefined}>
            {busy === 'apply' ? t('common.saving') : t('evaluationUi.scoresImport.apply', { count: checked.updated, n: checked.updated })}
          </button>
        )}
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </Modal>
  );
}
