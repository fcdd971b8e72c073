// A real HTTP server on 127.0.0.1 and an ephemeral port, called with fetch like the renderer does.
import type { Backend } from '../../electron/backend/backend.ts';
import { startHttpServer, SESSION_COOKIE, type RunningServer } from '../../electron/server/http.ts';
import { openTestBackend, peek, removeTempDirs, setUpOffice } from './backend.ts';

export interface HttpReply {
  status: number;
  /** The parsed JSON reply (or the text); tests read into it freely and assert its shape. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
  /** The raw Set-Cookie headers. */
  setCookies: string[];
}

export interface TestServer {
  url: string;
  running: RunningServer;
  /** POST /api/<method> with a JSON body (or a raw string body), optionally with the session cookie. */
  post(method: string, body?: unknown, opts?: { token?: string | null; raw?: string; contentType?: string | null; headers?: Record<string, string> }): Promise<HttpReply>;
  get(pathname: string, opts?: { token?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestServer(backend: Backend): Promise<TestServer> {
  const running = await startHttpServer({ backend, port: 0 });
  const base = running.url.replace(/\/$/, '');
  const cookie = (token?: string | null): Record<string, string> => (token ? { cookie: `${SESSION_COOKIE}=${token}` } : {});
  return {
    url: base,
    running,
    async post(method, body = {}, opts = {}) {
      const headers: Record<string, string> = { ...cookie(opts.token), ...(opts.headers ?? {}) };
      if (opts.contentType !== null) headers['content-type'] = opts.contentType ?? 'application/json';
      const res = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers,
        body: opts.raw ?? JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try { parsed = JSON.parse(text); } catch { /* not JSON: keep the text */ }
      return { status: res.status, body: parsed, headers: res.headers, setCookies: res.headers.getSetCookie() };
    },
    get: (pathname, opts = {}) => fetch(`${base}${pathname}`, { headers: cookie(opts.token) }),
    close: () => running.close(),
  };
}

/** The session token in a Set-Cookie header, or null. */
export function sessionFromCookies(setCookies: string[]): string | null {
  for (const c of setCookies) {
    const m = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(c);
    if (m) return m[1] || null;
  }
  return null;
}

/** A set-up office with its HTTP door listening and a raw read connection; `close` ends all three. */
export async function officeWithServer() {
  const t = openTestBackend();
  const adminToken = await setUpOffice(t);
  const server = await startTestServer(t.backend);
  const db = peek(t.dataDir);
  const close = async () => {
    await server.close();
    db.close();
    t.close();
    removeTempDirs();
  };
  return { t, server, adminToken, db, close };
}
