// Evaluasi screens and the event's Evaluasi tab.
export const evaluationUi = {
  evaluationUi: {},
};
