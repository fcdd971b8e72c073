import { z } from 'zod';
import { method } from './define.ts';
import { id, optionalText, syncFields, text } from './common.ts';
import { COMPETENCY_TYPES, FUNDING_SOURCES, METHOD_IDS, ORGANISERS } from '../domain/methods.ts';
import { importFileData } from './roster.ts';

export const competencyType = z.enum(COMPETENCY_TYPES, { error: 'validation.invalid_value' });
export const methodId = z.number().int().refine((n) => METHOD_IDS.includes(n), 'validation.method');
export const organiser = z.enum(ORGANISERS);
export const funding = z.enum(FUNDING_SOURCES);
export const year = z.number().int().min(2000, 'validation.year').max(2100, 'validation.year');

export const NEED_SOURCES = ['survei', 'fgd', 'usulan_atasan', 'kesenjangan_kinerja'] as const;
export const PRIORITIES = ['tinggi', 'sedang', 'rendah'] as const;

const needFields = z.object({
  year,
  employeeId: id.nullable().default(null),
  unitId: id.nullable().default(null),
  competencyType,
  topic: text(200),
  source: z.enum(NEED_SOURCES),
  priority: z.enum(PRIORITIES).default('sedang'),
  notes: optionalText(1000),
}).refine((n) => n.employeeId !== null || n.unitId !== null, { message: 'validation.need_target', path: ['employeeId'] });

/** The evaluation finding a need came from (evaluation.createNeed); null for needs entered or imported. */
export const needFinding = z.object({
  kind: z.enum(['reaction', 'learning', 'followup', 'results']),
  eventId: z.string().nullable(),
  id: z.string().nullable(),
});

export const need = z.object({
  ...syncFields,
  year: z.number().int(),
  employeeId: z.string().nullable(),
  employeeName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  competencyType,
  topic: z.string(),
  source: z.enum(NEED_SOURCES),
  priority: z.enum(PRIORITIES),
  notes: z.string(),
  finding: needFinding.nullable(),
});
export type Need = z.infer<typeof need>;

export const PROGRAMME_STATUSES = ['direncanakan', 'terjadwal', 'terlaksana', 'batal'] as const;

const itemFields = z.object({
  year,
  title: text(200),
  competencyType,
  methodId,
  organiser,
  plannedMonth: z.number().int().min(1).max(12),
  targetCount: z.number().int().min(0).max(100000).default(0),
  targetUnitIds: z.array(id).default([]),
  targetEmployeeIds: z.array(id).default([]),
  plannedJp: z.number().min(0).max(1000),
  /** Rupiah, whole. */
  budget: z.number().int().min(0).max(1e13).default(0),
  /** Rupiah, whole: what was actually spent (realisasi anggaran). */
  spent: z.number().int().min(0).max(1e13).default(0),
  funding,
  needIds: z.array(id).default([]),
  notes: optionalText(1000),
});

export const programmeItem = z.object({
  ...syncFields,
  year: z.number().int(),
  title: z.string(),
  competencyType,
  methodId: z.number().int(),
  methodName: z.string(),
  organiser,
  plannedMonth: z.number().int(),
  targetCount: z.number().int(),
  targetUnitIds: z.array(z.string()),
  targetEmployeeIds: z.array(z.string()),
  plannedJp: z.number(),
  budget: z.number(),
  spent: z.number(),
  funding,
  needIds: z.array(z.string()),
  notes: z.string(),
  status: z.enum(PROGRAMME_STATUSES),
});
export type ProgrammeItem = z.infer<typeof programmeItem>;

const totals = z.object({ items: z.number().int(), plannedJp: z.number(), budget: z.number() });

export const programmeSummary = z.object({
  year: z.number().int(),
  total: totals,
  byFunding: z.record(z.string(), totals),
  byCompetencyType: z.record(z.string(), totals),
  /** Plan against realisation for each item, from its events. */
  items: z.array(z.object({
    itemId: z.string(),
    title: z.string(),
    status: z.enum(PROGRAMME_STATUSES),
    plannedMonth: z.number().int(),
    targetCount: z.number().int(),
    plannedJp: z.number(),
    budget: z.number(),
    events: z.number().int(),
    enrolled: z.number().int(),
    completed: z.number().int(),
    /** JP actually delivered per person (sum of the events' session JP). */
    deliveredJp: z.number(),
  })),
});

const needsImport = z.object({
  fileName: z.string().min(1).max(260),
  dataBase64: importFileData,
  sheet: z.string().optional(),
  year,
});

export const programmeMethods = {
  'needs.list': method({ access: 'user', input: z.object({ year: year.optional() }), output: z.array(need) }),
  'needs.create': method({ access: 'user', input: needFields, output: need }),
  'needs.update': method({ access: 'user', input: z.intersection(needFields, z.object({ id })), output: need }),
  'needs.remove': method({ access: 'user', input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),
  /** Needs from a spreadsheet (NIP or unit, jenis kompetensi, topik, sumber, prioritas), through the roster importer's reader. */
  'needs.import': method({
    access: 'user',
    input: needsImport.extend({ dryRun: z.boolean().default(false) }),
    output: z.object({
      rows: z.number().int(), created: z.number().int(),
      errors: z.array(z.object({ row: z.number().int(), field: z.string(), code: z.string(), message: z.string(), params: z.record(z.string(), z.string()).optional() })),
    }),
  }),

  'programme.list': method({ access: 'user', input: z.object({ year }), output: z.array(programmeItem) }),
  'programme.create': method({ access: 'user', input: itemFields, output: programmeItem }),
  'programme.update': method({ access: 'user', input: itemFields.extend({ id }), output: programmeItem }),
  'programme.setStatus': method({ access: 'user', input: z.object({ id, status: z.enum(PROGRAMME_STATUSES) }), output: programmeItem }),
  /** Only an item no event was created from: otherwise it is cancelled (batal) instead. */
  'programme.remove': method({ access: 'user', input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),
  'programme.summary': method({ access: 'user', input: z.object({ year }), output: programmeSummary }),
};

