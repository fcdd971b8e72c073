// Level 1, reaction: questionnaire templates, the copy an event uses, the filled-in forms (most
// typed in from paper) and their summary per item, aspect and speaker, comparable across events.
import { ApiError, type FieldIssue } from '../../../shared/contract/errors.ts';
import type { EventQuestionnaire, QuestionnaireTemplate, ReactionComparison, ReactionResponse, ReactionSummary } from '../../../shared/contract/evaluation.ts';
import type { ParsedInput } from '../../../shared/contract/index.ts';
import {
  ASPECTS, BUILT_IN_QUESTIONNAIRE, BUILT_IN_TEMPLATE_ID, pooledStat, speakerKey, summarize, type Answer, type Questionnaire,
} from '../../../shared/domain/evaluation.ts';
import { newId } from '../db/ids.ts';
import type { Db } from '../db/open.ts';
import { recordChange } from '../db/repos/changes.ts';
import * as repo from '../db/repos/evaluation.ts';
import * as t from '../db/repos/trainings.ts';
import { writeTransaction } from '../db/transaction.ts';
import type { ServiceContext } from '../services/context.ts';
import { requireEvent } from '../services/events.ts';
import { meta } from '../services/office.ts';

const stamp = (m: ReturnType<typeof meta>) => ({ updatedAt: m.at, updatedBy: m.actor?.userId ?? null });

// ── templates ────────────────────────────────────────────────────────────────────────────
const BUILT_IN_STAMP = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: null, origin: 'bangkom' };

export function builtInTemplate(): QuestionnaireTemplate {
  return { id: BUILT_IN_TEMPLATE_ID, ...BUILT_IN_QUESTIONNAIRE, ...BUILT_IN_STAMP, builtIn: true };
}

function toTemplate({ deletedAt: _d, ...r }: repo.TemplateRecord): QuestionnaireTemplate {
  return { ...r, builtIn: false };
}

export function listTemplates(db: Db): QuestionnaireTemplate[] {
  return [builtInTemplate(), ...repo.listTemplates(db).map(toTemplate)];
}

/** Item ids name the answers: one id once, across the Likert items and the open questions. */
function checkItemIds(q: Pick<Questionnaire, 'items' | 'openQuestions'>): void {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  const check = (id: string, path: (string | number)[]) => {
    if (seen.has(id)) issues.push({ path, message: 'evaluation.item_id_twice', params: { id } });
    seen.add(id);
  };
  q.items.forEach((i, k) => check(i.id, ['items', k, 'id']));
  q.openQuestions.forEach((o, k) => check(o.id, ['openQuestions', k, 'id']));
  if (issues.length) throw new ApiError('VALIDATION', issues[0]!.message, { issues });
}

const BUILT_IN_FIXED = 'Kuesioner bawaan tidak dapat diubah atau dihapus; buat kuesioner baru dari salinannya.';

export function saveTemplate(ctx: ServiceContext, input: ParsedInput<'questionnaires.save'>): QuestionnaireTemplate {
  const { id, ...fields } = input;
  if (id === BUILT_IN_TEMPLATE_ID) throw new ApiError('CONFLICT', BUILT_IN_FIXED, { reason: 'evaluation.built_in_fixed' });
  checkItemIds(fields);
  return writeTransaction(ctx.db, () => {
    const m = meta(ctx);
    if (id) {
      const before = repo.getTemplate(ctx.db, id);
      if (!before) throw new ApiError('NOT_FOUND', 'Kuesioner tidak ditemukan.');
      const after = { ...before, ...fields, ...stamp(m) };
      repo.saveTemplate(ctx.db, after, false);
      recordChange(ctx.db, m, { entity: 'questionnaire_template', entityId: id, op: 'update', before, after });
      return toTemplate(after);
    }
    const rec: repo.TemplateRecord = { id: newId(), ...fields, createdAt: m.at, ...stamp(m), origin: m.origin, deletedAt: null };
    repo.saveTemplate(ctx.db, rec, true);
    recordChange(ctx.db, m, { entity: 'questionnaire_template', entityId: rec.id, op: 'insert', after: rec });
    return toTemplate(rec);
  });
}

/** A removed template stays readable in the events that chose it: each holds its own copy. */
export function removeTemplate(ctx: ServiceContext, id: string): { ok: true } {
  if (id === BUILT_IN_TEMPLATE_ID) throw new ApiError('CONFLICT', BUILT_IN_FIXED, { reason: 'evaluation.built_in_fixed' });
  return writeTransaction(ctx.db, () => {
    const before = repo.getTemplate(ctx.db, id);
    if (!before) throw new ApiError('NOT_FOUND', 'Kuesioner tidak ditemukan.');
    const m = meta(ctx);
    repo.saveTemplate(ctx.db, { ...before, ...stamp(m), deletedAt: m.at }, false);
    recordChange(ctx.db, m, { entity: 'questionnaire_template', entityId: id, op: 'delete', before });
    return { ok: true as const };
  });
}

// ── the event's questionnaire ───────────────────────────────────────────────────────────
/** The event's speakers: those named on the event, then those of its sessions, each once. */
export function eventSpeakers(db: Db, eventId: string): string[] {
  const event = requireEvent(db, eventId);
  const names = [...event.speakers.map((s) => s.name), ...t.listSessions(db, eventId).map((s) => s.speaker)];
  const seen = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name && !seen.has(speakerKey(name))) seen.set(speakerKey(name), name);
  }
  return [...seen.values()];
}

export interface EventForm extends Questionnaire {
  templateId: string;
  anonymous: boolean;
  /** Whether the event holds its own copy yet (it does from its first choice or first form). */
  stored: boolean;
}

/** The event's copy, or the built-in questionnaire (anonymous) until one is chosen. */
export function eventForm(db: Db, eventId: string): EventForm {
  const q = repo.getEventQuestionnaire(db, eventId);
  if (!q) return { ...structuredClone(BUILT_IN_QUESTIONNAIRE), templateId: BUILT_IN_TEMPLATE_ID, anonymous: true, stored: false };
  return {
    templateId: q.templateId ?? BUILT_IN_TEMPLATE_ID, name: q.templateId ? q.templateName ?? '' : BUILT_IN_QUESTIONNAIRE.name,
    scale: q.scale, items: q.items, openQuestions: q.openQuestions, anonymous: q.anonymous, stored: true,
  };
}

export function eventQuestionnaire(db: Db, eventId: string): EventQuestionnaire {
  const f = eventForm(db, eventId);
  return {
    eventId, templateId: f.templateId, name: f.name, scale: f.scale, items: f.items, openQuestions: f.openQuestions, anonymous: f.anonymous,
    speakers: eventSpeakers(db, eventId), responses: repo.countResponses(db, eventId), participants: t.countActiveEnrolments(db, eventId),
  };
}

/** Writes the event's copy of a questionnaire (the built-in one is stored without a template row to point at). */
function storeForm(db: Db, m: ReturnType<typeof meta>, eventId: string, templateId: string, q: Pick<Questionnaire, 'scale' | 'items' | 'openQuestions'>, anonymous: boolean): void {
  const before = repo.getEventQuestionnaire(db, eventId);
  const { templateName: _n, ...plainBefore } = before ?? { templateName: null };
  const after = {
    eventId, templateId: templateId === BUILT_IN_TEMPLATE_ID ? null : templateId, scale: q.scale, items: q.items, openQuestions: q.openQuestions, anonymous,
    createdAt: before?.createdAt ?? m.at, ...stamp(m), origin: before?.origin ?? m.origin, deletedAt: null,
  };
  repo.saveEventQuestionnaire(db, after, !before);
  recordChange(db, m, before
    ? { entity: 'event_questionnaire', entityId: eventId, op: 'update', before: plainBefore, after }
    : { entity: 'event_questionnaire', entityId: eventId, op: 'insert', after });
}

/**
 * Chooses the event's questionnaire and whether it is anonymous. Once forms are entered both are
 * fixed: other items would not match the answers, and a promise of anonymity (or a name asked
 * for) was made on the paper people filled in.
 */
export function setForm(ctx: ServiceContext, input: ParsedInput<'reaction.setForm'>): EventQuestionnaire {
  return writeTransaction(ctx.db, () => {
    requireEvent(ctx.db, input.eventId);
    const current = eventForm(ctx.db, input.eventId);
    const templateId = input.templateId ?? current.templateId;
    const template = templateId === BUILT_IN_TEMPLATE_ID ? BUILT_IN_QUESTIONNAIRE : repo.getTemplate(ctx.db, templateId);
    if (!template) throw new ApiError('NOT_FOUND', 'Kuesioner tidak ditemukan.');
    const responses = repo.countResponses(ctx.db, input.eventId);
    if (responses > 0) {
      if (templateId !== current.templateId) {
        throw new ApiError('CONFLICT', `Kuesioner tidak dapat diganti: sudah ada ${responses} lembar isian untuk kegiatan ini. Hapus lembar isiannya dahulu bila memang salah pilih.`,
          { reason: 'evaluation.form_has_responses', responses });
      }
      if (input.anonymous !== current.anonymous) {
        throw new ApiError('CONFLICT', `Sifat anonim kuesioner tidak dapat diubah: sudah ada ${responses} lembar isian yang diisi dengan ketentuan semula.`,
          { reason: 'evaluation.anonymity_fixed', responses });
      }
      return eventQuestionnaire(ctx.db, input.eventId);
    }
    storeForm(ctx.db, meta(ctx), input.eventId, templateId, template, input.anonymous);
    return eventQuestionnaire(ctx.db, input.eventId);
  });
}

// ── filled-in forms ──────────────────────────────────────────────────────────────────────
export function toResponse({ deletedAt: _d, ...r }: repo.NumberedResponse): ReactionResponse {
  return r;
}

/**
 * Checks one filled-in form against the event's questionnaire. A paper form may have blanks, so
 * an item may be left out (its n in the summary shows it), but not all of them; each score must
 * be on the scale, narasumber items are answered per speaker when the event has speakers.
 */
function checkAnswers(form: EventForm, speakers: readonly string[], input: ParsedInput<'reaction.add'>): { answers: Answer[]; comments: Record<string, string> } {
  const issues: FieldIssue[] = [];
  const items = new Map(form.items.map((i) => [i.id, i]));
  const bySpeaker = new Map(speakers.map((s) => [speakerKey(s), s]));
  const seen = new Set<string>();
  const answers: Answer[] = [];
  for (const a of input.answers) {
    const item = items.get(a.item);
    const path = ['answers', a.item];
    if (!item) { issues.push({ path, message: 'evaluation.item_unknown', params: { item: a.item } }); continue; }
    let speaker: string | null = null;
    if (item.aspect === 'narasumber' && speakers.length) {
      speaker = a.speaker === null ? null : bySpeaker.get(speakerKey(a.speaker)) ?? null;
      if (a.speaker === null) { issues.push({ path, message: 'evaluation.speaker_required', params: { item: item.text } }); continue; }
      if (!speaker) { issues.push({ path, message: 'evaluation.speaker_unknown', params: { item: item.text, speaker: a.speaker } }); continue; }
    } else if (a.speaker !== null) {
      issues.push({ path, message: 'evaluation.speaker_not_asked', params: { item: item.text } });
      continue;
    }
    if (a.score < 1 || a.score > form.scale) {
      issues.push(speaker
        ? { path, message: 'evaluation.answer_range_speaker', params: { item: item.text, speaker, scale: form.scale } }
        : { path, message: 'evaluation.answer_range', params: { item: item.text, scale: form.scale } });
      continue;
    }
    const key = `${a.item}|${speaker === null ? '' : speakerKey(speaker)}`;
    if (seen.has(key)) { issues.push({ path, message: 'evaluation.answer_twice', params: { item: item.text } }); continue; }
    seen.add(key);
    answers.push({ item: a.item, speaker, score: a.score });
  }
  const questions = new Set(form.openQuestions.map((o) => o.id));
  const comments: Record<string, string> = {};
  for (const [id, text] of Object.entries(input.comments)) {
    if (!questions.has(id)) { issues.push({ path: ['comments', id], message: 'evaluation.question_unknown', params: { question: id } }); continue; }
    if (text.trim()) comments[id] = text.trim();
  }
  if (!issues.length && !answers.length) issues.push({ path: ['answers'], message: 'evaluation.no_answers' });
  if (issues.length) throw new ApiError('VALIDATION', issues[0]!.message, { issues });
  // Kept in the questionnaire's order, speakers in the event's order.
  const order = new Map(form.items.map((i, k) => [i.id, k]));
  const speakerOrder = new Map(speakers.map((s, k) => [s, k]));
  answers.sort((x, y) => order.get(x.item)! - order.get(y.item)! || (speakerOrder.get(x.speaker ?? '') ?? -1) - (speakerOrder.get(y.speaker ?? '') ?? -1));
  return { answers, comments };
}

export function addResponse(ctx: ServiceContext, input: ParsedInput<'reaction.add'>): ReactionResponse {
  return writeTransaction(ctx.db, () => {
    requireEvent(ctx.db, input.eventId);
    const form = eventForm(ctx.db, input.eventId);
    if (form.anonymous && input.enrolmentId !== null) throw ApiError.field(['enrolmentId'], 'evaluation.anonymous_no_name');
    if (!form.anonymous) {
      if (input.enrolmentId === null) throw ApiError.field(['enrolmentId'], 'evaluation.participant_required');
      const enrolment = t.getEnrolment(ctx.db, input.enrolmentId);
      if (!enrolment || enrolment.eventId !== input.eventId) throw ApiError.field(['enrolmentId'], 'evaluation.enrolment_not_in_event');
      if (enrolment.status !== 'terdaftar') throw ApiError.field(['enrolmentId'], 'evaluation.enrolment_withdrawn', { name: enrolment.name });
      if (repo.responseOfEnrolment(ctx.db, enrolment.id)) throw ApiError.field(['enrolmentId'], 'evaluation.response_exists', { name: enrolment.name });
    }
    const { answers, comments } = checkAnswers(form, eventSpeakers(ctx.db, input.eventId), input);
    const m = meta(ctx);
    // The first form fixes the event's copy, so later changes to a template never touch it.
    if (!form.stored) storeForm(ctx.db, m, input.eventId, form.templateId, form, form.anonymous);
    const rec: repo.ResponseRecord = {
      id: newId(), eventId: input.eventId, enrolmentId: input.enrolmentId, answers, comments, source: input.source,
      createdAt: m.at, ...stamp(m), origin: m.origin, deletedAt: null,
    };
    repo.saveResponse(ctx.db, rec, true);
    recordChange(ctx.db, m, { entity: 'reaction_response', entityId: rec.id, op: 'insert', after: rec });
    return toResponse(repo.getResponse(ctx.db, rec.id)!);
  });
}

export function listResponses(db: Db, eventId: string): ReactionResponse[] {
  requireEvent(db, eventId);
  return repo.listResponses(db, eventId).map(toResponse);
}

export function removeResponse(ctx: ServiceContext, id: string): { ok: true } {
  return writeTransaction(ctx.db, () => {
    const found = repo.getResponse(ctx.db, id);
    if (!found) throw new ApiError('NOT_FOUND', 'Lembar isian tidak ditemukan.');
    const { number: _n, ...before } = found;
    const m = meta(ctx);
    repo.saveResponse(ctx.db, { ...before, ...stamp(m), deletedAt: m.at }, false);
    recordChange(ctx.db, m, { entity: 'reaction_response', entityId: id, op: 'delete', before });
    return { ok: true as const };
  });
}

// ── summaries ────────────────────────────────────────────────────────────────────────────
/** One event's forms summed up: per item (with how many gave each score), aspect, speaker, overall, and the comments. */
export function reactionSummary(db: Db, eventId: string): ReactionSummary {
  const event = requireEvent(db, eventId);
  const form = eventForm(db, eventId);
  const responses = repo.listResponses(db, eventId);
  const s = summarize(form, responses, eventSpeakers(db, eventId));
  return {
    eventId, name: event.name, date: t.listSessions(db, eventId)[0]?.date ?? null, scale: form.scale,
    responses: responses.length, participants: t.countActiveEnrolments(db, eventId), ...s,
  };
}

/** Every event of the year with forms, side by side; speakers across them by the 0–100 index. */
export function reactionComparison(db: Db, year: number): ReactionComparison {
  const speakers = new Map<string, { name: string; groups: { scale: number; scores: number[] }[] }>();
  const events = repo.eventsWithResponses(db, year).map(({ eventId, name, date }) => {
    const form = eventForm(db, eventId);
    const responses = repo.listResponses(db, eventId);
    const s = summarize(form, responses);
    const aspectOf = new Map(form.items.map((i) => [i.id, i.aspect]));
    const here = new Map<string, number[]>();
    for (const r of responses) {
      for (const a of r.answers) {
        if (a.speaker === null || aspectOf.get(a.item) !== 'narasumber') continue;
        const key = speakerKey(a.speaker);
        if (!speakers.has(key)) speakers.set(key, { name: a.speaker, groups: [] });
        if (!here.has(key)) here.set(key, []);
        here.get(key)!.push(a.score);
      }
    }
    for (const [key, scores] of here) speakers.get(key)!.groups.push({ scale: form.scale, scores });
    const none = { n: 0, mean: null, index: null };
    const aspects = Object.fromEntries(ASPECTS.map((a) => {
      const x = s.aspects.find((y) => y.aspect === a);
      return [a, x ? { n: x.n, mean: x.mean, index: x.index } : none];
    })) as ReactionComparison['events'][number]['aspects'];
    return { eventId, name, date, responses: responses.length, overall: s.overall, aspects };
  });
  return {
    year,
    events,
    speakers: [...speakers.values()]
      .map((x) => ({ speaker: x.name, events: x.groups.length, ...pooledStat(x.groups) }))
      .sort((a, b) => (b.index ?? -1) - (a.index ?? -1) || a.speaker.localeCompare(b.speaker, 'id')),
  };
}
