import { TIMEZONE_LABEL, type Timezone } from '../../../shared/domain/timezone.ts';
import { dateInZone, formatDate } from '../../../shared/domain/dates.ts';
import type { Db } from '../db/open.ts';
import { getOffice, getOfficeLogo } from '../db/repos/office.ts';

/** What every printed document takes from the office: letterhead, zone, default signer. */
export interface OfficeForDocuments {
  name: string;
  address: string;
  logoDataUrl: string | null;
  timezone: Timezone;
  zoneLabel: string;
  /** The kecamatan's name, written before the date of issue ("Plaju, 25 November 2026"). */
  place: string;
  signer: { name: string; nip: string; title: string };
}

export function officeForDocuments(db: Db): OfficeForDocuments {
  const office = getOffice(db);
  const logo = getOfficeLogo(db);
  const timezone = office?.timezone ?? 'Asia/Jakarta';
  return {
    name: office?.name ?? 'Bangkom',
    address: office?.address ?? '',
    logoDataUrl: logo ? `data:${logo.mime};base64,${logo.data.toString('base64')}` : null,
    timezone,
    zoneLabel: TIMEZONE_LABEL[timezone],
    place: office?.districtName ?? '',
    signer: office?.signer ?? { name: '', nip: '', title: '' },
  };
}

/** "Rabu, 25 November 2026" */
export function dayDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** "25 November 2026" for today in the office's zone. */
export function todayLong(now: Date, timezone: string): string {
  return formatDate(dateInZone(now, timezone));
}

/** "08.00–12.00 WIB", the Indonesian way of writing times. */
export function timeRange(start: string, end: string, zoneLabel: string): string {
  return `${start.replace(':', '.')}–${end.replace(':', '.')} ${zoneLabel}`;
}

export function pdfFile(fileName: string, data: Buffer) {
  return { fileName, mimeType: 'application/pdf', dataBase64: data.toString('base64') };
}

/** A name safe for a file on Windows: letters, digits and dashes. */
export function fileSlug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'dokumen';
}
