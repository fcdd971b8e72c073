// `records`: training done outside the office's events (e-learning, BKPSDM/BPSDM trainings,
// seminars elsewhere): one entered, a file imported, the list.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ApiError } from '../../shared/contract/errors.ts';
import type { Input, Output } from '../../shared/contract/index.ts';
import { dayMonthYear } from '../../shared/domain/dates.ts';
import { COMPETENCY_TYPES } from '../../shared/domain/methods.ts';
import { formatNip, type NipIssue } from '../../shared/domain/nip.ts';
import { parseLooseDate } from '../../shared/domain/loose-date.ts';
import { recordJp } from '../../shared/domain/record-jp.ts';
import { fieldLabel, issueText } from '../../shared/i18n/index.ts';
import { CliFailure, callAsCli, employeeByNip, print, readInputFile, t, withBackend, type CliOutcome } from './support.ts';

/** The option that fills each field of records.create, to name it in messages. */
const FLAG: Record<string, string> = {
  employeeId: '--nip', title: '--title', organiser: '--organiser', methodId: '--method', competencyType: '--type',
  startDate: '--start', endDate: '--end', hours: '--hours', sessions: '--sessions', jp: '--jp', jpReason: '--jp-reason',
  certificateNumber: '--certificate-number', certificateDate: '--certificate-date', place: '--place', notes: '--notes', scan: '--scan',
};

/** A field's problem in one line: its name, the option that gave it, what is wrong. */
function fieldProblem(field: string, message: string, params?: Record<string, string | number>): CliFailure {
  const label = fieldLabel(t, [field]);
  const flag = FLAG[field];
  const name = label && flag ? `${label} (${flag})` : label ?? flag ?? field;
  return new CliFailure(`${name}: ${issueText(t, { path: [field], message, ...(params ? { params } : {}) })}`);
}

function dateOption(value: string | undefined, field: string): string | null {
  if (value === undefined) return null;
  const parsed = parseLooseDate(value);
  if (parsed.ok) return parsed.date;
  throw parsed.error === 'date.invalid' ? fieldProblem(field, parsed.error, { value }) : fieldProblem(field, parsed.error, parsed.params);
}

function numberOption(value: string | undefined, field: string): number | null {
  if (value === undefined) return null;
  const n = Number(value.trim().replace(',', '.'));
  if (!value.trim() || !Number.isFinite(n)) throw fieldProblem(field, 'records.number_invalid', { value });
  return n;
}

/** A method by its id (1–25) or its name ("E-Learning", "webinar"), as an import reads it. */
async function methodOption(value: string | undefined): Promise<number | undefined> {
  if (value === undefined) return undefined;
  const { parseMethod } = await import('../backend/records/import-columns.ts');
  const id = parseMethod(value);
  if (id === null) throw fieldProblem('methodId', 'records.method_unknown', { value });
  return id;
}

const nipProblem = (p: NipIssue<string>) => fieldProblem('employeeId', p.code, p.params);

/** A refusal of the backend in the command line's words: each field by its option, in one line. */
function cliError(err: unknown): unknown {
  const issues = err instanceof ApiError && err.code === 'VALIDATION' ? err.details?.issues ?? [] : [];
  if (!issues.length) return err;
  return new CliFailure(issues.map((i) => fieldProblem(String(i.path[0] ?? ''), i.message, i.params).message).join(' '));
}

function recordLine(r: Output<'records.create'>): string {
  const rule = recordJp(r.methodId, r).rule;
  const how = r.computedJp !== null && r.jp === r.computedJp ? `menurut aturan: ${t(rule.key, rule.params)}` : r.jpReason ? `alasan: ${r.jpReason}` : 'sesuai isian';
  const dates = r.startDate === r.endDate ? dayMonthYear(r.startDate) : `${dayMonthYear(r.startDate)} s.d. ${dayMonthYear(r.endDate)}`;
  return `Tercatat: "${r.title}" — ${r.name} (${formatNip(r.nip)}), ${dates}, ${r.methodName}, ${r.jp} JP (${how})${r.verified ? '' : ', belum diperiksa admin'}.`;
}

interface AddOptions {
  nip: string; title: string; organiser?: string; method: string; start: string; end?: string; jp?: string; jpReason?: string;
  hours?: string; sessions?: string; type: (typeof COMPETENCY_TYPES)[number]; certificateNumber?: string; certificateDate?: string;
  place?: string; notes?: string; international?: boolean; scan?: string;
}

interface ImportOptions { dryRun?: boolean; sheet?: string; method?: string; type?: (typeof COMPETENCY_TYPES)[number]; organiser?: string; mapping?: string }

function readMapping(file: string): Record<string, string | null> {
  try {
    return JSON.parse(readInputFile(file).toString('utf8')) as Record<string, string | null>;
  } catch (err) {
    if (err instanceof CliFailure) throw err;
    throw new CliFailure(`Berkas pemetaan ${file} bukan JSON yang sah.`);
  }
}

export function registerRecordCommands(program: Command, outcome: CliOutcome): void {
  const records = program.command('records').description('pelatihan di luar kegiatan kantor: e-learning, pelatihan BKPSDM/BPSDM, seminar, belajar mandiri');

  records.command('add')
    .description('catat satu pelatihan luar; JP dihitung menurut aturan jenis pengembangan bila --jp tidak diisi')
    .requiredOption('--nip <nip>', 'NIP pegawai (boleh berspasi)')
    .requiredOption('--title <title>', 'nama pelatihan')
    .option('--organiser <organiser>', 'penyelenggara')
    .requiredOption('--method <id>', 'jenis pengembangan: nomor 1–25 (jenis diklat SIASN) atau namanya, mis. 16 atau E-Learning')
    .requiredOption('--start <date>', 'tanggal mulai (mis. 05-12-2026 atau 5 Desember 2026)')
    .option('--end <date>', 'tanggal selesai (bawaan: sama dengan tanggal mulai)')
    .option('--jp <n>', 'JP sesuai sertifikat (bawaan: menurut aturan)')
    .option('--jp-reason <text>', 'alasan bila JP berbeda dengan aturan')
    .option('--hours <n>', 'jam belajar (untuk aturan yang menghitung jam)')
    .option('--sessions <n>', 'jumlah sesi (coaching, mentoring)')
    .addOption(new Option('--type <type>', 'jenis kompetensi').choices([...COMPETENCY_TYPES]).default('teknis'))
    .option('--certificate-number <text>', 'nomor sertifikat')
    .option('--certificate-date <date>', 'tanggal sertifikat')
    .option('--place <text>', 'lokasi')
    .option('--notes <text>', 'keterangan')
    .option('--international', 'kegiatan internasional')
    .option('--scan <file>', 'pindaian sertifikat (PDF, JPG, atau PNG)')
    .option('--json', 'cetak JSON')
    .action(async (opts: AddOptions, cmd: Command) => {
      // Everything the options can tell is checked before the data folder is opened.
      const startDate = dateOption(opts.start, 'startDate')!;
      const endDate = dateOption(opts.end, 'endDate') ?? startDate;
      const fields = {
        title: opts.title, organiser: opts.organiser ?? '', methodId: await methodOption(opts.method), competencyType: opts.type,
        startDate, endDate, international: Boolean(opts.international), hours: numberOption(opts.hours, 'hours'),
        sessions: numberOption(opts.sessions, 'sessions'), jp: numberOption(opts.jp, 'jp'), jpReason: opts.jpReason ?? '',
        certificateNumber: opts.certificateNumber ?? '', certificateDate: dateOption(opts.certificateDate, 'certificateDate'),
        place: opts.place ?? '', notes: opts.notes ?? '',
      };
      const scan = opts.scan ? { fileName: path.basename(opts.scan), dataBase64: readInputFile(opts.scan).toString('base64') } : undefined;
      await withBackend(cmd, async (backend) => {
        const person = await employeeByNip(backend, opts.nip, nipProblem);
        const input: Input<'records.create'> = { ...fields, methodId: fields.methodId!, employeeId: person.id, ...(scan ? { scan } : {}) };
        let record: Output<'records.create'>;
        try {
          record = await callAsCli(backend, 'records.create', input);
        } catch (err) {
          throw cliError(err);
        }
        print(cmd, record, () => recordLine(record));
      });
    });

  records.command('import <file>')
    .description('impor pelatihan luar dari CSV atau XLSX (juga ekspor platform pembelajaran); baris duplikat dilewati')
    .option('--dry-run', 'hanya periksa; tidak ada yang ditulis')
    .option('--sheet <name>', 'lembar XLSX (bawaan: lembar pertama)')
    .option('--method <id>', 'jenis pengembangan untuk baris tanpa jenis (mis. 16 untuk ekspor e-learning)')
    .addOption(new Option('--type <type>', 'jenis kompetensi untuk baris tanpa jenis (bawaan: teknis)').choices([...COMPETENCY_TYPES]))
    .option('--organiser <text>', 'penyelenggara untuk baris tanpa penyelenggara')
    .option('--mapping <file>', 'JSON: judul kolom atau nomor kolom (0, 1, …) → field (atau null); kolom lain tetap dipetakan otomatis')
    .option('--json', 'cetak JSON')
    .action(async (fileArg: string, opts: ImportOptions, cmd: Command) => {
      const data = readInputFile(fileArg);
      const input: Input<'records.preview'> = {
        fileName: path.basename(fileArg), dataBase64: data.toString('base64'), sheet: opts.sheet,
        defaultMethodId: await methodOption(opts.method), defaultCompetencyType: opts.type, defaultOrganiser: opts.organiser,
        mapping: opts.mapping ? readMapping(opts.mapping) as Input<'records.preview'>['mapping'] : undefined,
      };
      await withBackend(cmd, async (backend) => {
        const preview = opts.dryRun ? await callAsCli(backend, 'records.preview', input) : null;
        const result = preview ?? await callAsCli(backend, 'records.apply', input);
        const issue = (i: { row: number; field: string; code: string; message: string; params?: Record<string, string | number> }) =>
          ({ row: i.row, field: i.field, code: i.code, message: t(i.code, { ...i.params, defaultValue: i.message }) });
        const summary = {
          rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged, duplicates: result.duplicates,
          errors: result.errors.map(issue), warnings: result.warnings.map(issue),
        };
        const badRows = new Set(summary.errors.map((e) => e.row)).size;
        print(cmd, summary, () => [
          `${opts.dryRun ? 'Uji coba (tidak ada yang ditulis)' : 'Impor selesai'}: ${summary.rows} baris — ${summary.created} ${opts.dryRun ? 'akan dicatat' : 'dicatat'}, ${summary.duplicates} duplikat dilewati, ${badRows} baris salah.`,
          ...summary.errors.map((e) => `  baris ${e.row}, ${e.field}: ${e.message}`),
          ...summary.warnings.map((w) => `  (${w.code.startsWith('records.duplicate') ? 'duplikat' : 'peringatan'}) baris ${w.row}: ${w.message}`),
        ].join('\n'));
        // Rows with errors were left out: a script must not take the import for complete.
        if (summary.errors.length) outcome.exitCode = 1;
      });
    });

  records.command('list')
    .description('daftar pelatihan luar')
    .option('--year <yyyy>', 'tahun (menurut tanggal mulai)')
    .option('--nip <nip>', 'hanya pelatihan pegawai ini')
    .addOption(new Option('--verified <which>', 'sudah/belum diperiksa admin').choices(['all', 'verified', 'unverified']).default('all'))
    .option('--search <text>', 'potongan nama pelatihan, penyelenggara, nama, atau NIP')
    .option('--json', 'cetak JSON')
    .action(async (opts: { year?: string; nip?: string; verified: 'all' | 'verified' | 'unverified'; search?: string }, cmd: Command) => {
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (year !== undefined && !Number.isInteger(year)) throw fieldProblem('year', 'validation.year');
      await withBackend(cmd, async (backend) => {
        const employeeId = opts.nip ? (await employeeByNip(backend, opts.nip, nipProblem)).id : undefined;
        const items = await callAsCli(backend, 'records.list', { year, employeeId, verified: opts.verified, search: opts.search });
        print(cmd, items, () => items.map((r) => [
          dayMonthYear(r.startDate), formatNip(r.nip).padEnd(22), r.name.padEnd(30), `${r.jp} JP`.padStart(7), r.verified ? 'diperiksa' : 'belum diperiksa', `  ${r.title}`,
        ].join('  ')).join('\n') || '(tidak ada catatan pelatihan luar)');
      });
    });
}
