/**
 * Where the city keeps what it receives: the kecamatan it knows, the batches that arrived and the
 * imported rows. The import (import.ts) speaks only to `CityStore`, so a receiver on PostgreSQL
 * (a province aggregating many cities) is a second implementation of this interface, not a change
 * to the import.
 */
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';
import { writeTransaction } from '../db/transaction.ts';

export type RegisteredHow = 'trust_file' | 'confirmed_fingerprint';

export interface CityOfficeRecord {
  officeId: string;
  regionCode: string;
  name: string;
  /** The key that signed the last batch imported. */
  kid: string;
  registeredHow: RegisteredHow;
  lastSeq: number;
  lastSha256: string | null;
  lastImportAt: string | null;
  createdAt: string;
}

export type CityBatchStatus = 'imported' | 'held';

export interface CityBatchRecord {
  officeId: string;
  seq: number;
  sha256: string;
  status: CityBatchStatus;
  kind: 'full' | 'incremental';
  counts: Record<string, number>;
  filePath: string;
  receivedAt: string;
  importedAt: string | null;
}

/** What the import needs to know of a row already held: who owns it, its version, whether removed. */
export interface StoredRowState {
  officeId: string;
  rowVersion: number;
  removed: boolean;
}

export interface CityRowWrite {
  entity: string;
  id: string;
  officeId: string;
  rowVersion: number;
  updatedAt: string | null;
  data: Record<string, unknown>;
}

export interface CityStore {
  /** Runs `work` as one unit: all of it is kept, or none. */
  inTransaction<T>(work: () => T): T;
  office(officeId: string): CityOfficeRecord | null;
  officeByRegion(regionCode: string): CityOfficeRecord | null;
  offices(): CityOfficeRecord[];
  saveOffice(office: CityOfficeRecord): void;
  batchBySha(sha256: string): CityBatchRecord | null;
  /** The batches of an office with this number (one imported at most; held ones may differ). */
  batchesAt(officeId: string, seq: number): CityBatchRecord[];
  /** The highest number imported from the office below `seq`; 0 when none. */
  lastImportedBelow(officeId: string, seq: number): number;
  /** Adds a batch, or updates the one with its SHA-256 (a held batch becoming imported). */
  saveBatch(batch: CityBatchRecord): void;
  row(entity: string, id: string): StoredRowState | null;
  putRow(row: CityRowWrite): void;
  /** Marks the row removed at this version, keeping it so an older copy never returns. */
  removeRow(row: Omit<CityRowWrite, 'data'> & { removedAt: string; data: Record<string, unknown> }): void;
  /** The signed receipt written for the batch with this SHA-256, byte for byte; null before one was. */
  receipt(batchSha256: string): CityReceiptRecord | null;
  /** Keeps a batch's receipt; the first one written stays (a replay gets the same bytes). */
  saveReceipt(receipt: CityReceiptRecord): void;
  /** The held batches of an office, by number. */
  heldBatches(officeId: string): CityBatchRecord[];
  keyRequest(kid: string): CityKeyRequest | null;
  /** Keys waiting for a person to compare their fingerprint (not confirmed yet), oldest first. */
  pendingKeyRequests(): CityKeyRequest[];
  /** Adds a key request, or adds the file to the one of its kid. */
  saveKeyRequest(request: Omit<CityKeyRequest, 'files' | 'confirmedAt' | 'confirmedBy'>, file: string): void;
  confirmKeyRequest(kid: string, at: string, by: string | null): void;
}

/**
 * A batch signed by a key the city does not trust yet, from a kecamatan of its region: the key
 * waits for a person to compare its fingerprint with the one the kecamatan printed (trust on
 * first use, with a human check), its batch files wait in the inbox.
 */
export interface CityKeyRequest {
  kid: string;
  regionCode: string;
  officeId: string;
  officeName: string;
  /** Raw Ed25519 public key, base64. */
  publicKey: string;
  fingerprint: string;
  firstSeenAt: string;
  /** The inbox files signed with it. */
  files: string[];
  confirmedAt: string | null;
  confirmedBy: string | null;
}

export interface CityReceiptRecord {
  batchSha256: string;
  officeId: string;
  seq: number;
  status: 'imported' | 'already_imported';
  bytes: Uint8Array;
  createdAt: string;
}

type Row = Record<string, unknown>;

const officeOf = (r: Row): CityOfficeRecord => ({
  officeId: r.office_id as string, regionCode: r.region_code as string, name: r.name as string, kid: r.kid as string,
  registeredHow: r.registered_how as RegisteredHow, lastSeq: r.last_seq as number, lastSha256: r.last_sha256 as string | null,
  lastImportAt: r.last_import_at as string | null, createdAt: r.created_at as string,
});

const batchOf = (r: Row): CityBatchRecord => ({
  officeId: r.office_id as string, seq: r.seq as number, sha256: r.sha256 as string, status: r.status as CityBatchStatus,
  kind: r.kind as CityBatchRecord['kind'], counts: JSON.parse(r.counts as string) as Record<string, number>,
  filePath: r.file_path as string, receivedAt: r.received_at as string, importedAt: r.imported_at as string | null,
});

const keyRequestOf = (r: Row): CityKeyRequest => ({
  kid: r.kid as string, regionCode: r.region_code as string, officeId: r.office_id as string, officeName: r.office_name as string,
  publicKey: r.public_key as string, fingerprint: r.fingerprint as string, firstSeenAt: r.first_seen_at as string,
  files: JSON.parse(r.files as string) as string[], confirmedAt: r.confirmed_at as string | null, confirmedBy: r.confirmed_by as string | null,
});

/** The city's store in its own SQLite database (tables of migrations 008, 009 and 010). */
export class SqliteCityStore implements CityStore {
  constructor(private readonly db: Db) {}

  inTransaction<T>(work: () => T): T {
    return writeTransaction(this.db, work);
  }

  office(officeId: string): CityOfficeRecord | null {
    const r = sql(this.db, 'SELECT * FROM city_offices WHERE office_id = ?').get(officeId) as Row | undefined;
    return r ? officeOf(r) : null;
  }

  officeByRegion(regionCode: string): CityOfficeRecord | null {
    const r = sql(this.db, 'SELECT * FROM city_offices WHERE region_code = ?').get(regionCode) as Row | undefined;
    return r ? officeOf(r) : null;
  }

  offices(): CityOfficeRecord[] {
    return (sql(this.db, 'SELECT * FROM city_offices ORDER BY region_code').all() as Row[]).map(officeOf);
  }

  saveOffice(o: CityOfficeRecord): void {
    sql(this.db, `INSERT INTO city_offices (office_id, region_code, name, kid, registered_how, last_seq, last_sha256, last_import_at, created_at)
        VALUES (@officeId, @regionCode, @name, @kid, @registeredHow, @lastSeq, @lastSha256, @lastImportAt, @createdAt)
      ON CONFLICT (office_id) DO UPDATE SET name = excluded.name, kid = excluded.kid, last_seq = excluded.last_seq,
        last_sha256 = excluded.last_sha256, last_import_at = excluded.last_import_at`).run(o);
  }

  batchBySha(sha256: string): CityBatchRecord | null {
    const r = sql(this.db, 'SELECT * FROM city_batches WHERE sha256 = ?').get(sha256) as Row | undefined;
    return r ? batchOf(r) : null;
  }

  batchesAt(officeId: string, seq: number): CityBatchRecord[] {
    return (sql(this.db, 'SELECT * FROM city_batches WHERE office_id = ? AND seq = ? ORDER BY rowid').all(officeId, seq) as Row[]).map(batchOf);
  }

  lastImportedBelow(officeId: string, seq: number): number {
    return (sql(this.db, "SELECT coalesce(max(seq), 0) FROM city_batches WHERE office_id = ? AND status = 'imported' AND seq < ?").pluck().get(officeId, seq) as number);
  }

  saveBatch(b: CityBatchRecord): void {
    sql(this.db, `INSERT INTO city_batches (office_id, seq, sha256, status, kind, counts, file_path, received_at, imported_at)
        VALUES (@officeId, @seq, @sha256, @status, @kind, @counts, @filePath, @receivedAt, @importedAt)
      ON CONFLICT (sha256) DO UPDATE SET status = excluded.status, file_path = excluded.file_path, imported_at = excluded.imported_at`)
      .run({ ...b, counts: JSON.stringify(b.counts) });
  }

  row(entity: string, id: string): StoredRowState | null {
    const r = sql(this.db, 'SELECT office_id, row_version, removed_at FROM city_rows WHERE entity = ? AND id = ?').get(entity, id) as Row | undefined;
    return r ? { officeId: r.office_id as string, rowVersion: r.row_version as number, removed: r.removed_at !== null } : null;
  }

  putRow(w: CityRowWrite): void {
    sql(this.db, `INSERT INTO city_rows (entity, id, office_id, row_version, updated_at, data, removed_at) VALUES (?, ?, ?, ?, ?, ?, NULL)
      ON CONFLICT (entity, id) DO UPDATE SET row_version = excluded.row_version, updated_at = excluded.updated_at, data = excluded.data, removed_at = NULL`)
      .run(w.entity, w.id, w.officeId, w.rowVersion, w.updatedAt, JSON.stringify(w.data));
  }

  removeRow(w: Omit<CityRowWrite, 'data'> & { removedAt: string; data: Record<string, unknown> }): void {
    sql(this.db, `INSERT INTO city_rows (entity, id, office_id, row_version, updated_at, data, removed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (entity, id) DO UPDATE SET row_version = excluded.row_version, updated_at = excluded.updated_at, removed_at = excluded.removed_at`)
      .run(w.entity, w.id, w.officeId, w.rowVersion, w.updatedAt, JSON.stringify(w.data), w.removedAt);
  }

  receipt(batchSha256: string): CityReceiptRecord | null {
    const r = sql(this.db, 'SELECT * FROM city_receipts WHERE batch_sha256 = ?').get(batchSha256) as Row | undefined;
    return r ? {
      batchSha256: r.batch_sha256 as string, officeId: r.office_id as string, seq: r.seq as number,
      status: r.status as CityReceiptRecord['status'], bytes: new Uint8Array(r.bytes as Buffer), createdAt: r.created_at as string,
    } : null;
  }

  saveReceipt(x: CityReceiptRecord): void {
    sql(this.db, `INSERT INTO city_receipts (batch_sha256, office_id, seq, status, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (batch_sha256) DO NOTHING`).run(x.batchSha256, x.officeId, x.seq, x.status, Buffer.from(x.bytes), x.createdAt);
  }

  heldBatches(officeId: string): CityBatchRecord[] {
    return (sql(this.db, "SELECT * FROM city_batches WHERE office_id = ? AND status = 'held' ORDER BY seq, rowid").all(officeId) as Row[]).map(batchOf);
  }

  keyRequest(kid: string): CityKeyRequest | null {
    const r = sql(this.db, 'SELECT * FROM city_key_requests WHERE kid = ?').get(kid) as Row | undefined;
    return r ? keyRequestOf(r) : null;
  }

  pendingKeyRequests(): CityKeyRequest[] {
    return (sql(this.db, 'SELECT * FROM city_key_requests WHERE confirmed_at IS NULL ORDER BY first_seen_at, kid').all() as Row[]).map(keyRequestOf);
  }

  saveKeyRequest(q: Omit<CityKeyRequest, 'files' | 'confirmedAt' | 'confirmedBy'>, file: string): void {
    const files = this.keyRequest(q.kid)?.files ?? [];
    if (!files.includes(file)) files.push(file);
    sql(this.db, `INSERT INTO city_key_requests (kid, region_code, office_id, office_name, public_key, fingerprint, first_seen_at, files)
        VALUES (@kid, @regionCode, @officeId, @officeName, @publicKey, @fingerprint, @firstSeenAt, @files)
      ON CONFLICT (kid) DO UPDATE SET office_name = excluded.office_name, files = excluded.files`)
      .run({ ...q, files: JSON.stringify(files) });
  }

  confirmKeyRequest(kid: string, at: string, by: string | null): void {
    sql(this.db, 'UPDATE city_key_requests SET confirmed_at = ?, confirmed_by = ? WHERE kid = ? AND confirmed_at IS NULL').run(at, by, kid);
  }
}
