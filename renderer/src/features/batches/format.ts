import type { TFunction } from 'i18next';
import type { BatchCounts, OutboxBatch } from '../../../../shared/contract/batches.ts';
import type { Language } from '../../../../shared/domain/dates.ts';
import { figure } from '../trainings/format.ts';

/** A batch's number as the file names write it: 00007. */
export const seqText = (seq: number) => String(seq).padStart(5, '0');

/** The entity files that hold rows, in the batch's own order. */
export function nonEmpty(counts: BatchCounts): [string, number][] {
  return Object.entries(counts).filter(([, n]) => n > 0);
}

export const totalRows = (counts: BatchCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** An entity file in words ("Pegawai"); one this version does not know keeps its own name. */
export function entityWord(t: TFunction, entity: string): string {
  return t(`batchesUi.entities.${entity}`, { defaultValue: entity });
}

/** "12 pegawai, 3 kegiatan, 40 tanda hadir", or "tidak ada baris". */
export function countsText(t: TFunction, counts: BatchCounts, lang: Language): string {
  const shown = nonEmpty(counts).map(([entity, n]) => t(`batchesUi.rows.${entity}`, { count: n, n: figure(n, lang), defaultValue: `${figure(n, lang)} ${entity}` }));
  return shown.length ? shown.join(', ') : t('batchesUi.rows.none');
}

/** "2", "2 dan 3", "2, 3 dan 4". */
export function seqList(t: TFunction, seqs: number[]): string {
  if (seqs.length <= 1) return seqs.map(String).join('');
  return `${seqs.slice(0, -1).join(', ')} ${t('batchesUi.and')} ${seqs[seqs.length - 1]}`;
}

/** Made here but not answered by the city yet (no receipt): what Kirim uploads. */
export const unanswered = (b: OutboxBatch) => b.state === 'dibuat' || b.state === 'dikirim';
