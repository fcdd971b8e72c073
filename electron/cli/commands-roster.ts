// `roster` and `employees`: the staff roster in and out of spreadsheets, and finding people.
import path from 'node:path';
import type { Command } from 'commander';
import type { Output } from '../../shared/contract/index.ts';
import { formatNip } from '../../shared/domain/nip.ts';
import { CliFailure, callAsCli, print, readInputFile, t, withBackend, writeFileAtomic, type CliOutcome } from './support.ts';

/**
 * A mapping file: header text or 0-based column number → field (or null). The CLI only reads it;
 * the backend's import merges it into the mapping it would use (roster.preview/apply's
 * mappingOverrides) and refuses a column or field that is not there.
 */
function readMappingFile(file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(readInputFile(file).toString('utf8'));
  } catch (err) {
    if (err instanceof CliFailure) throw err;
    throw new CliFailure(`Berkas pemetaan ${file} bukan JSON yang sah.`);
  }
  return raw as Record<string, unknown>;
}

/**
 * A unit map: which unit each unit value of the roster file means, as a JSON object or a CSV of
 * two columns (the value as the file writes it, then the unit's name or code; `,` `;` or tab, any
 * encoding the importer reads). The CLI only reads it; the backend matches the values to the
 * file's, finds the units and remembers the choices (roster.preview/apply's unitMap). Rows whose
 * value the file does not name are ignored, so a header row may stay.
 */
async function readUnitMapFile(file: string): Promise<Record<string, { unit: string }>> {
  // Loaded only for --unit-map: every other command starts without them.
  const [{ default: iconv }, { parse: parseCsv }, { detectDelimiter, detectEncoding }] = await Promise.all([
    import('iconv-lite'), import('csv-parse/sync'), import('../backend/import/csv.ts'),
  ]);
  const data = readInputFile(file);
  const text = iconv.decode(data, detectEncoding(data)).trim();
  let pairs: [string, unknown][];
  if (text.startsWith('{')) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new CliFailure(`Berkas pemetaan unit ${file} bukan JSON yang sah.`);
    }
    pairs = Object.entries(raw as Record<string, unknown>);
  } else {
    let rows: string[][];
    try {
      rows = parseCsv(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true, trim: true });
    } catch {
      throw new CliFailure(`Berkas pemetaan unit ${file} bukan CSV yang sah.`);
    }
    pairs = rows.filter((r) => r.some(Boolean)).map((r, i) => {
      if (r.filter(Boolean).length !== 2 || !r[0] || !r[1]) throw new CliFailure(`Baris ${i + 1} berkas pemetaan unit ${file} harus berisi dua kolom: unit seperti tertulis di berkas impor, lalu nama atau kode unit kerja.`);
      return [r[0], r[1]];
    });
  }
  const map: Record<string, { unit: string }> = {};
  for (const [value, unit] of pairs) {
    if (typeof unit !== 'string' || !unit.trim()) throw new CliFailure(`Berkas pemetaan unit ${file}: "${value}" harus dipetakan ke nama atau kode unit kerja.`);
    map[value] = { unit };
  }
  return map;
}

export function registerRosterCommands(program: Command, _outcome: CliOutcome): void {
  const roster = program.command('roster').description('daftar pegawai: impor dan ekspor');
  roster.command('import <file>')
    .description('impor pegawai dari CSV atau XLSX')
    .option('--dry-run', 'hanya periksa; tidak ada yang ditulis')
    .option('--sheet <name>', 'lembar XLSX (bawaan: lembar pertama)')
    .option('--mapping <file>', 'JSON: judul kolom atau nomor kolom (0, 1, …) → field (atau null); kolom lain tetap dipetakan otomatis')
    .option('--create-units', 'buat unit kerja yang belum ada')
    .option('--unit-map <file>', 'CSV dua kolom atau JSON: unit seperti tertulis di berkas → nama atau kode unit kerja (diingat untuk impor berikutnya)')
    .option('--errors-out <file>', 'simpan baris yang salah beserta pesannya (.csv atau .xlsx)')
    .option('--json', 'cetak JSON')
    .action(async (fileArg: string, opts: { dryRun?: boolean; sheet?: string; mapping?: string; createUnits?: boolean; unitMap?: string; errorsOut?: string }, cmd: Command) => {
      const data = readInputFile(fileArg);
      await withBackend(cmd, async (backend) => {
        const base = { fileName: path.basename(fileArg), dataBase64: data.toString('base64'), sheet: opts.sheet, createUnits: Boolean(opts.createUnits) };
        const input = { ...base, mappingOverrides: opts.mapping ? readMappingFile(opts.mapping) : undefined, unitMap: opts.unitMap ? await readUnitMapFile(opts.unitMap) : undefined };
        const result = opts.dryRun ? await callAsCli(backend, 'roster.preview', input) : await callAsCli(backend, 'roster.apply', input);
        if (opts.errorsOut && result.errors.length) {
          const format = opts.errorsOut.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
          const file = await callAsCli(backend, 'roster.errorFile', { ...input, format });
          writeFileAtomic(opts.errorsOut, Buffer.from(file.dataBase64, 'base64'));
        }
        const issue = (i: { row: number; field: string; code: string; message: string; params?: Record<string, string | number> }) =>
          ({ row: i.row, field: i.field, code: i.code, message: t(i.code, { ...i.params, defaultValue: i.message }) });
        const summary = {
          rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged, errors: result.errors.map(issue), warnings: result.warnings.map(issue),
          unitMatches: result.unitMatches.map((m) => ({ value: m.value, unit: m.unit, how: m.how, rows: m.rows })),
          unknownUnits: result.unknownUnits.map((u) => ({ value: u.value, rows: u.rows, candidates: u.candidates.map((c) => c.name), suggestions: u.suggestions.map((c) => c.name) })),
        };
        print(cmd, summary, () => [
          `${opts.dryRun ? 'Uji coba (tidak ada yang ditulis)' : 'Impor selesai'}: ${summary.rows} baris — ${summary.created} baru, ${summary.updated} diubah, ${summary.unchanged} tetap, ${new Set(summary.errors.map((e) => e.row)).size} baris salah.`,
          ...summary.unitMatches.map((m) => `  unit "${m.value}" → ${m.unit} (${t(`rosterImport.units.how.${m.how}`)})`),
          ...summary.unknownUnits.map((u) => `  unit "${u.value}" belum dikenal (${u.rows} baris)${u.suggestions.length ? `; mungkin: ${u.suggestions.join(', ')}` : ''}. Pakai --unit-map.`),
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
