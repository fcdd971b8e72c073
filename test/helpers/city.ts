// A city office (BKPSDM Kota Palembang) for the city-side tests, the kecamatan it trusts, batches
// changed and signed again, and the import core called as the service calls it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { TrustedBatchKey } from '../../electron/backend/batches/read.ts';
import { ed25519Signer } from '../../electron/backend/certificates/crypto.ts';
import type { ImportRequest } from '../../electron/backend/city/import.ts';
import type { Db } from '../../electron/backend/db/open.ts';
import { activeSigningKey } from '../../electron/backend/db/repos/office-keys.ts';
import { trustedOffices } from '../../electron/backend/db/repos/trust.ts';
import { rosterCsv } from '../bench/roster.bench.ts';
import { openTestBackend, setUpOffice, type FakeClock, type TestBackend } from './backend.ts';

/** A data folder set up as an office, with its admin's session. */
export interface Office { t: TestBackend; token: string }
export type CityOffice = Office;

export async function cityOffice(opts: { clock?: FakeClock; dataDir?: string } = {}): Promise<CityOffice> {
  const t = openTestBackend(opts);
  const token = await setUpOffice(t, {
    regionCode: '16.71', kind: 'kota', name: 'BKPSDM Kota Palembang',
    signer: { name: 'Kepala BKPSDM', nip: '19700101 199003 1 002', title: 'Kepala BKPSDM' },
  });
  return { t, token };
}

/**
 * `to` trusts `from` by importing its trust file, after a person checked the fingerprint (a
 * kecamatan's at the city, the city's at a kecamatan).
 */
export async function trust(to: Office, from: Office): Promise<void> {
  const file = await from.t.ok('trust.export', {}, from.token);
  await to.t.ok('trust.import', { fileName: file.fileName, dataBase64: file.dataBase64, confirm: true }, to.token);
}

/** A second kecamatan of the city, Ilir Barat II, with two people; it and the city trust each other. */
export async function ilirBaratKecamatan(city: Office): Promise<Office> {
  const t = openTestBackend();
  const token = await setUpOffice(t, { regionCode: '16.71.01', name: 'Kantor Kecamatan Ilir Barat II' });
  await t.ok('roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(rosterCsv(2)).toString('base64') }, token);
  const ilir = { t, token };
  await trust(city, ilir);
  await trust(ilir, city);
  return ilir;
}

export function rezip(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  return zipSync(files);
}

/**
 * A batch changed and signed again with the office's own key (what a broken or dishonest copy of
 * the app could send): the manifest's hashes and counts made to match, so only the chain can tell.
 */
export function resigned(t: TestBackend, bytes: Uint8Array, change: (manifest: Record<string, unknown>, files: Record<string, Uint8Array>) => void): Uint8Array {
  return rezip(bytes, (files) => {
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as Record<string, unknown> & { files: Record<string, string>; counts: Record<string, number> };
    change(manifest, files);
    for (const name of Object.keys(manifest.files)) {
      manifest.files[name] = createHash('sha256').update(files[name]!).digest('hex');
      const text = Buffer.from(files[name]!).toString('utf8');
      manifest.counts[name.replace('.ndjson', '')] = text === '' ? 0 : text.split('\n').length - 1;
    }
    files['manifest.json'] = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
    files['manifest.sig'] = ed25519Signer(activeSigningKey(t.backend.db)!.privateKey!)(files['manifest.json']);
  });
}

/**
 * What importIntoCity hands the import core (city/import.ts) for a file, on this connection:
 * the kecamatan keys the city trusts, the inbox of `dataDir`. For tests that call the core itself
 * (a second process on the same data folder, a cut before the release).
 */
export function coreRequest(db: Db, dataDir: string, bytes: Uint8Array, at: string): ImportRequest {
  const trustedKeys: TrustedBatchKey[] = trustedOffices(db).filter((o) => o.kind === 'kecamatan').flatMap((o) => o.keys.map((k) => ({
    kid: k.kid, alg: k.alg, publicKey: new Uint8Array(Buffer.from(k.publicKey, 'base64')), officeCode: o.code,
  })));
  return {
    fileName: 'kiriman.bkbatch', bytes, trustedKeys, regencyCode: '16.71', dryRun: false, acceptOutOfOrder: false, at,
    keepFile: (manifest, sha256, kept) => {
      const file = path.join(dataDir, 'inbox', `${manifest.office.code}-${String(manifest.seq).padStart(5, '0')}-${sha256.slice(0, 16)}.bkbatch`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, kept);
      return file;
    },
  };
}
