import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isMethodName, methodNames } from '../../shared/contract/index.ts';
import type { CallResult } from '../../shared/contract/errors.ts';
import type { JobEvent } from '../../shared/contract/jobs.ts';
import { CALL_CHANNEL, JOB_CHANNEL } from '../main/ipc-handler.ts';

// window.api: `call` plus one function per contract method; nothing else of Electron leaks through.
function call(method: string, input: unknown): Promise<CallResult> {
  if (!isMethodName(method)) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${method}` } });
  return ipcRenderer.invoke(CALL_CHANNEL, method, input) as Promise<CallResult>;
}

const api: Record<string, unknown> = {
  call,
  onJobEvent(listener: (event: JobEvent) => void): () => void {
    const wrapped = (_e: IpcRendererEvent, event: JobEvent) => listener(event);
    ipcRenderer.on(JOB_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(JOB_CHANNEL, wrapped);
  },
};
for (const name of methodNames) api[name] = (input: unknown) => call(name, input);

contextBridge.exposeInMainWorld('api', api);
