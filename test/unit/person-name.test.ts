import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FRONT_TITLES, KNOWN_DEGREES, displayName, splitTitles } from '../../shared/domain/person-name.ts';

describe('splitTitles', () => {
  it.each([
    ['Dr. Siti Aminah, S.E., M.M.', 'Dr.', 'Siti Aminah', 'S.E., M.M.'],
    ['Drs. H. Ahmad Fauzi, M.Si.', 'Drs. H.', 'Ahmad Fauzi', 'M.Si.'],
    ['Ir. Hj. Ratna Dewi, M.T.', 'Ir. Hj.', 'Ratna Dewi', 'M.T.'],
    ['dr. Budi Hartono', 'dr.', 'Budi Hartono', ''],
    ['drg. Ani Lestari', 'drg.', 'Ani Lestari', ''],
    ['Prof. Dr. Ir. H. Bambang Sutejo, M.Sc., Ph.D.', 'Prof. Dr. Ir. H.', 'Bambang Sutejo', 'M.Sc., Ph.D.'],
    ['Dra. Sri Wahyuni', 'Dra.', 'Sri Wahyuni', ''],
    ['AHMAD, S.Sos', '', 'AHMAD', 'S.Sos'],
    ['Budi Santoso S.Kom', '', 'Budi Santoso', 'S.Kom'],
    ['Budi Santoso S.Kom., M.T.', '', 'Budi Santoso', 'S.Kom., M.T.'],
    ['Rina Marlina, A.Md.', '', 'Rina Marlina', 'A.Md.'],
    ['Rina Marlina A.Md.Kep.', '', 'Rina Marlina', 'A.Md.Kep.'],
    ['Joko Susilo, S.H., M.H.', '', 'Joko Susilo', 'S.H., M.H.'],
    ['Ali Imron S.Pd.I', '', 'Ali Imron', 'S.Pd.I'],
    ['Ani Suryani M.Kes', '', 'Ani Suryani', 'M.Kes'],
    ['H. Ahmad Yani, S.STP, M.Si', 'H.', 'Ahmad Yani', 'S.STP, M.Si'],
    ['dr. Rina, Sp.PD', 'dr.', 'Rina', 'Sp.PD'],
    ['Ns. Ani Rahmawati, S.Kep', 'Ns.', 'Ani Rahmawati', 'S.Kep'],
    ['Budi Santoso, SE, MM', '', 'Budi Santoso', 'SE, MM'],
    ['Dewi Sartika, S.Hut.', '', 'Dewi Sartika', 'S.Hut.'],
    ['Yusuf Kalla, D3', '', 'Yusuf Kalla', 'D3'],
    ['DRS. AHMAD FAUZI, M.SI', 'DRS.', 'AHMAD FAUZI', 'M.SI'],
    ['Dr.Siti Aminah', 'Dr.', 'Siti Aminah', ''],
    ['Drs H Ahmad', 'Drs', 'H Ahmad', ''],
    ['  Drs.   H.  Ahmad   Fauzi ,  M.Si.  ', 'Drs. H.', 'Ahmad Fauzi', 'M.Si.'],
    ['Budi Santoso S.Kom,', '', 'Budi Santoso', 'S.Kom'],
  ])('%j', (raw, front, name, back) => {
    expect(splitTitles(raw)).toEqual({ front, name, back });
  });

  it.each([
    'Muhammad Hadi',
    'M. Hadi',
    'Ahmad M.Hadi', // an initial glued to a name is not a degree
    'Budi S.',
    'Ahmad A.R.', // trailing initials
    "Siti Ma'rifah",
    'Abdul-Rahman Wahid',
    "Nur'aini Putri-Lestari",
    'Mahfud MD', // dotless capitals without a comma are a name part
    'Heru',
    'Drs', // a lone title is left as the name rather than leaving no name
  ])('leaves a real name whole: %j', (raw) => {
    expect(splitTitles(raw)).toEqual({ front: '', name: raw, back: '' });
  });

  it('keeps a comma that is followed by something other than titles in the name', () => {
    expect(splitTitles('Siti, Aminah')).toEqual({ front: '', name: 'Siti, Aminah', back: '' });
    expect(splitTitles('Ahmad, S.E, Kasi Pemerintahan')).toEqual({ front: '', name: 'Ahmad, S.E, Kasi Pemerintahan', back: '' });
  });

  it('documents its lists', () => {
    expect(FRONT_TITLES).toEqual(expect.arrayContaining(['Dr.', 'dr.', 'Drs.', 'Dra.', 'Ir.', 'Prof.', 'H.', 'Hj.', 'drg.']));
    expect(KNOWN_DEGREES).toEqual(expect.arrayContaining(['A.Md.', 'S.E.', 'M.Si.']));
  });
});

describe('displayName', () => {
  it('composes front titles, the name and the degrees after a comma', () => {
    expect(displayName({ front: 'Drs. H.', name: 'Ahmad Fauzi', back: 'M.Si.' })).toBe('Drs. H. Ahmad Fauzi, M.Si.');
    expect(displayName({ front: '', name: 'Ahmad Fauzi', back: '' })).toBe('Ahmad Fauzi');
    expect(displayName({ front: 'dr.', name: 'Budi', back: '' })).toBe('dr. Budi');
    expect(displayName({ front: '', name: 'Budi', back: 'S.Kom' })).toBe('Budi, S.Kom');
  });

  it('splitTitles undoes displayName for any name with any titles', () => {
    // Words a title could be mistaken for ("Dr", "Ir", "Hj", …) cannot be told apart from the
    // title when they come first, so names made of them are left out.
    const titleWords = new Set(['prof', 'dr', 'drg', 'drh', 'drs', 'dra', 'ir', 'hj', 'kh']);
    const word = fc.stringMatching(/^[A-Z][a-z]{1,9}(?:['-][A-Za-z][a-z]{1,6})?$/).filter((w) => !titleWords.has(w.toLowerCase()));
    const parts = fc.record({
      front: fc.subarray(['Prof.', 'Dr.', 'Ir.', 'Drs.', 'H.', 'Hj.'], { minLength: 0 }).map((t) => t.join(' ')),
      name: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
      back: fc.subarray(['S.E.', 'S.Kom', 'S.Pd.I', 'A.Md.', 'M.Si.', 'M.Kes', 'Ph.D.', 'S.H.', 'M.H.'], { minLength: 0 }).map((t) => t.join(', ')),
    });
    fc.assert(fc.property(parts, (p) => {
      expect(splitTitles(displayName(p))).toEqual(p);
    }), { numRuns: 1000 });
  });
});
