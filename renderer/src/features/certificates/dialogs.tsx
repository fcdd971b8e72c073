import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CertificateRow } from '../../../../shared/contract/certificates.ts';
import { api } from '../../api.ts';
import { FormDialog, TextAreaField, TextField } from '../../components/form.tsx';
import { nipDigits, nipText, roleWord } from './format.ts';

/**
 * Cabut: the certificate stays in the register with the reason; its code reads "Dicabut" here at
 * once and at other offices once they import this office's trust list again.
 */
export function RevokeDialog({ row, onClose, onDone }: { row: CertificateRow; onClose(): void; onDone(row: CertificateRow): void }) {
  const { t } = useTranslation();
  const form = useForm({ defaultValues: { reason: '' } });
  return (
    <FormDialog
      title={t('certificatesUi.revoke.title', { number: row.number })}
      note={<>{t('certificatesUi.revoke.note', { name: row.name })}</>}
      onClose={onClose}
      form={form}
      send={(values) => api['certificates.revoke']({ id: row.id, reason: values.reason })}
      onDone={onDone}
      submitLabel={t('certificatesUi.revoke.submit')}
    >
      <TextAreaField name="reason" label={t('certificatesUi.revoke.reason')} hint={t('certificatesUi.revoke.reasonHint')} rows={2} />
    </FormDialog>
  );
}

interface ReplaceValues {
  reason: string;
  name: string;
  nip: string;
  jabatan: string;
  unit: string;
}

/**
 * Koreksi: a new certificate with the corrected name, NIP, jabatan or unit, under a new number;
 * the old one is revoked with the reason and points to the new one. Only what was changed is sent.
 */
export function ReplaceDialog({ row, onClose, onDone }: { row: CertificateRow; onClose(): void; onDone(row: CertificateRow): void }) {
  const { t } = useTranslation();
  const form = useForm<ReplaceValues>({ defaultValues: { reason: '', name: row.name, nip: row.nip ? nipText(row.nip) : '', jabatan: '', unit: '' } });
  const send = (v: ReplaceValues) => {
    const nip = nipDigits(v.nip);
    return api['certificates.replace']({
      id: row.id,
      reason: v.reason,
      ...(v.name.trim() !== row.name ? { name: v.name } : {}),
      ...(nip !== row.nip ? { nip } : {}),
      ...(v.jabatan.trim() ? { jabatan: v.jabatan } : {}),
      ...(v.unit.trim() ? { unit: v.unit } : {}),
    });
  };
  return (
    <FormDialog
      title={t('certificatesUi.replace.title', { number: row.number })}
      note={t('certificatesUi.replace.note', { role: roleWord(t, row.role) })}
      size="medium"
      initialFocus='textarea[name="reason"]'
      onClose={onClose}
      form={form}
      send={send}
      onDone={onDone}
      submitLabel={t('certificatesUi.replace.submit')}
    >
      <TextAreaField name="reason" label={t('certificatesUi.replace.reason')} hint={t('certificatesUi.replace.reasonHint')} rows={2} />
      <div className="grid-2">
        <TextField name="name" label={t('certificatesUi.replace.name')} autoComplete="off" />
        <TextField name="nip" label={t('field.nip')} optional inputMode="numeric" autoComplete="off" hint={t('certificatesUi.replace.nipHint')} />
        <TextField name="jabatan" label={t('field.jabatan')} autoComplete="off" hint={t('certificatesUi.replace.keepHint')} />
        <TextField name="unit" label={t('certificatesUi.replace.unit')} autoComplete="off" hint={t('certificatesUi.replace.keepHint')} />
      </div>
    </FormDialog>
  );
}
