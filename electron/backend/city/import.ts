/**
 * The city's import of one batch file: is it whole and signed by a kecamatan the city trusts
 * (readBatch), where does it sit in that office's chain, and then each row by (entity, id) and
 * row version. Speaks only to a CityStore, so the storage can be SQLite or anything else.
 */
import { fromBase64, toHex } from '../../../shared/certificates/keys.ts';
import type { BatchImportResult, BatchImportStatus, EntityOutcome } from '../../../shared/contract/city.ts';
import { ENTITIES, TOMBSTONES, type BatchManifest } from '../batches/format.ts';
import { readBatch, type BatchRow, type SelfSignedBatch, type TrustedBatchKey } from '../batches/read.ts';
import { formatRuns } from './ranges.ts';
import type { CityOfficeRecord, CityStore } from './store.ts';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  /** The kecamatan keys the city trusts, each bound to its office code. */
  trustedKeys: readonly TrustedBatchKey[];
  /** The city's regency code (`16.71`): batches from kecamatan elsewhere are not its to import. */
  regencyCode: string;
  dryRun: boolean;
  acceptOutOfOrder: boolean;
  at: string;
  /**
   * Keeps the file (written atomically) before anything is imported; returns where it is. Called
   * inside the import's transaction, only for a batch taken in, held, or waiting for its key.
   */
  keepFile(manifest: BatchManifest, sha256: string, bytes: Uint8Array): string;
  /** Runs inside the import's transaction, after the rows (the audit trail). */
  onWritten?(result: BatchImportResult): void;
}

type Params = Record<string, string | number>;

const ROW_ENTITIES = new Set(ENTITIES.map((e) => e.entity));

/**
 * What a person compares by eye when a batch without its public key comes from a key not trusted
 * here: the kid is the first 8 bytes of the key's SHA-256, so it is the first four groups of the
 * kecamatan's fingerprint. (A batch that carries its key shows the whole fingerprint.)
 */
export function fingerprintStart(kid: string): string | null {
  const bytes = fromBase64(kid);
  if (!bytes || bytes.length !== 8) return null;
  return toHex(bytes).toUpperCase().match(/.{4}/g)!.join(' ');
}

function blank(fileName: string, dryRun: boolean): BatchImportResult {
  return {
    fileName, office: null, seq: null, sha256: null, status: 'malformed', dryRun, created: 0, updated: 0, unchanged: 0, removed: 0,
    rejected: [], message: '', params: {}, kid: null, fingerprint: null, counts: null, entities: {}, released: [],
  };
}

/** Where a batch sits in its office's chain: refused (with the answer to give), taken in, or held after a gap. */
type Place =
  | { refused: BatchImportResult }
  | { refused?: undefined; status: 'imported' | 'out_of_order' | 'gap'; missing: string | null };

export function importBatch(store: CityStore, req: ImportRequest): BatchImportResult {
  const result = blank(req.fileName, req.dryRun);
  const read = readBatch(req.bytes, req.trustedKeys);
  if (!read.ok && read.selfSigned) return awaitingKey(store, req, result, read.selfSigned);
  if (!read.ok) {
    const kid = typeof read.params.kid === 'string' ? read.params.kid : null;
    return { ...result, status: read.kind, message: read.message, params: read.params, kid, fingerprint: kid ? fingerprintStart(kid) : null };
  }
  const { manifest, sha256 } = read;
  const office = manifest.office;
  const base: BatchImportResult = {
    ...result, office: { id: office.id, code: office.code, name: office.name }, seq: manifest.seq, sha256, counts: manifest.counts, kid: manifest.kid,
  };
  const named = { office: office.name, code: office.code, seq: manifest.seq };
  const refused = (status: BatchImportStatus, reason: string, params: Params = {}): Place =>
    ({ refused: { ...base, status, message: `batches.import.${reason}`, params: { ...named, ...params } } });

  /**
   * Judged from what the store holds at that moment: for an import, inside its transaction, as
   * another process on the same data folder (the receiver and the desktop app) may have imported
   * a batch of this office since this one was read.
   */
  const place = (): Place => {
    if (!office.code.startsWith(`${req.regencyCode}.`)) return refused('unknown_office', 'other_city', { city: req.regencyCode });
    const sameRegion = store.officeByRegion(office.code);
    if (sameRegion && sameRegion.officeId !== office.id) return refused('unknown_office', 'office_changed');
    if (store.batchBySha(sha256)?.status === 'imported') return refused('already_imported', 'already_imported');
    if (store.batchesAt(office.id, manifest.seq).some((b) => b.status === 'imported')) return refused('tampered', 'seq_reused');
    if (manifest.seq === 1) return { status: 'imported', missing: null };
    const previous = store.batchesAt(office.id, manifest.seq - 1).find((b) => b.status === 'imported');
    if (previous) {
      return manifest.previous?.sha256 === previous.sha256 ? { status: 'imported', missing: null } : refused('tampered', 'chain_broken', { previous: previous.seq });
    }
    const missing = formatRuns([[store.lastImportedBelow(office.id, manifest.seq) + 1, manifest.seq - 1]]) ?? '';
    return { status: req.acceptOutOfOrder ? 'out_of_order' : 'gap', missing };
  };

  const officeRecord = (lastImported: boolean): CityOfficeRecord => {
    const was = store.office(office.id) ?? {
      officeId: office.id, regionCode: office.code, name: office.name, kid: manifest.kid, registeredHow: 'trust_file' as const,
      lastSeq: 0, lastSha256: null, lastImportAt: null, createdAt: req.at,
    };
    if (!lastImported) return was;
    const newest = manifest.seq >= was.lastSeq;
    return {
      ...was, name: office.name, kid: manifest.kid, lastImportAt: req.at,
      lastSeq: newest ? manifest.seq : was.lastSeq, lastSha256: newest ? sha256 : was.lastSha256,
    };
  };
  const batchRecord = (filePath: string, held: boolean) => ({
    officeId: office.id, seq: manifest.seq, sha256, status: held ? 'held' as const : 'imported' as const, kind: manifest.kind,
    counts: manifest.counts, filePath, receivedAt: req.at, importedAt: held ? null : req.at,
  });
  const outcome = (status: 'imported' | 'out_of_order', missing: string | null): BatchImportResult => ({
    ...base, status, message: `batches.import.${status}${req.dryRun ? '_dry' : ''}`, params: { ...named, ...(missing ? { missing } : {}) },
  });
  const held = (missing: string | null): BatchImportResult =>
    ({ ...base, status: 'gap', message: 'batches.import.gap', params: { ...named, missing: missing ?? '' } });

  if (req.dryRun) {
    const p = place();
    if (p.refused) return p.refused;
    if (p.status === 'gap') return held(p.missing);
    const counted = outcome(p.status, p.missing);
    applyRows(store, office.id, read.rows, counted, null);
    return counted;
  }
  return store.inTransaction(() => {
    const p = place();
    if (p.refused) return p.refused;
    // Kept before anything is imported: a batch taken in or held is always in the inbox.
    const filePath = req.keepFile(manifest, sha256, req.bytes);
    if (p.status === 'gap') {
      store.saveOffice(officeRecord(false));
      store.saveBatch(batchRecord(filePath, true));
      return held(p.missing);
    }
    const done = outcome(p.status, p.missing);
    applyRows(store, office.id, read.rows, done, req.at);
    store.saveOffice(officeRecord(true));
    store.saveBatch(batchRecord(filePath, false));
    req.onWritten?.(done);
    return done;
  });
}

/**
 * A whole batch signed by a key the city does not trust yet (trust on first use): from a kecamatan
 * of the city's region, its file is kept and its key waits for a person to compare the whole
 * fingerprint with the one the kecamatan printed (offices.confirmKey), or for the kecamatan's trust
 * file. Nothing of it is imported until then.
 */
function awaitingKey(store: CityStore, req: ImportRequest, blankResult: BatchImportResult, batch: SelfSignedBatch): BatchImportResult {
  const { manifest, sha256, fingerprint } = batch;
  const office = manifest.office;
  const named = { office: office.name, code: office.code, seq: manifest.seq };
  const base: BatchImportResult = {
    ...blankResult, status: 'unknown_office', office: { id: office.id, code: office.code, name: office.name }, seq: manifest.seq, sha256,
    counts: manifest.counts, kid: manifest.kid, fingerprint,
  };
  if (!office.code.startsWith(`${req.regencyCode}.`)) return { ...base, message: 'batches.import.other_city', params: { ...named, city: req.regencyCode } };
  const waiting = { ...base, message: `batches.import.confirm_key${req.dryRun ? '_dry' : ''}`, params: { ...named, fingerprint } };
  /** Another office already sends under this region code: judged inside the write, as in importBatch. */
  const taken = () => {
    const sameRegion = store.officeByRegion(office.code);
    return sameRegion && sameRegion.officeId !== office.id ? { ...base, message: 'batches.import.office_changed', params: named } : null;
  };
  if (req.dryRun) return taken() ?? waiting;
  return store.inTransaction(() => {
    const refused = taken();
    if (refused) return refused;
    store.saveKeyRequest({
      kid: manifest.kid, regionCode: office.code, officeId: office.id, officeName: office.name,
      publicKey: Buffer.from(batch.publicKey).toString('base64'), fingerprint, firstSeenAt: req.at,
    }, req.keepFile(manifest, sha256, req.bytes));
    return waiting;
  });
}

const noRows = (): EntityOutcome => ({ created: 0, updated: 0, unchanged: 0, removed: 0, rejected: 0 });

/**
 * Each row against the city's copy: newer by row version wins, the same or older changes nothing,
 * and a row another office owns is refused. `at` null: only count (the dry run).
 */
function applyRows(store: CityStore, officeId: string, rows: Record<string, BatchRow[]>, out: BatchImportResult, at: string | null): void {
  out.entities = Object.fromEntries(ENTITIES.map((e) => [e.entity, noRows()]));
  const count = (entity: string, what: keyof EntityOutcome) => {
    (out.entities[entity] ??= noRows())[what]++;
    if (what !== 'rejected') out[what]++;
  };
  const reject = (entity: string, id: string, reason: string) => {
    out.rejected.push({ entity, id, reason });
    count(entity, 'rejected');
  };
  for (const spec of ENTITIES) {
    for (const row of rows[spec.entity] ?? []) {
      const stored = store.row(spec.entity, row.id);
      if (stored && stored.officeId !== officeId) {
        reject(spec.entity, row.id, 'other_office');
        continue;
      }
      if (stored && row.rowVersion <= stored.rowVersion) {
        count(spec.entity, 'unchanged');
        continue;
      }
      count(spec.entity, !stored || stored.removed ? 'created' : 'updated');
      if (at !== null) {
        store.putRow({ entity: spec.entity, id: row.id, officeId, rowVersion: row.rowVersion, updatedAt: stringOrNull(row.updatedAt), data: row });
      }
    }
  }
  // Tombstones count under the entity they remove (an unknown one under `tombstones`).
  for (const tomb of rows[TOMBSTONES] ?? []) {
    const entity = typeof tomb.entity === 'string' ? tomb.entity : '';
    if (!ROW_ENTITIES.has(entity)) {
      reject(TOMBSTONES, tomb.id, 'unknown_entity');
      continue;
    }
    const stored = store.row(entity, tomb.id);
    if (stored && stored.officeId !== officeId) {
      reject(entity, tomb.id, 'other_office');
      continue;
    }
    if (stored && (stored.removed || tomb.rowVersion < stored.rowVersion)) {
      count(entity, 'unchanged');
      continue;
    }
    // A tombstone for a row the city never had is kept too: an older copy arriving later stays out.
    count(entity, stored ? 'removed' : 'unchanged');
    if (at !== null) {
      store.removeRow({
        entity, id: tomb.id, officeId, rowVersion: tomb.rowVersion, updatedAt: stringOrNull(tomb.updatedAt),
        removedAt: stringOrNull(tomb.deletedAt) ?? at, data: tomb,
      });
    }
  }
}

const stringOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
