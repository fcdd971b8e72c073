/**
 * The city's signed receipt for a batch it read and judged (docs/batch-format.md, "Receipt"): a zip
 * of `receipt.json` and its Ed25519 signature, like the batch itself. Writing and reading only, no
 * database: the city builds it at import, the kecamatan checks it against the city key it trusts.
 */
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { unzipWithin } from './unzip.ts';
import { nodeSignatureCheck } from '../certificates/crypto.ts';
import { ALG_NAMES } from './format.ts';
import type { TrustedBatchKey } from './read.ts';

export const RECEIPT_FORMAT = 'bangkom-receipt';
export const RECEIPT_FORMAT_VERSION = 1;
export const RECEIPT_FILE = 'receipt.json';
export const RECEIPT_SIGNATURE_FILE = 'receipt.sig';
export const RECEIPT_EXTENSION = '.bkreceipt';

/** Only batches the city read and judged have a receipt; refused files do not. */
export type ReceiptStatus = 'imported' | 'already_imported';

export interface RejectedRow { entity: string; id: string; reason: string }

export interface Receipt {
  format: typeof RECEIPT_FORMAT;
  formatVersion: typeof RECEIPT_FORMAT_VERSION;
  city: { id: string; code: string; name: string };
  office: { id: string; code: string };
  batch: { seq: number; sha256: string };
  status: ReceiptStatus;
  accepted: number;
  rejected: RejectedRow[];
  createdAt: string;
  kid: string;
  alg: string;
}

/** Same fixed stamp as batches: the same receipt always gives the same bytes. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

export function receiptFileName(regionCode: string, district: string, seq: number): string {
  const short = district.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'Kantor';
  return `Bangkom-${regionCode}-${short}-${String(seq).padStart(5, '0')}-tanda-terima${RECEIPT_EXTENSION}`;
}

export function buildReceipt(content: Omit<Receipt, 'format' | 'formatVersion' | 'kid' | 'alg'>, signer: { kid: string; alg: number; sign(data: Uint8Array): Uint8Array }): Uint8Array {
  const receipt: Receipt = {
    format: RECEIPT_FORMAT, formatVersion: RECEIPT_FORMAT_VERSION,
    city: content.city, office: content.office, batch: content.batch, status: content.status,
    accepted: content.accepted, rejected: content.rejected, createdAt: content.createdAt,
    kid: signer.kid, alg: ALG_NAMES[signer.alg] ?? String(signer.alg),
  };
  const json = new Uint8Array(Buffer.from(`${JSON.stringify(receipt, null, 2)}\n`, 'utf8'));
  return zipSync({ [RECEIPT_FILE]: [json, { level: 0 }], [RECEIPT_SIGNATURE_FILE]: [signer.sign(json), { level: 0 }] }, { mtime: ZIP_TIME });
}

export type ReceiptReadReason = 'not_receipt' | 'unsupported_version' | 'unknown_key' | 'bad_signature';
export type ReceiptReadResult = { ok: true; receipt: Receipt; sha256: string } | { ok: false; reason: ReceiptReadReason };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const HEX64 = /^[0-9a-f]{64}$/;

function shapeOk(r: Record<string, unknown>): boolean {
  const { city, office, batch } = r;
  return isRecord(city) && typeof city.id === 'string' && typeof city.code === 'string' && typeof city.name === 'string'
    && isRecord(office) && typeof office.id === 'string' && typeof office.code === 'string'
    && isRecord(batch) && Number.isInteger(batch.seq) && typeof batch.sha256 === 'string' && HEX64.test(batch.sha256)
    && (r.status === 'imported' || r.status === 'already_imported')
    && Number.isInteger(r.accepted) && (r.accepted as number) >= 0
    && Array.isArray(r.rejected) && r.rejected.every((x) => isRecord(x) && typeof x.entity === 'string' && typeof x.id === 'string' && typeof x.reason === 'string')
    && typeof r.createdAt === 'string' && typeof r.kid === 'string' && typeof r.alg === 'string';
}

/** What a receipt may unpack to: its JSON lists refused rows, so a few hundred thousand of them fit. */
const RECEIPT_READ_LIMIT = 64 * 1024 * 1024;

/**
 * A receipt's checked contents, or why it cannot be trusted. The signing key must be one of
 * `trustedKeys` and belong to the office the receipt names as the city.
 */
export function readReceipt(bytes: Uint8Array, trustedKeys: readonly TrustedBatchKey[]): ReceiptReadResult {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipWithin(bytes, RECEIPT_READ_LIMIT);
  } catch {
    return { ok: false, reason: 'not_receipt' };
  }
  const json = files[RECEIPT_FILE];
  const sig = files[RECEIPT_SIGNATURE_FILE];
  if (!json || !sig) return { ok: false, reason: 'not_receipt' };
  // Anything beyond the two entries is not covered by the signature.
  if (Object.keys(files).length !== 2) return { ok: false, reason: 'bad_signature' };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return { ok: false, reason: 'not_receipt' };
  }
  if (!isRecord(value) || value.format !== RECEIPT_FORMAT) return { ok: false, reason: 'not_receipt' };
  if (value.formatVersion !== RECEIPT_FORMAT_VERSION) return { ok: false, reason: 'unsupported_version' };
  if (!shapeOk(value)) return { ok: false, reason: 'not_receipt' };
  const receipt = value as unknown as Receipt;
  const key = trustedKeys.find((k) => k.kid === receipt.kid && (k.officeCode === undefined || k.officeCode === receipt.city.code));
  if (!key) return { ok: false, reason: 'unknown_key' };
  if (ALG_NAMES[key.alg] !== receipt.alg || !nodeSignatureCheck(key.alg, key.publicKey, json, sig)) return { ok: false, reason: 'bad_signature' };
  return { ok: true, receipt, sha256: createHash('sha256').update(bytes).digest('hex') };
}
