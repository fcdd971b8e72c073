// The city's receiver (`bangkom serve --receiver`): `POST /api/batches.upload`, a kecamatan's
// batch file as the raw body with its upload token. The token is checked from the header before
// any byte of the body is read; missing and wrong tokens are rate-limited per client address (an
// IPv6 one by its /64), uploads per token; the body is bounded (declared and counted); the file is kept under
// `<data>/received/` before the backend imports it (`batch.upload`, the same import as every door).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { CallResult, ErrorCode } from '../../shared/contract/errors.ts';
import { FILE_NAME_HEADER, UPLOAD_MAX_BYTES, UPLOAD_PATH } from '../../shared/domain/batch-upload.ts';
import type { BatchImportStatus } from '../../shared/domain/batch-statuses.ts';
import type { Backend } from '../backend/backend.ts';
import { cityRegency } from '../backend/db/repos/city-mode.ts';
import { getOffice } from '../backend/db/repos/office.ts';
import { writeFileAtomic } from '../backend/files.ts';
import { uploadTokenRegion } from '../backend/services/sending.ts';
import { SlidingWindow, addressKey, type RateLimit } from './rate-limit.ts';

export type { RateLimit } from './rate-limit.ts';

export const RECEIVED_DIR = 'received';

export interface ReceiverOptions {
  /** The largest batch file taken (bytes). */
  maxBytes?: number;
  /** Requests with a missing or wrong token per client address (then 429 until the window has passed). */
  failedTokens?: RateLimit;
  /** Uploads per kecamatan token. */
  uploadsPerToken?: RateLimit;
  /** The clock of the rate limits (ms). */
  now?: () => number;
}

export const DEFAULT_FAILED_TOKENS: RateLimit = { max: 10, windowMs: 10 * 60_000 };
/** An outbox sends its batches one after another: a few dozen a minute is a kecamatan catching up. */
export const DEFAULT_UPLOADS_PER_TOKEN: RateLimit = { max: 30, windowMs: 60_000 };

/**
 * Refuses to serve the receiver anywhere but at a city office: a kecamatan's data folder would
 * otherwise answer uploads it cannot import. Thrown at start, before anything listens.
 */
function assertReceiverOffice(backend: Backend): void {
  const office = getOffice(backend.db);
  if (!office) {
    throw new Error('Kantor belum diatur. Penerima kiriman (--receiver) hanya untuk kantor BKPSDM kota/kabupaten: atur dulu dengan `bangkom office setup --city --region KODE`.');
  }
  if (!cityRegency(backend.db)) {
    throw new Error(`${office.name} adalah kantor kecamatan. Penerima kiriman (--receiver) hanya untuk kantor BKPSDM kota/kabupaten; kecamatan mengirim dengan \`bangkom batch send\`.`);
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The client's address. Behind a reverse proxy on this computer (TLS, README) every request
 * comes from the loopback: then the address the proxy added last to X-Forwarded-For counts.
 */
function clientAddress(c: Context): string {
  let peer = 'unknown';
  try {
    peer = getConnInfo(c).remote.address ?? 'unknown';
  } catch { /* not over a socket (app.request in tests) */ }
  if (LOOPBACK.has(peer)) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (forwarded?.length) return forwarded[forwarded.length - 1]!;
  }
  return peer;
}

function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

/** What a judged batch answers: taken (with its receipt), held after a gap, or refused as it is. */
const JUDGED_STATUS: Record<BatchImportStatus, number> = {
  imported: 200, already_imported: 200, out_of_order: 200, gap: 202, tampered: 422, malformed: 422, unknown_office: 422,
};

/** The kecamatan's name for the file, kept to letters, digits, dots and dashes. */
function safeName(given: string | undefined): string {
  let name = '';
  try {
    name = path.basename(decodeURIComponent(given ?? '')).replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._]+/, '').slice(0, 120);
  } catch { /* not URI-encoded: the default */ }
  name ||= 'kiriman';
  return name.endsWith('.bkbatch') ? name : `${name}.bkbatch`;
}

/** Mounts the receiver on the HTTP door; throws (before anything listens) when this is no city office. */
export function mountReceiver(app: Hono, backend: Backend, options: ReceiverOptions, statusOf: (result: CallResult) => number): void {
  assertReceiverOffice(backend);
  const now = options.now ?? Date.now;
  const failures = new SlidingWindow(options.failedTokens ?? DEFAULT_FAILED_TOKENS, now);
  const uploads = new SlidingWindow(options.uploadsPerToken ?? DEFAULT_UPLOADS_PER_TOKEN, now);
  const maxBytes = options.maxBytes ?? UPLOAD_MAX_BYTES;
  // By context: bodyLimit hands a counted body on in a new Request.
  const callers = new WeakMap<Context, { token: string; region: string }>();

  // A refusal closes the connection: a body not read is not waited for.
  const refuse = (c: Context, status: number, code: ErrorCode, message: string, details: Record<string, unknown>, headers: Record<string, string> = {}) =>
    c.json({ ok: false, error: { code, message, details } } satisfies CallResult, status as 400, { 'Cache-Control': 'no-store', Connection: 'close', ...headers });

  const tooMany = (c: Context, waitMs: number, messageKey: string, message: string) => {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return refuse(c, 429, 'LOGIN_DELAYED', `${message} Coba lagi dalam ${seconds} detik.`, { messageKey, retryAfterSeconds: seconds }, { 'Retry-After': String(seconds) });
  };

  // The token is judged first: the block on an address holds back only missing and wrong tokens,
  // so a web page or a neighbour behind the same NAT cannot lock a kecamatan out.
  const checkToken: MiddlewareHandler = async (c, next) => {
    const token = bearer(c.req.header('authorization'));
    let region: string | null = null;
    if (token !== null) {
      try {
        region = uploadTokenRegion(backend.db, token);
      } catch {
        return refuse(c, 503, 'DB_BUSY', 'Penerima sedang sibuk; coba lagi sebentar lagi.', { retryAfterSeconds: 30 }, { 'Retry-After': '30' });
      }
    }
    if (token === null || region === null) {
      const address = addressKey(clientAddress(c));
      const blocked = failures.wait(address);
      if (blocked > 0) return tooMany(c, blocked, 'batches.upload.too_many_failures', 'Terlalu banyak token unggah yang salah dari alamat ini.');
      failures.hit(address);
      const [key, text] = token === null
        ? ['batches.upload.token_missing', 'Token unggah tidak ada (header Authorization: Bearer TOKEN).']
        : ['batches.upload.token_invalid', 'Token unggah tidak dikenal.'];
      return refuse(c, 401, 'UNAUTHENTICATED', text, { reason: token === null ? 'token_missing' : 'token_invalid', messageKey: key }, { 'WWW-Authenticate': 'Bearer realm="bangkom"' });
    }
    const busy = uploads.wait(region);
    if (busy > 0) return tooMany(c, busy, 'batches.upload.too_many_uploads', 'Terlalu banyak kiriman dengan token ini dalam waktu singkat.');
    uploads.hit(region);
    callers.set(c, { token, region });
    await next();
  };

  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      const maxMb = Math.floor(maxBytes / 1024 / 1024);
      return refuse(c, 413, 'PAYLOAD_TOO_LARGE', `Berkas kiriman terlalu besar (maksimal ${maxMb} MB).`, { maxMb, maxBytes });
    },
  });

  app.post(`/${UPLOAD_PATH}`, checkToken, limit, async (c) => {
    const caller = callers.get(c)!;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await c.req.arrayBuffer());
    } catch {
      // The sender went away mid-body: nothing was kept, nothing imported.
      return refuse(c, 400, 'VALIDATION', 'Kiriman terputus sebelum lengkap.', { issues: [{ path: ['file'], message: 'batches.upload.interrupted' }] });
    }
    if (bytes.length === 0) {
      return refuse(c, 400, 'VALIDATION', 'Kiriman kosong: tubuh permintaan harus berkas .bkbatch.', { issues: [{ path: ['file'], message: 'batches.upload.empty' }] });
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const fileName = safeName(c.req.header(FILE_NAME_HEADER));
    // Kept as it came, before the import reads it: what arrived can always be looked at again.
    const dir = path.join(backend.dataDir, RECEIVED_DIR, caller.region);
    try {
      fs.mkdirSync(dir, { recursive: true });
      // Named by content too: the same batch sent again is kept once.
      const kept = path.join(dir, `${sha256.slice(0, 16)}-${fileName}`);
      if (!fs.existsSync(kept)) writeFileAtomic(kept, bytes);
    } catch (err) {
      return refuse(c, 507, 'DISK_FULL', `Berkas kiriman tidak dapat disimpan (${(err as NodeJS.ErrnoException).code ?? 'error'}).`, {});
    }
    const { result } = await backend.call('batch.upload', {
      token: caller.token, fileName, dataBase64: Buffer.from(bytes).toString('base64'),
    }, { door: 'http' });
    const status = result.ok ? JUDGED_STATUS[(result.value as { result: { status: BatchImportStatus } }).result.status] ?? 200 : statusOf(result);
    return c.json(result, status as 200, { 'Cache-Control': 'no-store' });
  });
}
