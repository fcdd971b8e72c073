import { exportBatch, listBatches, pendingCounts } from '../batches/export.ts';
import { requireOffice } from './office.ts';
import type { Handlers } from './handlers.ts';

export const batchHandlers = {
  'batch.pending': (_input, ctx) => {
    requireOffice(ctx.db);
    const { since, full, counts, total } = pendingCounts(ctx.db);
    return { since, full, counts, total };
  },
  'batch.export': (input, ctx) => {
    requireOffice(ctx.db);
    return exportBatch(ctx.db, ctx.dataDir, ctx.now(), { full: input.full });
  },
  'batch.list': (_input, ctx) => {
    requireOffice(ctx.db);
    return listBatches(ctx.db);
  },
} satisfies Pick<Handlers, 'batch.pending' | 'batch.export' | 'batch.list'>;
