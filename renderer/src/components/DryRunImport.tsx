import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRun } from '../features/trainings/ui.tsx';
import { ErrorAlert } from './feedback.tsx';
import { readBase64 } from './files.ts';
import { Modal } from './Modal.tsx';

const MAX_BYTES = 20 * 1024 * 1024;

export interface SheetFile { fileName: string; dataBase64: string }

/**
 * A one-sheet import in a dialog: the file, a dry run that shows what would be written and every
 * wrong row by its number in the sheet, then "Simpan" sends the same file again to be written.
 */
export function DryRunImport<R, A>({ title, intro, fileLabel, columns, checkLabel, check, result, toWrite, applyLabel, apply, onApplied, onClose }: {
  title: string;
  intro: string;
  fileLabel: string;
  /** Under the file input: the columns the sheet should have. */
  columns: string;
  checkLabel: string;
  check(file: SheetFile): Promise<R>;
  /** What the dry run found: its summary and the wrong rows. */
  result(checked: R): ReactNode;
  /** The rows "Simpan" would write; without any there is nothing to save. */
  toWrite(checked: R): number;
  applyLabel(n: number): string;
  apply(file: SheetFile): Promise<A>;
  onApplied(applied: A): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ file: SheetFile; result: R } | null>(null);
  const { busy, error, run } = useRun();
  const writes = checked ? toWrite(checked.result) : 0;

  const runCheck = async () => {
    setChecked(null);
    if (!file) { setFileError(t('rosterImport.file.required')); return; }
    if (file.size > MAX_BYTES) { setFileError(t('rosterImport.file.tooLarge')); return; }
    setFileError(null);
    await run('check', async () => {
      const sheet = { fileName: file.name, dataBase64: await readBase64(file) };
      setChecked({ file: sheet, result: await check(sheet) });
    });
  };

  const runApply = async () => {
    if (!checked) return;
    const done = await run('apply', async () => ({ applied: await apply(checked.file) }));
    if (done) onApplied(done.applied);
  };

  return (
    <Modal title={title} onClose={onClose} size="wide">
      <p className="form-note">{intro}</p>
      <div className={`field${fileError ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-file`}>{fileLabel}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby={`${id}-hint`}
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setChecked(null); setFileError(null); }}
        />
        {fileError ? <p className="field-error" id={`${id}-hint`}>{fileError}</p> : <p className="field-hint" id={`${id}-hint`}>{columns}</p>}
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => void runCheck()} aria-busy={busy === 'check' || undefined}>
          {busy === 'check' ? t('rosterImport.file.reading') : checkLabel}
        </button>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {checked && <div className="import-result" role="status">{result(checked.result)}</div>}
      <div className="form-actions">
        {writes > 0 && (
          <button type="button" className="btn btn-primary" onClick={() => void runApply()} aria-busy={busy === 'apply' || undefined}>
            {busy === 'apply' ? t('common.saving') : applyLabel(writes)}
          </button>
        )}
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </Modal>
  );
}
