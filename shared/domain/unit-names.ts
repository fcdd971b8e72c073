// Unit names as offices write them. The units made at setup carry the Kemendagri names ("Plaju
// Ilir", "Baguskuning") and the office's own ("Sekretariat Kecamatan"); spreadsheets write
// "Kelurahan Plaju Ilir", "Kel. Bagus Kuning", "Sekretariat". Folding a name sets aside case,
// accents, spaces, punctuation and the words offices add or drop, so those spellings meet.
import { foldCase, foldHeader } from './header-matcher.ts';

/**
 * Words an office adds to or drops from a unit's name, folded: "Kelurahan", "Kel.", "Desa",
 * "Ds.", "Kecamatan", "Kec.", "Kantor". Whole words only: "Kelapa" keeps its "kel".
 */
export const UNIT_NAME_EXTRA_WORDS: ReadonlySet<string> = new Set(['kantor', 'kelurahan', 'kel', 'desa', 'ds', 'kecamatan', 'kec']);

/** Case, accents, spaces and punctuation set aside: "Seksi  PEMERINTAHAN." → "seksipemerintahan". */
export const exactUnitKey = foldHeader;

/** The name's words, folded (lower case, no accents, letters and digits only). */
function unitNameWords(name: string): string[] {
  return foldCase(name).split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * The name with case, accents, spaces, punctuation and the extra words set aside:
 * "Kelurahan Plaju Ilir" and "Plaju Ilir" → "plajuilir"; "Kel. Bagus Kuning" and "Baguskuning" →
 * "baguskuning"; "Sekretariat" and "Sekretariat Kecamatan" → "sekretariat". A name made only of
 * such words ("Kantor Kecamatan") keeps them all. Idempotent: the result folds to itself.
 */
export function foldUnitName(name: string): string {
  const words = unitNameWords(name);
  const kept = words.filter((w) => !UNIT_NAME_EXTRA_WORDS.has(w));
  return (kept.length ? kept : words).join('');
}

/** What matching needs of a unit. */
export interface UnitLike {
  id: string;
  name: string;
  code: string | null;
  active: boolean;
}

/** How a file's value found its unit: its name or code as written, or its folded name. */
export type AutoMatchHow = 'name' | 'code' | 'folded';

export type UnitMatch<U extends UnitLike> =
  | { kind: 'match'; unit: U; how: AutoMatchHow }
  /** Several units fit equally well: a person must choose. */
  | { kind: 'ambiguous'; candidates: U[] }
  | { kind: 'none' };

/** Precomputed keys of an office's units, for matching many values against them. */
export interface UnitIndex<U extends UnitLike> {
  units: readonly U[];
  byExact: Map<string, { unit: U; how: 'name' | 'code' }[]>;
  byFolded: Map<string, U[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexUnits<U extends UnitLike>(units: readonly U[]): UnitIndex<U> {
  const byExact = new Map<string, { unit: U; how: 'name' | 'code' }[]>();
  const byFolded = new Map<string, U[]>();
  for (const unit of units) {
    const name = exactUnitKey(unit.name);
    if (name) push(byExact, name, { unit, how: 'name' as const });
    const code = unit.code ? exactUnitKey(unit.code) : '';
    if (code && code !== name) push(byExact, code, { unit, how: 'code' as const });
    const folded = foldUnitName(unit.name);
    if (folded) push(byFolded, folded, unit);
  }
  return { units, byExact, byFolded };
}

/**
 * The unit a file's value names, in this order: an active unit with that name or code; an
 * active unit with that folded name; then the same among deactivated units (a deactivated
 * duplicate never takes a value an active unit fits). One unit at a level is a match; several
 * at a level are ambiguous; none at any level, none.
 */
export function matchUnit<U extends UnitLike>(value: string, index: UnitIndex<U>): UnitMatch<U> {
  const exact = exactUnitKey(value);
  if (!exact) return { kind: 'none' };
  const folded = foldUnitName(value);
  const exactHits = index.byExact.get(exact) ?? [];
  const foldedHits = index.byFolded.get(folded) ?? [];
  for (const active of [true, false]) {
    const byName = uniqueBy(exactHits.filter((h) => h.unit.active === active), (h) => h.unit.id);
    if (byName.length === 1) return { kind: 'match', unit: byName[0]!.unit, how: byName[0]!.how };
    if (byName.length > 1) return { kind: 'ambiguous', candidates: byName.map((h) => h.unit) };
    const byFold = foldedHits.filter((u) => u.active === active);
    if (byFold.length === 1) return { kind: 'match', unit: byFold[0]!, how: 'folded' };
    if (byFold.length > 1) return { kind: 'ambiguous', candidates: byFold };
  }
  return { kind: 'none' };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The units (any state) whose folded name is this name's: the ones a new unit would duplicate. */
export function foldedDuplicates<U extends UnitLike>(name: string, units: readonly U[], exceptId?: string): U[] {
  const folded = foldUnitName(name);
  if (!folded) return [];
  return units.filter((u) => u.id !== exceptId && foldUnitName(u.name) === folded);
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const pair = text.slice(i, i + 2);
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

/**
 * How alike two unit names are once folded, from 0 to 1: the Sørensen–Dice coefficient of
 * their letter pairs ("Subbag Umum & Kepegawaian" is close to "Subbagian Umum dan
 * Kepegawaian"). Symmetric; 1 exactly when the folded names are equal.
 */
export function unitNameSimilarity(a: string, b: string): number {
  const fa = foldUnitName(a);
  const fb = foldUnitName(b);
  if (fa === fb) return 1;
  if (fa.length < 2 || fb.length < 2) return 0;
  const pa = bigrams(fa);
  const pb = bigrams(fb);
  let shared = 0;
  for (const [pair, n] of pa) shared += Math.min(n, pb.get(pair) ?? 0);
  // Different folded names never reach 1, even when their letter pairs coincide ("abab", "baba").
  return Math.min((2 * shared) / (fa.length - 1 + fb.length - 1), 0.99);
}

/** Suggestions below this similarity are noise rather than help. */
const SUGGESTION_MIN_SIMILARITY = 0.3;

/** The active units closest to a value, best first (ties by name), at most `limit`. */
export function suggestUnits<U extends UnitLike>(value: string, units: readonly U[], limit = 3): U[] {
  return units
    .filter((u) => u.active)
    .map((unit) => ({ unit, score: unitNameSimilarity(value, unit.name) }))
    .filter((s) => s.score >= SUGGESTION_MIN_SIMILARITY)
    .sort((x, y) => y.score - x.score || x.unit.name.localeCompare(y.unit.name))
    .slice(0, limit)
    .map((s) => s.unit);
}
