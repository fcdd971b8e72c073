import { PlannedArea } from '../placeholder/PlannedArea.tsx';

/** Capaian JP: the 20 JP ledger, outside training records, charts and reports. */
export function LedgerArea() {
  return <PlannedArea area="ledger" />;
}
