// Laporan evaluasi per kegiatan: the four levels of one event, or of every finished event of the
// year, read through the evaluation area's own functions (services/evaluation.ts) so the report
// says what the Evaluasi screens say.
import { ApiError } from '../../../shared/contract/errors.ts';
import { FOLLOWUP_ITEMS, followupChange, meanOf } from '../../../shared/domain/evaluation.ts';
import { methodById } from '../../../shared/domain/methods.ts';
import { T, fill } from '../../../shared/pdf/reports/common.ts';
import type { EvaluasiReport, EvaluationEvent } from '../../../shared/pdf/reports/types.ts';
import type { Db } from '../db/open.ts';
import { listEventSummaries, type EventSummary } from '../db/repos/trainings.ts';
import { eventScores, listFollowups, reactionSummary } from '../services/evaluation.ts';
import { officeNow } from '../services/events.ts';
import { eventRecap } from '../services/recap.ts';
import { DECIMAL_FORMAT, type XCell, type XSheet } from './xlsx.ts';

/**
 * One event's four levels, and its behaviour score: the mean of its filled follow-ups' change
 * scores (1–4), from the same follow-ups.
 */
function evaluateEvent(db: Db, e: EventSummary, clock: string): { event: EvaluationEvent; behaviour: number | null } {
  const recap = eventRecap(db, e.id, clock);
  const reaction = reactionSummary(db, e.id);
  const scores = eventScores(db, e.id);
  const followups = listFollowups(db, { state: 'all', eventId: e.id }, clock.slice(0, 10));
  const done = followups.filter((f) => f.filledDate !== null);
  const event: EvaluationEvent = {
    name: e.name, methodName: methodById(e.methodId)?.name ?? '', startDate: e.startDate, endDate: e.endDate, place: e.place,
    participants: recap.rows.length,
    reaction: {
      scale: reaction.scale, responses: reaction.responses, overall: reaction.overall,
      aspects: reaction.aspects.map(({ aspect, n, mean: m, index }) => ({ aspect, n, mean: m, index })),
      speakers: reaction.speakers.map(({ speaker, n, mean: m, index }) => ({ speaker, n, mean: m, index })),
    },
    learning: { ...scores.stats, minPostTest: scores.minPostTest },
    behaviour: {
      scheduled: followups.length, done: done.length, due: followups.filter((f) => f.due).length,
      upcoming: followups.filter((f) => f.filledDate === null && !f.due).length,
      items: FOLLOWUP_ITEMS.map((item) => {
        const given = done.flatMap((f) => (f.answers ?? []).filter((a) => a.item === item.id).map((a) => a.score));
        return { item: item.text, n: given.length, mean: meanOf(given) };
      }),
      findings: done.filter((f) => f.findings.trim() !== '').map((f) => ({ name: f.name, text: f.findings.trim() })),
    },
    completion: { passed: recap.totals.passed, notPassed: recap.totals.notPassed, minAttendancePct: recap.rule.minAttendancePct, minPostTest: recap.rule.minPostTest },
  };
  const changes = done.map((f) => followupChange(f.answers)).filter((x): x is number => x !== null);
  return { event, behaviour: meanOf(changes) };
}

export function evaluasiReport(db: Db, q: { year: number; eventId?: string }, now: Date): EvaluasiReport & { behaviour: (number | null)[] } {
  const clock = officeNow(db, now);
  let events: EventSummary[];
  if (q.eventId) {
    const [one] = listEventSummaries(db, { now: clock, id: q.eventId });
    if (!one) throw new ApiError('NOT_FOUND', 'Kegiatan tidak ditemukan.');
    if (one.status === 'batal') throw ApiError.field(['eventId'], 'reports.event_cancelled', { name: one.name });
    if (!(one.startDate ?? one.createdAt).startsWith(`${q.year}-`)) throw ApiError.field(['eventId'], 'reports.event_other_year', { name: one.name, year: q.year });
    events = [one];
  } else {
    // Finished: marked done, or every session over (the same rule as the recaps).
    events = listEventSummaries(db, { now: clock, year: q.year })
      .filter((e) => e.status !== 'batal' && e.sessionCount > 0 && (e.status === 'selesai' || e.sessionsOver === e.sessionCount))
      .sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.name.localeCompare(b.name, 'id'));
  }
  const evaluated = events.map((e) => evaluateEvent(db, e, clock));
  return { year: q.year, events: evaluated.map((x) => x.event), behaviour: evaluated.map((x) => x.behaviour) };
}

const E = T.evaluasi;

/** One row per event, the levels side by side, comparable across the year's events. */
export function evaluasiSheets(r: EvaluasiReport & { behaviour: (number | null)[] }): XSheet[] {
  const aspect = (e: EvaluationEvent, a: string) => e.reaction?.aspects.find((x) => x.aspect === a)?.index ?? null;
  const rows = r.events.map((e, i): XCell[] => [
    i + 1, e.name, e.methodName, e.startDate, e.endDate, e.participants,
    e.reaction?.responses ?? 0, aspect(e, 'materi'), aspect(e, 'narasumber'), aspect(e, 'fasilitas'), aspect(e, 'penyelenggaraan'), e.reaction?.overall.index ?? null,
    e.learning.scored, e.learning.meanPre, e.learning.meanPost, e.learning.meanGain, e.learning.minPostTest === null ? null : e.learning.belowMinimum,
    e.behaviour.done, e.behaviour.due, r.behaviour[i] ?? null,
    e.completion.passed, e.completion.notPassed,
  ]);
  const index = (label: string) => `${E.index} ${label.toLowerCase()}`;
  const overview: XSheet = {
    name: E.sheet,
    title: [fill(E.title, { year: r.year })],
    headers: [
      T.common.no, E.event, E.method, E.start, E.end, E.participants,
      E.responses, index(E.aspects.materi), index(E.aspects.narasumber), index(E.aspects.fasilitas), index(E.aspects.penyelenggaraan), index(E.overall),
      E.scored, E.meanPre, E.meanPost, E.meanGain, E.belowMinimum,
      E.followupsDone, E.followupsDue, E.behaviourMean,
      E.passed, E.notPassed,
    ],
    rows,
    formats: Object.fromEntries([7, 8, 9, 10, 11, 13, 14, 15, 19].map((c) => [c, DECIMAL_FORMAT])),
  };
  const speakers: XSheet = {
    name: E.speakersSheet,
    headers: [E.event, E.speaker, E.n, E.mean, E.index],
    rows: r.events.flatMap((e) => (e.reaction?.speakers ?? []).map((s): XCell[] => [e.name, s.speaker, s.n, s.mean, s.index])),
    formats: { 3: DECIMAL_FORMAT, 4: DECIMAL_FORMAT },
  };
  const findings: XSheet = {
    name: E.findingsSheet,
    headers: [E.event, E.participant, E.findings],
    rows: r.events.flatMap((e) => e.behaviour.findings.map((f): XCell[] => [e.name, f.name, f.text])),
  };
  return [overview, speakers, findings];
}
