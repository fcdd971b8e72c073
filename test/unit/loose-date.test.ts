import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXCEL_SERIAL_MAX, EXCEL_SERIAL_MIN, detectDateOrder, parseLooseDate } from '../../shared/domain/loose-date.ts';

const date = (raw: string | number, order?: 'dmy' | 'mdy') => {
  const r = parseLooseDate(raw, order ? { order } : {});
  return r.ok ? r.date : r.error;
};

describe('parseLooseDate', () => {
  it.each([
    ['25-11-2026', '2026-11-25'], ['25/11/2026', '2026-11-25'], ['5/6/1986', '1986-06-05'], ['05.06.1986', '1986-06-05'],
    ['2026-11-25', '2026-11-25'], ['2026/11/25', '2026-11-25'], ['2026-1-5', '2026-01-05'],
    ['25 November 2026', '2026-11-25'], ['25 Nov 2026', '2026-11-25'], ['25 Nopember 2026', '2026-11-25'],
    ['25 Agustus 1986', '1986-08-25'], ['25-Agu-1986', '1986-08-25'], ['25 Agt 1986', '1986-08-25'], ['25 Ags. 1986', '1986-08-25'],
    ['25 August 1986', '1986-08-25'], ['25-Aug-1986', '1986-08-25'],
    ['1 Januari 2000', '2000-01-01'], ['29 Februari 2000', '2000-02-29'], ['3 Peb 1990', '1990-02-03'], ['3 Pebruari 1990', '1990-02-03'],
    ['3 Maret 1990', '1990-03-03'], ['3 Mar 1990', '1990-03-03'], ['3 Mei 1990', '1990-05-03'], ['3 May 1990', '1990-05-03'],
    ['3 Juni 1990', '1990-06-03'], ['3 Juli 1990', '1990-07-03'], ['3 Okt 1990', '1990-10-03'], ['3 October 1990', '1990-10-03'],
    ['3 Des 1990', '1990-12-03'], ['3 Desember 1990', '1990-12-03'], ['3 Dec 1990', '1990-12-03'],
    ['25 NOVEMBER 2026', '2026-11-25'], ['25november2026', '2026-11-25'], ['November 25, 2026', '2026-11-25'],
    ['Rabu, 25 November 2026', '2026-11-25'], ["Jum'at, 27-11-2026", '2026-11-27'],
    ['2026-11-25 00:00:00', '2026-11-25'], ['2026-11-25T00:00:00.000Z', '2026-11-25'],
    ['  25 - 11 - 2026 ', '2026-11-25'], ['25 11 2026', '2026-11-25'], ['2026 - 11 - 25', '2026-11-25'],
    ['25\u201311\u20132026', '2026-11-25'],
  ])('%j → %s', (raw, expected) => {
    expect(date(raw)).toBe(expected);
  });

  it('reads Excel serial dates, as numbers or numeric text', () => {
    expect(date(25569)).toBe('1970-01-01');
    expect(date(36526)).toBe('2000-01-01');
    expect(date(44927)).toBe('2023-01-01');
    expect(date(44927.75)).toBe('2023-01-01'); // the fraction is the time of day
    expect(date('31681')).toBe('1986-09-26');
    expect(date(EXCEL_SERIAL_MIN)).toBe('1920-01-01');
    expect(date(EXCEL_SERIAL_MAX)).toBe('2199-12-31');
  });

  it('refuses numbers that are not plausibly dates', () => {
    for (const raw of [1986, '1986', 60, 0, -1, EXCEL_SERIAL_MIN - 1, EXCEL_SERIAL_MAX + 1, Number.NaN, Infinity, '19860926', '25112026']) {
      expect(date(raw), String(raw)).toBe('date.invalid');
    }
  });

  it('refuses unreadable dates', () => {
    for (const raw of ['26/09/86', '1899-12-31', '2200-01-01', '25 Foo 2026', 'Foo 25, 2026', '25 11', 'kemarin', '', '2026', '25-11-2026-1']) {
      expect(date(raw), raw).toBe('date.invalid');
    }
  });

  it('tells a date that is not on the calendar apart, in the words of the contract\'s date check', () => {
    for (const raw of ['31-02-2000', '29-02-1900', '29-02-2023', '31/04/2026', '00-01-2000', '01-13-2000', '2026-13-01', '2026-02-30', '30 Februari 2026']) {
      expect(date(raw), raw).toBe('validation.date_not_real');
    }
    expect(parseLooseDate('30 Februari 2026')).toEqual({
      ok: false, error: 'validation.date_not_real',
      params: { value: '30 Februari 2026', context: 'day', dayOfMonth: 30, lastDay: 28, monthStart: Date.UTC(2026, 1, 1) },
    });
    expect(parseLooseDate('2026-13-01')).toEqual({ ok: false, error: 'validation.date_not_real', params: { value: '2026-13-01', context: 'month' } });
    expect(parseLooseDate('29-02-2024')).toEqual({ ok: true, date: '2024-02-29' });
  });

  it('is day-month-year unless told month-day-year', () => {
    expect(date('05/06/1986')).toBe('1986-06-05');
    expect(date('05/06/1986', 'mdy')).toBe('1986-05-06');
    expect(date('09/26/1986', 'mdy')).toBe('1986-09-26');
    expect(date('09/26/1986')).toBe('validation.date_not_real'); // read day first: no 26th month
    expect(date('1986-09-26', 'mdy')).toBe('1986-09-26'); // ISO is never reordered
  });

  it('reads every valid date back from every format', () => {
    const ID_MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
    const EN_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1920, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-') as [string, string, string];
        const mi = Number(m) - 1;
        const serial = Math.floor((d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
        for (const text of [
          `${day}-${m}-${y}`, `${day}/${m}/${y}`, `${Number(day)}/${Number(m)}/${y}`, `${day}.${m}.${y}`, iso,
          `${Number(day)} ${ID_MONTHS[mi]} ${y}`, `${day}-${EN_ABBR[mi]}-${y}`, serial, String(serial),
        ]) {
          expect(date(text), String(text)).toBe(iso);
        }
        expect(date(`${m}/${day}/${y}`, 'mdy')).toBe(iso);
      }),
      { numRuns: 500 },
    );
  });
});

describe('detectDateOrder', () => {
  it('says month-day-year only when a value proves it', () => {
    expect(detectDateOrder(['05/06/1986', '09/26/1986', ''])).toBe('mdy');
    expect(detectDateOrder(['05/06/1986', '26/09/1986'])).toBe('dmy');
    expect(detectDateOrder(['05/06/1986', '07/08/1990'])).toBe('dmy'); // undecidable: the Indonesian order
    expect(detectDateOrder(['26/09/1986', '09/26/1986'])).toBe('dmy'); // mixed: leave each to fail or pass
    expect(detectDateOrder(['1986-09-26', '25 November 2026'])).toBe('dmy');
  });
});
