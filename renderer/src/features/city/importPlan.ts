import type { BatchImportResult } from '../../../../shared/contract/city.ts';
import { missingSeqs } from './format.ts';

// What "Impor" will do with the files dropped on Impor kiriman, judged from their dry runs.

/** One dropped file and what is known of it so far. */
export interface DroppedBatch {
  key: string;
  file: File;
  /** The dry run's answer; null while it is being checked. */
  dry: BatchImportResult | null;
  /** For a batch after a gap: the dry run once more as if imported out of order, for its table. */
  preview: BatchImportResult | null;
  /** The import's answer, once imported. */
  result: BatchImportResult | null;
  /** A call that failed (the file could not be read, the service did not answer). */
  error: unknown;
}

/**
 * Signed by a kecamatan key not trusted yet: the import keeps the file at the city, waiting for a
 * person to compare the fingerprint (or for the kecamatan's trust file).
 */
export function awaitsKey(r: BatchImportResult): boolean {
  return r.status === 'unknown_office' && (r.message.startsWith('batches.import.confirm_key') || r.message === 'batches.read.unknown_key');
}

/** Worth sending to the import: rows to write, a batch to hold after a gap, or a key to wait for. */
export function importable(r: BatchImportResult): boolean {
  return r.status === 'imported' || r.status === 'out_of_order' || r.status === 'gap' || awaitsKey(r);
}

/** Another dropped file is the very same batch (same SHA-256), checked earlier in the list. */
export function duplicateOf(item: DroppedBatch, items: readonly DroppedBatch[]): DroppedBatch | null {
  const sha = item.dry?.sha256;
  if (!sha) return null;
  const first = items.find((x) => x.dry?.sha256 === sha);
  return first && first !== item ? first : null;
}

/**
 * For a batch after a gap: the missing batch numbers that are not among the dropped files of the
 * same office (those are imported first, in order). Empty: the list itself closes the gap.
 */
export function stillMissing(item: DroppedBatch, items: readonly DroppedBatch[]): number[] {
  const dry = item.dry;
  if (!dry || dry.status !== 'gap' || !dry.office) return [];
  const code = dry.office.code;
  const here = new Set(items.filter((x) => x.dry?.office?.code === code && x.dry.seq !== null && importable(x.dry)).map((x) => x.dry!.seq!));
  const missing = missingSeqs(String(dry.params.missing ?? ''));
  return missing.filter((seq) => !here.has(seq));
}

/** Per office (by region code), then by batch number; files not read that far keep their place after them. */
function byOfficeAndSeq(a: DroppedBatch, b: DroppedBatch): number {
  const ca = a.dry?.office?.code ?? '~';
  const cb = b.dry?.office?.code ?? '~';
  if (ca !== cb) return ca < cb ? -1 : 1;
  return (a.dry?.seq ?? 0) - (b.dry?.seq ?? 0);
}

/** The files as listed on the screen: in the order they will be imported. */
export function displayOrder(items: readonly DroppedBatch[]): DroppedBatch[] {
  return [...items].sort(byOfficeAndSeq);
}

/** The files "Impor" sends, one call each: per office in batch-number order, duplicates left out. */
export function importOrder(items: readonly DroppedBatch[]): DroppedBatch[] {
  return items.filter((x) => x.dry !== null && x.result === null && importable(x.dry) && !duplicateOf(x, items)).sort(byOfficeAndSeq);
}
