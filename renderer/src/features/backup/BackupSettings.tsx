import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../../shared/contract/backup.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { MessageLine, type ListMessage } from '../../components/list.tsx';
import { RowButton } from '../../components/table.tsx';
import { useRun } from '../trainings/ui.tsx';
import { BackupStatusNote } from './BackupStatusNote.tsx';
import { BackupTable, UnreadableList, useBackupWords } from './BackupTable.tsx';
import { PickFileDialog } from './PickFileDialog.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';
import { SaveToDialog } from './SaveToDialog.tsx';

type Dialog =
  | { kind: 'save'; backup: BackupFile | null }
  | { kind: 'pick' }
  | { kind: 'restore'; path: string };

/** Pengaturan → Cadangan: the backups on this PC, "Cadangkan sekarang", copies to USB, and restoring. */
export function BackupSettings() {
  const { t } = useTranslation();
  const list = useLoader(() => api['backup.list']({}), []);
  const status = useLoader(() => api['backup.status']({}), []);
  const [message, setMessage] = useState<ListMessage>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const create = useRun();
  const words = useBackupWords();

  const createNow = async () => {
    setMessage(null);
    const made = await create.run('create', () => api['backup.create']({}));
    if (made) {
      setMessage({ text: t('backupUi.created', { fileName: made.fileName }) });
      list.reload();
      status.reload();
    }
  };
  const open = (next: Dialog) => {
    create.clear();
    setDialog(next);
  };
  const newest = list.data?.backups[0] ?? null;

  return (
    <div className="stack">
      <section className="card" aria-labelledby="backup-title">
        <h2 id="backup-title">{t('backupUi.title')}</h2>
        <p className="form-note">{t('backupUi.intro')}</p>
        {status.data && <BackupStatusNote status={status.data} />}
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={() => void createNow()} aria-busy={create.busy !== null || undefined}>
            {create.busy ? t('backupUi.creating') : t('backupUi.createNow')}
          </button>
          <button type="button" className="btn" onClick={() => open({ kind: 'save', backup: newest })} disabled={!list.data && !list.error}>
            {t('backupUi.saveTo')}
          </button>
          <button type="button" className="btn" onClick={() => open({ kind: 'pick' })}>{t('backupUi.restoreOther')}</button>
        </div>
        <MessageLine message={create.error ? { error: create.error } : message} />
      </section>

      <section className="card" aria-labelledby="backup-list-title">
        <h2 id="backup-list-title">{t('backupUi.listTitle')}</h2>
        <LoadState loader={list}>
          {({ folder, backups, unreadable }) => (
            <>
              <p className="form-note">{t('backupUi.folder')} <span className="mono file-path">{folder}</span></p>
              <BackupTable caption={t('backupUi.listTitle')} backups={backups} empty={t('backupUi.empty')} actions={(b) => (
                <>
                  <RowButton label={t('backupUi.saveNamed', words(b))} onClick={() => open({ kind: 'save', backup: b })}>{t('backupUi.saveOne')}</RowButton>
                  <RowButton label={t('backupUi.restoreNamed', words(b))} onClick={() => open({ kind: 'restore', path: b.path })}>{t('backupUi.restore')}</RowButton>
                </>
              )} />
              <UnreadableList files={unreadable} />
            </>
          )}
        </LoadState>
      </section>

      {dialog?.kind === 'save' && (
        <SaveToDialog
          backup={dialog.backup}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            setMessage({ text: t('backupUi.save.saved', { path: saved.path }) });
            status.reload();
            // Saving with no backup yet made a fresh one here too.
            if (!dialog.backup) list.reload();
          }}
        />
      )}
      {dialog?.kind === 'pick' && <PickFileDialog onClose={() => setDialog(null)} onChosen={(path) => setDialog({ kind: 'restore', path })} />}
      {dialog?.kind === 'restore' && <RestoreDialog path={dialog.path} onClose={() => setDialog(null)} />}
    </div>
  );
}
