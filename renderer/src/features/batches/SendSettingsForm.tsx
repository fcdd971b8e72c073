import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SendSettings } from '../../../../shared/contract/batches.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { Form, FormFooter, TextField, useSubmitAction } from '../../components/form.tsx';

/**
 * Pengaturan pengiriman (admins): the city receiver's address and this office's upload token.
 * The token is write-only: the screen only says whether one is set, and takes a new one.
 */
export function SendSettingsForm() {
  const settings = useLoader(() => api['batch.sendSettings']({}), []);
  return <LoadState loader={settings}>{(s) => <SettingsCard current={s} onSaved={settings.setData} />}</LoadState>;
}

interface Values { url: string; token: string }

/** `current`: the settings as saved (the loader's, which a save replaces). */
function SettingsCard({ current, onSaved }: { current: SendSettings; onSaved(s: SendSettings): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [replacing, setReplacing] = useState(!current.tokenSet);
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({ defaultValues: { url: current.url ?? '', token: '' } });
  const { onSubmit, alert } = useSubmitAction(
    form,
    (v: Values) => {
      setSaved(false);
      const token = v.token.trim();
      // An empty address turns uploading off; an empty token keeps the one set.
      return api['batch.setSendSettings']({ url: v.url.trim() || null, ...(replacing && token ? { token } : {}) });
    },
    (r) => {
      onSaved(r);
      form.reset({ url: r.url ?? '', token: '' });
      setReplacing(!r.tokenSet);
      setSaved(true);
    },
  );

  return (
    <section className="card narrow" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('batchesUi.settings.title')}</h2>
      <p className="form-note">{t('batchesUi.settings.intro')}</p>
      <Form form={form} onSubmit={onSubmit}>
        <TextField name="url" label={t('batchesUi.settings.url')} hint={t('batchesUi.settings.urlHint')} inputMode="url" spellCheck={false} autoComplete="off" className="mono-input" />
        {current.tokenSet && !replacing ? (
          <div className="field">
            <span className="batch-token-label">{t('batchesUi.settings.token')}</span>
            <p className="batch-token-set">
              <span className="badge badge-ok">{t('batchesUi.settings.tokenSet')}</span>{' '}
              <button type="button" className="btn btn-small" onClick={() => { setSaved(false); setReplacing(true); }}>{t('batchesUi.settings.replace')}</button>
            </p>
          </div>
        ) : (
          <>
            {!current.tokenSet && <p className="muted">{t('batchesUi.settings.tokenNotSet')}</p>}
            <TextField
              name="token"
              type="password"
              label={current.tokenSet ? t('batchesUi.settings.newToken') : t('batchesUi.settings.token')}
              hint={t('batchesUi.settings.tokenHint')}
              autoComplete="new-password"
              spellCheck={false}
              className="mono-input"
            />
            {current.tokenSet && (
              <p><button type="button" className="btn btn-small" onClick={() => { form.setValue('token', ''); setReplacing(false); }}>{t('batchesUi.settings.keep')}</button></p>
            )}
          </>
        )}
        <FormFooter
          error={alert}
          done={saved ? (current.url ? t('batchesUi.settings.saved') : `${t('batchesUi.settings.saved')} ${t('batchesUi.settings.off')}`) : undefined}
          submitLabel={t('batchesUi.settings.save')}
        />
      </Form>
    </section>
  );
}
