import type { Migration } from './types.ts';

// Unit values from roster files that a person matched to a unit ("Kel. Sukamaju" → Plaju Ulu),
// remembered per office so the next file goes through without asking. Sync-ready like every
// business row; forgetting one leaves a tombstone.
export const migration004: Migration = {
  version: 4,
  name: 'unit aliases: remembered unit values of roster files',
  up(db) {
    db.exec(`
      CREATE TABLE unit_aliases (
        id TEXT PRIMARY KEY,
        -- As the file wrote it the first time (shown in Pengaturan → Unit kerja).
        value TEXT NOT NULL CHECK (value <> ''),
        -- foldUnitName(value): case, spaces, punctuation and "Kelurahan", "Kel.", … set aside.
        folded TEXT NOT NULL CHECK (folded <> ''),
        unit_id TEXT NOT NULL REFERENCES units (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT,
        origin TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      -- One live meaning per spelling; a forgotten one may be remembered again.
      CREATE UNIQUE INDEX unit_aliases_folded ON unit_aliases (folded) WHERE deleted_at IS NULL;
      CREATE INDEX unit_aliases_unit ON unit_aliases (unit_id);
    `);
  },
};
