import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import { verifyChecksum } from '../../electron/backend/backup/checksum.ts';
import { fileIntegrityProblems } from '../../electron/backend/backup/create.ts';
import { DB_FILE } from '../../electron/backend/paths.ts';
import { cliActor } from '../../electron/backend/services/context.ts';
import { measure, measurePair, report, round, withRatio } from './harness.ts';
import { rosterCsv } from './roster.bench.ts';

const ACTOR = cliActor('bench');

async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const { result } = await backend.call(method, input, { door: 'cli', actor: ACTOR });
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/**
 * 10,000 employees (imported), 200 events of one session with 250 participants each, every one
 * marked: 50,000 attendance marks, with their journal and audit rows, all through the contract.
 */
export async function office10k(): Promise<{ backend: Backend; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-bench-'));
  const backend = createBackend({ dataDir: dir, now: () => new Date('2026-11-25T02:00:00Z') });
  await call(backend, 'office.setup', {
    regionCode: '16.71.14', name: 'Kantor Kecamatan Plaju', address: '', timezone: 'Asia/Jakarta',
    signer: { name: 'Camat Plaju', nip: '19700101 199003 1 002', title: 'Camat' },
  });
  await call(backend, 'roster.apply', { fileName: 'p.csv', dataBase64: Buffer.from(rosterCsv(10_000)).toString('base64') });
  const ids = backend.db.prepare('SELECT id FROM employees ORDER BY nip').pluck().all() as string[];
  for (let e = 0; e < 200; e++) {
    const event = await call<{ id: string }>(backend, 'events.create', { name: `Bimbingan Teknis ${e + 1}`, methodId: 8, competencyType: 'teknis', organiser: 'kantor', place: 'Aula Kantor Camat Plaju' });
    const day = String(1 + (e % 28)).padStart(2, '0');
    const session = await call<{ id: string }>(backend, 'sessions.create', { eventId: event.id, date: `2026-11-${day}`, start: '08:00', end: '12:00' });
    const start = (e * 250) % ids.length;
    await call(backend, 'enrolment.add', { eventId: event.id, employeeIds: ids.slice(start, start + 250) });
    await call(backend, 'attendance.markRest', { sessionId: session.id, status: 'hadir' });
  }
  return { backend, dir };
}

/**
 * backup.create_10k: "Cadangkan sekarang" through the contract (online backup, description,
 * integrity_check, checksum, fsync, rename, rotation, audit), against a raw copy of the same
 * checkpointed file (copyFileSync + fsync), the two in turns.
 */
export async function backupCreate(): Promise<void> {
  const { backend, dir } = await office10k();
  const counts = backend.db.prepare('SELECT (SELECT count(*) FROM employees) AS people, (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM attendance_marks) AS marks').get() as Record<string, number>;
  if (counts.people !== 10_000 || counts.events !== 200 || counts.marks !== 50_000) throw new Error(`data: ${JSON.stringify(counts)}`);
  backend.db.pragma('wal_checkpoint(TRUNCATE)');
  const live = path.join(dir, DB_FILE);
  const rawDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-bench-raw-'));
  let last = '';
  const backupOnce = async () => {
    const start = performance.now();
    last = (await call<{ path: string }>(backend, 'backup.create', {})).path;
    return performance.now() - start;
  };
  const rawOnce = () => {
    const copy = path.join(rawDir, 'copy.sqlite');
    const start = performance.now();
    fs.copyFileSync(live, copy);
    const fd = fs.openSync(copy, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    const elapsed = performance.now() - start;
    fs.rmSync(copy);
    return elapsed;
  };
  const runs = 9;
  const { medianMs, baselineMs } = await measurePair(runs, backupOnce, rawOnce);
  // Where the time goes: the two checks on their own, on the last backup made.
  const integrityMs = await measure(5, () => fileIntegrityProblems(last), 1);
  const checksumMs = await measure(5, () => verifyChecksum(last), 1);
  const megabytes = round(fs.statSync(last).size / 1048576);
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(rawDir, { recursive: true, force: true });
  report({ ...withRatio('backup.create_10k', runs, medianMs, baselineMs), db_mb: megabytes, integrity_check_ms: integrityMs, checksum_ms: checksumMs });
}
