import type { Migration } from './types.ts';

// Business rows are sync-ready: UUIDv7 id, UTC timestamps, acting user, origin office code,
// and a tombstone (deleted_at) instead of a hard delete.
const SYNC = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  origin TEXT NOT NULL,
  deleted_at TEXT`;

export const migration001: Migration = {
  version: 1,
  name: 'core: office, units, users, sessions, journal, audit',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE office (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        region_code TEXT NOT NULL,
        province_name TEXT NOT NULL,
        regency_name TEXT NOT NULL,
        district_name TEXT NOT NULL,
        name TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        timezone TEXT NOT NULL CHECK (timezone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
        signer_name TEXT NOT NULL,
        signer_nip TEXT NOT NULL CHECK (length(signer_nip) = 18),
        signer_title TEXT NOT NULL,
        logo BLOB,
        logo_mime TEXT CHECK (logo_mime IN ('image/png', 'image/jpeg')),
        ${SYNC}
      ) STRICT;

      CREATE TABLE units (
        id TEXT PRIMARY KEY,
        code TEXT,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('kantor', 'kelurahan', 'desa')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort_order INTEGER NOT NULL DEFAULT 0,
        ${SYNC}
      ) STRICT;
      CREATE UNIQUE INDEX units_name ON units (lower(name)) WHERE deleted_at IS NULL;
      CREATE UNIQUE INDEX units_code ON units (code) WHERE code IS NOT NULL AND deleted_at IS NULL;

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'operator')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        last_login_at TEXT,
        ${SYNC}
      ) STRICT;

      -- Local only, never synced: who is logged in, and throttling of failed logins.
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_user ON sessions (user_id);

      CREATE TABLE login_throttle (
        username TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failed_at TEXT NOT NULL,
        locked_until TEXT
      ) STRICT;

      -- One row per changed record, written in the same transaction as the change;
      -- the export to the city reads it.
      CREATE TABLE change_journal (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'restore')),
        at TEXT NOT NULL,
        user_id TEXT,
        origin TEXT NOT NULL
      ) STRICT;
      CREATE INDEX change_journal_entity ON change_journal (entity, entity_id);

      -- Who did what, for people: changes with old → new values, logins, refusals.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        user_id TEXT,
        username TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT,
        entity_id TEXT,
        details TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
    `);
  },
};
