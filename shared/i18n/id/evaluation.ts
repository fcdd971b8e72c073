// The backend's messages about evaluation (`evaluation.*`).
export const evaluation = {
  evaluation: {},
};
