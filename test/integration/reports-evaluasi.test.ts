// Laporan evaluasi per kegiatan: the four levels of an event (reaction per aspect and speaker,
// learning from pre/post tests, behaviour from the supervisors' follow-ups, completion), for one
// event or every finished event of the year; as PDF and XLSX.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLLOWUP_ITEMS } from '../../shared/domain/evaluation.ts';
import { removeTempDirs, tempDir } from '../helpers/backend.ts';
import { readXlsx } from '../helpers/roster.ts';
import { SPEAKERS, pdfPagePng, pdfPages, squash } from '../helpers/trainings.ts';
import { pngDir, reportsOffice, type ReportsOffice } from '../helpers/reports.ts';

let o: ReportsOffice;
beforeAll(async () => { o = await reportsOffice(); }, 60_000);
afterAll(() => {
  o.close();
  removeTempDirs();
});

describe('evaluasi of one event as PDF', () => {
  let pages: string[];
  let text: string;
  beforeAll(async () => {
    const pdf = await o.t.ok('reports.file', { kind: 'evaluasi', year: 2026, format: 'pdf', eventId: o.events.A }, o.token);
    expect(pdf.fileName).toBe('laporan-evaluasi-2026-bimtek-administrasi-kependudukan.pdf');
    pages = pdfPages(pdf.dataBase64);
    text = squash(pages.join('\n'));
    const dir = pngDir(tempDir('bangkom-report-png-'));
    for (let p = 1; p <= pages.length; p++) pdfPagePng(pdf.dataBase64, p, dir, `evaluasi-${p}`, 100);
  });

  it('names the event: method, dates, place, participants', () => {
    expect(text).toContain('LAPORAN EVALUASI PENGEMBANGAN KOMPETENSI ASN TAHUN 2026');
    expect(text).toMatch(/Bimtek Administrasi Kependudukan Jenis pengembangan : Bimbingan Teknis Tanggal : 25–26 Agustus 2026 Tempat : Aula Kantor Camat Plaju Peserta : 7/);
  });

  it('level 1: the reaction per aspect and per speaker as an index of 0 to 100', async () => {
    const summary = await o.t.ok('reaction.summary', { eventId: o.events.A }, o.token);
    expect(text).toContain('3 dari 7 peserta mengisi kuesioner (skala 1–4).');
    expect(text).toContain('1 Materi 12 3,33 77,78');
    expect(text).toContain('2 Narasumber 12 3,67 88,89');
    expect(text).toContain('3 Fasilitas 9 3 66,67');
    expect(text).toContain('4 Penyelenggaraan 9 3,33 77,78');
    const overall = summary.overall;
    expect(text).toContain(`Keseluruhan ${overall.n} ${String(overall.mean).replace('.', ',')} ${String(overall.index).replace('.', ',')}`);
    expect(text).toContain(`1 ${SPEAKERS[0]!.name} 12 3,67 88,89`);
  });

  it('level 2: pre-test, post-test, gain and who is below the minimum', () => {
    // Headers wrap in their cells: the figures follow them.
    expect(text).toMatch(/Peserta bernilai Rata-rata pre-test .*? Di bawah nilai minimal .*?6 53,33 73,33 20 1 /);
    expect(text).toContain('Nilai post-test minimal: 60.');
  });

  it('level 3: follow-ups done and due, the mean per item and the findings', () => {
    expect(text).toMatch(/Sudah diisi Jatuh tempo, belum .*?Belum jatuh tempo .*?2 3 0 /);
    for (const [i, item] of FOLLOWUP_ITEMS.entries()) expect(text).toContain(`${i + 1} ${item.text} 2 3,5`);
    expect(text).toContain(`${o.employees[0]!.displayName}: Pelayanan KTP-el lebih cepat; perlu pelatihan lanjutan SIAK.`);
  });

  it('level 4: who passed, with the signature after it', () => {
    const last = squash(pages.at(-1)!);
    expect(last).toMatch(/4\. Penyelesaian Syarat lulus: kehadiran minimal 80%, nilai post-test minimal 60\. Lulus Tidak memenuhi syarat 5 2/);
    expect(last).toMatch(/Plaju, 1 Desember 2026 Camat Plaju Drs\. H\. Camat Plaju NIP 19700101 199003 1 002/i);
  });
});

describe('evaluasi of the year', () => {
  it('covers every finished event, each on its own page, and leaves out those to come', async () => {
    const pdf = await o.t.ok('reports.file', { kind: 'evaluasi', year: 2026, format: 'pdf' }, o.token);
    expect(pdf.fileName).toBe('laporan-evaluasi-2026.pdf');
    const pages = pdfPages(pdf.dataBase64).map(squash);
    const dir = pngDir(tempDir('bangkom-report-png-'));
    for (let p = 1; p <= pages.length; p++) pdfPagePng(pdf.dataBase64, p, dir, `evaluasi-tahun-${p}`, 100);
    const starts = (name: string) => pages.findIndex((p) => p.includes(`${name} Jenis pengembangan`));
    expect(starts('Bimtek Administrasi Kependudukan')).toBe(0);
    expect(starts('Coaching Kepemimpinan')).toBeGreaterThan(0);
    expect(pages.join(' ')).not.toContain('Workshop Pelayanan Publik');
    expect(pages[starts('Coaching Kepemimpinan')]).toContain('Belum ada kuesioner reaksi yang diisi.');
  });

  it('as XLSX: one row per event, the levels side by side, as numbers', async () => {
    const x = await o.t.ok('reports.file', { kind: 'evaluasi', year: 2026, format: 'xlsx' }, o.token);
    const book = await readXlsx(Buffer.from(x.dataBase64, 'base64'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Evaluasi', 'Narasumber', 'Temuan']);
    const values = (book.getWorksheet('Evaluasi')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const header = values.findIndex((r) => r[0] === 'No');
    const a = values[header + 1]!;
    expect(a.slice(0, 7)).toEqual([1, 'Bimtek Administrasi Kependudukan', 'Bimbingan Teknis', '2026-08-25', '2026-08-26', 7, 3]);
    expect(a.slice(7, 11)).toEqual([77.78, 88.89, 66.67, 77.78]);
    expect(a.slice(12)).toEqual([6, 53.33, 73.33, 20, 1, 2, 3, 3.5, 5, 2]);
    expect(values[header + 2]![1]).toBe('Coaching Kepemimpinan');
    const findings = (book.getWorksheet('Temuan')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(findings[1]).toEqual(['Bimtek Administrasi Kependudukan', o.employees[0]!.displayName, 'Pelayanan KTP-el lebih cepat; perlu pelatihan lanjutan SIAK.']);
  });
});

describe('evaluasi refuses', () => {
  it('an event of another year, and an unknown event', async () => {
    const error = await o.t.fails('reports.file', { kind: 'evaluasi', year: 2025, format: 'pdf', eventId: o.events.A }, 'VALIDATION', o.token);
    expect(error.details?.issues?.[0]).toMatchObject({ path: ['eventId'], message: 'reports.event_other_year' });
    await o.t.fails('reports.file', { kind: 'evaluasi', year: 2026, format: 'pdf', eventId: '01900000-0000-7000-8000-000000000000' }, 'NOT_FOUND', o.token);
  });
});
