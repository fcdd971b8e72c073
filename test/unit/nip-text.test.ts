// The NIPs of a pasted text, as the clerk pastes them: a letter's list, a column from a
// spreadsheet, or whole rows of one ("NIP⇥Nama⇥Jabatan") with Windows line ends.
import { describe, expect, it } from 'vitest';
import { nipPieces } from '../../shared/domain/nip-text.ts';
import { parseNip } from '../../shared/domain/nip.ts';

const A = '198609262015052001';
const B = '197107011992071007';
const C = '200012312024211001'; // NI PPPK
const spaced = (nip: string) => `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;

describe('nipPieces', () => {
  it('takes the NIP of each "NIP⇥Nama" row copied from a spreadsheet and ignores the name', () => {
    // Exactly what Excel puts on the clipboard for two columns: tab between cells, CRLF after rows.
    const text = `${A}\tSiti Aminah\r\n${B}\tDrs. Ahmad Fauzi, M.Si.\r\n${C}\tRina Susanti, S.E.\r\n`;
    expect(nipPieces(text)).toEqual([A, B, C]);
  });

  it('reads a NIP written with spaces followed by a tab and the name', () => {
    expect(nipPieces(`19860926 201505 2 001\tSiti Aminah\r\n`)).toEqual(['19860926 201505 2 001']);
    expect(parseNip(nipPieces(`19860926 201505 2 001\tSiti Aminah`)[0]!)).toMatchObject({ ok: true, nip: { digits: A } });
  });

  it('ignores everything after the name: jabatan, unit, a phone number', () => {
    const row = `${spaced(A)}\tSiti Aminah\tPengadministrasi Umum\tKelurahan Plaju Ulu\t0812 7788 9900\r\n`;
    expect(nipPieces(row)).toEqual([spaced(A)]);
  });

  it('takes the NIP when the name comes first', () => {
    expect(nipPieces(`Siti Aminah\t${A}\r\nAhmad Fauzi\t${spaced(B)}`)).toEqual([A, spaced(B)]);
  });

  it('accepts several spaces, non-breaking spaces, tabs and padding around a NIP', () => {
    // (a NIP's groups come back joined by plain spaces; parseNip reads them the same)
    expect(nipPieces(`   ${A}    \r\n\t\t${spaced(B)}\t\r\n19860926\u00a0201505\u00a02\u00a0001`)).toEqual([A, spaced(B), spaced(A)]);
    expect(nipPieces(`${A}     Siti Aminah`)).toEqual([A]);
  });

  it('accepts Windows, Unix and old Mac line ends and blank lines', () => {
    expect(nipPieces(`${A}\r\n\r\n${B}\n\n${C}\r`)).toEqual([A, B, C]);
  });

  it('still splits lists on commas and semicolons, and NIPs sharing a line', () => {
    expect(nipPieces(`${A}, ${B};${spaced(C)}`)).toEqual([A, B, spaced(C)]);
    expect(nipPieces(`${spaced(A)} ${spaced(B)}  ${C}`)).toEqual([spaced(A), spaced(B), C]);
  });

  it('reports what was meant as a NIP and is not one', () => {
    // A short number beside NIPs, a NIP Excel turned into a number, a lone word.
    expect(nipPieces(`${spaced(A)} ${B} 9876`)).toEqual([spaced(A), B, '9876']);
    expect(nipPieces('1.98609262015051E+17\tSiti Aminah')).toEqual(['1.98609262015051E+17']);
    expect(nipPieces('12345\r\nabc')).toEqual(['12345', 'abc']);
    // A line with only a name is reported once, as written, not word by word.
    expect(nipPieces('Siti Aminah')).toEqual(['Siti Aminah']);
    expect(nipPieces(`1986092620150520\tSiti Aminah`)).toEqual(['1986092620150520']);
  });

  it('gives nothing for empty text', () => {
    expect(nipPieces('')).toEqual([]);
    expect(nipPieces(' \r\n\t\r\n')).toEqual([]);
  });
});
