import type { evaluation as id } from '../id/evaluation.ts';

export const evaluation: typeof id = {
  evaluation: {},
};
