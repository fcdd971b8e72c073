import { z } from 'zod';
import { method } from './define.ts';
import { birthDate, enteredDate, id, instant, isoDate, nip, optionalEmail, optionalText, syncFields, text } from './common.ts';

export const EMPLOYEE_STATUSES = ['aktif', 'pindah', 'pensiun', 'meninggal', 'cltn'] as const;
export const employeeStatus = z.enum(EMPLOYEE_STATUSES);
export type EmployeeStatus = z.infer<typeof employeeStatus>;
export const employmentType = z.enum(['pns', 'pppk']);
export const gender = z.enum(['L', 'P']);

/** What a clerk types or imports for one person; the backend derives the rest. */
export const employeeFields = z.object({
  nip,
  employmentType: employmentType.optional(),
  frontTitle: optionalText(40),
  name: text(120),
  backTitle: optionalText(60),
  gender: gender.nullable().default(null),
  birthPlace: optionalText(80),
  birthDate: birthDate.nullable().default(null),
  /** Any common spelling ("III/a", "3a", "Penata Muda (III/a)"); stored as the SIASN code. */
  golongan: z.string().trim().max(60).nullable().default(null),
  jabatan: optionalText(160),
  unitId: id.nullable().default(null),
  phone: optionalText(40),
  email: optionalEmail.default(''),
  notes: optionalText(1000),
});
export type EmployeeFields = z.input<typeof employeeFields>;

export const employee = z.object({
  ...syncFields,
  nip: z.string(),
  employmentType,
  frontTitle: z.string(),
  name: z.string(),
  backTitle: z.string(),
  displayName: z.string(),
  gender: gender.nullable(),
  birthPlace: z.string(),
  birthDate: isoDate.nullable(),
  golongan: z.string().nullable(),
  golonganLabel: z.string().nullable(),
  pangkat: z.string().nullable(),
  jabatan: z.string(),
  unitId: z.string().nullable(),
  unit: z.string().nullable(),
  status: employeeStatus,
  statusDate: isoDate.nullable(),
  phone: z.string(),
  email: z.string(),
  notes: z.string(),
  deletedAt: instant.nullable(),
});
export type Employee = z.infer<typeof employee>;

/** Advice about a record that is not an error: NIP disagreeing with entered birth date or gender. */
export const recordWarning = z.object({ field: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

export const employeeFilter = z.object({
  search: z.string().trim().max(100).default(''),
  unitId: id.optional(),
  status: employeeStatus.optional(),
  golongan: z.string().optional(),
  employmentType: employmentType.optional(),
  sort: z.enum(['name', 'nip', 'golongan', 'unit', 'jabatan', 'status']).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
});
export type EmployeeFilter = z.input<typeof employeeFilter>;

export const employeeMethods = {
  'employees.list': method({
    access: 'user',
    // A page of the list (the screen fetches pages as it scrolls) and the number of matches.
    input: employeeFilter.extend({ limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) }),
    output: z.object({ total: z.number().int(), items: z.array(employee) }),
  }),
  'employees.get': method({
    access: 'user',
    input: z.object({ id }),
    output: z.object({ employee, warnings: z.array(recordWarning) }),
  }),
  'employees.create': method({
    access: 'user',
    input: employeeFields,
    output: z.object({ employee, warnings: z.array(recordWarning) }),
  }),
  'employees.update': method({
    access: 'user',
    input: employeeFields.extend({ id }),
    output: z.object({ employee, warnings: z.array(recordWarning) }),
  }),
  /** Status changes instead of deletion: people with training records are never removed. */
  'employees.setStatus': method({
    access: 'user',
    input: z.object({ id, status: employeeStatus, statusDate: enteredDate.nullable().default(null) }),
    output: employee,
  }),
  /** A mistaken entry can be removed (kept as a tombstone); refused once the person has records. */
  'employees.remove': method({ access: 'user', input: z.object({ id }), output: employee }),
  /** Brings a removed person back, instead of creating a second row for the same NIP. */
  'employees.restore': method({ access: 'user', input: z.object({ id }), output: employee }),
  'employees.history': method({
    access: 'user',
    input: z.object({ id }),
    output: z.array(z.object({
      seq: z.number().int(), at: instant, username: z.string(), action: z.string(),
      details: z.record(z.string(), z.unknown()).nullable(),
    })),
  }),
};
