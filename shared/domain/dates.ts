// Dates the Indonesian way: "25 November 2026". Calendar dates are stored as YYYY-MM-DD and
// instants as UTC; an instant is shown in the office's time zone.

export type Language = 'id' | 'en';

const LOCALE: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export function formatDate(isoDate: string, lang: Language = 'id'): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** A calendar date as digits, day first: "25-11-2026" (the form of SIASN's sheets and the command line). */
export function dayMonthYear(isoDate: string): string {
  return `${isoDate.slice(8, 10)}-${isoDate.slice(5, 7)}-${isoDate.slice(0, 4)}`;
}

export function formatInstant(instant: string, timeZone: string, lang: Language = 'id'): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const day = new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
  const time = new Intl.DateTimeFormat(LOCALE[lang], { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(date);
  return `${day} ${time.replace('.', ':')}`;
}

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function dateInZone(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(instant);
}
