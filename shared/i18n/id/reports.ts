// reports' texts (`reports.*`): titles and column names of the PDF and XLSX reports, messages.
export const reports = {
  reports: {},
};
