// Laporan pencapaian 20 JP: per unit, then per person with the JP of the office's events and of
// external records against the target — the ledger's own count — for the office or one unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNip } from '../../shared/domain/nip.ts';
import { removeTempDirs, tempDir } from '../helpers/backend.ts';
import { readXlsx } from '../helpers/roster.ts';
import { pngDir, reportsOffice, type ReportsOffice } from '../helpers/reports.ts';
import { pdfPagePng, pdfPages, squash } from '../helpers/trainings.ts';

let o: ReportsOffice;
beforeAll(async () => { o = await reportsOffice(); }, 60_000);
afterAll(() => {
  o.close();
  removeTempDirs();
});

const person = (i: number) => o.employees[i]!;
const rowOf = (text: string, i: number) => new RegExp(`${formatNip(person(i).nip)} ${person(i).displayName.replace(/[.]/g, '\\.')} .*?${'(?=)'}`).exec(text);

describe('pencapaian 20 JP as PDF', () => {
  let pages: string[];
  let text: string;
  beforeAll(async () => {
    const pdf = await o.t.ok('reports.file', { kind: 'jp', year: 2026, format: 'pdf' }, o.token);
    expect(pdf.fileName).toBe('laporan-pencapaian-jp-2026.pdf');
    pages = pdfPages(pdf.dataBase64);
    text = squash(pages.join('\n'));
    const dir = pngDir(tempDir('bangkom-report-png-'));
    for (let p = 1; p <= pages.length; p++) pdfPagePng(pdf.dataBase64, p, dir, `jp-${p}`, 100);
  });

  it('has the kop, the title and the targets', () => {
    expect(text).toContain('KANTOR KECAMATAN PLAJU');
    expect(text).toContain('LAPORAN PENCAPAIAN 20 JP PENGEMBANGAN KOMPETENSI ASN TAHUN 2026');
    expect(text).toContain('Target: 20 JP per tahun untuk PNS, 20 JP untuk PPPK.');
  });

  it('sums each unit and the office: who reached 20 JP, who is behind', async () => {
    const ledger = await o.t.ok('ledger.year', { year: 2026 }, o.token);
    // Employee 0 (9 + 12 = 21 JP) and 8 (32 JP external) reached it; the other ten did not.
    expect(ledger.office).toMatchObject({ employees: 12, reached: 2, behind: 10 });
    expect(text).toMatch(/JUMLAH 12 2 10 7,67 16,7/);
    for (const u of ledger.units) {
      const pct = u.employees ? String(Math.round((u.reached / u.employees) * 1000) / 10).replace('.', ',') : '–';
      expect(text).toContain(`${u.unit} ${u.employees} ${u.reached} ${u.behind} ${String(u.averageJp).replace('.', ',')} ${pct}`);
    }
  });

  it('lists each person with JP from events and external records, the gap and the keterangan', () => {
    expect(text).toMatch(new RegExp(`${formatNip(person(0).nip)} ${person(0).displayName} [IV/a-e]+ \\S.*? 9 12 21 20 – Tercapai`));
    // The seminar is not verified yet: marked, and explained under the table.
    expect(text).toMatch(new RegExp(`${formatNip(person(1).nip)} ${person(1).displayName} .*? 9 4\\* 13 20 7 Kurang 7 JP`));
    expect(text).toContain('* termasuk JP pelatihan luar yang belum diverifikasi admin.');
    expect(text).toMatch(new RegExp(`${formatNip(person(6).nip)} ${person(6).displayName} .*? 4 0 4 20 16 Kurang 16 JP`));
    expect(text).toMatch(new RegExp(`${formatNip(person(8).nip)} ${person(8).displayName} .*? 0 32 32 20 – Tercapai`));
    expect(text).toMatch(/JUMLAH 44 48 92 161/);
    expect(rowOf(text, 11)).not.toBeNull();
  });

  it('ends with the signature', () => {
    expect(squash(pages.at(-1)!)).toMatch(/Plaju, 1 Desember 2026 Camat Plaju Drs\. H\. Camat Plaju NIP 19700101 199003 1 002/i);
  });
});

describe('pencapaian 20 JP of one unit', () => {
  it('keeps to the unit, by id', async () => {
    const unit = person(0).unit!;
    const pdf = await o.t.ok('reports.file', { kind: 'jp', year: 2026, format: 'pdf', unitId: o.units[unit]! }, o.token);
    const text = squash(pdfPages(pdf.dataBase64).join('\n'));
    expect(text).toContain(`Unit kerja: ${unit}`);
    const members = o.employees.filter((e) => e.unit === unit);
    for (const e of members) expect(text).toContain(formatNip(e.nip));
    for (const e of o.employees.filter((x) => x.unit !== unit)) expect(text).not.toContain(formatNip(e.nip));
  });

  it('refuses a unit that does not exist', async () => {
    await o.t.fails('reports.file', { kind: 'jp', year: 2026, format: 'pdf', unitId: '01900000-0000-7000-8000-000000000000' }, 'VALIDATION', o.token);
  });
});

describe('pencapaian 20 JP as XLSX', () => {
  it('has a unit sheet and a person sheet: NIP as text with every digit, JP as numbers', async () => {
    const x = await o.t.ok('reports.file', { kind: 'jp', year: 2026, format: 'xlsx' }, o.token);
    const book = await readXlsx(Buffer.from(x.dataBase64, 'base64'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Per unit', 'Per pegawai']);
    const sheet = book.getWorksheet('Per pegawai')!;
    const values = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const header = values.findIndex((r) => r[0] === 'No');
    expect(values[header]).toEqual(['No', 'NIP', 'Nama', 'Gol.', 'Unit kerja', 'JP kegiatan kantor', 'JP pelatihan luar', 'JP pelatihan luar belum diverifikasi', 'Jumlah JP', 'Target', 'Kurang', 'Keterangan']);
    const rows = values.slice(header + 1);
    expect(rows).toHaveLength(12);
    const one = rows.find((r) => r[1] === person(1).nip)!;
    expect(typeof one[1]).toBe('string');
    expect(one[1]).toMatch(/^\d{18}$/);
    expect(one.slice(5)).toEqual([9, 4, 4, 13, 20, 7, 'Kurang 7 JP']);
    const nipCell = sheet.getRow(header + 2).getCell(2);
    expect(nipCell.numFmt).toBe('@');
    const units = (book.getWorksheet('Per unit')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(units.at(-1)).toEqual([undefined, 'JUMLAH', 12, 2, 10, 7.67, 16.7]);
  });
});
