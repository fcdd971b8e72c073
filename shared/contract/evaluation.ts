import { z } from 'zod';
import { method } from './define.ts';
import { enteredDate, exportedFile, id, isoDate, nip, optionalText, syncFields, text } from './common.ts';
import { competencyType, need, PRIORITIES, year } from './programme.ts';
import { importFileData, importIssue } from './roster.ts';

// Evaluation by the four Kirkpatrick levels: reaction (questionnaire), learning (pre/post test),
// behaviour (the supervisor's follow-up) and results (the unit's IKM/SKM beside the JP trained).

export const LIKERT_ASPECTS = ['materi', 'narasumber', 'fasilitas', 'penyelenggaraan'] as const;
export const likertAspect = z.enum(LIKERT_ASPECTS);
export type LikertAspect = z.infer<typeof likertAspect>;

const itemId = z.string().trim().min(1).max(40).regex(/^[a-z0-9_-]+$/i, 'validation.invalid_value');
export const questionItem = z.object({ id: itemId, aspect: likertAspect, text: text(300) });
export const openQuestion = z.object({ id: itemId, text: text(300) });

export const questionnaireFields = z.object({
  name: text(120),
  /** 4 avoids a middle answer (the common government form); 5 is offered too. */
  scale: z.union([z.literal(4), z.literal(5)]),
  items: z.array(questionItem).min(1, 'validation.required').max(40),
  openQuestions: z.array(openQuestion).max(10).default([]),
});

export const questionnaireTemplate = z.object({
  ...syncFields,
  name: z.string(),
  scale: z.union([z.literal(4), z.literal(5)]),
  items: z.array(questionItem),
  openQuestions: z.array(openQuestion),
  /** The template that comes with the app (id BUILT_IN_TEMPLATE_ID); it cannot be edited or removed. */
  builtIn: z.boolean(),
});
export type QuestionnaireTemplate = z.infer<typeof questionnaireTemplate>;

/** The questionnaire an event uses: a copy of a template, so later edits never change given answers. */
export const eventQuestionnaire = z.object({
  eventId: z.string(),
  templateId: z.string().nullable(),
  name: z.string(),
  scale: z.union([z.literal(4), z.literal(5)]),
  items: z.array(questionItem),
  openQuestions: z.array(openQuestion),
  anonymous: z.boolean(),
  /** The event's speakers: the narasumber items are answered once per speaker. */
  speakers: z.array(z.string()),
  responses: z.number().int(),
  participants: z.number().int(),
});
export type EventQuestionnaire = z.infer<typeof eventQuestionnaire>;

export const reactionAnswer = z.object({
  item: itemId,
  /** For narasumber items: which speaker; null otherwise. */
  speaker: z.string().max(200).nullable().default(null),
  score: z.number().int(),
});

export const reactionInput = z.object({
  eventId: id,
  answers: z.array(reactionAnswer).max(400),
  /** Open question id → answer. */
  comments: z.record(z.string(), z.string().max(2000)).default({}),
  /** Only when the event's questionnaire is not anonymous. */
  enrolmentId: id.nullable().default(null),
  source: z.enum(['paper', 'screen']).default('paper'),
});

export const reactionResponse = z.object({
  ...syncFields,
  eventId: z.string(),
  /** The running number of the form in the event (1, 2, 3…), to find a paper form again. */
  number: z.number().int(),
  enrolmentId: z.string().nullable(),
  answers: z.array(z.object({ item: z.string(), speaker: z.string().nullable(), score: z.number().int() })),
  comments: z.record(z.string(), z.string()),
  source: z.enum(['paper', 'screen']),
});
export type ReactionResponse = z.infer<typeof reactionResponse>;

const scoreStat = z.object({
  n: z.number().int(),
  /** Mean on the questionnaire's scale; null without answers. */
  mean: z.number().nullable(),
  /** The mean as 0–100 (IKM-style: (mean − 1) / (scale − 1) × 100). */
  index: z.number().nullable(),
});

export const reactionSummary = z.object({
  eventId: z.string(),
  name: z.string(),
  date: isoDate.nullable(),
  scale: z.number().int(),
  responses: z.number().int(),
  participants: z.number().int(),
  items: z.array(scoreStat.extend({ id: z.string(), aspect: likertAspect, text: z.string(), distribution: z.array(z.number().int()) })),
  aspects: z.array(scoreStat.extend({ aspect: likertAspect })),
  speakers: z.array(scoreStat.extend({ speaker: z.string() })),
  overall: scoreStat,
  comments: z.array(z.object({ question: z.string(), answers: z.array(z.string()) })),
});
export type ReactionSummary = z.infer<typeof reactionSummary>;

export const reactionComparison = z.object({
  year: z.number().int(),
  events: z.array(z.object({
    eventId: z.string(), name: z.string(), date: isoDate.nullable(), responses: z.number().int(),
    overall: scoreStat, aspects: z.record(likertAspect, scoreStat),
  })),
  /** Speakers across the year's events, comparable by the 0–100 index. */
  speakers: z.array(scoreStat.extend({ speaker: z.string(), events: z.number().int() })),
});
export type ReactionComparison = z.infer<typeof reactionComparison>;

export const scoreRow = z.object({
  enrolmentId: z.string(),
  employeeId: z.string().nullable(),
  nip: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  preTest: z.number().nullable(),
  postTest: z.number().nullable(),
  gain: z.number().nullable(),
  /** Whether the post-test reaches the event's minimum (null: no minimum or no score). */
  meetsMinimum: z.boolean().nullable(),
});

export const eventScores = z.object({
  eventId: z.string(),
  minPostTest: z.number().nullable(),
  rows: z.array(scoreRow),
  stats: z.object({
    scored: z.number().int(),
    meanPre: z.number().nullable(),
    meanPost: z.number().nullable(),
    meanGain: z.number().nullable(),
    belowMinimum: z.number().int(),
  }),
});
export type EventScores = z.infer<typeof eventScores>;

const score = z.number().min(0, 'evaluation.score_range').max(100, 'evaluation.score_range').nullable();

export const FOLLOWUP_STATES = ['due', 'upcoming', 'done', 'all'] as const;

export const followupAnswer = z.object({ item: itemId, score: z.number().int().min(1, 'evaluation.score_range').max(4, 'evaluation.score_range') });

export const followup = z.object({
  ...syncFields,
  eventId: z.string(),
  eventName: z.string(),
  eventEndDate: isoDate.nullable(),
  enrolmentId: z.string(),
  employeeId: z.string().nullable(),
  nip: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  dueDate: isoDate,
  /** Due (today or past) and not yet filled in. */
  due: z.boolean(),
  supervisorName: z.string(),
  supervisorNip: z.string().nullable(),
  answers: z.array(z.object({ item: z.string(), score: z.number().int() })).nullable(),
  findings: z.string(),
  filledDate: isoDate.nullable(),
});
export type Followup = z.infer<typeof followup>;

export const serviceScoreFields = z.object({
  /** null: the office as a whole. */
  unitId: id.nullable(),
  periodStart: enteredDate,
  periodEnd: enteredDate,
  kind: z.enum(['IKM', 'SKM']),
  score: z.number().min(0, 'evaluation.ikm_range').max(100, 'evaluation.ikm_range'),
  respondents: z.number().int().min(0).nullable().default(null),
  notes: optionalText(500),
}).refine((s) => s.periodEnd >= s.periodStart, { message: 'validation.end_before_start', path: ['periodEnd'] });

/** A unit's (or, with unitId null, the office's) score for one survey period, as read back. */
const periodScore = {
  unitId: z.string().nullable(),
  unit: z.string().nullable(),
  periodStart: isoDate,
  periodEnd: isoDate,
  kind: z.enum(['IKM', 'SKM']),
  score: z.number(),
  respondents: z.number().int().nullable(),
};

export const serviceScore = z.object({
  ...syncFields,
  ...periodScore,
  notes: z.string(),
});
export type ServiceScore = z.infer<typeof serviceScore>;

/** Level 4: each survey period of a unit beside the training its people had in that period. */
export const resultRow = z.object({
  ...periodScore,
  /** The same unit's previous period's score, to see a change. */
  previousScore: z.number().nullable(),
  jpTrained: z.number(),
  peopleTrained: z.number().int(),
  trainingsHeld: z.number().int(),
});
export type ResultRow = z.infer<typeof resultRow>;

export const findingRef = z.object({
  kind: z.enum(['reaction', 'learning', 'followup', 'results']),
  eventId: id.nullable().default(null),
  /** The follow-up or service score the finding comes from, if one. */
  id: id.nullable().default(null),
});

export const evaluationMethods = {
  'questionnaires.list': method({ access: 'user', input: z.object({}).strict(), output: z.array(questionnaireTemplate) }),
  'questionnaires.save': method({ access: 'admin', input: questionnaireFields.extend({ id: id.optional() }), output: questionnaireTemplate }),
  'questionnaires.remove': method({ access: 'admin', input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),

  /** The event's questionnaire (the built-in one until another is chosen). */
  'reaction.form': method({ access: 'user', input: z.object({ eventId: id }), output: eventQuestionnaire }),
  /** Chooses the event's questionnaire; once forms are entered neither it nor `anonymous` can change (CONFLICT). */
  'reaction.setForm': method({ access: 'user', input: z.object({ eventId: id, templateId: id.optional(), anonymous: z.boolean().default(true) }), output: eventQuestionnaire }),
  /**
   * One filled-in form: items may be left blank (paper forms have blanks) but at least one is
   * answered; each answer within the scale, else VALIDATION naming the item.
   */
  'reaction.add': method({ access: 'user', input: reactionInput, output: reactionResponse }),
  'reaction.list': method({ access: 'user', input: z.object({ eventId: id }), output: z.array(reactionResponse) }),
  'reaction.remove': method({ access: 'user', input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),
  'reaction.summary': method({ access: 'user', input: z.object({ eventId: id }), output: reactionSummary }),
  'reaction.compare': method({ access: 'user', input: z.object({ year }), output: reactionComparison }),
  /** Printable paper forms: the reaction questionnaire, or one follow-up form per participant. */
  'evaluation.formPdf': method({ access: 'user', input: z.object({ eventId: id, kind: z.enum(['reaction', 'followup']) }), output: exportedFile }),

  'scores.list': method({ access: 'user', input: z.object({ eventId: id }), output: eventScores }),
  /** Many participants' scores in one transaction; a score out of 0–100 names its row. */
  'scores.setMany': method({
    access: 'user',
    input: z.object({ eventId: id, scores: z.array(z.object({ enrolmentId: id, preTest: score, postTest: score })).min(1).max(5000) }),
    output: eventScores,
  }),
  /** A sheet of NIP, pre-test, post-test (headers matched as in the roster import). */
  'scores.import': method({
    access: 'user',
    input: z.object({ eventId: id, fileName: z.string().min(1).max(260), dataBase64: importFileData, dryRun: z.boolean().default(false) }),
    output: z.object({ rows: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), errors: z.array(importIssue) }),
  }),

  'followups.list': method({ access: 'user', input: z.object({ state: z.enum(FOLLOWUP_STATES).default('all'), eventId: id.optional(), year: year.optional() }), output: z.array(followup) }),
  /** Creates the follow-ups of an event's participants who completed it, due `followupMonths` after its last session. */
  'followups.schedule': method({ access: 'user', input: z.object({ eventId: id }), output: z.object({ created: z.number().int(), existing: z.number().int() }) }),
  'followups.save': method({
    access: 'user',
    input: z.object({
      id,
      supervisorName: text(200),
      supervisorNip: nip.nullable().default(null),
      answers: z.array(followupAnswer).min(1, 'validation.required'),
      findings: optionalText(2000),
      filledDate: enteredDate,
    }),
    output: followup,
  }),

  'ikm.list': method({ access: 'user', input: z.object({ year: year.optional() }), output: z.array(serviceScore) }),
  'ikm.save': method({ access: 'user', input: z.intersection(serviceScoreFields, z.object({ id: id.optional() })), output: serviceScore }),
  'ikm.remove': method({ access: 'user', input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),
  'evaluation.results': method({ access: 'user', input: z.object({ year }), output: z.array(resultRow) }),

  /** A need for next year's programme from an evaluation finding. */
  'evaluation.createNeed': method({
    access: 'user',
    input: z.object({
      finding: findingRef, year, topic: text(200), competencyType,
      employeeId: id.nullable().default(null), unitId: id.nullable().default(null),
      priority: z.enum(PRIORITIES).default('sedang'), notes: optionalText(1000),
    }).refine((n) => n.employeeId !== null || n.unitId !== null, { message: 'validation.need_target', path: ['unitId'] }),
    output: need,
  }),
};
