/**
 * Certificate claims ⇄ the CBOR map a code signs. Integer keys keep the QR small (one byte
 * each); they are Bangkom's own, not CWT claim keys — the BK1 prefix says so.
 *
 *   key  claim     CBOR type
 *   0    version   uint (1)
 *   1    office    tstr
 *   2    number    tstr
 *   3    nip       tstr ("" for none)
 *   4    name      tstr
 *   5    role      tstr (one of CERTIFICATE_ROLES)
 *   6    event     tstr
 *   7    start     tstr YYYY-MM-DD
 *   8    end       tstr YYYY-MM-DD
 *   9    jp        uint or float (finite, ≥ 0)
 *   10   issued    tstr YYYY-MM-DD
 *
 * cborg writes the smallest form of every integer and float and sorts map keys, so the same
 * claims always give the same bytes.
 */
import { encode } from 'cborg';
import { ISO_DATE, isRealDate } from '../domain/calendar-date.ts';
import { CERTIFICATE_ROLES, type CertificateClaims } from './types.ts';

export const CLAIM_KEYS = {
  version: 0,
  office: 1,
  number: 2,
  nip: 3,
  name: 4,
  role: 5,
  event: 6,
  start: 7,
  end: 8,
  jp: 9,
  issued: 10,
} as const satisfies Record<keyof CertificateClaims, number>;

type ClaimName = keyof typeof CLAIM_KEYS;
const CLAIM_NAMES = Object.keys(CLAIM_KEYS) as ClaimName[];
const NAME_OF_KEY = new Map<number, ClaimName>(CLAIM_NAMES.map((n) => [CLAIM_KEYS[n], n]));

/** The claims as a CBOR map (integer keys), ready to be the COSE payload. */
export function claimsToCbor(claims: CertificateClaims): Uint8Array {
  const problem = claimsProblem(claims as unknown as Record<string, unknown>);
  if (problem) throw new Error(`Cannot encode certificate claims: ${problem}`);
  const map = new Map<number, string | number>();
  for (const name of CLAIM_NAMES) map.set(CLAIM_KEYS[name], claims[name]);
  return encode(map);
}

/**
 * Reads a decoded payload (cborg with `useMaps`) as claims; null when it is not exactly a
 * version-1 claims map. Strict on purpose: a map with extra or missing keys, or a claim of the
 * wrong type, was not made by this format's encoder.
 */
export function claimsFromCbor(decoded: unknown): CertificateClaims | null {
  const read = readClaims(decoded);
  return read.ok ? read.claims : null;
}

export function readClaims(decoded: unknown): { ok: true; claims: CertificateClaims } | { ok: false; problem: string } {
  if (!(decoded instanceof Map)) return { ok: false, problem: 'payload is not a map' };
  const out: Record<string, unknown> = {};
  for (const [key, value] of decoded) {
    const name = typeof key === 'number' ? NAME_OF_KEY.get(key) : undefined;
    if (!name) return { ok: false, problem: `unknown claim key ${String(key)}` };
    out[name] = value;
  }
  const missing = CLAIM_NAMES.find((n) => !(n in out));
  if (missing) return { ok: false, problem: `${missing} is missing` };
  const problem = claimsProblem(out);
  return problem ? { ok: false, problem } : { ok: true, claims: out as unknown as CertificateClaims };
}

/** Why a value is not valid claims (for messages and the encoder's guard); null when it is. */
export function claimsProblem(c: Record<string, unknown>): string | null {
  if (c.version !== 1) return 'version must be 1';
  for (const name of ['office', 'number', 'name', 'event'] as const) {
    if (typeof c[name] !== 'string' || c[name] === '') return `${name} must be a non-empty string`;
  }
  if (typeof c.nip !== 'string') return 'nip must be a string';
  if (!(CERTIFICATE_ROLES as readonly unknown[]).includes(c.role)) return 'role is not a certificate role';
  for (const name of ['start', 'end', 'issued'] as const) {
    if (!isIsoDate(c[name])) return `${name} must be a date YYYY-MM-DD`;
  }
  if (typeof c.jp !== 'number' || !Number.isFinite(c.jp) || c.jp < 0) return 'jp must be a finite number ≥ 0';
  return null;
}

function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return isRealDate(y, m, d);
}
