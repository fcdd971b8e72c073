import type { User } from '../../../../shared/contract/users.ts';
import type { Db } from '../open.ts';
import { sql } from '../statements.ts';

interface UserRow {
  id: string; username: string; full_name: string; role: User['role']; password_hash: string; active: number;
  last_login_at: string | null; created_at: string; updated_at: string; updated_by: string | null; origin: string;
}

export type UserWithHash = User & { passwordHash: string };

function toUser(r: UserRow): UserWithHash {
  return {
    id: r.id, username: r.username, fullName: r.full_name, role: r.role, active: r.active === 1,
    lastLoginAt: r.last_login_at, passwordHash: r.password_hash,
    createdAt: r.created_at, updatedAt: r.updated_at, updatedBy: r.updated_by, origin: r.origin,
  };
}

export function withoutHash({ passwordHash: _hash, ...user }: UserWithHash): User {
  return user;
}

export function listUsers(db: Db): UserWithHash[] {
  return (sql(db, 'SELECT * FROM users WHERE deleted_at IS NULL ORDER BY role, username').all() as UserRow[]).map(toUser);
}

export function getUser(db: Db, id: string): UserWithHash | null {
  const row = sql(db, 'SELECT * FROM users WHERE id = ? AND deleted_at IS NULL').get(id) as UserRow | undefined;
  return row ? toUser(row) : null;
}

export function findUserByUsername(db: Db, username: string): UserWithHash | null {
  const row = sql(db, 'SELECT * FROM users WHERE username = ? AND deleted_at IS NULL').get(username) as UserRow | undefined;
  return row ? toUser(row) : null;
}

export function countActiveAdmins(db: Db): number {
  return (sql(db, "SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1 AND deleted_at IS NULL").get() as { n: number }).n;
}

export function insertUser(db: Db, u: UserWithHash): void {
  sql(db, `INSERT INTO users (id, username, full_name, role, password_hash, active, last_login_at, created_at,
      updated_at, updated_by, origin)
    VALUES (@id, @username, @fullName, @role, @passwordHash, @active, @lastLoginAt, @createdAt, @updatedAt, @updatedBy, @origin)`)
    .run({ ...u, active: u.active ? 1 : 0 });
}

export function updateUser(db: Db, u: UserWithHash): void {
  sql(db, `UPDATE users SET full_name = @fullName, role = @role, password_hash = @passwordHash, active = @active,
      updated_at = @updatedAt, updated_by = @updatedBy WHERE id = @id`).run({ ...u, active: u.active ? 1 : 0 });
}

/** Not a business change: no journal row, no updated_at bump. */
export function touchLastLogin(db: Db, id: string, at: string): void {
  sql(db, 'UPDATE users SET last_login_at = ? WHERE id = ?').run(at, id);
}
