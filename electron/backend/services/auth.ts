import { createHash, randomBytes } from 'node:crypto';
import { ApiError } from '../../../shared/contract/errors.ts';
import type { SessionUser } from '../../../shared/contract/auth.ts';
import type { Db } from '../db/open.ts';
import { recordChange, recordEvent } from '../db/repos/changes.ts';
import * as sessions from '../db/repos/sessions.ts';
import { findUserByUsername, getUser, touchLastLogin, updateUser } from '../db/repos/users.ts';
import { nowIso, type Actor } from './context.ts';
import type { Handlers } from './handlers.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.ts';
import { officeOrigin } from './office.ts';
import { writeTransaction } from '../db/transaction.ts';

/** Throttling of failed logins per username: a growing wait, then a temporary lock. */
export const LOGIN_POLICY = {
  freeAttempts: 3,       // failures before any wait
  maxDelaySeconds: 60,   // the wait doubles from 1 s up to this
  lockAfter: 10,         // failures in a row that lock the account
  lockMinutes: 15,
  sessionHours: 12,      // idle time after which a session ends
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

function toSessionUser(u: { id: string; username: string; fullName: string; role: SessionUser['role'] }): SessionUser {
  return { id: u.id, username: u.username, fullName: u.fullName, role: u.role };
}

/** The actor behind a session token, sliding its expiry; null when missing, expired or deactivated. */
export function resolveSession(db: Db, token: string | null, now: Date): (Actor & { user: SessionUser }) | null {
  if (!token) return null;
  const tokenHash = hashToken(token);
  const session = sessions.findSession(db, tokenHash);
  if (!session) return null;
  if (session.expiresAt <= now.toISOString()) {
    sessions.deleteSession(db, tokenHash);
    return null;
  }
  const user = getUser(db, session.userId);
  if (!user || !user.active) return null;
  const expires = new Date(now.getTime() + LOGIN_POLICY.sessionHours * 3600_000).toISOString();
  // Extend at most once a minute: most calls then stay read-only.
  if (Date.parse(expires) - Date.parse(session.expiresAt) > 60_000) sessions.extendSession(db, tokenHash, expires);
  return { userId: user.id, username: user.username, role: user.role, user: toSessionUser(user) };
}

export function openSession(db: Db, userId: string, now: Date): string {
  const token = randomBytes(32).toString('base64url');
  sessions.deleteExpiredSessions(db, now.toISOString());
  sessions.insertSession(db, {
    tokenHash: hashToken(token), userId, createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + LOGIN_POLICY.sessionHours * 3600_000).toISOString(),
  });
  return token;
}

function delaySeconds(failures: number): number {
  if (failures < LOGIN_POLICY.freeAttempts) return 0;
  return Math.min(2 ** (failures - LOGIN_POLICY.freeAttempts), LOGIN_POLICY.maxDelaySeconds);
}

function checkThrottle(db: Db, username: string, now: Date): void {
  const t = sessions.getThrottle(db, username);
  if (!t) return;
  if (t.lockedUntil && t.lockedUntil > now.toISOString()) {
    throw new ApiError('ACCOUNT_LOCKED', `Akun dikunci sementara sampai ${t.lockedUntil} karena terlalu banyak percobaan gagal.`, { until: t.lockedUntil });
  }
  if (t.lockedUntil) return; // the lock has expired: the next attempt is allowed at once
  const wait = delaySeconds(t.failures) * 1000 - (now.getTime() - Date.parse(t.lastFailedAt));
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new ApiError('LOGIN_DELAYED', `Terlalu banyak percobaan gagal. Coba lagi dalam ${seconds} detik.`, { retryAfterSeconds: seconds });
  }
}

/**
 * Counts an attempt as a failure before its password is checked (a success clears the count),
 * so attempts sent in parallel see each other and are delayed like ones sent in a row.
 */
function countAttempt(db: Db, username: string, now: Date): number {
  const previous = sessions.getThrottle(db, username);
  // After a lock has run out, counting starts again.
  const failures = (previous && !previous.lockedUntil ? previous.failures : 0) + 1;
  const lockedUntil = failures >= LOGIN_POLICY.lockAfter
    ? new Date(now.getTime() + LOGIN_POLICY.lockMinutes * 60_000).toISOString()
    : null;
  sessions.saveThrottle(db, username, { failures, lastFailedAt: now.toISOString(), lockedUntil });
  return failures;
}

export const authHandlers = {
  'auth.login': async ({ username, password }, ctx) => {
    const { db } = ctx;
    const started = ctx.now();
    // Checked and counted in one synchronous step, before the slow hash lets other calls in.
    const failures = writeTransaction(db, () => {
      checkThrottle(db, username, started);
      return countAttempt(db, username, started);
    });
    const user = findUserByUsername(db, username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    const now = ctx.now(); // the hash took time
    // A deactivated account fails exactly like a wrong password (answer, count, wait), so that a
    // guess cannot learn that it found the right password of an account an admin switched off.
    if (!user || !ok || !user.active) {
      const action = failures >= LOGIN_POLICY.lockAfter ? 'auth.locked' : 'auth.login_failed';
      // Only the audit log (admins) tells the two apart.
      const details = user && ok ? { failures, inactive: true } : { failures };
      writeTransaction(db, () => recordEvent(db, { at: now.toISOString(), actor: null }, action, details, null, null, username));
      throw new ApiError('INVALID_CREDENTIALS', 'Nama pengguna atau kata sandi salah.');
    }
    ctx.session.issued = writeTransaction(db, () => {
      sessions.clearThrottle(db, username);
      touchLastLogin(db, user.id, now.toISOString());
      recordEvent(db, { at: now.toISOString(), actor: { userId: user.id, username: user.username, role: user.role } }, 'auth.login');
      return openSession(db, user.id, now);
    });
    return { user: toSessionUser(user) };
  },

  'auth.logout': (_input, ctx) => {
    if (ctx.session.token) {
      writeTransaction(ctx.db, () => {
        sessions.deleteSession(ctx.db, hashToken(ctx.session.token!));
        if (ctx.actor) recordEvent(ctx.db, { at: nowIso(ctx), actor: ctx.actor }, 'auth.logout');
      });
    }
    ctx.session.cleared = true;
    return { ok: true as const };
  },

  'auth.me': (_input, ctx) => {
    const user = ctx.actor?.userId ? getUser(ctx.db, ctx.actor.userId) : null;
    return { user: user ? toSessionUser(user) : null };
  },

  'auth.changePassword': async ({ currentPassword, newPassword }, ctx) => {
    const user = ctx.actor?.userId ? getUser(ctx.db, ctx.actor.userId) : null;
    if (!user) throw new ApiError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw ApiError.field(['currentPassword'], 'validation.current_password_wrong');
    }
    const passwordHash = await hashPassword(newPassword);
    const at = nowIso(ctx);
    writeTransaction(ctx.db, () => {
      const after = { ...user, passwordHash, updatedAt: at, updatedBy: user.id };
      updateUser(ctx.db, after);
      recordChange(ctx.db, { at, actor: ctx.actor, origin: officeOrigin(ctx.db) }, {
        entity: 'user', entityId: user.id, op: 'update', before: user, after,
      });
    });
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;

