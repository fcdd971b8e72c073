// The trip back: the city's signed receipt for a kecamatan's batch, between two real data folders.
// Kecamatan Plaju sends a batch, the city (BKPSDM Kota Palembang) imports it and writes a receipt,
// Plaju imports the receipt: the batch is diterima and nothing waits any more; a row the city
// refused makes it ditolak with the row and why. A receipt the office cannot trust changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { ed25519Signer, generateOfficeKeyPair } from '../../electron/backend/certificates/crypto.ts';
import { kidOf } from '../../shared/certificates/keys.ts';
import { removeTempDirs, tempDir, type TestBackend } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { trainingOffice } from '../helpers/trainings.ts';
import { cityOffice, ilirBaratKecamatan, trust, type Office } from '../helpers/city.ts';

afterEach(() => removeTempDirs());

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fileInput = (bytes: Uint8Array, fileName = 'kiriman.bkbatch') => ({ fileName, dataBase64: b64(bytes) });

const outboxState = (t: TestBackend) => ({
  batches: t.backend.db.prepare('SELECT * FROM batches ORDER BY seq').all(),
  receipts: t.backend.db.prepare('SELECT * FROM batch_receipts ORDER BY seq').all(),
  audit: t.backend.db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
});

const receiptJson = (dataBase64: string) =>
  JSON.parse(Buffer.from(unzipSync(Buffer.from(dataBase64, 'base64'))['receipt.json']!).toString('utf8')) as Record<string, unknown> & { kid: string };
const rowsIn = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('batch receipts', () => {
  it('round trip: batch → city import → signed receipt → kecamatan: diterima, nothing waits; a replay gives the same receipt; the same receipt again changes nothing', async () => {
    const o = await trainingOffice({ people: 3 });
    const plaju: Office = { t: o.t, token: o.token };
    const city = await cityOffice();
    try {
      await trust(city, plaju);
      await trust(plaju, city);
      expect((await o.t.ok('trust.list', {}, o.token)).find((x) => x.code === '16.71')).toMatchObject({ kind: 'kota', name: 'BKPSDM Kota Palembang' });

      const before = await o.t.ok('batch.pending', {}, o.token);
      expect(before).toMatchObject({ since: null, full: true });
      const made = await o.t.ok('batch.export', {}, o.token);
      // Made is not received: everything still waits for the city's word.
      expect(await o.t.ok('batch.pending', {}, o.token)).toEqual({ ...before, full: false });
      const bytes = new Uint8Array(fs.readFileSync(made.file));

      await city.t.fails('batch.receipt', { officeCode: '16.71.14', seq: 1 }, 'NOT_FOUND', city.token);
      expect(await city.t.ok('batch.import', { ...fileInput(bytes), dryRun: true }, city.token)).toMatchObject({ status: 'imported', dryRun: true });
      await city.t.fails('batch.receipt', { officeCode: '16.71.14', seq: 1 }, 'NOT_FOUND', city.token);
      expect(await city.t.ok('batch.import', fileInput(bytes), city.token)).toMatchObject({ status: 'imported', rejected: [] });
      const receipt = await city.t.ok('batch.receipt', { officeCode: '16.71.14', seq: 1 }, city.token);
      expect(receipt.fileName).toBe('Bangkom-16.71.14-Plaju-00001-tanda-terima.bkreceipt');
      expect(receiptJson(receipt.dataBase64)).toMatchObject({
        format: 'bangkom-receipt', formatVersion: 1, city: { code: '16.71', name: 'BKPSDM Kota Palembang' }, office: { code: '16.71.14' },
        batch: { seq: 1, sha256: made.sha256 }, status: 'imported', accepted: rowsIn(made.counts), rejected: [], alg: 'EdDSA',
      });
      // The batch sent again: already imported, and the very same receipt.
      expect(await city.t.ok('batch.import', fileInput(bytes), city.token)).toMatchObject({ status: 'already_imported' });
      city.t.clock.advance(3_600_000);
      expect(await city.t.ok('batch.import', fileInput(bytes), city.token)).toMatchObject({ status: 'already_imported' });
      expect((await city.t.ok('batch.receipt', { officeCode: '16.71.14', seq: 1, sha256: made.sha256 }, city.token)).dataBase64).toBe(receipt.dataBase64);
      await city.t.fails('batch.receipt', { officeCode: '16.71.14', seq: 1, sha256: 'b'.repeat(64) }, 'NOT_FOUND', city.token);

      const done = await o.t.ok('batch.importReceipt', fileInput(Buffer.from(receipt.dataBase64, 'base64'), receipt.fileName), o.token);
      expect(done).toMatchObject({ seq: 1, state: 'diterima', changed: true, receipt: { city: { code: '16.71' }, accepted: rowsIn(made.counts), rejected: [] } });
      expect(await o.t.ok('batch.list', {}, o.token)).toMatchObject([{ seq: 1, state: 'diterima', receipt: { status: 'imported', rejected: [] } }]);
      expect(await o.t.ok('batch.pending', {}, o.token)).toMatchObject({ since: 1, full: false, total: 0 });

      const kept = outboxState(o.t);
      expect(await o.t.ok('batch.importReceipt', fileInput(Buffer.from(receipt.dataBase64, 'base64')), o.token)).toMatchObject({ seq: 1, state: 'diterima', changed: false });
      expect(outboxState(o.t)).toEqual(kept);

      // What changes afterwards waits again, counted from the batch the city acknowledged.
      await o.t.ok('employees.setStatus', { id: o.employees[0]!.id, status: 'pindah', statusDate: '2026-11-24' }, o.token);
      expect(await o.t.ok('batch.pending', {}, o.token)).toMatchObject({ since: 1, total: 1, counts: { employees: 1 } });
    } finally {
      o.close();
      city.t.close();
    }
  });

  it('a row the city refuses (another kecamatan owns it): the receipt lists it, the batch becomes ditolak with the row and why', async () => {
    const o = await trainingOffice({ people: 3 });
    const plaju: Office = { t: o.t, token: o.token };
    const city = await cityOffice();
    const ilir = await ilirBaratKecamatan(city);
    const { t: other, token: otherToken } = ilir;
    try {
      await trust(city, plaju);
      expect(await city.t.ok('batch.import', fileInput(fs.readFileSync((await o.t.ok('batch.export', {}, o.token)).file)), city.token)).toMatchObject({ status: 'imported' });

      // Ilir Barat II holds a person under one of Plaju's ids (a copy made by hand between offices).
      const theirs = (await other.ok('employees.list', { limit: 10 }, otherToken)).items[0]!;
      const plajuId = o.employees[1]!.id;
      other.backend.db.prepare('UPDATE employees SET id = ? WHERE id = ?').run(plajuId, theirs.id);
      const made = await other.ok('batch.export', {}, otherToken);
      const result = await city.t.ok('batch.import', fileInput(fs.readFileSync(made.file)), city.token);
      expect(result).toMatchObject({ status: 'imported', rejected: [{ entity: 'employees', id: plajuId, reason: 'other_office' }] });

      const receipt = await city.t.ok('batch.receipt', { officeCode: '16.71.01', seq: 1 }, city.token);
      expect(receipt.fileName).toBe('Bangkom-16.71.01-Ilir-Barat-Dua-00001-tanda-terima.bkreceipt');
      expect(receiptJson(receipt.dataBase64)).toMatchObject({
        office: { code: '16.71.01' }, status: 'imported', accepted: rowsIn(made.counts) - 1, rejected: [{ entity: 'employees', id: plajuId, reason: 'other_office' }],
      });
      // Plaju cannot take Ilir Barat II's receipt: not its batch (and it does not trust the city yet).
      await trust(plaju, city);
      const notOurs = await o.t.fails('batch.importReceipt', fileInput(Buffer.from(receipt.dataBase64, 'base64')), 'VALIDATION', o.token);
      expect(notOurs.details).toMatchObject({ reason: 'not_ours' });

      expect(await other.ok('batch.importReceipt', fileInput(Buffer.from(receipt.dataBase64, 'base64')), otherToken)).toMatchObject({ seq: 1, state: 'ditolak', changed: true });
      expect(await other.ok('batch.list', {}, otherToken)).toMatchObject([{
        seq: 1, state: 'ditolak', receipt: { accepted: rowsIn(made.counts) - 1, rejected: [{ entity: 'employees', id: plajuId, reason: 'other_office' }] },
      }]);
      expect(await other.ok('batch.pending', {}, otherToken)).toMatchObject({ since: 1, total: 0 });
      const dir = other.dataDir;
      other.close();
      const status = await captureCli(['--data', dir, 'batch', 'status']);
      expect(status.stdout).toMatch(/00001 .* Ditolak\s+Bangkom-16\.71\.01-/);
      expect(status.stdout).toContain(`pegawai ${plajuId}: baris ini milik kantor lain`);
    } finally {
      o.close();
      city.t.close();
      other.close();
    }
  });

  it('a receipt altered by one byte, signed by a key not trusted, or from before the city is trusted: refused, nothing changed', async () => {
    const o = await trainingOffice({ people: 2 });
    const plaju: Office = { t: o.t, token: o.token };
    const city = await cityOffice();
    try {
      await trust(city, plaju);
      const made = await o.t.ok('batch.export', {}, o.token);
      await city.t.ok('batch.import', fileInput(fs.readFileSync(made.file)), city.token);
      const receipt = await city.t.ok('batch.receipt', { officeCode: '16.71.14', seq: 1 }, city.token);
      const bytes = new Uint8Array(Buffer.from(receipt.dataBase64, 'base64'));
      const kept = outboxState(o.t);
      const refused = async (data: Uint8Array, reason: string) => {
        const error = await o.t.fails('batch.importReceipt', fileInput(data), 'VALIDATION', o.token);
        expect(error.details).toMatchObject({ reason, issues: [{ path: ['file'], message: `batches.receipt.${reason}` }] });
        expect(outboxState(o.t)).toEqual(kept);
        return error;
      };

      // Before the city's trust file is imported here, its key is not trusted.
      expect((await refused(bytes, 'unknown_key')).message).toContain('daftar tepercaya');
      await trust(plaju, city);
      Object.assign(kept, outboxState(o.t));

      // One byte of the receipt changed: the accepted count, in the stored entry.
      const at = Buffer.from(bytes).indexOf('"accepted": ') + '"accepted": '.length;
      const altered = new Uint8Array(bytes);
      altered[at] = altered[at] === 0x39 ? 0x38 : altered[at]! + 1;
      const error = await o.t.fails('batch.importReceipt', fileInput(altered), 'VALIDATION', o.token);
      expect(error.details).toMatchObject({ reason: 'bad_signature' });
      expect(outboxState(o.t)).toEqual(kept);
      await refused(bytes.slice(0, 60), 'not_receipt');

      // The same content signed by another key: under the city's key id, and under a key id of its own.
      const json = JSON.parse(Buffer.from(unzipSync(bytes)['receipt.json']!).toString('utf8')) as Record<string, unknown>;
      const stranger = generateOfficeKeyPair();
      const forged = (kid: string) => {
        const text = new TextEncoder().encode(`${JSON.stringify({ ...json, kid }, null, 2)}\n`);
        return zipSync({ 'receipt.json': text, 'receipt.sig': ed25519Signer(stranger.privateKey)(text) });
      };
      await refused(forged(json.kid as string), 'bad_signature');
      await refused(forged(kidOf(stranger.publicKey)), 'unknown_key');
      // A receipt with an extra entry is not what was signed.
      await refused(zipSync({ ...unzipSync(bytes), 'lain.txt': new Uint8Array([1]) }), 'bad_signature');

      expect(await o.t.ok('batch.importReceipt', fileInput(bytes), o.token)).toMatchObject({ state: 'diterima', changed: true });
      // A city office is told plainly that receipts are the kecamatan's to import.
      expect((await city.t.fails('batch.importReceipt', fileInput(bytes), 'VALIDATION', city.token)).details).toMatchObject({ reason: 'not_kecamatan' });
    } finally {
      o.close();
      city.t.close();
    }
  });

  it('CLI: `batch receipt FILE --out DIR` at the city, `batch receipt import FILE` at the kecamatan', async () => {
    const o = await trainingOffice({ people: 2 });
    const plaju: Office = { t: o.t, token: o.token };
    const city = await cityOffice();
    await trust(city, plaju);
    await trust(plaju, city);
    const usb = tempDir('bangkom-usb-');
    const made = await o.t.ok('batch.export', {}, o.token);
    const batchFile = path.join(usb, made.fileName);
    fs.copyFileSync(made.file, batchFile);
    await city.t.ok('batch.import', fileInput(fs.readFileSync(batchFile)), city.token);
    const viaApi = await city.t.ok('batch.receipt', { officeCode: '16.71.14', seq: 1 }, city.token);
    const [cityDir, plajuDir] = [city.t.dataDir, o.t.dataDir];
    o.close();
    city.t.close();

    const run = await captureCli(['--data', cityDir, 'batch', 'receipt', batchFile, '--out', usb, '--json']);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { file: string; office: string; seq: number };
    expect(out).toEqual({ file: path.join(usb, 'Bangkom-16.71.14-Plaju-00001-tanda-terima.bkreceipt'), office: '16.71.14', seq: 1 });
    expect(fs.readFileSync(out.file).toString('base64')).toBe(viaApi.dataBase64);
    const notBatch = await captureCli(['--data', cityDir, 'batch', 'receipt', out.file, '--out', usb]);
    expect(notBatch.code).not.toBe(0);
    expect(notBatch.stderr).toContain('bukan berkas kiriman');

    const imported = await captureCli(['--data', plajuDir, 'batch', 'receipt', 'import', out.file]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('kiriman 1 diterima');
    const again = await captureCli(['--data', plajuDir, 'batch', 'receipt', 'import', out.file, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ seq: 1, state: 'diterima', changed: false });
    const status = await captureCli(['--data', plajuDir, 'batch', 'status']);
    expect(status.stdout).toContain('Tidak ada perubahan sejak kiriman 1 yang diterima kota.');
    expect(status.stdout).toMatch(/00001 .* Diterima\s+Bangkom-16\.71\.14-Plaju-00001/);
  });
});
