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

export interface Change {
  entity: string;
  entityId: string;
  op: ChangeOp;
  before?: object | null;
  after?: object | null;
  /** What the audit row says instead of the before/after difference. */
  details?: Record<string, [unknown, unknown]>;
}

function detailsOf(change: Change): Record<string, [unknown, unknown]> {
  return change.details ?? diffFields((change.before ?? null) as Fields | null, (change.after ?? null) as Fields | null);
}

/** A journal row without its write (or the reverse) would send the city a change that never was. */
function assertInTransaction(db: Db, caller: string): void {
  if (!db.inTransaction) throw new Error(`${caller} must run inside the transaction of the write it records`);
}

/**
 * Appends one journal row (for sync) and one audit row (for people) for a changed record.
 * Call inside the transaction of the write itself, so neither exists without the other.
 */
export function recordChange(db: Db, meta: WriteMeta, change: Change): void {
  assertInTransaction(db, 'recordChange');
  const batch = openBatches.get(db);
  if (batch) {
    batch.push({ meta, change });
    return;
  }
  sql(db, 
    'INSERT INTO change_journal (entity, entity_id, op, at, user_id, origin) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(change.entity, change.entityId, change.op, meta.at, meta.actor?.userId ?? null, meta.origin);
  recordEvent(db, meta, `${change.entity}.${change.op}`, detailsOf(change), change.entity, change.entityId);
}

/**
 * The rows recordChange writes, for many changes at once (an import of thousands), in the same
 * order: for each run of changes with the same entity and operation, one statement over a JSON
 * array of ids writes the journal and one over [id, details] pairs the audit log.
 * Call inside the transaction of the writes.
 */
export function recordChanges(db: Db, meta: WriteMeta, changes: readonly Change[]): void {
  assertInTransaction(db, 'recordChanges');
  const userId = meta.actor?.userId ?? null;
  const username = meta.actor?.username ?? '-';
  const journal = sql(db, `INSERT INTO change_journal (entity, entity_id, op, at, user_id, origin)
    SELECT ?, value, ?, ?, ?, ? FROM json_each(?) ORDER BY key`);
  const audit = sql(db, `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, details)
    SELECT ?, ?, ?, ?, ?, value->>0, value->>1 FROM json_each(?) ORDER BY key`);
  for (let start = 0; start < changes.length;) {
    const { entity, op } = changes[start]!;
    let end = start + 1;
    while (end < changes.length && changes[end]!.entity === entity && changes[end]!.op === op) end++;
    const run = changes.slice(start, end);
    journal.run(entity, op, meta.at, userId, meta.origin, JSON.stringify(run.map((c) => c.entityId)));
    audit.run(meta.at, userId, username, `${entity}.${op}`, entity, JSON.stringify(run.map((c) => {
      const details = detailsOf(c);
      return [c.entityId, Object.keys(details).length ? JSON.stringify(details) : null];
    })));
    start = end;
  }
}

// Changes gathered by inChangeBatch, per connection, until the batch writes them.
const openBatches = new WeakMap<Db, { meta: WriteMeta; change: Change }[]>();

/**
 * Runs a write of many records (an import, "sisanya Alpa", a list of participants) with every
 * recordChange inside it gathered, then written in bulk by recordChanges at its end: the same
 * rows in the same order. Call inside the write's transaction; a nested batch joins the outer one.
 */
export function inChangeBatch<T>(db: Db, write: () => T): T {
  if (openBatches.has(db)) return write();
  const batch: { meta: WriteMeta; change: Change }[] = [];
  openBatches.set(db, batch);
  let result: T;
  try {
    result = write();
  } finally {
    openBatches.delete(db);
  }
  // One bulk write per stretch of changes made with the same stamp (time, user, origin).
  for (let start = 0; start < batch.length;) {
    const { meta } = batch[start]!;
    let end = start + 1;
    while (end < batch.length && sameStamp(batch[end]!.meta, meta)) end++;
    recordChanges(db, meta, batch.slice(start, end).map((b) => b.change));
    start = end;
  }
  return result;
}

const sameStamp = (a: WriteMeta, b: WriteMeta) =>
  a === b || (a.at === b.at && a.origin === b.origin && a.actor?.userId === b.actor?.userId && a.actor?.username === b.actor?.username);

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
