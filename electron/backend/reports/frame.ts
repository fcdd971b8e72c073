// The office as every report prints it, and the rendering of a report whose runs of rows must
// each share a page (shared/pdf/reports/common.ts TailLayout).
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { TailLayout } from '../../../shared/pdf/reports/common.ts';
import type { ReportFrame } from '../../../shared/pdf/reports/types.ts';
import type { Db } from '../db/open.ts';
import { getOffice } from '../db/repos/office.ts';
import { renderPdf } from '../pdf/render.ts';
import { officeForDocuments, todayLong } from '../services/documents.ts';

export function reportFrame(db: Db, now: Date): ReportFrame {
  const office = officeForDocuments(db);
  return {
    office: { name: office.name, address: office.address, regency: getOffice(db)?.regencyName ?? '', logoDataUrl: office.logoDataUrl, signer: office.signer },
    placeDate: `${office.place ? `${office.place}, ` : ''}${todayLong(now, office.timezone)}`,
  };
}

/** Beyond this much layout time, the remaining tears are all moved in one last pass. */
const PASS_BUDGET_MS = 1500;

/**
 * Lays the document out, then again with a new page before the first run of rows the layout tore
 * apart (TailLayout), since moving it moves all that follows; until none is torn. A long document
 * (or one torn in many places) has its remaining tears all moved at once in a last pass.
 */
export async function renderReport(build: (layout: TailLayout) => TDocumentDefinitions): Promise<Buffer> {
  const breaks = new Set<string>();
  const started = performance.now();
  for (let pass = 0; ; pass++) {
    const torn = new Map<string, boolean>();
    const pdf = await renderPdf(build({ breaks, probe: (at, fits) => { torn.set(at, !fits); } }));
    const added = [...torn].filter(([at, isTorn]) => isTorn && !breaks.has(at)).map(([at]) => at);
    if (added.length === 0) return pdf;
    if (pass < 3 && performance.now() - started < PASS_BUDGET_MS) {
      breaks.add(added[0]!);
      continue;
    }
    for (const at of added) breaks.add(at);
    return renderPdf(build({ breaks }));
  }
}
