import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CertificateSettings } from '../../../../shared/contract/certificates.ts';
import {
  CERTIFICATE_PLACEHOLDERS, CERTIFICATE_VARIANTS, SIGNATURE_MODES, TEMPLATE_LIMITS, certificateTemplate, type CertificateTemplate,
} from '../../../../shared/certificates/template.ts';
import { CERTIFICATE_ROLES, type CertificateRole } from '../../../../shared/certificates/types.ts';
import { api } from '../../api.ts';
import { zodOptions } from '../../components/errors.ts';
import { Form, FormAlert, SubmitButton, TextAreaField, TextField, useSaveForm, useSubmitError } from '../../components/form.tsx';
import { Notice } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { roleWord } from './format.ts';

const schema = z.object({ template: certificateTemplate });
type Values = { template: CertificateTemplate };

/**
 * Templat sertifikat, one per role: a layout among three, the texts with their placeholders,
 * the signer and how the certificate is signed. "Pratinjau" draws the real PDF of a sample
 * recipient from what is on the screen (saved or not); "Simpan" keeps it for the next issue.
 * Edits of one role are kept while another role is open, until saved or the page is left.
 */
export function TemplateEditor({ settings, onSaved }: { settings: CertificateSettings; onSaved(s: CertificateSettings): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [role, setRole] = useState<CertificateRole>('peserta');
  const drafts = useRef<Partial<Record<CertificateRole, Values>>>({});
  const [dirtyRoles, setDirtyRoles] = useState<Set<CertificateRole>>(new Set());

  const keepDraft = (left: CertificateRole, values: Values, dirty: boolean) => {
    if (dirty) drafts.current[left] = values;
    else delete drafts.current[left];
    setDirtyRoles((s) => {
      const next = new Set(s);
      if (dirty) next.add(left); else next.delete(left);
      return next;
    });
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('certificatesUi.template.title')}</h2>
      <p className="form-note">{t('certificatesUi.template.intro')}</p>
      <div className="segmented role-switch" role="group" aria-label={t('certificatesUi.template.roleGroup')}>
        {CERTIFICATE_ROLES.map((r) => (
          <button key={r} type="button" className="segment" aria-pressed={role === r} onClick={() => setRole(r)}>
            {roleWord(t, r)}{dirtyRoles.has(r) && role !== r ? ` ${t('certificatesUi.template.unsavedMark')}` : ''}
          </button>
        ))}
      </div>
      <TemplateForm
        key={role}
        role={role}
        saved={settings.templates[role] ?? null}
        draft={drafts.current[role] ?? null}
        images={settings.images}
        onLeave={keepDraft}
        onSaved={(s) => {
          delete drafts.current[role];
          onSaved(s);
        }}
      />
    </section>
  );
}

function TemplateForm({ role, saved, draft, images, onLeave, onSaved }: {
  role: CertificateRole;
  saved: CertificateTemplate | null;
  draft: Values | null;
  images: CertificateSettings['images'];
  /** The form goes (another role opened): its values, and whether they differ from the saved template. */
  onLeave(role: CertificateRole, values: Values, dirty: boolean): void;
  onSaved(s: CertificateSettings): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const savedValues: Values | undefined = saved ? { template: saved } : undefined;
  const form = useForm<Values>({ resolver: zodResolver(schema, zodOptions) as never, defaultValues: savedValues });
  // A draft from an earlier visit to this role comes back as unsaved edits over the saved template.
  useEffect(() => {
    if (draft) form.reset(draft, { keepDefaultValues: true });
  }, []);
  const leave = useRef({ onLeave, saved });
  leave.current = { onLeave, saved };
  useEffect(() => () => {
    const values = form.getValues();
    leave.current.onLeave(role, values, JSON.stringify(values.template) !== JSON.stringify(leave.current.saved));
  }, [form, role]);

  const { onSubmit, alert, saved: didSave } = useSaveForm(form, async (values) => {
    const updated = await api['certificates.updateSettings']({ template: values.template });
    onSaved(updated);
    return updated;
  }, (s) => ({ template: s.templates[role]! }));

  const preview = usePreview();
  const previewError = useSubmitError(form);
  // Checked as "Simpan" checks (the messages under the fields), without saving.
  const showPreview = async () => {
    previewError.clear();
    if (!(await form.trigger(undefined, { shouldFocus: true }))) return;
    const parsed = schema.safeParse(form.getValues());
    if (!parsed.success) return;
    try {
      await preview.load(parsed.data.template);
    } catch (err) {
      previewError.fail(err);
    }
  };

  if (!saved) return null;
  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('certificatesUi.template.formLabel', { role: roleWord(t, role) })}>
      <VariantChoice />
      <fieldset className="form-group template-texts">
        <legend>{t('certificatesUi.template.texts')}</legend>
        <div className="grid-2">
          <TextField name="template.title" label={t('certificatesUi.template.fields.title')} maxLength={TEMPLATE_LIMITS.title} autoComplete="off" />
          <TextField name="template.subtitle" label={t('certificatesUi.template.fields.subtitle')} optional autoComplete="off" />
        </div>
        <TextField name="template.opening" label={t('certificatesUi.template.fields.opening')} optional autoComplete="off" />
        <TextAreaField name="template.body" label={t('certificatesUi.template.fields.body')} rows={4} hint={t('certificatesUi.template.fields.bodyHint')} />
        <TextAreaField name="template.closing" label={t('certificatesUi.template.fields.closing')} optional rows={2} />
        <PlaceholderList />
      </fieldset>
      <fieldset className="form-group">
        <legend>{t('certificatesUi.template.signer')}</legend>
        <div className="grid-2">
          <TextField name="template.signer.title" label={t('certificatesUi.template.fields.signerTitle')} autoComplete="off" />
          <TextField name="template.signer.name" label={t('certificatesUi.template.fields.signerName')} optional autoComplete="off" hint={t('certificatesUi.template.fields.signerNameHint')} />
          <TextField name="template.signer.nip" label={t('certificatesUi.template.fields.signerNip')} optional autoComplete="off" />
          <TextField name="template.signer.rank" label={t('certificatesUi.template.fields.signerRank')} optional autoComplete="off" />
        </div>
        <SignatureChoice images={images} />
      </fieldset>
      <fieldset className="form-group">
        <legend>{t('certificatesUi.template.extras')}</legend>
        <Check name="template.showTranscript" label={t('certificatesUi.template.fields.showTranscript')} />
      </fieldset>
      <FormAlert error={alert ?? previewError.alert} />
      {didSave && <Notice>{t('certificatesUi.template.saved', { role: roleWord(t, role) })}</Notice>}
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => void showPreview()} aria-busy={preview.busy || undefined}>
          {preview.busy ? t('certificatesUi.template.previewing') : t('certificatesUi.template.preview')}
        </button>
        <SubmitButton>{t('certificatesUi.template.save')}</SubmitButton>
      </div>
      {preview.file && (
        <section className="template-preview" aria-labelledby={`${id}-preview`}>
          <div className="card-head">
            <h3 id={`${id}-preview`} className="h-small">{t('certificatesUi.template.previewTitle', { role: roleWord(t, role) })}</h3>
            <a className="btn btn-small" href={preview.file.url} download={preview.file.fileName}>{t('certificatesUi.template.previewDownload')}</a>
          </div>
          <p className="form-note">{t('certificatesUi.template.previewNote')}</p>
          {preview.blocked
            ? <p className="alert alert-info">{t('certificatesUi.template.previewBlocked')}</p>
            : <iframe className="template-preview-frame" src={`${preview.file.url}#navpanes=0&view=Fit`} title={t('certificatesUi.template.previewTitle', { role: roleWord(t, role) })} />}
        </section>
      )}
    </Form>
  );
}

/** Framing a blob: URL was refused once in this window: not tried again. */
let framingRefused = false;

/**
 * The preview PDF as a blob URL, revoked when replaced or when the form goes away. Where the
 * window's Content-Security-Policy does not allow framing blob: URLs, `blocked` says so once the
 * browser refuses; the download link still works and the frame is not tried again.
 */
function usePreview() {
  const [file, setFile] = useState<{ url: string; fileName: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [blocked, setBlocked] = useState(framingRefused);
  const current = useRef<string | null>(null);
  useEffect(() => () => {
    if (current.current) URL.revokeObjectURL(current.current);
  }, []);
  useEffect(() => {
    const onViolation = (e: SecurityPolicyViolationEvent) => {
      // A blob: URL is reported by its scheme alone ("blob").
      if (/^blob(:|$)/.test(e.blockedURI) && /^(frame|child|default)-src/.test(e.effectiveDirective)) {
        framingRefused = true;
        setBlocked(true);
      }
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => document.removeEventListener('securitypolicyviolation', onViolation);
  }, []);
  const load = async (template: CertificateTemplate) => {
    setBusy(true);
    try {
      const pdf = await api['certificates.preview']({ template });
      const binary = atob(pdf.dataBase64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      if (current.current) URL.revokeObjectURL(current.current);
      current.current = url;
      setFile({ url, fileName: pdf.fileName });
    } finally {
      setBusy(false);
    }
  };
  return { file, busy, blocked, load };
}

function VariantChoice() {
  const { t } = useTranslation();
  const { register } = useFormContext<Values>();
  return (
    <fieldset className="form-group variant-choice">
      <legend>{t('certificatesUi.template.variant')}</legend>
      <div className="variant-list">
        {CERTIFICATE_VARIANTS.map((v) => (
          <label key={v} className="variant-option">
            <input type="radio" value={v} {...register('template.variant')} />
            <span className="variant-text">
              <span className="variant-name">{t(`certificatesUi.template.variants.${v}.name`)}</span>
              <span className="variant-desc">{t(`certificatesUi.template.variants.${v}.text`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function SignatureChoice({ images }: { images: CertificateSettings['images'] }) {
  const { t } = useTranslation();
  const { register, control } = useFormContext<Values>();
  const mode = useWatch({ control, name: 'template.signatureMode' });
  return (
    <>
      <fieldset className="choice-group signature-modes">
        <legend>{t('certificatesUi.template.signatureMode')}</legend>
        {SIGNATURE_MODES.map((m) => (
          <label key={m} className="variant-option">
            <input type="radio" value={m} {...register('template.signatureMode')} />
            <span className="variant-text">
              <span className="variant-name">{t(`certificatesUi.template.modes.${m}.name`)}</span>
              <span className="variant-desc">{t(`certificatesUi.template.modes.${m}.text`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode === 'elektronik' && (
        <div className="alert alert-warning" role="note">
          <p className="alert-title">{t('certificatesUi.template.notTteTitle')}</p>
          <p>{t('certificatesUi.template.notTte')}</p>
        </div>
      )}
      <Check
        name="template.signatureImage"
        label={t('certificatesUi.template.fields.signatureImage')}
        hint={mode === 'elektronik' ? t('certificatesUi.template.wetOnly') : images.signature ? undefined : t('certificatesUi.template.noSignatureImage')}
      />
      <Check
        name="template.stampImage"
        label={t('certificatesUi.template.fields.stampImage')}
        hint={images.stamp ? undefined : t('certificatesUi.template.noStampImage')}
      />
    </>
  );
}

function Check({ name, label, hint }: { name: 'template.showTranscript' | 'template.signatureImage' | 'template.stampImage'; label: string; hint?: string }) {
  const { register } = useFormContext<Values>();
  const id = useId();
  return (
    <div className="check-field">
      <label className="choice" htmlFor={id}>
        <input id={id} type="checkbox" {...register(name)} aria-describedby={hint ? `${id}-hint` : undefined} /> {label}
      </label>
      {hint && <p className="field-hint" id={`${id}-hint`}>{hint}</p>}
    </div>
  );
}

/** What may be written in braces, what each prints, and an example. */
function PlaceholderList() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <details className="placeholder-help" open>
      <summary>{t('certificatesUi.template.placeholders')}</summary>
      <p className="form-note">{t('certificatesUi.template.placeholdersNote')}</p>
      <div className="table-wrap">
        <table className="table table-compact placeholder-table">
          <caption className="visually-hidden">{t('certificatesUi.template.placeholders')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('certificatesUi.template.placeholder')}</th>
              <th scope="col">{t('certificatesUi.template.prints')}</th>
              <th scope="col">{t('certificatesUi.template.example')}</th>
            </tr>
          </thead>
          <tbody>
            {CERTIFICATE_PLACEHOLDERS.map((p) => (
              <tr key={p.name}>
                <th scope="row" className="mono">{`{${p.name}}`}</th>
                <td>{lang === 'en' ? p.en : p.id}</td>
                <td className="muted">{p.example}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
