// Registering a kecamatan at the city by its key's fingerprint (trust on first use, with a person
// checking): a batch from a key the city does not trust is kept and waits, with the whole
// fingerprint shown; a wrong fingerprint typed changes nothing; the right one (any spacing, any
// case) trusts the key and imports the batches that waited, in order. The kecamatan's trust file
// settles a waiting key the other way.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchImportResult } from '../../shared/contract/city.ts';
import { ADMIN, addOperator, login, openTestBackend, removeTempDirs, setUpOffice, tempDir, type TestBackend } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { cityOffice } from '../helpers/city.ts';
import { laterAt, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

afterEach(() => removeTempDirs());


const input = (file: string) => ({ fileName: 'kiriman.bkbatch', dataBase64: fs.readFileSync(file).toString('base64') });
/** What the kecamatan prints (Pengaturan → Kepercayaan → Cetak sidik jari): its active key's fingerprint. */
const printedFingerprint = async (o: Pick<TrainingOffice, 't' | 'token'>) =>
  (await o.t.ok('trust.list', {}, o.token)).find((x) => x.own)!.keys.find((k) => k.status === 'active')!.fingerprint;
const state = (city: TestBackend) => ({
  rows: city.backend.db.prepare('SELECT count(*) FROM city_rows').pluck().get(),
  batches: city.backend.db.prepare('SELECT count(*) FROM city_batches').pluck().get(),
  offices: city.backend.db.prepare('SELECT * FROM city_offices').all(),
  trusted: city.backend.db.prepare('SELECT kid, office_code FROM trusted_keys').all(),
  requests: city.backend.db.prepare('SELECT kid, region_code, confirmed_at, files FROM city_key_requests').all(),
});

describe('a kecamatan registered by its fingerprint', () => {
  it('a batch from an unknown key waits with its whole fingerprint; a wrong fingerprint changes nothing; the right one imports what waited, in order', async () => {
    const o = await trainingOffice({ people: 4 });
    const city = await cityOffice();
    try {
      const first = await o.t.ok('batch.export', {}, o.token);
      await o.t.ok('employees.setStatus', { id: o.employees[0]!.id, status: 'pindah', statusDate: '2026-11-24' }, o.token);
      await laterAt(o, '2026-12-02', '10:00');
      const second = await o.t.ok('batch.export', {}, o.token);
      const fingerprint = await printedFingerprint(o);

      // A dry run says what it is and keeps nothing.
      const dry = await city.t.ok('batch.import', { ...input(first.file), dryRun: true }, city.token);
      expect(dry).toMatchObject({ status: 'unknown_office', dryRun: true, fingerprint, office: { code: '16.71.14', name: 'Kantor Kecamatan Plaju' }, seq: 1 });
      expect(state(city.t).requests).toEqual([]);

      // Batch 2 arrives before batch 1, both signed by a key the city has never seen: both kept, one key waiting.
      const waiting2 = await city.t.ok('batch.import', input(second.file), city.token);
      const waiting1 = await city.t.ok('batch.import', input(first.file), city.token);
      for (const [r, seq] of [[waiting2, 2], [waiting1, 1]] as const) {
        expect(r).toMatchObject({ status: 'unknown_office', seq, fingerprint, message: 'batches.import.confirm_key', params: { code: '16.71.14', fingerprint } });
      }
      expect(fs.readdirSync(`${city.t.dataDir}/inbox`)).toHaveLength(2);
      const listed = (await city.t.ok('offices.list', {}, city.token)).find((k) => k.regionCode === '16.71.14')!;
      expect(listed).toMatchObject({
        fingerprints: [], lastSeq: null, uploadToken: false,
        pendingKey: { fingerprint, officeName: 'Kantor Kecamatan Plaju', files: 2, firstSeenAt: expect.any(String) },
      });
      const before = state(city.t);
      expect(before).toMatchObject({ rows: 0, batches: 0, offices: [], trusted: [] });

      // What the city's clerk reads: the whole fingerprint, and where the kecamatan prints its own.
      city.t.close();
      const cli = await captureCli(['--data', city.t.dataDir, 'batch', 'import', first.file]);
      expect(cli.code).toBe(1);
      expect(cli.stdout).toContain(`Sidik jarinya: ${fingerprint}.`);
      expect(cli.stdout).toContain('Pengaturan → Kepercayaan → Cetak sidik jari');
      expect(cli.stdout).toContain('bangkom offices confirm 16.71.14');
      // A fingerprint that is not the waiting key's: nothing changes, and the CLI says so.
      const wrongFingerprint = `${fingerprint.slice(0, -4)}0000`;
      const wrong = await captureCli(['--data', city.t.dataDir, 'offices', 'confirm', '16.71.14', '--fingerprint', wrongFingerprint]);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain('bukan sidik jari kunci yang menunggu dari 16.71.14. Tidak ada yang diubah.');
      const reopened = openTestBackend({ dataDir: city.t.dataDir });
      Object.assign(city, { t: reopened, token: await login(reopened, ADMIN.username, ADMIN.password) });
      expect(state(city.t)).toEqual(before);
      const refused = await city.t.fails('offices.confirmKey', { officeCode: '16.71.14', fingerprint: wrongFingerprint }, 'VALIDATION', city.token);
      expect(refused.details?.issues?.[0]).toMatchObject({ path: ['fingerprint'], message: 'batches.confirm.fingerprint_mismatch' });
      await city.t.fails('offices.confirmKey', { officeCode: '16.71.01', fingerprint }, 'NOT_FOUND', city.token);
      // Only an admin confirms a key.
      const operator = await addOperator(city.t, city.token);
      await city.t.fails('offices.confirmKey', { officeCode: '16.71.14', fingerprint }, 'FORBIDDEN', operator.token);
      expect(state(city.t)).toEqual(before);

      // The right fingerprint, typed without spaces and in lower case: trusted, and 1 then 2 imported.
      const confirmed = await city.t.ok('offices.confirmKey', { officeCode: '16.71.14', fingerprint: fingerprint.replace(/ /g, '').toLowerCase() }, city.token);
      expect(confirmed).toMatchObject({ officeCode: '16.71.14', fingerprint });
      expect(confirmed.imported.map((r: BatchImportResult) => [r.seq, r.status])).toEqual([[1, 'imported'], [2, 'imported']]);
      expect(confirmed.imported[1]).toMatchObject({ updated: 1 });
      const after = state(city.t);
      expect(after.offices).toMatchObject([{ region_code: '16.71.14', registered_how: 'confirmed_fingerprint', last_seq: 2 }]);
      expect(after.trusted).toEqual([{ kid: expect.any(String), office_code: '16.71.14' }]);
      expect(after.requests).toMatchObject([{ region_code: '16.71.14', confirmed_at: expect.any(String) }]);
      const moved = city.t.backend.db.prepare("SELECT json_extract(data, '$.status') FROM city_rows WHERE entity = 'employees' AND id = ?").pluck().get(o.employees[0]!.id);
      expect(moved).toBe('pindah');
      expect((await city.t.ok('offices.list', {}, city.token)).find((k) => k.regionCode === '16.71.14')).toMatchObject({
        fingerprints: [fingerprint], pendingKey: null, lastSeq: 2, held: [], missing: null,
      });
      // Each has its signed receipt, and the audit log says who confirmed which fingerprint.
      for (const seq of [1, 2]) expect((await city.t.ok('batch.receipt', { officeCode: '16.71.14', seq }, city.token)).fileName).toContain(`-0000${seq}-tanda-terima`);
      const audit = city.t.backend.db.prepare("SELECT username, details FROM audit_log WHERE action = 'offices.confirmKey'").all() as { username: string; details: string }[];
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toContain(fingerprint);
      // Later batches come in as from any trusted kecamatan; confirming again finds nothing waiting.
      expect(await city.t.ok('batch.import', input(second.file), city.token)).toMatchObject({ status: 'already_imported' });
      await city.t.fails('offices.confirmKey', { officeCode: '16.71.14', fingerprint }, 'NOT_FOUND', city.token);
    } finally {
      o.close();
      city.t.close();
    }
  });

  it('the kecamatan\'s trust file settles a waiting key: its batch is imported; a kecamatan of another city never waits', async () => {
    const o = await trainingOffice({ people: 2 });
    const city = await cityOffice();
    const elsewhere = openTestBackend();
    try {
      const made = await o.t.ok('batch.export', {}, o.token);
      expect(await city.t.ok('batch.import', input(made.file), city.token)).toMatchObject({ status: 'unknown_office', message: 'batches.import.confirm_key' });
      const trust = await o.t.ok('trust.export', {}, o.token);
      await city.t.ok('trust.import', { fileName: trust.fileName, dataBase64: trust.dataBase64, confirm: true }, city.token);
      expect(state(city.t)).toMatchObject({ batches: 1, offices: [{ region_code: '16.71.14', registered_how: 'trust_file', last_seq: 1 }] });
      expect(state(city.t).requests).toMatchObject([{ confirmed_at: expect.any(String) }]);
      expect((await city.t.ok('offices.list', {}, city.token)).find((k) => k.regionCode === '16.71.14')).toMatchObject({ pendingKey: null, lastSeq: 1 });

      // Kota Lubuklinggau's kecamatan (16.73.01) sending to Palembang: refused, nothing kept, no key waiting.
      const token = await setUpOffice(elsewhere, { regionCode: '16.73.01', name: 'Kantor Kecamatan Lubuklinggau Barat I' });
      const theirs = await elsewhere.ok('batch.export', {}, token);
      expect(await city.t.ok('batch.import', input(theirs.file), city.token)).toMatchObject({ status: 'unknown_office', message: 'batches.import.other_city' });
      expect(state(city.t).requests).toHaveLength(1);
      expect(fs.readdirSync(`${city.t.dataDir}/inbox`)).toHaveLength(1);

      // `bangkom offices confirm` when nothing waits, and for a key that waits: the CLI's words.
      const usb = tempDir('bangkom-usb-');
      const other = await openKecamatan('16.71.01', 'Kantor Kecamatan Ilir Barat II');
      const file = `${usb}/ilir.bkbatch`;
      fs.copyFileSync((await other.t.ok('batch.export', {}, other.token)).file, file);
      const fingerprint = await printedFingerprint(other);
      other.t.close();
      expect(await city.t.ok('batch.import', input(file), city.token)).toMatchObject({ status: 'unknown_office', fingerprint });
      city.t.close();
      const none = await captureCli(['--data', city.t.dataDir, 'offices', 'confirm', '16.71.05', '--fingerprint', fingerprint]);
      expect(none.code).toBe(1);
      expect(none.stderr).toContain('Tidak ada kunci kecamatan 16.71.05 yang menunggu dicocokkan');
      const list = await captureCli(['--data', city.t.dataDir, 'offices', 'list']);
      expect(list.stdout).toContain(`menunggu: kunci baru, sidik jari ${fingerprint} (1 kiriman)`);
      const ok = await captureCli(['--data', city.t.dataDir, 'offices', 'confirm', '16.71.01', '--fingerprint', fingerprint.toLowerCase()]);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('Kunci kecamatan 16.71.01 dipercaya: sidik jari cocok.');
      expect(ok.stdout).toContain('kiriman 1: Diimpor — Kiriman 1 dari Kantor Kecamatan Ilir Barat II diimpor.');
      const json = await captureCli(['--data', city.t.dataDir, 'offices', 'confirm', '16.71.01', '--fingerprint', fingerprint, '--json']);
      expect(json.code).toBe(1);
    } finally {
      o.close();
      city.t.close();
      elsewhere.close();
    }
  });
});

async function openKecamatan(code: string, name: string): Promise<{ t: TestBackend; token: string }> {
  const t = openTestBackend();
  return { t, token: await setUpOffice(t, { regionCode: code, name }) };
}
