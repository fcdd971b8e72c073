// Roster columns: which spreadsheet column holds which field, read from the header texts
// offices actually use, and the small value normalisers that go with them.
//
// Headers are compared after folding: case, accents, spaces, dots, slashes and every other
// non-alphanumeric character are dropped, so "N I P", "N.I.P." and "nip" are one header, as are
// "Pangkat / Gol." and "pangkat gol". Matching is exact on that folded text (plus a few prefix
// rules for NIP), so a title row ("DAFTAR NAMA PEGAWAI") never passes for a header.

import type { Gender, NipKind } from './nip.ts';
import { parseLooseDate } from './loose-date.ts';
import { foldHeader, headerMatcher, type HeaderMapping as HeaderMappingOf } from './header-matcher.ts';

export const ROSTER_FIELDS = [
  'nip', 'frontTitle', 'name', 'backTitle', 'employmentType', 'gender', 'birthPlace', 'birthDate',
  'golongan', 'jabatan', 'unit', 'status', 'statusDate', 'phone', 'email', 'notes',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/**
 * Header spellings per field, best first: when two columns map to the same field the one with
 * the better spelling wins ("Golongan" over "Pangkat"), and the other is left unmapped.
 *
 * A combined "Tempat, Tgl Lahir" (TTL) column maps to birthDate: its cells read
 * "Palembang, 26-09-1986", which splitBirthPlaceDate takes apart. "Pangkat" alone maps to
 * golongan because a PNS pangkat name identifies the golongan.
 */
export const HEADER_ALIASES: Record<RosterField, readonly string[]> = {
  nip: ['NIP', 'NIP Baru', 'NIP/NI PPPK', 'NI PPPK', 'NIP/NIPPPK', 'NIP PPPK', 'Nomor Induk Pegawai', 'No. Induk Pegawai', 'Employee ID', 'Employee Number'],
  frontTitle: ['Gelar Depan', 'Gelar Dpn', 'Gelar Depan Nama', 'Front Title', 'Title Prefix'],
  name: ['Nama', 'Nama Lengkap', 'Nama Pegawai', 'Nama ASN', 'Nama PNS', 'Nama Lengkap dan Gelar', 'Nama dan Gelar', 'Nama Lengkap (dengan gelar)', 'Nama (dengan gelar)', 'Nama Tanpa Gelar', 'Nama Lengkap Tanpa Gelar', 'Name', 'Full Name', 'Employee Name'],
  backTitle: ['Gelar Belakang', 'Gelar Blkg', 'Gelar Blk', 'Gelar Belakang Nama', 'Back Title', 'Title Suffix', 'Degree'],
  employmentType: ['Jenis Pegawai', 'PNS/PPPK', 'Jenis ASN', 'Jenis Kepegawaian', 'Status Kepegawaian', 'Status Pegawai', 'Status ASN', 'Tipe Pegawai', 'Employment Type', 'Employee Type'],
  gender: ['Jenis Kelamin', 'L/P', 'JK', 'Jns Kelamin', 'Jenis Kel', 'Kelamin', 'Gender', 'Sex', 'P/L'],
  birthPlace: ['Tempat Lahir', 'Tmp Lahir', 'Tmpt Lahir', 'Tpt Lahir', 'Tempat Lhr', 'Place of Birth', 'Birth Place', 'Birthplace'],
  birthDate: ['Tanggal Lahir', 'Tgl Lahir', 'Tgl Lhr', 'Tgl. Lahir', 'Date of Birth', 'Birth Date', 'Birthdate', 'DOB',
    'Tempat, Tgl Lahir', 'Tempat/Tanggal Lahir', 'Tempat Tanggal Lahir', 'Tempat, Tanggal Lahir', 'Tmp/Tgl Lahir', 'Tmp Tgl Lahir', 'TTL', 'Place and Date of Birth'],
  golongan: ['Golongan', 'Gol', 'Gol. Ruang', 'Golongan Ruang', 'Gol/Ruang', 'Pangkat/Gol', 'Pangkat / Golongan', 'Pangkat Golongan', 'Pangkat/Gol. Ruang', 'Pangkat, Golongan', 'Gol. Terakhir', 'Golongan Terakhir', 'Pangkat/Gol Terakhir', 'Grade', 'Pangkat', 'Pangkat Terakhir', 'Rank'],
  jabatan: ['Jabatan', 'Nama Jabatan', 'Jabatan Terakhir', 'Jabatan Sekarang', 'Position', 'Job Title'],
  unit: ['Unit Kerja', 'Unit', 'Unit Organisasi', 'Unor', 'Satuan Kerja', 'Satker', 'Sub Unit Kerja', 'Bidang', 'Seksi', 'Sub Bagian/Seksi', 'Bagian', 'Tempat Tugas', 'Work Unit', 'Department'],
  status: ['Status', 'Status Aktif', 'Keadaan', 'Kedudukan', 'Kedudukan Hukum', 'Kedudukan Pegawai', 'Employee Status'],
  statusDate: ['Tanggal Status', 'Tgl Status', 'TMT Status', 'Tgl. Status', 'Status Date'],
  phone: ['No HP', 'No. HP', 'Nomor HP', 'HP', 'No HP/WA', 'No. HP/WA', 'HP/WA', 'No WA', 'WA', 'WhatsApp', 'Handphone', 'No. Handphone', 'Telepon', 'Telp', 'No Telp', 'No. Telp', 'No Telepon', 'Nomor Telepon', 'Telp/HP', 'Phone', 'Phone Number', 'Mobile', 'Mobile Phone'],
  email: ['Email', 'E-mail', 'Alamat Email', 'Alamat E-mail', 'Surel', 'Email Address'],
  notes: ['Keterangan', 'Ket', 'Catatan', 'Notes', 'Note', 'Remarks'],
};

// "NIP (18 digit)", "NIP Baru/NI PPPK": any header that starts with NIP, except the 9-digit
// NIP Lama that some old rosters still carry next to the new one.
const rosterHeaders = headerMatcher(HEADER_ALIASES, (key) => (/^nip(?!lama)/.test(key) || /^nipppk/.test(key) ? 'nip' : null));

export { foldHeader };
export type HeaderMapping = HeaderMappingOf<RosterField>;

/** The field a header names, or null. */
export function matchHeader(header: string): RosterField | null {
  return rosterHeaders.match(header);
}

export function mapHeaders(headers: readonly string[]): HeaderMapping {
  return rosterHeaders.map(headers);
}

const GENDER: Record<string, Gender> = {
  l: 'L', lk: 'L', laki: 'L', lakilaki: 'L', lelaki: 'L', pria: 'L', m: 'L', male: 'L', '1': 'L',
  p: 'P', pr: 'P', perempuan: 'P', wanita: 'P', w: 'P', f: 'P', female: 'P', '2': 'P',
};

/** 'L' or 'P' from L/P, Laki-laki, Pria, Perempuan, Wanita, M/F, 1/2 (the NIP's digits); else null. */
export function normalizeGender(raw: string): Gender | null {
  return GENDER[foldHeader(raw)] ?? null;
}

const EMPLOYMENT: Record<string, NipKind> = {
  pns: 'pns', cpns: 'pns', pegawainegerisipil: 'pns', calonpns: 'pns', calonpegawainegerisipil: 'pns', asnpns: 'pns',
  pppk: 'pppk', p3k: 'pppk', pppkpenuhwaktu: 'pppk', pppkparuhwaktu: 'pppk', asnpppk: 'pppk',
  pegawaipemerintahdenganperjanjiankerja: 'pppk',
};

/**
 * 'pns' or 'pppk'; null for anything else. CPNS counts as PNS: the same NIP and record. Honorer
 * and other non-ASN staff are null on purpose, since they have no NIP and no place on the roster.
 */
export function normalizeEmploymentType(raw: string): NipKind | null {
  return EMPLOYMENT[foldHeader(raw)] ?? null;
}

// Kept in step with the employee contract's status list (a test checks it).
export const ROSTER_STATUSES = ['aktif', 'pindah', 'pensiun', 'meninggal', 'cltn'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

const STATUS: Record<string, RosterStatus> = {
  aktif: 'aktif', active: 'aktif',
  pindah: 'pindah', mutasi: 'pindah', mutasikeluar: 'pindah', pindahtugas: 'pindah', transferred: 'pindah',
  pensiun: 'pensiun', purnatugas: 'pensiun', purnabakti: 'pensiun', retired: 'pensiun',
  meninggal: 'meninggal', meninggaldunia: 'meninggal', wafat: 'meninggal', almarhum: 'meninggal', deceased: 'meninggal',
  cltn: 'cltn', cutidiluartanggungannegara: 'cltn',
};

/** One of the roster statuses from the words offices use; else null. */
export function normalizeStatus(raw: string): RosterStatus | null {
  return STATUS[foldHeader(raw)] ?? null;
}

// A date at the end of the cell: "26-09-1986", "26 September 1986", "1986-09-26".
const TRAILING_DATE = /(\d{1,2}[-/.\s]+(?:\d{1,2}|[A-Za-z]+\.?)[-/.\s]+\d{4}|\d{4}-\d{1,2}-\d{1,2})\s*$/;

/**
 * Splits a combined "Tempat, Tgl Lahir" cell: "Palembang, 26-09-1986" →
 * { place: 'Palembang', date: '1986-09-26' }. Null when the cell does not end in a date.
 */
export function splitBirthPlaceDate(raw: string): { place: string; date: string } | null {
  const m = TRAILING_DATE.exec(raw.trim());
  if (!m) return null;
  const parsed = parseLooseDate(m[1]!);
  if (!parsed.ok) return null;
  const place = raw.trim().slice(0, m.index).replace(/[\s,/]+$/, '').trim();
  return { place, date: parsed.date };
}
