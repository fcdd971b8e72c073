import type { Migration } from './types.ts';

/**
 * Sending batches by upload, and the city's side of it.
 * - At a kecamatan, each outbox batch remembers its upload attempts: how many, when the next one
 *   is due (backoff), what went wrong last, and when the city first took it.
 * - At the city, `city_upload_tokens` holds one upload token per kecamatan (its SHA-256 only; the
 *   token itself is shown once to the city's admin and typed in at the kecamatan), and
 *   `city_key_requests` the keys of batches signed by a kecamatan not yet trusted, each waiting for
 *   a person to compare its fingerprint with the one the kecamatan printed (trust on first use,
 *   with a human check); the batch file waits in the inbox.
 * - An index on the employees' NIP in `city_rows`, for one person across kecamatan.
 * - At most one imported batch per kecamatan and number in `city_batches`: the import decides in
 *   its write transaction, and the index holds whatever process (the receiver, the app) writes.
 * New columns have defaults and new tables are empty: every older data folder reads on unchanged.
 */
export const migration010: Migration = {
  version: 10,
  name: 'sending batches by upload; upload tokens and keys awaiting confirmation at the city',
  up(db) {
    db.exec(`
      ALTER TABLE batches ADD COLUMN send_attempts INTEGER NOT NULL DEFAULT 0 CHECK (send_attempts >= 0);
      ALTER TABLE batches ADD COLUMN next_send_at TEXT;
      ALTER TABLE batches ADD COLUMN last_send_error TEXT;
      ALTER TABLE batches ADD COLUMN sent_at TEXT;

      CREATE TABLE city_upload_tokens (
        region_code TEXT PRIMARY KEY CHECK (region_code GLOB '[0-9][0-9].[0-9][0-9].[0-9][0-9]'),
        token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
        created_at TEXT NOT NULL,
        created_by TEXT
      ) STRICT;

      CREATE TABLE city_key_requests (
        kid TEXT PRIMARY KEY,
        region_code TEXT NOT NULL,
        office_id TEXT NOT NULL,
        office_name TEXT NOT NULL,
        -- The Ed25519 public key (base64) as the batch's manifest carried it, and its fingerprint.
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        -- The batch files signed with it, kept in the inbox until the key is confirmed (JSON array of paths).
        files TEXT NOT NULL DEFAULT '[]',
        confirmed_at TEXT,
        confirmed_by TEXT
      ) STRICT;

      CREATE INDEX city_rows_employee_nip ON city_rows (json_extract(data, '$.nip')) WHERE entity = 'employees';

      CREATE UNIQUE INDEX city_batches_imported_seq ON city_batches (office_id, seq) WHERE status = 'imported';
    `);
  },
};
