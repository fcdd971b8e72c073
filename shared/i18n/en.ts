// English: each area file is typed by its Indonesian counterpart, so a missing key fails the type check.
import type { Catalogue } from './id.ts';
import { messages } from './en/messages.ts';
import { terms } from './en/terms.ts';
import { shell } from './en/shell.ts';
import { settings } from './en/settings.ts';
import { roster } from './en/roster.ts';
import { programme } from './en/programme.ts';
import { events } from './en/events.ts';
import { attendance } from './en/attendance.ts';
import { certificates } from './en/certificates.ts';
import { records } from './en/records.ts';
import { evaluation } from './en/evaluation.ts';
import { ledger } from './en/ledger.ts';
import { ledgerUi } from './en/ledger-ui.ts';
import { evaluationUi } from './en/evaluation-ui.ts';
import { reports } from './en/reports.ts';
import { cityUi } from './en/city-ui.ts';
import { batches } from './en/batches.ts';
import { batchesUi } from './en/batches-ui.ts';

export const en: Catalogue = {
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
