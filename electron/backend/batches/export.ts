/**
 * Building a batch file for the city office from the change journal (format in format.ts and
 * docs/batch-format.md). Rows are read with prepared statements in id order and written as NDJSON
 * in chunks; the same rows, range and stamp always give the same bytes (Ed25519 signatures are
 * deterministic, zip entries carry a fixed time).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { ApiError } from '../../../shared/contract/errors.ts';
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';
import { writeTransaction } from '../db/transaction.ts';
import { getOffice } from '../db/repos/office.ts';
import { listOfficeKeys } from '../db/repos/office-keys.ts';
import { writeFileAtomic } from '../files.ts';
import { officeSigner } from '../certificates/trust-list.ts';
import { officeNow } from '../services/events.ts';
import {
  ALG_NAMES, BATCH_EXTENSION, BATCH_FORMAT, BATCH_FORMAT_VERSION, ENTITIES, ENTITY_NAMES, MANIFEST_FILE, ROW_HEAD, SIGNATURE_FILE, TOMBSTONE_KEYS, TOMBSTONES,
  batchFileName, entityFile, type BatchKind, type BatchManifest, type EntitySpec,
} from './format.ts';

export const OUTBOX_DIR = 'outbox';
export const outboxDir = (dataDir: string) => path.join(dataDir, OUTBOX_DIR);

export const sha256Hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Zip entries carry this (local) time, so the bytes never depend on when or where they were zipped. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);
/** Fast deflate: NDJSON of ids and codes shrinks well even at the lowest level, and the year's batch stays under the bench's 2 s. */
const ZIP_LEVEL = 1;
/** Lines joined per chunk: bounded strings however big a table is. */
const CHUNK_LINES = 4096;

export interface OutboxBatch {
  seq: number;
  kind: BatchKind;
  journalFrom: number;
  journalTo: number;
  fileName: string;
  sha256: string;
  size: number;
  counts: Record<string, number>;
  createdAt: string;
  state: 'dibuat' | 'dikirim' | 'diterima' | 'ditolak';
  sendAttempts: number;
  sentAt: string | null;
  nextSendAt: string | null;
  lastSendError: string | null;
}

interface BatchDbRow {
  seq: number; kind: BatchKind; journal_from: number; journal_to: number; file_name: string; sha256: string; size: number;
  counts: string; created_at: string; state: OutboxBatch['state'];
  send_attempts?: number; sent_at?: string | null; next_send_at?: string | null; last_send_error?: string | null;
}

const toBatch = (r: BatchDbRow): OutboxBatch => ({
  seq: r.seq, kind: r.kind, journalFrom: r.journal_from, journalTo: r.journal_to, fileName: r.file_name, sha256: r.sha256,
  size: r.size, counts: JSON.parse(r.counts) as Record<string, number>, createdAt: r.created_at, state: r.state,
  // Absent in a data folder still at migration 9 (the migration tests read one).
  sendAttempts: r.send_attempts ?? 0, sentAt: r.sent_at ?? null, nextSendAt: r.next_send_at ?? null, lastSendError: r.last_send_error ?? null,
});

export function listBatches(db: Db): OutboxBatch[] {
  return (sql(db, 'SELECT * FROM batches ORDER BY seq DESC').all() as BatchDbRow[]).map(toBatch);
}

export function getBatch(db: Db, seq: number): OutboxBatch | null {
  const row = sql(db, 'SELECT * FROM batches WHERE seq = ?').get(seq) as BatchDbRow | undefined;
  return row ? toBatch(row) : null;
}

export function lastBatch(db: Db): OutboxBatch | null {
  const row = sql(db, 'SELECT * FROM batches ORDER BY seq DESC LIMIT 1').get() as BatchDbRow | undefined;
  return row ? toBatch(row) : null;
}

const JOURNALS = [...new Set(ENTITIES.map((e) => e.journal))];

/**
 * The last journal entry a batch would carry. Changes to what never leaves the office (accounts,
 * unit aliases) are skipped, so they never make an empty batch; read backwards from the end.
 */
export function journalTop(db: Db): number {
  const seq = sql(db, `SELECT seq FROM change_journal WHERE entity IN (${JOURNALS.map((j) => `'${j}'`).join(', ')}) ORDER BY seq DESC LIMIT 1`)
    .pluck().get() as number | undefined;
  return seq ?? 0;
}

interface Range { from: number; to: number; full: boolean }

/** The highest journal seq (up to the batch's end) that touched the row: its row version, 0 when none did. */
const rowVersion = (e: EntitySpec) =>
  `coalesce((SELECT max(j.seq) FROM change_journal j WHERE j.entity = '${e.journal}' AND j.entity_id = t.${e.key} AND j.seq <= @to), 0)`;
const changedOnly = (e: EntitySpec, range: Range) =>
  (range.full ? '' : ` AND t.${e.key} IN (SELECT entity_id FROM change_journal WHERE entity = '${e.journal}' AND seq > @from AND seq <= @to)`);

function liveRowsSql(e: EntitySpec, range: Range): string {
  const columns = e.columns.map(([, expr]) => expr).join(', ');
  return `SELECT t.${e.key}, ${rowVersion(e)}, t.updated_at, t.origin, ${columns} FROM ${e.table} t
    WHERE t.deleted_at IS NULL${e.where ? ` AND ${e.where}` : ''}${changedOnly(e, range)} ORDER BY t.${e.key}`;
}

function tombstonesSql(e: EntitySpec, range: Range): string {
  return `SELECT t.${e.key}, ${rowVersion(e)}, t.updated_at, t.origin, '${e.entity}', t.deleted_at FROM ${e.table} t
    WHERE t.deleted_at IS NOT NULL${changedOnly(e, range)} ORDER BY t.${e.key}`;
}

/** NDJSON writer: keys in a fixed order, each value as JSON, joined in chunks. */
function ndjson(keys: readonly string[]) {
  const prefixes = keys.map((k, i) => `${i ? ',' : '{'}${JSON.stringify(k)}:`);
  const chunks: Buffer[] = [];
  let lines: string[] = [];
  let rows = 0;
  return {
    add(values: readonly unknown[]) {
      let line = '';
      for (let i = 0; i < prefixes.length; i++) line += prefixes[i]! + JSON.stringify(values[i] ?? null);
      lines.push(`${line}}\n`);
      rows++;
      if (lines.length === CHUNK_LINES) {
        chunks.push(Buffer.from(lines.join(''), 'utf8'));
        lines = [];
      }
    },
    done(): { bytes: Uint8Array; rows: number } {
      if (lines.length) chunks.push(Buffer.from(lines.join(''), 'utf8'));
      return { bytes: new Uint8Array(Buffer.concat(chunks)), rows };
    },
  };
}

export interface BatchPlan {
  seq: number;
  kind: BatchKind;
  from: number;
  to: number;
  createdAt: string;
  previous: { seq: number; sha256: string } | null;
}

export interface BuiltBatch {
  bytes: Uint8Array;
  sha256: string;
  manifest: BatchManifest;
}

/** The whole batch file of a plan, signed by the office key. */
export function buildBatch(db: Db, plan: BatchPlan): BuiltBatch {
  const office = getOffice(db);
  if (!office) throw new ApiError('SETUP_REQUIRED', 'Kantor belum diatur.');
  const signer = officeSigner(db);
  const range: Range = { from: plan.from, to: plan.to, full: plan.kind === 'full' };
  const params = range.full ? { to: range.to } : { from: range.from, to: range.to };
  const files: Record<string, Uint8Array> = {};
  const counts: Record<string, number> = {};
  const tombstones: unknown[][] = [];
  for (const e of ENTITIES) {
    const out = ndjson([...ROW_HEAD, ...e.columns.map(([name]) => name)]);
    for (const row of sql(db, liveRowsSql(e, range)).raw().iterate(params) as Iterable<unknown[]>) out.add(row);
    const { bytes, rows } = out.done();
    files[entityFile(e.entity)] = bytes;
    counts[e.entity] = rows;
    if (e.tombstones) for (const row of sql(db, tombstonesSql(e, range)).raw().iterate(params) as Iterable<unknown[]>) tombstones.push(row);
  }
  // By id, then entity (an event's questionnaire shares its event's id).
  const byte = (a: unknown, b: unknown) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
  tombstones.sort((a, b) => byte(a[0], b[0]) || byte(a[4], b[4]));
  const dead = ndjson(TOMBSTONE_KEYS);
  for (const row of tombstones) dead.add(row);
  const done = dead.done();
  files[entityFile(TOMBSTONES)] = done.bytes;
  counts[TOMBSTONES] = done.rows;

  const manifest: BatchManifest = {
    format: BATCH_FORMAT,
    formatVersion: BATCH_FORMAT_VERSION,
    office: { id: office.id, code: office.code, name: office.name },
    seq: plan.seq,
    previous: plan.previous,
    kind: plan.kind,
    journal: { from: plan.from, to: plan.to },
    createdAt: plan.createdAt,
    kid: signer.kid,
    alg: ALG_NAMES[signer.alg] ?? String(signer.alg),
    publicKey: signingKey(db, signer.kid),
    counts: Object.fromEntries(ENTITY_NAMES.map((n) => [n, counts[n]!])),
    files: Object.fromEntries(ENTITY_NAMES.map((n) => [entityFile(n), sha256Hex(files[entityFile(n)]!)])),
  };
  const manifestBytes = new Uint8Array(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  const zippable: Zippable = {
    [MANIFEST_FILE]: [manifestBytes, { level: 0 }],
    [SIGNATURE_FILE]: [signer.sign(manifestBytes), { level: 0 }],
  };
  for (const n of ENTITY_NAMES) zippable[entityFile(n)] = [files[entityFile(n)]!, { level: ZIP_LEVEL }];
  const bytes = zipSync(zippable, { mtime: ZIP_TIME });
  return { bytes, sha256: sha256Hex(bytes), manifest };
}

/** The raw public key (base64) of the key that signs: the manifest carries it for a city that does not trust it yet. */
function signingKey(db: Db, kid: string): string {
  const key = listOfficeKeys(db).find((k) => k.kid === kid);
  if (!key) throw new ApiError('INTERNAL', `Kunci kantor ${kid} tidak ditemukan.`);
  return Buffer.from(key.publicKey).toString('base64');
}

export interface ExportResult {
  file: string;
  fileName: string;
  seq: number;
  kind: BatchKind;
  sha256: string;
  counts: Record<string, number>;
  reused: boolean;
}

/** Writes the file (temp, fsync, rename) and reads it back: what is on disk is exactly what was built. */
function writeVerified(file: string, bytes: Uint8Array, sha256: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, bytes);
  const back = fs.readFileSync(file);
  if (back.length !== bytes.length || sha256Hex(back) !== sha256) {
    fs.rmSync(file, { force: true });
    throw new ApiError('INTERNAL', `Berkas kiriman ${path.basename(file)} tidak tertulis utuh di folder outbox; periksa disk.`);
  }
}

/**
 * The bytes of an outbox batch, checked against the SHA-256 recorded when it was made: what leaves
 * the office (USB, upload, a repeated export) is the batch as it was made, or nothing. A lost or
 * changed file is made again and put back when that gives the same bytes (nothing it holds has
 * changed since, the same key signs); otherwise refused (CONFLICT, `file_missing`/`file_changed`).
 */
export function outboxBytes(db: Db, dataDir: string, batch: OutboxBatch): { file: string; bytes: Uint8Array } {
  const file = path.join(outboxDir(dataDir), batch.fileName);
  let found: Uint8Array | null = null;
  try {
    found = new Uint8Array(fs.readFileSync(file));
  } catch { /* lost: made again below */ }
  if (found && sha256Hex(found) === batch.sha256) return { file, bytes: found };
  // In the write lock: the rows read as one state, and no export sweeping the outbox meanwhile.
  return writeTransaction(db, () => {
    const before = batch.seq > 1 ? getBatch(db, batch.seq - 1) : null;
    const again = buildBatch(db, {
      seq: batch.seq, kind: batch.kind, from: batch.journalFrom, to: batch.journalTo, createdAt: batch.createdAt,
      previous: before ? { seq: before.seq, sha256: before.sha256 } : null,
    });
    if (again.sha256 !== batch.sha256) {
      const reason = found ? 'file_changed' : 'file_missing';
      throw new ApiError('CONFLICT', `Berkas kiriman ${batch.seq} (${batch.fileName}) ${found ? 'berubah' : 'hilang'} di outbox dan tidak dapat dibuat ulang sama persis (datanya berubah sesudah kiriman dibuat, atau kunci kantor berganti). Buat kiriman lengkap (--full).`,
        { seq: batch.seq, reason, messageKey: `batches.send.${reason}`, file: batch.fileName });
    }
    writeVerified(file, again.bytes, again.sha256);
    return { file, bytes: again.bytes };
  });
}

/** The batch already made for this range, from the outbox (made again when its file was lost). */
function reuse(db: Db, dataDir: string, batch: OutboxBatch): ExportResult {
  const { file } = outboxBytes(db, dataDir, batch);
  return { file, fileName: batch.fileName, seq: batch.seq, kind: batch.kind, sha256: batch.sha256, counts: batch.counts, reused: true };
}

/**
 * Removes what a power cut during an earlier export left in the outbox: a half-written temporary
 * file, or a batch file whose row was never committed (a clerk must not carry it to the city).
 * Safe only inside the export's write lock: no other export is writing there meanwhile.
 */
function sweepOutbox(db: Db, dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const known = new Set(sql(db, 'SELECT file_name FROM batches').pluck().all() as string[]);
  for (const name of names) {
    const leftover = name.startsWith('.') ? name.endsWith('.tmp') : name.endsWith(BATCH_EXTENSION) && !known.has(name);
    if (leftover) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * The next batch: everything since the last one (the first is full), or a full snapshot when
 * asked. With no change since the last batch of that kind, that batch again, byte for byte.
 * Built inside the write lock so no change slips between the range read and the row written.
 */
export function exportBatch(db: Db, dataDir: string, now: Date, opts: { full?: boolean } = {}): ExportResult {
  return writeTransaction(db, () => {
    sweepOutbox(db, outboxDir(dataDir));
    const top = journalTop(db);
    const last = lastBatch(db);
    if (last && last.journalTo === top && (!opts.full || last.kind === 'full')) return reuse(db, dataDir, last);
    const kind: BatchKind = opts.full || !last ? 'full' : 'incremental';
    const plan: BatchPlan = {
      seq: (last?.seq ?? 0) + 1, kind, from: kind === 'full' ? 0 : last!.journalTo, to: top, createdAt: now.toISOString(),
      previous: last ? { seq: last.seq, sha256: last.sha256 } : null,
    };
    const built = buildBatch(db, plan);
    const office = getOffice(db)!;
    const fileName = batchFileName(office.regionCode, office.districtName, plan.seq, officeNow(db, now).slice(0, 10));
    const file = path.join(outboxDir(dataDir), fileName);
    writeVerified(file, built.bytes, built.sha256);
    try {
      sql(db, `INSERT INTO batches (seq, kind, journal_from, journal_to, file_name, sha256, size, counts, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(plan.seq, kind, plan.from, plan.to, fileName, built.sha256, built.bytes.length,
        JSON.stringify(built.manifest.counts), plan.createdAt);
    } catch (err) {
      fs.rmSync(file, { force: true });
      throw err;
    }
    return { file, fileName, seq: plan.seq, kind, sha256: built.sha256, counts: built.manifest.counts, reused: false };
  });
}

/**
 * Rows per entity the city has not yet acknowledged: changed since the last batch its receipt
 * answered (diterima or ditolak), or every live row before the first receipt. `full`: the next
 * batch made will be full (the first one is). Batches made but not acknowledged still count, as
 * the city may never have had them.
 */
export function pendingCounts(db: Db): { since: number | null; full: boolean; journalTo: number; counts: Record<string, number>; total: number } {
  const made = lastBatch(db);
  const acked = sql(db, "SELECT * FROM batches WHERE state IN ('diterima', 'ditolak') ORDER BY seq DESC LIMIT 1").get() as BatchDbRow | undefined;
  const last = acked ? toBatch(acked) : null;
  const top = journalTop(db);
  const range: Range = { from: last?.journalTo ?? 0, to: top, full: !last };
  const params = { from: range.from, to: top };
  const counts: Record<string, number> = Object.fromEntries(ENTITY_NAMES.map((n) => [n, 0]));
  if (last && last.journalTo === top) return { since: last.seq, full: false, journalTo: top, counts, total: 0 };
  for (const e of ENTITIES) {
    const where = `${e.where ? ` AND ${e.where}` : ''}${changedOnly(e, range)}`;
    counts[e.entity] = sql(db, `SELECT count(*) FROM ${e.table} t WHERE t.deleted_at IS NULL${where}`).pluck().get(...(range.full ? [] : [params])) as number;
    if (e.tombstones) counts[TOMBSTONES]! += sql(db, `SELECT count(*) FROM ${e.table} t WHERE t.deleted_at IS NOT NULL${changedOnly(e, range)}`).pluck().get(...(range.full ? [] : [params])) as number;
  }
  return { since: last?.seq ?? null, full: !made, journalTo: top, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}
