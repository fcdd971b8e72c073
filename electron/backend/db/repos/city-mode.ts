import type { Db } from '../open.ts';
import { hasTable } from '../migrate.ts';
import { sql } from '../statements.ts';

/** The regency code (`16.71`) when this data folder is a city office; null for a kecamatan. */
export function cityRegency(db: Db): string | null {
  // A database still at an older schema (the migration tests build one) is a kecamatan.
  if (!hasTable(db, 'city_mode')) return null;
  return (sql(db, 'SELECT regency_code FROM city_mode LIMIT 1').pluck().get() as string | undefined) ?? null;
}

export function setCityMode(db: Db, officeId: string, regencyCode: string, at: string): void {
  sql(db, 'INSERT INTO city_mode (office_id, regency_code, created_at) VALUES (?, ?, ?)').run(officeId, regencyCode, at);
}
