/**
 * The trust-and-revocation file an office hands out (kind `office`: its own keys and
 * revocations) or the city passes on (kind `combined`: many offices'). The file text is JSON:
 *
 *   {"format":"bangkom-trust","version":1,"payload":"<base64 of UTF-8 JSON>","signature":"<base64>"}
 *
 * The signature is Ed25519 over the payload bytes exactly as carried (no re-serialising before
 * checking), made with a key the payload itself lists under `signer.office`. So a valid file
 * proves it is whole and was made by that key's holder; whether that key is the real office's is
 * decided where the file is imported (fingerprint check, or a key already trusted).
 */
import { z } from 'zod';
import { ISO_DATE, isRealDate } from '../domain/calendar-date.ts';
import { fromBase64, kidOf, toBase64 } from './keys.ts';
import { COSE_ALG, type Revocation, type SignatureCheck, type TrustKey, type TrustList, type TrustOffice } from './types.ts';

// Universal in Node and browsers, but not in the ES lib that shared/ compiles against.
declare class TextEncoder {
  encode(text: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label: string, options: { fatal: boolean });
  decode(bytes: Uint8Array): string;
}

export const TRUST_FILE_FORMAT = 'bangkom-trust';
export const TRUST_FILE_VERSION = 1;

const base64 = z.string().refine((s) => fromBase64(s) !== null, 'not base64');
const instant = z.iso.datetime({ offset: true });
const isoDate = z.string().refine((s) => {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return isRealDate(y, m, d);
}, 'not a date YYYY-MM-DD');
const ALGS: readonly number[] = Object.values(COSE_ALG);

const keyBytes = (k: { publicKey: string }) => fromBase64(k.publicKey);

const trustKeySchema = z
  .object({
    kid: base64,
    alg: z.number().int().refine((a) => ALGS.includes(a), 'unknown alg'),
    publicKey: base64,
    status: z.enum(['active', 'retired']),
    createdAt: instant,
    retiredAt: instant.nullable(),
  })
  .strict()
  .refine((k) => keyBytes(k) !== null && kidOf(keyBytes(k)!) === k.kid, { message: 'kid is not the hash of publicKey', path: ['kid'] })
  .refine((k) => k.alg !== COSE_ALG.EdDSA || keyBytes(k)?.length === 32, {
    message: 'an EdDSA key is 32 bytes',
    path: ['publicKey'],
  })
  .refine((k) => (k.status === 'retired') === (k.retiredAt !== null), {
    message: 'retiredAt is set exactly when the key is retired',
    path: ['retiredAt'],
  });

const trustOfficeSchema = z
  .object({
    code: z.string().min(1),
    name: z.string(),
    kind: z.enum(['kecamatan', 'kota']),
    keys: z.array(trustKeySchema),
  })
  .strict()
  .refine((o) => new Set(o.keys.map((k) => k.kid)).size === o.keys.length, { message: 'a kid is listed twice', path: ['keys'] });

const revocationSchema = z
  .object({
    office: z.string().min(1),
    number: z.string().min(1),
    revokedOn: isoDate,
    reason: z.string(),
    replacedBy: z.string().min(1).nullable(),
  })
  .strict();

export const trustFilePayloadSchema = z
  .object({
    kind: z.enum(['office', 'combined']),
    signer: z.object({ office: z.string().min(1), kid: base64 }).strict(),
    createdAt: instant,
    offices: z.array(trustOfficeSchema),
    revocations: z.array(revocationSchema),
  })
  .strict()
  .refine((p) => new Set(p.offices.map((o) => o.code)).size === p.offices.length, {
    message: 'an office is listed twice',
    path: ['offices'],
  });

export interface TrustFilePayload {
  kind: 'office' | 'combined';
  signer: { office: string; kid: string };
  /** ISO instant. */
  createdAt: string;
  offices: TrustOffice[];
  revocations: Revocation[];
}

export type TrustFileProblem = 'not_trust_file' | 'unsupported_version' | 'invalid_content' | 'unknown_signer' | 'bad_signature';

export type ParsedTrustFile =
  | { ok: true; payload: TrustFilePayload; signerKey: TrustKey; signerOffice: TrustOffice }
  | { ok: false; reason: TrustFileProblem; detail?: string };

/**
 * The file text for a payload, signed with `sign` (Ed25519 over the payload bytes). Throws on a
 * payload the parser would refuse: a file this writes always reads back.
 */
export function encodeTrustFile(payload: TrustFilePayload, sign: (bytes: Uint8Array) => Uint8Array): string {
  const checked = trustFilePayloadSchema.safeParse(payload);
  if (!checked.success) throw new Error(`Invalid trust file payload: ${describeIssues(checked.error)}`);
  // The parsed value has the schema's key order, so equal payloads give equal bytes.
  const bytes = new TextEncoder().encode(JSON.stringify(checked.data));
  const signer = findSigner(checked.data);
  if (!signer) throw new Error('Invalid trust file payload: the signer key is not listed under the signer office');
  return JSON.stringify({
    format: TRUST_FILE_FORMAT,
    version: TRUST_FILE_VERSION,
    payload: toBase64(bytes),
    signature: toBase64(sign(bytes)),
  });
}

/**
 * Reads and checks a trust file. Anything that is not one (another JSON file, a PDF, text)
 * is `not_trust_file`, so an import screen can say "this is not a trust file" rather than
 * "damaged". A retired signer key is accepted: an older file stays readable after a rotation.
 */
export function parseTrustFile(text: string, check: SignatureCheck): ParsedTrustFile {
  let outer: unknown;
  try {
    // A byte-order mark is what an editor on Windows may add when someone opens and saves the file.
    outer = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'not_trust_file', detail: 'not JSON' };
  }
  if (!isRecord(outer) || outer.format !== TRUST_FILE_FORMAT) {
    return { ok: false, reason: 'not_trust_file', detail: 'format is not bangkom-trust' };
  }
  if (outer.version !== TRUST_FILE_VERSION) {
    return typeof outer.version === 'number'
      ? { ok: false, reason: 'unsupported_version', detail: `version ${outer.version}` }
      : { ok: false, reason: 'invalid_content', detail: 'version is not a number' };
  }
  const payloadBytes = typeof outer.payload === 'string' ? fromBase64(outer.payload) : null;
  const signature = typeof outer.signature === 'string' ? fromBase64(outer.signature) : null;
  if (!payloadBytes || !signature) return { ok: false, reason: 'invalid_content', detail: 'payload or signature is not base64' };

  let payloadJson: unknown;
  try {
    payloadJson = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes));
  } catch {
    return { ok: false, reason: 'invalid_content', detail: 'payload is not UTF-8 JSON' };
  }
  const parsed = trustFilePayloadSchema.safeParse(payloadJson);
  if (!parsed.success) return { ok: false, reason: 'invalid_content', detail: describeIssues(parsed.error) };
  const payload: TrustFilePayload = parsed.data;

  const signer = findSigner(payload);
  if (!signer) return { ok: false, reason: 'unknown_signer', detail: `${payload.signer.office} / ${payload.signer.kid}` };
  const publicKey = fromBase64(signer.signerKey.publicKey)!;
  let signed = false;
  try {
    signed = check(COSE_ALG.EdDSA, publicKey, payloadBytes, signature);
  } catch {
    signed = false;
  }
  if (!signed) return { ok: false, reason: 'bad_signature' };
  return { ok: true, payload, ...signer };
}

function findSigner(payload: TrustFilePayload): { signerKey: TrustKey; signerOffice: TrustOffice } | null {
  const signerOffice = payload.offices.find((o) => o.code === payload.signer.office);
  const signerKey = signerOffice?.keys.find((k) => k.kid === payload.signer.kid);
  return signerOffice && signerKey ? { signerKey, signerOffice } : null;
}

/** The part of a payload a verifier uses. */
export function trustListOf(payload: TrustFilePayload): TrustList {
  return { offices: payload.offices, revocations: payload.revocations };
}

/**
 * One trust list from several (what the city sends out, or an office's own list joined with
 * imported ones). Offices are joined by code, later lists giving the name and kind; keys by kid,
 * and a key retired in any list stays retired (from its earliest retiredAt); revocations are
 * kept once per office and number, the first seen. Order is first seen, so the result is stable.
 */
export function combineTrustLists(lists: readonly TrustList[]): TrustList {
  const offices = new Map<string, TrustOffice>();
  const revocations = new Map<string, Revocation>();
  for (const list of lists) {
    for (const office of list.offices) {
      const known = offices.get(office.code);
      offices.set(office.code, {
        code: office.code,
        name: office.name,
        kind: office.kind,
        keys: mergeKeys(known?.keys ?? [], office.keys),
      });
    }
    for (const r of list.revocations) {
      const key = JSON.stringify([r.office, r.number]);
      if (!revocations.has(key)) revocations.set(key, { ...r });
    }
  }
  return { offices: [...offices.values()], revocations: [...revocations.values()] };
}

function mergeKeys(known: readonly TrustKey[], incoming: readonly TrustKey[]): TrustKey[] {
  const byKid = new Map(known.map((k) => [k.kid, { ...k }]));
  for (const key of incoming) {
    const had = byKid.get(key.kid);
    if (!had) {
      byKid.set(key.kid, { ...key });
      continue;
    }
    had.createdAt = earlier(had.createdAt, key.createdAt);
    if (key.status === 'retired') {
      had.status = 'retired';
      had.retiredAt = had.retiredAt === null ? key.retiredAt : key.retiredAt === null ? had.retiredAt : earlier(had.retiredAt, key.retiredAt);
    }
  }
  return [...byKid.values()];
}

/** Instants compared as instants: "…+07:00" and "…Z" spellings do not sort as text. */
function earlier(a: string, b: string): string {
  return Date.parse(b) < Date.parse(a) ? b : a;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
