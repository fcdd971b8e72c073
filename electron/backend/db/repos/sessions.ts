import type { Db } from '../open.ts';
import { sql } from '../statements.ts';

export function insertSession(db: Db, s: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }): void {
  sql(db, 'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
    .run(s.tokenHash, s.userId, s.createdAt, s.expiresAt);
}

export function findSession(db: Db, tokenHash: string): { userId: string; expiresAt: string } | null {
  const row = sql(db, 'SELECT user_id, expires_at FROM sessions WHERE token_hash = ?').get(tokenHash) as
    { user_id: string; expires_at: string } | undefined;
  return row ? { userId: row.user_id, expiresAt: row.expires_at } : null;
}

export function extendSession(db: Db, tokenHash: string, expiresAt: string): void {
  sql(db, 'UPDATE sessions SET expires_at = ? WHERE token_hash = ?').run(expiresAt, tokenHash);
}

export function deleteSession(db: Db, tokenHash: string): void {
  sql(db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

export function deleteUserSessions(db: Db, userId: string): void {
  sql(db, 'DELETE FROM sessions WHERE user_id = ?').run(userId);
}

export function deleteExpiredSessions(db: Db, now: string): void {
  sql(db, 'DELETE FROM sessions WHERE expires_at <= ?').run(now);
}

export interface Throttle { failures: number; lastFailedAt: string; lockedUntil: string | null }

export function getThrottle(db: Db, username: string): Throttle | null {
  const row = sql(db, 'SELECT failures, last_failed_at, locked_until FROM login_throttle WHERE username = ?').get(username) as
    { failures: number; last_failed_at: string; locked_until: string | null } | undefined;
  return row ? { failures: row.failures, lastFailedAt: row.last_failed_at, lockedUntil: row.locked_until } : null;
}

export function saveThrottle(db: Db, username: string, t: Throttle): void {
  sql(db, `INSERT INTO login_throttle (username, failures, last_failed_at, locked_until) VALUES (?, ?, ?, ?)
    ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, last_failed_at = excluded.last_failed_at,
      locked_until = excluded.locked_until`).run(username, t.failures, t.lastFailedAt, t.lockedUntil);
}

export function clearThrottle(db: Db, username: string): void {
  sql(db, 'DELETE FROM login_throttle WHERE username = ?').run(username);
}
