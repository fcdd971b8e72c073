// Search that ignores case, accents, punctuation in names and the spaces people type in NIPs.

import { splitTitles } from './person-name.ts';

export function foldText(text: string): string {
  // Plain ASCII (most names) has no accents to strip: skip the Unicode decomposition.
  const base = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return base
    .toLowerCase()
    .replace(/['’`.\-]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The stored key: folded name, then the NIP digits. */
export function searchKey(name: string, nip: string): string {
  return `${foldText(name)} ${nip}`;
}

/**
 * The fragments that must all occur in the key. A query of digits and separators is one NIP
 * fragment ("19860926 2015" → "198609262015"); otherwise each word is a fragment, academic titles
 * left out as the key leaves them out ("Dr. Siti Aminah, S.E." finds Siti Aminah). A title typed
 * alone is kept: it may be the start of a name.
 */
export function searchTerms(query: string): string[] {
  const trimmed = query.trim();
  if (!trimmed) return [];
  if (/^[\d\s.\-]+$/.test(trimmed)) return [trimmed.replace(/\D/g, '')];
  return foldText(splitTitles(trimmed).name || trimmed).split(' ').filter(Boolean);
}
