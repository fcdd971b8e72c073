// Search that ignores case, accents, punctuation in names and the spaces people type in NIPs.

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
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
 * fragment ("19860926 2015" → "198609262015"); otherwise each word is a fragment.
 */
export function searchTerms(query: string): string[] {
  const trimmed = query.trim();
  if (!trimmed) return [];
  if (/^[\d\s.\-]+$/.test(trimmed)) return [trimmed.replace(/\D/g, '')];
  return foldText(trimmed).split(' ').filter(Boolean);
}
