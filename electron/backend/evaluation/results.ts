// Level 4, results: the units' public-satisfaction scores (IKM/SKM) per survey period, set
// beside the training their people had in that period; and needs for next year's programme
// made from what an evaluation found.
import { ApiError } from '../../../shared/contract/errors.ts';
import type { ResultRow, ServiceScore } from '../../../shared/contract/evaluation.ts';
import type { ParsedInput } from '../../../shared/contract/index.ts';
import type { Need } from '../../../shared/contract/programme.ts';
import { PRESENT_CODES, round2 } from '../../../shared/domain/jp.ts';
import { newId } from '../db/ids.ts';
import type { Db } from '../db/open.ts';
import { recordChange } from '../db/repos/changes.ts';
import * as repo from '../db/repos/evaluation.ts';
import { getEnrolment, getEvent } from '../db/repos/trainings.ts';
import { getUnit } from '../db/repos/units.ts';
import { writeTransaction } from '../db/transaction.ts';
import type { ServiceContext } from '../services/context.ts';
import { meta } from '../services/office.ts';
import { createNeed } from '../services/programme.ts';
import { eventRecap } from '../services/recap.ts';

type NeedFindingKind = ParsedInput<'evaluation.createNeed'>['finding']['kind'];

const toScore = ({ deletedAt: _d, ...s }: repo.ServiceScoreView): ServiceScore => s;

export function listServiceScores(db: Db, year?: number): ServiceScore[] {
  return repo.listServiceScores(db, year).map(toScore);
}

export function saveServiceScore(ctx: ServiceContext, input: ParsedInput<'ikm.save'>): ServiceScore {
  return writeTransaction(ctx.db, () => {
    const { id, ...fields } = input;
    if (fields.unitId && !getUnit(ctx.db, fields.unitId)) throw ApiError.field(['unitId'], 'employee.unit_unknown');
    const m = meta(ctx);
    const before = id ? repo.getServiceScore(ctx.db, id) : null;
    if (id && !before) throw new ApiError('NOT_FOUND', 'Nilai IKM/SKM tidak ditemukan.');
    const rec: repo.ServiceScoreRecord = {
      id: id ?? newId(), ...fields, createdAt: before?.createdAt ?? m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null,
      origin: before?.origin ?? m.origin, deletedAt: null,
    };
    // One score per unit, kind and survey period: a second one would be a typing twice.
    if (repo.sameServicePeriod(ctx.db, rec)) throw ApiError.field(['periodStart'], 'evaluation.period_exists', { kind: rec.kind });
    repo.saveServiceScore(ctx.db, rec, !before);
    if (before) {
      const { unit: _u, ...plainBefore } = before;
      recordChange(ctx.db, m, { entity: 'service_score', entityId: rec.id, op: 'update', before: plainBefore, after: rec });
    } else {
      recordChange(ctx.db, m, { entity: 'service_score', entityId: rec.id, op: 'insert', after: rec });
    }
    return toScore(repo.getServiceScore(ctx.db, rec.id)!);
  });
}

export function removeServiceScore(ctx: ServiceContext, id: string): { ok: true } {
  return writeTransaction(ctx.db, () => {
    const found = repo.getServiceScore(ctx.db, id);
    if (!found) throw new ApiError('NOT_FOUND', 'Nilai IKM/SKM tidak ditemukan.');
    const { unit: _u, ...before } = found;
    const m = meta(ctx);
    repo.saveServiceScore(ctx.db, { ...before, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, deletedAt: m.at }, false);
    recordChange(ctx.db, m, { entity: 'service_score', entityId: id, op: 'delete', before });
    return { ok: true as const };
  });
}

/**
 * Each survey period touching the year, beside the training of the unit's people (by the unit
 * they are in now; the office's own row: everyone) in that period:
 * - jpTrained: JP of the sessions in the period they attended in events they completed
 *   (finished and passed, as the recap decides), plus their external records starting in the
 *   period (as the ledger counts them);
 * - peopleTrained: how many of them had any of those JP;
 * - trainingsHeld: events not cancelled with a session in the period that one of them was
 *   enrolled in (for the office: every such event).
 * `clock` is the office's wall-clock minute.
 */
export function evaluationResults(db: Db, year: number, clock: string): ResultRow[] {
  const scores = repo.listServiceScores(db, year);
  if (!scores.length) return [];
  // The periods may reach into the years around: what they span is read once, then taken apart by period.
  const from = scores.reduce((a, s) => (s.periodStart < a ? s.periodStart : a), scores[0]!.periodStart);
  const to = scores.reduce((a, s) => (s.periodEnd > a ? s.periodEnd : a), scores[0]!.periodEnd);
  const eventDays = repo.eventDaysBetween(db, from, to);
  const records = repo.recordsStartingBetween(db, from, to);
  const everyScore = repo.listServiceScores(db);
  const unitOf = repo.unitOfEmployees(db);
  const recaps = new Map<string, ReturnType<typeof eventRecap>>();
  const recapOf = (eventId: string) => {
    if (!recaps.has(eventId)) recaps.set(eventId, eventRecap(db, eventId, clock));
    return recaps.get(eventId)!;
  };
  return scores.map((s) => {
    const inPeriod = (date: string) => date >= s.periodStart && date <= s.periodEnd;
    const inUnit = (employeeId: string | null) => employeeId !== null && (s.unitId === null || unitOf.get(employeeId) === s.unitId);
    const jp = new Map<string, number>();
    let trainingsHeld = 0;
    for (const eventId of new Set(eventDays.filter((d) => inPeriod(d.date)).map((d) => d.eventId))) {
      const recap = recapOf(eventId);
      const ours = recap.rows.filter((r) => inUnit(r.employeeId));
      if (s.unitId === null || ours.length) trainingsHeld++;
      for (const r of ours) {
        if (r.result !== 'passed') continue;
        const earned = recap.sessions.reduce((a, x, i) => a + (inPeriod(x.date) && PRESENT_CODES.has(r.codes[i]!) ? x.jp : 0), 0);
        jp.set(r.employeeId!, (jp.get(r.employeeId!) ?? 0) + earned);
      }
    }
    for (const r of records) {
      if (inPeriod(r.startDate) && inUnit(r.employeeId)) jp.set(r.employeeId, (jp.get(r.employeeId) ?? 0) + r.jp);
    }
    return {
      unitId: s.unitId, unit: s.unit, periodStart: s.periodStart, periodEnd: s.periodEnd, kind: s.kind, score: s.score, respondents: s.respondents,
      previousScore: previousScore(everyScore, s),
      jpTrained: round2([...jp.values()].reduce((a, b) => a + b, 0)),
      peopleTrained: [...jp.values()].filter((v) => v > 0).length,
      trainingsHeld,
    };
  });
}

/** The same unit's (or the office's) score of the same kind for the latest period ending before this one starts. */
function previousScore(scores: readonly repo.ServiceScoreView[], of: repo.ServiceScoreView): number | null {
  let found: repo.ServiceScoreView | null = null;
  for (const s of scores) {
    if (s.unitId !== of.unitId || s.kind !== of.kind || s.periodEnd >= of.periodStart) continue;
    if (!found || s.periodEnd > found.periodEnd || (s.periodEnd === found.periodEnd && s.periodStart > found.periodStart)) found = s;
  }
  return found?.score ?? null;
}

/** The record a finding's `id` names, by its kind, with the event it belongs to (none for a survey score). */
function findingSource(db: Db, kind: NeedFindingKind, id: string): { eventId: string | null } | null {
  switch (kind) {
    case 'reaction': return repo.getResponse(db, id);
    case 'learning': return getEnrolment(db, id);
    case 'followup': return repo.getFollowup(db, id);
    case 'results': return repo.getServiceScore(db, id) ? { eventId: null } : null;
  }
}

/** A need for next year's programme, remembering the finding it came from. */
export function createNeedFromFinding(ctx: ServiceContext, input: ParsedInput<'evaluation.createNeed'>): Need {
  return writeTransaction(ctx.db, () => {
    const { finding, ...fields } = input;
    if (finding.eventId && !getEvent(ctx.db, finding.eventId)) throw ApiError.field(['finding', 'eventId'], 'evaluation.finding_unknown');
    if (finding.id) {
      // What `id` names depends on the kind: a filled-in form, a participant's scores, a follow-up, a survey score;
      // with an event given, it must be of that event.
      const source = findingSource(ctx.db, finding.kind, finding.id);
      if (!source || (finding.eventId && source.eventId !== finding.eventId)) throw ApiError.field(['finding', 'id'], 'evaluation.finding_unknown');
    }
    return createNeed(ctx, { ...fields, source: 'kesenjangan_kinerja' }, { kind: finding.kind, eventId: finding.eventId, id: finding.id });
  });
}
