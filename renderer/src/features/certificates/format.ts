import type { TFunction } from 'i18next';
import type { CertificateRow } from '../../../../shared/contract/certificates.ts';
import { formatDate, type Language } from '../../../../shared/domain/dates.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';

// Words of the certificate screens: the contract's codes as people read them.

/** "Peserta", "Narasumber", "Panitia". */
export function roleWord(t: TFunction, role: string): string {
  return t(`certificatesUi.roles.${role}`, { defaultValue: role });
}

/**
 * Why someone gets no certificate (yet), or was skipped at issue: `certificates.why.*`
 * ("kehadiran kurang"); an unknown code is shown as it came.
 */
export function whyText(t: TFunction, reason: string): string {
  return t(`certificates.why.${reason}`, { defaultValue: reason });
}

/** "19850312 201001 2 003", or a dash for someone without a NIP. */
export function nipText(nip: string | null | undefined): string {
  return nip ? formatNip(nip) : '—';
}

/** A date of the contract (YYYY-MM-DD) in words, or a dash. */
export function dateText(iso: string | null | undefined, lang: Language): string {
  return iso ? formatDate(iso, lang) : '—';
}

/** The status of a certificate as a badge's class and word: Sah, Dicabut. */
export function statusBadge(t: TFunction, row: Pick<CertificateRow, 'status'>): { className: string; text: string } {
  return row.status === 'sah'
    ? { className: 'badge badge-ok', text: t('certificatesUi.status.sah') }
    : { className: 'badge badge-revoked', text: t('certificatesUi.status.dicabut') };
}

/** The digits of a typed NIP ("19850312 201001 2 003" → 18 digits); anything else as typed. */
export function nipDigits(text: string): string {
  const digits = text.replace(/[\s.-]/g, '');
  return /^\d+$/.test(digits) ? digits : text.trim();
}
