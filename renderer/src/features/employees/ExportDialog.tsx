import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmployeeFilter } from '../../../../shared/contract/employees.ts';
import { api } from '../../api.ts';
import type { Message } from '../../app/flash.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { downloadFile } from '../../components/files.ts';
import { Modal } from '../../components/Modal.tsx';
import { currentLanguage } from '../../i18n.ts';

/** Ekspor: the list as it is filtered now, as XLSX or CSV, saved through the browser. */
export function ExportDialog({ filter, count, onClose, onDone }: { filter: EmployeeFilter; count: number; onClose(): void; onDone(message: Message): void }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await api['roster.export']({ ...filter, format });
      downloadFile(file);
      onDone(['employees.downloaded', { fileName: file.fileName }]);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Modal title={t('employees.exportDialog.title')} onClose={onClose}>
      <form noValidate onSubmit={(e) => { e.preventDefault(); if (!busy) void run(); }}>
        <p className="form-note">{t('employees.exportDialog.note', { n: count.toLocaleString(currentLanguage() === 'en' ? 'en-GB' : 'id-ID') })}</p>
        <fieldset className="choice-group">
          <legend>{t('employees.exportDialog.format')}</legend>
          {(['xlsx', 'csv'] as const).map((f) => (
            <label key={f} className="choice">
              <input type="radio" name={`${id}-format`} value={f} checked={format === f} onChange={() => setFormat(f)} />
              {t(`employees.exportDialog.${f}`)}
            </label>
          ))}
        </fieldset>
        {error ? <ErrorAlert error={error} /> : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" aria-busy={busy || undefined}>
            {busy ? t('employees.exportDialog.busy') : t('employees.exportDialog.submit')}
          </button>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}
