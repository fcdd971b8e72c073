import type { Migration } from './types.ts';

/**
 * The city office (BKPSDM kota/kabupaten) that receives the kecamatan's batches. `city_mode` has a
 * row when this data folder is a city office (the office table itself stays as it is, so every
 * older data folder reads on unchanged). `city_offices` are the kecamatan the city has received
 * from, with the chain position of each; `city_batches` every batch file kept in `<data>/inbox/`;
 * `city_rows` the imported rows, one per entity and id, behind the CityStore interface
 * (electron/backend/city/store.ts). City-local bookkeeping, never journalled itself.
 */
export const migration008: Migration = {
  version: 8,
  name: 'city office: kecamatan, received batches, imported rows',
  up(db) {
    db.exec(`
      CREATE TABLE city_mode (
        office_id TEXT PRIMARY KEY,
        regency_code TEXT NOT NULL CHECK (regency_code GLOB '[0-9][0-9].[0-9][0-9]'),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE city_offices (
        office_id TEXT PRIMARY KEY,
        region_code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        -- The key that signed the last batch imported (the keys themselves are in trusted_keys).
        kid TEXT NOT NULL,
        registered_how TEXT NOT NULL CHECK (registered_how IN ('trust_file', 'confirmed_fingerprint')),
        last_seq INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
        last_sha256 TEXT CHECK (last_sha256 IS NULL OR length(last_sha256) = 64),
        last_import_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE city_batches (
        office_id TEXT NOT NULL REFERENCES city_offices(office_id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        -- imported: its rows are in; held: arrived after a gap, kept until the missing one comes.
        status TEXT NOT NULL CHECK (status IN ('imported', 'held')),
        kind TEXT NOT NULL CHECK (kind IN ('full', 'incremental')),
        -- {entity: rows} as in the manifest.
        counts TEXT NOT NULL,
        file_path TEXT NOT NULL,
        received_at TEXT NOT NULL,
        imported_at TEXT,
        CHECK ((status = 'imported') = (imported_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX city_batches_office_seq ON city_batches (office_id, seq);

      CREATE TABLE city_rows (
        entity TEXT NOT NULL,
        id TEXT NOT NULL,
        -- The office whose batches own the row; another office's word about it is refused.
        office_id TEXT NOT NULL,
        row_version INTEGER NOT NULL CHECK (row_version >= 0),
        updated_at TEXT,
        -- The row as the batch carried it (JSON object).
        data TEXT NOT NULL,
        -- Set by a tombstone: the row is gone from the city's view, kept so an older row never returns.
        removed_at TEXT,
        PRIMARY KEY (entity, id)
      ) STRICT;
      CREATE INDEX city_rows_office ON city_rows (office_id, entity);
    `);
  },
};
