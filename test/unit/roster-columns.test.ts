import { describe, expect, it } from 'vitest';
import {
  HEADER_ALIASES,
  ROSTER_FIELDS,
  ROSTER_STATUSES,
  foldHeader,
  mapHeaders,
  matchHeader,
  normalizeEmploymentType,
  normalizeGender,
  normalizeStatus,
  splitBirthPlaceDate,
} from '../../shared/domain/roster-columns.ts';
import { rosterField } from '../../shared/contract/roster.ts';
import { EMPLOYEE_STATUSES } from '../../shared/contract/employees.ts';

describe('roster fields', () => {
  it('are the fields of the roster contract', () => {
    expect(rosterField.options).toEqual([...ROSTER_FIELDS]);
    expect([...ROSTER_STATUSES]).toEqual([...EMPLOYEE_STATUSES]);
  });

  it('no header spelling belongs to two fields', () => {
    const owner = new Map<string, string>();
    for (const field of ROSTER_FIELDS) {
      for (const alias of HEADER_ALIASES[field]) {
        const key = foldHeader(alias);
        expect(owner.get(key) ?? field, `${alias} in ${field} and ${owner.get(key)}`).toBe(field);
        owner.set(key, field);
      }
    }
  });
});

describe('matchHeader', () => {
  it.each([
    ['NIP', 'nip'], ['N I P', 'nip'], ['N.I.P.', 'nip'], ['NIP Baru', 'nip'], ['NIP/NI PPPK', 'nip'], ['NIP (18 digit)', 'nip'], ['nip', 'nip'],
    ['Nama', 'name'], ['Nama Lengkap', 'name'], ['Nama Pegawai', 'name'], ['NAMA LENGKAP DAN GELAR', 'name'], ['Name', 'name'],
    ['Gelar Depan', 'frontTitle'], ['Gelar Belakang', 'backTitle'],
    ['Pangkat/Gol', 'golongan'], ['Pangkat / Golongan', 'golongan'], ['Gol. Ruang', 'golongan'], ['Gol', 'golongan'], ['Golongan', 'golongan'], ['Pangkat', 'golongan'],
    ['Jabatan', 'jabatan'], ['Position', 'jabatan'],
    ['Unit Kerja', 'unit'], ['Unit', 'unit'],
    ['Jenis Kelamin', 'gender'], ['L/P', 'gender'], ['JK', 'gender'], ['Gender', 'gender'],
    ['Tempat Lahir', 'birthPlace'], ['Tgl Lahir', 'birthDate'], ['Tgl. Lahir', 'birthDate'], ['Tanggal Lahir', 'birthDate'],
    ['Tempat, Tgl Lahir', 'birthDate'], ['Tempat/Tanggal Lahir', 'birthDate'], ['TTL', 'birthDate'],
    ['Status', 'status'], ['TMT Status', 'statusDate'],
    ['No HP', 'phone'], ['No. HP', 'phone'], ['Telepon', 'phone'], ['Email', 'email'], ['E-mail', 'email'],
    ['Keterangan', 'notes'], ['Ket.', 'notes'],
    ['Jenis Pegawai', 'employmentType'], ['PNS/PPPK', 'employmentType'],
    ['  Tanggal\nLahir ', 'birthDate'], ['Jénis Kelamin', 'gender'],
  ])('%j → %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it.each(['', 'No', 'No.', 'NIP Lama', 'TMT Gol', 'TMT Pangkat', 'DAFTAR NAMA PEGAWAI KECAMATAN PLAJU', 'Nama Jabatan Atasan', 'Foto'])(
    '%j is no field',
    (header) => {
      expect(matchHeader(header)).toBeNull();
    },
  );
});

describe('mapHeaders', () => {
  it('maps each column and lists the unmapped ones', () => {
    const headers = ['No', 'NIP', 'Nama Lengkap', 'L/P', 'Tempat Lahir', 'Tgl Lahir', 'Pangkat/Gol', 'Jabatan', 'Unit Kerja', 'Foto', ''];
    expect(mapHeaders(headers)).toEqual({
      mapping: { 0: null, 1: 'nip', 2: 'name', 3: 'gender', 4: 'birthPlace', 5: 'birthDate', 6: 'golongan', 7: 'jabatan', 8: 'unit', 9: null, 10: null },
      unmapped: [0, 9],
    });
  });

  it('gives a field to the better-named of two columns, whatever their order', () => {
    expect(mapHeaders(['Pangkat', 'Golongan']).mapping).toEqual({ 0: null, 1: 'golongan' });
    expect(mapHeaders(['Golongan', 'Pangkat']).mapping).toEqual({ 0: 'golongan', 1: null });
    expect(mapHeaders(['Nama', 'Nama']).mapping).toEqual({ 0: 'name', 1: null });
    expect(mapHeaders(['Pangkat', 'Golongan']).unmapped).toEqual([0]);
  });

  it('maps an English roster', () => {
    const { mapping } = mapHeaders(['Employee ID', 'Full Name', 'Gender', 'Date of Birth', 'Grade', 'Position', 'Work Unit', 'Phone', 'Email', 'Notes']);
    expect(Object.values(mapping)).toEqual(['nip', 'name', 'gender', 'birthDate', 'golongan', 'jabatan', 'unit', 'phone', 'email', 'notes']);
  });
});

describe('value normalisers', () => {
  it('normalizeGender', () => {
    for (const raw of ['L', 'l', 'Laki-laki', 'LAKI-LAKI', 'Laki Laki', 'Lk', 'Pria', 'M', 'Male', '1', ' L ']) expect(normalizeGender(raw), raw).toBe('L');
    for (const raw of ['P', 'p', 'Perempuan', 'PEREMPUAN', 'Wanita', 'W', 'F', 'Female', '2', 'Pr']) expect(normalizeGender(raw), raw).toBe('P');
    for (const raw of ['', 'X', '3', 'L/P']) expect(normalizeGender(raw), raw).toBeNull();
  });

  it('normalizeEmploymentType', () => {
    for (const raw of ['PNS', 'pns', 'CPNS', 'Pegawai Negeri Sipil', 'Calon PNS']) expect(normalizeEmploymentType(raw), raw).toBe('pns');
    for (const raw of ['PPPK', 'P3K', 'pppk', 'PPPK Paruh Waktu', 'Pegawai Pemerintah dengan Perjanjian Kerja']) expect(normalizeEmploymentType(raw), raw).toBe('pppk');
    for (const raw of ['', 'Honorer', 'Non ASN', 'TKS']) expect(normalizeEmploymentType(raw), raw).toBeNull();
  });

  it('normalizeStatus', () => {
    expect(normalizeStatus('Aktif')).toBe('aktif');
    expect(normalizeStatus('Mutasi')).toBe('pindah');
    expect(normalizeStatus('Purna Tugas')).toBe('pensiun');
    expect(normalizeStatus('Meninggal Dunia')).toBe('meninggal');
    expect(normalizeStatus('CLTN')).toBe('cltn');
    expect(normalizeStatus('Cuti di Luar Tanggungan Negara')).toBe('cltn');
    expect(normalizeStatus('libur')).toBeNull();
  });

  it('splitBirthPlaceDate takes a combined "Tempat, Tgl Lahir" cell apart', () => {
    expect(splitBirthPlaceDate('Palembang, 26-09-1986')).toEqual({ place: 'Palembang', date: '1986-09-26' });
    expect(splitBirthPlaceDate('Palembang, 26 September 1986')).toEqual({ place: 'Palembang', date: '1986-09-26' });
    expect(splitBirthPlaceDate('Ogan Komering Ilir / 5 Agt 1990')).toEqual({ place: 'Ogan Komering Ilir', date: '1990-08-05' });
    expect(splitBirthPlaceDate('Kota Bandar Lampung 1986-09-26')).toEqual({ place: 'Kota Bandar Lampung', date: '1986-09-26' });
    expect(splitBirthPlaceDate('26-09-1986')).toEqual({ place: '', date: '1986-09-26' });
    expect(splitBirthPlaceDate('Palembang')).toBeNull();
    expect(splitBirthPlaceDate('Palembang, 31-02-1986')).toBeNull();
  });
});
