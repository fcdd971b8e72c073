import { DEFAULT_RULES, type TrainingRules } from '../../../shared/contract/rules.ts';
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';
import { diffFields, recordEvent } from '../db/repos/changes.ts';
import type { Handlers } from './handlers.ts';
import { meta } from './office.ts';

/** Where each rule lives in the settings table. */
const KEYS: Record<keyof TrainingRules, string> = {
  graceMinutes: 'attendance.graceMinutes',
  jpTargetPerYear: 'jp.targetPerYear',
};

/** The office's rules; a rule never set (or unreadable) is its default. */
export function trainingRules(db: Db): TrainingRules {
  const rows = sql(db, 'SELECT key, value FROM settings WHERE key IN (?, ?)').all(KEYS.graceMinutes, KEYS.jpTargetPerYear) as { key: string; value: string }[];
  const stored = new Map(rows.map((r) => [r.key, Number(r.value)]));
  const read = (rule: keyof TrainingRules) => {
    const value = stored.get(KEYS[rule]);
    return value !== undefined && Number.isInteger(value) && value >= 0 ? value : DEFAULT_RULES[rule];
  };
  return { graceMinutes: read('graceMinutes'), jpTargetPerYear: read('jpTargetPerYear') };
}

export const ruleHandlers = {
  'rules.get': (_input, ctx) => trainingRules(ctx.db),

  // Office-local settings, not synced records: the audit log keeps old → new, the journal nothing.
  'rules.update': (input, ctx) => ctx.db.transaction(() => {
    const before = trainingRules(ctx.db);
    const write = sql(ctx.db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    for (const rule of Object.keys(KEYS) as (keyof TrainingRules)[]) write.run(KEYS[rule], String(input[rule]));
    const changes = diffFields(before, input);
    if (Object.keys(changes).length) recordEvent(ctx.db, meta(ctx), 'rules.update', changes);
    return trainingRules(ctx.db);
  })(),
} satisfies Partial<Handlers>;
