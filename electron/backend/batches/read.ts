/**
 * Reading a batch file: unzip, check the manifest's signature against the keys the reader trusts,
 * every file's SHA-256 and row count, and hand back the rows. No database and no files: the city's
 * import (and any other system) calls it with the bytes and its own list of trusted keys.
 *
 * The file comes from anyone (a USB stick, an upload): what the zip claims is bounded before
 * anything is inflated (BATCH_READ_LIMITS), and the manifest names its office only by what can be
 * a region code, an id and a name, since the city names files and records after them.
 */
import { createHash } from 'node:crypto';
import { fingerprintOf, fromBase64, kidOf } from '../../../shared/certificates/keys.ts';
import { nodeSignatureCheck } from '../certificates/crypto.ts';
import {
  ALG_NAMES, BATCH_FORMAT, BATCH_FORMAT_VERSION, ENTITY_NAMES, MANIFEST_FILE, SIGNATURE_FILE, entityFile, type BatchManifest,
} from './format.ts';
import { ZipUnreadable, inflateEntry, zipEntries, type ZipEntry } from './unzip.ts';

const MB = 1024 * 1024;

/**
 * What a batch may inflate to. A year of the biggest kecamatan is a few MB, a full batch after
 * years some tens; an entity file is decoded as one string, and V8 strings end at 512 MiB. So an
 * entity file up to 256 MiB and the whole up to 512 MiB: far above any real batch, far below what
 * would exhaust the importing process. (The upload bound, UPLOAD_MAX_BYTES of
 * shared/domain/batch-upload.ts, is on the compressed file: 200 MB of it could never be a real batch.)
 */
export const BATCH_READ_LIMITS = {
  /** manifest.json and manifest.sig (a few KB and 64 bytes). */
  manifest: 1 * MB,
  entityFile: 256 * MB,
  total: 512 * MB,
} as const;

/** An office key the reader trusts (its own, or one a trust file or a person confirmed). */
export interface TrustedBatchKey {
  kid: string;
  /** COSE number (-8 for EdDSA). */
  alg: number;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  /** The office the key belongs to; a manifest naming another office with it is refused. */
  officeCode?: string;
}

export type BatchFailureKind = 'malformed' | 'tampered' | 'unknown_office';

export const BATCH_READ_REASONS = {
  malformed: ['not_zip', 'too_large', 'too_large_total', 'missing_file', 'manifest_invalid', 'unsupported_version', 'row_invalid', 'count_mismatch'],
  tampered: ['bad_signature', 'key_mismatch', 'hash_mismatch', 'file_damaged', 'unexpected_file'],
  unknown_office: ['unknown_key', 'key_other_office'],
} as const;
export type BatchReadReason = (typeof BATCH_READ_REASONS)[BatchFailureKind][number];

export interface BatchFailure {
  ok: false;
  kind: BatchFailureKind;
  reason: BatchReadReason;
  /** The file inside the batch that is wrong, when one is. */
  file?: string;
  /** Message key (`batches.read.<reason>`) and its parameters. */
  message: string;
  params: Record<string, string | number>;
  /**
   * For `unknown_key` when the manifest carries its own key: the batch is whole and signed by that
   * key (not a key the reader trusts), so a person may compare its fingerprint and trust it.
   */
  selfSigned?: SelfSignedBatch;
}

export interface SelfSignedBatch {
  manifest: BatchManifest;
  sha256: string;
  /** Raw 32-byte Ed25519 key, as the manifest carried it. */
  publicKey: Uint8Array;
  /** The key's whole fingerprint (16 groups), as the kecamatan prints it. */
  fingerprint: string;
}

export type BatchRow = Record<string, unknown> & { id: string; rowVersion: number };

export interface BatchContents {
  ok: true;
  manifest: BatchManifest;
  /** Rows per entity (every entity of the format, tombstones included), in file order. */
  rows: Record<string, BatchRow[]>;
  sha256: string;
}

export type BatchReadResult = BatchContents | BatchFailure;

class Refused extends Error {
  constructor(readonly failure: BatchFailure) { super(failure.reason); }
}

function refuse(kind: BatchFailureKind, reason: BatchReadReason, file?: string, params: Record<string, string | number> = {}): never {
  throw new Refused({ ok: false, kind, reason, ...(file ? { file } : {}), message: `batches.read.${reason}`, params: { ...(file ? { file } : {}), ...params } });
}

const sha256Hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const HEX64 = /^[0-9a-f]{64}$/;

/** The zip's entries by name, refused when one or all together claim more than the bounds. */
function listing(bytes: Uint8Array): Map<string, ZipEntry> {
  let entries: ZipEntry[] = [];
  try {
    entries = zipEntries(bytes);
  } catch (err) {
    if (!(err instanceof ZipUnreadable)) throw err;
    refuse('malformed', 'not_zip');
  }
  const byName = new Map<string, ZipEntry>();
  let total = 0;
  for (const e of entries) {
    // Two entries of one name: which of them was signed is anybody's guess.
    if (byName.has(e.name)) refuse('tampered', 'unexpected_file', e.name);
    byName.set(e.name, e);
    const limit = e.name === MANIFEST_FILE || e.name === SIGNATURE_FILE ? BATCH_READ_LIMITS.manifest : BATCH_READ_LIMITS.entityFile;
    if (e.size > limit) refuse('malformed', 'too_large', e.name, { limit: limit / MB });
    total += e.size;
  }
  if (total > BATCH_READ_LIMITS.total) refuse('malformed', 'too_large_total', undefined, { limit: BATCH_READ_LIMITS.total / MB });
  return byName;
}

/** One entry, inflated alone (to the size listed, no more), so a damaged one is named. */
function entry(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>, name: string): Uint8Array {
  const listed = entries.get(name);
  if (!listed) refuse('malformed', 'missing_file', name);
  try {
    return inflateEntry(bytes, listed);
  } catch (err) {
    if (!(err instanceof ZipUnreadable)) throw err;
    return refuse('tampered', 'file_damaged', name);
  }
}

const OFFICE_CODE = /^\d{2}\.\d{2}\.\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Longer than any office name typed at setup (120). */
export const OFFICE_NAME_MAX = 200;

/** C0 and C1 controls and the line and paragraph separators: never in a name a person typed. */
const hasControl = (text: string) => [...text].some((ch) => {
  const c = ch.codePointAt(0)!;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;
});

/** The office a manifest names: a kecamatan's region code, a UUID and a name a person could have typed. */
function isOffice(office: unknown): office is BatchManifest['office'] {
  return isRecord(office) && typeof office.code === 'string' && OFFICE_CODE.test(office.code)
    && typeof office.id === 'string' && UUID.test(office.id)
    && typeof office.name === 'string' && office.name.trim() !== '' && office.name.length <= OFFICE_NAME_MAX && !hasControl(office.name);
}

const isCount = (v: unknown, least = 0) => Number.isSafeInteger(v) && (v as number) >= least;

function manifestOf(bytes: Uint8Array): BatchManifest {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refuse('malformed', 'manifest_invalid', MANIFEST_FILE);
  }
  if (!isRecord(value) || value.format !== BATCH_FORMAT) refuse('malformed', 'manifest_invalid', MANIFEST_FILE);
  if (value.formatVersion !== BATCH_FORMAT_VERSION) refuse('malformed', 'unsupported_version', MANIFEST_FILE, { version: String(value.formatVersion) });
  const m = value;
  const ok = isOffice(m.office)
    && isCount(m.seq, 1) && (m.kind === 'full' || m.kind === 'incremental')
    && typeof m.kid === 'string' && typeof m.alg === 'string' && typeof m.createdAt === 'string'
    && (m.publicKey === undefined || typeof m.publicKey === 'string')
    && isRecord(m.journal) && isCount(m.journal.from) && isCount(m.journal.to)
    && (m.previous === null || (isRecord(m.previous) && isCount(m.previous.seq, 1) && typeof m.previous.sha256 === 'string' && HEX64.test(m.previous.sha256)))
    && isRecord(m.counts) && isRecord(m.files)
    && ENTITY_NAMES.every((n) => isCount((m.counts as Record<string, unknown>)[n]) && typeof (m.files as Record<string, unknown>)[entityFile(n)] === 'string');
  if (!ok) refuse('malformed', 'manifest_invalid', MANIFEST_FILE);
  return value as unknown as BatchManifest;
}

/**
 * What a batch file says it is, before anyone checked it: its manifest, listed, bounded, inflated
 * and shaped as readBatch does, but not its signature (who sent it is not known). For routing
 * only (which office a file claims to be from); null when the file cannot be read that far, and
 * readBatch then says why.
 */
export function unverifiedManifest(bytes: Uint8Array): BatchManifest | null {
  try {
    return manifestOf(entry(bytes, listing(bytes), MANIFEST_FILE));
  } catch (err) {
    if (err instanceof Refused) return null;
    throw err;
  }
}

function rowsOf(name: string, data: Uint8Array): BatchRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return refuse('malformed', 'row_invalid', name, { line: 1 });
  }
  if (text === '') return [];
  if (!text.endsWith('\n')) refuse('malformed', 'row_invalid', name, { line: text.split('\n').length });
  const lines = text.slice(0, -1).split('\n');
  return lines.map((line, i) => {
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      return refuse('malformed', 'row_invalid', name, { line: i + 1 });
    }
    if (!isRecord(row) || typeof row.id !== 'string' || !Number.isInteger(row.rowVersion)) refuse('malformed', 'row_invalid', name, { line: i + 1 });
    return row as BatchRow;
  });
}

/**
 * The checked contents of a batch file, or why it cannot be trusted: `malformed` (not a batch, cut
 * short, or not written by the format), `tampered` (signature, a hash or a file does not match
 * what was signed), `unknown_office` (signed by a key the reader does not trust for that office).
 */
export function readBatch(bytes: Uint8Array, trustedKeys: readonly TrustedBatchKey[]): BatchReadResult {
  try {
    return read(bytes, trustedKeys);
  } catch (err) {
    if (err instanceof Refused) return err.failure;
    throw err;
  }
}

/** The key a manifest names for itself, checked against its kid (the derivation of shared/certificates/keys.ts). */
function ownKey(manifest: BatchManifest): Uint8Array {
  const key = fromBase64(manifest.publicKey!);
  if (!key || key.length !== 32 || kidOf(key) !== manifest.kid) refuse('tampered', 'key_mismatch', MANIFEST_FILE);
  return key;
}

function read(bytes: Uint8Array, trustedKeys: readonly TrustedBatchKey[]): BatchContents {
  const entries = listing(bytes);
  const names = [...entries.keys()];
  for (const required of [MANIFEST_FILE, SIGNATURE_FILE]) if (!entries.has(required)) refuse('malformed', 'missing_file', required);
  const manifestBytes = entry(bytes, entries, MANIFEST_FILE);
  const signature = entry(bytes, entries, SIGNATURE_FILE);
  const manifest = manifestOf(manifestBytes);

  const trusted = trustedKeys.find((k) => k.kid === manifest.kid);
  if (!trusted && manifest.publicKey === undefined) refuse('unknown_office', 'unknown_key', undefined, { office: manifest.office.code, kid: manifest.kid });
  if (trusted?.officeCode !== undefined && trusted.officeCode !== manifest.office.code) {
    refuse('unknown_office', 'key_other_office', undefined, { office: manifest.office.code, owner: trusted.officeCode });
  }
  // A key not trusted here still has to have signed the batch: only a whole batch is shown for a person to confirm.
  const key = trusted ?? { alg: -8, publicKey: ownKey(manifest) };
  if (trusted && manifest.publicKey !== undefined && manifest.publicKey !== Buffer.from(trusted.publicKey).toString('base64')) {
    refuse('tampered', 'key_mismatch', MANIFEST_FILE);
  }
  if (ALG_NAMES[key.alg] !== manifest.alg || !nodeSignatureCheck(key.alg, key.publicKey, manifestBytes, signature)) {
    refuse('tampered', 'bad_signature', SIGNATURE_FILE);
  }

  const expected = new Set([MANIFEST_FILE, SIGNATURE_FILE, ...ENTITY_NAMES.map(entityFile)]);
  const extra = names.find((n) => !expected.has(n));
  if (extra) refuse('tampered', 'unexpected_file', extra);
  const rows: Record<string, BatchRow[]> = {};
  for (const entity of ENTITY_NAMES) {
    const name = entityFile(entity);
    const data = entry(bytes, entries, name);
    if (sha256Hex(data) !== manifest.files[name]) refuse('tampered', 'hash_mismatch', name);
    rows[entity] = rowsOf(name, data);
    if (rows[entity].length !== manifest.counts[entity]) {
      refuse('malformed', 'count_mismatch', name, { expected: manifest.counts[entity]!, found: rows[entity].length });
    }
  }
  const sha256 = sha256Hex(bytes);
  if (!trusted) {
    const fingerprint = fingerprintOf(key.publicKey);
    throw new Refused({
      ok: false, kind: 'unknown_office', reason: 'unknown_key', message: 'batches.read.unknown_key',
      params: { office: manifest.office.code, kid: manifest.kid, fingerprint },
      selfSigned: { manifest, sha256, publicKey: key.publicKey, fingerprint },
    });
  }
  return { ok: true, manifest, rows, sha256 };
}
