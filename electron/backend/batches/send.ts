/**
 * The outbox sender (kecamatan): uploads the batches that have no receipt from the city yet,
 * oldest first, to the city's receiver (`POST <address>/api/batches.upload`, the raw file with
 * `Authorization: Bearer <upload token>`), and imports the signed receipt each answer carries.
 *
 * It never makes a batch, and sending one the city already has is harmless: the city answers
 * `already_imported` with the same receipt. A batch not delivered (no network, a timeout, the
 * receiver busy or refusing) stays in the outbox with its error and the time of its next try
 * (backoff), and the round stops there so the city gets the batches in order. The state lives in
 * the `batches` table, so the backend's timer (outboxTimer) resumes after a restart.
 */
import fs from 'node:fs';
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
import { outboxDir } from './export.ts';

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

interface WaitingBatch { seq: number; fileName: string; size: number; state: string; attempts: number }

const WAITING = `SELECT seq, file_name AS fileName, size, state, send_attempts AS attempts FROM batches b
  WHERE state IN ('dibuat', 'dikirim') AND NOT EXISTS (SELECT 1 FROM batch_receipts r WHERE r.seq = b.seq) ORDER BY seq`;

const waitingBatches = (db: Db) => sql(db, WAITING).all() as WaitingBatch[];

/**
 * True when the automatic round has something to do: upload is set up, and the oldest batch
 * without a receipt was tried before (a clerk pressed Kirim) and its next try is due.
 */
export function sendIsDue(db: Db, now: Date): boolean {
  const { url, token } = sendSettingsOf(db);
  if (!url || !token) return false;
  const oldest = sql(db, `SELECT send_attempts AS attempts, next_send_at AS nextAt FROM batches b
    WHERE state IN ('dibuat', 'dikirim') AND NOT EXISTS (SELECT 1 FROM batch_receipts r WHERE r.seq = b.seq) ORDER BY seq LIMIT 1`)
    .get() as { attempts: number; nextAt: string | null } | undefined;
  return !!oldest && oldest.attempts > 0 && (oldest.nextAt === null || Date.parse(oldest.nextAt) <= now.getTime());
}

/** What the city's receiver answers: the CallResult of `batch.upload`. */
type UploadAnswer = { ok: true; value: { result: BatchImportResult; receipt: ExportedFile | null } } | { ok: false; error: ApiErrorData };

type Delivery =
  | { kind: 'answer'; answer: Extract<UploadAnswer, { ok: true }>['value'] }
  | { kind: 'failed'; message: string; params: Params; retryAfterMs?: number };

class Closing extends Error {}

/** One upload may take a minute plus the time of the file at 32 KB/s (a weak mobile connection). */
const uploadTimeoutMs = (size: number) => 60_000 + Math.ceil(size / 32);

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
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
  let text: string;
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
    text = await res.text();
  } catch {
    if (closing?.aborted) throw new Closing();
    if (timeout.aborted) return { kind: 'failed', message: 'batches.send.timeout', params: { seq } };
    return { kind: 'failed', message: 'batches.send.network', params: { seq, host: url.host } };
  }
  const answer = parseAnswer(text);
  const status = res.status;
  // Judged by the city: taken (200), held after a gap (202), or refused as it is (422).
  if (answer?.ok === true && (status < 300 || status === 422)) return { kind: 'answer', answer: answer.value };
  const reason = answer?.ok === false ? answer.error.message : `HTTP ${status}`;
  if (status === 429 || status >= 500) {
    return { kind: 'failed', message: status === 429 ? 'batches.send.rate_limited' : 'batches.send.server_busy', params: { seq, status }, retryAfterMs: retryAfterMs(res.headers.get('retry-after')) };
  }
  if (status === 401) return { kind: 'failed', message: 'batches.send.token_refused', params: { seq } };
  if (status === 403 && answer?.ok === false && answer.error.details?.reason === 'token_other_office') {
    return { kind: 'failed', message: 'batches.send.token_other_office', params: { seq } };
  }
  if (status === 403) return { kind: 'failed', message: 'batches.send.token_refused', params: { seq } };
  if (status === 413) return { kind: 'failed', message: 'batches.send.too_large', params: { seq } };
  if (status === 421) return { kind: 'failed', message: 'batches.send.host_refused', params: { seq, host: url.host } };
  if (status >= 300 && status < 400) return { kind: 'failed', message: 'batches.send.redirected', params: { seq, location: res.headers.get('location') ?? '' } };
  if (status === 404 || (answer?.ok === false && answer.error.details?.reason === 'not_city')) {
    return { kind: 'failed', message: 'batches.send.not_receiver', params: { seq, url: url.href } };
  }
  if (!answer) return { kind: 'failed', message: 'batches.send.bad_answer', params: { seq, status } };
  return { kind: 'failed', message: 'batches.send.refused', params: { seq, reason } };
}

/** What the city's judgement means for the clerk when it carries no receipt. */
function withoutReceipt(seq: number, result: BatchImportResult): { message: string; params: Params } {
  if (result.status === 'gap') return { message: 'batches.send.gap', params: { seq, missing: String(result.params.missing ?? '') } };
  if (result.status === 'unknown_office') return { message: 'batches.send.unknown_office', params: { seq, fingerprint: result.fingerprint ?? '' } };
  if (ACCEPTED_STATUSES.includes(result.status)) return { message: 'batches.send.no_receipt', params: { seq } };
  // Tampered or malformed: the city's own words (`batches.read.*`, `batches.import.*`).
  return { message: result.message, params: result.params };
}

function failed(ctx: ServiceContext, batch: WaitingBatch, message: string, params: Params, opts: { taken?: boolean; retryAfterMs?: number } = {}): BatchSendAttempt {
  const at = ctx.now();
  const attempts = batch.attempts + 1;
  const wait = Math.max(sendBackoffMs(attempts), opts.retryAfterMs ?? 0);
  writeTransaction(ctx.db, () => {
    sql(ctx.db, `UPDATE batches SET send_attempts = @attempts, last_send_error = @error, next_send_at = @next,
        state = CASE WHEN @taken AND state = 'dibuat' THEN 'dikirim' ELSE state END,
        state_at = CASE WHEN @taken AND state = 'dibuat' THEN @at ELSE state_at END,
        sent_at = CASE WHEN @taken THEN coalesce(sent_at, @at) ELSE sent_at END
      WHERE seq = @seq`).run({
      attempts, error: indonesian(message, params), next: new Date(at.getTime() + wait).toISOString(),
      taken: opts.taken ? 1 : 0, at: at.toISOString(), seq: batch.seq,
    });
  });
  return { seq: batch.seq, outcome: 'failed', message, params };
}

/** The city took the batch (its receipt follows): counted, no error, no next try. */
function taken(ctx: ServiceContext, batch: WaitingBatch): void {
  const at = ctx.now().toISOString();
  writeTransaction(ctx.db, () => {
    sql(ctx.db, `UPDATE batches SET send_attempts = send_attempts + 1, last_send_error = NULL, next_send_at = NULL, sent_at = coalesce(sent_at, @at),
        state = CASE WHEN state = 'dibuat' THEN 'dikirim' ELSE state END, state_at = CASE WHEN state = 'dibuat' THEN @at ELSE state_at END
      WHERE seq = @seq`).run({ at, seq: batch.seq });
  });
}

async function sendOne(ctx: ServiceContext, target: SendTarget, batch: WaitingBatch): Promise<BatchSendAttempt> {
  const file = path.join(outboxDir(ctx.dataDir), batch.fileName);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch {
    return failed(ctx, batch, 'batches.send.file_missing', { seq: batch.seq, file: batch.fileName });
  }
  const delivery = await upload(target, batch, bytes, ctx);
  if (delivery.kind === 'failed') return failed(ctx, batch, delivery.message, delivery.params, { retryAfterMs: delivery.retryAfterMs });
  const { result, receipt } = delivery.answer;
  const took = ACCEPTED_STATUSES.includes(result.status) || result.status === 'gap';
  if (!receipt) {
    const why = withoutReceipt(batch.seq, result);
    return failed(ctx, batch, why.message, why.params, { taken: took });
  }
  try {
    const imported = importReceiptBytes(ctx, new Uint8Array(Buffer.from(receipt.dataBase64, 'base64')));
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
    if (reason) return failed(ctx, batch, `batches.receipt.${reason}`, { seq: batch.seq }, { taken: true });
    return failed(ctx, batch, 'batches.send.bad_answer', { seq: batch.seq, status: 200 }, { taken: true });
  }
}

function summary(db: Db): Pick<BatchSendResult, 'waiting' | 'nextAttemptAt'> {
  const waiting = waitingBatches(db);
  const next = waiting.length
    ? (sql(db, 'SELECT next_send_at FROM batches WHERE seq = ?').pluck().get(waiting[0]!.seq) as string | null)
    : null;
  return { waiting: waiting.length, nextAttemptAt: next };
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
      for (const batch of waitingBatches(ctx.db)) {
        const attempt = await sendOne(ctx, target, batch);
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
