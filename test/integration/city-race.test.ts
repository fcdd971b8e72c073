// Two processes on one city data folder (the receiver, `serve --receiver`, and the desktop app)
// importing at the same moment. Each import judges the batch's place in the chain inside its own
// write transaction, so whatever the other committed just before counts: two different files
// numbered 2 are never both imported, and a batch whose missing one the other process just
// imported is not held for good. Played out exactly: process A's store lets process B import
// right before A's transaction begins (where the race falls).
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchImportResult } from '../../shared/contract/city.ts';
import { importBatch } from '../../electron/backend/city/import.ts';
import { SqliteCityStore } from '../../electron/backend/city/store.ts';
import type { Db } from '../../electron/backend/db/open.ts';
import { openTestBackend, removeTempDirs } from '../helpers/backend.ts';
import { cityOffice, coreRequest, resigned, trust } from '../helpers/city.ts';
import { laterAt, trainingOffice } from '../helpers/trainings.ts';

afterEach(() => removeTempDirs());

/** Process A's store: the other process's work runs once, just before A's write transaction begins. */
class RacedStore extends SqliteCityStore {
  constructor(db: Db, private other: (() => void) | null) { super(db); }

  override inTransaction<T>(work: () => T): T {
    const other = this.other;
    this.other = null;
    other?.();
    return super.inTransaction(work);
  }
}

/** Plaju's batches 1, 2 and 3, and another file numbered 2 (signed by Plaju's own key: a copy of the app that made batch 2 twice). */
async function plajuBatches() {
  const o = await trainingOffice({ people: 3 });
  const file = async () => new Uint8Array(fs.readFileSync((await o.t.ok('batch.export', {}, o.token)).file));
  const first = await file();
  await o.t.ok('employees.setStatus', { id: o.employees[0]!.id, status: 'pensiun', statusDate: '2026-11-30' }, o.token);
  await laterAt(o, '2026-12-01', '10:00');
  const second = await file();
  const otherSecond = resigned(o.t, second, (m) => { m.createdAt = '2026-12-01T05:00:00.000Z'; });
  await o.t.ok('employees.setStatus', { id: o.employees[1]!.id, status: 'pensiun', statusDate: '2026-11-30' }, o.token);
  await laterAt(o, '2026-12-02', '10:00');
  return { o, first, second, otherSecond, third: await file() };
}

/** The city office (process A) and a second backend on its data folder (process B), trusting Plaju, with batch 1 imported. */
async function twoProcesses(o: Awaited<ReturnType<typeof plajuBatches>>['o'], first: Uint8Array) {
  const city = await cityOffice();
  const b = openTestBackend({ dataDir: city.t.dataDir, clock: city.t.clock });
  await trust(city, o);
  const a = city.t.backend.db;
  const at = city.t.clock.iso();
  expect(importBatch(new SqliteCityStore(a), coreRequest(a, city.t.dataDir, first, at))).toMatchObject({ status: 'imported', seq: 1 });
  return {
    a, at,
    /** Process A imports `bytes`; process B imports `other` right before A's transaction begins. */
    race(bytes: Uint8Array, other: Uint8Array) {
      let fromB: BatchImportResult | null = null;
      const fromA = importBatch(new RacedStore(a, () => { fromB = importBatch(new SqliteCityStore(b.backend.db), coreRequest(b.backend.db, b.dataDir, other, at)); }),
        coreRequest(a, city.t.dataDir, bytes, at));
      return { fromA, fromB: fromB as BatchImportResult | null };
    },
    close() {
      b.close();
      city.t.close();
    },
  };
}

describe('two processes importing into one city data folder', () => {
  it('two different files numbered 2 at once: the one committed first is imported, the other is refused as seq_reused', async () => {
    const { o, first, second, otherSecond } = await plajuBatches();
    const city = await twoProcesses(o, first);
    try {
      const { fromA, fromB } = city.race(second, otherSecond);
      expect(fromB).toMatchObject({ status: 'imported', seq: 2 });
      expect(fromA).toMatchObject({ status: 'tampered', message: 'batches.import.seq_reused', seq: 2 });
      expect(city.a.prepare("SELECT seq, sha256, status FROM city_batches WHERE seq = 2").all()).toEqual([{ seq: 2, sha256: fromB!.sha256, status: 'imported' }]);
      expect(city.a.prepare("SELECT last_seq, last_sha256 FROM city_offices").get()).toEqual({ last_seq: 2, last_sha256: fromB!.sha256 });
    } finally {
      o.close();
      city.close();
    }
  });

  it('batch 3 read while 2 was missing, 2 imported by the other process meanwhile: 3 is imported, not held for good', async () => {
    const { o, first, second, third } = await plajuBatches();
    const city = await twoProcesses(o, first);
    try {
      const { fromA, fromB } = city.race(third, second);
      expect(fromB).toMatchObject({ status: 'imported', seq: 2, released: [] });
      expect(fromA).toMatchObject({ status: 'imported', seq: 3, message: 'batches.import.imported' });
      expect(city.a.prepare('SELECT group_concat(status) FROM (SELECT status FROM city_batches ORDER BY seq)').pluck().get()).toBe('imported,imported,imported');
      expect(city.a.prepare("SELECT json_extract(data, '$.status') FROM city_rows WHERE entity = 'employees' AND id = ?").pluck().get(o.employees[1]!.id)).toBe('pensiun');
    } finally {
      o.close();
      city.close();
    }
  });
});
