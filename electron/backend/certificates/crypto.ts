/**
 * The office key pair and signature checks with node:crypto (OpenSSL): fast, and the only
 * place the private key is used. Verification logic itself is in shared/certificates/verify.ts.
 */
import { constants, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { COSE_ALG, type SignatureCheck } from '../../../shared/certificates/types.ts';

/** DER SubjectPublicKeyInfo header of an Ed25519 key; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface OfficeKeyPair {
  /** Raw 32-byte Ed25519 public key (what trust lists carry and `kid` hashes). */
  publicKey: Uint8Array;
  /** PKCS#8 DER. */
  privateKey: Uint8Array;
}

export function generateOfficeKeyPair(): OfficeKeyPair {
  const pair = generateKeyPairSync('ed25519');
  return {
    publicKey: rawEd25519PublicKey(pair.publicKey),
    privateKey: new Uint8Array(pair.privateKey.export({ type: 'pkcs8', format: 'der' })),
  };
}

/** The raw public key belonging to a PKCS#8 Ed25519 private key. */
export function publicKeyOf(privateKeyPkcs8: Uint8Array): Uint8Array {
  return rawEd25519PublicKey(createPublicKey(ed25519PrivateKey(privateKeyPkcs8)));
}

/** A signing function over one key; the KeyObject is parsed once, not per signature. */
export function ed25519Signer(privateKeyPkcs8: Uint8Array): (data: Uint8Array) => Uint8Array {
  const key = ed25519PrivateKey(privateKeyPkcs8);
  return (data) => new Uint8Array(sign(null, data, key));
}

function ed25519PrivateKey(pkcs8: Uint8Array): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`Not an Ed25519 private key: ${key.asymmetricKeyType}`);
  return key;
}

function rawEd25519PublicKey(key: KeyObject): Uint8Array {
  const spki = key.export({ type: 'spki', format: 'der' });
  return new Uint8Array(spki.subarray(ED25519_SPKI_PREFIX.length));
}

/**
 * Signature checks for EdDSA (raw 32-byte key), ES256 (SPKI DER, raw r‖s signature) and PS256
 * (SPKI DER, RSA-PSS with SHA-256 and a 32-byte salt, as HCERT signs). Any other alg, or a key
 * of the wrong type for the alg, is false.
 */
export const nodeSignatureCheck: SignatureCheck = (alg, publicKey, signed, signature) => {
  try {
    const key = publicKeyObject(alg, publicKey);
    if (!key) return false;
    if (alg === COSE_ALG.EdDSA) return verify(null, signed, key, signature);
    if (alg === COSE_ALG.ES256) return verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, signature);
    if (alg === COSE_ALG.PS256) {
      return verify('sha256', signed, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature);
    }
    return false;
  } catch {
    return false;
  }
};

// Parsing a key costs more than an Ed25519 verification, and a batch of codes shares a handful
// of keys. The cache is keyed by the key bytes themselves, so it cannot go stale; it is bounded
// so a stream of strange keys cannot grow it.
const KEY_CACHE_SIZE = 64;
const keyCache = new Map<string, KeyObject>();

function publicKeyObject(alg: number, publicKey: Uint8Array): KeyObject | null {
  const cacheKey = `${alg}:${Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString('base64')}`;
  const cached = keyCache.get(cacheKey);
  if (cached) return cached;
  const key = parsePublicKey(alg, publicKey);
  if (!key) return null;
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value!);
  keyCache.set(cacheKey, key);
  return key;
}

function parsePublicKey(alg: number, publicKey: Uint8Array): KeyObject | null {
  if (alg === COSE_ALG.EdDSA) {
    if (publicKey.length !== 32) return null;
    return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
  }
  const key = createPublicKey({ key: Buffer.from(publicKey), format: 'der', type: 'spki' });
  if (alg === COSE_ALG.ES256) {
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? key : null;
  }
  if (alg === COSE_ALG.PS256) return key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss' ? key : null;
  return null;
}
