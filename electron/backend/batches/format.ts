/**
 * The batch file, format version 1 (docs/batch-format.md is its specification): which tables go
 * in, under which file name, with which columns in which order. Shared by the writer (export.ts)
 * and the reader (read.ts), so both sides of the trip agree on one list.
 */

export const BATCH_FORMAT = 'bangkom-batch';
export const BATCH_FORMAT_VERSION = 1;
export const BATCH_EXTENSION = '.bkbatch';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const TOMBSTONES = 'tombstones';

/** COSE's number for EdDSA, as office_keys stores it; the manifest names it. */
export const ALG_NAMES: Record<number, string> = { [-8]: 'EdDSA' };

export interface EntitySpec {
  /** The name in the manifest's counts and the file `<entity>.ndjson`. */
  entity: string;
  table: string;
  /** `change_journal.entity` of the rows' changes. */
  journal: string;
  /** The column that is the row's `id` (event_questionnaires are keyed by their event). */
  key: string;
  /** After id, rowVersion, updatedAt and origin, in this order: [name in the file, SQL expression]. */
  columns: readonly (readonly [string, string])[];
  /** Only rows matching this (revocations are the revoked certificates). */
  where?: string;
  /** Whether removed rows of this table become tombstones (a view of another entity's table does not). */
  tombstones: boolean;
}

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const cols = (...names: string[]) => names.map((n) => [camel(n), `t.${n}`] as const);

/**
 * Every synced table, in the order of the files in the zip. Left out on purpose: local accounts
 * and sessions, the logo and frozen certificate PDFs (bytes the city does not need; certificates
 * carry their PDF's SHA-256), scans (the record carries the scan's SHA-256), derived search keys,
 * and who (by local account id) made a change.
 */
export const ENTITIES: readonly EntitySpec[] = [
  {
    entity: 'office', table: 'office', journal: 'office', key: 'id', tombstones: true,
    columns: cols('code', 'region_code', 'province_name', 'regency_name', 'district_name', 'name', 'address', 'timezone',
      'signer_name', 'signer_nip', 'signer_title', 'created_at'),
  },
  { entity: 'units', table: 'units', journal: 'unit', key: 'id', tombstones: true, columns: cols('code', 'name', 'kind', 'active', 'sort_order', 'created_at') },
  {
    entity: 'employees', table: 'employees', journal: 'employee', key: 'id', tombstones: true,
    columns: cols('nip', 'employment_type', 'front_title', 'name', 'back_title', 'gender', 'birth_place', 'birth_date', 'golongan',
      'jabatan', 'unit_id', 'status', 'status_date', 'phone', 'email', 'notes', 'created_at'),
  },
  {
    entity: 'needs', table: 'needs', journal: 'need', key: 'id', tombstones: true,
    columns: cols('year', 'employee_id', 'unit_id', 'competency_type', 'topic', 'source', 'priority', 'notes', 'finding', 'created_at'),
  },
  {
    entity: 'programme_items', table: 'programme_items', journal: 'programme_item', key: 'id', tombstones: true,
    columns: cols('year', 'title', 'competency_type', 'method_id', 'organiser', 'planned_month', 'target_count', 'target_unit_ids',
      'target_employee_ids', 'planned_jp', 'budget', 'spent', 'funding', 'need_ids', 'notes', 'status', 'created_at'),
  },
  {
    entity: 'events', table: 'events', journal: 'event', key: 'id', tombstones: true,
    columns: cols('programme_item_id', 'name', 'method_id', 'competency_type', 'organiser', 'place', 'description', 'speakers', 'capacity',
      'international', 'min_attendance_pct', 'min_post_test', 'late_grace_minutes', 'status', 'created_at'),
  },
  {
    entity: 'event_sessions', table: 'event_sessions', journal: 'session', key: 'id', tombstones: true,
    columns: cols('event_id', 'date', 'start_time', 'end_time', 'topic', 'speaker', 'computed_jp', 'jp_override', 'jp_override_reason', 'created_at'),
  },
  {
    entity: 'enrolments', table: 'enrolments', journal: 'enrolment', key: 'id', tombstones: true,
    columns: cols('event_id', 'employee_id', 'walk_in_name', 'walk_in_nip', 'walk_in_institution', 'status', 'withdraw_reason',
      'pre_test', 'post_test', 'created_at'),
  },
  {
    entity: 'attendance_marks', table: 'attendance_marks', journal: 'attendance', key: 'id', tombstones: true,
    columns: cols('session_id', 'enrolment_id', 'status', 'marked_at', 'note', 'source', 'created_at'),
  },
  {
    entity: 'training_records', table: 'training_records', journal: 'training_record', key: 'id', tombstones: true,
    columns: cols('employee_id', 'title', 'organiser', 'method_id', 'competency_type', 'start_date', 'end_date', 'international', 'hours',
      'sessions', 'computed_jp', 'jp', 'jp_reason', 'certificate_number', 'certificate_date', 'place', 'scan_sha256', 'scan_name',
      'scan_type', 'scan_size', 'source', 'verified_at', 'notes', 'created_at'),
  },
  {
    entity: 'questionnaire_templates', table: 'questionnaire_templates', journal: 'questionnaire_template', key: 'id', tombstones: true,
    columns: cols('name', 'scale', 'items', 'open_questions', 'created_at'),
  },
  {
    entity: 'event_questionnaires', table: 'event_questionnaires', journal: 'event_questionnaire', key: 'event_id', tombstones: true,
    columns: cols('template_id', 'scale', 'items', 'open_questions', 'anonymous', 'created_at'),
  },
  {
    entity: 'reaction_responses', table: 'reaction_responses', journal: 'reaction_response', key: 'id', tombstones: true,
    columns: cols('event_id', 'enrolment_id', 'answers', 'comments', 'source', 'created_at'),
  },
  {
    entity: 'followups', table: 'followups', journal: 'followup', key: 'id', tombstones: true,
    columns: cols('event_id', 'enrolment_id', 'due_date', 'supervisor_name', 'supervisor_nip', 'answers', 'findings', 'filled_date', 'created_at'),
  },
  {
    entity: 'service_scores', table: 'service_scores', journal: 'service_score', key: 'id', tombstones: true,
    columns: cols('unit_id', 'period_start', 'period_end', 'kind', 'score', 'respondents', 'notes', 'created_at'),
  },
  {
    entity: 'certificates', table: 'certificates', journal: 'certificate', key: 'id', tombstones: true,
    columns: cols('number', 'year', 'seq', 'event_id', 'role', 'employee_id', 'enrolment_id', 'recipient_key', 'nip', 'name', 'jp',
      'issued_on', 'kid', 'code', 'pdf_sha256', 'included_reason', 'replaces_id', 'status', 'created_at'),
  },
  {
    entity: 'revocations', table: 'certificates', journal: 'certificate', key: 'id', tombstones: false, where: "t.status = 'dicabut'",
    columns: [
      ['number', 't.number'], ['revokedOn', 't.revoked_on'], ['reason', 't.revoke_reason'],
      ['replacedBy', "(SELECT r.number FROM certificates r WHERE r.replaces_id = t.id AND r.deleted_at IS NULL ORDER BY r.number LIMIT 1)"],
    ],
  },
];

/** Every entity file's name, tombstones last: the counts and the files of a manifest, in order. */
export const ENTITY_NAMES: readonly string[] = [...ENTITIES.map((e) => e.entity), TOMBSTONES];
export const entityFile = (entity: string) => `${entity}.ndjson`;

/** The leading keys of every row, before its own columns. */
export const ROW_HEAD = ['id', 'rowVersion', 'updatedAt', 'origin'] as const;
/** A tombstone: which row of which entity was removed, and when. */
export const TOMBSTONE_KEYS = [...ROW_HEAD, 'entity', 'deletedAt'] as const;

export type BatchKind = 'full' | 'incremental';

export interface BatchManifest {
  format: typeof BATCH_FORMAT;
  formatVersion: number;
  office: { id: string; code: string; name: string };
  seq: number;
  /** The batch before this one: its number and the SHA-256 of its whole file (the chain). */
  previous: { seq: number; sha256: string } | null;
  kind: BatchKind;
  /** The change-journal seq range covered: (from, to]. A full batch has from 0. */
  journal: { from: number; to: number };
  createdAt: string;
  kid: string;
  alg: string;
  /**
   * The signing key itself (base64 of the raw 32-byte Ed25519 key), so a reader that does not
   * trust it yet can still check the batch is whole and show its whole fingerprint for a person
   * to compare. Absent in a batch written without it; never trusted on its own word.
   */
  publicKey?: string;
  counts: Record<string, number>;
  /** SHA-256 (hex) of every file in the zip but the manifest and its signature. */
  files: Record<string, string>;
}

/** `Bangkom-16.71.14-Plaju-00007-2026-12-04.bkbatch`: region code, district, number, office-local date. */
export function batchFileName(regionCode: string, district: string, seq: number, localDate: string): string {
  const short = district.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'Kantor';
  return `Bangkom-${regionCode}-${short}-${String(seq).padStart(5, '0')}-${localDate}${BATCH_EXTENSION}`;
}
