/**
 * The outbox sender (kecamatan): uploads the batches that have no receipt from the city yet,
 * oldest first, to the city's receiver (`POST <address>/api/batches.upload`, the raw file with
 * `Authorization: Bearer <upload token>`), and imports the signed receipt each answer carries.
 *
 * It never makes a batch, and sending one the city already has is harmless: the city answers
 * `already_imported` with the same receipt. A batch not delivered (no network, a timeout, the
 * receiver busy or refusing) stays in the outbox with its error and the time of its next try
 * (backoff), and the round stops there so the city gets the batches in order. A refusal that the
 * same upload would meet again (the token, the file as it is) gets no next try: the clerk's Kirim
 * tries it, the timer does not. The state lives in the `batches` table, so the backend's timer
 * (outboxTimer) resumes after a restart.
 */
import path from 'node:path';
import type { BatchSendAttempt, BatchSendResult } from '../../../shared/contract/batches.ts';
import type { BatchImportResult } from '../../../shared/contract/city.ts';
import type { ExportedFile } from '../../../shared/contract/common.ts';
import { ApiError, isApiErrorData, type ApiErrorData } from '../../../shared/contract/errors.ts';
import { ACCEPTED_STATUSES } from '../../../shared/domain/batch-statuses.ts';
import { FILE_NAME_HEADER, UPLOAD_PATH, sendBackoffMs } from '../../../shared/domain/batch-upload.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';
import { writeTransaction } from '../db/transaction.ts';
import { getSetting } from '../db/repos/settings.ts';
import type { Actor, ServiceContext } from '../services/context.ts';
import { importReceiptBytes } from '../services/batches.ts';
import { getBatch, outboxBytes } from './export.ts';
import { RECEIPT_FILE } from './receipt.ts';
import { unzipWithin } from './unzip.ts';

/** Where the address and the token are kept (`settings`); the token is never shown back. */
export const SEND_URL_SETTING = 'batches.sendUrl';
export const SEND_TOKEN_SETTING = 'batches.sendToken';

export interface SendTarget { url: string; token: string }

export function sendSettingsOf(db: Db): { url: string | null; token: string | null } {
  return { url: getSetting(db, SEND_URL_SETTING) || null, token: getSetting(db, SEND_TOKEN_SETTING) || null };
}

/** Who the audit trail names for the automatic retries. */
export const OUTBOX_ACTOR: Actor = { userId: null, username: 'otomatis', role: 'operator' };

/** The clerk's words are Indonesian; the key and its parameters go along for the screen and --json. */
const { t: indonesian } = createI18n('id');

type Params = Record<string, string | number>;

interface WaitingBatch { seq: number; fileName: string; size: number; attempts: number; nextAt: string | null }

/** Made, not acknowledged by a receipt (however it came): what the outbox still sends. */
const WAITING = `SELECT seq, file_name AS fileName, size, send_attempts AS attempts, next_send_at AS nextAt FROM batches b
  WHERE state IN ('dibuat', 'dikirim') AND NOT EXISTS (SELECT 1 FROM batch_receipts r WHERE r.seq = b.seq)`;

const waitingBatches = (db: Db) => sql(db, `${WAITING} ORDER BY seq`).all() as WaitingBatch[];

/**
 * Whether an automatic round may try the batch now: never tried, or its next try has come. A
 * batch tried with no next try (`next_send_at` NULL) was refused for good: only the clerk's Kirim
 * tries it again.
 */
const isDue = (b: WaitingBatch, now: Date) => b.attempts === 0 || (b.nextAt !== null && Date.parse(b.nextAt) <= now.getTime());

/**
 * True when the automatic round has something to do: upload is set up, the clerk has sent by
 * upload before (a Kirim, so a batch was tried), and the oldest batch without a receipt is due.
 */
export function sendIsDue(db: Db, now: Date): boolean {
  const { url, token } = sendSettingsOf(db);
  if (!url || !token) return false;
  if (sql(db, 'SELECT 1 FROM batches WHERE send_attempts > 0 OR sent_at IS NOT NULL LIMIT 1').get() === undefined) return false;
  const oldest = sql(db, `${WAITING} ORDER BY seq LIMIT 1`).get() as WaitingBatch | undefined;
  return !!oldest && isDue(oldest, now);
}

/** What the city's receiver answers: the CallResult of `batch.upload`. */
type UploadAnswer = { ok: true; value: { result: BatchImportResult; receipt: ExportedFile | null } } | { ok: false; error: ApiErrorData };

/** Not delivered; `permanent`: the same upload would be refused the same way, so no automatic retry. */
interface NotDelivered { message: string; params: Params; retryAfterMs?: number; permanent?: boolean }

type Delivery = { kind: 'answer'; answer: Extract<UploadAnswer, { ok: true }>['value'] } | ({ kind: 'failed' } & NotDelivered);

class Closing extends Error {}

/** One upload may take a minute plus the time of the file at 32 KB/s (a weak mobile connection). */
const uploadTimeoutMs = (size: number) => 60_000 + Math.ceil(size / 32);

/** The longest wait a receiver's Retry-After is followed for. */
const RETRY_AFTER_MAX_MS = 24 * 3_600_000;

/** The largest answer read: a receipt and the judgement of a big batch are a few MB. */
export const ANSWER_MAX_BYTES = 16 * 1024 * 1024;

/** Retry-After in seconds or as a date, up to a day; anything else (past, negative, not a time) is ignored. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header?.trim()) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, RETRY_AFTER_MAX_MS) : undefined;
}

/** The answer's body as text; null when it is larger than `max` (not read further). */
async function readAnswer(res: Response, max: number): Promise<string | null> {
  if (Number(res.headers.get('content-length')) > max) {
    await res.body?.cancel();
    return null;
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    total += part.value.length;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseAnswer(text: string): UploadAnswer | null {
  try {
    const body = JSON.parse(text) as UploadAnswer;
    if (body?.ok === true && typeof body.value?.result?.status === 'string') return body;
    if (body?.ok === false && isApiErrorData(body.error)) return body;
  } catch { /* not JSON: judged below */ }
  return null;
}

async function upload(target: SendTarget, batch: WaitingBatch, bytes: Uint8Array<ArrayBuffer>, ctx: ServiceContext): Promise<Delivery> {
  const base = target.url.endsWith('/') ? target.url : `${target.url}/`;
  const url = new URL(UPLOAD_PATH, base);
  const closing = ctx.sending?.signal;
  const timeout = AbortSignal.timeout(ctx.sending?.timeoutMs ?? uploadTimeoutMs(bytes.length));
  const seq = batch.seq;
  let res: Response;
  let text: string | null;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${target.token}`,
        'content-type': 'application/octet-stream',
        [FILE_NAME_HEADER]: encodeURIComponent(batch.fileName),
      },
      body: bytes,
      // A redirect would carry the token elsewhere (or turn the POST into a GET): said, not followed.
      redirect: 'manual',
      signal: closing ? AbortSignal.any([closing, timeout]) : timeout,
    });
    text = await readAnswer(res, ANSWER_MAX_BYTES);
  } catch {
    if (closing?.aborted) throw new Closing();
    if (timeout.aborted) return { kind: 'failed', message: 'batches.send.timeout', params: { seq } };
    return { kind: 'failed', message: 'batches.send.network', params: { seq, host: url.host } };
  }
  const status = res.status;
  if (text === null) return { kind: 'failed', message: 'batches.send.answer_too_large', params: { seq, maxMb: ANSWER_MAX_BYTES / 1024 / 1024 } };
  const answer = parseAnswer(text);
  // Judged by the city: taken (200), held after a gap (202), or refused as it is (422).
  if (answer?.ok === true && (status < 300 || status === 422)) return { kind: 'answer', answer: answer.value };
  const reason = answer?.ok === false ? answer.error.message : `HTTP ${status}`;
  if (status === 429 || status >= 500) {
    return { kind: 'failed', message: status === 429 ? 'batches.send.rate_limited' : 'batches.send.server_busy', params: { seq, status }, retryAfterMs: retryAfterMs(res.headers.get('retry-after')) };
  }
  // A token the city refused stays refused until the admin enters a new one.
  if (status === 401) return { kind: 'failed', message: 'batches.send.token_refused', params: { seq }, permanent: true };
  if (status === 403 && answer?.ok === false && answer.error.details?.reason === 'token_other_office') {
    return { kind: 'failed', message: 'batches.send.token_other_office', params: { seq }, permanent: true };
  }
  if (status === 403) return { kind: 'failed', message: 'batches.send.token_refused', params: { seq }, permanent: true };
  if (status === 413) return { kind: 'failed', message: 'batches.send.too_large', params: { seq }, permanent: true };
  if (status === 421) return { kind: 'failed', message: 'batches.send.host_refused', params: { seq, host: url.host } };
  if (status >= 300 && status < 400) return { kind: 'failed', message: 'batches.send.redirected', params: { seq, location: res.headers.get('location') ?? '' } };
  if (status === 404 || (answer?.ok === false && answer.error.details?.reason === 'not_city')) {
    return { kind: 'failed', message: 'batches.send.not_receiver', params: { seq, url: url.href } };
  }
  if (!answer) return { kind: 'failed', message: 'batches.send.bad_answer', params: { seq, status } };
  return { kind: 'failed', message: 'batches.send.refused', params: { seq, reason } };
}

/** The city's refusals of a file as it is (its history, its office): the same file is refused again. */
const REFUSED_AS_IT_IS = new Set(['batches.import.other_city', 'batches.import.office_changed', 'batches.read.key_other_office']);

/** What the city's judgement means for the clerk when it carries no receipt. */
function withoutReceipt(seq: number, result: BatchImportResult): NotDelivered {
  if (result.status === 'gap') return { message: 'batches.send.gap', params: { seq, missing: String(result.params.missing ?? '') } };
  if (ACCEPTED_STATUSES.includes(result.status)) return { message: 'batches.send.no_receipt', params: { seq } };
  // A key the city has yet to confirm or trust: sent again, it goes in once the city has.
  if (result.status === 'unknown_office' && !REFUSED_AS_IT_IS.has(result.message)) {
    return { message: 'batches.send.unknown_office', params: { seq, fingerprint: result.fingerprint ?? '' } };
  }
  // Tampered, malformed, another city's or office's: the city's own words (`batches.read.*`, `batches.import.*`).
  return { message: result.message, params: result.params, permanent: true };
}

/**
 * Claims a batch for one upload, inside the write lock: the try is counted and the batch leased
 * (its next try set past this upload's longest time), so an automatic sender in another process
 * on the same data folder (the app and `bangkom serve`) does not upload it at the same moment, and
 * the counts stay right. `gone`: acknowledged meanwhile; `not_due`: an automatic round finds it
 * leased, backing off, or refused for good. The clerk's Kirim does not wait for any of these: a
 * second upload of the same batch is harmless (`already_imported`, the same receipt).
 */
function claim(ctx: ServiceContext, seq: number, automatic: boolean): WaitingBatch | 'gone' | 'not_due' {
  const now = ctx.now();
  return writeTransaction(ctx.db, () => {
    const row = sql(ctx.db, `${WAITING} AND b.seq = ?`).get(seq) as WaitingBatch | undefined;
    if (!row) return 'gone';
    if (automatic && !isDue(row, now)) return 'not_due';
    const lease = new Date(now.getTime() + (ctx.sending?.timeoutMs ?? uploadTimeoutMs(row.size)) + 60_000).toISOString();
    sql(ctx.db, 'UPDATE batches SET send_attempts = send_attempts + 1, next_send_at = ? WHERE seq = ?').run(lease, seq);
    return { ...row, attempts: row.attempts + 1, nextAt: lease };
  });
}

function failed(ctx: ServiceContext, batch: WaitingBatch, why: NotDelivered, opts: { taken?: boolean } = {}): BatchSendAttempt {
  const at = ctx.now();
  const wait = Math.max(sendBackoffMs(batch.attempts), why.retryAfterMs ?? 0);
  const error = indonesian(why.message, why.params) + (why.permanent ? ` ${indonesian('batches.send.stopped')}` : '');
  writeTransaction(ctx.db, () => {
    sql(ctx.db, `UPDATE batches SET last_send_error = @error, next_send_at = @next,
        state = CASE WHEN @taken AND state = 'dibuat' THEN 'dikirim' ELSE state END,
        state_at = CASE WHEN @taken AND state = 'dibuat' THEN @at ELSE state_at END,
        sent_at = CASE WHEN @taken THEN coalesce(sent_at, @at) ELSE sent_at END
      WHERE seq = @seq`).run({
      error, next: why.permanent ? null : new Date(at.getTime() + wait).toISOString(),
      taken: opts.taken ? 1 : 0, at: at.toISOString(), seq: batch.seq,
    });
  });
  return { seq: batch.seq, outcome: 'failed', message: why.message, params: why.params };
}

/** The city took the batch (its receipt imported): no error, no next try. */
function taken(ctx: ServiceContext, batch: WaitingBatch): void {
  const at = ctx.now().toISOString();
  writeTransaction(ctx.db, () => {
    sql(ctx.db, `UPDATE batches SET last_send_error = NULL, next_send_at = NULL, sent_at = coalesce(sent_at, @at),
        state = CASE WHEN state = 'dibuat' THEN 'dikirim' ELSE state END, state_at = CASE WHEN state = 'dibuat' THEN @at ELSE state_at END
      WHERE seq = @seq`).run({ at, seq: batch.seq });
  });
}

/** Which batch a receipt says it answers (read before its signature is checked on import); null when unreadable. */
function receiptBatch(bytes: Uint8Array): { seq: unknown; sha256: unknown } | null {
  try {
    // No bigger than the answer it came in (the receipt is stored, not deflated): a lying size is not inflated.
    const entry = unzipWithin(bytes, ANSWER_MAX_BYTES)[RECEIPT_FILE];
    const receipt = entry ? (JSON.parse(Buffer.from(entry).toString('utf8')) as { batch?: { seq?: unknown; sha256?: unknown } }) : null;
    return receipt?.batch ? { seq: receipt.batch.seq, sha256: receipt.batch.sha256 } : null;
  } catch {
    return null;
  }
}

async function sendOne(ctx: ServiceContext, target: SendTarget, batch: WaitingBatch): Promise<BatchSendAttempt> {
  const made = getBatch(ctx.db, batch.seq)!;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(outboxBytes(ctx.db, ctx.dataDir, made).bytes);
  } catch (err) {
    if (!(err instanceof ApiError) || typeof err.details?.messageKey !== 'string') throw err;
    // Lost or changed and not to be made again as it was: nothing is sent until the clerk acts.
    return failed(ctx, batch, { message: err.details.messageKey, params: { seq: batch.seq, file: batch.fileName }, permanent: true });
  }
  const delivery = await upload(target, batch, bytes, ctx);
  if (delivery.kind === 'failed') return failed(ctx, batch, delivery);
  const { result, receipt } = delivery.answer;
  const took = ACCEPTED_STATUSES.includes(result.status) || result.status === 'gap';
  if (!receipt) return failed(ctx, batch, withoutReceipt(batch.seq, result), { taken: took });
  const receiptBytes = new Uint8Array(Buffer.from(receipt.dataBase64, 'base64'));
  const answers = receiptBatch(receiptBytes);
  if (answers && (answers.seq !== batch.seq || answers.sha256 !== made.sha256)) {
    // Not this batch's receipt: nothing imported, the batch not taken as received.
    return failed(ctx, batch, { message: 'batches.send.receipt_other_batch', params: { seq: batch.seq, other: String(answers.seq) } });
  }
  try {
    const imported = importReceiptBytes(ctx, receiptBytes);
    taken(ctx, batch);
    const info = imported.receipt;
    return {
      seq: batch.seq, outcome: imported.state === 'ditolak' ? 'ditolak' : 'diterima',
      message: `batches.receipt.${imported.state === 'ditolak' ? 'ditolak' : 'diterima'}`,
      params: { seq: batch.seq, city: info.city.name, accepted: info.accepted, rejected: info.rejected.length },
    };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const reason = typeof err.details?.reason === 'string' ? err.details.reason : null;
    // The city has the batch; its receipt is refused here (the city's key not trusted yet, or not for this batch).
    if (reason) return failed(ctx, batch, { message: `batches.receipt.${reason}`, params: { seq: batch.seq } }, { taken: true });
    return failed(ctx, batch, { message: 'batches.send.bad_answer', params: { seq: batch.seq, status: 200 } }, { taken: true });
  }
}

function summary(db: Db): Pick<BatchSendResult, 'waiting' | 'nextAttemptAt'> {
  const waiting = waitingBatches(db);
  return { waiting: waiting.length, nextAttemptAt: waiting[0]?.nextAt ?? null };
}

/** One round at a time per data folder: a click on Kirim during an automatic retry waits for it. */
const rounds = new Map<string, Promise<unknown>>();

function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = rounds.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const tail = run.then(() => undefined, () => undefined);
  rounds.set(key, tail);
  void tail.then(() => { if (rounds.get(key) === tail) rounds.delete(key); });
  return run;
}

/**
 * Uploads every batch without a receipt, oldest first, until one is not delivered. A ditolak
 * batch (the city refused some rows) does not stop the round: the next batch goes on.
 */
export function sendOutbox(ctx: ServiceContext, target: SendTarget): Promise<BatchSendResult> {
  return oneAtATime(path.resolve(ctx.dataDir), async () => {
    const attempts: BatchSendAttempt[] = [];
    try {
      // The timer's rounds try only what is due; the clerk's Kirim tries every batch waiting.
      const automatic = ctx.door === 'timer';
      for (const { seq } of waitingBatches(ctx.db)) {
        const claimed = claim(ctx, seq, automatic);
        if (claimed === 'gone') continue;
        if (claimed === 'not_due') break;
        const attempt = await sendOne(ctx, target, claimed);
        attempts.push(attempt);
        if (attempt.outcome === 'failed') break;
      }
    } catch (err) {
      if (err instanceof Closing) throw new ApiError('INTERNAL', 'Bangkom sedang ditutup; kiriman dilanjutkan saat Bangkom dibuka lagi.', { reason: 'closing' });
      throw err;
    }
    return { attempts, ...summary(ctx.db) };
  });
}

export interface OutboxTimer {
  /** One automatic round now, when one is due; null when nothing is. */
  runDue(): Promise<BatchSendResult | null>;
  stop(): void;
}

/**
 * The automatic retries of a long-running Bangkom (the app, `bangkom serve`): every `intervalMs`
 * it asks whether a try is due (a cheap query) and sends, one round at a time.
 */
export function outboxTimer(o: { enabled: boolean; intervalMs?: number; due(): boolean; send(): Promise<BatchSendResult | null> }): OutboxTimer {
  let running: Promise<BatchSendResult | null> | null = null;
  let stopped = false;
  const runDue = (): Promise<BatchSendResult | null> => {
    if (running) return running;
    let due = false;
    try {
      due = !stopped && o.due();
    } catch {
      // The database busy or being restored: the next tick asks again.
    }
    if (!due) return Promise.resolve(null);
    running = o.send().finally(() => { running = null; });
    return running;
  };
  const timer = o.enabled ? setInterval(() => { void runDue().catch(() => null); }, o.intervalMs ?? 15_000) : null;
  timer?.unref();
  return {
    runDue,
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },
  };
}
