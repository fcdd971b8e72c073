// Which Bangkom processes have a data folder open: each writes `<data>/run/<pid>-<n>.json` when it
// opens the folder and removes it when it closes. A restore replaces the database file, so it
// waits until no other live process has it open. An entry whose process has died (a crash,
// a killed server) is stale: ignored and cleaned.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackupProcess } from '../../../shared/contract/backup.ts';

export type ProcessKind = BackupProcess['kind'];
export const RUN_DIR = 'run';

let sequence = 0;

export interface Presence {
  readonly entry: BackupProcess;
  remove(): void;
}

/** Registers this process (one entry per open backend) in the data folder. */
export function registerPresence(dataDir: string, kind: ProcessKind, now = new Date()): Presence {
  const dir = path.join(dataDir, RUN_DIR);
  const file = path.join(dir, `${process.pid}-${++sequence}.json`);
  const entry: BackupProcess = { pid: process.pid, kind, startedAt: now.toISOString(), hostname: os.hostname() };
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify(entry), { mode: 0o600 });
  } catch (err) {
    // Not fatal: the folder itself was opened; restore will simply not see this process.
    console.error('[backend] could not register in the data folder:', (err as Error).message);
  }
  let removed = false;
  return {
    entry,
    remove() {
      if (removed) return;
      removed = true;
      fs.rmSync(file, { force: true });
    },
  };
}

/** Whether a process of this computer runs (EPERM: it exists, it just belongs to someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isAlive(entry: BackupProcess): boolean {
  // A process on another computer (a shared folder) cannot be asked: it counts as alive.
  return entry.hostname !== os.hostname() || pidAlive(entry.pid);
}

/** Live Bangkom processes other than this one that have the folder open; stale entries are removed. */
export function otherProcesses(dataDir: string): BackupProcess[] {
  const dir = path.join(dataDir, RUN_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  const others: BackupProcess[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let entry: BackupProcess;
    try {
      entry = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupProcess;
      if (!Number.isInteger(entry.pid)) throw new Error('no pid');
    } catch {
      continue; // being written right now, or not ours: leave it
    }
    if (entry.pid === process.pid && entry.hostname === os.hostname()) continue;
    if (isAlive(entry)) others.push(entry);
    else fs.rmSync(file, { force: true });
  }
  return others.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

const KIND_LABEL: Record<ProcessKind, string> = { app: 'Bangkom app', serve: 'bangkom serve', cli: 'bangkom CLI', other: 'Bangkom' };

/** "bangkom serve (PID 4242, 2026-11-25 09:30 UTC)"; several joined by "; ". */
export function describeProcesses(list: readonly BackupProcess[]): string {
  return list.map((p) => {
    const since = p.startedAt.slice(0, 16).replace('T', ' ');
    const host = p.hostname === os.hostname() ? '' : `, ${p.hostname}`;
    return `${KIND_LABEL[p.kind] ?? 'Bangkom'} (PID ${p.pid}${host}, ${since} UTC)`;
  }).join('; ');
}
