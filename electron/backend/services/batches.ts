import type { BatchReceiptInfo, BatchState } from '../../../shared/contract/batches.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';
import { writeTransaction } from '../db/transaction.ts';
import { recordEvent } from '../db/repos/changes.ts';
import { cityRegency } from '../db/repos/city-mode.ts';
import { trustedOffices } from '../db/repos/trust.ts';
import { exportBatch, getBatch, listBatches, pendingCounts } from '../batches/export.ts';
import type { TrustedBatchKey } from '../batches/read.ts';
import { readReceipt, type ReceiptReadReason } from '../batches/receipt.ts';
import { meta, requireOffice } from './office.ts';
import type { ServiceContext } from './context.ts';
import type { Handlers } from './handlers.ts';

type Row = Record<string, unknown>;

function receiptsBySeq(db: Db): Map<number, BatchReceiptInfo & { sha256: string }> {
  const rows = sql(db, 'SELECT * FROM batch_receipts').all() as Row[];
  return new Map(rows.map((r) => [r.seq as number, {
    sha256: r.receipt_sha256 as string,
    city: { code: r.city_code as string, name: r.city_name as string },
    status: r.status as BatchReceiptInfo['status'], accepted: r.accepted as number,
    rejected: JSON.parse(r.rejected as string) as BatchReceiptInfo['rejected'],
    createdAt: r.created_at as string, importedAt: r.imported_at as string,
  }]));
}

const withoutSha = ({ sha256: _sha, ...info }: BatchReceiptInfo & { sha256: string }): BatchReceiptInfo => info;

/** The keys of this kecamatan's city (BKPSDM of its regency), learnt from the city's trust file. */
function cityKeys(db: Db, regionCode: string): TrustedBatchKey[] {
  const regency = regionCode.split('.').slice(0, 2).join('.');
  return trustedOffices(db).filter((o) => o.kind === 'kota' && o.code === regency).flatMap((o) => o.keys.map((k) => ({
    kid: k.kid, alg: k.alg, publicKey: new Uint8Array(Buffer.from(k.publicKey, 'base64')), officeCode: o.code,
  })));
}

/** Why a receipt is refused, in the clerk's words; the key (`batches.receipt.<reason>`) is for the UI and --json. */
const REFUSED: Record<ReceiptReadReason | 'not_ours' | 'not_kecamatan', string> = {
  not_receipt: 'Berkas ini bukan tanda terima kiriman Bangkom, atau rusak.',
  unsupported_version: 'Versi tanda terima ini belum dikenal. Perbarui Bangkom.',
  unknown_key: 'Tanda terima ini tidak ditandatangani kunci BKPSDM kota/kabupaten yang dipercaya kantor ini. Impor dulu daftar tepercaya kota (bangkom trust import). Tidak ada yang berubah.',
  bad_signature: 'Tanda tangan tanda terima tidak cocok: berkas diubah atau rusak. Tidak ada yang berubah.',
  not_ours: 'Tanda terima ini bukan untuk kiriman kantor ini. Tidak ada yang berubah.',
  not_kecamatan: 'Kantor ini kantor kota/kabupaten: tanda terima diimpor di kantor kecamatan.',
};

function refuse(reason: keyof typeof REFUSED): never {
  throw new ApiError('VALIDATION', REFUSED[reason], { issues: [{ path: ['file'], message: `batches.receipt.${reason}` }], reason });
}

export const batchHandlers = {
  'batch.pending': (_input, ctx) => {
    requireOffice(ctx.db);
    const { since, full, counts, total } = pendingCounts(ctx.db);
    return { since, full, counts, total };
  },
  'batch.export': (input, ctx) => {
    requireOffice(ctx.db);
    return exportBatch(ctx.db, ctx.dataDir, ctx.now(), { full: input.full });
  },
  'batch.list': (_input, ctx) => {
    requireOffice(ctx.db);
    const receipts = receiptsBySeq(ctx.db);
    return listBatches(ctx.db).map((b) => {
      const r = receipts.get(b.seq);
      return { ...b, receipt: r ? withoutSha(r) : null };
    });
  },
  'batch.importReceipt': ({ dataBase64 }, ctx) => importReceiptBytes(ctx, new Uint8Array(Buffer.from(dataBase64, 'base64'))),
} satisfies Pick<Handlers, 'batch.pending' | 'batch.export' | 'batch.list' | 'batch.importReceipt'>;

export interface ReceiptImport { seq: number; state: BatchState; changed: boolean; receipt: BatchReceiptInfo }

/**
 * The city's signed receipt for a batch of this office, from a file (batch.importReceipt) or as
 * the answer to an upload (batch.send): the batch becomes diterima, or ditolak with the rows
 * refused and why; the same receipt again changes nothing. Refused (VALIDATION, `reason`) when
 * it is not signed by the trusted city key or not for a batch of this office.
 */
export function importReceiptBytes(ctx: ServiceContext, bytes: Uint8Array): ReceiptImport {
  const office = requireOffice(ctx.db);
  if (cityRegency(ctx.db)) refuse('not_kecamatan');
  const read = readReceipt(bytes, cityKeys(ctx.db, office.regionCode));
  if (!read.ok) refuse(read.reason);
  const { receipt, sha256 } = read;
  const batch = getBatch(ctx.db, receipt.batch.seq);
  if (receipt.office.id !== office.id || receipt.office.code !== office.code || !batch || batch.sha256 !== receipt.batch.sha256) refuse('not_ours');
  const state: BatchState = receipt.rejected.length ? 'ditolak' : 'diterima';
  const kept = receiptsBySeq(ctx.db).get(batch.seq);
  if (kept?.sha256 === sha256) return { seq: batch.seq, state: batch.state, changed: false, receipt: withoutSha(kept) };
  const m = meta(ctx);
  const info: BatchReceiptInfo = {
    city: { code: receipt.city.code, name: receipt.city.name }, status: receipt.status, accepted: receipt.accepted,
    rejected: receipt.rejected, createdAt: receipt.createdAt, importedAt: m.at,
  };
  writeTransaction(ctx.db, () => {
    sql(ctx.db, `INSERT INTO batch_receipts (seq, receipt_sha256, status, accepted, rejected, city_code, city_name, created_at, imported_at)
        VALUES (@seq, @sha256, @status, @accepted, @rejected, @cityCode, @cityName, @createdAt, @importedAt)
      ON CONFLICT (seq) DO UPDATE SET receipt_sha256 = excluded.receipt_sha256, status = excluded.status, accepted = excluded.accepted,
        rejected = excluded.rejected, city_code = excluded.city_code, city_name = excluded.city_name, created_at = excluded.created_at,
        imported_at = excluded.imported_at`).run({
      seq: batch.seq, sha256, status: info.status, accepted: info.accepted, rejected: JSON.stringify(info.rejected),
      cityCode: info.city.code, cityName: info.city.name, createdAt: info.createdAt, importedAt: info.importedAt,
    });
    // Acknowledged: however it came (USB or upload), the outbox stops trying to send it.
    sql(ctx.db, 'UPDATE batches SET state = ?, state_at = ?, state_reason = ?, next_send_at = NULL, last_send_error = NULL WHERE seq = ?')
      .run(state, m.at, info.rejected.length ? `${info.rejected.length} baris ditolak` : null, batch.seq);
    recordEvent(ctx.db, m, 'batch.importReceipt', {
      seq: [null, batch.seq], state: [batch.state, state], accepted: [null, info.accepted], rejected: [null, info.rejected.length],
      city: [null, `${info.city.name} (${info.city.code})`],
    });
  });
  return { seq: batch.seq, state, changed: true, receipt: info };
}
