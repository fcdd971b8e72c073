// The SIASN sheet of the year's training records, for the city to upload to SIASN's riwayat
// kursus/diklat: the headers are SIASN's field names, NIP stays text with all 18 digits, dates
// are dd-mm-yyyy, jenis diklat ids are numbers. PDF is refused: the upload is a sheet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n, errorText } from '../../shared/i18n/index.ts';
import { removeTempDirs } from '../helpers/backend.ts';
import { readXlsx } from '../helpers/roster.ts';
import { EXTERNAL, WALK_IN, reportsOffice, type ReportsOffice } from '../helpers/reports.ts';

let o: ReportsOffice;
let rows: unknown[][];
let book: Awaited<ReturnType<typeof readXlsx>>;
beforeAll(async () => {
  o = await reportsOffice();
  const x = await o.t.ok('reports.file', { kind: 'siasn', year: 2026, format: 'xlsx' }, o.token);
  expect(x).toMatchObject({ fileName: 'siasn-riwayat-kursus-2026.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  book = await readXlsx(Buffer.from(x.dataBase64, 'base64'));
  rows = (book.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
}, 60_000);
afterAll(() => {
  o.close();
  removeTempDirs();
});

const person = (i: number) => o.employees[i]!;
const rowsOf = (i: number) => rows.filter((r) => r[0] === person(i).nip);

describe('the SIASN sheet', () => {
  it('starts with the SIASN field names, exactly', () => {
    expect(book.worksheets[0]!.name).toBe('Riwayat Kursus');
    expect(rows[0]).toEqual(['NIP', 'nama', 'jenisDiklatId', 'namaKursus', 'institusiPenyelenggara', 'jenisKursus', 'jumlahJam', 'lokasi',
      'nomorSertipikat', 'tahunKursus', 'tanggalKursus', 'tanggalSelesaiKursus']);
  });

  it('keeps every NIP as 18-digit text, typed as text in Excel', () => {
    const sheet = book.worksheets[0]!;
    for (let r = 2; r <= sheet.rowCount; r++) {
      const cell = sheet.getRow(r).getCell(1);
      expect(typeof cell.value).toBe('string');
      expect(cell.value).toMatch(/^\d{18}$/);
      expect(cell.numFmt).toBe('@');
    }
  });

  it('gives a row per employee who passed a finished event: JP credited, the certificate number, dates dd-mm-yyyy', async () => {
    const certificates = await o.t.ok('certificates.list', { eventId: o.events.A }, o.token);
    for (const i of [0, 1, 2, 3]) {
      const event = rowsOf(i).find((r) => r[3] === 'Bimtek Administrasi Kependudukan')!;
      const number = certificates.find((c) => c.employeeId === person(i).id)!.number;
      expect(event).toEqual([person(i).nip, person(i).displayName, 8, 'Bimtek Administrasi Kependudukan', 'Kantor Kecamatan Plaju', 'Bimbingan Teknis', 9,
        'Aula Kantor Camat Plaju', number, 2026, '25-08-2026', '26-08-2026']);
    }
    // Coaching outside the plan, no certificate issued yet.
    expect(rowsOf(6)).toEqual([[person(6).nip, person(6).displayName, 14, 'Coaching Kepemimpinan', 'Kantor Kecamatan Plaju', 'Coaching', 4,
      'Aula Kantor Camat Plaju', undefined, 2026, '20-11-2026', '27-11-2026']]);
  });

  it('leaves out who did not pass, events not finished, and guests from other offices', () => {
    expect(rowsOf(4)).toEqual([]);
    expect(rowsOf(5)).toEqual([]);
    expect(rows.some((r) => r[3] === 'Workshop Pelayanan Publik')).toBe(false);
    expect(rows.some((r) => r[0] === WALK_IN.nip || r[1] === WALK_IN.name)).toBe(false);
  });

  it('adds the external records as entered', () => {
    const e = EXTERNAL.elearning;
    expect(rowsOf(0).find((r) => r[3] === e.title)).toEqual([person(0).nip, person(0).displayName, 16, e.title, e.organiser, 'E-Learning', 12, e.place,
      e.certificateNumber, 2026, '02-03-2026', '06-03-2026']);
    expect(rowsOf(8)).toEqual([[person(8).nip, person(8).displayName, 3, EXTERNAL.bkpsdm.title, EXTERNAL.bkpsdm.organiser, 'Diklat Teknis', 32,
      'Palembang', EXTERNAL.bkpsdm.certificateNumber, 2026, '10-08-2026', '13-08-2026']]);
    expect(rows).toHaveLength(1 + 4 + 2 + 3);
  });

  it('explains the columns on a second sheet', () => {
    const notes = book.getWorksheet('Keterangan')!;
    const values = (notes.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(values[0]).toEqual(['Kolom', 'Isi']);
    expect(values.find((r) => r[0] === 'tanggalKursus')![1]).toContain('dd-mm-yyyy');
  });

  it('a year without training gives the headers alone', async () => {
    const x = await o.t.ok('reports.file', { kind: 'siasn', year: 2025, format: 'xlsx' }, o.token);
    const sheet = (await readXlsx(Buffer.from(x.dataBase64, 'base64'))).worksheets[0]!;
    expect(sheet.rowCount).toBe(1);
  });
});

describe('SIASN as PDF', () => {
  it('is refused with a message on the format', async () => {
    const error = await o.t.fails('reports.file', { kind: 'siasn', year: 2026, format: 'pdf' }, 'VALIDATION', o.token);
    expect(error.details?.issues).toEqual([{ path: ['format'], message: 'reports.siasn_xlsx_only' }]);
    expect(errorText(createI18n('id').t, error)).toBe('Laporan SIASN hanya tersedia sebagai XLSX: unggahan riwayat kursus/diklat ke SIASN memakai lembar kerja, bukan PDF.');
    expect(errorText(createI18n('en').t, error)).toContain('XLSX only');
  });
});
