// What the HTTP door checks before any route: the Host header must name this server (a
// DNS-rebinding page reaches 127.0.0.1 under its own name), and request bodies are limited and
// refused before they are read. Raw node:http requests, because fetch sets Host itself.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, SESSION_COOKIE, startHttpServer } from '../../electron/server/http.ts';
import {
  AllowedHosts, BATCH_IMPORT_BODY_LIMIT_BYTES, BODY_LIMIT_BYTES, MISDIRECTED_TEXT, UPLOAD_BODY_LIMIT_BYTES, carriesFile, parseAllowHosts,
} from '../../electron/server/guards.ts';
import { methodNames } from '../../shared/contract/index.ts';
import { createI18n, errorText } from '../../shared/i18n/index.ts';
import {
  OPERATOR, addOperator, count, openTestBackend, removeTempDirs, setupInput, tempDir, type TestBackend,
} from '../helpers/backend.ts';
import { streamedPost } from '../helpers/streamed-post.ts';
import { captureCli } from '../helpers/cli.ts';
import { officeWithServer, type TestServer } from '../helpers/http.ts';
import type Database from 'better-sqlite3';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/bangkom.js');

interface RawReply { status: number; headers: http.IncomingHttpHeaders; text: string }

/** One request to 127.0.0.1:port with the Host header (and request target) given, or none. */
function raw(port: number, opts: { method?: string; path?: string; host?: string; headers?: Record<string, string>; body?: string }): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.host !== undefined) headers.host = opts.host;
    if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path ?? '/', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const status = (port: number, host: string) => raw(port, { method: 'POST', path: '/api/system.status', host, body: '{}' });

/**
 * POSTs a body of `total` bytes (with a Content-Length of `declared`, or chunked when it is
 * omitted), stopping as soon as the answer comes. `endedBeforeAnswer` tells whether the whole body
 * had to be sent first.
 */
async function sendLarge(port: number, path: string, opts: { total: number; declared?: number; headers?: Record<string, string> }) {
  const { status, body, sent, ended } = await streamedPost(port, { path, ...opts });
  return { status, body: body as { ok: boolean; error?: { code: string; message: string; details?: Record<string, unknown> } }, sent, endedBeforeAnswer: ended };
}

describe('Host header (DNS rebinding)', () => {
  let t: TestBackend;
  let port: number;
  let close: () => Promise<void>;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = tempDir('bangkom-guards-static-');
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Bangkom</title>');
    t = openTestBackend(); // a fresh office: office.setup is open to anyone who reaches it
    const running = await startHttpServer({ backend: t.backend, staticDir, port: 0, allowHosts: ['kantor.local', 'bangkom.lan:8080'] });
    port = Number(new URL(running.url).port);
    close = () => running.close();
  });
  afterAll(async () => {
    await close();
    t.close();
    removeTempDirs();
  });

  it('answers the loopback names with its own port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const res = await status(port, host);
      expect(res.status, host).toBe(200);
      expect(JSON.parse(res.text), host).toMatchObject({ ok: true, value: { setupDone: false } });
    }
  });

  it('answers the names given with --allow-host: with the server port, or with the port they were given', async () => {
    expect((await status(port, `kantor.local:${port}`)).status).toBe(200);
    expect((await status(port, 'bangkom.lan:8080')).status).toBe(200);
    expect((await status(port, 'kantor.local')).status).toBe(421); // a bare name means port 80
    expect((await status(port, `bangkom.lan:${port}`)).status).toBe(421);
  });

  it('refuses every other Host with 421 and a short plain text, on API, SSE and static paths', async () => {
    const hostile = [
      `evil.example:${port}`, 'evil.example', `127.0.0.1`, `localhost`, `127.0.0.1:${port + 1}`,
      `localhost.:${port}`, `127.0.0.1.nip.io:${port}`, `kantor.local.evil.example:${port}`,
    ];
    for (const host of hostile) {
      for (const [method, pathname] of [['POST', '/api/system.status'], ['GET', '/api/jobs/x/events'], ['GET', '/'], ['GET', '/index.html']] as const) {
        const res = await raw(port, { method, path: pathname, host, ...(method === 'POST' ? { body: '{}' } : {}) });
        expect(res.status, `${host} ${pathname}`).toBe(421);
        expect(res.headers['content-type'], `${host} ${pathname}`).toMatch(/^text\/plain/);
        expect(res.text).toBe(MISDIRECTED_TEXT);
      }
    }
    // The static files are there for a Host that names the server.
    expect((await raw(port, { path: '/', host: `localhost:${port}` })).status).toBe(200);
  });

  it('a rebinding page cannot set up the fresh office and make itself admin', async () => {
    const res = await raw(port, { method: 'POST', path: '/api/office.setup', host: `evil.example:${port}`, body: JSON.stringify(setupInput()) });
    expect(res.status).toBe(421);
    expect(await t.ok('system.status', {})).toMatchObject({ setupDone: false });
  });

  it('a request written with an absolute URL must name the server there too', async () => {
    const res = await raw(port, { method: 'POST', path: `http://evil.example:${port}/api/system.status`, host: `127.0.0.1:${port}`, body: '{}' });
    expect(res.status).toBe(421);
    const ours = await raw(port, { method: 'POST', path: `http://127.0.0.1:${port}/api/system.status`, host: `127.0.0.1:${port}`, body: '{}' });
    expect(ours.status).toBe(200);
  });

  it('the app made by createHttpApp refuses everything until it is told its port', async () => {
    const hosts = new AllowedHosts();
    const app = createHttpApp({ backend: t.backend, hosts });
    const call = () => app.request('http://localhost:4780/api/system.status', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect((await call()).status).toBe(421);
    hosts.listen(4780);
    expect((await call()).status).toBe(200);
    expect((await app.request('http://evil.example:4780/api/system.status', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(421);
  });

  it('which names a server answers: its own address when bound to one, every address of the computer when bound to all, a bare name only on port 80', () => {
    const lan = AllowedHosts.forBinding('192.168.1.10').listen(4780);
    expect(lan.has('192.168.1.10:4780')).toBe(true);
    expect(lan.has('127.0.0.1:4780')).toBe(true);
    expect(lan.has('192.168.1.10')).toBe(false);
    expect(lan.has('192.168.1.11:4780')).toBe(false);
    expect(AllowedHosts.forBinding('fe80::1').listen(4780).has('[fe80::1]:4780')).toBe(true);
    const all = AllowedHosts.forBinding('0.0.0.0').listen(4780);
    expect(all.has('127.0.0.1:4780')).toBe(true);
    expect(all.list().length).toBeGreaterThanOrEqual(3);
    expect(all.has('evil.example:4780')).toBe(false);
    const port80 = new AllowedHosts(['kantor.local']).listen(80);
    expect(port80.has('kantor.local')).toBe(true);
    expect(port80.has('kantor.local:80')).toBe(true);
    expect(port80.has('localhost')).toBe(true);
  });

  it('--allow-host takes repeated and comma-separated names, and refuses what is not a host name', async () => {
    expect(parseAllowHosts(['kantor.local, bangkom.lan', 'printer-kantor', '192.168.1.20:8080'])).toEqual(['kantor.local', 'bangkom.lan', 'printer-kantor', '192.168.1.20:8080']);
    for (const bad of ['a b', 'evil.example/path', 'user@evil.example', 'kantor.local:port']) {
      expect(() => parseAllowHosts([bad]), bad).toThrow(/--allow-host/);
    }
    const run = await captureCli(['--data', tempDir(), 'serve', '--port', '0', '--allow-host', 'kantor local']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('bangkom: --allow-host: "kantor local" bukan nama host yang sah.\n');
  });

  it('bangkom serve --allow-host answers those names and refuses others', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, [BIN, '--data', dataDir, 'serve', '--port', '0', '--allow-host', 'kantor.local,bangkom.lan', '--allow-host', 'printer-kantor'], {
      env: { ...process.env, BANGKOM_LANG: 'id', BANGKOM_DATA: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString('utf8');
          const m = /Bangkom berjalan di (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve ended (${code}): ${out}`)));
      });
      const servePort = Number(new URL(url).port);
      for (const name of ['kantor.local', 'bangkom.lan', 'printer-kantor', '127.0.0.1']) {
        expect((await status(servePort, `${name}:${servePort}`)).status, name).toBe(200);
      }
      expect((await status(servePort, `evil.example:${servePort}`)).status).toBe(421);
    } finally {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
  }, 30_000);
});

describe('request body limits', () => {
  let t: TestBackend;
  let server: TestServer;
  let db: Database.Database;
  let port: number;
  let operator: { id: string; token: string };
  let close: () => Promise<void>;
  const tId = createI18n('id').t;
  const tEn = createI18n('en').t;

  beforeAll(async () => {
    let adminToken: string;
    ({ t, server, db, adminToken, close } = await officeWithServer());
    port = Number(new URL(server.url).port);
    operator = await addOperator(t, adminToken);
  });
  afterAll(() => close());

  const stillServing = async () => {
    const res = await server.post('system.status', {});
    expect(res.status).toBe(200);
  };

  it('the file-carrying methods are the roster and needs imports, the logo, the certificate images, a certificate picture to verify, and trust files', () => {
    expect(methodNames.filter(carriesFile).sort()).toEqual([
      'batch.import', 'batch.importReceipt', 'certificates.readFile', 'certificates.setImage', 'certificates.verifyFile', 'needs.import', 'office.setLogo',
      'records.apply', 'records.attachScan', 'records.create', 'records.preview',
      'roster.apply', 'roster.errorFile', 'roster.preview', 'scores.import', 'trust.import',
    ]);
  });

  it(`a declared Content-Length over ${BODY_LIMIT_BYTES / 1024 / 1024} MB is refused without login, before the body is sent: 413 PAYLOAD_TOO_LARGE`, async () => {
    for (const pathname of ['/api/system.status', '/api/auth.login', '/api/office.setup', '/api/roster.preview', '/no-such-page']) {
      const res = await sendLarge(port, pathname, { declared: 450 * 1024 * 1024, total: 450 * 1024 * 1024 });
      expect(res.status, pathname).toBe(413);
      expect(res.endedBeforeAnswer, pathname).toBe(false);
      expect(res.body).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: 'Data yang dikirim terlalu besar (maksimal 2 MB).', details: { maxMb: 2 } } });
      await stillServing();
    }
  });

  it('a chunked body is counted as it arrives and refused once over the limit, without login', async () => {
    const res = await sendLarge(port, '/api/system.status', { total: 64 * 1024 * 1024 });
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.endedBeforeAnswer).toBe(false);
    expect(res.sent).toBeGreaterThan(BODY_LIMIT_BYTES);
    await stillServing();
  });

  it('six large bodies at once are all refused and the server keeps serving', async () => {
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => sendLarge(port, '/api/auth.login', i % 2
      ? { total: 450 * 1024 * 1024, declared: 450 * 1024 * 1024 }
      : { total: 64 * 1024 * 1024 })));
    expect(replies.map((r) => r.status)).toEqual([413, 413, 413, 413, 413, 413]);
    await stillServing();
  });

  it('the 413 is translated in both languages, naming the limit in MB', () => {
    const error = { code: 'PAYLOAD_TOO_LARGE' as const, message: 'x', details: { maxMb: 2 } };
    expect(errorText(tId, error)).toBe('Data yang dikirim terlalu besar (maksimal 2 MB).');
    expect(errorText(tEn, error)).toBe('The data sent is too large (at most 2 MB).');
  });

  it('a chunked body under the limit still reaches the method', async () => {
    const res = await new Promise<RawReply>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/system.status', headers: { 'content-type': 'application/json' }, agent: false }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.write('{');
      req.end('}');
    });
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.status).toBe(200);
  });

  it('a logged-in user may send a file larger than the ordinary limit; without login the same body is 413', async () => {
    // Not a spreadsheet: the backend reading it (and refusing its format) shows the body got through.
    const big = { fileName: 'besar.ods', dataBase64: Buffer.alloc(3 * 1024 * 1024, 7).toString('base64') };
    const anonymous = await server.post('roster.preview', big);
    expect(anonymous.status).toBe(413);
    expect(anonymous.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { maxMb: 2 } });
    const withLogin = await server.post('roster.preview', big, { token: operator.token });
    expect(withLogin.status).toBe(400);
    expect(withLogin.body.error.details.issues).toEqual([{ path: ['file'], message: 'import.unsupported_format', params: { format: 'ods' } }]);
    // A logged-in user's ordinary call keeps the ordinary limit.
    const notUpload = await sendLarge(port, '/api/units.list', { total: 3 * 1024 * 1024, headers: { cookie: `${SESSION_COOKIE}=${operator.token}` } });
    expect(notUpload.status).toBe(413);
  });

  it('an upload over the file limit is 413 before it is read, naming the file limit (20 MB)', async () => {
    const res = await sendLarge(port, '/api/roster.preview', {
      declared: UPLOAD_BODY_LIMIT_BYTES + 1, total: UPLOAD_BODY_LIMIT_BYTES + 1, headers: { cookie: `${SESSION_COOKIE}=${operator.token}` },
    });
    expect(res.status).toBe(413);
    expect(res.endedBeforeAnswer).toBe(false);
    expect(res.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { maxMb: 20 } });
    expect(errorText(tId, res.body.error as never)).toBe('Data yang dikirim terlalu besar (maksimal 20 MB).');
    await stillServing();
  });

  it('a city imports a batch bigger than a spreadsheet may be (200 MB, not 20): it reaches the backend; over that it is 413 naming 200 MB', async () => {
    // 25 MB of junk: past the spreadsheet limit, read by the backend (this office is no city office).
    const big = { fileName: 'besar.bkbatch', dataBase64: Buffer.alloc(25 * 1024 * 1024, 7).toString('base64') };
    const through = await server.post('batch.import', big, { token: operator.token });
    expect(through.status).toBe(409);
    expect(through.body.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'not_city' } });
    const res = await sendLarge(port, '/api/batch.import', {
      declared: BATCH_IMPORT_BODY_LIMIT_BYTES + 1, total: BATCH_IMPORT_BODY_LIMIT_BYTES + 1, headers: { cookie: `${SESSION_COOKIE}=${operator.token}` },
    });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { maxMb: 200 } });
    await stillServing();
  }, 30_000);

  it('a 1 MB password to login is refused by the contract (VALIDATION on password): nothing is counted or hashed', async () => {
    const before = count(db, 'SELECT count(*) AS n FROM audit_log');
    const res = await server.post('auth.login', { username: OPERATOR.username, password: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['password'], message: 'validation.too_long' }] } });
    // A login that got as far as the password check leaves a throttle row and an audit entry.
    expect(count(db, 'SELECT count(*) AS n FROM login_throttle WHERE username = ?', OPERATOR.username)).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM audit_log')).toBe(before);
    const wrong = await server.post('auth.login', { username: OPERATOR.username, password: 'x'.repeat(200) });
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(count(db, 'SELECT count(*) AS n FROM login_throttle WHERE username = ?', OPERATOR.username)).toBe(1);
  });
});
