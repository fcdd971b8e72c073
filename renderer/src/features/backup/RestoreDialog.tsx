import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupCounts, BackupInspection } from '../../../../shared/contract/backup.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, Loading } from '../../components/feedback.tsx';
import { Modal } from '../../components/Modal.tsx';
import { currentLanguage } from '../../i18n.ts';
import { figure } from '../trainings/format.ts';
import { useRun } from '../trainings/ui.tsx';
import { kindWord, problemText } from './format.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';

/**
 * "Pulihkan": reads the file first (`backup.inspect`) and shows what it holds beside the current
 * data, or why it cannot be restored. A restorable file needs the tick "Saya paham…"; after the
 * restore everyone logs in again, so the app goes back to the login screen.
 */
export function RestoreDialog({ path, onClose }: { path: string; onClose(): void }) {
  const { t } = useTranslation();
  const inspection = useLoader(() => api['backup.inspect']({ path }), [path]);
  return (
    <Modal title={t('backupUi.restoreDialog.title')} onClose={onClose} size="medium" initialFocus="[data-start]">
      {inspection.data
        ? <Inspection inspection={inspection.data} onClose={onClose} />
        : inspection.error
          ? <ErrorAlert error={inspection.error}><button type="button" className="btn" onClick={inspection.reload}>{t('common.retry')}</button></ErrorAlert>
          : <Loading label={t('backupUi.restoreDialog.checking')} />}
    </Modal>
  );
}

const COUNT_ROWS: { key: 'people' | 'events' | 'attendanceMarks' | 'accounts'; label: string }[] = [
  { key: 'people', label: 'backupUi.restoreDialog.people' },
  { key: 'events', label: 'backupUi.restoreDialog.events' },
  { key: 'attendanceMarks', label: 'backupUi.restoreDialog.marks' },
  { key: 'accounts', label: 'backupUi.restoreDialog.accounts' },
];

const scans = (c: BackupCounts) => c.scans ?? 0;

function Inspection({ inspection, onClose }: { inspection: BackupInspection; onClose(): void }) {
  const { t } = useTranslation();
  const { office, dataRestored } = useSession();
  const lang = currentLanguage();
  const { info, current } = inspection;
  const madeAt = info ? formatInstant(info.createdAt, office.timezone, lang) : '';
  const box = useRef<HTMLDivElement>(null);

  // The dialog opened while the file was being read: start at the tick (or Tutup) once it is.
  useEffect(() => { box.current?.querySelector<HTMLElement>('[data-start]')?.focus(); }, []);

  return (
    <div ref={box}>
      <p className="file-path mono restore-path">{inspection.path}</p>
      {info && (
        <div className="table-wrap">
          <table className="table table-compact compare-table">
            <caption>{t('backupUi.restoreDialog.compare')}</caption>
            <thead>
              <tr>
                <th scope="col"><span className="visually-hidden">{t('backupUi.restoreDialog.what')}</span></th>
                <th scope="col">{t('backupUi.restoreDialog.backup')}</th>
                <th scope="col">{t('backupUi.restoreDialog.current')}</th>
              </tr>
            </thead>
            <tbody>
              <CompareRow label={t('backupUi.office')} backup={info.officeName ?? '—'} current={current.officeName ?? '—'} />
              <CompareRow
                label={t('backupUi.restoreDialog.madeAt')}
                backup={<>{madeAt} <span className="muted nowrap">({kindWord(t, info.kind)})</span></>}
                current={t('backupUi.restoreDialog.now')}
              />
              {COUNT_ROWS.map(({ key, label }) => (
                <CompareRow key={key} label={t(label)} differs={info.counts[key] !== current.counts[key]}
                  backup={figure(info.counts[key], lang)} current={figure(current.counts[key], lang)} />
              ))}
              {/* Scans appear once either side has any: most offices never attach one. */}
              {(info.counts.scans || current.counts.scans) ? (
                <CompareRow label={t('backupUi.restoreDialog.scans')} differs={scans(info.counts) !== scans(current.counts)}
                  backup={figure(scans(info.counts), lang)} current={figure(scans(current.counts), lang)} />
              ) : null}
            </tbody>
          </table>
        </div>
      )}
      {inspection.ok
        ? <ConfirmRestore path={inspection.path} madeAt={madeAt} onClose={onClose} onRestored={() => dataRestored(info?.createdAt ?? new Date().toISOString())} />
        : (
          <>
            <div role="alert" className="alert alert-error">
              {inspection.problems.map((p, i) => <p key={i}>{problemText(t, p)}</p>)}
            </div>
            <div className="form-actions">
              <button type="button" className="btn" data-start="" onClick={onClose}>{t('common.close')}</button>
            </div>
          </>
        )}
    </div>
  );
}

/** One line of the comparison; a count that differs is in bold. */
function CompareRow({ label, backup, current, differs }: { label: string; backup: ReactNode; current: ReactNode; differs?: boolean }) {
  const cell = differs ? 'cell-strong' : undefined;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className={cell}>{backup}</td>
      <td className={cell}>{current}</td>
    </tr>
  );
}

function ConfirmRestore({ path, madeAt, onClose, onRestored }: { path: string; madeAt: string; onClose(): void; onRestored(): void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useRun();
  const [understood, setUnderstood] = useState(false);
  const [missing, setMissing] = useState(false);
  const tick = useRef<HTMLInputElement>(null);
  const id = useId();

  const restore = async () => {
    if (!understood) {
      setMissing(true);
      tick.current?.focus();
      return;
    }
    const done = await run('restore', () => api['backup.restore']({ path, confirm: true }));
    if (done) onRestored();
  };

  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); void restore(); }}>
      <div className="alert alert-warning">
        <p className="alert-title">{t('backupUi.restoreDialog.replace', { date: madeAt })}</p>
        <p>{t('backupUi.restoreDialog.safety')} {t('backupUi.restoreDialog.loginAgain')}</p>
      </div>
      <div className="confirm-tick">
        <label className="choice">
          <input
            ref={tick}
            type="checkbox"
            data-start=""
            checked={understood}
            onChange={(e) => setUnderstood(e.target.checked)}
            aria-invalid={missing && !understood ? true : undefined}
            aria-describedby={missing && !understood ? `${id}-error` : undefined}
          />
          {t('backupUi.restoreDialog.understand')}
        </label>
        {missing && !understood && <p className="field-error" id={`${id}-error`}>{t('backupUi.restoreDialog.understandRequired')}</p>}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-danger" aria-busy={busy !== null || undefined}>
          {busy ? t('backupUi.restoreDialog.running') : t('backupUi.restoreDialog.submit')}
        </button>
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
