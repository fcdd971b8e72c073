import { zipSync } from 'fflate';
import { ApiError } from '../../../shared/contract/errors.ts';
import { fileSlug } from '../services/documents.ts';
import type { Db } from '../db/open.ts';
import * as certs from '../db/repos/certificates.ts';
import { extractPages, mergePdfs } from '../pdf/pdf-pages.ts';
import { sha256Hex } from './issue.ts';
import { writeTransaction } from '../db/transaction.ts';

export interface PrintControl {
  signal?: AbortSignal;
  progress?: (done: number, total: number) => void;
}

function checkNotCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ApiError('JOB_CANCELLED', 'Dibatalkan.');
}

/**
 * One certificate's own PDF, cut from its frozen document (checked against the document's
 * SHA-256 stored at issue). The cut is deterministic: its SHA-256 is recorded the first time and
 * a later cut that would differ is refused rather than printed.
 */
export async function certificatePdf(db: Db, c: certs.CertificateRecord, documents = new Map<string, Buffer>()): Promise<Uint8Array> {
  let doc = documents.get(c.documentId);
  if (!doc) {
    const stored = certs.getDocument(db, c.documentId);
    if (!stored) throw new ApiError('NOT_FOUND', 'Berkas sertifikat tidak ditemukan.');
    if (sha256Hex(stored.pdf) !== stored.sha256) throw new ApiError('DB_CORRUPT', 'Berkas sertifikat yang tersimpan rusak (SHA-256 tidak cocok). Pulihkan dari cadangan.');
    doc = stored.pdf;
    documents.set(c.documentId, doc);
  }
  const pdf = await extractPages(doc, c.firstPage, c.pageCount);
  const sha = sha256Hex(pdf);
  if (c.pdfSha256 === null) writeTransaction(db, () => certs.setPdfSha256(db, c.id, sha));
  else if (sha !== c.pdfSha256) throw new ApiError('DB_CORRUPT', `Sertifikat ${c.number} tidak sama dengan yang diterbitkan (SHA-256 berbeda).`);
  return pdf;
}

/** `NIP - Nama.pdf`, or `Nama.pdf` without a NIP; a name taken twice gets its number too. */
export function zipEntryName(c: Pick<certs.CertificateRecord, 'nip' | 'name' | 'number'>, taken: Set<string>): string {
  const safeName = c.name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '') || 'Sertifikat';
  let name = `${c.nip ? `${c.nip} - ` : ''}${safeName}`.slice(0, 150);
  if (taken.has(name.toLowerCase())) name = `${name} (${fileSlug(c.number)})`;
  taken.add(name.toLowerCase());
  return `${name}.pdf`;
}

/** Live certificates chosen by event or by id, in number order. */
export function certificatesToPrint(db: Db, q: { eventId?: string; ids?: string[] }): certs.CertificateRecord[] {
  const list = q.ids ? certs.certificatesByIds(db, q.ids) : q.eventId ? certs.certificatesOfEvent(db, q.eventId) : [];
  const live = list.filter((c) => c.status === 'sah');
  if (live.length === 0) throw new ApiError('NOT_FOUND', 'Tidak ada sertifikat sah untuk dicetak.');
  return live;
}

/**
 * The batch for the office printer: when the certificates are exactly one frozen document, that
 * document itself; otherwise each one's frozen pages, one after the other.
 */
export async function printPdf(db: Db, list: readonly certs.CertificateRecord[], ctl: PrintControl = {}): Promise<Uint8Array> {
  const docIds = new Set(list.map((c) => c.documentId));
  if (docIds.size === 1) {
    const stored = certs.getDocument(db, list[0]!.documentId)!;
    const pages = list.reduce((a, c) => a + c.pageCount, 0);
    if (pages === stored.pages && sha256Hex(stored.pdf) === stored.sha256) {
      ctl.progress?.(list.length, list.length);
      return new Uint8Array(stored.pdf);
    }
  }
  const documents = new Map<string, Buffer>();
  const parts: Uint8Array[] = [];
  for (const [i, c] of list.entries()) {
    checkNotCancelled(ctl.signal);
    parts.push(await certificatePdf(db, c, documents));
    ctl.progress?.(i + 1, list.length);
  }
  return mergePdfs(parts);
}

/** A zip of one frozen PDF per person; fixed entry times, so the same certificates give the same zip. */
export async function printZip(db: Db, list: readonly certs.CertificateRecord[], ctl: PrintControl = {}): Promise<Uint8Array> {
  const documents = new Map<string, Buffer>();
  const taken = new Set<string>();
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [i, c] of list.entries()) {
    checkNotCancelled(ctl.signal);
    entries[zipEntryName(c, taken)] = [await certificatePdf(db, c, documents), { mtime: new Date(`${c.issuedOn}T00:00:00Z`) }];
    ctl.progress?.(i + 1, list.length);
  }
  // PDFs are compressed inside already: store them.
  return zipSync(entries, { level: 0 });
}
