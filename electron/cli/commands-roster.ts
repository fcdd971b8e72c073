// `roster` and `employees`: the staff roster in and out of spreadsheets, and finding people.
import path from 'node:path';
import type { Command } from 'commander';
import type { Output } from '../../shared/contract/index.ts';
import { formatNip } from '../../shared/domain/nip.ts';
import { foldHeader, ROSTER_FIELDS, type RosterField } from '../../shared/domain/roster-columns.ts';
import { CliFailure, callAsCli, print, readInputFile, t, withBackend, writeFileAtomic, type CliOutcome } from './support.ts';

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

export function registerRosterCommands(program: Command, _outcome: CliOutcome): void {
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
        // A mapping file names headers: only then is the file read once first to learn them.
        const preview = opts.mapping ? await callAsCli(backend, 'roster.preview', base) : null;
        const mapping = opts.mapping && preview ? mappingFromFile(opts.mapping, preview.headers, preview.mapping) : undefined;
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
      // Page by page: the whole roster, however large, not the first screenful.
      const items: Output<'employees.list'>['items'] = [];
      for (let total = Infinity; items.length < total;) {
        const page = await callAsCli(backend, 'employees.list', { search: opts.search ?? '', limit: 1000, offset: items.length });
        items.push(...page.items);
        total = page.items.length ? page.total : items.length;
      }
      print(cmd, items, () => items.map((e) => `${formatNip(e.nip)}  ${e.displayName}  ${e.golonganLabel ?? '-'}  ${e.unit ?? '-'}  ${e.status}`).join('\n') || '(tidak ada pegawai)');
    }));
}
