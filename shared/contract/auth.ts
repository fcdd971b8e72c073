import { z } from 'zod';
import { method } from './define.ts';
import { empty, givenPassword, password, role } from './common.ts';

export const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role,
});
export type SessionUser = z.infer<typeof sessionUser>;

export const authMethods = {
  'auth.login': method({
    access: 'public',
    input: z.object({
      // Bounded too: every attempt is counted under its username before the password is checked.
      username: z.string().trim().toLowerCase().min(1, 'validation.required').max(100, 'validation.too_long'),
      password: givenPassword,
    }),
    output: z.object({ user: sessionUser }),
  }),
  'auth.logout': method({ access: 'public', input: empty, output: z.object({ ok: z.literal(true) }) }),
  /** Public so the UI can ask "am I logged in?" without an error. */
  'auth.me': method({ access: 'public', input: empty, output: z.object({ user: sessionUser.nullable() }) }),
  'auth.changePassword': method({
    access: 'user',
    input: z.object({ currentPassword: givenPassword, newPassword: password }),
    output: z.object({ ok: z.literal(true) }),
  }),
};
