// Two real data folders for the upload: Kecamatan Plaju (the sender) and BKPSDM Kota Palembang
// with its receiver listening, each trusting the other's key, a TCP proxy between them that can
// cut the connection at the moment a test chooses, and a fake receiver that answers as told.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { startHttpServer, type RunningServer } from '../../electron/server/http.ts';
import type { ReceiverOptions } from '../../electron/server/receiver.ts';
import type { Office } from './city.ts';

export { cityOffice, trust, type Office } from './city.ts';

/**
 * The city's receiver on 127.0.0.1 and a free port; `allowHosts` as `bangkom serve --allow-host`
 * (the name the kecamatan uses when that is not the server's own address, e.g. through a proxy).
 */
export function startReceiver(city: Office, options: ReceiverOptions = {}, allowHosts: string[] = []): Promise<RunningServer> {
  return startHttpServer({ backend: city.t.backend, port: 0, receiver: Object.keys(options).length ? options : true, allowHosts });
}

/** The city's rows, per entity (what a kecamatan's batches brought). */
export const cityRowCount = (city: Office) => city.t.backend.db.prepare('SELECT count(*) FROM city_rows').pluck().get() as number;
export const rowsIn = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Files under `<data>/received/` (relative), sorted. */
export function receivedFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, 'received');
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

/**
 * What the proxy does with the next request: pass it on; cut the connection once `afterBytes` of
 * the request have gone through (the upload's body is cut in the middle); let the request through
 * and cut the connection when the answer starts coming back (the city has imported; the kecamatan
 * never hears it); or take the request and never answer.
 */
export type ProxyMode = { kind: 'pass' } | { kind: 'cut_request'; afterBytes: number } | { kind: 'cut_answer' } | { kind: 'stall' };

export interface CutProxy {
  url: string;
  /** `host:port` of the proxy, for the receiver's --allow-host. */
  host: string;
  /** Where requests go on to (the receiver's address); set once it listens. */
  target: string;
  /** Applies from the next request on; a cut turns the proxy back to `pass`. */
  mode: ProxyMode;
  /** How many connections were cut. */
  cuts: number;
  /** Everything the receiver answered through the proxy, as text. */
  answers: string[];
  /** Called as an answer arrives from the receiver, before it is passed on (to change `mode` at an exact moment). */
  onAnswer?: () => void;
  close(): Promise<void>;
}

export function cutProxy(): Promise<CutProxy> {
  const sockets = new Set<net.Socket>();
  const proxy: CutProxy = { url: '', host: '', target: '', mode: { kind: 'pass' }, cuts: 0, answers: [], close: async () => undefined };
  const server = net.createServer((client) => {
    const target = new URL(proxy.target);
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    let sent = 0;
    let counting = false;
    const cut = () => {
      proxy.cuts++;
      proxy.mode = { kind: 'pass' };
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      const mode = proxy.mode;
      if (mode.kind === 'stall') return;
      if (mode.kind !== 'cut_request') {
        counting = false;
        upstream.write(chunk);
        return;
      }
      if (!counting) {
        counting = true;
        sent = 0;
      }
      const room = mode.afterBytes - sent;
      if (chunk.length < room) {
        sent += chunk.length;
        upstream.write(chunk);
        return;
      }
      // The part up to the cut reaches the city, then the line goes dead.
      upstream.write(chunk.subarray(0, room), () => setTimeout(cut, 50));
      sent = mode.afterBytes;
      client.pause();
    });
    upstream.on('data', (chunk: Buffer) => {
      if (proxy.mode.kind === 'cut_answer') {
        cut();
        return;
      }
      proxy.answers.push(chunk.toString('utf8'));
      proxy.onAnswer?.();
      client.write(chunk);
    });
    const end = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      proxy.host = `127.0.0.1:${port}`;
      proxy.url = `http://${proxy.host}`;
      proxy.close = () => new Promise((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      });
      resolve(proxy);
    });
  });
}

export interface FakeRequest { path: string; headers: http.IncomingHttpHeaders; bytes: number }

export interface FakeReceiver {
  url: string;
  /** Every request that reached it, its body counted. */
  requests: FakeRequest[];
  close(): Promise<void>;
}

/**
 * Something listening where a kecamatan sends (a receiver that misbehaves, or a trap): it reads
 * each request whole, keeps what came, and answers as `answer` says.
 */
export function fakeReceiver(answer: (req: FakeRequest, res: http.ServerResponse) => void): Promise<FakeReceiver> {
  const requests: FakeRequest[] = [];
  const server = http.createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => { bytes += chunk.length; });
    req.on('end', () => {
      const got = { path: req.url ?? '', headers: req.headers, bytes };
      requests.push(got);
      res.on('error', () => undefined);
      answer(got, res);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

/** A JSON answer with a status and headers. */
export function answerJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
