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
   * What waits to be sent: rows per entity changed since the last batch made. (Since the last
   * batch the city acknowledged, once receipts exist; until then any batch made counts.)
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
};
