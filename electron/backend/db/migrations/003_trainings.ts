import type { Migration } from './types.ts';

const SYNC = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  origin TEXT NOT NULL,
  deleted_at TEXT`;

const TYPES = "('teknis', 'manajerial', 'sosial_kultural', 'pemerintahan')";
const ORGANISERS = "('kantor', 'bkpsdm', 'lan_bpsdm', 'universitas', 'instansi_lain', 'narasumber')";

export const migration003: Migration = {
  version: 3,
  name: 'trainings: needs, programme, events, sessions, enrolments, attendance',
  up(db) {
    db.exec(`
      CREATE TABLE needs (
        id TEXT PRIMARY KEY,
        year INTEGER NOT NULL,
        employee_id TEXT REFERENCES employees (id),
        unit_id TEXT REFERENCES units (id),
        competency_type TEXT NOT NULL CHECK (competency_type IN ${TYPES}),
        topic TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('survei', 'fgd', 'usulan_atasan', 'kesenjangan_kinerja')),
        priority TEXT NOT NULL CHECK (priority IN ('tinggi', 'sedang', 'rendah')),
        notes TEXT NOT NULL DEFAULT '',
        ${SYNC},
        CHECK (employee_id IS NOT NULL OR unit_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX needs_year ON needs (year);

      CREATE TABLE programme_items (
        id TEXT PRIMARY KEY,
        year INTEGER NOT NULL,
        title TEXT NOT NULL,
        competency_type TEXT NOT NULL CHECK (competency_type IN ${TYPES}),
        method_id INTEGER NOT NULL CHECK (method_id BETWEEN 1 AND 25),
        organiser TEXT NOT NULL CHECK (organiser IN ${ORGANISERS}),
        planned_month INTEGER NOT NULL CHECK (planned_month BETWEEN 1 AND 12),
        target_count INTEGER NOT NULL DEFAULT 0,
        target_unit_ids TEXT NOT NULL DEFAULT '[]',
        target_employee_ids TEXT NOT NULL DEFAULT '[]',
        planned_jp REAL NOT NULL,
        budget INTEGER NOT NULL DEFAULT 0,
        funding TEXT NOT NULL CHECK (funding IN ('apbd', 'apbn', 'sponsor', 'mandiri', 'tanpa')),
        need_ids TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'direncanakan' CHECK (status IN ('direncanakan', 'terjadwal', 'terlaksana', 'batal')),
        ${SYNC}
      ) STRICT;
      CREATE INDEX programme_items_year ON programme_items (year);

      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        programme_item_id TEXT REFERENCES programme_items (id),
        name TEXT NOT NULL,
        method_id INTEGER NOT NULL CHECK (method_id BETWEEN 1 AND 25),
        competency_type TEXT NOT NULL CHECK (competency_type IN ${TYPES}),
        organiser TEXT NOT NULL CHECK (organiser IN ${ORGANISERS}),
        place TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        speakers TEXT NOT NULL DEFAULT '[]',
        capacity INTEGER,
        international INTEGER NOT NULL DEFAULT 0 CHECK (international IN (0, 1)),
        min_attendance_pct REAL NOT NULL DEFAULT 80,
        min_post_test REAL,
        late_grace_minutes INTEGER,
        status TEXT NOT NULL DEFAULT 'direncanakan' CHECK (status IN ('direncanakan', 'berlangsung', 'selesai', 'batal')),
        ${SYNC}
      ) STRICT;
      CREATE INDEX events_item ON events (programme_item_id);

      CREATE TABLE event_sessions (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events (id),
        date TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL,
        topic TEXT NOT NULL DEFAULT '',
        speaker TEXT NOT NULL DEFAULT '',
        computed_jp REAL NOT NULL,
        jp_override REAL,
        jp_override_reason TEXT,
        ${SYNC},
        CHECK (jp_override IS NULL OR (jp_override_reason IS NOT NULL AND jp_override_reason <> ''))
      ) STRICT;
      CREATE INDEX event_sessions_event ON event_sessions (event_id, date, start_time);

      CREATE TABLE enrolments (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events (id),
        employee_id TEXT REFERENCES employees (id),
        walk_in_name TEXT,
        walk_in_nip TEXT,
        walk_in_institution TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'terdaftar' CHECK (status IN ('terdaftar', 'mundur')),
        withdraw_reason TEXT,
        pre_test REAL,
        post_test REAL,
        ${SYNC},
        CHECK ((employee_id IS NULL) <> (walk_in_name IS NULL))
      ) STRICT;
      -- The same employee can't be enrolled twice in one event.
      CREATE UNIQUE INDEX enrolments_once ON enrolments (event_id, employee_id) WHERE employee_id IS NOT NULL;
      CREATE INDEX enrolments_employee ON enrolments (employee_id);

      CREATE TABLE attendance_marks (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES event_sessions (id),
        enrolment_id TEXT NOT NULL REFERENCES enrolments (id),
        status TEXT NOT NULL CHECK (status IN ('hadir', 'terlambat', 'izin', 'sakit', 'dinas_luar', 'cuti', 'alpa', 'psw')),
        marked_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('scan', 'manual', 'paper', 'bulk')),
        ${SYNC}
      ) STRICT;
      -- Exactly one mark per participant per session: duplicates never inflate totals.
      CREATE UNIQUE INDEX attendance_once ON attendance_marks (session_id, enrolment_id);
    `);
  },
};
