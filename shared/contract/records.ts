import { z } from 'zod';
import { method } from './define.ts';
import { enteredDate, exportedFile, id, isoDate, optionalText, syncFields, text } from './common.ts';
import { competencyType, methodId, year } from './programme.ts';
import { importFileData, importIssue } from './roster.ts';

// Training records from outside the office's own events (e-learning, BKPSDM/BPSDM trainings,
// seminars elsewhere, self-development): they count toward the 20 JP like the office's events.

export const SCAN_MAX_BYTES = 5 * 1024 * 1024;
export const SCAN_MAX_MB = SCAN_MAX_BYTES / (1024 * 1024);
export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** A scanned certificate as the clerk picked it; the backend checks bytes, kind and size itself. */
export const scanUpload = z.object({
  fileName: z.string().min(1).max(260),
  dataBase64: z.string().min(1, 'import.empty')
    .refine((data) => data.length <= Math.ceil(SCAN_MAX_BYTES / 3) * 4, { message: 'records.scan_too_large', params: { maxMb: SCAN_MAX_MB } }),
});

const recordBase = z.object({
  employeeId: id,
  title: text(300),
  organiser: optionalText(200),
  methodId,
  competencyType,
  startDate: enteredDate,
  endDate: enteredDate,
  international: z.boolean().default(false),
  /** Hours of learning, for the rules that count time (1 JP = 45 minutes, capped per day for e-learning). */
  hours: z.number().min(0).max(10000).nullable().default(null),
  /** Sessions, for coaching and mentoring (2 JP a session, at most 2 a month). */
  sessions: z.number().int().min(0).max(1000).nullable().default(null),
  /** JP as the certificate says; null takes the method's rule. Differing from the rule needs a reason. */
  jp: z.number().min(0).max(1000).nullable().default(null),
  jpReason: optionalText(300),
  certificateNumber: optionalText(100),
  certificateDate: enteredDate.nullable().default(null),
  place: optionalText(200),
  notes: optionalText(1000),
});
const inOrder = (r: { startDate: string; endDate: string }) => r.endDate >= r.startDate;
const endBeforeStart = { message: 'validation.end_before_start', path: ['endDate'] };
export const recordFields = recordBase.refine(inOrder, endBeforeStart);
export type RecordFields = z.input<typeof recordFields>;

export const recordScan = z.object({ sha256: z.string(), fileName: z.string(), mimeType: z.enum(SCAN_TYPES), size: z.number().int() });

export const trainingRecord = z.object({
  ...syncFields,
  employeeId: z.string(),
  nip: z.string(),
  name: z.string(),
  unitId: z.string().nullable(),
  unit: z.string().nullable(),
  title: z.string(),
  organiser: z.string(),
  methodId: z.number().int(),
  methodName: z.string(),
  competencyType,
  startDate: isoDate,
  endDate: isoDate,
  international: z.boolean(),
  hours: z.number().nullable(),
  sessions: z.number().int().nullable(),
  /** What the method's rule gives (null when the rule needs hours or sessions not given). */
  computedJp: z.number().nullable(),
  jp: z.number(),
  jpReason: z.string(),
  certificateNumber: z.string(),
  certificateDate: isoDate.nullable(),
  place: z.string(),
  notes: z.string(),
  scan: recordScan.nullable(),
  source: z.enum(['manual', 'import']),
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
});
export type TrainingRecord = z.infer<typeof trainingRecord>;

/** The columns a records file may have; `nip`, `title`, `startDate` are needed. */
export const RECORD_IMPORT_FIELDS = [
  'nip', 'name', 'title', 'organiser', 'method', 'competencyType', 'startDate', 'endDate', 'hours', 'sessions', 'jp',
  'jpReason', 'certificateNumber', 'certificateDate', 'place', 'notes',
] as const;
export const recordImportField = z.enum(RECORD_IMPORT_FIELDS);
export type RecordImportField = z.infer<typeof recordImportField>;

export const recordImportInput = z.object({
  fileName: z.string().min(1).max(260),
  dataBase64: importFileData,
  sheet: z.string().optional(),
  /** Column index (0-based) → field, or null to ignore it; otherwise headers are matched. */
  mapping: z.record(z.string(), recordImportField.nullable()).optional(),
  /** Method for rows whose file gives none (a platform's export is all e-learning: 16). */
  defaultMethodId: methodId.optional(),
  defaultCompetencyType: competencyType.optional(),
  defaultOrganiser: optionalText(200).optional(),
});
export type RecordImportInput = z.input<typeof recordImportInput>;

export const recordImportRow = z.object({
  row: z.number().int(),
  kind: z.enum(['new', 'duplicate', 'error']),
  nip: z.string(),
  name: z.string(),
  title: z.string(),
  startDate: z.string(),
  jp: z.number().nullable(),
  /** The record (or earlier row of the file, as "row N") this one repeats. */
  duplicateOf: z.string().nullable(),
  errors: z.array(importIssue),
  warnings: z.array(importIssue),
});

/** The same shape as the roster's import summary; `unchanged` counts the duplicates left out. */
export const recordImportSummary = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  duplicates: z.number().int(),
  errors: z.array(importIssue),
  warnings: z.array(importIssue),
});
export type RecordImportSummary = z.infer<typeof recordImportSummary>;

export const recordImportPreview = recordImportSummary.extend({
  format: z.enum(['csv', 'xlsx']),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headerRowNumber: z.number().int(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), recordImportField.nullable()),
  items: z.array(recordImportRow),
});
export type RecordImportPreview = z.infer<typeof recordImportPreview>;

export const recordFilter = z.object({
  year: year.optional(),
  employeeId: id.optional(),
  unitId: id.optional(),
  verified: z.enum(['all', 'verified', 'unverified']).default('all'),
  search: z.string().max(200).optional(),
});

export const recordMethods = {
  'records.list': method({ access: 'user', input: recordFilter, output: z.array(trainingRecord) }),
  'records.get': method({ access: 'user', input: z.object({ id }), output: trainingRecord }),
  /** Refuses the same training twice (same person, title and dates, or certificate number) with CONFLICT naming it. */
  'records.create': method({ access: 'user', input: recordBase.extend({ scan: scanUpload.optional() }).refine(inOrder, endBeforeStart), output: trainingRecord }),
  'records.update': method({ access: 'user', input: recordBase.extend({ id }).refine(inOrder, endBeforeStart), output: trainingRecord }),
  /** Soft delete, journalled and audited. */
  'records.remove': method({ access: 'user', input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),
  /** An admin marks a record checked against its certificate (or takes the mark back). */
  'records.verify': method({ access: 'admin', input: z.object({ id, verified: z.boolean() }), output: trainingRecord }),
  'records.attachScan': method({ access: 'user', input: scanUpload.extend({ id }), output: trainingRecord }),
  'records.removeScan': method({ access: 'user', input: z.object({ id }), output: trainingRecord }),
  /** The scan's bytes, to download (never opened by the app). */
  'records.scan': method({ access: 'user', input: z.object({ id }), output: exportedFile }),
  /** Reads and checks a file; writes nothing. */
  'records.preview': method({ access: 'user', input: recordImportInput, output: recordImportPreview }),
  /** Writes the valid, new rows in one transaction; duplicates and error rows are listed. */
  'records.apply': method({ access: 'user', input: recordImportInput, output: recordImportSummary }),
};
