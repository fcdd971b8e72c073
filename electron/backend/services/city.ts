import fs from 'node:fs';
import path from 'node:path';
import { fingerprintOf } from '../../../shared/certificates/keys.ts';
import type { BatchImportResult } from '../../../shared/contract/city.ts';
import type { ExportedFile } from '../../../shared/contract/common.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';
import { recordEvent } from '../db/repos/changes.ts';
import { cityRegency } from '../db/repos/city-mode.ts';
import { trustedOffices } from '../db/repos/trust.ts';
import { writeFileAtomic } from '../files.ts';
import { BATCH_EXTENSION } from '../batches/format.ts';
import type { TrustedBatchKey } from '../batches/read.ts';
import { receiptFileName } from '../batches/receipt.ts';
import { officeSigner } from '../certificates/trust-list.ts';
import { importBatch } from '../city/import.ts';
import { receiptForImport, receiptForReplay } from '../city/receipt.ts';
import { SqliteCityStore } from '../city/store.ts';
import { meta, requireOffice } from './office.ts';
import { districts } from './regions.ts';
import type { ServiceContext } from './context.ts';
import type { Handlers } from './handlers.ts';

/** The city's regency code; a kecamatan is told plainly that batches are imported at the city. */
function requireCity(db: Db): string {
  requireOffice(db);
  const regency = cityRegency(db);
  if (!regency) {
    throw new ApiError('CONFLICT', 'Kantor ini kantor kecamatan: kiriman data diimpor di kantor BKPSDM kota/kabupaten.', { reason: 'not_city' });
  }
  return regency;
}

/** Every key of the kecamatan whose trust files the city imported, retired ones too (older batches). */
function kecamatanKeys(db: Db): TrustedBatchKey[] {
  return trustedOffices(db).filter((o) => o.kind === 'kecamatan').flatMap((o) => o.keys.map((k) => ({
    kid: k.kid, alg: k.alg, publicKey: new Uint8Array(Buffer.from(k.publicKey, 'base64')), officeCode: o.code,
  })));
}

export interface CityImportRequest {
  fileName: string;
  bytes: Uint8Array;
  dryRun: boolean;
  acceptOutOfOrder: boolean;
}

/**
 * One batch file into the city: kept in `<data>/inbox/` before anything is imported, checked,
 * imported in one transaction (or only counted with `dryRun`), and its signed receipt written.
 * The one way in for every door: `batch.import` (screen, CLI) and the receiver's uploads.
 */
export function importIntoCity(ctx: ServiceContext, { fileName, bytes, dryRun, acceptOutOfOrder }: CityImportRequest): BatchImportResult {
  const regencyCode = requireCity(ctx.db);
  const m = meta(ctx);
  const inbox = path.join(ctx.dataDir, 'inbox');
  const store = new SqliteCityStore(ctx.db);
  const trustedKeys = kecamatanKeys(ctx.db);
  // Asked before the import's transaction: a lost private key is replaced in a write of its own.
  const signer = dryRun ? null : officeSigner(ctx.db);
  const office = requireOffice(ctx.db);
  const city = { id: office.id, code: office.code, name: office.name };
  const result = importBatch(store, {
    fileName, bytes, trustedKeys, regencyCode,
    dryRun, acceptOutOfOrder, at: m.at,
    keepFile: (manifest, sha256, kept) => {
      fs.mkdirSync(inbox, { recursive: true });
      // Named by what was checked, not by the name it arrived under.
      const file = path.join(inbox, `${manifest.office.code}-${String(manifest.seq).padStart(5, '0')}-${sha256.slice(0, 16)}${BATCH_EXTENSION}`);
      if (!fs.existsSync(file)) writeFileAtomic(file, kept);
      return file;
    },
    onWritten: (r) => {
      recordEvent(ctx.db, m, 'batch.import', {
        office: [null, `${r.office?.name} (${r.office?.code})`], seq: [null, r.seq], status: [null, r.status],
        created: [null, r.created], updated: [null, r.updated], removed: [null, r.removed], rejected: [null, r.rejected.length],
      });
      if (signer) receiptForImport(store, city, signer, r, m.at);
    },
  });
  if (signer) receiptForReplay(store, city, signer, result, bytes, trustedKeys, m.at);
  return result;
}

/** The signed receipt of a batch the city imported, as a file; null when there is none (yet). */
export async function cityReceiptFile(ctx: ServiceContext, officeCode: string, seq: number, sha256?: string): Promise<ExportedFile | null> {
  const regencyCode = requireCity(ctx.db);
  const store = new SqliteCityStore(ctx.db);
  const kecamatan = store.officeByRegion(officeCode);
  const batch = kecamatan ? store.batchesAt(kecamatan.officeId, seq).find((b) => b.status === 'imported') : undefined;
  const receipt = batch && (sha256 === undefined || sha256 === batch.sha256) ? store.receipt(batch.sha256) : null;
  if (!kecamatan || !batch || !receipt) return null;
  const district = (await districts(regencyCode)).find((d) => d.code === officeCode)?.name ?? kecamatan.name.replace(/^(Kantor )?Kecamatan /i, '');
  return { fileName: receiptFileName(officeCode, district, seq), mimeType: 'application/zip', dataBase64: Buffer.from(receipt.bytes).toString('base64') };
}

export const cityHandlers = {
  'batch.import': ({ fileName, dataBase64, dryRun, acceptOutOfOrder }, ctx) =>
    importIntoCity(ctx, { fileName, bytes: new Uint8Array(Buffer.from(dataBase64, 'base64')), dryRun, acceptOutOfOrder }),

  'batch.receipt': async ({ officeCode, seq, sha256 }, ctx) => {
    const file = await cityReceiptFile(ctx, officeCode, seq, sha256);
    if (!file) {
      throw new ApiError('NOT_FOUND', `Tanda terima kiriman ${seq} dari ${officeCode} tidak ada: kiriman itu belum diimpor di sini (impor dulu dengan \`bangkom batch import\`).`,
        { reason: 'no_receipt', officeCode, seq });
    }
    return file;
  },

  'offices.list': async (_input, ctx) => {
    const regencyCode = requireCity(ctx.db);
    const store = new SqliteCityStore(ctx.db);
    const received = new Map(store.offices().map((o) => [o.regionCode, o]));
    const trusted = new Map(trustedOffices(ctx.db).map((o) => [o.code, o]));
    const held = sql(ctx.db, "SELECT o.region_code AS code, b.seq FROM city_batches b JOIN city_offices o USING (office_id) WHERE b.status = 'held' ORDER BY b.seq").all() as { code: string; seq: number }[];
    const known = (await districts(regencyCode)).map((d) => ({ code: d.code, name: d.name }));
    // A kecamatan not in the region list (a code changed since) is still shown if it sent something.
    for (const o of received.values()) if (!known.some((d) => d.code === o.regionCode)) known.push({ code: o.regionCode, name: o.name });
    return known.map((d) => {
      const got = received.get(d.code);
      const keys = trusted.get(d.code)?.keys ?? [];
      return {
        regionCode: d.code, name: got?.name ?? d.name,
        fingerprints: keys.map((k) => fingerprintOf(new Uint8Array(Buffer.from(k.publicKey, 'base64')))),
        lastSeq: got && got.lastSeq > 0 ? got.lastSeq : null, lastImportAt: got?.lastImportAt ?? null,
        held: held.filter((h) => h.code === d.code).map((h) => h.seq),
        missing: null, pendingKey: null, uploadToken: false,
      };
    });
  },
  'offices.confirmKey': () => notYet(),
  'city.dashboard': () => notYet(),
  'city.ledger': () => notYet(),
  'city.person': () => notYet(),
  'city.siasn': () => notYet(),
} satisfies Pick<Handlers, 'batch.import' | 'batch.receipt' | 'offices.list' | 'offices.confirmKey' | 'city.dashboard' | 'city.ledger' | 'city.person' | 'city.siasn'>;

function notYet(): never {
  throw new ApiError('INTERNAL', 'Belum tersedia.');
}
