// What an import does to the roster: preview classifies every row (new / update with its changes
// / unchanged / error), apply writes the valid rows in one transaction and leaves the rest out,
// a second import of the same file changes nothing, units are never silently dropped, the
// corrected mapping is remembered, and a failure in the middle leaves the roster as it was.
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/contract/roster.ts';
import { addOperator, count, dbFile, removeTempDirs } from '../helpers/backend.ts';
import {
  STAFF, STAFF_HEADER, csvText, fileInput, freshOffice, manyPeople, readXlsx, spaced, staffRows, writeCounts, xlsxBuffer,
  type Office,
} from '../helpers/roster.ts';

let o: Office;
beforeEach(async () => { o = await freshOffice(); });
afterEach(() => o.close());
afterAll(() => removeTempDirs());

const preview = (input: Record<string, unknown>) => o.t.ok('roster.preview', input, o.token);
const apply = (input: Record<string, unknown>) => o.t.ok('roster.apply', input, o.token);
const byNip = async () => new Map((await o.t.ok('employees.list', {}, o.token)).items.map((e) => [e.nip, e]));
const kinds = (p: ImportPreview) => p.items.map((i) => [i.row, i.kind]);
const journalRows = () => count(o.db, 'SELECT count(*) AS n FROM change_journal');

/** The first three of STAFF, imported: the roster the tests below change. */
async function baseRoster() {
  const input = fileInput(o.dir, 'awal.csv', csvText([STAFF_HEADER, ...staffRows().slice(0, 3)]));
  expect(await apply(input)).toMatchObject({ created: 3, errors: [] });
}

describe('preview classifies each row', () => {
  it('new, update (showing what changes), unchanged, error; blank cells keep what the roster has', async () => {
    await baseRoster();
    const [a, b, c, d] = STAFF;
    const header = ['NIP', 'Nama', 'Pangkat/Gol', 'Jabatan', 'Unit Kerja', 'No HP'];
    const rows = [
      [spaced(a!.nip), a!.cell, 'III/a', a!.jabatan, a!.unit, ''], // unchanged (NIP typed with spaces)
      [b!.nip, b!.cell, 'Pembina Tingkat I (IV/b)', 'Plt. Camat', b!.unit, '081234567890'], // update
      [c!.nip, '', '', '', '', ''], // only the NIP: keeps everything, unchanged
      [d!.nip, d!.cell, d!.golonganCell, d!.jabatan, d!.unit, ''], // new
      ['19860926 201505 2 00', 'Orang Salah', 'III/a', '', 'Camat', ''], // error
    ];
    const before = writeCounts(o.db);
    const p = await preview(fileInput(o.dir, 'ubah.csv', csvText([header, ...rows])));
    expect(writeCounts(o.db)).toEqual(before);
    expect(kinds(p)).toEqual([[2, 'unchanged'], [3, 'update'], [4, 'unchanged'], [5, 'new'], [6, 'error']]);
    expect(p.items[1]!.changes).toEqual({ golongan: ['41', '42'], jabatan: ['Sekretaris Camat', 'Plt. Camat'], phone: ['', '081234567890'] });
    expect(p.items[0]!.changes).toEqual({});
    expect(p.items[2]).toMatchObject({ nip: c!.nip, name: c!.name });
    expect(p.items[4]!.errors).toEqual([expect.objectContaining({ row: 6, field: 'nip', code: 'nip.wrong_length' })]);
    expect(p).toMatchObject({ rows: 5, created: 1, updated: 1, unchanged: 2 });
    expect(p.errors).toEqual(p.items.flatMap((i) => i.errors));
  });

  it('a person removed from the roster and present in the file is an update that restores them', async () => {
    await baseRoster();
    const a = (await byNip()).get(STAFF[0]!.nip)!;
    await o.t.ok('employees.remove', { id: a.id }, o.token);
    const input = fileInput(o.dir, 'kembali.csv', csvText([STAFF_HEADER, staffRows()[0]!]));
    const p = await preview(input);
    expect(p.items[0]).toMatchObject({ kind: 'update', changes: { removed: [true, false] } });
    expect(await apply(input)).toMatchObject({ updated: 1 });
    expect((await byNip()).get(a.nip)).toMatchObject({ id: a.id, deletedAt: null });
    expect(o.db.prepare('SELECT op FROM change_journal WHERE entity_id = ? ORDER BY seq DESC LIMIT 1').pluck().get(a.id)).toBe('restore');
  });
});

describe('apply', () => {
  it('writes the valid rows, leaves the error rows out, and reports what the preview said', async () => {
    await baseRoster();
    const rows = staffRows();
    rows[1]![7] = 'Plt. Camat'; // update
    rows[4]![6] = 'III/a'; // PNS golongan for a PPPK NIP: error
    const input = fileInput(o.dir, 'campur.csv', csvText([STAFF_HEADER, ...rows]));
    const p = await preview(input);
    const j0 = journalRows();
    const result = await apply(input);
    const { rows: n, created, updated, unchanged, errors, warnings, unitMatches, unknownUnits } = p;
    expect(result).toEqual({ rows: n, created, updated, unchanged, errors, warnings, unitMatches, unknownUnits, createdUnits: [] });
    expect(result).toMatchObject({ rows: 6, created: 2, updated: 1, unchanged: 2 });
    expect(result.errors).toEqual([expect.objectContaining({ row: 6, field: 'golongan', code: 'golongan.wrong_kind' })]);

    const roster = await byNip();
    expect(roster.size).toBe(5);
    expect(roster.has(STAFF[4]!.nip)).toBe(false);
    expect(roster.get(STAFF[1]!.nip)!.jabatan).toBe('Plt. Camat');
    // One journal row per written person; each in the importing user's name.
    expect(journalRows() - j0).toBe(3);
    const ops = o.db.prepare("SELECT entity, op FROM change_journal ORDER BY seq DESC LIMIT 3").all();
    expect(ops).toEqual(expect.arrayContaining([{ entity: 'employee', op: 'update' }, { entity: 'employee', op: 'insert' }]));
    const history = await o.t.ok('employees.history', { id: roster.get(STAFF[1]!.nip)!.id }, o.token);
    expect(history[0]).toMatchObject({ action: 'employee.update', username: 'admin', details: { jabatan: ['Sekretaris Camat', 'Plt. Camat'] } });
  });

  it('importing the same file again finds every row unchanged and writes nothing', async () => {
    const input = fileInput(o.dir, 'lengkap.csv', csvText([STAFF_HEADER, ...staffRows()], ';'));
    expect(await apply(input)).toMatchObject({ created: 6, errors: [] });
    o.t.clock.advanceSeconds(3600);
    const before = writeCounts(o.db);
    const again = await apply(input);
    expect(again).toMatchObject({ rows: 6, created: 0, updated: 0, unchanged: 6, errors: [], warnings: [] });
    expect(writeCounts(o.db)).toEqual(before);
    // The same people written another way (NIP spaced, golongan as pangkat) are still unchanged.
    const respelled = staffRows((s) => spaced(s.nip)).map((r, i) => (i === 0 ? [...r.slice(0, 6), 'III/a', ...r.slice(7)] : r));
    expect(await apply(fileInput(o.dir, 'lagi.csv', csvText([STAFF_HEADER, ...respelled])))).toMatchObject({ unchanged: 6 });
    expect(writeCounts(o.db)).toEqual(before);
  });

  it('a NIP written twice in the file is an error on every row that has it, and none of them is written', async () => {
    const rows = staffRows().slice(0, 4);
    rows[3]![1] = spaced(rows[0]![1]!);
    rows[3]![2] = 'Siti Aminah Kembar';
    const input = fileInput(o.dir, 'ganda.csv', csvText([STAFF_HEADER, ...rows]));
    const p = await preview(input);
    expect(kinds(p)).toEqual([[2, 'error'], [3, 'new'], [4, 'new'], [5, 'error']]);
    expect(p.errors).toEqual([2, 5].map((row) => ({
      row, field: 'nip', code: 'import.nip_duplicate', params: { rows: '2, 5' },
      message: 'NIP ini muncul lebih dari sekali dalam berkas (baris 2, 5). Sisakan satu baris.',
    })));
    await apply(input);
    expect([...(await byNip()).keys()].sort()).toEqual([STAFF[1]!.nip, STAFF[2]!.nip].sort());
  });

  it('rows counts data rows only: not the header, title rows, blank rows or the signature block below', async () => {
    const data = await xlsxBuffer((wb) => {
      const ws = wb.addWorksheet('Pegawai');
      ws.getCell('A1').value = 'DAFTAR PEGAWAI';
      ws.getRow(3).values = STAFF_HEADER;
      staffRows().slice(0, 3).forEach((r, i) => { ws.getRow(4 + i).values = r; });
      ws.getCell('H9').value = 'Palembang, 1 November 2026';
      ws.getCell('H10').value = 'Camat Plaju';
      ws.getCell('H13').value = 'Drs. H. Camat Plaju';
      ws.getCell('H14').value = 'NIP 19700101 199003 1 002';
      ws.getCell('A16').value = 'Jumlah: 3 orang';
    });
    const input = fileInput(o.dir, 'ttd.xlsx', data);
    const p = await preview(input);
    expect(p).toMatchObject({ rows: 3, created: 3, errors: [] });
    expect(await apply(input)).toMatchObject({ rows: 3, created: 3 });
  });

  it('an empty file or one without a header is refused on the file field and writes nothing', async () => {
    const before = writeCounts(o.db);
    const empty = await o.t.fails('roster.apply', fileInput(o.dir, 'kosong.csv', ';;;\r\n;;;\r\n'), 'VALIDATION', o.token);
    expect(empty.details?.issues).toEqual([{ path: ['file'], message: 'import.empty' }]);
    const xls = await o.t.fails('roster.apply', fileInput(o.dir, 'lama.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), 'VALIDATION', o.token);
    expect(xls.details?.issues?.[0]).toMatchObject({ path: ['file'], message: 'import.unsupported_format' });
    expect(writeCounts(o.db)).toEqual(before);
  });
});

describe('units named in the file', () => {
  const rowsWithUnits = (units: string[]) => staffRows().slice(0, units.length).map((r, i) => [...r.slice(0, 8), units[i]!]);

  it('are matched ignoring case, spacing and punctuation, or by their Kemendagri code', async () => {
    const input = fileInput(o.dir, 'unit.csv', csvText([STAFF_HEADER, ...rowsWithUnits(['seksi  PEMERINTAHAN', '16.71.14.1001', 'Sekretariat Kecamatan.'])]));
    const p = await preview(input);
    expect(p.errors).toEqual([]);
    await apply(input);
    expect([...(await byNip()).values()].map((e) => e.unit).sort()).toEqual(['Plaju Ulu', 'Sekretariat Kecamatan', 'Seksi Pemerintahan']);
  });

  it('an unknown unit is an error naming it, and listed as missing; nothing is created', async () => {
    const input = fileInput(o.dir, 'unit-baru.csv', csvText([STAFF_HEADER, ...rowsWithUnits(['Seksi Kebersihan', 'Camat', 'Seksi Kebersihan'])]));
    const p = await preview(input);
    expect(p.missingUnits).toEqual(['Seksi Kebersihan']);
    expect(p.errors.map((e) => [e.row, e.field, e.code])).toEqual([[2, 'unit', 'import.unit_missing'], [4, 'unit', 'import.unit_missing']]);
    expect(p.errors[0]!.message).toMatch(/Unit kerja "Seksi Kebersihan" belum ada/);
    const units = writeCounts(o.db).units;
    expect(await apply(input)).toMatchObject({ created: 1, createdUnits: [] });
    expect(writeCounts(o.db).units).toBe(units);
  });

  it('an operator may not create units through an import: told to ask an admin, and createUnits is refused', async () => {
    const operator = await addOperator(o.t, o.token);
    const input = fileInput(o.dir, 'unit-baru.csv', csvText([STAFF_HEADER, ...rowsWithUnits(['Seksi Kebersihan', 'Camat'])]));
    const p = await o.t.ok('roster.preview', input, operator.token);
    expect(p.errors.map((e) => [e.row, e.field, e.code])).toEqual([[2, 'unit', 'import.unit_missing_ask_admin']]);
    expect(p.errors[0]!.message).toMatch(/minta admin menambahkan unit itu di Pengaturan → Unit kerja/);
    const before = writeCounts(o.db);
    for (const method of ['roster.preview', 'roster.apply'] as const) {
      const refused = await o.t.fails(method, { ...input, createUnits: true }, 'VALIDATION', operator.token);
      expect(refused.details?.issues?.[0]).toMatchObject({ path: ['createUnits'], message: 'import.units_admin_only' });
    }
    expect(writeCounts(o.db)).toEqual(before);
  });

  it('with createUnits they are created (and journalled) and the people placed in them', async () => {
    const input = fileInput(o.dir, 'unit-baru.csv', csvText([STAFF_HEADER, ...rowsWithUnits(['Seksi Kebersihan', 'Camat', 'Seksi Kebersihan'])]), { createUnits: true });
    const p = await preview(input);
    expect(p).toMatchObject({ errors: [], created: 3, missingUnits: ['Seksi Kebersihan'] });
    const j0 = journalRows();
    const result = await apply(input);
    expect(result).toMatchObject({ created: 3, createdUnits: ['Seksi Kebersihan'] });
    const unit = (await o.t.ok('units.list', {}, o.token)).find((u) => u.name === 'Seksi Kebersihan');
    expect(unit).toMatchObject({ kind: 'kantor', active: true });
    expect(o.db.prepare("SELECT op FROM change_journal WHERE entity = 'unit' AND entity_id = ?").pluck().all(unit!.id)).toEqual(['insert']);
    expect(journalRows() - j0).toBe(4);
    const roster = await byNip();
    expect(roster.get(STAFF[0]!.nip)).toMatchObject({ unit: 'Seksi Kebersihan', unitId: unit!.id });
    expect(roster.get(STAFF[2]!.nip)).toMatchObject({ unit: 'Seksi Kebersihan', unitId: unit!.id });
    // Next time the unit exists: the same file changes nothing.
    expect(await apply(input)).toMatchObject({ unchanged: 3, createdUnits: [] });
  });

  it('one new unit written with different case or spacing on several rows is created once', async () => {
    const input = fileInput(o.dir, 'unit-ejaan.csv', csvText([STAFF_HEADER, ...rowsWithUnits(['Seksi Kebersihan', 'SEKSI KEBERSIHAN', 'Seksi  Kebersihan'])]), { createUnits: true });
    const p = await preview(input);
    expect(p.missingUnits).toEqual(['Seksi Kebersihan']);
    const result = await o.t.call('roster.apply', input, o.token);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const created = (await o.t.ok('units.list', {}, o.token)).filter((u) => u.name.toLowerCase().replace(/\s+/g, ' ') === 'seksi kebersihan');
    expect(created).toHaveLength(1);
    expect([...(await byNip()).values()].map((e) => e.unitId)).toEqual([created[0]!.id, created[0]!.id, created[0]!.id]);
  });

  it('a new unit on an updated person shows as a unit change in the preview', async () => {
    await baseRoster();
    const input = fileInput(o.dir, 'pindah-unit.csv', csvText([STAFF_HEADER, ...rowsWithUnits(['Seksi Kebersihan'])]), { createUnits: true });
    const p = await preview(input);
    expect(p.items[0]).toMatchObject({ kind: 'update', changes: { unit: ['Seksi Pemerintahan', 'Seksi Kebersihan'] } });
    expect(await apply(input)).toMatchObject({ updated: 1 });
    expect((await byNip()).get(STAFF[0]!.nip)!.unit).toBe('Seksi Kebersihan');
  });
});

describe('the column mapping', () => {
  const header = ['Nomor', 'Pegawai', 'Kelas', 'Keterangan'];
  const file = (name: string, people: typeof STAFF) => fileInput(o.dir, name, csvText([header, ...people.map((s) => [s.nip, s.cell, s.golonganCell, 'x'])]));

  it('a corrected mapping is used, and remembered for the next file with the same columns', async () => {
    const first = await preview(file('aneh-1.csv', STAFF.slice(0, 2)));
    expect(first.mapping).toEqual({ 0: null, 1: null, 2: null, 3: 'notes' });
    // Nothing says which column is the NIP or the name: every row is reported, not passed over.
    expect(first).toMatchObject({ rows: 2, created: 0 });
    expect(first.items.map((i) => [i.row, i.kind, i.errors.some((e) => e.code === 'import.nip_not_mapped')])).toEqual([[2, 'error', true], [3, 'error', true]]);
    expect(first.errors.find((e) => e.code === 'import.nip_not_mapped')!.message).toBe('Tidak ada kolom yang dipetakan ke NIP.');

    const mapping = { 0: 'nip', 1: 'name', 2: 'golongan', 3: null };
    const applied = await apply({ ...file('aneh-1.csv', STAFF.slice(0, 2)), mapping });
    expect(applied).toMatchObject({ created: 2, errors: [] });
    const fauzi = (await byNip()).get(STAFF[1]!.nip)!;
    expect(fauzi).toMatchObject({ name: 'Ahmad Fauzi', golongan: '41', notes: '' });

    // Another file with the same layout (headers in other case) needs no mapping any more.
    const next = await preview(fileInput(o.dir, 'aneh-2.csv', csvText([header.map((h) => h.toUpperCase()), ...STAFF.slice(2, 4).map((s) => [s.nip, s.cell, s.golonganCell, 'x'])])));
    expect(next.mapping).toEqual(mapping);
    expect(kinds(next)).toEqual([[2, 'new'], [3, 'new']]);
    // A different layout is mapped from its headers as before.
    const other = await preview(fileInput(o.dir, 'biasa.csv', csvText([STAFF_HEADER, ...staffRows().slice(0, 1)])));
    expect(other.mapping[1]).toBe('nip');
  });

  it('the corrected error file of such a file is mapped the same way, its own two columns left out', async () => {
    const mapping = { 0: 'nip', 1: 'name', 2: 'golongan', 3: null };
    const bad = fileInput(o.dir, 'aneh-3.csv', csvText([header, [STAFF[4]!.nip, STAFF[4]!.cell, 'Golongan Aneh', 'x']]));
    await apply({ ...bad, mapping });
    const errorFile = await o.t.ok('roster.errorFile', { ...bad, mapping, format: 'csv' }, o.token);
    // The clerk fixes the golongan in the error file and imports it as it is.
    const fixed = Buffer.from(errorFile.dataBase64, 'base64').toString('utf8').replace(';Golongan Aneh;', `;${STAFF[4]!.golonganCell};`);
    const again = await preview(fileInput(o.dir, 'perbaiki-aneh-3.csv', fixed));
    expect(again.mapping).toEqual({ 0: null, 1: null, 2: 'nip', 3: 'name', 4: 'golongan', 5: null });
    expect(again.errors).toEqual([]);
    expect(kinds(again)).toEqual([[2, 'new']]);
  });

  it('a preview with a mapping does not remember it; only an apply does', async () => {
    await preview({ ...file('aneh-1.csv', STAFF.slice(0, 1)), mapping: { 0: 'nip', 1: 'name', 2: null, 3: null } });
    expect((await preview(file('aneh-1.csv', STAFF.slice(0, 1)))).mapping[0]).toBeNull();
  });

  it('a mapping naming an unknown field is refused', async () => {
    const e = await o.t.fails('roster.preview', { ...file('aneh.csv', STAFF.slice(0, 1)), mapping: { 0: 'nomor' } }, 'VALIDATION', o.token);
    expect(e.details?.issues?.[0]?.path).toEqual(['mapping', '0']);
  });
});

describe('a failure in the middle of apply', () => {
  it('leaves the roster, the units, the journal and the remembered mapping as they were', async () => {
    await baseRoster();
    const rows = staffRows();
    rows[0]![7] = 'Plt. Sekretaris'; // an update before the failing row
    rows[1]![8] = 'Seksi Kebersihan'; // a unit to create before any person
    const trigger = STAFF[4]!.nip;
    const raw = new Database(dbFile(o.t.dataDir));
    raw.exec(`CREATE TRIGGER boom BEFORE INSERT ON employees WHEN NEW.nip = '${trigger}' BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    try {
      const input = fileInput(o.dir, 'gagal.csv', csvText([STAFF_HEADER, ...rows]), { createUnits: true, mapping: { 0: null, 1: 'nip', 2: 'name', 3: 'gender', 4: 'birthPlace', 5: 'birthDate', 6: 'golongan', 7: 'jabatan', 8: 'unit' } });
      const p = await preview(input);
      expect(p).toMatchObject({ created: 3, updated: 2, errors: [] });
      // The failing person comes after a created unit, an update and a new person.
      expect(p.items.findIndex((i) => i.nip === trigger)).toBe(4);

      const before = writeCounts(o.db);
      const rosterBefore = await byNip();
      const result = await o.t.call('roster.apply', input, o.token);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(['CONFLICT', 'INTERNAL']).toContain(result.error.code);
      expect(writeCounts(o.db)).toEqual(before);
      expect(await byNip()).toEqual(rosterBefore);
      expect(o.db.prepare("SELECT count(*) FROM units WHERE name = 'Seksi Kebersihan'").pluck().get()).toBe(0);

      // With the obstacle gone the same file goes in whole.
      raw.exec('DROP TRIGGER boom');
      expect(await apply(input)).toMatchObject({ created: 3, updated: 2, createdUnits: ['Seksi Kebersihan'] });
    } finally {
      raw.close();
    }
  });
});

describe('10,000 rows', () => {
  it('a 10,000-row CSV is imported whole, each person right; importing it again changes nothing', async () => {
    const people = manyPeople(10_000);
    const units = ['Camat', 'Seksi Pemerintahan', 'Plaju Ulu', 'Komperta'];
    const gol = ['II/a', 'III/b', 'Penata (III/c)', '4a'];
    const rows = people.map((p, i) => [p.nip, `Pegawai Nomor ${i + 1}, S.E.`, p.gender, p.birthDate.split('-').reverse().join('-'), gol[i % 4]!, `Jabatan ${i % 37}`, units[i % 4]!]);
    const input = fileInput(o.dir, 'besar.csv', csvText([['NIP', 'Nama', 'L/P', 'Tgl Lahir', 'Golongan', 'Jabatan', 'Unit Kerja'], ...rows], ';'));
    const result = await apply(input);
    expect(result).toMatchObject({ rows: 10_000, created: 10_000, updated: 0, unchanged: 0, errors: [], warnings: [] });
    expect(count(o.db, 'SELECT count(*) AS n FROM employees')).toBe(10_000);
    expect(count(o.db, "SELECT count(*) AS n FROM change_journal WHERE entity = 'employee'")).toBe(10_000);

    const spot = people[6_789]!;
    const { items } = await o.t.ok('employees.list', { search: spot.nip }, o.token);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      nip: spot.nip, name: 'Pegawai Nomor 6790', backTitle: 'S.E.', gender: spot.gender, birthDate: spot.birthDate,
      golongan: '32', jabatan: `Jabatan ${6789 % 37}`, unit: units[6789 % 4],
    });
    expect((await o.t.ok('employees.list', { search: 'pegawai nomor 6790' }, o.token)).items.map((e) => e.nip)).toContain(spot.nip);

    const before = writeCounts(o.db);
    expect(await apply(input)).toMatchObject({ rows: 10_000, created: 0, unchanged: 10_000 });
    expect(writeCounts(o.db)).toEqual(before);
  }, 120_000);
});

describe('the error file', () => {
  const header = ['NIP', 'Nama', 'Pangkat/Gol', 'Unit Kerja'];
  const rows = [
    [STAFF[0]!.nip, STAFF[0]!.cell, 'III/a', 'Seksi Pemerintahan'],
    ['197503152000031000', STAFF[1]!.cell, 'IV/a', 'Sekretariat Kecamatan'],
    [STAFF[2]!.nip, STAFF[2]!.cell, 'II/c', 'Seksi Kebersihan'],
    [STAFF[3]!.nip, 'René Muñoz; "Ucok"', '3b', 'Camat'],
    [STAFF[5]!.nip, '', 'Golongan Aneh', 'Camat'],
  ];
  const input = () => fileInput(o.dir, 'data pegawai.csv', csvText([header, ...rows]));

  it('as CSV holds exactly the error rows: row number, the messages, and the original cells', async () => {
    const file = await o.t.ok('roster.errorFile', { ...input(), format: 'csv' }, o.token);
    expect(file.fileName).toBe('perbaiki-data pegawai.csv');
    expect(file.mimeType).toMatch(/^text\/csv/);
    const data = Buffer.from(file.dataBase64, 'base64');
    const table = parse(data, { bom: true, delimiter: ';' }) as string[][];
    expect(table[0]).toEqual(['Baris', 'Kesalahan', ...header]);
    expect(table.slice(1).map((r) => [r[0], ...r.slice(2)])).toEqual([['3', ...rows[1]!], ['4', ...rows[2]!], ['6', ...rows[4]!]]);
    expect(table[1]![1]).toBe('NIP rusak oleh Excel: tiga angka terakhir menjadi 000 karena Excel hanya menyimpan 15 angka. NIP ini tidak dapat dipulihkan: di Excel, blok kolom NIP, klik kanan → Format Cells → Text, lalu ketik ulang NIP (atau awali dengan tanda petik).');
    expect(table[2]![1]).toMatch(/Unit kerja "Seksi Kebersihan" belum ada/);
    expect(table[3]![1]).toMatch(/Nama wajib diisi|wajib/i);
    expect(table[3]![1]).toMatch(/Golongan "Golongan Aneh" tidak dikenal/);
  });

  it('as XLSX holds the same rows, NIPs as text cells', async () => {
    const file = await o.t.ok('roster.errorFile', { ...input(), format: 'xlsx' }, o.token);
    expect(file.fileName).toBe('perbaiki-data pegawai.xlsx');
    const wb = await readXlsx(Buffer.from(file.dataBase64, 'base64'));
    const ws = wb.worksheets[0]!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => v ?? '');
    expect(values(1)).toEqual(['Baris', 'Kesalahan', ...header]);
    expect(ws.rowCount).toBe(4);
    expect([2, 3, 4].map((r) => [values(r)[0], ...values(r).slice(2)])).toEqual([['3', ...rows[1]!], ['4', ...rows[2]!], ['6', ...rows[4]!]]);
    expect(ws.getCell('C2').type).toBe(ExcelJS.ValueType.String);
  });

  it('fixed by the clerk and imported again, its rows go in', async () => {
    await apply(input());
    const file = await o.t.ok('roster.errorFile', { ...input(), format: 'csv' }, o.token);
    const table = parse(Buffer.from(file.dataBase64, 'base64'), { bom: true, delimiter: ';' }) as string[][];
    table[1]![2] = STAFF[1]!.nip;
    table[2]![5] = 'Seksi Pemerintahan';
    table[3]![3] = 'Nur Aini';
    table[3]![4] = 'II/c';
    const fixed = await apply(fileInput(o.dir, 'perbaikan.csv', csvText(table, ';')));
    expect(fixed).toMatchObject({ rows: 3, created: 3, errors: [] });
    expect((await byNip()).size).toBe(5);
  });

  it('is NOT_FOUND when no row has an error', async () => {
    await o.t.fails('roster.errorFile', { ...fileInput(o.dir, 'bersih.csv', csvText([STAFF_HEADER, ...staffRows()])), format: 'csv' }, 'NOT_FOUND', o.token);
  });
});
