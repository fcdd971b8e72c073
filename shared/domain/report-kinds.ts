// The year's reports, by the names the CLI and the screens use. Kept out of the contract so the
// command line can list them without loading the schemas.
export const REPORT_KINDS = ['realisasi', 'jp', 'evaluasi', 'siasn'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
