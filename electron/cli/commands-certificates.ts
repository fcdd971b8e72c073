// `certificates` and `trust`: issue, print, verify and inspect certificate codes; trust files.
import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ApiError } from '../../shared/contract/errors.ts';
import type { JobStatus } from '../../shared/contract/jobs.ts';
import type { VerifyOutput } from '../../shared/contract/certificates.ts';
import { CERTIFICATE_ROLES } from '../../shared/certificates/types.ts';
import type { Backend } from '../backend/backend.ts';
import { CliFailure, callAsCli, print, readInputFile, readStdin, withBackend, writeFileAtomic, type CliOutcome } from './support.ts';

const STATUS_TEXT: Record<VerifyOutput['status'], string> = {
  valid: 'SAH',
  revoked: 'DICABUT',
  tampered: 'TIDAK SAH / DIUBAH',
  unknown_issuer: 'PENERBIT TIDAK DIKENAL',
  malformed: 'BUKAN KODE SERTIFIKAT',
};

/** Waits for a job, showing its progress on stderr when a person is watching. */
async function waitForJob(backend: Backend, jobId: string, label: string): Promise<JobStatus> {
  const status = () => backend.jobs.get(jobId, null);
  return new Promise((resolve) => {
    const done = (s: JobStatus) => {
      if (s.state === 'running') {
        if (process.stderr.isTTY && s.total) process.stderr.write(`\r${label} ${s.done}/${s.total}`);
        return false;
      }
      if (process.stderr.isTTY) process.stderr.write('\n');
      unsubscribe();
      resolve(s);
      return true;
    };
    const unsubscribe = backend.onJobEvent((e) => { if (e.jobId === jobId) done(e); });
    done(status());
  });
}

/** The code's text: the argument, or stdin when it is `-` (a scanner piped in). */
async function codeText(text: string | undefined): Promise<string> {
  if (text === '-' ) return (await readStdin()).trim();
  if (!text) throw new CliFailure('Berikan kode sertifikat, atau --image BERKAS.');
  return text;
}

function verifyHuman(r: VerifyOutput): string {
  const c = r.certificate as Record<string, unknown> | undefined;
  const lines = [STATUS_TEXT[r.status]];
  if (r.read && !r.read.ok) lines.push(`Tidak ada kode QR yang terbaca (${r.read.reason}).`);
  if (r.stage) lines.push(`Gagal pada tahap: ${r.stage}`);
  if (c) lines.push(`${String(c.number)} · ${String(c.name)}${c.nip ? ` (NIP ${String(c.nip)})` : ''}`, `${String(c.event)}, ${String(c.start)} s.d. ${String(c.end)}, ${String(c.jp)} JP`);
  if (r.issuer) lines.push(`Penerbit: ${r.issuer.name} (${r.issuer.code})`);
  if (r.revocation) lines.push(`Dicabut ${String(r.revocation.revokedOn)}: ${String(r.revocation.reason)}`);
  return lines.join('\n');
}

export function registerCertificateCommands(program: Command, outcome: CliOutcome): void {
  const cert = program.command('certificates').description('sertifikat');

  cert.command('issue')
    .description('terbitkan sertifikat sebuah kegiatan (semua yang memenuhi syarat, sekaligus)')
    .requiredOption('--event <id>', 'id kegiatan')
    .addOption(new Option('--role <role>', 'peran penerima').choices([...CERTIFICATE_ROLES]).default('peserta'))
    .option('--employee <id...>', 'panitia/narasumber dari daftar pegawai (id)')
    .option('--date <YYYY-MM-DD>', 'tanggal terbit (bawaan: hari ini)')
    .option('--json', 'cetak JSON')
    .action(async (opts: { event: string; role: string; employee?: string[]; date?: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const result = await callAsCli(backend, 'certificates.issue', { eventId: opts.event, role: opts.role, employeeIds: opts.employee ?? [], ...(opts.date ? { issuedOn: opts.date } : {}) });
      print(cmd, result, () => [
        `${result.issued.length} sertifikat diterbitkan, ${result.skipped.length} dilewati.`,
        ...result.issued.map((i) => `  ${i.number}  ${i.nip || '-'}  ${i.name}`),
        ...result.skipped.map((s) => `  dilewati: ${s.nip || '-'}  ${s.name} (${s.reason})`),
      ].join('\n'));
    }));

  cert.command('pdf')
    .description('PDF sertifikat yang sudah terbit: satu berkas untuk printer (.pdf) atau satu PDF per orang (.zip)')
    .option('--event <id>', 'semua sertifikat sah sebuah kegiatan')
    .option('--id <id...>', 'sertifikat tertentu')
    .requiredOption('--out <file>', 'berkas tujuan, .pdf atau .zip')
    .option('--json', 'cetak JSON')
    .action(async (opts: { event?: string; id?: string[]; out: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const ext = path.extname(opts.out).toLowerCase();
      if (ext !== '.pdf' && ext !== '.zip') throw new CliFailure('--out harus berakhiran .pdf atau .zip.');
      if (!opts.event && !opts.id) throw new CliFailure('Berikan --event atau --id.');
      const { jobId } = await callAsCli(backend, 'certificates.print', { eventId: opts.event, ids: opts.id, format: ext.slice(1) });
      const job = await waitForJob(backend, jobId, 'Mencetak');
      if (job.state !== 'done') throw ApiError.from({ code: (job.error?.code ?? 'INTERNAL') as never, message: job.error?.message ?? 'Gagal.' });
      const file = await callAsCli(backend, 'certificates.printed', { jobId });
      writeFileAtomic(opts.out, Buffer.from(file.dataBase64, 'base64'));
      const count = (job.result as { count: number }).count;
      print(cmd, { file: opts.out, count }, () => `${count} sertifikat ditulis ke ${opts.out}.`);
    }));

  cert.command('verify [text]')
    .description('periksa kode sertifikat (teks dari pemindai, atau - untuk stdin) atau --image gambar/PDF; keluar 0 hanya bila sah')
    .option('--image <file>', 'gambar (PNG/JPG) atau PDF sertifikat')
    .option('--json', 'cetak JSON')
    .action(async (text: string | undefined, opts: { image?: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const result = opts.image
        ? await callAsCli(backend, 'certificates.verifyFile', { fileName: path.basename(opts.image), dataBase64: readInputFile(opts.image).toString('base64') })
        : await callAsCli(backend, 'certificates.verify', { text: await codeText(text) });
      print(cmd, result, () => verifyHuman(result));
      if (result.status !== 'valid') outcome.exitCode = 1;
    }));

  cert.command('inspect [text]')
    .description('uraikan kode bergaya HCERT (BK1: atau HC1:) tanpa mempercayainya')
    .option('--image <file>', 'gambar (PNG/JPG) atau PDF berisi kode QR')
    .option('--json', 'cetak JSON')
    .action(async (text: string | undefined, opts: { image?: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      let code: string;
      if (opts.image) {
        const read = await callAsCli(backend, 'certificates.readFile', { fileName: path.basename(opts.image), dataBase64: readInputFile(opts.image).toString('base64') });
        if (!read.ok) throw new CliFailure(`Tidak ada kode QR yang terbaca di ${opts.image} (${read.reason}).`);
        code = read.text ?? '';
      } else code = await codeText(text);
      const result = await callAsCli(backend, 'certificates.inspect', { text: code });
      print(cmd, result, () => JSON.stringify(result, null, 2));
      if (result.stage !== 'ok') outcome.exitCode = 1;
    }));

  cert.command('revoke <number>')
    .description('cabut sertifikat dengan alasan')
    .requiredOption('--reason <text>', 'alasan pencabutan')
    .option('--json', 'cetak JSON')
    .action(async (number: string, opts: { reason: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const [found] = (await callAsCli(backend, 'certificates.list', { query: number })).filter((c) => c.number === number);
      if (!found) throw new CliFailure(`Sertifikat ${number} tidak ditemukan.`);
      const result = await callAsCli(backend, 'certificates.revoke', { id: found.id, reason: opts.reason });
      print(cmd, result, () => `${result.number} dicabut: ${result.revokeReason ?? ''}`);
    }));

  cert.command('verifier')
    .description('tulis satu berkas HTML pemeriksa sertifikat (tanpa internet) berisi daftar tepercaya')
    .requiredOption('--out <file>', 'berkas .html tujuan')
    .option('--json', 'cetak JSON')
    .action(async (opts: { out: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const file = await callAsCli(backend, 'certificates.verifier', {});
      writeFileAtomic(opts.out, Buffer.from(file.dataBase64, 'base64'));
      print(cmd, { file: opts.out }, () => `Pemeriksa sertifikat ditulis ke ${opts.out}. Buka di peramban mana pun, tanpa internet.`);
    }));

  const trust = program.command('trust').description('daftar tepercaya (kunci kantor dan sertifikat yang dicabut)');
  trust.command('export')
    .description('tulis daftar tepercaya kantor ini (bertanda tangan) untuk kota atau kantor lain')
    .requiredOption('--out <file>', 'berkas tujuan, atau folder (mis. flashdisk): berkas bernama kantor ini di dalamnya')
    .option('--json', 'cetak JSON')
    .action(async (opts: { out: string }, cmd: Command) => withBackend(cmd, async (backend) => {
      const file = await callAsCli(backend, 'trust.export', {});
      const out = fs.statSync(opts.out, { throwIfNoEntry: false })?.isDirectory() ? path.join(opts.out, file.fileName) : opts.out;
      writeFileAtomic(out, Buffer.from(file.dataBase64, 'base64'));
      const offices = await callAsCli(backend, 'trust.list', {});
      const own = offices.find((o) => o.own);
      print(cmd, { file: out, offices: offices.length }, () => `Daftar tepercaya (${offices.length} kantor) ditulis ke ${out}.\nSidik jari kunci kantor ini: ${own?.keys.find((k) => k.status === 'active')?.fingerprint ?? '-'}`);
    }));

  trust.command('import <file>')
    .description('periksa daftar tepercaya dari kota atau kantor lain; --confirm mengimpornya (kunci penanda tangan baru: setelah sidik jarinya dicocokkan)')
    .option('--confirm', 'sidik jari penanda tangan sudah dicocokkan; impor')
    .option('--json', 'cetak JSON')
    .action(async (file: string, opts: { confirm?: boolean }, cmd: Command) => withBackend(cmd, async (backend) => {
      const result = await callAsCli(backend, 'trust.import', { fileName: path.basename(file), dataBase64: readInputFile(file).toString('base64'), confirm: opts.confirm ?? false });
      print(cmd, result, () => [
        result.applied ? 'Daftar tepercaya diimpor.' : result.needsConfirmation ? 'Belum diimpor: kunci penanda tangan ini baru.' : 'Belum diimpor: periksa isinya dulu.',
        `Penanda tangan: ${result.signer.name} (${result.signer.office})`,
        `Sidik jari: ${result.signer.fingerprint}`,
        ...result.offices.map((o) => `  ${o.code} ${o.name}: ${o.refused ? 'tidak diubah (hanya kantor itu sendiri atau yang pertama mengirimkan kuncinya yang boleh)' : `${o.newKeys} kunci baru${o.retiredKeys ? `, ${o.retiredKeys} dipensiunkan` : ''}`}`),
        `${result.newRevocations} sertifikat dicabut yang baru`,
        ...(result.applied ? [] : [result.needsConfirmation ? 'Cocokkan sidik jari dengan cetakan dari kantor itu, lalu ulangi dengan --confirm.' : 'Bila isinya benar, ulangi dengan --confirm.']),
      ].join('\n'));
      if (!result.applied) outcome.exitCode = 2;
    }));
}
