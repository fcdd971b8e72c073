import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendWorker, type BackendClient } from '../../electron/backend/worker-client.ts';
import { createIpcHandler, isTrustedSender, type IpcEventLike } from '../../electron/main/ipc-handler.ts';

const SETUP = {
  regionCode: '16.71.14',
  name: 'Kantor Kecamatan Plaju',
  address: '',
  timezone: 'Asia/Jakarta',
  signer: { name: 'Camat Plaju', nip: '19700101 199003 1 002', title: 'Camat' },
  admin: { username: 'admin', fullName: 'Admin Plaju', password: 'rahasia-admin' },
};

const windowEvent = (id: number, url = 'app://bangkom/index.html'): IpcEventLike => ({ sender: { id }, senderFrame: { url, parent: null } });

describe('IPC door (main-process handler, backend in its worker)', () => {
  let dir: string;
  let backend: BackendClient;
  let handler: ReturnType<typeof createIpcHandler>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-ipc-'));
    backend = await startBackendWorker(dir);
    handler = createIpcHandler(backend);
  });
  afterAll(async () => {
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a malformed input with the typed error of the backend\'s dispatch (checked there, once)', async () => {
    const result = await handler(windowEvent(1), 'regions.regencies', { provinceCode: 'enam belas' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['provinceCode'], message: 'validation.region' }] } } });
    const unknown = await handler(windowEvent(1), 'nope.nothing', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('passes the input on as it came: the backend is the one place that checks it', async () => {
    const calls: unknown[] = [];
    const fake: BackendClient = {
      call: async (method, input) => {
        calls.push({ method, input });
        return { result: { ok: false, error: { code: 'VALIDATION', message: 'validation.region', details: { issues: [{ path: ['provinceCode'], message: 'validation.region' }] } } } };
      },
      onJobEvent: () => () => {},
      close: async () => {},
    };
    const door = createIpcHandler(fake);
    const result = await door(windowEvent(1), 'regions.regencies', { provinceCode: 'enam belas' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(calls).toEqual([{ method: 'regions.regencies', input: { provinceCode: 'enam belas' } }]);
  });

  it('refuses calls from frames that are not the app itself', async () => {
    expect(isTrustedSender(windowEvent(1, 'https://example.com/'))).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: { url: 'app://bangkom/index.html', parent: {} } })).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: null })).toBe(false);
    const result = await handler(windowEvent(1, 'file:///etc/passwd'), 'system.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps one session per window and enforces roles', async () => {
    const setup = await handler(windowEvent(1), 'office.setup', SETUP);
    expect(setup).toMatchObject({ ok: true, value: { user: { username: 'admin', role: 'admin' } } });
    // Window 1 is now the admin; window 2 has no session.
    expect(await handler(windowEvent(1), 'system.ping', {})).toMatchObject({ ok: true });
    expect(await handler(windowEvent(2), 'system.ping', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const created = await handler(windowEvent(1), 'users.create', { username: 'operator1', fullName: 'Operator Satu', role: 'operator', password: 'rahasia-op1' });
    expect(created).toMatchObject({ ok: true, value: { role: 'operator' } });
    expect(await handler(windowEvent(2), 'auth.login', { username: 'operator1', password: 'rahasia-op1' })).toMatchObject({ ok: true });
    expect(await handler(windowEvent(2), 'users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handler(windowEvent(2), 'office.get', {})).toMatchObject({ ok: true, value: { code: '16.71.14' } });

    expect(await handler(windowEvent(2), 'auth.logout', {})).toMatchObject({ ok: true });
    expect(await handler(windowEvent(2), 'office.get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('forwards job progress events from the worker', async () => {
    const events: string[] = [];
    const off = backend.onJobEvent((e) => events.push(e.state));
    const started = await handler(windowEvent(1), 'maintenance.check', {});
    expect(started.ok).toBe(true);
    await expect.poll(() => events.at(-1), { timeout: 5000 }).toBe('done');
    off();
  });
});
