import { ApiError } from '../../../shared/contract/errors.ts';
import { fingerprintOf } from '../../../shared/certificates/keys.ts';
import { encodeTrustFile, parseTrustFile, type TrustFilePayload } from '../../../shared/certificates/trust-file.ts';
import type { TrustKey } from '../../../shared/certificates/types.ts';
import type { Db } from '../db/open.ts';
import { recordEvent } from '../db/repos/changes.ts';
import { addOfficeKey, listOfficeKeys, retireActiveKey } from '../db/repos/office-keys.ts';
import * as trust from '../db/repos/trust.ts';
import { writeTransaction } from '../db/transaction.ts';
import { nodeSignatureCheck } from '../certificates/crypto.ts';
import { officeSigner, trustListOf } from '../certificates/trust-list.ts';
import { meta, requireOffice } from './office.ts';
import { settleKeyRequests } from './city.ts';
import { fileSlug } from './documents.ts';
import { nowIso } from './context.ts';
import type { Handlers } from './handlers.ts';

const keyBytes = (k: Pick<TrustKey, 'publicKey'>) => new Uint8Array(Buffer.from(k.publicKey, 'base64'));

function keyRow(k: TrustKey) {
  return { kid: k.kid, fingerprint: fingerprintOf(keyBytes(k)), status: k.status, createdAt: k.createdAt, retiredAt: k.retiredAt };
}

/** Why a trust file is refused, in the clerk's words (the code is for the UI and the CLI's --json). */
const REFUSED: Record<string, string> = {
  not_trust_file: 'Berkas ini bukan daftar tepercaya Bangkom.',
  unsupported_version: 'Versi daftar tepercaya ini belum dikenal. Perbarui Bangkom.',
  invalid_content: 'Isi daftar tepercaya tidak lengkap atau rusak.',
  unknown_signer: 'Penanda tangan daftar tidak tercantum di dalamnya.',
  bad_signature: 'Tanda tangan daftar tepercaya tidak cocok: berkas diubah atau rusak. Tidak ada yang diimpor.',
};

/**
 * The plan of an import: what is new, and what this file may not change. An office already
 * trusted here is updated (new keys, revocations, its name) only by a file signed by that office
 * itself or by the office whose file first brought it (the city, for its kecamatan); anyone
 * else's word about it is left out, so a trusted kecamatan cannot slip a key in for another.
 */
function planImport(db: Db, payload: TrustFilePayload, signerKey: TrustKey) {
  const own = requireOffice(db).code;
  const signer = payload.signer.office;
  const list = trustListOf(db);
  const known = new Map(list.offices.flatMap((o) => o.keys.map((k) => [k.kid, { office: o.code, status: k.status }])));
  const signerKnown = known.get(signerKey.kid);
  const refuse = (message: string) => new ApiError('VALIDATION', REFUSED.invalid_content!, { issues: [{ path: ['file'], message }], reason: 'invalid_content' });
  if (signerKnown && signerKnown.office !== signer) throw refuse('trust.key_other_office');
  const revoked = new Set(list.revocations.map((r) => `${r.office}|${r.number}`));
  const speaksFor = (code: string) => {
    const source = trust.trustedSource(db, code);
    return source === null || code === signer || source === signer;
  };
  const offices = payload.offices.filter((o) => o.code !== own).map((o) => {
    for (const k of o.keys) {
      const seen = known.get(k.kid);
      // A key already trusted for one office may not be claimed by another.
      if (seen && seen.office !== o.code) throw refuse('trust.key_other_office');
    }
    return {
      code: o.code, name: o.name, allowed: speaksFor(o.code),
      newKeys: o.keys.filter((k) => !known.has(k.kid)).length,
      retiredKeys: o.keys.filter((k) => k.status === 'retired' && known.get(k.kid)?.status === 'active').length,
    };
  });
  const allowed = new Set(offices.filter((o) => o.allowed).map((o) => o.code));
  const revocations = payload.revocations.filter((r) => allowed.has(r.office) && !revoked.has(`${r.office}|${r.number}`));
  return { own, offices, allowed, revocations, needsConfirmation: !signerKnown };
}

export const trustHandlers = {
  'trust.list': (_input, ctx) => {
    const list = trustListOf(ctx.db);
    const own = requireOffice(ctx.db).code;
    return list.offices.map((o) => ({
      code: o.code, name: o.name, kind: o.kind, own: o.code === own, keys: o.keys.map(keyRow),
      revocations: list.revocations.filter((r) => r.office === o.code).length,
    }));
  },

  'trust.export': (_input, ctx) => {
    const office = requireOffice(ctx.db);
    const signer = officeSigner(ctx.db);
    const list = trustListOf(ctx.db);
    // An office that has imported others' keys passes on everything it trusts (the city's combined list).
    const payload: TrustFilePayload = {
      kind: list.offices.length > 1 ? 'combined' : 'office',
      signer: { office: office.code, kid: signer.kid },
      createdAt: nowIso(ctx),
      offices: list.offices,
      revocations: list.revocations,
    };
    const text = encodeTrustFile(payload, signer.sign);
    return { fileName: `daftar-tepercaya-${office.code}-${fileSlug(office.name)}.json`, mimeType: 'application/json', dataBase64: Buffer.from(text).toString('base64') };
  },

  'trust.import': ({ dataBase64, confirm }, ctx) => {
    const text = Buffer.from(dataBase64, 'base64').toString('utf8');
    const parsed = parseTrustFile(text, nodeSignatureCheck);
    if (!parsed.ok) {
      throw new ApiError('VALIDATION', REFUSED[parsed.reason] ?? REFUSED.invalid_content!, { issues: [{ path: ['file'], message: `trust.${parsed.reason}` }], reason: parsed.reason });
    }
    const { payload, signerKey, signerOffice } = parsed;
    if (payload.signer.office === requireOffice(ctx.db).code) {
      throw new ApiError('VALIDATION', 'Ini daftar tepercaya kantor ini sendiri; kirimkan ke kantor lain atau ke kota.', { issues: [{ path: ['file'], message: 'trust.own_file' }], reason: 'own_file' });
    }
    const plan = planImport(ctx.db, payload, signerKey);
    const preview = {
      kind: payload.kind,
      signer: { office: signerOffice.code, name: signerOffice.name, fingerprint: fingerprintOf(keyBytes(signerKey)) },
      needsConfirmation: plan.needsConfirmation,
      createdAt: payload.createdAt,
      offices: plan.offices.map(({ allowed, ...o }) => ({ ...o, refused: !allowed })),
      newRevocations: plan.revocations.length,
      applied: false,
    };
    // Every import is shown first: what it adds, and whom it may not speak for.
    if (!confirm) return preview;
    const m = meta(ctx);
    writeTransaction(ctx.db, () => {
      for (const o of payload.offices) {
        if (!plan.allowed.has(o.code)) continue;
        for (const k of o.keys) trust.upsertTrustedKey(ctx.db, o, k, m.at, signerOffice.code);
      }
      for (const r of plan.revocations) trust.upsertRevocation(ctx.db, r, m.at);
      recordEvent(ctx.db, m, 'trust.import', {
        signer: [null, `${signerOffice.name} (${signerOffice.code})`], fingerprint: [null, preview.signer.fingerprint],
        offices: [null, [...plan.allowed].join(', ')], revocations: [null, plan.revocations.length],
        ...(preview.offices.some((o) => o.refused) ? { refused: [null, preview.offices.filter((o) => o.refused).map((o) => o.code).join(', ')] } : {}),
      });
    });
    // At the city, a kecamatan's own trust file also registers a key that waited for a person, and its batches come in.
    settleKeyRequests(ctx);
    return { ...preview, applied: true };
  },

  'trust.rotateKey': ({ reason }, ctx) => {
    requireOffice(ctx.db);
    const m = meta(ctx);
    writeTransaction(ctx.db, () => {
      const before = listOfficeKeys(ctx.db).find((k) => k.status === 'active');
      retireActiveKey(ctx.db, m.at);
      const added = addOfficeKey(ctx.db, m.at);
      recordEvent(ctx.db, m, 'trust.rotateKey', { kid: [before?.kid ?? null, added.kid], reason: [null, reason] });
    });
    return listOfficeKeys(ctx.db).map((k) => ({ kid: k.kid, fingerprint: fingerprintOf(k.publicKey), status: k.status, createdAt: k.createdAt, retiredAt: k.retiredAt }));
  },
} satisfies Partial<Handlers>;
