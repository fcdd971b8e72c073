// `bangkom report …`: the format comes from the --out file's extension, the file is written
// whole (atomically), `--json` prints {file, bytes, kind, year}; bad extensions, a missing year,
// an unknown unit or NIP, and SIASN as PDF are refused with one line on stderr.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNip } from '../../shared/domain/nip.ts';
import { removeTempDirs, tempDir } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { readXlsx } from '../helpers/roster.ts';
import { reportsOffice } from '../helpers/reports.ts';
import { pdfPages, squash } from '../helpers/trainings.ts';
import type { Employee } from '../../shared/contract/employees.ts';

let dataDir: string;
let out: string;
let employees: Employee[];
let unitName: string;

beforeAll(async () => {
  const o = await reportsOffice();
  dataDir = o.t.dataDir;
  employees = o.employees;
  unitName = o.employees[0]!.unit!;
  o.close();
  out = tempDir('bangkom-report-cli-');
}, 60_000);
afterAll(() => removeTempDirs());

const bangkom = (...args: string[]) => captureCli(['--data', dataDir, ...args]);
const pdfTextOf = (file: string) => squash(pdfPages(fs.readFileSync(file).toString('base64')).join('\n'));
const oneLine = (stderr: string) => expect(stderr.trimEnd().split('\n')).toHaveLength(1);

describe('bangkom report', () => {
  it('writes the realisasi as PDF and says where', async () => {
    const file = path.join(out, 'realisasi.pdf');
    const run = await bangkom('report', 'realisasi', '--year', '2026', '--out', file);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Laporan realisasi program 2026 ditulis ke .*realisasi\.pdf \(\d+ KB\)\.\n$/);
    expect(pdfTextOf(file)).toContain('LAPORAN REALISASI PROGRAM PENGEMBANGAN KOMPETENSI ASN TAHUN 2026');
  });

  it('--json gives the file, its size, the kind and the year; XLSX from the extension', async () => {
    const file = path.join(out, 'capaian.XLSX');
    const run = await bangkom('report', 'jp', '--year', '2026', '--out', file, '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toEqual({ file, bytes: fs.statSync(file).size, kind: 'jp', year: 2026 });
    const book = await readXlsx(fs.readFileSync(file));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Per unit', 'Per pegawai']);
  });

  it('narrows the 20 JP report to a unit given by name', async () => {
    const file = path.join(out, 'unit.pdf');
    const run = await bangkom('report', 'jp', '--year', '2026', '--unit', unitName.toUpperCase(), '--out', file);
    expect(run.code).toBe(0);
    const text = pdfTextOf(file);
    expect(text).toContain(`Unit kerja: ${unitName}`);
    for (const e of employees) expect(text.includes(formatNip(e.nip))).toBe(e.unit === unitName);
  });

  it('writes the evaluation of one event, and the SIASN sheet', async () => {
    const siasn = path.join(out, 'siasn.xlsx');
    expect((await bangkom('report', 'siasn', '--year', '2026', '--out', siasn)).code).toBe(0);
    const sheet = (await readXlsx(fs.readFileSync(siasn))).worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('NIP');
    expect(sheet.getRow(2).getCell(1).value).toMatch(/^\d{18}$/);
    const evaluasi = path.join(out, 'evaluasi.pdf');
    expect((await bangkom('report', 'evaluasi', '--year', '2026', '--out', evaluasi)).code).toBe(0);
    expect(pdfTextOf(evaluasi)).toContain('1. Reaksi peserta');
  });

  it('writes a riwayat by NIP, written with spaces, with or without a year', async () => {
    const file = path.join(out, 'riwayat.pdf');
    const run = await bangkom('report', 'riwayat', '--nip', formatNip(employees[0]!.nip), '--out', file, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'riwayat', year: null });
    expect(pdfTextOf(file)).toContain(`NIP : ${formatNip(employees[0]!.nip)}`);
    const yearFile = path.join(out, 'riwayat-2026.xlsx');
    expect((await bangkom('report', 'riwayat', '--nip', employees[0]!.nip, '--year', '2026', '--out', yearFile)).code).toBe(0);
    expect(fs.existsSync(yearFile)).toBe(true);
  });
});

describe('bangkom report refuses', () => {
  it('an extension other than .pdf or .xlsx, writing nothing', async () => {
    const file = path.join(out, 'laporan.docx');
    const run = await bangkom('report', 'realisasi', '--year', '2026', '--out', file);
    expect(run.code).toBe(1);
    oneLine(run.stderr);
    expect(run.stderr).toContain('--out harus berakhiran .pdf atau .xlsx');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('SIASN as PDF, with the backend\'s message', async () => {
    const file = path.join(out, 'siasn.pdf');
    const run = await bangkom('report', 'siasn', '--year', '2026', '--out', file);
    expect(run.code).toBe(1);
    oneLine(run.stderr);
    expect(run.stderr).toContain('Laporan SIASN hanya tersedia sebagai XLSX');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a missing or malformed year, an unknown kind, unit or NIP', async () => {
    const file = path.join(out, 'x.pdf');
    for (const [args, message] of [
      [['report', 'jp', '--out', file], 'Berikan --year'],
      [['report', 'jp', '--year', '26', '--out', file], 'Tahun "26" tidak sah'],
      [['report', 'anggaran', '--year', '2026', '--out', file], 'Jenis laporan "anggaran" tidak dikenal'],
      [['report', 'jp', '--year', '2026', '--unit', 'Kelurahan Bukan', '--out', file], 'Unit kerja "Kelurahan Bukan" tidak ditemukan'],
      [['report', 'riwayat', '--nip', '199999999999999999', '--out', file], 'NIP "199999999999999999" tidak sah'],
      [['report', 'riwayat', '--nip', '196001011985011001', '--out', file], 'tidak ditemukan'],
      [['report', 'riwayat', '--out', file], 'Berikan --nip'],
    ] as const) {
      const run = await bangkom(...args);
      expect(run.code, args.join(' ')).toBe(1);
      oneLine(run.stderr);
      expect(run.stderr).toContain(message);
    }
    expect(fs.existsSync(file)).toBe(false);
  });
});
