// Builders for roster tests: valid NIPs, spreadsheet files written to disk the way clerks' PCs
// write them (CSV in several encodings and delimiters, XLSX through exceljs), and the import
// input the doors send.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { count, openTestBackend, peek, setUpOffice, tempDir } from './backend.ts';

/** A PNS NIP: birth date (YYYY-MM-DD), TMT (YYYY-MM), gender digit, sequence. */
export function pnsNip(birth: string, tmt: string, gender: 1 | 2, seq: number): string {
  return `${birth.replace(/-/g, '')}${tmt.replace(/-/g, '')}${gender}${String(seq).padStart(3, '0')}`;
}

/** A NI PPPK: birth date, appointment year, '2', a 1–9 digit, gender digit, serial. */
export function pppkNip(birth: string, year: number, gender: 1 | 2, serial: number, middle = 1): string {
  return `${birth.replace(/-/g, '')}${year}2${middle}${gender}${String(serial).padStart(3, '0')}`;
}

/** The standard written form: `19860926 201505 2 001`. */
export const spaced = (nip: string) => `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;

/** `n` distinct valid PNS NIPs with their birth date and gender, born on consecutive days from 1966. */
export function manyPeople(n: number): { nip: string; birthDate: string; gender: 'L' | 'P' }[] {
  const start = Date.UTC(1966, 0, 1);
  return Array.from({ length: n }, (_, i) => {
    const birthDate = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const tmtYear = Number(birthDate.slice(0, 4)) + 25;
    const gender = (i % 2) + 1 as 1 | 2;
    return { nip: pnsNip(birthDate, `${tmtYear}-${String((i % 12) + 1).padStart(2, '0')}`, gender, (i % 998) + 1), birthDate, gender: gender === 1 ? 'L' : 'P' };
  });
}

/** CSV text; cells that need it are quoted the way Excel does. */
export function csvText(rows: readonly (readonly string[])[], delimiter = ',', eol = '\r\n'): string {
  const quote = (v: string) => (/[",;\t\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
}

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'windows-1252';

export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le-bom': return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'windows-1252': return iconv.encode(text, 'windows-1252');
  }
}

export async function xlsxBuffer(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readXlsx(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  return wb;
}

/** Writes the file into `dir` and returns what a door sends for it, read back from disk. */
export function fileInput(dir: string, fileName: string, data: Buffer | string, extra: Record<string, unknown> = {}) {
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, data);
  return { fileName, dataBase64: fs.readFileSync(file).toString('base64'), ...extra };
}

/** Counts that must not move when nothing is written. */
export function writeCounts(db: Database.Database) {
  return {
    employees: count(db, 'SELECT count(*) AS n FROM employees'),
    units: count(db, 'SELECT count(*) AS n FROM units'),
    journal: count(db, 'SELECT count(*) AS n FROM change_journal'),
    audit: count(db, 'SELECT count(*) AS n FROM audit_log'),
    settings: count(db, 'SELECT count(*) AS n FROM settings'),
    lastUpdate: (db.prepare('SELECT coalesce(max(updated_at), \'\') FROM employees').pluck().get() as string),
  };
}

/** Excel's serial number of a calendar date (1900 date system). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** One person as a roster file writes them and as the roster should then hold them. */
export interface StaffMember {
  nip: string;
  /** The name cell as typed, titles and all. */
  cell: string;
  frontTitle: string;
  name: string;
  backTitle: string;
  gender: 'L' | 'P';
  birthPlace: string;
  birthDate: string;
  /** As the file writes it, and as stored. */
  golonganCell: string;
  golongan: string;
  jabatan: string;
  unit: string;
  employmentType: 'pns' | 'pppk';
}

export const STAFF: readonly StaffMember[] = [
  { nip: '198609262015052001', cell: 'Dr. Siti Aminah, S.E., M.M.', frontTitle: 'Dr.', name: 'Siti Aminah', backTitle: 'S.E., M.M.', gender: 'P', birthPlace: 'Palembang', birthDate: '1986-09-26', golonganCell: 'Penata Muda (III/a)', golongan: '31', jabatan: 'Kepala Seksi Pemerintahan', unit: 'Seksi Pemerintahan', employmentType: 'pns' },
  { nip: '197503152000031002', cell: 'Drs. H. Ahmad Fauzi, M.Si.', frontTitle: 'Drs. H.', name: 'Ahmad Fauzi', backTitle: 'M.Si.', gender: 'L', birthPlace: 'Lahat', birthDate: '1975-03-15', golonganCell: 'IV/a', golongan: '41', jabatan: 'Sekretaris Camat', unit: 'Sekretariat Kecamatan', employmentType: 'pns' },
  { nip: '199001012019032003', cell: "Siti Ma'rifah", frontTitle: '', name: "Siti Ma'rifah", backTitle: '', gender: 'P', birthPlace: 'Baturaja', birthDate: '1990-01-01', golonganCell: 'II-c', golongan: '23', jabatan: 'Pengadministrasi Umum', unit: 'Plaju Ulu', employmentType: 'pns' },
  { nip: '198811202012121004', cell: 'René Muñoz, S.T.', frontTitle: '', name: 'René Muñoz', backTitle: 'S.T.', gender: 'L', birthPlace: 'Muara Enim', birthDate: '1988-11-20', golonganCell: '3b', golongan: '32', jabatan: 'Penata Kelola Pembangunan', unit: 'Camat', employmentType: 'pns' },
  { nip: '200012312024211001', cell: 'Dedi Kurniawan', frontTitle: '', name: 'Dedi Kurniawan', backTitle: '', gender: 'L', birthPlace: 'Palembang', birthDate: '2000-12-31', golonganCell: 'IX', golongan: 'PPPK-IX', jabatan: 'Pengelola Layanan Operasional', unit: 'Plaju Ulu', employmentType: 'pppk' },
  { nip: '199203142020122005', cell: 'Nur’aini Hasibuan, A.Md.', frontTitle: '', name: 'Nur’aini Hasibuan', backTitle: 'A.Md.', gender: 'P', birthPlace: 'Prabumulih', birthDate: '1992-03-14', golonganCell: 'Gol. II/c', golongan: '23', jabatan: 'Bendahara', unit: 'Subbagian Perencanaan dan Keuangan', employmentType: 'pns' },
];

/** The birth date cells of STAFF, each written a different way a roster writes dates. */
export const DATE_CELLS = ['26-09-1986', '15/03/1975', '1990-01-01', '20 November 1988', String(excelSerial('2000-12-31')), '14 Maret 1992'];

export const STAFF_HEADER = ['No', 'NIP', 'Nama', 'L/P', 'Tempat Lahir', 'Tgl Lahir', 'Pangkat/Gol', 'Jabatan', 'Unit Kerja'];

/** STAFF as rows under STAFF_HEADER. */
export function staffRows(nip: (s: StaffMember) => string = (s) => s.nip): string[][] {
  return STAFF.map((s, i) => [String(i + 1), nip(s), s.cell, s.gender, s.birthPlace, DATE_CELLS[i]!, s.golonganCell, s.jabatan, s.unit]);
}

/** What the roster holds for a person, in the fields an import sets. */
export function expectedRecord(s: StaffMember) {
  return {
    nip: s.nip, employmentType: s.employmentType, frontTitle: s.frontTitle, name: s.name, backTitle: s.backTitle,
    gender: s.gender, birthPlace: s.birthPlace, birthDate: s.birthDate, golongan: s.golongan, jabatan: s.jabatan, unit: s.unit,
    status: 'aktif',
  };
}

type RecordLike = { [K in keyof ReturnType<typeof expectedRecord>]: unknown };
export function recordOf(e: RecordLike) {
  return {
    nip: e.nip, employmentType: e.employmentType, frontTitle: e.frontTitle, name: e.name, backTitle: e.backTitle, gender: e.gender,
    birthPlace: e.birthPlace, birthDate: e.birthDate, golongan: e.golongan, jabatan: e.jabatan, unit: e.unit, status: e.status,
  };
}

/** A set-up office on a fresh data folder, with a raw read connection and the unit ids by name. */
export async function freshOffice() {
  const t = openTestBackend();
  const token = await setUpOffice(t);
  const db = peek(t.dataDir);
  const units = Object.fromEntries((await t.ok('units.list', {}, token)).map((u) => [u.name, u.id])) as Record<string, string>;
  const dir = tempDir('bangkom-files-');
  return { t, token, db, units, dir, close: () => { db.close(); t.close(); } };
}
export type Office = Awaited<ReturnType<typeof freshOffice>>;
