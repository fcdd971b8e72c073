import { z } from 'zod';
import { method } from './define.ts';
import { empty } from './common.ts';

/** The office's training rules, set by an admin; events may override the grace period. */
export const trainingRules = z.object({
  /** Minutes after a session's start before an arrival counts as Terlambat. */
  graceMinutes: z.number().int().min(0).max(240),
  /** JP each employee should reach in a calendar year: 20 (PP 11/2017 art. 203(4), UU 20/2023 art. 49). */
  jpTargetPerYear: z.number().int().min(1).max(500),
  /** The target for PPPK staff, where the office's rules differ (20 unless set). */
  jpTargetPppk: z.number().int().min(1).max(500),
  /** Months after an event's last session when the supervisor's follow-up (Kirkpatrick level 3) is due. */
  followupMonths: z.number().int().min(1).max(24),
});
export type TrainingRules = z.infer<typeof trainingRules>;

export const DEFAULT_RULES: TrainingRules = { graceMinutes: 15, jpTargetPerYear: 20, jpTargetPppk: 20, followupMonths: 3 };

export const ruleMethods = {
  'rules.get': method({ access: 'user', input: empty, output: trainingRules }),
  /** Rules not given keep their value (older doors send only the first two). */
  'rules.update': method({ access: 'admin', input: trainingRules.partial(), output: trainingRules }),
};
