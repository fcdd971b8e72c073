import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../shared/contract/index.ts';
import { role as roleSchema } from '../../../../shared/contract/common.ts';
import type { User } from '../../../../shared/contract/users.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { zodOptions } from '../../components/errors.ts';
import { LoadState } from '../../components/feedback.tsx';
import { Form, FormAlert, SelectField, SubmitButton, TextField, useSubmitError } from '../../components/form.tsx';
import { Modal } from '../../components/Modal.tsx';
import { ActiveBadge, MessageLine, useActiveList } from './activeList.tsx';
import { currentLanguage } from '../../i18n.ts';

const createSchema = contract['users.create'].input
  .extend({ passwordRepeat: z.string() })
  .refine((v) => v.password === v.passwordRepeat, { path: ['passwordRepeat'], message: 'validation.password_mismatch' });

const resetSchema = contract['users.resetPassword'].input.omit({ id: true })
  .extend({ newPasswordRepeat: z.string() })
  .refine((v) => v.newPassword === v.newPasswordRepeat, { path: ['newPasswordRepeat'], message: 'validation.password_mismatch' });

/** Pengguna: operators and admins; accounts are deactivated, never deleted. */
export function UsersSettings() {
  const { t } = useTranslation();
  const { user: me, office } = useSession();
  const users = useLoader(() => api['users.list']({}), []);
  const [resetting, setResetting] = useState<User | null>(null);
  const lang = currentLanguage();
  const { message, setMessage, replace, append, toggle } = useActiveList(
    users,
    (id, active) => api['users.setActive']({ id, active }),
    (user) => t(user.active ? 'settings.users.activated' : 'settings.users.deactivated', { username: user.username }),
  );

  return (
    <div className="stack">
      <section className="card" aria-labelledby="users-title">
        <h2 id="users-title">{t('settings.users.title')}</h2>
        <p className="form-note">{t('settings.users.intro')}</p>
        <MessageLine message={message} />
        <LoadState loader={users}>
          {(list) => (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('settings.users.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('field.username')}</th>
                    <th scope="col">{t('field.fullName')}</th>
                    <th scope="col">{t('field.role')}</th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col">{t('settings.users.lastLogin')}</th>
                    <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((user) => (
                    <tr key={user.id} className={user.active ? undefined : 'row-inactive'}>
                      <th scope="row" className="mono">{user.username}</th>
                      <td>{user.fullName}</td>
                      <td>{t(`roles.${user.role}`)}</td>
                      <td><ActiveBadge active={user.active} /></td>
                      <td>{user.lastLoginAt ? formatInstant(user.lastLoginAt, office.timezone, lang) : t('settings.users.never')}</td>
                      <td>
                        <div className="row-actions">
                          {user.id === me.id ? (
                            <span className="muted">{t('settings.users.self')}</span>
                          ) : (
                            <>
                              <button type="button" className="btn btn-small" aria-label={t('settings.users.resetNamed', { username: user.username })} onClick={() => setResetting(user)}>
                                {t('settings.users.reset')}
                              </button>
                              <button
                                type="button"
                                className="btn btn-small"
                                aria-label={t(user.active ? 'settings.users.deactivateNamed' : 'settings.users.activateNamed', { username: user.username })}
                                onClick={() => void toggle(user)}
                              >
                                {t(user.active ? 'common.deactivate' : 'common.activate')}
                              </button>
                            </>
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </LoadState>
      </section>

      <AddUser onAdded={(user) => {
        append(user);
        setMessage({ text: t('settings.users.added', { username: user.username }) });
      }} />

      {resetting && (
        <Modal title={t('settings.users.resetTitle', { username: resetting.username })} onClose={() => setResetting(null)}>
          <ResetPassword
            user={resetting}
            onDone={(user) => {
              replace(user);
              setResetting(null);
              setMessage({ text: t('settings.users.resetDone', { username: user.username }) });
            }}
            onCancel={() => setResetting(null)}
          />
        </Modal>
      )}
    </div>
  );
}

function AddUser({ onAdded }: { onAdded(user: User): void }) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: zodResolver(createSchema, zodOptions),
    defaultValues: { username: '', fullName: '', role: 'operator' as const, password: '', passwordRepeat: '' },
  });
  const submit = useSubmitError(form);
  return (
    <section className="card" aria-labelledby="user-add-title">
      <h2 id="user-add-title">{t('settings.users.addTitle')}</h2>
      <Form
        form={form}
        onSubmit={async ({ passwordRepeat: _repeat, ...values }) => {
          submit.clear();
          try {
            onAdded(await api['users.create'](values));
            form.reset();
            form.setFocus('username');
          } catch (err) {
            submit.fail(err);
          }
        }}
      >
        <div className="grid-3">
          <TextField name="username" label={t('field.username')} hint={t('common.usernameHint')} autoComplete="off" autoCapitalize="none" spellCheck={false} />
          <TextField name="fullName" label={t('field.fullName')} autoComplete="off" />
          <SelectField
            name="role"
            label={t('field.role')}
            hint={t('settings.users.roleHint')}
            options={roleSchema.options.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <TextField name="password" type="password" label={t('field.password')} hint={t('common.passwordHint')} autoComplete="new-password" />
          <TextField name="passwordRepeat" type="password" label={t('common.passwordRepeat')} autoComplete="new-password" />
        </div>
        <FormAlert error={submit.alert} />
        <div className="form-actions">
          <SubmitButton>{t('settings.users.add')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function ResetPassword({ user, onDone, onCancel }: { user: User; onDone(user: User): void; onCancel(): void }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(resetSchema, zodOptions), defaultValues: { newPassword: '', newPasswordRepeat: '' } });
  const submit = useSubmitError(form);
  return (
    <Form
      form={form}
      onSubmit={async (values) => {
        submit.clear();
        try {
          onDone(await api['users.resetPassword']({ id: user.id, newPassword: values.newPassword }));
        } catch (err) {
          submit.fail(err);
        }
      }}
    >
      <p className="form-note">{t('settings.users.resetNote')}</p>
      <TextField name="newPassword" type="password" label={t('field.newPassword')} hint={t('common.passwordHint')} autoComplete="new-password" />
      <TextField name="newPasswordRepeat" type="password" label={t('common.newPasswordRepeat')} autoComplete="new-password" />
      <FormAlert error={submit.alert} />
      <div className="form-actions">
        <SubmitButton>{t('settings.users.resetSubmit')}</SubmitButton>
        <button type="button" className="btn" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </Form>
  );
}
