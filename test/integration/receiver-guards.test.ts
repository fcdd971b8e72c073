// What the city's receiver refuses, seen from outside: no token or a wrong one (401, answered
// before any of the body is read, nothing kept), another kecamatan's token (403, nothing imported),
// too many wrong tokens from one address (429, while the right token is still taken) or uploads
// with one token (429 with Retry-After), a body over the limit (413, declared or counted), a
// foreign Host (421); every other method still needs a login, the generic JSON route
// does not serve the upload, and a kecamatan's data folder cannot be a receiver.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_NAME_HEADER } from '../../shared/domain/batch-upload.ts';
import { startHttpServer } from '../../electron/server/http.ts';
import { ADMIN, openTestBackend, removeTempDirs, setUpOffice } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { rosterCsv, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';
import { cityOffice, receivedFiles, startReceiver, trust, type Office } from '../helpers/upload.ts';
import { streamedPost, type StreamedAnswer, type StreamedPost } from '../helpers/streamed-post.ts';
import type { ReceiverOptions } from '../../electron/server/receiver.ts';

afterEach(() => removeTempDirs());

/** POST to the receiver: the raw file, its token, written as fast as the server reads (16 KB pieces). */
function rawPost(port: number, opts: Omit<StreamedPost, 'path'> & { path?: string; token?: string | null; host?: string }): Promise<StreamedAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream', ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.host !== undefined) headers.host = opts.host;
  return streamedPost(port, { ...opts, path: opts.path ?? '/api/batches.upload', headers, pieceBytes: 16 * 1024 });
}

interface Setup { o: TrainingOffice; plaju: Office; city: Office; batch: Uint8Array; fileName: string; token: string }

async function plajuAndCity(): Promise<Setup> {
  const o = await trainingOffice({ people: 3 });
  const plaju: Office = { t: o.t, token: o.token };
  const city = await cityOffice();
  await trust(city, plaju);
  await trust(plaju, city);
  const made = await plaju.t.ok('batch.export', {}, plaju.token);
  const { token } = await city.t.ok('offices.uploadToken', { officeCode: '16.71.14' }, city.token);
  return { o, plaju, city, batch: new Uint8Array(fs.readFileSync(made.file)), fileName: made.fileName, token };
}

async function withReceiver(options: ReceiverOptions, test: (s: Setup, port: number) => Promise<void>): Promise<void> {
  const s = await plajuAndCity();
  const receiver = await startReceiver(s.city, options);
  try {
    await test(s, Number(new URL(receiver.url).port));
  } finally {
    await receiver.close();
    s.o.close();
    s.city.t.close();
  }
}

const nothingAtCity = (s: Setup) => {
  expect(s.city.t.backend.db.prepare('SELECT count(*) FROM city_batches').pluck().get()).toBe(0);
  expect(s.city.t.backend.db.prepare('SELECT count(*) FROM city_rows').pluck().get()).toBe(0);
  expect(receivedFiles(s.city.t.dataDir)).toEqual([]);
};

describe('the receiver: tokens', () => {
  it('no token, or a wrong one: 401 before any of the body is read (the body never even ends), nothing kept or imported', () =>
    withReceiver({}, async (s, port) => {
      const none = await rawPost(port, { body: s.batch, end: false });
      expect(none.status).toBe(401);
      expect(none.ended).toBe(false);
      expect(none.headers['www-authenticate']).toBe('Bearer realm="bangkom"');
      expect(none.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', details: { reason: 'token_missing', messageKey: 'batches.upload.token_missing' } } });
      const wrong = await rawPost(port, { token: 'A'.repeat(43), body: s.batch, end: false });
      expect(wrong.status).toBe(401);
      expect(wrong.ended).toBe(false);
      expect(wrong.body.error.details).toMatchObject({ reason: 'token_invalid' });
      // A token for a session is not an upload token either.
      const session = await rawPost(port, { token: s.city.token, body: s.batch });
      expect(session.status).toBe(401);
      nothingAtCity(s);
      // The right one is taken.
      const right = await rawPost(port, { token: s.token, body: s.batch });
      expect(right.status).toBe(200);
      expect(right.body.value.result.status).toBe('imported');
    }));

  it("another kecamatan's token: 403, nothing imported; the sender says the token is another kecamatan's", async () => {
    const s = await plajuAndCity();
    const receiver = await startReceiver(s.city);
    const other = openTestBackend();
    try {
      const otherToken = await setUpOffice(other, { regionCode: '16.71.01', name: 'Kantor Kecamatan Ilir Barat II' });
      await other.ok('roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(rosterCsv(1)).toString('base64') }, otherToken);
      await trust(s.city, { t: other, token: otherToken });
      const ilirToken = (await s.city.t.ok('offices.uploadToken', { officeCode: '16.71.01' }, s.city.token)).token;

      const port = Number(new URL(receiver.url).port);
      const answer = await rawPost(port, { token: ilirToken, body: s.batch, headers: { [FILE_NAME_HEADER]: encodeURIComponent(s.fileName) } });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'token_other_office', token: '16.71.01', office: '16.71.14' } } });
      expect(s.city.t.backend.db.prepare('SELECT count(*) FROM city_batches').pluck().get()).toBe(0);
      expect(s.city.t.backend.db.prepare('SELECT count(*) FROM city_rows').pluck().get()).toBe(0);

      await s.plaju.t.ok('batch.setSendSettings', { url: receiver.url, token: ilirToken }, s.plaju.token);
      const sent = await s.plaju.t.ok('batch.send', {}, s.plaju.token);
      expect(sent.attempts).toEqual([{ seq: 1, outcome: 'failed', message: 'batches.send.token_other_office', params: { seq: 1 } }]);
      expect(s.city.t.backend.db.prepare('SELECT count(*) FROM city_rows').pluck().get()).toBe(0);
    } finally {
      other.close();
      await receiver.close();
      s.o.close();
      s.city.t.close();
    }
  });

  it('wrong tokens from one address: after 10, 429 with Retry-After for more wrong or missing ones; the right token still uploads (a web page or a neighbour behind the same NAT cannot lock a kecamatan out)', async () => {
    let now = 1_000_000;
    await withReceiver({ now: () => now }, async (s, port) => {
      for (let i = 0; i < 10; i++) expect((await rawPost(port, { token: `salah-${i}`, body: s.batch })).status).toBe(401);
      now += 10_000;
      const blocked = await rawPost(port, { token: 'salah-lagi', body: s.batch, end: false });
      expect(blocked.status).toBe(429);
      expect(blocked.ended).toBe(false);
      expect(blocked.headers['retry-after']).toBe('590');
      expect(blocked.body).toMatchObject({ ok: false, error: { code: 'LOGIN_DELAYED', details: { messageKey: 'batches.upload.too_many_failures', retryAfterSeconds: 590 } } });
      expect((await rawPost(port, { body: s.batch, end: false })).status).toBe(429);
      nothingAtCity(s);
      // The kecamatan's own upload from the same address goes in.
      const right = await rawPost(port, { token: s.token, body: s.batch });
      expect(right.status).toBe(200);
      expect(right.body.value.result.status).toBe('imported');
      now += 590_000;
      expect((await rawPost(port, { token: 'salah', body: s.batch })).status).toBe(401);
    });
  });

  it("behind the city's reverse proxy, wrong tokens count per client address, an IPv6 client by its /64 however it is written", () =>
    withReceiver({ failedTokens: { max: 2, windowMs: 60_000 } }, async (s, port) => {
      const from = async (address: string) => (await rawPost(port, { token: 'salah', body: s.batch, headers: { 'x-forwarded-for': `198.51.100.7, ${address}` } })).status;
      expect(await from('2001:db8:1:2::a')).toBe(401);
      expect(await from('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(401);
      expect(await from('2001:0DB8:0001:0002:0:0:0:c')).toBe(429);
      expect(await from('2001:db8:1:3::a')).toBe(401);
      expect(await from('203.0.113.5')).toBe(401);
      expect(await from('::ffff:203.0.113.5')).toBe(401);
      expect(await from('203.0.113.5')).toBe(429);
      expect(await from('203.0.113.6')).toBe(401);
      nothingAtCity(s);
    }));

  it('too many uploads with one token: 429 with Retry-After; the outbox waits at least that long', async () => {
    let now = 1_000_000;
    await withReceiver({ uploadsPerToken: { max: 2, windowMs: 60_000 }, now: () => now }, async (s, port) => {
      expect((await rawPost(port, { token: s.token, body: s.batch })).status).toBe(200);
      expect((await rawPost(port, { token: s.token, body: s.batch })).status).toBe(200);
      const third = await rawPost(port, { token: s.token, body: s.batch });
      expect(third.status).toBe(429);
      expect(third.headers['retry-after']).toBe('60');
      expect(third.body.error.details).toMatchObject({ messageKey: 'batches.upload.too_many_uploads' });

      // Plaju's Kirim meets the same limit: it waits the minute the city asked for, not 30 s.
      await s.plaju.t.ok('batch.setSendSettings', { url: `http://127.0.0.1:${port}`, token: s.token }, s.plaju.token);
      const sent = await s.plaju.t.ok('batch.send', {}, s.plaju.token);
      expect(sent.attempts).toEqual([{ seq: 1, outcome: 'failed', message: 'batches.send.rate_limited', params: { seq: 1, status: 429 } }]);
      expect(sent.nextAttemptAt).toBe(new Date(s.o.clock.now().getTime() + 60_000).toISOString());
      now += 60_000;
      s.o.clock.advance(60_000);
      expect((await s.plaju.t.backend.sendDue())!.attempts).toMatchObject([{ outcome: 'diterima' }]);
    });
  });
});

describe('the receiver: bodies', () => {
  it('a declared Content-Length over the limit: 413 before the body is sent; a chunked body counted and refused at the limit; nothing kept', () =>
    withReceiver({ maxBytes: 64 * 1024 }, async (s, port) => {
      const declared = await rawPost(port, { token: s.token, declared: 300 * 1024 * 1024, total: 300 * 1024 * 1024 });
      expect(declared.status).toBe(413);
      expect(declared.ended).toBe(false);
      expect(declared.sent).toBeLessThan(10 * 1024 * 1024);
      expect(declared.body).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', details: { maxBytes: 64 * 1024 } } });
      const chunked = await rawPost(port, { token: s.token, total: 64 * 1024 * 1024 });
      expect(chunked.status).toBe(413);
      expect(chunked.sent).toBeLessThan(64 * 1024 * 1024);
      nothingAtCity(s);
      // Within the limit, chunked or declared, a batch goes in.
      expect(s.batch.length).toBeLessThan(64 * 1024);
      expect((await rawPost(port, { token: s.token, body: s.batch })).status).toBe(200);
    }));

  it('an empty body: 400; a file that is not a batch: kept as it came, judged malformed (422), nothing imported', () =>
    withReceiver({}, async (s, port) => {
      const empty = await rawPost(port, { token: s.token, body: new Uint8Array(0) });
      expect(empty.status).toBe(400);
      const junk = await rawPost(port, { token: s.token, body: new TextEncoder().encode('bukan kiriman'), headers: { [FILE_NAME_HEADER]: '..%2F..%2Fetc%2Fpasswd' } });
      expect(junk.status).toBe(422);
      expect(junk.body).toMatchObject({ ok: true, value: { result: { status: 'malformed', fileName: 'passwd.bkbatch' }, receipt: null } });
      expect(receivedFiles(s.city.t.dataDir)).toEqual([expect.stringMatching(/^16\.71\.14\/[0-9a-f]{16}-passwd\.bkbatch$/)]);
      expect(s.city.t.backend.db.prepare('SELECT count(*) FROM city_batches').pluck().get()).toBe(0);
    }));
});

describe('the receiver: everything else as it was', () => {
  it('other methods still need a login, the generic route does not serve batch.upload, and a foreign Host gets 421', () =>
    withReceiver({}, async (s, port) => {
      const list = await rawPost(port, { path: '/api/employees.list', body: new TextEncoder().encode('{}'), headers: { 'content-type': 'application/json' } });
      expect(list.status).toBe(401);
      expect(list.body.error.code).toBe('UNAUTHENTICATED');
      // The city's own staff still log in and work as ever on the same server.
      const login = await rawPost(port, { path: '/api/auth.login', body: new TextEncoder().encode(JSON.stringify({ username: ADMIN.username, password: ADMIN.password })), headers: { 'content-type': 'application/json' } });
      expect(login.status).toBe(200);

      const generic = await rawPost(port, {
        path: '/api/batch.upload', headers: { 'content-type': 'application/json' },
        body: new TextEncoder().encode(JSON.stringify({ token: s.token, fileName: s.fileName, dataBase64: Buffer.from(s.batch).toString('base64') })),
      });
      expect(generic.status).toBe(404);
      expect(generic.body.error.code).toBe('UNKNOWN_METHOD');

      const foreign = await rawPost(port, { host: 'kota.example:80', token: s.token, body: s.batch, end: false });
      expect(foreign.status).toBe(421);
      expect(foreign.ended).toBe(false);
      nothingAtCity(s);
    }));

  it('a kecamatan (or an office not set up) cannot be a receiver: refused at start, also by `bangkom serve --receiver`', async () => {
    const o = await trainingOffice({ people: 1 });
    const fresh = openTestBackend();
    try {
      await expect(startHttpServer({ backend: o.t.backend, port: 0, receiver: true })).rejects.toThrow(/Kantor Kecamatan Plaju adalah kantor kecamatan.*hanya untuk kantor BKPSDM kota\/kabupaten/);
      await expect(startHttpServer({ backend: fresh.backend, port: 0, receiver: true })).rejects.toThrow(/Kantor belum diatur/);
      // Without --receiver the kecamatan serves as ever.
      const plain = await startHttpServer({ backend: o.t.backend, port: 0 });
      await plain.close();
      const dir = o.t.dataDir;
      o.close();
      const run = await captureCli(['--data', dir, 'serve', '--receiver', '--port', '0']);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^bangkom: Kantor Kecamatan Plaju adalah kantor kecamatan\. Penerima kiriman \(--receiver\) hanya untuk kantor BKPSDM kota\/kabupaten/);
    } finally {
      o.close();
      fresh.close();
    }
  });
});
