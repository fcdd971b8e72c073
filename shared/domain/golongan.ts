// Golongan (rank group) and pangkat of ASN. See DOMAIN.md, "Golongan and pangkat".
//   PNS:  17 golongan/ruang I/a … IV/e, each with a pangkat name; stored as the SIASN code
//         ('31' for III/a) because that is what the city's systems exchange.
//   PPPK: golongan I … XVII, no ruang letter and no pangkat. SIASN's codes for these are not
//         confirmed, so they are stored as 'PPPK-' + the roman numeral ('PPPK-IX'): readable,
//         and it can never collide with a PNS code.
// Rosters write golongan in many ways ("III/a", "3-A", "Penata Muda (III/a)", "Gol. IX");
// normalizeGolongan reads them all and rejects anything it cannot read with certainty.

import type { NipKind } from './nip.ts';

export interface Golongan {
  kind: NipKind;
  code: string;
  label: string;
  pangkat: string | null;
}

const PNS_ROWS: [code: string, label: string, pangkat: string][] = [
  ['11', 'I/a', 'Juru Muda'],
  ['12', 'I/b', 'Juru Muda Tingkat I'],
  ['13', 'I/c', 'Juru'],
  ['14', 'I/d', 'Juru Tingkat I'],
  ['21', 'II/a', 'Pengatur Muda'],
  ['22', 'II/b', 'Pengatur Muda Tingkat I'],
  ['23', 'II/c', 'Pengatur'],
  ['24', 'II/d', 'Pengatur Tingkat I'],
  ['31', 'III/a', 'Penata Muda'],
  ['32', 'III/b', 'Penata Muda Tingkat I'],
  ['33', 'III/c', 'Penata'],
  ['34', 'III/d', 'Penata Tingkat I'],
  ['41', 'IV/a', 'Pembina'],
  ['42', 'IV/b', 'Pembina Tingkat I'],
  ['43', 'IV/c', 'Pembina Utama Muda'],
  ['44', 'IV/d', 'Pembina Utama Madya'],
  ['45', 'IV/e', 'Pembina Utama'],
];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'];

export const PNS_GOLONGAN: readonly Golongan[] = PNS_ROWS.map(([code, label, pangkat]) => ({ kind: 'pns', code, label, pangkat }));
export const PPPK_GOLONGAN: readonly Golongan[] = ROMAN.map((label) => ({ kind: 'pppk', code: `PPPK-${label}`, label, pangkat: null }));

const BY_CODE = new Map([...PNS_GOLONGAN, ...PPPK_GOLONGAN].map((g) => [g.code, g]));

/** The golongan stored under a code, or undefined. */
export function golonganByCode(code: string): Golongan | undefined {
  return BY_CODE.get(code);
}

/** "Penata Muda (III/a)" for PNS, "IX" for PPPK: how certificates and lists print it. */
export function formatGolongan(code: string): string {
  const g = BY_CODE.get(code);
  if (!g) return code;
  return g.pangkat ? `${g.pangkat} (${g.label})` : g.label;
}

export type GolonganError =
  | 'golongan.unknown'
  // A pangkat name and a golongan that disagree ("Penata (III/a)"): either could be the typo.
  | 'golongan.mismatch'
  // A PNS golongan for a PPPK employee or the reverse.
  | 'golongan.wrong_kind';

export type GolonganResult =
  | { ok: true; code: string; label: string; pangkat: string | null }
  | { ok: false; error: GolonganError };

// Longest names first so "Pembina Utama Muda" is not read as "Pembina Utama". "Tingkat I" is
// written "Tk. I", "Tk.I", "TK I" as well.
const PANGKAT_PATTERNS = [...PNS_GOLONGAN]
  .sort((a, b) => b.pangkat!.length - a.pangkat!.length)
  .map((g) => ({
    code: g.code,
    pattern: new RegExp(`\\b${g.pangkat!.toUpperCase().replace(' TINGKAT I', ' (?:TINGKAT|TKT?\\.?) ?[I1]').replace(/ /g, '\\s*')}\\b`),
  }));

const ROMAN_GROUP: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
// Group as roman or arabic numeral, an optional separator, then the ruang letter.
const PNS_LABEL = /^(IV|III|II|I|[1-4])\s*[/\-.\s\u2010-\u2015]?\s*([A-E])$/;
const PREFIX = /^(?:GOLONGAN|GOL)\b\.?\s*(?:[/.]?\s*RUANG\b\.?)?\s*:?\s*/;
const EDGE_PUNCTUATION = /^[\s,;:/()[\]\-\u2010-\u2015.]+|[\s,;:/()[\]\-\u2010-\u2015.]+$/g;

/**
 * Reads a golongan written any common way. `kind` (from the NIP or the employment-type column)
 * settles bare numbers: "9" is PPPK IX only when kind is 'pppk'; "31" is the SIASN code of
 * III/a unless kind is 'pppk'. Without kind, a bare roman numeral is PPPK, since a PNS
 * golongan always has its ruang letter.
 */
export function normalizeGolongan(raw: string, kind?: NipKind): GolonganResult {
  let text = raw.normalize('NFKC').toUpperCase().replace(/\s+/g, ' ').trim();

  let fromPangkat: string | undefined;
  for (const { code, pattern } of PANGKAT_PATTERNS) {
    if (pattern.test(text)) {
      fromPangkat = code;
      text = text.replace(pattern, ' ');
      break;
    }
  }
  text = text.replace(EDGE_PUNCTUATION, '').replace(PREFIX, '').replace(EDGE_PUNCTUATION, '');

  const fromLabel = text === '' ? undefined : readLabel(text, kind);
  if (fromLabel === null) return { ok: false, error: 'golongan.unknown' };

  const code = fromLabel ?? fromPangkat;
  if (code === undefined) return { ok: false, error: 'golongan.unknown' };
  if (fromPangkat !== undefined && fromLabel !== undefined && fromPangkat !== fromLabel) {
    return { ok: false, error: 'golongan.mismatch' };
  }
  const g = BY_CODE.get(code)!;
  if (kind !== undefined && g.kind !== kind) return { ok: false, error: 'golongan.wrong_kind' };
  return { ok: true, code: g.code, label: g.label, pangkat: g.pangkat };
}

/** The code a bare golongan text stands for, or null when it is not one. */
function readLabel(text: string, kind: NipKind | undefined): string | null {
  const pns = PNS_LABEL.exec(text);
  if (pns) {
    const group = ROMAN_GROUP[pns[1]!] ?? Number(pns[1]);
    const code = `${group}${'ABCDE'.indexOf(pns[2]!) + 1}`;
    return BY_CODE.has(code) ? code : null; // I/e … III/e do not exist
  }
  const roman = ROMAN.indexOf(text);
  if (roman >= 0) {
    // "I" … "IV" alone could be a PNS group written without its ruang; "V" and up are PPPK only.
    return kind === 'pns' && roman < 4 ? null : `PPPK-${text}`;
  }
  if (/^\d{1,2}$/.test(text)) {
    const n = Number(text);
    if (kind === 'pppk') return n >= 1 && n <= 17 ? `PPPK-${ROMAN[n - 1]}` : null;
    return BY_CODE.get(text)?.kind === 'pns' ? text : null;
  }
  return null;
}
