/**
 * Certificate templates: one per role, with texts the office edits (placeholders in braces, e.g.
 * "{nama}") and a choice among a few well-made layouts, never a free canvas. The printed page is
 * a frozen snapshot of a template and the facts (page.ts); the PDF is drawn from that snapshot
 * (electron/backend/pdf/certificate-pdf.ts).
 */
import { z } from 'zod';
import { keyedMessage } from '../contract/common.ts';
import { formatDate } from '../domain/dates.ts';
import { CERTIFICATE_ROLES, type CertificateRole } from './types.ts';

/**
 * The layouts:
 * - `resmi`: the formal one: the office letterhead (kop) with the logo, a double border, all centred;
 * - `bingkai`: a decorative frame (an ornamental band with corner pieces), the logo centred on top;
 * - `ringkas`: compact: a thin border with a coloured edge, the letterhead small beside the logo
 *   and the number at the top right, smaller type (room for long texts).
 */
export const CERTIFICATE_VARIANTS = ['resmi', 'bingkai', 'ringkas'] as const;
export type CertificateVariant = (typeof CERTIFICATE_VARIANTS)[number];

/**
 * `basah`: a wet signature: space above the signer's name to sign by hand (or the scanned
 * signature image). `elektronik`: the words "Ditandatangani secara elektronik oleh sistem
 * Bangkom {kantor}" instead; this is never a BSrE electronic signature and does not say so.
 */
export const SIGNATURE_MODES = ['basah', 'elektronik'] as const;
export type SignatureMode = (typeof SIGNATURE_MODES)[number];

export interface PlaceholderInfo {
  /** Written in a text as `{name}`. */
  name: string;
  /** What it prints (Indonesian). */
  id: string;
  /** What it prints (English). */
  en: string;
  example: string;
}

/** What a template's texts may say in braces, and what each prints. */
export const CERTIFICATE_PLACEHOLDERS = [
  { name: 'nama', id: 'Nama penerima beserta gelar', en: 'Recipient’s name with academic titles', example: 'Ni Luh Ayu Sri Wahyuni, S.Sos.' },
  { name: 'nip', id: 'NIP penerima (kosong bila tidak ada)', en: 'Recipient’s NIP (empty if none)', example: '19850312 201001 2 003' },
  { name: 'pangkat', id: 'Pangkat/golongan penerima', en: 'Recipient’s rank and grade', example: 'Penata Muda Tk. I (III/b)' },
  { name: 'jabatan', id: 'Jabatan penerima', en: 'Recipient’s position', example: 'Analis Kebijakan' },
  { name: 'unit', id: 'Unit kerja atau instansi penerima', en: 'Recipient’s unit or institution', example: 'Kelurahan Plaju Ulu' },
  { name: 'kegiatan', id: 'Nama kegiatan (dicetak tebal)', en: 'Event title (printed in bold)', example: 'Bimbingan Teknis Administrasi Kependudukan' },
  { name: 'tanggal', id: 'Tanggal kegiatan', en: 'Event dates', example: '1 s.d. 3 Desember 2026' },
  { name: 'tempat', id: 'Tempat kegiatan', en: 'Event venue', example: 'Aula Kantor Camat Plaju' },
  { name: 'jp', id: 'Jumlah jam pelajaran dengan angka dan huruf', en: 'Learning hours (JP) in figures and words', example: '20 (dua puluh)' },
  { name: 'peran', id: 'Peran penerima', en: 'Recipient’s role', example: 'Narasumber' },
  { name: 'nomor', id: 'Nomor sertifikat', en: 'Certificate number', example: '800.2.4/017/KEC-PLJ/2026' },
  { name: 'kantor', id: 'Nama kantor penyelenggara', en: 'Issuing office', example: 'Kecamatan Plaju' },
  { name: 'tanggal_terbit', id: 'Tanggal terbit sertifikat', en: 'Date of issue', example: '3 Desember 2026' },
  { name: 'tempat_terbit', id: 'Tempat terbit sertifikat', en: 'Place of issue', example: 'Palembang' },
] as const satisfies readonly PlaceholderInfo[];

export type CertificatePlaceholder = (typeof CERTIFICATE_PLACEHOLDERS)[number]['name'];
export type PlaceholderValues = Partial<Record<CertificatePlaceholder, string>>;

const KNOWN_PLACEHOLDERS: ReadonlySet<string> = new Set(CERTIFICATE_PLACEHOLDERS.map((p) => p.name));
const PLACEHOLDER = /\{([^{}\s]{0,40})\}/g;

/** The `{…}` tokens of a text that are not placeholders, in order, each once: ["{namaa}"]. */
export function unknownPlaceholders(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (!KNOWN_PLACEHOLDERS.has(m[1]!) && !out.includes(m[0])) out.push(m[0]);
  }
  return out;
}

/**
 * A piece of a filled text: `strong` pieces came from an emphasised placeholder ({kegiatan});
 * `keep` pieces are printed on one line when they can be (a date, "20 (dua puluh)", a number).
 */
export interface TextRun {
  text: string;
  strong: boolean;
  keep?: boolean;
}

/** Placeholders printed in bold inside running text. */
export const STRONG_PLACEHOLDERS: ReadonlySet<CertificatePlaceholder> = new Set(['kegiatan']);
/** Placeholders whose value is not broken across lines. */
export const KEEP_PLACEHOLDERS: ReadonlySet<CertificatePlaceholder> = new Set(['nip', 'tanggal', 'jp', 'nomor', 'tanggal_terbit']);

/**
 * A text with its placeholders filled, as runs: emphasised placeholders and those kept on one
 * line are runs of their own. A known placeholder without a value prints nothing; an unknown
 * `{…}` is left as typed. Runs of whitespace become one space (an empty placeholder leaves no gap).
 */
export function fillPlaceholderRuns(text: string, values: PlaceholderValues, strong: ReadonlySet<string> = STRONG_PLACEHOLDERS, keep: ReadonlySet<string> = KEEP_PLACEHOLDERS): TextRun[] {
  if (!text.includes('{')) {
    const plain = text.replace(/\s+/g, ' ').trim();
    return plain ? [{ text: plain, strong: false }] : [];
  }
  const runs: TextRun[] = [];
  const push = (piece: string, isStrong: boolean, isKept: boolean) => {
    if (!piece) return;
    const last = runs.at(-1);
    if (last && last.strong === isStrong && !isKept && !last.keep) last.text += piece;
    else runs.push(isKept ? { text: piece, strong: isStrong, keep: true } : { text: piece, strong: isStrong });
  };
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (!KNOWN_PLACEHOLDERS.has(name)) continue;
    push(text.slice(at, m.index), false, false);
    push(values[name as CertificatePlaceholder] ?? '', strong.has(name), keep.has(name));
    at = m.index + m[0].length;
  }
  push(text.slice(at), false, false);
  // One space between words, none at the ends, across run boundaries too.
  const out: TextRun[] = [];
  let prevSpace = true;
  for (const r of runs) {
    let t = r.text.replace(/\s+/g, ' ');
    if (prevSpace) t = t.replace(/^ /, '');
    if (!t) continue;
    prevSpace = t.endsWith(' ');
    out.push({ ...r, text: t });
  }
  const last = out.at(-1);
  if (last) {
    last.text = last.text.replace(/ $/, '');
    if (!last.text) out.pop();
  }
  return out;
}

/** A text with its placeholders filled (see fillPlaceholderRuns). */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return fillPlaceholderRuns(text, values, new Set(), new Set()).map((r) => r.text).join('');
}

// ── Dates ───────────────────────────────────────────────────────────────────────────────────
const dateCache = new Map<string, string>();

/** "3 Desember 2026" (formatDate's Indonesian form, remembered: a batch prints the same few dates). */
export function certificateDate(isoDate: string): string {
  let s = dateCache.get(isoDate);
  if (s === undefined) {
    s = formatDate(isoDate, 'id');
    if (dateCache.size > 1000) dateCache.clear();
    dateCache.set(isoDate, s);
  }
  return s;
}

/**
 * An event's dates as certificates print them: "3 Desember 2026", "1 s.d. 3 Desember 2026",
 * "28 November s.d. 2 Desember 2026", "30 Desember 2026 s.d. 2 Januari 2027".
 */
export function certificateDateRange(start: string, end: string): string {
  if (!end || end === start) return certificateDate(start);
  if (!start) return certificateDate(end);
  const [from, to] = start < end ? [start, end] : [end, start];
  const a = certificateDate(from);
  const b = certificateDate(to);
  const [day, month] = a.split(' ');
  if (from.slice(0, 7) === to.slice(0, 7)) return `${day} s.d. ${b}`;
  if (from.slice(0, 4) === to.slice(0, 4)) return `${day} ${month} s.d. ${b}`;
  return `${a} s.d. ${b}`;
}

// ── The template ────────────────────────────────────────────────────────────────────────────
/** Text length limits: the longest each layout still prints well (long texts shrink to fit). */
export const TEMPLATE_LIMITS = {
  title: 40,
  subtitle: 120,
  opening: 120,
  body: 600,
  closing: 300,
  signerTitle: 120,
  signerName: 120,
  signerNip: 30,
  signerRank: 80,
} as const;

/** A template text: trimmed, within its limit, and naming only known placeholders. */
function templateText(max: number, required: boolean) {
  const base = z.string().trim().max(max, 'validation.too_long');
  return (required ? base.min(1, 'validation.required') : base).superRefine((value, ctx) => {
    const [token] = unknownPlaceholders(value);
    if (token) ctx.addIssue({ code: 'custom', message: keyedMessage('validation.template_placeholder_unknown', { token }) });
  });
}

const plain = (max: number) => z.string().trim().max(max, 'validation.too_long');

export const certificateSigner = z.object({
  /** The signer's position, printed above the signature: "Camat Plaju". */
  title: plain(TEMPLATE_LIMITS.signerTitle).min(1, 'validation.required'),
  /**
   * With academic titles, printed bold and underlined: "Drs. H. Ahmad Fauzi, M.Si.". Empty
   * prints an empty line to write the name on by hand.
   */
  name: plain(TEMPLATE_LIMITS.signerName).default(''),
  /** Digits only or as written ("19700101 199003 1 001"); empty prints no NIP line. */
  nip: plain(TEMPLATE_LIMITS.signerNip).default(''),
  /** Pangkat/golongan under the name: "Pembina Tk. I (IV/b)"; empty prints no line. */
  rank: plain(TEMPLATE_LIMITS.signerRank).default(''),
});
export type CertificateSigner = z.infer<typeof certificateSigner>;

export const certificateTemplate = z.object({
  role: z.enum(CERTIFICATE_ROLES),
  variant: z.enum(CERTIFICATE_VARIANTS),
  /** Printed large, bold and spaced: "SERTIFIKAT". */
  title: templateText(TEMPLATE_LIMITS.title, true),
  /** Under the title: "Nomor: {nomor}". */
  subtitle: templateText(TEMPLATE_LIMITS.subtitle, false).default(''),
  /** Above the recipient's name: "Diberikan kepada:". */
  opening: templateText(TEMPLATE_LIMITS.opening, false).default(''),
  /** Under the recipient's details: "telah mengikuti {kegiatan} …"; {kegiatan} prints bold. */
  body: templateText(TEMPLATE_LIMITS.body, true),
  /** An optional last paragraph, smaller. */
  closing: templateText(TEMPLATE_LIMITS.closing, false).default(''),
  signer: certificateSigner,
  signatureMode: z.enum(SIGNATURE_MODES).default('basah'),
  /** A back page with the sessions (No, Materi, JP) and their total. */
  showTranscript: z.boolean().default(false),
  /** Print the office's scanned signature image above the signer's name (wet mode only). */
  signatureImage: z.boolean().default(false),
  /** Print the office's stamp image, overlapping the left of the signature. */
  stampImage: z.boolean().default(false),
});
export type CertificateTemplate = z.infer<typeof certificateTemplate>;
export type CertificateTemplateInput = z.input<typeof certificateTemplate>;

/** What the role is called on the certificate ({peran}). */
export const ROLE_LABELS: Record<CertificateRole, string> = { peserta: 'Peserta', narasumber: 'Narasumber', panitia: 'Panitia' };

const DEFAULT_BODY: Record<CertificateRole, string> = {
  peserta: 'telah mengikuti {kegiatan} yang diselenggarakan oleh {kantor} pada tanggal {tanggal} bertempat di {tempat}, dengan jumlah {jp} JP.',
  narasumber: 'sebagai {peran} pada {kegiatan} yang diselenggarakan oleh {kantor} pada tanggal {tanggal} bertempat di {tempat}.',
  panitia: 'sebagai {peran} pada {kegiatan} yang diselenggarakan oleh {kantor} pada tanggal {tanggal} bertempat di {tempat}.',
};

const DEFAULT_CLOSING: Record<CertificateRole, string> = {
  peserta: 'Sertifikat ini diberikan sebagai tanda telah mengikuti kegiatan pengembangan kompetensi.',
  narasumber: 'Atas partisipasi dan kontribusinya disampaikan terima kasih.',
  panitia: 'Atas partisipasi dan kerja samanya disampaikan terima kasih.',
};

/**
 * A good starting template for a role. The signer comes from the office's settings (its camat);
 * until then the position reads "Camat" and the name is left for the office to fill in.
 */
export function defaultTemplate(role: CertificateRole, signer: Partial<CertificateSigner> = {}): CertificateTemplate {
  return {
    role,
    variant: 'resmi',
    title: 'SERTIFIKAT',
    subtitle: 'Nomor: {nomor}',
    opening: 'Diberikan kepada:',
    body: DEFAULT_BODY[role],
    closing: DEFAULT_CLOSING[role],
    signer: { title: signer.title ?? 'Camat', name: signer.name ?? '', nip: signer.nip ?? '', rank: signer.rank ?? '' },
    signatureMode: 'basah',
    showTranscript: false,
    signatureImage: false,
    stampImage: false,
  };
}
