// Indonesian names with academic and religious titles: "Drs. H. Ahmad Fauzi, M.Si.".
// Front titles come before the name, degrees after it (usually after a comma). Certificates print
// the whole display name, while search and sorting use the bare name, so the parts are kept apart.
//
// The rule that matters most: never take part of a real name for a title. Only tokens that are
// plainly titles are taken; a lone initial ("M. Hadi", "Budi S.") stays part of the name.

export interface NameParts {
  front: string;
  name: string;
  back: string;
}

/**
 * Front titles, matched without regard to case and kept as written ("dr." is a physician,
 * "Dr." a doctorate; both are front titles). Dotless forms are accepted only for those no name
 * is spelled like ("Drs Ahmad"), which rules out "H" (an initial as often as Haji).
 */
export const FRONT_TITLES = [
  'Prof.', // professor
  'Dr.', // doctorate
  'dr.', // physician
  'drg.', // dentist
  'drh.', // veterinarian
  'Drs.', // doktorandus (old first degree, men)
  'Dra.', // doktoranda (women)
  'Ir.', // insinyur (engineer)
  'Ns.', // nurse (profession)
  'apt.', // pharmacist (profession)
  'H.', // haji
  'Hj.', // hajjah
  'K.H.', // kiai haji
  'KH.',
] as const;

const DOTLESS_FRONT = new Set(['prof', 'dr', 'drg', 'drh', 'drs', 'dra', 'ir', 'hj', 'kh']);
const FRONT = new Set(FRONT_TITLES.map((t) => t.toLowerCase()));

/**
 * Degrees recognised by name, compared without dots and case: written with dots they are taken
 * at the end of a name ("Ph.D.", "Lc."), and after a comma also without ("AHMAD, SE, MM").
 * S. and M. degrees made of DEGREE_FIELDS need not be listed.
 */
export const KNOWN_DEGREES = [
  'A.Ma.', 'A.Md.', 'A.P.', 'Ak.', 'Apt.', 'B.A.', 'B.Sc.', 'CA', 'Lc.', 'MBA', 'Ners', 'Ph.D.',
  'S.Ag.', 'S.AN.', 'S.AP.', 'S.E.', 'S.Farm.', 'S.H.', 'S.H.I.', 'S.Hum.', 'S.IP.', 'S.Kep.', 'S.Ked.',
  'S.KM.', 'S.Kom.', 'S.P.', 'S.Pd.', 'S.Pd.I.', 'S.Psi.', 'S.S.', 'S.Si.', 'S.Sos.', 'S.ST.', 'S.STP.',
  'S.T.', 'S.Tr.', 'M.A.', 'M.Ag.', 'M.AP.', 'M.Ak.', 'M.E.', 'M.H.', 'M.Hum.', 'M.Kes.', 'M.Kom.',
  'M.M.', 'M.P.', 'M.Pd.', 'M.Psi.', 'M.Sc.', 'M.Si.', 'M.T.',
] as const;

const KNOWN = new Set(KNOWN_DEGREES.map(squash));
// Diploma levels some rosters put where the degree goes: D3, D-III, D.IV, DIII…
const DIPLOMA = /^D[-.]?(?:[1-4]|I{1,3}|IV)$/i;
// Field abbreviations that follow S. (sarjana) and M. (magister): S.Kom, S.Pd.I, M.Kes, S.Tr.Kes.
// A list rather than "any letters", so a glued initial and name ("M.Hadi") is never a degree.
export const DEGREE_FIELDS = [
  'A', 'Ag', 'Ak', 'AN', 'AP', 'Ars', 'Ds', 'E', 'Eng', 'Farm', 'Fil', 'Gz', 'H', 'Han', 'Hum', 'Hut',
  'I', 'IP', 'Keb', 'Ked', 'Kep', 'Kes', 'Kesos', 'KM', 'Kn', 'Kom', 'Ling', 'M', 'Mat', 'P', 'Pd',
  'Pi', 'Psi', 'Pt', 'PWK', 'S', 'Sc', 'Si', 'Sn', 'Sos', 'ST', 'STP', 'Stat', 'Sy', 'T', 'Th', 'Tr',
] as const;
const FIELDS = new Set(DEGREE_FIELDS.map((f) => f.toLowerCase()));
// Specialist (Sp.PD, Sp.OG) and ahli madya/muda (A.Md., A.Md.Kep., A.Ma.Pd.) degrees with any field.
const OTHER_DEGREE = /^(?:Sp\.[a-z]{1,4}\.?|A\.M[ad]\.?(?:[a-z]{1,5}\.?){0,2})$/i;
// Any dotted abbreviation; after a comma that is a title ("S.Hut.", "M.Ec.Dev."), elsewhere it is
// too often initials ("A.R.").
const ANY_DOTTED = /^(?:[a-z]{1,5}\.){1,4}[a-z]{0,5}$/i;

export function splitTitles(raw: string): NameParts {
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').replace(/^[\s,]+|[\s,]+$/g, '');
  // Most names carry no title at all: without a dot or a comma only a dotless front title
  // ("Drs Ahmad") could be one, so anything else is the bare name.
  if (!text.includes('.') && !text.includes(',') && !DOTLESS_FRONT.has(text.slice(0, text.indexOf(' ') >>> 0).toLowerCase())) {
    return { front: '', name: text, back: '' };
  }

  // Everything after the first comma is titles when every piece of it is one; otherwise the
  // comma belongs to the name and nothing after it is taken.
  let head = text;
  let tail = '';
  const comma = text.indexOf(',');
  if (comma >= 0) {
    const pieces = text.slice(comma + 1).split(/[,\s]+/).filter(Boolean);
    if (pieces.length > 0 && pieces.every(isBackTitleAfterComma)) {
      head = text.slice(0, comma).trim();
      tail = text.slice(comma + 1).trim();
    }
  }

  const tokens = head.split(' ').flatMap(splitGluedFront).filter(Boolean);
  let start = 0;
  while (start < tokens.length - 1 && isFrontTitle(tokens[start]!)) start++;
  let end = tokens.length;
  while (end > start + 1 && isBackTitle(tokens[end - 1]!)) end--;

  const trailing = tokens.slice(end).join(' ');
  return {
    front: tokens.slice(0, start).join(' '),
    name: tokens.slice(start, end).join(' '),
    back: [trailing, tail].filter(Boolean).join(', '),
  };
}

/** "Drs. H. Ahmad Fauzi, M.Si.": front titles, the name, then a comma and the degrees. */
export function displayName(parts: NameParts): string {
  const front = parts.front.trim();
  const name = parts.name.trim();
  const back = parts.back.trim();
  return `${front ? `${front} ` : ''}${name}${back ? `, ${back}` : ''}`;
}

function isFrontTitle(token: string): boolean {
  const lower = token.toLowerCase();
  return FRONT.has(lower) || DOTLESS_FRONT.has(lower);
}

function isBackTitle(token: string): boolean {
  const bare = token.replace(/,$/, '');
  if (!bare.includes('.')) return false;
  return isSarjanaOrMagister(bare) || OTHER_DEGREE.test(bare) || KNOWN.has(squash(bare));
}

/** S. or M. followed only by known field abbreviations: "S.Kom", "S.Pd.I", "M.Si.". */
function isSarjanaOrMagister(token: string): boolean {
  const [level, ...fields] = token.replace(/\.$/, '').split('.');
  return /^[sm]$/i.test(level ?? '') && fields.length > 0 && fields.every((f) => FIELDS.has(f.toLowerCase()));
}

function isBackTitleAfterComma(piece: string): boolean {
  return isBackTitle(piece) || ANY_DOTTED.test(piece) || KNOWN.has(squash(piece)) || DIPLOMA.test(piece);
}

/** "Dr.Siti" → ["Dr.", "Siti"]: a dotted front title typed without its space. */
function splitGluedFront(token: string): string[] {
  const dot = token.indexOf('.');
  if (dot < 0 || dot === token.length - 1) return [token];
  const first = token.slice(0, dot + 1);
  return FRONT.has(first.toLowerCase()) ? [first, ...splitGluedFront(token.slice(dot + 1))] : [token];
}

function squash(title: string): string {
  return title.replace(/\./g, '').toLowerCase();
}
