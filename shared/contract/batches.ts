import { z } from 'zod';
import { method } from './define.ts';
import { empty, instant } from './common.ts';

/**
 * Batches to the city office (docs/batch-format.md): signed zip files of what changed since the
 * last batch, kept in the outbox (`<data>/outbox/`) for the USB trip or the upload.
 */
export const BATCH_STATES = ['dibuat', 'dikirim', 'diterima', 'ditolak'] as const;
export const batchState = z.enum(BATCH_STATES);
export type BatchState = z.infer<typeof batchState>;

/** Rows per entity file (`employees`, `attendance_marks`, …, `tombstones`). */
export const batchCounts = z.record(z.string(), z.number().int());
export type BatchCounts = z.infer<typeof batchCounts>;

export const rejectedRow = z.object({ entity: z.string(), id: z.string(), reason: z.string() });

export const batchReceiptInfo = z.object({
  /** The city office that signed it. */
  city: z.object({ code: z.string(), name: z.string() }),
  status: z.enum(['imported', 'already_imported']),
  /** Rows the city holds from the batch. */
  accepted: z.number().int(),
  /** Rows the city refused, with the reason (`batches.import.rejected.<reason>`). */
  rejected: z.array(rejectedRow),
  /** When the city wrote it, and when it was imported here. */
  createdAt: z.string(),
  importedAt: instant,
});
export type BatchReceiptInfo = z.infer<typeof batchReceiptInfo>;

export const outboxBatch = z.object({
  seq: z.number().int(),
  kind: z.enum(['full', 'incremental']),
  /** The change-journal range it covers: (journalFrom, journalTo]. */
  journalFrom: z.number().int(),
  journalTo: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  counts: batchCounts,
  createdAt: instant,
  state: batchState,
  /** What the city's signed receipt said (state diterima, or ditolak with the rows and why); null before one came. */
  receipt: batchReceiptInfo.nullable(),
});
export type OutboxBatch = z.infer<typeof outboxBatch>;

export const batchExport = z.object({
  /** The file in the outbox. */
  file: z.string(),
  fileName: z.string(),
  seq: z.number().int(),
  sha256: z.string(),
  counts: batchCounts,
  /** True when nothing changed since that batch: the same file, byte for byte. */
  reused: z.boolean(),
});
export type BatchExport = z.infer<typeof batchExport>;

export const batchPending = z.object({
  /** The batch the counts run from; null before the first. */
  since: z.number().int().nullable(),
  /** The next batch is full (the first one is). */
  full: z.boolean(),
  counts: batchCounts,
  total: z.number().int(),
});
export type BatchPending = z.infer<typeof batchPending>;

export const batchMethods = {
  /**
   * What waits to be sent: rows per entity changed since the last batch the city acknowledged
   * with a receipt (diterima or ditolak); everything the office holds before the first receipt.
   */
  'batch.pending': method({ access: 'user', input: empty, output: batchPending }),
  /**
   * Makes the next batch into the outbox: everything since the last one, or a full snapshot with
   * `full` (the first batch is always full). Nothing changed since the last batch (of that kind):
   * that batch again, the same number and bytes, `reused`.
   */
  'batch.export': method({ access: 'user', input: z.object({ full: z.boolean().optional() }).strict(), output: batchExport }),
  /** The batches made, newest first, with their state. */
  'batch.list': method({ access: 'user', input: empty, output: z.array(outboxBatch) }),
  /**
   * Imports the city's signed receipt (`.bkreceipt`) for a batch of this office: checked against the
   * city key trusted here (from the city's trust file); the batch becomes diterima, or ditolak with
   * the rows refused and why. The same receipt again changes nothing (`changed` false).
   */
  'batch.importReceipt': method({
    access: 'user',
    input: z.object({
      fileName: z.string().max(260),
      dataBase64: z.string().max(8 * 1024 * 1024, 'validation.file_too_large'),
    }).strict(),
    output: z.object({ seq: z.number().int(), state: batchState, changed: z.boolean(), receipt: batchReceiptInfo }),
  }),
};
