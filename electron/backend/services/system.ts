import pkg from '../../../package.json' with { type: 'json' };
import { ApiError } from '../../../shared/contract/errors.ts';
import { checkDatabase } from '../db/check.ts';
import { recordEvent } from '../db/repos/changes.ts';
import { listAudit } from '../db/repos/audit.ts';
import { getOffice } from '../db/repos/office.ts';
import { nextTurn } from '../jobs/runner.ts';
import { nowIso } from './context.ts';
import type { Handlers } from './handlers.ts';
import { writeTransaction } from '../db/transaction.ts';

export const VERSION: string = pkg.version;

export const systemHandlers = {
  'system.status': (_input, ctx) => {
    const office = getOffice(ctx.db);
    return { setupDone: office !== null, version: VERSION, officeName: office?.name ?? null };
  },
  'system.ping': (_input, ctx) => ({ pong: true as const, at: nowIso(ctx) }),

  'audit.list': (input, ctx) => {
    const entries = listAudit(ctx.db, input);
    const last = entries[entries.length - 1];
    return { entries, nextBefore: entries.length === input.limit && last ? last.seq : null };
  },

  'jobs.get': ({ jobId }, ctx) => ctx.jobs.get(jobId, ctx.actor?.userId ?? null),
  'jobs.cancel': ({ jobId }, ctx) => ctx.jobs.cancel(jobId, ctx.actor?.userId ?? null),

  'maintenance.check': (_input, ctx) => {
    const { db, actor } = ctx;
    const job = ctx.jobs.start('maintenance.check', actor?.userId ?? null, async ({ progress, signal }) => {
      progress(0, 2, 'integrity');
      await nextTurn();
      if (signal.aborted) throw new ApiError('JOB_CANCELLED', 'Dibatalkan.');
      const report = checkDatabase(db);
      progress(2, 2, 'done');
      writeTransaction(db, () => recordEvent(db, { at: nowIso(ctx), actor }, 'maintenance.check', { ok: report.ok }));
      return report;
    });
    return { jobId: job.jobId };
  },
} satisfies Partial<Handlers>;
