// What the city answers for each batch file (docs/batch-format.md). Kept out of the contract so
// the command line can judge results without loading the schemas.
export const BATCH_IMPORT_STATUSES = ['imported', 'already_imported', 'gap', 'out_of_order', 'tampered', 'unknown_office', 'malformed'] as const;
export type BatchImportStatus = (typeof BATCH_IMPORT_STATUSES)[number];

/** What the city keeps of a batch's rows: imported, or held after a gap. Anything else is refused. */
export const ACCEPTED_STATUSES: readonly BatchImportStatus[] = ['imported', 'already_imported', 'out_of_order'];
