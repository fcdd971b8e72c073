// The IPC door, free of Electron imports so tests and benchmarks call it as main does.
import type { CallResult } from '../../shared/contract/errors.ts';
import type { BackendClient } from '../backend/worker-client.ts';

export const APP_ORIGIN = 'app://bangkom';
export const CALL_CHANNEL = 'bangkom:call';
export const JOB_CHANNEL = 'bangkom:job';

/** The parts of Electron's IpcMainInvokeEvent the door looks at. */
export interface IpcEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/** Only the app's own top frame, loaded from the app protocol, may call (VS Code validates senders likewise). */
export function isTrustedSender(event: IpcEventLike, appOrigin = APP_ORIGIN): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  // A prefix check: for a custom scheme, URL.origin is "null" for every URL, so it proves nothing.
  return frame.url.startsWith(`${appOrigin}/`);
}

/**
 * Checks the sender, then forwards to the backend worker, whose dispatch checks the input against
 * the contract (once, for every door). Sessions live here, one per window, so the renderer never
 * holds a token.
 */
export function createIpcHandler(backend: BackendClient, appOrigin = APP_ORIGIN) {
  const sessions = new Map<number, string>();
  const handler = async (event: IpcEventLike, method: unknown, input: unknown): Promise<CallResult> => {
    if (!isTrustedSender(event, appOrigin)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Panggilan dari sumber yang tidak dikenal ditolak.' } };
    }
    const windowId = event.sender.id;
    const outcome = await backend.call(String(method), input, sessions.get(windowId) ?? null);
    if (typeof outcome.session === 'string') sessions.set(windowId, outcome.session);
    else if (outcome.session === null) sessions.delete(windowId);
    return outcome.result;
  };
  return Object.assign(handler, { forgetWindow: (windowId: number) => sessions.delete(windowId) });
}
