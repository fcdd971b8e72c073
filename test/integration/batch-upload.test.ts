// Sending by upload, from the user's side: the city's admin issues Kecamatan Plaju an upload token,
// Plaju's admin enters the city's receiver address and that token, the clerk presses Kirim, and the
// batch arrives at the city's running receiver: imported, its signed receipt back as the answer
// and imported at Plaju (diterima), the rows at the city. The same through the command line.
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_NAME_HEADER } from '../../shared/domain/batch-upload.ts';
import { removeTempDirs, addOperator, login, ADMIN } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { trainingOffice } from '../helpers/trainings.ts';
import { answerJson, cityOffice, cityRowCount, fakeReceiver, receivedFiles, rowsIn, startReceiver, trust, type Office } from '../helpers/upload.ts';

afterEach(() => removeTempDirs());

const audit = (o: Office) => o.t.backend.db.prepare('SELECT action, username, details FROM audit_log ORDER BY seq').all() as { action: string; username: string; details: string | null }[];

async function plajuAndCity() {
  const o = await trainingOffice({ people: 3 });
  const plaju: Office = { t: o.t, token: o.token };
  const city = await cityOffice();
  await trust(city, plaju);
  await trust(plaju, city);
  return { o, plaju, city };
}

describe('sending a batch by upload', () => {
  it('round trip: token issued at the city, address and token set at Plaju, Kirim → diterima, the receipt imported, the rows at the city', async () => {
    const { o, plaju, city } = await plajuAndCity();
    const receiver = await startReceiver(city);
    try {
      const issued = await city.t.ok('offices.uploadToken', { officeCode: '16.71.14' }, city.token);
      expect(issued.officeCode).toBe('16.71.14');
      expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // Stored hashed: the token itself is nowhere in the city's database.
      const stored = city.t.backend.db.prepare('SELECT * FROM city_upload_tokens').all() as { region_code: string; token_sha256: string }[];
      expect(stored).toEqual([expect.objectContaining({ region_code: '16.71.14', token_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
      expect(JSON.stringify(city.t.backend.db.prepare('SELECT * FROM audit_log').all())).not.toContain(issued.token);

      // Before the admin sets anything, Kirim says what is missing.
      const noAddress = await plaju.t.fails('batch.send', {}, 'CONFLICT', plaju.token);
      expect(noAddress.details).toMatchObject({ reason: 'no_address', messageKey: 'batches.send.no_address' });
      expect(await plaju.t.ok('batch.sendSettings', {}, plaju.token)).toEqual({ url: null, tokenSet: false });
      expect(await plaju.t.ok('batch.setSendSettings', { url: receiver.url, token: issued.token }, plaju.token)).toEqual({ url: receiver.url, tokenSet: true });
      expect(JSON.stringify(audit(plaju))).not.toContain(issued.token);
      expect(audit(plaju).at(-1)).toMatchObject({ action: 'batch.setSendSettings' });
      expect(JSON.parse(audit(plaju).at(-1)!.details!)).toEqual({ url: [null, receiver.url], token: [null, 'diganti'] });

      const made = await plaju.t.ok('batch.export', {}, plaju.token);
      expect(await plaju.t.ok('batch.list', {}, plaju.token)).toMatchObject([{ seq: 1, state: 'dibuat', sendAttempts: 0, sentAt: null, nextSendAt: null, lastSendError: null }]);
      const sent = await plaju.t.ok('batch.send', {}, plaju.token);
      expect(sent).toEqual({
        attempts: [{ seq: 1, outcome: 'diterima', message: 'batches.receipt.diterima', params: { seq: 1, city: 'BKPSDM Kota Palembang', accepted: rowsIn(made.counts), rejected: 0 } }],
        waiting: 0, nextAttemptAt: null,
      });
      expect(await plaju.t.ok('batch.list', {}, plaju.token)).toMatchObject([{
        seq: 1, state: 'diterima', sendAttempts: 1, sentAt: o.clock.iso(), nextSendAt: null, lastSendError: null,
        receipt: { city: { code: '16.71', name: 'BKPSDM Kota Palembang' }, status: 'imported', accepted: rowsIn(made.counts), rejected: [] },
      }]);
      expect(await plaju.t.ok('batch.pending', {}, plaju.token)).toMatchObject({ since: 1, total: 0 });

      // At the city: every row once, the file kept as it came and in the inbox, the upload in the trail under the kecamatan's name.
      expect(cityRowCount(city)).toBe(rowsIn(made.counts));
      expect(receivedFiles(city.t.dataDir)).toEqual([path.join('16.71.14', `${made.sha256.slice(0, 16)}-${made.fileName}`)]);
      expect(fs.readFileSync(path.join(city.t.dataDir, 'received', receivedFiles(city.t.dataDir)[0]!))).toEqual(fs.readFileSync(made.file));
      expect(audit(city).filter((a) => a.action === 'batch.import')).toMatchObject([{ username: 'unggah:16.71.14' }]);
      // The receipt Plaju holds is the one the city keeps for that batch file.
      const kept = await city.t.ok('batch.receipt', { officeCode: '16.71.14', seq: 1, sha256: made.sha256 }, city.token);
      const receiptSha = plaju.t.backend.db.prepare('SELECT receipt_sha256 FROM batch_receipts WHERE seq = 1').pluck().get();
      expect(receiptSha).toBe((await import('node:crypto')).createHash('sha256').update(Buffer.from(kept.dataBase64, 'base64')).digest('hex'));

      // Nothing waits: Kirim again sends nothing and makes no batch.
      expect(await plaju.t.ok('batch.send', {}, plaju.token)).toEqual({ attempts: [], waiting: 0, nextAttemptAt: null });
      expect(await plaju.t.ok('batch.list', {}, plaju.token)).toHaveLength(1);
    } finally {
      await receiver.close();
      o.close();
      city.t.close();
    }
  });

  it('the admin sets the address and token; an operator may send but not change them; the token is never shown back; a new token at the city replaces the old one', async () => {
    const { o, plaju, city } = await plajuAndCity();
    const receiver = await startReceiver(city);
    try {
      const operator = await addOperator(plaju.t, plaju.token);
      const first = await city.t.ok('offices.uploadToken', { officeCode: '16.71.14' }, city.token);
      await plaju.t.fails('batch.setSendSettings', { url: receiver.url, token: first.token }, 'FORBIDDEN', operator.token);
      const bad = await plaju.t.fails('batch.setSendSettings', { url: 'ftp://kota/', token: 'pendek' }, 'VALIDATION', plaju.token);
      expect(bad.details?.issues?.map((i) => i.message).sort()).toEqual(['batches.send.token_invalid', 'batches.send.url_invalid']);
      await plaju.t.ok('batch.setSendSettings', { url: receiver.url, token: first.token }, plaju.token);
      expect(await plaju.t.ok('batch.sendSettings', {}, operator.token)).toEqual({ url: receiver.url, tokenSet: true });

      // The city's admin issues a new token (a lost laptop): the old one stops working at once.
      const second = await city.t.ok('offices.uploadToken', { officeCode: '16.71.14' }, city.token);
      expect(second.token).not.toBe(first.token);
      expect(city.t.backend.db.prepare('SELECT count(*) FROM city_upload_tokens').pluck().get()).toBe(1);
      expect(JSON.parse((audit(city).at(-1)!).details!)).toEqual({ kecamatan: [null, '16.71.14'], token: ['lama', 'baru'] });
      await plaju.t.ok('batch.export', {}, plaju.token);
      const refused = await plaju.t.ok('batch.send', {}, operator.token);
      expect(refused.attempts).toEqual([{ seq: 1, outcome: 'failed', message: 'batches.send.token_refused', params: { seq: 1 } }]);
      expect((await plaju.t.ok('batch.list', {}, plaju.token))[0]).toMatchObject({ state: 'dibuat', sendAttempts: 1, lastSendError: expect.stringContaining('Token unggah ditolak kota') });

      // Only the token changes (the address kept as it is).
      await plaju.t.ok('batch.setSendSettings', { url: receiver.url, token: second.token }, plaju.token);
      expect((await plaju.t.ok('batch.send', {}, operator.token)).attempts).toMatchObject([{ seq: 1, outcome: 'diterima' }]);

      // City-only and kecamatan-only things say so.
      expect((await plaju.t.fails('offices.uploadToken', { officeCode: '16.71.14' }, 'CONFLICT', plaju.token)).details).toMatchObject({ reason: 'not_city' });
      await city.t.fails('offices.uploadToken', { officeCode: '16.71.14' }, 'FORBIDDEN', await (async () => (await addOperator(city.t, city.token, { username: 'budi', fullName: 'Budi', role: 'operator', password: 'operator-kota' })).token)());
      const elsewhere = await city.t.fails('offices.uploadToken', { officeCode: '16.72.01' }, 'VALIDATION', city.token);
      expect(elsewhere.details?.issues).toMatchObject([{ path: ['officeCode'], message: 'batches.upload.not_in_city' }]);
      const unknown = await city.t.fails('offices.uploadToken', { officeCode: '16.71.99' }, 'VALIDATION', city.token);
      expect(unknown.details?.issues).toMatchObject([{ path: ['officeCode'], message: 'batches.upload.unknown_kecamatan' }]);
      expect((await city.t.fails('batch.send', {}, 'CONFLICT', city.token)).details).toMatchObject({ reason: 'not_kecamatan' });

      // Sending by upload turned off: the address gone, the token kept.
      expect(await plaju.t.ok('batch.setSendSettings', { url: null }, plaju.token)).toEqual({ url: null, tokenSet: true });
    } finally {
      await receiver.close();
      o.close();
      city.t.close();
    }
  });

  it('batch.file gives any outbox batch again, byte for byte, for the USB stick; a changed file is made again as it was, or refused', async () => {
    const o = await trainingOffice({ people: 2 });
    try {
      const made = await o.t.ok('batch.export', {}, o.token);
      const original = fs.readFileSync(made.file);
      const file = await o.t.ok('batch.file', { seq: 1 }, o.token);
      expect(file).toEqual({ fileName: made.fileName, mimeType: 'application/zip', dataBase64: original.toString('base64') });
      await o.t.fails('batch.file', { seq: 2 }, 'NOT_FOUND', o.token);
      // A file changed on disk since it was made is never handed out: made again byte for byte (nothing in it changed since) and put back.
      fs.appendFileSync(made.file, 'x');
      expect((await o.t.ok('batch.file', { seq: 1 }, o.token)).dataBase64).toBe(original.toString('base64'));
      expect(fs.readFileSync(made.file).equals(original)).toBe(true);
      // Once the data in it has changed, it cannot be made again as it was: refused, saying so.
      await o.t.ok('employees.setStatus', { id: o.employees[0]!.id, status: 'pindah', statusDate: '2026-11-24' }, o.token);
      fs.appendFileSync(made.file, 'x');
      const changed = await o.t.fails('batch.file', { seq: 1 }, 'CONFLICT', o.token);
      expect(changed.details).toMatchObject({ reason: 'file_changed', messageKey: 'batches.send.file_changed', seq: 1 });
      fs.rmSync(made.file);
      expect((await o.t.fails('batch.file', { seq: 1 }, 'CONFLICT', o.token)).details).toMatchObject({ reason: 'file_missing', messageKey: 'batches.send.file_missing' });
    } finally {
      o.close();
    }
  });

  it('the receiver answers with the CallResult of batch.upload: the import result and the signed receipt; the same file again: already_imported and the same receipt', async () => {
    const { o, plaju, city } = await plajuAndCity();
    const receiver = await startReceiver(city);
    try {
      const { token } = await city.t.ok('offices.uploadToken', { officeCode: '16.71.14' }, city.token);
      const made = await plaju.t.ok('batch.export', {}, plaju.token);
      const post = () => fetch(`${receiver.url}api/batches.upload`, {
        method: 'POST', body: fs.readFileSync(made.file),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(made.fileName) },
      });
      const first = await post();
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('no-store');
      const body = await first.json() as { ok: true; value: { result: Record<string, unknown>; receipt: { fileName: string; dataBase64: string } } };
      expect(body).toMatchObject({
        ok: true,
        value: {
          result: { fileName: made.fileName, office: { code: '16.71.14' }, seq: 1, sha256: made.sha256, status: 'imported', created: rowsIn(made.counts), rejected: [] },
          receipt: { fileName: 'Bangkom-16.71.14-Plaju-00001-tanda-terima.bkreceipt', mimeType: 'application/zip' },
        },
      });
      const again = await post();
      expect(again.status).toBe(200);
      const replay = await again.json() as typeof body;
      expect(replay.value.result).toMatchObject({ status: 'already_imported', created: 0 });
      expect(replay.value.receipt.dataBase64).toBe(body.value.receipt.dataBase64);
      expect(cityRowCount(city)).toBe(rowsIn(made.counts));
      // Kept once: the file is named by its content.
      expect(receivedFiles(city.t.dataDir)).toHaveLength(1);
    } finally {
      await receiver.close();
      o.close();
      city.t.close();
    }
  });
});

describe('where the upload token goes', () => {
  it("an operator's Kirim goes only to the address the admin set: another address is refused and never reached; the admin may send elsewhere once", async () => {
    const o = await trainingOffice({ people: 2 });
    const busy = (_req: unknown, res: ServerResponse) => answerJson(res, 503, { ok: false, error: { code: 'DB_BUSY', message: 'Sibuk.' } });
    const city = await fakeReceiver(busy);
    const trap = await fakeReceiver(busy);
    const token = 'T'.repeat(43);
    try {
      await o.t.ok('batch.setSendSettings', { url: city.url, token }, o.token);
      await o.t.ok('batch.export', {}, o.token);
      const operator = await addOperator(o.t, o.token);
      const refused = await o.t.fails('batch.send', { url: trap.url }, 'FORBIDDEN', operator.token);
      expect(refused.details).toMatchObject({ reason: 'url_admin_only', messageKey: 'batches.send.url_admin_only' });
      expect(trap.requests).toEqual([]);
      expect((await o.t.ok('batch.list', {}, o.token))[0]).toMatchObject({ sendAttempts: 0, lastSendError: null });
      // The address set, named: the operator's Kirim goes there.
      expect((await o.t.ok('batch.send', { url: city.url }, operator.token)).attempts).toMatchObject([{ message: 'batches.send.server_busy' }]);
      expect(city.requests).toHaveLength(1);
      // The admin tries another address for this once (as `bangkom batch send --url`): the token goes with it.
      expect((await o.t.ok('batch.send', { url: trap.url }, o.token)).attempts).toMatchObject([{ message: 'batches.send.server_busy' }]);
      expect(trap.requests).toMatchObject([{ path: '/api/batches.upload', headers: { authorization: `Bearer ${token}` } }]);
      expect(await o.t.ok('batch.sendSettings', {}, o.token)).toEqual({ url: city.url, tokenSet: true });
    } finally {
      await trap.close();
      await city.close();
      o.close();
    }
  });
});

describe('sending before the city is trusted here', () => {
  it("the city takes the batch but its receipt cannot be trusted yet: dikirim, told to import the city's trust file; once imported, Kirim brings the receipt", async () => {
    const o = await trainingOffice({ people: 2 });
    const plaju: Office = { t: o.t, token: o.token };
    const city = await cityOffice();
    const receiver = await startReceiver(city);
    try {
      await trust(city, plaju);
      const { token } = await city.t.ok('offices.uploadToken', { officeCode: '16.71.14' }, city.token);
      await plaju.t.ok('batch.setSendSettings', { url: receiver.url, token }, plaju.token);
      const made = await plaju.t.ok('batch.export', {}, plaju.token);
      const sent = await plaju.t.ok('batch.send', {}, plaju.token);
      expect(sent.attempts).toEqual([{ seq: 1, outcome: 'failed', message: 'batches.receipt.unknown_key', params: { seq: 1 } }]);
      expect((await plaju.t.ok('batch.list', {}, plaju.token))[0]).toMatchObject({
        state: 'dikirim', sentAt: o.clock.iso(), receipt: null, lastSendError: expect.stringContaining('Impor dulu daftar tepercaya kota'),
      });
      expect(cityRowCount(city)).toBe(rowsIn(made.counts));

      await trust(plaju, city);
      expect((await plaju.t.ok('batch.send', {}, plaju.token)).attempts).toMatchObject([{ seq: 1, outcome: 'diterima' }]);
      expect((await plaju.t.ok('batch.list', {}, plaju.token))[0]).toMatchObject({ state: 'diterima', sentAt: expect.any(String), lastSendError: null, nextSendAt: null });
      expect(cityRowCount(city)).toBe(rowsIn(made.counts));
    } finally {
      await receiver.close();
      o.close();
      city.t.close();
    }
  });
});

describe('sending before the city knows this office', () => {
  it("the city has not trusted Plaju's key yet: nothing imported, the clerk is told to have the fingerprint compared; the batch is tried again", async () => {
    const o = await trainingOffice({ people: 2 });
    const plaju: Office = { t: o.t, token: o.token };
    const city = await cityOffice();
    const receiver = await startReceiver(city);
    try {
      await trust(plaju, city);
      const { token } = await city.t.ok('offices.uploadToken', { officeCode: '16.71.14' }, city.token);
      await plaju.t.ok('batch.setSendSettings', { url: receiver.url, token }, plaju.token);
      await plaju.t.ok('batch.export', {}, plaju.token);
      const sent = await plaju.t.ok('batch.send', {}, plaju.token);
      expect(sent.attempts).toEqual([{ seq: 1, outcome: 'failed', message: 'batches.send.unknown_office', params: { seq: 1, fingerprint: expect.stringMatching(/^[0-9A-F]{4}( [0-9A-F]{4})+$/) } }]);
      expect(sent.nextAttemptAt).not.toBeNull();
      expect((await plaju.t.ok('batch.list', {}, plaju.token))[0]).toMatchObject({ state: 'dibuat', lastSendError: expect.stringContaining('Kota belum mengenal kunci kantor ini') });
      expect(cityRowCount(city)).toBe(0);
    } finally {
      await receiver.close();
      o.close();
      city.t.close();
    }
  });
});

describe('CLI: offices token, batch address, batch send', () => {
  it('the city issues a token with `offices token`, Plaju sets it with `batch address` and sends with `batch send --json`; a failed send exits 1', async () => {
    const { o, plaju, city } = await plajuAndCity();
    let receiver = await startReceiver(city);
    try {
      const cityDir = city.t.dataDir;
      const plajuDir = plaju.t.dataDir;
      await plaju.t.ok('batch.export', {}, plaju.token);
      o.close();

      // `offices token` at the city, printed once for the admin to hand over (the city's backend keeps serving).
      const text = await captureCli(['--data', cityDir, 'offices', 'token', '16.71.14']);
      expect(text.stderr).toBe('');
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('Token unggah baru untuk kecamatan 16.71.14');
      const json = await captureCli(['--data', cityDir, 'offices', 'token', '16.71.14', '--json']);
      const issued = JSON.parse(json.stdout) as { officeCode: string; token: string };
      expect(issued).toEqual({ officeCode: '16.71.14', token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      // The first token was replaced by the second.
      const firstToken = /^\s+(\S{43})$/m.exec(text.stdout)![1]!;
      expect(firstToken).not.toBe(issued.token);
      const notKecamatan = await captureCli(['--data', plajuDir, 'offices', 'token', '16.71.14']);
      // Refused by the city's own check (requireCity in services/city.ts), nothing issued.
      expect(notKecamatan.code).toBe(1);
      expect(notKecamatan.stdout).toBe('');
      expect(notKecamatan.stderr).toBe('bangkom: Kantor ini kantor kecamatan: kiriman kecamatan diimpor, dan data seluruh kota dilihat, di kantor BKPSDM kota/kabupaten.\n');

      // `batch address` at Plaju: shown, set, never printing the token.
      expect((await captureCli(['--data', plajuDir, 'batch', 'address'])).stdout).toContain('Alamat penerima: belum diatur; token unggah: belum diisi.');
      const set = await captureCli(['--data', plajuDir, 'batch', 'address', '--url', receiver.url, '--token', issued.token, '--json']);
      expect(set.stderr).toBe('');
      expect(JSON.parse(set.stdout)).toEqual({ url: receiver.url, tokenSet: true });
      expect(set.stdout).not.toContain(issued.token);

      const sent = await captureCli(['--data', plajuDir, 'batch', 'send', '--json']);
      expect(sent.stderr).toBe('');
      expect(sent.code).toBe(0);
      expect(JSON.parse(sent.stdout)).toMatchObject({ attempts: [{ seq: 1, outcome: 'diterima', message: 'batches.receipt.diterima' }], waiting: 0, nextAttemptAt: null });
      const status = await captureCli(['--data', plajuDir, 'batch', 'status']);
      expect(status.stdout).toMatch(/00001 .* Diterima\s+Bangkom-16\.71\.14-Plaju-00001/);

      // The receiver stopped: the next batch is not delivered, waits, and the command exits 1 saying why.
      const again = (await import('../helpers/backend.ts')).openTestBackend({ dataDir: plajuDir });
      const token = await login(again, ADMIN.username, ADMIN.password);
      await again.ok('employees.setStatus', { id: (await again.ok('employees.list', { limit: 1 }, token)).items[0]!.id, status: 'pindah', statusDate: '2026-11-24' }, token);
      await again.ok('batch.export', {}, token);
      again.close();
      await receiver.close();
      const down = await captureCli(['--data', plajuDir, 'batch', 'send']);
      expect(down.code).toBe(1);
      expect(down.stdout).toMatch(/00002 {2}Belum terkirim: Kota \(127\.0\.0\.1:\d+\) tidak dapat dihubungi/);
      expect(down.stdout).toContain('1 kiriman masih menunggu tanda terima kota.');
      expect(down.stdout).toContain('Dicoba lagi otomatis mulai');
      // Back up, on another port: `--url` for this once.
      receiver = await startReceiver(city);
      const once = await captureCli(['--data', plajuDir, 'batch', 'send', '--url', receiver.url, '--json']);
      expect(once.code).toBe(0);
      expect(JSON.parse(once.stdout)).toMatchObject({ attempts: [{ seq: 2, outcome: 'diterima' }], waiting: 0 });
    } finally {
      await receiver.close();
      city.t.close();
    }
  });
});
