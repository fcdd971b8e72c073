import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApiError, type ErrorCode } from '../../shared/contract/errors.ts';
import type { JobEvent } from '../../shared/contract/jobs.ts';
import type { CallOutcome } from './backend.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

export interface BackendClient {
  call(method: string, input: unknown, sessionToken: string | null): Promise<CallOutcome>;
  onJobEvent(listener: (event: JobEvent) => void): () => void;
  close(): Promise<void>;
}

/**
 * From the TypeScript sources (tests, `npm run bench`) the worker loads through tsx; in the
 * built app it is the bundled worker.cjs beside the main bundle.
 */
function spawnWorker(dataDir: string): Worker {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    // The ESM build of tsx's API (require.resolve would pick the CommonJS one).
    const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    const tsx = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
    const entry = pathToFileURL(path.join(path.dirname(here), 'worker.ts')).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(boot, { eval: true, workerData: { dataDir } });
  }
  return new Worker(path.join(path.dirname(here), 'worker.cjs'), { workerData: { dataDir } });
}

/** How long closing waits for a backup in progress before the worker is stopped anyway. */
const CLOSE_WAIT_MS = 30_000;

export function startBackendWorker(dataDir: string): Promise<BackendClient> {
  const worker = spawnWorker(dataDir);
  const pending = new Map<number, (outcome: CallOutcome) => void>();
  const listeners = new Set<(event: JobEvent) => void>();
  let nextId = 1;
  let closed = () => {};

  const client: BackendClient = {
    call(method, input, sessionToken) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ type: 'call', id, method, input, sessionToken } satisfies ToWorker);
      });
    },
    onJobEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      // Ask the backend to finish a backup in progress and close the database; do not wait forever.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, CLOSE_WAIT_MS);
        worker.once('exit', () => { clearTimeout(timer); resolve(); });
        closed = () => { clearTimeout(timer); resolve(); };
        worker.postMessage({ type: 'close' } satisfies ToWorker);
      });
      await worker.terminate();
    },
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready': resolve(client); break;
        case 'fatal': reject(new ApiError(message.error.code as ErrorCode, message.error.message)); void worker.terminate(); break;
        case 'result': pending.get(message.id)?.(message.outcome); pending.delete(message.id); break;
        case 'job': for (const l of listeners) l(message.event); break;
        case 'closed': closed(); break;
      }
    });
    worker.on('error', (err) => {
      reject(err);
      // A crashed backend answers every waiting call, so no window hangs on a promise.
      for (const [id, done] of pending) {
        done({ result: { ok: false, error: { code: 'INTERNAL', message: 'Layanan Bangkom berhenti tiba-tiba. Tutup dan buka kembali aplikasi.' } } });
        pending.delete(id);
      }
    });
  });
}
