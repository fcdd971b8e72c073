// Placeholder until the area is built: every method answers INTERNAL.
import { ApiError } from '../../../shared/contract/errors.ts';
import { evaluationMethods } from '../../../shared/contract/evaluation.ts';
import type { Handlers } from './handlers.ts';

const notBuilt = () => { throw new ApiError('INTERNAL', 'Belum tersedia.'); };
export const evaluationHandlers = Object.fromEntries(Object.keys(evaluationMethods).map((name) => [name, notBuilt])) as unknown as Pick<Handlers, keyof typeof evaluationMethods>;
