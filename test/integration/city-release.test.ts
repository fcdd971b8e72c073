// Held batches released, and what a dry run shows per entity file. Plaju sends batches 1–7; the
// city gets 1–5, then 7 (held: 6 is missing), then 6: both are imported in that one import, 7
// listed as released, each with its own signed receipt. A dry run counts per entity what would
// be created, updated, unchanged, removed and rejected, tombstones under the entity they remove.
// A batch sent again releases what a cut left held; a number in the billions is said as a range.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importBatch } from '../../electron/backend/city/import.ts';
import { SqliteCityStore } from '../../electron/backend/city/store.ts';
import { removeTempDirs, setUpOffice, openTestBackend, type TestBackend } from '../helpers/backend.ts';
import { coreRequest, resigned } from '../helpers/city.ts';
import { captureCli } from '../helpers/cli.ts';
import { laterAt, trainingOffice } from '../helpers/trainings.ts';

afterEach(() => removeTempDirs());

async function cityTrusting(o: { t: TestBackend; token: string }): Promise<{ t: TestBackend; token: string }> {
  const t = openTestBackend();
  const token = await setUpOffice(t, {
    regionCode: '16.71', kind: 'kota', name: 'BKPSDM Kota Palembang',
    signer: { name: 'Kepala BKPSDM', nip: '19700101 199003 1 002', title: 'Kepala BKPSDM' },
  });
  const trust = await o.t.ok('trust.export', {}, o.token);
  await t.ok('trust.import', { fileName: trust.fileName, dataBase64: trust.dataBase64, confirm: true }, token);
  return { t, token };
}

const input = (file: string, over: Record<string, unknown> = {}) => ({ fileName: 'kiriman.bkbatch', dataBase64: fs.readFileSync(file).toString('base64'), ...over });
const zero = { created: 0, updated: 0, unchanged: 0, removed: 0, rejected: 0 };

describe('held batches and per-entity figures', () => {
  it('7 arrives before 6 and is held; 6 arrives: both imported, 7 released right after, each with its receipt', async () => {
    const o = await trainingOffice({ people: 8 });
    const city = await cityTrusting(o);
    try {
      const files: string[] = [];
      files.push((await o.t.ok('batch.export', {}, o.token)).file);
      for (let i = 0; i < 6; i++) {
        await o.t.ok('employees.setStatus', { id: o.employees[i]!.id, status: 'pensiun', statusDate: '2026-11-30' }, o.token);
        await laterAt(o, `2026-12-0${i + 1}`, '10:00');
        files.push((await o.t.ok('batch.export', {}, o.token)).file);
      }
      for (const file of files.slice(0, 5)) expect(await city.t.ok('batch.import', input(file), city.token)).toMatchObject({ status: 'imported', released: [] });

      const held = await city.t.ok('batch.import', input(files[6]!), city.token);
      expect(held).toMatchObject({ status: 'gap', seq: 7, params: { missing: '6' }, released: [] });
      expect((await city.t.ok('offices.list', {}, city.token)).find((k) => k.regionCode === '16.71.14')).toMatchObject({ lastSeq: 5, held: [7], missing: '6' });
      await city.t.fails('batch.receipt', { officeCode: '16.71.14', seq: 7 }, 'NOT_FOUND', city.token);

      const sixth = await city.t.ok('batch.import', input(files[5]!), city.token);
      expect(sixth).toMatchObject({
        status: 'imported', seq: 6, updated: 1,
        released: [{ seq: 7, sha256: held.sha256, status: 'imported', updated: 1, rejected: 0, message: 'batches.import.imported' }],
      });
      expect(city.t.backend.db.prepare('SELECT group_concat(status) FROM (SELECT status FROM city_batches ORDER BY seq)').pluck().get())
        .toBe(Array(7).fill('imported').join(','));
      const status = (id: string) => city.t.backend.db.prepare("SELECT json_extract(data, '$.status') FROM city_rows WHERE entity = 'employees' AND id = ?").pluck().get(id);
      expect(status(o.employees[5]!.id)).toBe('pensiun');
      expect((await city.t.ok('offices.list', {}, city.token)).find((k) => k.regionCode === '16.71.14')).toMatchObject({ lastSeq: 7, held: [], missing: null });
      for (const seq of [6, 7]) expect((await city.t.ok('batch.receipt', { officeCode: '16.71.14', seq }, city.token)).fileName).toContain(`-0000${seq}-`);
      expect(city.t.backend.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'batch.import'").pluck().get()).toBe(7);
      // Sending 7 again: already there.
      expect(await city.t.ok('batch.import', input(files[6]!), city.token)).toMatchObject({ status: 'already_imported', released: [] });
    } finally {
      o.close();
      city.t.close();
    }
  });

  it('a cut between importing 2 and releasing 3: 2 sent again (already imported) releases 3', async () => {
    const o = await trainingOffice({ people: 3 });
    const city = await cityTrusting(o);
    try {
      const files: string[] = [(await o.t.ok('batch.export', {}, o.token)).file];
      for (let i = 0; i < 2; i++) {
        await o.t.ok('employees.setStatus', { id: o.employees[i]!.id, status: 'pensiun', statusDate: '2026-11-30' }, o.token);
        await laterAt(o, `2026-12-0${i + 1}`, '10:00');
        files.push((await o.t.ok('batch.export', {}, o.token)).file);
      }
      expect(await city.t.ok('batch.import', input(files[0]!), city.token)).toMatchObject({ status: 'imported' });
      expect(await city.t.ok('batch.import', input(files[2]!), city.token)).toMatchObject({ status: 'gap', seq: 3 });
      // Batch 2 is imported and the power goes before the held 3 is released (the import's own transaction, nothing after it).
      const db = city.t.backend.db;
      expect(importBatch(new SqliteCityStore(db), coreRequest(db, city.t.dataDir, fs.readFileSync(files[1]!), city.t.clock.iso())))
        .toMatchObject({ status: 'imported', seq: 2 });
      expect((await city.t.ok('offices.list', {}, city.token)).find((k) => k.regionCode === '16.71.14')).toMatchObject({ lastSeq: 2, held: [3] });

      // Plaju sends 2 again (the receipt never reached it): nothing of 2 changes, and 3 follows.
      const again = await city.t.ok('batch.import', input(files[1]!), city.token);
      expect(again).toMatchObject({ status: 'already_imported', seq: 2, released: [{ seq: 3, status: 'imported', updated: 1 }] });
      expect((await city.t.ok('offices.list', {}, city.token)).find((k) => k.regionCode === '16.71.14')).toMatchObject({ lastSeq: 3, held: [], missing: null });
    } finally {
      o.close();
      city.t.close();
    }
  });

  it('a batch numbered in the billions is held, and what is missing before it is said at once', async () => {
    const o = await trainingOffice({ people: 2 });
    const city = await cityTrusting(o);
    try {
      const bytes = fs.readFileSync((await o.t.ok('batch.export', {}, o.token)).file);
      expect(await city.t.ok('batch.import', { fileName: 'k.bkbatch', dataBase64: bytes.toString('base64') }, city.token)).toMatchObject({ status: 'imported' });
      const far = resigned(o.t, bytes, (m) => { m.seq = 4_000_000_000; m.previous = { seq: 3_999_999_999, sha256: 'a'.repeat(64) }; });
      const held = await city.t.ok('batch.import', { fileName: 'k.bkbatch', dataBase64: Buffer.from(far).toString('base64') }, city.token);
      expect(held).toMatchObject({ status: 'gap', seq: 4_000_000_000, params: { missing: '2–3999999999' } });
      expect((await city.t.ok('offices.list', {}, city.token)).find((k) => k.regionCode === '16.71.14'))
        .toMatchObject({ lastSeq: 1, held: [4_000_000_000], missing: '2–3999999999' });
      expect((await city.t.ok('city.dashboard', { year: 2026 }, city.token)).offices.find((k) => k.regionCode === '16.71.14'))
        .toMatchObject({ held: [4_000_000_000], missing: '2–3999999999' });
    } finally {
      o.close();
      city.t.close();
    }
  });

  it('two held in a row follow the missing one; the CLI lists what followed', async () => {
    const o = await trainingOffice({ people: 4 });
    const city = await cityTrusting(o);
    const files: string[] = [(await o.t.ok('batch.export', {}, o.token)).file];
    for (let i = 0; i < 3; i++) {
      await o.t.ok('employees.setStatus', { id: o.employees[i]!.id, status: 'pensiun', statusDate: '2026-11-30' }, o.token);
      await laterAt(o, `2026-12-0${i + 1}`, '10:00');
      files.push((await o.t.ok('batch.export', {}, o.token)).file);
    }
    o.close();
    expect(await city.t.ok('batch.import', input(files[0]!), city.token)).toMatchObject({ status: 'imported' });
    expect(await city.t.ok('batch.import', input(files[3]!), city.token)).toMatchObject({ status: 'gap', params: { missing: '2–3' } });
    expect(await city.t.ok('batch.import', input(files[2]!), city.token)).toMatchObject({ status: 'gap', params: { missing: '2' } });
    city.t.close();
    const run = await captureCli(['--data', city.t.dataDir, 'batch', 'import', files[1]!]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Kiriman 2 dari Kantor Kecamatan Plaju diimpor.');
    expect(run.stdout).toContain('Kiriman 3 yang ditahan menyusul: Diimpor. Kiriman 3 dari Kantor Kecamatan Plaju diimpor.');
    expect(run.stdout).toContain('Kiriman 4 yang ditahan menyusul: Diimpor. Kiriman 4 dari Kantor Kecamatan Plaju diimpor.');
  });

  it('a dry run counts per entity file, tombstones under the entity they remove; the import gives the same figures', async () => {
    const o = await trainingOffice({ people: 5 });
    const city = await cityTrusting(o);
    try {
      const record = await o.t.ok('records.create', {
        employeeId: o.employees[1]!.id, title: 'Pelayanan Publik Digital', organiser: 'LAN RI', methodId: 16, competencyType: 'teknis',
        startDate: '2026-11-02', endDate: '2026-11-03', hours: 6,
      }, o.token);
      const first = await o.t.ok('batch.export', {}, o.token);
      const dry = await city.t.ok('batch.import', input(first.file, { dryRun: true }), city.token);
      expect(dry.entities.employees).toEqual({ ...zero, created: 5 });
      expect(dry.entities.training_records).toEqual({ ...zero, created: 1 });
      expect(dry.entities.units).toEqual({ ...zero, created: first.counts.units });
      expect(dry.entities.attendance_marks).toEqual(zero);
      expect(Object.values(dry.entities).reduce((n, e) => n + e.created, 0)).toBe(dry.created);
      expect(await city.t.ok('batch.import', input(first.file), city.token)).toMatchObject({ entities: dry.entities });

      await o.t.ok('employees.setStatus', { id: o.employees[0]!.id, status: 'pindah', statusDate: '2026-11-24' }, o.token);
      await o.t.ok('records.remove', { id: record.id }, o.token);
      await laterAt(o, '2026-12-04', '10:00');
      const second = await o.t.ok('batch.export', {}, o.token);
      expect(second.counts).toMatchObject({ employees: 1, training_records: 0, tombstones: 1 });
      const next = await city.t.ok('batch.import', input(second.file, { dryRun: true }), city.token);
      expect(next).toMatchObject({ dryRun: true, created: 0, updated: 1, removed: 1 });
      expect(next.entities.employees).toEqual({ ...zero, updated: 1 });
      expect(next.entities.training_records).toEqual({ ...zero, removed: 1 });
      expect(next.entities).not.toHaveProperty('tombstones');
      expect(Object.entries(next.entities).filter(([, e]) => Object.values(e).some((n) => n > 0)).map(([k]) => k).sort()).toEqual(['employees', 'training_records']);
      // Refused files have no figures.
      const cut = fs.readFileSync(second.file).subarray(0, 200);
      expect(await city.t.ok('batch.import', { fileName: 'x.bkbatch', dataBase64: cut.toString('base64'), dryRun: true }, city.token)).toMatchObject({ status: 'malformed', entities: {} });
    } finally {
      o.close();
      city.t.close();
    }
  });
});
