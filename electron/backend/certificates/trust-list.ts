import type { TrustList, TrustOffice } from '../../../shared/certificates/types.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import type { Db } from '../db/open.ts';
import { getOffice } from '../db/repos/office.ts';
import { cityRegency } from '../db/repos/city-mode.ts';
import { activeSigningKey, addOfficeKey, listOfficeKeys, retireActiveKey } from '../db/repos/office-keys.ts';
import { recordEvent } from '../db/repos/changes.ts';
import { writeTransaction } from '../db/transaction.ts';
import { ownRevocations } from '../db/repos/certificates.ts';
import { trustedOffices, trustedRevocations } from '../db/repos/trust.ts';
import { ed25519Signer } from './crypto.ts';

/** This office as trust lists describe it: its keys (retired ones still verify) and its revocations. */
export function ownTrustOffice(db: Db): TrustOffice | null {
  const office = getOffice(db);
  if (!office) return null;
  return {
    code: office.code,
    name: office.name,
    kind: cityRegency(db) ? 'kota' : 'kecamatan',
    keys: listOfficeKeys(db).map((k) => ({
      kid: k.kid, alg: k.alg, publicKey: Buffer.from(k.publicKey).toString('base64'),
      status: k.status, createdAt: k.createdAt, retiredAt: k.retiredAt,
    })),
  };
}

export function ownTrustList(db: Db): TrustList {
  const own = ownTrustOffice(db);
  const office = getOffice(db);
  return {
    offices: own ? [own] : [],
    revocations: office ? ownRevocations(db).map((r) => ({ office: office.code, ...r })) : [],
  };
}

/** What this office verifies against: itself plus every office its imported trust files named. */
export function trustListOf(db: Db): TrustList {
  const own = ownTrustList(db);
  const ownCode = own.offices[0]?.code;
  return {
    offices: [...own.offices, ...trustedOffices(db).filter((o) => o.code !== ownCode)],
    revocations: [...own.revocations, ...trustedRevocations(db).filter((r) => r.office !== ownCode)],
  };
}

/**
 * The office's signer: kid and a signing function over the active key. A database restored on
 * another PC (or from a backup after the key files were lost) has the public keys but not the
 * private one: a new key is made then, the old one retired (it still verifies what it signed),
 * and the audit log says why; the office's next trust file carries both.
 */
export function officeSigner(db: Db): { kid: string; kidBytes: Uint8Array; alg: number; sign: (data: Uint8Array) => Uint8Array } {
  let active = activeSigningKey(db);
  if (!active) throw new ApiError('SETUP_REQUIRED', 'Kunci tanda tangan kantor belum ada. Jalankan pengaturan awal terlebih dahulu.');
  if (!active.privateKey) {
    const lost = active.key.kid;
    writeTransaction(db, () => {
      if (activeSigningKey(db)?.privateKey) return; // another process renewed it meanwhile
      const at = new Date().toISOString();
      retireActiveKey(db, at);
      const added = addOfficeKey(db, at);
      recordEvent(db, { at, actor: null }, 'trust.rotateKey', { kid: [lost, added.kid], reason: [null, 'Berkas kunci privat tidak ada di folder data ini (basis data dipulihkan atau dipindah): kunci baru dibuat.'] });
    });
    active = activeSigningKey(db)!;
  }
  return {
    kid: active.key.kid,
    kidBytes: new Uint8Array(Buffer.from(active.key.kid, 'base64')),
    alg: active.key.alg,
    sign: ed25519Signer(active.privateKey!),
  };
}
