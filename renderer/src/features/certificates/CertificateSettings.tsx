import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { certificateMethods, type CertificateSettings as Settings } from '../../../../shared/contract/certificates.ts';
import { formatCertificateNumber, numberPatternProblem } from '../../../../shared/certificates/numbering.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { zodOptions } from '../../components/errors.ts';
import { LoadState } from '../../components/feedback.tsx';
import { IMAGE_MAX_KB, ImageUploadForm } from '../../components/ImageUpload.tsx';
import { Form, FormDialog, FormFooter, TextAreaField, TextField, useSaveForm } from '../../components/form.tsx';
import { MessageLine, type ListMessage } from '../../components/list.tsx';
import { numberOrNull } from '../trainings/format.ts';
import { useOfficeYear } from '../trainings/ui.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';

/** Pengaturan → Sertifikat: the numbering, the templates per role, the scanned signature and stamp. */
export function CertificateSettings() {
  const settings = useLoader(() => api['certificates.settings']({}), []);
  return (
    <LoadState loader={settings}>
      {(s) => (
        <div className="stack">
          <NumberingCard settings={s} onSaved={settings.setData} />
          <TemplateEditor settings={s} onSaved={settings.setData} />
          <ImagesCard settings={s} onSaved={settings.setData} />
        </div>
      )}
    </LoadState>
  );
}

const patternSchema = z.object({ numberPattern: certificateMethods['certificates.updateSettings'].input.shape.numberPattern.unwrap() });

const PATTERN_TOKENS = ['{seq:3}', '{year}', '{month}', '{month_roman}'] as const;

/** The sequence number inside a number written with a pattern ("800.2.4/017/2026" → 17), or null. */
function seqOf(pattern: string, number: string): number | null {
  let at = 0;
  let source = '';
  let seqGroup = 0;
  let groups = 0;
  for (const m of pattern.matchAll(/\{([a-z_]+)(?::(\d))?\}/g)) {
    source += pattern.slice(at, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    groups++;
    if (m[1] === 'seq') seqGroup = groups;
    source += m[1] === 'month_roman' ? '([IVX]+)' : '(\\d+)';
    at = m.index + m[0].length;
  }
  source += pattern.slice(at).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^${source}$`).exec(number);
  return match && seqGroup ? Number(match[seqGroup]) : null;
}

/** Penomoran: the pattern with its placeholders explained, the next number, and "Lewati nomor". */
function NumberingCard({ settings, onSaved }: { settings: Settings; onSaved(s: Settings): void }) {
  const { t } = useTranslation();
  const id = useId();
  const year = useOfficeYear();
  const [skipping, setSkipping] = useState(false);
  const [message, setMessage] = useState<ListMessage>(null);
  const form = useForm({ resolver: zodResolver(patternSchema, zodOptions), defaultValues: { numberPattern: settings.numberPattern } });
  const { onSubmit, alert, saved } = useSaveForm(form, async (v) => {
    setMessage(null);
    const updated = await api['certificates.updateSettings']({ numberPattern: v.numberPattern });
    onSaved(updated);
    return updated;
  }, (s) => ({ numberPattern: s.numberPattern }));

  // While typing: the next number as the new pattern would write it.
  const typed = useWatch({ control: form.control, name: 'numberPattern' }) ?? '';
  const nextSeq = seqOf(settings.numberPattern, settings.nextNumber) ?? 1;
  const today = new Date();
  const example = typed.trim() !== settings.numberPattern && !numberPatternProblem(typed.trim())
    ? formatCertificateNumber(typed.trim(), { seq: nextSeq, year, month: today.getMonth() + 1 })
    : null;

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{t('certificatesUi.numbering.title')}</h2>
        <button type="button" className="btn" onClick={() => { setMessage(null); setSkipping(true); }}>{t('certificatesUi.numbering.skip')}</button>
      </div>
      <p className="form-note">{t('certificatesUi.numbering.intro')}</p>
      <MessageLine message={message} />
      <p className="next-number" role="status">
        {t('certificatesUi.numbering.next')} <strong className="mono">{settings.nextNumber}</strong>
      </p>
      <Form form={form} onSubmit={onSubmit}>
        <div className="pattern-row">
          <TextField
            name="numberPattern"
            label={t('certificatesUi.numbering.pattern')}
            className="mono"
            autoComplete="off"
            spellCheck={false}
            hint={example ? t('certificatesUi.numbering.example', { number: example }) : t('certificatesUi.numbering.patternHint')}
          />
        </div>
        <dl className="token-list" aria-label={t('certificatesUi.numbering.tokens')}>
          {PATTERN_TOKENS.map((token) => (
            <div key={token}>
              <dt className="mono">{token}</dt>
              <dd>{t(`certificatesUi.numbering.tokenText.${token.replace(/[{}]/g, '').replace(':3', '')}`)}</dd>
            </div>
          ))}
        </dl>
        <FormFooter error={alert} done={saved && t('certificatesUi.numbering.saved')} submitLabel={t('certificatesUi.numbering.save')} />
      </Form>
      {skipping && (
        <SkipDialog
          year={year}
          onClose={() => setSkipping(false)}
          onDone={(updated) => {
            setSkipping(false);
            onSaved(updated);
            setMessage({ text: t('certificatesUi.numbering.skipped', { number: updated.nextNumber }) });
          }}
        />
      )}
    </section>
  );
}

interface SkipValues { year: string; next: string; reason: string }

/** Numbers used on paper, outside Bangkom: the sequence jumps to `next`, the gap is recorded with the reason. */
function SkipDialog({ year, onClose, onDone }: { year: number; onClose(): void; onDone(s: Settings): void }) {
  const { t } = useTranslation();
  const form = useForm<SkipValues>({ defaultValues: { year: String(year), next: '', reason: '' } });
  return (
    <FormDialog
      title={t('certificatesUi.numbering.skipTitle')}
      note={t('certificatesUi.numbering.skipNote')}
      onClose={onClose}
      form={form}
      send={(v) => api['certificates.skipNumbers']({ year: numberOrNull(v.year) as number, next: numberOrNull(v.next) as number, reason: v.reason })}
      onDone={onDone}
      submitLabel={t('certificatesUi.numbering.skipSubmit')}
      initialFocus='input[name="next"]'
    >
      <div className="grid-2">
        <TextField name="year" label={t('field.year')} inputMode="numeric" autoComplete="off" />
        <TextField name="next" label={t('certificatesUi.numbering.skipNext')} inputMode="numeric" autoComplete="off" hint={t('certificatesUi.numbering.skipNextHint')} />
      </div>
      <TextAreaField name="reason" label={t('field.reason')} rows={2} hint={t('certificatesUi.numbering.skipReasonHint')} />
    </FormDialog>
  );
}

/** Gambar tanda tangan dan cap: PNG or JPEG, like the office logo; used when a template asks for them. */
function ImagesCard({ settings, onSaved }: { settings: Settings; onSaved(s: Settings): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('certificatesUi.images.title')}</h2>
      <p className="form-note">{t('certificatesUi.images.intro')}</p>
      <div className="grid-2 image-slots">
        <ImageSlot kind="signature" present={settings.images.signature} onSaved={onSaved} />
        <ImageSlot kind="stamp" present={settings.images.stamp} onSaved={onSaved} />
      </div>
    </section>
  );
}

function ImageSlot({ kind, present, onSaved }: { kind: 'signature' | 'stamp'; present: boolean; onSaved(s: Settings): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <ImageUploadForm
      className="image-slot"
      aria-labelledby={`${id}-title`}
      field="image"
      typeMessage="certificatesUi.images.type"
      tooLargeMessage="certificatesUi.images.tooLarge"
      present={present}
      texts={{
        label: t('certificatesUi.images.file', { what: t(`certificatesUi.images.${kind}`).toLowerCase(), maxKb: IMAGE_MAX_KB }),
        upload: t('certificatesUi.images.upload'),
        remove: t('certificatesUi.images.remove'),
        uploaded: t('certificatesUi.images.uploaded'),
        removed: t('certificatesUi.images.removed'),
      }}
      save={async (image) => onSaved(await api['certificates.setImage']({ kind, ...image }))}
      remove={async () => onSaved(await api['certificates.removeImage']({ kind }))}
    >
      <h3 id={`${id}-title`} className="h-small">
        {t(`certificatesUi.images.${kind}`)}{' '}
        <span className={present ? 'badge badge-ok' : 'badge badge-off'}>{t(present ? 'certificatesUi.images.present' : 'certificatesUi.images.absent')}</span>
      </h3>
      <p className="form-note">{t(`certificatesUi.images.${kind}Hint`)}</p>
    </ImageUploadForm>
  );
}
