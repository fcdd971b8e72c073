// One employee's riwayat pengembangan kompetensi, printable for a promotion file: identity, then
// year by year each training completed (the office's events and external records) with JP and
// certificate number, the year's total against the target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatGolongan } from '../../shared/domain/golongan.ts';
import { formatNip } from '../../shared/domain/nip.ts';
import { removeTempDirs, tempDir } from '../helpers/backend.ts';
import { readXlsx } from '../helpers/roster.ts';
import { EXTERNAL, pngDir, reportsOffice, type ReportsOffice } from '../helpers/reports.ts';
import { pdfPagePng, pdfPages, squash } from '../helpers/trainings.ts';

let o: ReportsOffice;
let certificate: string;
beforeAll(async () => {
  o = await reportsOffice();
  // An older record: the riwayat spans years.
  await o.t.ok('records.create', {
    employeeId: o.employees[0]!.id, title: 'Pelatihan Dasar Pelayanan Prima', organiser: 'BPSDM Provinsi Sumatera Selatan', methodId: 3,
    competencyType: 'teknis', startDate: '2025-06-16', endDate: '2025-06-19', hours: 18, certificateNumber: 'BPSDM/2025/PP/441', place: 'Palembang',
  }, o.token);
  certificate = (await o.t.ok('certificates.list', { eventId: o.events.A }, o.token)).find((c) => c.employeeId === o.employees[0]!.id)!.number;
}, 60_000);
afterAll(() => {
  o.close();
  removeTempDirs();
});

/**
 * Texts in this order. A narrow column wraps its cell, so pdftotext gives one table row over
 * several lines: what shares a line is matched whole, the rest in order.
 */
const inOrder = (...parts: string[]) => new RegExp(parts.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('.*?'));

const history = (i: number, format: 'pdf' | 'xlsx', year?: number) =>
  o.t.ok('reports.history', { employeeId: o.employees[i]!.id, format, ...(year ? { year } : {}) }, o.token);

describe('riwayat as PDF', () => {
  let pages: string[];
  let text: string;
  beforeAll(async () => {
    const pdf = await history(0, 'pdf');
    expect(pdf.fileName).toMatch(/^riwayat-pengembangan-kompetensi-agus-fauzi-6\.pdf$/);
    pages = pdfPages(pdf.dataBase64);
    text = squash(pages.join('\n'));
    const dir = pngDir(tempDir('bangkom-report-png-'));
    for (let p = 1; p <= pages.length; p++) pdfPagePng(pdf.dataBase64, p, dir, `riwayat-${p}`, 100);
  });

  it('names the person: name with titles, NIP, pangkat/golongan, jabatan, unit', () => {
    const e = o.employees[0]!;
    expect(text).toContain('RIWAYAT PENGEMBANGAN KOMPETENSI');
    expect(text).toContain(`Nama : ${e.displayName}`);
    expect(text).toContain(`NIP : ${formatNip(e.nip)}`);
    expect(text).toContain(`Pangkat/golongan : ${formatGolongan(e.golongan!)}`);
    expect(text).toContain(`Jabatan : ${e.jabatan}`);
    expect(text).toContain(`Unit kerja : ${e.unit}`);
  });

  it('goes year by year, each training with its JP and certificate, the total against the target', () => {
    expect(text.indexOf('Tahun 2025')).toBeLessThan(text.indexOf('Tahun 2026'));
    expect(text).toMatch(inOrder('1 Pelatihan Dasar Pelayanan Prima', 'BPSDM Provinsi', '16–19 Juni 2025 24 BPSDM/2025/PP/441 Pelatihan luar', 'Diklat Teknis', 'Belum diverifikasi'));
    expect(text).toMatch(/Jumlah JP tahun 2025 24 Target 20 JP tercapai\./);
    expect(text).toMatch(inOrder(`1 ${EXTERNAL.elearning.title} ${EXTERNAL.elearning.organiser} 2–6 Maret 2026 12 ${EXTERNAL.elearning.certificateNumber} Pelatihan luar`, 'E-Learning', 'Terverifikasi'));
    expect(text).toMatch(inOrder('2 Bimtek Administrasi', 'Kantor Kecamatan', `25–26 Agustus 2026 9 ${certificate} Kegiatan kantor`, 'Bimbingan Teknis'));
    expect(text).toMatch(/Jumlah JP tahun 2026 21 Target 20 JP tercapai\./);
  });

  it('ends with the Camat\'s signature', () => {
    expect(squash(pages.at(-1)!)).toMatch(/Plaju, 1 Desember 2026 Camat Plaju Drs\. H\. Camat Plaju NIP 19700101 199003 1 002/i);
  });
});

describe('riwayat of one year', () => {
  it('shows the gap when the target is not reached', async () => {
    const text = squash(pdfPages((await history(1, 'pdf', 2026)).dataBase64).join('\n'));
    expect(text).toContain('RIWAYAT PENGEMBANGAN KOMPETENSI TAHUN 2026');
    expect(text).toMatch(inOrder('1 Seminar Nasional Pelayanan', 'Universitas Sriwijaya 20 Mei 2026 4 UNSRI/SEM/2026/077 Pelatihan luar', 'Belum diverifikasi'));
    expect(text).toMatch(/Jumlah JP tahun 2026 13 Target 20 JP belum tercapai \(kurang 7 JP\)\./);
    expect(text).not.toContain('Tahun 2025');
  });

  it('says so when there is nothing that year', async () => {
    const text = squash(pdfPages((await history(11, 'pdf', 2026)).dataBase64).join('\n'));
    expect(text).toContain('Tidak ada catatan pengembangan kompetensi pada tahun 2026.');
  });

  it('refuses an unknown employee', async () => {
    await o.t.fails('reports.history', { employeeId: '01900000-0000-7000-8000-000000000000', format: 'pdf' }, 'NOT_FOUND', o.token);
  });
});

describe('riwayat as XLSX', () => {
  it('lists the trainings with the year, JP as numbers and a total per year', async () => {
    const x = await history(0, 'xlsx');
    const sheet = (await readXlsx(Buffer.from(x.dataBase64, 'base64'))).getWorksheet('Riwayat')!;
    const values = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    // Title lines are merged across the table: the first cell holds the text.
    expect(values[2]![0]).toBe(`NIP: ${formatNip(o.employees[0]!.nip)}`);
    const header = values.findIndex((r) => r[0] === 'Tahun');
    const rows = values.slice(header + 1);
    expect(rows.map((r) => [r[0], r[2], r[7]])).toEqual([
      [2025, 'Pelatihan Dasar Pelayanan Prima', 24], [2025, 'Jumlah JP tahun 2025', 24],
      [2026, EXTERNAL.elearning.title, 12], [2026, 'Bimtek Administrasi Kependudukan', 9], [2026, 'Jumlah JP tahun 2026', 21],
    ]);
    expect(rows[3]![8]).toBe(certificate);
    expect(rows[3]!.slice(5, 7)).toEqual(['25-08-2026', '26-08-2026']);
  });
});
