import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open.ts';
import { writeFileAtomic } from '../files.ts';
import { publicKeyOf } from './crypto.ts';

/**
 * The office's private signing keys live in `<data>/keys/`, one file per key (0600), beside the
 * database and never in it: a backup copied to a USB stick carries the public keys (so old
 * certificates keep verifying) but nothing that could sign a certificate.
 */
export function keyDir(db: Db): string {
  if (db.memory) throw new Error('an in-memory database has no data folder for keys');
  return path.join(path.dirname(db.name), 'keys');
}

const keyFile = (db: Db, kid: string) => path.join(keyDir(db), `${Buffer.from(kid, 'base64').toString('hex')}.key`);

export function saveKeyFile(db: Db, kid: string, privateKeyPkcs8: Uint8Array): void {
  fs.mkdirSync(keyDir(db), { recursive: true, mode: 0o700 });
  const file = keyFile(db, kid);
  writeFileAtomic(file, privateKeyPkcs8);
  fs.chmodSync(file, 0o600);
}

/** The private key of `kid`, if this data folder has it and it belongs to that public key. */
export function readKeyFile(db: Db, kid: string, publicKey: Uint8Array): Uint8Array | null {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(keyFile(db, kid)));
  } catch {
    return null;
  }
  try {
    return Buffer.from(publicKeyOf(bytes)).equals(Buffer.from(publicKey)) ? bytes : null;
  } catch {
    return null;
  }
}
