// `batch`: the batches for the city office — make the next one (to the outbox, or a USB folder), and what waits.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { BatchCounts } from '../../shared/contract/batches.ts';
import type { BatchImportResult } from '../../shared/contract/city.ts';
import { ACCEPTED_STATUSES } from '../../shared/domain/batch-statuses.ts';
import { CliFailure, callAsCli, print, readInputFile, readStdin, t, when, withBackend, writeFileAtomic, type CliOutcome } from './support.ts';

/** Entity files as the clerk reads them. */
const ENTITY_WORDS: Record<string, string> = {
  office: 'kantor', units: 'unit kerja', employees: 'pegawai', needs: 'kebutuhan', programme_items: 'rencana',
  events: 'kegiatan', event_sessions: 'sesi', enrolments: 'peserta', attendance_marks: 'tanda hadir',
  training_records: 'pelatihan luar', questionnaire_templates: 'templat kuesioner', event_questionnaires: 'kuesioner kegiatan',
  reaction_responses: 'isian kuesioner', followups: 'evaluasi pascapelatihan', service_scores: 'nilai IKM',
  certificates: 'sertifikat', revocations: 'pencabutan', tombstones: 'dihapus',
};

const NUMBER = new Intl.NumberFormat('id-ID');
const countsText = (counts: BatchCounts) => {
  const shown = Object.entries(counts).filter(([, n]) => n > 0).map(([e, n]) => `${NUMBER.format(n)} ${ENTITY_WORDS[e] ?? e}`);
  return shown.length ? shown.join(', ') : 'tidak ada baris';
};

export function registerBatchCommands(program: Command, outcome: CliOutcome): void {
  const batch = program.command('batch').description('kiriman data ke BKPSDM kota/kabupaten');

  batch.command('export')
    .description('buat kiriman berikutnya (perubahan sejak kiriman terakhir; yang pertama lengkap) di outbox, dan salin ke --out')
    .option('--full', 'kiriman lengkap (seluruh data), bukan hanya perubahan')
    .option('--out <dir>', 'salin berkas kiriman ke folder ini (mis. flashdisk)')
    .option('--json', 'cetak JSON: {file, seq, sha256, counts}')
    .action(async (opts: { full?: boolean; out?: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const made = await callAsCli(backend, 'batch.export', opts.full ? { full: true } : {});
      let file = made.file;
      if (opts.out !== undefined) {
        const dir = path.resolve(opts.out);
        if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new CliFailure(`Folder ${dir} tidak ada.`);
        file = path.join(dir, made.fileName);
        writeFileAtomic(file, fs.readFileSync(made.file));
      }
      print(cmd, { file, seq: made.seq, sha256: made.sha256, counts: made.counts }, () => [
        made.reused
          ? `Tidak ada perubahan sejak kiriman ${made.seq}: berkas yang sama dipakai lagi.`
          : `Kiriman ${made.seq} dibuat.`,
        `  berkas: ${file}`,
        `  isi:    ${countsText(made.counts)}`,
        `  SHA-256: ${made.sha256}`,
      ].join('\n'));
    }));

  batch.command('status')
    .description('yang menunggu dikirim, dan kiriman yang sudah dibuat')
    .option('--json', 'cetak JSON: {pending, batches}')
    .action(async (_opts: unknown, cmd: Command) => withBackend(cmd, async (backend) => {
      const pending = await callAsCli(backend, 'batch.pending', {});
      const batches = await callAsCli(backend, 'batch.list', {});
      print(cmd, { pending, batches }, () => [
        pending.total === 0
          ? `Tidak ada perubahan sejak kiriman ${pending.since} yang diterima kota.`
          : `Belum diterima kota${pending.full ? ' (kiriman pertama, lengkap)' : pending.since === null ? '' : ` sejak kiriman ${pending.since}`}: ${countsText(pending.counts)}.`,
        ...(batches.length ? ['Kiriman:'] : ['Belum ada kiriman.']),
        ...batches.flatMap((b) => [
          `  ${String(b.seq).padStart(5, '0')}  ${when(b.createdAt)}  ${t(`batches.kind.${b.kind}`).padEnd(9)} ${t(`batches.state.${b.state}`).padEnd(8)} ${b.fileName}`,
          ...(b.receipt?.rejected ?? []).slice(0, 20).map((x) => `         - ${ENTITY_WORDS[x.entity] ?? x.entity} ${x.id}: ${t(`batches.import.rejected.${x.reason}`)}`),
        ]),
      ].join('\n'));
    }));

  batch.command('import')
    .description('kantor kota/kabupaten: periksa dan impor berkas kiriman kecamatan (tanda tangan, urutan, isi)')
    .argument('<files...>', 'berkas .bkbatch')
    .option('--dry-run', 'uji coba: tampilkan yang akan berubah tanpa menyimpan apa pun')
    .option('--accept-out-of-order', 'impor juga kiriman yang datang sebelum kiriman yang hilang')
    .option('--json', 'cetak JSON: satu hasil per berkas')
    .action(async (files: string[], opts: { dryRun?: boolean; acceptOutOfOrder?: boolean }, cmd: Command) => withBackend(cmd, async (backend) => {
      const results: BatchImportResult[] = [];
      // One file after another: each in its own transaction, in the order given (batch 3 before 4).
      for (const file of files) {
        results.push(await callAsCli(backend, 'batch.import', {
          fileName: path.basename(file), dataBase64: readInputFile(file).toString('base64'),
          dryRun: opts.dryRun === true, acceptOutOfOrder: opts.acceptOutOfOrder === true,
        }));
      }
      if (results.some((r) => !ACCEPTED_STATUSES.includes(r.status))) outcome.exitCode = 1;
      print(cmd, results, () => results.map(importText).join('\n'));
    }));

  const receipt = batch.command('receipt')
    .description('kantor kota/kabupaten: tulis tanda terima bertanda tangan untuk berkas kiriman yang sudah diimpor')
    .argument('<file>', 'berkas .bkbatch yang diimpor')
    // Not a required option: commander would then ask it of `batch receipt import` too.
    .option('--out <dir>', 'folder tujuan tanda terima (mis. flashdisk); wajib')
    .option('--json', 'cetak JSON: {file, office, seq}')
    .action(async (file: string, opts: { out?: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      if (opts.out === undefined) throw new CliFailure('Sebutkan folder tujuan tanda terima dengan --out DIR.');
      const bytes = readInputFile(file);
      const manifest = await batchManifestOf(bytes);
      const dir = path.resolve(opts.out);
      if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new CliFailure(`Folder ${dir} tidak ada.`);
      const made = await callAsCli(backend, 'batch.receipt', {
        officeCode: manifest.office, seq: manifest.seq, sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      const out = path.join(dir, made.fileName);
      writeFileAtomic(out, Buffer.from(made.dataBase64, 'base64'));
      print(cmd, { file: out, office: manifest.office, seq: manifest.seq }, () => `Tanda terima kiriman ${manifest.seq} dari ${manifest.office} ditulis: ${out}`);
    }));

  receipt.command('import')
    .description('kantor kecamatan: impor tanda terima dari kota (kiriman diterima, atau ditolak dengan alasannya)')
    .argument('<file>', 'berkas .bkreceipt')
    .option('--json', 'cetak JSON: {seq, state, changed, receipt}')
    .action(async (file: string, _opts: unknown, cmd: Command) => withBackend(cmd, async (backend) => {
      const done = await callAsCli(backend, 'batch.importReceipt', { fileName: path.basename(file), dataBase64: readInputFile(file).toString('base64') });
      // `--json` after the file is taken by `batch receipt`, which has it too.
      print(cmd.opts().json ? cmd : cmd.parent ?? cmd, done, () => [
        t(done.changed ? `batches.receipt.${done.state}` : 'batches.receipt.unchanged', { seq: done.seq, city: done.receipt.city.name, accepted: done.receipt.accepted, rejected: done.receipt.rejected.length }),
        ...done.receipt.rejected.slice(0, 20).map((x) => `  - ${x.entity} ${x.id}: ${t(`batches.import.rejected.${x.reason}`)}`),
      ].join('\n'));
    }));

  batch.command('send')
    .description('unggah kiriman di outbox yang belum ada tanda terimanya ke penerima di kota (yang tertua dulu), dan impor tanda terimanya')
    .option('--url <url>', 'alamat penerima untuk kali ini, selain yang diatur dengan `batch address`')
    .option('--json', 'cetak JSON: {attempts, waiting, nextAttemptAt}')
    .action(async (opts: { url?: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const sent = await callAsCli(backend, 'batch.send', opts.url !== undefined ? { url: opts.url } : {});
      if (sent.attempts.some((a) => a.outcome === 'failed')) outcome.exitCode = 1;
      print(cmd, sent, () => [
        ...(sent.attempts.length ? [] : [t('batches.send.nothing')]),
        ...sent.attempts.map((a) => `${String(a.seq).padStart(5, '0')}  ${t(a.outcome === 'failed' ? 'batches.send.failed' : `batches.state.${a.outcome}`)}: ${t(a.message, a.params)}`),
        ...(sent.waiting ? [t('batches.send.waiting', { count: sent.waiting })] : []),
        ...(sent.nextAttemptAt ? [t('batches.send.next_attempt', { at: when(sent.nextAttemptAt) })] : []),
        // Refused for good (the token, the file as it is): the timer leaves it to the next `batch send`.
        ...(sent.waiting && !sent.nextAttemptAt && sent.attempts.at(-1)?.outcome === 'failed' ? [t('batches.send.stopped')] : []),
      ].join('\n'));
    }));

  batch.command('address')
    .description('admin: alamat penerima kiriman di kota dan token unggah kantor ini (tanpa pilihan: tampilkan yang diatur)')
    .option('--url <url>', 'alamat penerima di kota, mis. http://10.10.1.5:4780')
    .option('--token <token>', 'token unggah dari BKPSDM kota/kabupaten ("-": baca dari stdin, agar tidak tersimpan di riwayat shell)')
    .option('--off', 'hapus alamat penerima: kiriman hanya lewat USB/folder')
    .option('--json', 'cetak JSON: {url, tokenSet}')
    .action(async (opts: { url?: string; token?: string; off?: boolean }, cmd: Command) => withBackend(cmd, async (backend) => {
      if (opts.off && opts.url !== undefined) throw new CliFailure('Pilih --url ALAMAT atau --off, bukan keduanya.');
      let settings = await callAsCli(backend, 'batch.sendSettings', {});
      if (opts.url !== undefined || opts.token !== undefined || opts.off) {
        const token = opts.token === '-' ? await readStdin() : opts.token;
        settings = await callAsCli(backend, 'batch.setSendSettings', { url: opts.off ? null : opts.url ?? settings.url, ...(token !== undefined ? { token } : {}) });
      }
      print(cmd, settings, () => t('batches.send.settings', {
        url: settings.url ?? t('batches.send.url_unset'), token: t(settings.tokenSet ? 'batches.send.token_set' : 'batches.send.token_unset'),
      }));
    }));
}

function importText(r: BatchImportResult): string {
  const lines = [`${r.fileName}: ${t(`batches.import_status.${r.status}`)}${r.dryRun ? ` (${t('batches.import.dry_run')})` : ''}`, `  ${t(r.message, r.params)}`];
  if (ACCEPTED_STATUSES.includes(r.status) && r.status !== 'already_imported') {
    lines.push(`  ${t('batches.import.summary', { created: r.created, updated: r.updated, unchanged: r.unchanged, removed: r.removed, rejected: r.rejected.length })}`);
    for (const x of r.rejected.slice(0, 20)) lines.push(`  - ${x.entity} ${x.id}: ${t(`batches.import.rejected.${x.reason}`)}`);
  }
  // A batch that carries its key names the whole fingerprint in its message already.
  if (r.fingerprint && !r.message.startsWith('batches.import.confirm_key')) lines.push(`  ${t('batches.import.fingerprint', { fingerprint: r.fingerprint })}`);
  for (const x of r.released) lines.push(`  ${t('batches.import.released', { seq: x.seq, status: t(`batches.import_status.${x.status}`) })} ${t(x.message, x.params)}`);
  return lines.join('\n');
}

/**
 * Which batch a file says it is (office code and number); the city checks the file's hash against
 * the one it imported. Read as the import reads it, within its bounds (the file may be anyone's).
 */
async function batchManifestOf(bytes: Uint8Array): Promise<{ office: string; seq: number }> {
  const { unverifiedManifest } = await import('../backend/batches/read.ts');
  const m = unverifiedManifest(bytes);
  if (!m) throw new CliFailure('Berkas ini bukan berkas kiriman Bangkom (.bkbatch) yang utuh.');
  return { office: m.office.code, seq: m.seq };
}
