// Reports as PDF and XLSX: realisasi program, pencapaian 20 JP, evaluasi per kegiatan, the
// SIASN sheet, and one employee's riwayat. The figures are gathered in electron/backend/reports,
// laid out by the pure builders of shared/pdf/reports, written as XLSX by reports/xlsx.ts.
import { ApiError } from '../../../shared/contract/errors.ts';
import type { ParsedInput } from '../../../shared/contract/index.ts';
import { evaluasiDoc } from '../../../shared/pdf/reports/evaluasi.ts';
import { historyDoc } from '../../../shared/pdf/reports/history.ts';
import { jpDoc } from '../../../shared/pdf/reports/jp.ts';
import { realisasiDoc } from '../../../shared/pdf/reports/realisasi.ts';
import type { ServiceContext } from './context.ts';
import type { Handlers } from './handlers.ts';
import { fileSlug, pdfFile } from './documents.ts';
import { evaluasiReport, evaluasiSheets } from '../reports/evaluasi.ts';
import { renderReport, reportFrame } from '../reports/frame.ts';
import { historyReport, historySheet } from '../reports/history.ts';
import { jpReport, jpSheets } from '../reports/jp.ts';
import { realisasiReport, realisasiSheet } from '../reports/realisasi.ts';
import { siasnRows, siasnSheets } from '../reports/siasn.ts';
import { writeWorkbook, xlsxFile, type XSheet } from '../reports/xlsx.ts';
import type { TailLayout } from '../../../shared/pdf/reports/common.ts';
import type { ReportFrame } from '../../../shared/pdf/reports/types.ts';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

type Ctx = Pick<ServiceContext, 'db' | 'now'>;
type FileInput = ParsedInput<'reports.file'>;

/** What a report is made of: its file name, its PDF, its sheets. */
interface Made {
  base: string;
  pdf?: (frame: ReportFrame, layout: TailLayout) => TDocumentDefinitions;
  sheets: (officeName: string) => XSheet[];
}

function make(input: FileInput, ctx: Ctx, officeName: string): Made {
  const { year } = input;
  const now = ctx.now();
  switch (input.kind) {
    case 'realisasi': {
      const r = realisasiReport(ctx.db, year, now);
      return { base: `laporan-realisasi-program-${year}`, pdf: (f, l) => realisasiDoc(f, r, l), sheets: (o) => [realisasiSheet(r, o)] };
    }
    case 'jp': {
      const r = jpReport(ctx.db, { year, unitId: input.unitId }, now);
      const base = `laporan-pencapaian-jp-${year}${r.unit ? `-${fileSlug(r.unit)}` : ''}`;
      return { base, pdf: (f, l) => jpDoc(f, r, l), sheets: (o) => jpSheets(r, o) };
    }
    case 'evaluasi': {
      const r = evaluasiReport(ctx.db, { year, eventId: input.eventId }, now);
      const base = `laporan-evaluasi-${year}${input.eventId && r.events[0] ? `-${fileSlug(r.events[0].name)}` : ''}`;
      return { base, pdf: (f, l) => evaluasiDoc(f, r, l), sheets: () => evaluasiSheets(r) };
    }
    case 'siasn': {
      // The upload is a sheet: refused as PDF before anything is gathered.
      if (input.format === 'pdf') throw ApiError.field(['format'], 'reports.siasn_xlsx_only');
      const rows = siasnRows(ctx.db, year, now, officeName);
      return { base: `siasn-riwayat-kursus-${year}`, sheets: () => siasnSheets(rows, year) };
    }
  }
}

async function output(m: Made, format: 'pdf' | 'xlsx', frame: ReportFrame) {
  if (format === 'xlsx') return xlsxFile(`${m.base}.xlsx`, await writeWorkbook(m.sheets(frame.office.name)));
  return pdfFile(`${m.base}.pdf`, await renderReport((layout) => m.pdf!(frame, layout)));
}

export const reportHandlers = {
  'reports.file': async (input, ctx) => {
    const frame = reportFrame(ctx.db, ctx.now());
    return output(make(input, ctx, frame.office.name), input.format, frame);
  },

  'reports.history': async ({ employeeId, year, format }, ctx) => {
    const frame = reportFrame(ctx.db, ctx.now());
    const r = historyReport(ctx.db, { employeeId, year }, ctx.now(), frame.office.name);
    const base = `riwayat-pengembangan-kompetensi-${fileSlug(r.person.name)}${year ? `-${year}` : ''}`;
    return output({ base, pdf: (f, l) => historyDoc(f, r, l), sheets: (o) => [historySheet(r, o)] }, format, frame);
  },
} satisfies Pick<Handlers, 'reports.file' | 'reports.history'>;
