// The contract is checked once, by the backend's dispatch, whichever door a call comes through:
// the same malformed input is refused with the same typed error by backend.call, by the HTTP
// route (400) and by the `bangkom` command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract/index.ts';
import type { Backend, CallOptions } from '../../electron/backend/backend.ts';
import { createHttpApp, SESSION_COOKIE } from '../../electron/server/http.ts';
import { AllowedHosts, OWN_DOOR_METHODS } from '../../electron/server/guards.ts';
import { setupInput, tempDir, type TestBackend } from '../helpers/backend.ts';
import { officeWithServer, type TestServer } from '../helpers/http.ts';
import { captureCli } from '../helpers/cli.ts';

/** The typed validation error every door must produce. */
function expectValidation(error: unknown, path: (string | number)[], message?: string | RegExp): void {
  expect(error).toMatchObject({ code: 'VALIDATION', message: expect.any(String) });
  const issues = (error as { details?: { issues?: { path: unknown[]; message: string }[] } }).details?.issues;
  expect(Array.isArray(issues) && issues.length > 0, `issues in ${JSON.stringify(error)}`).toBe(true);
  for (const issue of issues!) {
    expect(Array.isArray(issue.path)).toBe(true);
    expect(typeof issue.message).toBe('string');
  }
  const hit = issues!.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
  expect(hit, `an issue at ${JSON.stringify(path)} in ${JSON.stringify(issues)}`).toBeDefined();
  if (message instanceof RegExp) expect(hit!.message).toMatch(message);
  else if (message) expect(hit!.message).toBe(message);
}

describe('contract at the doors', () => {
  let t: TestBackend;
  let server: TestServer;
  let adminToken: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ t, server, adminToken, close } = await officeWithServer());
  });
  afterAll(() => close());

  describe('backend.call', () => {
    it('refuses a unit without a name with VALIDATION on name', async () => {
      const error = await t.fails('units.create', { name: '   ', kind: 'kantor' }, 'VALIDATION', adminToken);
      expectValidation(error, ['name'], 'validation.required');
    });

    it('refuses a wrong type and names the field', async () => {
      const error = await t.fails('units.list', { includeInactive: 'ya' }, 'VALIDATION', adminToken);
      expectValidation(error, ['includeInactive'], 'validation.invalid_type');
    });

    it('refuses unknown fields on strict inputs', async () => {
      const error = await t.fails('system.status', { extra: 1 }, 'VALIDATION');
      expect(error.details?.issues?.[0]?.message).toBe('validation.unrecognized_keys');
    });

    it('refuses a non-object input', async () => {
      const error = await t.fails('auth.login', 'admin:rahasia', 'VALIDATION');
      expectValidation(error, [], 'validation.invalid_type');
    });

    it('refuses an unknown method with UNKNOWN_METHOD, also for Object.prototype names', async () => {
      await t.fails('units.drop', {}, 'UNKNOWN_METHOD', adminToken);
      await t.fails('constructor', {}, 'UNKNOWN_METHOD', adminToken);
      await t.fails('__proto__', {}, 'UNKNOWN_METHOD', adminToken);
    });

    it('validates before it looks at the session: nothing is written for a bad input', async () => {
      const before = await t.ok('units.list', { includeInactive: true }, adminToken);
      await t.fails('units.create', { name: 'x'.repeat(121) }, 'VALIDATION', adminToken);
      expect(await t.ok('units.list', { includeInactive: true }, adminToken)).toHaveLength(before.length);
    });
  });

  describe('HTTP', () => {
    it('refuses a malformed input with 400 and the typed error', async () => {
      const res = await server.post('units.create', { name: '' }, { token: adminToken });
      expect(res.status).toBe(400);
      expect(res.body.ok).toBe(false);
      expectValidation(res.body.error, ['name'], 'validation.required');
    });

    it('leaves the check to the backend: a malformed input is passed on once, and its VALIDATION error answers 400', async () => {
      const calls: { method: string; input: unknown }[] = [];
      const counting = Object.create(t.backend, {
        call: { value: (method: string, input: unknown, options: CallOptions) => {
          calls.push({ method, input });
          return t.backend.call(method, input, options);
        } },
      }) as Backend;
      const app = createHttpApp({ backend: counting, hosts: new AllowedHosts().listen(80) });
      const res = await app.request('/api/units.create', {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${adminToken}` }, body: JSON.stringify({ name: '' }),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { ok: boolean; error: unknown };
      expect(body.ok).toBe(false);
      expectValidation(body.error, ['name'], 'validation.required');
      expect(calls.filter((c) => c.method === 'units.create')).toEqual([{ method: 'units.create', input: { name: '' } }]);
      // A wrong type and a non-object body are refused the same way, by the backend.
      for (const raw of ['{"includeInactive":"ya"}', '[1,2]', '"teks"']) {
        const r = await app.request('/api/units.list', { method: 'POST', headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${adminToken}` }, body: raw });
        expect(r.status, raw).toBe(400);
        expect(((await r.json()) as { error: { code: string } }).error.code, raw).toBe('VALIDATION');
      }
    });

    it('refuses a bad nested field (signer NIP) on office.update', async () => {
      const res = await server.post('office.update', {
        name: 'Kantor Kecamatan Plaju', address: '', timezone: 'Asia/Jakarta',
        signer: { name: 'Camat', nip: '1970', title: 'Camat' },
      }, { token: adminToken });
      expect(res.status).toBe(400);
      expectValidation(res.body.error, ['signer', 'nip'], /^nip\./);
    });

    it('answers an unknown method with 404 UNKNOWN_METHOD', async () => {
      const res = await server.post('units.drop', {}, { token: adminToken });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    });

    it('refuses a body that is not JSON with VALIDATION', async () => {
      const res = await server.post('auth.login', undefined, { raw: '{"username": "admin", ' });
      expect(res.status).toBe(400);
      expectValidation(res.body.error, [], 'validation.json');
    });

    it('refuses a body that is not sent as JSON with the same typed VALIDATION error', async () => {
      const res = await server.post('auth.login', undefined, { raw: 'username=admin&password=x', contentType: 'application/x-www-form-urlencoded' });
      expect(res.status).toBe(400);
      expectValidation(res.body.error, [], 'validation.json');
      const none = await server.post('auth.login', undefined, { raw: '{}', contentType: null });
      expect(none.status).toBe(400);
      expect(none.body.error.code).toBe('VALIDATION');
    });

    it('refuses requests from another origin, also the opaque origin "null"', async () => {
      const evil = await server.post('system.status', {}, { headers: { origin: 'http://evil.example' } });
      expect(evil.status).toBe(403);
      expect(evil.body.error.code).toBe('FORBIDDEN');
      const opaque = await server.post('system.status', {}, { headers: { origin: 'null' } });
      expect(opaque.status).toBe(403);
      expect(opaque.body.error.code).toBe('FORBIDDEN');
      const same = await server.post('system.status', {}, { headers: { origin: server.url } });
      expect(same.status).toBe(200);
    });

    it('serves every contract method as POST /api/<method> (none answers 404), but the receiver\'s upload, which has a door of its own', async () => {
      // app.request speaks to http://localhost/ (port 80) without a Host header.
      const app = createHttpApp({ backend: t.backend, hosts: new AllowedHosts().listen(80) });
      expect([...OWN_DOOR_METHODS]).toEqual(['batch.upload']);
      const upload = await app.request('/api/batch.upload', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(upload.status).toBe(404);
      for (const name of methodNames.filter((n) => !OWN_DOOR_METHODS.has(n))) {
        const res = await app.request(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '"not an object"' });
        expect(res.status, name).not.toBe(404);
        expect(((await res.json()) as { error: { code: string } }).error.code, name).toBe('VALIDATION');
      }
    });

    it('marks API replies as not cacheable', async () => {
      const res = await server.post('system.status', {});
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('CLI', () => {
    it('refuses a malformed signer NIP: exit code 1, one line naming the field on stderr, nothing set up', async () => {
      const dir = tempDir();
      const run = await captureCli(['--data', dir, 'office', 'setup', '--region', '16.71.14',
        '--signer-name', 'Camat Plaju', '--signer-nip', '1970-01-01']);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^bangkom: NIP penandatangan: /);
      const show = await captureCli(['--data', dir, 'office', 'show']);
      expect(show.code).toBe(1);
      expect(show.stderr).toMatch(/^bangkom: Kantor belum diatur/);
    });

    it('refuses an unknown region code with one line', async () => {
      const run = await captureCli(['--data', tempDir(), 'office', 'setup', '--region', '16.71.99',
        '--signer-name', 'Camat', '--signer-nip', '19700101 199003 1 002']);
      expect(run.code).toBe(1);
      expect(run.stderr.trimEnd().split('\n')).toEqual(['bangkom: Kecamatan: Kode wilayah 16.71.99 tidak ada dalam daftar Kemendagri.']);
    });

    it('refuses a missing required option with a non-zero code and the reason first', async () => {
      const run = await captureCli(['--data', tempDir(), 'office', 'setup', '--region', '16.71.14']);
      expect(run.code).not.toBe(0);
      expect(run.stderr.split('\n')[0]).toMatch(/required option '--signer-name <name>' not specified/);
    });

    it('refuses an unknown command with a non-zero code', async () => {
      const run = await captureCli(['--data', tempDir(), 'office', 'explode']);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/unknown command/);
    });

    it('sets the office up with good arguments and shows it as JSON', async () => {
      const dir = tempDir();
      const run = await captureCli(['--data', dir, 'office', 'setup', '--region', '16.71.14',
        '--signer-name', 'Camat Plaju', '--signer-nip', '19700101 199003 1 002', '--json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const office = JSON.parse(run.stdout) as { code: string; name: string; timezone: string; signer: { nip: string } };
      expect(office).toMatchObject({ code: '16.71.14', name: 'Kantor Kecamatan Plaju', timezone: 'Asia/Jakarta', signer: { nip: '197001011990031002' } });
      const again = await captureCli(['--data', dir, 'office', 'setup', '--region', '16.71.14',
        '--signer-name', 'Camat Plaju', '--signer-nip', '19700101 199003 1 002']);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^bangkom: Kantor sudah diatur/);
    });
  });

  it('the three doors give the same issues for the same bad input', async () => {
    const input = setupInput({ regionCode: '1671', name: '', signer: { name: 'C', nip: '123', title: 'Camat' } });
    const viaCall = await t.fails('office.setup', input, 'VALIDATION');
    const viaHttp = await server.post('office.setup', input);
    expect(viaHttp.status).toBe(400);
    expect(viaHttp.body.error).toEqual(viaCall);
    expect(viaCall.details?.issues?.map((i) => i.path)).toEqual([['regionCode'], ['name'], ['signer', 'nip']]);
  });
});
