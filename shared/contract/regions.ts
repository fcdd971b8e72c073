import { z } from 'zod';
import { method } from './define.ts';
import { empty } from './common.ts';

const area = z.object({ code: z.string(), name: z.string() });
export type Area = z.infer<typeof area>;

// Public: the region pickers are used on first run, before any account exists.
export const regionMethods = {
  'regions.provinces': method({ access: 'public', input: empty, output: z.array(area) }),
  'regions.regencies': method({
    access: 'public',
    input: z.object({ provinceCode: z.string().regex(/^\d{2}$/, 'validation.region') }),
    output: z.array(area),
  }),
  'regions.districts': method({
    access: 'public',
    input: z.object({ regencyCode: z.string().regex(/^\d{2}\.\d{2}$/, 'validation.region') }),
    output: z.array(area),
  }),
  'regions.villages': method({
    access: 'public',
    input: z.object({ districtCode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'validation.region') }),
    output: z.array(area),
  }),
};
