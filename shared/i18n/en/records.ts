import type { records as id } from '../id/records.ts';

export const records: typeof id = {
  records: {},
};
