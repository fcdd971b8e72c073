// The backend's messages about training records (`records.*`).
export const records = {
  records: {},
};
