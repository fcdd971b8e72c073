import { z } from 'zod';
import { method } from './define.ts';
import { empty, exportedFile, instant, nip } from './common.ts';
import { batchCounts } from './batches.ts';
import { BATCH_IMPORT_STATUSES } from '../domain/batch-statuses.ts';

/**
 * The city office (BKPSDM kota/kabupaten) receiving the kecamatan's batches
 * (docs/batch-format.md). A kecamatan's key is trusted by importing its trust file
 * (`trust.import`) or by a person confirming its fingerprint (`offices.confirmKey`); a batch
 * signed by any other key is `unknown_office`.
 */
export { ACCEPTED_STATUSES, BATCH_IMPORT_STATUSES, type BatchImportStatus } from '../domain/batch-statuses.ts';
export const batchImportStatus = z.enum(BATCH_IMPORT_STATUSES);

export const entityOutcome = z.object({
  created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), removed: z.number().int(), rejected: z.number().int(),
});
export type EntityOutcome = z.infer<typeof entityOutcome>;

export const releasedBatch = z.object({
  seq: z.number().int(),
  sha256: z.string(),
  status: batchImportStatus,
  created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), removed: z.number().int(),
  rejected: z.number().int(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

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
  /**
   * For `unknown_office`: the signing key's id and its fingerprint, to compare with the kecamatan's:
   * whole when the batch carries its key (the key then waits for `offices.confirmKey`), else its first four groups.
   */
  kid: z.string().nullable(),
  fingerprint: z.string().nullable(),
  counts: batchCounts.nullable(),
  /** The same figures per entity file (`employees`, `attendance_marks`, …; tombstones under the entity they remove), for the dry run's table. */
  entities: z.record(z.string(), entityOutcome),
  /**
   * Held batches of the same office that this one made importable (it was the missing one): each
   * imported in turn, in its own transaction, right after it.
   */
  released: z.array(releasedBatch),
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
  /** The numbers missing before the held ones, as people say them ("6", "6–7"); null when none. */
  missing: z.string().nullable(),
  /** A key that signed a batch from this kecamatan and waits for a person to compare its fingerprint (trust on first use). */
  pendingKey: z.object({ kid: z.string(), fingerprint: z.string(), officeName: z.string(), firstSeenAt: instant, files: z.number().int() }).nullable(),
  /** An upload token was issued to it. */
  uploadToken: z.boolean(),
});
export type CityKecamatan = z.infer<typeof cityKecamatan>;

const regionCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'validation.region_code');
const year = z.number().int().min(2000).max(2100);

/** One person across the city's kecamatan: the same NIP from two offices (a transfer) is one person. */
export const cityAssignment = z.object({
  officeCode: z.string(), officeName: z.string(), unit: z.string().nullable(), jabatan: z.string().nullable(),
  golongan: z.string().nullable(), status: z.string().nullable(),
  /** When the kecamatan last changed the employee row; the newest assignment is the current one. */
  updatedAt: z.string().nullable(),
  /** The kecamatan removed the row (a tombstone). */
  removed: z.boolean(),
});
export type CityAssignment = z.infer<typeof cityAssignment>;

export const cityLedgerPerson = z.object({
  nip: z.string(), name: z.string(),
  /** The current assignment: the newest. */
  officeCode: z.string(), officeName: z.string(), unit: z.string().nullable(), jabatan: z.string().nullable(), golongan: z.string().nullable(),
  employmentType: z.enum(['pns', 'pppk']),
  /** JP from the kecamatan's events (finished and completed), from outside trainings, and their sum. */
  eventJp: z.number(), externalJp: z.number(), jp: z.number(),
  target: z.number(), gap: z.number(),
  /** Kecamatan the person was in (more than one: a transfer). */
  offices: z.number().int(),
});
export type CityLedgerPerson = z.infer<typeof cityLedgerPerson>;

export const cityOfficeSummary = z.object({
  regionCode: z.string(), name: z.string(),
  lastSeq: z.number().int().nullable(), lastImportAt: instant.nullable(),
  /** Days since the last batch was imported; null before the first. */
  daysSinceLast: z.number().int().nullable(),
  missing: z.string().nullable(), held: z.array(z.number().int()),
  employees: z.number().int(), reached: z.number().int(), behind: z.number().int(),
  /** Events of the year finished (not cancelled), and certificates issued in the year (revoked ones aside). */
  trainings: z.number().int(), certificates: z.number().int(),
});
export type CityOfficeSummary = z.infer<typeof cityOfficeSummary>;

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
  /**
   * City admin: trusts the key waiting for a kecamatan once a person has compared its fingerprint
   * with the one the kecamatan printed (`fingerprint` must be that key's, whole). The batches that
   * waited for it are imported at once, in order.
   */
  'offices.confirmKey': method({
    access: 'admin',
    input: z.object({ officeCode: regionCode, fingerprint: z.string().trim().min(1).max(200) }).strict(),
    output: z.object({ officeCode: z.string(), fingerprint: z.string(), imported: z.array(batchImportResult) }),
  }),
  /** City admin: a new upload token for a kecamatan (shown this once; the previous one stops working). */
  'offices.uploadToken': method({
    access: 'admin',
    input: z.object({ officeCode: regionCode }).strict(),
    output: z.object({ officeCode: z.string(), token: z.string() }),
  }),
  /**
   * The receiver (`bangkom serve --receiver`, `POST /api/batches.upload`): a kecamatan's batch with
   * its upload token. The file is kept before it is imported; the answer is the import's result and
   * the city's signed receipt for the kecamatan to import. A token that is not the batch's office's is refused.
   */
  'batch.upload': method({
    access: 'public',
    input: z.object({
      token: z.string().max(200),
      fileName: z.string().max(260),
      dataBase64: z.string().max(280 * 1024 * 1024, 'validation.file_too_large'),
    }).strict(),
    output: z.object({ result: batchImportResult, receipt: exportedFile.nullable() }),
  }),
  /** City offices only: per kecamatan, when it last sent, what is missing, JP compliance, trainings and certificates of the year. */
  'city.dashboard': method({
    access: 'user',
    input: z.object({ year }).strict(),
    output: z.object({ year: z.number().int(), target: z.number(), offices: z.array(cityOfficeSummary) }),
  }),
  /** City offices only: the city-wide 20 JP ledger, one row per person (NIP) across kecamatan. */
  'city.ledger': method({
    access: 'user',
    input: z.object({ year, officeCode: regionCode.optional(), behindOnly: z.boolean().optional(), search: z.string().trim().max(100).optional() }).strict(),
    output: z.object({
      year: z.number().int(), target: z.number(), people: z.array(cityLedgerPerson),
      totals: z.object({ people: z.number().int(), reached: z.number().int(), behind: z.number().int(), jp: z.number() }),
    }),
  }),
  /** City offices only: one person by NIP: the current assignment, the transfer history, and the year's JP. */
  'city.person': method({
    access: 'user',
    input: z.object({ nip, year }).strict(),
    output: z.object({ nip: z.string(), name: z.string(), current: cityAssignment, history: z.array(cityAssignment), ledger: cityLedgerPerson.nullable() }),
  }),
  /** City offices only: the SIASN sheet (XLSX) of every kecamatan's trainings of the year, the same columns as a kecamatan's. */
  'city.siasn': method({ access: 'user', input: z.object({ year }).strict(), output: exportedFile }),
};
