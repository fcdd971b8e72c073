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
import { getEmployee } from '../db/repos/employees.ts';
import * as repo from '../db/repos/evaluation.ts';
import { getNeed, saveNeed } from '../db/repos/programme.ts';
import { getEnrolment, getEvent } from '../db/repos/trainings.ts';
import { getUnit } from '../db/repos/units.ts';
import { writeTransaction } from '../db/transaction.ts';
import type { ServiceContext } from '../services/context.ts';
import { meta } from '../services/office.ts';
import { eventRecap } from '../services/recap.ts';

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
  const unitOf = repo.unitOfEmployees(db);
  const recaps = new Map<string, ReturnType<typeof eventRecap>>();
  const recapOf = (eventId: string) => {
    if (!recaps.has(eventId)) recaps.set(eventId, eventRecap(db, eventId, clock));
    return recaps.get(eventId)!;
  };
  return repo.listServiceScores(db, year).map((s) => {
    const inUnit = (employeeId: string | null) => employeeId !== null && (s.unitId === null || unitOf.get(employeeId) === s.unitId);
    const jp = new Map<string, number>();
    let trainingsHeld = 0;
    for (const eventId of repo.eventsHeldIn(db, s.periodStart, s.periodEnd)) {
      const recap = recapOf(eventId);
      const ours = recap.rows.filter((r) => inUnit(r.employeeId));
      if (s.unitId === null || ours.length) trainingsHeld++;
      for (const r of ours) {
        if (r.result !== 'passed') continue;
        const earned = recap.sessions.reduce((a, x, i) => a + (x.date >= s.periodStart && x.date <= s.periodEnd && PRESENT_CODES.has(r.codes[i]!) ? x.jp : 0), 0);
        jp.set(r.employeeId!, (jp.get(r.employeeId!) ?? 0) + earned);
      }
    }
    for (const r of repo.recordsStartingIn(db, s.periodStart, s.periodEnd)) {
      if (inUnit(r.employeeId)) jp.set(r.employeeId, (jp.get(r.employeeId) ?? 0) + r.jp);
    }
    return {
      unitId: s.unitId, unit: s.unit, periodStart: s.periodStart, periodEnd: s.periodEnd, kind: s.kind, score: s.score, respondents: s.respondents,
      previousScore: repo.previousServiceScore(db, s.unitId, s.kind, s.periodStart),
      jpTrained: round2([...jp.values()].reduce((a, b) => a + b, 0)),
      peopleTrained: [...jp.values()].filter((v) => v > 0).length,
      trainingsHeld,
    };
  });
}

/** A need for next year's programme, remembering the finding it came from. */
export function createNeedFromFinding(ctx: ServiceContext, input: ParsedInput<'evaluation.createNeed'>): Need {
  return writeTransaction(ctx.db, () => {
    const { finding, ...fields } = input;
    if (finding.eventId && !getEvent(ctx.db, finding.eventId)) throw ApiError.field(['finding', 'eventId'], 'evaluation.finding_unknown');
    if (finding.id) {
      // What `id` names depends on the kind: a filled-in form, a participant's scores, a follow-up, a survey score.
      const source = {
        reaction: () => repo.getResponse(ctx.db, finding.id!),
        learning: () => getEnrolment(ctx.db, finding.id!),
        followup: () => repo.getFollowup(ctx.db, finding.id!),
        results: () => repo.getServiceScore(ctx.db, finding.id!),
      }[finding.kind]();
      if (!source) throw ApiError.field(['finding', 'id'], 'evaluation.finding_unknown');
    }
    if (fields.employeeId && !getEmployee(ctx.db, fields.employeeId)) throw ApiError.field(['employeeId'], 'employee.unknown');
    if (fields.unitId && !getUnit(ctx.db, fields.unitId)) throw ApiError.field(['unitId'], 'employee.unit_unknown');
    const m = meta(ctx);
    const need = {
      id: newId(), ...fields, source: 'kesenjangan_kinerja' as const, finding: { kind: finding.kind, eventId: finding.eventId, id: finding.id },
      createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin, deletedAt: null,
    };
    saveNeed(ctx.db, need, true);
    recordChange(ctx.db, m, { entity: 'need', entityId: need.id, op: 'insert', after: need });
    return getNeed(ctx.db, need.id)!;
  });
}
