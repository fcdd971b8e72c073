// A kecamatan's year of data written straight into its data folder (after office.setup), as the
// services would have left it: rows with their sync columns and one change-journal entry each.
// Ids are UUIDv7 as the services make them, so 18 offices' rows never share an id at the city.
import { newId } from '../../electron/backend/db/ids.ts';
import type { Db } from '../../electron/backend/db/open.ts';
import { writeTransaction } from '../../electron/backend/db/transaction.ts';

export interface YearSize {
  employees: number;
  events: number;
  sessionsPerEvent: number;
  /** Enrolled per event (at most `employees`); each is marked at every session. */
  enrolledPerEvent: number;
  /** Training records from outside the office (riwayat). */
  outsideRecords: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Fills the office's year; returns the employees' ids, in the order they were written. */
export function fillKecamatanYear(db: Db, code: string, size: YearSize, at: string): string[] {
  if (size.enrolledPerEvent > size.employees) throw new Error('enrolledPerEvent > employees');
  const SYNC = `'${at}', '${at}', NULL, '${code}', NULL`;
  const digits = code.replace(/\./g, '');
  return writeTransaction(db, () => {
    const journal = db.prepare(`INSERT INTO change_journal (entity, entity_id, op, at, user_id, origin) VALUES (?, ?, 'insert', '${at}', NULL, '${code}')`);
    const add = (statement: { run(...args: unknown[]): unknown }, entity: string, ...values: unknown[]) => {
      const id = newId();
      statement.run(id, ...values);
      journal.run(entity, id);
      return id;
    };
    const employee = db.prepare(`INSERT INTO employees (id, nip, employment_type, name, golongan, jabatan, status, search_key, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, 'pns', ?, '31', 'Pengadministrasi Umum', 'aktif', ?, ${SYNC})`);
    const employees: string[] = [];
    for (let i = 0; i < size.employees; i++) employees.push(add(employee, 'employee', `1980${digits}${pad(i, 8)}`, `Pegawai ${code} ${i}`, `pegawai ${code} ${i}`));
    const emp = (i: number) => employees[i % size.employees]!;
    const event = db.prepare(`INSERT INTO events (id, name, method_id, competency_type, organiser, place, status, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, 8, 'teknis', 'kantor', 'Aula Kantor Camat', 'selesai', ${SYNC})`);
    const session = db.prepare(`INSERT INTO event_sessions (id, event_id, date, start_time, end_time, computed_jp, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, ?, '08:00', '12:00', 5, ${SYNC})`);
    const enrolment = db.prepare(`INSERT INTO enrolments (id, event_id, employee_id, status, post_test, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, ?, 'terdaftar', ?, ${SYNC})`);
    const mark = db.prepare(`INSERT INTO attendance_marks (id, session_id, enrolment_id, status, marked_at, source, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, ?, 'hadir', '${at}', 'scan', ${SYNC})`);
    for (let k = 0; k < size.events; k++) {
      const id = add(event, 'event', `Kegiatan ${k}`);
      const sessions: string[] = [];
      for (let s = 0; s < size.sessionsPerEvent; s++) sessions.push(add(session, 'session', id, `2026-${pad(1 + (k % 11), 2)}-${pad(1 + s, 2)}`));
      for (let p = 0; p < size.enrolledPerEvent; p++) {
        const enrolmentId = add(enrolment, 'enrolment', id, emp(k * size.enrolledPerEvent + p), 60 + (p % 40));
        for (const s of sessions) add(mark, 'attendance', s, enrolmentId);
      }
    }
    const record = db.prepare(`INSERT INTO training_records (id, employee_id, title, organiser, method_id, competency_type, start_date, end_date, hours, computed_jp, jp, source, title_key,
        created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, ?, 'BPSDM Provinsi', 16, 'teknis', ?, ?, 6, 8, 8, 'import', ?, ${SYNC})`);
    for (let r = 0; r < size.outsideRecords; r++) {
      const day = `2026-${pad(1 + (r % 12), 2)}-${pad(1 + (r % 28), 2)}`;
      add(record, 'training_record', emp(r), `Pelatihan Luar ${r}`, day, day, `pelatihan luar ${r}`);
    }
    return employees;
  });
}
