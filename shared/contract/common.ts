import { z } from 'zod';
import { parseNip } from '../domain/nip.ts';
import { TIMEZONES } from '../domain/timezone.ts';

// Messages in schemas are message keys (shared/i18n); the UI and the CLI translate them.

export const empty = z.object({}).strict();

export const id = z.string().uuid('validation.id');

export function text(max: number) {
  return z.string().trim().min(1, 'validation.required').max(max, 'validation.too_long');
}

export function optionalText(max: number) {
  return z.string().trim().max(max, 'validation.too_long').default('');
}

/** A file the backend made, for the door to save (XLSX, CSV, PDF). */
export const exportedFile = z.object({ fileName: z.string(), mimeType: z.string(), dataBase64: z.string() });

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date');
export const instant = z.string(); // UTC ISO-8601, produced by the backend

/** A NIP or NI PPPK typed any common way; comes out as 18 digits. */
export const nip = z.string().transform((raw, ctx) => {
  const result = parseNip(raw);
  if (!result.ok) {
    for (const e of result.errors) ctx.addIssue({ code: 'custom', message: e.code, params: e.params });
    return z.NEVER;
  }
  return result.nip.digits;
});

export const timezone = z.enum(TIMEZONES, { error: 'validation.timezone' });

export const username = z.string().trim().toLowerCase().min(1, 'validation.required')
  .regex(/^[a-z0-9._-]{3,32}$/, 'validation.username');

export const PASSWORD_MIN_LENGTH = 8;
export const password = z.string()
  .min(PASSWORD_MIN_LENGTH, 'validation.password_too_short')
  .max(200, 'validation.too_long');

export const role = z.enum(['admin', 'operator']);
export type Role = z.infer<typeof role>;

/** Sync-ready fields every business row carries. */
export const syncFields = {
  id,
  createdAt: instant,
  updatedAt: instant,
  updatedBy: z.string().nullable(),
  origin: z.string(),
};

export const jobStarted = z.object({ jobId: z.string() });
