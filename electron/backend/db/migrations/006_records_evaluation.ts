import type { Migration } from './types.ts';

const SYNC = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  origin TEXT NOT NULL,
  deleted_at TEXT`;

const TYPES = "('teknis', 'manajerial', 'sosial_kultural', 'pemerintahan')";
const LIKERT_ASPECTS = "('materi', 'narasumber', 'fasilitas', 'penyelenggaraan')";

export const migration006: Migration = {
  version: 6,
  name: 'training records, evaluation (reaction, follow-up, service scores), programme spending',
  up(db) {
    db.exec(`
      -- Learning done outside the office's own events: e-learning, BKPSDM/BPSDM trainings,
      -- seminars elsewhere, self-development. JP entered, or computed by the method's rule.
      CREATE TABLE training_records (
        id TEXT PRIMARY KEY,
        employee_id TEXT NOT NULL REFERENCES employees (id),
        title TEXT NOT NULL CHECK (title <> ''),
        organiser TEXT NOT NULL DEFAULT '',
        method_id INTEGER NOT NULL CHECK (method_id BETWEEN 1 AND 25),
        competency_type TEXT NOT NULL CHECK (competency_type IN ${TYPES}),
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL CHECK (end_date >= start_date),
        international INTEGER NOT NULL DEFAULT 0 CHECK (international IN (0, 1)),
        -- What the rule counts from: hours of learning, or sessions (coaching, mentoring).
        hours REAL,
        sessions INTEGER,
        computed_jp REAL,
        jp REAL NOT NULL CHECK (jp >= 0),
        jp_reason TEXT,
        certificate_number TEXT,
        certificate_date TEXT,
        place TEXT NOT NULL DEFAULT '',
        -- The scan is a file in <data>/scans named by its SHA-256; never opened as anything but data.
        scan_sha256 TEXT CHECK (scan_sha256 IS NULL OR length(scan_sha256) = 64),
        scan_name TEXT,
        scan_type TEXT CHECK (scan_type IS NULL OR scan_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        scan_size INTEGER,
        source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import')),
        verified_at TEXT,
        verified_by TEXT,
        notes TEXT NOT NULL DEFAULT '',
        -- Folded title, for "the same training twice".
        title_key TEXT NOT NULL,
        ${SYNC}
      ) STRICT;
      CREATE INDEX training_records_employee ON training_records (employee_id, start_date);
      CREATE INDEX training_records_year ON training_records (start_date);
      CREATE INDEX training_records_certificate ON training_records (certificate_number) WHERE certificate_number IS NOT NULL;
      -- The 20 JP ledger sums each person's live records of a year from this index alone.
      CREATE INDEX training_records_ledger ON training_records (employee_id, start_date, jp, verified_at) WHERE deleted_at IS NULL;
      -- The same training twice is refused: same person, title and dates (removed rows aside).
      CREATE UNIQUE INDEX training_records_once ON training_records (employee_id, title_key, start_date, end_date) WHERE deleted_at IS NULL;

      -- A reaction questionnaire (level 1). Templates are copied into the event when it is chosen,
      -- so a later edit of the template never changes answers already given.
      CREATE TABLE questionnaire_templates (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (name <> ''),
        scale INTEGER NOT NULL DEFAULT 4 CHECK (scale IN (4, 5)),
        -- [{id, aspect, text}] with aspect one of ${LIKERT_ASPECTS}; [{id, text}] for open questions.
        items TEXT NOT NULL,
        open_questions TEXT NOT NULL DEFAULT '[]',
        ${SYNC}
      ) STRICT;

      CREATE TABLE event_questionnaires (
        event_id TEXT PRIMARY KEY REFERENCES events (id),
        template_id TEXT REFERENCES questionnaire_templates (id),
        scale INTEGER NOT NULL CHECK (scale IN (4, 5)),
        items TEXT NOT NULL,
        open_questions TEXT NOT NULL DEFAULT '[]',
        anonymous INTEGER NOT NULL DEFAULT 1 CHECK (anonymous IN (0, 1)),
        ${SYNC}
      ) STRICT;

      -- One filled-in form. Anonymous by default: no enrolment. Scores per item, and per speaker
      -- for the narasumber items: [{item, speaker, score}].
      CREATE TABLE reaction_responses (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events (id),
        enrolment_id TEXT REFERENCES enrolments (id),
        answers TEXT NOT NULL,
        comments TEXT NOT NULL DEFAULT '{}',
        source TEXT NOT NULL DEFAULT 'paper' CHECK (source IN ('paper', 'screen')),
        ${SYNC}
      ) STRICT;
      CREATE INDEX reaction_responses_event ON reaction_responses (event_id);

      -- Level 3: the supervisor's follow-up some months after the event, one per participant.
      CREATE TABLE followups (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events (id),
        enrolment_id TEXT NOT NULL REFERENCES enrolments (id),
        due_date TEXT NOT NULL,
        supervisor_name TEXT NOT NULL DEFAULT '',
        supervisor_nip TEXT,
        answers TEXT,
        findings TEXT NOT NULL DEFAULT '',
        filled_date TEXT,
        ${SYNC}
      ) STRICT;
      CREATE UNIQUE INDEX followups_once ON followups (enrolment_id) WHERE deleted_at IS NULL;
      CREATE INDEX followups_due ON followups (due_date) WHERE filled_date IS NULL;

      -- Level 4: the unit's public-satisfaction score (IKM/SKM) per survey period.
      CREATE TABLE service_scores (
        id TEXT PRIMARY KEY,
        unit_id TEXT REFERENCES units (id),
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL CHECK (period_end >= period_start),
        kind TEXT NOT NULL DEFAULT 'IKM' CHECK (kind IN ('IKM', 'SKM')),
        score REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
        respondents INTEGER CHECK (respondents IS NULL OR respondents >= 0),
        notes TEXT NOT NULL DEFAULT '',
        ${SYNC}
      ) STRICT;
      CREATE INDEX service_scores_period ON service_scores (period_start);

      -- The 20 JP ledger reads every live mark of a year per participant, in participant order,
      -- from this index alone (attendance_once is by session).
      CREATE INDEX attendance_marks_enrolment ON attendance_marks (enrolment_id, session_id, status) WHERE deleted_at IS NULL;

      -- A need may come from an evaluation finding: {kind: 'reaction'|'learning'|'followup', eventId, id?}.
      ALTER TABLE needs ADD COLUMN finding TEXT;
      -- What was actually spent on a programme item (realisasi anggaran), whole rupiah.
      ALTER TABLE programme_items ADD COLUMN spent INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
