// Matching spreadsheet headers to fields: shared by every importer (roster, needs). Headers are
// compared after folding (case, accents, spaces and punctuation dropped), exactly, so a title
// row never passes for a header; each importer lists its own spellings, best first.

/** Lower case without accents: "Pendidikan Non-Formal É" → "pendidikan non-formal e". */
export function foldCase(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Case, accents and everything but letters and digits dropped: "N.I.P." → "nip". */
export function foldHeader(header: string): string {
  return foldCase(header).replace(/[^a-z0-9]/g, '');
}

export interface HeaderMapping<F extends string> {
  /** Every column index, with its field or null. */
  mapping: Record<number, F | null>;
  /** Columns with a header text that matched no field (empty headers are not listed). */
  unmapped: number[];
}

export interface HeaderMatcher<F extends string> {
  match(header: string): F | null;
  /** When two columns name one field, the better spelling wins and the other stays unmapped. */
  map(headers: readonly string[]): HeaderMapping<F>;
}

/**
 * `aliases`: spellings per field, best first. `fallback`: a last rule for a folded header that
 * matched no alias exactly (e.g. "any header starting with NIP").
 */
export function headerMatcher<F extends string>(
  aliases: Record<F, readonly string[]>,
  fallback?: (folded: string) => F | null,
): HeaderMatcher<F> {
  const byHeader = new Map<string, { field: F; rank: number }>();
  for (const field of Object.keys(aliases) as F[]) {
    aliases[field].forEach((alias, rank) => {
      const key = foldHeader(alias);
      if (!byHeader.has(key)) byHeader.set(key, { field, rank });
    });
  }
  const lookup = (header: string): { field: F; rank: number } | undefined => {
    const key = foldHeader(header);
    if (key === '') return undefined;
    const exact = byHeader.get(key);
    if (exact) return exact;
    const field = fallback?.(key);
    return field ? { field, rank: aliases[field].length } : undefined;
  };
  return {
    match: (header) => lookup(header)?.field ?? null,
    map(headers) {
      const found = headers.map(lookup);
      const best = new Map<F, number>();
      found.forEach((m, index) => {
        if (!m) return;
        const current = best.get(m.field);
        if (current === undefined || m.rank < found[current]!.rank) best.set(m.field, index);
      });
      const mapping: Record<number, F | null> = {};
      const unmapped: number[] = [];
      headers.forEach((header, index) => {
        const m = found[index];
        const field = m && best.get(m.field) === index ? m.field : null;
        mapping[index] = field;
        if (field === null && header.trim() !== '') unmapped.push(index);
      });
      return { mapping, unmapped };
    },
  };
}
