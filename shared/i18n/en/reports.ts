import type { reports as id } from '../id/reports.ts';

export const reports: typeof id = {
  reports: {},
};
