import type { JobEvent } from '../../shared/contract/jobs.ts';
import type { CallOutcome } from './backend.ts';

/** Messages between the Electron main thread and the backend worker. */
export type ToWorker =
  | { type: 'call'; id: number; method: string; input: unknown; sessionToken: string | null }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; error: { code: string; message: string } }
  | { type: 'result'; id: number; outcome: CallOutcome }
  | { type: 'job'; event: JobEvent }
  | { type: 'closed' };
