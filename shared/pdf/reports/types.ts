// What each report prints, gathered by the backend (electron/backend/reports) and laid out by
// the pure document builders beside this file. Amounts are whole rupiah; JP to hundredths.

export interface ReportOffice {
  name: string;
  address: string;
  /** "KOTA PALEMBANG": the government line of the letterhead. */
  regency: string;
  logoDataUrl: string | null;
  signer: { name: string; nip: string; title: string };
}

/** Office and the place and date above the signature ("Plaju, 25 November 2026"). */
export interface ReportFrame {
  office: ReportOffice;
  placeDate: string;
}

// ── realisasi ──────────────────────────────────────────────────────────────────────────
export interface RealisasiFigures {
  targetCount: number;
  budget: number;
  eventsHeld: number;
  completed: number;
  deliveredJp: number;
  spent: number;
  /** completed ÷ target, %; null without a target. */
  pctParticipants: number | null;
  /** spent ÷ budget, %; null without a budget. */
  pctBudget: number | null;
  /** spent ÷ JP delivered; null when nothing was delivered. */
  costPerJp: number | null;
  /** spent ÷ participants who completed; null when nobody did. */
  costPerParticipant: number | null;
}

export interface RealisasiItem extends RealisasiFigures {
  title: string;
  methodName: string;
  competencyType: string;
  plannedMonth: number;
  plannedJp: number;
  /** Events linked to the item, not cancelled (held or not). */
  events: number;
  status: string;
}

export interface RealisasiGroup {
  funding: string;
  label: string;
  items: RealisasiItem[];
  subtotal: RealisasiFigures;
}

export interface UnplannedEvent {
  name: string;
  methodName: string;
  startDate: string | null;
  endDate: string | null;
  status: string;
  /** Finished: its completion is decided. */
  held: boolean;
  completed: number;
  deliveredJp: number;
}

export interface RealisasiReport {
  year: number;
  groups: RealisasiGroup[];
  total: RealisasiFigures;
  unplanned: UnplannedEvent[];
  cancelled: { title: string; budget: number }[];
}

// ── pencapaian 20 JP ───────────────────────────────────────────────────────────────────
export interface JpUnitRow {
  unit: string;
  employees: number;
  reached: number;
  behind: number;
  averageJp: number;
  pctReached: number | null;
}

export interface JpPersonRow {
  nip: string;
  name: string;
  golongan: string;
  unit: string;
  eventJp: number;
  externalJp: number;
  unverifiedJp: number;
  jp: number;
  target: number;
  gap: number;
}

export interface JpReport {
  year: number;
  /** The one unit the report is limited to, or null for the whole office. */
  unit: string | null;
  targets: { pns: number; pppk: number };
  units: JpUnitRow[];
  office: JpUnitRow;
  people: JpPersonRow[];
}

// ── evaluasi ───────────────────────────────────────────────────────────────────────────
export interface Stat { n: number; mean: number | null; index: number | null }

export interface EvaluationEvent {
  name: string;
  methodName: string;
  startDate: string | null;
  endDate: string | null;
  place: string;
  participants: number;
  reaction: {
    scale: number;
    responses: number;
    aspects: (Stat & { aspect: string })[];
    speakers: (Stat & { speaker: string })[];
    overall: Stat;
  } | null;
  learning: { scored: number; meanPre: number | null; meanPost: number | null; meanGain: number | null; belowMinimum: number; minPostTest: number | null };
  behaviour: {
    scheduled: number;
    done: number;
    due: number;
    upcoming: number;
    items: { item: string; n: number; mean: number | null }[];
    findings: { name: string; text: string }[];
  };
  completion: { passed: number; notPassed: number; minAttendancePct: number; minPostTest: number | null };
}

export interface EvaluasiReport {
  year: number;
  events: EvaluationEvent[];
}

// ── riwayat ────────────────────────────────────────────────────────────────────────────
export interface HistoryTraining {
  title: string;
  organiser: string;
  methodName: string;
  startDate: string;
  endDate: string;
  jp: number;
  certificateNumber: string;
  source: 'event' | 'external';
  verified: boolean;
}

export interface HistoryYear {
  year: number;
  trainings: HistoryTraining[];
  totalJp: number;
  target: number;
}

export interface HistoryReport {
  /** null: every year with a record. */
  year: number | null;
  person: { name: string; nip: string; golongan: string; jabatan: string; unit: string };
  years: HistoryYear[];
}
