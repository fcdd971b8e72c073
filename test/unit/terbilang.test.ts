import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDecimal, jpInFiguresAndWords, terbilang, TERBILANG_MAX } from '../../shared/domain/terbilang.ts';

describe('terbilang: whole numbers', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [2, 'dua'],
    [7, 'tujuh'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [15, 'lima belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [32, 'tiga puluh dua'],
    [40, 'empat puluh'],
    [45, 'empat puluh lima'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [119, 'seratus sembilan belas'],
    [120, 'seratus dua puluh'],
    [200, 'dua ratus'],
    [245, 'dua ratus empat puluh lima'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1011, 'seribu sebelas'],
    [1100, 'seribu seratus'],
    [1945, 'seribu sembilan ratus empat puluh lima'],
    [2000, 'dua ribu'],
    [2026, 'dua ribu dua puluh enam'],
    [10_000, 'sepuluh ribu'],
    [11_000, 'sebelas ribu'],
    [12_500, 'dua belas ribu lima ratus'],
    [100_000, 'seratus ribu'],
    [101_000, 'seratus satu ribu'],
    [111_111, 'seratus sebelas ribu seratus sebelas'],
    [999_999, 'sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [1_000_000, 'satu juta'],
    [1_000_001, 'satu juta satu'],
    [1_001_000, 'satu juta seribu'],
    [2_500_000, 'dua juta lima ratus ribu'],
    [10_000_000, 'sepuluh juta'],
    [11_000_000, 'sebelas juta'],
    [100_000_000, 'seratus juta'],
    [123_456_789, 'seratus dua puluh tiga juta empat ratus lima puluh enam ribu tujuh ratus delapan puluh sembilan'],
    [TERBILANG_MAX, 'sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
  ])('%i → %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('never says "satu ratus", "satu ribu" or "satu puluh", says "nol" only for 0, and never leaves double spaces', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: TERBILANG_MAX }), (n) => {
      const w = terbilang(n);
      expect(w).not.toMatch(/\bsatu (ratus|puluh|belas)\b|(^|juta )satu ribu/); // "dua puluh satu ribu" is right
      expect(w).not.toMatch(/ {2}|^ | $/);
      if (n !== 0) expect(w).not.toContain('nol');
    }));
  });

  it('reads every number differently (words determine the number)', () => {
    const seen = new Map<string, number>();
    for (let n = 0; n <= 20_000; n++) {
      const w = terbilang(n);
      expect(seen.get(w)).toBeUndefined();
      seen.set(w, n);
    }
  });

  it('refuses what it cannot read', () => {
    expect(() => terbilang(-1)).toThrow(RangeError);
    expect(() => terbilang(TERBILANG_MAX + 1)).toThrow(RangeError);
    expect(() => terbilang(Number.NaN)).toThrow(RangeError);
    expect(() => terbilang(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('terbilang: fractions (JP are kept to hundredths)', () => {
  it.each([
    [0.5, 'nol koma lima'],
    [1.5, 'satu koma lima'],
    [2.25, 'dua koma dua lima'],
    [10.75, 'sepuluh koma tujuh lima'],
    [1.05, 'satu koma nol lima'],
    [1.1 + 0.2, 'satu koma tiga'], // floating-point noise (1.3000000000000003) is not read out
    [0.333333, 'nol koma tiga tiga'],
    [2.999, 'tiga'], // rounded to hundredths first
    [20.0, 'dua puluh'],
  ])('%d → %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });
});

describe('formatDecimal and jpInFiguresAndWords', () => {
  it.each([
    [20, '20'],
    [1.5, '1,5'],
    [1.25, '1,25'],
    [0.5, '0,5'],
    [1.1 + 0.2, '1,3'],
    [100, '100'],
    [2.999, '3'],
  ])('formatDecimal(%d) → %s', (n, s) => {
    expect(formatDecimal(n)).toBe(s);
  });

  it.each([
    [20, '20 (dua puluh)'],
    [1, '1 (satu)'],
    [1.5, '1,5 (satu koma lima)'],
    [32, '32 (tiga puluh dua)'],
    [11, '11 (sebelas)'],
    [100, '100 (seratus)'],
    [0, '0 (nol)'],
    [4.33, '4,33 (empat koma tiga tiga)'],
  ])('jpInFiguresAndWords(%d) → %s', (jp, s) => {
    expect(jpInFiguresAndWords(jp)).toBe(s);
  });
});
