// The clerk's planning side: needs (per employee or unit, by year, imported from a real CSV or
// XLSX through the roster reader) and the annual programme with its summary per funding source
// and per competency type, and plan against realisation once an event has run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/backend.ts';
import { csvText, fileInput, xlsxBuffer } from '../helpers/roster.ts';
import { addSession, createEvent, eventInput, journalOf, laterAt, ops, spacedNip, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: TrainingOffice;

beforeAll(async () => {
  o = await trainingOffice({ people: 8 });
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

const needCount = () => o.db.prepare('SELECT count(*) FROM needs').pluck().get() as number;
const journalCount = () => o.db.prepare('SELECT count(*) FROM change_journal').pluck().get() as number;

describe('needs', () => {
  it('are created for an employee or for a unit, one of them required, and listed by year', async () => {
    const [a, b] = o.employees;
    const forPerson = await o.t.ok('needs.create', { year: 2026, employeeId: a!.id, competencyType: 'teknis', topic: 'Pelayanan KTP-el', source: 'survei', priority: 'tinggi' }, o.token);
    expect(forPerson).toMatchObject({ year: 2026, employeeId: a!.id, employeeName: a!.name, unitId: null, unitName: null, competencyType: 'teknis', priority: 'tinggi', notes: '', origin: '16.71.14' });
    const forUnit = await o.t.ok('needs.create', { year: 2026, unitId: o.units['Seksi Pemerintahan'], competencyType: 'pemerintahan', topic: 'Tata naskah dinas', source: 'fgd' }, o.token);
    expect(forUnit).toMatchObject({ employeeId: null, unitName: 'Seksi Pemerintahan', priority: 'sedang' });
    const nextYear = await o.t.ok('needs.create', { year: 2027, employeeId: b!.id, unitId: o.units['Plaju Ulu'], competencyType: 'manajerial', topic: 'Kepemimpinan', source: 'usulan_atasan', priority: 'rendah' }, o.token);
    expect(nextYear).toMatchObject({ employeeName: b!.name, unitName: 'Plaju Ulu' });

    const neither = await o.t.fails('needs.create', { year: 2026, competencyType: 'teknis', topic: 'Tanpa sasaran', source: 'survei' }, 'VALIDATION', o.token);
    expect(neither.details?.issues).toContainEqual(expect.objectContaining({ path: ['employeeId'], message: 'validation.need_target' }));
    const ghost = await o.t.fails('needs.create', { year: 2026, employeeId: '019a0000-0000-7000-8000-0000000000ff', competencyType: 'teknis', topic: 'x', source: 'survei' }, 'VALIDATION', o.token);
    expect(ghost.details?.issues?.[0]).toMatchObject({ path: ['employeeId'], message: 'employee.unknown' });
    await o.t.fails('needs.create', { year: 2026, employeeId: a!.id, competencyType: 'keuangan', topic: 'x', source: 'survei' }, 'VALIDATION', o.token);

    const in2026 = await o.t.ok('needs.list', { year: 2026 }, o.token);
    expect(in2026.map((n) => n.id)).toEqual([forPerson.id, forUnit.id]); // tinggi before sedang
    expect((await o.t.ok('needs.list', { year: 2027 }, o.token)).map((n) => n.id)).toEqual([nextYear.id]);
    expect((await o.t.ok('needs.list', {}, o.token)).map((n) => n.id)).toEqual([nextYear.id, forPerson.id, forUnit.id]);
  });

  it('are updated (the target may move from a person to a unit) and removed as a tombstone', async () => {
    const need = await o.t.ok('needs.create', { year: 2025, employeeId: o.employees[2]!.id, competencyType: 'teknis', topic: 'Arsip', source: 'survei' }, o.token);
    const updated = await o.t.ok('needs.update', { id: need.id, year: 2025, employeeId: null, unitId: o.units['Komperta'], competencyType: 'sosial_kultural', topic: 'Arsip digital', source: 'kesenjangan_kinerja', priority: 'tinggi', notes: 'dari evaluasi' }, o.token);
    expect(updated).toMatchObject({ employeeId: null, unitName: 'Komperta', competencyType: 'sosial_kultural', topic: 'Arsip digital', source: 'kesenjangan_kinerja', priority: 'tinggi', notes: 'dari evaluasi', createdAt: need.createdAt });
    await o.t.fails('needs.update', { id: need.id, year: 2025, competencyType: 'teknis', topic: 'x', source: 'survei' }, 'VALIDATION', o.token);

    expect(await o.t.ok('needs.remove', { id: need.id }, o.token)).toEqual({ ok: true });
    expect(await o.t.ok('needs.list', { year: 2025 }, o.token)).toEqual([]);
    expect(o.db.prepare('SELECT deleted_at FROM needs WHERE id = ?').pluck().get(need.id)).not.toBeNull();
    await o.t.fails('needs.update', { id: need.id, year: 2025, unitId: o.units['Komperta'], competencyType: 'teknis', topic: 'x', source: 'survei' }, 'NOT_FOUND', o.token);
    await o.t.fails('needs.remove', { id: need.id }, 'NOT_FOUND', o.token);
  });
});

describe('needs.import', () => {
  const HEADER = ['No', 'NIP', 'Unit Kerja', 'Jenis Kompetensi', 'Topik', 'Sumber', 'Prioritas', 'Keterangan'];
  const rows = () => {
    const [a, b, c] = o.employees;
    return [
      HEADER,
      ['1', spacedNip(a!.nip), '', 'Teknis', 'Aplikasi SIAK', 'Survei', 'Tinggi', ''], // row 2
      ['2', '', 'Seksi Pemerintahan', 'Manajerial', 'Kepemimpinan pengawas', 'FGD', 'sedang', 'hasil FGD Maret'], // row 3
      ['3', '', 'plaju ulu', 'Sosial Kultural', 'Komunikasi publik', 'Usulan Atasan', 'rendah', ''], // row 4
      ['4', '19860926 201505 2 001', '', 'teknis', 'Tidak dikenal', 'survei', '', ''], // row 5: NIP not on the roster
      ['5', '', 'Seksi Antah Berantah', 'teknis', 'Unit tidak ada', 'survei', '', ''], // row 6: unknown unit
      ['6', b!.nip, '', 'Keuangan', 'Jenis salah', 'survei', '', ''], // row 7: bad competency type
      ['', '', '', '', '', '', '', ''], // row 8: blank, skipped
      ['7', c!.nip, '', 'pemerintahan', 'Tata naskah dinas', 'Kesenjangan Kinerja', '', ''], // row 9
      ['8', '12345', '', 'teknis', 'NIP pendek', 'survei', '', ''], // row 10: not a NIP
      ['9', '', '', 'teknis', 'Tanpa sasaran', 'survei', '', ''], // row 11: neither NIP nor unit
    ];
  };

  function expectReport(result: { rows: number; created: number; errors: { row: number; field: string; code: string; message: string }[] }, created: number) {
    expect(result.rows).toBe(9);
    expect(result.created).toBe(created);
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [5, 'nip', 'employee.unknown_nip'],
      [6, 'unit', 'import.unit_unknown'],
      [7, 'competencyType', 'import.competency_type_invalid'],
      [10, 'nip', 'nip.wrong_length'],
      [11, 'nip', 'validation.need_target'],
    ]);
    // Messages are written out (Indonesian), with the offending value.
    expect(result.errors[0]!.message).toContain('19860926 201505 2 001');
    expect(result.errors[1]!.message).toContain('Seksi Antah Berantah');
    expect(result.errors[2]!.message).toContain('Keuangan');
  }

  it('dry run of a real CSV reports errors per row and writes nothing', async () => {
    const before = { needs: needCount(), journal: journalCount() };
    const input = fileInput(o.dir, 'kebutuhan.csv', csvText(rows(), ';'), { year: 2028, dryRun: true });
    expectReport(await o.t.ok('needs.import', input, o.token), 0);
    expect({ needs: needCount(), journal: journalCount() }).toEqual(before);
  });

  it('imports the valid rows of a CSV, matching NIPs typed with spaces and unit names in any case', async () => {
    const [a, , c] = o.employees;
    const input = fileInput(o.dir, 'kebutuhan.csv', csvText(rows(), ';'), { year: 2028 });
    const journal = await journalOf(o.db, async () => expectReport(await o.t.ok('needs.import', input, o.token), 4));
    expect(ops(journal)).toEqual(['need.insert', 'need.insert', 'need.insert', 'need.insert']);
    const list = await o.t.ok('needs.list', { year: 2028 }, o.token);
    const strip = ({ employeeName, unitName, topic, competencyType, source, priority, notes, year }: (typeof list)[number]) => ({ employeeName, unitName, topic, competencyType, source, priority, notes, year });
    expect(list.map(strip)).toEqual([
      { employeeName: a!.name, unitName: null, topic: 'Aplikasi SIAK', competencyType: 'teknis', source: 'survei', priority: 'tinggi', notes: '', year: 2028 },
      { employeeName: null, unitName: 'Seksi Pemerintahan', topic: 'Kepemimpinan pengawas', competencyType: 'manajerial', source: 'fgd', priority: 'sedang', notes: 'hasil FGD Maret', year: 2028 },
      { employeeName: c!.name, unitName: null, topic: 'Tata naskah dinas', competencyType: 'pemerintahan', source: 'kesenjangan_kinerja', priority: 'sedang', notes: '', year: 2028 },
      { employeeName: null, unitName: 'Plaju Ulu', topic: 'Komunikasi publik', competencyType: 'sosial_kultural', source: 'usulan_atasan', priority: 'rendah', notes: '', year: 2028 },
    ]);
  });

  it('reads an XLSX the same way (NIP as text), and a dry run of it writes nothing', async () => {
    const data = await xlsxBuffer((wb) => {
      const ws = wb.addWorksheet('Kebutuhan');
      for (const r of rows()) ws.addRow(r);
      ws.getColumn(2).numFmt = '@';
    });
    const before = { needs: needCount(), journal: journalCount() };
    expectReport(await o.t.ok('needs.import', fileInput(o.dir, 'kebutuhan.xlsx', data, { year: 2029, dryRun: true }), o.token), 0);
    expect({ needs: needCount(), journal: journalCount() }).toEqual(before);
    expectReport(await o.t.ok('needs.import', fileInput(o.dir, 'kebutuhan.xlsx', data, { year: 2029 }), o.token), 4);
    expect(needCount()).toBe(before.needs + 4);
    expect((await o.t.ok('needs.list', { year: 2029 }, o.token)).map((n) => n.topic).sort())
      .toEqual(['Aplikasi SIAK', 'Kepemimpinan pengawas', 'Komunikasi publik', 'Tata naskah dinas']);
  });

  it('a file with only bad rows writes nothing', async () => {
    const before = { needs: needCount(), journal: journalCount() };
    const bad = [HEADER, ['1', '19860926 201505 2 001', '', 'teknis', 'x', 'survei', '', ''], ['2', o.employees[0]!.nip, '', 'teknis', 'y', 'katanya', '', '']];
    const report = await o.t.ok('needs.import', fileInput(o.dir, 'salah.csv', csvText(bad), { year: 2030 }), o.token);
    expect(report).toMatchObject({ rows: 2, created: 0 });
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([[2, 'employee.unknown_nip'], [3, 'import.need_source_invalid']]);
    expect({ needs: needCount(), journal: journalCount() }).toEqual(before);
  });
});

describe('annual programme', () => {
  const base = { year: 2026, organiser: 'kantor', plannedMonth: 11 } as const;
  let items: Record<'bimtek' | 'seminar' | 'coaching' | 'workshop', { id: string }>;

  beforeAll(async () => {
    const need = await o.t.ok('needs.create', { year: 2026, unitId: o.units['Seksi Pemerintahan'], competencyType: 'teknis', topic: 'SIAK', source: 'survei' }, o.token);
    const bimtek = await o.t.ok('programme.create', {
      ...base, title: 'Bimtek Administrasi Kependudukan', competencyType: 'teknis', methodId: 8, plannedJp: 24, budget: 15_000_000,
      funding: 'apbd', targetCount: 30, targetUnitIds: [o.units['Seksi Pemerintahan']], targetEmployeeIds: [o.employees[0]!.id], needIds: [need.id],
      notes: 'Triwulan IV',
    }, o.token);
    expect(bimtek).toMatchObject({
      title: 'Bimtek Administrasi Kependudukan', methodId: 8, methodName: 'Bimbingan Teknis', funding: 'apbd', budget: 15_000_000, plannedJp: 24,
      plannedMonth: 11, targetCount: 30, targetUnitIds: [o.units['Seksi Pemerintahan']], targetEmployeeIds: [o.employees[0]!.id], needIds: [need.id],
      status: 'direncanakan', notes: 'Triwulan IV',
    });
    const seminar = await o.t.ok('programme.create', { ...base, plannedMonth: 3, title: 'Seminar Pelayanan Publik', competencyType: 'manajerial', methodId: 9, plannedJp: 8, budget: 5_000_000, funding: 'apbn' }, o.token);
    const coaching = await o.t.ok('programme.create', { ...base, plannedMonth: 6, title: 'Coaching Pengelolaan Arsip', competencyType: 'teknis', methodId: 14, plannedJp: 4, funding: 'tanpa', organiser: 'narasumber' }, o.token);
    const workshop = await o.t.ok('programme.create', { ...base, plannedMonth: 8, title: 'Workshop Budaya Kerja', competencyType: 'sosial_kultural', methodId: 4, plannedJp: 10, budget: 99_000_000, funding: 'apbd' }, o.token);
    await o.t.ok('programme.setStatus', { id: workshop.id, status: 'batal' }, o.token);
    items = { bimtek, seminar, coaching, workshop };
  });

  it('refuses unknown method ids and months, and lists the year by planned month', async () => {
    await o.t.fails('programme.create', { ...base, title: 'x', competencyType: 'teknis', methodId: 26, plannedJp: 1, funding: 'apbd' }, 'VALIDATION', o.token);
    await o.t.fails('programme.create', { ...base, plannedMonth: 13, title: 'x', competencyType: 'teknis', methodId: 8, plannedJp: 1, funding: 'apbd' }, 'VALIDATION', o.token);
    await o.t.fails('programme.create', { ...base, title: 'x', competencyType: 'teknis', methodId: 8, plannedJp: 1, funding: 'hibah' }, 'VALIDATION', o.token);
    const list = await o.t.ok('programme.list', { year: 2026 }, o.token);
    expect(list.map((i) => [i.plannedMonth, i.methodName, i.status])).toEqual([
      [3, 'Seminar', 'direncanakan'], [6, 'Coaching', 'direncanakan'], [8, 'Workshop', 'batal'], [11, 'Bimbingan Teknis', 'direncanakan'],
    ]);
    expect(await o.t.ok('programme.list', { year: 2027 }, o.token)).toEqual([]);
  });

  it('updates an item and changes its status', async () => {
    const seminar = (await o.t.ok('programme.list', { year: 2026 }, o.token)).find((i) => i.id === items.seminar.id)!;
    const { methodName: _m, status: _s, createdAt: _c, updatedAt: _u, updatedBy: _b, origin: _o, ...fields } = seminar;
    const updated = await o.t.ok('programme.update', { ...fields, budget: 6_000_000 }, o.token);
    expect(updated).toMatchObject({ budget: 6_000_000, status: 'direncanakan', createdAt: seminar.createdAt });
    await o.t.ok('programme.update', { ...fields, budget: 5_000_000 }, o.token);
    expect((await o.t.ok('programme.setStatus', { id: items.coaching.id, status: 'terjadwal' }, o.token)).status).toBe('terjadwal');
    await o.t.ok('programme.setStatus', { id: items.coaching.id, status: 'direncanakan' }, o.token);
  });

  it('sums items, JP and budget per funding source and per competency type, cancelled items left out', async () => {
    const s = await o.t.ok('programme.summary', { year: 2026 }, o.token);
    expect(s.total).toEqual({ items: 3, plannedJp: 36, budget: 20_000_000 });
    expect(s.byFunding).toEqual({
      apbd: { items: 1, plannedJp: 24, budget: 15_000_000 },
      apbn: { items: 1, plannedJp: 8, budget: 5_000_000 },
      sponsor: { items: 0, plannedJp: 0, budget: 0 },
      mandiri: { items: 0, plannedJp: 0, budget: 0 },
      tanpa: { items: 1, plannedJp: 4, budget: 0 },
    });
    expect(s.byCompetencyType).toEqual({
      teknis: { items: 2, plannedJp: 28, budget: 15_000_000 },
      manajerial: { items: 1, plannedJp: 8, budget: 5_000_000 },
      sosial_kultural: { items: 0, plannedJp: 0, budget: 0 },
      pemerintahan: { items: 0, plannedJp: 0, budget: 0 },
    });
    // Nothing has run yet.
    expect(s.items.every((i) => i.events === 0 && i.enrolled === 0 && i.completed === 0 && i.deliveredJp === 0)).toBe(true);
  });

  it('sets plan against realisation per item once an event from it has run', async () => {
    const event = await createEvent(o, { programmeItemId: items.bimtek.id });
    expect(event.programmeItemId).toBe(items.bimtek.id);
    const s1 = await addSession(o, event.id, '2026-11-25', '08:00', '12:00', { topic: 'SIAK' }); // 5 JP
    const s2 = await addSession(o, event.id, '2026-11-26', '13:00', '16:00', { topic: 'KTP-el' }); // 4 JP
    const [a, b, c] = o.employees;
    await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [a!.id, b!.id, c!.id] }, o.token);
    const enrol = Object.fromEntries((await o.t.ok('enrolment.list', { eventId: event.id }, o.token)).map((e) => [e.employeeId, e.id]));
    for (const s of [s1, s2]) await o.t.ok('attendance.mark', { sessionId: s.id, enrolmentId: enrol[a!.id], status: 'hadir' }, o.token);
    await o.t.ok('attendance.mark', { sessionId: s1.id, enrolmentId: enrol[b!.id], status: 'terlambat' }, o.token);
    await o.t.ok('attendance.mark', { sessionId: s2.id, enrolmentId: enrol[b!.id], status: 'sakit' }, o.token);
    // A cancelled event of the same item counts for nothing.
    const cancelled = await createEvent(o, { programmeItemId: items.bimtek.id, name: 'Bimtek (dibatalkan)' });
    await addSession(o, cancelled.id, '2026-11-27', '08:00', '16:00');
    await o.t.ok('enrolment.add', { eventId: cancelled.id, employeeIds: [a!.id] }, o.token);
    await o.t.ok('events.setStatus', { id: cancelled.id, status: 'batal' }, o.token);
    await o.t.ok('programme.setStatus', { id: items.bimtek.id, status: 'terlaksana' }, o.token);
    // Completion is decided once the last session (26 November, until 16:00 WIB) is over.
    expect((await o.t.ok('programme.summary', { year: 2026 }, o.token)).items.find((i) => i.itemId === items.bimtek.id)).toMatchObject({ enrolled: 3, completed: 0 });
    await laterAt(o, '2026-11-26', '16:00');

    const s = await o.t.ok('programme.summary', { year: 2026 }, o.token);
    expect(s.total).toEqual({ items: 3, plannedJp: 36, budget: 20_000_000 });
    const byId = Object.fromEntries(s.items.map((i) => [i.itemId, i]));
    expect(byId[items.bimtek.id]).toEqual({
      itemId: items.bimtek.id, title: 'Bimtek Administrasi Kependudukan', status: 'terlaksana', plannedMonth: 11, targetCount: 30,
      plannedJp: 24, budget: 15_000_000, events: 1, enrolled: 3, completed: 1, deliveredJp: 9,
    });
    expect(byId[items.workshop.id]).toMatchObject({ status: 'batal', events: 0 });
    expect(byId[items.seminar.id]).toMatchObject({ events: 0, enrolled: 0, completed: 0, deliveredJp: 0 });
  });

  it('moves an item forward as its events are scheduled and held: never back, never out of batal', async () => {
    const status = async (id: string) => (await o.t.ok('programme.list', { year: 2026 }, o.token)).find((i) => i.id === id)!.status;
    const before = journalCount();
    const event = await createEvent(o, { programmeItemId: items.coaching.id, name: 'Coaching pelayanan' });
    expect(await status(items.coaching.id)).toBe('terjadwal');
    // The event and the item's move, both journalled.
    expect(journalCount()).toBe(before + 2);
    await o.t.ok('events.setStatus', { id: event.id, status: 'selesai' }, o.token);
    expect(await status(items.coaching.id)).toBe('terlaksana');
    await createEvent(o, { programmeItemId: items.coaching.id, name: 'Coaching lanjutan' });
    expect(await status(items.coaching.id)).toBe('terlaksana');
    await createEvent(o, { programmeItemId: items.workshop.id, name: 'Workshop tetap jalan' });
    expect(await status(items.workshop.id)).toBe('batal');
    // An event linked to an item afterwards moves it too.
    const loose = await createEvent(o, { name: 'Seminar tanpa rencana' });
    expect(await status(items.seminar.id)).toBe('direncanakan');
    await o.t.ok('events.update', { id: loose.id, ...eventInput({ name: loose.name, programmeItemId: items.seminar.id }) }, o.token);
    expect(await status(items.seminar.id)).toBe('terjadwal');
  });

  it('an edit of a linked event leaves the item as the clerk set it; removing its only event unschedules it', async () => {
    const status = async (id: string) => (await o.t.ok('programme.list', { year: 2026 }, o.token)).find((i) => i.id === id)!.status;
    const item = await o.t.ok('programme.create', {
      year: 2026, title: 'Sosialisasi SIASN', competencyType: 'teknis', methodId: 8, organiser: 'kantor', plannedMonth: 12, targetCount: 10, plannedJp: 4, budget: 0, funding: 'tanpa',
    }, o.token);
    const event = await createEvent(o, { programmeItemId: item.id, name: 'Sosialisasi SIASN' });
    expect(await status(item.id)).toBe('terjadwal');
    // Postponed by hand; then the event's place is corrected: the item stays postponed.
    await o.t.ok('programme.setStatus', { id: item.id, status: 'direncanakan' }, o.token);
    await o.t.ok('events.update', { id: event.id, ...eventInput({ name: 'Sosialisasi SIASN', programmeItemId: item.id, place: 'Aula baru' }) }, o.token);
    expect(await status(item.id)).toBe('direncanakan');
    await o.t.ok('programme.setStatus', { id: item.id, status: 'terjadwal' }, o.token);
    await o.t.ok('events.remove', { id: event.id }, o.token);
    expect(await status(item.id)).toBe('direncanakan');
  });

  it('refuses an event for an unknown programme item', async () => {
    const e = await o.t.fails('events.create', { name: 'x', methodId: 8, competencyType: 'teknis', organiser: 'kantor', programmeItemId: '019a0000-0000-7000-8000-0000000000aa' }, 'VALIDATION', o.token);
    expect(e.details?.issues?.[0]).toMatchObject({ path: ['programmeItemId'], message: 'event.item_unknown' });
  });
});
