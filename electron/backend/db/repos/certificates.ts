import type { CertificateRow } from '../../../../shared/contract/certificates.ts';
import type { CertificateRole } from '../../../../shared/certificates/types.ts';
import type { Db } from '../open.ts';
import { sql } from '../statements.ts';

export interface CertificateRecord {
  id: string;
  number: string;
  year: number;
  seq: number;
  eventId: string;
  role: CertificateRole;
  employeeId: string | null;
  enrolmentId: string | null;
  /** Who, for "one live certificate per person per role per event": enrolment, employee or speaker:<i>. */
  recipientKey: string;
  nip: string;
  name: string;
  jp: number;
  issuedOn: string;
  kid: string;
  code: string;
  /** The frozen snapshot printed (CertificatePage as JSON). */
  page: string;
  documentId: string;
  firstPage: number;
  pageCount: number;
  pdfSha256: string | null;
  includedReason: string | null;
  status: 'sah' | 'dicabut';
  revokedOn: string | null;
  revokeReason: string | null;
  replacesId: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  origin: string;
}

type Row = Record<string, unknown>;

function toRecord(r: Row): CertificateRecord {
  return {
    id: r.id as string, number: r.number as string, year: r.year as number, seq: r.seq as number,
    eventId: r.event_id as string, role: r.role as CertificateRole,
    employeeId: r.employee_id as string | null, enrolmentId: r.enrolment_id as string | null, recipientKey: r.recipient_key as string,
    nip: r.nip as string, name: r.name as string, jp: r.jp as number, issuedOn: r.issued_on as string,
    kid: r.kid as string, code: r.code as string, page: r.page as string,
    documentId: r.document_id as string, firstPage: r.first_page as number, pageCount: r.page_count as number, pdfSha256: r.pdf_sha256 as string | null,
    includedReason: r.included_reason as string | null,
    status: r.status as 'sah' | 'dicabut', revokedOn: r.revoked_on as string | null, revokeReason: r.revoke_reason as string | null,
    replacesId: r.replaces_id as string | null,
    createdAt: r.created_at as string, updatedAt: r.updated_at as string, updatedBy: r.updated_by as string | null, origin: r.origin as string,
  };
}

export function insertCertificate(db: Db, c: CertificateRecord): void {
  sql(db, `INSERT INTO certificates (id, number, year, seq, event_id, role, employee_id, enrolment_id, recipient_key, nip, name, jp,
      issued_on, kid, code, page, document_id, first_page, page_count, pdf_sha256, included_reason, status, revoked_on, revoke_reason,
      replaces_id, created_at, updated_at, updated_by, origin)
    VALUES (@id, @number, @year, @seq, @eventId, @role, @employeeId, @enrolmentId, @recipientKey, @nip, @name, @jp,
      @issuedOn, @kid, @code, @page, @documentId, @firstPage, @pageCount, @pdfSha256, @includedReason, @status, @revokedOn, @revokeReason,
      @replacesId, @createdAt, @updatedAt, @updatedBy, @origin)`).run(c);
}

/** The first cut of a certificate's own PDF records its SHA-256 (never overwrites one). */
export function setPdfSha256(db: Db, id: string, sha256: string): void {
  sql(db, 'UPDATE certificates SET pdf_sha256 = ? WHERE id = ? AND pdf_sha256 IS NULL').run(sha256, id);
}

export function revokeCertificate(db: Db, id: string, fields: { revokedOn: string; reason: string; at: string; by: string | null }): void {
  sql(db, `UPDATE certificates SET status = 'dicabut', revoked_on = ?, revoke_reason = ?, updated_at = ?, updated_by = ? WHERE id = ?`)
    .run(fields.revokedOn, fields.reason, fields.at, fields.by, id);
}

export function getCertificate(db: Db, id: string): CertificateRecord | null {
  const r = sql(db, 'SELECT * FROM certificates WHERE id = ? AND deleted_at IS NULL').get(id) as Row | undefined;
  return r ? toRecord(r) : null;
}

export function findCertificateByNumber(db: Db, number: string): CertificateRecord | null {
  const r = sql(db, 'SELECT * FROM certificates WHERE number = ? AND deleted_at IS NULL').get(number) as Row | undefined;
  return r ? toRecord(r) : null;
}

export function certificatesOfEvent(db: Db, eventId: string): CertificateRecord[] {
  return (sql(db, 'SELECT * FROM certificates WHERE event_id = ? AND deleted_at IS NULL ORDER BY year, seq').all(eventId) as Row[]).map(toRecord);
}

/** The live (sah) certificates of an event, who they are for: what issuing compares against (no page snapshots). */
export function liveCertificatesOfEvent(db: Db, eventId: string): { id: string; number: string; role: CertificateRole; recipientKey: string; employeeId: string | null; nip: string; name: string }[] {
  return (sql(db, `SELECT id, number, role, recipient_key, employee_id, nip, name FROM certificates
      WHERE event_id = ? AND status = 'sah' AND deleted_at IS NULL ORDER BY year, seq`).all(eventId) as Row[]).map((r) => ({
    id: r.id as string, number: r.number as string, role: r.role as CertificateRole, recipientKey: r.recipient_key as string,
    employeeId: r.employee_id as string | null, nip: r.nip as string, name: r.name as string,
  }));
}

/** Which of these numbers are already taken (any status): one query for a whole issue. */
export function takenNumbers(db: Db, numbers: readonly string[]): string[] {
  return sql(db, 'SELECT number FROM certificates WHERE number IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(numbers)) as string[];
}

export function certificatesByIds(db: Db, ids: readonly string[]): CertificateRecord[] {
  return (sql(db, 'SELECT * FROM certificates WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY year, seq')
    .all(JSON.stringify(ids)) as Row[]).map(toRecord);
}

const LIST = `SELECT c.id, c.number, c.role, c.event_id, ev.name AS event_name, c.employee_id, c.nip, c.name, c.jp, c.issued_on,
    c.created_at, c.status, c.revoked_on, c.revoke_reason, c.included_reason, c.pdf_sha256, d.sha256 AS document_sha256,
    nx.id AS replaced_by_id, nx.number AS replaced_by_number, pv.number AS replaces_number
  FROM certificates c JOIN events ev ON ev.id = c.event_id JOIN certificate_documents d ON d.id = c.document_id
  LEFT JOIN certificates nx ON nx.replaces_id = c.id
  LEFT JOIN certificates pv ON pv.id = c.replaces_id
  WHERE c.deleted_at IS NULL`;

function toRow(r: Row): CertificateRow {
  return {
    id: r.id as string, number: r.number as string, role: r.role as CertificateRole, eventId: r.event_id as string, eventName: r.event_name as string,
    employeeId: r.employee_id as string | null, nip: r.nip as string, name: r.name as string, jp: r.jp as number,
    issuedOn: r.issued_on as string, issuedAt: r.created_at as string, status: r.status as 'sah' | 'dicabut',
    revokedOn: r.revoked_on as string | null, revokeReason: r.revoke_reason as string | null,
    replacedById: r.replaced_by_id as string | null, replacedByNumber: r.replaced_by_number as string | null,
    replacesNumber: r.replaces_number as string | null, includedReason: r.included_reason as string | null, pdfSha256: r.pdf_sha256 as string | null,
    documentSha256: r.document_sha256 as string,
  };
}

export function listCertificateRows(db: Db, q: { eventId?: string; employeeId?: string; query?: string; year?: number; id?: string }): CertificateRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.id) { where.push('c.id = ?'); params.push(q.id); }
  if (q.eventId) { where.push('c.event_id = ?'); params.push(q.eventId); }
  if (q.employeeId) { where.push('c.employee_id = ?'); params.push(q.employeeId); }
  if (q.year) { where.push('c.year = ?'); params.push(q.year); }
  if (q.query) {
    where.push("(c.name LIKE ? ESCAPE '\\' OR c.nip LIKE ? ESCAPE '\\' OR c.number LIKE ? ESCAPE '\\')");
    const like = `%${q.query.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    params.push(like, like, like);
  }
  const text = `${LIST}${where.length ? ` AND ${where.join(' AND ')}` : ''} ORDER BY c.year DESC, c.seq DESC LIMIT 5000`;
  return (db.prepare(text).all(...params) as Row[]).map(toRow);
}

/** The next free sequence of a year (nothing reserved: the write takes it under its lock). */
export function lastSeq(db: Db, year: number): number {
  return (sql(db, 'SELECT last_seq FROM certificate_sequences WHERE year = ?').pluck().get(year) as number | undefined) ?? 0;
}

export function setLastSeq(db: Db, year: number, seq: number): void {
  sql(db, `INSERT INTO certificate_sequences (year, last_seq) VALUES (?, ?)
    ON CONFLICT (year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`).run(year, seq);
}

export function addNumberGap(db: Db, gap: { year: number; firstSeq: number; lastSeq: number; reason: string; at: string; by: string | null }): void {
  sql(db, 'INSERT INTO certificate_number_gaps (year, first_seq, last_seq, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
    .run(gap.year, gap.firstSeq, gap.lastSeq, gap.reason, gap.at, gap.by);
}

/** Every number of a year in sequence order, for the register (no limit: a register is whole). */
export function numbersOfYear(db: Db, year: number): { seq: number; number: string; status: 'sah' | 'dicabut'; name: string; eventName: string; revokeReason: string | null; replacedBy: string | null }[] {
  return (sql(db, `SELECT c.seq, c.number, c.status, c.name, ev.name AS event_name, c.revoke_reason, nx.number AS replaced_by
      FROM certificates c JOIN events ev ON ev.id = c.event_id LEFT JOIN certificates nx ON nx.replaces_id = c.id
      WHERE c.year = ? ORDER BY c.seq`).all(year) as Row[]).map((r) => ({
    seq: r.seq as number, number: r.number as string, status: r.status as 'sah' | 'dicabut', name: r.name as string,
    eventName: r.event_name as string, revokeReason: r.revoke_reason as string | null, replacedBy: r.replaced_by as string | null,
  }));
}

export function numberGaps(db: Db, year: number): { firstSeq: number; lastSeq: number; reason: string; createdAt: string }[] {
  return (sql(db, 'SELECT first_seq, last_seq, reason, created_at FROM certificate_number_gaps WHERE year = ? ORDER BY first_seq').all(year) as Row[])
    .map((r) => ({ firstSeq: r.first_seq as number, lastSeq: r.last_seq as number, reason: r.reason as string, createdAt: r.created_at as string }));
}

export function insertDocument(db: Db, d: { id: string; eventId: string; pdf: Uint8Array; sha256: string; pages: number; at: string; by: string | null }): void {
  sql(db, 'INSERT INTO certificate_documents (id, event_id, pdf, sha256, pages, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(d.id, d.eventId, Buffer.from(d.pdf.buffer, d.pdf.byteOffset, d.pdf.byteLength), d.sha256, d.pages, d.at, d.by);
}

export function getDocument(db: Db, id: string): { pdf: Buffer; sha256: string; pages: number } | null {
  return (sql(db, 'SELECT pdf, sha256, pages FROM certificate_documents WHERE id = ?').get(id) as { pdf: Buffer; sha256: string; pages: number } | undefined) ?? null;
}

/** Revoked numbers of this office, for its trust file and its own verification. */
export function ownRevocations(db: Db): { number: string; revokedOn: string; reason: string; replacedBy: string | null }[] {
  return (sql(db, `SELECT c.number, c.revoked_on, c.revoke_reason, nx.number AS replaced_by FROM certificates c
      LEFT JOIN certificates nx ON nx.replaces_id = c.id WHERE c.status = 'dicabut' ORDER BY c.year, c.seq`).all() as Row[])
    .map((r) => ({ number: r.number as string, revokedOn: r.revoked_on as string, reason: r.revoke_reason as string, replacedBy: r.replaced_by as string | null }));
}
