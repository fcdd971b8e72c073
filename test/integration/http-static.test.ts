// `bangkom serve` also serves the built renderer: only files inside its folder, with the CSP.
// Raw requests (node:http, which does not normalise the path) try to climb out of the folder.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../electron/server/http.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/server/static-files.ts';
import { openTestBackend, removeTempDirs, tempDir, type TestBackend } from '../helpers/backend.ts';

let t: TestBackend;
let running: RunningServer;
let port: number;

function rawGet(rawPath: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const base = tempDir('bangkom-static-');
  const staticDir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Bangkom</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("bangkom")');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'RAHASIA-NEGARA');
  t = openTestBackend();
  running = await startHttpServer({ backend: t.backend, staticDir, port: 0 });
  port = Number(new URL(running.url).port);
});
afterAll(async () => {
  await running.close();
  t.close();
  removeTempDirs();
});

describe('static files over HTTP', () => {
  it('binds to 127.0.0.1 by default', () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves index.html with the Content-Security-Policy and nosniff', async () => {
    const res = await rawGet('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Bangkom</title>');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves assets with their type, and app routes as index.html', async () => {
    const js = await rawGet('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await rawGet('/pegawai/123')).body).toContain('<title>Bangkom</title>');
    expect((await rawGet('/assets/missing.js')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00/../secret.txt',
  ])('never serves a file outside the folder: %s', async (raw) => {
    const res = await rawGet(raw);
    expect(res.body).not.toContain('RAHASIA');
  });
});
