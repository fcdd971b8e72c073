// Builders for the trainings tests: an office with a roster seeded through the real importer, a
// clock moved to exact local times, events and sessions through the contract, journal rows of a
// call, and PDFs read back with poppler (pdftotext / pdftoppm).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { Employee } from '../../shared/contract/employees.ts';
import type { Input } from '../../shared/contract/index.ts';
import { localToInstant } from '../../shared/domain/office-time.ts';
import type { Timezone } from '../../shared/domain/timezone.ts';
import { rosterCsv } from '../bench/roster.bench.ts';
import { ADMIN, FakeClock, login, openTestBackend, peek, setUpOffice, tempDir, type TestBackend } from './backend.ts';

export { rosterCsv };

export interface TrainingOffice {
  t: TestBackend;
  token: string;
  clock: FakeClock;
  /** A raw read-only connection to the database file. */
  db: Database.Database;
  /** The roster, by name (rosterCsv's people: "Agus Fauzi 6", "Drs. Ahmad Fauzi 0, M.Si.", …). */
  employees: Employee[];
  units: Record<string, string>;
  dir: string;
  close(): void;
}

/**
 * A set-up office (Kecamatan Plaju) with `people` employees imported from a real roster CSV.
 * `timezone` other than WIB is set afterwards through office.update, as an admin would.
 */
export async function trainingOffice(opts: { people?: number; timezone?: Timezone; clock?: FakeClock } = {}): Promise<TrainingOffice> {
  const clock = opts.clock ?? new FakeClock();
  const t = openTestBackend({ clock });
  const token = await setUpOffice(t);
  if (opts.timezone && opts.timezone !== 'Asia/Jakarta') {
    const office = await t.ok('office.get', {}, token);
    await t.ok('office.update', { name: office.name, address: office.address, timezone: opts.timezone, signer: office.signer }, token);
  }
  const people = opts.people ?? 10;
  if (people > 0) {
    const summary = await t.ok('roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(rosterCsv(people)).toString('base64') }, token);
    expect(summary.created).toBe(people);
  }
  const employees = people > 0 ? (await t.ok('employees.list', { limit: 1000 }, token)).items : [];
  const units = Object.fromEntries((await t.ok('units.list', {}, token)).map((u) => [u.name, u.id])) as Record<string, string>;
  const db = peek(t.dataDir);
  return { t, token, clock, db, employees, units, dir: tempDir('bangkom-trainings-'), close: () => { db.close(); t.close(); } };
}

/** Moves the fake clock to an exact UTC instant. */
export function setClock(clock: FakeClock, iso: string | Date): void {
  const target = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  clock.advance(target - clock.now().getTime());
}

/** Moves the fake clock to a local date and time of the given zone, plus some seconds. */
export function setLocalClock(clock: FakeClock, date: string, time: string, zone: Timezone, plusSeconds = 0): void {
  setClock(clock, new Date(localToInstant(date, time, zone).getTime() + plusSeconds * 1000));
}

/**
 * Moves the office clock forward to a local date and time (days later, say) and logs the admin in
 * again: a session idle for 12 hours has ended, as it would for a clerk. Updates `o.token`.
 */
export async function laterAt(o: Pick<TrainingOffice, 't' | 'clock' | 'token'>, date: string, time: string, zone: Timezone = 'Asia/Jakarta'): Promise<void> {
  setLocalClock(o.clock, date, time, zone);
  o.token = await login(o.t, ADMIN.username, ADMIN.password);
}

export const SPEAKERS = [
  { name: 'Dr. Rudi Hartono, M.Si.', institution: 'BKPSDM Kota Palembang', topic: 'Administrasi kependudukan' },
];

export function eventInput(over: Partial<Input<'events.create'>> = {}): Input<'events.create'> {
  return {
    name: 'Bimbingan Teknis Administrasi Kependudukan', methodId: 8, competencyType: 'teknis', organiser: 'kantor',
    place: 'Aula Kantor Camat Plaju', description: 'Pelayanan KTP-el dan KK', speakers: SPEAKERS, ...over,
  } as Input<'events.create'>;
}

export async function createEvent(o: Pick<TrainingOffice, 't' | 'token'>, over: Partial<Input<'events.create'>> = {}) {
  return o.t.ok('events.create', eventInput(over), o.token);
}

export async function addSession(o: Pick<TrainingOffice, 't' | 'token'>, eventId: string, date: string, start: string, end: string, over: Record<string, unknown> = {}) {
  return o.t.ok('sessions.create', { eventId, date, start, end, ...over }, o.token);
}

/** The standard written form: `19860926 201505 2 001`. */
export const spacedNip = (nip: string) => `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;

// ── journal ─────────────────────────────────────────────────────────────────────────────
export interface JournalRow { seq: number; entity: string; entity_id: string; op: string; at: string; user_id: string | null; origin: string }
export interface AuditRow { seq: number; action: string; entity: string | null; entity_id: string | null; details: string | null; username: string }

export const lastSeq = (db: Database.Database, table: 'change_journal' | 'audit_log' = 'change_journal') =>
  db.prepare(`SELECT coalesce(max(seq), 0) FROM ${table}`).pluck().get() as number;

export const journalAfter = (db: Database.Database, seq: number) =>
  db.prepare('SELECT * FROM change_journal WHERE seq > ? ORDER BY seq').all(seq) as JournalRow[];

export const auditAfter = (db: Database.Database, seq: number) =>
  db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq').all(seq) as AuditRow[];

/** Runs `work` and returns the journal rows it wrote, after checking each record appears once. */
export async function journalOf(db: Database.Database, work: () => Promise<unknown>): Promise<JournalRow[]> {
  const before = lastSeq(db);
  await work();
  const rows = journalAfter(db, before);
  const keys = rows.map((r) => `${r.entity}:${r.entity_id}`);
  expect(keys.length, `journal rows: ${JSON.stringify(rows.map((r) => [r.entity, r.op]))}`).toBe(new Set(keys).size);
  return rows;
}

/** The (entity, op) pairs of journal rows, sorted, for comparing what a call wrote. */
export const ops = (rows: readonly JournalRow[]) => rows.map((r) => `${r.entity}.${r.op}`).sort();

// ── PDF ─────────────────────────────────────────────────────────────────────────────────
/** Writes a PDF (base64 from the contract) to a temp file and returns its path. */
export function pdfFileOf(dataBase64: string, name = 'doc.pdf'): string {
  const file = path.join(tempDir('bangkom-pdf-'), name);
  fs.writeFileSync(file, Buffer.from(dataBase64, 'base64'));
  return file;
}

/** The text of each page, as pdftotext reads it (layout kept). */
export function pdfPages(dataBase64: string): string[] {
  const file = pdfFileOf(dataBase64);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages;
}

export const pdfText = (dataBase64: string) => pdfPages(dataBase64).join('\n');

/** Renders one page to PNG with pdftoppm and returns the PNG's path. */
export function pdfPagePng(dataBase64: string, page: number, outDir: string, name = 'page', dpi = 80): string {
  const file = pdfFileOf(dataBase64);
  const prefix = path.join(outDir, name);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return `${prefix}.png`;
}

/** Whitespace-collapsed text, so words split by layout columns still match. */
export const squash = (s: string) => s.replace(/\s+/g, ' ');
