import type { ledger as id } from '../id/ledger.ts';

export const ledger: typeof id = {
  ledger: {
    unit_unknown: 'Work unit not found.',
  },
};
