// An outside record must never repeat one of the office's own trainings: the attendance already
// gives its JP. The office's SIASN sheet imported back, or an event typed in again by hand, is
// refused as a duplicate, naming the event, and the ledger stays as it was.
import { afterAll, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/backend.ts';
import { addSession, createEvent, trainingOffice } from '../helpers/trainings.ts';

afterAll(() => removeTempDirs());

it("the office's SIASN sheet imported back, and its event typed in again, are refused; the ledger counts each JP once", async () => {
  const o = await trainingOffice({ people: 3 });
  try {
    const event = await createEvent(o, { name: 'Bimtek Kependudukan' });
    const session = await addSession(o, event.id, '2026-03-02', '08:00', '12:00');
    await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: o.employees.map((e) => e.id) }, o.token);
    const enrolled = await o.t.ok('enrolment.list', { eventId: event.id }, o.token);
    await o.t.ok('attendance.paperEntry', { sessionId: session.id, marks: enrolled.map((e) => ({ enrolmentId: e.id, status: 'hadir', note: '' })) }, o.token);
    const jpOf = async () => (await o.t.ok('ledger.year', { year: 2026 }, o.token)).rows.map((r) => [r.nip, r.eventJp, r.externalJp]);
    const before = await jpOf();
    expect(before.every(([, eventJp, externalJp]) => eventJp === 5 && externalJp === 0)).toBe(true);

    const sheet = await o.t.ok('reports.file', { kind: 'siasn', year: 2026, format: 'xlsx' }, o.token);
    const preview = await o.t.ok('records.preview', { fileName: 'siasn.xlsx', dataBase64: sheet.dataBase64 }, o.token);
    expect(preview).toMatchObject({ rows: 3, created: 0, duplicates: 3, errors: [] });
    expect(preview.items.map((i) => [i.kind, i.duplicateOf])).toEqual(Array(3).fill(['duplicate', 'kegiatan "Bimtek Kependudukan"']));
    expect(preview.warnings.map((w) => w.code)).toEqual(Array(3).fill('records.duplicate_office_event_row'));
    expect((await o.t.ok('records.apply', { fileName: 'siasn.xlsx', dataBase64: sheet.dataBase64 }, o.token)).created).toBe(0);

    const typed = await o.t.fails('records.create', {
      employeeId: o.employees[0]!.id, title: 'BIMTEK  kependudukan', organiser: 'Kecamatan Plaju', methodId: 8, competencyType: 'teknis',
      startDate: '2026-03-02', endDate: '2026-03-02', jp: 5, jpReason: 'sesuai sertifikat',
    }, 'CONFLICT', o.token);
    expect(typed.details).toMatchObject({ messageKey: 'records.duplicate_office_event', eventId: event.id, eventName: 'Bimtek Kependudukan' });
    expect(typed.message).toContain('Bimtek Kependudukan');
    expect(await jpOf()).toEqual(before);

    // The same title on other dates is another training, and counts.
    await o.t.ok('records.create', {
      employeeId: o.employees[0]!.id, title: 'Bimtek Kependudukan', organiser: 'BKPSDM', methodId: 8, competencyType: 'teknis',
      startDate: '2026-05-04', endDate: '2026-05-04', hours: 3,
    }, o.token);
    expect((await jpOf()).find(([nip]) => nip === o.employees[0]!.nip)).toEqual([o.employees[0]!.nip, 5, 4]);
  } finally {
    o.close();
  }
});
