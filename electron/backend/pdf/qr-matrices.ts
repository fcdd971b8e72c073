import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import QRCode from 'qrcode';
import { QR_ECL, type QrMatrix } from '../../../shared/pdf/certificate-layout.ts';

/** A Bangkom code is base45, exactly QR's alphanumeric alphabet: 5.5 bits a character, not 8. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;

type Ecl = 'L' | 'M' | 'Q' | 'H';

/**
 * The QR code of `text` as a module matrix (the qrcode package: segments, Reed–Solomon, and the
 * mask chosen by the standard's penalty rules).
 */
export function qrMatrix(text: string, ecl: Ecl = QR_ECL): QrMatrix {
  const qr = QRCode.create(ALPHANUMERIC.test(text) ? [{ data: text, mode: 'alphanumeric' }] : text, { errorCorrectionLevel: ecl });
  return { size: qr.modules.size, modules: qr.modules.data };
}

/** Below this many codes a worker costs more to start than it saves. */
const WORKER_FROM = 40;

// The same encoding as qrMatrix, in a worker thread: choosing each code's mask (~0.8 ms) is most
// of the work, and it runs on another core while the pages are drawn.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const QRCode = require(workerData.qrcode);
workerData.codes.forEach((text, i) => {
  const qr = QRCode.create(workerData.alphanumeric[i] ? [{ data: text, mode: 'alphanumeric' }] : text, { errorCorrectionLevel: workerData.ecl });
  const modules = new Uint8Array(qr.modules.data);
  parentPort.postMessage({ i, size: qr.modules.size, modules }, [modules.buffer]);
});
`;

/**
 * Every code's matrix, in order, as each becomes ready. A batch is encoded in a worker thread;
 * if the worker cannot start or fails, whatever it has not delivered is encoded here instead,
 * so the result is the same matrices either way.
 */
export function qrMatrices(codes: readonly string[], ecl: Ecl = QR_ECL): Promise<QrMatrix>[] {
  if (codes.length < WORKER_FROM) return codes.map((c) => Promise.resolve(qrMatrix(c, ecl)));
  const settle: ((m: QrMatrix) => void)[] = [];
  const promises = codes.map((_, i) => new Promise<QrMatrix>((resolve) => { settle[i] = resolve; }));
  const done = new Array<boolean>(codes.length).fill(false);
  const deliver = (i: number, m: QrMatrix) => {
    if (done[i]) return;
    done[i] = true;
    settle[i]!(m);
  };
  const fallBack = () => codes.forEach((c, i) => { if (!done[i]) deliver(i, qrMatrix(c, ecl)); });
  let worker: Worker;
  try {
    worker = new Worker(WORKER, {
      eval: true,
      workerData: { qrcode: createRequire(import.meta.url).resolve('qrcode'), codes, alphanumeric: codes.map((c) => ALPHANUMERIC.test(c)), ecl },
    });
  } catch (err) {
    console.error('[certificates] QR worker not started, encoding here instead:', err);
    fallBack();
    return promises;
  }
  worker.on('message', (m: { i: number; size: number; modules: Uint8Array }) => deliver(m.i, { size: m.size, modules: m.modules }));
  worker.once('error', (err) => {
    console.error('[certificates] QR worker failed, encoding here instead:', err);
    fallBack();
  });
  worker.once('exit', fallBack);
  return promises;
}
