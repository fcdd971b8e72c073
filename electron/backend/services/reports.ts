// Placeholder until the area is built: every method answers INTERNAL.
import { ApiError } from '../../../shared/contract/errors.ts';
import { reportMethods } from '../../../shared/contract/reports.ts';
import type { Handlers } from './handlers.ts';

const notBuilt = () => { throw new ApiError('INTERNAL', 'Belum tersedia.'); };
export const reportHandlers = Object.fromEntries(Object.keys(reportMethods).map((name) => [name, notBuilt])) as unknown as Pick<Handlers, keyof typeof reportMethods>;
