import { ApiError, type FieldIssue } from '../../../shared/contract/errors.ts';
import { searchKey, searchTerms } from '../../../shared/domain/search.ts';
import { listAudit } from '../db/repos/audit.ts';
import { recordChange } from '../db/repos/changes.ts';
import * as repo from '../db/repos/employees.ts';
import { listUnits } from '../db/repos/units.ts';
import { newId } from '../db/ids.ts';
import type { Db } from '../db/open.ts';
import type { WriteMeta } from './context.ts';
import type { Handlers } from './handlers.ts';
import { meta } from './office.ts';
import { checkDraft, contentChanges, toEmployee, type EmployeeContent, type EmployeeDraft, type RecordIssue } from './employee-record.ts';
import { writeTransaction } from '../db/transaction.ts';

export function unitIdSet(db: Db): Set<string> {
  return new Set(listUnits(db, true).map((u) => u.id));
}

function toFieldIssues(issues: RecordIssue[]): FieldIssue[] {
  return issues.map((i) => ({ path: [i.field], message: i.code, ...(i.params ? { params: i.params } : {}) }));
}

function required(db: Db, id: string): repo.EmployeeRow {
  const row = repo.getEmployee(db, id);
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', 'Pegawai tidak ditemukan.');
  return row;
}

/** A NIP belongs to one person, removed ones included. */
function nipTaken(db: Db, nip: string, exceptId?: string): void {
  const other = repo.findEmployeeByNip(db, nip);
  if (!other || other.id === exceptId) return;
  if (other.deletedAt) throw ApiError.field(['nip'], 'employee.nip_removed', { name: other.name, id: other.id });
  throw ApiError.field(['nip'], 'employee.nip_exists', { name: other.name });
}

/**
 * `source` names where an imported person came from ("pegawai.csv, baris 12"): the audit row
 * then says that instead of repeating every value, which the record itself holds.
 */
export function insertEmployee(db: Db, m: WriteMeta, content: EmployeeContent, source?: string): repo.EmployeeRecord {
  const record: repo.EmployeeRecord = { id: newId(), ...content, createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin, deletedAt: null };
  repo.insertEmployee(db, record, searchKey(record.name, record.nip));
  recordChange(db, m, source
    ? { entity: 'employee', entityId: record.id, op: 'insert', details: { importedFrom: [null, source] } }
    : { entity: 'employee', entityId: record.id, op: 'insert', after: content });
  return record;
}

export function updateEmployeeRecord(
  db: Db, m: WriteMeta, before: repo.EmployeeRecord, content: Partial<EmployeeContent> & { deletedAt?: string | null },
  op: 'update' | 'delete' | 'restore' = 'update',
): repo.EmployeeRecord {
  // A row read with its unit's name: the name is not part of the record, and copying it into
  // `after` would show the old unit's name as changed in the history.
  const { unitName: _u, ...plainBefore } = before as repo.EmployeeRow;
  const after: repo.EmployeeRecord = { ...plainBefore, ...content, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
  repo.updateEmployee(db, after, searchKey(after.name, after.nip));
  recordChange(db, m, { entity: 'employee', entityId: before.id, op, before: plainBefore, after });
  return after;
}

function checked(db: Db, draft: EmployeeDraft): { content: EmployeeContent; warnings: RecordIssue[] } {
  const { content, errors, warnings } = checkDraft(draft, unitIdSet(db));
  if (!content) throw new ApiError('VALIDATION', errors[0]?.code ?? 'validation.invalid', { issues: toFieldIssues(errors) });
  return { content, warnings };
}

const withWarnings = (db: Db, id: string, warnings: RecordIssue[]) => ({ employee: toEmployee(repo.getEmployee(db, id)!), warnings });

export const employeeHandlers = {
  'employees.list': (input, ctx) => {
    const { total, items } = repo.listEmployees(ctx.db, { ...input, terms: searchTerms(input.search) });
    return { total, items: items.map(toEmployee) };
  },

  'employees.get': ({ id }, ctx) => {
    const row = required(ctx.db, id);
    return { employee: toEmployee(row), warnings: checkDraft({ ...row }, unitIdSet(ctx.db)).warnings };
  },

  'employees.create': (input, ctx) => writeTransaction(ctx.db, () => {
    const { content, warnings } = checked(ctx.db, input);
    nipTaken(ctx.db, content.nip);
    const record = insertEmployee(ctx.db, meta(ctx), content);
    return withWarnings(ctx.db, record.id, warnings);
  }),

  'employees.update': ({ id, ...input }, ctx) => writeTransaction(ctx.db, () => {
    const before = required(ctx.db, id);
    // The status has its own method; an edit keeps it.
    const { content, warnings } = checked(ctx.db, { ...input, status: before.status, statusDate: before.statusDate });
    nipTaken(ctx.db, content.nip, id);
    // Saving the form unchanged is not a change: no journal row, no history entry (as setStatus).
    if (Object.keys(contentChanges(before, content)).length > 0) updateEmployeeRecord(ctx.db, meta(ctx), before, content);
    return withWarnings(ctx.db, id, warnings);
  }),

  'employees.setStatus': ({ id, status, statusDate }, ctx) => writeTransaction(ctx.db, () => {
    const before = required(ctx.db, id);
    if (before.status === status && before.statusDate === statusDate) return toEmployee(before);
    updateEmployeeRecord(ctx.db, meta(ctx), before, { status, statusDate });
    return toEmployee(repo.getEmployee(ctx.db, id)!);
  }),

  'employees.remove': ({ id }, ctx) => writeTransaction(ctx.db, () => {
    const before = required(ctx.db, id);
    if (repo.hasTrainingRecords(ctx.db, id)) throw ApiError.field(['id'], 'employee.has_records', { name: before.name });
    const m = meta(ctx);
    updateEmployeeRecord(ctx.db, m, before, { deletedAt: m.at }, 'delete');
    return toEmployee(repo.getEmployee(ctx.db, id)!);
  }),

  'employees.restore': ({ id }, ctx) => writeTransaction(ctx.db, () => {
    const before = repo.getEmployee(ctx.db, id);
    if (!before) throw new ApiError('NOT_FOUND', 'Pegawai tidak ditemukan.');
    if (before.deletedAt) updateEmployeeRecord(ctx.db, meta(ctx), before, { deletedAt: null }, 'restore');
    return toEmployee(repo.getEmployee(ctx.db, id)!);
  }),

  'employees.history': ({ id }, ctx) => {
    required(ctx.db, id);
    return listAudit(ctx.db, { limit: 500, entity: 'employee', entityId: id })
      .map(({ seq, at, username, action, details }) => ({ seq, at, username, action, details }));
  },
} satisfies Partial<Handlers>;

