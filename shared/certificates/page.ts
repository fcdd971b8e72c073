/**
 * One printed certificate as a frozen snapshot: the template as it was and every fact printed,
 * JSON-safe, so a reprint draws the very same page (electron/backend/pdf/certificate-pdf.ts) and
 * a later edit of the template, the roster or the event never changes an issued certificate.
 * `certificateTexts` gives the words of the page without drawing it.
 */
import { z } from 'zod';
import { formatNip } from '../domain/nip.ts';
import { formatDecimal, jpInFiguresAndWords } from '../domain/terbilang.ts';
import {
  ROLE_LABELS, certificateDate, certificateDateRange, certificateTemplate, fillPlaceholderRuns, fillPlaceholders,
  type PlaceholderValues, type TextRun,
} from './template.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const certificatePage = z.object({
  template: certificateTemplate,
  office: z.object({
    /** As {kantor} prints it: "Kecamatan Plaju". */
    name: z.string(),
    /** The letterhead (kop), top to bottom: "PEMERINTAH KOTA PALEMBANG", "KECAMATAN PLAJU", the address line. */
    letterhead: z.array(z.string()).max(6),
    /** Whether the office's logo is printed (the image itself is passed to the renderer). */
    hasLogo: z.boolean(),
  }),
  recipient: z.object({
    /** With academic titles: "Ni Luh Ayu Sri Wahyuni, S.Sos.". */
    name: z.string(),
    /** 18 digits (printed in groups), or "" for someone without a NIP. */
    nip: z.string(),
    /** "Penata Muda Tk. I (III/b)"; "" prints no line. */
    pangkatGolongan: z.string(),
    jabatan: z.string(),
    /** Unit kerja, or an outside speaker's institution. */
    unit: z.string(),
  }),
  /** {peran}: what this role is called on this certificate when not the role's usual word ("Moderator"). */
  roleLabel: z.string().optional(),
  event: z.object({ title: z.string(), startDate: isoDate, endDate: isoDate, place: z.string() }),
  /** JP printed, in figures and words (may be a fraction: 1.5). */
  jp: z.number().min(0),
  number: z.string(),
  issuedPlace: z.string(),
  issuedDate: isoDate,
  /** The text in the QR code (the signed certificate code). */
  code: z.string(),
  /** The back page's lines (No, Materi, JP); null or empty: no back page. */
  transcript: z.array(z.object({ topic: z.string(), jp: z.number().min(0) })).nullable(),
});
export type CertificatePage = z.infer<typeof certificatePage>;

/** The words under the QR code. */
export const VERIFY_LINE = 'Verifikasi: pindai kode QR';

/** What a certificate prints when the office signs through Bangkom rather than by hand (never BSrE). */
export function electronicSignatureLine(officeName: string): string {
  return `Ditandatangani secara elektronik oleh sistem Bangkom ${officeName}`.trim();
}

export interface CertificateTexts {
  letterhead: string[];
  title: string;
  subtitle: string;
  opening: string;
  name: string;
  /** The recipient's details under the name, only those that are not empty. */
  details: { label: string; value: string }[];
  body: string;
  /** The body with {kegiatan} as a bold run. */
  bodyRuns: TextRun[];
  closing: string;
  /** "Palembang, 3 Desember 2026". */
  issued: string;
  signer: { title: string; name: string; rank: string; nip: string };
  /** Set in `elektronik` mode: the words printed instead of a signature. */
  electronic: string | null;
  verify: string;
  transcript: TranscriptTexts | null;
}

export interface TranscriptTexts {
  title: string;
  /** "Nomor: …", the recipient's name and the event, as on the front. */
  heading: { label: string; value: string }[];
  rows: { no: string; topic: string; jp: string }[];
  totalLabel: string;
  total: string;
  footer: string;
}

/** The placeholder values of a page. */
export function placeholderValues(page: CertificatePage): PlaceholderValues {
  const r = page.recipient;
  return {
    nama: r.name,
    nip: formatNip(r.nip),
    pangkat: r.pangkatGolongan,
    jabatan: r.jabatan,
    unit: r.unit,
    kegiatan: page.event.title,
    tanggal: certificateDateRange(page.event.startDate, page.event.endDate),
    tempat: page.event.place,
    jp: jpInFiguresAndWords(page.jp),
    peran: page.roleLabel || ROLE_LABELS[page.template.role],
    nomor: page.number,
    kantor: page.office.name,
    tanggal_terbit: certificateDate(page.issuedDate),
    tempat_terbit: page.issuedPlace,
  };
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every word printed on a certificate (front, and back when it has a transcript). */
export function certificateTexts(page: CertificatePage): CertificateTexts {
  const t = page.template;
  const values = placeholderValues(page);
  const r = page.recipient;
  const unitLabel = t.role === 'narasumber' ? 'Instansi' : 'Unit Kerja';
  const details = [
    { label: 'NIP', value: clean(values.nip ?? '') },
    { label: 'Pangkat/Golongan', value: clean(r.pangkatGolongan) },
    { label: 'Jabatan', value: clean(r.jabatan) },
    { label: unitLabel, value: clean(r.unit) },
  ].filter((d) => d.value);
  const bodyRuns = fillPlaceholderRuns(t.body, values);
  const signerNip = clean(t.signer.nip);
  const signerDigits = signerNip.replace(/\s+/g, '');
  const transcript = page.transcript?.length
    ? {
      title: 'TRANSKRIP',
      heading: [
        { label: 'Nomor', value: clean(page.number) },
        { label: 'Nama', value: clean(r.name) },
        ...(values.nip ? [{ label: 'NIP', value: values.nip }] : []),
        { label: 'Kegiatan', value: clean(page.event.title) },
        { label: 'Tanggal', value: values.tanggal ?? '' },
      ],
      rows: page.transcript.map((line, i) => ({ no: String(i + 1), topic: clean(line.topic), jp: formatDecimal(line.jp) })),
      totalLabel: 'Jumlah',
      total: formatDecimal(page.transcript.reduce((a, line) => a + line.jp, 0)),
      footer: `Transkrip ini merupakan bagian yang tidak terpisahkan dari Sertifikat Nomor ${clean(page.number)}.`,
    }
    : null;
  return {
    letterhead: page.office.letterhead.map(clean).filter(Boolean),
    title: fillPlaceholders(t.title, values),
    subtitle: fillPlaceholders(t.subtitle, values),
    opening: fillPlaceholders(t.opening, values),
    name: clean(r.name),
    details,
    body: bodyRuns.map((run) => run.text).join(''),
    bodyRuns,
    closing: fillPlaceholders(t.closing, values),
    issued: [clean(page.issuedPlace), certificateDate(page.issuedDate)].filter(Boolean).join(', '),
    signer: {
      title: clean(t.signer.title),
      name: clean(t.signer.name),
      rank: clean(t.signer.rank),
      nip: signerNip ? `NIP. ${/^\d{18}$/.test(signerDigits) ? formatNip(signerDigits) : signerNip}` : '',
    },
    electronic: t.signatureMode === 'elektronik' ? electronicSignatureLine(page.office.name) : null,
    verify: VERIFY_LINE,
    transcript,
  };
}
