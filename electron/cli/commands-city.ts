// The city office's commands: its kecamatan (`offices list|token|confirm`: what each sent, an
// upload token, a key confirmed by its fingerprint) and what the city sees of them
// (`city dashboard|ledger|person|siasn`).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { BatchImportResult } from '../../shared/contract/city.ts';
import { ACCEPTED_STATUSES } from '../../shared/domain/batch-statuses.ts';
import { formatNip } from '../../shared/domain/nip.ts';
import { localMinute } from '../../shared/domain/office-time.ts';
import type { Backend } from '../backend/backend.ts';
import { CliFailure, callAsCli, num, officeYear, print, t, table, when, withBackend, writeFileAtomic, yearOf, type CliOutcome } from './support.ts';

const shortOffice = (name: string) => name.replace(/^(Kantor )?Kecamatan /i, '');

function resultLine(r: BatchImportResult): string[] {
  return [
    `  kiriman ${r.seq ?? '?'}: ${t(`batches.import_status.${r.status}`)} — ${t(r.message, r.params)}`,
    ...r.released.map((x) => `  kiriman ${x.seq}: ${t(`batches.import_status.${x.status}`)} — ${t(x.message, x.params)}`),
  ];
}

async function yearOption(backend: Backend, given: string | undefined): Promise<number> {
  return yearOf(given) ?? await officeYear(backend);
}

/** Instants as the city's dates (YYYY-MM-DD in its time zone). */
async function cityDates(backend: Backend): Promise<(instant: string | null) => string> {
  const { timezone } = await callAsCli(backend, 'office.get', {});
  return (instant) => (instant ? localMinute(new Date(instant), timezone).slice(0, 10) : '-');
}

export function registerCityCommands(program: Command, outcome: CliOutcome): void {
  const offices = program.command('offices').description('kantor kota/kabupaten: kecamatan yang mengirim data');

  offices.command('list')
    .description('kecamatan di kota/kabupaten ini, sidik jari kuncinya, dan kiriman terakhir')
    .option('--json', 'cetak JSON')
    .action(async (_opts: unknown, cmd: Command) => withBackend(cmd, async (backend) => {
      const list = await callAsCli(backend, 'offices.list', {});
      print(cmd, list, () => list.map((o) => [
        `${o.regionCode}  ${o.name}`,
        `  kunci:   ${o.fingerprints.length ? o.fingerprints.join('; ') : 'belum dipercaya (impor daftar tepercayanya dengan `bangkom trust import`)'}`,
        `  kiriman: ${o.lastSeq === null ? 'belum ada' : `${o.lastSeq}, diimpor ${when(o.lastImportAt!)}`}${o.held.length ? `; ditahan: ${o.held.join(', ')}` : ''}${o.missing ? `; hilang: ${o.missing}` : ''}`,
        ...(o.pendingKey ? [`  menunggu: kunci baru, sidik jari ${o.pendingKey.fingerprint} (${o.pendingKey.files} kiriman); cocokkan dengan cetakan kecamatan lalu \`bangkom offices confirm ${o.regionCode} --fingerprint "…"\``] : []),
      ].join('\n')).join('\n'));
    }));

  offices.command('token')
    .description('admin kota/kabupaten: token unggah baru untuk satu kecamatan (ditampilkan sekali ini; token lamanya tidak berlaku lagi)')
    .argument('<code>', 'kode wilayah kecamatan, mis. 16.71.14')
    .option('--json', 'cetak JSON: {officeCode, token}')
    .action(async (code: string, _opts: unknown, cmd: Command) => withBackend(cmd, async (backend) => {
      const issued = await callAsCli(backend, 'offices.uploadToken', { officeCode: code.trim() });
      print(cmd, issued, () => [t('batches.upload.token_issued', { code: issued.officeCode }), `  ${issued.token}`, t('batches.upload.token_hint')].join('\n'));
    }));

  offices.command('confirm')
    .description('percayai kunci kecamatan yang menunggu, setelah sidik jarinya dicocokkan dengan cetakan kecamatan; kiriman yang menunggu lalu diimpor')
    .argument('<code>', 'kode wilayah kecamatan, mis. 16.71.14')
    .requiredOption('--fingerprint <text>', 'sidik jari yang dicetak kecamatan (16 kelompok, spasi dan huruf besar/kecil bebas)')
    .option('--json', 'cetak JSON: {officeCode, fingerprint, imported}')
    .action(async (code: string, opts: { fingerprint: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const done = await callAsCli(backend, 'offices.confirmKey', { officeCode: code.trim(), fingerprint: opts.fingerprint });
      const statuses = done.imported.flatMap((r) => [r.status, ...r.released.map((x) => x.status)]);
      if (statuses.some((s) => !ACCEPTED_STATUSES.includes(s))) outcome.exitCode = 1;
      print(cmd, done, () => [
        `Kunci kecamatan ${done.officeCode} dipercaya: sidik jari cocok.`,
        `  sidik jari: ${done.fingerprint}`,
        ...(done.imported.length ? ['Kiriman yang menunggu:', ...done.imported.flatMap(resultLine)] : ['Tidak ada kiriman yang menunggu.']),
      ].join('\n'));
    }));

  const city = program.command('city').description('kantor kota/kabupaten: kecamatan, capaian 20 JP seluruh kota, riwayat pegawai, SIASN');

  city.command('dashboard')
    .description('per kecamatan: kiriman terakhir, yang hilang atau ditahan, capaian 20 JP, pelatihan selesai, sertifikat terbit')
    .option('--year <yyyy>', 'tahun (bawaan: tahun ini)')
    .option('--json', 'cetak JSON: {year, target, offices}')
    .action(async (opts: { year?: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const year = await yearOption(backend, opts.year);
      const d = await callAsCli(backend, 'city.dashboard', { year });
      const date = await cityDates(backend);
      print(cmd, d, () => {
        const rows = d.offices.map((o) => [
          o.regionCode, shortOffice(o.name), o.lastSeq === null ? '-' : String(o.lastSeq), date(o.lastImportAt),
          o.daysSinceLast === null ? '-' : String(o.daysSinceLast), o.missing ?? '-', o.held.length ? o.held.join(', ') : '-',
          String(o.employees), String(o.reached), String(o.behind), String(o.trainings), String(o.certificates),
        ]);
        const sum = (k: 'employees' | 'reached' | 'behind' | 'trainings' | 'certificates') => d.offices.reduce((a, o) => a + o[k], 0);
        const silent = d.offices.filter((o) => o.lastSeq === null).length;
        return [
          `Kecamatan tahun ${d.year} (target ${num(d.target)} JP per pegawai)`,
          ...table(['Kode', 'Kecamatan', 'Kiriman', 'Terakhir', 'Hari', 'Hilang', 'Ditahan', 'Pegawai', 'Capai', 'Kurang', 'Pelatihan', 'Sertifikat'], rows,
            new Set([2, 4, 7, 8, 9, 10, 11]), 24),
          `Seluruh kota: ${sum('reached')} dari ${sum('employees')} pegawai mencapai ${num(d.target)} JP, ${sum('behind')} belum; `
            + `${sum('trainings')} pelatihan selesai, ${sum('certificates')} sertifikat terbit.${silent ? ` ${silent} kecamatan belum pernah mengirim.` : ''}`,
        ].join('\n');
      });
    }));

  city.command('ledger')
    .description('capaian 20 JP seluruh kota per pegawai (NIP), dari kegiatan semua kecamatan dan pelatihan luar')
    .option('--year <yyyy>', 'tahun (bawaan: tahun ini)')
    .option('--office <code>', 'hanya pegawai yang kini di kecamatan ini, mis. 16.71.14')
    .option('--behind', 'hanya yang belum mencapai 20 JP')
    .option('--search <text>', 'nama atau NIP')
    .option('--json', 'cetak JSON: {year, target, people, totals}')
    .action(async (opts: { year?: string; office?: string; behind?: boolean; search?: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const year = await yearOption(backend, opts.year);
      const ledger = await callAsCli(backend, 'city.ledger', {
        year, ...(opts.office ? { officeCode: opts.office.trim() } : {}), behindOnly: Boolean(opts.behind), ...(opts.search ? { search: opts.search } : {}),
      });
      print(cmd, ledger, () => {
        const rows = ledger.people.map((p, i) => [
          String(i + 1), formatNip(p.nip), p.name, shortOffice(p.officeName) + (p.offices > 1 ? ' *' : ''), p.unit ?? '-', num(p.jp), num(p.gap),
        ]);
        const x = ledger.totals;
        return [
          `Capaian JP tahun ${year} seluruh kota${opts.office ? `, kecamatan ${opts.office}` : ''}${opts.behind ? ' (yang belum mencapai target)' : ''}`,
          ...(rows.length ? table(['No', 'NIP', 'Nama', 'Kecamatan', 'Unit', 'JP', 'Kurang'], rows, new Set([0, 5, 6])) : []),
          x.people === 0 ? 'Tidak ada pegawai aktif untuk pilihan ini.'
            : `${x.reached} dari ${x.people} pegawai sudah mencapai ${num(ledger.target)} JP; ${x.behind} belum.`,
          ...(rows.some((r) => r[3]!.endsWith(' *')) ? ['* pindah antarkecamatan: JP dari semua kecamatannya dihitung.'] : []),
        ].join('\n');
      });
    }));

  city.command('person')
    .description('satu pegawai menurut NIP: penugasan sekarang, riwayat pindah antarkecamatan, dan JP setahun')
    .argument('<nip>', 'NIP, ditulis dengan atau tanpa spasi')
    .option('--year <yyyy>', 'tahun JP (bawaan: tahun ini)')
    .option('--json', 'cetak JSON: {nip, name, current, history, ledger}')
    .action(async (nip: string, opts: { year?: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const year = await yearOption(backend, opts.year);
      const p = await callAsCli(backend, 'city.person', { nip, year });
      const date = await cityDates(backend);
      const where = (a: typeof p.current) => [a.officeName, a.unit, a.jabatan, a.golongan ? `gol. ${a.golongan}` : null].filter(Boolean).join(', ');
      print(cmd, p, () => [
        `${p.name} (${formatNip(p.nip)})`,
        `Sekarang: ${where(p.current)}${p.current.status && p.current.status !== 'aktif' ? ` (${p.current.status})` : ''}${p.current.removed ? ' (dihapus kecamatan)' : ''}`,
        'Riwayat:',
        ...p.history.map((a) => `  ${date(a.updatedAt).padEnd(10)}  ${where(a)}${a.status ? ` — ${a.status}` : ''}${a.removed ? ' (dihapus)' : ''}`),
        p.ledger
          ? `JP ${year}: ${num(p.ledger.jp)} (kegiatan ${num(p.ledger.eventJp)}, pelatihan luar ${num(p.ledger.externalJp)}) dari target ${num(p.ledger.target)}${p.ledger.gap > 0 ? `, kurang ${num(p.ledger.gap)}` : ', tercapai'}.`
          : `JP ${year}: tidak dihitung (bukan pegawai aktif).`,
      ].join('\n'));
    }));

  city.command('siasn')
    .description('lembar SIASN (XLSX) pelatihan semua kecamatan setahun, kolom yang sama dengan lembar kecamatan')
    .requiredOption('--year <yyyy>', 'tahun')
    .requiredOption('--out <dir>', 'folder tujuan')
    .option('--json', 'cetak JSON: {file}')
    .action(async (opts: { year: string; out: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const dir = path.resolve(opts.out);
      if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new CliFailure(`Folder ${dir} tidak ada.`);
      const made = await callAsCli(backend, 'city.siasn', { year: yearOf(opts.year) });
      const file = path.join(dir, made.fileName);
      writeFileAtomic(file, Buffer.from(made.dataBase64, 'base64'));
      print(cmd, { file }, () => `Lembar SIASN tahun ${opts.year} ditulis: ${file}`);
    }));
}
