// `bangkom records add | import | list`, run in-process through the real command parser against a
// real data folder: one JSON document on stdout with --json, Indonesian lines without, and bad
// input as one line on stderr naming the option, exit 1, nothing written.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Employee } from '../../shared/contract/employees.ts';
import { formatNip } from '../../shared/domain/nip.ts';
import { count, peek, removeTempDirs, tempDir } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { csvText } from '../helpers/roster.ts';
import { trainingOffice } from '../helpers/trainings.ts';

let dataDir: string;
let people: Employee[];
const dir = tempDir('bangkom-records-cli-');

beforeAll(async () => {
  const o = await trainingOffice({ people: 5 });
  people = o.employees;
  dataDir = o.t.dataDir;
  o.close();
});
afterAll(() => removeTempDirs());

const bangkom = (...args: string[]) => captureCli(['--data', dataDir, ...args]);
const write = (name: string, data: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
};
function counts() {
  const db = peek(dataDir);
  try {
    return { records: count(db, 'SELECT count(*) AS n FROM training_records'), journal: count(db, 'SELECT count(*) AS n FROM change_journal') };
  } finally {
    db.close();
  }
}
const oneLine = (stderr: string) => expect(stderr.trimEnd().split('\n')).toHaveLength(1);

describe('records add', () => {
  it('--json prints the record, its JP by the method\'s rule', async () => {
    const run = await bangkom('records', 'add', '--nip', formatNip(people[0]!.nip), '--title', 'Literasi Digital bagi ASN', '--organiser', 'LAN RI',
      '--method', '16', '--start', '02-03-2026', '--end', '3 Maret 2026', '--hours', '5', '--certificate-number', 'LAN-CLI-1', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      nip: people[0]!.nip, title: 'Literasi Digital bagi ASN', methodId: 16, competencyType: 'teknis', startDate: '2026-03-02', endDate: '2026-03-03',
      hours: 5, computedJp: 6, jp: 6, certificateNumber: 'LAN-CLI-1', source: 'manual', verified: false,
    });
  });

  it('says what was recorded in one Indonesian line; a method may be given by name', async () => {
    const run = await bangkom('records', 'add', '--nip', people[1]!.nip, '--title', 'Webinar Kearsipan', '--method', 'webinar', '--start', '2026-08-10', '--type', 'manajerial');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Tercatat: "Webinar Kearsipan" — ${people[1]!.displayName} (${formatNip(people[1]!.nip)}), 10-08-2026, Seminar, 4 JP (menurut aturan: 4 JP per hari × 1 hari.), belum diperiksa admin.\n`);
  });

  it('a JP against the rule without --jp-reason fails naming --jp and the rule\'s JP; with a reason it is recorded', async () => {
    const before = counts();
    const args = ['records', 'add', '--nip', people[2]!.nip, '--title', 'Seminar Pelayanan', '--method', '9', '--start', '14-09-2026', '--jp', '2'];
    const run = await bangkom(...args, '--json');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    oneLine(run.stderr);
    expect(run.stderr).toBe('bangkom: JP (--jp): Menurut aturan Seminar, JP-nya 4. Bila sertifikat menyebut JP lain, isi alasannya.\n');
    expect(counts()).toEqual(before);
    const ok = await bangkom(...args, '--jp-reason', 'Hanya hadir setengah hari', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ jp: 2, computedJp: 4, jpReason: 'Hanya hadir setengah hari' });
  });

  it('a date that cannot be, an unknown NIP, an unknown method: one line naming the option, nothing written', async () => {
    const before = counts();
    const base = ['records', 'add', '--nip', people[3]!.nip, '--title', 'Kursus', '--method', '11', '--hours', '10'];
    const date = await bangkom(...base, '--start', '31-02-2026');
    expect(date.code).toBe(1);
    expect(date.stderr).toBe('bangkom: Tanggal mulai (--start): Tanggal 31 Februari 2026 tidak ada di kalender: bulan itu hanya sampai tanggal 28.\n');
    const order = await bangkom(...base, '--start', '10-03-2026', '--end', '09-03-2026');
    expect(order.stderr).toBe('bangkom: Tanggal selesai (--end): Tanggal selesai lebih awal dari tanggal mulai.\n');
    const nip = await bangkom('records', 'add', '--nip', '19860926 201505 2 009', '--title', 'Kursus', '--method', '11', '--start', '01-03-2026', '--jp', '3');
    expect(nip.stderr).toBe('bangkom: Pegawai (--nip): Tidak ada pegawai dengan NIP 19860926 201505 2 009 di daftar pegawai.\n');
    const method = await bangkom(...base, '--start', '01-03-2026', '--method', 'pelatihan');
    expect(method.stderr).toMatch(/^bangkom: Jenis pengembangan \(--method\): Jenis pengembangan "pelatihan" tidak dikenal/);
    const hours = await bangkom(...base, '--start', '01-03-2026', '--hours', 'sepuluh');
    expect(hours.stderr).toBe('bangkom: Jam belajar (--hours): "sepuluh" bukan angka yang dapat dibaca. Tulis seperti 3 atau 3,5.\n');
    for (const r of [date, order, nip, method, hours]) {
      expect(r.code).toBe(1);
      oneLine(r.stderr);
    }
    expect(counts()).toEqual(before);
  });

  it('the same training again is refused, naming the record already there', async () => {
    const args = ['records', 'add', '--nip', people[4]!.nip, '--title', 'Manajemen Risiko', '--method', '3', '--start', '08-06-2026', '--jp', '30'];
    expect((await bangkom(...args)).code).toBe(0);
    const before = counts();
    const again = await bangkom(...args);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`bangkom: Pelatihan ini sudah tercatat untuk ${people[4]!.displayName} (NIP ${formatNip(people[4]!.nip)}): "Manajemen Risiko", mulai 8 Juni 2026. Pelatihan yang sama tidak dicatat dua kali.\n`);
    expect(counts()).toEqual(before);
  });

  it('--scan attaches a PDF; a program renamed .pdf is refused on --scan', async () => {
    const base = ['records', 'add', '--nip', people[3]!.nip, '--method', '11', '--start', '01-04-2026', '--jp', '12', '--jp-reason', 'Sertifikat', '--json'];
    const pdf = write('sertifikat.pdf', '%PDF-1.4\n%%EOF\n');
    const ok = await bangkom(...base, '--title', 'Kursus Excel', '--scan', pdf);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).scan).toMatchObject({ fileName: 'sertifikat.pdf', mimeType: 'application/pdf' });
    const before = counts();
    const exe = await bangkom(...base, '--title', 'Kursus Word', '--scan', write('setup.pdf', Buffer.from('MZ\x90\x00\x03\x00', 'latin1')));
    expect(exe.code).toBe(1);
    expect(exe.stderr).toMatch(/^bangkom: Pindaian sertifikat \(--scan\): Pindaian harus berkas PDF, JPG, atau PNG/);
    expect(counts()).toEqual(before);
  });
});

describe('records import and list', () => {
  const header = ['NIP', 'Nama Pelatihan', 'Penyelenggara', 'Tanggal Mulai', 'Tanggal Selesai', 'JP'];
  const file = () => write('platform.csv', csvText([header,
    [people[0]!.nip, 'Kepemimpinan Diri', 'LAN RI', '05-10-2026', '05-10-2026', '3'],
    [people[1]!.nip, 'Etika Digital', 'LAN RI', '06-10-2026', '07-10-2026', ''],
    [people[2]!.nip, 'Kepemimpinan Diri', 'LAN RI', 'besok', '05-10-2026', '3'],
    [people[0]!.nip, 'KEPEMIMPINAN DIRI', 'LAN RI', '05-10-2026', '05-10-2026', '3'],
  ], ';'));

  it('--dry-run --json reports the rows, writes nothing, and exits 1 because a row has an error', async () => {
    const before = counts();
    const run = await bangkom('records', 'import', file(), '--method', 'E-Learning', '--dry-run', '--json');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['rows', 'created', 'updated', 'unchanged', 'duplicates', 'errors', 'warnings']);
    expect(out).toMatchObject({ rows: 4, created: 1, updated: 0, unchanged: 1, duplicates: 1 });
    // Row 3: no hours for the e-learning rule and no JP. Row 4: a bad date.
    expect(out.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([[3, 'jp', 'records.jp_required'], [4, 'startDate', 'date.invalid']]);
    expect(out.errors[1].message).toBe('Tanggal "besok" tidak dapat dibaca. Tulis seperti 26-09-1986 atau 26 September 1986.');
    expect(counts()).toEqual(before);
  });

  it('imports the valid rows and says so in Indonesian; the list shows them', async () => {
    const before = counts();
    const run = await bangkom('records', 'import', file(), '--method', '16');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe([
      'Impor selesai: 4 baris — 1 dicatat, 1 duplikat dilewati, 2 baris salah.',
      `  baris 3, jp: Isi JP sesuai sertifikat, atau isi jam belajar atau jumlah sesi agar JP dihitung menurut aturan E-Learning.`,
      '  baris 4, startDate: Tanggal "besok" tidak dapat dibaca. Tulis seperti 26-09-1986 atau 26 September 1986.',
      '  (duplikat) baris 5: Sama dengan baris 2 di berkas ini; tidak diimpor dua kali.',
      '',
    ].join('\n'));
    expect(counts().records).toBe(before.records + 1);

    const clean = write('bersih.csv', csvText([header, [people[1]!.nip, 'Etika Digital', 'LAN RI', '06-10-2026', '07-10-2026', '4']], ';'));
    const json = await bangkom('records', 'import', clean, '--method', '16', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ rows: 1, created: 1, errors: [] });

    const list = await bangkom('records', 'list', '--year', '2026', '--nip', people[1]!.nip, '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((r: { title: string; jp: number; source: string }) => [r.title, r.jp, r.source])).toEqual([
      ['Etika Digital', 4, 'import'], ['Webinar Kearsipan', 4, 'manual'],
    ]);
    const human = await bangkom('records', 'list', '--search', 'etika');
    expect(human.stdout).toMatch(/^06-10-2026 {2}.+ {2}belum diperiksa {4}Etika Digital\n$/);
  });

  it('a file that is not a spreadsheet fails with one line', async () => {
    const run = await bangkom('records', 'import', write('gambar.png', Buffer.from([0x89, 0x50, 0x4e, 0x47])), '--json');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/^bangkom: Berkas: Format berkas png tidak didukung/);
  });
});
