// The city's side of the USB trip: a kecamatan's batches imported into a city office (BKPSDM Kota
// Palembang) from two real data folders. Dry run first, then the import; a replay, a gap, a
// tampered, cut or foreign file and an unknown office each change nothing and say why.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ed25519Signer, generateOfficeKeyPair } from '../../electron/backend/certificates/crypto.ts';
import { removeTempDirs, setUpOffice, openTestBackend, tempDir, type TestBackend } from '../helpers/backend.ts';
import { cityOffice, resigned, rezip, trust } from '../helpers/city.ts';
import { captureCli } from '../helpers/cli.ts';
import { laterAt, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

afterEach(() => removeTempDirs());

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const cityRows = (city: TestBackend) => city.backend.db.prepare('SELECT entity, id, row_version, removed_at, data FROM city_rows ORDER BY entity, id').all();
const snapshot = (city: TestBackend) => ({
  rows: cityRows(city),
  batches: city.backend.db.prepare('SELECT * FROM city_batches ORDER BY rowid').all(),
  offices: city.backend.db.prepare('SELECT * FROM city_offices').all(),
});

describe('batch import (city office)', () => {
  it('a kecamatan\'s batches round trip into the city: dry run, import, replay, update and tombstone, gap, and refusals that change nothing', async () => {
    const o = await trainingOffice({ people: 5 });
    const city = await cityOffice();
    try {
      expect(await city.t.ok('office.get', {}, city.token)).toMatchObject({ code: '16.71', kind: 'kota', regencyName: 'Kota Palembang', districtName: '' });
      expect(await city.t.ok('units.list', {}, city.token)).toEqual([]);
      const record = await o.t.ok('records.create', {
        employeeId: o.employees[4]!.id, title: 'Pelayanan Publik Digital', organiser: 'LAN RI', methodId: 16, competencyType: 'teknis',
        startDate: '2026-11-02', endDate: '2026-11-03', hours: 6,
      }, o.token);
      const first = await o.t.ok('batch.export', {}, o.token);
      const bytes1 = new Uint8Array(fs.readFileSync(first.file));
      const input = (bytes: Uint8Array, over: Record<string, unknown> = {}) => ({ fileName: 'kiriman.bkbatch', dataBase64: b64(bytes), ...over });

      // Before the city trusts Plaju (a dry run: nothing kept): unknown office, with the key's whole fingerprint to compare.
      const unknown = await city.t.ok('batch.import', input(bytes1, { dryRun: true }), city.token);
      const keys = await o.t.ok('trust.list', {}, o.token);
      const plajuFingerprint = keys[0]!.keys[0]!.fingerprint;
      expect(unknown).toMatchObject({ status: 'unknown_office', office: { code: '16.71.14' }, params: { code: '16.71.14' }, message: 'batches.import.confirm_key_dry' });
      expect(unknown.fingerprint).toBe(plajuFingerprint);
      expect(cityRows(city.t)).toEqual([]);

      await trust(city, o);
      const dry = await city.t.ok('batch.import', input(bytes1, { dryRun: true }), city.token);
      expect(dry).toMatchObject({ status: 'imported', dryRun: true, seq: 1, office: { code: '16.71.14' }, updated: 0, unchanged: 0, removed: 0, rejected: [] });
      expect(dry.created).toBe(Object.entries(first.counts).filter(([e]) => e !== 'tombstones').reduce((n, [, c]) => n + c, 0));
      expect(snapshot(city.t)).toEqual({ rows: [], batches: [], offices: [] });
      expect(fs.existsSync(`${city.t.dataDir}/inbox`)).toBe(false);

      const imported = await city.t.ok('batch.import', input(bytes1), city.token);
      expect(imported).toMatchObject({ status: 'imported', dryRun: false, created: dry.created, seq: 1 });
      const employees = city.t.backend.db.prepare("SELECT data FROM city_rows WHERE entity = 'employees' AND removed_at IS NULL").pluck().all() as string[];
      expect(employees.map((d) => (JSON.parse(d) as { nip: string }).nip).sort()).toEqual(o.employees.map((e) => e.nip).sort());
      const inbox = fs.readdirSync(`${city.t.dataDir}/inbox`);
      expect(inbox).toHaveLength(1);
      expect(fs.readFileSync(`${city.t.dataDir}/inbox/${inbox[0]}`).equals(Buffer.from(bytes1))).toBe(true);

      const afterFirst = snapshot(city.t);
      const replay = await city.t.ok('batch.import', input(bytes1), city.token);
      expect(replay).toMatchObject({ status: 'already_imported', created: 0, updated: 0 });
      expect(snapshot(city.t)).toEqual(afterFirst);

      // The kecamatan changes an employee and removes a record: batch 2 carries one row and one tombstone.
      const moved = o.employees[2]!;
      await o.t.ok('employees.setStatus', { id: moved.id, status: 'pindah', statusDate: '2026-11-24' }, o.token);
      await o.t.ok('records.remove', { id: record.id }, o.token);
      await laterAt(o, '2026-12-04', '10:00');
      const second = await o.t.ok('batch.export', {}, o.token);
      const bytes2 = new Uint8Array(fs.readFileSync(second.file));
      const next = await city.t.ok('batch.import', input(bytes2), city.token);
      expect(next).toMatchObject({ status: 'imported', seq: 2, created: 0, updated: 1, removed: 1, rejected: [] });
      const person = city.t.backend.db.prepare("SELECT data FROM city_rows WHERE entity = 'employees' AND id = ?").pluck().get(moved.id) as string;
      expect(JSON.parse(person)).toMatchObject({ status: 'pindah' });
      expect(city.t.backend.db.prepare("SELECT removed_at IS NOT NULL FROM city_rows WHERE entity = 'training_records' AND id = ?").pluck().get(record.id)).toBe(1);
      // Batch 1 again after 2: still nothing changes (the older rows do not win).
      const afterSecond = snapshot(city.t);
      expect(await city.t.ok('batch.import', input(bytes1), city.token)).toMatchObject({ status: 'already_imported' });
      expect(await city.t.ok('batch.import', input(bytes2), city.token)).toMatchObject({ status: 'already_imported' });
      expect(snapshot(city.t)).toEqual(afterSecond);

      // Batch 4 with 3 missing: held, nothing imported.
      await o.t.ok('employees.setStatus', { id: o.employees[0]!.id, status: 'pensiun', statusDate: '2026-12-01' }, o.token);
      await laterAt(o, '2026-12-05', '10:00');
      const third = await o.t.ok('batch.export', {}, o.token);
      await o.t.ok('employees.setStatus', { id: o.employees[1]!.id, status: 'pensiun', statusDate: '2026-12-01' }, o.token);
      await laterAt(o, '2026-12-06', '10:00');
      const fourth = await o.t.ok('batch.export', {}, o.token);
      expect([third.seq, fourth.seq]).toEqual([3, 4]);
      const bytes4 = new Uint8Array(fs.readFileSync(fourth.file));
      const gap = await city.t.ok('batch.import', input(bytes4), city.token);
      expect(gap).toMatchObject({ status: 'gap', seq: 4, params: { missing: '3', office: 'Kantor Kecamatan Plaju' }, created: 0, updated: 0 });
      expect(snapshot(city.t).rows).toEqual(afterSecond.rows);
      expect(city.t.backend.db.prepare("SELECT status FROM city_batches WHERE seq = 4").pluck().get()).toBe('held');
      expect(await city.t.ok('offices.list', {}, city.token)).toEqual(expect.arrayContaining([
        {
          regionCode: '16.71.14', name: 'Kantor Kecamatan Plaju', fingerprints: [plajuFingerprint], lastSeq: 2, lastImportAt: expect.any(String), held: [4],
          missing: '3', pendingKey: null, uploadToken: false,
        },
      ]));

      // Tampered, truncated, foreign: refused, nothing changes.
      const before = snapshot(city.t);
      const bytes3 = new Uint8Array(fs.readFileSync(third.file));
      const flipped = rezip(bytes3, (f) => { f['employees.ndjson'] = new TextEncoder().encode(Buffer.from(f['employees.ndjson']!).toString('utf8').replace('pensiun', 'aktif__')); });
      expect(await city.t.ok('batch.import', input(flipped), city.token)).toMatchObject({ status: 'tampered', message: 'batches.read.hash_mismatch' });
      expect(await city.t.ok('batch.import', input(bytes3.slice(0, bytes3.length - 40)), city.token)).toMatchObject({ status: 'malformed' });
      const other = generateOfficeKeyPair();
      const foreign = rezip(bytes3, (f) => { f['manifest.sig'] = ed25519Signer(other.privateKey)(f['manifest.json']!); });
      expect(await city.t.ok('batch.import', input(foreign), city.token)).toMatchObject({ status: 'tampered', message: 'batches.read.bad_signature' });
      expect(snapshot(city.t)).toEqual(before);

      // Batch 3 arrives: imported, and the held 4 follows it at once; 4 sent again changes nothing.
      expect(await city.t.ok('batch.import', input(bytes3), city.token)).toMatchObject({
        status: 'imported', seq: 3, updated: 1, released: [{ seq: 4, sha256: fourth.sha256, status: 'imported', updated: 1 }],
      });
      expect(await city.t.ok('batch.import', input(bytes4), city.token)).toMatchObject({ status: 'already_imported', seq: 4 });
      expect(city.t.backend.db.prepare("SELECT group_concat(status) FROM city_batches ORDER BY seq").pluck().get()).toBe('imported,imported,imported,imported');
    } finally {
      o.close();
      city.t.close();
    }
  });

  it('another city\'s kecamatan, a kecamatan office importing, and the CLI: refused plainly; `batch import` exits 1 on a refused file', async () => {
    const o = await trainingOffice({ people: 2 });
    const city = await cityOffice();
    const made = await o.t.ok('batch.export', {}, o.token);
    const bytes = new Uint8Array(fs.readFileSync(made.file));
    const refused = await o.t.fails('batch.import', { fileName: 'x.bkbatch', dataBase64: b64(bytes) }, 'CONFLICT', o.token);
    expect(refused.message).toContain('kecamatan');
    // A city elsewhere (Kota Lubuklinggau) that trusts Plaju still does not take its batches.
    const elsewhere = openTestBackend();
    const elsewhereToken = await setUpOffice(elsewhere, { regionCode: '16.73', kind: 'kota', name: 'BKPSDM Lubuklinggau' });
    await trust({ t: elsewhere, token: elsewhereToken }, o);
    expect(await elsewhere.ok('batch.import', { fileName: 'x.bkbatch', dataBase64: b64(bytes) }, elsewhereToken))
      .toMatchObject({ status: 'unknown_office', message: 'batches.import.other_city' });
    elsewhere.close();
    await trust(city, o);
    const cityDir = city.t.dataDir;
    o.close();
    city.t.close();

    const usb = tempDir('bangkom-usb-');
    fs.writeFileSync(`${usb}/satu.bkbatch`, bytes);
    fs.writeFileSync(`${usb}/rusak.bkbatch`, bytes.slice(0, 100));
    const dry = await captureCli(['--data', cityDir, 'batch', 'import', `${usb}/satu.bkbatch`, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject([{ status: 'imported', dryRun: true, seq: 1 }]);
    const run = await captureCli(['--data', cityDir, 'batch', 'import', `${usb}/satu.bkbatch`, `${usb}/rusak.bkbatch`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('satu.bkbatch: Diimpor');
    expect(run.stdout).toContain('Kiriman 1 dari Kantor Kecamatan Plaju diimpor.');
    expect(run.stdout).toContain('rusak.bkbatch: Ditolak: berkas rusak');
    const again = await captureCli(['--data', cityDir, 'batch', 'import', `${usb}/satu.bkbatch`]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('sudah diimpor; tidak ada yang berubah');
    const list = await captureCli(['--data', cityDir, 'offices', 'list']);
    expect(list.stdout).toMatch(/16\.71\.14 {2}Kantor Kecamatan Plaju\n {2}kunci: {3}[0-9A-F ]+\n {2}kiriman: 1, diimpor/);
    expect(list.stdout).toContain('16.71.01');
  });

  it('`bangkom office setup --city --region 16.71` sets up a city office', async () => {
    const dataDir = tempDir();
    const run = await captureCli(['--data', dataDir, 'office', 'setup', '--city', '--region', '16.71', '--signer-name', 'Kepala', '--signer-nip', '197001011990031002', '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ code: '16.71', kind: 'kota', name: 'BKPSDM Kota Palembang', signer: { title: 'Kepala BKPSDM' } });
    const wrong = await captureCli(['--data', tempDir(), 'office', 'setup', '--city', '--region', '16.71.14', '--signer-name', 'K', '--signer-nip', '197001011990031002']);
    expect(wrong.code).not.toBe(0);
  });

  it('a second batch 1 with other content, a broken chain, a row owned by another kecamatan, and a batch accepted out of order', async () => {
    const o = await trainingOffice({ people: 3 });
    const city = await cityOffice();
    const other = openTestBackend();
    try {
      const otherToken = await setUpOffice(other, { regionCode: '16.71.01', name: 'Kantor Kecamatan Ilir Barat II' });
      await trust(city, o);
      await trust(city, { t: other, token: otherToken } as TrainingOffice);
      const input = (bytes: Uint8Array, over: Record<string, unknown> = {}) => ({ fileName: 'kiriman.bkbatch', dataBase64: b64(bytes), ...over });
      const bytes1 = new Uint8Array(fs.readFileSync((await o.t.ok('batch.export', {}, o.token)).file));
      expect(await city.t.ok('batch.import', input(bytes1), city.token)).toMatchObject({ status: 'imported' });
      const kept = snapshot(city.t);

      const rewritten = resigned(o.t, bytes1, (m) => { m.createdAt = '2026-11-25T09:00:00.000Z'; });
      expect(await city.t.ok('batch.import', input(rewritten), city.token)).toMatchObject({ status: 'tampered', message: 'batches.import.seq_reused', seq: 1 });

      await o.t.ok('employees.setStatus', { id: o.employees[0]!.id, status: 'pindah', statusDate: '2026-11-24' }, o.token);
      await laterAt(o, '2026-12-04', '10:00');
      const bytes2 = new Uint8Array(fs.readFileSync((await o.t.ok('batch.export', {}, o.token)).file));
      const unchained = resigned(o.t, bytes2, (m) => { m.previous = { seq: 1, sha256: 'a'.repeat(64) }; });
      expect(await city.t.ok('batch.import', input(unchained), city.token)).toMatchObject({ status: 'tampered', message: 'batches.import.chain_broken' });
      expect(snapshot(city.t)).toEqual(kept);

      // Ilir Barat II sends a row with one of Plaju's ids: that row is refused, the rest imported.
      const theirs = new Uint8Array(fs.readFileSync((await other.ok('batch.export', {}, otherToken)).file));
      const plajuRow = city.t.backend.db.prepare("SELECT data FROM city_rows WHERE entity = 'employees' AND id = ?").pluck().get(o.employees[1]!.id) as string;
      const claiming = resigned(other, theirs, (_m, files) => {
        files['employees.ndjson'] = new TextEncoder().encode(`${JSON.stringify({ ...JSON.parse(plajuRow) as object, rowVersion: 999_999, name: 'Bukan Pegawai Ilir Barat' })}\n`);
      });
      const result = await city.t.ok('batch.import', input(claiming), city.token);
      expect(result).toMatchObject({ status: 'imported', office: { code: '16.71.01' }, rejected: [{ entity: 'employees', id: o.employees[1]!.id, reason: 'other_office' }] });
      expect(result.created).toBeGreaterThan(0);
      expect(city.t.backend.db.prepare("SELECT data FROM city_rows WHERE entity = 'employees' AND id = ?").pluck().get(o.employees[1]!.id)).toBe(plajuRow);

      // Plaju's batch 3 without 2: held, or imported on an explicit choice; 2 is then still taken.
      await o.t.ok('employees.setStatus', { id: o.employees[2]!.id, status: 'pindah', statusDate: '2026-11-24' }, o.token);
      await laterAt(o, '2026-12-05', '10:00');
      const bytes3 = new Uint8Array(fs.readFileSync((await o.t.ok('batch.export', {}, o.token)).file));
      expect(await city.t.ok('batch.import', input(bytes3, { dryRun: true, acceptOutOfOrder: true }), city.token))
        .toMatchObject({ status: 'out_of_order', dryRun: true, updated: 1, message: 'batches.import.out_of_order_dry', params: { missing: '2' } });
      expect(await city.t.ok('batch.import', input(bytes3, { acceptOutOfOrder: true }), city.token)).toMatchObject({ status: 'out_of_order', updated: 1 });
      expect(await city.t.ok('batch.import', input(bytes2), city.token)).toMatchObject({ status: 'imported', seq: 2, updated: 1 });
      expect(await city.t.ok('batch.import', input(bytes3), city.token)).toMatchObject({ status: 'already_imported' });
      const plaju = (await city.t.ok('offices.list', {}, city.token)).find((k) => k.regionCode === '16.71.14');
      expect(plaju).toMatchObject({ lastSeq: 3, held: [] });
    } finally {
      o.close();
      city.t.close();
      other.close();
    }
  });
});
