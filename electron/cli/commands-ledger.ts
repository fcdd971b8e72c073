// `ledger`: the 20 JP ledger of a year, per employee, with the office's totals.
import { Option, type Command } from 'commander';
import type { LedgerYear } from '../../shared/contract/ledger.ts';
import { normalizeGolongan } from '../../shared/domain/golongan.ts';
import { formatNip } from '../../shared/domain/nip.ts';
import { CliFailure, callAsCli, findUnit, num, officeYear, print, table, withBackend, yearOf, type CliOutcome } from './support.ts';

interface LedgerOptions { year?: string; unit?: string; golongan?: string; type?: 'pns' | 'pppk'; behind?: boolean }

/** An aligned table in Indonesian, then the office's line: who reached the target, who is behind. */
function ledgerText(ledger: LedgerYear, title: string): string {
  const head = ['No', 'NIP', 'Nama', 'Unit', 'JP', 'Rencana', 'Target', 'Kurang'];
  const cells = ledger.rows.map((r, i) => [String(i + 1), formatNip(r.nip), r.name, r.unit ?? '-', num(r.jp), num(r.planned), num(r.target), num(r.gap)]);
  const o = ledger.office;
  const target = ledger.targets.pns === ledger.targets.pppk ? `${num(ledger.targets.pns)} JP` : `target JP (PNS ${num(ledger.targets.pns)}, PPPK ${num(ledger.targets.pppk)})`;
  const summary = o.employees === 0
    ? 'Tidak ada pegawai aktif untuk pilihan ini.'
    : `${o.reached} dari ${o.employees} pegawai sudah mencapai ${target}; ${o.behind} belum (kurang ${num(o.gapTotal)} JP)`
      + `${o.reachedByProjection ? `, ${o.reachedByProjection} di antaranya tercapai bila rencana terlaksana` : ''}. Rata-rata ${num(o.averageJp)} JP.`;
  return [
    title,
    ...(ledger.rows.length ? table(head, cells, new Set([0, 4, 5, 6, 7]), (c) => (c === 2 ? 40 : c === 3 ? 28 : 30)) : o.employees ? ['Semua pegawai sudah mencapai target.'] : []),
    summary,
  ].join('\n');
}

export function registerLedgerCommands(program: Command, _outcome: CliOutcome): void {
  program.command('ledger')
    .description('capaian 20 JP setahun per pegawai: JP kegiatan selesai + pelatihan luar, rencana, target, kekurangan')
    .option('--year <yyyy>', 'tahun (bawaan: tahun ini)')
    .option('--unit <unit>', 'hanya satu unit kerja: id, kode, atau nama')
    .option('--golongan <golongan>', 'hanya satu golongan, mis. III/a atau 31')
    .addOption(new Option('--type <type>', 'hanya satu jenis pegawai').choices(['pns', 'pppk']))
    .option('--behind', 'hanya yang belum mencapai target')
    .option('--json', 'cetak JSON: [{nip, name, unit, jp, planned, target, gap}]')
    .action(async (opts: LedgerOptions, cmd: Command) => withBackend(cmd, async (backend) => {
      const year = yearOf(opts.year) ?? await officeYear(backend);
      const unit = opts.unit !== undefined ? await findUnit(backend, opts.unit) : undefined;
      let golongan: string | undefined;
      if (opts.golongan !== undefined) {
        const g = normalizeGolongan(opts.golongan, opts.type);
        if (!g.ok) throw new CliFailure(`Golongan "${opts.golongan}" tidak dikenal.`);
        golongan = g.code;
      }
      const ledger = await callAsCli(backend, 'ledger.year', { year, unitId: unit?.id, golongan, employmentType: opts.type, behind: Boolean(opts.behind) });
      const title = [
        `Capaian JP tahun ${year}`,
        unit ? `, ${unit.name}` : '', golongan ? `, golongan ${opts.golongan!.trim()}` : '', opts.type ? `, ${opts.type.toUpperCase()}` : '',
        opts.behind ? ' (yang belum mencapai target)' : '',
      ].join('');
      print(cmd, ledger.rows.map((r) => ({ nip: r.nip, name: r.name, unit: r.unit, jp: r.jp, planned: r.planned, target: r.target, gap: r.gap })),
        () => ledgerText(ledger, title));
    }));
}
