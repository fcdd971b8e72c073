// Laporan realisasi program: plan against realisation per programme item, grouped by funding
// source; the spending a clerk enters on the plan (programme item `spent`) gives the cost per JP
// and per participant. As PDF (pdftotext, and its pages as PNG) and as XLSX (read back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../helpers/backend.ts';
import { readXlsx } from '../helpers/roster.ts';
import { pngDir, reportsOffice, type ReportsOffice } from '../helpers/reports.ts';
import { pdfPagePng, pdfPages, squash, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: ReportsOffice;
beforeAll(async () => { o = await reportsOffice(); }, 60_000);
afterAll(() => {
  o.close();
  removeTempDirs();
});

const file = (format: 'pdf' | 'xlsx', year = 2026) => o.t.ok('reports.file', { kind: 'realisasi', year, format }, o.token);

describe('programme item spending', () => {
  it('is saved with the plan, shown in the list, changed by an update and journalled', async () => {
    const items = await o.t.ok('programme.list', { year: 2026 }, o.token);
    expect(items.find((i) => i.id === o.items.A)).toMatchObject({ budget: 6_000_000, spent: 4_500_000 });
    expect(items.find((i) => i.id === o.items.B)).toMatchObject({ spent: 0 });
    const { id: _id, createdAt: _c, updatedAt: _u, updatedBy: _b, origin: _o, methodName: _m, status: _s, ...fields } = items.find((i) => i.id === o.items.C)!;
    const updated = await o.t.ok('programme.update', { id: o.items.C, ...fields, spent: 1_250_000 }, o.token);
    expect(updated.spent).toBe(1_250_000);
    const journal = o.db.prepare("SELECT count(*) FROM change_journal WHERE entity = 'programme_item' AND entity_id = ?").pluck().get(o.items.C) as number;
    expect(journal).toBeGreaterThanOrEqual(2);
    await o.t.ok('programme.update', { id: o.items.C, ...fields, spent: 1_000_000 }, o.token);
  });

  it('refuses a negative or fractional amount, naming the field', async () => {
    const [a] = (await o.t.ok('programme.list', { year: 2026 }, o.token)).filter((i) => i.id === o.items.A);
    const { id: _id, createdAt: _c, updatedAt: _u, updatedBy: _b, origin: _o, methodName: _m, status: _s, ...fields } = a!;
    for (const spent of [-1, 12.5, '1jt']) {
      const error = await o.t.fails('programme.update', { id: o.items.A, ...fields, spent }, 'VALIDATION', o.token);
      expect(error.details?.issues?.[0]?.path).toEqual(['spent']);
    }
    expect((await o.t.ok('programme.list', { year: 2026 }, o.token)).find((i) => i.id === o.items.A)!.spent).toBe(4_500_000);
  });
});

describe('realisasi as PDF', () => {
  let pages: string[];
  let text: string;
  beforeAll(async () => {
    const pdf = await file('pdf');
    expect(pdf).toMatchObject({ fileName: 'laporan-realisasi-program-2026.pdf', mimeType: 'application/pdf' });
    pages = pdfPages(pdf.dataBase64);
    text = squash(pages.join('\n'));
    const dir = pngDir(tempDir('bangkom-report-png-'));
    for (let p = 1; p <= pages.length; p++) pdfPagePng(pdf.dataBase64, p, dir, `realisasi-${p}`, 100);
  });

  it('has the kop, the title in capitals, the office, the period and page numbers', () => {
    expect(text).toContain('PEMERINTAH KOTA PALEMBANG');
    expect(text).toContain('KANTOR KECAMATAN PLAJU');
    expect(text).toContain('LAPORAN REALISASI PROGRAM PENGEMBANGAN KOMPETENSI ASN TAHUN 2026');
    expect(text).toContain('Periode: 1 Januari s.d. 31 Desember 2026');
    expect(text).toContain(`Halaman 1 dari ${pages.length}`);
  });

  it('gives each item plan and realisation with cost per JP and per participant', () => {
    // A: 5 of 6 completed (83,3%; the walk-in guest counts, the office trained him), 45 JP
    // delivered, 4.500.000 of 6.000.000 spent (75%): 4.500.000 ÷ 45 = 100.000 per JP, ÷ 5 = 900.000
    // per participant.
    expect(text).toMatch(/1 Bimtek Administrasi Kependudukan Agu 6 9 6\.000\.000 1 5 45 4\.500\.000 83,3 75 100\.000 900\.000 Terlaksana/);
    // B: nothing yet; C: the workshop is still to come.
    expect(text).toMatch(/Sosialisasi Peraturan Daerah .*?10 4 2\.000\.000 0 0 0 0 0 0 – – Direncanakan/);
    expect(text).toMatch(/Workshop Pelayanan Publik .*?8 5 3\.500\.000 0 0 0 1\.000\.000 0 28,6 – – Terjadwal/);
  });

  it('adds subtotals per funding source and a grand total', () => {
    expect(text).toContain('Sumber dana: APBD');
    expect(text).toContain('Sumber dana: Sponsor / mitra');
    expect(text).toMatch(/Jumlah APBD 16 8\.000\.000 1 5 45 4\.500\.000 31,3 56,3 100\.000 900\.000/);
    expect(text).toMatch(/JUMLAH SELURUHNYA 24 11\.500\.000 1 5 45 5\.500\.000 20,8 47,8 122\.222 1\.100\.000/);
  });

  it('lists events without a plan as di luar rencana, and the cancelled plan apart', () => {
    expect(text).toContain('Kegiatan di luar rencana');
    expect(text).toMatch(/1 Coaching Kepemimpinan Coaching 20–27 November 2026 Selesai 2 8/);
    expect(text).toMatch(/Rencana yang dibatalkan \(tidak dihitung\): Diklat Kearsipan \(Rp 1\.500\.000\)/);
    expect(text).not.toMatch(/\d Diklat Kearsipan/);
  });

  it('ends with the signature: place and date, the Camat, name and NIP', () => {
    const last = squash(pages.at(-1)!);
    expect(last).toMatch(/Plaju, 1 Desember 2026 Camat Plaju Drs\. H\. Camat Plaju NIP 19700101 199003 1 002/i);
  });
});

describe('realisasi as XLSX', () => {
  it('has a title, numbers as numbers, subtotals and the unplanned events', async () => {
    const x = await file('xlsx');
    expect(x.fileName).toBe('laporan-realisasi-program-2026.xlsx');
    const book = await readXlsx(Buffer.from(x.dataBase64, 'base64'));
    const sheet = book.getWorksheet('Realisasi')!;
    expect(sheet.getCell('A1').value).toBe('LAPORAN REALISASI PROGRAM PENGEMBANGAN KOMPETENSI ASN TAHUN 2026');
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const header = rows.findIndex((r) => r[0] === 'No');
    expect(rows[header]).toEqual(['No', 'Rencana kegiatan', 'Jenis pengembangan', 'Jenis kompetensi', 'Sumber dana', 'Bulan', 'Peserta sasaran', 'JP/orang', 'Anggaran (Rp)',
      'Kegiatan terlaksana', 'Peserta lulus', 'JP diberikan', 'Belanja (Rp)', '% peserta', '% anggaran', 'Biaya per JP (Rp)', 'Biaya per peserta (Rp)', 'Status']);
    const a = rows.find((r) => r[1] === 'Bimtek Administrasi Kependudukan')!;
    expect(a).toEqual([1, 'Bimtek Administrasi Kependudukan', 'Bimbingan Teknis', 'Teknis', 'APBD', 8, 6, 9, 6_000_000, 1, 5, 45, 4_500_000, 83.3, 75, 100_000, 900_000, 'Terlaksana']);
    const total = rows.find((r) => r[1] === 'JUMLAH SELURUHNYA')!;
    expect(total.slice(6, 17)).toEqual([24, undefined, 11_500_000, 1, 5, 45, 5_500_000, 20.8, 47.8, 122_222, 1_100_000]);
    expect(rows.find((r) => r[1] === 'Coaching Kepemimpinan')).toMatchObject({ 4: 'di luar rencana', 10: 2, 11: 8 });
    expect(rows.some((r) => r[1] === 'Diklat Kearsipan')).toBe(false);
  });

  it('an empty year still gives a report that says so', async () => {
    const pdf = await file('pdf', 2025);
    expect(squash(pdfPages(pdf.dataBase64).join('\n'))).toContain('Belum ada rencana kegiatan untuk tahun 2025.');
  });
});

describe('a long programme', () => {
  let long: TrainingOffice;
  beforeAll(async () => {
    long = await trainingOffice({ people: 0 });
    const funding = ['apbd', 'apbd', 'apbd', 'apbn', 'sponsor'] as const;
    for (let i = 1; i <= 44; i++) {
      await long.t.ok('programme.create', {
        year: 2026, title: `Bimbingan Teknis Pelayanan Terpadu Kecamatan Angkatan ${i}`, competencyType: 'teknis', methodId: 8, organiser: 'kantor',
        plannedMonth: 1 + (i % 12), targetCount: 20, plannedJp: 16, budget: 12_500_000, spent: 9_750_000, funding: funding[i % 5],
      }, long.token);
    }
  }, 60_000);
  afterAll(() => long.close());

  it('repeats the header on every page and keeps the last rows, the grand total and the signature together', async () => {
    const pdf = await long.t.ok('reports.file', { kind: 'realisasi', year: 2026, format: 'pdf' }, long.token);
    const pages = pdfPages(pdf.dataBase64).map(squash);
    const dir = pngDir(tempDir('bangkom-report-png-'));
    for (let p = 1; p <= pages.length; p++) pdfPagePng(pdf.dataBase64, p, dir, `realisasi-long-${p}`, 100);
    expect(pages.length).toBeGreaterThan(2);
    for (const [i, page] of pages.entries()) {
      expect(page, `page ${i + 1}`).toMatch(/No Rencana kegiatan Bulan Rencana Realisasi Capaian Status/);
      expect(page).toContain(`Halaman ${i + 1} dari ${pages.length}`);
    }
    const last = pages.at(-1)!;
    expect(last).toMatch(/JUMLAH SELURUHNYA 880 550\.000\.000 0 0 0 429\.000\.000 0 78 – –/);
    expect(last.match(/Bimbingan Teknis Pelayanan Terpadu Kecamatan/g)!.length).toBeGreaterThanOrEqual(3);
    // No page begins with a subtotal, or ends with a funding band.
    for (const page of pages) {
      expect(page).not.toMatch(/1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 Jumlah/);
      expect(page).not.toMatch(/Sumber dana: [^0-9]+ Halaman/);
    }
    expect(last).toMatch(/Camat Plaju Drs\. H\. Camat Plaju NIP 19700101 199003 1 002/i);
  });
});
