// Evaluation records: questionnaire templates, the copy an event uses, filled-in reaction forms,
// the supervisors' follow-ups and the units' service scores (IKM/SKM). Rows ⇄ records only; the
// rules are in services/evaluation*.ts and shared/domain/evaluation.ts.
import type { Db } from '../open.ts';
import { sql } from '../statements.ts';
import type { Answer, OpenQuestion, QuestionItem, Scale } from '../../../../shared/domain/evaluation.ts';

export interface Sync { createdAt: string; updatedAt: string; updatedBy: string | null; origin: string; deletedAt: string | null }
type Row = Record<string, unknown>;

const sync = (r: Row): Sync => ({
  createdAt: r.created_at as string, updatedAt: r.updated_at as string, updatedBy: r.updated_by as string | null,
  origin: r.origin as string, deletedAt: r.deleted_at as string | null,
});
const json = <T>(text: unknown): T => JSON.parse(text as string) as T;

// ── templates ────────────────────────────────────────────────────────────────────────────
export interface TemplateRecord extends Sync {
  id: string; name: string; scale: Scale; items: QuestionItem[]; openQuestions: OpenQuestion[];
}

const toTemplate = (r: Row): TemplateRecord => ({
  id: r.id as string, name: r.name as string, scale: r.scale as Scale, items: json(r.items), openQuestions: json(r.open_questions), ...sync(r),
});

export function listTemplates(db: Db): TemplateRecord[] {
  return (sql(db, 'SELECT * FROM questionnaire_templates WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all() as Row[]).map(toTemplate);
}

/** A template, a removed one too when asked (an event's copy still names it). */
export function getTemplate(db: Db, id: string, withRemoved = false): TemplateRecord | null {
  const r = sql(db, `SELECT * FROM questionnaire_templates WHERE id = ? ${withRemoved ? '' : 'AND deleted_at IS NULL'}`).get(id) as Row | undefined;
  return r ? toTemplate(r) : null;
}

export function saveTemplate(db: Db, t: TemplateRecord, insert: boolean): void {
  const p = [t.name, t.scale, JSON.stringify(t.items), JSON.stringify(t.openQuestions), t.updatedAt, t.updatedBy, t.deletedAt];
  if (insert) {
    sql(db, `INSERT INTO questionnaire_templates (name, scale, items, open_questions, updated_at, updated_by, deleted_at, id, created_at, origin)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...p, t.id, t.createdAt, t.origin);
  } else {
    sql(db, `UPDATE questionnaire_templates SET name = ?, scale = ?, items = ?, open_questions = ?, updated_at = ?, updated_by = ?, deleted_at = ?
      WHERE id = ?`).run(...p, t.id);
  }
}

// ── the event's copy ─────────────────────────────────────────────────────────────────────
export interface EventQuestionnaireRecord extends Sync {
  eventId: string;
  /** null: the built-in questionnaire (it has no row to point at). */
  templateId: string | null;
  /** The template's name; the built-in's when templateId is null. */
  templateName: string | null;
  scale: Scale; items: QuestionItem[]; openQuestions: OpenQuestion[]; anonymous: boolean;
}

export function getEventQuestionnaire(db: Db, eventId: string): EventQuestionnaireRecord | null {
  const r = sql(db, `SELECT q.*, t.name AS template_name FROM event_questionnaires q LEFT JOIN questionnaire_templates t ON t.id = q.template_id
    WHERE q.event_id = ? AND q.deleted_at IS NULL`).get(eventId) as Row | undefined;
  return r ? {
    eventId: r.event_id as string, templateId: r.template_id as string | null, templateName: r.template_name as string | null,
    scale: r.scale as Scale, items: json(r.items), openQuestions: json(r.open_questions), anonymous: r.anonymous === 1, ...sync(r),
  } : null;
}

export function saveEventQuestionnaire(db: Db, q: Omit<EventQuestionnaireRecord, 'templateName'>, insert: boolean): void {
  const p = [q.templateId, q.scale, JSON.stringify(q.items), JSON.stringify(q.openQuestions), q.anonymous ? 1 : 0, q.updatedAt, q.updatedBy, q.deletedAt];
  if (insert) {
    sql(db, `INSERT INTO event_questionnaires (template_id, scale, items, open_questions, anonymous, updated_at, updated_by, deleted_at, event_id, created_at, origin)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...p, q.eventId, q.createdAt, q.origin);
  } else {
    sql(db, `UPDATE event_questionnaires SET template_id = ?, scale = ?, items = ?, open_questions = ?, anonymous = ?, updated_at = ?, updated_by = ?,
      deleted_at = ? WHERE event_id = ?`).run(...p, q.eventId);
  }
}

// ── filled-in reaction forms ─────────────────────────────────────────────────────────────
export interface ResponseRecord extends Sync {
  id: string; eventId: string; enrolmentId: string | null; answers: Answer[]; comments: Record<string, string>; source: 'paper' | 'screen';
}

export type NumberedResponse = ResponseRecord & { number: number };

const toResponse = (r: Row): ResponseRecord => ({
  id: r.id as string, eventId: r.event_id as string, enrolmentId: r.enrolment_id as string | null, answers: json(r.answers),
  comments: json(r.comments), source: r.source as ResponseRecord['source'], ...sync(r),
});

// The running number is the form's place among every form of the event ever entered, removed
// ones included, so a number once written on a paper form never moves to another.
const NUMBERED = `SELECT *, row_number() OVER (PARTITION BY event_id ORDER BY created_at, id) AS number FROM reaction_responses`;

export function listResponses(db: Db, eventId: string): NumberedResponse[] {
  return (sql(db, `SELECT * FROM (${NUMBERED} WHERE event_id = ?) WHERE deleted_at IS NULL ORDER BY number`).all(eventId) as Row[])
    .map((r) => ({ ...toResponse(r), number: r.number as number }));
}

export function getResponse(db: Db, id: string): NumberedResponse | null {
  const r = sql(db, `SELECT * FROM (${NUMBERED} WHERE event_id = (SELECT event_id FROM reaction_responses WHERE id = ?))
    WHERE id = ? AND deleted_at IS NULL`).get(id, id) as Row | undefined;
  return r ? { ...toResponse(r), number: r.number as number } : null;
}

export function countResponses(db: Db, eventId: string): number {
  return (sql(db, 'SELECT count(*) AS n FROM reaction_responses WHERE event_id = ? AND deleted_at IS NULL').get(eventId) as { n: number }).n;
}

export function responseOfEnrolment(db: Db, enrolmentId: string): string | null {
  return (sql(db, 'SELECT id FROM reaction_responses WHERE enrolment_id = ? AND deleted_at IS NULL').get(enrolmentId) as { id: string } | undefined)?.id ?? null;
}

/** Events that have forms, with their first session's date (for a year's comparison). */
export function eventsWithResponses(db: Db, year: number): { eventId: string; name: string; date: string | null }[] {
  return sql(db, `SELECT e.id AS eventId, e.name, (SELECT min(s.date) FROM event_sessions s WHERE s.event_id = e.id AND s.deleted_at IS NULL) AS date
    FROM events e WHERE e.deleted_at IS NULL AND e.status <> 'batal'
      AND EXISTS (SELECT 1 FROM reaction_responses r WHERE r.event_id = e.id AND r.deleted_at IS NULL)
      AND substr(coalesce((SELECT min(s.date) FROM event_sessions s WHERE s.event_id = e.id AND s.deleted_at IS NULL), e.created_at), 1, 4) = ?
    ORDER BY date, e.name`).all(String(year)) as { eventId: string; name: string; date: string | null }[];
}

export function saveResponse(db: Db, r: ResponseRecord, insert: boolean): void {
  if (insert) {
    sql(db, `INSERT INTO reaction_responses (id, event_id, enrolment_id, answers, comments, source, created_at, updated_at, updated_by, origin, deleted_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.id, r.eventId, r.enrolmentId, JSON.stringify(r.answers), JSON.stringify(r.comments), r.source,
      r.createdAt, r.updatedAt, r.updatedBy, r.origin, r.deletedAt);
  } else {
    sql(db, 'UPDATE reaction_responses SET answers = ?, comments = ?, source = ?, updated_at = ?, updated_by = ?, deleted_at = ? WHERE id = ?')
      .run(JSON.stringify(r.answers), JSON.stringify(r.comments), r.source, r.updatedAt, r.updatedBy, r.deletedAt, r.id);
  }
}

// ── follow-ups ───────────────────────────────────────────────────────────────────────────
export interface FollowupRecord extends Sync {
  id: string; eventId: string; enrolmentId: string; dueDate: string; supervisorName: string; supervisorNip: string | null;
  answers: { item: string; score: number }[] | null; findings: string; filledDate: string | null;
}

export interface FollowupView extends FollowupRecord {
  eventName: string; eventEndDate: string | null; employeeId: string | null; nip: string | null; name: string; unit: string | null;
}

const toFollowup = (r: Row): FollowupRecord => ({
  id: r.id as string, eventId: r.event_id as string, enrolmentId: r.enrolment_id as string, dueDate: r.due_date as string,
  supervisorName: r.supervisor_name as string, supervisorNip: r.supervisor_nip as string | null,
  answers: r.answers === null ? null : json(r.answers), findings: r.findings as string, filledDate: r.filled_date as string | null, ...sync(r),
});

const FOLLOWUP_VIEW = `SELECT f.*, ev.name AS event_name,
    (SELECT max(s.date) FROM event_sessions s WHERE s.event_id = f.event_id AND s.deleted_at IS NULL) AS event_end_date,
    n.employee_id, coalesce(e.nip, n.walk_in_nip) AS nip,
    CASE WHEN e.id IS NULL THEN coalesce(n.walk_in_name, '')
      ELSE trim(e.front_title || ' ' || e.name) || CASE WHEN e.back_title <> '' THEN ', ' || e.back_title ELSE '' END END AS person_name,
    CASE WHEN e.id IS NULL THEN nullif(n.walk_in_institution, '') ELSE u.name END AS unit_name
  FROM followups f JOIN events ev ON ev.id = f.event_id JOIN enrolments n ON n.id = f.enrolment_id
  LEFT JOIN employees e ON e.id = n.employee_id LEFT JOIN units u ON u.id = e.unit_id`;

/** A follow-up stands while its event stands and its participant is still enrolled. */
const LIVE_FOLLOWUP = `f.deleted_at IS NULL AND ev.deleted_at IS NULL AND ev.status <> 'batal' AND n.deleted_at IS NULL AND n.status = 'terdaftar'`;

const toFollowupView = (r: Row): FollowupView => ({
  ...toFollowup(r), eventName: r.event_name as string, eventEndDate: r.event_end_date as string | null,
  employeeId: r.employee_id as string | null, nip: r.nip as string | null, name: r.person_name as string, unit: r.unit_name as string | null,
});

export interface FollowupFilter { state: 'due' | 'upcoming' | 'done' | 'all'; eventId?: string; year?: number }

/** Follow-ups by due date (then name); `today` is the office's date. */
export function listFollowups(db: Db, f: FollowupFilter, today: string): FollowupView[] {
  const state = {
    due: 'AND f.filled_date IS NULL AND f.due_date <= @today',
    upcoming: 'AND f.filled_date IS NULL AND f.due_date > @today',
    done: 'AND f.filled_date IS NOT NULL',
    all: '',
  }[f.state];
  return (sql(db, `${FOLLOWUP_VIEW} WHERE ${LIVE_FOLLOWUP} ${state}
      AND (@event IS NULL OR f.event_id = @event) AND (@year IS NULL OR substr(f.due_date, 1, 4) = @year)
    ORDER BY f.due_date, person_name COLLATE NOCASE`)
    .all({ today, event: f.eventId ?? null, year: f.year === undefined ? null : String(f.year) }) as Row[]).map(toFollowupView);
}

export function getFollowup(db: Db, id: string): FollowupView | null {
  const r = sql(db, `${FOLLOWUP_VIEW} WHERE f.id = ? AND ${LIVE_FOLLOWUP}`).get(id) as Row | undefined;
  return r ? toFollowupView(r) : null;
}

/** The enrolments of an event that have a live follow-up. */
export function followedEnrolments(db: Db, eventId: string): Set<string> {
  return new Set((sql(db, 'SELECT enrolment_id FROM followups WHERE event_id = ? AND deleted_at IS NULL').all(eventId) as { enrolment_id: string }[]).map((r) => r.enrolment_id));
}

export function saveFollowup(db: Db, f: FollowupRecord, insert: boolean): void {
  const p = [f.dueDate, f.supervisorName, f.supervisorNip, f.answers === null ? null : JSON.stringify(f.answers), f.findings, f.filledDate, f.updatedAt, f.updatedBy, f.deletedAt];
  if (insert) {
    sql(db, `INSERT INTO followups (due_date, supervisor_name, supervisor_nip, answers, findings, filled_date, updated_at, updated_by, deleted_at,
      id, event_id, enrolment_id, created_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...p, f.id, f.eventId, f.enrolmentId, f.createdAt, f.origin);
  } else {
    sql(db, `UPDATE followups SET due_date = ?, supervisor_name = ?, supervisor_nip = ?, answers = ?, findings = ?, filled_date = ?, updated_at = ?,
      updated_by = ?, deleted_at = ? WHERE id = ?`).run(...p, f.id);
  }
}

// ── service scores (IKM/SKM) ─────────────────────────────────────────────────────────────
export interface ServiceScoreRecord extends Sync {
  id: string; unitId: string | null; periodStart: string; periodEnd: string; kind: 'IKM' | 'SKM'; score: number; respondents: number | null; notes: string;
}

export type ServiceScoreView = ServiceScoreRecord & { unit: string | null };

const SCORE_VIEW = 'SELECT s.*, u.name AS unit_name FROM service_scores s LEFT JOIN units u ON u.id = s.unit_id';

const toScore = (r: Row): ServiceScoreView => ({
  id: r.id as string, unitId: r.unit_id as string | null, unit: r.unit_name as string | null, periodStart: r.period_start as string,
  periodEnd: r.period_end as string, kind: r.kind as ServiceScoreRecord['kind'], score: r.score as number, respondents: r.respondents as number | null,
  notes: r.notes as string, ...sync(r),
});

/** Scores whose survey period touches the year (all without one), the office's first, then by unit and period. */
export function listServiceScores(db: Db, year?: number): ServiceScoreView[] {
  return (sql(db, `${SCORE_VIEW} WHERE s.deleted_at IS NULL AND (@year IS NULL OR (s.period_start <= @year || '-12-31' AND s.period_end >= @year || '-01-01'))
    ORDER BY s.unit_id IS NOT NULL, u.sort_order, u.name COLLATE NOCASE, s.kind, s.period_start`).all({ year: year === undefined ? null : String(year) }) as Row[]).map(toScore);
}

export function getServiceScore(db: Db, id: string): ServiceScoreView | null {
  const r = sql(db, `${SCORE_VIEW} WHERE s.id = ? AND s.deleted_at IS NULL`).get(id) as Row | undefined;
  return r ? toScore(r) : null;
}

/** Another live score of the same unit, kind and period. */
export function sameServicePeriod(db: Db, s: Pick<ServiceScoreRecord, 'id' | 'unitId' | 'kind' | 'periodStart' | 'periodEnd'>): boolean {
  return sql(db, `SELECT 1 FROM service_scores WHERE deleted_at IS NULL AND id <> ? AND unit_id IS ? AND kind = ? AND period_start = ? AND period_end = ?`)
    .get(s.id, s.unitId, s.kind, s.periodStart, s.periodEnd) !== undefined;
}

export function saveServiceScore(db: Db, s: ServiceScoreRecord, insert: boolean): void {
  const p = [s.unitId, s.periodStart, s.periodEnd, s.kind, s.score, s.respondents, s.notes, s.updatedAt, s.updatedBy, s.deletedAt];
  if (insert) {
    sql(db, `INSERT INTO service_scores (unit_id, period_start, period_end, kind, score, respondents, notes, updated_at, updated_by, deleted_at, id, created_at, origin)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...p, s.id, s.createdAt, s.origin);
  } else {
    sql(db, `UPDATE service_scores SET unit_id = ?, period_start = ?, period_end = ?, kind = ?, score = ?, respondents = ?, notes = ?, updated_at = ?,
      updated_by = ?, deleted_at = ? WHERE id = ?`).run(...p, s.id);
  }
}

// ── level 4: training beside the service scores ─────────────────────────────────────────
/** The days events not cancelled have a session on, between two dates: each event and day once. */
export function eventDaysBetween(db: Db, start: string, end: string): { eventId: string; date: string }[] {
  return sql(db, `SELECT DISTINCT e.id AS eventId, s.date FROM events e JOIN event_sessions s ON s.event_id = e.id
    WHERE e.deleted_at IS NULL AND e.status <> 'batal' AND s.deleted_at IS NULL AND s.date BETWEEN ? AND ?`).all(start, end) as { eventId: string; date: string }[];
}

/** External training records (live) starting between two dates, as the ledger counts them by year: employee, start and JP. */
export function recordsStartingBetween(db: Db, start: string, end: string): { employeeId: string; startDate: string; jp: number }[] {
  return sql(db, `SELECT employee_id AS employeeId, start_date AS startDate, jp FROM training_records WHERE deleted_at IS NULL AND start_date BETWEEN ? AND ?`)
    .all(start, end) as { employeeId: string; startDate: string; jp: number }[];
}

/** Employee id → unit id, for everyone on the roster (removed people too: they trained then). */
export function unitOfEmployees(db: Db): Map<string, string | null> {
  return new Map((sql(db, 'SELECT id, unit_id FROM employees').all() as { id: string; unit_id: string | null }[]).map((r) => [r.id, r.unit_id]));
}
