import type { evaluationUi as id } from '../id/evaluation-ui.ts';

export const evaluationUi: typeof id = {
  evaluationUi: {},
};
