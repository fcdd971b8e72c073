/**
 * The vocabulary of certificate codes and trust lists, shared by the backend, the Verify screen
 * and the standalone verifier. Formats are specified in docs/certificate-code.md.
 */

/** Who a certificate is for. */
export const CERTIFICATE_ROLES = ['peserta', 'narasumber', 'panitia'] as const;
export type CertificateRole = (typeof CERTIFICATE_ROLES)[number];

/** What a Bangkom certificate code signs (as JSON; CBOR keys are in claims.ts). */
export interface CertificateClaims {
  /** Format version of the claims map. */
  version: 1;
  /** Issuing office code (kecamatan code, e.g. "16.71.14"). */
  office: string;
  /** Certificate number as printed, e.g. "800.2.4/017/KEC-PLJ/2026". */
  number: string;
  /** NIP of the recipient, or "" for someone without one (an outside speaker). */
  nip: string;
  /** Name as printed, with academic titles. */
  name: string;
  role: CertificateRole;
  /** Event title as printed. */
  event: string;
  /** YYYY-MM-DD. */
  start: string;
  /** YYYY-MM-DD. */
  end: string;
  /** JP as printed (may be a half: 1.5). */
  jp: number;
  /** YYYY-MM-DD: the date of issue printed on the certificate. */
  issued: string;
}

/** COSE algorithm identifiers this chain knows. */
export const COSE_ALG = { EdDSA: -8, ES256: -7, PS256: -37 } as const;
export type CoseAlgName = keyof typeof COSE_ALG;

/** The steps of the decoding chain, in order. A failure names the step that failed. */
export const DECODE_STAGES = ['prefix', 'base45', 'zlib', 'cose', 'cbor'] as const;
export type DecodeStage = (typeof DECODE_STAGES)[number];

/**
 * Verifies one signature. `publicKey` is what the trust entry holds (raw 32 bytes for Ed25519;
 * SPKI DER for ES256/PS256). The backend passes node:crypto; browsers pass @noble/curves.
 */
export type SignatureCheck = (alg: number, publicKey: Uint8Array, signed: Uint8Array, signature: Uint8Array) => boolean;

/** One verification key of an office, as carried in trust lists. */
export interface TrustKey {
  /** Base64 of the first 8 bytes of SHA-256 over the raw public key (COSE `kid`). */
  kid: string;
  /** COSE alg of the key: -8 for Bangkom's Ed25519 keys. */
  alg: number;
  /** Base64 of the raw public key (Ed25519: 32 bytes) or of SPKI DER (ES256/PS256). */
  publicKey: string;
  /** `active` signs new certificates; `retired` only verifies those it signed before. */
  status: 'active' | 'retired';
  /** ISO instant the key was made. */
  createdAt: string;
  /** ISO instant it was retired; null while active. */
  retiredAt: string | null;
}

export interface TrustOffice {
  code: string;
  name: string;
  /** `kecamatan` issues certificates and batches; `kota` is the city office (BKPSDM). */
  kind: 'kecamatan' | 'kota';
  keys: TrustKey[];
}

export interface Revocation {
  office: string;
  number: string;
  /** YYYY-MM-DD. */
  revokedOn: string;
  reason: string;
  /** The replacing certificate's number, when the revocation is a correction. */
  replacedBy: string | null;
}

/** What a verifier trusts: offices with their keys, and the certificates they revoked. */
export interface TrustList {
  offices: TrustOffice[];
  revocations: Revocation[];
}

export type VerifyStatus = 'valid' | 'revoked' | 'tampered' | 'unknown_issuer' | 'malformed';

export interface VerifyResult {
  status: VerifyStatus;
  /** Set when malformed: the step that failed. */
  stage?: DecodeStage;
  /** The claims as signed (valid, revoked), or as read but not trusted (tampered, unknown_issuer). */
  certificate?: CertificateClaims;
  /** The issuing office as the trust list names it. */
  issuer?: { code: string; name: string };
  /** Set when revoked. */
  revocation?: Revocation;
}
