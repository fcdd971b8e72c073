import { z } from 'zod';
import { method } from './define.ts';
import { id } from './common.ts';
import { funding, year } from './programme.ts';

// The 20 JP ledger: per employee per year, JP from the office's events (credited when the event
// is finished and the participant completed it) plus external records, against the target.

export const ledgerFilter = z.object({
  year,
  unitId: id.optional(),
  golongan: z.string().max(10).optional(),
  employmentType: z.enum(['pns', 'pppk']).optional(),
  /** Only those whose realised JP is below their target. */
  behind: z.boolean().default(false),
});
export type LedgerFilter = z.input<typeof ledgerFilter>;

export const ledgerRow = z.object({
  employeeId: z.string(),
  nip: z.string(),
  name: z.string(),
  unitId: z.string().nullable(),
  unit: z.string().nullable(),
  golongan: z.string().nullable(),
  employmentType: z.enum(['pns', 'pppk']),
  /** JP of the office's events completed this year. */
  eventJp: z.number(),
  /** JP of external records this year, and the part not yet verified by an admin. */
  externalJp: z.number(),
  unverifiedJp: z.number(),
  /** eventJp + externalJp. */
  jp: z.number(),
  /** JP of this year's sessions of events the person is enrolled in and that are not finished yet. */
  planned: z.number(),
  /** jp + planned. */
  projection: z.number(),
  target: z.number(),
  /** How much is missing: max(0, target − jp). */
  gap: z.number(),
});
export type LedgerRow = z.infer<typeof ledgerRow>;

export const ledgerTotals = z.object({
  employees: z.number().int(),
  reached: z.number().int(),
  behind: z.number().int(),
  /** Behind today, but reaching the target with what is planned. */
  reachedByProjection: z.number().int(),
  jp: z.number(),
  gapTotal: z.number(),
  averageJp: z.number(),
});

export const ledgerYear = z.object({
  year: z.number().int(),
  targets: z.object({ pns: z.number(), pppk: z.number() }),
  /** Sorted by gap, largest first, then name. */
  rows: z.array(ledgerRow),
  /** Per unit (null: people without a unit), over all active employees of the filter but `behind`. */
  units: z.array(ledgerTotals.extend({ unitId: z.string().nullable(), unit: z.string().nullable() })),
  office: ledgerTotals,
});
export type LedgerYear = z.infer<typeof ledgerYear>;

export const ledgerCharts = z.object({
  year: z.number().int(),
  target: z.number(),
  /** JP realised per unit per month (1–12), by the session's or record's start month. */
  unitMonths: z.array(z.object({ unitId: z.string().nullable(), unit: z.string(), months: z.array(z.number()) })),
  /** How many people have JP in each band: 0, 1–4, 5–9, … up to target and beyond. */
  distribution: z.array(z.object({ from: z.number(), to: z.number().nullable(), people: z.number().int() })),
  /** Programme plan against realisation per funding source. */
  funding: z.array(z.object({
    funding,
    plannedItems: z.number().int(), realisedItems: z.number().int(),
    plannedJp: z.number(), realisedJp: z.number(),
    budget: z.number(), spent: z.number(),
  })),
});
export type LedgerCharts = z.infer<typeof ledgerCharts>;

export const ledgerMethods = {
  'ledger.year': method({ access: 'user', input: ledgerFilter, output: ledgerYear }),
  'ledger.charts': method({ access: 'user', input: z.object({ year }), output: ledgerCharts }),
};
