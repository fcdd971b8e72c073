import { z } from 'zod';
import { method } from './define.ts';
import { empty, instant } from './common.ts';

export const systemMethods = {
  'system.status': method({
    access: 'public',
    input: empty,
    output: z.object({ setupDone: z.boolean(), version: z.string(), officeName: z.string().nullable() }),
  }),
  /** A trivial authenticated call: health checks and the round-trip benchmarks. */
  'system.ping': method({
    access: 'user',
    input: empty,
    output: z.object({ pong: z.literal(true), at: instant }),
  }),
};
