// `office` and `users`: first-time setup, the office's settings, accounts.
import { Option, type Command } from 'commander';
import { ApiError } from '../../shared/contract/errors.ts';
import { timezoneForProvince, TIMEZONE_LABEL } from '../../shared/domain/timezone.ts';
import { formatNip } from '../../shared/domain/nip.ts';
import { callAsCli, print, readStdin, withBackend, type CliOutcome } from './support.ts';

export function registerOfficeCommands(program: Command, _outcome: CliOutcome): void {
  const office = program.command('office').description('data kantor');
  office.command('setup')
    .description('atur kantor (sekali, pada penggunaan pertama)')
    .requiredOption('--region <code>', 'kode kecamatan Kemendagri, mis. 16.71.14 (dengan --city: kode kota/kabupaten, mis. 16.71)')
    .option('--city', 'kantor BKPSDM kota/kabupaten yang menerima kiriman data kecamatan')
    .option('--name <name>', 'nama kantor (bawaan: "Kantor Kecamatan <nama>", atau "BKPSDM <kota>")')
    .option('--address <address>', 'alamat', '')
    .option('--timezone <tz>', 'Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)')
    .requiredOption('--signer-name <name>', 'nama penandatangan dokumen (Camat, atau Kepala BKPSDM)')
    .requiredOption('--signer-nip <nip>', 'NIP penandatangan')
    .option('--signer-title <title>', 'jabatan penandatangan (bawaan: Camat, atau Kepala BKPSDM)')
    .option('--json', 'cetak JSON')
    .action(async (opts: Record<string, string | boolean | undefined>, cmd: Command) => withBackend(cmd, async (backend) => {
      const { lookupDistrict, lookupRegency } = await import('../backend/services/regions.ts');
      const code = String(opts.region ?? '');
      const city = opts.city === true;
      const place = city ? (await lookupRegency(code))?.regency.name : (await lookupDistrict(code))?.district.name;
      if (place === undefined) throw ApiError.field(['regionCode'], 'validation.region_unknown', { code });
      const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
      const result = await callAsCli(backend, 'office.setup', {
        regionCode: code,
        kind: city ? 'kota' : 'kecamatan',
        name: text(opts.name) ?? (city ? `BKPSDM ${place}` : `Kantor Kecamatan ${place}`),
        address: text(opts.address) ?? '',
        timezone: text(opts.timezone) ?? timezoneForProvince(code),
        signer: { name: text(opts.signerName), nip: text(opts.signerNip), title: text(opts.signerTitle) ?? (city ? 'Kepala BKPSDM' : 'Camat') },
      });
      const o = result.office;
      print(cmd, o, () => (city
        ? `Kantor kota/kabupaten diatur: ${o.name} (${o.code}), ${o.regencyName}. Impor kiriman kecamatan dengan \`bangkom batch import\`.`
        : `Kantor diatur: ${o.name} (${o.code}), ${o.districtName}, ${o.regencyName}.`));
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
}
