// Importing outside training records from a spreadsheet, as a clerk does with the BKPSDM's
// tracker or a learning platform's export: the preview classifies every row and writes nothing,
// the apply writes the new rows in one transaction, duplicates (in the file, or already
// recorded) are left out and said so, errors name the row and the field, unusual headers are
// mapped by hand (and remembered), and a failure in the middle leaves nothing behind.
import Database from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordImportPreview } from '../../shared/contract/records.ts';
import { count, dbFile, removeTempDirs } from '../helpers/backend.ts';
import { csvText, excelSerial, fileInput, spaced, xlsxBuffer } from '../helpers/roster.ts';
import { trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: TrainingOffice;
beforeEach(async () => { o = await trainingOffice({ people: 6 }); });
afterEach(() => o.close());
afterAll(() => removeTempDirs());

const nip = (i: number) => o.employees[i]!.nip;
const preview = (input: Record<string, unknown>) => o.t.ok('records.preview', input, o.token);
const apply = (input: Record<string, unknown>) => o.t.ok('records.apply', input, o.token);
const kinds = (p: RecordImportPreview) => p.items.map((i) => [i.row, i.kind]);
const writes = () => ({
  records: count(o.db, 'SELECT count(*) AS n FROM training_records'),
  journal: count(o.db, 'SELECT count(*) AS n FROM change_journal'),
  audit: count(o.db, 'SELECT count(*) AS n FROM audit_log'),
  settings: count(o.db, 'SELECT count(*) AS n FROM settings'),
});

/** The minimal sheet of a 20 JP tracker (DOMAIN.md), with the columns platforms add. */
const HEADER = ['No', 'NIP', 'Nama', 'Nama Pelatihan', 'Penyelenggara', 'Jenis Pengembangan', 'Tanggal Mulai', 'Tanggal Selesai', 'Durasi (jam)', 'Total JP', 'No. Sertifikat'];

function trackerRows(): string[][] {
  return [
    ['1', spaced(nip(0)), o.employees[0]!.displayName, 'Literasi Digital bagi ASN', 'LAN RI', 'E-Learning', '02-03-2026', '03-03-2026', '5', '', 'LAN-001'],
    ['2', nip(1), o.employees[1]!.name, 'Webinar Kearsipan Dinamis', 'ANRI', 'webinar', '10/08/2026', '10/08/2026', '', '', ''],
    ['3', nip(2), '', 'Bimtek Penyusunan SKP', 'BKPSDM Kota Palembang', '8', '5 Mei 2026', '7 Mei 2026', '18', '24', 'BKPSDM/77/2026'],
    ['4', nip(3), '', 'Seminar Pelayanan Publik', 'Ombudsman', 'Seminar Nasional', '14-09-2026', '14-09-2026', '', '2', ''],
    ['5', '19860926 201505 2 009', '', 'Kursus Bahasa Inggris', 'LPK', 'Kursus', '01-02-2026', '28-02-2026', '40', '', ''],
    ['6', nip(4), '', 'Pelatihan Kehumasan', 'Diskominfo', 'Pelatihan Lanjutan X', '31-02-2026', '02-03-2026', '', '6', ''],
    ['7', nip(0), '', 'literasi digital bagi ASN.', 'LAN RI', '16', '02-03-2026', '03-03-2026', '5', '', ''],
    ['8', nip(5), '', 'Kursus Lain', 'LAN RI', 'E-Learning', '04-03-2026', '05-03-2026', '4', '', 'LAN-001'],
  ];
}

const trackerFile = (rows = trackerRows(), name = 'capaian-jp.csv') => fileInput(o.dir, name, csvText([HEADER, ...rows], ';'));

describe('preview', () => {
  it('classifies every row (new, duplicate, error) naming row and field, and writes nothing', async () => {
    const before = writes();
    const p = await preview(trackerFile());
    expect(writes()).toEqual(before);
    expect(kinds(p)).toEqual([[2, 'new'], [3, 'new'], [4, 'new'], [5, 'error'], [6, 'error'], [7, 'error'], [8, 'duplicate'], [9, 'duplicate']]);
    expect(p).toMatchObject({ rows: 8, created: 3, updated: 0, duplicates: 2, unchanged: 2, format: 'csv', headerRowNumber: 1 });
    expect(p.mapping).toEqual({ 0: null, 1: 'nip', 2: 'name', 3: 'title', 4: 'organiser', 5: 'method', 6: 'startDate', 7: 'endDate', 8: 'hours', 9: 'jp', 10: 'certificateNumber' });

    // The JP each new row would get: e-learning by its rule (5 h over 2 days), a webinar as a one-day
    // seminar, the bimtek's 24 as entered, which its 18 hours give too.
    expect(p.items.slice(0, 3).map((i) => [i.nip, i.title, i.startDate, i.jp])).toEqual([
      [nip(0), 'Literasi Digital bagi ASN', '2026-03-02', 6], [nip(1), 'Webinar Kearsipan Dinamis', '2026-08-10', 4], [nip(2), 'Bimtek Penyusunan SKP', '2026-05-05', 24],
    ]);
    const errors = (row: number) => p.items.find((i) => i.row === row)!.errors.map((e) => [e.field, e.code, e.message]);
    expect(errors(5)).toEqual([['jp', 'records.jp_contradicts_rule', 'Menurut aturan Seminar, JP-nya 4. Bila sertifikat menyebut JP lain, isi alasannya.']]);
    expect(errors(6)).toEqual([['nip', 'employee.unknown_nip', 'Tidak ada pegawai dengan NIP 19860926 201505 2 009 di daftar pegawai.']]);
    expect(errors(7)).toEqual([
      ['method', 'records.method_unknown', expect.stringContaining('"Pelatihan Lanjutan X" tidak dikenal')],
      ['startDate', 'validation.date_not_real', expect.stringContaining('31 Februari 2026 tidak ada di kalender')],
    ]);
    expect(p.errors.map((e) => e.row)).toEqual([5, 6, 7, 7]);
    // Duplicates say which row they repeat: the same training (title however written), the same certificate number.
    expect(p.items.filter((i) => i.kind === 'duplicate').map((i) => [i.row, i.duplicateOf])).toEqual([[8, 'baris 2'], [9, 'baris 2']]);
    expect(p.warnings.map((w) => [w.row, w.field, w.code])).toEqual([[8, 'title', 'records.duplicate_in_file'], [9, 'certificateNumber', 'records.duplicate_in_file']]);
  });

  it('a name in the file that is not the NIP\'s owner is a warning, not an error', async () => {
    const rows = [['1', nip(0), 'Orang Lain Sama Sekali', 'Kursus A', 'LAN', '16', '02-03-2026', '02-03-2026', '2', '', '']];
    const p = await preview(trackerFile(rows));
    expect(p.items[0]).toMatchObject({ kind: 'new', warnings: [expect.objectContaining({ field: 'name', code: 'records.name_differs' })] });
  });
});

describe('apply', () => {
  it('writes the new rows only, as imported records journalled and audited with their file and row; a second time, all are duplicates', async () => {
    const input = trackerFile();
    const p = await preview(input);
    const summary = await apply(input);
    expect(summary).toEqual({ rows: 8, created: 3, updated: 0, unchanged: 2, duplicates: 2, errors: p.errors, warnings: p.warnings });
    const list = await o.t.ok('records.list', { year: 2026 }, o.token);
    expect(list.map((r) => [r.nip, r.title, r.methodId, r.startDate, r.endDate, r.jp, r.computedJp, r.source, r.certificateNumber])).toEqual([
      [nip(1), 'Webinar Kearsipan Dinamis', 9, '2026-08-10', '2026-08-10', 4, 4, 'import', ''],
      [nip(2), 'Bimtek Penyusunan SKP', 8, '2026-05-05', '2026-05-07', 24, 24, 'import', 'BKPSDM/77/2026'],
      [nip(0), 'Literasi Digital bagi ASN', 16, '2026-03-02', '2026-03-03', 6, 6, 'import', 'LAN-001'],
    ]);
    const audit = o.db.prepare("SELECT entity_id, details FROM audit_log WHERE action = 'training_record.insert' ORDER BY seq").all() as { entity_id: string; details: string }[];
    expect(audit.map((a) => JSON.parse(a.details).importedFrom[1])).toEqual(['capaian-jp.csv, baris 2', 'capaian-jp.csv, baris 3', 'capaian-jp.csv, baris 4']);
    expect(count(o.db, "SELECT count(*) AS n FROM change_journal WHERE entity = 'training_record' AND op = 'insert'")).toBe(3);

    const again = await preview(input);
    expect(kinds(again).filter(([, k]) => k === 'duplicate').map(([row]) => row)).toEqual([2, 3, 4, 8, 9]);
    const byRow = new Map(again.items.map((i) => [i.row, i.duplicateOf]));
    expect(byRow.get(2)).toBe(list[2]!.id);
    expect(byRow.get(9)).toBe(list[2]!.id); // its certificate number is now recorded
    expect(await apply(input)).toMatchObject({ created: 0, duplicates: 5 });
    expect((await o.t.ok('records.list', {}, o.token)).length).toBe(3);
  });

  it('an XLSX with real dates and numbers, a title row above the table, on a chosen sheet', async () => {
    const data = await xlsxBuffer((wb: ExcelJS.Workbook) => {
      wb.addWorksheet('Petunjuk').addRow(['Isi lembar Data']);
      const ws = wb.addWorksheet('Data');
      ws.addRow(['REKAP PENGEMBANGAN KOMPETENSI 2026']);
      ws.addRow(['NIP', 'Judul Kursus', 'Institusi Penyelenggara', 'Metode', 'Tgl Mulai', 'Tgl Selesai', 'Jumlah JP']);
      const row = ws.addRow([nip(3), 'Manajemen Risiko', 'BPSDM Sumsel', 3, new Date(Date.UTC(2026, 5, 8)), excelSerial('2026-06-10'), 30]);
      row.getCell(1).numFmt = '@';
    });
    const input = fileInput(o.dir, 'rekap.xlsx', data, { sheet: 'Data' });
    const p = await preview(input);
    expect(p).toMatchObject({ sheets: ['Petunjuk', 'Data'], sheet: 'Data', headerRowNumber: 2, created: 1, errors: [] });
    expect(p.items[0]).toMatchObject({ row: 3, kind: 'new', startDate: '2026-06-08', jp: 30 });
    await apply(input);
    expect((await o.t.ok('records.list', {}, o.token))[0]).toMatchObject({ methodName: 'Diklat Teknis', endDate: '2026-06-10', jp: 30, computedJp: null, organiser: 'BPSDM Sumsel' });
  });

  it('rows without a method take the file\'s default; without one, each such row names the method field', async () => {
    const header = ['NIP', 'Nama Kursus', 'Tanggal Kursus', 'Tanggal Selesai Kursus', 'Jumlah Jam'];
    const rows = [[nip(0), 'Etika ASN', '01-04-2026', '01-04-2026', '3']];
    const file = fileInput(o.dir, 'siasn.csv', csvText([header, ...rows]));
    expect((await preview(file)).items[0]!.errors.map((e) => [e.field, e.code])).toEqual([['method', 'records.method_required']]);
    const p = await preview({ ...file, defaultMethodId: 16, defaultCompetencyType: 'manajerial', defaultOrganiser: 'LAN RI' });
    expect(p.items[0]).toMatchObject({ kind: 'new', jp: 3 });
    await apply({ ...file, defaultMethodId: 16, defaultCompetencyType: 'manajerial', defaultOrganiser: 'LAN RI' });
    expect((await o.t.ok('records.list', {}, o.token))[0]).toMatchObject({ methodId: 16, competencyType: 'manajerial', organiser: 'LAN RI', jp: 3, hours: null });
  });
});

describe('a platform export with headers of its own', () => {
  const header = ['No', 'Nomor Induk', 'Peserta', 'Materi', 'Mulai Belajar', 'Lulus Pada', 'Lama Belajar (jam)', 'Kode Sertifikat'];
  const rows = () => [
    ['1', nip(0), o.employees[0]!.name, 'Manajemen Waktu', '2026-10-01 08:12:00', '2026-10-04 21:40:11', '7,5', 'MOOC-9F3A'],
    ['2', nip(1), o.employees[1]!.name, 'Pelayanan Prima', '2026-10-02 10:00:00', '2026-10-02 12:30:00', '2,5', 'MOOC-9F3B'],
  ];
  const MAPPING = { 1: 'nip', 2: 'name', 3: 'title', 4: 'startDate', 5: 'endDate', 6: 'hours', 7: 'certificateNumber' };

  it('is mapped by hand (column number → field), counted by the e-learning rule, and the mapping is remembered', async () => {
    const file = fileInput(o.dir, 'ekspor-platform.csv', csvText([header, ...rows()]));
    const unmapped = await preview({ ...file, defaultMethodId: 16 });
    expect(unmapped.items[0]!.errors.map((e) => e.code)).toEqual(['import.nip_not_mapped', 'records.title_not_mapped', 'records.start_not_mapped']);

    const p = await preview({ ...file, defaultMethodId: 16, mapping: MAPPING });
    expect(p.items.map((i) => [i.kind, i.startDate, i.jp])).toEqual([['new', '2026-10-01', 10], ['new', '2026-10-02', 3]]);
    expect(await apply({ ...file, defaultMethodId: 16, mapping: MAPPING })).toMatchObject({ created: 2, errors: [] });
    // The next export of the same layout needs no mapping.
    const next = fileInput(o.dir, 'ekspor-2.csv', csvText([header, [...rows()[0]!.slice(0, 3), 'Kepemimpinan Diri', '2026-11-01 08:00:00', '2026-11-01 10:00:00', '2', 'MOOC-A']]));
    expect((await preview({ ...next, defaultMethodId: 16 })).items[0]).toMatchObject({ kind: 'new', jp: 2 });
  });

  it('a mapping may name columns by their header; an unknown column is refused on the mapping', async () => {
    const file = fileInput(o.dir, 'ekspor-platform.csv', csvText([header, ...rows()]));
    const p = await preview({ ...file, defaultMethodId: 16, mapping: { 'Nomor Induk': 'nip', materi: 'title', 'MULAI BELAJAR': 'startDate', 'lama belajar (jam)': 'hours' } });
    expect(p.items[0]).toMatchObject({ kind: 'new', jp: 3 }); // one day (no end column): at most 3 JP
    const e = await o.t.fails('records.preview', { ...file, mapping: { 'Nomor Pegawai': 'nip' } }, 'VALIDATION', o.token);
    expect(e.details?.issues?.[0]).toMatchObject({ path: ['mapping', 'Nomor Pegawai'], message: 'import.mapping_column_unknown' });
  });
});

describe('a failure in the middle of apply', () => {
  it('leaves no record, journal or audit row, nor a remembered mapping; with the obstacle gone the file goes in whole', async () => {
    const input = { ...trackerFile(), mapping: { 0: null } };
    const raw = new Database(dbFile(o.t.dataDir));
    raw.exec("CREATE TRIGGER boom BEFORE INSERT ON training_records WHEN NEW.title = 'Bimtek Penyusunan SKP' BEGIN SELECT RAISE(ABORT, 'boom'); END");
    try {
      const before = writes();
      const result = await o.t.call('records.apply', input, o.token);
      expect(result.ok).toBe(false);
      expect(writes()).toEqual(before);
      raw.exec('DROP TRIGGER boom');
      expect(await apply(input)).toMatchObject({ created: 3 });
      expect(writes().records).toBe(3);
    } finally {
      raw.close();
    }
  });
});
