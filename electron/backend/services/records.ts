// Placeholder until the area is built: every method answers INTERNAL.
import { ApiError } from '../../../shared/contract/errors.ts';
import { recordMethods } from '../../../shared/contract/records.ts';
import type { Handlers } from './handlers.ts';

const notBuilt = () => { throw new ApiError('INTERNAL', 'Belum tersedia.'); };
export const recordHandlers = Object.fromEntries(Object.keys(recordMethods).map((name) => [name, notBuilt])) as unknown as Pick<Handlers, keyof typeof recordMethods>;
