// What the columns of a records file are called, and how their values are read. Files come from
// the office's own sheets, from the BKPSDM's 20 JP trackers, from SIASN's riwayat kursus (its
// camel-case field names) and from learning platforms' exports; each field lists its
// spellings, best first (header-matcher.ts).
import type { RecordImportField } from '../../../shared/contract/records.ts';
import { METHODS, methodById, type CompetencyType } from '../../../shared/domain/methods.ts';
import { foldHeader, headerMatcher } from '../../../shared/domain/header-matcher.ts';

/**
 * "Jumlah Jam" is JP here, as in SIASN (jumlahJam holds the JP of a riwayat kursus) and on
 * certificates ("30 jam pelajaran"); clock hours are "Durasi (jam)", "Jam Belajar", "Hours".
 */
export const RECORD_HEADER_ALIASES: Record<RecordImportField, readonly string[]> = {
  nip: ['NIP', 'NIP Baru', 'NIP/NI PPPK', 'NI PPPK', 'NIP Peserta', 'NIP Pegawai', 'NIP ASN', 'Nomor Induk Pegawai', 'No. Induk Pegawai', 'Employee ID', 'Employee Number'],
  name: ['Nama', 'Nama Pegawai', 'Nama Peserta', 'Nama Lengkap', 'Nama ASN', 'Nama PNS', 'Nama Lengkap dan Gelar', 'Name', 'Full Name', 'Participant', 'Participant Name', 'Learner', 'Learner Name', 'Employee Name'],
  title: [
    'Nama Pelatihan', 'Judul Pelatihan', 'Nama Kursus', 'Judul Kursus', 'namaKursus', 'Nama Kegiatan', 'Judul Kegiatan', 'Nama Diklat',
    'Judul Diklat', 'Nama Pengembangan Kompetensi', 'Nama Pembelajaran', 'Judul Pembelajaran', 'Nama Program', 'Nama Mata Pelatihan',
    'Pelatihan', 'Kursus', 'Kegiatan', 'Diklat', 'Judul', 'Course', 'Course Name', 'Course Title', 'Training', 'Training Name',
    'Training Title', 'Title',
  ],
  organiser: [
    'Penyelenggara', 'Institusi Penyelenggara', 'institusiPenyelenggara', 'Instansi Penyelenggara', 'Lembaga Penyelenggara',
    'Penyelenggara Pelatihan', 'Pelaksana', 'Institusi', 'Lembaga', 'Provider', 'Course Provider', 'Organiser', 'Organizer', 'Institution',
  ],
  method: [
    'Jenis Diklat', 'Jenis Pengembangan', 'Jenis Pengembangan Kompetensi', 'Bentuk Pengembangan', 'Bentuk Pengembangan Kompetensi',
    'Metode', 'Metode Pembelajaran', 'Metode Pengembangan', 'Jalur Pengembangan', 'jenisDiklatId', 'ID Jenis Diklat', 'Jenis Diklat ID',
    'Jenis Kursus', 'jenisKursus', 'Jenis Kegiatan', 'Jenis Pelatihan', 'Method', 'Learning Method', 'Delivery Method', 'Type',
  ],
  competencyType: ['Jenis Kompetensi', 'Rumpun Kompetensi', 'Kompetensi', 'Kategori Kompetensi', 'Competency Type', 'Competency'],
  startDate: [
    'Tanggal Mulai', 'Tgl Mulai', 'Tgl. Mulai', 'Tanggal Awal', 'Tgl Awal', 'Tanggal Kursus', 'tanggalKursus', 'Tanggal Mulai Kursus',
    'Tanggal Pelaksanaan', 'Tgl Pelaksanaan', 'Tanggal Kegiatan', 'Tanggal Pelatihan', 'Mulai', 'Tanggal', 'Tgl', 'Start Date', 'Start',
    'Started', 'Enrolled', 'Date',
  ],
  endDate: [
    'Tanggal Selesai', 'Tgl Selesai', 'Tgl. Selesai', 'Tanggal Akhir', 'Tgl Akhir', 'Tanggal Selesai Kursus', 'tanggalSelesaiKursus',
    'Tanggal Berakhir', 'Tanggal Lulus', 'Tgl Lulus', 'Selesai', 'Sampai', 'End Date', 'End', 'Completion Date', 'Completed',
    'Completed Date', 'Finished',
  ],
  hours: ['Durasi (jam)', 'Durasi Jam', 'Jam Belajar', 'Jumlah Jam Belajar', 'Lama (jam)', 'Lama Belajar', 'Durasi', 'Hours', 'Duration (hours)', 'Duration', 'Learning Hours'],
  sessions: ['Jumlah Sesi', 'Sesi', 'Jumlah Pertemuan', 'Pertemuan', 'Sessions', 'Number of Sessions'],
  jp: ['JP', 'Jumlah JP', 'Total JP', 'Jml JP', 'JPL', 'Jumlah Jam', 'jumlahJam', 'Jam Pelajaran', 'Jumlah Jam Pelajaran', 'Bobot JP', 'Lesson Hours'],
  jpReason: ['Alasan JP', 'Keterangan JP', 'Dasar JP', 'JP Reason'],
  certificateNumber: [
    'Nomor Sertifikat', 'No. Sertifikat', 'No Sertifikat', 'Nomor Sertipikat', 'nomorSertipikat', 'No. Sertipikat', 'No Sertipikat',
    'Nomor STTPP', 'No. STTPP', 'Nomor STTPL', 'No. STTPL', 'Certificate Number', 'Certificate No', 'Certificate ID',
  ],
  certificateDate: ['Tanggal Sertifikat', 'Tgl Sertifikat', 'Tgl. Sertifikat', 'Tanggal Sertipikat', 'Tanggal STTPP', 'Certificate Date', 'Issued', 'Issue Date'],
  place: ['Lokasi', 'lokasi', 'Tempat', 'Tempat Pelaksanaan', 'Lokasi Pelaksanaan', 'Kota', 'Location', 'Place'],
  notes: ['Keterangan', 'Ket', 'Catatan', 'Notes', 'Note', 'Remarks'],
};

// "NIP (18 digit)", "NIP Baru/NI PPPK": any header that starts with NIP but the old 9-digit one.
export const recordHeaders = headerMatcher<RecordImportField>(RECORD_HEADER_ALIASES, (key) => (/^nip(?!lama)/.test(key) ? 'nip' : null));

/**
 * Method words as files write them, folded, beyond the methods' own names. A webinar is taken
 * for a Seminar (9): a seminar held online, counted per day as seminars are (DOMAIN.md); a
 * MOOC, "daring" course or e-learning for E-Learning (16).
 */
const METHOD_WORDS: Record<string, number> = {
  diklatpim: 1, pelatihankepemimpinan: 1, pkn: 1, pka: 1, pkp: 1, diklatstruktural: 1,
  diklatfungsional: 2, pelatihanfungsional: 2,
  diklatteknis: 3, pelatihanteknis: 3,
  lokakarya: 4,
  sosialisasi: 7,
  bimtek: 8,
  webinar: 9, seminardaring: 9, seminaronline: 9, konferensi: 9, sarasehan: 9, simposium: 9, seminar: 9,
  internship: 10,
  kursus: 11, course: 11,
  klasikal: 13,
  coaching: 14, mentoring: 15,
  elearning: 16, pembelajaranelektronik: 16, mooc: 16, kursusdaring: 16, pelatihandaring: 16, onlinecourse: 16, daring: 16,
  pjj: 17, distancelearning: 17,
  outbound: 19, pembelajaranalamterbuka: 19,
  benchmarking: 20, studibanding: 20, studitiru: 20,
  pertukaran: 21, pertukaranpegawai: 21,
  belajarmandiri: 22, selflearning: 22, pengembangandiri: 22, selfdevelopment: 22,
  komunitasbelajar: 23, communityofpractice: 23, cop: 23,
  ojt: 24, onthejobtraining: 24,
  detasering: 18, secondment: 18,
  nonklasikal: 25,
};
const METHOD_NAMES = new Map<string, number>([...METHODS.map((m) => [foldHeader(m.name), m.id] as [string, number]), ...Object.entries(METHOD_WORDS)]);
// For "Seminar Nasional …", "Pelatihan Kepemimpinan Pengawas": the longest known word the cell starts with.
const METHOD_PREFIXES = [...METHOD_NAMES].filter(([word]) => word.length >= 5).sort((a, b) => b[0].length - a[0].length);

/**
 * A method from a cell: its id (1–25, also "16 - E-Learning", "16. E-Learning"), its name or a
 * common word for it, any case, spacing or punctuation. Null when the cell names none.
 */
export function parseMethod(cell: string): number | null {
  const leading = /^\s*(\d{1,2})(?:\s*[-.:)]\s*\S.*|\s*)$/.exec(cell);
  if (leading) return methodById(Number(leading[1])) ? Number(leading[1]) : null;
  const folded = foldHeader(cell);
  if (!folded) return null;
  const byName = METHOD_NAMES.get(folded);
  if (byName) return byName;
  // "E-Learning (16)": the id in brackets.
  const bracketed = /\((\d{1,2})\)\s*$/.exec(cell);
  if (bracketed && methodById(Number(bracketed[1]))) return Number(bracketed[1]);
  for (const [word, id] of METHOD_PREFIXES) if (folded.startsWith(word)) return id;
  return null;
}

const TYPE_WORDS: Record<string, CompetencyType> = {
  teknis: 'teknis', kompetensiteknis: 'teknis', technical: 'teknis',
  manajerial: 'manajerial', kompetensimanajerial: 'manajerial', managerial: 'manajerial',
  sosialkultural: 'sosial_kultural', sosiokultural: 'sosial_kultural', kompetensisosialkultural: 'sosial_kultural', sociocultural: 'sosial_kultural',
  pemerintahan: 'pemerintahan', kompetensipemerintahan: 'pemerintahan', governance: 'pemerintahan',
};

export function parseCompetencyType(cell: string): CompetencyType | null {
  return TYPE_WORDS[foldHeader(cell)] ?? null;
}

/**
 * A number as a cell writes it: "3", "3,5" or "3.5", "30 JP", "2 jam", "12 sesi". Undefined for
 * a blank cell, null for one that is not a number.
 */
export function parseAmount(cell: string): number | null | undefined {
  const text = cell.trim().toLowerCase();
  if (!text) return undefined;
  const m = /^(\d{1,6}(?:[.,]\d{1,3})?)\s*(?:jp|jpl|jam|jam pelajaran|sesi|kali|pertemuan|hours?|hrs?|h|sessions?)?\.?$/.exec(text);
  return m ? Number(m[1]!.replace(',', '.')) : null;
}
