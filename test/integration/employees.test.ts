// The employees service through backend.call, as the list and the edit form use it: NIPs typed
// any common way, display names, golongan stored as SIASN codes, facts derived from the NIP,
// one person per NIP (removed ones included), status changes, history, search and filters.
import Database from 'better-sqlite3';
import type { Employee } from '../../shared/contract/employees.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addOperator, count, dbFile, openTestBackend, peek, removeTempDirs, setUpOffice, type TestBackend,
} from '../helpers/backend.ts';
import { pnsNip, pppkNip, spaced } from '../helpers/roster.ts';

let t: TestBackend;
let db: Database.Database;
let admin: string;
let operator: { id: string; token: string };
let units: Record<string, string>;

beforeAll(async () => {
  t = openTestBackend();
  admin = await setUpOffice(t);
  operator = await addOperator(t, admin);
  units = Object.fromEntries((await t.ok('units.list', {}, admin)).map((u) => [u.name, u.id]));
  db = peek(t.dataDir);
});
afterAll(() => {
  db.close();
  t.close();
  removeTempDirs();
});

const journal = () => count(db, "SELECT count(*) AS n FROM change_journal WHERE entity = 'employee'");
const audit = () => count(db, "SELECT count(*) AS n FROM audit_log WHERE entity = 'employee'");

let seq = 100;
/** A fresh valid PNS NIP for tests that need one nobody else uses. */
function freshNip(gender: 1 | 2 = 1): string {
  seq++;
  return pnsNip('1980-02-14', '2005-03', gender, seq);
}

const person = (over: Record<string, unknown> = {}) => ({ nip: freshNip(), name: 'Budi Santoso', ...over });

describe('creating and editing', () => {
  it('takes a NIP typed with spaces or dots and stores the 18 digits', async () => {
    const nip = pnsNip('1986-09-26', '2015-05', 2, 1);
    const { employee } = await t.ok('employees.create', { nip: spaced(nip), name: 'Siti Aminah' }, admin);
    expect(employee.nip).toBe(nip);
    expect(db.prepare('SELECT nip FROM employees WHERE id = ?').pluck().get(employee.id)).toBe('198609262015052001');

    const dotted = '19750315.200003.1.002';
    const second = await t.ok('employees.create', { nip: dotted, name: 'Ahmad Fauzi' }, admin);
    expect(second.employee.nip).toBe('197503152000031002');
    const updated = await t.ok('employees.update', { id: second.employee.id, nip: '19750315-200003-1-002', name: 'Ahmad Fauzi', jabatan: 'Sekretaris Camat' }, admin);
    expect(updated.employee.nip).toBe('197503152000031002');
    expect(updated.employee.jabatan).toBe('Sekretaris Camat');
  });

  it('refuses an invalid NIP on the nip field with the NIP rule that failed, and writes nothing', async () => {
    const before = [journal(), audit(), count(db, 'SELECT count(*) AS n FROM employees')];
    const short = await t.fails('employees.create', { nip: '19860926 201505 2', name: 'X' }, 'VALIDATION', admin);
    expect(short.details?.issues).toEqual([expect.objectContaining({ path: ['nip'], message: 'nip.wrong_length' })]);
    const badMonth = await t.fails('employees.create', { nip: '198609262015132001', name: 'X' }, 'VALIDATION', admin);
    expect(badMonth.details?.issues?.[0]).toMatchObject({ path: ['nip'], message: 'nip.tmt_invalid' });
    const badGender = await t.fails('employees.create', { nip: '198609262015053001', name: 'X' }, 'VALIDATION', admin);
    expect(badGender.details?.issues?.[0]).toMatchObject({ path: ['nip'], message: 'nip.gender_invalid' });
    expect([journal(), audit(), count(db, 'SELECT count(*) AS n FROM employees')]).toEqual(before);
  });

  it('composes the display name from the titles kept apart', async () => {
    const { employee } = await t.ok('employees.create', person({ frontTitle: 'Drs. H.', name: 'Ahmad Fauzi', backTitle: 'M.Si.' }), admin);
    expect(employee).toMatchObject({ frontTitle: 'Drs. H.', name: 'Ahmad Fauzi', backTitle: 'M.Si.', displayName: 'Drs. H. Ahmad Fauzi, M.Si.' });
    const plain = await t.ok('employees.create', person({ name: '  Rudi Hartono  ' }), admin);
    expect(plain.employee.displayName).toBe('Rudi Hartono');
    const backOnly = await t.ok('employees.create', person({ name: 'Siti Rahma', backTitle: 'S.E., M.M.' }), admin);
    expect(backOnly.employee.displayName).toBe('Siti Rahma, S.E., M.M.');
  });

  it.each([
    ['III/a', '31', 'III/a', 'Penata Muda'],
    ['3a', '31', 'III/a', 'Penata Muda'],
    ['Penata Muda (III/a)', '31', 'III/a', 'Penata Muda'],
    ['III-b', '32', 'III/b', 'Penata Muda Tingkat I'],
    ['iv/e', '45', 'IV/e', 'Pembina Utama'],
  ])('stores golongan %j as the SIASN code %s', async (typed, code, label, pangkat) => {
    const { employee } = await t.ok('employees.create', person({ golongan: typed }), admin);
    expect(employee).toMatchObject({ golongan: code, golonganLabel: label, pangkat });
    expect(db.prepare('SELECT golongan FROM employees WHERE id = ?').pluck().get(employee.id)).toBe(code);
  });

  it('gives a PPPK NIP its type and a PPPK golongan; a PNS golongan for it is refused', async () => {
    const nip = pppkNip('2000-12-31', 2024, 1, 1);
    const { employee } = await t.ok('employees.create', { nip, name: 'Dedi Kurniawan', golongan: 'IX' }, admin);
    expect(employee).toMatchObject({ employmentType: 'pppk', golongan: 'PPPK-IX', golonganLabel: 'IX', pangkat: null, birthDate: '2000-12-31', gender: 'L' });
    const nine = await t.ok('employees.create', { nip: pppkNip('1995-06-01', 2023, 2, 7), name: 'Rina', golongan: '9' }, admin);
    expect(nine.employee.golongan).toBe('PPPK-IX');

    const wrong = await t.fails('employees.create', { nip: pppkNip('1995-06-01', 2023, 2, 8), name: 'Rina', golongan: 'III/a' }, 'VALIDATION', admin);
    expect(wrong.details?.issues).toEqual([expect.objectContaining({ path: ['golongan'], message: 'golongan.wrong_kind' })]);
    const pnsWithPppk = await t.fails('employees.create', person({ golongan: 'IX' }), 'VALIDATION', admin);
    expect(pnsWithPppk.details?.issues?.[0]).toMatchObject({ path: ['golongan'], message: 'golongan.wrong_kind' });
    const typed = await t.fails('employees.create', { nip: pppkNip('1995-06-01', 2023, 2, 9), name: 'Rina', employmentType: 'pns' }, 'VALIDATION', admin);
    expect(typed.details?.issues?.[0]).toMatchObject({ path: ['employmentType'], message: 'employee.type_mismatch', params: { fromNip: 'PPPK' } });
  });

  it('refuses a golongan it cannot read with certainty', async () => {
    const e = await t.fails('employees.create', person({ golongan: 'Penata (III/a)' }), 'VALIDATION', admin);
    expect(e.details?.issues?.[0]).toMatchObject({ path: ['golongan'], message: 'golongan.mismatch' });
    const u = await t.fails('employees.create', person({ golongan: 'III/z' }), 'VALIDATION', admin);
    expect(u.details?.issues?.[0]).toMatchObject({ path: ['golongan'], message: 'golongan.unknown' });
  });

  it('takes a blank birth date and gender from the NIP', async () => {
    const nip = pnsNip('1991-07-04', '2017-01', 2, 33);
    const { employee, warnings } = await t.ok('employees.create', { nip, name: 'Nur Aini', birthDate: null, gender: null }, admin);
    expect(employee).toMatchObject({ birthDate: '1991-07-04', gender: 'P', employmentType: 'pns' });
    expect(warnings).toEqual([]);
  });

  it('keeps what was entered when it disagrees with the NIP, and warns on each field', async () => {
    const nip = pnsNip('1991-07-04', '2017-01', 2, 34);
    const { employee, warnings } = await t.ok('employees.create', { nip, name: 'Nur Aini', birthDate: '1991-07-05', gender: 'L' }, admin);
    expect(employee).toMatchObject({ birthDate: '1991-07-05', gender: 'L' });
    expect(warnings).toEqual(expect.arrayContaining([
      { field: 'birthDate', code: 'nip.birth_date_mismatch', params: { fromNip: '1991-07-04', entered: '1991-07-05' } },
      { field: 'gender', code: 'nip.gender_mismatch', params: { fromNip: 'P', entered: 'L' } },
    ]));
    expect(warnings).toHaveLength(2);
    // The record shows the same advice when opened later.
    expect((await t.ok('employees.get', { id: employee.id }, admin)).warnings).toHaveLength(2);
    // Corrected: no more warnings.
    const fixed = await t.ok('employees.update', { id: employee.id, nip, name: 'Nur Aini', birthDate: '1991-07-04', gender: 'P' }, admin);
    expect(fixed.warnings).toEqual([]);
  });

  it('refuses a unit that does not exist', async () => {
    const e = await t.fails('employees.create', person({ unitId: '019a0000-0000-7000-8000-00000000dead' }), 'VALIDATION', admin);
    expect(e.details?.issues?.[0]).toMatchObject({ path: ['unitId'], message: 'employee.unit_unknown' });
  });

  it('a corrected NIP is searchable under the new number only, and the history shows the correction', async () => {
    const wrong = pnsNip('1979-12-01', '2003-02', 1, 7);
    const right = pnsNip('1979-12-01', '2003-02', 1, 8);
    const { employee } = await t.ok('employees.create', { nip: wrong, name: 'Koreksi Nip' }, admin);
    await t.ok('employees.update', { id: employee.id, nip: spaced(right), name: 'Koreksi Nip' }, admin);
    expect((await t.ok('employees.list', { search: right }, admin)).items.map((e) => e.id)).toEqual([employee.id]);
    expect((await t.ok('employees.list', { search: wrong }, admin)).total).toBe(0);
    expect((await t.ok('employees.history', { id: employee.id }, admin))[0]!.details).toEqual({ nip: [wrong, right] });
    // The old number is free again.
    await t.ok('employees.create', { nip: wrong, name: 'Orang Lain' }, admin);
  });

  it('an edit keeps the status, which has its own method', async () => {
    const { employee } = await t.ok('employees.create', person(), admin);
    await t.ok('employees.setStatus', { id: employee.id, status: 'pindah', statusDate: '2026-10-01' }, admin);
    const edited = await t.ok('employees.update', { id: employee.id, nip: employee.nip, name: 'Budi S.' }, admin);
    expect(edited.employee).toMatchObject({ name: 'Budi S.', status: 'pindah', statusDate: '2026-10-01' });
  });
});

describe('one employee per NIP', () => {
  it('a second person with the same NIP is refused, however it is typed', async () => {
    const nip = freshNip(2);
    const { employee } = await t.ok('employees.create', { nip, name: 'Sri Wahyuni' }, admin);
    const before = [journal(), audit()];
    const e = await t.fails('employees.create', { nip: spaced(nip), name: 'Sri W.' }, 'VALIDATION', admin);
    expect(e.details?.issues).toEqual([{ path: ['nip'], message: 'employee.nip_exists', params: { name: 'Sri Wahyuni' } }]);
    expect([journal(), audit()]).toEqual(before);
    // Editing someone else onto that NIP is refused the same way.
    const other = await t.ok('employees.create', person(), admin);
    const moved = await t.fails('employees.update', { id: other.employee.id, nip, name: other.employee.name }, 'VALIDATION', admin);
    expect(moved.details?.issues?.[0]).toMatchObject({ path: ['nip'], message: 'employee.nip_exists' });
    // Saving a person under their own NIP is fine.
    await t.ok('employees.update', { id: employee.id, nip, name: 'Sri Wahyuni' }, admin);
  });

  it('the database itself refuses a second row with the NIP, even beside a removed one', async () => {
    const nip = freshNip();
    const { employee } = await t.ok('employees.create', { nip, name: 'Joko' }, admin);
    const raw = new Database(dbFile(t.dataDir));
    try {
      const insert = (id: string) => raw.prepare(`INSERT INTO employees (id, nip, employment_type, name, search_key, created_at, updated_at, origin)
        VALUES (?, ?, 'pns', 'Joko Kembar', 'joko kembar', '2026-11-25T02:00:00.000Z', '2026-11-25T02:00:00.000Z', '16.71.14')`).run(id, nip);
      expect(() => insert('019a0000-0000-7000-8000-0000000000a1')).toThrow(/UNIQUE constraint failed: employees\.nip/);
      await t.ok('employees.remove', { id: employee.id }, admin);
      expect(() => insert('019a0000-0000-7000-8000-0000000000a2')).toThrow(/UNIQUE constraint failed: employees\.nip/);
    } finally {
      raw.close();
    }
  });

  it('a removed person cannot be created again: the error names them and their id, and restore brings them back', async () => {
    const nip = freshNip(2);
    const { employee } = await t.ok('employees.create', { nip, name: 'Wulan Sari', jabatan: 'Staf' }, admin);
    const removed = await t.ok('employees.remove', { id: employee.id }, admin);
    expect(removed.deletedAt).toBe(t.clock.iso());
    expect((await t.ok('employees.list', { search: nip }, admin)).total).toBe(0);
    await t.fails('employees.get', { id: employee.id }, 'NOT_FOUND', admin);

    const before = [journal(), audit()];
    const e = await t.fails('employees.create', { nip: spaced(nip), name: 'Wulan Sari' }, 'VALIDATION', admin);
    expect(e.message).toBe('employee.nip_removed');
    expect(e.details?.issues).toEqual([{ path: ['nip'], message: 'employee.nip_removed', params: { name: 'Wulan Sari', id: employee.id } }]);
    expect([journal(), audit()]).toEqual(before);

    const restored = await t.ok('employees.restore', { id: employee.id }, admin);
    expect(restored).toMatchObject({ id: employee.id, nip, name: 'Wulan Sari', jabatan: 'Staf', deletedAt: null });
    expect((await t.ok('employees.list', { search: nip }, admin)).items.map((i) => i.id)).toEqual([employee.id]);
    const ops = db.prepare("SELECT op FROM change_journal WHERE entity_id = ? ORDER BY seq").pluck().all(employee.id);
    expect(ops).toEqual(['insert', 'delete', 'restore']);
  });
});

describe('status and history', () => {
  it('setStatus stores the status with its date; the same status again writes nothing', async () => {
    const { employee } = await t.ok('employees.create', person(), admin);
    const retired = await t.ok('employees.setStatus', { id: employee.id, status: 'pensiun', statusDate: '2026-12-01' }, admin);
    expect(retired).toMatchObject({ status: 'pensiun', statusDate: '2026-12-01' });
    expect(db.prepare('SELECT status, status_date FROM employees WHERE id = ?').get(employee.id)).toEqual({ status: 'pensiun', status_date: '2026-12-01' });
    const before = journal();
    await t.ok('employees.setStatus', { id: employee.id, status: 'pensiun', statusDate: '2026-12-01' }, admin);
    expect(journal()).toBe(before);
    await t.fails('employees.setStatus', { id: employee.id, status: 'cuti', statusDate: null }, 'VALIDATION', admin);
    await t.fails('employees.setStatus', { id: employee.id, status: 'aktif', statusDate: '1 Desember 2026' }, 'VALIDATION', admin);
  });

  it('history lists each change, newest first, with old → new values and who made it', async () => {
    const nip = freshNip();
    const { employee } = await t.ok('employees.create', { nip, name: 'Agus Salim', jabatan: 'Staf', golongan: 'II/c' }, admin);
    t.clock.advanceSeconds(60);
    await t.ok('employees.update', { id: employee.id, nip, name: 'Agus Salim', jabatan: 'Kepala Seksi Pemerintahan', golongan: 'III/a', unitId: units['Seksi Pemerintahan'] }, operator.token);
    t.clock.advanceSeconds(60);
    await t.ok('employees.setStatus', { id: employee.id, status: 'pindah', statusDate: '2026-11-30' }, admin);

    const history = await t.ok('employees.history', { id: employee.id }, admin);
    expect(history.map((h) => h.action)).toEqual(['employee.update', 'employee.update', 'employee.insert']);
    expect(history.map((h) => h.username)).toEqual(['admin', 'siti', 'admin']);
    expect(history[0]!.details).toEqual({ status: ['aktif', 'pindah'], statusDate: [null, '2026-11-30'] });
    expect(history[1]!.details).toEqual({
      jabatan: ['Staf', 'Kepala Seksi Pemerintahan'],
      golongan: ['23', '31'],
      unitId: [null, units['Seksi Pemerintahan']],
    });
    expect(history[2]!.details).toMatchObject({ nip: [null, nip], name: [null, 'Agus Salim'], jabatan: [null, 'Staf'], golongan: [null, '23'] });
    expect(history[0]!.at > history[1]!.at && history[1]!.at > history[2]!.at).toBe(true);
  });

  it('history of someone else is not mixed in, and of an unknown id is NOT_FOUND', async () => {
    const a = await t.ok('employees.create', person({ name: 'Satu' }), admin);
    await t.ok('employees.create', person({ name: 'Dua' }), admin);
    expect(await t.ok('employees.history', { id: a.employee.id }, admin)).toHaveLength(1);
    await t.fails('employees.history', { id: '019a0000-0000-7000-8000-00000000beef' }, 'NOT_FOUND', admin);
  });
});

describe('journal', () => {
  it('every write appends one journal row and one audit row for the person, in the actor\'s name', async () => {
    const before = { j: journal(), a: audit() };
    const { employee } = await t.ok('employees.create', person(), operator.token);
    await t.ok('employees.update', { id: employee.id, nip: employee.nip, name: 'Budi Santoso', phone: '0812' }, operator.token);
    await t.ok('employees.setStatus', { id: employee.id, status: 'cltn', statusDate: '2026-12-01' }, operator.token);
    await t.ok('employees.remove', { id: employee.id }, operator.token);
    await t.ok('employees.restore', { id: employee.id }, operator.token);
    const rows = db.prepare("SELECT op, user_id, origin, at FROM change_journal WHERE entity = 'employee' AND entity_id = ? ORDER BY seq").all(employee.id);
    expect(rows).toEqual(['insert', 'update', 'update', 'delete', 'restore'].map((op) => ({ op, user_id: operator.id, origin: '16.71.14', at: t.clock.iso() })));
    expect({ j: journal() - before.j, a: audit() - before.a }).toEqual({ j: 5, a: 5 });
  });

  it('saving the form without a change writes nothing, as an unchanged import row does not', async () => {
    const nip = freshNip();
    const { employee } = await t.ok('employees.create', { nip, frontTitle: 'Drs.', name: 'Hendra', golongan: 'III/a', unitId: units.Camat }, admin);
    t.clock.advanceSeconds(60);
    const before = { j: journal(), a: audit() };
    // The form sends back what it showed, golongan as its label and the NIP as formatted.
    const saved = await t.ok('employees.update', { id: employee.id, nip: spaced(nip), frontTitle: 'Drs.', name: 'Hendra', golongan: 'III/a', unitId: units.Camat, birthDate: employee.birthDate, gender: employee.gender }, admin);
    expect({ j: journal(), a: audit() }).toEqual(before);
    expect(saved.employee.updatedAt).toBe(employee.updatedAt);
  });

  it('a refused write leaves no journal or audit row', async () => {
    const { employee } = await t.ok('employees.create', person(), admin);
    const before = { j: journal(), a: audit(), all: count(db, 'SELECT count(*) AS n FROM change_journal') };
    await t.fails('employees.create', { nip: employee.nip, name: 'Kembar' }, 'VALIDATION', admin);
    await t.fails('employees.create', person({ golongan: 'XX' }), 'VALIDATION', admin);
    await t.fails('employees.update', { id: employee.id, nip: employee.nip, name: '' }, 'VALIDATION', admin);
    await t.fails('employees.update', { id: '019a0000-0000-7000-8000-00000000beef', nip: employee.nip, name: 'X' }, 'NOT_FOUND', admin);
    await t.fails('employees.create', person(), 'UNAUTHENTICATED', null);
    expect({ j: journal(), a: audit(), all: count(db, 'SELECT count(*) AS n FROM change_journal') }).toEqual(before);
  });

  it('the journal stamps the clock the backend runs on', async () => {
    t.clock.advanceSeconds(3600);
    const { employee } = await t.ok('employees.create', person(), admin);
    expect(employee.createdAt).toBe(t.clock.iso());
    expect(db.prepare('SELECT at FROM change_journal WHERE entity_id = ?').pluck().get(employee.id)).toBe(t.clock.iso());
  });
});

describe('the list: search, filters, sort', () => {
  // A separate office, so the people above do not get in the way.
  let s: TestBackend;
  let token: string;
  let unitIds: Record<string, string>;
  const ids: Record<string, string> = {};

  const PEOPLE = [
    { key: 'aminah', nip: pnsNip('1986-09-26', '2015-05', 2, 1), frontTitle: 'Dr.', name: 'Siti Aminah', backTitle: 'S.E., M.M.', golongan: 'III/c', unit: 'Seksi Pemerintahan', jabatan: 'Kepala Seksi' },
    { key: 'fauzi', nip: pnsNip('1975-03-15', '2000-03', 1, 2), frontTitle: 'Drs. H.', name: 'Ahmad Fauzi', backTitle: 'M.Si.', golongan: 'IV/a', unit: 'Sekretariat Kecamatan', jabatan: 'Sekretaris Camat' },
    { key: 'marifah', nip: pnsNip('1990-01-01', '2019-03', 2, 3), frontTitle: '', name: "Siti Ma'rifah", backTitle: '', golongan: 'II/c', unit: 'Seksi Pemerintahan', jabatan: 'Staf' },
    { key: 'rene', nip: pnsNip('1988-11-20', '2012-12', 1, 4), frontTitle: '', name: 'René Müller', backTitle: 'S.T.', golongan: 'III/a', unit: 'Plaju Ulu', jabatan: 'Lurah' },
    { key: 'dedi', nip: pppkNip('2000-12-31', 2024, 1, 1), frontTitle: '', name: 'Dedi Kurniawan', backTitle: '', golongan: 'IX', unit: 'Plaju Ulu', jabatan: 'Pengadministrasi' },
    { key: 'zul', nip: pnsNip('1986-09-26', '2010-01', 1, 5), frontTitle: '', name: 'zulkifli', backTitle: '', golongan: 'III/c', unit: 'Camat', jabatan: 'Camat' },
  ];

  beforeAll(async () => {
    s = openTestBackend();
    token = await setUpOffice(s);
    unitIds = Object.fromEntries((await s.ok('units.list', {}, token)).map((u) => [u.name, u.id]));
    for (const p of PEOPLE) {
      const { key, unit, ...fields } = p;
      ids[key] = (await s.ok('employees.create', { ...fields, unitId: unitIds[unit] }, token)).employee.id;
    }
    await s.ok('employees.setStatus', { id: ids.zul!, status: 'pensiun', statusDate: '2026-10-01' }, token);
  });
  afterAll(() => s.close());

  const keysOf = (items: Employee[]) => items.map((e) => Object.entries(ids).find(([, id]) => id === e.id)?.[0]);
  const find = async (input: Record<string, unknown>) => keysOf((await s.ok('employees.list', input, token)).items);

  it.each([
    ['aminah', ['aminah']],
    ['SITI', ['marifah', 'aminah']],
    ["Ma'rifah", ['marifah']],
    ['marifah', ['marifah']],
    ['Ma’rifah', ['marifah']],
    ['muller', ['rene']],
    ['René', ['rene']],
    ['rene mull', ['rene']],
    ['ahmad fauzi', ['fauzi']],
    ['  fauZI ', ['fauzi']],
    ['siti amin', ['aminah']],
  ])('finds %j by a name fragment, ignoring case, accents and apostrophes', async (search, expected) => {
    expect((await find({ search })).sort()).toEqual([...expected].sort());
  });

  it('titles are not part of the name: a title alone finds nobody, a name typed with its titles finds the person', async () => {
    expect(await find({ search: 'M.Si' })).toEqual([]);
    expect(await find({ search: 'Drs' })).toEqual([]);
    expect(await find({ search: 'Dr. Siti Aminah, S.E., M.M.' })).toEqual(['aminah']);
    expect(await find({ search: 'drs. h. ahmad fauzi, m.si.' })).toEqual(['fauzi']);
    expect(await find({ search: 'Drs Ahmad' })).toEqual(['fauzi']);
    expect(await find({ search: 'René Müller, S.T.' })).toEqual(['rene']);
  });

  it.each([
    ['19860926 2015', ['aminah']],
    ['19860926', ['aminah', 'zul']],
    ['19860926.201505.2', ['aminah']],
    ['2015052001', ['aminah']],
    ['1975-03-15', ['fauzi']],
    [spaced(pnsNip('1975-03-15', '2000-03', 1, 2)), ['fauzi']],
  ])('finds by a NIP fragment %j typed with spaces, dots or dashes', async (search, expected) => {
    expect((await find({ search })).sort()).toEqual([...expected].sort());
  });

  it('finds nobody for a fragment nobody has', async () => {
    expect(await s.ok('employees.list', { search: 'xyz' }, token)).toEqual({ total: 0, items: [] });
    expect(await find({ search: '1999' })).toEqual([]);
  });

  it('filters by unit, status, golongan and type, together with the search', async () => {
    expect((await find({ unitId: unitIds['Seksi Pemerintahan'] })).sort()).toEqual(['aminah', 'marifah']);
    expect(await find({ status: 'pensiun' })).toEqual(['zul']);
    expect((await find({ status: 'aktif' })).sort()).toEqual(['aminah', 'dedi', 'fauzi', 'marifah', 'rene']);
    expect((await find({ golongan: '33' })).sort()).toEqual(['aminah', 'zul']);
    expect(await find({ golongan: 'PPPK-IX' })).toEqual(['dedi']);
    expect(await find({ employmentType: 'pppk' })).toEqual(['dedi']);
    expect((await find({ employmentType: 'pns' })).length).toBe(5);
    expect(await find({ unitId: unitIds['Plaju Ulu'], employmentType: 'pns' })).toEqual(['rene']);
    expect(await find({ search: 'siti', golongan: '23' })).toEqual(['marifah']);
    expect(await find({ search: 'siti', unitId: unitIds.Camat })).toEqual([]);
  });

  it('sorts by name (ignoring case), NIP, golongan, unit and jabatan, either way', async () => {
    expect(await find({ sort: 'name' })).toEqual(['fauzi', 'dedi', 'rene', 'aminah', 'marifah', 'zul']);
    expect(await find({ sort: 'name', direction: 'desc' })).toEqual(['zul', 'marifah', 'aminah', 'rene', 'dedi', 'fauzi']);
    expect(await find({ sort: 'nip' })).toEqual(['fauzi', 'zul', 'aminah', 'rene', 'marifah', 'dedi']);
    // Golongan by SIASN code; a tie falls back to the name.
    expect(await find({ sort: 'golongan' })).toEqual(['marifah', 'rene', 'aminah', 'zul', 'fauzi', 'dedi']);
    expect(await find({ sort: 'unit' })).toEqual(['zul', 'dedi', 'rene', 'fauzi', 'aminah', 'marifah']);
    expect(await find({ sort: 'jabatan', direction: 'desc' })).toEqual(['marifah', 'fauzi', 'dedi', 'rene', 'aminah', 'zul']);
  });

  it('pages with limit and offset and gives the total', async () => {
    const page = await s.ok('employees.list', { sort: 'name', limit: 2, offset: 2 }, token);
    expect(page.total).toBe(6);
    expect(keysOf(page.items)).toEqual(['rene', 'aminah']);
  });

  it('each item carries the display name, golongan label, pangkat and unit name', async () => {
    const { items } = await s.ok('employees.list', { search: 'fauzi' }, token);
    expect(items[0]).toMatchObject({
      displayName: 'Drs. H. Ahmad Fauzi, M.Si.', golongan: '41', golonganLabel: 'IV/a', pangkat: 'Pembina',
      unit: 'Sekretariat Kecamatan', unitId: unitIds['Sekretariat Kecamatan'], status: 'aktif', birthDate: '1975-03-15', gender: 'L',
    });
  });

  it('an operator can list, search and read; nobody without a session can', async () => {
    const op = await addOperator(s, token);
    expect((await s.ok('employees.list', { search: 'aminah' }, op.token)).total).toBe(1);
    expect((await s.ok('employees.get', { id: ids.aminah! }, op.token)).employee.name).toBe('Siti Aminah');
    await s.fails('employees.list', {}, 'UNAUTHENTICATED', null);
    await s.fails('employees.history', { id: ids.aminah! }, 'UNAUTHENTICATED', null);
  });
});
