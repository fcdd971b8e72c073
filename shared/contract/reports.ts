import { z } from 'zod';
import { method } from './define.ts';
import { exportedFile, id } from './common.ts';
import { year } from './programme.ts';
import { REPORT_KINDS } from '../domain/report-kinds.ts';

// Reports that look like Indonesian government documents, as PDF and as XLSX.

export { REPORT_KINDS, type ReportKind } from '../domain/report-kinds.ts';
export const reportKind = z.enum(REPORT_KINDS);
export const reportFormat = z.enum(['pdf', 'xlsx']);

export const reportMethods = {
  /**
   * realisasi: plan vs realisation per programme item and funding source, budget vs spent, cost per
   * JP and per participant; jp: pencapaian 20 JP per unit and per person; evaluasi: per event, the
   * four levels (one event with `eventId`, else every event of the year); siasn: the year's training
   * records as SIASN's riwayat kursus/diklat asks for them (xlsx only; NIP as text).
   */
  'reports.file': method({
    access: 'user',
    input: z.object({ kind: reportKind, year, format: reportFormat, unitId: id.optional(), eventId: id.optional() }),
    output: exportedFile,
  }),
  /** One person's riwayat pengembangan kompetensi over all years (or one), for a promotion file. */
  'reports.history': method({
    access: 'user',
    input: z.object({ employeeId: id, year: year.optional(), format: reportFormat }),
    output: exportedFile,
  }),
};
