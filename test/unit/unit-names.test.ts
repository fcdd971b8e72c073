// Unit names as offices write them: folding, matching against the office's units, the
// duplicates a new unit would make, and the suggestions for a value no unit fits.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  UNIT_NAME_EXTRA_WORDS, foldUnitName, foldedDuplicates, indexUnits, matchUnit, suggestUnits, unitNameSimilarity, type UnitLike,
} from '../../shared/domain/unit-names.ts';

// The units Kecamatan Plaju gets at setup: the office's own and the Kemendagri kelurahan.
const PLAJU: UnitLike[] = [
  ...[
    'Camat', 'Sekretariat Kecamatan', 'Subbagian Umum dan Kepegawaian', 'Subbagian Perencanaan dan Keuangan', 'Seksi Pemerintahan',
    'Seksi Ketenteraman dan Ketertiban Umum', 'Seksi Pemberdayaan Masyarakat', 'Seksi Kesejahteraan Sosial',
  ].map((name, i): UnitLike => ({ id: `k${i}`, name, code: null, active: true })),
  ...['Plaju Ulu', 'Plaju Darat', 'Plaju Ilir', 'Baguskuning', 'Komperta', 'Talangputri', 'Talangbubuk']
    .map((name, i): UnitLike => ({ id: `v${i}`, name, code: `16.71.14.100${i + 1}`, active: true })),
];
const index = indexUnits(PLAJU);
const matched = (value: string, units = index) => {
  const m = matchUnit(value, units);
  return m.kind === 'match' ? [m.unit.name, m.how] : m.kind === 'ambiguous' ? ['ambiguous', m.candidates.map((u) => u.name)] : ['none'];
};

describe('foldUnitName', () => {
  it.each([
    ['Kelurahan Plaju Ilir', 'plajuilir'],
    ['Plaju Ilir', 'plajuilir'],
    ['KEL. PLAJU ILIR', 'plajuilir'],
    ['Kel.Bagus Kuning', 'baguskuning'],
    ['Kel. Bagus Kuning', 'baguskuning'],
    ['Baguskuning', 'baguskuning'],
    ['Sekretariat', 'sekretariat'],
    ['Sekretariat Kecamatan', 'sekretariat'],
    ['Sekretariat Kec.', 'sekretariat'],
    ['Kantor Desa Sukamaju', 'sukamaju'],
    ['Ds. Sukamaju', 'sukamaju'],
    ['Désa  Sukamajú', 'sukamaju'],
    ['Seksi Pemerintahan', 'seksipemerintahan'],
    // Whole words only: "Kelapa", "Desantara" keep their letters.
    ['Kelapa Gading', 'kelapagading'],
    ['Desantara', 'desantara'],
    // A name made only of such words keeps them.
    ['Kantor Kecamatan', 'kantorkecamatan'],
    ['Kecamatan', 'kecamatan'],
    ['', ''],
    [' - ', ''],
  ])('%j → %j', (name, folded) => {
    expect(foldUnitName(name)).toBe(folded);
  });

  const word = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);
  const separator = fc.constantFrom(' ', '  ', '. ', ', ', ' - ', '/', '\t');
  const name = fc.array(word, { minLength: 1, maxLength: 5 }).chain((words) =>
    fc.array(separator, { minLength: words.length - 1, maxLength: words.length - 1 })
      .map((seps) => words.map((w, i) => (i === 0 ? w : `${seps[i - 1]}${w}`)).join('')));

  it('is idempotent: a folded name folds to itself', () => {
    fc.assert(fc.property(fc.string(), (s) => foldUnitName(foldUnitName(s)) === foldUnitName(s)));
    fc.assert(fc.property(name, (s) => foldUnitName(foldUnitName(s)) === foldUnitName(s)));
  });

  it('ignores case and which spaces or punctuation separate the words', () => {
    fc.assert(fc.property(name, separator, (s, sep) => {
      const words = s.split(/[^A-Za-z0-9]+/).filter(Boolean);
      expect(foldUnitName(s.toUpperCase())).toBe(foldUnitName(s));
      expect(foldUnitName(s.toLowerCase())).toBe(foldUnitName(s));
      expect(foldUnitName(words.join(sep))).toBe(foldUnitName(s));
      expect(foldUnitName(` ${s}. `)).toBe(foldUnitName(s));
    }));
  });

  it('ignores the words offices add ("Kelurahan", "Kel.", "Desa", "Kecamatan", "Kantor", …) wherever they stand', () => {
    const extra = fc.constantFrom('Kelurahan', 'Kel.', 'KEL', 'Desa', 'Ds.', 'Kecamatan', 'Kec.', 'Kantor', 'kantor');
    // A name with at least one word of its own.
    const own = name.filter((s) => s.split(/[^A-Za-z0-9]+/).some((w) => w && !UNIT_NAME_EXTRA_WORDS.has(w.toLowerCase())));
    fc.assert(fc.property(own, extra, extra, (s, before, after) => {
      expect(foldUnitName(`${before} ${s}`)).toBe(foldUnitName(s));
      expect(foldUnitName(`${s} ${after}`)).toBe(foldUnitName(s));
      expect(foldUnitName(`${before} ${s} ${after}`)).toBe(foldUnitName(s));
    }));
  });

  it('is only letters and digits', () => {
    fc.assert(fc.property(fc.string(), (s) => /^[a-z0-9]*$/.test(foldUnitName(s))));
  });
});

describe('matchUnit against the units Plaju has', () => {
  it.each([
    // The office spreadsheets of issue #9.
    ['Kelurahan Plaju Ilir', ['Plaju Ilir', 'folded']],
    ['Kel. Bagus Kuning', ['Baguskuning', 'folded']],
    ['Sekretariat', ['Sekretariat Kecamatan', 'folded']],
    // As the unit is named, any case or spacing; by code.
    ['plaju  ILIR', ['Plaju Ilir', 'name']],
    ['Seksi Pemerintahan.', ['Seksi Pemerintahan', 'name']],
    ['16.71.14.1003', ['Plaju Ilir', 'code']],
    ['16711 41003', ['Plaju Ilir', 'code']],
    ['KANTOR CAMAT', ['Camat', 'folded']],
    // Nothing fits: never a guess.
    ['Seksi Kebersihan', ['none']],
    ['Plaju', ['none']],
    ['Subbag Umum & Kepegawaian', ['none']],
    ['-', ['none']],
  ])('%j', (value, expected) => {
    expect(matched(value)).toEqual(expected);
  });

  it('several units with the same folded name: ambiguous, never a guess', () => {
    const units = indexUnits([...PLAJU, { id: 'x', name: 'Kelurahan Baguskuning', code: null, active: true }]);
    expect(matched('Kel. Bagus Kuning', units)).toEqual(['ambiguous', ['Baguskuning', 'Kelurahan Baguskuning']]);
    // Its own exact name still names it.
    expect(matched('Kelurahan Baguskuning', units)).toEqual(['Kelurahan Baguskuning', 'name']);
  });

  it('a deactivated duplicate never takes a value an active unit fits, even when it is named exactly so', () => {
    const units = indexUnits([...PLAJU, { id: 'dup', name: 'Kelurahan Plaju Ilir', code: null, active: false }]);
    expect(matched('Kelurahan Plaju Ilir', units)).toEqual(['Plaju Ilir', 'folded']);
    // With no active unit that fits, the deactivated one is still found.
    const alone = indexUnits([{ id: 'old', name: 'Seksi Trantib', code: null, active: false }]);
    expect(matched('seksi trantib', alone)).toEqual(['Seksi Trantib', 'name']);
  });

  it('whatever it matches has the value\'s name, code or folded name', () => {
    const value = fc.oneof(fc.constantFrom(...PLAJU.map((u) => u.name)), fc.string({ maxLength: 30 }))
      .chain((v) => fc.constantFrom(v, `Kelurahan ${v}`, `Kel. ${v.toUpperCase()}`, `${v} Kecamatan`, v.replace(/ /g, '')));
    fc.assert(fc.property(value, (v) => {
      const m = matchUnit(v, index);
      if (m.kind === 'match') {
        const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
        expect([fold(m.unit.name), fold(m.unit.code ?? ''), foldUnitName(m.unit.name)]).toContain(m.how === 'folded' ? foldUnitName(v) : fold(v));
      }
    }));
  });
});

describe('foldedDuplicates', () => {
  it('names the units a new name would duplicate, itself excepted', () => {
    expect(foldedDuplicates('Kelurahan Plaju Ilir', PLAJU).map((u) => u.name)).toEqual(['Plaju Ilir']);
    expect(foldedDuplicates('Sekretariat', PLAJU).map((u) => u.name)).toEqual(['Sekretariat Kecamatan']);
    expect(foldedDuplicates('Bagus Kuning', PLAJU).map((u) => u.name)).toEqual(['Baguskuning']);
    expect(foldedDuplicates('Seksi Kebersihan', PLAJU)).toEqual([]);
    expect(foldedDuplicates('Plaju Ilir', PLAJU, 'v2')).toEqual([]);
  });
});

describe('unitNameSimilarity and suggestUnits', () => {
  it('suggests the closest active units, best first', () => {
    expect(suggestUnits('Subbag Umum & Kepegawaian', PLAJU)[0]!.name).toBe('Subbagian Umum dan Kepegawaian');
    expect(suggestUnits('Seksi Kesejahteraan', PLAJU)[0]!.name).toBe('Seksi Kesejahteraan Sosial');
    expect(suggestUnits('Talang Puteri', PLAJU)[0]!.name).toBe('Talangputri');
    expect(suggestUnits('Zzz', PLAJU)).toEqual([]);
    expect(suggestUnits('Plaju Ulu', PLAJU.map((u) => ({ ...u, active: u.name !== 'Plaju Ulu' })))[0]!.name).not.toBe('Plaju Ulu');
    expect(suggestUnits('Seksi', PLAJU).length).toBeLessThanOrEqual(3);
  });

  it('is symmetric, between 0 and 1, and 1 exactly when the folded names are equal', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
      const s = unitNameSimilarity(a, b);
      expect(s).toBe(unitNameSimilarity(b, a));
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(s === 1).toBe(foldUnitName(a) === foldUnitName(b));
    }));
    expect(unitNameSimilarity('Kel. Bagus Kuning', 'Baguskuning')).toBe(1);
  });
});
