// The printable evaluation forms of an event: the reaction questionnaire to hand out in the
// room, and the follow-up forms to send to the participants' supervisors.
import { ApiError } from '../../../shared/contract/errors.ts';
import { formatDate } from '../../../shared/domain/dates.ts';
import { followupFormDoc, reactionFormDoc } from '../../../shared/pdf/evaluation-forms.ts';
import * as t from '../db/repos/trainings.ts';
import { renderPdf } from '../pdf/render.ts';
import type { ServiceContext } from '../services/context.ts';
import { fileSlug, officeForDocuments, pdfFile } from '../services/documents.ts';
import { officeNow, requireEvent } from '../services/events.ts';
import { eventRecap } from '../services/recap.ts';
import { trainingRules } from '../services/rules.ts';
import { listFollowups } from './followups.ts';
import { eventForm, eventSpeakers } from './reaction.ts';

/** "25 November 2026", or "25 November 2026 s.d. 26 November 2026" for several days. */
function eventDates(db: ServiceContext['db'], eventId: string): string {
  const dates = t.listSessions(db, eventId).map((s) => s.date).sort();
  if (!dates.length) return '-';
  return dates[0] === dates.at(-1) ? formatDate(dates[0]!) : `${formatDate(dates[0]!)} s.d. ${formatDate(dates.at(-1)!)}`;
}

export async function formPdf(ctx: ServiceContext, eventId: string, kind: 'reaction' | 'followup') {
  const event = requireEvent(ctx.db, eventId);
  const office = officeForDocuments(ctx.db);
  const common = { office, eventName: event.name, dates: eventDates(ctx.db, eventId), place: event.place };
  if (kind === 'reaction') {
    const form = eventForm(ctx.db, eventId);
    const doc = reactionFormDoc({ ...common, scale: form.scale, items: form.items, openQuestions: form.openQuestions, anonymous: form.anonymous, speakers: eventSpeakers(ctx.db, eventId) });
    return pdfFile(`evaluasi-reaksi-${fileSlug(event.name)}.pdf`, await renderPdf(doc));
  }
  const clock = officeNow(ctx.db, ctx.now());
  // The scheduled follow-ups, with their due dates; before scheduling, whoever completed the event.
  const scheduled = listFollowups(ctx.db, { state: 'all', eventId }, clock.slice(0, 10));
  const people = scheduled.length
    ? scheduled.map((f) => ({ name: f.name, nip: f.nip, unit: f.unit, dueDate: f.dueDate, dueText: formatDate(f.dueDate) }))
    : eventRecap(ctx.db, eventId, clock).rows.filter((r) => r.result === 'passed')
      .map((r) => ({ name: r.name, nip: r.nip, unit: r.unit, dueDate: null, dueText: null }));
  if (!people.length) {
    throw new ApiError('CONFLICT', 'Belum ada peserta yang lulus kegiatan ini; formulir evaluasi atasan dicetak setelah kegiatan selesai.',
      { reason: 'evaluation.no_completed' });
  }
  const doc = followupFormDoc({ ...common, months: trainingRules(ctx.db).followupMonths, people });
  return pdfFile(`evaluasi-atasan-${fileSlug(event.name)}.pdf`, await renderPdf(doc));
}
