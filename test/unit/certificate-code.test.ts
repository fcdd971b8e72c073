import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encode as cborEncode, Tagged } from 'cborg';
import { zlibSync } from 'fflate';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import QRCode from 'qrcode';
import { CLAIM_KEYS, claimsFromCbor, claimsToCbor } from '../../shared/certificates/claims.ts';
import {
  CODE_PREFIX, MAX_BASE45_LENGTH, decodeBase45, decodeChain, encodeBase45, encodeCertificateCode, inspectCode,
} from '../../shared/certificates/code.ts';
import { encodeCoseSign1, parseCoseSign1, sigStructure, type CoseSigner } from '../../shared/certificates/cose.ts';
import { fingerprintOf, fromBase64, kidOf, toBase64 } from '../../shared/certificates/keys.ts';
import { nobleSignatureCheck } from '../../shared/certificates/noble-check.ts';
import { readQrFromRgba } from '../../shared/certificates/qr-image.ts';
import { verifyCode } from '../../shared/certificates/verify.ts';
import { COSE_ALG, type CertificateClaims, type SignatureCheck, type TrustKey, type TrustList } from '../../shared/certificates/types.ts';
import { ed25519Signer, generateOfficeKeyPair, nodeSignatureCheck, publicKeyOf } from '../../electron/backend/certificates/crypto.ts';
import { readCodeFromImage } from '../../electron/backend/certificates/read-image.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures: two offices with a key each, and a key nobody trusts.

function makeKey() {
  const pair = generateOfficeKeyPair();
  const kid = kidOf(pair.publicKey);
  const signer: CoseSigner = { kid: fromBase64(kid)!, alg: COSE_ALG.EdDSA, sign: ed25519Signer(pair.privateKey) };
  const trustKey = (status: TrustKey['status'] = 'active'): TrustKey => ({
    kid,
    alg: COSE_ALG.EdDSA,
    publicKey: toBase64(pair.publicKey),
    status,
    createdAt: '2026-01-02T03:04:05Z',
    retiredAt: status === 'retired' ? '2026-02-01T00:00:00Z' : null,
  });
  return { pair, kid, signer, trustKey };
}

const A = makeKey();
const B = makeKey();
const STRANGER = makeKey();
const OFFICE_A = '16.71.14';
const OFFICE_B = '16.71.15';

function trustList(opts: { aStatus?: TrustKey['status']; revocations?: TrustList['revocations'] } = {}): TrustList {
  return {
    offices: [
      { code: OFFICE_A, name: 'Kecamatan Plaju', kind: 'kecamatan', keys: [A.trustKey(opts.aStatus)] },
      { code: OFFICE_B, name: 'Kecamatan Seberang Ulu', kind: 'kecamatan', keys: [B.trustKey()] },
    ],
    revocations: opts.revocations ?? [],
  };
}

const CLAIMS: CertificateClaims = {
  version: 1,
  office: OFFICE_A,
  number: '800.2.4/017/KEC-PLJ/2026',
  nip: '198703152010011002',
  name: 'Dr. Siti Aminah Rahmawati, M.Si',
  role: 'peserta',
  event: 'Pelatihan Penyusunan Laporan Kinerja Instansi Pemerintah 2026',
  start: '2026-03-09',
  end: '2026-03-11',
  jp: 24,
  issued: '2026-03-12',
};

const CHECKS: [string, SignatureCheck][] = [['node:crypto', nodeSignatureCheck], ['@noble/curves', nobleSignatureCheck]];

/** A code whose COSE bytes are given as they are (compressed and base45'd the regular way). */
function codeFromCose(cose: Uint8Array, prefix = CODE_PREFIX): string {
  return prefix + encodeBase45(zlibSync(cose));
}

/** COSE_Sign1 parts of a code (for re-assembling it with something changed). */
function coseOf(code: string) {
  const chain = decodeChain(code, [CODE_PREFIX]);
  if (!chain.ok) throw new Error(`fixture code does not decode: ${chain.stage}`);
  return chain.cose;
}

function reassemble(parts: { protectedBytes: Uint8Array; payload: Uint8Array; signature: Uint8Array }): string {
  return codeFromCose(cborEncode(new Tagged(18, [parts.protectedBytes, new Map(), parts.payload, parts.signature])));
}

const codeA = encodeCertificateCode(CLAIMS, A.signer);

/** Whether a (changed) code still carries exactly codeA's COSE content. */
function sameContent(text: string): boolean {
  const chain = decodeChain(text, [CODE_PREFIX]);
  const original = coseOf(codeA);
  return chain.ok && (['protectedBytes', 'payload', 'signature'] as const).every((k) => Buffer.compare(chain.cose[k], original[k]) === 0)
    && chain.cose.alg === original.alg;
}

// ---------------------------------------------------------------------------------------------

describe('encodeCertificateCode', () => {
  it('writes BK1: followed by base45 text', () => {
    expect(codeA.startsWith('BK1:')).toBe(true);
    expect(codeA.slice(4)).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
  });

  it('is deterministic: the same claims and key give the same code', () => {
    expect(encodeCertificateCode({ ...CLAIMS }, A.signer)).toBe(codeA);
    expect(encodeCertificateCode({ ...CLAIMS, jp: 25 }, A.signer)).not.toBe(codeA);
  });

  it('round-trips through verification with either signature check', () => {
    for (const [, check] of CHECKS) {
      expect(verifyCode(codeA, trustList(), check)).toEqual({
        status: 'valid',
        certificate: CLAIMS,
        issuer: { code: OFFICE_A, name: 'Kecamatan Plaju' },
      });
    }
  });

  it('keeps a half JP, an empty NIP and every role', () => {
    for (const role of ['peserta', 'narasumber', 'panitia'] as const) {
      const claims = { ...CLAIMS, jp: 1.5, nip: '', role };
      expect(verifyCode(encodeCertificateCode(claims, A.signer), trustList(), nodeSignatureCheck).certificate).toEqual(claims);
    }
  });

  it('ignores properties that are not claims (a database row passed as is)', () => {
    const row = { ...CLAIMS, id: 'x', createdAt: 'y' } as CertificateClaims;
    expect(encodeCertificateCode(row, A.signer)).toBe(codeA);
  });

  it('refuses to sign claims that would not verify', () => {
    const bad: Partial<Record<keyof CertificateClaims, unknown>>[] = [
      { role: 'tamu' }, { start: '2026-02-30' }, { issued: '12-03-2026' }, { jp: -1 }, { jp: Number.NaN },
      { jp: Number.POSITIVE_INFINITY }, { name: '' }, { office: '' }, { version: 2 }, { nip: null },
    ];
    for (const change of bad) {
      expect(() => encodeCertificateCode({ ...CLAIMS, ...change } as CertificateClaims, A.signer)).toThrow(/claims/);
    }
  });

  it('signs alg and kid in the protected header, as COSE_Sign1 with tag 18', () => {
    const cose = coseOf(codeA);
    expect(cose.alg).toBe(COSE_ALG.EdDSA);
    expect(toBase64(cose.kid!)).toBe(A.kid);
    expect(A.signer.sign(sigStructure(cose.protectedBytes, cose.payload))).toEqual(cose.signature);
  });

  it('uses one-byte integer keys 0–10 for the claims', () => {
    expect(Object.values(CLAIM_KEYS).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(claimsFromCbor(new Map(Object.entries(CLAIMS).map(([k, v]) => [CLAIM_KEYS[k as keyof CertificateClaims], v])))).toEqual(CLAIMS);
  });
});

describe('verifyCode: reading what scanners send', () => {
  it.each([
    ['a trailing newline', `${codeA}\n`],
    ['a trailing CR LF', `${codeA}\r\n`],
    ['spaces around it (a USB scanner typing into a field)', `  ${codeA}  `],
    ['a tab before it', `\t${codeA}`],
  ])('accepts %s', (_, text) => {
    expect(verifyCode(text, trustList(), nodeSignatureCheck).status).toBe('valid');
  });

  it('does not collapse spaces inside the code (a space is a base45 character)', () => {
    const i = codeA.indexOf(' ', 5);
    const changed = i > 0 ? codeA.slice(0, i) + codeA.slice(i + 1) : `${codeA.slice(0, 10)} ${codeA.slice(10)}`;
    expect(verifyCode(changed, trustList(), nodeSignatureCheck).status).toBe('malformed');
  });
});

describe('verifyCode: each decoding stage names its failure', () => {
  const verify = (text: string) => verifyCode(text, trustList(), nodeSignatureCheck);
  const body = codeA.slice(CODE_PREFIX.length);

  it.each([
    ['an empty text', ''],
    ['only spaces', '   '],
    ['the HCERT prefix (verify reads Bangkom codes only)', `HC1:${body}`],
    ['a lower-case prefix', `bk1:${body}`],
    ['no prefix', body],
    ['another version', `BK2:${body}`],
    ['a URL', 'https://example.org/?c=BK1:abc'],
  ])('prefix: %s', (_, text) => {
    expect(verify(text)).toEqual({ status: 'malformed', stage: 'prefix' });
  });

  it.each([
    ['a lower-case letter', `BK1:${body.slice(0, 5)}a${body.slice(6)}`],
    ['a character outside Latin-1 (the library would read it as 0)', `BK1:${body.slice(0, 5)}€${body.slice(6)}`],
    ['a character in Latin-1 but not base45', `BK1:${body.slice(0, 5)}é${body.slice(6)}`],
    ['a triple above 0xFFFF ("GGW" is 65536)', `BK1:GGW${body.slice(3)}`],
    // The body's length varies with the signature's key: pad it to one past a multiple of three.
    ['a length of 3n+1', `BK1:${body}${'0'.repeat(((1 - (body.length % 3)) + 3) % 3 || 3)}`],
    ['more than a QR code holds', `BK1:${'0'.repeat(MAX_BASE45_LENGTH + 3)}`],
  ])('base45: %s', (_, text) => {
    expect(verify(text)).toEqual({ status: 'malformed', stage: 'base45' });
  });

  it('zlib: bytes that are not zlib (the COSE uncompressed, as HCERT case Z2)', () => {
    const cose = cborEncode(new Tagged(18, [cborEncode(new Map([[1, -8]])), new Map(), claimsToCbor(CLAIMS), new Uint8Array(64)]));
    expect(verify(CODE_PREFIX + encodeBase45(cose))).toEqual({ status: 'malformed', stage: 'zlib' });
    expect(verify(CODE_PREFIX + encodeBase45(new Uint8Array([0x78, 0xda])))).toEqual({ status: 'malformed', stage: 'zlib' });
    expect(verify(CODE_PREFIX)).toEqual({ status: 'malformed', stage: 'zlib' });
  });

  it('zlib: a damaged byte of the compressed stream (the Adler-32 check catches what inflate lets through)', () => {
    const compressed = decodeBase45(body);
    if (!compressed.ok) throw new Error('fixture');
    for (let i = 0; i < compressed.value.length; i++) {
      for (const flip of [0x01, 0x80, 0xff]) {
        const damaged = new Uint8Array(compressed.value);
        damaged[i] = damaged[i]! ^ flip;
        const text = CODE_PREFIX + encodeBase45(damaged);
        // The unused bits after deflate's last block carry nothing: flipping them changes no content.
        const expected = sameContent(text) ? { status: 'valid' } : { status: 'malformed', stage: 'zlib' };
        expect(verify(text), `byte ${i} ^ ${flip}`).toMatchObject(expected);
      }
    }
  });

  it.each([
    ['a CBOR map', cborEncode({ a: 1 })],
    ['an array of 3', cborEncode([new Uint8Array(0), new Map(), new Uint8Array(0)])],
    ['an untagged array whose protected header is not a byte string', cborEncode(['x', new Map(), new Uint8Array(1), new Uint8Array(1)])],
    ['a tag other than 18 or 61', cborEncode(new Tagged(98, [new Uint8Array(0), new Map(), new Uint8Array(1), new Uint8Array(1)]))],
    ['no alg header', cborEncode([new Uint8Array(0), new Map(), new Uint8Array(1), new Uint8Array(1)])],
    ['a text kid', cborEncode([cborEncode(new Map<number, unknown>([[1, -8], [4, 'kid']])), new Map(), new Uint8Array(1), new Uint8Array(1)])],
    ['bytes that are not CBOR', new Uint8Array([0xff, 0xff, 0x00])],
    ['two CBOR items', new Uint8Array([...cborEncode(1), ...cborEncode(2)])],
  ])('cose: %s', (_, cose) => {
    expect(verify(codeFromCose(cose))).toEqual({ status: 'malformed', stage: 'cose' });
  });

  const signedPayload = (payload: Uint8Array) => codeFromCose(encodeCoseSign1(payload, A.signer));
  const claimsMap = (change: Record<number, unknown>, drop: number[] = []) => {
    const map = new Map<number, unknown>(Object.entries(CLAIMS).map(([k, v]) => [CLAIM_KEYS[k as keyof CertificateClaims], v]));
    for (const [k, v] of Object.entries(change)) map.set(Number(k), v);
    for (const k of drop) map.delete(k);
    return cborEncode(map);
  };

  it.each([
    ['a payload that is not CBOR', new Uint8Array([0x1c])],
    ['a text payload', cborEncode('hello')],
    ['an empty map', cborEncode(new Map())],
    ['text keys instead of integer keys', cborEncode(CLAIMS)],
    ['a missing claim', claimsMap({}, [CLAIM_KEYS.issued])],
    ['an unknown extra key', claimsMap({ 11: 'x' })],
    ['version 2', claimsMap({ [CLAIM_KEYS.version]: 2 })],
    ['a role that is not a certificate role', claimsMap({ [CLAIM_KEYS.role]: 'tamu' })],
    ['a date that is not YYYY-MM-DD', claimsMap({ [CLAIM_KEYS.start]: '9 Maret 2026' })],
    ['a date not on the calendar', claimsMap({ [CLAIM_KEYS.end]: '2026-02-29' })],
    ['a negative JP', claimsMap({ [CLAIM_KEYS.jp]: -2 })],
    ['an infinite JP', claimsMap({ [CLAIM_KEYS.jp]: Number.POSITIVE_INFINITY })],
    ['a JP as text', claimsMap({ [CLAIM_KEYS.jp]: '24' })],
    ['a name as bytes', claimsMap({ [CLAIM_KEYS.name]: new Uint8Array(3) })],
    ['a duplicated key', new Uint8Array([0xa2, 0x00, 0x01, 0x00, 0x01])],
  ])('cbor: %s (signed by a trusted key all the same)', (_, payload) => {
    expect(verify(signedPayload(payload))).toEqual({ status: 'malformed', stage: 'cbor' });
    expect(inspectCode(signedPayload(payload)).stage).toBe('cbor');
  });

  it('never throws on a code cut anywhere, and always names a stage', () => {
    for (let cut = 0; cut < codeA.length; cut++) {
      const result = verify(codeA.slice(0, cut));
      expect(result.status, `cut at ${cut}`).toBe('malformed');
      expect(result.stage).toBe(cut < CODE_PREFIX.length ? 'prefix' : result.stage);
      expect(['prefix', 'base45', 'zlib', 'cose', 'cbor']).toContain(result.stage);
    }
  });
});

describe('verifyCode: trust', () => {
  it('tampered: a claim changed and the payload re-encoded without re-signing', () => {
    const cose = coseOf(codeA);
    for (const change of [{ name: 'Dr. Siti Aminah Rahmawati, M.Sc' }, { jp: 240 }, { role: 'narasumber' as const }, { office: OFFICE_B }]) {
      const forged = reassemble({ ...cose, payload: claimsToCbor({ ...CLAIMS, ...change }) });
      for (const [, check] of CHECKS) {
        expect(verifyCode(forged, trustList(), check)).toEqual({ status: 'tampered', certificate: { ...CLAIMS, ...change } });
      }
    }
  });

  it('tampered: a damaged signature', () => {
    const cose = coseOf(codeA);
    const signature = new Uint8Array(cose.signature);
    signature[10] = signature[10]! ^ 1;
    expect(verifyCode(reassemble({ ...cose, signature }), trustList(), nodeSignatureCheck).status).toBe('tampered');
    expect(verifyCode(reassemble({ ...cose, signature: signature.subarray(0, 63) }), trustList(), nobleSignatureCheck).status).toBe('tampered');
  });

  it('tampered: signed by another trusted office than the one the claims name', () => {
    const code = encodeCertificateCode(CLAIMS, B.signer);
    expect(verifyCode(code, trustList(), nodeSignatureCheck)).toEqual({ status: 'tampered', certificate: CLAIMS });
    const unknownOffice = encodeCertificateCode({ ...CLAIMS, office: '99.99.99' }, B.signer);
    expect(verifyCode(unknownOffice, trustList(), nodeSignatureCheck).status).toBe('tampered');
  });

  it('tampered: a header naming another alg than the key has (no algorithm confusion)', () => {
    const code = encodeCertificateCode(CLAIMS, { ...A.signer, alg: COSE_ALG.ES256 });
    for (const [, check] of CHECKS) expect(verifyCode(code, trustList(), check).status).toBe('tampered');
  });

  it('unknown_issuer: a kid in no office of the trust list', () => {
    const code = encodeCertificateCode(CLAIMS, STRANGER.signer);
    expect(verifyCode(code, trustList(), nodeSignatureCheck)).toEqual({ status: 'unknown_issuer', certificate: CLAIMS });
    expect(verifyCode(codeA, { offices: [], revocations: [] }, nodeSignatureCheck).status).toBe('unknown_issuer');
  });

  it('unknown_issuer: no kid at all', () => {
    const protectedBytes = cborEncode(new Map([[1, COSE_ALG.EdDSA]]));
    const payload = claimsToCbor(CLAIMS);
    const signature = A.signer.sign(sigStructure(protectedBytes, payload));
    expect(verifyCode(reassemble({ protectedBytes, payload, signature }), trustList(), nodeSignatureCheck).status).toBe('unknown_issuer');
  });

  it('valid: a retired key still verifies what it signed (key rotation)', () => {
    expect(verifyCode(codeA, trustList({ aStatus: 'retired' }), nodeSignatureCheck).status).toBe('valid');
  });

  it('revoked: the number is in the revocations of the issuing office', () => {
    const revocation = { office: OFFICE_A, number: CLAIMS.number, revokedOn: '2026-04-01', reason: 'Nama salah', replacedBy: '800.2.4/018/KEC-PLJ/2026' };
    expect(verifyCode(codeA, trustList({ revocations: [revocation] }), nodeSignatureCheck)).toEqual({
      status: 'revoked',
      certificate: CLAIMS,
      issuer: { code: OFFICE_A, name: 'Kecamatan Plaju' },
      revocation,
    });
  });

  it('valid: the same number revoked by another office does not touch this one', () => {
    const revocation = { office: OFFICE_B, number: CLAIMS.number, revokedOn: '2026-04-01', reason: 'x', replacedBy: null };
    expect(verifyCode(codeA, trustList({ revocations: [revocation] }), nodeSignatureCheck).status).toBe('valid');
  });

  it('follows the trust list it is given, call by call (nothing cached)', () => {
    const list = trustList();
    expect(verifyCode(codeA, list, nodeSignatureCheck).status).toBe('valid');
    list.revocations.push({ office: OFFICE_A, number: CLAIMS.number, revokedOn: '2026-04-01', reason: 'x', replacedBy: null });
    expect(verifyCode(codeA, list, nodeSignatureCheck).status).toBe('revoked');
    list.offices[0]!.keys = [];
    expect(verifyCode(codeA, list, nodeSignatureCheck).status).toBe('unknown_issuer');
  });

  it('no single changed character of a code verifies different content', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
    const list = trustList();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: codeA.length - 1 }), fc.constantFrom(...alphabet), (i, ch) => {
        fc.pre(codeA[i] !== ch);
        const changed = codeA.slice(0, i) + ch + codeA.slice(i + 1);
        // Valid only if the change fell in deflate's unused padding bits: the same signed bytes.
        if (verifyCode(changed, list, nodeSignatureCheck).status === 'valid') expect(sameContent(changed)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('never throws', () => {
  const list = trustList();
  const base45Char = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:');

  it('on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(verifyCode(text, list, nodeSignatureCheck).status).toBe('malformed');
        expect(inspectCode(text).stage).not.toBe('ok');
      }),
      { numRuns: 500 },
    );
  });

  it('on any base45 text after the prefix', () => {
    fc.assert(
      fc.property(fc.array(base45Char, { maxLength: 400 }), (chars) => {
        const text = CODE_PREFIX + chars.join('');
        expect(verifyCode(text, list, nodeSignatureCheck).status).toBe('malformed');
        expect(() => inspectCode(text)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('on any bytes compressed into a code (reaching the COSE and CBOR stages)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = verifyCode(codeFromCose(bytes), list, nodeSignatureCheck);
        expect(result.status).toBe('malformed');
        expect(['cose', 'cbor']).toContain(result.stage);
      }),
      { numRuns: 500 },
    );
  });

  it('on any payload signed by a trusted key', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (payload) => {
        const text = codeFromCose(encodeCoseSign1(payload, A.signer));
        expect(verifyCode(text, list, nobleSignatureCheck)).toEqual({ status: 'malformed', stage: 'cbor' });
        expect(() => JSON.stringify(inspectCode(text))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('inspectCode', () => {
  it('shows a Bangkom code without trusting it', () => {
    const result = inspectCode(`${encodeCertificateCode(CLAIMS, STRANGER.signer)}\r\n`);
    expect(result).toMatchObject({ stage: 'ok', prefix: 'BK1:', alg: -8, kid: STRANGER.kid, certificate: CLAIMS });
    expect(result.claims).toEqual({
      0: 1, 1: CLAIMS.office, 2: CLAIMS.number, 3: CLAIMS.nip, 4: CLAIMS.name, 5: CLAIMS.role,
      6: CLAIMS.event, 7: CLAIMS.start, 8: CLAIMS.end, 9: CLAIMS.jp, 10: CLAIMS.issued,
    });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('reads an HCERT code too, with byte strings as base64', () => {
    const cwt = new Map<number, unknown>([[1, 'AT'], [4, 1700000000], [-260, new Map([[1, { ver: '1.3.0' }]])], [7, new Uint8Array([1, 2, 3])]]);
    const code = codeFromCose(encodeCoseSign1(cborEncode(cwt), A.signer), 'HC1:');
    expect(inspectCode(code)).toEqual({
      stage: 'ok', prefix: 'HC1:', alg: -8, kid: A.kid,
      claims: { 1: 'AT', 4: 1700000000, '-260': { 1: { ver: '1.3.0' } }, 7: 'AQID' },
    });
    expect(verifyCode(code, trustList(), nodeSignatureCheck)).toEqual({ status: 'malformed', stage: 'prefix' });
  });

  it('keeps what it read before the failing stage', () => {
    expect(inspectCode('XX1:ABC')).toMatchObject({ stage: 'prefix', prefix: null, alg: null, kid: null, claims: null });
    expect(inspectCode('BK1:abc')).toMatchObject({ stage: 'base45', prefix: 'BK1:' });
    const notClaims = codeFromCose(encodeCoseSign1(cborEncode('hello'), A.signer));
    expect(inspectCode(notClaims)).toMatchObject({ stage: 'cbor', prefix: 'BK1:', alg: -8, kid: A.kid, claims: 'hello' });
  });
});

describe('parseCoseSign1', () => {
  const payload = new Uint8Array([1, 2, 3]);
  const protectedBytes = cborEncode(new Map<number, unknown>([[1, -8], [4, new Uint8Array([9])]]));
  const sig = new Uint8Array(64);

  it('accepts the COSE_Sign1 tag, no tag, and a CWT tag 61 around tag 18', () => {
    const array = [protectedBytes, new Map(), payload, sig];
    for (const item of [array, new Tagged(18, array), new Tagged(61, new Tagged(18, array)), new Tagged(61, array)]) {
      const parsed = parseCoseSign1(cborEncode(item));
      expect(parsed.ok && parsed.cose.kid).toEqual(new Uint8Array([9]));
    }
    expect(parseCoseSign1(cborEncode(new Tagged(18, new Tagged(61, array)))).ok).toBe(false);
  });

  it('takes the kid from the protected header over the unprotected one, else from the unprotected one', () => {
    const unprotected = new Map<number, unknown>([[4, new Uint8Array([7])]]);
    const both = parseCoseSign1(cborEncode([protectedBytes, unprotected, payload, sig]));
    expect(both.ok && both.cose.kid).toEqual(new Uint8Array([9]));
    const onlyUnprotected = parseCoseSign1(cborEncode([cborEncode(new Map([[1, -8]])), unprotected, payload, sig]));
    expect(onlyUnprotected.ok && onlyUnprotected.cose.kid).toEqual(new Uint8Array([7]));
  });
});

describe('keys', () => {
  it('kidOf is base64 of the first 8 bytes of SHA-256 over the raw key', () => {
    const expected = createHash('sha256').update(A.pair.publicKey).digest().subarray(0, 8).toString('base64');
    expect(kidOf(A.pair.publicKey)).toBe(expected);
    expect(A.kid).toHaveLength(12);
  });

  it('fingerprintOf is uppercase SHA-256 hex in 16 groups of 4', () => {
    const fingerprint = fingerprintOf(A.pair.publicKey);
    expect(fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(fingerprint.replaceAll(' ', '')).toBe(createHash('sha256').update(A.pair.publicKey).digest('hex').toUpperCase());
  });

  it('base64 agrees with Buffer, and refuses anything but the one canonical spelling', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
      const text = Buffer.from(bytes).toString('base64');
      expect(toBase64(bytes)).toBe(text);
      expect(fromBase64(text)).toEqual(bytes);
    }));
    for (const bad of ['QR==', 'QQ=', 'Q===', 'QQ==QQ==', 'AB-_', 'AB C', 'ABC\n', 'QUJD\u00e9']) expect(fromBase64(bad), bad).toBeNull();
  });

  it('base45 encodes a view into a larger buffer from its own offset', () => {
    const big = new Uint8Array([1, 2, 3, 4, 5, 6, 7]);
    expect(encodeBase45(big.subarray(3, 6))).toBe(encodeBase45(new Uint8Array([4, 5, 6])));
  });

  it('the backend key pair: raw 32-byte public key, PKCS#8 private key that signs for it', () => {
    expect(A.pair.publicKey).toHaveLength(32);
    expect(publicKeyOf(A.pair.privateKey)).toEqual(A.pair.publicKey);
    const data = new TextEncoder().encode('data');
    const signature = ed25519Signer(A.pair.privateKey)(data);
    for (const [, check] of CHECKS) {
      expect(check(COSE_ALG.EdDSA, A.pair.publicKey, data, signature)).toBe(true);
      expect(check(COSE_ALG.EdDSA, B.pair.publicKey, data, signature)).toBe(false);
      expect(check(COSE_ALG.ES256, A.pair.publicKey, data, signature)).toBe(false);
      expect(check(12345, A.pair.publicKey, data, signature)).toBe(false);
      expect(check(COSE_ALG.EdDSA, A.pair.publicKey.subarray(1), data, signature)).toBe(false);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Reading codes from images.

/** RGBA pixels of a QR code: `scale` pixels per module, a 4-module quiet zone, placed at (x, y). */
function qrPixels(text: string, opts: { scale?: number; width?: number; height?: number; x?: number; y?: number; invert?: boolean; transparent?: boolean } = {}) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const scale = opts.scale ?? 4;
  const side = (modules.size + 8) * scale;
  const width = opts.width ?? side;
  const height = opts.height ?? side;
  const data = new Uint8ClampedArray(width * height * 4);
  const [dark, light] = opts.invert ? [255, 0] : [0, 255];
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const mx = Math.floor((px - (opts.x ?? 0)) / scale) - 4;
      const my = Math.floor((py - (opts.y ?? 0)) / scale) - 4;
      const on = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.data[my * modules.size + mx] === 1;
      const i = (py * width + px) * 4;
      data[i] = data[i + 1] = data[i + 2] = opts.transparent ? 0 : on ? dark : light;
      data[i + 3] = opts.transparent ? (on ? 255 : 0) : 255;
    }
  }
  return { data, width, height };
}

function pngOf(image: { data: Uint8ClampedArray; width: number; height: number }): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return new Uint8Array(PNG.sync.write(png));
}

describe('readQrFromRgba', () => {
  it('reads a code, dark on light and light on dark', () => {
    for (const invert of [false, true]) {
      const image = qrPixels(codeA, { invert });
      expect(readQrFromRgba(image.data, image.width, image.height)).toBe(codeA);
    }
  });

  it('returns null for no code and for inconsistent sizes', () => {
    expect(readQrFromRgba(new Uint8ClampedArray(40 * 40 * 4).fill(255), 40, 40)).toBeNull();
    expect(readQrFromRgba(new Uint8ClampedArray(10), 40, 40)).toBeNull();
    expect(readQrFromRgba(new Uint8ClampedArray(0), 0, 0)).toBeNull();
  });
});

describe('readCodeFromImage', () => {
  it('reads a PNG and a JPEG', () => {
    const image = qrPixels(codeA);
    expect(readCodeFromImage(pngOf(image))).toEqual({ ok: true, text: codeA });
    const jpg = jpeg.encode({ data: Buffer.from(image.data), width: image.width, height: image.height }, 85).data;
    expect(readCodeFromImage(new Uint8Array(jpg))).toEqual({ ok: true, text: codeA });
  });

  it('reads a QR exported with a transparent background', () => {
    expect(readCodeFromImage(pngOf(qrPixels(codeA, { transparent: true })))).toEqual({ ok: true, text: codeA });
  });

  it('finds a small code on a large page scan (read reduced first)', () => {
    const page = qrPixels(codeA, { scale: 8, width: 4000, height: 5000, x: 2900, y: 4000 });
    const started = performance.now();
    expect(readCodeFromImage(pngOf(page))).toEqual({ ok: true, text: codeA });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('names what went wrong', () => {
    expect(readCodeFromImage(new TextEncoder().encode('%PDF-1.7\n'))).toEqual({ ok: false, reason: 'unsupported_file' });
    expect(readCodeFromImage(new Uint8Array([1, 2, 3]))).toEqual({ ok: false, reason: 'unsupported_file' });
    expect(readCodeFromImage(new Uint8Array(0))).toEqual({ ok: false, reason: 'unsupported_file' });
    const png = pngOf(qrPixels(codeA));
    expect(readCodeFromImage(png.subarray(0, 40))).toEqual({ ok: false, reason: 'unreadable_image' });
    expect(readCodeFromImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toEqual({ ok: false, reason: 'unreadable_image' });
    const blank = { data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 };
    expect(readCodeFromImage(pngOf(blank))).toEqual({ ok: false, reason: 'no_qr' });
  });
});
