// The year's training records as SIASN's riwayat kursus/diklat asks for them, for the city to
// upload: the office's finished events each roster employee passed (JP credited, the number of
// their live participant certificate) and the external records (as entered). Headers are SIASN's
// field names; NIP stays text; dates are written dd-mm-yyyy, the form SIASN's own sheets use.
import { dayMonthYear } from '../../../shared/domain/dates.ts';
import { methodById } from '../../../shared/domain/methods.ts';
import { displayName } from '../../../shared/domain/person-name.ts';
import { terms } from '../../../shared/i18n/id/terms.ts';
import { T, fill } from '../../../shared/pdf/reports/common.ts';
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';
import { listEventSummaries } from '../db/repos/trainings.ts';
import { officeNow } from '../services/events.ts';
import { eventRecap } from '../services/recap.ts';
import type { XCell, XSheet } from './xlsx.ts';

export const SIASN_COLUMNS = [
  'NIP', 'nama', 'jenisDiklatId', 'namaKursus', 'institusiPenyelenggara', 'jenisKursus', 'jumlahJam', 'lokasi',
  'nomorSertipikat', 'tahunKursus', 'tanggalKursus', 'tanggalSelesaiKursus',
] as const;

export interface SiasnRow {
  nip: string;
  nama: string;
  jenisDiklatId: number;
  namaKursus: string;
  institusiPenyelenggara: string;
  jenisKursus: string;
  jumlahJam: number;
  lokasi: string;
  nomorSertipikat: string;
  tahunKursus: number;
  /** YYYY-MM-DD; written dd-mm-yyyy in the sheet. */
  tanggalKursus: string;
  tanggalSelesaiKursus: string;
}

export interface SiasnPerson { nip: string; name: string }

function people(db: Db): Map<string, SiasnPerson> {
  const rows = sql(db, 'SELECT id, nip, front_title, name, back_title FROM employees WHERE deleted_at IS NULL').all() as { id: string; nip: string; front_title: string; name: string; back_title: string }[];
  return new Map(rows.map((r) => [r.id, { nip: r.nip, name: displayName({ front: r.front_title, name: r.name, back: r.back_title }) }]));
}

/** The live participant certificates of an event, by enrolment. */
function certificateNumbers(db: Db, eventId: string): Map<string, string> {
  const rows = sql(db, `SELECT enrolment_id, number FROM certificates
    WHERE event_id = ? AND role = 'peserta' AND status = 'sah' AND deleted_at IS NULL AND enrolment_id IS NOT NULL`).all(eventId) as { enrolment_id: string; number: string }[];
  return new Map(rows.map((r) => [r.enrolment_id, r.number]));
}

/** Who ran an event, as SIASN's institusiPenyelenggara: the office itself by its name. */
export function organiserName(organiser: string, officeName: string): string {
  if (organiser === 'kantor') return officeName;
  return terms.trainingTerms.organisers[organiser as keyof typeof terms.trainingTerms.organisers] ?? organiser;
}

/** An office's event as SIASN records it; it belongs to the year it starts in. */
export interface SiasnEvent { name: string; methodId: number; organiser: string; place: string; startDate: string; endDate: string | null }

/** One participant who passed a finished event, with the JP credited and the number of their live certificate. */
export function eventSiasnRow(e: SiasnEvent, person: SiasnPerson, jp: number, certificateNumber: string | undefined, officeName: string, year: number): SiasnRow {
  return {
    nip: person.nip, nama: person.name, jenisDiklatId: e.methodId, namaKursus: e.name,
    institusiPenyelenggara: organiserName(e.organiser, officeName), jenisKursus: methodById(e.methodId)?.name ?? '', jumlahJam: jp,
    lokasi: e.place, nomorSertipikat: certificateNumber ?? '', tahunKursus: year,
    tanggalKursus: e.startDate, tanggalSelesaiKursus: e.endDate ?? e.startDate,
  };
}

export interface SiasnRecord {
  title: string; organiser: string; methodId: number; jp: number; place: string; certificateNumber: string | null; startDate: string; endDate: string;
}

/** An outside training, as entered. */
export function recordSiasnRow(x: SiasnRecord, person: SiasnPerson, year: number): SiasnRow {
  return {
    nip: person.nip, nama: person.name, jenisDiklatId: x.methodId, namaKursus: x.title, institusiPenyelenggara: x.organiser,
    jenisKursus: methodById(x.methodId)?.name ?? '', jumlahJam: x.jp, lokasi: x.place, nomorSertipikat: x.certificateNumber ?? '',
    tahunKursus: year, tanggalKursus: x.startDate, tanggalSelesaiKursus: x.endDate,
  };
}

/** By name, NIP, start date and course: the order of the sheet. */
export function sortSiasnRows(rows: SiasnRow[]): SiasnRow[] {
  return rows.sort((a, b) => a.nama.localeCompare(b.nama, 'id') || a.nip.localeCompare(b.nip) || a.tanggalKursus.localeCompare(b.tanggalKursus) || a.namaKursus.localeCompare(b.namaKursus));
}

export function siasnRows(db: Db, year: number, now: Date, officeName: string): SiasnRow[] {
  const clock = officeNow(db, now);
  const who = people(db);
  const rows: SiasnRow[] = [];
  // An event belongs to the year it starts in: SIASN takes one record per course.
  for (const e of listEventSummaries(db, { now: clock, year })) {
    if (e.status === 'batal' || !e.startDate?.startsWith(`${year}-`)) continue;
    const recap = eventRecap(db, e.id, clock);
    if (!recap.finished) continue;
    const numbers = certificateNumbers(db, e.id);
    for (const r of recap.rows) {
      const person = r.employeeId ? who.get(r.employeeId) : undefined;
      // Walk-in guests belong to their own office's upload.
      if (r.result !== 'passed' || !person) continue;
      rows.push(eventSiasnRow({ ...e, startDate: e.startDate }, person, r.jp, numbers.get(r.enrolmentId), officeName, year));
    }
  }
  const external = sql(db, `SELECT r.employee_id, r.title, r.organiser, r.method_id, r.jp, r.place, r.certificate_number, r.start_date, r.end_date
    FROM training_records r JOIN employees e ON e.id = r.employee_id
    WHERE r.deleted_at IS NULL AND e.deleted_at IS NULL AND r.start_date BETWEEN ? AND ?`)
    .all(`${year}-01-01`, `${year}-12-31`) as { employee_id: string; title: string; organiser: string; method_id: number; jp: number; place: string; certificate_number: string | null; start_date: string; end_date: string }[];
  for (const x of external) {
    rows.push(recordSiasnRow({
      title: x.title, organiser: x.organiser, methodId: x.method_id, jp: x.jp, place: x.place, certificateNumber: x.certificate_number,
      startDate: x.start_date, endDate: x.end_date,
    }, who.get(x.employee_id)!, year));
  }
  return sortSiasnRows(rows);
}

export function siasnSheets(rows: readonly SiasnRow[], year: number): XSheet[] {
  const S = T.siasn;
  return [
    {
      name: S.sheet,
      headers: [...SIASN_COLUMNS],
      rows: rows.map((r): XCell[] => [
        r.nip, r.nama, r.jenisDiklatId, r.namaKursus, r.institusiPenyelenggara, r.jenisKursus, r.jumlahJam, r.lokasi,
        r.nomorSertipikat, r.tahunKursus, dayMonthYear(r.tanggalKursus), dayMonthYear(r.tanggalSelesaiKursus),
      ]),
      // Text: NIP, the certificate number and the dates, so Excel turns none of them into a number or a date.
      textColumns: [0, 8, 10, 11],
    },
    {
      name: S.notesSheet,
      headers: [S.column, S.meaning],
      rows: [...SIASN_COLUMNS.map((c) => [c, S.columns[c]]), [null, null], [null, fill(S.rowsNote, { year })]],
      autoFilter: false,
    },
  ];
}
