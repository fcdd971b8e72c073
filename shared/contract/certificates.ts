import { z } from 'zod';
import { method } from './define.ts';
import { empty, enteredDate, exportedFile, id, instant, isoDate, jobStarted, keyedMessage, optionalText, text } from './common.ts';
import { CERTIFICATE_ROLES, DECODE_STAGES } from '../certificates/types.ts';
import { certificateTemplate } from '../certificates/template.ts';
import { numberPatternProblem } from '../certificates/numbering.ts';

/**
 * Certificates: designed once per role (templates), numbered by the office's pattern, issued
 * from an event in one go and frozen at issue (the PDF bytes and their SHA-256 are stored),
 * signed with the office's Ed25519 key in a QR code that any office verifies offline against
 * its trust list. Formats: docs/certificate-code.md.
 */
export const certificateRole = z.enum(CERTIFICATE_ROLES);
export const CERTIFICATE_STATUSES = ['sah', 'dicabut'] as const;

const numberPattern = z.string().trim().max(80, 'validation.too_long').superRefine((value, ctx) => {
  const problem = numberPatternProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: keyedMessage(problem.code, problem.params) });
});

const reason = text(500);

export const officeKey = z.object({
  kid: z.string(),
  /** SHA-256 of the public key, in groups of four hex digits: what the city compares. */
  fingerprint: z.string(),
  status: z.enum(['active', 'retired']),
  createdAt: instant,
  retiredAt: instant.nullable(),
});

export const certificateSettings = z.object({
  numberPattern: z.string(),
  /** The number the next certificate of this year would get (nothing is reserved by reading it). */
  nextNumber: z.string(),
  templates: z.record(certificateRole, certificateTemplate),
  images: z.object({ signature: z.boolean(), stamp: z.boolean() }),
  keys: z.array(officeKey),
});
export type CertificateSettings = z.infer<typeof certificateSettings>;

/** A certificate as listed: what was printed on it, and where it stands. */
export const certificateRow = z.object({
  id: z.string(),
  number: z.string(),
  role: certificateRole,
  eventId: z.string(),
  eventName: z.string(),
  employeeId: z.string().nullable(),
  nip: z.string(),
  name: z.string(),
  jp: z.number(),
  issuedOn: isoDate,
  issuedAt: instant,
  status: z.enum(CERTIFICATE_STATUSES),
  revokedOn: isoDate.nullable(),
  revokeReason: z.string().nullable(),
  replacedById: z.string().nullable(),
  replacedByNumber: z.string().nullable(),
  replacesNumber: z.string().nullable(),
  /** Issued to a participant who did not meet the completion rule, by an admin, with this reason. */
  includedReason: z.string().nullable(),
  /** SHA-256 of the certificate's own PDF, recorded when it is first printed or downloaded. */
  pdfSha256: z.string().nullable(),
  /** SHA-256 of the frozen document of its issue (every certificate issued with it, in one PDF). */
  documentSha256: z.string(),
});
export type CertificateRow = z.infer<typeof certificateRow>;

export const certificateDetail = certificateRow.extend({ code: z.string(), kid: z.string(), pages: z.number().int() });

/** Why a participant gets no certificate (yet): message keys under certificates.why.* */
export const notEligibleReason = z.enum(['event_not_done', 'incomplete', 'withdrawn', 'no_sessions', 'post_test']);

export const candidate = z.object({
  /** peserta: the enrolment; narasumber: `speaker:<index>`; panitia: the employee. */
  key: z.string(),
  employeeId: z.string().nullable(),
  nip: z.string(),
  name: z.string(),
  detail: z.string(),
  eligible: z.boolean(),
  reasons: z.array(notEligibleReason),
  /** The live certificate of this role for this person at this event, if any. */
  certificate: z.object({ id: z.string(), number: z.string() }).nullable(),
});
export type Candidate = z.infer<typeof candidate>;

export const candidates = z.object({
  eventId: z.string(),
  eventName: z.string(),
  eventDone: z.boolean(),
  jp: z.number(),
  peserta: z.array(candidate),
  narasumber: z.array(candidate),
  panitia: z.array(candidate),
});

const externalRecipient = z.object({
  name: text(160),
  nip: z.string().trim().regex(/^(\d{18})?$/, 'validation.nip_digits').default(''),
  jabatan: optionalText(160),
  unit: optionalText(160),
});

const issueInput = z.object({
  eventId: id,
  role: certificateRole,
  /** peserta: participants who did not meet the rule, each with the admin's reason. */
  include: z.array(z.object({ enrolmentId: id, reason })).max(1000).default([]),
  /** panitia (and narasumber without a list on the event): employees from the roster… */
  employeeIds: z.array(id).max(500).default([]),
  /** …or people from outside it. */
  others: z.array(externalRecipient).max(200).default([]),
  /** What these certificates call the role ({peran}): "Moderator", "Sekretaris"; empty: Panitia/Narasumber. */
  roleLabel: optionalText(40),
  /** Defaults: today in the office's time zone, and the office's district name. */
  issuedOn: enteredDate.optional(),
  issuedPlace: optionalText(80),
});

export const issueResult = z.object({
  issued: z.array(z.object({ id: z.string(), number: z.string(), nip: z.string(), name: z.string() })),
  skipped: z.array(z.object({ nip: z.string(), name: z.string(), reason: z.string() })),
});

export const verifyResult = z.object({
  status: z.enum(['valid', 'revoked', 'tampered', 'unknown_issuer', 'malformed']),
  stage: z.enum(DECODE_STAGES).optional(),
  certificate: z.record(z.string(), z.unknown()).optional(),
  issuer: z.object({ code: z.string(), name: z.string() }).optional(),
  revocation: z.record(z.string(), z.unknown()).optional(),
  /** This office's own certificate with this number, to open its page. */
  localId: z.string().nullable().optional(),
  /** Reading a file: where the code came from, or why none was found. */
  read: z.object({ ok: z.boolean(), reason: z.string().optional(), page: z.number().optional() }).optional(),
});
export type VerifyOutput = z.infer<typeof verifyResult>;

export const inspectResult = z.object({
  stage: z.enum(['ok', ...DECODE_STAGES]),
  prefix: z.string().nullable(),
  alg: z.number().nullable(),
  kid: z.string().nullable(),
  claims: z.unknown(),
  message: z.string().optional(),
  /** A Bangkom code's claims, read but not trusted. */
  certificate: z.record(z.string(), z.unknown()).optional(),
});

const uploaded = z.object({ fileName: z.string().max(260), dataBase64: z.string().max(28 * 1024 * 1024, 'validation.file_too_large') });

export const trustOfficeRow = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['kecamatan', 'kota']),
  own: z.boolean(),
  keys: z.array(officeKey),
  revocations: z.number().int(),
});

export const trustImportPreview = z.object({
  kind: z.enum(['office', 'combined']),
  signer: z.object({ office: z.string(), name: z.string(), fingerprint: z.string() }),
  /** The signer's key is new here: a person compares the fingerprint before importing. */
  needsConfirmation: z.boolean(),
  createdAt: instant,
  /** `refused`: an office already trusted here that only it (or whoever first vouched for it) may update. */
  offices: z.array(z.object({ code: z.string(), name: z.string(), newKeys: z.number().int(), retiredKeys: z.number().int(), refused: z.boolean() })),
  newRevocations: z.number().int(),
  applied: z.boolean(),
});

export const certificateMethods = {
  'certificates.settings': method({ access: 'user', input: empty, output: certificateSettings }),
  'certificates.updateSettings': method({
    access: 'admin',
    input: z.object({ numberPattern: numberPattern.optional(), template: certificateTemplate.optional() }),
    output: certificateSettings,
  }),
  'certificates.setImage': method({
    access: 'admin',
    input: z.object({ kind: z.enum(['signature', 'stamp']), mimeType: z.enum(['image/png', 'image/jpeg'], { error: 'validation.image_type' }), dataBase64: z.string().max(1024 * 1024 * 4 / 3 + 8, 'validation.image_too_large') }),
    output: certificateSettings,
  }),
  'certificates.removeImage': method({ access: 'admin', input: z.object({ kind: z.enum(['signature', 'stamp']) }), output: certificateSettings }),
  /** The real PDF of a sample recipient with this template (unsaved edits included). */
  'certificates.preview': method({ access: 'user', input: z.object({ template: certificateTemplate }), output: exportedFile }),

  'certificates.candidates': method({ access: 'user', input: z.object({ eventId: id }), output: candidates }),
  'certificates.issue': method({ access: 'user', input: issueInput, output: issueResult }),
  'certificates.list': method({
    access: 'user',
    input: z.object({ eventId: id.optional(), employeeId: id.optional(), query: z.string().trim().max(100).default(''), year: z.number().int().min(2000).max(2100).optional() }),
    output: z.array(certificateRow),
  }),
  'certificates.get': method({ access: 'user', input: z.object({ id }), output: certificateDetail }),
  /** A correction: a new certificate with a new number; the old one is revoked with the reason. */
  'certificates.replace': method({
    access: 'admin',
    input: z.object({ id, reason, name: text(160).optional(), nip: z.string().trim().regex(/^(\d{18})?$/, 'validation.nip_digits').optional(), jabatan: optionalText(160).optional(), unit: optionalText(160).optional() }),
    output: certificateRow,
  }),
  'certificates.revoke': method({ access: 'admin', input: z.object({ id, reason }), output: certificateRow }),
  /** Numbers used outside Bangkom (a paper register): the sequence jumps, the gap is recorded. */
  'certificates.skipNumbers': method({
    access: 'admin',
    input: z.object({ year: z.number().int().min(2000).max(2100), next: z.number().int().min(2).max(99999), reason }),
    output: certificateSettings,
  }),
  'certificates.register': method({
    access: 'user',
    input: z.object({ year: z.number().int().min(2000).max(2100) }),
    output: z.array(z.object({ seq: z.number().int(), number: z.string(), state: z.enum(['sah', 'dicabut', 'lewat']), detail: z.string() })),
  }),

  /** The frozen PDFs: one file for the printer, or a zip of `NIP - Nama.pdf`; a job with progress. */
  'certificates.print': method({
    access: 'user',
    input: z.object({ eventId: id.optional(), ids: z.array(id).max(5000).optional(), format: z.enum(['pdf', 'zip']) }),
    output: jobStarted,
  }),
  /** A finished print job's file. */
  'certificates.printed': method({ access: 'user', input: z.object({ jobId: z.string() }), output: exportedFile }),
  'certificates.pdf': method({ access: 'user', input: z.object({ id }), output: exportedFile }),

  'certificates.verify': method({ access: 'user', input: z.object({ text: z.string().max(8000) }), output: verifyResult }),
  'certificates.verifyFile': method({ access: 'user', input: uploaded, output: verifyResult }),
  /** The code in a certificate's image or PDF, untrusted (for inspect). */
  'certificates.readFile': method({ access: 'user', input: uploaded, output: z.object({ ok: z.boolean(), text: z.string().optional(), reason: z.string().optional(), page: z.number().optional() }) }),
  'certificates.inspect': method({ access: 'user', input: z.object({ text: z.string().max(8000) }), output: inspectResult }),
  /** One self-contained HTML page that verifies codes in any browser, with the trust list inside. */
  'certificates.verifier': method({ access: 'user', input: empty, output: exportedFile }),

  'trust.list': method({ access: 'user', input: empty, output: z.array(trustOfficeRow) }),
  /** This office's signed trust-and-revocation file (a city office: the combined list of its kecamatan). */
  'trust.export': method({ access: 'user', input: empty, output: exportedFile }),
  /** Without `confirm`: what it would add (a dry run). A signer key seen for the first time is confirmed by its fingerprint. */
  'trust.import': method({ access: 'admin', input: uploaded.extend({ confirm: z.boolean().default(false) }), output: trustImportPreview }),
  /** A new active key; the old one is retired and still verifies what it signed. */
  'trust.rotateKey': method({ access: 'admin', input: z.object({ reason }), output: z.array(officeKey) }),
};
