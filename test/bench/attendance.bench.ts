import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import { cliActor } from '../../electron/backend/services/context.ts';
import { measure, report } from './harness.ts';
import { rosterCsv } from './roster.bench.ts';

const ACTOR = cliActor('bench');

async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const { result } = await backend.call(method, input, { door: 'cli', actor: ACTOR });
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** An office with `people` employees enrolled in an event of `sessions` sessions. */
async function eventWith(people: number, sessions: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-bench-'));
  const backend = createBackend({ dataDir: dir, now: () => new Date('2026-11-25T00:30:00Z') });
  await call(backend, 'office.setup', {
    regionCode: '16.71.14', name: 'Kantor Kecamatan Plaju', address: 'Jl. Kapten Abdullah', timezone: 'Asia/Jakarta',
    signer: { name: 'Drs. H. Ahmad Fauzi, M.Si.', nip: '19700101 199003 1 002', title: 'Camat Plaju' },
  });
  await call(backend, 'roster.apply', { fileName: 'p.csv', dataBase64: Buffer.from(rosterCsv(people)).toString('base64') });
  const event = await call<{ id: string }>(backend, 'events.create', { name: 'Bimbingan Teknis Administrasi Kependudukan', methodId: 8, competencyType: 'teknis', organiser: 'kantor', place: 'Aula Kantor Camat Plaju' });
  const sessionIds: string[] = [];
  for (let i = 0; i < sessions; i++) {
    const day = String(25 + Math.floor(i / 2)).padStart(2, '0');
    const s = await call<{ id: string }>(backend, 'sessions.create', { eventId: event.id, date: `2026-11-${day}`, start: i % 2 ? '13:00' : '08:00', end: i % 2 ? '16:00' : '12:00', topic: `Materi ${i + 1}` });
    sessionIds.push(s.id);
  }
  const { items } = await call<{ items: { id: string; nip: string }[] }>(backend, 'employees.list', { limit: 1000 });
  await call(backend, 'enrolment.add', { eventId: event.id, employeeIds: items.map((e) => e.id) });
  return { backend, dir, eventId: event.id, sessionIds, nips: items.map((e) => e.nip) };
}

/** attendance.scan: one scan (lookup, mark, journal) at the backend; each NIP scanned once. */
export async function attendanceScan(): Promise<void> {
  const { backend, dir, sessionIds, nips } = await eventWith(400, 1);
  let i = 0;
  const runs = 300;
  const ms = await measure(runs, async () => {
    const r = await call<{ outcome: string }>(backend, 'attendance.scan', { sessionId: sessionIds[0], input: nips[i++] });
    if (r.outcome !== 'marked') throw new Error(`scan ${r.outcome}`);
  }, 50);
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
  report({ name: 'attendance.scan', median_ms: ms, runs });
}

/** attendance.sheet_200: the daftar hadir PDF of a session with 200 participants. */
export async function attendanceSheet(): Promise<void> {
  const { backend, dir, sessionIds } = await eventWith(200, 1);
  const runs = 5;
  const ms = await measure(runs, async () => {
    const f = await call<{ dataBase64: string }>(backend, 'attendance.sheetPdf', { sessionId: sessionIds[0] });
    if (!f.dataBase64.length) throw new Error('empty');
  }, 1);
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
  report({ name: 'attendance.sheet_200', median_ms: ms, runs });
}

/** attendance.recap_200x10: the recap of 200 participants × 10 sessions, every cell marked. */
export async function attendanceRecap(): Promise<void> {
  const { backend, dir, eventId, sessionIds } = await eventWith(200, 10);
  for (const sessionId of sessionIds) await call(backend, 'attendance.markRest', { sessionId, status: 'hadir' });
  const runs = 50;
  const ms = await measure(runs, async () => {
    const r = await call<{ rows: unknown[] }>(backend, 'recap.event', { eventId });
    if (r.rows.length !== 200) throw new Error('rows');
  }, 5);
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
  report({ name: 'attendance.recap_200x10', median_ms: ms, runs });
}
