// The city's whole run: all 18 kecamatan of Kota Palembang send a year of data on one USB stick,
// and BKPSDM imports the 18 files with one `bangkom batch import`. Every row arrives once, a second
// run changes nothing, and one kecamatan's later change updates that row only.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import type { BatchImportResult } from '../../shared/contract/city.ts';
import { ENTITIES } from '../../electron/backend/batches/format.ts';
import { districts } from '../../electron/backend/services/regions.ts';
import { dbFile, openTestBackend, removeTempDirs, setUpOffice, tempDir, type TestBackend } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { fillKecamatanYear } from '../helpers/kecamatan-year.ts';

afterEach(() => removeTempDirs());

const SMALL_YEAR = { employees: 20, events: 2, sessionsPerEvent: 2, enrolledPerEvent: 12, outsideRecords: 4 };

interface Sent {
  code: string;
  officeId: string;
  file: string;
  /** Live row ids per entity in the kecamatan's own database, as the city should hold them. */
  ids: Record<string, string[]>;
}

function liveIds(t: TestBackend): Record<string, string[]> {
  return Object.fromEntries(ENTITIES.map((e) => [e.entity, t.backend.db.prepare(
    `SELECT t.${e.key} FROM ${e.table} t WHERE t.deleted_at IS NULL${e.where ? ` AND ${e.where}` : ''} ORDER BY t.${e.key}`,
  ).pluck().all() as string[]]));
}

/** Everything the city keeps of what it received, read from its file. */
function cityDump(dataDir: string) {
  const db = new Database(dbFile(dataDir), { readonly: true });
  try {
    return {
      rows: db.prepare('SELECT entity, id, office_id, row_version, updated_at, removed_at, data FROM city_rows ORDER BY entity, id').all() as
        { entity: string; id: string; office_id: string; row_version: number; data: string }[],
      batches: db.prepare('SELECT * FROM city_batches ORDER BY rowid').all(),
      offices: db.prepare('SELECT * FROM city_offices ORDER BY region_code').all() as { region_code: string; last_seq: number }[],
    };
  } finally {
    db.close();
  }
}

async function importCli(cityDir: string, files: string[]): Promise<BatchImportResult[]> {
  const run = await captureCli(['--data', cityDir, 'batch', 'import', ...files, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as BatchImportResult[];
}

it('18 kecamatan sending a year of data, imported in one run; again, nothing changes; a later batch updates only its row', async () => {
  const kecamatan = await districts('16.71');
  expect(kecamatan).toHaveLength(18);

  const city = openTestBackend();
  const cityToken = await setUpOffice(city, {
    regionCode: '16.71', kind: 'kota', name: 'BKPSDM Kota Palembang',
    signer: { name: 'Kepala BKPSDM', nip: '19700101 199003 1 002', title: 'Kepala BKPSDM' },
  });
  const usb = tempDir('bangkom-usb-');
  const sent: Sent[] = [];
  let plaju: { t: TestBackend; token: string; employees: string[] } | null = null;
  try {
    for (const d of kecamatan) {
      const t = openTestBackend();
      const token = await setUpOffice(t, {
        regionCode: d.code, name: `Kantor Kecamatan ${d.name}`, signer: { name: `Camat ${d.name}`, nip: '19700101 199003 1 002', title: 'Camat' },
      });
      const employees = fillKecamatanYear(t.backend.db, d.code, SMALL_YEAR, t.clock.iso());
      const trust = await t.ok('trust.export', {}, token);
      await city.ok('trust.import', { fileName: trust.fileName, dataBase64: trust.dataBase64, confirm: true }, cityToken);
      const made = await t.ok('batch.export', {}, token);
      expect(made).toMatchObject({ seq: 1, counts: { employees: 20, events: 2, event_sessions: 4, enrolments: 24, attendance_marks: 48, training_records: 4 } });
      const file = path.join(usb, made.fileName);
      fs.copyFileSync(made.file, file);
      sent.push({ code: d.code, officeId: t.backend.db.prepare('SELECT id FROM office').pluck().get() as string, file, ids: liveIds(t) });
      if (d.code === '16.71.14') plaju = { t, token, employees };
      else t.close();
    }
    city.close();

    // One run, all 18 files: each imported, every row of every office once.
    const first = await importCli(city.dataDir, sent.map((s) => s.file));
    expect(first.map((r) => [r.office?.code, r.status, r.seq, r.rejected.length])).toEqual(sent.map((s) => [s.code, 'imported', 1, 0]));
    const rowsSent = sent.reduce((n, s) => n + Object.values(s.ids).reduce((m, ids) => m + ids.length, 0), 0);
    expect(first.reduce((n, r) => n + r.created, 0)).toBe(rowsSent);
    const imported = cityDump(city.dataDir);
    expect(imported.rows).toHaveLength(rowsSent);
    for (const s of sent) {
      for (const e of ENTITIES) {
        const held = imported.rows.filter((r) => r.office_id === s.officeId && r.entity === e.entity).map((r) => r.id);
        expect(held, `${s.code} ${e.entity}`).toEqual(s.ids[e.entity]);
      }
    }
    expect(imported.offices.map((o) => [o.region_code, o.last_seq])).toEqual(sent.map((s) => [s.code, 1]));

    // The same stick again: already imported, the city's copy byte for byte as it was.
    const again = await importCli(city.dataDir, sent.map((s) => s.file));
    expect(again.map((r) => [r.office?.code, r.status, r.created, r.updated])).toEqual(sent.map((s) => [s.code, 'already_imported', 0, 0]));
    expect(cityDump(city.dataDir)).toEqual(imported);

    // Plaju moves one employee and sends batch 2: that row alone changes at the city.
    const { t, token, employees } = plaju!;
    const moved = employees[3]!;
    t.clock.advanceSeconds(60);
    await t.ok('employees.setStatus', { id: moved, status: 'pindah', statusDate: '2026-12-01' }, token);
    const second = await t.ok('batch.export', {}, token);
    expect(second).toMatchObject({ seq: 2, counts: { employees: 1, attendance_marks: 0, tombstones: 0 } });
    const next = await importCli(city.dataDir, [second.file]);
    expect(next).toMatchObject([{ status: 'imported', seq: 2, office: { code: '16.71.14' }, created: 0, updated: 1, removed: 0, rejected: [] }]);
    const after = cityDump(city.dataDir);
    const changed = (r: { entity: string; id: string }) => r.entity === 'employees' && r.id === moved;
    expect(after.rows.filter((r) => !changed(r))).toEqual(imported.rows.filter((r) => !changed(r)));
    const [was, now] = [imported.rows.find(changed)!, after.rows.find(changed)!];
    expect(JSON.parse(was.data)).toMatchObject({ status: 'aktif' });
    expect(JSON.parse(now.data)).toMatchObject({ status: 'pindah', statusDate: '2026-12-01' });
    expect(now.row_version).toBeGreaterThan(was.row_version);
    expect(after.offices.map((o) => [o.region_code, o.last_seq])).toEqual(sent.map((s) => [s.code, s.code === '16.71.14' ? 2 : 1]));
  } finally {
    plaju?.t.close();
  }
}, 60_000);
