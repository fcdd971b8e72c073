import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import type { Db } from '../../electron/backend/db/open.ts';
import { writeTransaction } from '../../electron/backend/db/transaction.ts';
import { ENTITIES } from '../../electron/backend/batches/format.ts';
import { cliActor } from '../../electron/backend/services/context.ts';
import { PLAJU_SETUP, measureInTurns, report, withRatio } from './harness.ts';

const ACTOR = cliActor('bench');
const SETUP = PLAJU_SETUP;
const NOW = new Date('2026-12-04T02:00:00Z');
const AT = NOW.toISOString();
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * A year of one office by raw inserts: 10,000 employees, 200 events of 5 sessions with 100
 * participants each, every one marked (100,000 marks), and a journal row per row as the services
 * would have written.
 */
function fill(db: Db): void {
  const SYNC = `'${AT}', '${AT}', NULL, '16.71.14', NULL`;
  writeTransaction(db, () => {
    const employee = db.prepare(`INSERT INTO employees (id, nip, employment_type, name, golongan, jabatan, status, search_key, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, 'pns', ?, '31', 'Pengadministrasi Umum', 'aktif', ?, ${SYNC})`);
    for (let i = 0; i < 10_000; i++) employee.run(`emp-${pad(i, 5)}`, `1980${pad(i, 14)}`, `Pegawai ${i}`, `pegawai ${i}`);
    const event = db.prepare(`INSERT INTO events (id, name, method_id, competency_type, organiser, place, status, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, 8, 'teknis', 'kantor', 'Aula Kantor Camat', 'selesai', ${SYNC})`);
    const session = db.prepare(`INSERT INTO event_sessions (id, event_id, date, start_time, end_time, computed_jp, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, ?, '08:00', '12:00', 5, ${SYNC})`);
    const enrolment = db.prepare(`INSERT INTO enrolments (id, event_id, employee_id, status, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, ?, 'terdaftar', ${SYNC})`);
    const mark = db.prepare(`INSERT INTO attendance_marks (id, session_id, enrolment_id, status, marked_at, source, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, ?, 'hadir', '${AT}', 'scan', ${SYNC})`);
    for (let k = 0; k < 200; k++) {
      const id = `event-${pad(k, 3)}`;
      event.run(id, `Kegiatan ${k}`);
      for (let s = 0; s < 5; s++) session.run(`${id}-s${s}`, id, `2026-${pad(1 + (k % 11), 2)}-${pad(1 + s, 2)}`);
      for (let p = 0; p < 100; p++) {
        const enrolmentId = `${id}-n${pad(p, 3)}`;
        enrolment.run(enrolmentId, id, `emp-${pad((k * 100 + p) % 10_000, 5)}`);
        for (let s = 0; s < 5; s++) mark.run(`${id}-s${s}-m${pad(p, 3)}`, `${id}-s${s}`, enrolmentId);
      }
    }
    for (const e of ENTITIES.filter((x) => x.tombstones)) {
      db.prepare(`INSERT INTO change_journal (entity, entity_id, op, at, user_id, origin) SELECT ?, ${e.key}, 'insert', ?, NULL, '16.71.14' FROM ${e.table} ORDER BY ${e.key}`)
        .run(e.journal, AT);
    }
  });
}

/** The baseline: the same rows by plain SELECTs, one JSON line each, zipped — no ordering of keys, versions, hashes or signature. */
function rawExport(db: Db): number {
  const files: Record<string, Uint8Array> = {};
  for (const e of ENTITIES) {
    const lines: string[] = [];
    for (const row of db.prepare(`SELECT * FROM ${e.table}`).iterate()) lines.push(`${JSON.stringify(row)}\n`);
    files[`${e.entity}.ndjson`] = Buffer.from(lines.join(''), 'utf8');
  }
  return zipSync(files, { level: 1 }).length;
}

/** batch.export_year: a full batch of a year's office through the backend, against the raw dump. */
export async function batchExportYear(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-bench-'));
  const backend: Backend = createBackend({ dataDir: dir, now: () => NOW });
  try {
    const setup = await backend.call('office.setup', SETUP, { door: 'cli', actor: ACTOR });
    if (!setup.result.ok) throw new Error(JSON.stringify(setup.result.error));
    fill(backend.db);
    let size = 0;
    const touch = backend.db.prepare("INSERT INTO change_journal (entity, entity_id, op, at, user_id, origin) VALUES ('employee', 'emp-00000', 'update', ?, NULL, '16.71.14')");
    const own = async () => {
      // A change first (untimed), so each run builds a new batch instead of handing back the last one.
      writeTransaction(backend.db, () => touch.run(AT));
      const start = performance.now();
      const { result } = await backend.call('batch.export', { full: true }, { door: 'cli', actor: ACTOR });
      const ms = performance.now() - start;
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      const value = result.value as { reused: boolean; file: string; counts: Record<string, number> };
      if (value.reused || value.counts.attendance_marks !== 100_000 || value.counts.employees !== 10_000) throw new Error(JSON.stringify(value));
      size = fs.statSync(value.file).size;
      fs.rmSync(value.file);
      return ms;
    };
    const raw = () => {
      const start = performance.now();
      rawExport(backend.db);
      return performance.now() - start;
    };
    const runs = 7;
    const { own: ownMs, baseline } = await measureInTurns(runs, { own, baseline: raw }, 1);
    report({ ...withRatio('batch.export_year', runs, ownMs, baseline), employees: 10_000, events: 200, marks: 100_000, bytes: size });
  } finally {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
