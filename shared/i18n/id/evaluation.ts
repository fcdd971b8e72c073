// evaluation: screens and backend messages of this area.
export const evaluation = {
  evaluationUi: {},
};
