import { attendanceSheetDoc } from '../../../shared/pdf/attendance-sheet.ts';
import type { Db } from '../db/open.ts';
import * as t from '../db/repos/trainings.ts';
import { renderPdf } from '../pdf/render.ts';
import { dayDate, fileSlug, officeForDocuments, pdfFile, timeRange } from './documents.ts';
import { requireEvent, requireSession } from './events.ts';

/** The daftar hadir of a session, for printing before it starts (or when the PC fails). */
export async function attendanceSheetPdf(db: Db, sessionId: string) {
  const session = requireSession(db, sessionId);
  const event = requireEvent(db, session.eventId);
  const office = officeForDocuments(db);
  const participants = t.listEnrolments(db, event.id, false).map((e) => ({ name: e.name, nip: e.nip, jabatan: e.jabatan, unit: e.unit }));
  const speaker = session.speaker || event.speakers.map((s) => (s.institution ? `${s.name} (${s.institution})` : s.name)).join('; ');
  const pdf = await renderPdf(attendanceSheetDoc({
    officeName: office.name,
    officeAddress: office.address,
    logoDataUrl: office.logoDataUrl,
    eventName: event.name,
    dayDate: dayDate(session.date),
    topic: session.topic || event.name,
    time: timeRange(session.start, session.end, office.zoneLabel),
    speaker,
    place: event.place,
    participants,
    placeDate: `${office.place}, ${dayDate(session.date).replace(/^[^,]+, /, '')}`,
    organiserTitle: office.signer.title,
    organiserName: office.signer.name,
    organiserNip: office.signer.nip || null,
  }));
  return pdfFile(`daftar-hadir-${fileSlug(event.name)}-${session.date}-${session.start.replace(':', '')}.pdf`, pdf);
}
