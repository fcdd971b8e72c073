import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createBackend, openDataFolder, type Backend } from '../../electron/backend/backend.ts';
import { cliActor } from '../../electron/backend/services/context.ts';
import { PLAJU_SETUP, measure, measurePair, report, withRatio } from './harness.ts';

const ACTOR = cliActor('bench');
const SETUP = PLAJU_SETUP;
const UNITS = ['Seksi Pemerintahan', 'Sekretariat Kecamatan', 'Plaju Ulu', 'Plaju Darat', 'Komperta'];
const GOLONGAN = ['II/a', 'III/a', 'III/b', 'III/c', 'IV/a'];
const FIRST = ['Ahmad', 'Siti', 'Budi', 'Dewi', 'Rahmat', 'Nur', 'Agus', 'Sri', 'Hendra', 'Rina'];
const LAST = ['Fauzi', 'Aminah', 'Santoso', 'Lestari', 'Hidayat', 'Halimah', 'Saputra', 'Wahyuni', 'Gunawan', 'Marlina'];

/** A realistic roster: valid, distinct NIPs (birth date + TMT + gender + sequence), titles, golongan spellings. */
export function rosterCsv(rows: number): string {
  const lines = ['NIP;Nama;Pangkat/Gol;Jabatan;Unit Kerja;L/P;Tgl Lahir'];
  for (let i = 0; i < rows; i++) {
    // Sequence cycles through 001–999 and the birth day changes every 999 rows: NIPs stay distinct.
    const year = 1965 + (i % 30);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (Math.floor(i / 999) % 28)).padStart(2, '0');
    const tmt = `${year + 20 + (i % 5)}${String(1 + (i % 12)).padStart(2, '0')}`;
    const gender = 1 + (i % 2);
    const seq = String(1 + (i % 999)).padStart(3, '0');
    const nip = `${year}${month}${day}${tmt}${gender}${seq}`;
    const name = `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]} ${i}`;
    lines.push([nip, i % 7 === 0 ? `Drs. ${name}, M.Si.` : name, GOLONGAN[i % 5], 'Staf Pelaksana', UNITS[i % 5], gender === 1 ? 'L' : 'P', `${day}-${month}-${year}`].join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function freshDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-bench-'));
}

async function officeBackend(): Promise<{ backend: Backend; dir: string }> {
  const dir = freshDir();
  const backend = createBackend({ dataDir: dir });
  const { result } = await backend.call('office.setup', SETUP, { door: 'cli', actor: ACTOR });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { backend, dir };
}

/** roster.import_10k: parse, validate and apply 10,000 rows, against raw parse + insert. */
export async function rosterImport(): Promise<void> {
  const csv = rosterCsv(10_000);
  const input = { fileName: 'pegawai.csv', dataBase64: Buffer.from(csv).toString('base64') };
  const runs = 9;
  const dirs: string[] = [];
  const importOnce = async () => {
    const { backend, dir } = await officeBackend();
    dirs.push(dir);
    const start = performance.now();
    const { result } = await backend.call('roster.apply', input, { door: 'cli', actor: ACTOR });
    const elapsed = performance.now() - start;
    if (!result.ok || (result.value as { created: number }).created !== 10_000) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 400)}`);
    backend.close();
    return elapsed;
  };
  // The baseline: the same rows parsed and inserted as they are into the same employees table
  // (its columns and indexes), with no checking, no journal and no audit.
  const rawOnce = () => {
    const dir = freshDir();
    dirs.push(dir);
    const db = openDataFolder(dir);
    const start = performance.now();
    const rows = parse(csv, { delimiter: ';', from_line: 2 }) as string[][];
    const insert = db.prepare(`INSERT INTO employees (id, nip, employment_type, name, golongan, jabatan, gender, birth_date, search_key,
      created_at, updated_at, origin) VALUES (?, ?, 'pns', ?, ?, ?, ?, ?, ?, ?, ?, '16.71.14')`);
    const at = new Date().toISOString();
    let n = 0;
    db.transaction(() => { for (const [nip, name, gol, jabatan, , gender, birth] of rows) insert.run(`raw-${n++}`, nip, name, gol, jabatan, gender, birth, name, at, at); })();
    const elapsed = performance.now() - start;
    db.close();
    return elapsed;
  };
  const { medianMs: ms, baselineMs: raw } = await measurePair(runs, importOnce, rawOnce);
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  report(withRatio('roster.import_10k', runs, ms, raw));
}

/** employees.search_10k: a name-fragment search over 10,000 employees at the backend. */
export async function employeeSearch(): Promise<void> {
  const { backend, dir } = await officeBackend();
  const input = { fileName: 'pegawai.csv', dataBase64: Buffer.from(rosterCsv(10_000)).toString('base64') };
  await backend.call('roster.apply', input, { door: 'cli', actor: ACTOR });
  const queries = ['aminah', 'hidayat 12', 'siti', '19860926 2015', 'wahyu', 'dewi lest'];
  let i = 0;
  const ms = await measure(200, async () => {
    const { result } = await backend.call('employees.list', { search: queries[i++ % queries.length] }, { door: 'cli', actor: ACTOR });
    if (!result.ok) throw new Error('search failed');
  }, 20);
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
  report({ name: 'employees.search_10k', median_ms: ms, runs: 200 });
}
