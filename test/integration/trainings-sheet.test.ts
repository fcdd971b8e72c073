// The daftar hadir (sign-in sheet) of a session as a real PDF, read back with pdftotext and
// rendered with pdftoppm: the header fields on every page, every participant numbered with name,
// formatted NIP and jabatan/unit, footer counts and the Camat's signature.
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNip } from '../../shared/domain/nip.ts';
import { SIGNER_NIP, removeTempDirs, tempDir } from '../helpers/backend.ts';
import { addSession, createEvent, pdfPagePng, pdfPages, squash, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: TrainingOffice;
let sessionId: string;
let pdf: { fileName: string; mimeType: string; dataBase64: string };
let pages: string[];

// Set BANGKOM_KEEP_PNG=/some/dir to keep the rendered pages for a person to look at.
const pngDir = () => {
  const keep = process.env.BANGKOM_KEEP_PNG;
  if (keep) fs.mkdirSync(keep, { recursive: true });
  return keep ?? tempDir('bangkom-png-');
};

beforeAll(async () => {
  o = await trainingOffice({ people: 30 });
  const event = await createEvent(o);
  const session = await addSession(o, event.id, '2026-11-25', '08:00', '12:00', { topic: 'Aplikasi SIAK' });
  sessionId = session.id;
  await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: o.employees.map((e) => e.id) }, o.token);
  pdf = await o.t.ok('attendance.sheetPdf', { sessionId }, o.token);
  pages = pdfPages(pdf.dataBase64);
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

const HEADER_LINES = [
  /DAFTAR HADIR/,
  /Bimbingan Teknis Administrasi Kependudukan/,
  /Hari\/Tanggal\s+:\s+Rabu, 25 November 2026/,
  /Mata Ajar\/Topik\s+:\s+Aplikasi SIAK/,
  /Waktu\s+:\s+08\.00–12\.00 WIB/,
  /Narasumber\s+:\s+Dr\. Rudi Hartono, M\.Si\. \(BKPSDM Kota Palembang\)/,
  /Tempat\s+:\s+Aula Kantor Camat Plaju/,
  /KANTOR KECAMATAN PLAJU/,
  /No\s+Nama\s+NIP\s+Jabatan\/Unit\s+Tanda Tangan/,
];

describe('attendance.sheetPdf for 30 participants', () => {
  it('is an A4 PDF named after the event and the session', () => {
    expect(pdf.mimeType).toBe('application/pdf');
    expect(pdf.fileName).toBe('daftar-hadir-bimbingan-teknis-administrasi-kependudukan-2026-11-25-0800.pdf');
    expect(Buffer.from(pdf.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it('repeats the header with every field on every page', () => {
    pages.forEach((page, i) => {
      for (const line of HEADER_LINES) expect(page, `page ${i + 1}: ${line}`).toMatch(line);
      expect(page).toContain(`Halaman ${i + 1} dari ${pages.length}`);
    });
  });

  it('lists every participant once, numbered 1–30, with name, formatted NIP and jabatan/unit', async () => {
    const text = pages.join('\n');
    const [event] = await o.t.ok('events.list', {}, o.token);
    const list = await o.t.ok('enrolment.list', { eventId: event!.id }, o.token);
    expect(list).toHaveLength(30);
    const signatureAt: number[] = [];
    list.forEach((p, i) => {
      const nip = formatNip(p.nip!);
      expect(nip).toMatch(/^\d{8} \d{6} \d \d{3}$/);
      const lines = text.split('\n').filter((l) => l.includes(nip));
      expect(lines, p.name).toHaveLength(1);
      // One row: number, full name (titles included), NIP, jabatan / unit (its first line), signature number.
      const row = lines[0]!;
      expect(row.trim().startsWith(`${i + 1} ${p.name} `), row).toBe(true);
      expect(row).toContain(`${nip}  `);
      expect(row).toContain(`Staf Pelaksana / ${p.unit!.split(' ')[0]}`);
      expect(row.trimEnd().endsWith(` ${i + 1}.`), row).toBe(true);
      signatureAt.push(row.trimEnd().length);
    });
    // Signature boxes alternate: odd numbers sign on the left half, even on the right.
    const odd = signatureAt.filter((_, i) => i % 2 === 0);
    const even = signatureAt.filter((_, i) => i % 2 === 1);
    expect(Math.min(...even)).toBeGreaterThan(Math.max(...odd) + 5);
    expect(squash(text)).toContain('Drs. Ahmad Fauzi 0, M.Si.');
  });

  it('ends with the counts and the organiser\'s signature: the Camat\'s name and NIP', () => {
    const last = pages.at(-1)!;
    expect(last).toMatch(/Hadir\s+: \.+ orang/);
    expect(last).toMatch(/Tidak hadir\s+: \.+ orang/);
    expect(last).toMatch(/Jumlah peserta\s+: 30 orang/);
    expect(last).toContain('Plaju, 25 November 2026');
    expect(last).toContain('Camat Plaju');
    expect(last).toContain('Drs. H. Camat Plaju');
    expect(last).toContain(`NIP ${SIGNER_NIP}`);
    // Only once, at the end.
    expect(pages.slice(0, -1).some((p) => p.includes('Jumlah peserta'))).toBe(false);
  });
});

describe('a longer sheet', () => {
  it('keeps the header on every page of a 3+ page sheet, with walk-ins and a WITA office', async () => {
    const big = await trainingOffice({ people: 70, timezone: 'Asia/Makassar' });
    try {
      const event = await createEvent(big, { name: 'Sosialisasi Perda Ketertiban Umum', methodId: 7, competencyType: 'pemerintahan', place: 'Balai Kelurahan Komperta', speakers: [] });
      const session = await addSession(big, event.id, '2026-12-01', '13:30', '15:00', { topic: 'Perda 12/2025', speaker: 'Kasatpol PP' });
      await big.t.ok('enrolment.add', { eventId: event.id, employeeIds: big.employees.map((e) => e.id) }, big.token);
      await big.t.ok('enrolment.addWalkIn', { eventId: event.id, name: 'Hendra Wijaya', institution: 'Kecamatan Kertapati' }, big.token);
      const file = await big.t.ok('attendance.sheetPdf', { sessionId: session.id }, big.token);
      const all = pdfPages(file.dataBase64);
      expect(all.length).toBeGreaterThanOrEqual(3);
      for (const [i, page] of all.entries()) {
        expect(page, `page ${i + 1}`).toMatch(/DAFTAR HADIR/);
        expect(page).toMatch(/Hari\/Tanggal\s+:\s+Selasa, 1 Desember 2026/);
        expect(page).toMatch(/Mata Ajar\/Topik\s+:\s+Perda 12\/2025/);
        expect(page).toMatch(/Waktu\s+:\s+13\.30–15\.00 WITA/);
        expect(page).toMatch(/Narasumber\s+:\s+Kasatpol PP/);
        expect(page).toMatch(/Tempat\s+:\s+Balai Kelurahan Komperta/);
        expect(page).toMatch(/No\s+Nama\s+NIP\s+Jabatan\/Unit\s+Tanda Tangan/);
      }
      const text = all.join('\n');
      for (const e of big.employees) expect(text).toContain(formatNip(e.nip));
      expect(text).toMatch(/\n\s*\d+ Hendra Wijaya\s+-\s+Kecamatan Kertapati\s+\d+\./);
      expect(all.at(-1)).toMatch(/Jumlah peserta\s+: 71 orang/);
      expect(all.at(-1)).toContain('Plaju, 1 Desember 2026');

      // The third page as a person sees it: header band at the top, table below, not blank.
      const png = PNG.sync.read(fs.readFileSync(pdfPagePng(file.dataBase64, 3, pngDir(), 'daftar-hadir-p3')));
      expect([png.width, png.height]).toEqual([662, 936]); // A4 (210 × 297 mm) at 80 dpi, rounded up
      const darkShare = (y0: number, y1: number) => {
        let dark = 0;
        for (let y = y0; y < y1; y++) for (let x = 0; x < png.width; x++) if (png.data[(y * png.width + x) * 4]! < 128) dark++;
        return dark / ((y1 - y0) * png.width);
      };
      expect(darkShare(20, 200)).toBeGreaterThan(0.01); // letterhead, title and header fields
      expect(darkShare(220, 900)).toBeGreaterThan(0.01); // rows and their grid
    } finally {
      big.close();
    }
  });

  it('renders the first page of the 30-participant sheet for a person to look at', () => {
    const file = pdfPagePng(pdf.dataBase64, 1, pngDir(), 'daftar-hadir-p1');
    expect(path.extname(file)).toBe('.png');
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });
});
