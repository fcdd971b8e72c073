import { createApi, type Transport } from '../../shared/contract/client.ts';
import type { CallResult } from '../../shared/contract/errors.ts';
import type { JobEvent } from '../../shared/contract/jobs.ts';

/** What the Electron preload exposes as `window.api`: the same `call` the HTTP transport offers. */
export interface BridgeApi {
  call(method: string, input: unknown): Promise<CallResult>;
  onJobEvent(listener: (event: JobEvent) => void): () => void;
}

declare global {
  interface Window {
    api?: BridgeApi;
  }
}

const networkError: CallResult = { ok: false, error: { code: 'INTERNAL', message: 'errors.NETWORK', details: { network: true } } };

/** `bangkom serve`: POST /api/<method>, session in an HttpOnly cookie, job progress as SSE. */
export const httpTransport: Transport = {
  async call(method, input) {
    try {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
      return (await response.json()) as CallResult;
    } catch {
      return networkError;
    }
  },
  subscribeJob(jobId, onEvent) {
    const source = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
    source.addEventListener('job', (e) => {
      const event = JSON.parse((e as MessageEvent<string>).data) as JobEvent;
      onEvent(event);
      if (event.state !== 'running') source.close();
    });
    return () => source.close();
  },
};

function bridgeTransport(bridge: BridgeApi): Transport {
  return {
    call: (method, input) => bridge.call(method, input),
    subscribeJob(jobId, onEvent) {
      return bridge.onJobEvent((event) => { if (event.jobId === jobId) onEvent(event); });
    },
  };
}

export const transport: Transport = typeof window !== 'undefined' && window.api ? bridgeTransport(window.api) : httpTransport;

const expiryListeners = new Set<() => void>();

/**
 * Called whenever any call answers UNAUTHENTICATED (idle timeout, deactivated account, reset
 * password): the app reacts once, here, instead of every screen checking for it.
 */
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

const watchedTransport: Transport = {
  async call(method, input) {
    const result = await transport.call(method, input);
    if (!result.ok && result.error.code === 'UNAUTHENTICATED') for (const listener of expiryListeners) listener();
    return result;
  },
  subscribeJob: (jobId, onEvent) => transport.subscribeJob(jobId, onEvent),
};

/** The typed API, the same over Electron IPC and HTTP. Methods throw `ApiError`. */
export const api = createApi(watchedTransport);
