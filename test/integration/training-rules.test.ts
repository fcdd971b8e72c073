// The office's training rules: the late-arrival grace and the yearly JP target. Defaults until an
// admin sets them; every reader (the door, the employee recap) follows the setting; operators
// read them but cannot change them; the audit log keeps old → new.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOperator, removeTempDirs } from '../helpers/backend.ts';
import { addSession, createEvent, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: TrainingOffice;
let operatorToken: string;

beforeAll(async () => {
  o = await trainingOffice({ people: 2 });
  operatorToken = (await addOperator(o.t, o.token)).token;
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

const lastAudit = () => o.db.prepare("SELECT username, details FROM audit_log WHERE action = 'rules.update' ORDER BY seq DESC LIMIT 1").get() as { username: string; details: string } | undefined;

describe('training rules', () => {
  it('are 15 minutes, 20 JP (PNS and PPPK) and follow-ups after 3 months until an admin sets them', async () => {
    expect(await o.t.ok('rules.get', {}, operatorToken)).toEqual({ graceMinutes: 15, jpTargetPerYear: 20, jpTargetPppk: 20, followupMonths: 3 });
    const p = o.employees[0]!;
    expect((await o.t.ok('recap.employee', { employeeId: p.id, year: 2026 }, operatorToken)).targetJp).toBe(20);
  });

  it('an admin sets them; the recap follows; the audit log says old → new; the journal (for the city) is untouched', async () => {
    const journal = o.db.prepare('SELECT count(*) FROM change_journal').pluck().get();
    // Rules not sent keep their value (an older screen sends only the first two).
    expect(await o.t.ok('rules.update', { graceMinutes: 10, jpTargetPerYear: 24 }, o.token)).toEqual({ graceMinutes: 10, jpTargetPerYear: 24, jpTargetPppk: 20, followupMonths: 3 });
    expect(await o.t.ok('rules.get', {}, operatorToken)).toEqual({ graceMinutes: 10, jpTargetPerYear: 24, jpTargetPppk: 20, followupMonths: 3 });
    expect((await o.t.ok('recap.employee', { employeeId: o.employees[0]!.id, year: 2026 }, o.token)).targetJp).toBe(24);
    expect(lastAudit()).toEqual({ username: 'admin', details: JSON.stringify({ graceMinutes: [15, 10], jpTargetPerYear: [20, 24] }) });
    expect(o.db.prepare('SELECT count(*) FROM change_journal').pluck().get()).toBe(journal);
    // Saving the same values again writes no audit row.
    const audits = o.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'rules.update'").pluck().get();
    await o.t.ok('rules.update', { graceMinutes: 10, jpTargetPerYear: 24 }, o.token);
    expect(o.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'rules.update'").pluck().get()).toBe(audits);
  });

  it('the grace period decides Hadir or Terlambat at the door, unless the event sets its own', async () => {
    const event = await createEvent(o);
    const session = await addSession(o, event.id, '2026-11-25', '09:00', '12:00');
    await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: o.employees.map((e) => e.id) }, o.token);
    // The fake clock stands at 09:00 WIB; 09:10 is within 10 minutes, 09:10:01 is not.
    o.clock.advance(10 * 60_000);
    expect((await o.t.ok('attendance.scan', { sessionId: session.id, input: o.employees[0]!.nip }, o.token)).mark!.status).toBe('hadir');
    o.clock.advance(1000);
    expect((await o.t.ok('attendance.scan', { sessionId: session.id, input: o.employees[1]!.nip }, o.token)).mark!.status).toBe('terlambat');
  });

  it('operators cannot change them, and bad values are refused per field with the allowed range', async () => {
    await o.t.fails('rules.update', { graceMinutes: 30, jpTargetPerYear: 20 }, 'FORBIDDEN', operatorToken);
    const tooBig = await o.t.fails('rules.update', { graceMinutes: 500, jpTargetPerYear: 0 }, 'VALIDATION', o.token);
    expect(tooBig.details?.issues).toEqual([
      { path: ['graceMinutes'], message: 'validation.number_too_big', params: { maximum: 240 } },
      { path: ['jpTargetPerYear'], message: 'validation.number_too_small', params: { minimum: 1 } },
    ]);
    expect(await o.t.ok('rules.get', {}, o.token)).toEqual({ graceMinutes: 10, jpTargetPerYear: 24, jpTargetPppk: 20, followupMonths: 3 });
  });
});
