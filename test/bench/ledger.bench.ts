import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import type { Db } from '../../electron/backend/db/open.ts';
import { writeTransaction } from '../../electron/backend/db/transaction.ts';
import { cliActor } from '../../electron/backend/services/context.ts';
import { PLAJU_SETUP, measureInTurns, report, timed, withRatio } from './harness.ts';

const ACTOR = cliActor('bench');
const SETUP = PLAJU_SETUP;
// The office clock: Wednesday 25 November 2026, 09:00 WIB. Most of the year's events are over.
const NOW = new Date('2026-11-25T02:00:00Z');
const AT = NOW.toISOString();

/** A small seeded generator: the same office every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * 10,000 employees in 10 units (one in ten PPPK, a few moved away); 200 events of 5 sessions
 * with 60 participants each, marked (about 59,000 marks: the sessions still to come are not);
 * 40,000 external records, half verified. Raw inserts into a data folder set up as usual.
 */
function fill(db: Db): { marks: number; records: number } {
  const rnd = seeded(20261125);
  const SYNC = `'${AT}', '${AT}', NULL, '16.71.14', NULL`;
  let marks = 0;
  writeTransaction(db, () => {
    const unit = db.prepare(`INSERT INTO units (id, code, name, kind, active, sort_order, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, ?, 'kantor', 1, ?, ${SYNC})`);
    for (let u = 0; u < 10; u++) unit.run(`unit-${u}`, `UB${pad(u)}`, `Unit Bench ${u + 1}`, 100 + u);
    const employee = db.prepare(`INSERT INTO employees (id, nip, employment_type, name, golongan, unit_id, status, search_key, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ${SYNC})`);
    for (let i = 0; i < 10_000; i++) {
      const pppk = i % 10 === 9;
      // 18 digits, distinct; the ledger never reads a NIP's parts.
      const nip = `${pppk ? '1990' : '1980'}${pad(i, 14)}`;
      const name = `Pegawai ${i}`;
      employee.run(`emp-${pad(i, 5)}`, nip, pppk ? 'pppk' : 'pns', name, pppk ? 'PPPK-IX' : ['21', '31', '32', '33', '41'][i % 5],
        `unit-${i % 10}`, i % 50 === 49 ? 'pindah' : 'aktif', name.toLowerCase());
    }
    const event = db.prepare(`INSERT INTO events (id, name, method_id, competency_type, organiser, min_attendance_pct, min_post_test, status, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, 8, 'teknis', 'kantor', 80, ?, ?, ${SYNC})`);
    const session = db.prepare(`INSERT INTO event_sessions (id, event_id, date, start_time, end_time, computed_jp, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, ?, ?, ?, ?, ${SYNC})`);
    const enrolment = db.prepare(`INSERT INTO enrolments (id, event_id, employee_id, status, post_test, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, ?, ?, ?, ${SYNC})`);
    const mark = db.prepare(`INSERT INTO attendance_marks (id, session_id, enrolment_id, status, marked_at, source, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, ?, ?, '${AT}', 'paper', ${SYNC})`);
    const STATUSES = ['hadir', 'hadir', 'hadir', 'hadir', 'hadir', 'terlambat', 'psw', 'izin', 'sakit', 'alpa'];
    for (let k = 0; k < 200; k++) {
      const id = `event-${pad(k, 3)}`;
      // Spread over the year (and a few last year): the last ones are under way or still to come.
      const year = k < 10 ? 2025 : 2026;
      const day = Math.floor(((k % 190) / 190) * 330);
      const first = new Date(Date.UTC(year, 0, 5 + day));
      event.run(id, `Kegiatan ${k}`, k % 4 === 0 ? 70 : null, k % 50 === 7 ? 'batal' : 'direncanakan');
      const sessions: { id: string; over: boolean }[] = [];
      for (let s = 0; s < 5; s++) {
        const date = new Date(first.getTime() + Math.floor(s / 2) * 86_400_000).toISOString().slice(0, 10);
        const [start, end, jp] = s % 2 ? ['13:00', '16:00', 4] : ['08:00', '12:00', 5];
        session.run(`${id}-s${s}`, id, date, start, end, jp);
        sessions.push({ id: `${id}-s${s}`, over: `${date} ${end}` <= '2026-11-25 09:00' });
      }
      const taken = new Set<number>();
      for (let p = 0; p < 60; p++) {
        let who = rnd(10_000);
        while (taken.has(who)) who = (who + 1) % 10_000;
        taken.add(who);
        const enrolmentId = `${id}-n${p}`;
        enrolment.run(enrolmentId, id, `emp-${pad(who, 5)}`, p % 40 === 39 ? 'mundur' : 'terdaftar', k % 4 === 0 ? 50 + rnd(51) : null);
        for (const s of sessions) {
          if (!s.over) continue;
          mark.run(`${s.id}-m${p}`, s.id, enrolmentId, STATUSES[rnd(STATUSES.length)]);
          marks++;
        }
      }
    }
    const record = db.prepare(`INSERT INTO training_records (id, employee_id, title, organiser, method_id, competency_type, start_date, end_date, jp, verified_at, title_key,
      created_at, updated_at, updated_by, origin, deleted_at) VALUES (?, ?, ?, 'BPSDM Provinsi', 16, 'teknis', ?, ?, ?, ?, ?, ${SYNC})`);
    for (let r = 0; r < 40_000; r++) {
      const date = `${r % 5 === 0 ? 2025 : 2026}-${pad(1 + rnd(12))}-${pad(1 + rnd(28))}`;
      record.run(`record-${r}`, `emp-${pad(rnd(10_000), 5)}`, `Pelatihan ${r}`, date, date, 2 + rnd(11), r % 2 ? AT : null, `pelatihan ${r}`);
    }
  });
  return { marks, records: 40_000 };
}

/**
 * The baseline: the plain aggregate of the same tables — JP of every present mark of the year
 * per enrolled employee plus the year's records, for the active roster — with none of the
 * ledger's rules (finished, passed, planned, targets) and nothing built in JS.
 */
function rawAggregate(db: Db): number {
  return (db.prepare(`SELECT e.id, coalesce(j.jp, 0) + coalesce(r.jp, 0) AS jp FROM employees e
    LEFT JOIN (SELECT n.employee_id, sum(coalesce(s.jp_override, s.computed_jp)) AS jp FROM attendance_marks m
      JOIN event_sessions s ON s.id = m.session_id JOIN enrolments n ON n.id = m.enrolment_id
      WHERE m.status IN ('hadir', 'terlambat', 'psw') AND substr(s.date, 1, 4) = '2026' GROUP BY n.employee_id) j ON j.employee_id = e.id
    LEFT JOIN (SELECT employee_id, sum(jp) AS jp FROM training_records WHERE start_date BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY employee_id) r ON r.employee_id = e.id
    WHERE e.deleted_at IS NULL AND e.status = 'aktif'`).all() as unknown[]).length;
}

/** ledger.year_10k: the year's ledger of 10,000 employees through the backend, against the raw aggregate. */
export async function ledgerYear(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-bench-'));
  const backend: Backend = createBackend({ dataDir: dir, now: () => NOW });
  try {
    const setup = await backend.call('office.setup', SETUP, { door: 'cli', actor: ACTOR });
    if (!setup.result.ok) throw new Error(JSON.stringify(setup.result.error));
    const { marks, records } = fill(backend.db);
    let rows = 0;
    const ledger = timed(async () => {
      const { result } = await backend.call('ledger.year', { year: 2026 }, { door: 'cli', actor: ACTOR });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      rows = (result.value as { rows: unknown[] }).rows.length;
    });
    const raw = timed(() => rawAggregate(backend.db));
    const runs = 30;
    const { own, baseline } = await measureInTurns(runs, { own: ledger, baseline: raw }, 5);
    if (rows !== 9_800) throw new Error(`ledger rows: ${rows}`);
    report({ ...withRatio('ledger.year_10k', runs, own, baseline), employees: 10_000, marks, records });
  } finally {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
