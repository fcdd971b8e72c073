// A supervisor's follow-up stands only while its event stands and its participant is still
// enrolled: a withdrawal or a cancelled event takes it off the list, Beranda and the forms.
import { afterAll, expect, it } from 'vitest';
import { FOLLOWUP_ITEMS } from '../../shared/domain/evaluation.ts';
import { removeTempDirs } from '../helpers/backend.ts';
import { addSession, createEvent, trainingOffice } from '../helpers/trainings.ts';

afterAll(() => removeTempDirs());

it('a withdrawn participant and a cancelled event leave the follow-ups due; their forms cannot be filled in', async () => {
  const o = await trainingOffice({ people: 3 });
  try {
    const event = await createEvent(o, { name: 'Bimtek Kearsipan' });
    const session = await addSession(o, event.id, '2026-03-02', '08:00', '12:00');
    await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: o.employees.map((e) => e.id) }, o.token);
    const enrolled = await o.t.ok('enrolment.list', { eventId: event.id }, o.token);
    await o.t.ok('attendance.paperEntry', { sessionId: session.id, marks: enrolled.map((e) => ({ enrolmentId: e.id, status: 'hadir', note: '' })) }, o.token);
    expect(await o.t.ok('followups.schedule', { eventId: event.id }, o.token)).toEqual({ created: 3, existing: 0 });
    const due = () => o.t.ok('followups.list', { state: 'due' }, o.token);
    const first = (await due()).find((f) => f.enrolmentId === enrolled[0]!.id)!;
    expect(await due()).toHaveLength(3);

    await o.t.ok('enrolment.withdraw', { id: enrolled[0]!.id, reason: 'salah daftar' }, o.token);
    expect((await due()).map((f) => f.enrolmentId).sort()).toEqual([enrolled[1]!.id, enrolled[2]!.id].sort());
    await o.t.fails('followups.save', {
      id: first.id, supervisorName: 'Hj. Rosmala Dewi', supervisorNip: null, findings: '', filledDate: '2026-11-20',
      answers: FOLLOWUP_ITEMS.map((i) => ({ item: i.id, score: 3 })),
    }, 'NOT_FOUND', o.token);

    await o.t.ok('events.setStatus', { id: event.id, status: 'batal' }, o.token);
    expect(await due()).toEqual([]);
    expect(await o.t.ok('followups.list', { state: 'all' }, o.token)).toEqual([]);
  } finally {
    o.close();
  }
});
