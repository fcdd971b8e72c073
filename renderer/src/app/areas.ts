/** The app's areas, in navigation order. `key` names their texts under `areas.<key>`. */
export interface Area {
  key: 'home' | 'employees' | 'programs' | 'activities' | 'evaluation' | 'ledger' | 'certificates' | 'export' | 'settings';
  path: string;
  adminOnly?: boolean;
  /** Not built yet: the page says what it will hold. */
  planned?: boolean;
}

export const AREAS: Area[] = [
  { key: 'home', path: '/' },
  { key: 'employees', path: '/pegawai' },
  { key: 'programs', path: '/program' },
  { key: 'activities', path: '/kegiatan' },
  { key: 'evaluation', path: '/evaluasi' },
  { key: 'ledger', path: '/capaian' },
  { key: 'certificates', path: '/sertifikat' },
  { key: 'export', path: '/kirim-data', planned: true },
  { key: 'settings', path: '/pengaturan', adminOnly: true },
];

export const ACCOUNT_PATH = '/akun';
