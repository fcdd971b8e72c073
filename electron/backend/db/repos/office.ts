import type { Office } from '../../../../shared/contract/office.ts';
import type { Timezone } from '../../../../shared/domain/timezone.ts';
import type { Db } from '../open.ts';
import { sql } from '../statements.ts';

interface OfficeRow {
  id: string; code: string; region_code: string; province_name: string; regency_name: string; district_name: string;
  name: string; address: string; timezone: string; signer_name: string; signer_nip: string; signer_title: string;
  has_logo: number; created_at: string; updated_at: string; updated_by: string | null; origin: string;
}

const COLUMNS = `id, code, region_code, province_name, regency_name, district_name, name, address, timezone,
  signer_name, signer_nip, signer_title, logo IS NOT NULL AS has_logo, created_at, updated_at, updated_by, origin`;

function toOffice(r: OfficeRow): Office {
  return {
    id: r.id, code: r.code, regionCode: r.region_code,
    provinceName: r.province_name, regencyName: r.regency_name, districtName: r.district_name,
    name: r.name, address: r.address, timezone: r.timezone as Timezone,
    signer: { name: r.signer_name, nip: r.signer_nip, title: r.signer_title },
    hasLogo: r.has_logo === 1,
    createdAt: r.created_at, updatedAt: r.updated_at, updatedBy: r.updated_by, origin: r.origin,
  };
}

export function getOffice(db: Db): Office | null {
  const row = sql(db, `SELECT ${COLUMNS} FROM office WHERE deleted_at IS NULL LIMIT 1`).get() as OfficeRow | undefined;
  return row ? toOffice(row) : null;
}

export function insertOffice(db: Db, o: Office): void {
  sql(db, `INSERT INTO office (id, code, region_code, province_name, regency_name, district_name, name, address,
      timezone, signer_name, signer_nip, signer_title, created_at, updated_at, updated_by, origin)
    VALUES (@id, @code, @regionCode, @provinceName, @regencyName, @districtName, @name, @address,
      @timezone, @signerName, @signerNip, @signerTitle, @createdAt, @updatedAt, @updatedBy, @origin)`)
    .run({ ...o, signerName: o.signer.name, signerNip: o.signer.nip, signerTitle: o.signer.title });
}

export function updateOffice(db: Db, o: Office): void {
  sql(db, `UPDATE office SET name = @name, address = @address, timezone = @timezone, signer_name = @signerName,
      signer_nip = @signerNip, signer_title = @signerTitle, updated_at = @updatedAt, updated_by = @updatedBy
    WHERE id = @id`)
    .run({ ...o, signerName: o.signer.name, signerNip: o.signer.nip, signerTitle: o.signer.title });
}

export function setOfficeLogo(db: Db, id: string, logo: { mime: string; data: Buffer } | null, updatedAt: string, updatedBy: string | null): void {
  sql(db, 'UPDATE office SET logo = ?, logo_mime = ?, updated_at = ?, updated_by = ? WHERE id = ?')
    .run(logo?.data ?? null, logo?.mime ?? null, updatedAt, updatedBy, id);
}

export function getOfficeLogo(db: Db): { mime: string; data: Buffer } | null {
  const row = sql(db, 'SELECT logo, logo_mime FROM office WHERE deleted_at IS NULL AND logo IS NOT NULL LIMIT 1')
    .get() as { logo: Buffer; logo_mime: string } | undefined;
  return row ? { mime: row.logo_mime, data: row.logo } : null;
}
