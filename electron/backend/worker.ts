import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../shared/contract/errors.ts';
import { createBackend } from './backend.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

// The backend in its own thread: SQLite and long jobs never block the window's main process.
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);

try {
  const backend = createBackend({ dataDir: (workerData as { dataDir: string }).dataDir, autoBackup: true, processKind: 'app', autoSend: true });
  backend.onJobEvent((event) => send({ type: 'job', event }));
  port.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      // A backup in progress is finished first; then the database is closed cleanly.
      void backend.settled().then(() => { backend.close(); send({ type: 'closed' }); });
      return;
    }
    if (message.type !== 'call') return;
    void backend.call(message.method, message.input, { door: 'ipc', sessionToken: message.sessionToken })
      .then((outcome) => send({ type: 'result', id: message.id, outcome }));
  });
  send({ type: 'ready' });
} catch (err) {
  const error = err instanceof ApiError ? { code: err.code, message: err.message } : { code: 'INTERNAL', message: String((err as Error).message) };
  send({ type: 'fatal', error });
}
