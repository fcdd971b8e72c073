// Large writes (a roster import of thousands of rows) take two shortcuts that must not change
// what is written: journal and audit rows are written in bulk, and the WAL is copied back into
// the database once the backend is idle rather than inside the clerk's commit.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend, openDataFolder } from '../../electron/backend/backend.ts';
import { inChangeBatch, recordChange, recordChanges, type Change } from '../../electron/backend/db/repos/changes.ts';
import { writeTransaction } from '../../electron/backend/db/transaction.ts';
import type { WriteMeta } from '../../electron/backend/services/context.ts';
import { cliActor } from '../../electron/backend/services/context.ts';
import { dbFile, removeTempDirs, setupInput, tempDir } from '../helpers/backend.ts';
import { STAFF_HEADER, csvText, fileInput, freshOffice, manyPeople, staffRows } from '../helpers/roster.ts';

afterAll(removeTempDirs);

const META: WriteMeta = { at: '2026-11-25T02:00:00.000Z', actor: { userId: 'u-1', username: 'siti', role: 'operator' }, origin: '16.71.14' };

/** Every kind of change a batch can hold, in an order that switches entity and operation. */
const CHANGES: Change[] = [
  { entity: 'employee', entityId: 'e-1', op: 'insert', details: { importedFrom: [null, 'pegawai.csv, baris 2'] } },
  { entity: 'employee', entityId: 'e-2', op: 'insert', after: { name: 'Siti Aminah', phone: '' } },
  { entity: 'employee', entityId: 'e-3', op: 'update', before: { name: 'Budi', jabatan: 'Staf' }, after: { name: 'Budi', jabatan: 'Kasi' } },
  { entity: 'unit', entityId: 'u-9', op: 'insert', after: { name: 'Seksi Baru' } },
  { entity: 'employee', entityId: 'e-4', op: 'restore', before: { deletedAt: '2026-01-01' }, after: { deletedAt: null } },
  // Nothing differs: the audit row has no details at all, as recordChange writes it.
  { entity: 'employee', entityId: 'e-5', op: 'update', before: { name: 'Dewi' }, after: { name: 'Dewi', updatedAt: 'later' } },
  { entity: 'employee', entityId: 'e-6', op: 'insert', details: { importedFrom: [null, 'pegawai.csv, baris 9 "kutip" \\ ✓'] } },
];

const rowsOf = (db: ReturnType<typeof openDataFolder>) => ({
  journal: db.prepare('SELECT entity, entity_id, op, at, user_id, origin FROM change_journal WHERE seq > 0 ORDER BY seq').all(),
  audit: db.prepare("SELECT at, user_id, username, action, entity, entity_id, details FROM audit_log WHERE action <> 'migration' ORDER BY seq").all(),
});

describe('recordChanges', () => {
  it('writes the same journal and audit rows, in the same order, as recordChange one by one', () => {
    const one = openDataFolder(tempDir());
    const bulk = openDataFolder(tempDir());
    one.transaction(() => { for (const c of CHANGES) recordChange(one, META, c); })();
    bulk.transaction(() => recordChanges(bulk, META, CHANGES))();
    const expected = rowsOf(one);
    expect(expected.journal).toHaveLength(CHANGES.length);
    expect(rowsOf(bulk)).toEqual(expected);
    expect(expected.audit.map((r) => (r as { details: string | null }).details)).toEqual([
      '{"importedFrom":[null,"pegawai.csv, baris 2"]}',
      '{"name":[null,"Siti Aminah"]}',
      '{"jabatan":["Staf","Kasi"]}',
      '{"name":[null,"Seksi Baru"]}',
      '{"deletedAt":["2026-01-01",null]}',
      null,
      '{"importedFrom":[null,"pegawai.csv, baris 9 \\"kutip\\" \\\\ ✓"]}',
    ]);
    one.close();
    bulk.close();
  });

  it('inChangeBatch gathers recordChange calls and writes the same rows, each with its own stamp', () => {
    const later: WriteMeta = { ...META, at: '2026-11-25T02:00:01.000Z' };
    const one = openDataFolder(tempDir());
    const batched = openDataFolder(tempDir());
    const writeAll = (db: typeof one) => CHANGES.forEach((c, i) => recordChange(db, i < 3 ? META : later, c));
    one.transaction(() => writeAll(one))();
    batched.transaction(() => inChangeBatch(batched, () => {
      writeAll(batched);
      // Nothing is written before the batch ends.
      expect(rowsOf(batched).journal).toEqual([]);
    }))();
    expect(rowsOf(batched)).toEqual(rowsOf(one));
    one.close();
    batched.close();
  });

  it('writes nothing for an empty batch', () => {
    const db = openDataFolder(tempDir());
    const before = rowsOf(db);
    writeTransaction(db, () => recordChanges(db, META, []));
    expect(rowsOf(db)).toEqual(before);
    db.close();
  });

  it('refuses to journal outside the transaction of the write, so the rule is enforced, not remembered', () => {
    const db = openDataFolder(tempDir());
    const before = rowsOf(db);
    const change = { entity: 'unit', entityId: '0190d5a8-0000-7000-8000-000000000001', op: 'insert' as const, after: { name: 'X' } };
    expect(() => recordChange(db, META, change)).toThrow(/inside the transaction/);
    expect(() => recordChanges(db, META, [change])).toThrow(/inside the transaction/);
    expect(rowsOf(db)).toEqual(before);
    db.close();
  });
});

describe('a roster import', () => {
  it('journals and audits each written person once, in the order of the file', async () => {
    const o = await freshOffice();
    const rows = staffRows();
    await o.t.ok('roster.apply', fileInput(o.dir, 'pegawai.csv', csvText([STAFF_HEADER, ...rows.slice(0, 3)])), o.token);
    const removed = (await o.t.ok('employees.list', { search: rows[1]![1]! }, o.token)).items[0]!;
    await o.t.ok('employees.remove', { id: removed.id }, o.token);
    const mark = o.db.prepare('SELECT max(seq) FROM change_journal').pluck().get() as number;
    const markAudit = o.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;

    // Row 2 changes its jabatan, row 3 is the removed person (restored), row 4 is unchanged, rows 5–7 are new.
    const changed = rows.map((r) => [...r]);
    changed[0]![7] = 'Camat';
    await o.t.ok('roster.apply', fileInput(o.dir, 'pegawai-2.csv', csvText([STAFF_HEADER, ...changed])), o.token);

    const journal = o.db.prepare("SELECT j.op, e.nip FROM change_journal j JOIN employees e ON e.id = j.entity_id WHERE j.seq > ? ORDER BY j.seq").all(mark);
    expect(journal).toEqual([
      { op: 'update', nip: rows[0]![1] },
      { op: 'restore', nip: rows[1]![1] },
      { op: 'insert', nip: rows[3]![1] },
      { op: 'insert', nip: rows[4]![1] },
      { op: 'insert', nip: rows[5]![1] },
    ]);
    const audit = o.db.prepare("SELECT a.action, a.details, a.username FROM audit_log a WHERE a.seq > ? AND a.entity = 'employee' ORDER BY a.seq").all(markAudit) as { action: string; details: string; username: string }[];
    expect(audit.map((a) => a.action)).toEqual(['employee.update', 'employee.restore', 'employee.insert', 'employee.insert', 'employee.insert']);
    expect(JSON.parse(audit[0]!.details)).toEqual({ jabatan: ['Kepala Seksi Pemerintahan', 'Camat'] });
    expect(JSON.parse(audit[2]!.details)).toEqual({ importedFrom: [null, 'pegawai-2.csv, baris 5'] });
    expect(new Set(audit.map((a) => a.username))).toEqual(new Set(['admin']));
    o.close();
  });
});

describe('the idle checkpoint', () => {
  const ACTOR = cliActor('test');
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const dbSize = (dir: string) => fs.statSync(dbFile(dir)).size;
  const GREW = 100 * 1024;

  /** A set-up office whose database file has settled, and its size then. */
  async function settledOffice(idleMs: number) {
    const dir = tempDir();
    const backend = createBackend({ dataDir: dir, checkpointIdleMs: idleMs });
    await backend.call('office.setup', setupInput(), { door: 'cli', actor: ACTOR });
    await sleep(idleMs * 2.5);
    return { dir, backend, settled: dbSize(dir) };
  }

  /** 1,500 people imported: a write of a few hundred pages. */
  async function importPeople(backend: ReturnType<typeof createBackend>) {
    const people = manyPeople(1500).map((p, i) => [p.nip, `Pegawai ${i}`]);
    const { result } = await backend.call('roster.apply', fileInput(tempDir(), 'pegawai.csv', csvText([['NIP', 'Nama'], ...people])), { door: 'cli', actor: ACTOR });
    expect(result.ok, JSON.stringify(result)).toBe(true);
  }

  it('copies a large write into the database file once the backend is idle, not during the call', async () => {
    const { dir, backend, settled } = await settledOffice(50);
    await importPeople(backend);
    // Written to the WAL only: the database file has not grown yet.
    expect(dbSize(dir)).toBe(settled);
    await sleep(300);
    expect(dbSize(dir)).toBeGreaterThan(settled + GREW);
    backend.close();
  });

  it('is not put off by reads: a screen polling every 20 ms does not keep the write in the WAL', async () => {
    const { dir, backend, settled } = await settledOffice(100);
    await importPeople(backend);
    const until = Date.now() + 500;
    while (Date.now() < until) {
      await backend.call('system.status', {}, { door: 'cli' });
      await sleep(20);
    }
    expect(dbSize(dir)).toBeGreaterThan(settled + GREW);
    backend.close();
  });
});
