import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract/index.ts';
import type { BackupListing } from '../../../../shared/contract/backup.ts';
import { api } from '../../api.ts';
import { zodOptions } from '../../components/errors.ts';
import { Form, FormAlert, SubmitButton, TextField, useSubmitError } from '../../components/form.tsx';
import { Modal } from '../../components/Modal.tsx';
import { BackupTable, UnreadableList } from './BackupTable.tsx';
import { DestinationChoices, useDestinations } from './Destinations.tsx';

const folderSchema = contract['backup.filesIn'].input;
const fileSchema = contract['backup.inspect'].input;

/**
 * "Pulihkan dari berkas lain…": the backups on a USB stick or in a folder (`backup.filesIn`),
 * or a file typed with its folder; choosing one opens the restore dialog, which checks it.
 */
export function PickFileDialog({ onClose, onChosen }: { onClose(): void; onChosen(path: string): void }) {
  const { t } = useTranslation();
  const destinations = useDestinations();
  const browse = useForm({ resolver: zodResolver(folderSchema, zodOptions), defaultValues: { folder: '' } });
  const browseError = useSubmitError(browse);
  const folder = useWatch({ control: browse.control, name: 'folder' });
  const [found, setFound] = useState<BackupListing | null>(null);
  const typed = useForm({ resolver: zodResolver(fileSchema, zodOptions), defaultValues: { path: '' } });

  return (
    <Modal title={t('backupUi.pick.title')} onClose={onClose} size="medium" initialFocus={'input[name="folder"]'}>
      <section aria-labelledby="pick-browse">
        <h3 id="pick-browse">{t('backupUi.pick.browseTitle')}</h3>
        <DestinationChoices destinations={destinations} value={folder} onPick={(path) => browse.setValue('folder', path)} />
        <Form
          form={browse}
          className="inline-form"
          onSubmit={async (values) => {
            browseError.clear();
            setFound(null);
            try {
              setFound(await api['backup.filesIn']({ folder: values.folder }));
            } catch (err) {
              browseError.fail(err);
            }
          }}
        >
          <TextField name="folder" label={t('backupUi.pick.folder')} fieldClassName="grow" className="mono-input" spellCheck={false} autoComplete="off" />
          <SubmitButton className="btn" busyText={t('backupUi.pick.showing')}>{t('backupUi.pick.show')}</SubmitButton>
        </Form>
        <FormAlert error={browseError.alert} />
        {found && (
          found.backups.length === 0 && found.unreadable.length === 0
            ? <p className="list-empty" role="status">{t('backupUi.pick.none', { folder: found.folder })}</p>
            : (
              <>
                {found.backups.length > 0 && (
                  <BackupTable caption={t('backupUi.pick.found', { folder: found.folder })} backups={found.backups}
                    actions={(b) => (
                      <button type="button" className="btn btn-small btn-primary" aria-label={t('backupUi.pick.checkNamed', { fileName: b.fileName })} onClick={() => onChosen(b.path)}>
                        {t('backupUi.pick.check')}
                      </button>
                    )} />
                )}
                <UnreadableList files={found.unreadable} />
              </>
            )
        )}
      </section>
      <details className="pick-typed">
        <summary>{t('backupUi.pick.fileTitle')}</summary>
        <p className="form-note">{t('backupUi.pick.fileHint')}</p>
        <Form form={typed} className="inline-form" onSubmit={(values) => onChosen(values.path)}>
          <TextField name="path" label={t('backupUi.pick.file')} fieldClassName="grow" className="mono-input" spellCheck={false} autoComplete="off" />
          <SubmitButton className="btn">{t('backupUi.pick.checkFile')}</SubmitButton>
        </Form>
      </details>
    </Modal>
  );
}
