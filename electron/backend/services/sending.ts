// Sending batches by upload: at the kecamatan the outbox's file, the receiver's address and token,
// and the upload itself (batches/send.ts); at the city the upload tokens it hands out and the
// receiver's one method, `batch.upload` (served only by `bangkom serve --receiver`).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SendSettings } from '../../../shared/contract/batches.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { ACCEPTED_STATUSES } from '../../../shared/domain/batch-statuses.ts';
import { UPLOAD_TOKEN_BYTES } from '../../../shared/domain/batch-upload.ts';
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';
import { writeTransaction } from '../db/transaction.ts';
import { recordEvent } from '../db/repos/changes.ts';
import { cityRegency } from '../db/repos/city-mode.ts';
import { setSetting } from '../db/repos/settings.ts';
import { getBatch, outboxBytes } from '../batches/export.ts';
import { unverifiedManifest } from '../batches/read.ts';
import { SEND_TOKEN_SETTING, SEND_URL_SETTING, sendOutbox, sendSettingsOf } from '../batches/send.ts';
import { cityReceiptFile, importIntoCity, requireCity } from './city.ts';
import { meta, requireOffice } from './office.ts';
import { districts } from './regions.ts';
import type { Handlers } from './handlers.ts';

const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * The kecamatan an upload token was issued to, or null. Compared in constant time against every
 * token the city issued (a few dozen), so the time taken tells nothing about a guess.
 */
export function uploadTokenRegion(db: Db, token: string): string | null {
  if (token === '' || token.length > 200) return null;
  const hash = tokenHash(token);
  let found: string | null = null;
  for (const row of sql(db, 'SELECT region_code AS code, token_sha256 AS sha FROM city_upload_tokens').all() as { code: string; sha: string }[]) {
    if (timingSafeEqual(Buffer.from(row.sha, 'hex'), hash)) found = row.code;
  }
  return found;
}

function requireKecamatan(db: Db): void {
  requireOffice(db);
  if (cityRegency(db)) {
    throw new ApiError('CONFLICT', 'Kantor ini kantor kota/kabupaten: kiriman diunggah oleh kantor kecamatan.', { reason: 'not_kecamatan', messageKey: 'batches.send.not_kecamatan' });
  }
}

const settingsView = (db: Db): SendSettings => {
  const { url, token } = sendSettingsOf(db);
  return { url, tokenSet: token !== null };
};

export const sendingHandlers = {
  'batch.file': ({ seq }, ctx) => {
    requireOffice(ctx.db);
    const batch = getBatch(ctx.db, seq);
    if (!batch) throw new ApiError('NOT_FOUND', `Kiriman ${seq} tidak ada di outbox.`, { reason: 'no_batch', seq });
    const { bytes } = outboxBytes(ctx.db, ctx.dataDir, batch);
    return { fileName: batch.fileName, mimeType: 'application/zip', dataBase64: Buffer.from(bytes).toString('base64') };
  },

  'batch.sendSettings': (_input, ctx) => {
    requireOffice(ctx.db);
    return settingsView(ctx.db);
  },

  'batch.setSendSettings': ({ url, token }, ctx) => {
    requireOffice(ctx.db);
    const before = sendSettingsOf(ctx.db);
    const m = meta(ctx);
    writeTransaction(ctx.db, () => {
      setSetting(ctx.db, SEND_URL_SETTING, url ?? '');
      if (token !== undefined) setSetting(ctx.db, SEND_TOKEN_SETTING, token);
      // The token itself is a secret: the trail says only that it changed.
      recordEvent(ctx.db, m, 'batch.setSendSettings', {
        ...(before.url !== url ? { url: [before.url, url] } : {}),
        ...(token !== undefined ? { token: [before.token === null ? null : 'lama', 'diganti'] } : {}),
      });
    });
    return settingsView(ctx.db);
  },

  'batch.send': async ({ url }, ctx) => {
    requireKecamatan(ctx.db);
    const settings = sendSettingsOf(ctx.db);
    // The office's upload token goes with every upload: only an admin sends it anywhere but the address set.
    if (url !== undefined && url !== settings.url && ctx.actor?.role !== 'admin') {
      throw new ApiError('FORBIDDEN', 'Hanya admin yang boleh mengirim ke alamat selain alamat penerima yang diatur (token unggah kantor ikut terkirim).',
        { reason: 'url_admin_only', messageKey: 'batches.send.url_admin_only' });
    }
    const target = url ?? settings.url;
    if (!target) {
      throw new ApiError('CONFLICT', 'Alamat penerima kiriman di kota belum diatur.', { reason: 'no_address', messageKey: 'batches.send.no_address' });
    }
    if (!settings.token) {
      throw new ApiError('CONFLICT', 'Token unggah dari BKPSDM kota/kabupaten belum diisi.', { reason: 'no_token', messageKey: 'batches.send.no_token' });
    }
    return sendOutbox(ctx, { url: target, token: settings.token });
  },

  'batch.upload': async ({ token, fileName, dataBase64 }, ctx) => {
    requireCity(ctx.db);
    const region = uploadTokenRegion(ctx.db, token);
    if (!region) {
      throw new ApiError('UNAUTHENTICATED', 'Token unggah tidak dikenal.', { reason: 'token_invalid', messageKey: 'batches.upload.token_invalid' });
    }
    const bytes = new Uint8Array(Buffer.from(dataBase64, 'base64'));
    // Read within bounds and unverified: the import checks the signature of the very same manifest.
    const office = unverifiedManifest(bytes)?.office.code ?? null;
    if (office !== null && office !== region) {
      throw new ApiError('FORBIDDEN', `Token unggah ini untuk kecamatan ${region}, bukan untuk kiriman dari ${office}. Tidak ada yang diimpor.`,
        { reason: 'token_other_office', messageKey: 'batches.upload.token_other_office', token: region, office });
    }
    // The audit trail names the kecamatan whose token brought the batch.
    const asUploader = { ...ctx, actor: { userId: null, username: `unggah:${region}`, role: 'operator' as const } };
    const result = importIntoCity(asUploader, { fileName, bytes, dryRun: false, acceptOutOfOrder: false });
    const receipt = result.office && result.seq !== null && result.sha256 && ACCEPTED_STATUSES.includes(result.status)
      ? await cityReceiptFile(ctx, result.office.code, result.seq, result.sha256)
      : null;
    return { result, receipt };
  },

  'offices.uploadToken': async ({ officeCode }, ctx) => {
    const regency = requireCity(ctx.db);
    const issue = (key: string, text: string) =>
      new ApiError('VALIDATION', text, { issues: [{ path: ['officeCode'], message: key, params: { code: officeCode, city: regency } }] });
    if (!officeCode.startsWith(`${regency}.`)) throw issue('batches.upload.not_in_city', `Kecamatan ${officeCode} bukan kecamatan di wilayah ${regency}.`);
    const sent = sql(ctx.db, 'SELECT 1 FROM city_offices WHERE region_code = ?').get(officeCode) !== undefined;
    if (!sent && !(await districts(regency)).some((d) => d.code === officeCode)) {
      throw issue('batches.upload.unknown_kecamatan', `Kode kecamatan ${officeCode} tidak ada di data wilayah.`);
    }
    const token = randomBytes(UPLOAD_TOKEN_BYTES).toString('base64url');
    const m = meta(ctx);
    writeTransaction(ctx.db, () => {
      const replaced = sql(ctx.db, 'SELECT 1 FROM city_upload_tokens WHERE region_code = ?').get(officeCode) !== undefined;
      sql(ctx.db, `INSERT INTO city_upload_tokens (region_code, token_sha256, created_at, created_by) VALUES (@code, @sha, @at, @by)
        ON CONFLICT (region_code) DO UPDATE SET token_sha256 = excluded.token_sha256, created_at = excluded.created_at, created_by = excluded.created_by`)
        .run({ code: officeCode, sha: tokenHash(token).toString('hex'), at: m.at, by: m.actor?.username ?? null });
      recordEvent(ctx.db, m, 'offices.uploadToken', { kecamatan: [null, officeCode], token: [replaced ? 'lama' : null, 'baru'] });
    });
    return { officeCode, token };
  },
} satisfies Pick<Handlers, 'batch.file' | 'batch.sendSettings' | 'batch.setSendSettings' | 'batch.send' | 'batch.upload' | 'offices.uploadToken'>;
