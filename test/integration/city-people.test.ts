// A transfer seen from the city: an employee of Plaju moves to Ilir Barat II, which enters the
// same NIP. The city knows one person: the newer assignment (Ilir Barat II's unit, jabatan and
// golongan) is the current one, the history has both, and the year's JP come from both
// kecamatan. A row a kecamatan removed loses to a live one even when the removal is newer, and
// the pindah the old kecamatan entered after the new one's aktif loses to it; a removed row keeps
// its trainings, in the ledger and on the SIASN sheet.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readTable } from '../../electron/backend/import/read-table.ts';
import { ADMIN, FakeClock, login, openTestBackend, removeTempDirs, setUpOffice, type TestBackend } from '../helpers/backend.ts';
import { resigned } from '../helpers/city.ts';
import { captureCli } from '../helpers/cli.ts';
import { addSession, createEvent, spacedNip, trainingOffice } from '../helpers/trainings.ts';

afterEach(() => removeTempDirs());

async function attended(o: { t: TestBackend; token: string }, employeeId: string, date: string, name: string) {
  const event = await createEvent(o, { name });
  await addSession(o, event.id, date, '08:00', '12:00');
  await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [employeeId] }, o.token);
  const [n] = await o.t.ok('enrolment.list', { eventId: event.id }, o.token);
  const [s] = (await o.t.ok('events.get', { id: event.id }, o.token)).sessions;
  await o.t.ok('attendance.mark', { sessionId: s!.id, enrolmentId: n!.id, status: 'hadir' }, o.token);
  const recap = await o.t.ok('recap.event', { eventId: event.id }, o.token);
  expect(recap.rows[0]).toMatchObject({ result: 'passed' });
  return recap.rows[0]!.jp;
}

describe('people across kecamatan', () => {
  it('the same NIP from two kecamatan is one person: the newer assignment wins, the history has both, JP from both', async () => {
    const clock = new FakeClock('2026-11-25T02:00:00.000Z');
    const plaju = await trainingOffice({ people: 4, clock });
    const ilir = openTestBackend({ clock });
    const city = openTestBackend({ clock });
    try {
      const ilirToken = await setUpOffice(ilir, { regionCode: '16.71.01', name: 'Kantor Kecamatan Ilir Barat II' });
      const cityToken = await setUpOffice(city, {
        regionCode: '16.71', kind: 'kota', name: 'BKPSDM Kota Palembang',
        signer: { name: 'Kepala BKPSDM', nip: '19700101 199003 1 002', title: 'Kepala BKPSDM' },
      });
      const [mover, , , mistaken] = [plaju.employees[1]!, null, null, plaju.employees[3]!];

      // At Plaju, before moving: a training and an outside record.
      const plajuJp = await attended(plaju, mover.id, '2026-03-10', 'Bimtek Arsip');
      const record = await plaju.t.ok('records.create', {
        employeeId: mover.id, title: 'Pelayanan Publik Digital', organiser: 'LAN RI', methodId: 16, competencyType: 'teknis',
        startDate: '2026-04-02', endDate: '2026-04-03', hours: 6,
      }, plaju.token);
      await plaju.t.ok('employees.setStatus', { id: mover.id, status: 'pindah', statusDate: '2026-11-24' }, plaju.token);

      // An hour later Ilir Barat II enters the same NIP (and another Plaju person's) in its own unit; another training there.
      clock.advanceSeconds(3600);
      const unit = (await ilir.ok('units.list', {}, ilirToken)).find((u) => u.name === 'Seksi Pemerintahan')!;
      const arrived = (await ilir.ok('employees.create', {
        nip: mover.nip, name: mover.name, jabatan: 'Kepala Seksi Pemerintahan', golongan: 'III/c', unitId: unit.id,
      }, ilirToken)).employee;
      await ilir.ok('employees.create', { nip: mistaken.nip, name: mistaken.name, jabatan: 'Pengadministrasi Umum' }, ilirToken);
      const ilirJp = await attended({ t: ilir, token: ilirToken }, arrived.id, '2026-11-20', 'Bimtek Kependudukan');
      const send = async (k: { t: TestBackend; token: string }) => {
        const made = await k.t.ok('batch.export', {}, k.token);
        expect(await city.ok('batch.import', { fileName: made.fileName, dataBase64: fs.readFileSync(made.file).toString('base64') }, cityToken))
          .toMatchObject({ status: 'imported' });
      };
      for (const k of [{ t: plaju.t, token: plaju.token }, { t: ilir, token: ilirToken }]) {
        const trust = await k.t.ok('trust.export', {}, k.token);
        await city.ok('trust.import', { fileName: trust.fileName, dataBase64: trust.dataBase64, confirm: true }, cityToken);
        await send(k);
      }
      // Later still, Plaju removes its row of the other person (a mistaken entry) and sends that: the removal is the newest change.
      clock.advanceSeconds(3600);
      await plaju.t.ok('employees.remove', { id: mistaken.id }, plaju.token);
      await send({ t: plaju.t, token: plaju.token });

      const person = await city.ok('city.person', { nip: spacedNip(mover.nip), year: 2026 }, cityToken);
      expect(person).toMatchObject({
        nip: mover.nip, name: mover.displayName,
        current: { officeCode: '16.71.01', officeName: 'Kantor Kecamatan Ilir Barat II', unit: 'Seksi Pemerintahan', jabatan: 'Kepala Seksi Pemerintahan', golongan: arrived.golongan, status: 'aktif', removed: false },
      });
      expect(person.history.map((a) => [a.officeCode, a.status, a.unit])).toEqual([
        ['16.71.14', 'pindah', mover.unit ?? null], ['16.71.01', 'aktif', 'Seksi Pemerintahan'],
      ]);
      expect(person.ledger).toMatchObject({ eventJp: plajuJp + ilirJp, externalJp: record.jp, jp: plajuJp + ilirJp + record.jp, offices: 2, officeCode: '16.71.01' });

      // In the ledger: counted once, at Ilir Barat II, with the JP of both.
      const ilirLedger = await city.ok('city.ledger', { year: 2026, officeCode: '16.71.01' }, cityToken);
      expect(ilirLedger.people.find((p) => p.nip === mover.nip)).toMatchObject({ jp: plajuJp + ilirJp + record.jp, offices: 2 });
      const plajuLedger = await city.ok('city.ledger', { year: 2026, officeCode: '16.71.14' }, cityToken);
      expect(plajuLedger.people.map((p) => p.nip)).not.toContain(mover.nip);
      expect((await city.ok('city.ledger', { year: 2026, search: mover.nip }, cityToken)).people).toHaveLength(1);

      // The removed Plaju row is newer, but the live Ilir Barat II row is the current one.
      const other = await city.ok('city.person', { nip: mistaken.nip, year: 2026 }, cityToken);
      expect(other.current).toMatchObject({ officeCode: '16.71.01', removed: false });
      expect(other.history.map((a) => [a.officeCode, a.removed])).toEqual([['16.71.01', false], ['16.71.14', true]]);
      expect(other.ledger).toMatchObject({ jp: 0, offices: 2 });
      expect((await city.ok('city.ledger', { year: 2026 }, cityToken)).people.filter((p) => p.nip === mistaken.nip)).toHaveLength(1);

      const dir = city.dataDir;
      city.close();
      const cli = await captureCli(['--data', dir, 'city', 'person', spacedNip(mover.nip), '--year', '2026']);
      expect(cli.stderr).toBe('');
      expect(cli.stdout).toContain(`${mover.displayName} (${spacedNip(mover.nip)})`);
      expect(cli.stdout).toContain('Sekarang: Kantor Kecamatan Ilir Barat II, Seksi Pemerintahan, Kepala Seksi Pemerintahan');
      expect(cli.stdout).toMatch(/Riwayat:\n {2}2026-11-25 {2}Kantor Kecamatan Plaju.* — pindah\n {2}2026-11-25 {2}Kantor Kecamatan Ilir Barat II, Seksi Pemerintahan.* — aktif\n/);
      expect(cli.stdout).toContain(`JP 2026: ${plajuJp + ilirJp + record.jp} (kegiatan ${plajuJp + ilirJp}, pelatihan luar ${record.jp}) dari target 20`);
      const json = JSON.parse((await captureCli(['--data', dir, 'city', 'person', mover.nip, '--json'])).stdout) as { history: unknown[] };
      expect(json.history).toHaveLength(2);
    } finally {
      plaju.close();
      ilir.close();
      city.close();
    }
  });

  it('a transfer entered at both ends: the new kecamatan adds the person aktif on 20 November, the old one marks them pindah on the 24th; a removed row keeps its trainings', async () => {
    const clock = new FakeClock('2026-11-20T02:00:00.000Z');
    const plaju = await trainingOffice({ people: 4, clock });
    const ilir = openTestBackend({ clock });
    const city = openTestBackend({ clock });
    try {
      let ilirToken = await setUpOffice(ilir, { regionCode: '16.71.01', name: 'Kantor Kecamatan Ilir Barat II' });
      await setUpOffice(city, {
        regionCode: '16.71', kind: 'kota', name: 'BKPSDM Kota Palembang',
        signer: { name: 'Kepala BKPSDM', nip: '19700101 199003 1 002', title: 'Kepala BKPSDM' },
      });
      const [mover, leaver] = [plaju.employees[1]!, plaju.employees[2]!];
      const moverJp = await attended(plaju, mover.id, '2026-03-10', 'Bimtek Arsip');
      const leaverJp = await attended(plaju, leaver.id, '2026-04-14', 'Bimtek Kearsipan Digital');
      const plajuFirst = await plaju.t.ok('batch.export', {}, plaju.token);

      // 20 November: Ilir Barat II adds both, aktif (no status date entered).
      const unit = (await ilir.ok('units.list', {}, ilirToken)).find((u) => u.name === 'Seksi Pemerintahan')!;
      await ilir.ok('employees.create', { nip: mover.nip, name: mover.name, jabatan: 'Kepala Seksi Pemerintahan', golongan: 'III/c', unitId: unit.id }, ilirToken);
      await ilir.ok('employees.create', { nip: leaver.nip, name: leaver.name, jabatan: 'Pengadministrasi Umum' }, ilirToken);
      // 24 November: Plaju marks the mover pindah, the later change. Its batch also removes the other's employee
      // row and keeps the trainings (what a kecamatan on another system may send; Bangkom keeps an employee with trainings).
      clock.advanceSeconds(4 * 86_400);
      const [plajuToken, cityToken] = [await login(plaju.t, ADMIN.username, ADMIN.password), await login(city, ADMIN.username, ADMIN.password)];
      ilirToken = await login(ilir, ADMIN.username, ADMIN.password);
      await plaju.t.ok('employees.setStatus', { id: mover.id, status: 'pindah', statusDate: '2026-11-24' }, plajuToken);
      const plajuSecond = await plaju.t.ok('batch.export', {}, plajuToken);
      const second = resigned(plaju.t, fs.readFileSync(plajuSecond.file), (m, files) => {
        const tomb = { id: leaver.id, rowVersion: (m.journal as { to: number }).to, updatedAt: clock.iso(), origin: 'local', entity: 'employees', deletedAt: clock.iso() };
        files['tombstones.ndjson'] = Buffer.concat([Buffer.from(files['tombstones.ndjson']!), Buffer.from(`${JSON.stringify(tomb)}\n`)]);
      });

      const send = async (bytes: Uint8Array) => expect(await city.ok('batch.import', { fileName: 'k.bkbatch', dataBase64: Buffer.from(bytes).toString('base64') }, cityToken))
        .toMatchObject({ status: 'imported' });
      for (const k of [{ t: ilir, token: ilirToken }, { t: plaju.t, token: plajuToken }]) {
        const trust = await k.t.ok('trust.export', {}, k.token);
        await city.ok('trust.import', { fileName: trust.fileName, dataBase64: trust.dataBase64, confirm: true }, cityToken);
      }
      await send(fs.readFileSync((await ilir.ok('batch.export', {}, ilirToken)).file));
      await send(fs.readFileSync(plajuFirst.file));
      await send(second);

      const person = await city.ok('city.person', { nip: mover.nip, year: 2026 }, cityToken);
      expect(person.current).toMatchObject({ officeCode: '16.71.01', status: 'aktif', unit: 'Seksi Pemerintahan', removed: false });
      expect(person.history.map((a) => [a.officeCode, a.status])).toEqual([['16.71.01', 'aktif'], ['16.71.14', 'pindah']]);
      expect(person.ledger).toMatchObject({ officeCode: '16.71.01', jp: moverJp, offices: 2 });
      expect((await city.ok('city.person', { nip: leaver.nip, year: 2026 }, cityToken)).history.map((a) => [a.officeCode, a.removed]))
        .toEqual([['16.71.01', false], ['16.71.14', true]]);
      const ledger = await city.ok('city.ledger', { year: 2026, officeCode: '16.71.01' }, cityToken);
      expect(ledger.people.map((p) => [p.nip, p.jp]).sort()).toEqual([[mover.nip, moverJp], [leaver.nip, leaverJp]].sort());
      expect((await city.ok('city.ledger', { year: 2026, officeCode: '16.71.14' }, cityToken)).people.map((p) => p.nip)).not.toContain(mover.nip);
      const dashboard = await city.ok('city.dashboard', { year: 2026 }, cityToken);
      expect(dashboard.offices.find((d) => d.regionCode === '16.71.01')).toMatchObject({ employees: 2 });

      // The SIASN sheet lists what the ledger counts: both trainings at Plaju, the removed row's too.
      const file = await city.ok('city.siasn', { year: 2026 }, cityToken);
      const sheet = await readTable(Buffer.from(file.dataBase64, 'base64'), file.fileName);
      const courses = sheet.rows.map((r) => [r.cells[0], r.cells[3], Number(r.cells[6])]);
      expect(courses).toEqual(expect.arrayContaining([[mover.nip, 'Bimtek Arsip', moverJp], [leaver.nip, 'Bimtek Kearsipan Digital', leaverJp]]));
    } finally {
      plaju.close();
      ilir.close();
      city.close();
    }
  });
});
