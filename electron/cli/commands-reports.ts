// `report`: reports as PDF or XLSX, the format taken from the file name.
//   bangkom report realisasi|jp|evaluasi|siasn --year 2026 --out laporan.pdf [--unit ID|nama] [--event ID]
//   bangkom report riwayat --nip NIP --out riwayat.pdf [--year 2026]
import path from 'node:path';
import type { Command } from 'commander';
import { REPORT_KINDS, type ReportKind } from '../../shared/domain/report-kinds.ts';
import { CliFailure, callAsCli, employeeByNip, findUnit, print, withBackend, writeFileAtomic, yearOf, type CliOutcome } from './support.ts';

const KINDS = [...REPORT_KINDS, 'riwayat'] as const;
type Kind = (typeof KINDS)[number];

const TITLES: Record<Kind, string> = {
  realisasi: 'Laporan realisasi program',
  jp: 'Laporan pencapaian 20 JP',
  evaluasi: 'Laporan evaluasi',
  siasn: 'Lembar SIASN riwayat kursus',
  riwayat: 'Riwayat pengembangan kompetensi',
};

interface ReportOptions { year?: string; out: string; unit?: string; event?: string; nip?: string }

function formatOf(file: string): 'pdf' | 'xlsx' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.pdf' || ext === '.xlsx') return ext.slice(1) as 'pdf' | 'xlsx';
  throw new CliFailure(`--out harus berakhiran .pdf atau .xlsx (bukan "${ext || path.basename(file)}"); formatnya diambil dari nama berkas.`);
}

const nipFailure = (text: string) => ({ code }: { code: string }) => new CliFailure(code === 'employee.unknown_nip'
  ? `Pegawai dengan NIP ${text} tidak ditemukan.`
  : `NIP "${text}" tidak sah.`);

export function registerReportCommands(program: Command, _outcome: CliOutcome): void {
  program.command('report <jenis>')
    .description(`laporan PDF atau XLSX: ${KINDS.join(', ')} (format dari akhiran --out)`)
    .option('--year <YYYY>', 'tahun laporan (wajib, kecuali riwayat)')
    .requiredOption('--out <file>', 'berkas tujuan, .pdf atau .xlsx')
    .option('--unit <id|nama>', 'jp: satu unit kerja saja')
    .option('--event <id>', 'evaluasi: satu kegiatan saja')
    .option('--nip <NIP>', 'riwayat: NIP pegawai')
    .option('--json', 'cetak JSON')
    .action(async (jenis: string, opts: ReportOptions, cmd: Command) => {
      const kind = KINDS.find((k) => k === jenis.trim().toLowerCase());
      if (!kind) throw new CliFailure(`Jenis laporan "${jenis}" tidak dikenal; pilih ${KINDS.join(', ')}.`);
      const format = formatOf(opts.out);
      const year = yearOf(opts.year);
      if (kind !== 'riwayat' && year === undefined) throw new CliFailure('Berikan --year, mis. --year 2026.');
      if (kind === 'riwayat' && !opts.nip) throw new CliFailure('Berikan --nip untuk riwayat pengembangan kompetensi.');
      await withBackend(cmd, async (backend) => {
        const file = kind === 'riwayat'
          ? await callAsCli(backend, 'reports.history', { employeeId: (await employeeByNip(backend, opts.nip!, nipFailure(opts.nip!))).id, year, format })
          : await callAsCli(backend, 'reports.file', {
            kind: kind as ReportKind, year, format,
            ...(opts.unit ? { unitId: (await findUnit(backend, opts.unit)).id } : {}),
            ...(opts.event ? { eventId: opts.event } : {}),
          });
        const data = Buffer.from(file.dataBase64, 'base64');
        writeFileAtomic(opts.out, data);
        const result = { file: opts.out, bytes: data.length, kind, year: year ?? null };
        print(cmd, result, () => `${TITLES[kind]}${year ? ` ${year}` : ''} ditulis ke ${opts.out} (${Math.max(1, Math.round(data.length / 1024))} KB).`);
      });
    });
}
