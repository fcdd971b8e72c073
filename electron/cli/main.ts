import { Command } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { isApiErrorData } from '../../shared/contract/errors.ts';
import { errorText } from '../../shared/i18n/index.ts';
import { registerAppCommands } from './commands-app.ts';
import { registerBackupCommands } from './commands-backup.ts';
import { registerDbCommands } from './commands-db.ts';
import { registerOfficeCommands } from './commands-office.ts';
import { registerRosterCommands } from './commands-roster.ts';
import { registerTrainingCommands } from './commands-trainings.ts';
import { registerCertificateCommands } from './commands-certificates.ts';
import { registerRecordCommands } from './commands-records.ts';
import { registerLedgerCommands } from './commands-ledger.ts';
import { registerReportCommands } from './commands-reports.ts';
import { registerBatchCommands } from './commands-batches.ts';
import { registerCityCommands } from './commands-city.ts';
import { t, type CliOutcome } from './support.ts';

export { DEFAULT_PORT, type CliOutcome } from './support.ts';

export function buildProgram(outcome: CliOutcome = { exitCode: 0 }): Command {
  const program = new Command('bangkom')
    .description('Bangkom — pengembangan kompetensi ASN kantor kecamatan')
    .version(pkg.version, '-V, --version', 'versi Bangkom')
    .option('--data <dir>', 'folder data (atau env BANGKOM_DATA)')
    .showHelpAfterError()
    .exitOverride();
  for (const register of [registerAppCommands, registerOfficeCommands, registerRosterCommands, registerTrainingCommands, registerCertificateCommands, registerRecordCommands, registerLedgerCommands, registerReportCommands, registerBatchCommands, registerCityCommands, registerDbCommands, registerBackupCommands]) {
    register(program, outcome);
  }
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const outcome: CliOutcome = { exitCode: 0 };
  try {
    await buildProgram(outcome).parseAsync(argv, { from: 'user' });
    return outcome.exitCode;
  } catch (err) {
    const e = err as { code?: string; exitCode?: number };
    if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : e.exitCode ?? 1;
    }
    const message = isApiErrorData(err) ? errorText(t, err) : (err as Error).message;
    process.stderr.write(`bangkom: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  }
}
