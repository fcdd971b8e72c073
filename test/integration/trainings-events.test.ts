// Events and their sessions through the contract: from a programme item or on their own; JP of
// each session from its duration or by the method's conversion rule, recomputed whenever the
// sessions or the method change; overrides with a reason; sessions with marks stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/backend.ts';
import { addSession, createEvent, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: TrainingOffice;

beforeAll(async () => {
  o = await trainingOffice({ people: 3 });
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

const get = (id: string) => o.t.ok('events.get', { id }, o.token);
const jps = async (eventId: string) => (await get(eventId)).sessions.map((s) => s.jp);

describe('events', () => {
  it('are created on their own with every field, and from a programme item', async () => {
    const e = await createEvent(o, { capacity: 25, minPostTest: 70, lateGraceMinutes: 10, international: false, description: 'Untuk operator kelurahan' });
    expect(e).toMatchObject({
      programmeItemId: null, name: 'Bimbingan Teknis Administrasi Kependudukan', methodId: 8, methodName: 'Bimbingan Teknis',
      competencyType: 'teknis', organiser: 'kantor', place: 'Aula Kantor Camat Plaju', description: 'Untuk operator kelurahan',
      speakers: [{ name: 'Dr. Rudi Hartono, M.Si.', institution: 'BKPSDM Kota Palembang', topic: 'Administrasi kependudukan' }],
      capacity: 25, international: false, minAttendancePct: 80, minPostTest: 70, lateGraceMinutes: 10, status: 'direncanakan',
      sessions: [], enrolled: 0, totalJp: 0, startDate: null, endDate: null, origin: '16.71.14',
    });
    expect(await get(e.id)).toEqual(e);

    const item = await o.t.ok('programme.create', { year: 2026, title: 'Sosialisasi Perda', competencyType: 'pemerintahan', methodId: 7, organiser: 'kantor', plannedMonth: 11, plannedJp: 4, funding: 'apbd' }, o.token);
    const fromItem = await createEvent(o, { programmeItemId: item.id, name: item.title, methodId: 7, competencyType: 'pemerintahan' });
    expect(fromItem).toMatchObject({ programmeItemId: item.id, methodName: 'Sosialisasi', minAttendancePct: 80, minPostTest: null, lateGraceMinutes: null, capacity: null });

    const listed = await o.t.ok('events.list', {}, o.token);
    expect(listed.map((x) => x.id)).toEqual(expect.arrayContaining([e.id, fromItem.id]));
    expect(listed.find((x) => x.id === e.id)).not.toHaveProperty('sessions');
    expect((await o.t.ok('events.setStatus', { id: e.id, status: 'berlangsung' }, o.token)).status).toBe('berlangsung');
    expect((await o.t.ok('events.list', { status: 'berlangsung' }, o.token)).map((x) => x.id)).toEqual([e.id]);
  });

  it('refuses a bad method, competency type, pass rule or grace period', async () => {
    for (const bad of [{ methodId: 0 }, { methodId: 26 }, { competencyType: 'umum' }, { minAttendancePct: 101 }, { lateGraceMinutes: -1 }, { capacity: 0 }, { name: '  ' }]) {
      await o.t.fails('events.create', { name: 'x', methodId: 8, competencyType: 'teknis', organiser: 'kantor', ...bad }, 'VALIDATION', o.token);
    }
  });
});

describe('removing', () => {
  const journalOps = (id: string) => o.db.prepare('SELECT op FROM change_journal WHERE entity_id = ? ORDER BY seq').pluck().all(id);

  it('an event nobody was enrolled in is removed with its sessions, as tombstones in the journal', async () => {
    const event = await createEvent(o, { name: 'Salah buat' });
    expect(event.removable).toBe(true);
    const s1 = await addSession(o, event.id, '2026-12-01', '08:00', '12:00');
    const s2 = await addSession(o, event.id, '2026-12-02', '08:00', '12:00');
    expect(await o.t.ok('events.remove', { id: event.id }, o.token)).toEqual({ ok: true });
    expect((await o.t.ok('events.list', {}, o.token)).map((e) => e.id)).not.toContain(event.id);
    await o.t.fails('events.get', { id: event.id }, 'NOT_FOUND', o.token);
    await o.t.fails('events.remove', { id: event.id }, 'NOT_FOUND', o.token);
    expect(journalOps(event.id)).toEqual(['insert', 'delete']);
    // Each session: its insert (and any JP recomputation), then its tombstone.
    for (const s of [s1, s2]) expect([journalOps(s.id)[0], journalOps(s.id).at(-1)]).toEqual(['insert', 'delete']);
    expect(o.db.prepare('SELECT count(*) FROM event_sessions WHERE event_id = ? AND deleted_at IS NULL').pluck().get(event.id)).toBe(0);
  });

  it('an event that ever had a participant is refused, withdrawn ones included, and nothing changes', async () => {
    const event = await createEvent(o, { name: 'Pernah ada peserta' });
    await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [o.employees[0]!.id] }, o.token);
    const [enrolment] = await o.t.ok('enrolment.list', { eventId: event.id }, o.token);
    await o.t.ok('enrolment.withdraw', { id: enrolment!.id, reason: 'Dinas luar' }, o.token);
    // Nobody is enrolled now, but somebody was: the event says it cannot be removed.
    expect(await o.t.ok('events.get', { id: event.id }, o.token)).toMatchObject({ enrolled: 0, removable: false });
    const error = await o.t.fails('events.remove', { id: event.id }, 'VALIDATION', o.token);
    expect(error.details?.issues?.[0]).toMatchObject({ path: ['id'], message: 'event.has_participants', params: { name: 'Pernah ada peserta' } });
    expect((await o.t.ok('events.get', { id: event.id }, o.token)).name).toBe('Pernah ada peserta');
  });

  it('a programme item with no events is removed; one with an event is refused', async () => {
    const base = { year: 2026, title: 'Rencana keliru', competencyType: 'teknis', methodId: 8, organiser: 'kantor', plannedMonth: 12, targetCount: 5, plannedJp: 8, budget: 0, funding: 'tanpa' } as const;
    const mistaken = await o.t.ok('programme.create', base, o.token);
    expect(await o.t.ok('programme.remove', { id: mistaken.id }, o.token)).toEqual({ ok: true });
    expect((await o.t.ok('programme.list', { year: 2026 }, o.token)).map((i) => i.id)).not.toContain(mistaken.id);
    expect(journalOps(mistaken.id)).toEqual(['insert', 'delete']);
    await o.t.fails('programme.remove', { id: mistaken.id }, 'NOT_FOUND', o.token);

    const used = await o.t.ok('programme.create', { ...base, title: 'Rencana terpakai' }, o.token);
    await createEvent(o, { programmeItemId: used.id });
    const error = await o.t.fails('programme.remove', { id: used.id }, 'VALIDATION', o.token);
    expect(error.details?.issues?.[0]).toMatchObject({ path: ['id'], message: 'programme.has_events', params: { title: 'Rencana terpakai' } });
    expect((await o.t.ok('programme.list', { year: 2026 }, o.token)).map((i) => i.id)).toContain(used.id);
  });
});

describe('sessions and JP', () => {
  it('08:00–12:00 is 5 JP at 45 minutes per JP; a two-day event has four sessions in date order', async () => {
    const e = await createEvent(o);
    // Created out of order on purpose.
    const d2b = await addSession(o, e.id, '2026-11-26', '13:00', '15:15', { topic: 'Praktik', speaker: 'Tim Disdukcapil' });
    const d1a = await addSession(o, e.id, '2026-11-25', '08:00', '12:00', { topic: 'SIAK' });
    expect(d1a).toMatchObject({ eventId: e.id, date: '2026-11-25', start: '08:00', end: '12:00', topic: 'SIAK', speaker: '', jp: 5, computedJp: 5, jpOverride: null, jpOverrideReason: null });
    await addSession(o, e.id, '2026-11-26', '08:00', '12:00', { topic: 'KK' });
    await addSession(o, e.id, '2026-11-25', '13:00', '16:00', { topic: 'KTP-el' });
    const event = await get(e.id);
    expect(event.sessions.map((s) => [s.date, s.start, s.end, s.topic, s.jp])).toEqual([
      ['2026-11-25', '08:00', '12:00', 'SIAK', 5],
      ['2026-11-25', '13:00', '16:00', 'KTP-el', 4],
      ['2026-11-26', '08:00', '12:00', 'KK', 5],
      ['2026-11-26', '13:00', '15:15', 'Praktik', 3],
    ]);
    expect(event).toMatchObject({ totalJp: 17, startDate: '2026-11-25', endDate: '2026-11-26' });
    expect(event.sessions[3]!.id).toBe(d2b.id);
    expect(event.sessions[3]!.speaker).toBe('Tim Disdukcapil');
  });

  it('a session crossing midnight counts its whole duration', async () => {
    const e = await createEvent(o, { name: 'Ronda Malam Siskamling' });
    expect(await addSession(o, e.id, '2026-11-25', '22:00', '01:00', { overnight: true })).toMatchObject({ jp: 4, computedJp: 4, overnight: true });
  });

  it('adds 20% for an international training, except structural leadership training', async () => {
    const intl = await createEvent(o, { international: true });
    expect((await addSession(o, intl.id, '2026-11-25', '08:00', '12:00')).jp).toBe(6);
    const structural = await createEvent(o, { international: true, methodId: 1, competencyType: 'manajerial' });
    expect((await addSession(o, structural.id, '2026-11-25', '08:00', '12:00')).jp).toBe(5);
  });

  it('seminar: 4 JP a day shared by the day\'s sessions, recomputed as sessions are added and removed', async () => {
    const e = await createEvent(o, { name: 'Seminar Pelayanan Publik', methodId: 9, competencyType: 'manajerial' });
    const a = await addSession(o, e.id, '2026-11-25', '08:00', '10:00');
    expect(a.jp).toBe(4); // alone, it holds the whole day
    await addSession(o, e.id, '2026-11-25', '10:00', '12:00');
    expect(await jps(e.id)).toEqual([2, 2]);
    const third = await addSession(o, e.id, '2026-11-25', '13:00', '15:00');
    // A day split three ways still gives exactly 4 JP: the hundredths are shared out, not lost.
    expect(await jps(e.id)).toEqual([1.34, 1.33, 1.33]);
    expect((await get(e.id)).totalJp).toBe(4);
    await addSession(o, e.id, '2026-11-26', '08:00', '09:00');
    expect(await jps(e.id)).toEqual([1.34, 1.33, 1.33, 4]);
    expect((await get(e.id)).totalJp).toBe(8);
    expect(await o.t.ok('sessions.remove', { id: third.id }, o.token)).toEqual({ ok: true });
    expect(await jps(e.id)).toEqual([2, 2, 4]);
    expect((await get(e.id)).totalJp).toBe(8);
    // Moving a session to the other day is recomputed too.
    const [, second] = (await get(e.id)).sessions;
    await o.t.ok('sessions.update', { id: second!.id, date: '2026-11-26', start: '10:00', end: '12:00', topic: '', speaker: '' }, o.token);
    expect((await get(e.id)).sessions.map((s) => [s.date, s.jp])).toEqual([['2026-11-25', 4], ['2026-11-26', 1.33], ['2026-11-26', 2.67]]);
  });

  it('e-learning: actual hours but at most 3 JP a day', async () => {
    const e = await createEvent(o, { name: 'E-Learning Etika ASN', methodId: 16, competencyType: 'sosial_kultural', place: 'Daring' });
    await addSession(o, e.id, '2026-11-25', '08:00', '14:00'); // 8 JP by the clock
    await addSession(o, e.id, '2026-11-26', '08:00', '09:30'); // 2 JP
    expect(await jps(e.id)).toEqual([3, 2]);
    await addSession(o, e.id, '2026-11-26', '10:00', '11:30'); // the day now has 4 JP by the clock: capped at 3
    expect(await jps(e.id)).toEqual([3, 1.5, 1.5]);
  });

  it('coaching: 2 JP a session, at most 2 sessions a month', async () => {
    const e = await createEvent(o, { name: 'Coaching Arsip', methodId: 14 });
    for (const date of ['2026-11-03', '2026-11-10', '2026-11-17', '2026-12-01']) await addSession(o, e.id, date, '09:00', '10:00');
    expect(await jps(e.id)).toEqual([2, 2, 0, 2]);
    expect((await get(e.id)).totalJp).toBe(6);
    // Removing one of November's gives the third its JP.
    const first = (await get(e.id)).sessions[0]!;
    await o.t.ok('sessions.remove', { id: first.id }, o.token);
    expect(await jps(e.id)).toEqual([2, 2, 2]);
  });

  it('recomputes every session when the event\'s method changes', async () => {
    const e = await createEvent(o, { name: 'Pelatihan yang menjadi seminar' });
    await addSession(o, e.id, '2026-11-25', '08:00', '12:00');
    await addSession(o, e.id, '2026-11-25', '13:00', '16:00');
    await addSession(o, e.id, '2026-11-26', '08:00', '12:00');
    expect(await jps(e.id)).toEqual([5, 4, 5]);
    const { id, methodName: _m, status: _s, sessions: _x, enrolled: _n, totalJp: _t, startDate: _a, endDate: _b, createdAt: _c, updatedAt: _u, updatedBy: _y, origin: _o, ...fields } = await get(e.id);
    const updated = await o.t.ok('events.update', { id, ...fields, methodId: 9 }, o.token);
    expect(updated.sessions.map((s) => s.jp)).toEqual([2.29, 1.71, 4]);
    expect(updated.totalJp).toBe(8);
    expect(updated.methodName).toBe('Seminar');
    const back = await o.t.ok('events.update', { id, ...fields, methodId: 20 }, o.token); // patok banding: 10 JP for the whole activity
    expect(back.sessions.map((s) => s.jp)).toEqual([3.64, 2.73, 3.63]);
    expect(back.totalJp).toBe(10);
  });

  it('an override needs a reason, then wins over the computed JP until it is taken away', async () => {
    const e = await createEvent(o, { name: 'Bimtek dengan JP khusus' });
    const noReason = await o.t.fails('sessions.create', { eventId: e.id, date: '2026-11-25', start: '08:00', end: '12:00', jpOverride: 3 }, 'VALIDATION', o.token);
    expect(noReason.details?.issues).toEqual([expect.objectContaining({ path: ['jpOverrideReason'], message: 'validation.override_reason' })]);
    await o.t.fails('sessions.create', { eventId: e.id, date: '2026-11-25', start: '08:00', end: '12:00', jpOverride: 3, jpOverrideReason: '   ' }, 'VALIDATION', o.token);
    expect((await get(e.id)).sessions).toEqual([]);

    const s = await addSession(o, e.id, '2026-11-25', '08:00', '12:00', { jpOverride: 3, jpOverrideReason: 'Istirahat 1 jam tidak dihitung' });
    expect(s).toMatchObject({ jp: 3, computedJp: 5, jpOverride: 3, jpOverrideReason: 'Istirahat 1 jam tidak dihitung' });
    await addSession(o, e.id, '2026-11-25', '13:00', '16:00');
    expect((await get(e.id)).totalJp).toBe(7);
    // A method change recomputes the computed JP, the override still wins.
    const { id, methodName: _m, status: _s, sessions: _x, enrolled: _n, totalJp: _t, startDate: _a, endDate: _b, createdAt: _c, updatedAt: _u, updatedBy: _y, origin: _o, ...fields } = await get(e.id);
    const asSeminar = await o.t.ok('events.update', { id, ...fields, methodId: 9 }, o.token);
    expect(asSeminar.sessions.map((x) => [x.computedJp, x.jp])).toEqual([[2.29, 3], [1.71, 1.71]]);
    await o.t.ok('events.update', { id, ...fields, methodId: 8 }, o.token);

    const update = { id: s.id, date: s.date, start: s.start, end: s.end, topic: '', speaker: '' };
    await o.t.fails('sessions.update', { ...update, jpOverride: 2 }, 'VALIDATION', o.token);
    expect(await o.t.ok('sessions.update', { ...update, jpOverride: 2, jpOverrideReason: 'Dipersingkat' }, o.token)).toMatchObject({ jp: 2, computedJp: 5 });
    expect(await o.t.ok('sessions.update', { ...update, jpOverride: null, jpOverrideReason: 'sisa' }, o.token)).toMatchObject({ jp: 5, jpOverride: null, jpOverrideReason: null });
    expect((await get(e.id)).totalJp).toBe(9);
  });

  it('refuses empty or impossible times and unknown events', async () => {
    const e = await createEvent(o);
    const empty = await o.t.fails('sessions.create', { eventId: e.id, date: '2026-11-25', start: '08:00', end: '08:00' }, 'VALIDATION', o.token);
    expect(empty.details?.issues?.[0]).toMatchObject({ path: ['end'], message: 'validation.session_empty' });
    await o.t.fails('sessions.create', { eventId: e.id, date: '2026-11-25', start: '24:00', end: '25:00' }, 'VALIDATION', o.token);
    await o.t.fails('sessions.create', { eventId: e.id, date: '25-11-2026', start: '08:00', end: '12:00' }, 'VALIDATION', o.token);
    await o.t.fails('sessions.create', { eventId: '019a0000-0000-7000-8000-0000000000ab', date: '2026-11-25', start: '08:00', end: '12:00' }, 'NOT_FOUND', o.token);
  });

  it('a session with attendance marks cannot be removed; once cleared it can', async () => {
    const e = await createEvent(o);
    const s = await addSession(o, e.id, '2026-11-25', '08:00', '12:00');
    const keep = await addSession(o, e.id, '2026-11-26', '08:00', '12:00');
    await o.t.ok('enrolment.add', { eventId: e.id, employeeIds: [o.employees[0]!.id] }, o.token);
    const [enrolment] = await o.t.ok('enrolment.list', { eventId: e.id }, o.token);
    await o.t.ok('attendance.mark', { sessionId: s.id, enrolmentId: enrolment!.id, status: 'hadir' }, o.token);
    const refused = await o.t.fails('sessions.remove', { id: s.id }, 'VALIDATION', o.token);
    expect(refused.details?.issues?.[0]).toMatchObject({ message: 'session.has_marks' });
    expect((await get(e.id)).sessions.map((x) => x.id)).toEqual([s.id, keep.id]);

    await o.t.ok('attendance.clear', { sessionId: s.id, enrolmentId: enrolment!.id }, o.token);
    await o.t.ok('sessions.remove', { id: s.id }, o.token);
    expect((await get(e.id)).sessions.map((x) => x.id)).toEqual([keep.id]);
    await o.t.fails('sessions.remove', { id: s.id }, 'NOT_FOUND', o.token);
  });
});
