import { z } from 'zod';
import { method } from './define.ts';
import { empty, exportedFile, instant } from './common.ts';

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
  /** Uploads tried so far, when the city first took it, when the next try is due (backoff), and what went wrong last (in the clerk's words). */
  sendAttempts: z.number().int(),
  sentAt: instant.nullable(),
  nextSendAt: instant.nullable(),
  lastSendError: z.string().nullable(),
});
export type OutboxBatch = z.infer<typeof outboxBatch>;

export const batchExport = z.object({
  /** The file in the outbox. */
  file: z.string(),
  fileName: z.string(),
  seq: z.number().int(),
  /** What it holds: the first batch is full whatever was asked; a reused one keeps its kind. */
  kind: z.enum(['full', 'incremental']),
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

/** Where batches are uploaded: the city's receiver address and this office's upload token (never shown back, only whether it is set). */
export const sendSettings = z.object({
  url: z.string().nullable(),
  tokenSet: z.boolean(),
});
export type SendSettings = z.infer<typeof sendSettings>;

/** The receiver's address as an admin types it: http(s), a host, no user or password in it. */
const receiverUrl = z.string().trim().max(500).refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !u.username && !u.password;
  } catch {
    return false;
  }
}, 'batches.send.url_invalid');

export const batchSendAttempt = z.object({
  seq: z.number().int(),
  /** diterima / ditolak: the city answered with its signed receipt; failed: not delivered this time (kept, tried again later). */
  outcome: z.enum(['diterima', 'ditolak', 'failed']),
  /** Message key (`batches.send.*`, `batches.receipt.*`) and its parameters, for the clerk. */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type BatchSendAttempt = z.infer<typeof batchSendAttempt>;

export const batchSendResult = z.object({
  attempts: z.array(batchSendAttempt),
  /** Batches still without a receipt after this send. */
  waiting: z.number().int(),
  /** When the outbox tries again by itself; null when nothing waits. */
  nextAttemptAt: instant.nullable(),
});
export type BatchSendResult = z.infer<typeof batchSendResult>;

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
  /** An outbox batch's file, to save on a USB stick or in a folder (any batch again, e.g. one the city says is missing). */
  'batch.file': method({ access: 'user', input: z.object({ seq: z.number().int().min(1) }).strict(), output: exportedFile }),
  /** The city's receiver address and whether this office's upload token is set. */
  'batch.sendSettings': method({ access: 'user', input: empty, output: sendSettings }),
  /** Admin: sets the receiver address, and the upload token the city gave (omitted: kept as it is; null address: sending by upload is off). */
  'batch.setSendSettings': method({
    access: 'admin',
    input: z.object({ url: receiverUrl.nullable(), token: z.string().trim().min(16, 'batches.send.token_invalid').max(200).optional() }).strict(),
    output: sendSettings,
  }),
  /**
   * Uploads what the outbox holds, oldest first, each batch until the city's signed receipt comes
   * back (imported as by batch.importReceipt). Never makes a batch. A batch not delivered stays in
   * the outbox and is tried again with backoff, also after a restart. `url` overrides the address set.
   */
  'batch.send': method({ access: 'user', input: z.object({ url: receiverUrl.optional() }).strict(), output: batchSendResult }),
};
