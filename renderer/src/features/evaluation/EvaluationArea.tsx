import { PlannedArea } from '../placeholder/PlannedArea.tsx';

/** Evaluasi: reaction summaries, supervisor follow-ups, IKM/SKM results, findings to needs. */
export function EvaluationArea() {
  return <PlannedArea area="evaluation" />;
}
