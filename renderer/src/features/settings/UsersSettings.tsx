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
import { FormCard, FormDialog, SelectField, TextField } from '../../components/form.tsx';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { DataTable, RowButton } from '../../components/table.tsx';
import { useActiveList } from './activeList.tsx';
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
  const list = useCrudList<User>(users);
  const lang = currentLanguage();
  const active = useActiveList(
    list,
    (id, on) => api['users.setActive']({ id, active: on }),
    (user) => t(user.active ? 'settings.users.activated' : 'settings.users.deactivated', { username: user.username }),
  );
  const { editing: resetting } = list;

  return (
    <div className="stack">
      <ListCard title={t('settings.users.title')} intro={t('settings.users.intro')} message={list.message}>
        <DataTable
          loader={users}
          caption={t('settings.users.title')}
          rowClassName={active.rowClassName}
          columns={[
            { key: 'username', header: t('field.username'), rowHeader: true, className: 'mono', cell: (user) => user.username },
            { key: 'fullName', header: t('field.fullName'), cell: (user) => user.fullName },
            { key: 'role', header: t('field.role'), cell: (user) => t(`roles.${user.role}`) },
            active.column,
            { key: 'lastLogin', header: t('settings.users.lastLogin'), cell: (user) => (user.lastLoginAt ? formatInstant(user.lastLoginAt, office.timezone, lang) : t('settings.users.never')) },
          ]}
          actions={(user) => (user.id === me.id ? <span className="muted">{t('settings.users.self')}</span> : (
            <>
              <RowButton label={t('settings.users.resetNamed', { username: user.username })} onClick={() => list.edit(user)}>{t('settings.users.reset')}</RowButton>
              {active.button(user, t(user.active ? 'settings.users.deactivateNamed' : 'settings.users.activateNamed', { username: user.username }))}
            </>
          ))}
        />
      </ListCard>

      <AddUser onAdded={(user) => list.saved(user, t('settings.users.added', { username: user.username }))} />

      {resetting && resetting !== 'new' && (
        <ResetPassword user={resetting} onClose={list.close} onDone={(user) => list.saved(user, t('settings.users.resetDone', { username: user.username }))} />
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
  return (
    <FormCard
      title={t('settings.users.addTitle')}
      next="username"
      form={form}
      send={({ passwordRepeat: _repeat, ...values }) => api['users.create'](values)}
      onDone={onAdded}
      submitLabel={t('settings.users.add')}
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
    </FormCard>
  );
}

function ResetPassword({ user, onDone, onClose }: { user: User; onDone(user: User): void; onClose(): void }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(resetSchema, zodOptions), defaultValues: { newPassword: '', newPasswordRepeat: '' } });
  return (
    <FormDialog
      title={t('settings.users.resetTitle', { username: user.username })}
      note={t('settings.users.resetNote')}
      onClose={onClose}
      form={form}
      send={(values) => api['users.resetPassword']({ id: user.id, newPassword: values.newPassword })}
      onDone={onDone}
      submitLabel={t('settings.users.resetSubmit')}
    >
      <TextField name="newPassword" type="password" label={t('field.newPassword')} hint={t('common.passwordHint')} autoComplete="new-password" />
      <TextField name="newPasswordRepeat" type="password" label={t('common.newPasswordRepeat')} autoComplete="new-password" />
    </FormDialog>
  );
}
