import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { attendanceMethods } from '../../../../shared/contract/attendance.ts';
import type { AttendanceStatus } from '../../../../shared/domain/jp.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { zodOptions } from '../../components/errors.ts';
import { ControlledSelectField, FormDialog, TextField } from '../../components/form.tsx';
import { statusOptions, statusWord } from '../trainings/format.ts';
import type { SheetRow } from './useDoorSheet.ts';

// The status and note of a mark given by hand, checked as attendance.setStatus checks them.
const { status: statusField, note: noteField } = attendanceMethods['attendance.setStatus'].input.shape;
const markSchema = z.object({ status: statusField, note: noteField.unwrap() });

/**
 * A mark given by hand (Izin, Sakit, Alpa, …) with an optional note. It opens on its button,
 * so the shortcut that opened it, or the next one pressed, never lands in the note: Enter
 * saves, Escape cancels, and the note is one click (or Tab) away; Enter in the note saves too.
 */
export function MarkDialog({ row, status, onClose, onSave }: {
  row: SheetRow;
  status: AttendanceStatus;
  onClose(): void;
  /** Saves the mark and shows it; a refusal is shown here, under its field or as the form's alert. */
  onSave(status: AttendanceStatus, note: string): Promise<unknown>;
}) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: zodResolver(markSchema, zodOptions),
    defaultValues: { status, note: row.mark?.status === status ? row.mark.note : '' },
  });
  const chosen = useWatch({ control: form.control, name: 'status' });
  return (
    <FormDialog
      title={t('attendanceUi.markDialog.title', { name: row.name })}
      note={[row.nip ? formatNip(row.nip) : '', row.unit ?? ''].filter(Boolean).join(' · ') || undefined}
      initialFocus='button[type="submit"]'
      onClose={onClose}
      form={form}
      send={(values) => onSave(values.status, values.note)}
      onDone={() => undefined}
      submitLabel={t('attendanceUi.markDialog.submit', { status: statusWord(t, chosen) })}
    >
      <ControlledSelectField name="status" label={t('attendanceUi.markDialog.status')} options={statusOptions(t)} />
      <TextField name="note" label={t('attendanceUi.markDialog.note')} optional hint={t('attendanceUi.markDialog.noteHint')} autoComplete="off" />
    </FormDialog>
  );
}
