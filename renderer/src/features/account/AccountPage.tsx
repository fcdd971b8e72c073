import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../shared/contract/index.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { zodOptions } from '../../components/errors.ts';
import { Form, FormFooter, TextField, useSaveForm } from '../../components/form.tsx';
import { Page } from '../../components/Page.tsx';

const changeSchema = contract['auth.changePassword'].input
  .extend({ newPasswordRepeat: z.string() })
  .refine((v) => v.newPassword === v.newPasswordRepeat, { path: ['newPasswordRepeat'], message: 'validation.password_mismatch' });

const EMPTY = { currentPassword: '', newPassword: '', newPasswordRepeat: '' };

/** Akun saya: who you are, and changing your own password. */
export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const form = useForm({ resolver: zodResolver(changeSchema, zodOptions), defaultValues: EMPTY });
  const { onSubmit, alert, saved } = useSaveForm(form, ({ currentPassword, newPassword }) => api['auth.changePassword']({ currentPassword, newPassword }), () => EMPTY);

  return (
    <Page title={t('account.title')}>
      <div className="stack narrow">
        <section className="card" aria-labelledby="account-who">
          <h2 id="account-who">{t('account.who')}</h2>
          <dl className="readonly-list">
            <div><dt>{t('field.username')}</dt><dd className="mono">{user.username}</dd></div>
            <div><dt>{t('field.fullName')}</dt><dd>{user.fullName}</dd></div>
            <div><dt>{t('field.role')}</dt><dd>{t(`roles.${user.role}`)}</dd></div>
          </dl>
        </section>
        <section className="card" aria-labelledby="account-password">
          <h2 id="account-password">{t('account.changeTitle')}</h2>
          <Form form={form} onSubmit={onSubmit}>
            <TextField name="currentPassword" type="password" label={t('field.currentPassword')} autoComplete="current-password" />
            <TextField name="newPassword" type="password" label={t('field.newPassword')} hint={t('common.passwordHint')} autoComplete="new-password" />
            <TextField name="newPasswordRepeat" type="password" label={t('common.newPasswordRepeat')} autoComplete="new-password" />
            <FormFooter error={alert} done={saved && t('account.changed')} submitLabel={t('account.changeSubmit')} />
          </Form>
        </section>
      </div>
    </Page>
  );
}
