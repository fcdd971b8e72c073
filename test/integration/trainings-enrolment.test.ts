// Enrolment: from the roster (ids), with capacity warnings; never the same employee twice (the
// service says "already", the database refuses a raw duplicate); pasted NIP lists; candidates
// with the fewest JP this year first; withdrawal with a reason and re-enrolment; walk-ins.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbFile, removeTempDirs } from '../helpers/backend.ts';
import { addSession, createEvent, spacedNip, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: TrainingOffice;
const T = '2026-11-25T02:00:00.000Z';

beforeAll(async () => {
  o = await trainingOffice({ people: 12 });
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

const enrolments = (eventId: string) => o.db.prepare('SELECT count(*) FROM enrolments WHERE event_id = ?').pluck().get(eventId) as number;
const journalCount = () => o.db.prepare('SELECT count(*) FROM change_journal').pluck().get() as number;

async function eventWithSession(over: Parameters<typeof createEvent>[1] = {}, date = '2026-11-25') {
  const e = await createEvent(o, over);
  const s = await addSession(o, e.id, date, '08:00', '12:00');
  return { event: e, session: s };
}

describe('enrolment.add', () => {
  it('adds roster employees, warns when over capacity, and says "already" for the enrolled', async () => {
    const { event } = await eventWithSession({ capacity: 3 });
    const [a, b, c, d] = o.employees;
    expect(await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [a!.id, b!.id] }, o.token))
      .toEqual({ added: 2, already: 0, enrolled: 2, capacity: 3, overCapacity: false });
    expect(await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [c!.id] }, o.token))
      .toEqual({ added: 1, already: 0, enrolled: 3, capacity: 3, overCapacity: false }); // exactly full is not over
    expect(await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [b!.id, d!.id, d!.id] }, o.token))
      .toEqual({ added: 1, already: 1, enrolled: 4, capacity: 3, overCapacity: true });
    const journal = journalCount();
    expect(await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [a!.id] }, o.token))
      .toEqual({ added: 0, already: 1, enrolled: 4, capacity: 3, overCapacity: true });
    expect(journalCount()).toBe(journal);
    expect(enrolments(event.id)).toBe(4);

    const list = await o.t.ok('enrolment.list', { eventId: event.id }, o.token);
    expect(list.map((e) => e.employeeId).sort()).toEqual([a!.id, b!.id, c!.id, d!.id].sort());
    const first = list.find((e) => e.employeeId === a!.id)!;
    expect(first).toMatchObject({ eventId: event.id, nip: a!.nip, name: a!.displayName, jabatan: 'Staf Pelaksana', unit: a!.unit, golonganLabel: a!.golonganLabel, walkIn: false, status: 'terdaftar', withdrawReason: null, preTest: null, postTest: null });
    expect((await o.t.ok('events.get', { id: event.id }, o.token)).enrolled).toBe(4);
  });

  it('without a capacity is never over it', async () => {
    const { event } = await eventWithSession();
    expect(await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: o.employees.map((e) => e.id) }, o.token))
      .toEqual({ added: 12, already: 0, enrolled: 12, capacity: null, overCapacity: false });
  });

  it('an unknown employee among the ids fails the whole call and writes nothing', async () => {
    const { event } = await eventWithSession();
    const journal = journalCount();
    const error = await o.t.fails('enrolment.add', { eventId: event.id, employeeIds: [o.employees[0]!.id, '019a0000-0000-7000-8000-0000000000cd'] }, 'VALIDATION', o.token);
    expect(error.details?.issues?.[0]).toMatchObject({ path: ['employeeIds'], message: 'employee.unknown' });
    expect(enrolments(event.id)).toBe(0);
    expect(journalCount()).toBe(journal);
    await o.t.fails('enrolment.add', { eventId: '019a0000-0000-7000-8000-0000000000ce', employeeIds: [o.employees[0]!.id] }, 'NOT_FOUND', o.token);
  });

  it('the database itself refuses a second enrolment of the same employee in one event', async () => {
    const { event } = await eventWithSession();
    const [a] = o.employees;
    await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [a!.id] }, o.token);
    const raw = new Database(dbFile(o.t.dataDir));
    try {
      const insert = raw.prepare(`INSERT INTO enrolments (id, event_id, employee_id, walk_in_name, status, created_at, updated_at, origin)
        VALUES (?, ?, ?, NULL, 'terdaftar', ?, ?, '16.71.14')`);
      expect(() => insert.run('019a0000-0000-7000-8000-00000000d001', event.id, a!.id, T, T))
        .toThrow(/UNIQUE constraint failed: enrolments\.event_id, enrolments\.employee_id/);
      // …even when the first one was withdrawn: a withdrawn person is re-enrolled, not duplicated.
      raw.prepare("UPDATE enrolments SET status = 'mundur' WHERE event_id = ?").run(event.id);
      expect(() => insert.run('019a0000-0000-7000-8000-00000000d002', event.id, a!.id, T, T)).toThrow(/UNIQUE constraint failed/);
      // Another employee, or the same one in another event, is fine.
      const other = await createEvent(o);
      insert.run('019a0000-0000-7000-8000-00000000d003', other.id, a!.id, T, T);
    } finally {
      raw.close();
    }
    expect(enrolments(event.id)).toBe(1);
  });
});

describe('enrolment.addByNips', () => {
  it('reads a pasted list with spaces and mixed separators, reporting unknown and invalid NIPs', async () => {
    const { event } = await eventWithSession({ capacity: 5 });
    const [a, b, c, d, e, f] = o.employees;
    await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [f!.id] }, o.token);
    const unknown = '19860926 201505 2 001'; // a valid NIP nobody on the roster has
    const text = [
      spacedNip(a!.nip), // the standard written form
      `${b!.nip}, ${c!.nip};${spacedNip(d!.nip)}`, // commas and semicolons
      `\t${e!.nip}  `, // tab and padding from a spreadsheet column
      unknown,
      '12345',
      `${f!.nip}`, // already enrolled
      `${a!.nip}`, // twice in the list
      '',
      'abc',
    ].join('\r\n');
    const result = await o.t.ok('enrolment.addByNips', { eventId: event.id, text }, o.token);
    expect(result).toMatchObject({ added: 5, already: 1, enrolled: 6, capacity: 5, overCapacity: true, unknown: ['198609262015052001'] });
    expect(result.invalid).toEqual([{ value: '12345', code: 'nip.wrong_length' }, { value: 'abc', code: 'nip.not_digits' }]);
    const enrolled = (await o.t.ok('enrolment.list', { eventId: event.id }, o.token)).map((x) => x.employeeId).sort();
    expect(enrolled).toEqual([a, b, c, d, e, f].map((x) => x!.id).sort());
  });

  it('splits NIPs written with spaces that share one line', async () => {
    const { event } = await eventWithSession();
    const [a, b, c] = o.employees;
    const result = await o.t.ok('enrolment.addByNips', { eventId: event.id, text: `${spacedNip(a!.nip)} ${spacedNip(b!.nip)}  ${c!.nip} 9876` }, o.token);
    expect(result).toMatchObject({ added: 3, already: 0, unknown: [], invalid: [{ value: '9876', code: 'nip.wrong_length' }] });
  });

  it('a list of nothing but unknown and invalid NIPs enrols no one and writes nothing', async () => {
    const { event } = await eventWithSession();
    const journal = journalCount();
    const result = await o.t.ok('enrolment.addByNips', { eventId: event.id, text: '19860926 201505 2 001\n1.98609262015051E+17' }, o.token);
    expect(result).toEqual({ added: 0, already: 0, enrolled: 0, capacity: null, overCapacity: false, unknown: ['198609262015052001'], invalid: [{ value: '1.98609262015051E+17', code: 'nip.excel_scientific' }] });
    expect(journalCount()).toBe(journal);
  });
});

describe('enrolment.candidates', () => {
  it('puts those with the fewest JP this year first, and filters by unit, golongan and name', async () => {
    const [x, y, z] = o.employees;
    // x attended 5 JP in March, y 3 JP in May; z attended only last year.
    const march = await eventWithSession({ name: 'Bimtek Maret' }, '2026-03-10');
    const may = await createEvent(o, { name: 'Kursus Mei' });
    const maySession = await addSession(o, may.id, '2026-05-12', '13:00', '15:30');
    const lastYear = await eventWithSession({ name: 'Bimtek 2025' }, '2025-11-10');
    for (const [ev, session, who] of [[march.event, march.session, x], [may, maySession, y], [lastYear.event, lastYear.session, z]] as const) {
      await o.t.ok('enrolment.add', { eventId: ev.id, employeeIds: [who!.id] }, o.token);
      const [en] = await o.t.ok('enrolment.list', { eventId: ev.id }, o.token);
      await o.t.ok('attendance.mark', { sessionId: session.id, enrolmentId: en!.id, status: 'hadir' }, o.token);
    }
    // An absence earns nothing.
    await o.t.ok('enrolment.add', { eventId: march.event.id, employeeIds: [z!.id] }, o.token);
    const zEnrolment = (await o.t.ok('enrolment.list', { eventId: march.event.id }, o.token)).find((en) => en.employeeId === z!.id)!;
    await o.t.ok('attendance.mark', { sessionId: march.session.id, enrolmentId: zEnrolment.id, status: 'izin' }, o.token);

    const { event } = await eventWithSession({ name: 'Bimtek November' });
    await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [z!.id] }, o.token);
    const list = await o.t.ok('enrolment.candidates', { eventId: event.id }, o.token);
    expect(list).toHaveLength(12);
    expect(list.slice(-2).map((c) => [c.employeeId, c.jpThisYear])).toEqual([[y!.id, 3], [x!.id, 5]]);
    const zeros = list.slice(0, -2);
    expect(zeros.every((c) => c.jpThisYear === 0)).toBe(true);
    expect(zeros.map((c) => c.name)).toEqual([...zeros.map((c) => c.name)].sort((p, q) => p.localeCompare(q, 'id')));
    expect(list.find((c) => c.employeeId === z!.id)).toMatchObject({ enrolled: true, jpThisYear: 0, nip: z!.nip, unit: z!.unit, golonganLabel: z!.golonganLabel });
    expect(list.filter((c) => c.enrolled)).toHaveLength(1);

    const byName = await o.t.ok('enrolment.candidates', { eventId: event.id, order: 'name' }, o.token);
    expect(byName.map((c) => c.name)).toEqual([...byName.map((c) => c.name)].sort((p, q) => p.localeCompare(q, 'id')));
    const unitId = x!.unitId!;
    const inUnit = await o.t.ok('enrolment.candidates', { eventId: event.id, unitId }, o.token);
    expect(inUnit.map((c) => c.employeeId).sort()).toEqual(o.employees.filter((e) => e.unitId === unitId).map((e) => e.id).sort());
    const gol = await o.t.ok('enrolment.candidates', { eventId: event.id, golongan: x!.golongan! }, o.token);
    expect(gol.length).toBeGreaterThan(0);
    expect(gol.every((c) => c.golonganLabel === x!.golonganLabel)).toBe(true);
    const search = await o.t.ok('enrolment.candidates', { eventId: event.id, search: x!.name }, o.token);
    expect(search.map((c) => c.employeeId)).toEqual([x!.id]);
    expect(await o.t.ok('enrolment.candidates', { eventId: event.id, limit: 3 }, o.token)).toHaveLength(3);
  });
});

describe('withdrawal, scores and walk-ins', () => {
  it('withdraws with a reason; adding again re-enrols the same row', async () => {
    const { event } = await eventWithSession({ capacity: 2 });
    const [a, b] = o.employees;
    await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [a!.id, b!.id] }, o.token);
    const en = (await o.t.ok('enrolment.list', { eventId: event.id }, o.token)).find((x) => x.employeeId === a!.id)!;
    await o.t.fails('enrolment.withdraw', { id: en.id, reason: '  ' }, 'VALIDATION', o.token);
    const withdrawn = await o.t.ok('enrolment.withdraw', { id: en.id, reason: 'Tugas ke luar kota' }, o.token);
    expect(withdrawn).toMatchObject({ id: en.id, status: 'mundur', withdrawReason: 'Tugas ke luar kota' });
    expect((await o.t.ok('enrolment.list', { eventId: event.id }, o.token)).map((x) => x.id)).not.toContain(en.id);
    expect((await o.t.ok('enrolment.list', { eventId: event.id, includeWithdrawn: true }, o.token)).find((x) => x.id === en.id)).toMatchObject({ status: 'mundur' });
    expect((await o.t.ok('events.get', { id: event.id }, o.token)).enrolled).toBe(1);

    expect(await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [a!.id] }, o.token)).toEqual({ added: 1, already: 0, enrolled: 2, capacity: 2, overCapacity: false });
    const back = (await o.t.ok('enrolment.list', { eventId: event.id }, o.token)).find((x) => x.employeeId === a!.id)!;
    expect(back).toMatchObject({ id: en.id, status: 'terdaftar', withdrawReason: null });
    expect(enrolments(event.id)).toBe(2);
    await o.t.fails('enrolment.withdraw', { id: '019a0000-0000-7000-8000-0000000000cf', reason: 'x' }, 'NOT_FOUND', o.token);
  });

  it('records pre- and post-test scores', async () => {
    const { event } = await eventWithSession();
    await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [o.employees[0]!.id] }, o.token);
    const [en] = await o.t.ok('enrolment.list', { eventId: event.id }, o.token);
    expect(await o.t.ok('enrolment.setScores', { id: en!.id, preTest: 55, postTest: 82.5 }, o.token)).toMatchObject({ preTest: 55, postTest: 82.5 });
    await o.t.fails('enrolment.setScores', { id: en!.id, preTest: 55, postTest: 101 }, 'VALIDATION', o.token);
  });

  it('takes a walk-in guest from another office, with or without a NIP, but not someone on the roster', async () => {
    const { event } = await eventWithSession();
    const guest = await o.t.ok('enrolment.addWalkIn', { eventId: event.id, name: 'Hendra Wijaya', nip: '19860926 201505 2 001', institution: 'Kecamatan Seberang Ulu I' }, o.token);
    expect(guest).toMatchObject({ eventId: event.id, employeeId: null, walkIn: true, name: 'Hendra Wijaya', nip: '198609262015052001', unit: 'Kecamatan Seberang Ulu I', institution: 'Kecamatan Seberang Ulu I', status: 'terdaftar' });
    const noNip = await o.t.ok('enrolment.addWalkIn', { eventId: event.id, name: 'Ibu RT 05' }, o.token);
    expect(noNip).toMatchObject({ walkIn: true, nip: null, unit: null, institution: '' });
    const onRoster = await o.t.fails('enrolment.addWalkIn', { eventId: event.id, name: 'Someone', nip: spacedNip(o.employees[0]!.nip) }, 'VALIDATION', o.token);
    expect(onRoster.details?.issues?.[0]).toMatchObject({ path: ['nip'], message: 'enrolment.walk_in_on_roster', params: { name: o.employees[0]!.name } });
    await o.t.fails('enrolment.addWalkIn', { eventId: event.id, name: 'Salah NIP', nip: '1234' }, 'VALIDATION', o.token);
    await o.t.fails('enrolment.addWalkIn', { eventId: event.id, name: '' }, 'VALIDATION', o.token);
    expect((await o.t.ok('enrolment.list', { eventId: event.id }, o.token)).map((x) => x.name)).toEqual(['Hendra Wijaya', 'Ibu RT 05']);
    expect(o.db.prepare('SELECT employee_id, walk_in_name FROM enrolments WHERE id = ?').get(guest.id)).toEqual({ employee_id: null, walk_in_name: 'Hendra Wijaya' });
  });
});

describe('a person with training records', () => {
  it('cannot be removed from the roster, even after withdrawing; nothing is written; a status change is the way', async () => {
    const { event } = await eventWithSession({});
    const person = o.employees.at(-1)!;
    await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [person.id] }, o.token);
    const [enrolment] = await o.t.ok('enrolment.list', { eventId: event.id }, o.token);
    await o.t.ok('enrolment.withdraw', { id: enrolment!.id, reason: 'Pindah tugas' }, o.token);
    const journal = o.db.prepare('SELECT count(*) FROM change_journal').pluck().get();
    const refused = await o.t.fails('employees.remove', { id: person.id }, 'VALIDATION', o.token);
    expect(refused.details?.issues?.[0]).toMatchObject({ path: ['id'], message: 'employee.has_records', params: { name: person.name } });
    expect(o.db.prepare('SELECT deleted_at FROM employees WHERE id = ?').pluck().get(person.id)).toBeNull();
    expect(o.db.prepare('SELECT count(*) FROM change_journal').pluck().get()).toBe(journal);
    expect(await o.t.ok('employees.setStatus', { id: person.id, status: 'pindah', statusDate: '2026-11-25' }, o.token)).toMatchObject({ status: 'pindah', statusDate: '2026-11-25' });
  });
});

describe('walk-in guests', () => {
  it('the same guest NIP cannot be enrolled twice in one event', async () => {
    const { openTestBackend, setUpOffice, removeTempDirs } = await import('../helpers/backend.ts');
    const t = openTestBackend();
    const token = await setUpOffice(t);
    const event = await t.ok('events.create', { name: 'Sosialisasi', methodId: 7, competencyType: 'teknis', organiser: 'kantor' }, token);
    await t.ok('enrolment.addWalkIn', { eventId: event.id, name: 'Tamu Kecamatan Seberang Ulu', nip: '19860926 201505 1 001', institution: 'Kecamatan SU I' }, token);
    const error = await t.fails('enrolment.addWalkIn', { eventId: event.id, name: 'Tamu Lagi', nip: '198609262015051001', institution: '' }, 'VALIDATION', token);
    expect(error.details?.issues).toEqual([{ path: ['nip'], message: 'enrolment.walk_in_exists', params: { name: 'Tamu Kecamatan Seberang Ulu' } }]);
    // A bad guest NIP says what is wrong with it, as everywhere else.
    const damaged = await t.fails('enrolment.addWalkIn', { eventId: event.id, name: 'Tamu', nip: '1.98609262015051E+17', institution: '' }, 'VALIDATION', token);
    expect(damaged.details?.issues?.[0]).toMatchObject({ path: ['nip'], message: 'nip.excel_scientific' });
    t.close();
    removeTempDirs();
  });
});
