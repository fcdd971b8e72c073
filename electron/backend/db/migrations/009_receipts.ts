import type { Migration } from './types.ts';

/**
 * Signed receipts for batches (docs/batch-format.md, "Receipt"). At the city, `city_receipts`
 * keeps the receipt bytes written when a batch was first judged, so a replayed batch gets the
 * very same receipt. At a kecamatan, `batch_receipts` keeps what the city's receipt said of each
 * outbox batch (its rejected rows with their reasons, for the clerk); the batch's state in
 * `batches` follows it. New tables only: every older table stays as it was. Local bookkeeping,
 * never journalled itself.
 */
export const migration009: Migration = {
  version: 9,
  name: 'signed receipts for batches',
  up(db) {
    db.exec(`
      CREATE TABLE city_receipts (
        batch_sha256 TEXT PRIMARY KEY REFERENCES city_batches(sha256),
        office_id TEXT NOT NULL REFERENCES city_offices(office_id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        status TEXT NOT NULL CHECK (status IN ('imported', 'already_imported')),
        -- The signed .bkreceipt file, byte for byte.
        bytes BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX city_receipts_office_seq ON city_receipts (office_id, seq);

      CREATE TABLE batch_receipts (
        seq INTEGER PRIMARY KEY REFERENCES batches(seq),
        receipt_sha256 TEXT NOT NULL CHECK (length(receipt_sha256) = 64),
        status TEXT NOT NULL CHECK (status IN ('imported', 'already_imported')),
        accepted INTEGER NOT NULL CHECK (accepted >= 0),
        -- [{entity, id, reason}] as the receipt listed them.
        rejected TEXT NOT NULL,
        city_code TEXT NOT NULL,
        city_name TEXT NOT NULL,
        -- When the city wrote it, and when it was imported here.
        created_at TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
