/**
 * The certificate code: `BK1:` + base45(zlib(COSE_Sign1(CBOR claims))) — HCERT's layering with
 * Bangkom's own prefix. The decoding chain takes the accepted prefixes as a parameter so the
 * same lines read EU HCERT (`HC1:`) codes in the peer test suite and in `inspectCode`.
 *
 * Every step returns a result instead of throwing: a failure names the stage that failed, and
 * no input (cut off, mistyped, hostile) makes the chain throw.
 */
import { decode as base45Decode, encode as base45Encode } from '@digitalbazaar/base45';
import { decode as cborDecode } from 'cborg';
import { unzlibSync, zlibSync } from 'fflate';
import { claimsToCbor, readClaims } from './claims.ts';
import { encodeCoseSign1, messageOf, parseCoseSign1, type CoseSign1, type CoseSigner } from './cose.ts';
import { toBase64 } from './keys.ts';
import type { CertificateClaims, DecodeStage } from './types.ts';

export const CODE_PREFIX = 'BK1:';
/** The EU Digital COVID Certificate prefix: read by `inspectCode` and the peer suite, never trusted. */
export const HCERT_PREFIX = 'HC1:';
export const INSPECT_PREFIXES: readonly string[] = [CODE_PREFIX, HCERT_PREFIX];

/**
 * The most base45 characters one QR code can hold (version 40-L, alphanumeric mode). Longer
 * text is no code, and refusing it keeps a pasted blob from inflating into hundreds of megabytes.
 */
export const MAX_BASE45_LENGTH = 4296;

export type Step<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Step<T> => ({ ok: true, value });
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/**
 * Scanners end a read with CR/LF; a USB scanner typing into a field can leave spaces around it.
 * Only the ends are trimmed: a space inside is a base45 character. (A valid base45 text never
 * ends with a space, and after the prefix it never starts with one, so trimming loses nothing.)
 */
export function normalizeCodeText(text: string): string {
  return text.trim();
}

export function stripPrefix(text: string, prefixes: readonly string[]): Step<{ prefix: string; body: string }> {
  const prefix = prefixes.find((p) => text.startsWith(p));
  if (prefix === undefined) return fail(`does not start with ${prefixes.join(' or ')}`);
  return ok({ prefix, body: text.slice(prefix.length) });
}

const BASE45_TEXT = /^[0-9A-Z $%*+\-./:]*$/;

export function decodeBase45(body: string): Step<Uint8Array> {
  if (body.length > MAX_BASE45_LENGTH) return fail('longer than a QR code can hold');
  // The library maps characters above U+00FF to 0 instead of refusing them: check first.
  if (!BASE45_TEXT.test(body)) return fail('character outside the base45 alphabet');
  try {
    return ok(base45Decode(body));
  } catch (err) {
    return fail(messageOf(err));
  }
}

export function encodeBase45(bytes: Uint8Array): string {
  // The library reads `input.buffer` from offset 0, ignoring byteOffset: hand it a fresh array.
  return base45Encode(new Uint8Array(bytes));
}

/** zlib (RFC 1950) with its Adler-32 checked: fflate skips the check, so a damaged stream could pass. */
export function inflateZlib(bytes: Uint8Array): Step<Uint8Array> {
  if (bytes.length < 6) return fail('too short for zlib');
  let out: Uint8Array;
  try {
    out = unzlibSync(bytes);
  } catch (err) {
    return fail(messageOf(err));
  }
  const n = bytes.length;
  const expected = ((bytes[n - 4]! << 24) | (bytes[n - 3]! << 16) | (bytes[n - 2]! << 8) | bytes[n - 1]!) >>> 0;
  if (adler32(out) !== expected) return fail('Adler-32 checksum does not match');
  return ok(out);
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 3800 bytes is below zlib's NMAX (5552): the sums cannot overflow before the modulo.
  for (let i = 0; i < data.length; ) {
    const end = Math.min(i + 3800, data.length);
    for (; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

export function decodeCose(bytes: Uint8Array): Step<CoseSign1> {
  const parsed = parseCoseSign1(bytes);
  return parsed.ok ? ok(parsed.cose) : fail(parsed.message);
}

/** The payload as CBOR: maps as `Map` (keys keep their types), byte strings as `Uint8Array`. */
export function decodePayload(payload: Uint8Array): Step<unknown> {
  try {
    return ok(cborDecode(payload, { useMaps: true, rejectDuplicateMapKeys: true }));
  } catch (err) {
    return fail(messageOf(err));
  }
}

export type ChainResult =
  | { ok: true; prefix: string; cose: CoseSign1; payload: unknown }
  | { ok: false; stage: DecodeStage; message: string; prefix: string | null; cose: CoseSign1 | null };

/** The whole decoding chain, stopping at the first stage that fails. Trusts nothing. */
export function decodeChain(text: string, prefixes: readonly string[]): ChainResult {
  const failed = (stage: DecodeStage, message: string, prefix: string | null = null, cose: CoseSign1 | null = null): ChainResult =>
    ({ ok: false, stage, message, prefix, cose });
  if (typeof text !== 'string') return failed('prefix', 'not text');
  const unprefixed = stripPrefix(normalizeCodeText(text), prefixes);
  if (!unprefixed.ok) return failed('prefix', unprefixed.message);
  const { prefix, body } = unprefixed.value;
  const compressed = decodeBase45(body);
  if (!compressed.ok) return failed('base45', compressed.message, prefix);
  const coseBytes = inflateZlib(compressed.value);
  if (!coseBytes.ok) return failed('zlib', coseBytes.message, prefix);
  const cose = decodeCose(coseBytes.value);
  if (!cose.ok) return failed('cose', cose.message, prefix);
  const payload = decodePayload(cose.value.payload);
  if (!payload.ok) return failed('cbor', payload.message, prefix, cose.value);
  return { ok: true, prefix, cose: cose.value, payload: payload.value };
}

/**
 * Signs claims into a code. Deterministic: Ed25519 signatures are, cborg's encoding is, and so
 * is fflate's compression (for one fflate version).
 */
export function encodeCertificateCode(claims: CertificateClaims, signer: CoseSigner): string {
  const cose = encodeCoseSign1(claimsToCbor(claims), signer);
  return CODE_PREFIX + encodeBase45(zlibSync(cose, { level: 9 }));
}

export interface InspectResult {
  stage: 'ok' | DecodeStage;
  prefix: string | null;
  alg: number | null;
  /** Base64. */
  kid: string | null;
  /** JSON-safe payload: CBOR maps as objects with string keys, byte strings as base64. */
  claims: unknown;
  /** The payload read as Bangkom claims, when it is a `BK1:` code whose payload is exactly that. */
  certificate?: CertificateClaims;
  message?: string;
}

/**
 * What a code says, without trusting it: for the Verify screen's details and for support.
 * Accepts `BK1:` and `HC1:`. A `BK1:` payload that is CBOR but not claims fails at `cbor`, and
 * so does an `HC1:` payload that is not an HCERT CWT (hcertPayloadProblem).
 */
export function inspectCode(text: string): InspectResult {
  const chain = decodeChain(text, INSPECT_PREFIXES);
  const cose = chain.cose;
  const result: InspectResult = {
    stage: chain.ok ? 'ok' : chain.stage,
    prefix: chain.prefix,
    alg: cose?.alg ?? null,
    kid: cose?.kid ? toBase64(cose.kid) : null,
    claims: null,
  };
  if (!chain.ok) return { ...result, message: chain.message };
  try {
    result.claims = toJsonSafe(chain.payload);
  } catch (err) {
    return { ...result, stage: 'cbor', message: `payload cannot be shown: ${messageOf(err)}` };
  }
  if (chain.prefix === CODE_PREFIX) {
    const read = readClaims(chain.payload);
    if (!read.ok) return { ...result, stage: 'cbor', message: `not Bangkom claims: ${read.problem}` };
    result.certificate = read.claims;
  } else {
    const problem = hcertPayloadProblem(chain.payload);
    if (problem) return { ...result, stage: 'cbor', message: problem };
  }
  return result;
}

/** CWT claim key of the HCERT container; its entry 1 is the certificate itself (the EU DCC). */
export const HCERT_CLAIM = -260;

/**
 * Why a decoded `HC1:` payload is not an HCERT CWT, or null: the payload must be a map, and its
 * hcert claim, when present, a map whose entry 1 is a map (HCERT test case CBO1 carries a byte
 * string there).
 */
export function hcertPayloadProblem(payload: unknown): string | null {
  if (!(payload instanceof Map)) return 'payload is not a CWT map';
  if (!payload.has(HCERT_CLAIM)) return null;
  const hcert: unknown = payload.get(HCERT_CLAIM);
  if (!(hcert instanceof Map)) return 'the hcert claim (-260) is not a map';
  if (!(hcert.get(1) instanceof Map)) return 'the certificate (-260 / 1) is not a map';
  return null;
}

/** CBOR → JSON-safe: maps become objects with string keys, bytes base64, big or odd numbers text. */
export function toJsonSafe(value: unknown): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) out[typeof k === 'string' ? k : String(toJsonSafe(k))] = toJsonSafe(v);
    return out;
  }
  if (value instanceof Uint8Array) return toBase64(value);
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object') return String(value);
  return value;
}
