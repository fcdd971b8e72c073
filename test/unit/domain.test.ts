import { describe, expect, it } from 'vitest';
import { TIMEZONES, TIMEZONE_LABEL, timezoneForProvince } from '../../shared/domain/timezone.ts';
import { dateInZone, formatDate, formatInstant } from '../../shared/domain/dates.ts';
import { titleCaseRegion } from '../../shared/domain/names.ts';

describe('timezoneForProvince', () => {
  it.each([
    ['11', 'Asia/Jakarta'], // Aceh
    ['16', 'Asia/Jakarta'], // Sumatera Selatan
    ['19', 'Asia/Jakarta'], // Bangka Belitung
    ['21', 'Asia/Jakarta'], // Kepulauan Riau
    ['31', 'Asia/Jakarta'], // DKI Jakarta
    ['36', 'Asia/Jakarta'], // Banten
    ['51', 'Asia/Makassar'], // Bali
    ['52', 'Asia/Makassar'], // NTB
    ['53', 'Asia/Makassar'], // NTT
    ['61', 'Asia/Jakarta'], // Kalimantan Barat
    ['62', 'Asia/Jakarta'], // Kalimantan Tengah
    ['63', 'Asia/Makassar'], // Kalimantan Selatan
    ['64', 'Asia/Makassar'], // Kalimantan Timur
    ['65', 'Asia/Makassar'], // Kalimantan Utara
    ['71', 'Asia/Makassar'], // Sulawesi Utara
    ['76', 'Asia/Makassar'], // Sulawesi Barat
    ['81', 'Asia/Jayapura'], // Maluku
    ['82', 'Asia/Jayapura'], // Maluku Utara
    ['91', 'Asia/Jayapura'], // Papua
    ['96', 'Asia/Jayapura'], // Papua Barat Daya
  ])('province %s → %s', (code, zone) => {
    expect(timezoneForProvince(code)).toBe(zone);
  });

  it('takes a longer region code by its province', () => {
    expect(timezoneForProvince('16.71.14')).toBe('Asia/Jakarta');
    expect(timezoneForProvince('51.71.01')).toBe('Asia/Makassar');
    expect(timezoneForProvince('91.71.01')).toBe('Asia/Jayapura');
  });

  it('labels the three zones WIB, WITA, WIT', () => {
    expect(TIMEZONES.map((z) => TIMEZONE_LABEL[z])).toEqual(['WIB', 'WITA', 'WIT']);
  });
});

describe('dates', () => {
  it('formatDate writes dates the Indonesian way', () => {
    expect(formatDate('2026-11-25')).toBe('25 November 2026');
    expect(formatDate('2026-08-17')).toBe('17 Agustus 2026');
    expect(formatDate('2026-01-01')).toBe('1 Januari 2026');
    expect(formatDate('2026-08-17', 'en')).toBe('17 August 2026');
  });

  it('formatDate does not shift the day in any process time zone', () => {
    expect(formatDate('2026-03-01')).toBe('1 Maret 2026');
    expect(formatDate('2026-12-31')).toBe('31 Desember 2026');
  });

  it('formatDate passes something that is not a date through', () => {
    expect(formatDate('besok')).toBe('besok');
  });

  it('an instant is shown in the office time zone', () => {
    expect(formatInstant('2026-11-25T02:30:00.000Z', 'Asia/Jakarta')).toBe('25 November 2026 09:30');
    expect(formatInstant('2026-11-25T02:30:00.000Z', 'Asia/Jayapura')).toBe('25 November 2026 11:30');
    expect(formatInstant('2026-11-24T17:30:00.000Z', 'Asia/Makassar')).toBe('25 November 2026 01:30');
  });

  it('dateInZone gives the calendar date in that zone', () => {
    const late = new Date('2026-11-24T17:30:00.000Z');
    expect(dateInZone(late, 'Asia/Jakarta')).toBe('2026-11-25');
    expect(dateInZone(late, 'UTC')).toBe('2026-11-24');
  });
});

describe('titleCaseRegion', () => {
  it('turns the capitalised list names into readable ones, keeping DKI and DI', () => {
    expect(titleCaseRegion('KOTA PALEMBANG')).toBe('Kota Palembang');
    expect(titleCaseRegion('DKI JAKARTA')).toBe('DKI Jakarta');
    expect(titleCaseRegion('DAERAH ISTIMEWA YOGYAKARTA')).toBe('Daerah Istimewa Yogyakarta');
    expect(titleCaseRegion('KABUPATEN OGAN KOMERING ULU')).toBe('Kabupaten Ogan Komering Ulu');
  });
});
