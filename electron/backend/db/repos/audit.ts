import type { AuditEntry } from '../../../../shared/contract/audit.ts';
import type { Db } from '../open.ts';
import { sql } from '../statements.ts';

interface AuditRow {
  seq: number; at: string; user_id: string | null; username: string; action: string;
  entity: string | null; entity_id: string | null; details: string | null;
}

export function listAudit(db: Db, q: { limit: number; before?: number; entity?: string; entityId?: string }): AuditEntry[] {
  const rows = sql(db, `SELECT * FROM audit_log
    WHERE (@before IS NULL OR seq < @before) AND (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
    ORDER BY seq DESC LIMIT @limit`).all({
    before: q.before ?? null, entity: q.entity ?? null, entityId: q.entityId ?? null, limit: q.limit,
  }) as AuditRow[];
  return rows.map((r) => ({
    seq: r.seq, at: r.at, userId: r.user_id, username: r.username, action: r.action,
    entity: r.entity, entityId: r.entity_id, details: r.details ? JSON.parse(r.details) as Record<string, unknown> : null,
  }));
}
