// Bahasa Indonesia: the default language. Keys are shared with en.ts (checked by a test).
// One file per area in id/; this assembles them in the order the keys have always had.
import { messages } from './id/messages.ts';
import { terms } from './id/terms.ts';
import { shell } from './id/shell.ts';
import { settings } from './id/settings.ts';
import { roster } from './id/roster.ts';
import { programme } from './id/programme.ts';
import { events } from './id/events.ts';
import { attendance } from './id/attendance.ts';
import { certificates } from './id/certificates.ts';
import { records } from './id/records.ts';
import { evaluation } from './id/evaluation.ts';
import { ledger } from './id/ledger.ts';
import { ledgerUi } from './id/ledger-ui.ts';
import { evaluationUi } from './id/evaluation-ui.ts';
import { reports } from './id/reports.ts';
import { cityUi } from './id/city-ui.ts';
import { batches } from './id/batches.ts';
import { batchesUi } from './id/batches-ui.ts';

export const id = {
  ...messages,
  ...terms,
  ...shell,
  ...settings,
  ...roster,
  ...programme,
  ...events,
  ...attendance,
  ...certificates,
  ...records,
  ...evaluation,
  ...ledger,
  ...ledgerUi,
  ...evaluationUi,
  ...reports,
  ...cityUi,
  ...batches,
  ...batchesUi,
};

export type Catalogue = typeof id;
