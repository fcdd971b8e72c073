import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract/index.ts';
import type { SessionUser } from '../../../../shared/contract/auth.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';
import { api } from '../../api.ts';
import { zodOptions } from '../../components/errors.ts';
import { Notice } from '../../components/feedback.tsx';
import { Form, FormAlert, SubmitButton, TextField, useSubmitError } from '../../components/form.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { currentLanguage } from '../../i18n.ts';

/** Why the login screen is shown again: a session that ended, a logout, or data restored from a backup. */
export type LoginNotice = 'expired' | 'loggedOut' | { restoredFrom: string; timeZone: string };

const loginSchema = contract['auth.login'].input;

export function LoginScreen({ officeName, notice, onLoggedIn }: {
  officeName: string | null;
  notice?: LoginNotice;
  onLoggedIn(user: SessionUser): Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(loginSchema, zodOptions), defaultValues: { username: '', password: '' } });
  const submit = useSubmitError(form);

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <div className="standalone standalone-center">
      <header className="standalone-head">
        <p className="brand-name">{t('app.name')} <span className="brand-tagline">{t('app.tagline')}</span></p>
        <LanguageSwitch />
      </header>
      <main className="login">
        <div className="card login-card">
          <h1>{t('login.title')}</h1>
          {officeName && <p className="login-office">{officeName}</p>}
          {notice && !submit.alert && (
            <Notice>
              {typeof notice === 'string'
                ? t(`login.${notice}`)
                : t('login.restored', { date: formatInstant(notice.restoredFrom, notice.timeZone, currentLanguage()) })}
            </Notice>
          )}
          <Form
            form={form}
            aria-label={t('login.title')}
            onSubmit={async (values) => {
              submit.clear();
              try {
                const { user } = await api['auth.login'](values);
                await onLoggedIn(user);
              } catch (err) {
                form.setValue('password', '');
                submit.fail(err);
                form.setFocus('password');
              }
            }}
          >
            <TextField name="username" label={t('field.username')} autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus />
            <TextField name="password" type="password" label={t('field.password')} autoComplete="current-password" />
            <FormAlert error={submit.alert} />
            <SubmitButton busyText={t('login.submitting')} className="btn btn-primary btn-block">{t('login.submit')}</SubmitButton>
          </Form>
        </div>
      </main>
    </div>
  );
}
