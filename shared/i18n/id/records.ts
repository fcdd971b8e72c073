// records: screens and backend messages of this area.
export const records = {
  recordsUi: {},
};
