import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import { readTable } from '../../electron/backend/import/read-table.ts';
import { cliActor } from '../../electron/backend/services/context.ts';
import { PLAJU_SETUP, measurePair, report, withRatio } from './harness.ts';
import { rosterCsv } from './roster.bench.ts';

const ACTOR = cliActor('bench');
const SETUP = PLAJU_SETUP;
const PEOPLE = 1_000;
const ROWS = 10_000;

/** What a year of outside trainings looks like in a tracker or a platform's export: several methods, dd-mm-yyyy dates. */
const KINDS = [
  { method: 'E-Learning', title: 'Literasi Digital Modul', organiser: 'LAN RI (ASN Unggul)', days: 2, hours: '5', jp: '' },
  { method: 'Webinar', title: 'Webinar Pelayanan Publik Seri', organiser: 'Ombudsman RI', days: 1, hours: '', jp: '' },
  { method: 'Bimbingan Teknis', title: 'Bimtek Penyusunan SKP Angkatan', organiser: 'BKPSDM Kota Palembang', days: 3, hours: '18', jp: '24' },
  { method: 'Workshop', title: 'Workshop Perencanaan Anggaran Sesi', organiser: 'Bappeda', days: 2, hours: '', jp: '' },
  { method: '3', title: 'Diklat Teknis Administrasi Kependudukan Angkatan', organiser: 'BPSDM Provinsi Sumsel', days: 5, hours: '', jp: '40' },
];

/** 10,000 records for 1,000 people of rosterCsv, each training once; a certificate number on most. */
export function recordsCsv(nips: readonly string[], rows = ROWS): string {
  const lines = ['NIP;Nama;Nama Pelatihan;Penyelenggara;Jenis Pengembangan;Tanggal Mulai;Tanggal Selesai;Durasi (jam);Total JP;No. Sertifikat'];
  const dmy = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
  for (let i = 0; i < rows; i++) {
    const kind = KINDS[(i + Math.floor(i / nips.length)) % KINDS.length]!;
    const start = new Date(Date.UTC(2026, 0, 5) + ((i * 7) % 330) * 86_400_000);
    const end = new Date(start.getTime() + (kind.days - 1) * 86_400_000);
    const certificate = i % 4 === 3 ? '' : `SRT/${2026}/${String(i).padStart(6, '0')}`;
    lines.push([nips[i % nips.length], `Pegawai ${i % nips.length}`, `${kind.title} ${Math.floor(i / nips.length) + 1}`, kind.organiser, kind.method,
      dmy(start), dmy(end), kind.hours, kind.jp, certificate].join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function officeWithRoster(dirs: string[]): Promise<Backend> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-bench-'));
  dirs.push(dir);
  const backend = createBackend({ dataDir: dir });
  const call = async (method: string, input: unknown) => {
    const { result } = await backend.call(method, input, { door: 'cli', actor: ACTOR });
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error).slice(0, 400)}`);
    return result.value;
  };
  await call('office.setup', SETUP);
  await call('roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(rosterCsv(PEOPLE)).toString('base64') });
  return backend;
}

/** records.import_10k: read, check (roster, rule, duplicates) and write 10,000 rows, against raw read + insert. */
export async function recordsImport(): Promise<void> {
  const nips = rosterCsv(PEOPLE).split('\r\n').slice(1, PEOPLE + 1).map((line) => line.split(';')[0]!);
  const csv = recordsCsv(nips);
  const data = Buffer.from(csv);
  const input = { fileName: 'pelatihan-luar.csv', dataBase64: data.toString('base64') };
  const runs = 9;
  const dirs: string[] = [];
  const importOnce = async () => {
    const backend = await officeWithRoster(dirs);
    const start = performance.now();
    const { result } = await backend.call('records.apply', input, { door: 'cli', actor: ACTOR });
    const elapsed = performance.now() - start;
    if (!result.ok || (result.value as { created: number }).created !== ROWS) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 400)}`);
    backend.close();
    return elapsed;
  };
  // The baseline: the same file read by the same reader, and its rows inserted as they are into
  // the same table (its columns and indexes) beside the same roster, in one transaction: no
  // checking, no JP rule, no duplicates, no journal and no audit.
  const rawOnce = async () => {
    const backend = await officeWithRoster(dirs);
    const db = backend.db;
    const start = performance.now();
    const table = await readTable(data, input.fileName);
    const ids = new Map((db.prepare('SELECT nip, id FROM employees').all() as { nip: string; id: string }[]).map((e) => [e.nip, e.id]));
    const insert = db.prepare(`INSERT INTO training_records (id, employee_id, title, organiser, method_id, competency_type, start_date, end_date,
      hours, jp, certificate_number, title_key, created_at, updated_at, origin) VALUES (?, ?, ?, ?, 16, 'teknis', ?, ?, ?, ?, ?, ?, ?, ?, '16.71.14')`);
    const iso = (dmy: string) => `${dmy.slice(6)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}`;
    const at = new Date().toISOString();
    let n = 0;
    db.transaction(() => {
      for (const { cells: [nip, , title, organiser, , start, end, hours, jp, certificate] } of table.rows) {
        insert.run(`raw-${n++}`, ids.get(nip!), title, organiser, iso(start!), iso(end!), hours ? Number(hours) : null, Number(jp || 0),
          certificate || null, title!.toLowerCase(), at, at);
      }
    })();
    const elapsed = performance.now() - start;
    backend.close();
    return elapsed;
  };
  const { medianMs: ms, baselineMs: raw } = await measurePair(runs, importOnce, rawOnce);
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  report(withRatio('records.import_10k', runs, ms, raw));
}
