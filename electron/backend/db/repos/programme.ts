import type { Db } from '../open.ts';
import { sql } from '../statements.ts';
import type { Need, ProgrammeItem } from '../../../../shared/contract/programme.ts';
import { methodById } from '../../../../shared/domain/methods.ts';

// The finding is written once, when a need is made from an evaluation; an edit never changes it.
type NeedRecord = Omit<Need, 'employeeName' | 'unitName' | 'finding'> & { deletedAt: string | null; finding?: Need['finding'] };

interface NeedRow {
  id: string; year: number; employee_id: string | null; unit_id: string | null; competency_type: Need['competencyType'];
  topic: string; source: Need['source']; priority: Need['priority']; notes: string; created_at: string; updated_at: string;
  updated_by: string | null; origin: string; deleted_at: string | null; employee_name: string | null; unit_name: string | null;
  finding: string | null;
}

const toNeed = (r: NeedRow): Need => ({
  id: r.id, year: r.year, employeeId: r.employee_id, employeeName: r.employee_name, unitId: r.unit_id, unitName: r.unit_name,
  competencyType: r.competency_type, topic: r.topic, source: r.source, priority: r.priority, notes: r.notes,
  finding: r.finding === null ? null : JSON.parse(r.finding) as Need['finding'],
  createdAt: r.created_at, updatedAt: r.updated_at, updatedBy: r.updated_by, origin: r.origin,
});

const NEED_SELECT = `SELECT n.*, e.name AS employee_name, u.name AS unit_name FROM needs n
  LEFT JOIN employees e ON e.id = n.employee_id LEFT JOIN units u ON u.id = n.unit_id`;

export function listNeeds(db: Db, year: number | undefined): Need[] {
  return (sql(db, `${NEED_SELECT} WHERE n.deleted_at IS NULL AND (@year IS NULL OR n.year = @year)
    ORDER BY n.year DESC, CASE n.priority WHEN 'tinggi' THEN 0 WHEN 'sedang' THEN 1 ELSE 2 END, n.topic`)
    .all({ year: year ?? null }) as NeedRow[]).map(toNeed);
}

export function getNeed(db: Db, id: string): Need | null {
  const row = sql(db, `${NEED_SELECT} WHERE n.id = ? AND n.deleted_at IS NULL`).get(id) as NeedRow | undefined;
  return row ? toNeed(row) : null;
}

export function saveNeed(db: Db, n: NeedRecord, insert: boolean): void {
  const params = [n.year, n.employeeId, n.unitId, n.competencyType, n.topic, n.source, n.priority, n.notes, n.updatedAt, n.updatedBy, n.deletedAt];
  if (insert) {
    sql(db, `INSERT INTO needs (year, employee_id, unit_id, competency_type, topic, source, priority, notes, updated_at, updated_by,
      deleted_at, id, created_at, origin, finding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(...params, n.id, n.createdAt, n.origin, n.finding ? JSON.stringify(n.finding) : null);
  } else {
    sql(db, `UPDATE needs SET year = ?, employee_id = ?, unit_id = ?, competency_type = ?, topic = ?, source = ?, priority = ?,
      notes = ?, updated_at = ?, updated_by = ?, deleted_at = ? WHERE id = ?`).run(...params, n.id);
  }
}

interface ItemRow {
  id: string; year: number; title: string; competency_type: ProgrammeItem['competencyType']; method_id: number;
  organiser: ProgrammeItem['organiser']; planned_month: number; target_count: number; target_unit_ids: string;
  target_employee_ids: string; planned_jp: number; budget: number; spent: number; funding: ProgrammeItem['funding']; need_ids: string;
  notes: string; status: ProgrammeItem['status']; created_at: string; updated_at: string; updated_by: string | null; origin: string;
}

const toItem = (r: ItemRow): ProgrammeItem => ({
  id: r.id, year: r.year, title: r.title, competencyType: r.competency_type, methodId: r.method_id,
  methodName: methodById(r.method_id)?.name ?? String(r.method_id), organiser: r.organiser, plannedMonth: r.planned_month,
  targetCount: r.target_count, targetUnitIds: JSON.parse(r.target_unit_ids) as string[],
  targetEmployeeIds: JSON.parse(r.target_employee_ids) as string[], plannedJp: r.planned_jp, budget: r.budget, spent: r.spent,
  funding: r.funding, needIds: JSON.parse(r.need_ids) as string[], notes: r.notes, status: r.status,
  createdAt: r.created_at, updatedAt: r.updated_at, updatedBy: r.updated_by, origin: r.origin,
});

export function listItems(db: Db, year: number): ProgrammeItem[] {
  return (sql(db, 'SELECT * FROM programme_items WHERE year = ? AND deleted_at IS NULL ORDER BY planned_month, title').all(year) as ItemRow[]).map(toItem);
}

export function getItem(db: Db, id: string): ProgrammeItem | null {
  const row = sql(db, 'SELECT * FROM programme_items WHERE id = ? AND deleted_at IS NULL').get(id) as ItemRow | undefined;
  return row ? toItem(row) : null;
}

/** A tombstone: the row stays for the journal and the audit log, out of every list. */
export function removeItem(db: Db, id: string, at: string, by: string | null): void {
  sql(db, 'UPDATE programme_items SET deleted_at = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(at, at, by, id);
}

export function saveItem(db: Db, i: Omit<ProgrammeItem, 'methodName'>, insert: boolean): void {
  const params = [i.year, i.title, i.competencyType, i.methodId, i.organiser, i.plannedMonth, i.targetCount,
    JSON.stringify(i.targetUnitIds), JSON.stringify(i.targetEmployeeIds), i.plannedJp, i.budget, i.spent, i.funding,
    JSON.stringify(i.needIds), i.notes, i.status, i.updatedAt, i.updatedBy];
  if (insert) {
    sql(db, `INSERT INTO programme_items (year, title, competency_type, method_id, organiser, planned_month, target_count,
      target_unit_ids, target_employee_ids, planned_jp, budget, spent, funding, need_ids, notes, status, updated_at, updated_by,
      id, created_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...params, i.id, i.createdAt, i.origin);
  } else {
    sql(db, `UPDATE programme_items SET year = ?, title = ?, competency_type = ?, method_id = ?, organiser = ?, planned_month = ?,
      target_count = ?, target_unit_ids = ?, target_employee_ids = ?, planned_jp = ?, budget = ?, spent = ?, funding = ?, need_ids = ?,
      notes = ?, status = ?, updated_at = ?, updated_by = ? WHERE id = ?`).run(...params, i.id);
  }
}
