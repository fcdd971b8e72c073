// The 20 JP ledger of an office through the contract: who has how many JP this year (events
// finished and passed, plus external records), what is planned, the gap to the target of their
// employee type, per unit and for the office; the charts drawn from the same numbers; and the
// recaps and the enrolment screen giving the same figures. The office clock stands at
// Wednesday 25 November 2026, 09:00 WIB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../shared/contract/ledger.ts';
import { completion } from '../../shared/domain/jp.ts';
import { removeTempDirs } from '../helpers/backend.ts';
import { readXlsx } from '../helpers/roster.ts';
import { addSession, createEvent, pdfText, squash, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: TrainingOffice;
/** The people of the story, by role: e0…e11 are the roster's first twelve by name, pppk one PPPK employee. */
const who: Record<string, { id: string; name: string; unitId: string | null; golongan: string | null }> = {};
let itemA: string;

type Status = 'hadir' | 'terlambat' | 'psw' | 'izin' | 'alpa' | 'sakit';

async function enrolled(eventId: string, keys: string[]): Promise<Record<string, string>> {
  await o.t.ok('enrolment.add', { eventId, employeeIds: keys.map((k) => who[k]!.id) }, o.token);
  const list = await o.t.ok('enrolment.list', { eventId }, o.token);
  return Object.fromEntries(keys.map((k) => [k, list.find((e) => e.employeeId === who[k]!.id)!.id]));
}

async function marks(sessionId: string, enrolments: Record<string, string>, statuses: Record<string, Status>): Promise<void> {
  await o.t.ok('attendance.paperEntry', { sessionId, marks: Object.entries(statuses).map(([k, status]) => ({ enrolmentId: enrolments[k]!, status, note: '' })) }, o.token);
}

/** An external record entered by the clerk (JP as the certificate says), verified by the admin when asked. */
async function external(key: string, r: { title: string; methodId: number; start: string; end?: string; jp: number; verified?: boolean }) {
  const record = await o.t.ok('records.create', {
    employeeId: who[key]!.id, title: r.title, organiser: 'BKPSDM Kota Palembang', methodId: r.methodId, competencyType: 'teknis',
    startDate: r.start, endDate: r.end ?? r.start, jp: r.jp, jpReason: 'Sesuai sertifikat',
  }, o.token);
  if (r.verified) await o.t.ok('records.verify', { id: record.id, verified: true }, o.token);
  return record;
}

beforeAll(async () => {
  o = await trainingOffice({ people: 12 });
  o.employees.forEach((e, i) => { who[`e${i}`] = e; });
  const pppk = await o.t.ok('employees.create', {
    nip: '199001012024211001', employmentType: 'pppk', name: 'Rina Marlina', golongan: 'IX', unitId: o.employees[0]!.unitId,
  }, o.token);
  who.pppk = pppk.employee;
  await o.t.ok('rules.update', { jpTargetPppk: 24 }, o.token);

  const item = (title: string, funding: string, plannedJp: number, budget: number, spent: number, year = 2026) =>
    o.t.ok('programme.create', { year, title, competencyType: 'teknis', methodId: 8, organiser: 'kantor', plannedMonth: 3, plannedJp, budget, spent, funding }, o.token);
  itemA = (await item('Bimtek Kependudukan', 'apbd', 16, 10_000_000, 8_500_000)).id;
  const itemC = (await item('Bimtek Kearsipan', 'apbd', 14, 5_000_000, 0)).id;
  const itemS = (await item('Sosialisasi SIASN', 'tanpa', 4, 0, 0)).id;
  await o.t.ok('programme.setStatus', { id: itemS, status: 'terlaksana' }, o.token);
  const itemX = (await item('Studi banding', 'sponsor', 10, 2_000_000, 500_000)).id;
  await o.t.ok('programme.setStatus', { id: itemX, status: 'batal' }, o.token);
  await item('Bimtek 2025', 'apbn', 20, 9_000_000, 9_000_000, 2025);

  // A: finished in March, 5 + 4 + 5 = 14 JP, 80% to pass.
  const a = await createEvent(o, { name: 'Bimtek Kependudukan', programmeItemId: itemA });
  const aS = [await addSession(o, a.id, '2026-03-10', '08:00', '12:00'), await addSession(o, a.id, '2026-03-10', '13:00', '16:00'), await addSession(o, a.id, '2026-03-11', '08:00', '12:00')];
  const aE = await enrolled(a.id, ['e0', 'e1', 'e2', 'e3', 'pppk']);
  await marks(aS[0]!.id, aE, { e0: 'hadir', e1: 'hadir', e2: 'hadir', e3: 'hadir', pppk: 'hadir' });
  await marks(aS[1]!.id, aE, { e0: 'hadir', e1: 'hadir', e2: 'terlambat', e3: 'hadir', pppk: 'hadir' });
  await marks(aS[2]!.id, aE, { e0: 'hadir', e1: 'alpa', e2: 'psw', e3: 'hadir', pppk: 'hadir' }); // e1: 66.7%, not passed
  await o.t.ok('enrolment.withdraw', { id: aE.e3!, reason: 'Pindah tugas' }, o.token); // withdrawn: never counts

  // B: a seminar in June (4 JP) with a post-test of at least 70.
  const b = await createEvent(o, { name: 'Seminar Pelayanan Publik', methodId: 9, minPostTest: 70 });
  const bS = await addSession(o, b.id, '2026-06-02', '08:00', '12:00');
  const bE = await enrolled(b.id, ['e0', 'e2']);
  await marks(bS.id, bE, { e0: 'hadir', e2: 'hadir' });
  await o.t.ok('enrolment.setScores', { id: bE.e0!, preTest: 50, postTest: 80 }, o.token);
  await o.t.ok('enrolment.setScores', { id: bE.e2!, preTest: 50, postTest: 60 }, o.token); // too low

  // C: under way: 24 Nov is over (5 JP), 26 Nov (5 JP) and 3 Dec (4 JP) are to come.
  const c = await createEvent(o, { name: 'Bimtek Kearsipan', programmeItemId: itemC });
  const cS = [await addSession(o, c.id, '2026-11-24', '08:00', '12:00'), await addSession(o, c.id, '2026-11-26', '08:00', '12:00'), await addSession(o, c.id, '2026-12-03', '08:00', '11:00')];
  const cE = await enrolled(c.id, ['e0', 'e1', 'e4']);
  await marks(cS[0]!.id, cE, { e1: 'hadir', e4: 'alpa' });
  await marks(cS[2]!.id, cE, { e0: 'izin' }); // an absence noted ahead: not planned any more

  // D: held, then cancelled; E: last year.
  const d = await createEvent(o, { name: 'Bimtek Batal' });
  const dS = await addSession(o, d.id, '2026-05-05', '08:00', '12:00');
  await marks(dS.id, await enrolled(d.id, ['e5']), { e5: 'hadir' });
  await o.t.ok('events.setStatus', { id: d.id, status: 'batal' }, o.token);
  const e = await createEvent(o, { name: 'Kursus 2025', methodId: 11 });
  const eS = await addSession(o, e.id, '2025-10-01', '08:00', '12:00');
  await marks(eS.id, await enrolled(e.id, ['e5']), { e5: 'hadir' });

  // F: marked done before its second session: final, and half attended is not enough.
  const f = await createEvent(o, { name: 'Diklat Dipercepat' });
  const fS = await addSession(o, f.id, '2026-11-20', '08:00', '12:00');
  await addSession(o, f.id, '2026-12-10', '08:00', '12:00');
  await marks(fS.id, await enrolled(f.id, ['e8']), { e8: 'hadir' });
  await o.t.ok('events.setStatus', { id: f.id, status: 'selesai' }, o.token);

  // External records.
  await external('e3', { title: 'E-Learning Manajemen ASN', methodId: 16, start: '2026-04-01', end: '2026-04-03', jp: 6, verified: true });
  await external('e3', { title: 'Seminar Nasional Kearsipan', methodId: 9, start: '2026-08-15', jp: 10 });
  await external('e5', { title: 'Pelatihan Akhir Tahun', methodId: 11, start: '2025-12-30', end: '2026-01-02', jp: 12, verified: true });
  const removed = await external('e1', { title: 'Dicatat keliru', methodId: 11, start: '2026-05-01', jp: 30 });
  await o.t.ok('records.remove', { id: removed.id }, o.token);
  await external('e6', { title: 'Pelatihan Kepemimpinan Pengawas', methodId: 2, start: '2026-07-01', end: '2026-07-05', jp: 20, verified: true });
  await external('e7', { title: 'Diklat Teknis Perpajakan Daerah', methodId: 3, start: '2026-09-01', end: '2026-09-05', jp: 25, verified: true });
  await external('e9', { title: 'Kursus Sebelum Pindah', methodId: 11, start: '2026-02-01', jp: 5 });
  await o.t.ok('employees.setStatus', { id: who.e9!.id, status: 'pindah', statusDate: '2026-10-01' }, o.token);
  await external('pppk', { title: 'Orientasi PPPK', methodId: 3, start: '2026-02-10', jp: 8 });
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

// What each person should have in 2026: [eventJp, externalJp, unverifiedJp, planned, target].
const EXPECTED: Record<string, [number, number, number, number, number]> = {
  e0: [18, 0, 0, 5, 20], // A 14 + B 4; C: 26 Nov still to come (3 Dec noted izin)
  e1: [0, 0, 0, 14, 20], // A not passed; C: 5 attended + 9 to come; the removed record gone
  e2: [14, 0, 0, 0, 20], // A passed; B post-test too low
  e3: [0, 16, 10, 0, 20], // withdrawn from A; two records, one unverified
  e4: [0, 0, 0, 9, 20], // C: absent on 24 Nov, 9 JP to come
  e5: [0, 0, 0, 0, 20], // a cancelled event, last year's course, a record starting in 2025
  e6: [0, 20, 0, 0, 20],
  e7: [0, 25, 0, 0, 20],
  e8: [0, 0, 0, 0, 20], // F marked done: half attended, not passed, nothing planned
  e10: [0, 0, 0, 0, 20],
  e11: [0, 0, 0, 0, 20],
  pppk: [14, 8, 8, 0, 24],
};

const expectedRow = (key: string) => {
  const [eventJp, externalJp, unverifiedJp, planned, target] = EXPECTED[key]!;
  const jp = eventJp + externalJp;
  return { employeeId: who[key]!.id, eventJp, externalJp, unverifiedJp, jp, planned, projection: jp + planned, target, gap: Math.max(0, target - jp) };
};

const pick = (r: LedgerRow) => ({ employeeId: r.employeeId, eventJp: r.eventJp, externalJp: r.externalJp, unverifiedJp: r.unverifiedJp, jp: r.jp, planned: r.planned, projection: r.projection, target: r.target, gap: r.gap });

describe('ledger.year', () => {
  it('gives every active employee the year\'s JP from events completed and external records, planned JP and the gap', async () => {
    const ledger = await o.t.ok('ledger.year', { year: 2026 }, o.token);
    expect(ledger.year).toBe(2026);
    expect(ledger.targets).toEqual({ pns: 20, pppk: 24 });
    expect(ledger.rows.map(pick).sort((a, b) => a.employeeId.localeCompare(b.employeeId)))
      .toEqual(Object.keys(EXPECTED).map(expectedRow).sort((a, b) => a.employeeId.localeCompare(b.employeeId)));
    // Moved away: not in the ledger, whatever was recorded.
    expect(ledger.rows.some((r) => r.employeeId === who.e9!.id)).toBe(false);
    const p = ledger.rows.find((r) => r.employeeId === who.pppk!.id)!;
    expect(p).toMatchObject({ nip: '199001012024211001', name: 'Rina Marlina', employmentType: 'pppk', golongan: 'PPPK-IX', unitId: who.e0!.unitId });
    const e0 = ledger.rows.find((r) => r.employeeId === who.e0!.id)!;
    expect(e0).toMatchObject({ employmentType: 'pns', name: o.employees[0]!.displayName, unit: o.employees[0]!.unit, golongan: o.employees[0]!.golongan });
  });

  it('sorts by the gap, largest first, then by name; --behind keeps only those short of their target', async () => {
    const ledger = await o.t.ok('ledger.year', { year: 2026 }, o.token);
    const gaps = ledger.rows.map((r) => r.gap);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    // By name as the roster sorts it (case aside).
    const byName = (keys: string[]) => keys.map((k) => who[k]!).sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1)).map((e) => e.id);
    expect(ledger.rows.slice(0, 6).map((r) => r.employeeId)).toEqual(byName(['e1', 'e4', 'e5', 'e8', 'e10', 'e11']));
    expect(ledger.rows.slice(6).map((r) => r.employeeId)).toEqual([who.e2!.id, who.e3!.id, ...byName(['e0', 'pppk']), ...byName(['e6', 'e7'])]);

    const behind = await o.t.ok('ledger.year', { year: 2026, behind: true }, o.token);
    expect(behind.rows.map((r) => r.employeeId)).toEqual(ledger.rows.filter((r) => r.gap > 0).map((r) => r.employeeId));
    expect(behind.rows).toHaveLength(10);
    // The totals are of everyone in the filter, behind or not.
    expect(behind.office).toEqual(ledger.office);
    expect(behind.units).toEqual(ledger.units);
  });

  it('counts per unit and for the office who reached the target, who is behind and by how much', async () => {
    const ledger = await o.t.ok('ledger.year', { year: 2026 }, o.token);
    // 115 JP over 12 people; 2 reached; e0 (18 + 5 planned) reaches it if the plan holds.
    expect(ledger.office).toEqual({ employees: 12, reached: 2, behind: 10, reachedByProjection: 1, jp: 115, gapTotal: 134, averageJp: 9.58 });
    const expectedUnits = new Map<string | null, { employees: number; reached: number; jp: number; gapTotal: number; reachedByProjection: number }>();
    for (const key of Object.keys(EXPECTED)) {
      const r = expectedRow(key);
      const u = expectedUnits.get(who[key]!.unitId) ?? { employees: 0, reached: 0, jp: 0, gapTotal: 0, reachedByProjection: 0 };
      u.employees++;
      if (r.gap === 0) u.reached++;
      else if (r.projection >= r.target) u.reachedByProjection++;
      u.jp += r.jp;
      u.gapTotal += r.gap;
      expectedUnits.set(who[key]!.unitId, u);
    }
    expect(ledger.units.map((u) => [u.unitId, u.employees, u.reached, u.behind, u.reachedByProjection, u.jp, u.gapTotal]).sort())
      .toEqual([...expectedUnits].map(([id, u]) => [id, u.employees, u.reached, u.employees - u.reached, u.reachedByProjection, u.jp, u.gapTotal]).sort());
    // In the office's order of units.
    const units = await o.t.ok('units.list', {}, o.token);
    expect(ledger.units.map((u) => u.unit)).toEqual(units.filter((u) => expectedUnits.has(u.id)).map((u) => u.name));
    const first = ledger.units[0]!;
    expect(first.averageJp).toBe(Math.round((first.jp / first.employees) * 100) / 100);
  });

  it('filters by unit, golongan and employee type', async () => {
    const unitId = who.e0!.unitId!;
    const inUnit = await o.t.ok('ledger.year', { year: 2026, unitId }, o.token);
    const keysInUnit = Object.keys(EXPECTED).filter((k) => who[k]!.unitId === unitId);
    expect(inUnit.rows.map((r) => r.employeeId).sort()).toEqual(keysInUnit.map((k) => who[k]!.id).sort());
    expect(inUnit.units).toHaveLength(1);
    const { unitId: _id, unit: _name, ...unitTotals } = inUnit.units[0]!;
    expect(inUnit.office).toEqual(unitTotals);
    expect(inUnit.office.employees).toBe(keysInUnit.length);

    const gol = who.e2!.golongan!;
    const byGolongan = await o.t.ok('ledger.year', { year: 2026, golongan: gol }, o.token);
    expect(byGolongan.rows.map((r) => r.employeeId).sort()).toEqual(Object.keys(EXPECTED).filter((k) => who[k]!.golongan === gol).map((k) => who[k]!.id).sort());

    const pppk = await o.t.ok('ledger.year', { year: 2026, employmentType: 'pppk' }, o.token);
    expect(pppk.rows.map(pick)).toEqual([expectedRow('pppk')]);
    expect(pppk.office).toMatchObject({ employees: 1, reached: 0, behind: 1, jp: 22, gapTotal: 2 });
    expect((await o.t.ok('ledger.year', { year: 2026, employmentType: 'pns' }, o.token)).office.employees).toBe(11);

    const none = await o.t.ok('ledger.year', { year: 2026, golongan: '45' }, o.token);
    expect(none).toMatchObject({ rows: [], units: [], office: { employees: 0, reached: 0, behind: 0, jp: 0, averageJp: 0 } });
    const unknown = await o.t.fails('ledger.year', { year: 2026, unitId: '019a0000-0000-7000-8000-0000000000ef' }, 'VALIDATION', o.token);
    expect(unknown.details?.issues).toEqual([{ path: ['unitId'], message: 'ledger.unit_unknown' }]);
  });

  it('gives each year its own JP: last year\'s course and the record starting in 2025 count for 2025', async () => {
    const y2025 = await o.t.ok('ledger.year', { year: 2025 }, o.token);
    const e5 = y2025.rows.find((r) => r.employeeId === who.e5!.id)!;
    expect(pick(e5)).toMatchObject({ eventJp: 5, externalJp: 12, jp: 17, planned: 0, gap: 3 });
    expect(y2025.office.jp).toBe(17);
  });
});

describe('the ledger agrees with the rest of the app', () => {
  it('each employee\'s recap gives the same JP, external JP, planned JP and target', async () => {
    const ledger = await o.t.ok('ledger.year', { year: 2026 }, o.token);
    for (const row of ledger.rows) {
      const recap = await o.t.ok('recap.employee', { employeeId: row.employeeId, year: 2026 }, o.token);
      expect({ jp: recap.totalJp, eventJp: recap.eventJp, externalJp: recap.externalJp, planned: recap.plannedJp, target: recap.targetJp }, row.name)
        .toEqual({ jp: row.jp, eventJp: row.eventJp, externalJp: row.externalJp, planned: row.planned, target: row.target });
      expect(recap.external.filter((x) => !x.verified).reduce((a, x) => a + x.jp, 0)).toBe(row.unverifiedJp);
    }
    const e3 = await o.t.ok('recap.employee', { employeeId: who.e3!.id, year: 2026 }, o.token);
    expect(e3.trainings).toEqual([]);
    expect(e3.external).toEqual([
      { id: expect.any(String), title: 'E-Learning Manajemen ASN', organiser: 'BKPSDM Kota Palembang', methodName: 'E-Learning', startDate: '2026-04-01', endDate: '2026-04-03', jp: 6, verified: true },
      { id: expect.any(String), title: 'Seminar Nasional Kearsipan', organiser: 'BKPSDM Kota Palembang', methodName: 'Seminar', startDate: '2026-08-15', endDate: '2026-08-15', jp: 10, verified: false },
    ]);
  });

  it('the employee\'s riwayat (XLSX and PDF) lists the external records and sums as the ledger does', async () => {
    const xlsx = await o.t.ok('recap.employeeFile', { employeeId: who.e3!.id, year: 2026, format: 'xlsx' }, o.token);
    const ws = (await readXlsx(Buffer.from(xlsx.dataBase64, 'base64'))).getWorksheet('Riwayat')!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(2)).toEqual([1, 'E-Learning Manajemen ASN', 'E-Learning', '2026-04-01', '2026-04-03', '', 6, 'Luar kantor (BKPSDM Kota Palembang)']);
    expect(values(3)).toEqual([2, 'Seminar Nasional Kearsipan', 'Seminar', '2026-08-15', '2026-08-15', '', 10, 'Luar kantor (BKPSDM Kota Palembang), belum diverifikasi']);
    expect(values(4).slice(-2)).toEqual([16, 'Target 20 JP']);
    const pdf = squash(pdfText((await o.t.ok('recap.employeeFile', { employeeId: who.e3!.id, year: 2026, format: 'pdf' }, o.token)).dataBase64));
    // The organiser under the title; dates wrap in their column; no attendance %.
    expect(pdf).toMatch(/E-Learning Manajemen ASN E-Learning 1 April 2026 s\.d\. 3 – 6 Luar kantor BKPSDM Kota Palembang April 2026/);
    expect(pdf).toContain('Seminar Nasional Kearsipan Seminar 15 Agustus 2026 – 10 Luar kantor BKPSDM Kota Palembang belum diverifikasi Jumlah 16');
    expect(pdf).toContain('Target belum terpenuhi: 16 dari 20 JP (kurang 4 JP).');
    // e1: a training under way (planned) and one not passed: the sum says which JP count.
    const e1 = squash(pdfText((await o.t.ok('recap.employeeFile', { employeeId: who.e1!.id, year: 2026, format: 'pdf' }, o.token)).dataBase64));
    expect(e1).toContain('Target belum terpenuhi: 0 dari 20 JP (kurang 20 JP).');
    expect(e1).toContain('JP kegiatan dihitung setelah kegiatan selesai dan peserta lulus. Pelatihan yang sedang berjalan direncanakan memberi 14 JP tahun ini, termasuk sesi yang belum berlangsung senilai 9 JP (belum dihitung).');
  });

  it('the events\' recaps give the JP credited: sessions attended by those who passed a finished event', async () => {
    const ledger = await o.t.ok('ledger.year', { year: 2026 }, o.token);
    const credited = new Map<string, number>();
    for (const e of await o.t.ok('events.list', { year: 2026 }, o.token)) {
      if (e.status === 'batal') continue;
      const recap = await o.t.ok('recap.event', { eventId: e.id }, o.token);
      if (!recap.finished) continue;
      for (const r of recap.rows) if (r.employeeId && r.passed) credited.set(r.employeeId, (credited.get(r.employeeId) ?? 0) + r.jp);
    }
    for (const row of ledger.rows) expect(row.eventJp, row.name).toBe(credited.get(row.employeeId) ?? 0);
  });

  it('the enrolment screen\'s "JP this year" is the ledger\'s JP', async () => {
    const next = await createEvent(o, { name: 'Bimtek Desember' });
    await addSession(o, next.id, '2026-12-15', '08:00', '12:00');
    const candidates = await o.t.ok('enrolment.candidates', { eventId: next.id, order: 'fewest_jp' }, o.token);
    const ledger = await o.t.ok('ledger.year', { year: 2026 }, o.token);
    expect(new Map(candidates.map((c) => [c.employeeId, c.jpThisYear]))).toEqual(new Map(ledger.rows.map((r) => [r.employeeId, r.jp])));
  });

  it('judges attendance as completion() does, to the tenth of a percent, for every share of up to 120 sessions', () => {
    // The ledger's pass rule runs in SQL; the recaps' in jp.ts. Same arithmetic, same answer.
    const rows = o.db.prepare(`WITH RECURSIVE n(b) AS (SELECT 1 UNION ALL SELECT b + 1 FROM n WHERE b < 120),
      k(a, b) AS (SELECT 0, b FROM n UNION ALL SELECT a + 1, b FROM k WHERE a < b)
      SELECT a, b, round(CAST(a AS REAL) / b * 1000) / 10.0 AS pct FROM k`).all() as { a: number; b: number; pct: number }[];
    expect(rows.length).toBe(7380);
    for (const { a, b, pct } of rows) {
      const statuses = Array.from({ length: b }, (_, i) => (i < a ? 'hadir' as const : 'alpa' as const));
      expect(pct, `${a}/${b}`).toBe(completion(statuses, statuses.map(() => 1), { minAttendancePct: 0, minPostTest: null }, null).attendancePct);
    }
  });
});

describe('ledger.charts', () => {
  it('JP per unit per month add up to the ledger\'s, by the month of the session or the record\'s start', async () => {
    const [charts, ledger] = await Promise.all([o.t.ok('ledger.charts', { year: 2026 }, o.token), o.t.ok('ledger.year', { year: 2026 }, o.token)]);
    expect(charts).toMatchObject({ year: 2026, target: 20 });
    expect(charts.unitMonths.map((u) => [u.unitId, u.unit])).toEqual(ledger.units.map((u) => [u.unitId, u.unit]));
    for (const u of charts.unitMonths) {
      expect(u.months).toHaveLength(12);
      expect(u.months.reduce((a, b) => a + b, 0), u.unit).toBeCloseTo(ledger.units.find((x) => x.unitId === u.unitId)!.jp, 6);
    }
    const month = (m: number) => charts.unitMonths.reduce((a, u) => a + u.months[m - 1]!, 0);
    // February: PPPK orientation 8; March: A for e0, e2, PPPK (14 each); April: e-learning 6; June: the seminar 4;
    // July 20, August 10, September 25; nothing from the event under way in November, nor from e1's failed A.
    expect(Array.from({ length: 12 }, (_, i) => month(i + 1))).toEqual([0, 8, 42, 6, 0, 4, 20, 10, 25, 0, 0, 0]);
  });

  it('counts people per band of JP against the target', async () => {
    const charts = await o.t.ok('ledger.charts', { year: 2026 }, o.token);
    expect(charts.distribution).toEqual([
      { from: 0, to: 0, people: 6 }, { from: 1, to: 4, people: 0 }, { from: 5, to: 9, people: 0 }, { from: 10, to: 14, people: 1 },
      { from: 15, to: 19, people: 2 }, { from: 20, to: 24, people: 2 }, { from: 25, to: null, people: 1 },
    ]);
  });

  it('sets the programme\'s plan against its realisation per funding source', async () => {
    const charts = await o.t.ok('ledger.charts', { year: 2026 }, o.token);
    expect(charts.funding).toEqual([
      // A was held (finished, 14 JP per person); C is still under way.
      { funding: 'apbd', plannedItems: 2, realisedItems: 1, plannedJp: 30, realisedJp: 14, budget: 15_000_000, spent: 8_500_000 },
      // Cancelled: neither plan nor realisation, but what it spent is spent.
      { funding: 'sponsor', plannedItems: 0, realisedItems: 0, plannedJp: 0, realisedJp: 0, budget: 0, spent: 500_000 },
      // Marked carried out without an event here: realised as planned.
      { funding: 'tanpa', plannedItems: 1, realisedItems: 1, plannedJp: 4, realisedJp: 4, budget: 0, spent: 0 },
    ]);
    expect(itemA).toBeTruthy();
  });

  it('a year with nothing gives empty months and everyone in the first band', async () => {
    const charts = await o.t.ok('ledger.charts', { year: 2024 }, o.token);
    expect(charts.funding).toEqual([]);
    expect(charts.unitMonths.every((u) => u.months.every((m) => m === 0))).toBe(true);
    expect(charts.distribution[0]).toEqual({ from: 0, to: 0, people: 12 });
  });
});
