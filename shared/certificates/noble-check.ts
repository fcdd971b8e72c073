/**
 * Signature checks in pure JS (@noble/curves) for the Verify screen and the standalone verifier
 * page, where node:crypto is not available and WebCrypto is asynchronous.
 *
 * - EdDSA (-8): raw 32-byte Ed25519 key. Strict RFC 8032 rules (`zip215: false`), so that a
 *   signature this check accepts is one node:crypto (OpenSSL) accepts too.
 * - ES256 (-7): SPKI DER of a P-256 key; the COSE signature is raw r‖s (64 bytes). High-S
 *   signatures are accepted, as COSE and node:crypto accept them.
 * - Anything else, PS256 included, is false: RSA-PSS is not in @noble/curves, and HCERT's RSA
 *   codes only occur in the peer suite, which checks them with node:crypto.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { COSE_ALG, type SignatureCheck } from './types.ts';

export const nobleSignatureCheck: SignatureCheck = (alg, publicKey, signed, signature) => {
  try {
    if (alg === COSE_ALG.EdDSA) {
      if (publicKey.length !== 32 || signature.length !== 64) return false;
      return ed25519.verify(signature, signed, publicKey, { zip215: false });
    }
    if (alg === COSE_ALG.ES256) {
      const point = p256PointFromSpki(publicKey);
      if (!point || signature.length !== 64) return false;
      return p256.verify(signature, signed, point, { lowS: false });
    }
    return false;
  } catch {
    return false;
  }
};

// SubjectPublicKeyInfo headers for id-ecPublicKey + prime256v1, uncompressed (65-byte point)
// and compressed (33-byte point); the point follows the header.
const P256_SPKI_UNCOMPRESSED = hex('3059301306072a8648ce3d020106082a8648ce3d030107034200');
const P256_SPKI_COMPRESSED = hex('3039301306072a8648ce3d020106082a8648ce3d030107032200');

/** The SEC1 point inside a P-256 SPKI DER; null for any other key. */
export function p256PointFromSpki(spki: Uint8Array): Uint8Array | null {
  for (const [header, pointLength] of [[P256_SPKI_UNCOMPRESSED, 65], [P256_SPKI_COMPRESSED, 33]] as const) {
    if (spki.length === header.length + pointLength && startsWith(spki, header)) return spki.subarray(header.length);
  }
  return null;
}

function startsWith(bytes: Uint8Array, head: Uint8Array): boolean {
  for (let i = 0; i < head.length; i++) if (bytes[i] !== head[i]) return false;
  return true;
}

function hex(text: string): Uint8Array {
  return Uint8Array.from(text.match(/../g)!, (h) => parseInt(h, 16));
}
