// Export of the roster: XLSX with NIPs as text cells (so Excel keeps all 18 digits), CSV that
// Excel opens and that the importer reads back into the same people, the filtered list only.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Employee } from '../../shared/contract/employees.ts';
import { addOperator, removeTempDirs } from '../helpers/backend.ts';
import { STAFF, fileInput, freshOffice, pnsNip, readXlsx, type Office } from '../helpers/roster.ts';

let o: Office;

/** Everything a person's record holds that an export must carry, units by name. */
function fields(e: Employee) {
  const { id: _i, createdAt: _c, updatedAt: _u, updatedBy: _b, origin: _o, unitId: _ui, deletedAt: _d, ...rest } = e;
  return rest;
}

const extras = [
  // Every field filled, with characters CSV and Excel have to carry: ; , " line breaks, leading zeros.
  { nip: pnsNip('1970-05-05', '1995-03', 1, 9), frontTitle: 'Drs.', name: 'Bambang "Bams" Sutrisno', backTitle: 'M.Si.', gender: 'L', birthPlace: 'Tanjung Enim', birthDate: '1970-05-05', golongan: 'IV/c', jabatan: 'Camat; merangkap PPK', unitName: 'Seksi Kebersihan', phone: '081234567890', email: 'bambang@plaju.go.id', notes: 'Baris satu\nBaris dua, dengan koma' },
  // No golongan, no unit, no place: blanks must stay blank.
  { nip: pnsNip('1993-08-17', '2019-01', 2, 10), frontTitle: '', name: 'Intan', backTitle: '', gender: null, birthPlace: '', birthDate: null, golongan: null, jabatan: '', unitName: null, phone: '', email: '', notes: '' },
];

beforeAll(async () => {
  o = await freshOffice();
  const unitId = (await o.t.ok('units.create', { name: 'Seksi Kebersihan', kind: 'kantor' }, o.token)).id;
  const units: Record<string, string> = { ...o.units, 'Seksi Kebersihan': unitId };
  for (const s of STAFF) {
    await o.t.ok('employees.create', {
      nip: s.nip, frontTitle: s.frontTitle, name: s.name, backTitle: s.backTitle, gender: s.gender, birthPlace: s.birthPlace,
      birthDate: s.birthDate, golongan: s.golonganCell, jabatan: s.jabatan, unitId: units[s.unit],
    }, o.token);
  }
  for (const { unitName, ...e } of extras) await o.t.ok('employees.create', { ...e, unitId: unitName ? units[unitName] : null }, o.token);
  const aminah = (await o.t.ok('employees.list', { search: 'aminah' }, o.token)).items[0]!;
  await o.t.ok('employees.setStatus', { id: aminah.id, status: 'cltn', statusDate: '2026-07-01' }, o.token);
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

const all = async (t = o) => (await t.t.ok('employees.list', { sort: 'nip' }, t.token)).items;

describe('roster.export as XLSX', () => {
  it('stores every NIP as an 18-digit text cell, one row per person, headers the importer knows', async () => {
    const file = await o.t.ok('roster.export', { format: 'xlsx' }, o.token);
    expect(file.fileName).toBe('pegawai-2026-11-25.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = await readXlsx(Buffer.from(file.dataBase64, 'base64'));
    const ws = wb.getWorksheet('Pegawai')!;
    expect(ws.getRow(1).getCell(1).value).toBe('NIP');
    expect(ws.rowCount).toBe(1 + STAFF.length + extras.length);
    const people = await all();
    const nips: string[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).getCell(1);
      expect(cell.type, `row ${r}`).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toMatch(/^\d{18}$/);
      nips.push(cell.value as string);
    }
    expect(nips.sort()).toEqual(people.map((p) => p.nip).sort());
    // Phone numbers keep their leading zero the same way.
    const phoneColumn = (ws.getRow(1).values as unknown[]).indexOf('No HP');
    const bambang = [...Array(ws.rowCount - 1).keys()].map((i) => ws.getRow(i + 2)).find((row) => row.getCell(1).value === extras[0]!.nip)!;
    expect(bambang.getCell(phoneColumn).value).toBe('081234567890');
  });

  it('imported into a fresh office, gives the same people', async () => {
    const file = await o.t.ok('roster.export', { format: 'xlsx' }, o.token);
    const other = await freshOffice();
    try {
      const result = await other.t.ok('roster.apply', fileInput(other.dir, file.fileName, Buffer.from(file.dataBase64, 'base64'), { createUnits: true }), other.token);
      expect(result).toMatchObject({ created: STAFF.length + extras.length, errors: [], createdUnits: ['Seksi Kebersihan'] });
      expect((await all(other)).map(fields)).toEqual((await all()).map(fields));
    } finally {
      other.close();
    }
  });
});

describe('roster.export as CSV', () => {
  it('is UTF-8 with a BOM, semicolons, NIPs in their spaced form', async () => {
    const file = await o.t.ok('roster.export', { format: 'csv' }, o.token);
    expect(file.fileName).toBe('pegawai-2026-11-25.csv');
    const data = Buffer.from(file.dataBase64, 'base64');
    expect([...data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = parse(data, { bom: true, delimiter: ';' }) as string[][];
    expect(table[0]!.slice(0, 4)).toEqual(['NIP', 'Jenis Pegawai', 'Gelar Depan', 'Nama']);
    expect(table.slice(1).map((r) => r[0]).sort()).toEqual((await all()).map((e) => `${e.nip.slice(0, 8)} ${e.nip.slice(8, 14)} ${e.nip.slice(14, 15)} ${e.nip.slice(15)}`).sort());
    expect(table.find((r) => r[3] === 'René Muñoz')).toBeDefined();
  });

  it('round-trips through the importer: a fresh office gets the same people, every field equal', async () => {
    const file = await o.t.ok('roster.export', { format: 'csv' }, o.token);
    const other = await freshOffice();
    try {
      const input = fileInput(other.dir, file.fileName, Buffer.from(file.dataBase64, 'base64'), { createUnits: true });
      const p = await other.t.ok('roster.preview', input, other.token);
      expect(p).toMatchObject({ errors: [], warnings: [], created: STAFF.length + extras.length });
      await other.t.ok('roster.apply', input, other.token);
      expect((await all(other)).map(fields)).toEqual((await all()).map(fields));
      // And back into the office it came from: nothing to change.
      const back = await o.t.ok('roster.apply', fileInput(o.dir, file.fileName, Buffer.from(file.dataBase64, 'base64')), o.token);
      expect(back).toMatchObject({ unchanged: STAFF.length + extras.length, created: 0, updated: 0 });
    } finally {
      other.close();
    }
  });

  it('exports only the filtered list when asked', async () => {
    const file = await o.t.ok('roster.export', { format: 'csv', search: 'siti' }, o.token);
    const table = parse(Buffer.from(file.dataBase64, 'base64'), { bom: true, delimiter: ';' }) as string[][];
    expect(table.slice(1).map((r) => r[3]).sort()).toEqual(["Siti Aminah", "Siti Ma'rifah"]);
    const pppk = await o.t.ok('roster.export', { format: 'xlsx', employmentType: 'pppk' }, o.token);
    const ws = (await readXlsx(Buffer.from(pppk.dataBase64, 'base64'))).worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(4).value).toBe('Dedi Kurniawan');
  });

  it('is open to an operator, not to anyone without a session', async () => {
    const op = await addOperator(o.t, o.token);
    expect((await o.t.ok('roster.export', { format: 'csv' }, op.token)).fileName).toMatch(/\.csv$/);
    await o.t.fails('roster.export', { format: 'csv' }, 'UNAUTHENTICATED', null);
  });
});

describe('CSV export and formulas', () => {
  it('cells Excel would run as formulas are marked as text, and the importer reads them back as typed', async () => {
    const { writeCsv } = await import('../../electron/backend/import/write-table.ts');
    const { readTable } = await import('../../electron/backend/import/read-table.ts');
    const csv = writeCsv({ sheetName: 'x', headers: ['NIP', 'Nama', 'No HP', 'Keterangan'], rows: [['19860926 201505 1 001', 'Siti', '+62 812 345', '=HYPERLINK("http://x")'], ['19860926 201505 1 002', '-Budi', '0812', '@ok']] });
    const text = csv.toString('utf8');
    expect(text).toContain(";'+62 812 345;");
    expect(text).toContain(`;"'=HYPERLINK(""http://x"")"`);
    const table = await readTable(csv, 'x.csv');
    expect(table.rows.map((r) => r.cells)).toEqual([['19860926 201505 1 001', 'Siti', '+62 812 345', '=HYPERLINK("http://x")'], ['19860926 201505 1 002', '-Budi', '0812', '@ok']]);
  });

  it('a cell with a line break, bare LF or CRLF, is quoted: Excel keeps it in one cell and the importer reads it back', async () => {
    const { writeCsv } = await import('../../electron/backend/import/write-table.ts');
    const { readTable } = await import('../../electron/backend/import/read-table.ts');
    const rows = [['19860926 201505 1 001', 'Staf\nPelaksana', 'Jl. Merdeka\r\nNo. 1'], ['19860926 201505 1 002', 'Bendahara', '']];
    const csv = writeCsv({ sheetName: 'x', headers: ['NIP', 'Jabatan', 'Keterangan'], rows });
    const text = csv.toString('utf8');
    expect(text).toContain(';"Staf\nPelaksana";"Jl. Merdeka\r\nNo. 1"\r\n');
    // Outside quotes, every line ends with CRLF: no bare LF can start a row in Excel.
    expect(text.replace(/"[^"]*"/g, '').match(/(?<!\r)\n/g)).toBeNull();
    const table = await readTable(csv, 'x.csv');
    expect(table.rows.map((r) => r.cells)).toEqual(rows);
  });
});
