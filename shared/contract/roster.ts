import { z } from 'zod';
import { method } from './define.ts';
import { exportedFile } from './common.ts';
import { employeeFilter } from './employees.ts';
import { ROSTER_FIELDS } from '../domain/roster-columns.ts';

export const rosterField = z.enum(ROSTER_FIELDS);
export type { RosterField } from '../domain/roster-columns.ts';

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_MB = IMPORT_MAX_BYTES / (1024 * 1024);
/** The base64 text of a file of IMPORT_MAX_BYTES (the HTTP door sizes its body limit by it). */
export const IMPORT_BASE64_MAX_LENGTH = Math.ceil(IMPORT_MAX_BYTES / 3) * 4;

/**
 * A spreadsheet as base64. The limit is told in MB of the file, never in base64 characters;
 * the backend checks the decoded bytes exactly (import.too_large on `file`).
 */
export const importFileData = z.string().min(1, 'import.empty')
  .refine((data) => data.length <= IMPORT_BASE64_MAX_LENGTH, { message: 'import.too_large', params: { maxMb: IMPORT_MAX_MB } });

const file = z.object({
  fileName: z.string().min(1).max(260),
  dataBase64: importFileData,
});

export const importInput = file.extend({
  sheet: z.string().optional(),
  /** Column index (0-based, as in `headers`) → field, or null to ignore the column. */
  mapping: z.record(z.string(), rosterField.nullable()).optional(),
  /** Create units named in the file that don't exist yet (otherwise those rows are errors). */
  createUnits: z.boolean().default(false),
});
export type ImportInput = z.input<typeof importInput>;

export const importIssue = z.object({
  row: z.number().int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const importRow = z.object({
  row: z.number().int(),
  kind: z.enum(['new', 'update', 'unchanged', 'error']),
  nip: z.string(),
  name: z.string(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  errors: z.array(importIssue),
  warnings: z.array(importIssue),
});
export type ImportRow = z.infer<typeof importRow>;

export const importSummary = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importIssue),
  warnings: z.array(importIssue),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const importPreview = importSummary.extend({
  format: z.enum(['csv', 'xlsx']),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headerRowNumber: z.number().int(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), rosterField.nullable()),
  missingUnits: z.array(z.string()),
  items: z.array(importRow),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const exportFormat = z.enum(['xlsx', 'csv']);

export const rosterMethods = {
  /** Reads, maps and checks the file against the roster; writes nothing. */
  'roster.preview': method({ access: 'user', input: importInput, output: importPreview }),
  /** Writes the valid rows in one transaction; error rows are left out and listed. */
  'roster.apply': method({ access: 'user', input: importInput, output: importSummary.extend({ createdUnits: z.array(z.string()) }) }),
  /** The error rows with their messages, for the clerk to fix and import again. */
  'roster.errorFile': method({ access: 'user', input: importInput.extend({ format: exportFormat }), output: exportedFile }),
  'roster.export': method({ access: 'user', input: employeeFilter.extend({ format: exportFormat }), output: exportedFile }),
};
