import { z } from 'zod';
import { method } from './define.ts';
import { jobStarted } from './common.ts';

export const jobState = z.enum(['running', 'done', 'failed', 'cancelled']);

export const jobStatus = z.object({
  jobId: z.string(),
  kind: z.string(),
  state: jobState,
  done: z.number(),
  total: z.number(),
  step: z.string().nullable(),
  result: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type JobStatus = z.infer<typeof jobStatus>;

/** Sent on the progress stream (IPC event or Server-Sent Events) for every change of a job. */
export type JobEvent = JobStatus;

export const integrityReport = z.object({
  ok: z.boolean(),
  integrity: z.array(z.string()),
  foreignKeys: z.array(z.object({ table: z.string(), rowid: z.number().nullable(), parent: z.string() })),
});
export type IntegrityReport = z.infer<typeof integrityReport>;

export const jobMethods = {
  'jobs.get': method({ access: 'user', input: z.object({ jobId: z.string() }), output: jobStatus }),
  'jobs.cancel': method({ access: 'user', input: z.object({ jobId: z.string() }), output: jobStatus }),
  /** Integrity and foreign-key check of the database, as a job (it reads every page). */
  'maintenance.check': method({ access: 'admin', input: z.object({}).strict(), output: jobStarted }),
};
