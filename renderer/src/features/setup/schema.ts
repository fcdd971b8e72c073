import { z } from 'zod';
import { contract } from '../../../../shared/contract/index.ts';

const setupInput = contract['office.setup'].input;

/**
 * The contract's `office.setup` input, with what the wizard adds: the province and
 * kabupaten/kota pickers, a first admin that is required here, and the repeated password.
 * A city office's region is its kabupaten/kota: see `officeRegion`.
 */
export const setupSchema = setupInput.safeExtend({
  provinceCode: z.string().min(1, 'validation.required'),
  regencyCode: z.string().min(1, 'validation.required'),
  regionCode: z.string().min(1, 'validation.required').pipe(setupInput.shape.regionCode),
  admin: setupInput.shape.admin.unwrap()
    .extend({ passwordRepeat: z.string() })
    .refine((a) => a.password === a.passwordRepeat, { path: ['passwordRepeat'], message: 'validation.password_mismatch' }),
});

export type SetupValues = z.input<typeof setupSchema>;

/**
 * The values as the office will be set up: a kecamatan office on the kecamatan picked, a city
 * office (BKPSDM) on its kabupaten/kota, which has no kecamatan picker to fill.
 */
export function officeRegion(values: SetupValues): SetupValues {
  return values.kind === 'kota' ? { ...values, regionCode: values.regencyCode } : values;
}
