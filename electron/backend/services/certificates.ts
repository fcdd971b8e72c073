import fs from 'node:fs';
import path from 'node:path';
import type { CertificateSettings } from '../../../shared/contract/certificates.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { fingerprintOf, kidOf } from '../../../shared/certificates/keys.ts';
import { encodeCertificateCode, inspectCode } from '../../../shared/certificates/code.ts';
import { formatCertificateNumber } from '../../../shared/certificates/numbering.ts';
import { verifyCode } from '../../../shared/certificates/verify.ts';
import type { CertificatePage } from '../../../shared/certificates/page.ts';
import { dateInZone } from '../../../shared/domain/dates.ts';
import type { Db } from '../db/open.ts';
import * as certs from '../db/repos/certificates.ts';
import { recordChange, recordEvent } from '../db/repos/changes.ts';
import { listOfficeKeys } from '../db/repos/office-keys.ts';
import { writeTransaction } from '../db/transaction.ts';
import { generateOfficeKeyPair, ed25519Signer, nodeSignatureCheck } from '../certificates/crypto.ts';
import { issueCertificates, letterhead } from '../certificates/issue.ts';
import { numberFloor, raiseNumberFloor } from '../certificates/number-floor.ts';
import { certificatePdf, certificatesToPrint, printPdf, printZip } from '../certificates/print.ts';
import { eventCandidates, eventFacts, planRecipients, type Recipient } from '../certificates/recipients.ts';
import { readCodeFromImage } from '../certificates/read-image.ts';
import { readCodeFromPdf } from '../certificates/read-pdf.ts';
import * as settings from '../certificates/settings.ts';
import { trustListOf } from '../certificates/trust-list.ts';
import { verifierHtml } from '../certificates/verifier-html.ts';
import { renderCertificates } from '../pdf/certificate-pdf.ts';
import { writeFileAtomic } from '../files.ts';
import { meta, requireOffice } from './office.ts';
import { fileSlug, pdfFile } from './documents.ts';
import { officeNow, requireEvent } from './events.ts';
import { validateImage } from './logo.ts';
import { nowIso, type ServiceContext } from './context.ts';
import type { Handlers } from './handlers.ts';

function officeToday(ctx: ServiceContext): string {
  return dateInZone(ctx.now(), requireOffice(ctx.db).timezone);
}

export function certificateSettings(db: Db, today: string): CertificateSettings {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const pattern = settings.numberPattern(db);
  return {
    numberPattern: pattern,
    nextNumber: formatCertificateNumber(pattern, { seq: Math.max(certs.lastSeq(db, year), numberFloor(db, year)) + 1, year, month }),
    templates: settings.allTemplates(db),
    images: { signature: settings.certificateImage(db, 'signature') !== null, stamp: settings.certificateImage(db, 'stamp') !== null },
    keys: listOfficeKeys(db).map((k) => ({ kid: k.kid, fingerprint: fingerprintOf(k.publicKey), status: k.status, createdAt: k.createdAt, retiredAt: k.retiredAt })),
  };
}

function requireCertificate(db: Db, id: string): certs.CertificateRecord {
  const c = certs.getCertificate(db, id);
  if (!c) throw new ApiError('NOT_FOUND', 'Sertifikat tidak ditemukan.');
  return c;
}

function rowOf(db: Db, id: string) {
  return certs.listCertificateRows(db, { id })[0]!;
}

/** A sample recipient signed by a throwaway key: the preview looks real but never verifies as Sah. */
async function previewPdf(ctx: ServiceContext, template: CertificatePage['template']): Promise<Uint8Array> {
  const today = officeToday(ctx);
  const pair = generateOfficeKeyPair();
  const office = requireOffice(ctx.db);
  const number = formatCertificateNumber(settings.numberPattern(ctx.db), { seq: 17, year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
  const claims = { version: 1 as const, office: office.code, number, nip: '199001012015031001', name: 'Dra. Contoh Penerima, M.Si.', role: template.role, event: 'Pelatihan Pelayanan Publik Prima (CONTOH)', start: today, end: today, jp: 20, issued: today };
  const code = encodeCertificateCode(claims, { kid: new Uint8Array(Buffer.from(kidOf(pair.publicKey), 'base64')), alg: -8, sign: ed25519Signer(pair.privateKey) });
  const page: CertificatePage = {
    template, office: letterhead(ctx.db),
    recipient: { name: claims.name, nip: claims.nip, pangkatGolongan: 'Penata Tk. I (III/d)', jabatan: 'Kepala Seksi Pemerintahan', unit: 'Seksi Pemerintahan' },
    event: { title: claims.event, startDate: today, endDate: today, place: 'Aula Kantor Camat' },
    jp: 20, number, issuedPlace: office.districtName, issuedDate: today, code,
    transcript: template.showTranscript ? [{ topic: 'Kebijakan Pelayanan Publik', jp: 6 }, { topic: 'Standar Pelayanan dan Maklumat', jp: 8 }, { topic: 'Praktik Pelayanan Prima', jp: 6 }] : null,
  };
  const { pdf } = await renderCertificates([page], settings.certificateAssets(ctx.db), { createdAt: ctx.now() });
  return pdf;
}

/** Reads a code from a certificate image or PDF; the reason when there is none. */
async function readCodeFromFile(bytes: Uint8Array): Promise<{ ok: true; text: string; page?: number } | { ok: false; reason: string }> {
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return readCodeFromPdf(bytes);
  return readCodeFromImage(bytes);
}

function verifyText(db: Db, text: string) {
  const own = requireOffice(db).code;
  const result = verifyCode(text, trustListOf(db), nodeSignatureCheck, own);
  // Only a certificate this office vouches for links to its page.
  const vouched = (result.status === 'valid' || result.status === 'revoked') && result.certificate?.office === own;
  const localId = vouched ? certs.findCertificateByNumber(db, result.certificate!.number)?.id ?? null : null;
  return { ...result, certificate: result.certificate as Record<string, unknown> | undefined, revocation: result.revocation as Record<string, unknown> | undefined, localId };
}

/** Print files wait in `<data>/exports/` until the screen fetches them; a day later they go. */
function exportsDir(ctx: ServiceContext): string {
  const dir = path.join(ctx.dataDir, 'exports');
  fs.mkdirSync(dir, { recursive: true });
  const dayAgo = ctx.now().getTime() - 24 * 3600_000;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (fs.statSync(file).mtimeMs < dayAgo) fs.rmSync(file, { force: true });
    } catch { /* gone already, or in use: the next print tries again */ }
  }
  return dir;
}

export const certificateHandlers = {
  'certificates.settings': (_input, ctx) => certificateSettings(ctx.db, officeToday(ctx)),

  'certificates.updateSettings': ({ numberPattern, template }, ctx) => {
    requireOffice(ctx.db);
    const m = meta(ctx);
    writeTransaction(ctx.db, () => {
      if (numberPattern !== undefined) {
        const before = settings.numberPattern(ctx.db);
        if (before !== numberPattern) {
          settings.setNumberPattern(ctx.db, numberPattern);
          recordEvent(ctx.db, m, 'certificates.numberPattern', { numberPattern: [before, numberPattern] });
        }
      }
      if (template) {
        const before = settings.templateFor(ctx.db, template.role);
        settings.saveTemplate(ctx.db, template);
        const changed = Object.keys(template).filter((k) => JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(template[k as keyof typeof template]));
        if (changed.length) recordEvent(ctx.db, m, 'certificates.template', Object.fromEntries(changed.map((k) => [k, [before[k as keyof typeof before], template[k as keyof typeof template]]])), 'certificate_template', template.role);
      }
    });
    return certificateSettings(ctx.db, officeToday(ctx));
  },

  'certificates.setImage': ({ kind, mimeType, dataBase64 }, ctx) => {
    const data = validateImage(mimeType, dataBase64, 'image');
    const m = meta(ctx);
    writeTransaction(ctx.db, () => {
      settings.setCertificateImage(ctx.db, kind, { mime: mimeType, data }, m.at, m.actor?.userId ?? null);
      recordEvent(ctx.db, m, 'certificates.image', { [kind]: [null, `${mimeType}, ${Math.ceil(data.length / 1024)} KB`] });
    });
    return certificateSettings(ctx.db, officeToday(ctx));
  },

  'certificates.removeImage': ({ kind }, ctx) => {
    const m = meta(ctx);
    writeTransaction(ctx.db, () => {
      settings.setCertificateImage(ctx.db, kind, null, m.at, m.actor?.userId ?? null);
      recordEvent(ctx.db, m, 'certificates.image', { [kind]: ['ada', null] });
    });
    return certificateSettings(ctx.db, officeToday(ctx));
  },

  'certificates.preview': async ({ template }, ctx) => pdfFile(`contoh-sertifikat-${template.role}.pdf`, Buffer.from(await previewPdf(ctx, template))),

  'certificates.candidates': ({ eventId }, ctx) => {
    const facts = eventFacts(ctx.db, requireEvent(ctx.db, eventId));
    const c = eventCandidates(ctx.db, facts, officeNow(ctx.db, ctx.now()));
    return { eventId, eventName: facts.event.name, eventDone: c.done, jp: facts.totalJp, peserta: c.peserta, narasumber: c.narasumber, panitia: c.panitia };
  },

  'certificates.issue': async (input, ctx) => {
    requireOffice(ctx.db);
    const facts = eventFacts(ctx.db, requireEvent(ctx.db, input.eventId));
    if (facts.event.status === 'batal') throw ApiError.field(['eventId'], 'certificates.event_cancelled');
    const isAdmin = ctx.actor?.role === 'admin';
    const { recipients, skipped } = planRecipients(ctx.db, facts, officeNow(ctx.db, ctx.now()), input, isAdmin);
    const issuedOn = input.issuedOn ?? officeToday(ctx);
    const issued = await issueCertificates(ctx.db, meta(ctx), facts, recipients, {
      issuedOn, issuedPlace: input.issuedPlace || requireOffice(ctx.db).districtName, at: ctx.now(),
    });
    return { issued, skipped };
  },

  'certificates.list': (q, ctx) => certs.listCertificateRows(ctx.db, q),

  'certificates.get': ({ id }, ctx) => {
    const c = requireCertificate(ctx.db, id);
    return { ...rowOf(ctx.db, id), code: c.code, kid: c.kid, pages: c.pageCount };
  },

  'certificates.revoke': ({ id, reason }, ctx) => {
    const m = meta(ctx);
    const revokedOn = officeToday(ctx);
    writeTransaction(ctx.db, () => {
      const c = requireCertificate(ctx.db, id);
      if (c.status === 'dicabut') throw new ApiError('CONFLICT', `Sertifikat ${c.number} sudah dicabut.`);
      certs.revokeCertificate(ctx.db, id, { revokedOn, reason, at: m.at, by: m.actor?.userId ?? null });
      recordChange(ctx.db, m, { entity: 'certificate', entityId: id, op: 'update', before: { status: 'sah' }, after: { status: 'dicabut', revokeReason: reason } });
    });
    return rowOf(ctx.db, id);
  },

  'certificates.replace': async ({ id, reason, ...corrections }, ctx) => {
    const old = requireCertificate(ctx.db, id);
    if (old.status === 'dicabut') throw new ApiError('CONFLICT', `Sertifikat ${old.number} sudah dicabut; terbitkan dari kegiatannya.`);
    const page = JSON.parse(old.page) as CertificatePage;
    const facts = eventFacts(ctx.db, requireEvent(ctx.db, old.eventId));
    const recipient: Recipient = {
      role: old.role, key: old.recipientKey, employeeId: old.employeeId, enrolmentId: old.enrolmentId,
      nip: corrections.nip ?? old.nip, name: corrections.name ?? old.name, pangkatGolongan: page.recipient.pangkatGolongan,
      jabatan: corrections.jabatan ?? page.recipient.jabatan, unit: corrections.unit ?? page.recipient.unit,
      jp: old.jp, transcript: page.transcript ?? [], includedReason: old.includedReason, roleLabel: page.roleLabel ?? '',
    };
    const [issued] = await issueCertificates(ctx.db, meta(ctx), facts, [recipient], {
      issuedOn: officeToday(ctx), issuedPlace: page.issuedPlace, at: ctx.now(),
    }, { ...old, revokeReason: reason });
    return rowOf(ctx.db, issued!.id);
  },

  'certificates.skipNumbers': ({ year, next, reason }, ctx) => {
    const m = meta(ctx);
    writeTransaction(ctx.db, () => {
      const last = certs.lastSeq(ctx.db, year);
      if (next <= last + 1) throw ApiError.field(['next'], 'certificates.next_too_low', { min: last + 2 });
      certs.addNumberGap(ctx.db, { year, firstSeq: last + 1, lastSeq: next - 1, reason, at: m.at, by: m.actor?.userId ?? null });
      certs.setLastSeq(ctx.db, year, next - 1);
      recordEvent(ctx.db, m, 'certificates.skipNumbers', { year: [null, year], seq: [`${last + 1}`, `${next - 1}`], reason: [null, reason] });
    });
    raiseNumberFloor(ctx.db, year, next - 1);
    return certificateSettings(ctx.db, officeToday(ctx));
  },

  'certificates.register': ({ year }, ctx) => {
    const pattern = settings.numberPattern(ctx.db);
    const timezone = requireOffice(ctx.db).timezone;
    const out: { seq: number; number: string; state: 'sah' | 'dicabut' | 'lewat'; detail: string }[] = certs.numbersOfYear(ctx.db, year).map((r) => ({
      seq: r.seq, number: r.number, state: r.status,
      detail: r.status === 'dicabut' ? `${r.revokeReason ?? ''}${r.replacedBy ? ` → ${r.replacedBy}` : ''}` : `${r.name} · ${r.eventName}`,
    }));
    // A skipped number is written as the pattern made it the day it was skipped.
    for (const gap of certs.numberGaps(ctx.db, year)) {
      const month = Number(dateInZone(new Date(gap.createdAt), timezone).slice(5, 7));
      for (let seq = gap.firstSeq; seq <= gap.lastSeq; seq++) out.push({ seq, number: formatCertificateNumber(pattern, { seq, year, month }), state: 'lewat', detail: gap.reason });
    }
    return out.sort((a, b) => a.seq - b.seq);
  },

  'certificates.print': ({ eventId, ids, format }, ctx) => {
    const list = certificatesToPrint(ctx.db, { eventId, ids });
    const { db } = ctx;
    const name = `sertifikat-${fileSlug(eventId ? requireEvent(db, eventId).name : 'pilihan')}.${format}`;
    const job = ctx.jobs.start('certificates.print', ctx.actor?.userId ?? null, async ({ signal, progress }) => {
      progress(0, list.length);
      const bytes = format === 'pdf' ? await printPdf(db, list, { signal, progress }) : await printZip(db, list, { signal, progress });
      if (signal.aborted) throw new ApiError('JOB_CANCELLED', 'Dibatalkan.');
      const dir = exportsDir(ctx);
      const file = path.join(dir, `${Date.now()}-${name}`);
      writeFileAtomic(file, bytes);
      return { fileName: name, file, count: list.length };
    });
    return { jobId: job.jobId };
  },

  'certificates.printed': ({ jobId }, ctx) => {
    const job = ctx.jobs.get(jobId, ctx.actor?.userId ?? null);
    const result = job.result as { fileName: string; file: string } | undefined;
    if (job.kind !== 'certificates.print' || job.state !== 'done' || !result) throw new ApiError('NOT_FOUND', 'Berkas cetak belum siap.');
    const data = fs.readFileSync(result.file);
    return { fileName: result.fileName, mimeType: result.fileName.endsWith('.zip') ? 'application/zip' : 'application/pdf', dataBase64: data.toString('base64') };
  },

  'certificates.pdf': async ({ id }, ctx) => {
    const c = requireCertificate(ctx.db, id);
    return pdfFile(`${c.nip ? `${c.nip}-` : ''}${fileSlug(c.name)}.pdf`, Buffer.from(await certificatePdf(ctx.db, c)));
  },

  'certificates.verify': ({ text }, ctx) => verifyText(ctx.db, text),

  'certificates.verifyFile': async ({ dataBase64 }, ctx) => {
    const bytes = new Uint8Array(Buffer.from(dataBase64, 'base64'));
    const read = await readCodeFromFile(bytes);
    if (!read.ok) return { status: 'malformed' as const, read: { ok: false, reason: read.reason }, localId: null };
    return { ...verifyText(ctx.db, read.text), read: { ok: true, ...(read.page !== undefined ? { page: read.page } : {}) } };
  },

  'certificates.readFile': async ({ dataBase64 }) => readCodeFromFile(new Uint8Array(Buffer.from(dataBase64, 'base64'))),

  'certificates.inspect': ({ text }) => {
    const { certificate, ...rest } = inspectCode(text);
    return { ...rest, ...(certificate ? { certificate: { ...certificate } } : {}) };
  },

  'certificates.verifier': async (_input, ctx) => {
    const office = requireOffice(ctx.db);
    const html = await verifierHtml(trustListOf(ctx.db), { office: office.code, officeName: office.name, createdAt: nowIso(ctx) });
    return { fileName: `verifikasi-sertifikat-${fileSlug(office.name)}.html`, mimeType: 'text/html', dataBase64: Buffer.from(html).toString('base64') };
  },
} satisfies Partial<Handlers>;
