import { beforeAll, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../shared/contract/index.ts';

// Electron cannot run here; the preload is checked against a recording stand-in for its two APIs.
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (_channel: string, method: string) => ({ ok: true, value: method }));
const listeners = new Map<string, (...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => { exposed[key] = value; } },
  ipcRenderer: {
    invoke,
    on: (channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, fn),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

describe('preload', () => {
  beforeAll(async () => {
    await import('../../electron/preload/preload.ts');
  });

  it('exposes window.api with call, onJobEvent and one function per contract method', () => {
    const api = exposed.api as Record<string, unknown>;
    expect(typeof api.call).toBe('function');
    expect(typeof api.onJobEvent).toBe('function');
    for (const name of methodNames) expect(typeof api[name], name).toBe('function');
  });

  it('sends contract methods over the one channel and refuses unknown ones locally', async () => {
    const api = exposed.api as { call: (m: string, i: unknown) => Promise<unknown>; 'system.status': (i: unknown) => Promise<unknown> };
    await expect(api['system.status']({})).resolves.toEqual({ ok: true, value: 'system.status' });
    expect(invoke).toHaveBeenLastCalledWith('bangkom:call', 'system.status', {});
    invoke.mockClear();
    await expect(api.call('fs.readFile', { path: '/etc/passwd' })).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('delivers job events and unsubscribes', () => {
    const api = exposed.api as { onJobEvent: (fn: (e: unknown) => void) => () => void };
    const seen: unknown[] = [];
    const off = api.onJobEvent((e) => seen.push(e));
    listeners.get('bangkom:job')?.({}, { jobId: 'j1', state: 'done' });
    expect(seen).toEqual([{ jobId: 'j1', state: 'done' }]);
    off();
    expect(listeners.has('bangkom:job')).toBe(false);
  });
});
