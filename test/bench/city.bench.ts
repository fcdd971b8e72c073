import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import { readBatch, type TrustedBatchKey } from '../../electron/backend/batches/read.ts';
import { ENTITIES } from '../../electron/backend/batches/format.ts';
import type { Db } from '../../electron/backend/db/open.ts';
import { writeTransaction } from '../../electron/backend/db/transaction.ts';
import { trustedOffices } from '../../electron/backend/db/repos/trust.ts';
import { cityYearJp } from '../../electron/backend/city/ledger.ts';
import { cityEmployees, peopleOf } from '../../electron/backend/city/people.ts';
import { districts } from '../../electron/backend/services/regions.ts';
import { cliActor } from '../../electron/backend/services/context.ts';
import { fillKecamatanYear } from '../helpers/kecamatan-year.ts';
import { measureInTurns, report, round, withRatio } from './harness.ts';

const ACTOR = cliActor('bench');
const CTX = { door: 'cli' as const, actor: ACTOR };
const NOW = new Date('2026-12-04T02:00:00Z');
/** A real kecamatan's year: 500 employees, 12 events of 4 sessions with 115 enrolled (5,520 marks), 2,000 outside records. */
const YEAR = { employees: 500, events: 12, sessionsPerEvent: 4, enrolledPerEvent: 115, outsideRecords: 2000 };

interface Sent { fileName: string; bytes: Uint8Array; dataBase64: string }

async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const { result } = await backend.call(method, input, CTX);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-bench-'));

/** The 18 kecamatan of Kota Palembang, each its own data folder filled with a year, each sending its first (full) batch. */
async function eighteenBatches(): Promise<{ sent: Sent[]; trustFiles: { fileName: string; dataBase64: string }[] }> {
  const sent: Sent[] = [];
  const trustFiles: { fileName: string; dataBase64: string }[] = [];
  for (const d of await districts('16.71')) {
    const dir = tempDir();
    const backend = createBackend({ dataDir: dir, now: () => NOW });
    try {
      await call(backend, 'office.setup', {
        regionCode: d.code, name: `Kantor Kecamatan ${d.name}`, address: '', timezone: 'Asia/Jakarta',
        signer: { name: `Camat ${d.name}`, nip: '19700101 199003 1 002', title: 'Camat' },
      });
      fillKecamatanYear(backend.db, d.code, YEAR, NOW.toISOString());
      trustFiles.push(await call(backend, 'trust.export', {}));
      const made = await call<{ file: string; fileName: string }>(backend, 'batch.export', {});
      const bytes = new Uint8Array(fs.readFileSync(made.file));
      sent.push({ fileName: made.fileName, bytes, dataBase64: Buffer.from(bytes).toString('base64') });
    } finally {
      backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return { sent, trustFiles };
}

/** A fresh BKPSDM Kota Palembang that trusts the 18 kecamatan (set-up, not timed). */
async function freshCity(trustFiles: { fileName: string; dataBase64: string }[]): Promise<{ backend: Backend; dir: string }> {
  const dir = tempDir();
  const backend = createBackend({ dataDir: dir, now: () => NOW });
  await call(backend, 'office.setup', {
    regionCode: '16.71', kind: 'kota', name: 'BKPSDM Kota Palembang', address: '', timezone: 'Asia/Jakarta',
    signer: { name: 'Kepala BKPSDM', nip: '19700101 199003 1 002', title: 'Kepala BKPSDM' },
  });
  for (const f of trustFiles) await call(backend, 'trust.import', { ...f, confirm: true });
  return { backend, dir };
}

function dropCity(city: { backend: Backend; dir: string }): void {
  city.backend.close();
  fs.rmSync(city.dir, { recursive: true, force: true });
}

async function importAll(backend: Backend, sent: Sent[], expected: 'imported' | 'already_imported'): Promise<number> {
  let rows = 0;
  for (const s of sent) {
    const r = await call<{ status: string; created: number; unchanged: number }>(backend, 'batch.import', { fileName: s.fileName, dataBase64: s.dataBase64 });
    if (r.status !== expected) throw new Error(`${s.fileName}: ${JSON.stringify(r)}`);
    rows += r.created;
  }
  return rows;
}

/** Every file read and checked (signature, hashes, rows): what even a replay cannot skip. */
function readOne(s: Sent, keys: TrustedBatchKey[]) {
  const read = readBatch(s.bytes, keys);
  if (!read.ok) throw new Error(`${s.fileName}: ${read.reason}`);
  return read;
}
const readAll = (sent: Sent[], keys: TrustedBatchKey[]) => { for (const s of sent) readOne(s, keys); };

/**
 * The baseline: each file read with readBatch, then its rows by a plain prepared INSERT into a
 * table shaped like city_rows, one transaction per file — no chain, no ownership or version
 * check, no inbox copy, no audit.
 */
function rawInserts(sent: Sent[], keys: TrustedBatchKey[]): number {
  const dir = tempDir();
  const db: Db = new Database(path.join(dir, 'raw.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE rows (entity TEXT NOT NULL, id TEXT NOT NULL, office_id TEXT NOT NULL, row_version INTEGER NOT NULL,
      updated_at TEXT, data TEXT NOT NULL, removed_at TEXT, PRIMARY KEY (entity, id)) STRICT;
      CREATE INDEX rows_office ON rows (office_id, entity);`);
    const insert = db.prepare('INSERT INTO rows (entity, id, office_id, row_version, updated_at, data, removed_at) VALUES (?, ?, ?, ?, ?, ?, NULL)');
    const start = performance.now();
    for (const s of sent) {
      const read = readOne(s, keys);
      writeTransaction(db, () => {
        for (const e of ENTITIES) {
          for (const row of read.rows[e.entity]!) {
            insert.run(e.entity, row.id, read.manifest.office.id, row.rowVersion, typeof row.updatedAt === 'string' ? row.updatedAt : null, JSON.stringify(row));
          }
        }
      });
    }
    return performance.now() - start;
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const keysOf = (db: Db): TrustedBatchKey[] => trustedOffices(db).flatMap((o) => o.keys.map((k) => ({
  kid: k.kid, alg: k.alg, publicKey: new Uint8Array(Buffer.from(k.publicKey, 'base64')), officeCode: o.code,
})));

let built: Promise<Awaited<ReturnType<typeof eighteenBatches>>> | undefined;
/** The 18 files are made once (about half a minute) and shared by both benches. */
const batches = () => (built ??= eighteenBatches());

const sizes = (sent: Sent[], rows: number) => ({
  offices: sent.length, rows, bytes: sent.reduce((n, s) => n + s.bytes.length, 0),
  per_office: `${YEAR.employees} employees, ${YEAR.events} events, ${YEAR.events * YEAR.sessionsPerEvent * YEAR.enrolledPerEvent} marks, ${YEAR.outsideRecords} records`,
});

/** batch.import_18: the 18 year batches into a fresh city through backend.call, against raw inserts of the same rows. */
export async function batchImport18(): Promise<void> {
  const { sent, trustFiles } = await batches();
  let rows = 0;
  let readMs = 0;
  const own = async () => {
    const city = await freshCity(trustFiles);
    try {
      const start = performance.now();
      rows = await importAll(city.backend, sent, 'imported');
      return performance.now() - start;
    } finally {
      dropCity(city);
    }
  };
  const raw = async () => {
    const city = await freshCity(trustFiles);
    const keys = keysOf(city.backend.db);
    dropCity(city);
    const start = performance.now();
    readAll(sent, keys);
    readMs = performance.now() - start;
    return rawInserts(sent, keys);
  };
  const runs = 3;
  const { own: ownMs, raw: rawMs } = await measureInTurns(runs, { own, raw }, 1);
  report({ ...withRatio('batch.import_18', runs, ownMs, rawMs), ...sizes(sent, rows), read_ms: round(readMs) });
}

/** batch.reimport: the same 18 again into the city that has them; nothing changes. Ratio against reading and checking the 18 files alone. */
export async function batchReimport(): Promise<void> {
  const { sent, trustFiles } = await batches();
  const city = await freshCity(trustFiles);
  try {
    const rows = await importAll(city.backend, sent, 'imported');
    const keys = keysOf(city.backend.db);
    const own = async () => {
      const start = performance.now();
      await importAll(city.backend, sent, 'already_imported');
      return performance.now() - start;
    };
    const read = () => {
      const start = performance.now();
      readAll(sent, keys);
      return performance.now() - start;
    };
    const runs = 5;
    const { own: ownMs, read: readMs } = await measureInTurns(runs, { own, read }, 1);
    report({ ...withRatio('batch.reimport', runs, ownMs, readMs), ...sizes(sent, rows) });
  } finally {
    dropCity(city);
  }
}

/**
 * city.ledger_18: what the city reads of the year once the 18 are in: the city-wide ledger (every
 * person by NIP, JP by the kecamatan's own rules over the city's rows), the dashboard, one person,
 * and the SIASN sheet of all 18.
 */
export async function cityLedger18(): Promise<void> {
  const { sent, trustFiles } = await batches();
  const city = await freshCity(trustFiles);
  try {
    const rows = await importAll(city.backend, sent, 'imported');
    const ledger = await call<{ people: { nip: string }[]; totals: { people: number } }>(city.backend, 'city.ledger', { year: 2026 });
    const nip = ledger.people[0]!.nip;
    const runs = 5;
    const timed = (method: string, input: unknown) => async () => {
      const start = performance.now();
      await call(city.backend, method, input);
      return performance.now() - start;
    };
    const t = await measureInTurns(runs, {
      ledger: timed('city.ledger', { year: 2026 }), dashboard: timed('city.dashboard', { year: 2026 }),
      // The helper's NIPs are not real NIPs (city.person checks them): one person's read, as its handler does it.
      person: () => {
        const start = performance.now();
        const person = peopleOf(cityEmployees(city.backend.db, { nip })).get(nip)!;
        cityYearJp(city.backend.db, 2026, '2026-12-04 09:00', person.rows.map((r) => r.id));
        return performance.now() - start;
      },
      siasn: timed('city.siasn', { year: 2026 }),
    }, 1);
    report({
      name: 'city.ledger_18', median_ms: t.ledger, runs, people: ledger.totals.people,
      dashboard_ms: t.dashboard, person_ms: t.person, siasn_ms: t.siasn, ...sizes(sent, rows),
    });
  } finally {
    dropCity(city);
  }
}
