import type { ledgerUi as id } from '../id/ledger-ui.ts';

export const ledgerUi: typeof id = {
  ledgerUi: {},
};
