/**
 * The city's receipt for each batch it read and judged: written once, when the batch is first
 * imported (or first seen again, for a batch imported before receipts existed), and kept, so a
 * replayed batch gets the very same bytes back.
 */
import type { BatchImportResult } from '../../../shared/contract/city.ts';
import { ENTITIES, TOMBSTONES } from '../batches/format.ts';
import { readBatch, type TrustedBatchKey } from '../batches/read.ts';
import { buildReceipt, type RejectedRow } from '../batches/receipt.ts';
import type { CityReceiptRecord, CityStore } from './store.ts';

export interface ReceiptSigner { kid: string; alg: number; sign(data: Uint8Array): Uint8Array }
export interface CityIdentity { id: string; code: string; name: string }

/** Every row the batch carried, tombstones included. */
const rowsIn = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Writes the receipt of an import that took the batch's rows in (`imported`, `out_of_order`). Call inside its transaction. */
export function receiptForImport(store: CityStore, city: CityIdentity, signer: ReceiptSigner, result: BatchImportResult, at: string): CityReceiptRecord | null {
  if (!result.office || result.seq === null || !result.sha256 || !result.counts || result.dryRun) return null;
  if (result.status !== 'imported' && result.status !== 'out_of_order') return null;
  const kept = store.receipt(result.sha256);
  if (kept) return kept;
  return save(store, city, signer, { office: result.office, seq: result.seq, sha256: result.sha256, counts: result.counts }, 'imported', result.rejected, at);
}

/**
 * The receipt of a batch sent again: the one kept, or, for a batch imported before receipts
 * existed, one written now with the rows the city still refuses (another office's rows).
 */
export function receiptForReplay(
  store: CityStore, city: CityIdentity, signer: ReceiptSigner, result: BatchImportResult, bytes: Uint8Array, trustedKeys: readonly TrustedBatchKey[], at: string,
): CityReceiptRecord | null {
  if (result.status !== 'already_imported' || !result.sha256 || !result.office || result.seq === null || !result.counts || result.dryRun) return null;
  const kept = store.receipt(result.sha256);
  if (kept) return kept;
  const read = readBatch(bytes, trustedKeys);
  if (!read.ok) return null;
  const rejected: RejectedRow[] = [];
  for (const spec of ENTITIES) {
    for (const row of read.rows[spec.entity] ?? []) {
      const stored = store.row(spec.entity, row.id);
      if (stored && stored.officeId !== result.office.id) rejected.push({ entity: spec.entity, id: row.id, reason: 'other_office' });
    }
  }
  for (const tomb of read.rows[TOMBSTONES] ?? []) {
    const entity = typeof tomb.entity === 'string' ? tomb.entity : '';
    const stored = entity ? store.row(entity, tomb.id) : null;
    if (!ENTITIES.some((e) => e.entity === entity)) rejected.push({ entity: TOMBSTONES, id: tomb.id, reason: 'unknown_entity' });
    else if (stored && stored.officeId !== result.office.id) rejected.push({ entity, id: tomb.id, reason: 'other_office' });
  }
  const office = result.office;
  return store.inTransaction(() => save(store, city, signer, { office, seq: result.seq!, sha256: result.sha256!, counts: result.counts! }, 'already_imported', rejected, at));
}

function save(
  store: CityStore, city: CityIdentity, signer: ReceiptSigner, batch: { office: { id: string; code: string }; seq: number; sha256: string; counts: Record<string, number> },
  status: CityReceiptRecord['status'], rejected: readonly RejectedRow[], at: string,
): CityReceiptRecord {
  const bytes = buildReceipt({
    city, office: { id: batch.office.id, code: batch.office.code }, batch: { seq: batch.seq, sha256: batch.sha256 }, status,
    accepted: Math.max(0, rowsIn(batch.counts) - rejected.length), rejected: rejected.map((r) => ({ entity: r.entity, id: r.id, reason: r.reason })), createdAt: at,
  }, signer);
  const record: CityReceiptRecord = { batchSha256: batch.sha256, officeId: batch.office.id, seq: batch.seq, status, bytes, createdAt: at };
  store.saveReceipt(record);
  return record;
}
