// Level 3, behaviour: some months after a finished event (the followupMonths rule), each
// participant who completed it gets a follow-up, filled in by their supervisor on paper or on
// screen. Due ones are what the home page reminds the office of.
import { ApiError, type FieldIssue } from '../../../shared/contract/errors.ts';
import type { Followup } from '../../../shared/contract/evaluation.ts';
import type { ParsedInput } from '../../../shared/contract/index.ts';
import { addMonths, FOLLOWUP_ITEMS } from '../../../shared/domain/evaluation.ts';
import { newId } from '../db/ids.ts';
import type { Db } from '../db/open.ts';
import { inChangeBatch, recordChange } from '../db/repos/changes.ts';
import * as repo from '../db/repos/evaluation.ts';
import { writeTransaction } from '../db/transaction.ts';
import type { ServiceContext } from '../services/context.ts';
import { officeNow, requireEvent } from '../services/events.ts';
import { meta } from '../services/office.ts';
import { eventRecap } from '../services/recap.ts';
import { trainingRules } from '../services/rules.ts';

function toFollowup(f: repo.FollowupView, today: string): Followup {
  const { deletedAt: _d, ...rest } = f;
  return { ...rest, due: f.filledDate === null && f.dueDate <= today };
}

/** Follow-ups by due date; `today` is the office's date (YYYY-MM-DD). */
export function listFollowups(db: Db, filter: repo.FollowupFilter, today: string): Followup[] {
  return repo.listFollowups(db, filter, today).map((f) => toFollowup(f, today));
}

export const officeToday = (ctx: Pick<ServiceContext, 'db' | 'now'>) => officeNow(ctx.db, ctx.now()).slice(0, 10);

/**
 * One follow-up for each participant who completed the finished event, due `followupMonths`
 * after its last session. Asking again creates only the missing ones.
 */
export function scheduleFollowups(ctx: ServiceContext, eventId: string): { created: number; existing: number } {
  return writeTransaction(ctx.db, () => {
    const event = requireEvent(ctx.db, eventId);
    if (event.status === 'batal') {
      throw new ApiError('CONFLICT', 'Kegiatan ini dibatalkan; tidak ada evaluasi pasca pelatihan.', { reason: 'evaluation.event_cancelled' });
    }
    const recap = eventRecap(ctx.db, eventId, officeNow(ctx.db, ctx.now()));
    const lastDate = recap.sessions.map((s) => s.date).sort().at(-1);
    if (!recap.finished || !lastDate) {
      throw new ApiError('CONFLICT', 'Kegiatan belum selesai. Evaluasi pasca pelatihan dijadwalkan setelah sesi terakhir, untuk peserta yang lulus.',
        { reason: 'evaluation.event_not_finished' });
    }
    const due = addMonths(lastDate, trainingRules(ctx.db).followupMonths);
    const followed = repo.followedEnrolments(ctx.db, eventId);
    const m = meta(ctx);
    let created = 0;
    let existing = 0;
    inChangeBatch(ctx.db, () => {
      for (const row of recap.rows) {
        if (row.result !== 'passed') continue;
        if (followed.has(row.enrolmentId)) { existing++; continue; }
        const rec: repo.FollowupRecord = {
          id: newId(), eventId, enrolmentId: row.enrolmentId, dueDate: due, supervisorName: '', supervisorNip: null, answers: null, findings: '',
          filledDate: null, createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin, deletedAt: null,
        };
        repo.saveFollowup(ctx.db, rec, true);
        recordChange(ctx.db, m, { entity: 'followup', entityId: rec.id, op: 'insert', after: rec });
        created++;
      }
    });
    return { created, existing };
  });
}

/** The supervisor's answers: every item once, each 1–4; filled in on a day that has come, not before the event ended. */
export function saveFollowup(ctx: ServiceContext, input: ParsedInput<'followups.save'>): Followup {
  const today = officeToday(ctx);
  return writeTransaction(ctx.db, () => {
    const found = repo.getFollowup(ctx.db, input.id);
    if (!found) throw new ApiError('NOT_FOUND', 'Evaluasi pasca pelatihan tidak ditemukan.');
    const issues: FieldIssue[] = [];
    const known = new Map(FOLLOWUP_ITEMS.map((i) => [i.id, i]));
    const given = new Map<string, number>();
    input.answers.forEach((a, k) => {
      if (!known.has(a.item)) issues.push({ path: ['answers', k, 'item'], message: 'evaluation.item_unknown', params: { item: a.item } });
      else if (given.has(a.item)) issues.push({ path: ['answers', a.item], message: 'evaluation.answer_twice', params: { item: known.get(a.item)!.text } });
      else given.set(a.item, a.score);
    });
    for (const item of FOLLOWUP_ITEMS) {
      if (!given.has(item.id)) issues.push({ path: ['answers', item.id], message: 'evaluation.followup_item_missing', params: { item: item.text } });
    }
    if (input.filledDate > today) issues.push({ path: ['filledDate'], message: 'evaluation.filled_in_future', params: { today } });
    else if (found.eventEndDate && input.filledDate < found.eventEndDate) {
      issues.push({ path: ['filledDate'], message: 'evaluation.filled_before_event', params: { date: found.eventEndDate } });
    }
    if (issues.length) throw new ApiError('VALIDATION', issues[0]!.message, { issues });
    const m = meta(ctx);
    const { eventName: _e, eventEndDate: _d, employeeId: _i, nip: _n, name: _m, unit: _u, ...before } = found;
    const after: repo.FollowupRecord = {
      ...before, supervisorName: input.supervisorName, supervisorNip: input.supervisorNip, findings: input.findings, filledDate: input.filledDate,
      answers: FOLLOWUP_ITEMS.map((i) => ({ item: i.id, score: given.get(i.id)! })), updatedAt: m.at, updatedBy: m.actor?.userId ?? null,
    };
    repo.saveFollowup(ctx.db, after, false);
    recordChange(ctx.db, m, { entity: 'followup', entityId: after.id, op: 'update', before, after });
    return toFollowup(repo.getFollowup(ctx.db, after.id)!, today);
  });
}
