import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PNS_GOLONGAN,
  PPPK_GOLONGAN,
  formatGolongan,
  golonganByCode,
  normalizeGolongan,
  type Golongan,
} from '../../shared/domain/golongan.ts';

const code = (raw: string, kind?: 'pns' | 'pppk') => {
  const r = normalizeGolongan(raw, kind);
  return r.ok ? r.code : r.error;
};

describe('golongan tables', () => {
  it('has the 17 PNS golongan of DOMAIN.md with SIASN codes and pangkat', () => {
    expect(PNS_GOLONGAN.map((g) => `${g.code} ${g.label} ${g.pangkat}`)).toEqual([
      '11 I/a Juru Muda', '12 I/b Juru Muda Tingkat I', '13 I/c Juru', '14 I/d Juru Tingkat I',
      '21 II/a Pengatur Muda', '22 II/b Pengatur Muda Tingkat I', '23 II/c Pengatur', '24 II/d Pengatur Tingkat I',
      '31 III/a Penata Muda', '32 III/b Penata Muda Tingkat I', '33 III/c Penata', '34 III/d Penata Tingkat I',
      '41 IV/a Pembina', '42 IV/b Pembina Tingkat I', '43 IV/c Pembina Utama Muda', '44 IV/d Pembina Utama Madya',
      '45 IV/e Pembina Utama',
    ]);
  });

  it('has PPPK golongan I–XVII without pangkat', () => {
    expect(PPPK_GOLONGAN).toHaveLength(17);
    expect(PPPK_GOLONGAN[8]).toEqual({ kind: 'pppk', code: 'PPPK-IX', label: 'IX', pangkat: null });
    expect(PPPK_GOLONGAN.at(-1)?.label).toBe('XVII');
  });

  it('formats for print and looks codes up', () => {
    expect(formatGolongan('31')).toBe('Penata Muda (III/a)');
    expect(formatGolongan('PPPK-IX')).toBe('IX');
    expect(formatGolongan('99')).toBe('99');
    expect(golonganByCode('43')?.pangkat).toBe('Pembina Utama Muda');
    expect(golonganByCode('x')).toBeUndefined();
  });
});

describe('normalizeGolongan', () => {
  it.each([
    ['III/a', '31'], ['III-a', '31'], ['III a', '31'], ['3a', '31'], ['3A', '31'], ['3/a', '31'], ['IIIa', '31'],
    ['iii/A', '31'], ['III.a', '31'], [' III / a ', '31'], ['III\u2013a', '31'], ['III/a.', '31'],
    ['Penata Muda (III/a)', '31'], ['Penata Muda, III/a', '31'], ['Penata Muda III/a', '31'], ['III/a - Penata Muda', '31'],
    ['III/a (Penata Muda)', '31'], ['PENATA MUDA / III-A', '31'], ['Penata Muda', '31'],
    ['Pembina Utama Muda IV/c', '43'], ['Pembina Utama Muda', '43'], ['Pembina Utama', '45'], ['Pembina', '41'],
    ['Penata Muda Tingkat I (III/b)', '32'], ['Penata Muda Tk. I', '32'], ['Penata Muda Tk.I, III/b', '32'], ['Penata Tk I', '34'],
    ['Juru Muda Tingkat 1', '12'], ['Pengatur / II-c', '23'],
    ['Gol. III/b', '32'], ['Golongan III/b', '32'], ['Gol. Ruang III/b', '32'], ['Gol/Ruang: III/b', '32'],
    ['I/a', '11'], ['IV/e', '45'], ['4e', '45'],
    ['31', '31'], ['45', '45'], // SIASN codes, as SIASN exports write them
  ])('%j → %s', (raw, expected) => {
    expect(code(raw)).toBe(expected);
    expect(code(raw, 'pns')).toBe(expected);
  });

  it('reads PPPK golongan as roman numerals, or as numbers when the kind is PPPK', () => {
    expect(normalizeGolongan('IX')).toEqual({ ok: true, code: 'PPPK-IX', label: 'IX', pangkat: null });
    expect(code('Gol. IX')).toBe('PPPK-IX');
    expect(code('golongan xvii')).toBe('PPPK-XVII');
    expect(code('9', 'pppk')).toBe('PPPK-IX');
    expect(code('17', 'pppk')).toBe('PPPK-XVII');
    expect(code('III', 'pppk')).toBe('PPPK-III');
    expect(code('Gol. V', 'pppk')).toBe('PPPK-V');
  });

  it('refuses what it cannot read with certainty', () => {
    for (const raw of ['', '-', 'III/e', 'I/e', 'V/a', '18', '0', '9', 'III/a/b', 'Penata Muda Utama', 'staf', '3']) {
      expect(code(raw), raw).toBe('golongan.unknown');
    }
    expect(code('18', 'pppk')).toBe('golongan.unknown');
    // A PNS group without its ruang letter is not guessed.
    expect(code('III', 'pns')).toBe('golongan.unknown');
  });

  it('reports a pangkat that contradicts the golongan', () => {
    expect(code('Penata (III/a)')).toBe('golongan.mismatch');
    expect(code('Pembina Utama Muda IV/d')).toBe('golongan.mismatch');
  });

  it('reports a golongan of the other employment type', () => {
    expect(code('III/a', 'pppk')).toBe('golongan.wrong_kind');
    expect(code('Penata Muda', 'pppk')).toBe('golongan.wrong_kind');
    expect(code('IX', 'pns')).toBe('golongan.wrong_kind');
  });
});

describe('normalizeGolongan properties', () => {
  const ROMAN_GROUPS = ['I', 'II', 'III', 'IV'];

  // Many spellings of one PNS golongan, as rosters write them.
  const pnsSpelling = (g: Golongan) =>
    fc.record({
      arabic: fc.boolean(),
      separator: fc.constantFrom('/', '-', ' ', '', '.', ' / '),
      letterCase: fc.constantFrom('lower', 'upper'),
      wholeCase: fc.constantFrom('as-is', 'upper', 'lower'),
      pangkat: fc.constantFrom('none', 'before-paren', 'before-comma', 'before', 'after-dash', 'after-paren'),
      prefix: fc.constantFrom('', 'Gol. ', 'Golongan ', 'Gol. Ruang '),
      pad: fc.constantFrom('', ' ', '  '),
    }).map((o) => {
      const [group, letter] = g.label.split('/') as [string, string];
      const groupText = o.arabic ? String(ROMAN_GROUPS.indexOf(group) + 1) : group;
      const label = `${groupText}${o.separator}${o.letterCase === 'upper' ? letter.toUpperCase() : letter}`;
      const p = g.pangkat!;
      const combined = {
        none: `${o.prefix}${label}`,
        'before-paren': `${p} (${label})`,
        'before-comma': `${p}, ${label}`,
        before: `${p} ${label}`,
        'after-dash': `${o.prefix}${label} - ${p}`,
        'after-paren': `${label} (${p})`,
      }[o.pangkat];
      const cased = o.wholeCase === 'upper' ? combined.toUpperCase() : o.wholeCase === 'lower' ? combined.toLowerCase() : combined;
      return `${o.pad}${cased}${o.pad}`;
    });

  it('every spelling of every PNS golongan gives its code', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PNS_GOLONGAN).chain((g) => fc.tuple(fc.constant(g), pnsSpelling(g), fc.constantFrom(undefined, 'pns' as const))),
        ([g, spelling, kind]) => {
          const r = normalizeGolongan(spelling, kind);
          expect(r, spelling).toEqual({ ok: true, code: g.code, label: g.label, pangkat: g.pangkat });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('every PPPK golongan in roman, arabic and prefixed forms gives its code', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 17 }),
        fc.constantFrom('roman', 'arabic'),
        fc.constantFrom('', 'Gol. ', 'Golongan ', 'gol '),
        fc.boolean(),
        (n, form, prefix, lower) => {
          const g = PPPK_GOLONGAN[n - 1]!;
          const text = `${prefix}${form === 'roman' ? g.label : String(n)}`;
          expect(code(lower ? text.toLowerCase() : text, 'pppk')).toBe(g.code);
        },
      ),
    );
  });

  it('format then normalize gives the same code, and so does the bare label', () => {
    for (const g of [...PNS_GOLONGAN, ...PPPK_GOLONGAN]) {
      expect(code(formatGolongan(g.code), g.kind)).toBe(g.code);
      expect(code(g.label, g.kind)).toBe(g.code);
      expect(code(g.code, g.kind)).toBe(g.kind === 'pns' ? g.code : 'golongan.unknown');
    }
  });
});
