// Two programs on one data folder (the app's backend and a `bangkom` command, each with its own
// connection) issue certificates at the same moment: every number is given once, the sequence
// ends where the two issues together leave it, and nothing is half written.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN, login, openTestBackend, removeTempDirs, type TestBackend } from '../helpers/backend.ts';
import { finishedEvent, type FinishedEvent } from '../helpers/certificates.ts';

let o: FinishedEvent;
let second: TestBackend;

beforeAll(async () => {
  o = await finishedEvent({ people: 30, absent: 0 });
  second = openTestBackend({ dataDir: o.t.dataDir, clock: o.clock });
});
afterAll(() => {
  second.close();
  o.close();
  removeTempDirs();
});

it('two backends issue at once: 30 participants and 5 committee members, 35 different numbers in one unbroken sequence', async () => {
  const token2 = await login(second, ADMIN.username, ADMIN.password);
  const [peserta, panitia] = await Promise.all([
    o.t.ok('certificates.issue', { eventId: o.eventId, role: 'peserta' }, o.token),
    second.ok('certificates.issue', { eventId: o.eventId, role: 'panitia', others: ['A', 'B', 'C', 'D', 'E'].map((n) => ({ name: `Panitia ${n}` })) }, token2),
  ]);
  expect(peserta.issued).toHaveLength(30);
  expect(panitia.issued).toHaveLength(5);
  const numbers = [...peserta.issued, ...panitia.issued].map((i) => i.number);
  expect(new Set(numbers).size).toBe(35);
  const seqs = o.db.prepare('SELECT seq FROM certificates ORDER BY seq').pluck().all();
  expect(seqs).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
  expect(o.db.prepare('SELECT last_seq FROM certificate_sequences WHERE year = 2026').pluck().get()).toBe(35);
  // Each issue froze one document; no document without its certificates.
  expect(o.db.prepare('SELECT count(*) FROM certificate_documents d WHERE NOT EXISTS (SELECT 1 FROM certificates c WHERE c.document_id = d.id)').pluck().get()).toBe(0);
});
