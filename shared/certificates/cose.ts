/**
 * COSE_Sign1 (RFC 9052 §4.2) as HCERT uses it: tag 18 over
 * [protected bstr, unprotected map, payload bstr, signature bstr], the signature taken over
 * Sig_structure ["Signature1", protected, h'', payload].
 */
import { decode, encode, Tagged } from 'cborg';

/** COSE header labels used here. */
export const COSE_HEADER = { alg: 1, kid: 4 } as const;
const COSE_SIGN1_TAG = 18;
const CWT_TAG = 61;

export interface CoseSign1 {
  /** The protected header exactly as signed. */
  protectedBytes: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
  /** From the protected header, else the unprotected one. */
  alg: number;
  /** From the protected header, else the unprotected one (HCERT rule); null when neither has one. */
  kid: Uint8Array | null;
}

export type CoseParse = { ok: true; cose: CoseSign1 } | { ok: false; message: string };

export interface CoseSigner {
  kid: Uint8Array;
  alg: number;
  sign: (data: Uint8Array) => Uint8Array;
}

/** The bytes a COSE_Sign1 signature covers (no external AAD). */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encode(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

/** Tagged COSE_Sign1 with alg and kid protected and an empty unprotected header. */
export function encodeCoseSign1(payload: Uint8Array, signer: CoseSigner): Uint8Array {
  const protectedBytes = encode(new Map<number, number | Uint8Array>([
    [COSE_HEADER.alg, signer.alg],
    [COSE_HEADER.kid, signer.kid],
  ]));
  const signature = signer.sign(sigStructure(protectedBytes, payload));
  return encode(new Tagged(COSE_SIGN1_TAG, [protectedBytes, new Map(), payload, signature]));
}

const DECODE_OPTIONS = {
  useMaps: true,
  rejectDuplicateMapKeys: true,
  tags: { [COSE_SIGN1_TAG]: Tagged.decoder(COSE_SIGN1_TAG), [CWT_TAG]: Tagged.decoder(CWT_TAG) },
};

/**
 * Reads a COSE_Sign1 with or without its tag 18, optionally inside a CWT tag 61 (both occur in
 * HCERT codes). Never throws.
 */
export function parseCoseSign1(bytes: Uint8Array): CoseParse {
  let item: unknown;
  try {
    item = decode(bytes, DECODE_OPTIONS);
  } catch (err) {
    return { ok: false, message: `not CBOR: ${messageOf(err)}` };
  }
  if (item instanceof Tagged && item.tag === CWT_TAG) item = item.value;
  if (item instanceof Tagged && item.tag === COSE_SIGN1_TAG) item = item.value;
  if (!Array.isArray(item) || item.length !== 4) return { ok: false, message: 'not a COSE_Sign1 array of 4' };
  const [protectedBytes, unprotected, payload, signature] = item as unknown[];
  if (!(protectedBytes instanceof Uint8Array)) return { ok: false, message: 'protected header is not a byte string' };
  if (!(unprotected instanceof Map)) return { ok: false, message: 'unprotected header is not a map' };
  if (!(payload instanceof Uint8Array)) return { ok: false, message: 'payload is not a byte string' };
  if (!(signature instanceof Uint8Array)) return { ok: false, message: 'signature is not a byte string' };

  let protectedHeader: Map<unknown, unknown>;
  if (protectedBytes.length === 0) {
    protectedHeader = new Map();
  } else {
    try {
      const decoded: unknown = decode(protectedBytes, { useMaps: true, rejectDuplicateMapKeys: true });
      if (!(decoded instanceof Map)) return { ok: false, message: 'protected header is not a map' };
      protectedHeader = decoded;
    } catch (err) {
      return { ok: false, message: `protected header is not CBOR: ${messageOf(err)}` };
    }
  }

  // A protected value wins even when an unprotected one disagrees (HCERT test cases CO21, CO22).
  const header = (label: number): unknown =>
    protectedHeader.has(label) ? protectedHeader.get(label) : unprotected.get(label);
  const alg = header(COSE_HEADER.alg);
  if (typeof alg !== 'number' || !Number.isInteger(alg)) return { ok: false, message: 'no integer alg header' };
  const kid = header(COSE_HEADER.kid) ?? null;
  if (kid !== null && !(kid instanceof Uint8Array)) return { ok: false, message: 'kid is not a byte string' };

  return { ok: true, cose: { protectedBytes, payload, signature, alg, kid } };
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
