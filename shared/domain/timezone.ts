// Indonesia's three zones. The province's first digit group decides the usual zone
// (Permendagri regional codes); the admin can still change it.

export const TIMEZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type Timezone = (typeof TIMEZONES)[number];

export const TIMEZONE_LABEL: Record<Timezone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);

/** Sumatra, Java, Banten, Bangka-Belitung, Riau Islands, West and Central Kalimantan: WIB. */
export function timezoneForProvince(provinceCode: string): Timezone {
  const province = provinceCode.slice(0, 2);
  if (WITA_PROVINCES.has(province)) return 'Asia/Makassar';
  if (province.startsWith('8') || province.startsWith('9')) return 'Asia/Jayapura';
  return 'Asia/Jakarta';
}
