// Placeholder until the area is built: every method answers INTERNAL.
import { ApiError } from '../../../shared/contract/errors.ts';
import { ledgerMethods } from '../../../shared/contract/ledger.ts';
import type { Handlers } from './handlers.ts';

const notBuilt = () => { throw new ApiError('INTERNAL', 'Belum tersedia.'); };
export const ledgerHandlers = Object.fromEntries(Object.keys(ledgerMethods).map((name) => [name, notBuilt])) as unknown as Pick<Handlers, keyof typeof ledgerMethods>;
