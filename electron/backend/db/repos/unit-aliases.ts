import type { UnitAlias } from '../../../../shared/contract/roster.ts';
import type { Db } from '../open.ts';
import { sql } from '../statements.ts';

// Remembered unit values of roster files (migration 004): spelling → unit.

interface AliasRow {
  id: string; value: string; folded: string; unit_id: string; unit_name: string;
  created_at: string; updated_at: string; updated_by: string | null; origin: string;
}

export interface StoredAlias extends UnitAlias { folded: string }

function toAlias(r: AliasRow): StoredAlias {
  return {
    id: r.id, value: r.value, folded: r.folded, unitId: r.unit_id, unit: r.unit_name,
    createdAt: r.created_at, updatedAt: r.updated_at, updatedBy: r.updated_by, origin: r.origin,
  };
}

const SELECT = `SELECT a.id, a.value, a.folded, a.unit_id, u.name AS unit_name, a.created_at, a.updated_at, a.updated_by, a.origin
  FROM unit_aliases a JOIN units u ON u.id = a.unit_id WHERE a.deleted_at IS NULL`;

/** The live aliases, by their spelling. */
export function listAliases(db: Db): StoredAlias[] {
  return (sql(db, `${SELECT} ORDER BY a.value COLLATE NOCASE, a.id`).all() as AliasRow[]).map(toAlias);
}

export function getAlias(db: Db, id: string): StoredAlias | null {
  const row = sql(db, `${SELECT} AND a.id = ?`).get(id) as AliasRow | undefined;
  return row ? toAlias(row) : null;
}

export function findAliasByFolded(db: Db, folded: string): StoredAlias | null {
  const row = sql(db, `${SELECT} AND a.folded = ?`).get(folded) as AliasRow | undefined;
  return row ? toAlias(row) : null;
}

export function insertAlias(db: Db, a: StoredAlias): void {
  sql(db, `INSERT INTO unit_aliases (id, value, folded, unit_id, created_at, updated_at, updated_by, origin)
    VALUES (@id, @value, @folded, @unitId, @createdAt, @updatedAt, @updatedBy, @origin)`).run({
    id: a.id, value: a.value, folded: a.folded, unitId: a.unitId,
    createdAt: a.createdAt, updatedAt: a.updatedAt, updatedBy: a.updatedBy, origin: a.origin,
  });
}

export function updateAliasUnit(db: Db, id: string, unitId: string, at: string, by: string | null): void {
  sql(db, 'UPDATE unit_aliases SET unit_id = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(unitId, at, by, id);
}

/** A tombstone: kept for the journal, no longer used. */
export function removeAlias(db: Db, id: string, at: string, by: string | null): void {
  sql(db, 'UPDATE unit_aliases SET deleted_at = ?, updated_at = ?, updated_by = ? WHERE id = ? AND deleted_at IS NULL').run(at, at, by, id);
}
