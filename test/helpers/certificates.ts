// A finished training ready for certificates: an office with a roster, an event of two sessions
// (8 JP) that everyone attended but the last person, whose last session is over.
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { readQrFromRgba } from '../../shared/certificates/qr-image.ts';
import { addSession, createEvent, laterAt, pdfPagePng, trainingOffice, type TrainingOffice } from './trainings.ts';

export interface FinishedEvent extends TrainingOffice {
  eventId: string;
  enrolments: { id: string; employeeId: string; name: string; nip: string }[];
}

export async function finishedEvent(opts: { people?: number; absent?: number } = {}): Promise<FinishedEvent> {
  const people = opts.people ?? 5;
  const absent = opts.absent ?? 1;
  const o = await trainingOffice({ people });
  const event = await createEvent(o);
  const sessions = [
    await addSession(o, event.id, '2026-11-25', '08:00', '12:00', { topic: 'Kebijakan Administrasi Kependudukan', speaker: 'Dr. Rudi Hartono, M.Si.' }),
    await addSession(o, event.id, '2026-11-26', '08:00', '11:00', { topic: 'Praktik Pelayanan KTP-el' }),
  ];
  await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: o.employees.map((e) => e.id) }, o.token);
  const list = await o.t.ok('enrolment.list', { eventId: event.id }, o.token);
  const enrolments = list.map((e) => ({ id: e.id, employeeId: e.employeeId!, name: e.name, nip: e.nip! }));
  for (const [i, e] of enrolments.entries()) {
    const status = i >= enrolments.length - absent ? 'alpa' : 'hadir';
    for (const s of sessions) await o.t.ok('attendance.mark', { sessionId: s.id, enrolmentId: e.id, status }, o.token);
  }
  await laterAt(o, '2026-12-01', '09:00');
  return { ...o, eventId: event.id, enrolments };
}

/** The QR text on page `page` of a PDF, read from a PNG rendered at `dpi` by pdftoppm. */
export function qrOfPdfPage(dataBase64: string, page: number, dir: string, dpi = 150): string | null {
  const file = pdfPagePng(dataBase64, page, dir, `qr-${page}-${dpi}`, dpi);
  const png = PNG.sync.read(fs.readFileSync(file));
  return readQrFromRgba(new Uint8ClampedArray(png.data), png.width, png.height);
}

export const writeTemp = (dir: string, name: string, data: Buffer | string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
};
