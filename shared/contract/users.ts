import { z } from 'zod';
import { method } from './define.ts';
import { empty, id, instant, password, role, syncFields, text, username } from './common.ts';

export const user = z.object({
  ...syncFields,
  username: z.string(),
  fullName: z.string(),
  role,
  active: z.boolean(),
  lastLoginAt: instant.nullable(),
});
export type User = z.infer<typeof user>;

export const newUser = z.object({ username, fullName: text(120), role, password });

export const userMethods = {
  'users.list': method({ access: 'admin', input: empty, output: z.array(user) }),
  'users.create': method({ access: 'admin', input: newUser, output: user }),
  /** Accounts are deactivated, never deleted: the audit log keeps their name. */
  'users.setActive': method({ access: 'admin', input: z.object({ id, active: z.boolean() }), output: user }),
  'users.resetPassword': method({ access: 'admin', input: z.object({ id, newPassword: password }), output: user }),
};
