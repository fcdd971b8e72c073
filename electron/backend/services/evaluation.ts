// Evaluation by the four Kirkpatrick levels: the contract's methods, each a thin call into
// ../evaluation/*. The reports read the same functions (exported below).
import type { Handlers } from './handlers.ts';
import { formPdf } from '../evaluation/forms.ts';
import { listFollowups, officeToday, saveFollowup, scheduleFollowups } from '../evaluation/followups.ts';
import {
  addResponse, eventQuestionnaire, listResponses, listTemplates, reactionComparison, reactionSummary, removeResponse, removeTemplate,
  saveTemplate, setForm,
} from '../evaluation/reaction.ts';
import { createNeedFromFinding, evaluationResults, listServiceScores, removeServiceScore, saveServiceScore } from '../evaluation/results.ts';
import { eventScores, importScores, setScores } from '../evaluation/scores.ts';
import { officeNow, requireEvent } from './events.ts';

export { evaluationResults, eventScores, listFollowups, reactionSummary };

export const evaluationHandlers = {
  'questionnaires.list': (_input, ctx) => listTemplates(ctx.db),
  'questionnaires.save': (input, ctx) => saveTemplate(ctx, input),
  'questionnaires.remove': ({ id }, ctx) => removeTemplate(ctx, id),

  'reaction.form': ({ eventId }, ctx) => {
    requireEvent(ctx.db, eventId);
    return eventQuestionnaire(ctx.db, eventId);
  },
  'reaction.setForm': (input, ctx) => setForm(ctx, input),
  'reaction.add': (input, ctx) => addResponse(ctx, input),
  'reaction.list': ({ eventId }, ctx) => listResponses(ctx.db, eventId),
  'reaction.remove': ({ id }, ctx) => removeResponse(ctx, id),
  'reaction.summary': ({ eventId }, ctx) => reactionSummary(ctx.db, eventId),
  'reaction.compare': ({ year }, ctx) => reactionComparison(ctx.db, year),
  'evaluation.formPdf': ({ eventId, kind }, ctx) => formPdf(ctx, eventId, kind),

  'scores.list': ({ eventId }, ctx) => eventScores(ctx.db, eventId),
  'scores.setMany': (input, ctx) => setScores(ctx, input),
  'scores.import': (input, ctx) => importScores(ctx, input),

  'followups.list': (filter, ctx) => {
    if (filter.eventId) requireEvent(ctx.db, filter.eventId);
    return listFollowups(ctx.db, filter, officeToday(ctx));
  },
  'followups.schedule': ({ eventId }, ctx) => scheduleFollowups(ctx, eventId),
  'followups.save': (input, ctx) => saveFollowup(ctx, input),

  'ikm.list': ({ year }, ctx) => listServiceScores(ctx.db, year),
  'ikm.save': (input, ctx) => saveServiceScore(ctx, input),
  'ikm.remove': ({ id }, ctx) => removeServiceScore(ctx, id),
  'evaluation.results': ({ year }, ctx) => evaluationResults(ctx.db, year, officeNow(ctx.db, ctx.now())),

  'evaluation.createNeed': (input, ctx) => createNeedFromFinding(ctx, input),
} satisfies Partial<Handlers>;
