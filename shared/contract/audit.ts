import { z } from 'zod';
import { method } from './define.ts';
import { instant } from './common.ts';

export const auditEntry = z.object({
  seq: z.number().int(),
  at: instant,
  userId: z.string().nullable(),
  username: z.string(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  /** Field → [old, new] for changes; free data for other actions. */
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditMethods = {
  'audit.list': method({
    access: 'admin',
    input: z.object({
      limit: z.number().int().min(1).max(500).default(100),
      before: z.number().int().optional(),
      entity: z.string().optional(),
      entityId: z.string().optional(),
    }),
    output: z.object({ entries: z.array(auditEntry), nextBefore: z.number().int().nullable() }),
  }),
};
