import type { Migration } from './types.ts';

/**
 * The outbox of batches to the city office: one row per batch file made, kept in
 * `<data>/outbox/` under `file_name` until the city's receipt says it arrived. A batch covers a
 * change-journal range (journal_from, journal_to]; the same range is never built twice.
 * Office-local bookkeeping, never journalled itself.
 */
export const migration007: Migration = {
  version: 7,
  name: 'batches to the city office (outbox)',
  up(db) {
    db.exec(`
      CREATE TABLE batches (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        kind TEXT NOT NULL CHECK (kind IN ('full', 'incremental')),
        journal_from INTEGER NOT NULL CHECK (journal_from >= 0),
        journal_to INTEGER NOT NULL CHECK (journal_to >= journal_from),
        file_name TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size > 0),
        -- {entity: rows} as in the manifest.
        counts TEXT NOT NULL,
        created_at TEXT NOT NULL,
        -- dibuat: made and in the outbox; dikirim, diterima, ditolak: for the trip to the city.
        state TEXT NOT NULL DEFAULT 'dibuat' CHECK (state IN ('dibuat', 'dikirim', 'diterima', 'ditolak')),
        state_at TEXT,
        state_reason TEXT,
        CHECK (kind = 'incremental' OR journal_from = 0)
      ) STRICT;
    `);
  },
};
