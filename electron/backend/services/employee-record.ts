import { employeeFields, type Employee, type EmployeeStatus } from '../../../shared/contract/employees.ts';
import { parseNip, compareNipWith, type NipKind, type NipParseResult } from '../../../shared/domain/nip.ts';
import { golonganByCode, normalizeGolongan } from '../../../shared/domain/golongan.ts';
import { displayName } from '../../../shared/domain/person-name.ts';
import type { EmployeeRecord, EmployeeRow } from '../db/repos/employees.ts';

// A roster repeats a handful of golongan spellings thousands of times: read each spelling once.
const golonganCache = new Map<string, ReturnType<typeof normalizeGolongan>>();
function golonganOf(raw: string, kind: NipKind): ReturnType<typeof normalizeGolongan> {
  const key = `${kind}|${raw}`;
  let result = golonganCache.get(key);
  if (!result) {
    result = normalizeGolongan(raw, kind);
    if (golonganCache.size > 1000) golonganCache.clear();
    golonganCache.set(key, result);
  }
  return result;
}

/** One problem with one field of a person, as message key and parameters. */
export interface RecordIssue {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/** What the form and the importer both hand over, already in the right types. */
export type EmployeeDraft = Omit<EmployeeContent, 'employmentType' | 'status' | 'statusDate'> & {
  employmentType?: NipKind | null;
  status?: EmployeeStatus;
  statusDate?: string | null;
};

export type EmployeeContent = Omit<EmployeeRecord, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'origin' | 'deletedAt'>;

// The form's length limits, read from its schema: an imported person must be one the form can save.
const TEXT_LIMITS = (['frontTitle', 'name', 'backTitle', 'birthPlace', 'jabatan', 'phone', 'notes'] as const).map((field) => {
  const schema = employeeFields.shape[field];
  const text = 'unwrap' in schema ? schema.unwrap() : schema;
  return { field, max: text.maxLength ?? Infinity };
});

/**
 * The one place the rules for a person's record live: NIP kind and embedded facts, golongan
 * spelling, unit. Errors block the write; warnings are advice (NIP disagreeing with a birth date).
 */
export function checkDraft(draft: EmployeeDraft, units: ReadonlySet<string>, parsed: NipParseResult = parseNip(draft.nip)): { content: EmployeeContent | null; errors: RecordIssue[]; warnings: RecordIssue[] } {
  const errors: RecordIssue[] = [];
  const warnings: RecordIssue[] = [];
  if (!parsed.ok) {
    for (const e of parsed.errors) errors.push({ field: 'nip', code: e.code, params: e.params });
    return { content: null, errors, warnings };
  }
  const kind = parsed.nip.kind;
  for (const w of parsed.warnings) warnings.push({ field: 'nip', code: w.code, params: w.params });
  if (draft.employmentType && draft.employmentType !== kind) {
    errors.push({ field: 'employmentType', code: 'employee.type_mismatch', params: { fromNip: kind.toUpperCase() } });
  }
  for (const w of compareNipWith(parsed.nip, { birthDate: draft.birthDate, gender: draft.gender })) {
    warnings.push({ field: w.code === 'nip.gender_mismatch' ? 'gender' : 'birthDate', code: w.code, params: w.params });
  }
  for (const { field, max } of TEXT_LIMITS) {
    const length = draft[field].trim().length;
    if (length > max) errors.push({ field, code: 'validation.too_long', params: { maximum: max, length } });
  }
  let golongan: string | null = null;
  if (draft.golongan) {
    const g = golonganOf(draft.golongan, kind);
    if (g.ok) golongan = g.code;
    else errors.push({ field: 'golongan', code: g.error, params: { value: draft.golongan } });
  }
  if (draft.unitId && !units.has(draft.unitId)) errors.push({ field: 'unitId', code: 'employee.unit_unknown' });
  if (errors.length) return { content: null, errors, warnings };
  return {
    errors,
    warnings,
    content: {
      nip: parsed.nip.digits,
      employmentType: kind,
      frontTitle: draft.frontTitle,
      name: draft.name,
      backTitle: draft.backTitle,
      // Blank gender and birth date are taken from the NIP, which carries both.
      gender: draft.gender ?? parsed.nip.gender,
      birthPlace: draft.birthPlace,
      birthDate: draft.birthDate ?? parsed.nip.birthDate,
      golongan,
      jabatan: draft.jabatan,
      unitId: draft.unitId,
      status: draft.status ?? 'aktif',
      statusDate: draft.statusDate ?? null,
      phone: draft.phone,
      email: draft.email,
      notes: draft.notes,
    },
  };
}

export function toEmployee(row: EmployeeRow): Employee {
  const g = row.golongan ? golonganByCode(row.golongan) : undefined;
  const { unitName, ...record } = row;
  return {
    ...record,
    displayName: displayName({ front: row.frontTitle, name: row.name, back: row.backTitle }),
    golonganLabel: g?.label ?? null,
    pangkat: g?.pangkat ?? null,
    unit: unitName,
  };
}

/** Fields whose change is worth showing in a preview or the history (not the sync stamps). */
export const CONTENT_FIELDS: (keyof EmployeeContent)[] = [
  'nip', 'employmentType', 'frontTitle', 'name', 'backTitle', 'gender', 'birthPlace', 'birthDate', 'golongan',
  'jabatan', 'unitId', 'status', 'statusDate', 'phone', 'email', 'notes',
];

export function contentChanges(before: EmployeeContent, after: EmployeeContent): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const f of CONTENT_FIELDS) if ((before[f] ?? null) !== (after[f] ?? null)) changes[f] = [before[f] ?? null, after[f] ?? null];
  return changes;
}
