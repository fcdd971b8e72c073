import type { Migration } from './types.ts';
import { addOfficeKey } from '../repos/office-keys.ts';

const SYNC = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  origin TEXT NOT NULL,
  deleted_at TEXT`;

const ROLES = "('peserta', 'narasumber', 'panitia')";

/**
 * Certificates and the trust they rest on.
 * - office_keys: the office's Ed25519 public keys (the private ones are files in <data>/keys/,
 *   never in the database or its backups). Office-local, never journalled; a retired key still
 *   verifies.
 * - certificate_documents: the frozen PDF of one issue (every certificate of one "Terbitkan"
 *   in one file, fonts embedded once), its SHA-256; certificates point at their pages.
 * - certificates: sync-ready business rows; the number is unique and its (year, seq) never reused.
 * - certificate_number_gaps: numbers the sequence skipped on purpose (used on paper), with why.
 * - trusted_keys / trusted_revocations: what other offices' trust files said.
 * An office that exists already gets its key pair here.
 */
export const migration005: Migration = {
  version: 5,
  name: 'certificates: office keys, frozen documents, numbers, trust lists',
  up(db) {
    db.exec(`
      CREATE TABLE office_keys (
        kid TEXT PRIMARY KEY,
        alg INTEGER NOT NULL DEFAULT -8,
        public_key BLOB NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'retired')),
        created_at TEXT NOT NULL,
        retired_at TEXT,
        CHECK ((status = 'retired') = (retired_at IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX office_keys_one_active ON office_keys (status) WHERE status = 'active';

      CREATE TABLE certificate_images (
        kind TEXT PRIMARY KEY CHECK (kind IN ('signature', 'stamp')),
        mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
        data BLOB NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT
      ) STRICT;

      CREATE TABLE certificate_sequences (
        year INTEGER PRIMARY KEY,
        last_seq INTEGER NOT NULL CHECK (last_seq >= 0)
      ) STRICT;

      CREATE TABLE certificate_number_gaps (
        year INTEGER NOT NULL,
        first_seq INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (reason <> ''),
        created_at TEXT NOT NULL,
        created_by TEXT,
        PRIMARY KEY (year, first_seq),
        CHECK (last_seq >= first_seq)
      ) STRICT;

      CREATE TABLE certificate_documents (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events (id),
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        pages INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT
      ) STRICT;

      CREATE TABLE certificates (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        event_id TEXT NOT NULL REFERENCES events (id),
        role TEXT NOT NULL CHECK (role IN ${ROLES}),
        -- Who it is for: an employee of the roster, a participant's enrolment (walk-ins too), or
        -- a speaker of the event's list by position; the printed snapshot is in page.
        employee_id TEXT REFERENCES employees (id),
        enrolment_id TEXT REFERENCES enrolments (id),
        recipient_key TEXT NOT NULL,
        nip TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL,
        jp REAL NOT NULL,
        issued_on TEXT NOT NULL,
        kid TEXT NOT NULL,
        code TEXT NOT NULL,
        page TEXT NOT NULL,
        document_id TEXT NOT NULL REFERENCES certificate_documents (id),
        first_page INTEGER NOT NULL,
        page_count INTEGER NOT NULL,
        -- SHA-256 of this certificate's own PDF: its pages cut from the frozen document, a cut that
        -- always gives the same bytes. Recorded at the first cut, checked at every one after.
        pdf_sha256 TEXT,
        included_reason TEXT,
        status TEXT NOT NULL DEFAULT 'sah' CHECK (status IN ('sah', 'dicabut')),
        revoked_on TEXT,
        revoke_reason TEXT,
        replaces_id TEXT REFERENCES certificates (id),
        ${SYNC},
        UNIQUE (year, seq),
        CHECK ((status = 'dicabut') = (revoked_on IS NOT NULL AND revoke_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX certificates_event ON certificates (event_id, role);
      CREATE INDEX certificates_employee ON certificates (employee_id);
      -- One live certificate per person per role per event: issuing again skips, a correction replaces.
      CREATE UNIQUE INDEX certificates_one_live ON certificates (event_id, role, recipient_key)
        WHERE status = 'sah' AND deleted_at IS NULL;

      CREATE TABLE trusted_keys (
        kid TEXT PRIMARY KEY,
        office_code TEXT NOT NULL,
        office_name TEXT NOT NULL,
        office_kind TEXT NOT NULL CHECK (office_kind IN ('kecamatan', 'kota')),
        alg INTEGER NOT NULL,
        public_key BLOB NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'retired')),
        created_at TEXT NOT NULL,
        retired_at TEXT,
        imported_at TEXT NOT NULL,
        -- The office whose signed file brought it.
        source TEXT NOT NULL
      ) STRICT;
      CREATE INDEX trusted_keys_office ON trusted_keys (office_code);

      CREATE TABLE trusted_revocations (
        office_code TEXT NOT NULL,
        number TEXT NOT NULL,
        revoked_on TEXT NOT NULL,
        reason TEXT NOT NULL,
        replaced_by TEXT,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (office_code, number)
      ) STRICT;
    `);
    const office = db.prepare('SELECT code FROM office WHERE deleted_at IS NULL LIMIT 1').get();
    if (office) addOfficeKey(db, new Date().toISOString());
  },
};
