import type { z } from 'zod';

/**
 * Who may call a method. The backend dispatcher enforces it for every door:
 * `public` needs no session, `user` any active account, `admin` the admin role.
 */
export type Access = 'public' | 'user' | 'admin';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}
