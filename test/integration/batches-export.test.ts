// The kecamatan's batches for the city: the first is full and signed, a re-export without changes is
// the same file, a change makes the next (incremental, chained) one, and a damaged, cut or
// foreign file is refused by the reader with the right kind and reason.
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { readBatch, type TrustedBatchKey } from '../../electron/backend/batches/read.ts';
import { ENTITY_NAMES } from '../../electron/backend/batches/format.ts';
import { ed25519Signer, generateOfficeKeyPair } from '../../electron/backend/certificates/crypto.ts';
import { fingerprintOf, kidOf } from '../../shared/certificates/keys.ts';
import { removeTempDirs, tempDir } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { addSession, createEvent, laterAt, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

afterEach(() => removeTempDirs());

async function officeWithYear(): Promise<TrainingOffice & { recordId: string }> {
  const o = await trainingOffice({ people: 6 });
  const event = await createEvent(o);
  const session = await addSession(o, event.id, '2026-11-20', '08:00', '12:00');
  await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: o.employees.slice(0, 3).map((e) => e.id) }, o.token);
  for (const n of await o.t.ok('enrolment.list', { eventId: event.id }, o.token)) {
    await o.t.ok('attendance.mark', { sessionId: session.id, enrolmentId: n.id, status: 'hadir' }, o.token);
  }
  const record = await o.t.ok('records.create', {
    employeeId: o.employees[4]!.id, title: 'Pelayanan Publik Digital', organiser: 'LAN RI', methodId: 16, competencyType: 'teknis',
    startDate: '2026-11-02', endDate: '2026-11-03', hours: 6,
  }, o.token);
  return Object.assign(o, { recordId: record.id });
}

function officeKey(o: TrainingOffice): TrustedBatchKey {
  const k = o.db.prepare("SELECT kid, alg, public_key FROM office_keys WHERE status = 'active'").get() as { kid: string; alg: number; public_key: Buffer };
  return { kid: k.kid, alg: k.alg, publicKey: new Uint8Array(k.public_key), officeCode: '16.71.14' };
}

const live = (o: TrainingOffice, table: string) => (o.db.prepare(`SELECT count(*) FROM ${table} WHERE deleted_at IS NULL`).pluck().get() as number);

/** One entry of the zip changed: the manifest re-signed or a file swapped, the rest as it was. */
function rezip(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  return zipSync(files);
}

/** The byte in the middle of an entry's compressed data. */
function middleOf(bytes: Uint8Array, name: string): number {
  const buf = Buffer.from(bytes);
  for (let at = buf.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0; at = buf.indexOf('PK\x03\x04', at + 4, 'latin1')) {
    const nameLength = buf.readUInt16LE(at + 26);
    if (buf.toString('latin1', at + 30, at + 30 + nameLength) !== name) continue;
    return at + 30 + nameLength + buf.readUInt16LE(at + 28) + Math.floor(buf.readUInt32LE(at + 18) / 2);
  }
  throw new Error(`${name} not in zip`);
}

describe('batch export (kecamatan)', () => {
  it('the first batch is full: every entity of the office, signed, readable with the office key; nothing waits after it', async () => {
    const o = await officeWithYear();
    try {
      const pending = await o.t.ok('batch.pending', {}, o.token);
      expect(pending).toMatchObject({ since: null, full: true });
      expect(pending.counts).toMatchObject({ employees: 6, attendance_marks: 3, training_records: 1, tombstones: 0 });
      const made = await o.t.ok('batch.export', {}, o.token);
      expect(made).toMatchObject({ seq: 1, reused: false, fileName: 'Bangkom-16.71.14-Plaju-00001-2026-11-25.bkbatch' });
      expect(made.file).toBe(path.join(o.t.dataDir, 'outbox', made.fileName));
      const read = readBatch(fs.readFileSync(made.file), [officeKey(o)]);
      if (!read.ok) throw new Error(JSON.stringify(read));
      expect(read.manifest).toMatchObject({ formatVersion: 1, seq: 1, previous: null, kind: 'full', office: { code: '16.71.14' }, alg: 'EdDSA', kid: officeKey(o).kid });
      // The signing key itself, right after alg, so a city that does not trust it yet can show its whole fingerprint.
      expect(read.manifest.publicKey).toBe(Buffer.from(officeKey(o).publicKey).toString('base64'));
      expect(Object.keys(read.manifest)).toEqual(['format', 'formatVersion', 'office', 'seq', 'previous', 'kind', 'journal', 'createdAt', 'kid', 'alg', 'publicKey', 'counts', 'files']);
      expect(read.sha256).toBe(made.sha256);
      expect(Object.keys(read.rows)).toEqual(ENTITY_NAMES);
      for (const [entity, table] of [['office', 'office'], ['units', 'units'], ['employees', 'employees'], ['events', 'events'], ['event_sessions', 'event_sessions'],
        ['enrolments', 'enrolments'], ['attendance_marks', 'attendance_marks'], ['training_records', 'training_records']] as const) {
        expect(read.rows[entity]!.length, entity).toBe(live(o, table));
        expect(read.rows[entity]!.length, entity).toBeGreaterThan(0);
      }
      expect(made.counts).toEqual(pending.counts);
      const person = read.rows.employees!.find((r) => r.id === o.employees[0]!.id)!;
      expect(Object.keys(person).slice(0, 5)).toEqual(['id', 'rowVersion', 'updatedAt', 'origin', 'nip']);
      expect(person).toMatchObject({ nip: o.employees[0]!.nip, origin: '16.71.14', unitId: o.employees[0]!.unitId });
      expect(person.rowVersion).toBe(o.db.prepare("SELECT max(seq) FROM change_journal WHERE entity = 'employee' AND entity_id = ?").pluck().get(person.id));
      const ids = read.rows.employees!.map((r) => r.id);
      expect(ids).toEqual([...ids].sort());
      // Made is not received: until the city's receipt comes, everything still waits.
      expect(await o.t.ok('batch.pending', {}, o.token)).toEqual({ ...pending, full: false });
      expect(await o.t.ok('batch.list', {}, o.token)).toMatchObject([{ seq: 1, kind: 'full', state: 'dibuat', sha256: made.sha256, journalFrom: 0, receipt: null }]);
    } finally {
      o.close();
    }
  });

  it('re-exporting without a change gives the same number and the same bytes; a lost outbox file is made again byte for byte', async () => {
    const o = await officeWithYear();
    try {
      const first = await o.t.ok('batch.export', {}, o.token);
      const bytes = fs.readFileSync(first.file);
      await laterAt(o, '2026-11-26', '10:00');
      const again = await o.t.ok('batch.export', {}, o.token);
      expect(again).toEqual({ ...first, reused: true });
      expect(fs.readFileSync(again.file).equals(bytes)).toBe(true);
      expect(await o.t.ok('batch.export', { full: true }, o.token)).toMatchObject({ seq: 1, reused: true });
      fs.rmSync(first.file);
      expect(await o.t.ok('batch.export', {}, o.token)).toMatchObject({ seq: 1, reused: true });
      expect(fs.readFileSync(first.file).equals(bytes)).toBe(true);
      expect(await o.t.ok('batch.list', {}, o.token)).toHaveLength(1);
    } finally {
      o.close();
    }
  });

  it('after an employee is edited and a record removed, the next batch holds only those, as a row and a tombstone, chained to the first', async () => {
    const o = await officeWithYear();
    try {
      const first = await o.t.ok('batch.export', {}, o.token);
      const moved = o.employees[2]!;
      await o.t.ok('employees.setStatus', { id: moved.id, status: 'pindah', statusDate: '2026-11-24' }, o.token);
      await o.t.ok('records.remove', { id: o.recordId }, o.token);
      // Batch 1 acknowledged by the city (its receipt, as test/integration/receipts.test.ts imports it): counts run from it.
      o.t.backend.db.prepare("UPDATE batches SET state = 'diterima' WHERE seq = 1").run();
      const pending = await o.t.ok('batch.pending', {}, o.token);
      expect(pending).toMatchObject({ since: 1, full: false, total: 2 });
      expect(pending.counts).toMatchObject({ employees: 1, tombstones: 1, training_records: 0, attendance_marks: 0 });
      await laterAt(o, '2026-12-04', '10:00');
      const next = await o.t.ok('batch.export', {}, o.token);
      expect(next).toMatchObject({ seq: 2, reused: false, fileName: 'Bangkom-16.71.14-Plaju-00002-2026-12-04.bkbatch' });
      const read = readBatch(fs.readFileSync(next.file), [officeKey(o)]);
      if (!read.ok) throw new Error(JSON.stringify(read));
      expect(read.manifest).toMatchObject({ kind: 'incremental', previous: { seq: 1, sha256: first.sha256 } });
      expect(read.manifest.journal.from).toBe((await o.t.ok('batch.list', {}, o.token)).find((b) => b.seq === 1)!.journalTo);
      expect(read.rows.employees).toEqual([expect.objectContaining({ id: moved.id, status: 'pindah', statusDate: '2026-11-24' })]);
      expect(read.rows.tombstones).toEqual([expect.objectContaining({ id: o.recordId, entity: 'training_records', deletedAt: expect.any(String) })]);
      const others = Object.entries(read.manifest.counts).filter(([e]) => e !== 'employees' && e !== 'tombstones');
      expect(others.every(([, n]) => n === 0)).toBe(true);
      expect(read.rows.employees![0]!.rowVersion).toBeGreaterThan(read.manifest.journal.from);
      // A full snapshot on request is a new number in the same chain.
      const full = await o.t.ok('batch.export', { full: true }, o.token);
      expect(full).toMatchObject({ seq: 3, reused: false });
      const fullRead = readBatch(fs.readFileSync(full.file), [officeKey(o)]);
      expect(fullRead.ok && fullRead.manifest).toMatchObject({ kind: 'full', previous: { seq: 2, sha256: next.sha256 }, journal: { from: 0 } });
      expect(fullRead.ok && fullRead.rows.tombstones).toHaveLength(1);
    } finally {
      o.close();
    }
  });

  it('a tampered byte, a truncated file, another signer and a foreign key each fail with the right kind and reason', async () => {
    const o = await officeWithYear();
    try {
      const made = await o.t.ok('batch.export', {}, o.token);
      const bytes = new Uint8Array(fs.readFileSync(made.file));
      const key = officeKey(o);
      expect(readBatch(bytes, [key]).ok).toBe(true);

      const flipped = bytes.slice();
      flipped[middleOf(bytes, 'employees.ndjson')]! ^= 0x20;
      expect(readBatch(flipped, [key])).toMatchObject({ ok: false, kind: 'tampered', file: 'employees.ndjson', message: expect.stringMatching(/^batches\.read\.(hash_mismatch|file_damaged)$/) });

      expect(readBatch(bytes.slice(0, Math.floor(bytes.length / 2)), [key])).toMatchObject({ ok: false, kind: 'malformed', reason: 'not_zip' });
      expect(readBatch(new TextEncoder().encode('bukan zip'), [key])).toMatchObject({ ok: false, kind: 'malformed', reason: 'not_zip' });

      const other = generateOfficeKeyPair();
      const resigned = rezip(bytes, (f) => { f['manifest.sig'] = ed25519Signer(other.privateKey)(f['manifest.json']!); });
      expect(readBatch(resigned, [key])).toMatchObject({ ok: false, kind: 'tampered', reason: 'bad_signature' });

      const edited = rezip(bytes, (f) => {
        const m = JSON.parse(Buffer.from(f['manifest.json']!).toString('utf8')) as { counts: Record<string, number> };
        m.counts.employees = 99;
        f['manifest.json'] = new TextEncoder().encode(`${JSON.stringify(m, null, 2)}\n`);
      });
      expect(readBatch(edited, [key])).toMatchObject({ ok: false, kind: 'tampered', reason: 'bad_signature' });

      // Another key naming itself in the manifest: whole and signed by that key, but not trusted here; its whole fingerprint is shown.
      const foreign = rezip(bytes, (f) => {
        const m = JSON.parse(Buffer.from(f['manifest.json']!).toString('utf8')) as { kid: string; publicKey: string };
        m.kid = kidOf(other.publicKey);
        m.publicKey = Buffer.from(other.publicKey).toString('base64');
        f['manifest.json'] = new TextEncoder().encode(`${JSON.stringify(m, null, 2)}\n`);
        f['manifest.sig'] = ed25519Signer(other.privateKey)(f['manifest.json']);
      });
      expect(readBatch(foreign, [key])).toMatchObject({
        ok: false, kind: 'unknown_office', reason: 'unknown_key', params: { office: '16.71.14', fingerprint: fingerprintOf(other.publicKey) },
        selfSigned: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), fingerprint: fingerprintOf(other.publicKey), manifest: { seq: 1 } },
      });
      // A kid that is not its public key's: the manifest contradicts itself.
      const mismatched = rezip(bytes, (f) => {
        const m = JSON.parse(Buffer.from(f['manifest.json']!).toString('utf8')) as { kid: string };
        m.kid = 'a2V5LWxhaW4tMDE=';
        f['manifest.json'] = new TextEncoder().encode(`${JSON.stringify(m, null, 2)}\n`);
        f['manifest.sig'] = ed25519Signer(other.privateKey)(f['manifest.json']);
      });
      expect(readBatch(mismatched, [key])).toMatchObject({ ok: false, kind: 'tampered', reason: 'key_mismatch' });
      // The same batch signed by the other key but still naming the office's key: the signature does not hold.
      expect(readBatch(resigned, [])).toMatchObject({ ok: false, kind: 'tampered', reason: 'bad_signature' });
      // A batch written without its public key (another writer): not trusted, only the kid to go by.
      const keyless = rezip(foreign, (f) => {
        const m = JSON.parse(Buffer.from(f['manifest.json']!).toString('utf8')) as { publicKey?: string };
        delete m.publicKey;
        f['manifest.json'] = new TextEncoder().encode(`${JSON.stringify(m, null, 2)}\n`);
        f['manifest.sig'] = ed25519Signer(other.privateKey)(f['manifest.json']);
      });
      const unknown = readBatch(keyless, [key]);
      expect(unknown).toMatchObject({ ok: false, kind: 'unknown_office', reason: 'unknown_key', params: { office: '16.71.14', kid: kidOf(other.publicKey) } });
      expect(!unknown.ok && unknown.selfSigned).toBeUndefined();
      expect(readBatch(bytes, [{ ...key, officeCode: '16.71.01' }])).toMatchObject({ ok: false, kind: 'unknown_office', reason: 'key_other_office' });

      const swapped = rezip(bytes, (f) => { f['employees.ndjson'] = new TextEncoder().encode('{"id":"x","rowVersion":1}\n'); });
      expect(readBatch(swapped, [key])).toMatchObject({ ok: false, kind: 'tampered', reason: 'hash_mismatch', file: 'employees.ndjson' });
      const added = rezip(bytes, (f) => { f['catatan.txt'] = new TextEncoder().encode('halo'); });
      expect(readBatch(added, [key])).toMatchObject({ ok: false, kind: 'tampered', reason: 'unexpected_file', file: 'catatan.txt' });
    } finally {
      o.close();
    }
  });

  it('`bangkom batch export --json --out DIR` copies the outbox file to the folder; `batch status` says nothing waits', async () => {
    const o = await officeWithYear();
    const dataDir = o.t.dataDir;
    o.close();
    const usb = tempDir('bangkom-usb-');
    const run = await captureCli(['--data', dataDir, 'batch', 'export', '--out', usb, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { file: string; seq: number; sha256: string; counts: Record<string, number> };
    expect(Object.keys(out)).toEqual(['file', 'seq', 'sha256', 'counts']);
    expect(out).toMatchObject({ seq: 1, counts: { employees: 6 } });
    expect(path.dirname(out.file)).toBe(usb);
    expect(path.basename(out.file)).toMatch(/^Bangkom-16\.71\.14-Plaju-00001-\d{4}-\d{2}-\d{2}\.bkbatch$/);
    expect(fs.readFileSync(out.file).equals(fs.readFileSync(path.join(dataDir, 'outbox', path.basename(out.file))))).toBe(true);
    expect(fs.readdirSync(usb)).toEqual([path.basename(out.file)]);

    const human = await captureCli(['--data', dataDir, 'batch', 'export']);
    expect(human.stdout).toContain('Tidak ada perubahan sejak kiriman 1');
    expect(human.stdout).toContain('6 pegawai');
    const status = await captureCli(['--data', dataDir, 'batch', 'status']);
    expect(status.stdout).toContain('Belum diterima kota: ');
    expect(status.stdout).toMatch(/00001 .* Lengkap\s+Dibuat\s+Bangkom-16\.71\.14-Plaju-00001/);
    const json = JSON.parse((await captureCli(['--data', dataDir, 'batch', 'status', '--json'])).stdout) as { pending: { total: number }; batches: unknown[] };
    expect(json.pending.total).toBeGreaterThan(0);
    expect(json.batches).toHaveLength(1);
    expect((await captureCli(['--data', dataDir, 'batch', 'export', '--out', path.join(usb, 'tidak-ada')])).stderr).toContain('tidak ada');
  });
});
