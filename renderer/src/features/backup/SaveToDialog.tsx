import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { contract, type Output } from '../../../../shared/contract/index.ts';
import type { BackupFile } from '../../../../shared/contract/backup.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { zodOptions } from '../../components/errors.ts';
import { Form, FormAlert, SubmitButton, TextField, useSubmitError } from '../../components/form.tsx';
import { Modal } from '../../components/Modal.tsx';
import { currentLanguage } from '../../i18n.ts';
import { DestinationChoices, useDestinations } from './Destinations.tsx';
import { kindWord } from './format.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';

const schema = contract['backup.saveTo'].input.pick({ folder: true });

type SavedCopy = Output<'backup.saveTo'>;

/**
 * "Simpan ke USB/folder…": the places found (USB drives first) or a typed folder; copies
 * `backup` there (a fresh backup when there is none yet), and the copy is checked.
 */
export function SaveToDialog({ backup, onClose, onSaved }: { backup: BackupFile | null; onClose(): void; onSaved(saved: SavedCopy): void }) {
  const { t } = useTranslation();
  const { office } = useSession();
  const form = useForm({ resolver: zodResolver(schema, zodOptions), defaultValues: { folder: '' } });
  const submit = useSubmitError(form);
  const destinations = useDestinations();
  const folder = useWatch({ control: form.control, name: 'folder' });

  // A USB drive, once found, is the likely place: chosen unless something was typed already.
  useEffect(() => {
    const usb = destinations.data?.find((d) => d.kind === 'removable');
    if (usb && !form.getValues('folder')) form.setValue('folder', usb.path);
  }, [destinations.data, form]);

  return (
    <Modal title={t('backupUi.save.title')} onClose={onClose} size="medium" initialFocus={'input[name="folder"]'}>
      <p>
        {backup
          ? t('backupUi.save.which', { date: formatInstant(backup.createdAt, office.timezone, currentLanguage()), kind: kindWord(t, backup.kind) })
          : t('backupUi.save.whichNew')}
        {backup && <span className="cell-sub mono file-name">{backup.fileName}</span>}
      </p>
      <DestinationChoices destinations={destinations} value={folder} onPick={(path) => form.setValue('folder', path, { shouldValidate: form.formState.isSubmitted })} />
      <Form
        form={form}
        onSubmit={async (values) => {
          submit.clear();
          try {
            onSaved(await api['backup.saveTo']({ folder: values.folder, ...(backup ? { fileName: backup.fileName } : {}) }));
          } catch (err) {
            submit.fail(err);
          }
        }}
      >
        <TextField name="folder" label={t('backupUi.save.folder')} hint={t('backupUi.save.folderHint')} className="mono-input" spellCheck={false} autoComplete="off" />
        <FormAlert error={submit.alert} />
        <div className="form-actions">
          <SubmitButton busyText={t('backupUi.save.saving')}>{t('backupUi.save.submit')}</SubmitButton>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </Form>
    </Modal>
  );
}
