import { DEFAULT_RULES, type TrainingRules } from '../../../shared/contract/rules.ts';
import type { Db } from '../db/open.ts';
import { getSetting, setSetting } from '../db/repos/settings.ts';
import { diffFields, recordEvent } from '../db/repos/changes.ts';
import type { Handlers } from './handlers.ts';
import { meta } from './office.ts';
import { writeTransaction } from '../db/transaction.ts';

/** Where each rule lives in the settings table. */
const KEYS: Record<keyof TrainingRules, string> = {
  graceMinutes: 'attendance.graceMinutes',
  jpTargetPerYear: 'jp.targetPerYear',
  jpTargetPppk: 'jp.targetPppk',
  followupMonths: 'evaluation.followupMonths',
};

/** The office's rules; a rule never set (or unreadable) is its default. */
export function trainingRules(db: Db): TrainingRules {
  const read = (rule: keyof TrainingRules) => {
    const value = Number(getSetting(db, KEYS[rule]) ?? NaN);
    return Number.isInteger(value) && value >= 0 ? value : DEFAULT_RULES[rule];
  };
  return { graceMinutes: read('graceMinutes'), jpTargetPerYear: read('jpTargetPerYear'), jpTargetPppk: read('jpTargetPppk'), followupMonths: read('followupMonths') };
}

export const ruleHandlers = {
  'rules.get': (_input, ctx) => trainingRules(ctx.db),

  // Office-local settings, not synced records: the audit log keeps old → new, the journal nothing.
  'rules.update': (input, ctx) => writeTransaction(ctx.db, () => {
    const before = trainingRules(ctx.db);
    const after = { ...before, ...input };
    for (const rule of Object.keys(KEYS) as (keyof TrainingRules)[]) setSetting(ctx.db, KEYS[rule], String(after[rule]));
    const changes = diffFields(before, after);
    if (Object.keys(changes).length) recordEvent(ctx.db, meta(ctx), 'rules.update', changes);
    return trainingRules(ctx.db);
  }),
} satisfies Partial<Handlers>;
