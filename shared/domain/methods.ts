// Competency types and the SIASN "jenis diklat" list (DOMAIN.md), with the JP conversion rule
// each method uses (BPS letter B-031/BPS/2600/02/2019; defaults an office may edit later).
//
// SIASN's numeric ids are not published with the list; ids 1–25 follow the order of the
// reference list (klasikal first, then non-klasikal). Confirm them with the city's BKPSDM.

export const COMPETENCY_TYPES = ['teknis', 'manajerial', 'sosial_kultural', 'pemerintahan'] as const;
export type CompetencyType = (typeof COMPETENCY_TYPES)[number];

export type JpRule =
  /** Actual hours at 45 minutes per JP; international events add a bonus share. */
  | { kind: 'actual'; internationalBonus: number }
  /** A fixed JP per day of the event, whatever the hours. */
  | { kind: 'perDay'; national: number; international: number }
  /** Actual hours, but at most this much per day. */
  | { kind: 'capPerDay'; national: number; international: number }
  /** A fixed JP per session, counting at most `maxPerMonth` sessions in a calendar month. */
  | { kind: 'perSession'; jp: number; maxPerMonth: number }
  /** A fixed JP for the whole activity ("per kali"). */
  | { kind: 'perActivity'; national: number; international: number };

export interface Method {
  id: number;
  name: string;
  group: 'klasikal' | 'nonklasikal';
  rule: JpRule;
}

const actual: JpRule = { kind: 'actual', internationalBonus: 0 };
const actualPlus: JpRule = { kind: 'actual', internationalBonus: 0.2 };

export const METHODS: readonly Method[] = [
  { id: 1, name: 'Diklat Struktural', group: 'klasikal', rule: actual },
  { id: 2, name: 'Diklat Fungsional', group: 'klasikal', rule: actualPlus },
  { id: 3, name: 'Diklat Teknis', group: 'klasikal', rule: actualPlus },
  { id: 4, name: 'Workshop', group: 'klasikal', rule: { kind: 'perDay', national: 5, international: 7 } },
  { id: 5, name: 'Pelatihan Manajerial', group: 'klasikal', rule: actualPlus },
  { id: 6, name: 'Pelatihan Sosial Kultural', group: 'klasikal', rule: actualPlus },
  { id: 7, name: 'Sosialisasi', group: 'klasikal', rule: { kind: 'perDay', national: 4, international: 6 } },
  { id: 8, name: 'Bimbingan Teknis', group: 'klasikal', rule: actualPlus },
  { id: 9, name: 'Seminar', group: 'klasikal', rule: { kind: 'perDay', national: 4, international: 6 } },
  { id: 10, name: 'Magang', group: 'klasikal', rule: { kind: 'perActivity', national: 20, international: 24 } },
  { id: 11, name: 'Kursus', group: 'klasikal', rule: actualPlus },
  { id: 12, name: 'Penataran', group: 'klasikal', rule: actualPlus },
  { id: 13, name: 'Klasikal lainnya', group: 'klasikal', rule: actualPlus },
  { id: 14, name: 'Coaching', group: 'nonklasikal', rule: { kind: 'perSession', jp: 2, maxPerMonth: 2 } },
  { id: 15, name: 'Mentoring', group: 'nonklasikal', rule: { kind: 'perSession', jp: 2, maxPerMonth: 2 } },
  { id: 16, name: 'E-Learning', group: 'nonklasikal', rule: { kind: 'capPerDay', national: 3, international: 4 } },
  { id: 17, name: 'Pelatihan Jarak Jauh', group: 'nonklasikal', rule: actualPlus },
  { id: 18, name: 'Detasering', group: 'nonklasikal', rule: { kind: 'perActivity', national: 20, international: 24 } },
  { id: 19, name: 'Pembelajaran Alam Terbuka (Outbound)', group: 'nonklasikal', rule: actualPlus },
  { id: 20, name: 'Patok Banding', group: 'nonklasikal', rule: { kind: 'perActivity', national: 10, international: 20 } },
  { id: 21, name: 'Pertukaran PNS dengan Pegawai Swasta/BUMN/BUMD', group: 'nonklasikal', rule: { kind: 'perActivity', national: 20, international: 24 } },
  { id: 22, name: 'Belajar Mandiri', group: 'nonklasikal', rule: { kind: 'capPerDay', national: 2, international: 2 } },
  { id: 23, name: 'Komunitas Belajar', group: 'nonklasikal', rule: { kind: 'capPerDay', national: 2, international: 2 } },
  { id: 24, name: 'Bimbingan di Tempat Kerja', group: 'nonklasikal', rule: actual },
  { id: 25, name: 'Nonklasikal lainnya', group: 'nonklasikal', rule: actual },
];

export const METHOD_IDS = METHODS.map((m) => m.id);

export function methodById(id: number): Method | undefined {
  return METHODS.find((m) => m.id === id);
}

export const ORGANISERS = ['kantor', 'bkpsdm', 'lan_bpsdm', 'universitas', 'instansi_lain', 'narasumber'] as const;
export const FUNDING_SOURCES = ['apbd', 'apbn', 'sponsor', 'mandiri', 'tanpa'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
