// What the city sees of a year once three kecamatan of Palembang sent their batches by the real
// export → import path: the city-wide 20 JP ledger gives each person exactly the figures of their
// own kecamatan's ledger; the dashboard counts people, trainings finished and certificates per
// kecamatan; the SIASN sheet holds every kecamatan's rows, read back as SIASN reads it; and the
// CLI prints each of them.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CityOfficeSummary } from '../../shared/contract/city.ts';
import { readTable } from '../../electron/backend/import/read-table.ts';
import { districts } from '../../electron/backend/services/regions.ts';
import { ADMIN, login, openTestBackend, removeTempDirs, setUpOffice, tempDir, type TestBackend } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { fillKecamatanYear } from '../helpers/kecamatan-year.ts';
import { reportsOffice, type ReportsOffice } from '../helpers/reports.ts';

/** 30 people, 3 events of 2 sessions (10 JP each) with 15 enrolled: half reach 20 JP, 12 have an outside training too. */
const YEAR = { employees: 30, events: 3, sessionsPerEvent: 2, enrolledPerEvent: 15, outsideRecords: 12 };

interface Kecamatan { code: string; name: string; t: TestBackend; token: string }

let plaju: ReportsOffice;
let kecamatan: Kecamatan[];
let city: TestBackend;
let cityToken: string;

beforeAll(async () => {
  // Plaju's year is built through the contract (passed, failed, a walk-in, a training still to come, certificates);
  // two more kecamatan have a year written straight in. One clock for all: the city judges "finished" at the same moment.
  plaju = await reportsOffice();
  kecamatan = [{ code: '16.71.14', name: 'Plaju', t: plaju.t, token: plaju.token }];
  for (const code of ['16.71.01', '16.71.05']) {
    const name = (await districts('16.71')).find((d) => d.code === code)!.name;
    const t = openTestBackend({ clock: plaju.clock });
    const token = await setUpOffice(t, { regionCode: code, name: `Kantor Kecamatan ${name}` });
    fillKecamatanYear(t.backend.db, code, YEAR, plaju.clock.iso());
    kecamatan.push({ code, name, t, token });
  }
  city = openTestBackend({ clock: plaju.clock });
  cityToken = await setUpOffice(city, {
    regionCode: '16.71', kind: 'kota', name: 'BKPSDM Kota Palembang',
    signer: { name: 'Kepala BKPSDM', nip: '19700101 199003 1 002', title: 'Kepala BKPSDM' },
  });
  for (const k of kecamatan) {
    const trust = await k.t.ok('trust.export', {}, k.token);
    await city.ok('trust.import', { fileName: trust.fileName, dataBase64: trust.dataBase64, confirm: true }, cityToken);
    const made = await k.t.ok('batch.export', {}, k.token);
    const result = await city.ok('batch.import', { fileName: made.fileName, dataBase64: fs.readFileSync(made.file).toString('base64') }, cityToken);
    expect(result).toMatchObject({ status: 'imported', office: { code: k.code } });
  }
}, 120_000);

afterAll(() => {
  for (const k of kecamatan ?? []) k.t.close();
  plaju?.db.close();
  city?.close();
  removeTempDirs();
});

const figures = (r: { nip: string; name: string; unit: string | null; golongan: string | null; eventJp: number; externalJp: number; jp: number }) =>
  ({ nip: r.nip, name: r.name, unit: r.unit, golongan: r.golongan, eventJp: r.eventJp, externalJp: r.externalJp, jp: r.jp });
const byNip = <T extends { nip: string }>(rows: T[]) => [...rows].sort((a, b) => a.nip.localeCompare(b.nip));

describe('the city of three kecamatan', () => {
  it('the city ledger gives each kecamatan\'s people exactly the JP of that kecamatan\'s own ledger', async () => {
    let people = 0;
    for (const k of kecamatan) {
      const own = await k.t.ok('ledger.year', { year: 2026 }, k.token);
      const atCity = await city.ok('city.ledger', { year: 2026, officeCode: k.code }, cityToken);
      expect(own.rows.length, k.code).toBeGreaterThan(5);
      expect(byNip(atCity.people.map(figures)), k.code).toEqual(byNip(own.rows.map(figures)));
      expect(atCity.people.every((p) => p.officeCode === k.code && p.offices === 1 && p.target === 20)).toBe(true);
      expect(atCity.totals.people).toBe(own.office.employees);
      expect(atCity.totals.reached).toBe(own.rows.filter((r) => r.jp >= 20).length);
      people += own.office.employees;
    }
    // Plaju has people on both sides of 20 JP (passed, failed, outside trainings); so do the others.
    const all = await city.ok('city.ledger', { year: 2026 }, cityToken);
    expect(all.totals.people).toBe(people);
    expect(all.totals.reached).toBeGreaterThan(0);
    expect(all.totals.behind).toBeGreaterThan(0);
    // Largest gap first; behindOnly narrows the rows, not the totals.
    expect(all.people.map((p) => p.gap)).toEqual([...all.people.map((p) => p.gap)].sort((a, b) => b - a));
    const behind = await city.ok('city.ledger', { year: 2026, behindOnly: true }, cityToken);
    expect(behind.people).toHaveLength(all.totals.behind);
    expect(behind.totals).toEqual(all.totals);
    // Search by name or by NIP typed with spaces.
    const someone = all.people.find((p) => p.officeCode === '16.71.14')!;
    const nip = `${someone.nip.slice(0, 8)} ${someone.nip.slice(8, 14)} ${someone.nip.slice(14, 15)} ${someone.nip.slice(15)}`;
    expect((await city.ok('city.ledger', { year: 2026, search: nip }, cityToken)).people.map((p) => p.nip)).toEqual([someone.nip]);
    const named = await city.ok('city.ledger', { year: 2026, search: someone.name.toUpperCase() }, cityToken);
    expect(named.people.map((p) => p.nip)).toContain(someone.nip);
    // Another year: nobody has JP.
    expect((await city.ok('city.ledger', { year: 2025 }, cityToken)).totals).toMatchObject({ people, reached: 0, jp: 0 });
  });

  it('the dashboard: per kecamatan the last batch, people reached and behind, trainings finished, certificates issued', async () => {
    const d = await city.ok('city.dashboard', { year: 2026 }, cityToken);
    expect(d).toMatchObject({ year: 2026, target: 20 });
    expect(d.offices).toHaveLength(18);
    for (const k of kecamatan) {
      const own = await k.t.ok('ledger.year', { year: 2026 }, k.token);
      const line = d.offices.find((o) => o.regionCode === k.code)!;
      const certificates = (await k.t.ok('certificates.list', {}, k.token)).filter((c) => c.status === 'sah' && c.issuedOn.startsWith('2026-')).length;
      expect(line, k.code).toMatchObject<Partial<CityOfficeSummary>>({
        lastSeq: 1, daysSinceLast: 0, missing: null, held: [],
        employees: own.office.employees, reached: own.rows.filter((r) => r.jp >= 20).length, behind: own.rows.filter((r) => r.jp < 20).length,
        trainings: k.code === '16.71.14' ? 2 : 3, certificates,
      });
    }
    // Plaju issued certificates (Bimtek A); the kecamatan written straight in issued none.
    expect(d.offices.find((o) => o.regionCode === '16.71.14')!.certificates).toBeGreaterThan(0);
    const silent = d.offices.filter((o) => !kecamatan.some((k) => k.code === o.regionCode));
    expect(silent).toHaveLength(15);
    expect(silent.every((o) => o.lastSeq === null && o.lastImportAt === null && o.daysSinceLast === null && o.employees === 0 && o.trainings === 0)).toBe(true);
    // Three days on (the city's clerk logs in again), nobody sent anything.
    plaju.clock.advanceSeconds(3 * 86_400);
    try {
      cityToken = await login(city, ADMIN.username, ADMIN.password);
      const later = await city.ok('city.dashboard', { year: 2026 }, cityToken);
      expect(later.offices.find((o) => o.regionCode === '16.71.01')!.daysSinceLast).toBe(3);
    } finally {
      plaju.clock.advanceSeconds(-3 * 86_400);
    }
  });

  it('the SIASN sheet holds every kecamatan\'s rows in the kecamatan\'s own columns, NIP as text and dd-mm-yyyy dates', async () => {
    const file = await city.ok('city.siasn', { year: 2026 }, cityToken);
    expect(file).toMatchObject({ fileName: 'siasn-riwayat-kursus-kota-2026.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const sheet = await readTable(Buffer.from(file.dataBase64, 'base64'), file.fileName);
    const own: string[][] = [];
    for (const k of kecamatan) {
      const x = await k.t.ok('reports.file', { kind: 'siasn', year: 2026, format: 'xlsx' }, k.token);
      const theirs = await readTable(Buffer.from(x.dataBase64, 'base64'), x.fileName);
      expect(theirs.headers).toEqual(sheet.headers);
      expect(theirs.rows.length, k.code).toBeGreaterThan(0);
      own.push(...theirs.rows.map((r) => r.cells));
    }
    expect(sheet.headers).toEqual(['NIP', 'nama', 'jenisDiklatId', 'namaKursus', 'institusiPenyelenggara', 'jenisKursus', 'jumlahJam', 'lokasi',
      'nomorSertipikat', 'tahunKursus', 'tanggalKursus', 'tanggalSelesaiKursus']);
    const cells = sheet.rows.map((r) => r.cells);
    const key = (r: string[]) => JSON.stringify(r);
    expect(cells.map(key).sort()).toEqual(own.map(key).sort());
    expect(cells.every((r) => /^\d{18}$/.test(r[0]!) && /^\d{2}-\d{2}-2026$/.test(r[10]!) && /^\d{2}-\d{2}-\d{4}$/.test(r[11]!))).toBe(true);
    // Each kecamatan's events name it as organiser.
    expect(cells.some((r) => r[4] === 'Kantor Kecamatan Plaju')).toBe(true);
    expect(cells.some((r) => r[4] === `Kantor Kecamatan ${kecamatan[1]!.name}`)).toBe(true);
  });

  it('the CLI prints the dashboard, the ledger, one person and writes the SIASN sheet', async () => {
    const dir = city.dataDir;
    // A Plaju person: the NIPs written straight in for the others are not real NIPs, and city.person checks the NIP.
    const someone = (await city.ok('city.ledger', { year: 2026, officeCode: '16.71.14' }, cityToken)).people[0]!;
    city.close();
    const dashboard = await captureCli(['--data', dir, 'city', 'dashboard', '--year', '2026']);
    expect(dashboard.stderr).toBe('');
    expect(dashboard.code).toBe(0);
    expect(dashboard.stdout).toContain('Kecamatan tahun 2026 (target 20 JP per pegawai)');
    // The CLI runs on the computer's clock: days since and what is finished by now are not the test clock's.
    expect(dashboard.stdout).toMatch(/\n16\.71\.14 +Plaju +1 +\d{4}-\d{2}-\d{2} +\d+ +- +- +\d+ +\d+ +\d+ +\d+ +\d+\n/);
    expect(dashboard.stdout).toMatch(/Seluruh kota: \d+ dari \d+ pegawai mencapai 20 JP, \d+ belum; \d+ pelatihan selesai, \d+ sertifikat terbit\. 15 kecamatan belum pernah mengirim\./);
    const json = JSON.parse((await captureCli(['--data', dir, 'city', 'dashboard', '--year', '2026', '--json'])).stdout) as { offices: CityOfficeSummary[] };
    expect(json.offices).toHaveLength(18);

    const ledger = await captureCli(['--data', dir, 'city', 'ledger', '--year', '2026', '--office', '16.71.01', '--behind']);
    expect(ledger.code).toBe(0);
    expect(ledger.stdout).toContain('Capaian JP tahun 2026 seluruh kota, kecamatan 16.71.01 (yang belum mencapai target)');
    expect(ledger.stdout).toMatch(/No +NIP +Nama +Kecamatan +Unit +JP +Kurang/);
    expect(ledger.stdout).toContain('15 dari 30 pegawai sudah mencapai 20 JP; 15 belum.');
    const ledgerJson = JSON.parse((await captureCli(['--data', dir, 'city', 'ledger', '--year', '2026', '--office', '16.71.01', '--behind', '--json'])).stdout) as { people: { gap: number }[] };
    expect(ledgerJson.people).toHaveLength(15);
    expect(ledgerJson.people.every((p) => p.gap > 0)).toBe(true);

    const person = await captureCli(['--data', dir, 'city', 'person', someone.nip, '--year', '2026']);
    expect(person.code).toBe(0);
    expect(person.stdout).toContain(`${someone.name} (`);
    expect(person.stdout).toContain(`Sekarang: ${someone.officeName}`);
    expect(person.stdout).toContain(`JP 2026: ${someone.jp}`);
    const unknown = await captureCli(['--data', dir, 'city', 'person', '198601012010011001']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('tidak ada di data kecamatan mana pun');

    const out = tempDir('bangkom-usb-');
    const siasn = await captureCli(['--data', dir, 'city', 'siasn', '--year', '2026', '--out', out, '--json']);
    expect(siasn.stderr).toBe('');
    expect(JSON.parse(siasn.stdout)).toEqual({ file: path.join(out, 'siasn-riwayat-kursus-kota-2026.xlsx') });
    const table = await readTable(fs.readFileSync(path.join(out, 'siasn-riwayat-kursus-kota-2026.xlsx')), 'x.xlsx');
    expect(table.rows.length).toBeGreaterThan(20);
  });
});
