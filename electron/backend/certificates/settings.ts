import { CERTIFICATE_ROLES, type CertificateRole } from '../../../shared/certificates/types.ts';
import { certificateTemplate, defaultTemplate, type CertificateTemplate } from '../../../shared/certificates/template.ts';
import { DEFAULT_NUMBER_PATTERN } from '../../../shared/certificates/numbering.ts';
import type { Db } from '../db/open.ts';
import { getOffice, getOfficeLogo } from '../db/repos/office.ts';
import { getSetting, setSetting } from '../db/repos/settings.ts';
import { certificateImage } from '../db/repos/certificate-images.ts';

const PATTERN_KEY = 'certificates.numberPattern';
const templateKey = (role: CertificateRole) => `certificates.template.${role}`;

export function numberPattern(db: Db): string {
  return getSetting(db, PATTERN_KEY) ?? DEFAULT_NUMBER_PATTERN;
}

export function setNumberPattern(db: Db, pattern: string): void {
  setSetting(db, PATTERN_KEY, pattern);
}

/** The saved template of a role; a stored one that no longer parses falls back to the default. */
export function templateFor(db: Db, role: CertificateRole): CertificateTemplate {
  const raw = getSetting(db, templateKey(role));
  if (raw) {
    try {
      const parsed = certificateTemplate.safeParse(JSON.parse(raw));
      if (parsed.success && parsed.data.role === role) return parsed.data;
    } catch { /* the default below */ }
  }
  // Until the admin saves one, the office's signer (set up with the office) signs.
  const signer = getOffice(db)?.signer;
  return defaultTemplate(role, signer ? { title: signer.title, name: signer.name, nip: signer.nip } : {});
}

export function allTemplates(db: Db): Record<CertificateRole, CertificateTemplate> {
  return Object.fromEntries(CERTIFICATE_ROLES.map((r) => [r, templateFor(db, r)])) as Record<CertificateRole, CertificateTemplate>;
}

export function saveTemplate(db: Db, template: CertificateTemplate): void {
  setSetting(db, templateKey(template.role), JSON.stringify(template));
}

export { certificateImage, setCertificateImage, type ImageKind } from '../db/repos/certificate-images.ts';

/** Logo, scanned signature and stamp, as the renderer embeds them (once per document). */
export function certificateAssets(db: Db): { logo?: Uint8Array; signature?: Uint8Array; stamp?: Uint8Array } {
  const logo = getOfficeLogo(db);
  const signature = certificateImage(db, 'signature');
  const stamp = certificateImage(db, 'stamp');
  return {
    ...(logo ? { logo: new Uint8Array(logo.data) } : {}),
    ...(signature ? { signature: new Uint8Array(signature.data) } : {}),
    ...(stamp ? { stamp: new Uint8Array(stamp.data) } : {}),
  };
}
