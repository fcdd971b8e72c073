import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable, type Table } from '../../electron/backend/import/read-table.ts';
import { parseNip } from '../../shared/domain/nip.ts';
import { mapHeaders } from '../../shared/domain/roster-columns.ts';

// Every fixture is written by the test into a temporary folder, then read back from disk as the
// importer would.
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-read-table-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, data: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

async function read(name: string, data: Uint8Array | string, options?: { sheet?: string }): Promise<Table> {
  const file = write(name, data);
  return readTable(fs.readFileSync(file), name, options);
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cells = (t: Table) => t.rows.map((r) => r.cells);
const numbers = (t: Table) => t.rows.map((r) => r.rowNumber);
const fileError = (message: string, params?: Record<string, unknown>) => ({
  code: 'VALIDATION',
  details: { issues: [params ? { path: ['file'], message, params } : { path: ['file'], message }] },
});

describe('csv-spectrum', () => {
  const root = path.dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
  const cases = fs.readdirSync(path.join(root, 'csvs')).filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4));

  it('has its cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)('%s parses to its expected JSON', async (name) => {
    const table = await readTable(fs.readFileSync(path.join(root, 'csvs', `${name}.csv`)), `${name}.csv`);
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(root, 'json', `${name}.json`), 'utf8'));
    // Two known faults in csv-spectrum 2.0.0's expectations (max-mapper/csv-spectrum #22 and
    // #20): location_coordinates.json is a bare object, and its phone number differs from the
    // CSV's. The CSV is the input, so its value is the right answer.
    const expected = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, string>[];
    if (name === 'location_coordinates') expected[0]!['Contact Phone Number'] = '2095257564';
    const records = table.rows.map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r.cells[i]])));
    expect(records).toEqual(expected);
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', headerRowNumber: 1 });
  });
});

const HEADER = ['NIP', 'Nama', 'L/P', 'Tgl Lahir', 'Pangkat/Gol', 'Unit Kerja'];
const PEOPLE = [
  ['198609262015051001', 'Dr. Siti Aminah, S.E., M.M.', 'P', '26-09-1986', 'Penata Muda (III/a)', 'Seksi Pemerintahan'],
  ['199001012019031002', "Siti Ma'rifah", 'P', '01/01/1990', 'II/c', 'Sekretariat'],
  ['200012312024211001', 'Budi "Ucok" Santoso', 'L', '31 Desember 2000', 'IX', 'Kelurahan Plaju Ulu'],
];

function csvText(rows: string[][], delimiter: string, eol = '\r\n'): string {
  const quote = (v: string) => (/[",;\t\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
}

describe('CSV delimiters', () => {
  it.each([
    [',', 'roster-comma.csv'],
    [';', 'roster-semicolon.csv'],
    ['\t', 'roster-tab.txt'],
  ])('detects %j', async (delimiter, name) => {
    const table = await read(name, csvText([HEADER, ...PEOPLE], delimiter));
    expect(table).toMatchObject({ format: 'csv', delimiter, headerRowNumber: 1, headers: HEADER });
    expect(cells(table)).toEqual(PEOPLE);
    expect(numbers(table)).toEqual([2, 3, 4]);
  });

  it('is not fooled by commas inside unquoted cells of a semicolon file', async () => {
    const text = ['NIP;Nama;Jabatan', '198609262015051001;Dr. Siti Aminah, S.E., M.M.;Kasi, Pemerintahan', '199001012019031002;Budi;Staf'].join('\n');
    const table = await read('semicolon-commas.csv', text);
    expect(table.delimiter).toBe(';');
    expect(table.rows[0]!.cells).toEqual(['198609262015051001', 'Dr. Siti Aminah, S.E., M.M.', 'Kasi, Pemerintahan']);
  });

  it('honours a "sep=" line as Excel does, and does not count it as a row', async () => {
    const table = await read('sep.csv', 'sep=;\r\nNIP;Nama\r\n198609262015051001;Siti, Aminah\r\n');
    expect(table).toMatchObject({ delimiter: ';', headerRowNumber: 1, headers: ['NIP', 'Nama'] });
    expect(table.rows).toEqual([{ rowNumber: 2, line: 3, cells: ['198609262015051001', 'Siti, Aminah'] }]);
  });
});

describe('CSV encodings', () => {
  const NAMES = ["Siti Ma'rifah", 'Café Ñusantara', 'Nur’aini Müller', 'Ahmad Fauzi'];
  const text = csvText([['NIP', 'Nama'], ...NAMES.map((n, i) => [`19860926201505100${i}`, n])], ';');
  const expectNames = (t: Table) => expect(t.rows.map((r) => r.cells[1])).toEqual(NAMES);

  it('UTF-8 without BOM', async () => {
    const t = await read('utf8.csv', Buffer.from(text, 'utf8'));
    expect(t.encoding).toBe('utf-8');
    expectNames(t);
  });

  it('UTF-8 with BOM (Excel "CSV UTF-8"): the BOM does not stick to the first header', async () => {
    const t = await read('utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(t.encoding).toBe('utf-8');
    expect(t.headers[0]).toBe('NIP');
    expectNames(t);
  });

  it('UTF-16LE with BOM (Excel "Unicode Text", tab-separated)', async () => {
    const tsv = csvText([['NIP', 'Nama'], ...NAMES.map((n, i) => [`19860926201505100${i}`, n])], '\t');
    const t = await read('unicode.txt', iconv.encode(tsv, 'utf-16le', { addBOM: true }));
    expect(t).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headers: ['NIP', 'Nama'] });
    expectNames(t);
  });

  it('UTF-16 without a BOM, little- and big-endian, told apart by their zero bytes', async () => {
    const tsv = 'NIP\tNama\r\n198609262015052001\tRené Muñoz\r\n';
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const t = await read(`tanpa-bom-${encoding}.txt`, iconv.encode(tsv, encoding));
      expect(t).toMatchObject({ encoding, delimiter: '\t', headers: ['NIP', 'Nama'] });
      expect(t.rows.map((r) => r.cells)).toEqual([['198609262015052001', 'René Muñoz']]);
    }
    // Plain ASCII and UTF-8 have no zero bytes: unchanged.
    expect((await read('ascii.csv', Buffer.from('NIP,Nama\r\n1,Ani\r\n'))).encoding).toBe('utf-8');
  });

  it('UTF-16BE with BOM', async () => {
    const t = await read('utf16be.csv', iconv.encode(text, 'utf-16be', { addBOM: true }));
    expect(t.encoding).toBe('utf-16be');
    expectNames(t);
  });

  it('Windows-1252 (Excel "CSV" on a Windows PC), including characters ISO-8859-1 lacks (’)', async () => {
    const data = iconv.encode(text, 'windows-1252');
    expect(data.includes(0x92)).toBe(true); // ’ is 0x92 in Windows-1252, a control code in ISO-8859-1
    const t = await read('ansi.csv', data);
    expect(t.encoding).toBe('windows-1252');
    expectNames(t);
  });

  it('Windows-1252 whose first non-ASCII byte comes late in a long file', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [String(i), 'Ahmad']);
    rows.push(['3000', 'Café']);
    const t = await read('late-ansi.csv', iconv.encode(csvText([['No', 'Nama'], ...rows], ','), 'windows-1252'));
    expect(t.encoding).toBe('windows-1252');
    expect(t.rows.at(-1)!.cells[1]).toBe('Café');
  });
});

describe('CSV row numbers', () => {
  it('counts a record with multi-line cells as one row, like Excel, and gives its first line', async () => {
    const text = [
      'NIP,Nama,Keterangan',
      '198609262015051001,Siti,"baris satu',
      'baris dua',
      'baris tiga"',
      '199001012019031002,Budi,biasa',
      '',
      '200012312024211001,"Ani',
      '""Nona"" Lestari",ok',
      ',,',
      '198501012010011003,Joko,akhir',
    ].join('\r\n');
    const t = await read('multiline.csv', text);
    expect(t.rows).toEqual([
      { rowNumber: 2, line: 2, cells: ['198609262015051001', 'Siti', 'baris satu\r\nbaris dua\r\nbaris tiga'] },
      { rowNumber: 3, line: 5, cells: ['199001012019031002', 'Budi', 'biasa'] },
      // row 4 (line 6) is blank and left out; the numbering goes on
      { rowNumber: 5, line: 7, cells: ['200012312024211001', 'Ani\r\n"Nona" Lestari', 'ok'] },
      // row 6 (",,") is blank too
      { rowNumber: 7, line: 10, cells: ['198501012010011003', 'Joko', 'akhir'] },
    ]);
  });

  it('finds the header below title lines and pads short rows', async () => {
    const text = 'DAFTAR PEGAWAI KECAMATAN PLAJU;;;\n;;;\nNIP;Nama;Jabatan;Unit Kerja\n198609262015051001;Siti\n';
    const t = await read('title.csv', text);
    expect(t).toMatchObject({ headerRowNumber: 3, headers: ['NIP', 'Nama', 'Jabatan', 'Unit Kerja'] });
    expect(t.rows).toEqual([{ rowNumber: 4, line: 4, cells: ['198609262015051001', 'Siti', '', ''] }]);
  });

  it('reports a quote that is never closed at the row and line where it opened', async () => {
    await expect(read('broken.csv', 'sep=,\nNIP,Nama\n1,Ani\n\n2,"Siti\n3,Budi\n4,Joko\n')).rejects.toMatchObject(
      fileError('import.csv_invalid', { row: 4, line: 5, reason: 'CSV_QUOTE_NOT_CLOSED' }),
    );
  });

  it('reads 10,000 rows', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      `1986092620150510${String(i % 100).padStart(2, '0')}`, `Pegawai ${i}, S.E.`, i % 2 ? 'L' : 'P', '26-09-1986', 'III/a', `Seksi ${i % 7}`,
    ]);
    const data = Buffer.from(csvText([HEADER, ...rows], ';'), 'utf8');
    const started = performance.now();
    const t = await read('big.csv', data);
    const ms = performance.now() - started;
    expect(t.rows).toHaveLength(10_000);
    expect(t.rows.at(-1)).toEqual({ rowNumber: 10_001, line: 10_001, cells: rows.at(-1) });
    console.info(`read-table: 10,000-row CSV (${(data.length / 1024).toFixed(0)} KiB) in ${ms.toFixed(0)} ms`);
  });
});

describe('XLSX', () => {
  it('gives NIPs typed as text intact and NIPs typed as numbers as Excel damaged them', async () => {
    const data = await xlsx((wb) => {
      const ws = wb.addWorksheet('Pegawai');
      ws.addRow(['NIP', 'Nama', 'Tgl Lahir', 'No HP', 'Email', 'Masa Kerja', 'Aktif', 'Gol']);
      ws.addRow(['198609262015051001', { richText: [{ text: 'Dr. Siti ' }, { text: 'Aminah', font: { bold: true } }] }, new Date(Date.UTC(1986, 8, 26)),
        81234567890, { text: 'siti@example.go.id', hyperlink: 'mailto:siti@example.go.id' }, 0.1 + 0.2, true, { formula: '"III/"&"a"', result: 'III/a' }]);
      ws.addRow([198609262015051001, 'Budi', 31681, '0812-3456-7890', null, 12, false, { formula: 'NA()', result: { error: '#N/A' } }]);
      ws.addRow([1.98609262015051e17, 'Ani']);
    });
    const t = await read('pegawai.xlsx', data);
    expect(t).toMatchObject({ format: 'xlsx', sheets: ['Pegawai'], sheet: 'Pegawai', headerRowNumber: 1, headerRowCount: 1 });
    expect(cells(t)).toEqual([
      ['198609262015051001', 'Dr. Siti Aminah', '1986-09-26', '81234567890', 'siti@example.go.id', '0.3', 'TRUE', 'III/a'],
      ['198609262015051000', 'Budi', '31681', '0812-3456-7890', '', '12', 'FALSE', '#N/A'],
      ['198609262015051000', 'Ani', '', '', '', '', '', ''],
    ]);
    // The NIP parser then says exactly what happened, instead of anyone guessing the digits.
    expect(parseNip(t.rows[0]!.cells[0]!, '2026-11-25').ok).toBe(true);
    expect(parseNip(t.rows[1]!.cells[0]!, '2026-11-25')).toEqual({ ok: false, errors: [{ code: 'nip.excel_precision' }] });
  });

  it('finds the header below two title rows and a blank row, and keeps row numbers through blank rows', async () => {
    const data = await xlsx((wb) => {
      const ws = wb.addWorksheet('Data');
      ws.getCell('A1').value = 'DAFTAR NAMA PEGAWAI KECAMATAN PLAJU';
      ws.mergeCells('A1:F1');
      ws.getCell('A2').value = 'Keadaan per 1 Januari 2026';
      ws.mergeCells('A2:F2');
      ws.getRow(4).values = ['No', ...HEADER.slice(0, 5)];
      ws.getRow(5).values = [1, ...PEOPLE[0]!.slice(0, 5)];
      ws.getRow(6).values = [2, ...PEOPLE[1]!.slice(0, 5)];
      ws.getRow(8).values = [3, ...PEOPLE[2]!.slice(0, 5)];
      ws.getCell('A10').value = null; // a touched but empty row
      ws.getRow(12).values = ['', '', 'Plaju, 2 Januari 2026'];
    });
    const t = await read('judul.xlsx', data);
    expect(t).toMatchObject({ headerRowNumber: 4, headerRowCount: 1, headers: ['No', ...HEADER.slice(0, 5)] });
    expect(numbers(t)).toEqual([5, 6, 8, 12]);
    expect(t.rows[2]!.cells).toEqual(['3', ...PEOPLE[2]!.slice(0, 5)]);
    // A footer line is the importer's to reject (it has no NIP); the reader keeps what is there.
    expect(t.rows[3]!.cells).toEqual(['', '', 'Plaju, 2 Januari 2026', '', '', '']);
  });

  it('reads a two-row header with merged cells: a merged "Nama" over its parts, others merged down', async () => {
    const data = await xlsx((wb) => {
      const ws = wb.addWorksheet('Pegawai');
      ws.getCell('A1').value = 'DAFTAR PEGAWAI';
      ws.getRow(3).values = ['No', 'NIP', 'Nama', null, null, 'Pangkat/Gol', 'Unit Kerja'];
      ws.getRow(4).values = [null, null, 'Gelar Depan', 'Nama', 'Gelar Belakang'];
      for (const range of ['A3:A4', 'B3:B4', 'C3:E3', 'F3:F4', 'G3:G4']) ws.mergeCells(range);
      ws.getRow(5).values = [1, '198609262015051001', 'Dr.', 'Siti Aminah', 'S.E., M.M.', 'III/a', 'Seksi Pemerintahan'];
      ws.getRow(6).values = [2, '199001012019031002', '', 'Budi', '', 'II/c'];
      ws.getRow(7).values = [3, '200012312024211001', '', 'Ani', 'A.Md.', 'IX'];
      // The unit written once beside the people it applies to.
      ws.mergeCells('G5:G7');
    });
    const t = await read('merged.xlsx', data);
    expect(t).toMatchObject({
      headerRowNumber: 3,
      headerRowCount: 2,
      headers: ['No', 'NIP', 'Gelar Depan', 'Nama', 'Gelar Belakang', 'Pangkat/Gol', 'Unit Kerja'],
    });
    expect(Object.values(mapHeaders(t.headers).mapping)).toEqual([null, 'nip', 'frontTitle', 'name', 'backTitle', 'golongan', 'unit']);
    expect(numbers(t)).toEqual([5, 6, 7]);
    expect(cells(t)).toEqual([
      ['1', '198609262015051001', 'Dr.', 'Siti Aminah', 'S.E., M.M.', 'III/a', 'Seksi Pemerintahan'],
      ['2', '199001012019031002', '', 'Budi', '', 'II/c', 'Seksi Pemerintahan'],
      ['3', '200012312024211001', '', 'Ani', 'A.Md.', 'IX', 'Seksi Pemerintahan'],
    ]);
  });

  it('a header cell merged across columns over plain data is a one-row header', async () => {
    const data = await xlsx((wb) => {
      const ws = wb.addWorksheet('Pegawai');
      ws.getRow(1).values = ['NIP', 'Nama', null, 'Jabatan'];
      ws.mergeCells('B1:C1');
      ws.getRow(2).values = ['198609262015051001', 'Siti Aminah', null, 'Kasi Pemerintahan'];
      ws.mergeCells('B2:C2');
    });
    const t = await read('wide.xlsx', data);
    expect(t).toMatchObject({ headerRowNumber: 1, headerRowCount: 1, headers: ['NIP', 'Nama', '', 'Jabatan'] });
    // The merged value belongs to its first column only.
    expect(cells(t)).toEqual([['198609262015051001', 'Siti Aminah', '', 'Kasi Pemerintahan']]);
  });

  describe('sheets', () => {
    let data: Buffer;
    beforeAll(async () => {
      data = await xlsx((wb) => {
        wb.addWorksheet('Rekap', { state: 'hidden' }).addRow(['Jumlah', 'Nilai']);
        wb.addWorksheet('Petunjuk').addRows([['Petunjuk pengisian'], ['Isi satu baris per pegawai']]);
        const ws = wb.addWorksheet('Data Pegawai');
        ws.addRow(['NIP', 'Nama']);
        ws.addRow(['198609262015051001', 'Siti Aminah']);
        wb.addWorksheet('Kosong');
      });
    });

    it('reads the first visible sheet by default and lists them all', async () => {
      const t = await read('sheets.xlsx', data);
      expect(t).toMatchObject({ sheets: ['Rekap', 'Petunjuk', 'Data Pegawai', 'Kosong'], sheet: 'Petunjuk', headers: ['Petunjuk pengisian'] });
    });

    it('reads a sheet chosen by name, exactly or ignoring case', async () => {
      for (const sheet of ['Data Pegawai', ' data pegawai ']) {
        const t = await read('sheets.xlsx', data, { sheet });
        expect(t).toMatchObject({ sheet: 'Data Pegawai', headers: ['NIP', 'Nama'] });
        expect(cells(t)).toEqual([['198609262015051001', 'Siti Aminah']]);
      }
    });

    it('names the sheets there are when the chosen one is missing', async () => {
      await expect(read('sheets.xlsx', data, { sheet: 'Pegawai 2026' })).rejects.toMatchObject(
        fileError('import.sheet_not_found', { sheet: 'Pegawai 2026', available: 'Rekap, Petunjuk, Data Pegawai, Kosong' }),
      );
    });

    it('says a chosen sheet is empty', async () => {
      await expect(read('sheets.xlsx', data, { sheet: 'Kosong' })).rejects.toMatchObject(fileError('import.empty', { sheet: 'Kosong' }));
    });
  });
});

describe('files that cannot be read', () => {
  it.each([
    ['empty.csv', '', 'import.empty', undefined],
    ['blank.csv', '\r\n;;;\r\n\r\n', 'import.empty', undefined],
    ['numbers.csv', '1;2\n3;4\n', 'import.no_header', undefined],
    ['old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'import.unsupported_format', { format: 'xls' }],
    ['protected.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'import.encrypted', undefined],
    ['not-really.xlsx', 'NIP,Nama\n', 'import.unreadable', { format: 'xlsx' }],
    ['broken.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), 'import.unreadable', { format: 'xlsx' }],
    ['roster.pdf', '%PDF-1.7', 'import.unsupported_format', { format: 'pdf' }],
    ['roster', 'NIP,Nama\n', 'import.unsupported_format', { format: '' }],
  ])('%s → %s', async (name, content, message, params) => {
    await expect(read(name, content)).rejects.toMatchObject(fileError(message, params));
  });
});
