// What every command shares: the data folder, the backend as the local admin, output as text
// or one JSON document, and failures as one line.
//
// The backend (and with it SQLite, the importers, PDF) is loaded only when a command uses it:
// `bangkom --version` or `--help` starts without it. Hence `await import(…)` for backend
// modules throughout electron/cli, and only types imported from them at the top.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { ApiError } from '../../shared/contract/errors.ts';
import type { MethodName, Output } from '../../shared/contract/index.ts';
import type { Unit } from '../../shared/contract/office.ts';
import { formatNip, parseNip, type NipIssue } from '../../shared/domain/nip.ts';
import { localMinute } from '../../shared/domain/office-time.ts';
import { createI18n, type Language } from '../../shared/i18n/index.ts';
import type { Backend } from '../backend/backend.ts';
import { resolveDataDir } from '../backend/paths.ts';
import { cliActor } from '../backend/services/context.ts';
import { writeFileAtomic as writeFileAtomicOrThrow } from '../backend/files.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
export const DEFAULT_PORT = 4780;

const lang: Language = process.env.BANGKOM_LANG === 'en' ? 'en' : 'id';
export const { t } = createI18n(lang);

/** A failure whose message is already the one line to show. */
export class CliFailure extends Error {}

/** What a command asks its caller to exit with, without touching the process-wide exit code. */
export interface CliOutcome { exitCode: number }

export function dataDir(cmd: Command): string {
  return resolveDataDir(cmd.optsWithGlobals().data as string | undefined);
}

export async function withBackend<T>(cmd: Command, work: (backend: Backend) => Promise<T>): Promise<T> {
  const { createBackend } = await import('../backend/backend.ts');
  const backend = createBackend({ dataDir: dataDir(cmd), autoBackup: true, processKind: 'cli' });
  // The daily backup a command may have started is finished before the process exits.
  try {
    return await work(backend);
  } finally {
    await backend.settled();
    backend.close();
  }
}

/** Calls a contract method as the local admin; a typed error becomes a one-line failure. */
export async function callAsCli<M extends MethodName>(backend: Backend, method: M, input: unknown): Promise<Output<M>> {
  const { result } = await backend.call(method, input, { door: 'cli', actor: cliActor(os.userInfo().username) });
  if (!result.ok) throw ApiError.from(result.error);
  return result.value as Output<M>;
}

export function print(cmd: Command, data: unknown, human: () => string): void {
  if (cmd.opts().json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else process.stdout.write(`${human()}\n`);
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function readInputFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new CliFailure(`Berkas ${file} tidak dapat dibaca.`);
  }
}

const NUMBER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
/** A figure the Indonesian way: "1.234", "2,5". */
export const num = (n: number) => NUMBER.format(n);

/** An instant as the commands print it: "2026-05-04 08:30 UTC". */
export const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** A cell cut to its column ("…") or padded to it. */
export function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** Lines of a table: columns padded to the widest cell (at most `cap`, per column if a function), numbers to the right. */
export function table(head: readonly string[], rows: readonly string[][], numeric: ReadonlySet<number>, cap: number | ((column: number) => number) = 32): string[] {
  const capOf = typeof cap === 'number' ? () => cap : cap;
  const width = head.map((h, c) => Math.min(capOf(c), Math.max(h.length, ...rows.map((r) => r[c]!.length))));
  const line = (row: readonly string[]) => row.map((v, c) => (numeric.has(c) ? v.padStart(width[c]!) : fit(v, width[c]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)];
}

/** Exports are written beside the target and renamed over it: a crash never leaves half a file. */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  try {
    writeFileAtomicOrThrow(file, data);
  } catch (err) {
    throw new CliFailure(`Berkas ${file} tidak dapat ditulis (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
}

/** A --year option: four digits, or undefined when not given. */
export function yearOf(given: string | undefined): number | undefined {
  if (given === undefined) return undefined;
  if (!/^\d{4}$/.test(given.trim())) throw new CliFailure(`Tahun "${given}" tidak sah; tulis empat angka, mis. --year 2026.`);
  return Number(given.trim());
}

/** This year by the office's clock, not the computer's zone. */
export async function officeYear(backend: Backend): Promise<number> {
  const office = await callAsCli(backend, 'office.get', {});
  return Number(localMinute(new Date(), office.timezone).slice(0, 4));
}

/** A unit as the clerk names it: its id, its code or its name (any case). */
export async function findUnit(backend: Backend, text: string): Promise<Unit> {
  const units = await callAsCli(backend, 'units.list', { includeInactive: true });
  const wanted = text.trim().toLowerCase();
  const unit = units.find((u) => u.id === text.trim())
    ?? units.find((u) => u.code !== null && u.code.toLowerCase() === wanted)
    ?? units.find((u) => u.name.toLowerCase() === wanted);
  if (!unit) {
    const known = units.map((u) => (u.code ? `${u.name} (${u.code})` : u.name)).join(', ');
    throw new CliFailure(`Unit kerja "${text}" tidak ditemukan.${known ? ` Unit yang ada: ${known}.` : ' Belum ada unit kerja.'}`);
  }
  return unit;
}

export type RosterEmployee = Output<'employees.list'>['items'][number];

/**
 * The person with this NIP on the roster (removed people are not), the NIP written any common
 * way. `refuse` turns the problem (the NIP's first error, or employee.unknown_nip) into the
 * command's own one-line failure.
 */
export async function employeeByNip(backend: Backend, nip: string, refuse: (problem: NipIssue<string>) => Error): Promise<RosterEmployee> {
  const parsed = parseNip(nip);
  if (!parsed.ok) throw refuse(parsed.errors[0]!);
  const { items } = await callAsCli(backend, 'employees.list', { search: parsed.nip.digits, limit: 10 });
  const person = items.find((e) => e.nip === parsed.nip.digits);
  if (!person) throw refuse({ code: 'employee.unknown_nip', params: { nip: formatNip(parsed.nip.digits) } });
  return person;
}
