import type { Db } from '../open.ts';
import type { WriteMeta } from '../../services/context.ts';
import { sql } from '../statements.ts';

export type ChangeOp = 'insert' | 'update' | 'delete' | 'restore';

/** Fields that change with every write, or must never be copied into the audit log. */
const NOT_AUDITED = new Set(['updatedAt', 'updatedBy', 'createdAt', 'origin', 'id']);
const SECRET = new Set(['passwordHash', 'logo']);

type Fields = Record<string, unknown>;

const blank = (v: unknown) => v === null || v === undefined || v === '';

/**
 * Field → [old, new] for what differs; secrets are only said to have changed. Empty and missing
 * count as the same, so a new record lists only the fields it has.
 */
export function diffFields(before: Fields | null, after: Fields | null): Record<string, [unknown, unknown]> {
  const diff: Record<string, [unknown, unknown]> = {};
  // A new record is the common case in imports: only its own keys need looking at.
  const keys = before ? new Set([...Object.keys(before), ...Object.keys(after ?? {})]) : Object.keys(after ?? {});
  for (const key of keys) {
    if (NOT_AUDITED.has(key)) continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (a === b || (blank(a) && blank(b)) || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b))) continue;
    // A secret is only said to be set, changed or cleared.
    diff[key] = SECRET.has(key) ? [a === null ? null : '•••', b === null ? null : '•••'] : [a, b];
  }
  return diff;
}

/**
 * Appends one journal row (for sync) and one audit row (for people) for a changed record.
 * Call inside the transaction of the write itself, so neither exists without the other.
 */
export function recordChange(
  db: Db,
  meta: WriteMeta,
  change: { entity: string; entityId: string; op: ChangeOp; before?: object | null; after?: object | null; details?: Record<string, [unknown, unknown]> },
): void {
  sql(db, 
    'INSERT INTO change_journal (entity, entity_id, op, at, user_id, origin) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(change.entity, change.entityId, change.op, meta.at, meta.actor?.userId ?? null, meta.origin);
  const details = change.details ?? diffFields((change.before ?? null) as Fields | null, (change.after ?? null) as Fields | null);
  recordEvent(db, meta, `${change.entity}.${change.op}`, details, change.entity, change.entityId);
}

/** An audit row without a record change: logins, refusals, checks. */
export function recordEvent(
  db: Db,
  meta: Pick<WriteMeta, 'at' | 'actor'>,
  action: string,
  details: Fields | null = null,
  entity: string | null = null,
  entityId: string | null = null,
  username?: string,
): void {
  sql(db, 
    'INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    meta.at,
    meta.actor?.userId ?? null,
    username ?? meta.actor?.username ?? '-',
    action,
    entity,
    entityId,
    details && Object.keys(details).length ? JSON.stringify(details) : null,
  );
}
