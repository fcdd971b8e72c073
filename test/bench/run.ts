// `npm run bench` (add `-- --json` for one JSON object per figure per line).
import { cliColdStart, coldStart, httpRoundtrip, ipcRoundtrip, open10k } from './foundation.bench.ts';
import { bundleSize, firstPaint } from './renderer.bench.ts';
import { employeeSearch, rosterImport } from './roster.bench.ts';
import { attendanceRecap, attendanceScan, attendanceSheet } from './attendance.bench.ts';
import { backupCreate } from './backup.bench.ts';
import { certificatesBatch500, certificatesVerify } from './certificates.bench.ts';
import { recordsImport } from './records.bench.ts';
import { ledgerYear } from './ledger.bench.ts';
import { batchExportYear } from './batches.bench.ts';
import { batchImport18, batchReimport, cityLedger18 } from './city.bench.ts';

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const benches: Record<string, () => unknown> = {
  'cli.cold_start': cliColdStart,
  'backend.cold_start': coldStart,
  'backend.open_10k': open10k,
  'http.roundtrip': httpRoundtrip,
  'ipc.roundtrip': ipcRoundtrip,
  'roster.import_10k': rosterImport,
  'employees.search_10k': employeeSearch,
  'attendance.scan': attendanceScan,
  'attendance.sheet_200': attendanceSheet,
  'attendance.recap_200x10': attendanceRecap,
  'backup.create_10k': backupCreate,
  'certificates.batch_500': certificatesBatch500,
  'certificates.verify': certificatesVerify,
  'records.import_10k': recordsImport,
  'ledger.year_10k': ledgerYear,
  'batch.export_year': batchExportYear,
  'batch.import_18': batchImport18,
  'batch.reimport': batchReimport,
  'city.ledger_18': cityLedger18,
  'renderer.bundle': bundleSize,
  'renderer.first_paint': firstPaint,
};

for (const [name, bench] of Object.entries(benches)) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  await bench();
}
