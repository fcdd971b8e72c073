// The NIPs in a pasted text: a letter's list, a column copied from a spreadsheet, or rows of
// "NIP⇥Nama⇥Jabatan" copied from one. See nipPieces.

import { normalizeNipInput } from './nip.ts';

const NIP_DIGITS = 18;

type Piece = { kind: 'nip' | 'other'; value: string };

/**
 * The NIP candidates of one cell, in order. NIPs are written with spaces inside
 * ("19860926 201505 2 001"), so runs of digit groups are gathered into NIPs of 18 digits; a
 * token that is not only digits (a word, "1.98609262015051E+17") is a piece of its own.
 */
function cellPieces(cell: string): (Piece | { kind: 'word'; value: string })[] {
  const out: (Piece | { kind: 'word'; value: string })[] = [];
  let group: string[] = [];
  let digits = 0;
  const flush = () => {
    if (group.length) out.push({ kind: digits === NIP_DIGITS ? 'nip' : 'other', value: group.join(' ') });
    group = [];
    digits = 0;
  };
  for (const token of cell.split(/\s+/).filter(Boolean)) {
    const d = normalizeNipInput(token);
    if (!/^\d+$/.test(d)) {
      flush();
      // Letters only (a name, a jabatan) are words; anything with a digit in it was meant as a NIP.
      out.push(/\d/.test(token) ? { kind: 'other', value: token } : { kind: 'word', value: token });
      continue;
    }
    if (digits + d.length > NIP_DIGITS) flush();
    group.push(token);
    digits += d.length;
    if (digits === NIP_DIGITS) flush();
  }
  flush();
  return out;
}

/**
 * The NIPs of a pasted list, one piece per NIP written (or per thing written where a NIP was
 * expected), each to be read with parseNip. Line by line:
 *
 * - cells are split at tabs, commas and semicolons (what spreadsheets and letters put between
 *   NIPs); Windows, Unix and old Mac line ends are all line ends;
 * - on a line that holds a NIP (18 digits, spaces allowed), words are the person's name and
 *   the columns beside it: ignored, and so is the rest of the line after the first word that
 *   follows a NIP ("19860926 201505 2 001⇥Siti Aminah⇥Staf 0812…" gives only the NIP);
 *   digit groups before that word that do not make a NIP are still pieces (reported invalid);
 * - a line with no NIP gives its digit-bearing pieces, or, when it has none, its first cell
 *   (a stray word such as "abc" is reported rather than passed over).
 */
export function nipPieces(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const pieces: Piece[] = [];
    let hasNip = false;
    let firstCell: string | null = null;
    read: for (const cell of line.split(/[\t,;]+/)) {
      const trimmed = cell.trim();
      if (!trimmed) continue;
      firstCell ??= trimmed;
      for (const p of cellPieces(trimmed)) {
        if (p.kind === 'word') {
          if (hasNip) break read;
          continue;
        }
        if (p.kind === 'nip') hasNip = true;
        pieces.push(p);
      }
    }
    if (pieces.length) out.push(...pieces.map((p) => p.value));
    else if (firstCell !== null) out.push(firstCell);
  }
  return out;
}
