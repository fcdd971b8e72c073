import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

// Spreadsheets the way clerks bring them, written by the tests themselves.

/**
 * A roster saved by Excel on an Indonesian Windows PC: semicolons, Windows-1252, a title row
 * and a blank row above the header, a name column whose header maps to nothing, titles inside
 * a name, golongan spelled three ways, a NIP Excel turned into scientific notation, one NIP
 * twice, a unit the office does not have, a birth date that disagrees with the NIP, a PPPK.
 */
export const MESSY_ROWS = [
  'DAFTAR NOMINATIF PEGAWAI KECAMATAN PLAJU TAHUN 2026;;;;;;',
  ';;;;;;',
  'NIP;Nama Pegawai Lengkap (tanpa gelar);Pangkat/Gol;Jabatan;Unit Kerja;L/P;Tgl Lahir',
  '198609262015052001;Dr. Siti Aminah, S.E., M.M.;III/a;Kepala Seksi Pemerintahan;Seksi Pemerintahan;P;26-09-1986',
  '197501012000031002;Budi Santoso;3b;Pengadministrasi Umum;Plaju Ulu;L;02/01/1975',
  '1.98609262015051E+17;Rudi Hartono;III/d;Pengelola Keuangan;Seksi Pemerintahan;L;',
  '198001012005011003;Andi Wijaya;III/b;Pengadministrasi Umum;Plaju Darat;L;',
  '198001012005011003;Andi Wijaya;III/b;Pengadministrasi Umum;Plaju Darat;L;',
  '199203152019032008;Désy Ratnasari;Penata (III/c);Analis Kebersihan;Seksi Kebersihan dan Pertamanan;P;15-03-1992',
  '200012312024211001;Muhammad Rizky;IX;Pranata Komputer;Plaju Ulu;L;31-12-2000',
];

export function messyCsv(): Buffer {
  return iconv.encode(`${MESSY_ROWS.join('\r\n')}\r\n`, 'win1252');
}

const FIRST = ['Ahmad', 'Siti', 'Budi', 'Dewi', 'Rudi', 'Ratna', 'Agus', 'Sri', 'Hendra', 'Yuni', 'Eko', 'Nur', 'Fajar', 'Indah', 'Rizky', 'Wulan', 'Bambang', 'Lestari', 'Joko', 'Rina'];
const MIDDLE = ['', 'Nur', 'Dwi', 'Tri', 'Putri', 'Adi', 'Eka', 'Sari'];
const LAST = ['Santoso', 'Wijaya', 'Hidayat', 'Lestari', 'Saputra', 'Kurniawan', 'Rahmawati', 'Pratama', 'Siregar', 'Nasution', 'Harahap', 'Gunawan', 'Susanti', 'Firmansyah', 'Anggraini', 'Setiawan'];
const GOLONGAN = ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b'];
const JABATAN = ['Pengadministrasi Umum', 'Pengelola Keuangan', 'Analis Kebijakan', 'Pranata Komputer', 'Kepala Seksi', 'Staf Pelayanan'];
const UNITS = ['Plaju Ulu', 'Plaju Darat', 'Plaju Ilir', 'Baguskuning', 'Komperta', 'Talangputri', 'Talangbubuk', 'Seksi Pemerintahan'];

export interface Person {
  nip: string;
  name: string;
}

/** `count` people with valid, distinct NIPs, as a plain UTF-8 CSV; deterministic. */
export function bigRoster(count: number): { csv: Buffer; people: Person[] } {
  // mulberry32: small, deterministic, and its low bits are as random as its high ones.
  let seed = 20260926;
  const rand = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return (((x ^ (x >>> 14)) >>> 0) % n);
  };
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const people: Person[] = [];
  const seen = new Set<string>();
  const lines = ['NIP,Nama,Golongan,Jabatan,Unit Kerja,Jenis Kelamin'];
  while (people.length < count) {
    const year = 1965 + rand(33);
    const birth = `${year}${pad(1 + rand(12), 2)}${pad(1 + rand(28), 2)}`;
    const tmt = `${year + 22 + rand(8)}${pad(1 + rand(12), 2)}`;
    const gender = 1 + rand(2);
    const nip = `${birth}${tmt}${gender}${pad(1 + rand(999), 3)}`;
    if (seen.has(nip)) continue;
    seen.add(nip);
    const middle = MIDDLE[rand(MIDDLE.length)]!;
    const name = [FIRST[rand(FIRST.length)]!, middle, LAST[rand(LAST.length)]!].filter(Boolean).join(' ');
    people.push({ nip, name });
    lines.push([nip, name, GOLONGAN[rand(GOLONGAN.length)], JABATAN[rand(JABATAN.length)], UNITS[rand(UNITS.length)], gender === 1 ? 'L' : 'P'].join(','));
  }
  return { csv: Buffer.from(`${lines.join('\n')}\n`, 'utf8'), people };
}

/**
 * A workbook whose first sheet is a summary ("Rekap") and whose second holds the roster under
 * a merged title, NIPs stored as text.
 */
export async function twoSheetWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet('Rekap');
  summary.addRow(['REKAPITULASI PEGAWAI']);
  summary.addRow(['Unit Kerja', 'Jumlah']);
  summary.addRow(['Plaju Ulu', 2]);
  const roster = book.addWorksheet('Pegawai');
  roster.addRow(['DAFTAR PEGAWAI']);
  roster.mergeCells('A1:D1');
  roster.addRow([]);
  roster.addRow(['N I P', 'Nama Lengkap', 'Gol. Ruang', 'Unit Kerja']);
  roster.addRow(['198811032014022003', 'Drs. Lina Marlina, M.Si.', 'III-d', 'Plaju Ulu']);
  roster.addRow(['199507212020121005', 'Bagus Prakoso', '2c', 'Plaju Darat']);
  roster.getColumn(1).numFmt = '@';
  return Buffer.from(await book.xlsx.writeBuffer());
}
