// the 20 JP ledger's backend messages (`ledger.*`).
export const ledger = {
  ledger: {
    unit_unknown: 'Unit kerja tidak ditemukan.',
  },
};
