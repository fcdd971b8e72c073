// Roster import of the files clerks bring, through roster.preview / roster.apply: CSV in every
// delimiter and encoding a PC writes, multi-line cells, XLSX with NIPs as text and as numbers,
// title rows, merged headers, a chosen sheet; header spellings, date forms, names with titles
// and golongan spellings. Every file is written to disk by the test and read back.
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/contract/roster.ts';
import { removeTempDirs } from '../helpers/backend.ts';
import {
  DATE_CELLS, STAFF, STAFF_HEADER, csvText, encodeText, excelSerial, expectedRecord, fileInput, freshOffice, recordOf,
  staffRows, writeCounts, xlsxBuffer, type Office, type TextEncoding,
} from '../helpers/roster.ts';

let o: Office;
beforeEach(async () => { o = await freshOffice(); });
afterEach(() => o.close());
afterAll(() => removeTempDirs());

const preview = (input: Record<string, unknown>) => o.t.ok('roster.preview', input, o.token);
const apply = (input: Record<string, unknown>) => o.t.ok('roster.apply', input, o.token);
const roster = async () => (await o.t.ok('employees.list', { sort: 'nip' }, o.token)).items;
const byRow = (p: ImportPreview) => Object.fromEntries(p.items.map((i) => [i.row, i]));
const sortedStaff = [...STAFF].sort((a, b) => a.nip.localeCompare(b.nip));

describe('CSV delimiters and encodings', () => {
  const cases: [string, string, TextEncoding, string][] = [
    ['comma, UTF-8 without BOM', ',', 'utf8', 'pegawai.csv'],
    ['semicolon, UTF-8 with BOM (Excel "CSV UTF-8")', ';', 'utf8-bom', 'pegawai.csv'],
    ['tab, UTF-16LE with BOM (Excel "Unicode Text")', '\t', 'utf16le-bom', 'pegawai.txt'],
    ['semicolon, Windows-1252 (Excel "CSV" on an Indonesian PC)', ';', 'windows-1252', 'pegawai.csv'],
    ['comma, Windows-1252', ',', 'windows-1252', 'PEGAWAI.CSV'],
    ['tab, UTF-8', '\t', 'utf8', 'pegawai.tsv'],
  ];

  it.each(cases)('%s: every person comes through with é, ñ and apostrophes intact', async (_what, delimiter, encoding, name) => {
    const text = csvText([STAFF_HEADER, ...staffRows()], delimiter);
    const input = fileInput(o.dir, name, encodeText(text, encoding));
    const p = await preview(input);
    expect(p).toMatchObject({ format: 'csv', headerRowNumber: 1, rows: STAFF.length, created: STAFF.length, errors: [], warnings: [] });
    expect(p.headers).toEqual(STAFF_HEADER);
    expect(p.items.map((i) => [i.row, i.kind, i.name])).toEqual(STAFF.map((s, i) => [i + 2, 'new', s.name]));

    const result = await apply(input);
    expect(result).toMatchObject({ rows: 6, created: 6, updated: 0, unchanged: 0, errors: [], warnings: [], createdUnits: [] });
    expect((await roster()).map(recordOf)).toEqual(sortedStaff.map(expectedRecord));
  });

  it('Windows-1252 bytes are really single bytes: é is 0xE9 and ’ is 0x92 in the file', () => {
    const bytes = encodeText('René Nur’aini', 'windows-1252');
    expect([...bytes]).toContain(0xe9);
    expect([...bytes]).toContain(0x92);
    expect(bytes.length).toBe('René Nur’aini'.length);
  });

  it('quoted cells with line breaks (LF and CRLF) count as one row each, so later row numbers match Excel', async () => {
    const [a, b, c] = STAFF;
    const rows = [
      STAFF_HEADER,
      ['1', a!.nip, a!.cell, 'P', 'Palembang', '26-09-1986', 'III/a', 'Kepala Seksi\nPemerintahan', a!.unit],
      ['2', b!.nip, b!.cell, 'L', 'Lahat', '15-03-1975', 'IV/a', 'Sekretaris\r\nCamat', b!.unit],
      ['3', '19900101 201903 2', c!.cell, 'P', 'Baturaja', '01-01-1990', 'II/c', 'Staf', c!.unit],
    ];
    // A blank line before the last record is a blank row in Excel, and is counted.
    const text = csvText(rows.slice(0, 3), ',') + '\r\n' + csvText(rows.slice(3), ',');
    const input = fileInput(o.dir, 'multiline.csv', text);
    const p = await preview(input);
    expect(p.items.map((i) => [i.row, i.kind])).toEqual([[2, 'new'], [3, 'new'], [5, 'error']]);
    expect(p.errors).toEqual([expect.objectContaining({ row: 5, field: 'nip', code: 'nip.wrong_length' })]);
    await apply(input);
    const stored = await roster();
    expect(stored.map((e) => e.jabatan).sort()).toEqual(['Kepala Seksi\nPemerintahan', 'Sekretaris\r\nCamat']);
  });

  it('NIPs damaged by Excel in a CSV are errors that say so and how to keep NIPs as text', async () => {
    const rows = staffRows();
    rows[1]![1] = '1.97503152000031E+17';
    rows[3]![1] = '198811202012121000';
    const p = await preview(fileInput(o.dir, 'rusak.csv', csvText([STAFF_HEADER, ...rows], ';')));
    expect(p.errors.map((e) => [e.row, e.field, e.code])).toEqual([[3, 'nip', 'nip.excel_scientific'], [5, 'nip', 'nip.excel_precision']]);
    expect(p.errors[0]!.message).toMatch(/Excel.*angka ilmiah.*Format Cells → Text/);
    expect(p.errors[1]!.message).toMatch(/Excel.*000.*15 angka.*Format Cells → Text/);
    expect(p.created).toBe(4);
  });
});

describe('XLSX', () => {
  it('NIPs typed as text are taken; NIPs typed as numbers are errors explaining the 15-digit loss', async () => {
    const data = await xlsxBuffer((wb) => {
      const ws = wb.addWorksheet('Pegawai');
      ws.addRow(STAFF_HEADER);
      const rows = staffRows();
      rows.forEach((r, i) => {
        const row = ws.addRow(r);
        // Rows 3 and 5 (Excel numbering) hold the NIP as a number, as Excel does when one types it.
        if (i === 1 || i === 3) row.getCell(2).value = Number(r[1]);
      });
      ws.getRow(4).getCell(2).value = '19900101 201903 2 003'; // text with the standard spaces
    });
    const input = fileInput(o.dir, 'pegawai.xlsx', data);
    const p = await preview(input);
    expect(p).toMatchObject({ format: 'xlsx', sheets: ['Pegawai'], sheet: 'Pegawai', headerRowNumber: 1, rows: 6, created: 4 });
    expect(p.errors.map((e) => [e.row, e.field, e.code])).toEqual([[3, 'nip', 'nip.excel_precision'], [5, 'nip', 'nip.excel_precision']]);
    expect(p.errors[0]!.message).toBe('NIP rusak oleh Excel: tiga angka terakhir menjadi 000 karena Excel hanya menyimpan 15 angka. NIP ini tidak dapat dipulihkan: di Excel, blok kolom NIP, klik kanan → Format Cells → Text, lalu ketik ulang NIP (atau awali dengan tanda petik).');
    // The damaged value is shown as Excel holds it, never a guess at the lost digits.
    expect(byRow(p)[3]).toMatchObject({ kind: 'error', nip: '197503152000031000' });

    const result = await apply(input);
    expect(result).toMatchObject({ created: 4, updated: 0 });
    const nips = (await roster()).map((e) => e.nip);
    expect(nips).toEqual([STAFF[0]!.nip, STAFF[2]!.nip, STAFF[4]!.nip, STAFF[5]!.nip].sort());
    expect(nips.some((n) => n.endsWith('000'))).toBe(false);
  });

  it('a NIP as scientific text in an XLSX cell is an excel_scientific error', async () => {
    const data = await xlsxBuffer((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['NIP', 'Nama']);
      ws.addRow(['1,98609E+17', 'Siti Aminah']);
    });
    const p = await preview(fileInput(o.dir, 'sci.xlsx', data));
    expect(p.errors).toEqual([expect.objectContaining({ row: 2, field: 'nip', code: 'nip.excel_scientific' })]);
  });

  it('finds the header below merged title rows and a blank row, and keeps Excel\'s row numbers through blank rows', async () => {
    const data = await xlsxBuffer((wb) => {
      const ws = wb.addWorksheet('Daftar');
      ws.getCell('A1').value = 'DAFTAR PEGAWAI KECAMATAN PLAJU';
      ws.mergeCells('A1:I1');
      ws.getCell('A2').value = 'Keadaan per 1 November 2026';
      ws.mergeCells('A2:I2');
      ws.getRow(4).values = STAFF_HEADER;
      const rows = staffRows();
      rows[2]![6] = 'VI/z';
      rows.forEach((r, i) => { ws.getRow(5 + i + (i >= 3 ? 1 : 0)).values = r; }); // row 8 left blank
    });
    const p = await preview(fileInput(o.dir, 'judul.xlsx', data));
    expect(p.headerRowNumber).toBe(4);
    expect(p.headers).toEqual(STAFF_HEADER);
    expect(p.items.map((i) => i.row)).toEqual([5, 6, 7, 9, 10, 11]);
    expect(p.errors).toEqual([expect.objectContaining({ row: 7, field: 'golongan', code: 'golongan.unknown', params: { value: 'VI/z' } })]);
    expect(p.rows).toBe(6);
  });

  it('reads a two-row header with merged cells: "Nama" over its parts, the others merged down', async () => {
    const data = await xlsxBuffer((wb) => {
      const ws = wb.addWorksheet('Pegawai');
      ws.getCell('A1').value = 'DAFTAR NOMINATIF PEGAWAI';
      ws.mergeCells('A1:H1');
      ws.getRow(3).values = ['No', 'NIP', 'Nama', null, null, 'Tgl Lahir', 'Pangkat/Gol', 'Unit Kerja'];
      ws.getRow(4).values = [null, null, 'Gelar Depan', 'Nama', 'Gelar Belakang'];
      ws.mergeCells('A3:A4');
      ws.mergeCells('B3:B4');
      ws.mergeCells('C3:E3');
      ws.mergeCells('F3:F4');
      ws.mergeCells('G3:G4');
      ws.mergeCells('H3:H4');
      STAFF.slice(0, 3).forEach((s, i) => {
        const row = ws.getRow(5 + i);
        row.values = [i + 1, s.nip, s.frontTitle, s.name, s.backTitle, null, s.golonganCell, s.unit];
        // A date cell, a plain serial number, and a date typed as text.
        row.getCell(6).value = i === 0 ? new Date(`${s.birthDate}T00:00:00Z`) : i === 1 ? excelSerial(s.birthDate) : '01 Januari 1990';
        if (i === 0) row.getCell(6).numFmt = 'dd/mm/yyyy';
      });
    });
    const input = fileInput(o.dir, 'gabung.xlsx', data);
    const p = await preview(input);
    expect(p.headerRowNumber).toBe(3);
    expect(p.headers).toEqual(['No', 'NIP', 'Gelar Depan', 'Nama', 'Gelar Belakang', 'Tgl Lahir', 'Pangkat/Gol', 'Unit Kerja']);
    expect(p.mapping).toEqual({ 0: null, 1: 'nip', 2: 'frontTitle', 3: 'name', 4: 'backTitle', 5: 'birthDate', 6: 'golongan', 7: 'unit' });
    expect(p.items.map((i) => [i.row, i.kind])).toEqual([[5, 'new'], [6, 'new'], [7, 'new']]);
    expect(p.warnings).toEqual([]);
    await apply(input);
    const stored = await roster();
    expect(stored.map((e) => [e.displayName, e.birthDate, e.golongan])).toEqual([
      ['Drs. H. Ahmad Fauzi, M.Si.', '1975-03-15', '41'],
      ['Dr. Siti Aminah, S.E., M.M.', '1986-09-26', '31'],
      ["Siti Ma'rifah", '1990-01-01', '23'],
    ]);
  });

  it('reads the chosen sheet, by exact name or ignoring case, and names the sheets when it is missing', async () => {
    const data = await xlsxBuffer((wb) => {
      wb.addWorksheet('Petunjuk').addRow(['Isi lembar Pegawai; jangan ubah judul kolom.']);
      const ws = wb.addWorksheet('Pegawai');
      ws.addRow(STAFF_HEADER);
      staffRows().slice(0, 2).forEach((r) => ws.addRow(r));
      const old = wb.addWorksheet('Arsip 2020');
      old.addRow(['NIP', 'Nama']);
      old.addRow([STAFF[5]!.nip, 'Nur Lama']);
    });
    const chosen = await preview(fileInput(o.dir, 'lembar.xlsx', data, { sheet: 'Pegawai' }));
    expect(chosen).toMatchObject({ sheets: ['Petunjuk', 'Pegawai', 'Arsip 2020'], sheet: 'Pegawai', rows: 2, created: 2 });
    const folded = await preview(fileInput(o.dir, 'lembar.xlsx', data, { sheet: 'arsip 2020' }));
    expect(folded).toMatchObject({ sheet: 'Arsip 2020', rows: 1 });
    expect(folded.items[0]).toMatchObject({ nip: STAFF[5]!.nip, name: 'Nur Lama' });

    const missing = await o.t.fails('roster.preview', fileInput(o.dir, 'lembar.xlsx', data, { sheet: 'Data' }), 'VALIDATION', o.token);
    expect(missing.details?.issues).toEqual([{ path: ['file'], message: 'import.sheet_not_found', params: { sheet: 'Data', available: 'Petunjuk, Pegawai, Arsip 2020' } }]);

    const result = await apply(fileInput(o.dir, 'lembar.xlsx', data, { sheet: 'Pegawai' }));
    expect(result.created).toBe(2);
    expect((await roster()).map((e) => e.name).sort()).toEqual(['Ahmad Fauzi', 'Siti Aminah']);
  });
});

describe('headers, dates, names and golongan', () => {
  it('maps the usual header variants automatically', async () => {
    const one = ['No', 'N I P', 'Gelar Depan', 'Nama Lengkap', 'Gelar Belakang', 'Jenis Kelamin', 'Tempat Lahir', 'Tgl Lahir', 'Gol. Ruang', 'Jabatan', 'Unit Kerja', 'Pangkat/Gol', 'L/P'];
    const s = STAFF[0]!;
    const p1 = await preview(fileInput(o.dir, 'varian1.csv', csvText([one, ['1', s.nip, 'Dr.', 'Siti Aminah', 'S.E., M.M.', 'Perempuan', 'Palembang', '26-09-1986', 'III/a', 'Kasi', s.unit, 'Penata Muda', 'P']], ';')));
    expect(p1.mapping).toEqual({
      0: null, 1: 'nip', 2: 'frontTitle', 3: 'name', 4: 'backTitle', 5: 'gender', 6: 'birthPlace', 7: 'birthDate',
      // Two golongan columns and two gender columns: the better-named one is taken, the other left out.
      8: 'golongan', 9: 'jabatan', 10: 'unit', 11: null, 12: null,
    });
    expect(p1.items[0]).toMatchObject({ kind: 'new', name: 'Siti Aminah', errors: [], warnings: [] });

    const two = ['NIP Baru', 'Nama', 'L/P', 'Pangkat/Gol', 'Tgl Lahir', 'NIP Lama'];
    const p2 = await preview(fileInput(o.dir, 'varian2.csv', csvText([two, [s.nip, s.cell, 'P', s.golonganCell, '26/09/1986', '132045678']])));
    expect(p2.mapping).toEqual({ 0: 'nip', 1: 'name', 2: 'gender', 3: 'golongan', 4: 'birthDate', 5: null });
    expect(p2.items[0]).toMatchObject({ kind: 'new', errors: [], warnings: [] });
  });

  it('reads dates as dd-mm-yyyy, dd/mm/yyyy, yyyy-mm-dd, Indonesian month names and Excel serials', async () => {
    expect(DATE_CELLS).toEqual(['26-09-1986', '15/03/1975', '1990-01-01', '20 November 1988', '36891', '14 Maret 1992']);
    const input = fileInput(o.dir, 'tanggal.csv', csvText([STAFF_HEADER, ...staffRows()]));
    const p = await preview(input);
    // Each date agrees with the NIP only when it was read right: no warnings.
    expect(p.warnings).toEqual([]);
    await apply(input);
    expect((await roster()).map((e) => e.birthDate)).toEqual(sortedStaff.map((s) => s.birthDate));
  });

  it('a date it cannot read, or one not on the calendar, is an error on that row and field, with the value', async () => {
    const rows = staffRows();
    rows[0]![5] = '26/09/86';
    rows[1]![5] = '31-02-1975';
    const p = await preview(fileInput(o.dir, 'tanggal-salah.csv', csvText([STAFF_HEADER, ...rows])));
    expect(p.errors.map((e) => [e.row, e.field, e.code, e.params?.value])).toEqual([
      [2, 'birthDate', 'date.invalid', '26/09/86'],
      [3, 'birthDate', 'validation.date_not_real', '31-02-1975'],
    ]);
    expect(p.errors[0]!.message).toBe('Tanggal "26/09/86" tidak dapat dibaca. Tulis seperti 26-09-1986 atau 26 September 1986.');
    expect(p.errors[1]!.message).toBe('Tanggal 31 Februari 1975 tidak ada di kalender: bulan itu hanya sampai tanggal 28.');
  });

  it('a birth date or gender that disagrees with the NIP is a warning: the row is still imported as written', async () => {
    const rows = staffRows().slice(0, 2);
    rows[0]![3] = 'L';
    rows[1]![5] = '16-03-1975';
    const input = fileInput(o.dir, 'beda.csv', csvText([STAFF_HEADER, ...rows]));
    const p = await preview(input);
    expect(p.items.map((i) => i.kind)).toEqual(['new', 'new']);
    expect(p.warnings).toEqual([
      { row: 2, field: 'gender', code: 'nip.gender_mismatch', message: 'Jenis kelamin berbeda dengan yang tertulis di NIP (P).', params: { fromNip: 'P', entered: 'L' } },
      { row: 3, field: 'birthDate', code: 'nip.birth_date_mismatch', message: 'Tanggal lahir berbeda dengan yang tertulis di NIP (1975-03-15).', params: { fromNip: '1975-03-15', entered: '1975-03-16' } },
    ]);
    const result = await apply(input);
    expect(result).toMatchObject({ created: 2, warnings: p.warnings });
    expect((await roster()).map((e) => [e.gender, e.birthDate])).toEqual([['L', '1975-03-16'], ['L', '1986-09-26']]);
  });

  it('splits titles off the name cell, and golongan written any common way is stored as its code', async () => {
    const names = [
      ['Dr. Siti Aminah, S.E., M.M.', 'Dr.', 'Siti Aminah', 'S.E., M.M.', 'III/a', '31'],
      ['Drs. H. Ahmad Fauzi, M.Si.', 'Drs. H.', 'Ahmad Fauzi', 'M.Si.', 'Penata Muda Tk. I (III/b)', '32'],
      ['Hj. Rohani S.Pd.', 'Hj.', 'Rohani', 'S.Pd.', 'III-c', '33'],
      ['M. Hadi', '', 'M. Hadi', '', '3d', '34'],
      ['Budi S.', '', 'Budi S.', '', 'Gol. IV/b', '42'],
      ['Ir. Bambang Wijaya, MT', 'Ir.', 'Bambang Wijaya', 'MT', 'Pembina Utama Muda', '43'],
      ['AHMAD YANI, SE, MM', '', 'AHMAD YANI', 'SE, MM', 'IV / d', '44'],
      ['dr. Lestari', 'dr.', 'Lestari', '', '2 A', '21'],
    ];
    const nips = ['198609262015052001', '197503152000031002', '199001012019032003', '198811202012121004', '198001012005011005', '196801011990031006', '196505051990031007', '198707072014022008'];
    const rows = names.map(([cell, , , , gol], i) => [nips[i]!, cell!, gol!]);
    const input = fileInput(o.dir, 'gelar.csv', csvText([['NIP', 'Nama', 'Golongan'], ...rows]));
    const p = await preview(input);
    expect(p.errors).toEqual([]);
    await apply(input);
    const stored = new Map((await roster()).map((e) => [e.nip, e]));
    names.forEach(([, front, name, back, , code], i) => {
      expect(stored.get(nips[i]!), names[i]![0]).toMatchObject({ frontTitle: front, name, backTitle: back, golongan: code });
    });
  });

  it('leaves the name alone when the file has title columns of its own', async () => {
    const p = await preview(fileInput(o.dir, 'kolom-gelar.csv', csvText([['NIP', 'Gelar Depan', 'Nama', 'Gelar Belakang'], [STAFF[0]!.nip, '', 'Dr. Siti Aminah', 'S.E.']])));
    expect(p.items[0]).toMatchObject({ kind: 'new', name: 'Dr. Siti Aminah' });
  });

  it('reads status with its date, employment type, a combined "Tempat, Tgl Lahir" column and contact columns', async () => {
    const header = ['NIP', 'Nama', 'Jenis Pegawai', 'Tempat, Tgl Lahir', 'Status', 'TMT Status', 'No. HP/WA', 'E-mail', 'Ket'];
    const [a, b, c, d, e] = STAFF;
    const rows = [
      [a!.nip, a!.cell, 'PNS', 'Palembang, 26-09-1986', 'Aktif', '', '0812-3456-7890', 'siti@plaju.go.id', 'Cuti melahirkan s.d. Desember'],
      [b!.nip, b!.cell, 'pns', 'Lahat, 15 Maret 1975', 'Pensiun', '01-04-2026', '', '', ''],
      [c!.nip, c!.cell, 'PNS', 'Baturaja, 01/01/1990', 'Mutasi', '2026-08-01', '', '', ''],
      [d!.nip, d!.cell, 'PNS', 'Muara Enim, 20-11-1988', 'CLTN', '', '', '', ''],
      [e!.nip, e!.cell, 'P3K', 'Palembang, 31-12-2000', 'Meninggal Dunia', '02-02-2026', '', '', ''],
    ];
    const input = fileInput(o.dir, 'lengkap.csv', csvText([header, ...rows], ';'));
    const p = await preview(input);
    expect(p.mapping).toEqual({ 0: 'nip', 1: 'name', 2: 'employmentType', 3: 'birthDate', 4: 'status', 5: 'statusDate', 6: 'phone', 7: 'email', 8: 'notes' });
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([]);
    await apply(input);
    const stored = new Map((await roster()).map((x) => [x.nip, x]));
    expect(stored.get(a!.nip)).toMatchObject({ birthPlace: 'Palembang', birthDate: '1986-09-26', status: 'aktif', statusDate: null, phone: '0812-3456-7890', email: 'siti@plaju.go.id', notes: 'Cuti melahirkan s.d. Desember' });
    expect(stored.get(b!.nip)).toMatchObject({ birthPlace: 'Lahat', birthDate: '1975-03-15', status: 'pensiun', statusDate: '2026-04-01' });
    expect(stored.get(c!.nip)).toMatchObject({ birthPlace: 'Baturaja', status: 'pindah', statusDate: '2026-08-01' });
    expect(stored.get(d!.nip)).toMatchObject({ birthPlace: 'Muara Enim', status: 'cltn' });
    expect(stored.get(e!.nip)).toMatchObject({ employmentType: 'pppk', birthDate: '2000-12-31', status: 'meninggal', statusDate: '2026-02-02' });
  });

  it('an unknown status, type, gender or email, or a type the NIP contradicts, is an error on that field', async () => {
    const header = ['NIP', 'Nama', 'Jenis Pegawai', 'L/P', 'Status', 'Email'];
    const [a, b, c, d, e] = STAFF;
    const rows = [
      [a!.nip, 'A', 'PNS', 'P', 'Cuti', ''],
      [b!.nip, 'B', 'Honorer', 'L', 'Aktif', ''],
      [c!.nip, 'C', 'PNS', 'X', 'Aktif', ''],
      [d!.nip, 'D', 'PNS', 'L', 'Aktif', 'bukan-email'],
      [e!.nip, 'E', 'PNS', 'L', 'Aktif', ''],
    ];
    const p = await preview(fileInput(o.dir, 'salah.csv', csvText([header, ...rows])));
    expect(p.errors.map((x) => [x.row, x.field, x.code])).toEqual([
      [2, 'status', 'import.status_invalid'],
      [3, 'employmentType', 'import.type_invalid'],
      [4, 'gender', 'import.gender_invalid'],
      [5, 'email', 'validation.email'],
      [6, 'employmentType', 'employee.type_mismatch'],
    ]);
    expect(p.errors[4]!.message).toBe('Jenis pegawai berbeda dengan NIP (NIP ini milik PPPK).');
    expect(p.created).toBe(0);
  });

  it('a cell longer than the edit form allows is an error, so no imported person is one the form cannot save', async () => {
    const header = ['NIP', 'Nama', 'Jabatan', 'Keterangan'];
    const [a, b] = STAFF;
    const longJabatan = `Kepala Seksi Ketenteraman dan Ketertiban Umum ${'pada Kantor Kecamatan Plaju '.repeat(5)}`.trim();
    expect(longJabatan.length).toBeGreaterThan(160);
    const input = fileInput(o.dir, 'panjang.csv', csvText([header, [a!.nip, a!.cell, longJabatan, ''], [b!.nip, b!.cell, 'Sekretaris Camat', 'x'.repeat(1001)]]));
    const p = await preview(input);
    expect(p.errors.map((e) => [e.row, e.field, e.code])).toEqual([[2, 'jabatan', 'validation.too_long'], [3, 'notes', 'validation.too_long']]);
    expect(p.errors[0]!.message).toMatch(/panjang|terlalu/i);
    // What the form refuses:
    const form = await o.t.fails('employees.create', { nip: a!.nip, name: 'Siti Aminah', jabatan: longJabatan }, 'VALIDATION', o.token);
    expect(form.details?.issues?.[0]).toMatchObject({ path: ['jabatan'], message: 'validation.too_long' });
  });

  it('reads dates written month first when a column proves it (a PC set to US English)', async () => {
    const rows = STAFF.slice(0, 3).map((s) => [s.nip, s.cell, `${s.birthDate.slice(5, 7)}/${s.birthDate.slice(8)}/${s.birthDate.slice(0, 4)}`]);
    expect(rows.map((r) => r[2])).toEqual(['09/26/1986', '03/15/1975', '01/01/1990']);
    const input = fileInput(o.dir, 'us.csv', csvText([['NIP', 'Nama', 'Tgl Lahir'], ...rows]));
    expect((await preview(input)).warnings).toEqual([]);
    await apply(input);
    expect((await roster()).map((e) => e.birthDate)).toEqual(['1975-03-15', '1986-09-26', '1990-01-01']);
  });

  it('reads XLSX cells as Excel shows them: rich text, hyperlinks, formula results', async () => {
    const s = STAFF[0]!;
    const data = await xlsxBuffer((wb) => {
      const ws = wb.addWorksheet('Pegawai');
      ws.addRow(['NIP', 'Nama', 'Email', 'Pangkat/Gol', 'Jabatan']);
      const row = ws.addRow([s.nip]);
      row.getCell(2).value = { richText: [{ text: 'Dr. ', font: { bold: true } }, { text: 'Siti Aminah, S.E., M.M.' }] };
      row.getCell(3).value = { text: 'siti@plaju.go.id', hyperlink: 'mailto:siti@plaju.go.id' };
      row.getCell(4).value = { formula: 'CONCATENATE("III","/a")', result: 'III/a' };
      row.getCell(5).value = { formula: 'UPPER("kasi")', result: 'KASI' };
    });
    const input = fileInput(o.dir, 'sel.xlsx', data);
    expect((await preview(input)).errors).toEqual([]);
    await apply(input);
    expect((await roster())[0]).toMatchObject({ displayName: 'Dr. Siti Aminah, S.E., M.M.', email: 'siti@plaju.go.id', golongan: '31', jabatan: 'KASI' });
  });

  it('preview writes nothing, however many times it runs', async () => {
    const before = writeCounts(o.db);
    for (const name of ['a.csv', 'b.csv']) await preview(fileInput(o.dir, name, csvText([STAFF_HEADER, ...staffRows()])));
    expect(writeCounts(o.db)).toEqual(before);
  });
});
