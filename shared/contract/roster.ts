import { z } from 'zod';
import { method } from './define.ts';
import { empty, exportedFile, id, keyedMessage, syncFields } from './common.ts';
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

/**
 * What a unit value of the file means, chosen by a person (the wizard's unit step, the CLI's
 * --unit-map): an existing unit by id, or by name or code as a person writes it, or (admins)
 * a new unit named as the file writes it.
 */
export const unitChoice = z.union([
  z.object({ unitId: id }).strict(),
  z.object({ unit: z.string().trim().min(1, 'validation.required').max(120, 'validation.too_long') }).strict(),
  z.object({ create: z.literal(true) }).strict(),
]);
export type UnitChoice = z.infer<typeof unitChoice>;

export const importInput = file.extend({
  sheet: z.string().optional(),
  /** Column index (0-based, as in `headers`) → field, or null to ignore the column. */
  mapping: z.record(z.string(), rosterField.nullable()).optional(),
  /**
   * Corrections to that mapping (or, without it, to the remembered or automatic one), as a
   * mapping file gives them (the CLI's --mapping): header text (any case, spacing, punctuation)
   * or column number (0-based) → field, or null. Columns it does not name keep their field; a
   * field it gives a column is taken from the column that had it. The backend merges them.
   */
  mappingOverrides: z.record(z.string(), z.enum(ROSTER_FIELDS, {
    error: (issue) => keyedMessage('import.mapping_field_unknown', { field: String(issue.input), choices: ROSTER_FIELDS.join(', ') }),
  }).nullable()).optional(),
  /** Create units named in the file that don't exist yet (otherwise those rows are errors). */
  createUnits: z.boolean().default(false),
  /**
   * Unit value as the file writes it → what it means. Matched to the file's values ignoring case,
   * spaces and punctuation (then the words offices add, as units are); entries for values the
   * file does not name are ignored. Applied choices of existing units are remembered (aliases).
   */
  unitMap: z.record(z.string().min(1).max(200), unitChoice).optional(),
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

const unitRef = z.object({ id: z.string(), name: z.string() });

/**
 * A unit value of the file that is not simply a unit's name, and the unit it was taken for:
 * by the unit's code, by its folded name ("Kel. Bagus Kuning" → Baguskuning), by a choice
 * remembered from an earlier import (alias), chosen in this import, or a new unit (unitId null
 * until it is created).
 */
export const unitMatch = z.object({
  value: z.string(),
  rows: z.number().int(),
  how: z.enum(['code', 'folded', 'alias', 'chosen', 'new']),
  unitId: z.string().nullable(),
  unit: z.string(),
});
export type UnitMatch = z.infer<typeof unitMatch>;

/** A unit value no unit was found for (its rows are errors): who might be meant. */
export const unknownUnit = z.object({
  value: z.string(),
  rows: z.number().int(),
  /** Units that fit equally well (the value is ambiguous); empty when none fits. */
  candidates: z.array(unitRef),
  /** The closest active units by folded-name similarity, best first. */
  suggestions: z.array(unitRef),
});
export type UnknownUnit = z.infer<typeof unknownUnit>;

/** How the file's unit values were understood: in the preview, the summary and the CLI's --json. */
export const unitReport = { unitMatches: z.array(unitMatch), unknownUnits: z.array(unknownUnit) };

/** A remembered unit value (Pengaturan → Unit kerja): the file's spelling and its unit. */
export const unitAlias = z.object({
  ...syncFields,
  value: z.string(),
  unitId: z.string(),
  unit: z.string(),
});
export type UnitAlias = z.infer<typeof unitAlias>;

export const importPreview = importSummary.extend({
  ...unitReport,
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
  'roster.apply': method({ access: 'user', input: importInput, output: importSummary.extend({ ...unitReport, createdUnits: z.array(z.string()) }) }),
  /** The error rows with their messages, for the clerk to fix and import again. */
  'roster.errorFile': method({ access: 'user', input: importInput.extend({ format: exportFormat }), output: exportedFile }),
  'roster.export': method({ access: 'user', input: employeeFilter.extend({ format: exportFormat }), output: exportedFile }),
  /** The unit values remembered from imports, by their spelling. */
  'units.aliases': method({ access: 'user', input: empty, output: z.array(unitAlias) }),
  /** Forgets one (a tombstone, journalled and audited): the next file with it asks again. */
  'units.removeAlias': method({ access: 'admin', input: z.object({ id }), output: unitAlias }),
};
