import { ApiError } from '../../../shared/contract/errors.ts';
import type { Role } from '../../../shared/contract/common.ts';
import type { Db } from '../db/open.ts';
import { newId } from '../db/ids.ts';
import { recordChange } from '../db/repos/changes.ts';
import { deleteUserSessions } from '../db/repos/sessions.ts';
import * as users from '../db/repos/users.ts';
import type { WriteMeta } from './context.ts';
import type { Handlers } from './handlers.ts';
import { hashPassword } from './passwords.ts';
import { meta } from './office.ts';
import { writeTransaction } from '../db/transaction.ts';

interface NewUser { username: string; fullName: string; role: Role; password: string }
type Prepared = Omit<NewUser, 'password'> & { passwordHash: string };

/** Hashing is slow and async, so it happens before the (synchronous) write transaction. */
export const createUser = {
  async prepare({ password, ...rest }: NewUser): Promise<Prepared> {
    return { ...rest, passwordHash: await hashPassword(password) };
  },
  insert(db: Db, m: WriteMeta, p: Prepared, id = newId()): users.UserWithHash {
    if (users.findUserByUsername(db, p.username)) {
      throw ApiError.field(['username'], 'validation.username_taken', { username: p.username });
    }
    const user: users.UserWithHash = {
      id, ...p, active: true, lastLoginAt: null,
      createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin,
    };
    users.insertUser(db, user);
    recordChange(db, m, { entity: 'user', entityId: user.id, op: 'insert', after: user });
    return user;
  },
};

function change(db: Db, m: WriteMeta, id: string, edit: (u: users.UserWithHash) => users.UserWithHash): users.UserWithHash {
  return writeTransaction(db, () => {
    const before = users.getUser(db, id);
    if (!before) throw new ApiError('NOT_FOUND', 'Pengguna tidak ditemukan.');
    const after = { ...edit(before), updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
    users.updateUser(db, after);
    recordChange(db, m, { entity: 'user', entityId: id, op: 'update', before, after });
    return after;
  });
}

export const userHandlers = {
  'users.list': (_input, ctx) => users.listUsers(ctx.db).map(users.withoutHash),

  'users.create': async (input, ctx) => {
    const prepared = await createUser.prepare(input);
    return users.withoutHash(writeTransaction(ctx.db, () => createUser.insert(ctx.db, meta(ctx), prepared)));
  },

  'users.setActive': ({ id, active }, ctx) => {
    const m = meta(ctx);
    const user = writeTransaction(ctx.db, () => {
      const target = users.getUser(ctx.db, id);
      // Nothing changes: no journal row, no audit row, no updated_at bump (as units.setActive).
      if (target && target.active === active) return target;
      // Locking yourself out is never what an admin means; another admin can do it.
      if (!active && id === ctx.actor?.userId) throw ApiError.field(['active'], 'validation.self_deactivate');
      if (target && !active && target.role === 'admin' && target.active && users.countActiveAdmins(ctx.db) <= 1) {
        throw ApiError.field(['active'], 'validation.last_admin');
      }
      const after = change(ctx.db, m, id, (u) => ({ ...u, active }));
      if (!active) deleteUserSessions(ctx.db, id);
      return after;
    });
    return users.withoutHash(user);
  },

  'users.resetPassword': async ({ id, newPassword }, ctx) => {
    if (id === ctx.actor?.userId) throw ApiError.field(['newPassword'], 'validation.self_reset');
    const passwordHash = await hashPassword(newPassword);
    const m = meta(ctx);
    return users.withoutHash(writeTransaction(ctx.db, () => {
      const after = change(ctx.db, m, id, (u) => ({ ...u, passwordHash }));
      deleteUserSessions(ctx.db, id);
      return after;
    }));
  },
} satisfies Partial<Handlers>;
