import type { Unit } from '../../../../shared/contract/office.ts';
import type { Db } from '../open.ts';
import { sql } from '../statements.ts';

interface UnitRow {
  id: string; code: string | null; name: string; kind: Unit['kind']; active: number; sort_order: number;
  created_at: string; updated_at: string; updated_by: string | null; origin: string;
}

function toUnit(r: UnitRow): Unit {
  return {
    id: r.id, code: r.code, name: r.name, kind: r.kind, active: r.active === 1,
    createdAt: r.created_at, updatedAt: r.updated_at, updatedBy: r.updated_by, origin: r.origin,
  };
}

export function listUnits(db: Db, includeInactive: boolean): Unit[] {
  const rows = sql(db, `SELECT * FROM units WHERE deleted_at IS NULL ${includeInactive ? '' : 'AND active = 1'}
    ORDER BY sort_order, name`).all() as UnitRow[];
  return rows.map(toUnit);
}

export function getUnit(db: Db, id: string): Unit | null {
  const row = sql(db, 'SELECT * FROM units WHERE id = ? AND deleted_at IS NULL').get(id) as UnitRow | undefined;
  return row ? toUnit(row) : null;
}

export function findUnitByName(db: Db, name: string): Unit | null {
  const row = sql(db, 'SELECT * FROM units WHERE lower(name) = lower(?) AND deleted_at IS NULL').get(name) as UnitRow | undefined;
  return row ? toUnit(row) : null;
}

export function insertUnit(db: Db, u: Unit, sortOrder: number): void {
  sql(db, `INSERT INTO units (id, code, name, kind, active, sort_order, created_at, updated_at, updated_by, origin)
    VALUES (@id, @code, @name, @kind, @active, @sortOrder, @createdAt, @updatedAt, @updatedBy, @origin)`)
    .run({ ...u, active: u.active ? 1 : 0, sortOrder });
}

export function updateUnit(db: Db, u: Unit): void {
  sql(db, `UPDATE units SET code = @code, name = @name, active = @active, updated_at = @updatedAt,
    updated_by = @updatedBy WHERE id = @id`).run({ ...u, active: u.active ? 1 : 0 });
}

export function nextUnitSortOrder(db: Db): number {
  return ((sql(db, 'SELECT max(sort_order) AS m FROM units').get() as { m: number | null }).m ?? 0) + 1;
}
