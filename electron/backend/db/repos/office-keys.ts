import type { Db } from '../open.ts';
import { sql } from '../statements.ts';
import { generateOfficeKeyPair } from '../../certificates/crypto.ts';
import { readKeyFile, saveKeyFile } from '../../certificates/key-store.ts';
import { kidOf } from '../../../../shared/certificates/keys.ts';

export interface OfficeKey {
  kid: string;
  alg: number;
  publicKey: Uint8Array;
  status: 'active' | 'retired';
  createdAt: string;
  retiredAt: string | null;
}

interface KeyRow { kid: string; alg: number; public_key: Buffer; status: 'active' | 'retired'; created_at: string; retired_at: string | null }

const toKey = (r: KeyRow): OfficeKey => ({ kid: r.kid, alg: r.alg, publicKey: new Uint8Array(r.public_key), status: r.status, createdAt: r.created_at, retiredAt: r.retired_at });

/**
 * A new active key pair: the private key to its file in the data folder, the public key here.
 * The caller retires the previous one first (one active key at a time).
 */
export function addOfficeKey(db: Db, at: string): OfficeKey {
  const pair = generateOfficeKeyPair();
  const kid = kidOf(pair.publicKey);
  saveKeyFile(db, kid, pair.privateKey);
  sql(db, `INSERT INTO office_keys (kid, alg, public_key, status, created_at) VALUES (?, -8, ?, 'active', ?)`)
    .run(kid, Buffer.from(pair.publicKey), at);
  return { kid, alg: -8, publicKey: pair.publicKey, status: 'active', createdAt: at, retiredAt: null };
}

export function retireActiveKey(db: Db, at: string): void {
  sql(db, "UPDATE office_keys SET status = 'retired', retired_at = ? WHERE status = 'active'").run(at);
}

export function listOfficeKeys(db: Db): OfficeKey[] {
  return (sql(db, 'SELECT kid, alg, public_key, status, created_at, retired_at FROM office_keys ORDER BY created_at, kid').all() as KeyRow[]).map(toKey);
}

/** The active key, and its private key when this data folder holds its file (null: a restored or moved database). */
export function activeSigningKey(db: Db): { key: OfficeKey; privateKey: Uint8Array | null } | null {
  const row = sql(db, "SELECT kid, alg, public_key, status, created_at, retired_at FROM office_keys WHERE status = 'active'").get() as KeyRow | undefined;
  if (!row) return null;
  const key = toKey(row);
  return { key, privateKey: readKeyFile(db, key.kid, key.publicKey) };
}
