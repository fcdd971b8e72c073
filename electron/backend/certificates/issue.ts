import { createHash } from 'node:crypto';
import type { CertificateClaims, CertificateRole } from '../../../shared/certificates/types.ts';
import type { CertificatePage } from '../../../shared/certificates/page.ts';
import type { CertificateTemplate } from '../../../shared/certificates/template.ts';
import { encodeCertificateCode } from '../../../shared/certificates/code.ts';
import { formatCertificateNumber } from '../../../shared/certificates/numbering.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import type { Db } from '../db/open.ts';
import { newId } from '../db/ids.ts';
import * as certs from '../db/repos/certificates.ts';
import { inChangeBatch, recordChange, recordEvent } from '../db/repos/changes.ts';
import { getOffice } from '../db/repos/office.ts';
import { writeTransaction } from '../db/transaction.ts';
import type { WriteMeta } from '../services/context.ts';
import { renderCertificates } from '../pdf/certificate-pdf.ts';
import type { EventFacts, Recipient } from './recipients.ts';
import { certificateAssets, numberPattern, templateFor } from './settings.ts';
import { officeSigner } from './trust-list.ts';
import { numberFloor, raiseNumberFloor } from './number-floor.ts';

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface IssueOptions {
  issuedOn: string;
  issuedPlace: string;
  /** The PDF's creation date: the issue instant, so the frozen bytes say when they were made. */
  at: Date;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** The letterhead every certificate of this office carries. */
export function letterhead(db: Db): CertificatePage['office'] {
  const office = getOffice(db);
  if (!office) throw new ApiError('SETUP_REQUIRED', 'Kantor belum diatur.');
  const regency = office.regencyName.toUpperCase();
  return {
    name: office.name,
    letterhead: [`PEMERINTAH ${regency}`, office.name.toUpperCase(), office.address].filter(Boolean),
    hasLogo: office.hasLogo,
  };
}

interface Prepared {
  recipient: Recipient;
  seq: number;
  number: string;
  claims: CertificateClaims;
  code: string;
  kid: string;
  page: CertificatePage;
}

/**
 * Signs and lays out every certificate of one issue with the numbers following `base`. Nothing
 * is written: the caller stores the result if the sequence is still where it was.
 */
function prepare(db: Db, facts: EventFacts, recipients: readonly Recipient[], base: number, opts: IssueOptions): Prepared[] {
  const office = getOffice(db)!;
  const signer = officeSigner(db);
  const pattern = numberPattern(db);
  const [year, month] = opts.issuedOn.split('-').map(Number) as [number, number];
  const head = letterhead(db);
  const templates = new Map<CertificateRole, CertificateTemplate>();
  return recipients.map((recipient, i) => {
    const seq = base + 1 + i;
    const number = formatCertificateNumber(pattern, { seq, year, month });
    let template = templates.get(recipient.role);
    if (!template) templates.set(recipient.role, (template = templateFor(db, recipient.role)));
    const claims: CertificateClaims = {
      version: 1, office: office.code, number, nip: recipient.nip, name: recipient.name, role: recipient.role,
      event: facts.event.name, start: facts.startDate ?? opts.issuedOn, end: facts.endDate ?? opts.issuedOn, jp: recipient.jp, issued: opts.issuedOn,
    };
    const code = encodeCertificateCode(claims, { kid: signer.kidBytes, alg: signer.alg, sign: signer.sign });
    const page: CertificatePage = {
      template,
      office: head,
      recipient: { name: recipient.name, nip: recipient.nip, pangkatGolongan: recipient.pangkatGolongan, jabatan: recipient.jabatan, unit: recipient.unit },
      ...(recipient.roleLabel ? { roleLabel: recipient.roleLabel } : {}),
      event: { title: facts.event.name, startDate: claims.start, endDate: claims.end, place: facts.event.place },
      jp: recipient.jp,
      number,
      issuedPlace: opts.issuedPlace,
      issuedDate: opts.issuedOn,
      code,
      transcript: template.showTranscript && recipient.transcript.length ? recipient.transcript : null,
    };
    return { recipient, seq, number, claims, code, kid: signer.kid, page };
  });
}

export interface Issued { id: string; number: string; nip: string; name: string }

/**
 * Issues certificates in one go: numbers from the year's sequence, each code signed, all pages
 * rendered into one frozen PDF, then stored in one IMMEDIATE transaction. The PDF is made outside
 * the write lock; if another issue took numbers meanwhile, it is made again with the next ones.
 */
export async function issueCertificates(db: Db, m: WriteMeta, facts: EventFacts, recipients: readonly Recipient[], opts: IssueOptions, replaces?: certs.CertificateRecord & { revokeReason: string }): Promise<Issued[]> {
  if (recipients.length === 0) return [];
  const year = Number(opts.issuedOn.slice(0, 4));
  for (let attempt = 0; attempt < 4; attempt++) {
    const stored = certs.lastSeq(db, year);
    // Numbers this PC gave out before the database was restored from an older backup stay used.
    const base = Math.max(stored, numberFloor(db, year));
    const prepared = prepare(db, facts, recipients, base, opts);
    const [used] = certs.takenNumbers(db, prepared.map((p) => p.number));
    if (used) throw new ApiError('CONFLICT', `Nomor ${used} sudah dipakai. Periksa pola penomoran di Pengaturan → Sertifikat.`, { field: 'numberPattern', number: used });
    const { pdf, pageRanges } = await renderCertificates(prepared.map((p) => p.page), certificateAssets(db), { createdAt: opts.at, onProgress: opts.onProgress, signal: opts.signal });
    const documentId = newId();
    const saved = writeTransaction(db, () => {
      if (certs.lastSeq(db, year) !== stored) return null;
      if (base > stored) {
        certs.addNumberGap(db, { year, firstSeq: stored + 1, lastSeq: base, reason: 'Nomor sudah terpakai sebelum basis data dipulihkan dari cadangan.', at: m.at, by: m.actor?.userId ?? null });
      }
      certs.insertDocument(db, { id: documentId, eventId: facts.event.id, pdf, sha256: sha256Hex(pdf), pages: pageRanges.reduce((a, r) => a + r.count, 0), at: m.at, by: m.actor?.userId ?? null });
      if (replaces) {
        certs.revokeCertificate(db, replaces.id, { revokedOn: opts.issuedOn, reason: replaces.revokeReason, at: m.at, by: m.actor?.userId ?? null });
        recordChange(db, m, { entity: 'certificate', entityId: replaces.id, op: 'update', before: { status: 'sah' }, after: { status: 'dicabut', revokeReason: replaces.revokeReason } });
      }
      const issued = inChangeBatch(db, () => prepared.map((p, i): Issued => {
        const r = p.recipient;
        const record: certs.CertificateRecord = {
          id: newId(), number: p.number, year, seq: p.seq, eventId: facts.event.id, role: r.role,
          employeeId: r.employeeId, enrolmentId: r.enrolmentId, recipientKey: r.key, nip: r.nip, name: r.name, jp: r.jp,
          issuedOn: opts.issuedOn, kid: p.kid, code: p.code, page: JSON.stringify(p.page),
          documentId, firstPage: pageRanges[i]!.first, pageCount: pageRanges[i]!.count, pdfSha256: null,
          includedReason: r.includedReason, status: 'sah', revokedOn: null, revokeReason: null, replacesId: replaces?.id ?? null,
          createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin,
        };
        certs.insertCertificate(db, record);
        const { page: _p, code: _c, ...summary } = record;
        recordChange(db, m, { entity: 'certificate', entityId: record.id, op: 'insert', after: summary });
        return { id: record.id, number: record.number, nip: record.nip, name: record.name };
      }));
      for (const [i, p] of prepared.entries()) {
        if (p.recipient.includedReason) recordEvent(db, m, 'certificate.included', { reason: [null, p.recipient.includedReason] }, 'certificate', issued[i]!.id);
      }
      certs.setLastSeq(db, year, base + prepared.length);
      return issued;
    });
    if (saved) {
      raiseNumberFloor(db, year, base + prepared.length);
      return saved;
    }
  }
  throw new ApiError('DB_BUSY', 'Nomor sertifikat sedang dipakai penerbitan lain. Coba lagi sebentar lagi.');
}
