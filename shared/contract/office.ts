import { z } from 'zod';
import { method } from './define.ts';
import { empty, id, nip, optionalText, syncFields, text, timezone } from './common.ts';
import { newUser } from './users.ts';
import { sessionUser } from './auth.ts';

export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

const signer = z.object({ name: text(120), nip, title: text(120) });

const officeFields = {
  name: text(120),
  address: optionalText(300),
  timezone,
  signer,
};

export const office = z.object({
  ...syncFields,
  code: z.string(),
  regionCode: z.string(),
  provinceName: z.string(),
  regencyName: z.string(),
  districtName: z.string(),
  name: z.string(),
  address: z.string(),
  timezone,
  signer: z.object({ name: z.string(), nip: z.string(), title: z.string() }),
  hasLogo: z.boolean(),
  /** A kecamatan, or the city's BKPSDM that receives the kecamatan's batches (region code `16.71`). */
  kind: z.enum(['kecamatan', 'kota']).optional(),
});
export type Office = z.infer<typeof office>;

export const unitKind = z.enum(['kantor', 'kelurahan', 'desa']);
export const unit = z.object({
  ...syncFields,
  code: z.string().nullable(),
  name: z.string(),
  kind: unitKind,
  active: z.boolean(),
});
export type Unit = z.infer<typeof unit>;

const logo = z.object({
  mimeType: z.enum(LOGO_TYPES, { error: 'validation.logo_type' }),
  // Only a guard against huge requests: the exact byte limit is checked after decoding, where
  // the error can name the logo and its limit.
  dataBase64: z.string().max(LOGO_MAX_BYTES * 4, 'validation.logo_too_large'),
});

export const officeMethods = {
  /**
   * First run: the office, its units and (through the app) the first admin, who is logged in.
   * The CLI may set the office up without an admin and add one with `users add`.
   */
  'office.setup': method({
    access: 'public',
    input: z.object({
      /** A kecamatan's code (`16.71.14`), or for a city office its kota/kabupaten's (`16.71`). */
      regionCode: z.string().regex(/^\d{2}\.\d{2}(\.\d{2})?$/, 'validation.region'),
      kind: z.enum(['kecamatan', 'kota']).default('kecamatan'),
      ...officeFields,
      admin: newUser.omit({ role: true }).optional(),
    }).refine((o) => (o.kind === 'kota') === (o.regionCode.length === 5), { path: ['regionCode'], message: 'validation.region' }),
    output: z.object({ office, user: sessionUser.nullable() }),
  }),
  'office.get': method({ access: 'user', input: empty, output: office }),
  'office.update': method({ access: 'admin', input: z.object(officeFields), output: office }),
  'office.setLogo': method({ access: 'admin', input: logo, output: office }),
  'office.removeLogo': method({ access: 'admin', input: empty, output: office }),
  'office.logo': method({ access: 'user', input: empty, output: logo.nullable() }),

  'units.list': method({ access: 'user', input: z.object({ includeInactive: z.boolean().default(false) }), output: z.array(unit) }),
  'units.create': method({
    access: 'admin',
    input: z.object({ name: text(120), kind: unitKind.default('kantor'), code: z.string().trim().max(20).nullable().default(null) }),
    output: unit,
  }),
  'units.update': method({
    access: 'admin',
    input: z.object({ id, name: text(120), code: z.string().trim().max(20).nullable().default(null) }),
    output: unit,
  }),
  'units.setActive': method({ access: 'admin', input: z.object({ id, active: z.boolean() }), output: unit }),
};
