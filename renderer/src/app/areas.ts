/** The app's areas, in navigation order. `key` names their texts under `areas.<key>`. */
export interface Area {
  key: 'home' | 'employees' | 'programs' | 'activities' | 'evaluation' | 'ledger' | 'certificates' | 'export' | 'settings'
    | 'kecamatan' | 'batchImport' | 'cityLedger';
  path: string;
  adminOnly?: boolean;
  /** Which office has it: a kecamatan (when not said), the city's BKPSDM (`kota`), or both. */
  for?: 'kecamatan' | 'kota' | 'both';
}

export const AREAS: Area[] = [
  { key: 'home', path: '/', for: 'both' },
  { key: 'employees', path: '/pegawai' },
  { key: 'programs', path: '/program' },
  { key: 'activities', path: '/kegiatan' },
  { key: 'evaluation', path: '/evaluasi' },
  { key: 'ledger', path: '/capaian' },
  { key: 'certificates', path: '/sertifikat' },
  { key: 'export', path: '/kirim-data' },
  { key: 'kecamatan', path: '/kecamatan', for: 'kota' },
  { key: 'batchImport', path: '/impor-kiriman', for: 'kota' },
  { key: 'cityLedger', path: '/capaian-kota', for: 'kota' },
  { key: 'settings', path: '/pengaturan', adminOnly: true, for: 'both' },
];

/** The areas of a kecamatan office, or of a city office (`kind` from `office.get`). */
export function areasFor(kind: 'kecamatan' | 'kota' | undefined): Area[] {
  return AREAS.filter((a) => {
    const where = a.for ?? 'kecamatan';
    return where === 'both' || where === (kind ?? 'kecamatan');
  });
}

export const ACCOUNT_PATH = '/akun';
