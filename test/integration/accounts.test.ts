// Accounts as the office uses them: the first admin from setup, operators, throttled logins,
// roles enforced at every door, deactivation, password changes, the HTTP session cookie.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_POLICY } from '../../electron/backend/services/auth.ts';
import { cliActor } from '../../electron/backend/services/context.ts';
import { PASSWORD_MAX_LENGTH } from '../../shared/contract/common.ts';
import {
  ADMIN, OPERATOR, addOperator, count, dbFile, login, openTestBackend, setUpOffice, setupInput, type TestBackend,
} from '../helpers/backend.ts';
import { officeWithServer, sessionFromCookies, startTestServer, type TestServer } from '../helpers/http.ts';

let t: TestBackend;
let db: Database.Database;
let adminToken: string;
let server: TestServer;
let n = 0;

/** A fresh operator account (its own throttle state), logged in. */
async function freshOperator(): Promise<{ id: string; token: string; username: string; password: string }> {
  const user = { ...OPERATOR, username: `operator${++n}`, password: `sandi-operator-${n}` };
  const { id, token } = await addOperator(t, adminToken, user);
  return { id, token, username: user.username, password: user.password };
}

const wrong = (username: string) => t.call('auth.login', { username, password: 'salah-sekali' });

let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, server, adminToken, db, close } = await officeWithServer());
});
afterAll(() => close());

describe('first admin and logging in', () => {
  it('setup with an admin gives a working admin session', async () => {
    expect(adminToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await t.ok('auth.me', {}, adminToken)).toEqual({ user: { id: expect.any(String), username: 'admin', fullName: ADMIN.fullName, role: 'admin' } });
    expect(await t.ok('users.list', {}, adminToken)).toEqual([expect.objectContaining({ username: 'admin', role: 'admin', active: true })]);
  });

  it('login takes the username in any case and surrounding spaces', async () => {
    const token = await login(t, '  ADMIN ', ADMIN.password);
    expect((await t.ok('auth.me', {}, token)).user?.username).toBe('admin');
  });

  it('a wrong password and an unknown user both get INVALID_CREDENTIALS, with no session', async () => {
    const a = await t.backend.call('auth.login', { username: 'admin', password: 'bukan-ini' }, { door: 'test' });
    const b = await t.backend.call('auth.login', { username: 'tidak-ada', password: 'bukan-ini' }, { door: 'test' });
    expect(a.result).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(b.result).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    if (!a.result.ok && !b.result.ok) expect(a.result.error.message).toBe(b.result.error.message);
    expect(a.session).toBeUndefined();
    await login(t, 'admin', ADMIN.password); // a success clears the count
  });

  it('passwords are stored as scrypt hashes, with a different salt for the same password', async () => {
    await t.ok('users.create', { username: 'kembar1', fullName: 'Kembar Satu', role: 'operator', password: 'sandi-yang-sama' }, adminToken);
    await t.ok('users.create', { username: 'kembar2', fullName: 'Kembar Dua', role: 'operator', password: 'sandi-yang-sama' }, adminToken);
    const hashes = db.prepare("SELECT password_hash FROM users WHERE username IN ('kembar1', 'kembar2')").pluck().all() as string[];
    expect(hashes).toHaveLength(2);
    for (const h of hashes) {
      expect(h).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
      expect(h).not.toContain('sandi-yang-sama');
    }
    const [, , , , salt1, key1] = hashes[0]!.split('$');
    const [, , , , salt2, key2] = hashes[1]!.split('$');
    expect(salt1).not.toBe(salt2);
    expect(key1).not.toBe(key2);
    await login(t, 'kembar1', 'sandi-yang-sama');
    await login(t, 'kembar2', 'sandi-yang-sama');
  });
});

describe('throttling of failed logins', () => {
  it(`after ${LOGIN_POLICY.freeAttempts} failures the next immediate attempt waits (LOGIN_DELAYED with retryAfterSeconds)`, async () => {
    const op = await freshOperator();
    for (let i = 0; i < LOGIN_POLICY.freeAttempts; i++) {
      expect((await wrong(op.username))).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    }
    const delayed = await t.fails('auth.login', { username: op.username, password: op.password }, 'LOGIN_DELAYED');
    expect(delayed.details).toEqual({ retryAfterSeconds: 1 });
    // The right password after the wait works, and clears the count.
    t.clock.advanceSeconds(1);
    await login(t, op.username, op.password);
    expect((await wrong(op.username)).ok).toBe(false);
    expect((await wrong(op.username)).ok).toBe(false);
    expect((await wrong(op.username))).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('the wait doubles with each further failure; a refused (delayed) attempt does not count', async () => {
    const op = await freshOperator();
    for (let i = 0; i < LOGIN_POLICY.freeAttempts; i++) await wrong(op.username);
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      const error = await t.fails('auth.login', { username: op.username, password: 'salah' }, 'LOGIN_DELAYED');
      const wait = (error.details as { retryAfterSeconds: number }).retryAfterSeconds;
      seen.push(wait);
      // Half-way through the wait it is still refused, with the rest of the wait.
      t.clock.advance(wait * 500);
      const again = await t.fails('auth.login', { username: op.username, password: 'salah' }, 'LOGIN_DELAYED');
      expect((again.details as { retryAfterSeconds: number }).retryAfterSeconds).toBe(Math.ceil(wait / 2));
      t.clock.advance(wait * 500);
      expect(await wrong(op.username)).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    }
    expect(seen).toEqual([1, 2, 4]);
  });

  it(`after ${LOGIN_POLICY.lockAfter} failures the account is locked, even for the right password, until ${LOGIN_POLICY.lockMinutes} minutes pass`, async () => {
    const op = await freshOperator();
    let lockedAt = '';
    for (let i = 1; i <= LOGIN_POLICY.lockAfter; i++) {
      const result = await wrong(op.username);
      expect(result, `attempt ${i}`).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
      lockedAt = t.clock.iso();
      t.clock.advanceSeconds(LOGIN_POLICY.maxDelaySeconds); // past every wait
    }
    const locked = await t.fails('auth.login', { username: op.username, password: op.password }, 'ACCOUNT_LOCKED');
    const until = new Date(Date.parse(lockedAt) + LOGIN_POLICY.lockMinutes * 60_000).toISOString();
    expect(locked.details).toEqual({ until });
    // The operator's existing session is not the lock's business; a new login is.
    t.clock.advance(Date.parse(until) - Date.parse(t.clock.iso()) - 1000);
    await t.fails('auth.login', { username: op.username, password: op.password }, 'ACCOUNT_LOCKED');
    t.clock.advanceSeconds(1);
    const token = await login(t, op.username, op.password);
    expect((await t.ok('auth.me', {}, token)).user?.username).toBe(op.username);
    const audit = db.prepare("SELECT action FROM audit_log WHERE username = ? AND action LIKE 'auth.%' ORDER BY seq").pluck().all(op.username);
    expect(audit).toContain('auth.locked');
    expect(audit.filter((a) => a === 'auth.login_failed')).toHaveLength(LOGIN_POLICY.lockAfter - 1);
  });

  it('after a lock has run out one wrong password does not lock again at once', async () => {
    const op = await freshOperator();
    for (let i = 0; i < LOGIN_POLICY.lockAfter; i++) {
      await wrong(op.username);
      t.clock.advanceSeconds(LOGIN_POLICY.maxDelaySeconds);
    }
    t.clock.advanceSeconds(LOGIN_POLICY.lockMinutes * 60);
    expect(await wrong(op.username)).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    await login(t, op.username, op.password);
  });

  it('parallel guesses are throttled too: no more than the free attempts are tried at once', async () => {
    const op = await freshOperator();
    const results = await Promise.all(Array.from({ length: LOGIN_POLICY.freeAttempts + 3 }, () => wrong(op.username)));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(LOGIN_POLICY.freeAttempts);
    expect(codes.filter((c) => c === 'LOGIN_DELAYED')).toHaveLength(3);
    t.clock.advanceSeconds(LOGIN_POLICY.maxDelaySeconds);
    await login(t, op.username, op.password);
  });

  it('a delayed login over HTTP is 429, a locked one 423', async () => {
    const op = await freshOperator();
    for (let i = 0; i < LOGIN_POLICY.freeAttempts; i++) await wrong(op.username);
    const delayed = await server.post('auth.login', { username: op.username, password: op.password });
    expect(delayed.status).toBe(429);
    expect(delayed.body.error).toMatchObject({ code: 'LOGIN_DELAYED', details: { retryAfterSeconds: 1 } });
    for (let i = LOGIN_POLICY.freeAttempts; i < LOGIN_POLICY.lockAfter; i++) {
      t.clock.advanceSeconds(LOGIN_POLICY.maxDelaySeconds);
      await wrong(op.username);
    }
    const locked = await server.post('auth.login', { username: op.username, password: op.password });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    t.clock.advanceSeconds(LOGIN_POLICY.lockMinutes * 60);
  });
});

describe('roles at every door', () => {
  const ADMIN_ONLY: [string, unknown][] = [
    ['users.list', {}],
    ['users.create', { username: 'penyusup', fullName: 'Penyusup', role: 'admin', password: 'sandi-penyusup' }],
    ['office.update', { name: 'Diambil Alih', address: '', timezone: 'Asia/Jakarta', signer: { name: 'X', nip: '19700101 199003 1 002', title: 'Camat' } }],
    ['audit.list', {}],
    ['units.create', { name: 'Unit Operator' }],
    ['maintenance.check', {}],
  ];

  it('an operator is refused admin methods through backend.call (FORBIDDEN), and nothing is written', async () => {
    const op = await freshOperator();
    for (const [method, input] of ADMIN_ONLY) await t.fails(method, input, 'FORBIDDEN', op.token);
    expect((await t.ok('office.get', {}, adminToken)).name).not.toBe('Diambil Alih');
    expect((await t.ok('users.list', {}, adminToken)).map((u) => u.username)).not.toContain('penyusup');
    // …but may use what every user may.
    await t.ok('office.get', {}, op.token);
    await t.ok('units.list', {}, op.token);
  });

  it('an operator is refused admin methods over HTTP with 403 FORBIDDEN', async () => {
    const op = await freshOperator();
    for (const [method, input] of ADMIN_ONLY) {
      const res = await server.post(method, input, { token: op.token });
      expect(res.status, method).toBe(403);
      expect(res.body, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await server.post('units.list', {}, { token: op.token })).status).toBe(200);
  });

  it('without a session a user method is 401 UNAUTHENTICATED over HTTP, also with a made-up cookie', async () => {
    for (const method of ['office.get', 'system.ping', 'units.list', 'users.list']) {
      const res = await server.post(method, {});
      expect(res.status, method).toBe(401);
      expect(res.body.error.code, method).toBe('UNAUTHENTICATED');
    }
    const fake = await server.post('office.get', {}, { token: 'bukan-token-yang-sah' });
    expect(fake.status).toBe(401);
    await t.fails('office.get', {}, 'UNAUTHENTICATED', null);
  });

  it('public methods work without a session', async () => {
    const status = await server.post('system.status', {});
    expect(status.status).toBe(200);
    expect(status.body.value).toMatchObject({ setupDone: true, officeName: 'Kantor Kecamatan Plaju' });
    const provinces = await server.post('regions.provinces', {});
    expect(provinces.body.value).toContainEqual({ code: '16', name: 'Sumatera Selatan' });
    const districts = await server.post('regions.districts', { regencyCode: '16.71' });
    expect(districts.body.value).toContainEqual({ code: '16.71.14', name: 'Plaju' });
    const villages = await server.post('regions.villages', { districtCode: '16.71.14' });
    expect(villages.body.value).toHaveLength(7);
    expect((await server.post('auth.me', {})).body).toEqual({ ok: true, value: { user: null } });
  });
});

describe('deactivating accounts', () => {
  it("a deactivated user's session stops working and login fails like a wrong password; reactivated, it works again", async () => {
    const op = await freshOperator();
    await t.ok('units.list', {}, op.token);
    await t.ok('users.setActive', { id: op.id, active: false }, adminToken);
    await t.fails('units.list', {}, 'UNAUTHENTICATED', op.token);
    // The right password of a deactivated account is not confirmed: the same answer as a wrong one.
    const right = await t.fails('auth.login', { username: op.username, password: op.password }, 'INVALID_CREDENTIALS');
    const wrongOne = await t.fails('auth.login', { username: op.username, password: 'salah-sekali' }, 'INVALID_CREDENTIALS');
    expect(right).toEqual(wrongOne);
    const http = await server.post('auth.login', { username: op.username, password: op.password });
    const httpWrong = await server.post('auth.login', { username: 'tidak-ada-orangnya', password: op.password });
    expect(http.status).toBe(401);
    expect(http.body).toEqual(httpWrong.body);
    expect(http.setCookies).toEqual([]);
    // Three failures, the right password included: the next attempt waits, as after three wrong ones.
    await t.fails('auth.login', { username: op.username, password: op.password }, 'LOGIN_DELAYED');
    // Only the audit log tells an admin which failures had the right password.
    const audit = db.prepare("SELECT details FROM audit_log WHERE username = ? AND action = 'auth.login_failed' ORDER BY seq").pluck().all(op.username) as string[];
    expect(audit.map((d) => JSON.parse(d) as unknown)).toEqual([{ failures: 1, inactive: true }, { failures: 2 }, { failures: 3, inactive: true }]);
    t.clock.advanceSeconds(LOGIN_POLICY.maxDelaySeconds);
    await t.ok('users.setActive', { id: op.id, active: true }, adminToken);
    await t.fails('units.list', {}, 'UNAUTHENTICATED', op.token); // the old session stays ended
    await login(t, op.username, op.password);
  });

  it('a deactivated account with the right password is locked after as many attempts as with wrong ones', async () => {
    const op = await freshOperator();
    await t.ok('users.setActive', { id: op.id, active: false }, adminToken);
    for (let i = 1; i <= LOGIN_POLICY.lockAfter; i++) {
      await t.fails('auth.login', { username: op.username, password: op.password }, 'INVALID_CREDENTIALS');
      t.clock.advanceSeconds(LOGIN_POLICY.maxDelaySeconds);
    }
    await t.fails('auth.login', { username: op.username, password: op.password }, 'ACCOUNT_LOCKED');
    t.clock.advanceSeconds(LOGIN_POLICY.lockMinutes * 60);
    await t.ok('users.setActive', { id: op.id, active: true }, adminToken);
  });

  it('a session ends as soon as its account is inactive, however the flag was set (e.g. by an import)', async () => {
    const op = await freshOperator();
    const raw = new Database(dbFile(t.dataDir));
    try {
      raw.prepare('UPDATE users SET active = 0 WHERE id = ?').run(op.id);
      await t.fails('units.list', {}, 'UNAUTHENTICATED', op.token);
      raw.prepare('UPDATE users SET active = 1 WHERE id = ?').run(op.id);
      await t.ok('units.list', {}, op.token);
    } finally {
      raw.close();
    }
  });

  it('the last active admin cannot be deactivated; with a second admin it can', async () => {
    const me = (await t.ok('auth.me', {}, adminToken)).user!;
    // An admin cannot lock themselves out; the CLI (a local admin without an account) meets the last-admin rule.
    const self = await t.fails('users.setActive', { id: me.id, active: false }, 'VALIDATION', adminToken);
    expect(self.details?.issues).toEqual([{ path: ['active'], message: 'validation.self_deactivate' }]);
    const { result } = await t.backend.call('users.setActive', { id: me.id, active: false }, { door: 'cli', actor: cliActor('tester') });
    expect(result).toMatchObject({ ok: false, error: { details: { issues: [{ path: ['active'], message: 'validation.last_admin' }] } } });
    await t.ok('auth.me', {}, adminToken);

    const second = await t.ok('users.create', { username: 'admin2', fullName: 'Admin Dua', role: 'admin', password: 'sandi-admin-dua' }, adminToken);
    const secondToken = await login(t, 'admin2', 'sandi-admin-dua');
    await t.ok('users.setActive', { id: me.id, active: false }, secondToken);
    await t.fails('users.list', {}, 'UNAUTHENTICATED', adminToken);
    await t.fails('users.setActive', { id: second.id, active: false }, 'VALIDATION', secondToken);
    await t.ok('users.setActive', { id: me.id, active: true }, secondToken);
    adminToken = await login(t, 'admin', ADMIN.password);
  });

  it('an admin resetting a password ends that user\'s sessions; the new password works', async () => {
    const op = await freshOperator();
    await t.ok('users.resetPassword', { id: op.id, newPassword: 'sandi-dari-admin' }, adminToken);
    await t.fails('units.list', {}, 'UNAUTHENTICATED', op.token);
    await t.fails('auth.login', { username: op.username, password: op.password }, 'INVALID_CREDENTIALS');
    await login(t, op.username, 'sandi-dari-admin');
  });

  it('users.setActive on an unknown id is NOT_FOUND', async () => {
    await t.fails('users.setActive', { id: '019a0000-0000-7000-8000-0000000000ff', active: false }, 'NOT_FOUND', adminToken);
  });
});

describe('changing one\'s own password', () => {
  it('a wrong current password is VALIDATION on currentPassword; the new one then works, the old one not', async () => {
    const op = await freshOperator();
    const error = await t.fails('auth.changePassword', { currentPassword: 'bukan-sandi-saya', newPassword: 'sandi-baru-sekali' }, 'VALIDATION', op.token);
    expect(error.details?.issues).toEqual([{ path: ['currentPassword'], message: 'validation.current_password_wrong' }]);
    const short = await t.fails('auth.changePassword', { currentPassword: op.password, newPassword: 'pendek' }, 'VALIDATION', op.token);
    expect(short.details?.issues?.[0]).toMatchObject({ path: ['newPassword'], message: 'validation.password_too_short' });
    await login(t, op.username, op.password); // nothing changed yet
    await t.ok('auth.changePassword', { currentPassword: op.password, newPassword: 'sandi-baru-sekali' }, op.token);
    await t.fails('auth.login', { username: op.username, password: op.password }, 'INVALID_CREDENTIALS');
    await login(t, op.username, 'sandi-baru-sekali');
  });

  it('needs a session', async () => {
    await t.fails('auth.changePassword', { currentPassword: 'x', newPassword: 'sandi-baru-sekali' }, 'UNAUTHENTICATED');
  });
});

describe('password length', () => {
  const tooLong = 'k'.repeat(PASSWORD_MAX_LENGTH + 1);
  const longest = 'k'.repeat(PASSWORD_MAX_LENGTH);
  const tooLongIssue = (path: string) => [{ path: [path], message: 'validation.too_long' }];

  it(`every password field refuses more than ${PASSWORD_MAX_LENGTH} characters with VALIDATION, before anything is hashed or written`, async () => {
    const op = await freshOperator();
    const before = count(db, 'SELECT count(*) AS n FROM change_journal');
    expect((await t.fails('auth.login', { username: op.username, password: tooLong }, 'VALIDATION')).details?.issues).toEqual(tooLongIssue('password'));
    expect((await t.fails('users.create', { username: 'panjang', fullName: 'Sandi Panjang', role: 'operator', password: tooLong }, 'VALIDATION', adminToken)).details?.issues).toEqual(tooLongIssue('password'));
    expect((await t.fails('users.resetPassword', { id: op.id, newPassword: tooLong }, 'VALIDATION', adminToken)).details?.issues).toEqual(tooLongIssue('newPassword'));
    expect((await t.fails('auth.changePassword', { currentPassword: tooLong, newPassword: 'sandi-baru-sekali' }, 'VALIDATION', op.token)).details?.issues).toEqual(tooLongIssue('currentPassword'));
    expect((await t.fails('auth.changePassword', { currentPassword: op.password, newPassword: tooLong }, 'VALIDATION', op.token)).details?.issues).toEqual(tooLongIssue('newPassword'));
    const fresh = openTestBackend();
    try {
      const setup = await fresh.fails('office.setup', setupInput({ admin: { ...ADMIN, password: tooLong } }), 'VALIDATION');
      expect(setup.details?.issues).toEqual([{ path: ['admin', 'password'], message: 'validation.too_long' }]);
    } finally {
      fresh.close();
    }
    // The refused login was never counted.
    expect(count(db, 'SELECT count(*) AS n FROM login_throttle WHERE username = ?', op.username)).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM change_journal')).toBe(before);
  });

  it(`a password of exactly ${PASSWORD_MAX_LENGTH} characters is taken and logs in`, async () => {
    await t.ok('users.create', { username: 'sandipanjang', fullName: 'Sandi Panjang', role: 'operator', password: longest }, adminToken);
    await login(t, 'sandipanjang', longest);
  });

  it('a login username longer than any account is refused before it is counted', async () => {
    const name = 'u'.repeat(100_000);
    await t.fails('auth.login', { username: name, password: 'apa-saja' }, 'VALIDATION');
    expect(count(db, 'SELECT count(*) AS n FROM login_throttle WHERE length(username) > 100')).toBe(0);
  });
});

describe('the session cookie over HTTP', () => {
  it('login sets an HttpOnly, SameSite=Strict cookie; it carries the session; logout clears it and ends the session', async () => {
    const res = await server.post('auth.login', { username: 'admin', password: ADMIN.password });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, value: { user: expect.objectContaining({ username: 'admin', role: 'admin' }) } });
    expect(res.setCookies).toHaveLength(1);
    const cookie = res.setCookies[0]!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\//i);
    const token = sessionFromCookies(res.setCookies)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(res.body)).not.toContain(token);

    expect((await server.post('users.list', {}, { token })).status).toBe(200);

    const out = await server.post('auth.logout', {}, { token });
    expect(out.status).toBe(200);
    expect(out.setCookies).toHaveLength(1);
    expect(out.setCookies[0]).toMatch(/^bangkom_session=;/);
    expect(out.setCookies[0]).toMatch(/Max-Age=0/i);
    expect((await server.post('users.list', {}, { token })).status).toBe(401);
  });

  it('office.setup over HTTP logs the new admin in with the same kind of cookie', async () => {
    const fresh = openTestBackend();
    const srv = await startTestServer(fresh.backend);
    try {
      const before = await srv.post('system.status', {});
      expect(before.body.value.setupDone).toBe(false);
      await expect(fresh.fails('office.get', {}, 'UNAUTHENTICATED')).resolves.toBeTruthy();
      const res = await srv.post('office.setup', {
        regionCode: '16.71.14', name: 'Kantor Kecamatan Plaju', address: '', timezone: 'Asia/Jakarta',
        signer: { name: 'Camat', nip: '19700101 199003 1 002', title: 'Camat' }, admin: ADMIN,
      });
      expect(res.status).toBe(200);
      expect(res.setCookies[0]).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/i);
      const token = sessionFromCookies(res.setCookies)!;
      expect((await srv.post('auth.me', {}, { token })).body.value.user).toMatchObject({ username: 'admin', role: 'admin' });
    } finally {
      await srv.close();
      fresh.close();
    }
  });
});

describe('session lifetime', () => {
  it(`a session ends after ${LOGIN_POLICY.sessionHours} idle hours; activity keeps it alive`, async () => {
    const fresh = openTestBackend();
    try {
      const token = await setUpOffice(fresh);
      fresh.clock.advanceSeconds(LOGIN_POLICY.sessionHours * 3600 - 60);
      await fresh.ok('system.ping', {}, token); // slides the expiry
      fresh.clock.advanceSeconds(LOGIN_POLICY.sessionHours * 3600 - 60);
      await fresh.ok('system.ping', {}, token);
      fresh.clock.advanceSeconds(LOGIN_POLICY.sessionHours * 3600 + 1);
      await fresh.fails('system.ping', {}, 'UNAUTHENTICATED', token);
      await fresh.fails('system.ping', {}, 'UNAUTHENTICATED', token);
    } finally {
      fresh.close();
    }
  });
});
