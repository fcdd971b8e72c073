import fs from 'node:fs';
import path from 'node:path';
import { fingerprintOf } from '../../../shared/certificates/keys.ts';
import type { BatchImportResult } from '../../../shared/contract/city.ts';
import type { ExportedFile } from '../../../shared/contract/common.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { localMinute } from '../../../shared/domain/office-time.ts';
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';
import { writeTransaction } from '../db/transaction.ts';
import { recordEvent } from '../db/repos/changes.ts';
import { cityRegency } from '../db/repos/city-mode.ts';
import { trustedOffices, trustKecamatanKey } from '../db/repos/trust.ts';
import { writeFileAtomic } from '../files.ts';
import { BATCH_EXTENSION } from '../batches/format.ts';
import type { TrustedBatchKey } from '../batches/read.ts';
import { receiptFileName } from '../batches/receipt.ts';
import { officeSigner } from '../certificates/trust-list.ts';
import { cityDashboard, officeChains } from '../city/dashboard.ts';
import { importBatch } from '../city/import.ts';
import { cityLedger, cityYearJp, ledgerLine } from '../city/ledger.ts';
import { assignmentOf, cityEmployees, isActive, peopleOf } from '../city/people.ts';
import { receiptForImport, receiptForReplay, type CityIdentity, type ReceiptSigner } from '../city/receipt.ts';
import { citySiasnRows } from '../city/siasn.ts';
import { SqliteCityStore, type CityKeyRequest, type CityStore } from '../city/store.ts';
import { siasnSheets } from '../reports/siasn.ts';
import { writeWorkbook, xlsxFile } from '../reports/xlsx.ts';
import { officeNow } from './events.ts';
import { meta, requireOffice } from './office.ts';
import { districts } from './regions.ts';
import type { ServiceContext } from './context.ts';
import type { Handlers } from './handlers.ts';

/** The city's regency code; a kecamatan is told plainly that batches are imported at the city. */
export function requireCity(db: Db): string {
  requireOffice(db);
  const regency = cityRegency(db);
  if (!regency) {
    throw new ApiError('CONFLICT', 'Kantor ini kantor kecamatan: kiriman kecamatan diimpor, dan data seluruh kota dilihat, di kantor BKPSDM kota/kabupaten.', { reason: 'not_city', messageKey: 'batches.import.not_city' });
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

/** What every import of one call shares: the store, the keys trusted, the city's signer. */
interface ImportSession {
  regencyCode: string;
  store: CityStore;
  trustedKeys: TrustedBatchKey[];
  signer: ReceiptSigner | null;
  city: CityIdentity;
}

/** An inbox file's name: `16.71.14-00007-<first 16 hex of its SHA-256>.bkbatch`. */
const INBOX_NAME = /^(\d{2}\.\d{2}\.\d{2})-(\d{5,})-[0-9a-f]{16}\.bkbatch$/;

/**
 * Named by what the reader checked (a kecamatan's region code, a number, the file's hash), not by
 * the name it arrived under, and made of nothing else: no name can lead out of the inbox.
 */
function inboxName(officeCode: string, seq: number, sha256: string): string {
  const name = `${officeCode}-${String(seq).padStart(5, '0')}-${sha256.slice(0, 16)}${BATCH_EXTENSION}`;
  if (!INBOX_NAME.test(name)) throw new ApiError('INTERNAL', `Nama berkas kiriman tidak wajar: ${JSON.stringify(name)}.`, { reason: 'inbox_name' });
  return name;
}

function one(ctx: ServiceContext, s: ImportSession, { fileName, bytes, dryRun, acceptOutOfOrder }: CityImportRequest): BatchImportResult {
  const m = meta(ctx);
  const inbox = path.join(ctx.dataDir, 'inbox');
  const result = importBatch(s.store, {
    fileName, bytes, trustedKeys: s.trustedKeys, regencyCode: s.regencyCode,
    dryRun, acceptOutOfOrder, at: m.at,
    keepFile: (manifest, sha256, kept) => {
      fs.mkdirSync(inbox, { recursive: true });
      const file = path.join(inbox, inboxName(manifest.office.code, manifest.seq, sha256));
      if (!fs.existsSync(file)) writeFileAtomic(file, kept);
      return file;
    },
    onWritten: (r) => {
      recordEvent(ctx.db, m, 'batch.import', {
        office: [null, `${r.office?.name} (${r.office?.code})`], seq: [null, r.seq], status: [null, r.status],
        created: [null, r.created], updated: [null, r.updated], removed: [null, r.removed], rejected: [null, r.rejected.length],
      });
      if (s.signer) receiptForImport(s.store, s.city, s.signer, r, m.at);
    },
  });
  if (s.signer) receiptForReplay(s.store, s.city, s.signer, result, bytes, s.trustedKeys, m.at);
  return result;
}

/**
 * The held batches of an office that now follow the one just imported: each imported in turn, in
 * its own transaction, until one is missing again (or a held one does not follow after all).
 */
function releaseHeld(ctx: ServiceContext, s: ImportSession, officeId: string, seq: number): BatchImportResult['released'] {
  const released: BatchImportResult['released'] = [];
  for (let next = seq + 1; ; next++) {
    if (s.store.batchesAt(officeId, next).some((b) => b.status === 'imported')) continue;
    const held = s.store.heldBatches(officeId).filter((b) => b.seq === next);
    let followed = false;
    for (const batch of held) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(fs.readFileSync(batch.filePath));
      } catch {
        continue; // the inbox file is gone: it stays held, and is missing until sent again
      }
      const r = one(ctx, s, { fileName: path.basename(batch.filePath), bytes, dryRun: false, acceptOutOfOrder: false });
      released.push({
        seq: next, sha256: batch.sha256, status: r.status, created: r.created, updated: r.updated, unchanged: r.unchanged,
        removed: r.removed, rejected: r.rejected.length, message: r.message, params: r.params,
      });
      if (r.status === 'imported') {
        followed = true;
        break;
      }
    }
    if (!followed) return released;
  }
}

function importSession(ctx: ServiceContext, dryRun: boolean): ImportSession {
  const regencyCode = requireCity(ctx.db);
  const office = requireOffice(ctx.db);
  return {
    regencyCode, store: new SqliteCityStore(ctx.db), trustedKeys: kecamatanKeys(ctx.db),
    // Asked before the import's transaction: a lost private key is replaced in a write of its own.
    signer: dryRun ? null : officeSigner(ctx.db),
    city: { id: office.id, code: office.code, name: office.name },
  };
}

/** A batch now in the city, after which the held ones that follow may be imported. */
const RELEASING = new Set<BatchImportResult['status']>(['imported', 'out_of_order', 'already_imported']);

/**
 * One batch file into the city: kept in `<data>/inbox/` before anything is imported, checked,
 * imported in one transaction (or only counted with `dryRun`), and its signed receipt written.
 * When it was the batch others waited for, the held batches that now follow it are imported
 * right after, each in its own transaction (`released`); so too when it was imported before (a
 * power cut between an import and its release heals when the batch is sent again). A batch
 * signed by a key not trusted yet waits with its key for a person to confirm the fingerprint
 * (`offices.confirmKey`).
 * The one way in for every door: `batch.import` (screen, CLI) and the receiver's uploads.
 */
export function importIntoCity(ctx: ServiceContext, request: CityImportRequest): BatchImportResult {
  const s = importSession(ctx, request.dryRun);
  const result = one(ctx, s, request);
  if (!result.dryRun && result.office && result.seq !== null && RELEASING.has(result.status)) {
    result.released = releaseHeld(ctx, s, result.office.id, result.seq);
  }
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

// ── keys waiting for a person (trust on first use) ─────────────────────────────────────

/** A batch number from the name the inbox gives a file (`16.71.14-00007-<sha>.bkbatch`). */
const seqOfInboxFile = (file: string) => Number(INBOX_NAME.exec(path.basename(file))?.[2] ?? Number.MAX_SAFE_INTEGER);

/** The batch files that waited for a key, imported in number order (a later one may be held or released). */
function importWaiting(ctx: ServiceContext, request: CityKeyRequest): BatchImportResult[] {
  const files = [...request.files].sort((a, b) => seqOfInboxFile(a) - seqOfInboxFile(b) || a.localeCompare(b));
  const results: BatchImportResult[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(fs.readFileSync(file));
    } catch {
      continue; // removed from the inbox by hand: the kecamatan sends it again
    }
    results.push(importIntoCity(ctx, { fileName: path.basename(file), bytes, dryRun: false, acceptOutOfOrder: false }));
  }
  return results;
}

/** Fingerprints as people type them: any spacing, any case. */
const bareFingerprint = (text: string) => text.replace(/\s+/g, '').toUpperCase();

/**
 * A city admin has compared the whole fingerprint of the key waiting for a kecamatan with the one
 * the kecamatan printed: the key is trusted for it, the kecamatan registered by confirmed
 * fingerprint, and the batches that waited are imported in order. A fingerprint that is not the
 * waiting key's changes nothing.
 */
export function confirmKey(ctx: ServiceContext, officeCode: string, typed: string) {
  requireCity(ctx.db);
  const store = new SqliteCityStore(ctx.db);
  const waiting = store.pendingKeyRequests().filter((r) => r.regionCode === officeCode);
  if (!waiting.length) {
    throw new ApiError('NOT_FOUND', `Tidak ada kunci kecamatan ${officeCode} yang menunggu dicocokkan: kiriman dengan kunci baru dari kecamatan itu belum diterima.`,
      { reason: 'no_pending_key', officeCode, messageKey: 'batches.confirm.no_pending_key' });
  }
  const request = waiting.find((r) => bareFingerprint(r.fingerprint) === bareFingerprint(typed));
  if (!request) {
    throw new ApiError('VALIDATION', `Sidik jari itu bukan sidik jari kunci yang menunggu dari ${officeCode}. Tidak ada yang diubah: cocokkan lagi keenam belas kelompoknya dengan cetakan kecamatan.`,
      { issues: [{ path: ['fingerprint'], message: 'batches.confirm.fingerprint_mismatch', params: { code: officeCode } }], reason: 'fingerprint_mismatch' });
  }
  const m = meta(ctx);
  writeTransaction(ctx.db, () => {
    trustKecamatanKey(ctx.db, { code: request.regionCode, name: request.officeName }, { kid: request.kid, publicKey: request.publicKey, createdAt: request.firstSeenAt }, m.at);
    store.confirmKeyRequest(request.kid, m.at, ctx.actor?.username ?? null);
    if (!store.office(request.officeId)) {
      store.saveOffice({
        officeId: request.officeId, regionCode: request.regionCode, name: request.officeName, kid: request.kid,
        registeredHow: 'confirmed_fingerprint', lastSeq: 0, lastSha256: null, lastImportAt: null, createdAt: m.at,
      });
    }
    recordEvent(ctx.db, m, 'offices.confirmKey', {
      office: [null, `${request.officeName} (${request.regionCode})`], fingerprint: [null, request.fingerprint], files: [null, request.files.length],
    });
  });
  return { officeCode, fingerprint: request.fingerprint, imported: importWaiting(ctx, request) };
}

/**
 * After a trust file was imported: the keys that waited and are now trusted for their kecamatan
 * (the kecamatan's own trust file is the other way to register it) stop waiting, and their
 * batches are imported. Nothing for a kecamatan office.
 */
export function settleKeyRequests(ctx: ServiceContext): BatchImportResult[] {
  if (!cityRegency(ctx.db)) return [];
  const store = new SqliteCityStore(ctx.db);
  const trusted = new Set(kecamatanKeys(ctx.db).map((k) => `${k.officeCode}|${k.kid}`));
  const settled = store.pendingKeyRequests().filter((r) => trusted.has(`${r.regionCode}|${r.kid}`));
  if (!settled.length) return [];
  const m = meta(ctx);
  writeTransaction(ctx.db, () => {
    for (const r of settled) store.confirmKeyRequest(r.kid, m.at, ctx.actor?.username ?? null);
  });
  return settled.flatMap((r) => importWaiting(ctx, r));
}

// ── what the city sees ─────────────────────────────────────────────────────────────────

/** The region's kecamatan, and any other that sent something or waits (a code changed since). */
async function cityDistricts(db: Db, regencyCode: string, store: CityStore): Promise<{ regionCode: string; name: string }[]> {
  const known = (await districts(regencyCode)).map((d) => ({ regionCode: d.code, name: d.name }));
  const extra = [...store.offices().map((o) => ({ regionCode: o.regionCode, name: o.name })),
    ...store.pendingKeyRequests().map((r) => ({ regionCode: r.regionCode, name: r.officeName }))];
  for (const o of extra) if (!known.some((d) => d.regionCode === o.regionCode)) known.push(o);
  return known;
}

function uploadTokens(db: Db): Set<string> {
  return new Set(sql(db, 'SELECT region_code FROM city_upload_tokens').pluck().all() as string[]);
}

function cityClock(ctx: ServiceContext) {
  const tz = requireOffice(ctx.db).timezone;
  return { now: officeNow(ctx.db, ctx.now()), localDate: (instant: string) => localMinute(new Date(instant), tz).slice(0, 10) };
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
    const chains = officeChains(ctx.db);
    const pending = store.pendingKeyRequests();
    const tokens = uploadTokens(ctx.db);
    return (await cityDistricts(ctx.db, regencyCode, store)).map((d) => {
      const got = received.get(d.regionCode);
      const keys = trusted.get(d.regionCode)?.keys ?? [];
      const key = pending.find((r) => r.regionCode === d.regionCode);
      return {
        regionCode: d.regionCode, name: got?.name ?? d.name,
        fingerprints: keys.map((k) => fingerprintOf(new Uint8Array(Buffer.from(k.publicKey, 'base64')))),
        lastSeq: got && got.lastSeq > 0 ? got.lastSeq : null, lastImportAt: got?.lastImportAt ?? null,
        held: chains.get(d.regionCode)?.held ?? [],
        missing: chains.get(d.regionCode)?.missing ?? null,
        pendingKey: key ? { kid: key.kid, fingerprint: key.fingerprint, officeName: key.officeName, firstSeenAt: key.firstSeenAt, files: key.files.length } : null,
        uploadToken: tokens.has(d.regionCode),
      };
    });
  },

  'offices.confirmKey': ({ officeCode, fingerprint }, ctx) => confirmKey(ctx, officeCode, fingerprint),

  'city.dashboard': async ({ year }, ctx) => {
    const regencyCode = requireCity(ctx.db);
    const offices = await cityDistricts(ctx.db, regencyCode, new SqliteCityStore(ctx.db));
    return cityDashboard(ctx.db, { year, offices, ...cityClock(ctx) });
  },

  'city.ledger': ({ year, officeCode, behindOnly, search }, ctx) => {
    requireCity(ctx.db);
    return cityLedger(ctx.db, { year, now: cityClock(ctx).now, officeCode, behindOnly, search });
  },

  'city.person': ({ nip, year }, ctx) => {
    requireCity(ctx.db);
    const person = peopleOf(cityEmployees(ctx.db, { nip })).get(nip);
    if (!person) throw new ApiError('NOT_FOUND', `NIP ${nip} tidak ada di data kecamatan mana pun yang diterima kota.`, { reason: 'no_person', nip, messageKey: 'batches.city.no_person' });
    const jp = cityYearJp(ctx.db, year, cityClock(ctx).now, person.rows.map((r) => r.id));
    const { sortName: _s, ...ledger } = ledgerLine(person, jp);
    return {
      nip, name: person.name, current: assignmentOf(person.current), history: person.rows.map(assignmentOf),
      ledger: isActive(person) ? ledger : null,
    };
  },

  'city.siasn': async ({ year }, ctx) => {
    requireCity(ctx.db);
    const rows = citySiasnRows(ctx.db, year, cityClock(ctx).now);
    return xlsxFile(`siasn-riwayat-kursus-kota-${year}.xlsx`, await writeWorkbook(siasnSheets(rows, year)));
  },
} satisfies Pick<Handlers, 'batch.import' | 'batch.receipt' | 'offices.list' | 'offices.confirmKey' | 'city.dashboard' | 'city.ledger' | 'city.person' | 'city.siasn'>;
