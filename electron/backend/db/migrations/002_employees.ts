import type { Migration } from './types.ts';

export const migration002: Migration = {
  version: 2,
  name: 'employees (staff roster)',
  up(db) {
    db.exec(`
      CREATE TABLE employees (
        id TEXT PRIMARY KEY,
        nip TEXT NOT NULL CHECK (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*'),
        employment_type TEXT NOT NULL CHECK (employment_type IN ('pns', 'pppk')),
        front_title TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL CHECK (name <> ''),
        back_title TEXT NOT NULL DEFAULT '',
        gender TEXT CHECK (gender IN ('L', 'P')),
        birth_place TEXT NOT NULL DEFAULT '',
        birth_date TEXT,
        golongan TEXT,
        jabatan TEXT NOT NULL DEFAULT '',
        unit_id TEXT REFERENCES units (id),
        status TEXT NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'pindah', 'pensiun', 'meninggal', 'cltn')),
        status_date TEXT,
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        -- Folded name (no titles, case or accents) and NIP digits, for fragment search.
        search_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT,
        origin TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      -- One person per NIP, removed rows included: a removed person is restored, not duplicated.
      CREATE UNIQUE INDEX employees_nip ON employees (nip);
      CREATE INDEX employees_unit ON employees (unit_id);
    `);
  },
};
