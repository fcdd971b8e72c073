import { Hono, type Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { methodNames } from '../../shared/contract/index.ts';
import type { CallResult, ErrorCode } from '../../shared/contract/errors.ts';
import type { JobEvent } from '../../shared/contract/jobs.ts';
import type { Backend } from '../backend/backend.ts';
import { CONTENT_SECURITY_POLICY, readStatic } from './static-files.ts';
import { AllowedHosts, OWN_DOOR_METHODS, bodyLimits, hostCheck } from './guards.ts';
import { mountReceiver, type ReceiverOptions } from './receiver.ts';

export const SESSION_COOKIE = 'bangkom_session';

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400, UNKNOWN_METHOD: 404, UNAUTHENTICATED: 401, INVALID_CREDENTIALS: 401, FORBIDDEN: 403,
  NOT_FOUND: 404, CONFLICT: 409, ALREADY_SET_UP: 409, LOGIN_DELAYED: 429, ACCOUNT_LOCKED: 423,
  PAYLOAD_TOO_LARGE: 413, SETUP_REQUIRED: 409, INTERNAL: 500, DB_CORRUPT: 500, DB_TOO_NEW: 500,
  BACKUP_INVALID: 422, BACKUP_OTHER_OFFICE: 409, BACKUP_TOO_NEW: 409, BACKUP_IN_USE: 409, BACKUP_DESTINATION: 422,
  DB_BUSY: 503, DB_LOCKED: 503, DISK_FULL: 507, READ_ONLY: 503,
};

/** The host of an Origin header; null for the opaque origin "null" or anything unparsable. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

const NOT_JSON: CallResult = {
  ok: false,
  error: { code: 'VALIDATION', message: 'validation.json', details: { issues: [{ path: [], message: 'validation.json' }] } },
};

const statusOf = (result: CallResult) => (result.ok ? 200 : STATUS[result.error.code] ?? 400);

function reply(c: Context, result: CallResult) {
  return c.json(result, statusOf(result) as 400);
}

export interface HttpOptions {
  backend: Backend;
  /** Built renderer files; omitted in API-only tests. */
  staticDir?: string;
  /** The Host header values answered; every other one gets 421 (startHttpServer fills in the port). */
  hosts: AllowedHosts;
  /**
   * The city's receiver (`bangkom serve --receiver`): `POST /api/batches.upload` with a kecamatan's
   * upload token. Only for a city office: refused at start otherwise.
   */
  receiver?: boolean | ReceiverOptions;
}

/** The HTTP door: `POST /api/<method>` per contract method, SSE for job progress, the renderer. */
export function createHttpApp({ backend, staticDir, hosts, receiver }: HttpOptions): Hono {
  const app = new Hono();

  app.use('*', hostCheck(hosts));
  // Before the general body limits: the upload has its own, checked after its token.
  if (receiver) mountReceiver(app, backend, receiver === true ? {} : receiver, statusOf);
  app.use('*', bodyLimits(async (c) => {
    const me = await backend.call('auth.me', {}, { door: 'http', sessionToken: getCookie(c, SESSION_COOKIE) ?? null });
    return me.result.ok && (me.result.value as { user: unknown }).user !== null;
  }));

  app.use('/api/*', async (c, next) => {
    // The cookie is SameSite=Strict; a JSON body and a matching Origin also keep other sites out.
    const origin = c.req.header('origin');
    if (origin !== undefined && originHost(origin) !== c.req.header('host')) {
      return reply(c, { ok: false, error: { code: 'FORBIDDEN', message: 'Permintaan lintas situs ditolak.' } });
    }
    await next();
    c.header('Cache-Control', 'no-store');
  });

  for (const name of methodNames) {
    if (OWN_DOOR_METHODS.has(name)) continue;
    app.post(`/api/${name}`, async (c) => {
      // Only JSON: a form post from another site cannot send it without a preflight.
      if (!c.req.header('content-type')?.startsWith('application/json')) return reply(c, NOT_JSON);
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return reply(c, NOT_JSON);
      }
      // The input is checked once, by the backend's dispatch: its VALIDATION error answers 400.
      const outcome = await backend.call(name, body, { door: 'http', sessionToken: getCookie(c, SESSION_COOKIE) ?? null });
      if (typeof outcome.session === 'string') {
        setCookie(c, SESSION_COOKIE, outcome.session, { httpOnly: true, sameSite: 'Strict', path: '/' });
      } else if (outcome.session === null) {
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
      }
      return reply(c, outcome.result);
    });
  }

  app.get('/api/jobs/:jobId/events', async (c) => {
    const jobId = c.req.param('jobId');
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    const first = await backend.call('jobs.get', { jobId }, { door: 'http', sessionToken: token });
    if (!first.result.ok) return reply(c, first.result);
    return streamSSE(c, async (stream) => {
      const queue: JobEvent[] = [first.result.ok ? (first.result.value as JobEvent) : (undefined as never)];
      let wake: (() => void) | null = null;
      const off = backend.onJobEvent((e) => {
        if (e.jobId !== jobId) return;
        queue.push(e);
        wake?.();
      });
      stream.onAbort(() => { off(); wake?.(); });
      try {
        while (!stream.aborted) {
          const event = queue.shift();
          if (!event) {
            await new Promise<void>((resolve) => { wake = resolve; });
            wake = null;
            continue;
          }
          await stream.writeSSE({ event: 'job', data: JSON.stringify(event) });
          if (event.state !== 'running') break;
        }
      } finally {
        off();
      }
    });
  });

  app.all('/api/*', (c) => reply(c, { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${c.req.path.slice(5)}` } }));

  if (staticDir) {
    app.get('*', (c) => {
      const file = readStatic(staticDir, c.req.path);
      if (!file) return c.text('Not found', 404);
      const headers: Record<string, string> = { 'Content-Type': file.type, 'X-Content-Type-Options': 'nosniff' };
      if (file.type.startsWith('text/html')) {
        headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
        headers['Cache-Control'] = 'no-cache';
      }
      return c.body(new Uint8Array(file.body), 200, headers);
    });
  }

  return app;
}

export interface RunningServer {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

export interface ServerOptions extends Omit<HttpOptions, 'hosts'> {
  host?: string;
  port?: number;
  /** Further names the server answers to on the LAN (`bangkom serve --allow-host`). */
  allowHosts?: readonly string[];
}

export function startHttpServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const hosts = AllowedHosts.forBinding(host, options.allowHosts);
  let app: Hono;
  try {
    app = createHttpApp({ ...options, hosts });
  } catch (err) {
    return Promise.reject(err as Error);
  }
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 0 }, (info: AddressInfo) => {
      hosts.listen(info.port);
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${info.port}/`,
        server,
        close: () => new Promise((done) => { server.close(() => done()); (server as { closeAllConnections?: () => void }).closeAllConnections?.(); }),
      });
    });
    server.on('error', reject);
  });
}
