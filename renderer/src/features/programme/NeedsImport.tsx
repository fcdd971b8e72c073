import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { readBase64 } from '../../components/files.ts';
import { Modal } from '../../components/Modal.tsx';
import { currentLanguage } from '../../i18n.ts';
import { useRun } from '../trainings/ui.tsx';

const MAX_BYTES = 20 * 1024 * 1024;

type Checked = { fileName: string; dataBase64: string; rows: number; errors: { row: number; field: string; code: string; message: string }[] };

/**
 * Needs from a spreadsheet: first a dry run that lists every wrong row with its Excel row
 * number, then "Simpan" writes the good rows. The roster importer's reader does the reading.
 */
export function NeedsImport({ year, onClose, onDone }: { year: number; onClose(): void; onDone(created: number): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const { busy, error, run } = useRun();

  const check = async () => {
    setChecked(null);
    if (!file) { setFileError(t('rosterImport.file.required')); return; }
    if (file.size > MAX_BYTES) { setFileError(t('rosterImport.file.tooLarge')); return; }
    setFileError(null);
    await run('check', async () => {
      const dataBase64 = await readBase64(file);
      const result = await api['needs.import']({ fileName: file.name, dataBase64, year, dryRun: true });
      setChecked({ fileName: file.name, dataBase64, rows: result.rows, errors: result.errors });
    });
  };

  const apply = async () => {
    if (!checked) return;
    const result = await run('apply', () => api['needs.import']({ fileName: checked.fileName, dataBase64: checked.dataBase64, year, dryRun: false }));
    if (result) onDone(result.created);
  };

  const errorRows = checked ? new Set(checked.errors.map((e) => e.row)).size : 0;
  const good = checked ? checked.rows - errorRows : 0;

  return (
    <Modal title={t('programmeUi.needsImport.title', { year })} onClose={onClose} size="wide">
      <p className="form-note">{t('programmeUi.needsImport.intro')}</p>
      <div className={`field${fileError ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-file`}>{t('programmeUi.needsImport.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby={`${id}-hint`}
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setChecked(null); setFileError(null); }}
        />
        {fileError ? <p className="field-error" id={`${id}-hint`}>{fileError}</p> : <p className="field-hint" id={`${id}-hint`}>{t('programmeUi.needsImport.columns')}</p>}
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => void check()} aria-busy={busy === 'check' || undefined}>
          {busy === 'check' ? t('rosterImport.file.reading') : t('programmeUi.needsImport.check')}
        </button>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {checked && (
        <div className="import-result" role="status">
          <p className="cell-strong">{t('programmeUi.needsImport.summary', { rows: checked.rows, good, bad: errorRows })}</p>
          {checked.errors.length > 0 && (
            <div className="table-wrap table-scroll">
              <table className="table">
                <caption className="visually-hidden">{t('programmeUi.needsImport.errorsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rosterImport.check.row')}</th>
                    <th scope="col">{t('programmeUi.needsImport.column')}</th>
                    <th scope="col">{t('programmeUi.needsImport.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {checked.errors.map((e, i) => (
                    <tr key={`${e.row}-${e.field}-${i}`} className="import-row-error">
                      <td className="num">{e.row}</td>
                      <td>{t(`programmeUi.needsImport.fields.${e.field}`, { defaultValue: e.field })}</td>
                      <td><ImportMessage code={e.code} message={e.message} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
      <div className="form-actions">
        {checked && good > 0 && (
          <button type="button" className="btn btn-primary" onClick={() => void apply()} aria-busy={busy === 'apply' || undefined}>
            {busy === 'apply' ? t('common.saving') : t('programmeUi.needsImport.apply', { count: good, n: good })}
          </button>
        )}
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </Modal>
  );
}

/**
 * The backend sends each row problem already in Indonesian, with its code but without the
 * code's parameters; in English the code's text is used when it needs no parameters.
 */
function ImportMessage({ code, message }: { code: string; message: string }) {
  const { i18n } = useTranslation();
  const lang = currentLanguage();
  if (lang === 'id') return <>{message}</>;
  const text: unknown = i18n.getResource(lang, 'translation', code);
  return <>{typeof text === 'string' && !text.includes('{{') ? text : message}</>;
}
