// `db`: schema migration and a read-only integrity check.
import path from 'node:path';
import type { Command } from 'commander';
import { DB_FILE } from '../backend/paths.ts';
import { CliFailure, dataDir, print, type CliOutcome } from './support.ts';

export function registerDbCommands(program: Command, outcome: CliOutcome): void {
  const db = program.command('db').description('basis data');
  db.command('migrate')
    .description('perbarui skema basis data')
    .option('--json', 'cetak JSON')
    .action(async (_opts: unknown, cmd: Command) => {
      const [{ openDataFolder }, { schemaVersion }, { LATEST_VERSION }] = await Promise.all([
        import('../backend/backend.ts'), import('../backend/db/migrate.ts'), import('../backend/db/migrations/index.ts'),
      ]);
      const database = openDataFolder(dataDir(cmd));
      const version = schemaVersion(database);
      database.close();
      print(cmd, { version, latest: LATEST_VERSION }, () => `Skema basis data versi ${version} (terbaru).`);
    });
  db.command('check')
    .description('periksa keutuhan basis data (hanya membaca)')
    .option('--json', 'cetak JSON')
    .action(async (_opts: unknown, cmd: Command) => {
      const [{ inspectDatabaseFile, openDatabaseReadOnly }, { checkDatabase }, { schemaVersion }] = await Promise.all([
        import('../backend/db/open.ts'), import('../backend/db/check.ts'), import('../backend/db/migrate.ts'),
      ]);
      const file = path.join(dataDir(cmd), DB_FILE);
      const inspected = inspectDatabaseFile(file);
      if (!inspected.exists) throw new CliFailure(`Belum ada basis data di ${file}.`);
      let report: ReturnType<typeof checkDatabase> & { version?: number; file: string; problem?: string };
      if (inspected.problem) {
        report = { ok: false, integrity: [inspected.problem], foreignKeys: [], file, problem: inspected.problem };
      } else {
        let database;
        try {
          database = openDatabaseReadOnly(file);
          report = { ...checkDatabase(database), version: schemaVersion(database), file };
        } catch (err) {
          report = { ok: false, integrity: [(err as Error).message], foreignKeys: [], file, problem: (err as Error).message };
        } finally {
          database?.close();
        }
      }
      print(cmd, report, () => report.ok
        ? `Basis data utuh (${file}, skema ${report.version}).`
        : [`Basis data bermasalah (${file}). Tidak ada yang diubah.`,
          ...report.integrity.map((p) => `- keutuhan: ${p}`),
          ...report.foreignKeys.map((f) => `- kunci asing: tabel ${f.table} baris ${f.rowid} merujuk ${f.parent} yang tidak ada`)].join('\n'));
      if (!report.ok) outcome.exitCode = 1;
    });
}
