import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  compareNipWith,
  formatNip,
  isValidNip,
  normalizeNipInput,
  parseNip,
  type NipParseResult,
  type ParsedNip,
} from '../../shared/domain/nip.ts';

const TODAY = '2026-11-25';
const PNS = '198609262015051001';
const PPPK = '200012312024211001';

const parse = (raw: string) => parseNip(raw, TODAY);
const codes = (r: NipParseResult) => (r.ok ? r.warnings : r.errors).map((i) => i.code);
function ok(raw: string): ParsedNip {
  const r = parse(raw);
  if (!r.ok) throw new Error(`expected ${raw} to parse, got ${JSON.stringify(r.errors)}`);
  return r.nip;
}

describe('normalizeNipInput', () => {
  it('removes whitespace (incl. NBSP), dots and dashes, keeps anything else', () => {
    expect(normalizeNipInput('  19860926\u00a0201505\t1 001 ')).toBe(PNS);
    expect(normalizeNipInput('19860926.201505.1.001')).toBe(PNS);
    expect(normalizeNipInput('19860926-201505\u20131\u2014001')).toBe(PNS);
    expect(normalizeNipInput("'19860926/201505")).toBe("'19860926/201505");
  });
});

describe('parseNip: valid numbers', () => {
  it.each([
    PNS,
    '19860926 201505 1 001',
    ' 19860926.201505.1.001 ',
    '19860926-201505-1-001',
    '19860926\u00a0201505\u00a01\u00a0001',
  ])('PNS %j', (raw) => {
    expect(ok(raw)).toEqual({
      digits: PNS,
      kind: 'pns',
      birthDate: '1986-09-26',
      gender: 'L',
      tmt: '2015-05',
      sequence: '001',
    });
  });

  it('PPPK', () => {
    expect(ok('20001231 202421 1 001')).toEqual({
      digits: PPPK,
      kind: 'pppk',
      birthDate: '2000-12-31',
      gender: 'L',
      appointmentYear: 2024,
      sequence: '001',
    });
    expect(parse(PPPK)).toMatchObject({ ok: true, warnings: [] });
  });

  it('digit 15 gives the gender', () => {
    expect(ok('198609262015052001').gender).toBe('P');
    expect(ok('200012312024292999').gender).toBe('P');
  });

  it('accepts leap-day birth dates only in leap years', () => {
    expect(ok('200002292020011001').birthDate).toBe('2000-02-29'); // divisible by 400
    expect(ok('199602292020011001').birthDate).toBe('1996-02-29');
    expect(codes(parse('199702292020011001'))).toEqual(['nip.birth_date_invalid']);
    expect(codes(parse('190002292020011001'))).toEqual(['nip.birth_date_invalid']); // divisible by 100
  });

  it('allows a TMT or appointment year up to one year ahead', () => {
    expect(ok('199001012027011001').tmt).toBe('2027-01');
    expect(ok('199001012027211001').appointmentYear).toBe(2027);
  });

  it('defaults today to the current date', () => {
    expect(parseNip(PNS).ok).toBe(true);
    expect(isValidNip(PNS)).toBe(true);
    expect(isValidNip('198609262015051000')).toBe(false);
  });

  it('rejects a malformed today as a programming error', () => {
    expect(() => parseNip(PNS, '25-11-2026')).toThrow(RangeError);
  });
});

describe('parseNip: errors', () => {
  it.each(['', '   ', ' - . ', '\u00a0'])('nip.empty for %j', (raw) => {
    expect(parse(raw)).toEqual({ ok: false, errors: [{ code: 'nip.empty' }] });
  });

  it('nip.not_digits names the offending characters and stops', () => {
    expect(parse("'19860926 201505 1 00A")).toEqual({
      ok: false,
      errors: [{ code: 'nip.not_digits', params: { chars: "'A" } }],
    });
    expect(codes(parse('198,609,262,015,051,001'))).toEqual(['nip.not_digits']);
  });

  it('nip.wrong_length and stops', () => {
    expect(parse('19860926 201505 1 01')).toEqual({
      ok: false,
      errors: [{ code: 'nip.wrong_length', params: { length: 17 } }],
    });
    expect(codes(parse('1986092620150510011'))).toEqual(['nip.wrong_length']);
  });

  it.each(['1.98609262015051E+17', '1,98609E+17', '1.98609262015051e+17', ' 1.98609E17 '])(
    'nip.excel_scientific only, for %j',
    (raw) => {
      expect(parse(raw)).toEqual({ ok: false, errors: [{ code: 'nip.excel_scientific' }] });
    },
  );

  it('nip.excel_precision for a bare or thousand-grouped number ending in 000', () => {
    expect(parse('198609262015051000')).toEqual({ ok: false, errors: [{ code: 'nip.excel_precision' }] });
    expect(codes(parse('198.609.262.015.051.000'))).toEqual(['nip.excel_precision']);
    expect(codes(parse('200012312024211000'))).toEqual(['nip.excel_precision']);
  });

  it('nip.sequence_invalid for 000 typed in NIP grouping', () => {
    expect(codes(parse('19860926 201505 1 000'))).toEqual(['nip.sequence_invalid']);
    expect(codes(parse('19860926-201505-1-000'))).toEqual(['nip.sequence_invalid']);
  });

  it.each([
    ['not a calendar date', '198602302015051001', 'calendar'],
    ['month 13', '198613012015051001', 'calendar'],
    ['day 00', '198609002015051001', 'calendar'],
    ['before 1900', '189912312015051001', 'too_early'],
    ['in the future', '202611262027011001', 'future'],
  ])('nip.birth_date_invalid: %s', (_, raw, reason) => {
    const r = parse(raw);
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'nip.birth_date_invalid', params: { reason } }] });
  });

  it('a birth date of today is still a valid date', () => {
    expect(parse('202611252027011001')).toMatchObject({ ok: true, warnings: [{ code: 'nip.tmt_before_18' }] });
  });

  it.each([
    ['month 00', '198609262015001001', 'month'],
    ['month 13', '198609262015131001', 'month'],
    ['digits 13-14 "20" (neither month nor PPPK)', '198609262015201001', 'month'],
    ['before 1960', '193001011959011001', 'too_early'],
    ['more than a year ahead', '198609262028011001', 'future'],
    ['before birth', '198609261985011001', 'before_birth'],
    ['in the birth month', '198609261986091001', 'before_birth'],
  ])('nip.tmt_invalid: %s', (_, raw, reason) => {
    expect(parse(raw)).toMatchObject({ ok: false, errors: [{ code: 'nip.tmt_invalid', params: { reason } }] });
  });

  it.each([
    ['before 2019', '200012312018211001', 'too_early'],
    ['more than a year ahead', '200012312028211001', 'future'],
    ['not after the birth year', '202401012024211001', 'before_birth'],
  ])('nip.appointment_year_invalid: %s', (_, raw, reason) => {
    expect(parse(raw)).toMatchObject({
      ok: false,
      errors: [{ code: 'nip.appointment_year_invalid', params: { reason } }],
    });
  });

  it.each(['198609262015050001', '198609262015053001', '200012312024219001'])('nip.gender_invalid for %s', (raw) => {
    expect(codes(parse(raw))).toEqual(['nip.gender_invalid']);
  });

  it('reports every field error at once, in digit order', () => {
    expect(codes(parse('198602302015133000'))).toEqual([
      'nip.birth_date_invalid',
      'nip.tmt_invalid',
      'nip.gender_invalid',
      'nip.excel_precision',
    ]);
    expect(codes(parse('20001232 201821 0 000'))).toEqual([
      'nip.birth_date_invalid',
      'nip.appointment_year_invalid',
      'nip.gender_invalid',
      'nip.sequence_invalid',
    ]);
  });
});

describe('parseNip: warnings', () => {
  it('nip.tmt_before_18 when the TMT precedes the 18th birthday', () => {
    expect(parse('198609262004091001')).toEqual({
      ok: true,
      nip: expect.objectContaining({ tmt: '2004-09' }),
      warnings: [{ code: 'nip.tmt_before_18', params: { tmt: '2004-09', birthDate: '1986-09-26' } }],
    });
    expect(parse('198609262004101001')).toMatchObject({ ok: true, warnings: [] }); // after the 18th birthday
  });

  it('nip.tmt_before_18 for a 29 February birthday', () => {
    expect(codes(parse('200002292018021001'))).toEqual(['nip.tmt_before_18']);
    expect(codes(parse('200002292018031001'))).toEqual([]);
  });
});

describe('compareNipWith', () => {
  const nip = ok(PNS);

  it('is silent when the entered data agrees or is missing', () => {
    expect(compareNipWith(nip, { birthDate: '1986-09-26', gender: 'L' })).toEqual([]);
    expect(compareNipWith(nip, {})).toEqual([]);
    expect(compareNipWith(nip, { birthDate: null, gender: null })).toEqual([]);
    expect(compareNipWith(nip, { birthDate: '' })).toEqual([]);
  });

  it('warns on each mismatch with both values', () => {
    expect(compareNipWith(nip, { birthDate: '1986-09-27', gender: 'P' })).toEqual([
      { code: 'nip.birth_date_mismatch', params: { fromNip: '1986-09-26', entered: '1986-09-27' } },
      { code: 'nip.gender_mismatch', params: { fromNip: 'L', entered: 'P' } },
    ]);
  });
});

describe('formatNip', () => {
  it('groups as birth date, TMT/appointment, gender, sequence', () => {
    expect(formatNip(PNS)).toBe('19860926 201505 1 001');
    expect(formatNip(PPPK)).toBe('20001231 202421 1 001');
  });

  it('returns anything else unchanged', () => {
    for (const s of ['', '12345', '19860926 201505 1 001', '19860926201505100x', '1986092620150510011']) {
      expect(formatNip(s)).toBe(s);
    }
  });
});

describe('properties', () => {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // independent of nip.ts
  const date = (minYear: number, maxYear: number) =>
    fc
      .record({ y: fc.integer({ min: minYear, max: maxYear }), m: fc.integer({ min: 1, max: 12 }) })
      .chain(({ y, m }) => fc.integer({ min: 1, max: daysIn(y, m) }).map((d) => ({ y, m, d })));
  const gender = fc.constantFrom('1', '2');
  const sequence = fc.integer({ min: 1, max: 999 }).map((n) => pad(n, 3));

  // TMT at least 19 years after the birth year, so never before the 18th birthday.
  const validPns = date(1900, 2008).chain((b) =>
    fc
      .record({
        tmtYear: fc.integer({ min: Math.max(1960, b.y + 19), max: 2027 }),
        tmtMonth: fc.integer({ min: 1, max: 12 }),
        gender,
        sequence,
      })
      .map((p) => ({
        digits: `${b.y}${pad(b.m, 2)}${pad(b.d, 2)}${p.tmtYear}${pad(p.tmtMonth, 2)}${p.gender}${p.sequence}`,
        expected: {
          kind: 'pns',
          birthDate: `${b.y}-${pad(b.m, 2)}-${pad(b.d, 2)}`,
          tmt: `${p.tmtYear}-${pad(p.tmtMonth, 2)}`,
          gender: p.gender === '1' ? 'L' : 'P',
          sequence: p.sequence,
        },
      })),
  );

  const validPppk = fc.integer({ min: 2019, max: 2027 }).chain((year) =>
    fc
      // Born by 2008: an appointee is an adult, and no birth date lies after TODAY.
      .record({ b: date(1900, Math.min(year - 1, 2008)), middle: fc.integer({ min: 1, max: 9 }), gender, sequence })
      .map(({ b, middle, gender: g, sequence: s }) => ({
        digits: `${b.y}${pad(b.m, 2)}${pad(b.d, 2)}${year}2${middle}${g}${s}`,
        expected: {
          kind: 'pppk',
          birthDate: `${b.y}-${pad(b.m, 2)}-${pad(b.d, 2)}`,
          appointmentYear: year,
          gender: g === '1' ? 'L' : 'P',
          sequence: s,
        },
      })),
  );

  it('parseNip(formatNip(d)) gives back the digits and parts of any valid NIP', () => {
    fc.assert(
      fc.property(fc.oneof(validPns, validPppk), ({ digits, expected }) => {
        expect(parse(formatNip(digits))).toEqual({ ok: true, nip: { digits, ...expected }, warnings: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary strings', () => {
    const nipLike = fc.string({
      unit: fc.constantFrom(...'0123456789 .-,eE+\u00a0x'),
      minLength: 0,
      maxLength: 25,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), nipLike), (s) => {
        const r = parse(s);
        if (r.ok) {
          expect(r.nip.digits).toMatch(/^\d{18}$/);
          expect(formatNip(r.nip.digits).replace(/ /g, '')).toBe(r.nip.digits);
        } else {
          expect(r.errors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('any 18-digit string is decided without throwing, and kind follows digits 13-14', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 18, maxLength: 18 }), (s) => {
        const r = parse(s);
        if (r.ok) expect(r.nip.kind).toBe(/^2[1-9]$/.test(s.slice(12, 14)) ? 'pppk' : 'pns');
      }),
    );
  });
});
