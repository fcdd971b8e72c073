import type { z } from 'zod';
import { ApiError, type FieldIssue } from './errors.ts';
import { splitKeyedMessage } from './common.ts';
import { contract, isMethodName, type MethodName, type ParsedInput } from './index.ts';

/** A schema's own message keys start with one of these; other zod issues are keyed by code. */
const KEYED = /^(validation|nip|import|evaluation|records|batches)\./;

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (KEYED.test(issue.message)) {
      // Parameters ride in the message (keyedMessage) or on the issue (ctx.addIssue's params).
      const { key, params: carried } = splitKeyedMessage(issue.message);
      const own = (issue as { params?: FieldIssue['params'] }).params;
      const params = carried || own ? { ...carried, ...own } : undefined;
      return params ? { path, message: key, params } : { path, message: key };
    }
    const params = issueParams(issue);
    return { path, message: `validation.${messageKey(issue, params)}`, params };
  });
}

/** The limits and expected type a zod issue carries, as message parameters. */
export function issueParams(issue: z.core.$ZodRawIssue | z.core.$ZodIssue): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const k of ['minimum', 'maximum', 'expected'] as const) {
    const v = (issue as unknown as Record<string, unknown>)[k];
    if (typeof v === 'number' || typeof v === 'string') params[k] = v;
  }
  return params;
}

/**
 * zod's own codes, told apart where a clerk needs other words: "at least 0", not "too short".
 * Shared with the forms' error map, so a field says the same before and after sending.
 */
export function messageKey(issue: { code?: string; origin?: unknown }, params: Record<string, string | number>): string {
  const origin = issue.origin;
  if ((issue.code === 'too_small' || issue.code === 'too_big') && (origin === 'number' || origin === 'int' || origin === 'bigint')) return `number_${issue.code}`;
  if (issue.code === 'invalid_type' && params.expected === 'int') return 'not_whole_number';
  if (issue.code === 'invalid_type' && params.expected === 'number') return 'not_a_number';
  return issue.code ?? 'invalid';
}

/** The backend's dispatch calls this once for every call, whichever door it came through. */
export function parseInput<M extends MethodName>(name: M, raw: unknown): ParsedInput<M>;
export function parseInput(name: string, raw: unknown): unknown;
export function parseInput(name: string, raw: unknown): unknown {
  if (!isMethodName(name)) throw new ApiError('UNKNOWN_METHOD', `Unknown method: ${name}`);
  const result = contract[name].input.safeParse(raw ?? {});
  if (!result.success) {
    const issues = toFieldIssues(result.error);
    throw new ApiError('VALIDATION', issues[0]?.message ?? 'validation.invalid', { issues });
  }
  return result.data;
}
