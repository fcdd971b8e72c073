// The EU DCC (HCERT) public test cases run through Bangkom's own decoding chain: the same
// functions that read `BK1:` codes, given the `HC1:` prefix, and the same signature checks, given
// the key of each case's X.509 certificate. See shared/certificates/README.md.
//
// In scope: EXPECTEDUNPREFIX, EXPECTEDB45DECODE, EXPECTEDCOMPRESSION, EXPECTEDDECODE,
// EXPECTEDVERIFY, EXPECTEDVALIDJSON, EXPECTEDPICTUREDECODE.
// Out of scope (EU vaccination rules, not the container): EXPECTEDKEYUSAGE (key-usage OIDs in the
// signer's certificate), EXPECTEDSCHEMAVALIDATION (the DCC JSON schema), EXPECTEDEXPIRATIONCHECK
// (CWT iat/exp against a validation clock). They are listed, not run.
import { X509Certificate, createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decode as cborDecode } from 'cborg';
import { PNG } from 'pngjs';
import {
  HCERT_CLAIM, HCERT_PREFIX, decodeBase45, decodeChain, decodeCose, hcertPayloadProblem, inflateZlib, inspectCode, stripPrefix, toJsonSafe,
} from '../../shared/certificates/code.ts';
import { nobleSignatureCheck } from '../../shared/certificates/noble-check.ts';
import { readQrFromRgba } from '../../shared/certificates/qr-image.ts';
import { verifyCose, type ResolvedKey } from '../../shared/certificates/verify.ts';
import { COSE_ALG, type SignatureCheck } from '../../shared/certificates/types.ts';
import { nodeSignatureCheck } from '../../electron/backend/certificates/crypto.ts';
import { readCodeFromImage } from '../../electron/backend/certificates/read-image.ts';

const IN_SCOPE = [
  'EXPECTEDUNPREFIX', 'EXPECTEDB45DECODE', 'EXPECTEDCOMPRESSION', 'EXPECTEDDECODE',
  'EXPECTEDVERIFY', 'EXPECTEDVALIDJSON', 'EXPECTEDPICTUREDECODE',
] as const;
const OUT_OF_SCOPE = ['EXPECTEDKEYUSAGE', 'EXPECTEDSCHEMAVALIDATION', 'EXPECTEDEXPIRATIONCHECK'] as const;
type Expectation = (typeof IN_SCOPE)[number];

interface HcertCase {
  PREFIX?: string;
  BASE45?: string;
  COMPRESSED?: string;
  COSE?: string;
  CBOR?: string;
  JSON?: unknown;
  '2DCODE'?: string;
  TESTCTX: { CERTIFICATE: string; DESCRIPTION?: string };
  EXPECTEDRESULTS: Partial<Record<Expectation | (typeof OUT_OF_SCOPE)[number], boolean>>;
}

// The public EU DCC test set (Apache-2.0, see its LICENSE and NOTICE). Missing data fails the
// suite rather than skipping it.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = [path.join(repoRoot, 'test/fixtures/hcert-testdata/common/2DCode/raw')].find((d) => existsSync(d));

const cases: [string, HcertCase][] = dataDir
  ? readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort().map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(dataDir, f), 'utf8')) as HcertCase])
  : [];

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const PREFIXES = [HCERT_PREFIX];

/** The signer's key as a trust entry would hold it, found by HCERT's kid (SHA-256 of the certificate DER, 8 bytes). */
function keyResolver(c: HcertCase): { resolve: (kid: Uint8Array | null) => ResolvedKey | null; alg: number } {
  const der = Buffer.from(c.TESTCTX.CERTIFICATE, 'base64');
  const certificate = new X509Certificate(der);
  const alg = certificate.publicKey.asymmetricKeyType === 'ec' ? COSE_ALG.ES256 : COSE_ALG.PS256;
  const publicKey = new Uint8Array(certificate.publicKey.export({ type: 'spki', format: 'der' }));
  const kid = createHash('sha256').update(der).digest().subarray(0, 8);
  return { alg, resolve: (k) => (k && Buffer.compare(Buffer.from(k), kid) === 0 ? { alg, publicKey } : null) };
}

/** "Decode" in HCERT's sense: the whole chain, and a payload shaped as an HCERT CWT. */
function decodesFully(text: string): boolean {
  const chain = decodeChain(text, PREFIXES);
  return chain.ok && hcertPayloadProblem(chain.payload) === null;
}

/** The DCC inside a decoded CWT: claim -260, entry 1, JSON-safe. */
function dccJson(text: string): unknown {
  const chain = decodeChain(text, PREFIXES);
  if (!chain.ok || !(chain.payload instanceof Map)) return undefined;
  const hcert: unknown = chain.payload.get(HCERT_CLAIM);
  return hcert instanceof Map ? toJsonSafe(hcert.get(1)) : undefined;
}

const checks: Record<string, (expected: boolean, c: HcertCase) => void> = {
  EXPECTEDUNPREFIX(expected, c) {
    expect(stripPrefix(c.PREFIX!, PREFIXES).ok).toBe(expected);
    const chain = decodeChain(c.PREFIX!, PREFIXES);
    expect(!chain.ok && chain.stage === 'prefix').toBe(!expected);
  },

  EXPECTEDB45DECODE(expected, c) {
    const body = c.BASE45 ?? c.PREFIX!.slice(HCERT_PREFIX.length);
    const decoded = decodeBase45(body);
    expect(decoded.ok).toBe(expected);
    if (decoded.ok && c.COMPRESSED) expect(decoded.value).toEqual(hex(c.COMPRESSED));
    const chain = decodeChain(c.PREFIX!, PREFIXES);
    expect(!chain.ok && chain.stage === 'base45').toBe(!expected);
  },

  EXPECTEDCOMPRESSION(expected, c) {
    const inflated = inflateZlib(hex(c.COMPRESSED!));
    expect(inflated.ok).toBe(expected);
    if (inflated.ok && c.COSE) expect(inflated.value).toEqual(hex(c.COSE));
    const chain = decodeChain(c.PREFIX!, PREFIXES);
    expect(!chain.ok && chain.stage === 'zlib').toBe(!expected);
  },

  EXPECTEDDECODE(expected, c) {
    expect(decodesFully(c.PREFIX!)).toBe(expected);
    if (c.COSE) {
      const cose = decodeCose(hex(c.COSE));
      expect(cose.ok).toBe(true);
      // The reference CBOR of the DCC decodes to what the chain found inside the COSE payload.
      if (expected && cose.ok && c.CBOR) expect(dccJson(c.PREFIX!)).toEqual(toJsonSafe(cborDecode(hex(c.CBOR), { useMaps: true })));
    }
    expect(inspectCode(c.PREFIX!).stage === 'ok').toBe(expected);
  },

  EXPECTEDVERIFY(expected, c) {
    const { resolve, alg } = keyResolver(c);
    const viaNode = verifyCose(c.PREFIX!, PREFIXES, resolve, nodeSignatureCheck);
    expect(viaNode.ok, `node:crypto: ${viaNode.ok ? 'ok' : viaNode.reason}`).toBe(expected);
    // The browsers' pure-JS check has ES256 (and EdDSA), not PS256.
    if (alg === COSE_ALG.ES256) expect(verifyCose(c.PREFIX!, PREFIXES, resolve, nobleSignatureCheck).ok).toBe(expected);
  },

  EXPECTEDVALIDJSON(expected, c) {
    if (expected) expect(dccJson(c.PREFIX!)).toEqual(c.JSON);
    else expect(dccJson(c.PREFIX!)).not.toEqual(c.JSON);
  },

  EXPECTEDPICTUREDECODE(expected, c) {
    // The backend's path for an uploaded picture (pngjs, then readQrFromRgba)…
    const bytes = new Uint8Array(Buffer.from(c['2DCODE']!, 'base64'));
    const read = readCodeFromImage(bytes);
    expect(read.ok && read.text === c.PREFIX).toBe(expected);
    // …and the shared reader on the pixels directly, where the PNG itself can be read (Q1's cannot).
    let png: PNG | null = null;
    try {
      png = PNG.sync.read(Buffer.from(bytes));
    } catch {
      expect(expected).toBe(false);
    }
    if (png) {
      const text = readQrFromRgba(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
      expect(text === c.PREFIX).toBe(expected);
    }
  },
};

/** An expectation a case states but cannot be run, with why. */
function unrunnable(name: Expectation, c: HcertCase): string | null {
  if (name === 'EXPECTEDPICTUREDECODE' && !c['2DCODE']) return 'the case has no 2DCODE picture';
  if (name === 'EXPECTEDCOMPRESSION' && !c.COMPRESSED) return 'the case has no COMPRESSED field';
  if (name === 'EXPECTEDVALIDJSON' && c.JSON === undefined) return 'the case has no JSON field';
  if (!c.PREFIX) return 'the case has no PREFIX';
  return null;
}

describe('HCERT peer suite (dgc-testdata common/2DCode/raw)', () => {
  it('finds the test data', () => {
    expect(dataDir, "test/fixtures/hcert-testdata not found").toBeDefined();
    expect(cases.length).toBeGreaterThan(30);
  });

  it('knows every expectation the data states (in scope or listed as out of scope)', () => {
    const known = new Set<string>([...IN_SCOPE, ...OUT_OF_SCOPE]);
    const unknown = cases.flatMap(([name, c]) => Object.keys(c.EXPECTEDRESULTS).filter((k) => !known.has(k)).map((k) => `${name}: ${k}`));
    expect(unknown).toEqual([]);
  });

  // Written out so a change in the data (or in what runs) shows in review.
  it('lists what it does not run', () => {
    const skipped = cases.flatMap(([name, c]) =>
      Object.keys(c.EXPECTEDRESULTS).flatMap((key) => {
        if ((OUT_OF_SCOPE as readonly string[]).includes(key)) return [`${name} ${key}: out of scope`];
        const why = unrunnable(key as Expectation, c);
        return why ? [`${name} ${key}: ${why}`] : [];
      }));
    expect(skipped).toEqual([
      'B1 EXPECTEDPICTUREDECODE: the case has no 2DCODE picture',
      'CO10 EXPECTEDKEYUSAGE: out of scope',
      'CO11 EXPECTEDKEYUSAGE: out of scope',
      'CO12 EXPECTEDKEYUSAGE: out of scope',
      'CO13 EXPECTEDKEYUSAGE: out of scope',
      'CO14 EXPECTEDKEYUSAGE: out of scope',
      'CO15 EXPECTEDKEYUSAGE: out of scope',
      'CO16 EXPECTEDEXPIRATIONCHECK: out of scope',
      'CO17 EXPECTEDEXPIRATIONCHECK: out of scope',
      'CO28 EXPECTEDSCHEMAVALIDATION: out of scope',
      'CO28 EXPECTEDEXPIRATIONCHECK: out of scope',
      'CO6 EXPECTEDKEYUSAGE: out of scope',
      'CO7 EXPECTEDKEYUSAGE: out of scope',
      'CO8 EXPECTEDKEYUSAGE: out of scope',
      'CO9 EXPECTEDKEYUSAGE: out of scope',
      'DGC1 EXPECTEDSCHEMAVALIDATION: out of scope',
      'DGC2 EXPECTEDSCHEMAVALIDATION: out of scope',
      'DGC3 EXPECTEDSCHEMAVALIDATION: out of scope',
      'DGC4 EXPECTEDSCHEMAVALIDATION: out of scope',
      'DGC5 EXPECTEDSCHEMAVALIDATION: out of scope',
      'DGC6 EXPECTEDSCHEMAVALIDATION: out of scope',
    ]);
  });

  const runs = cases.flatMap(([name, c]) =>
    IN_SCOPE.filter((key) => key in c.EXPECTEDRESULTS && unrunnable(key, c) === null)
      .map((key) => [name, key, c.EXPECTEDRESULTS[key]!, c.TESTCTX.DESCRIPTION ?? '', c] as const));

  it.each(runs)('%s %s = %s (%s)', (_name, key, expected, _description, c) => {
    checks[key]!(expected, c);
  });

  it.each(cases.filter(([, c]) => c.PREFIX))('%s: inspectCode reads it without throwing, as JSON', (_, c) => {
    const result = inspectCode(c.PREFIX!);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('runs both signature algorithms of the data through node:crypto, and ES256 through @noble/curves', () => {
    const algs = new Set(cases.map(([, c]) => keyResolver(c).alg));
    expect([...algs].sort()).toEqual([COSE_ALG.PS256, COSE_ALG.ES256].sort());
  });

  it('a verified case fails once its signature check is given the wrong key type', () => {
    const [, c] = cases.find(([name]) => name === 'CO3')!;
    const { resolve } = keyResolver(c);
    const asPs256 = (kid: Uint8Array | null) => {
      const key = resolve(kid);
      return key && { ...key, alg: COSE_ALG.PS256 };
    };
    const checksToTry: SignatureCheck[] = [nodeSignatureCheck, nobleSignatureCheck];
    for (const check of checksToTry) expect(verifyCose(c.PREFIX!, PREFIXES, asPs256, check).ok).toBe(false);
  });
});
