// The outbox when the network comes and goes, between Kecamatan Plaju and the city's running
// receiver with a TCP proxy between them that cuts the line when the test says: the batch waits
// with the error in the clerk's words and a backoff, the automatic round sends it once due (also
// after a restart), and the city holds every record once however often a batch arrived.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sendBackoffMs } from '../../shared/domain/batch-upload.ts';
import type { RunningServer } from '../../electron/server/http.ts';
import { createBackend } from '../../electron/backend/backend.ts';
import { outboxTimer } from '../../electron/backend/batches/send.ts';
import { openTestBackend, removeTempDirs, login, ADMIN } from '../helpers/backend.ts';
import { startTestServer } from '../helpers/http.ts';
import { trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';
import { answerJson, cityOffice, cityRowCount, cutProxy, fakeReceiver, receivedFiles, rowsIn, startReceiver, trust, type CutProxy, type Office } from '../helpers/upload.ts';
import { ilirBaratKecamatan } from '../helpers/city.ts';

afterEach(() => removeTempDirs());

interface Line { o: TrainingOffice; plaju: Office; city: Office; receiver: RunningServer; proxy: CutProxy; close(): Promise<void> }

/** Plaju and the city trusting each other, the receiver listening behind a proxy, Plaju set up to send through it. */
async function line(): Promise<Line> {
  const o = await trainingOffice({ people: 3 });
  const plaju: Office = { t: o.t, token: o.token };
  const city = await cityOffice();
  await trust(city, plaju);
  await trust(plaju, city);
  const proxy = await cutProxy();
  // The kecamatan reaches the city under the proxy's address: the city's IT staff allowed that name.
  const receiver = await startReceiver(city, {}, [proxy.host]);
  proxy.target = receiver.url;
  const { token } = await city.t.ok('offices.uploadToken', { officeCode: '16.71.14' }, city.token);
  await plaju.t.ok('batch.setSendSettings', { url: proxy.url, token }, plaju.token);
  return {
    o, plaju, city, receiver, proxy,
    close: async () => {
      await proxy.close();
      await receiver.close();
      o.close();
      city.t.close();
    },
  };
}

const cityState = (city: Office) => ({
  rows: city.t.backend.db.prepare('SELECT entity, id, row_version, data FROM city_rows ORDER BY entity, id').all(),
  batches: city.t.backend.db.prepare('SELECT seq, sha256, status FROM city_batches ORDER BY seq').all(),
});

/** A change at Plaju, so that the next batch has something in it. */
async function changeSomething(o: TrainingOffice, i: number): Promise<void> {
  await o.t.ok('employees.setStatus', { id: o.employees[i]!.id, status: 'pindah', statusDate: '2026-11-24' }, o.token);
}

describe('the outbox when the network is cut', () => {
  it('cut while the body is on its way: the city has nothing, the batch waits with the error and a backoff; the automatic round sends it once due → diterima', async () => {
    const l = await line();
    const { o, plaju, city, proxy } = l;
    try {
      const made = await plaju.t.ok('batch.export', {}, plaju.token);
      const size = fs.statSync(made.file).size;
      proxy.mode = { kind: 'cut_request', afterBytes: Math.floor(size / 2) };
      const sent = await plaju.t.ok('batch.send', {}, plaju.token);
      expect(proxy.cuts).toBe(1);
      expect(sent.attempts).toEqual([{ seq: 1, outcome: 'failed', message: 'batches.send.network', params: { seq: 1, host: proxy.host } }]);
      const retryAt = new Date(o.clock.now().getTime() + 30_000).toISOString();
      expect(sent).toMatchObject({ waiting: 1, nextAttemptAt: retryAt });
      expect(await plaju.t.ok('batch.list', {}, plaju.token)).toMatchObject([{
        seq: 1, state: 'dibuat', sendAttempts: 1, sentAt: null, nextSendAt: retryAt,
        lastSendError: `Kota (${proxy.host}) tidak dapat dihubungi: periksa jaringan atau internet. Kiriman 1 tetap di outbox dan dikirim lagi otomatis.`,
        receipt: null,
      }]);
      // Half a body reached the city: nothing kept, nothing imported.
      expect(cityState(city)).toEqual({ rows: [], batches: [] });
      expect(receivedFiles(city.t.dataDir)).toEqual([]);

      // Not due yet: the automatic round does nothing.
      o.clock.advance(29_000);
      expect(await plaju.t.backend.sendDue()).toBeNull();
      expect(cityState(city).batches).toEqual([]);
      o.clock.advance(1_000);
      const retried = await plaju.t.backend.sendDue();
      expect(retried).toMatchObject({ attempts: [{ seq: 1, outcome: 'diterima' }], waiting: 0, nextAttemptAt: null });
      expect(await plaju.t.ok('batch.list', {}, plaju.token)).toMatchObject([{ seq: 1, state: 'diterima', sendAttempts: 2, nextSendAt: null, lastSendError: null }]);
      expect(cityRowCount(city)).toBe(rowsIn(made.counts));
      // Nothing waits any more: the round has nothing to do.
      o.clock.advance(3_600_000);
      expect(await plaju.t.backend.sendDue()).toBeNull();
      // The receipt was imported by the automatic round, named as such in the trail.
      expect(plaju.t.backend.db.prepare("SELECT username FROM audit_log WHERE action = 'batch.importReceipt'").pluck().all()).toEqual(['otomatis']);
    } finally {
      await l.close();
    }
  });

  it('cut after the city imported, before its answer came back: the resend gets already_imported and the same receipt; the city has each record once', async () => {
    const l = await line();
    const { plaju, city, proxy } = l;
    try {
      const made = await plaju.t.ok('batch.export', {}, plaju.token);
      proxy.mode = { kind: 'cut_answer' };
      const sent = await plaju.t.ok('batch.send', {}, plaju.token);
      expect(proxy.cuts).toBe(1);
      expect(sent.attempts).toMatchObject([{ seq: 1, outcome: 'failed', message: 'batches.send.network' }]);
      // The city has it all; Plaju does not know.
      expect(cityRowCount(city)).toBe(rowsIn(made.counts));
      const atCity = cityState(city);
      expect(atCity.batches).toEqual([{ seq: 1, sha256: made.sha256, status: 'imported' }]);
      expect((await plaju.t.ok('batch.list', {}, plaju.token))[0]).toMatchObject({ state: 'dibuat', receipt: null });

      // The clerk presses Kirim again (no need to wait for the backoff).
      const again = await plaju.t.ok('batch.send', {}, plaju.token);
      expect(again.attempts).toMatchObject([{ seq: 1, outcome: 'diterima' }]);
      const answer = proxy.answers.join('');
      expect(answer).toContain('"status":"already_imported"');
      // The same receipt the city wrote at the first import.
      const kept = await city.t.ok('batch.receipt', { officeCode: '16.71.14', seq: 1, sha256: made.sha256 }, city.token);
      expect(plaju.t.backend.db.prepare('SELECT receipt_sha256 FROM batch_receipts WHERE seq = 1').pluck().get())
        .toBe(createHash('sha256').update(Buffer.from(kept.dataBase64, 'base64')).digest('hex'));
      expect(city.t.backend.db.prepare('SELECT count(*) FROM city_receipts').pluck().get()).toBe(1);
      // Each record once, nothing changed by the second arrival.
      expect(cityState(city)).toEqual(atCity);
      expect(cityRowCount(city)).toBe(rowsIn(made.counts));
      expect(receivedFiles(city.t.dataDir)).toHaveLength(1);
      expect(await plaju.t.ok('batch.list', {}, plaju.token)).toMatchObject([{ seq: 1, state: 'diterima', sendAttempts: 2 }]);
    } finally {
      await l.close();
    }
  });

  it('the backoff doubles with each failed try, 30 s up to 30 minutes; a receiver that never answers times out', async () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(sendBackoffMs)).toEqual([30, 60, 120, 240, 480, 960, 1800, 1800, 1800].map((s) => s * 1000));
    const o = await trainingOffice({ people: 2 });
    const proxy = await cutProxy();
    try {
      // A sender that gives up after half a second, to a "city" that takes the request and never answers.
      const dir = o.t.dataDir;
      o.close();
      const t = openTestBackend({ dataDir: dir, clock: o.clock, sendTimeoutMs: 500 });
      const token = await login(t, ADMIN.username, ADMIN.password);
      const city = await startTestServer(t.backend); // anything listening; the proxy never passes the request on
      proxy.target = city.url;
      proxy.mode = { kind: 'stall' };
      await t.ok('batch.setSendSettings', { url: proxy.url, token: 'x'.repeat(43) }, token);
      await t.ok('batch.export', {}, token);
      const steps: (string | null)[] = [];
      for (let i = 0; i < 3; i++) {
        const sent = await t.ok('batch.send', {}, token);
        expect(sent.attempts).toEqual([{ seq: 1, outcome: 'failed', message: 'batches.send.timeout', params: { seq: 1 } }]);
        steps.push(sent.nextAttemptAt);
      }
      const now = o.clock.now().getTime();
      expect(steps).toEqual([30_000, 60_000, 120_000].map((ms) => new Date(now + ms).toISOString()));
      expect((await t.ok('batch.list', {}, token))[0]).toMatchObject({ sendAttempts: 3, lastSendError: 'Kota tidak menjawab tepat waktu. Kiriman 1 tetap di outbox dan dikirim lagi otomatis.' });
      await city.close();
      t.close();
    } finally {
      await proxy.close();
    }
  });
});

describe('the automatic retries of a long-running Bangkom', () => {
  it('its timer asks at every tick and sends only when due, one round at a time, and stops when closed', async () => {
    let due = false;
    let rounds = 0;
    let release: () => void = () => undefined;
    const timer = outboxTimer({
      enabled: true, intervalMs: 5, due: () => due,
      send: () => { rounds++; return new Promise((done) => { release = () => done(null); }); },
    });
    try {
      await new Promise((r) => setTimeout(r, 30));
      expect(rounds).toBe(0);
      due = true;
      await new Promise((r) => setTimeout(r, 30));
      // A round still running is not started again.
      expect(rounds).toBe(1);
      release();
      await new Promise((r) => setTimeout(r, 30));
      expect(rounds).toBeGreaterThan(1);
    } finally {
      timer.stop();
      release();
    }
    const after = rounds;
    await new Promise((r) => setTimeout(r, 30));
    expect(rounds).toBe(after);
    expect(await timer.runDue()).toBeNull();
  });

  it('a backend with autoSend closes cleanly, and its round finds nothing to do when nothing was sent', async () => {
    const o = await trainingOffice({ people: 1 });
    const dir = o.t.dataDir;
    o.close();
    const backend = createBackend({ dataDir: dir, autoSend: true });
    expect(await backend.sendDue()).toBeNull();
    backend.close();
    expect(await backend.sendDue()).toBeNull();
  });
});

describe('the outbox over restarts and many batches', () => {
  it('resume after restart: Bangkom closed with a batch waiting; reopened, the automatic round sends it when due', async () => {
    const l = await line();
    const { o, plaju, city, proxy } = l;
    try {
      const made = await plaju.t.ok('batch.export', {}, plaju.token);
      proxy.mode = { kind: 'cut_request', afterBytes: 200 };
      expect((await plaju.t.ok('batch.send', {}, plaju.token)).attempts).toMatchObject([{ outcome: 'failed' }]);
      const dir = plaju.t.dataDir;
      plaju.t.close();

      o.clock.advance(10 * 60_000);
      const reopened = openTestBackend({ dataDir: dir, clock: o.clock });
      try {
        const resumed = await reopened.backend.sendDue();
        expect(resumed).toMatchObject({ attempts: [{ seq: 1, outcome: 'diterima' }], waiting: 0 });
        const token = await login(reopened, ADMIN.username, ADMIN.password);
        expect(await reopened.ok('batch.list', {}, token)).toMatchObject([{ seq: 1, state: 'diterima', sendAttempts: 2 }]);
        expect(cityRowCount(city)).toBe(rowsIn(made.counts));
      } finally {
        reopened.close();
      }
    } finally {
      await l.close();
    }
  });

  it('a batch made but never sent is left to the clerk: the automatic round sends only after a Kirim', async () => {
    const l = await line();
    const { o, plaju, city } = l;
    try {
      await plaju.t.ok('batch.export', {}, plaju.token);
      o.clock.advance(24 * 3_600_000);
      expect(await plaju.t.backend.sendDue()).toBeNull();
      expect(cityState(city).batches).toEqual([]);
    } finally {
      await l.close();
    }
  });

  it('several batches go oldest first, each diterima; a cut in the middle stops the round and the rest wait in order', async () => {
    const l = await line();
    const { o, plaju, city, proxy } = l;
    try {
      const made = [await plaju.t.ok('batch.export', {}, plaju.token)];
      for (const i of [0, 1, 2]) {
        await changeSomething(o, i);
        made.push(await plaju.t.ok('batch.export', {}, plaju.token));
      }
      expect(made.map((m) => m.seq)).toEqual([1, 2, 3, 4]);

      // Batch 1 goes, then the line is cut during batch 2: 3 and 4 are not tried.
      proxy.onAnswer = () => {
        proxy.mode = { kind: 'cut_request', afterBytes: 100 };
        proxy.onAnswer = undefined;
      };
      const sent = await plaju.t.ok('batch.send', {}, plaju.token);
      expect(sent.attempts.map((a) => [a.seq, a.outcome])).toEqual([[1, 'diterima'], [2, 'failed']]);
      expect(sent.waiting).toBe(3);
      const list = await plaju.t.ok('batch.list', {}, plaju.token);
      expect(list.map((b) => [b.seq, b.state, b.sendAttempts])).toEqual([[4, 'dibuat', 0], [3, 'dibuat', 0], [2, 'dibuat', 1], [1, 'diterima', 1]]);
      expect(cityState(city).batches).toEqual([{ seq: 1, sha256: made[0]!.sha256, status: 'imported' }]);

      o.clock.advance(30_000);
      const rest = await plaju.t.backend.sendDue();
      expect(rest!.attempts.map((a) => [a.seq, a.outcome])).toEqual([[2, 'diterima'], [3, 'diterima'], [4, 'diterima']]);
      // In order at the city: nothing held after a gap.
      expect(cityState(city).batches).toEqual(made.map((m) => ({ seq: m.seq, sha256: m.sha256, status: 'imported' })));
      expect((await plaju.t.ok('batch.list', {}, plaju.token)).map((b) => b.state)).toEqual(['diterima', 'diterima', 'diterima', 'diterima']);
    } finally {
      await l.close();
    }
  });

  it('a ditolak batch (a row another kecamatan owns) does not block the next one', async () => {
    const l = await line();
    const { o, plaju, city, receiver } = l;
    const { t: other, token: otherToken } = await ilirBaratKecamatan(city);
    try {
      expect((await plaju.t.ok('batch.export', {}, plaju.token)).seq).toBe(1);
      expect((await plaju.t.ok('batch.send', {}, plaju.token)).attempts).toMatchObject([{ outcome: 'diterima' }]);

      // Ilir Barat II holds a person under one of Plaju's ids (copied by hand between offices).
      const theirs = (await other.ok('employees.list', { limit: 10 }, otherToken)).items;
      other.backend.db.prepare('UPDATE employees SET id = ? WHERE id = ?').run(o.employees[1]!.id, theirs[0]!.id);
      await other.ok('batch.export', {}, otherToken);
      await other.ok('employees.setStatus', { id: theirs[1]!.id, status: 'pindah', statusDate: '2026-11-24' }, otherToken);
      await other.ok('batch.export', {}, otherToken);
      const { token } = await city.t.ok('offices.uploadToken', { officeCode: '16.71.01' }, city.token);
      await other.ok('batch.setSendSettings', { url: receiver.url, token }, otherToken);

      const sent = await other.ok('batch.send', {}, otherToken);
      expect(sent.attempts).toEqual([
        { seq: 1, outcome: 'ditolak', message: 'batches.receipt.ditolak', params: expect.objectContaining({ seq: 1, rejected: 1 }) },
        { seq: 2, outcome: 'diterima', message: 'batches.receipt.diterima', params: expect.objectContaining({ seq: 2, rejected: 0 }) },
      ]);
      expect(sent.waiting).toBe(0);
      expect(await other.ok('batch.list', {}, otherToken)).toMatchObject([
        { seq: 2, state: 'diterima' },
        { seq: 1, state: 'ditolak', receipt: { rejected: [{ entity: 'employees', id: o.employees[1]!.id, reason: 'other_office' }] } },
      ]);
    } finally {
      other.close();
      await l.close();
    }
  });

  it('the city lost a batch Plaju had a receipt for: the next one is held (gap) and the clerk is told which to bring on USB', async () => {
    const l = await line();
    const { o, plaju, city } = l;
    try {
      // Batch 1 went by USB; its receipt came back the same way.
      const first = await plaju.t.ok('batch.export', {}, plaju.token);
      await city.t.ok('batch.import', { fileName: first.fileName, dataBase64: fs.readFileSync(first.file).toString('base64') }, city.token);
      const receipt = await city.t.ok('batch.receipt', { officeCode: '16.71.14', seq: 1 }, city.token);
      await plaju.t.ok('batch.importReceipt', { fileName: receipt.fileName, dataBase64: receipt.dataBase64 }, plaju.token);
      // Then the city went back to a copy from before it (its server restored from an older backup).
      const db = city.t.backend.db;
      db.prepare('DELETE FROM city_receipts').run();
      db.prepare('DELETE FROM city_rows').run();
      db.prepare('DELETE FROM city_batches').run();
      db.prepare('UPDATE city_offices SET last_seq = 0, last_sha256 = NULL').run();

      await changeSomething(o, 0);
      await plaju.t.ok('batch.export', {}, plaju.token);
      const sent = await plaju.t.ok('batch.send', {}, plaju.token);
      expect(sent.attempts).toEqual([{ seq: 2, outcome: 'failed', message: 'batches.send.gap', params: { seq: 2, missing: '1' } }]);
      expect((await plaju.t.ok('batch.list', {}, plaju.token))[0]).toMatchObject({
        seq: 2, state: 'dikirim', sentAt: o.clock.iso(), receipt: null,
        lastSendError: 'Kota belum menerima kiriman 1. Simpan kiriman 1 ke USB/folder dan antarkan ke kota; kiriman 2 disimpan kota dan menunggu.',
      });
      expect(cityState(city).batches).toEqual([expect.objectContaining({ seq: 2, status: 'held' })]);

      // The clerk saves batch 1 again (batch.file) and the city imports it: batch 2 follows; the next round gets its receipt.
      const again = await plaju.t.ok('batch.file', { seq: 1 }, plaju.token);
      await city.t.ok('batch.import', { fileName: again.fileName, dataBase64: again.dataBase64 }, city.token);
      o.clock.advance(30_000);
      expect((await plaju.t.backend.sendDue())!.attempts).toMatchObject([{ seq: 2, outcome: 'diterima' }]);
    } finally {
      await l.close();
    }
  });

  it('an address that is not a receiver (a Bangkom served without --receiver) is said plainly', async () => {
    const o = await trainingOffice({ people: 2 });
    const plain = await startTestServer(o.t.backend);
    try {
      await o.t.ok('batch.setSendSettings', { url: plain.url, token: 'x'.repeat(43) }, o.token);
      await o.t.ok('batch.export', {}, o.token);
      const sent = await o.t.ok('batch.send', {}, o.token);
      expect(sent.attempts).toEqual([{ seq: 1, outcome: 'failed', message: 'batches.send.not_receiver', params: { seq: 1, url: `${plain.url}/api/batches.upload` } }]);
    } finally {
      await plain.close();
      o.close();
    }
  });
});

const HOUR = 3_600_000;

describe('what the outbox does not do again by itself', () => {
  it('a refusal the same upload would meet again (the token refused) gets no automatic retry; the clerk\'s Kirim still tries, and with a new token it goes', async () => {
    const l = await line();
    const { o, plaju, city, proxy } = l;
    try {
      await plaju.t.ok('batch.setSendSettings', { url: proxy.url, token: 'y'.repeat(43) }, plaju.token);
      await plaju.t.ok('batch.export', {}, plaju.token);
      const sent = await plaju.t.ok('batch.send', {}, plaju.token);
      expect(sent).toEqual({ attempts: [{ seq: 1, outcome: 'failed', message: 'batches.send.token_refused', params: { seq: 1 } }], waiting: 1, nextAttemptAt: null });
      expect((await plaju.t.ok('batch.list', {}, plaju.token))[0]).toMatchObject({
        sendAttempts: 1, nextSendAt: null,
        lastSendError: expect.stringMatching(/^Token unggah ditolak kota.*Tidak dicoba lagi otomatis: kirim lagi \(Kirim, atau bangkom batch send\)/),
      });
      // Hours later the timer has still not sent it.
      o.clock.advance(3 * HOUR);
      expect(await plaju.t.backend.sendDue()).toBeNull();
      expect(proxy.answers.join('').match(/HTTP\/1\.1 401/g)).toHaveLength(1);
      // The clerk's Kirim tries, and is told again.
      expect((await plaju.t.ok('batch.send', {}, plaju.token)).attempts).toMatchObject([{ outcome: 'failed', message: 'batches.send.token_refused' }]);
      expect((await plaju.t.ok('batch.list', {}, plaju.token))[0]).toMatchObject({ sendAttempts: 2, nextSendAt: null });
      // The admin enters the token the city issues: the next Kirim goes through.
      const { token } = await city.t.ok('offices.uploadToken', { officeCode: '16.71.14' }, city.token);
      await plaju.t.ok('batch.setSendSettings', { url: proxy.url, token }, plaju.token);
      expect(await plaju.t.ok('batch.send', {}, plaju.token)).toMatchObject({ attempts: [{ seq: 1, outcome: 'diterima' }], waiting: 0 });
    } finally {
      await l.close();
    }
  });

  it('an outbox file changed on disk is never uploaded as it is: made again byte for byte when nothing in it changed, and sent', async () => {
    const l = await line();
    const { plaju, city } = l;
    try {
      const made = await plaju.t.ok('batch.export', {}, plaju.token);
      const original = fs.readFileSync(made.file);
      fs.appendFileSync(made.file, 'rusak');
      expect((await plaju.t.ok('batch.send', {}, plaju.token)).attempts).toMatchObject([{ seq: 1, outcome: 'diterima' }]);
      expect(cityState(city).batches).toEqual([{ seq: 1, sha256: made.sha256, status: 'imported' }]);
      expect(fs.readFileSync(made.file).equals(original)).toBe(true);
    } finally {
      await l.close();
    }
  });

  it('an outbox file changed on disk that cannot be made again as it was: nothing uploaded, the clerk told why, no automatic retry', async () => {
    const l = await line();
    const { o, plaju, city, proxy } = l;
    try {
      const made = await plaju.t.ok('batch.export', {}, plaju.token);
      // The data changed after the batch was made (no new batch yet), and its file was damaged.
      await changeSomething(o, 0);
      fs.appendFileSync(made.file, 'rusak');
      const sent = await plaju.t.ok('batch.send', {}, plaju.token);
      expect(sent).toEqual({
        attempts: [{ seq: 1, outcome: 'failed', message: 'batches.send.file_changed', params: { seq: 1, file: made.fileName } }],
        waiting: 1, nextAttemptAt: null,
      });
      expect(proxy.answers).toEqual([]);
      expect(cityState(city)).toEqual({ rows: [], batches: [] });
      expect((await plaju.t.ok('batch.list', {}, plaju.token))[0]).toMatchObject({
        sendAttempts: 1, nextSendAt: null, lastSendError: expect.stringMatching(/^Berkas kiriman 1 .* berubah sejak dibuat .*Tidak dicoba lagi otomatis/),
      });
      o.clock.advance(3 * HOUR);
      expect(await plaju.t.backend.sendDue()).toBeNull();
      expect(proxy.answers).toEqual([]);
    } finally {
      await l.close();
    }
  });
});

describe('the automatic round after a Kirim', () => {
  it('the batch tried came back by USB with its receipt: the next batch, never tried, is sent by the timer', async () => {
    const l = await line();
    const { o, plaju, city, proxy } = l;
    try {
      const first = await plaju.t.ok('batch.export', {}, plaju.token);
      proxy.mode = { kind: 'cut_request', afterBytes: 200 };
      expect((await plaju.t.ok('batch.send', {}, plaju.token)).attempts).toMatchObject([{ seq: 1, outcome: 'failed' }]);
      // The clerk took batch 1 to the city on USB; its receipt came back the same way.
      await city.t.ok('batch.import', { fileName: first.fileName, dataBase64: fs.readFileSync(first.file).toString('base64') }, city.token);
      const receipt = await city.t.ok('batch.receipt', { officeCode: '16.71.14', seq: 1 }, city.token);
      await plaju.t.ok('batch.importReceipt', { fileName: receipt.fileName, dataBase64: receipt.dataBase64 }, plaju.token);

      await changeSomething(o, 0);
      await plaju.t.ok('batch.export', {}, plaju.token);
      const auto = await plaju.t.backend.sendDue();
      expect(auto).toMatchObject({ attempts: [{ seq: 2, outcome: 'diterima' }], waiting: 0, nextAttemptAt: null });
      expect(cityState(city).batches).toMatchObject([{ seq: 1, status: 'imported' }, { seq: 2, status: 'imported' }]);
    } finally {
      await l.close();
    }
  });

  it('two automatic senders on one data folder (the app and bangkom serve): the batch in upload is leased, the other leaves it alone; each try counted once', async () => {
    const o = await trainingOffice({ people: 2 });
    const proxy = await cutProxy();
    const dir = o.t.dataDir;
    o.close();
    const app = openTestBackend({ dataDir: dir, clock: o.clock, sendTimeoutMs: 400 });
    const serve = openTestBackend({ dataDir: dir, clock: o.clock, sendTimeoutMs: 400 });
    const listening = await startTestServer(app.backend);
    try {
      // A city that takes the request and never answers: every try ends in its timeout.
      proxy.target = listening.url;
      proxy.mode = { kind: 'stall' };
      const token = await login(app, ADMIN.username, ADMIN.password);
      await app.ok('batch.setSendSettings', { url: proxy.url, token: 'x'.repeat(43) }, token);
      await app.ok('batch.export', {}, token);
      expect((await app.ok('batch.send', {}, token)).attempts).toMatchObject([{ outcome: 'failed', message: 'batches.send.timeout' }]);
      o.clock.advance(30_000);

      const appRound = app.backend.sendDue();
      await new Promise((r) => setTimeout(r, 50));
      // The app's upload is under way: serve's timer finds nothing due.
      expect(await serve.backend.sendDue()).toBeNull();
      expect(await appRound).toMatchObject({ attempts: [{ seq: 1, outcome: 'failed', message: 'batches.send.timeout' }] });
      expect((await app.ok('batch.list', {}, token))[0]).toMatchObject({ sendAttempts: 2, nextSendAt: new Date(o.clock.now().getTime() + 60_000).toISOString() });
    } finally {
      await listening.close();
      await proxy.close();
      app.close();
      serve.close();
    }
  });
});

describe('a receiver that answers wrongly', () => {
  async function sender(answer: Parameters<typeof fakeReceiver>[0]) {
    const o = await trainingOffice({ people: 2 });
    const receiver = await fakeReceiver(answer);
    await o.t.ok('batch.setSendSettings', { url: receiver.url, token: 'x'.repeat(43) }, o.token);
    await o.t.ok('batch.export', {}, o.token);
    return { o, receiver, close: async () => { await receiver.close(); o.close(); } };
  }

  it('a Retry-After of years, or not a time, does not break the round: a day at most, or the usual backoff', async () => {
    let retryAfter = '99999999999999';
    const s = await sender((_req, res) => answerJson(res, 429, { ok: false, error: { code: 'LOGIN_DELAYED', message: 'Tunggu.' } }, { 'retry-after': retryAfter }));
    try {
      const at = (ms: number) => new Date(s.o.clock.now().getTime() + ms).toISOString();
      const huge = await s.o.t.ok('batch.send', {}, s.o.token);
      expect(huge).toEqual({ attempts: [{ seq: 1, outcome: 'failed', message: 'batches.send.rate_limited', params: { seq: 1, status: 429 } }], waiting: 1, nextAttemptAt: at(24 * HOUR) });
      retryAfter = 'abc';
      expect((await s.o.t.ok('batch.send', {}, s.o.token)).nextAttemptAt).toBe(at(sendBackoffMs(2)));
      retryAfter = '-5';
      expect((await s.o.t.ok('batch.send', {}, s.o.token)).nextAttemptAt).toBe(at(sendBackoffMs(3)));
      retryAfter = '600';
      expect((await s.o.t.ok('batch.send', {}, s.o.token)).nextAttemptAt).toBe(at(600_000));
      expect(s.receiver.requests).toHaveLength(4);
    } finally {
      await s.close();
    }
  });

  it('an answer over 16 MB is not read (declared or streamed): a failed try, sent again later', async () => {
    const size = 17 * 1024 * 1024;
    let declared = true;
    const s = await sender((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', ...(declared ? { 'content-length': String(size) } : {}) });
      const piece = Buffer.alloc(1024 * 1024, 0x20);
      let left = size;
      const pump = () => {
        while (left > 0) {
          left -= piece.length;
          if (!res.write(piece)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    try {
      for (const how of [true, false]) {
        declared = how;
        const sent = await s.o.t.ok('batch.send', {}, s.o.token);
        expect(sent.attempts).toEqual([{ seq: 1, outcome: 'failed', message: 'batches.send.answer_too_large', params: { seq: 1, maxMb: 16 } }]);
        expect(sent.nextAttemptAt).not.toBeNull();
      }
      expect((await s.o.t.ok('batch.list', {}, s.o.token))[0]).toMatchObject({ state: 'dibuat', lastSendError: expect.stringContaining('lebih dari 16 MB') });
    } finally {
      await s.close();
    }
  });

  it("a valid receipt for another batch: not imported, the batch sent not taken as received", async () => {
    const o = await trainingOffice({ people: 3 });
    const plaju: Office = { t: o.t, token: o.token };
    const city = await cityOffice();
    try {
      await trust(city, plaju);
      await trust(plaju, city);
      const first = await plaju.t.ok('batch.export', {}, plaju.token);
      await changeSomething(o, 0);
      const second = await plaju.t.ok('batch.export', {}, plaju.token);
      for (const made of [first, second]) {
        await city.t.ok('batch.import', { fileName: made.fileName, dataBase64: fs.readFileSync(made.file).toString('base64') }, city.token);
      }
      // A receiver that answers every upload with batch 2's receipt (signed by the city, but not for batch 1).
      const receiptOf2 = await city.t.ok('batch.receipt', { officeCode: '16.71.14', seq: 2 }, city.token);
      const wrong = await fakeReceiver((_req, res) => answerJson(res, 200, { ok: true, value: { result: { status: 'imported' }, receipt: receiptOf2 } }));
      try {
        await plaju.t.ok('batch.setSendSettings', { url: wrong.url, token: 'x'.repeat(43) }, plaju.token);
        const sent = await plaju.t.ok('batch.send', {}, plaju.token);
        expect(sent.attempts).toEqual([{ seq: 1, outcome: 'failed', message: 'batches.send.receipt_other_batch', params: { seq: 1, other: '2' } }]);
        expect(await plaju.t.ok('batch.list', {}, plaju.token)).toMatchObject([
          { seq: 2, state: 'dibuat', receipt: null },
          { seq: 1, state: 'dibuat', receipt: null, lastSendError: expect.stringContaining('tanda terima untuk kiriman lain (2)') },
        ]);
        expect(plaju.t.backend.db.prepare('SELECT count(*) FROM batch_receipts').pluck().get()).toBe(0);
      } finally {
        await wrong.close();
      }
    } finally {
      o.close();
      city.t.close();
    }
  });
});
