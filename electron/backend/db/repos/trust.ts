import type { Revocation, TrustKey, TrustOffice } from '../../../../shared/certificates/types.ts';
import type { Db } from '../open.ts';
import { sql } from '../statements.ts';

type Row = Record<string, unknown>;

/** Other offices as their trust files described them (this office's own keys live in office_keys). */
export function trustedOffices(db: Db): TrustOffice[] {
  const rows = sql(db, 'SELECT * FROM trusted_keys ORDER BY office_code, created_at, kid').all() as Row[];
  const byCode = new Map<string, TrustOffice>();
  for (const r of rows) {
    const code = r.office_code as string;
    let office = byCode.get(code);
    if (!office) {
      office = { code, name: r.office_name as string, kind: r.office_kind as TrustOffice['kind'], keys: [] };
      byCode.set(code, office);
    }
    office.name = r.office_name as string;
    office.keys.push({
      kid: r.kid as string, alg: r.alg as number, publicKey: Buffer.from(r.public_key as Buffer).toString('base64'),
      status: r.status as TrustKey['status'], createdAt: r.created_at as string, retiredAt: r.retired_at as string | null,
    });
  }
  return [...byCode.values()];
}

export function trustedRevocations(db: Db): Revocation[] {
  return (sql(db, 'SELECT * FROM trusted_revocations ORDER BY office_code, number').all() as Row[]).map((r) => ({
    office: r.office_code as string, number: r.number as string, revokedOn: r.revoked_on as string,
    reason: r.reason as string, replacedBy: r.replaced_by as string | null,
  }));
}

/** Adds or updates a key; a retired key never becomes active again. */
export function upsertTrustedKey(db: Db, office: Pick<TrustOffice, 'code' | 'name' | 'kind'>, key: TrustKey, at: string, source: string): void {
  sql(db, `INSERT INTO trusted_keys (kid, office_code, office_name, office_kind, alg, public_key, status, created_at, retired_at, imported_at, source)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (kid) DO UPDATE SET office_name = excluded.office_name,
      status = CASE WHEN trusted_keys.status = 'retired' THEN 'retired' ELSE excluded.status END,
      retired_at = coalesce(trusted_keys.retired_at, excluded.retired_at)`)
    .run(key.kid, office.code, office.name, office.kind, key.alg, Buffer.from(key.publicKey, 'base64'), key.status, key.createdAt, key.retiredAt, at, source);
}

/**
 * One kecamatan key a person confirmed by comparing its fingerprint (no trust file): active, and
 * its source the kecamatan itself, so the kecamatan's own trust file may later update it.
 */
export function trustKecamatanKey(db: Db, office: { code: string; name: string }, key: { kid: string; publicKey: string; createdAt: string }, at: string): void {
  upsertTrustedKey(db, { ...office, kind: 'kecamatan' }, { kid: key.kid, alg: -8, publicKey: key.publicKey, status: 'active', createdAt: key.createdAt, retiredAt: null }, at, office.code);
}

export function upsertRevocation(db: Db, r: Revocation, at: string): boolean {
  const result = sql(db, `INSERT INTO trusted_revocations (office_code, number, revoked_on, reason, replaced_by, imported_at)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (office_code, number) DO NOTHING`).run(r.office, r.number, r.revokedOn, r.reason, r.replacedBy, at);
  return result.changes > 0;
}

/** The office whose trust file first brought this office's keys here; null for an office not known. */
export function trustedSource(db: Db, officeCode: string): string | null {
  return (sql(db, 'SELECT source FROM trusted_keys WHERE office_code = ? ORDER BY imported_at, rowid LIMIT 1').pluck().get(officeCode) as string | undefined) ?? null;
}
