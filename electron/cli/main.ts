import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { ApiError, isApiErrorData } from '../../shared/contract/errors.ts';
import type { MethodName, Output } from '../../shared/contract/index.ts';
import { createI18n, errorText, type Language } from '../../shared/i18n/index.ts';
import { timezoneForProvince, TIMEZONE_LABEL } from '../../shared/domain/timezone.ts';
import { formatNip, parseNip } from '../../shared/domain/nip.ts';
import type { ScanResult } from '../../shared/contract/attendance.ts';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../shared/domain/jp.ts';
import { foldHeader, ROSTER_FIELDS, type RosterField } from '../../shared/domain/roster-columns.ts';
import { createBackend, openDataFolder, type Backend } from '../backend/backend.ts';
import { resolveDataDir, DB_FILE } from '../backend/paths.ts';
import { inspectDatabaseFile, openDatabaseReadOnly } from '../backend/db/open.ts';
import { checkDatabase } from '../backend/db/check.ts';
import { schemaVersion } from '../backend/db/migrate.ts';
import { LATEST_VERSION } from '../backend/db/migrations/index.ts';
import { cliActor } from '../backend/services/context.ts';
import { lookupDistrict } from '../backend/services/regions.ts';
import { startHttpServer } from '../server/http.ts';
import { findElectron, launchElectron } from './electron-launch.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
export const DEFAULT_PORT = 4780;

const lang: Language = process.env.BANGKOM_LANG === 'en' ? 'en' : 'id';
const { t } = createI18n(lang);

class CliFailure extends Error {}

function dataDir(cmd: Command): string {
  return resolveDataDir(cmd.optsWithGlobals().data as string | undefined);
}

function withBackend<T>(cmd: Command, work: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = createBackend({ dataDir: dataDir(cmd) });
  return work(backend).finally(() => backend.close());
}

/** Calls a contract method as the local admin; a typed error becomes a one-line failure. */
async function callAsCli<M extends MethodName>(backend: Backend, method: M, input: unknown): Promise<Output<M>> {
  const { result } = await backend.call(method, input, { door: 'cli', actor: cliActor(os.userInfo().username) });
  if (!result.ok) throw ApiError.from(result.error);
  return result.value as Output<M>;
}

function print(cmd: Command, data: unknown, human: () => string): void {
  if (cmd.opts().json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else process.stdout.write(`${human()}\n`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function serve(cmd: Command, opts: { host: string; port: number }): Promise<void> {
  const backend = createBackend({ dataDir: dataDir(cmd) });
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    process.stderr.write('Tampilan belum dibangun: jalankan `npm run build` (hanya API yang tersedia).\n');
  }
  const running = await startHttpServer({ backend, staticDir: RENDERER_DIR, host: opts.host, port: opts.port })
    .catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EADDRINUSE' || opts.port === 0) throw err;
      process.stderr.write(`Port ${opts.port} sedang dipakai; memakai port lain.\n`);
      return startHttpServer({ backend, staticDir: RENDERER_DIR, host: opts.host, port: 0 });
    });
  if (!['127.0.0.1', 'localhost', '::1'].includes(opts.host)) {
    process.stderr.write(`Perhatian: Bangkom terbuka untuk jaringan di ${opts.host}. Setiap akses tetap perlu masuk (login).\n`);
  }
  process.stdout.write(`Bangkom berjalan di ${running.url}\nData: ${backend.dataDir}\nTekan Ctrl+C untuk berhenti.\n`);
  const stop = () => { void running.close().then(() => { backend.close(); process.exit(0); }); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** What a command asks its caller to exit with, without touching the process-wide exit code. */
export interface CliOutcome { exitCode: number }

function readInputFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new CliFailure(`Berkas ${file} tidak dapat dibaca.`);
  }
}

/**
 * A mapping file names columns by header text or by 0-based index. It corrects the mapping the
 * import would use (remembered or automatic): columns it does not name keep theirs, and a field it
 * gives a column is taken away from the column that had it.
 */
function mappingFromFile(file: string, headers: string[], base: Record<string, RosterField | null>): Record<string, RosterField | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(readInputFile(file).toString('utf8'));
  } catch (err) {
    if (err instanceof CliFailure) throw err;
    throw new CliFailure(`Berkas pemetaan ${file} bukan JSON yang sah.`);
  }
  const mapping: Record<string, RosterField | null> = Object.fromEntries(headers.map((_, i) => [String(i), base[String(i)] ?? null]));
  const named = new Map<string, RosterField | null>();
  for (const [key, field] of Object.entries(raw as Record<string, unknown>)) {
    const index = /^\d+$/.test(key) ? Number(key) : headers.findIndex((h) => foldHeader(h) === foldHeader(key));
    if (index < 0 || index >= headers.length) throw new CliFailure(`Kolom "${key}" dari berkas pemetaan tidak ada di berkas impor.`);
    if (field !== null && !(ROSTER_FIELDS as readonly string[]).includes(String(field))) {
      throw new CliFailure(`Field "${String(field)}" tidak dikenal. Pilihan: ${ROSTER_FIELDS.join(', ')}.`);
    }
    named.set(String(index), field as RosterField | null);
  }
  const given = new Set([...named.values()].filter((f) => f !== null));
  for (const [index, field] of Object.entries(mapping)) if (field !== null && given.has(field)) mapping[index] = null;
  for (const [index, field] of named) mapping[index] = field;
  return mapping;
}

/** Exports are written beside the target and renamed over it: a crash never leaves half a file. */
function writeFileAtomic(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } catch (err) {
    // A failed export leaves neither half a file nor its temporary copy behind.
    fs.rmSync(temp, { force: true });
    throw new CliFailure(`Berkas ${file} tidak dapat ditulis (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
}

export function buildProgram(outcome: CliOutcome = { exitCode: 0 }): Command {
  const program = new Command('bangkom')
    .description('Bangkom — pengembangan kompetensi ASN kantor kecamatan')
    .option('--data <dir>', 'folder data (atau env BANGKOM_DATA)')
    .showHelpAfterError()
    .exitOverride();

  const portOption = new Option('--port <port>', 'port').default(DEFAULT_PORT).argParser((v) => Number.parseInt(v, 10));

  program.command('serve')
    .description('layani aplikasi dan API lewat HTTP (untuk peramban)')
    .option('--host <host>', 'alamat yang didengar', '127.0.0.1')
    .addOption(portOption)
    .action((opts: { host: string; port: number }, cmd: Command) => serve(cmd, opts));

  program.command('start')
    .description('buka aplikasi desktop; jika Electron tidak bisa berjalan, layani lewat peramban')
    .addOption(portOption)
    .action(async (opts: { port: number }, cmd: Command) => {
      const electron = findElectron();
      const dataArgs = cmd.optsWithGlobals().data ? [`--data=${dataDir(cmd)}`] : [];
      if (electron.ok && (await launchElectron(electron.binary, ROOT, dataArgs))) return;
      const reason = electron.ok ? 'Electron berhenti saat dibuka' : electron.reason;
      process.stdout.write(
        `Aplikasi desktop (Electron) tidak dapat dibuka di sini: ${reason}. ` +
        'Bangkom tetap berjalan: layanan yang sama dijalankan di komputer ini saja (127.0.0.1). ' +
        'Buka alamat di bawah ini dengan peramban (Chrome, Edge, atau Firefox); data dan akun sama dengan aplikasi desktop.\n' +
        '(The desktop window cannot open here, so Bangkom is served on this computer only: open the address below in a browser.)\n\n',
      );
      await serve(cmd, { host: '127.0.0.1', port: opts.port });
    });

  const office = program.command('office').description('data kantor');
  office.command('setup')
    .description('atur kantor (sekali, pada penggunaan pertama)')
    .requiredOption('--region <code>', 'kode kecamatan Kemendagri, mis. 16.71.14')
    .option('--name <name>', 'nama kantor (bawaan: "Kantor Kecamatan <nama>")')
    .option('--address <address>', 'alamat', '')
    .option('--timezone <tz>', 'Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)')
    .requiredOption('--signer-name <name>', 'nama Camat (penandatangan dokumen)')
    .requiredOption('--signer-nip <nip>', 'NIP Camat')
    .option('--signer-title <title>', 'jabatan penandatangan', 'Camat')
    .option('--json', 'cetak JSON')
    .action(async (opts: Record<string, string>, cmd: Command) => withBackend(cmd, async (backend) => {
      const region = await lookupDistrict(opts.region ?? '');
      if (!region) throw ApiError.field(['regionCode'], 'validation.region_unknown', { code: opts.region ?? '' });
      const result = await callAsCli(backend, 'office.setup', {
        regionCode: opts.region,
        name: opts.name ?? `Kantor Kecamatan ${region.district.name}`,
        address: opts.address,
        timezone: opts.timezone ?? timezoneForProvince(opts.region ?? ''),
        signer: { name: opts.signerName, nip: opts.signerNip, title: opts.signerTitle },
      });
      print(cmd, result.office, () => `Kantor diatur: ${result.office.name} (${result.office.code}), ${result.office.districtName}, ${result.office.regencyName}.`);
    }));
  office.command('show')
    .description('tampilkan data kantor')
    .option('--json', 'cetak JSON')
    .action(async (_opts: unknown, cmd: Command) => withBackend(cmd, async (backend) => {
      const o = await callAsCli(backend, 'office.get', {});
      print(cmd, o, () => [
        `${o.name} (${o.code})`,
        `Wilayah: ${o.districtName}, ${o.regencyName}, ${o.provinceName}`,
        `Alamat: ${o.address || '-'}`,
        `Zona waktu: ${o.timezone} (${TIMEZONE_LABEL[o.timezone]})`,
        `Penandatangan: ${o.signer.name}, NIP ${formatNip(o.signer.nip)}, ${o.signer.title}`,
        `Logo: ${o.hasLogo ? 'ada' : 'belum ada'}`,
      ].join('\n'));
    }));

  const users = program.command('users').description('akun pengguna');
  users.command('add')
    .description('tambah akun (kata sandi dibaca dari stdin)')
    .requiredOption('--username <u>', 'nama pengguna')
    .addOption(new Option('--role <role>', 'peran').choices(['admin', 'operator']).makeOptionMandatory())
    .option('--full-name <name>', 'nama lengkap (bawaan: nama pengguna)')
    .requiredOption('--password-stdin', 'baca kata sandi dari stdin')
    .option('--json', 'cetak JSON')
    .action(async (opts: { username: string; role: string; fullName?: string }, cmd: Command) => {
      const password = await readStdin();
      await withBackend(cmd, async (backend) => {
        const user = await callAsCli(backend, 'users.create', { username: opts.username, role: opts.role, fullName: opts.fullName ?? opts.username, password });
        print(cmd, user, () => `Akun ${user.username} (${user.role}) dibuat.`);
      });
    });
  users.command('list')
    .description('daftar akun')
    .option('--json', 'cetak JSON')
    .action(async (_opts: unknown, cmd: Command) => withBackend(cmd, async (backend) => {
      const list = await callAsCli(backend, 'users.list', {});
      print(cmd, list, () => list.map((u) => `${u.username}\t${u.role}\t${u.active ? 'aktif' : 'nonaktif'}\t${u.fullName}`).join('\n') || '(belum ada akun)');
    }));

  const roster = program.command('roster').description('daftar pegawai: impor dan ekspor');
  roster.command('import <file>')
    .description('impor pegawai dari CSV atau XLSX')
    .option('--dry-run', 'hanya periksa; tidak ada yang ditulis')
    .option('--sheet <name>', 'lembar XLSX (bawaan: lembar pertama)')
    .option('--mapping <file>', 'JSON: judul kolom atau nomor kolom (0, 1, …) → field (atau null); kolom lain tetap dipetakan otomatis')
    .option('--create-units', 'buat unit kerja yang belum ada')
    .option('--errors-out <file>', 'simpan baris yang salah beserta pesannya (.csv atau .xlsx)')
    .option('--json', 'cetak JSON')
    .action(async (fileArg: string, opts: { dryRun?: boolean; sheet?: string; mapping?: string; createUnits?: boolean; errorsOut?: string }, cmd: Command) => {
      const data = readInputFile(fileArg);
      await withBackend(cmd, async (backend) => {
        const base = { fileName: path.basename(fileArg), dataBase64: data.toString('base64'), sheet: opts.sheet, createUnits: Boolean(opts.createUnits) };
        const preview = await callAsCli(backend, 'roster.preview', base);
        const mapping = opts.mapping ? mappingFromFile(opts.mapping, preview.headers, preview.mapping) : undefined;
        const input = { ...base, mapping };
        const result = opts.dryRun ? await callAsCli(backend, 'roster.preview', input) : await callAsCli(backend, 'roster.apply', input);
        if (opts.errorsOut && result.errors.length) {
          const format = opts.errorsOut.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
          const file = await callAsCli(backend, 'roster.errorFile', { ...input, format });
          writeFileAtomic(opts.errorsOut, Buffer.from(file.dataBase64, 'base64'));
        }
        const issue = (i: { row: number; field: string; code: string; message: string; params?: Record<string, string | number> }) =>
          ({ row: i.row, field: i.field, code: i.code, message: t(i.code, { ...i.params, defaultValue: i.message }) });
        const summary = { rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged, errors: result.errors.map(issue), warnings: result.warnings.map(issue) };
        print(cmd, summary, () => [
          `${opts.dryRun ? 'Uji coba (tidak ada yang ditulis)' : 'Impor selesai'}: ${summary.rows} baris — ${summary.created} baru, ${summary.updated} diubah, ${summary.unchanged} tetap, ${new Set(summary.errors.map((e) => e.row)).size} baris salah.`,
          ...summary.errors.map((e) => `  baris ${e.row}, ${e.field}: ${e.message}`),
          ...summary.warnings.map((w) => `  (peringatan) baris ${w.row}, ${w.field}: ${w.message}`),
        ].join('\n'));
      });
    });
  roster.command('export <file>')
    .description('ekspor daftar pegawai ke .xlsx atau .csv (NIP tersimpan sebagai teks)')
    .option('--search <text>', 'hanya yang cocok (nama atau NIP)')
    .option('--json', 'cetak JSON')
    .action(async (fileArg: string, opts: { search?: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const format = fileArg.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const file = await callAsCli(backend, 'roster.export', { format, search: opts.search ?? '' });
      const data = Buffer.from(file.dataBase64, 'base64');
      writeFileAtomic(fileArg, data);
      print(cmd, { file: path.resolve(fileArg), format, bytes: data.length }, () => `Daftar pegawai disimpan ke ${fileArg}.`);
    }));

  const employeesCmd = program.command('employees').description('pegawai');
  employeesCmd.command('list')
    .description('daftar pegawai')
    .option('--search <text>', 'potongan nama atau NIP')
    .option('--json', 'cetak JSON')
    .action(async (opts: { search?: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const { items } = await callAsCli(backend, 'employees.list', { search: opts.search ?? '' });
      print(cmd, items, () => items.map((e) => `${formatNip(e.nip)}  ${e.displayName}  ${e.golonganLabel ?? '-'}  ${e.unit ?? '-'}  ${e.status}`).join('\n') || '(tidak ada pegawai)');
    }));

  const attendance = program.command('attendance').description('kehadiran');
  attendance.command('mark')
    .description('catat kehadiran satu peserta (seperti memindai NIP di pintu)')
    .requiredOption('--session <id>', 'id sesi')
    .requiredOption('--nip <nip>', 'NIP peserta (boleh berspasi)')
    .addOption(new Option('--status <status>', 'status selain hadir/terlambat otomatis').choices([...ATTENDANCE_STATUSES]))
    .option('--json', 'cetak JSON')
    .action(async (opts: { session: string; nip: string; status?: AttendanceStatus }, cmd: Command) => withBackend(cmd, async (backend) => {
      let result: ScanResult;
      const parsed = parseNip(opts.nip);
      // A status given by hand is set on the participant's mark directly: scanning first would
      // record a Hadir that never happened (and a second change of the same mark).
      const row = opts.status && parsed.ok
        ? (await callAsCli(backend, 'attendance.sheet', { sessionId: opts.session })).rows.find((r) => r.nip === parsed.nip.digits)
        : undefined;
      if (opts.status && row) {
        const { mark: current, ...person } = row;
        const unchanged = current?.status === opts.status;
        const mark = unchanged ? current! : await callAsCli(backend, 'attendance.mark', { sessionId: opts.session, enrolmentId: row.enrolmentId, status: opts.status, note: current?.note ?? '' });
        result = { outcome: unchanged ? 'already' : 'marked', person, mark, nip: parsed.ok ? parsed.nip.digits : opts.nip, code: null };
      } else {
        result = await callAsCli(backend, 'attendance.scan', { sessionId: opts.session, input: opts.nip });
      }
      const done = result.outcome === 'marked' || result.outcome === 'already';
      const human = () => {
        switch (result.outcome) {
          case 'marked': return `${result.person!.name} (${formatNip(result.nip)}): ${result.mark!.status}.`;
          case 'already': return `${result.person!.name} sudah tercatat (${result.mark!.status}); tidak ada yang diubah.`;
          case 'not_enrolled': return `${result.person!.name} belum terdaftar sebagai peserta kegiatan ini.`;
          case 'unknown': return `NIP ${formatNip(result.nip)} tidak ada di daftar pegawai.`;
          default: return t(result.code ?? 'nip.wrong_length');
        }
      };
      // A NIP that can't be marked is a failure: one line on stderr, the JSON result still on stdout.
      if (done || cmd.opts().json) print(cmd, result, human);
      if (!done) {
        process.stderr.write(`bangkom: ${human().replace(/\s*\n\s*/g, ' ')}\n`);
        outcome.exitCode = 1;
      }
    }));

  const eventCmd = program.command('event').description('kegiatan');
  eventCmd.command('recap <id>')
    .description('rekap kehadiran, JP, dan kelulusan peserta')
    .option('--json', 'cetak JSON')
    .action(async (id: string, _opts: unknown, cmd: Command) => withBackend(cmd, async (backend) => {
      const recap = await callAsCli(backend, 'recap.event', { eventId: id });
      print(cmd, recap, () => [
        `${recap.name}: ${recap.totals.participants} peserta, ${recap.totals.passed} lulus, ${recap.totals.notPassed} tidak memenuhi syarat.`,
        ...recap.rows.map((r) => `${(r.nip ? formatNip(r.nip) : '-').padEnd(22)} ${r.name.padEnd(32)} ${r.codes.map((c) => c || '·').join(' ')}  ${r.attendancePct}%  ${r.jp} JP  ${r.passed ? 'lulus' : 'TMS'}`),
      ].join('\n'));
    }));

  const db = program.command('db').description('basis data');
  db.command('migrate')
    .description('perbarui skema basis data')
    .option('--json', 'cetak JSON')
    .action((_opts: unknown, cmd: Command) => {
      const database = openDataFolder(dataDir(cmd));
      const version = schemaVersion(database);
      database.close();
      print(cmd, { version, latest: LATEST_VERSION }, () => `Skema basis data versi ${version} (terbaru).`);
    });
  db.command('check')
    .description('periksa keutuhan basis data (hanya membaca)')
    .option('--json', 'cetak JSON')
    .action((_opts: unknown, cmd: Command) => {
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
