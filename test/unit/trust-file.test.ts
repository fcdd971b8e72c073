import { describe, expect, it } from 'vitest';
import { fromBase64, kidOf, toBase64 } from '../../shared/certificates/keys.ts';
import { nobleSignatureCheck } from '../../shared/certificates/noble-check.ts';
import {
  TRUST_FILE_FORMAT, combineTrustLists, encodeTrustFile, parseTrustFile, trustListOf, type TrustFilePayload,
} from '../../shared/certificates/trust-file.ts';
import type { Revocation, SignatureCheck, TrustKey, TrustList, TrustOffice } from '../../shared/certificates/types.ts';
import { ed25519Signer, generateOfficeKeyPair, nodeSignatureCheck } from '../../electron/backend/certificates/crypto.ts';

function makeKey() {
  const pair = generateOfficeKeyPair();
  const kid = kidOf(pair.publicKey);
  const entry = (over: Partial<TrustKey> = {}): TrustKey => ({
    kid, alg: -8, publicKey: toBase64(pair.publicKey), status: 'active', createdAt: '2026-01-02T03:04:05.000Z', retiredAt: null, ...over,
  });
  return { pair, kid, sign: ed25519Signer(pair.privateKey), entry };
}

const A = makeKey();
const A_OLD = makeKey();
const B = makeKey();

const officeA = (keys: TrustKey[] = [A.entry(), A_OLD.entry({ status: 'retired', retiredAt: '2026-01-01T00:00:00Z' })]): TrustOffice => ({
  code: '16.71.14', name: 'Kecamatan Plaju', kind: 'kecamatan', keys,
});
const officeB = (): TrustOffice => ({ code: '16.71.15', name: 'Kecamatan Seberang Ulu', kind: 'kecamatan', keys: [B.entry()] });
const revocation = (number: string, over: Partial<Revocation> = {}): Revocation => ({
  office: '16.71.14', number, revokedOn: '2026-04-01', reason: 'Nama salah tulis', replacedBy: null, ...over,
});

const PAYLOAD: TrustFilePayload = {
  kind: 'office',
  signer: { office: '16.71.14', kid: A.kid },
  createdAt: '2026-04-02T08:00:00+07:00',
  offices: [officeA()],
  revocations: [revocation('800.2.4/003/KEC-PLJ/2026', { replacedBy: '800.2.4/019/KEC-PLJ/2026' })],
};

const CHECKS: [string, SignatureCheck][] = [['node:crypto', nodeSignatureCheck], ['@noble/curves', nobleSignatureCheck]];

/** The outer JSON of a file, to damage it. */
const outer = (text: string) => JSON.parse(text) as { format: string; version: number; payload: string; signature: string };
const payloadOf = (text: string) => JSON.parse(new TextDecoder().decode(fromBase64(outer(text).payload)!)) as TrustFilePayload;
const withPayload = (text: string, payload: unknown) =>
  JSON.stringify({ ...outer(text), payload: toBase64(new TextEncoder().encode(JSON.stringify(payload))) });

describe('trust file', () => {
  const file = encodeTrustFile(PAYLOAD, A.sign);

  it('round-trips, with either signature check', () => {
    for (const [, check] of CHECKS) {
      expect(parseTrustFile(file, check)).toEqual({ ok: true, payload: PAYLOAD, signerKey: A.entry(), signerOffice: officeA() });
    }
    expect(trustListOf(PAYLOAD)).toEqual({ offices: PAYLOAD.offices, revocations: PAYLOAD.revocations });
  });

  it('has the documented outer shape, and is deterministic', () => {
    expect(Object.keys(outer(file))).toEqual(['format', 'version', 'payload', 'signature']);
    expect(outer(file)).toMatchObject({ format: 'bangkom-trust', version: 1 });
    expect(payloadOf(file)).toEqual(PAYLOAD);
    const reordered = { revocations: PAYLOAD.revocations, offices: PAYLOAD.offices, createdAt: PAYLOAD.createdAt, signer: PAYLOAD.signer, kind: PAYLOAD.kind };
    expect(encodeTrustFile(reordered, A.sign)).toBe(file);
  });

  it('reads a file an editor saved with a byte-order mark', () => {
    expect(parseTrustFile(`\ufeff${file}`, nodeSignatureCheck).ok).toBe(true);
  });

  it('accepts a file signed by a retired key it lists (older files stay readable)', () => {
    const signed = encodeTrustFile({ ...PAYLOAD, signer: { office: '16.71.14', kid: A_OLD.kid } }, A_OLD.sign);
    expect(parseTrustFile(signed, nodeSignatureCheck)).toMatchObject({ ok: true, signerKey: { kid: A_OLD.kid, status: 'retired' } });
  });

  it('bad_signature: signed with another key than the one it names', () => {
    for (const [, check] of CHECKS) expect(parseTrustFile(encodeTrustFile(PAYLOAD, B.sign), check)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('bad_signature: the payload altered after signing', () => {
    const altered = { ...PAYLOAD, revocations: [] };
    expect(parseTrustFile(withPayload(file, altered), nodeSignatureCheck)).toEqual({ ok: false, reason: 'bad_signature' });
    // The same content spelled differently (whitespace) is other bytes: the signature is over bytes.
    const respaced = JSON.stringify({ ...outer(file), payload: toBase64(new TextEncoder().encode(JSON.stringify(PAYLOAD, null, 1))) });
    expect(parseTrustFile(respaced, nodeSignatureCheck)).toEqual({ ok: false, reason: 'bad_signature' });
    const signature = fromBase64(outer(file).signature)!;
    signature[0] = signature[0]! ^ 1;
    expect(parseTrustFile(JSON.stringify({ ...outer(file), signature: toBase64(signature) }), nodeSignatureCheck)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('bad_signature: a key swapped in for the signer (someone else re-signing an office\'s list is unknown_signer or bad_signature, never ok)', () => {
    const swapped = { ...PAYLOAD, offices: [officeA([{ ...A.entry(), publicKey: toBase64(B.pair.publicKey), kid: B.kid }])], signer: { office: '16.71.14', kid: B.kid } };
    expect(parseTrustFile(withPayload(file, swapped), nodeSignatureCheck)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('unknown_signer: the signer is not listed, or not under its office', () => {
    const unlisted = encodeTrustFileUnchecked({ ...PAYLOAD, signer: { office: '16.71.14', kid: B.kid } }, B.sign);
    expect(parseTrustFile(unlisted, nodeSignatureCheck)).toMatchObject({ ok: false, reason: 'unknown_signer' });
    const otherOffice = encodeTrustFileUnchecked({ ...PAYLOAD, offices: [officeA(), officeB()], signer: { office: '16.71.14', kid: B.kid } }, B.sign);
    expect(parseTrustFile(otherOffice, nodeSignatureCheck)).toMatchObject({ ok: false, reason: 'unknown_signer' });
    const noOffice = encodeTrustFileUnchecked({ ...PAYLOAD, signer: { office: '99.99.99', kid: A.kid } }, A.sign);
    expect(parseTrustFile(noOffice, nodeSignatureCheck)).toMatchObject({ ok: false, reason: 'unknown_signer' });
  });

  it('the encoder refuses what the parser would refuse', () => {
    expect(() => encodeTrustFile({ ...PAYLOAD, signer: { office: '16.71.14', kid: B.kid } }, B.sign)).toThrow(/signer/);
    expect(() => encodeTrustFile({ ...PAYLOAD, createdAt: 'yesterday' }, A.sign)).toThrow(/createdAt/);
  });

  it.each([
    ['not JSON', 'hello'],
    ['a PDF', '%PDF-1.7\n%âãÏÓ\n1 0 obj'],
    ['empty', ''],
    ['JSON that is not an object', '[1,2,3]'],
    ['JSON null', 'null'],
    ['random JSON', '{"name":"Bangkom","items":[1,2]}'],
    ['a batch manifest', '{"format":"bangkom-batch","version":1,"payload":"e30=","signature":""}'],
  ])('not_trust_file: %s', (_, text) => {
    expect(parseTrustFile(text, nodeSignatureCheck)).toMatchObject({ ok: false, reason: 'not_trust_file' });
  });

  it('unsupported_version: a later version', () => {
    expect(parseTrustFile(JSON.stringify({ ...outer(file), version: 2 }), nodeSignatureCheck)).toMatchObject({ ok: false, reason: 'unsupported_version' });
  });

  const invalid: [string, () => string][] = [
    ['a version that is not a number', () => JSON.stringify({ ...outer(file), version: '1' })],
    ['a payload that is not base64', () => JSON.stringify({ ...outer(file), payload: 'not base64!' })],
    ['no signature', () => JSON.stringify({ ...outer(file), signature: undefined })],
    ['a payload that is not JSON', () => JSON.stringify({ ...outer(file), payload: toBase64(new TextEncoder().encode('{')) })],
    ['a payload that is not UTF-8', () => JSON.stringify({ ...outer(file), payload: toBase64(new Uint8Array([0x22, 0xff, 0x22])) })],
    ['a payload of the wrong shape', () => withPayload(file, { kind: 'office' })],
    ['an unknown kind', () => withPayload(file, { ...PAYLOAD, kind: 'city' })],
    ['an extra field', () => withPayload(file, { ...PAYLOAD, extra: true })],
    ['a kid that is not the hash of its key', () => withPayload(file, { ...PAYLOAD, offices: [officeA([{ ...A.entry(), kid: B.kid }])] })],
    ['a short Ed25519 key', () => withPayload(file, { ...PAYLOAD, offices: [officeA([{ ...A.entry(), publicKey: toBase64(new Uint8Array(31)), kid: kidOf(new Uint8Array(31)) }])] })],
    ['a retired key without retiredAt', () => withPayload(file, { ...PAYLOAD, offices: [officeA([A.entry({ status: 'retired' })])] })],
    ['an active key with retiredAt', () => withPayload(file, { ...PAYLOAD, offices: [officeA([A.entry({ retiredAt: '2026-01-01T00:00:00Z' })])] })],
    ['an office listed twice', () => withPayload(file, { ...PAYLOAD, offices: [officeA(), officeA()] })],
    ['a kid listed twice in an office', () => withPayload(file, { ...PAYLOAD, offices: [officeA([A.entry(), A.entry()])] })],
    ['a revocation date not on the calendar', () => withPayload(file, { ...PAYLOAD, revocations: [revocation('x', { revokedOn: '2026-02-30' })] })],
    ['a createdAt that is not an instant', () => withPayload(file, { ...PAYLOAD, createdAt: '2026-04-02' })],
  ];
  it.each(invalid)('invalid_content: %s', (_, make) => {
    expect(parseTrustFile(make(), nodeSignatureCheck)).toMatchObject({ ok: false, reason: 'invalid_content' });
  });

  it('never throws on arbitrary text', () => {
    for (const text of ['{', '{"format":"bangkom-trust"}', '{"format":"bangkom-trust","version":1}', '{"format":"bangkom-trust","version":1,"payload":"","signature":""}', '"x"', '1e999']) {
      expect(() => parseTrustFile(text, nodeSignatureCheck)).not.toThrow();
      expect(parseTrustFile(text, nodeSignatureCheck).ok).toBe(false);
    }
  });

  it(`names its format ${TRUST_FILE_FORMAT}`, () => {
    expect(TRUST_FILE_FORMAT).toBe('bangkom-trust');
  });
});

describe('combineTrustLists', () => {
  it('joins offices by code, keys by kid, and revocations once per office and number', () => {
    const first: TrustList = {
      offices: [officeA([A.entry()]), officeB()],
      revocations: [revocation('001'), revocation('002')],
    };
    const second: TrustList = {
      offices: [
        { ...officeA([A.entry({ status: 'retired', retiredAt: '2026-03-01T00:00:00Z' }), A_OLD.entry()]), name: 'Kecamatan Plaju (baru)' },
      ],
      revocations: [revocation('002', { reason: 'other reason' }), revocation('001', { office: '16.71.15' })],
    };
    expect(combineTrustLists([first, second])).toEqual({
      offices: [
        { ...officeA([A.entry({ status: 'retired', retiredAt: '2026-03-01T00:00:00Z' }), A_OLD.entry()]), name: 'Kecamatan Plaju (baru)' },
        officeB(),
      ],
      revocations: [revocation('001'), revocation('002'), revocation('001', { office: '16.71.15' })],
    });
  });

  it('keeps a key retired once any list retires it, from the earliest retirement', () => {
    const retiredLate = A.entry({ status: 'retired', retiredAt: '2026-05-01T00:00:00Z' });
    const retiredEarly = A.entry({ status: 'retired', retiredAt: '2026-03-01T07:00:00+07:00' });
    const lists = [[A.entry()], [retiredLate], [A.entry()], [retiredEarly]].map((keys): TrustList => ({ offices: [officeA(keys)], revocations: [] }));
    expect(combineTrustLists(lists).offices[0]!.keys).toEqual([retiredEarly]);
    expect(combineTrustLists([...lists].reverse()).offices[0]!.keys).toEqual([retiredEarly]);
  });

  it('does not change the lists it is given', () => {
    const first: TrustList = { offices: [officeA([A.entry()])], revocations: [] };
    const copy = structuredClone(first);
    combineTrustLists([first, { offices: [officeA([A.entry({ status: 'retired', retiredAt: '2026-03-01T00:00:00Z' })])], revocations: [] }]);
    expect(first).toEqual(copy);
  });

  it('is empty for no lists', () => {
    expect(combineTrustLists([])).toEqual({ offices: [], revocations: [] });
  });
});

/** A signed file around any payload, bypassing the encoder's own checks (to make broken files). */
function encodeTrustFileUnchecked(payload: TrustFilePayload, sign: (bytes: Uint8Array) => Uint8Array): string {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  return JSON.stringify({ format: TRUST_FILE_FORMAT, version: 1, payload: toBase64(bytes), signature: toBase64(sign(bytes)) });
}
