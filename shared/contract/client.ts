import { ApiError, type CallResult } from './errors.ts';
import { methodNames, type Api } from './index.ts';
import type { JobEvent } from './jobs.ts';

/** What a door offers the UI: one `call` (Actual Budget's `send`), whatever the transport. */
export interface Transport {
  call(method: string, input: unknown): Promise<CallResult>;
  /** Progress events of one job; returns an unsubscribe function. */
  subscribeJob(jobId: string, onEvent: (event: JobEvent) => void): () => void;
}

export function createApi(transport: Transport): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of methodNames) {
    api[name] = async (input: unknown) => {
      const result = await transport.call(name, input ?? {});
      if (!result.ok) throw ApiError.from(result.error);
      return result.value;
    };
  }
  return api as Api;
}

