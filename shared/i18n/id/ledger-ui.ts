// Capaian JP screens: Belum 20 JP, the ledger, outside trainings, import, charts, reports.
export const ledgerUi = {
  ledgerUi: {},
};
