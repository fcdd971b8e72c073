/**
 * Verifying a certificate code against a trust list. Pure and synchronous: the backend passes
 * node:crypto's check, browsers pass @noble/curves'. Nothing is cached here — a trust list can
 * change between two calls (an import, a revocation) and the answer must follow it at once.
 */
import { readClaims } from './claims.ts';
import { CODE_PREFIX, decodeChain } from './code.ts';
import { sigStructure, type CoseSign1 } from './cose.ts';
import { fromBase64, toBase64 } from './keys.ts';
import type { DecodeStage, SignatureCheck, TrustKey, TrustList, TrustOffice, VerifyResult } from './types.ts';

/** A verification key as the lower-level check needs it. */
export interface ResolvedKey {
  alg: number;
  /** Raw 32 bytes for EdDSA; SPKI DER for ES256/PS256. */
  publicKey: Uint8Array;
}

export type CoseVerifyResult =
  | { ok: true; prefix: string; cose: CoseSign1; payload: unknown }
  | { ok: false; reason: 'malformed'; stage: DecodeStage; message: string }
  | { ok: false; reason: 'unknown_key'; cose: CoseSign1 }
  | { ok: false; reason: 'bad_signature'; cose: CoseSign1 };

/**
 * Decode + signature, nothing about claims: the chain the HCERT peer suite runs with the key of
 * each case's X.509 certificate. `resolveKey` gets the kid chosen by the HCERT rule (protected
 * header first) and returns the key it names, or null.
 */
export function verifyCose(
  text: string,
  prefixes: readonly string[],
  resolveKey: (kid: Uint8Array | null) => ResolvedKey | null,
  check: SignatureCheck,
): CoseVerifyResult {
  const chain = decodeChain(text, prefixes);
  if (!chain.ok) return { ok: false, reason: 'malformed', stage: chain.stage, message: chain.message };
  const key = resolveKey(chain.cose.kid);
  if (!key) return { ok: false, reason: 'unknown_key', cose: chain.cose };
  if (!signatureHolds(chain.cose, key, check)) return { ok: false, reason: 'bad_signature', cose: chain.cose };
  return { ok: true, prefix: chain.prefix, cose: chain.cose, payload: chain.payload };
}

/**
 * The signature over the COSE Sig_structure, with the key's own alg: a header naming another alg
 * fails rather than steering which check runs (algorithm confusion).
 */
export function signatureHolds(cose: CoseSign1, key: ResolvedKey, check: SignatureCheck): boolean {
  if (cose.alg !== key.alg) return false;
  try {
    return check(key.alg, key.publicKey, sigStructure(cose.protectedBytes, cose.payload), cose.signature);
  } catch {
    return false;
  }
}

/**
 * A Bangkom code (`BK1:` only) against a trust list, in this order:
 * malformed (the stage) → unknown_issuer (kid in no office) → tampered (signature fails, or the
 * kid belongs to an office other than the one the claims name) → revoked → valid.
 * A retired key still verifies: rotating keys must not invalidate certificates already printed.
 * `issuer` is set only when the office vouches for the claims (valid, revoked).
 * `ownOffice`: the verifying office, whose every key it knows: a code claiming to be its own but
 * signed by a key it never had is tampered, not from an unknown issuer (another office's key
 * may simply be newer than the trust list).
 */
export function verifyCode(text: string, trust: TrustList, check: SignatureCheck, ownOffice?: string): VerifyResult {
  const chain = decodeChain(text, [CODE_PREFIX]);
  if (!chain.ok) return { status: 'malformed', stage: chain.stage };
  const read = readClaims(chain.payload);
  if (!read.ok) return { status: 'malformed', stage: 'cbor' };
  const certificate = read.claims;

  const owner = chain.cose.kid ? findKey(trust, chain.cose.kid, certificate.office) : null;
  if (!owner) return { status: ownOffice !== undefined && certificate.office === ownOffice ? 'tampered' : 'unknown_issuer', certificate };
  const publicKey = fromBase64(owner.key.publicKey);
  const signed = publicKey !== null && signatureHolds(chain.cose, { alg: owner.key.alg, publicKey }, check);
  if (!signed || owner.office.code !== certificate.office) return { status: 'tampered', certificate };

  const issuer = { code: owner.office.code, name: owner.office.name };
  const revocation = trust.revocations.find((r) => r.office === owner.office.code && r.number === certificate.number);
  if (revocation) return { status: 'revoked', certificate, issuer, revocation };
  return { status: 'valid', certificate, issuer };
}

/** The key with this kid, preferring the office the claims name (a kid is a hash: clashes are accidents). */
function findKey(trust: TrustList, kid: Uint8Array, officeCode: string): { office: TrustOffice; key: TrustKey } | null {
  const kidText = toBase64(kid);
  let other: { office: TrustOffice; key: TrustKey } | null = null;
  for (const office of trust.offices) {
    for (const key of office.keys) {
      if (key.kid !== kidText) continue;
      if (office.code === officeCode) return { office, key };
      other ??= { office, key };
    }
  }
  return other;
}
