import { z } from 'zod';
import { method } from './define.ts';
import { empty, exportedFile, instant } from './common.ts';
import { batchCounts } from './batches.ts';
import { BATCH_IMPORT_STATUSES } from '../domain/batch-statuses.ts';

/**
 * The city office (BKPSDM kota/kabupaten) receiving the kecamatan's batches
 * (docs/batch-format.md). A kecamatan's key is trusted by importing its trust file
 * (`trust.import`); a batch signed by any other key is `unknown_office`.
 */
export { ACCEPTED_STATUSES, BATCH_IMPORT_STATUSES, type BatchImportStatus } from '../domain/batch-statuses.ts';
export const batchImportStatus = z.enum(BATCH_IMPORT_STATUSES);

export const batchImportResult = z.object({
  fileName: z.string(),
  /** The sending office as its manifest names it; null when the file could not be read that far. */
  office: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  seq: z.number().int().nullable(),
  sha256: z.string().nullable(),
  status: batchImportStatus,
  /** Nothing was written: the counts say what the import would do. */
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Rows the city already had at that version or a newer one. */
  unchanged: z.number().int(),
  /** Tombstones that removed the city's copy. */
  removed: z.number().int(),
  rejected: z.array(z.object({ entity: z.string(), id: z.string(), reason: z.string() })),
  /** Message key (`batches.read.*`, `batches.import.*`) and its parameters. */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** For `unknown_office`: the signing key's id and the start of its fingerprint, to compare with the kecamatan's. */
  kid: z.string().nullable(),
  fingerprint: z.string().nullable(),
  counts: batchCounts.nullable(),
});
export type BatchImportResult = z.infer<typeof batchImportResult>;

export const cityKecamatan = z.object({
  regionCode: z.string(),
  name: z.string(),
  /** Fingerprints of the keys trusted for it (from its trust file). */
  fingerprints: z.array(z.string()),
  lastSeq: z.number().int().nullable(),
  lastImportAt: instant.nullable(),
  /** Batches held after a gap, waiting for the missing one. */
  held: z.array(z.number().int()),
});
export type CityKecamatan = z.infer<typeof cityKecamatan>;

export const cityMethods = {
  /**
   * City offices only. Checks a batch file (signature, hashes, the office's chain) and imports its
   * rows in one transaction, or with `dryRun` says what it would do. Re-importing changes nothing.
   * A batch after a gap is held unless `acceptOutOfOrder`.
   */
  'batch.import': method({
    access: 'user',
    input: z.object({
      fileName: z.string().max(260),
      dataBase64: z.string().max(280 * 1024 * 1024, 'validation.file_too_large'),
      dryRun: z.boolean().default(false),
      acceptOutOfOrder: z.boolean().default(false),
    }).strict(),
    output: batchImportResult,
  }),
  /**
   * City offices only: the signed receipt (`.bkreceipt`) of a kecamatan's batch the city imported,
   * the same bytes however often the batch was sent. With `sha256`, only for that exact batch file.
   */
  'batch.receipt': method({
    access: 'user',
    input: z.object({
      officeCode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/),
      seq: z.number().int().min(1),
      sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    }).strict(),
    output: exportedFile,
  }),
  /** City offices only: the kecamatan of the city (region data), their keys and their last batch. */
  'offices.list': method({ access: 'user', input: empty, output: z.array(cityKecamatan) }),
};
