// `serve` and `start`: the application for a browser, or the desktop window.
import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { findElectron, launchElectron } from './electron-launch.ts';
import { UPLOAD_MAX_BYTES, UPLOAD_PATH } from '../../shared/domain/batch-upload.ts';
import { CliFailure, DEFAULT_PORT, RENDERER_DIR, ROOT, dataDir, type CliOutcome } from './support.ts';

async function serve(cmd: Command, opts: { host: string; port: number; allowHost?: string[]; receiver?: boolean }): Promise<void> {
  const [{ createBackend }, { startHttpServer }, { parseAllowHosts }] = await Promise.all([
    import('../backend/backend.ts'), import('../server/http.ts'), import('../server/guards.ts'),
  ]);
  const allowHosts = parseAllowHosts(opts.allowHost ?? []);
  // The outbox retries its uploads to the city by itself while this runs.
  const backend = createBackend({ dataDir: dataDir(cmd), autoBackup: true, processKind: 'serve', autoSend: true });
  const receiver = opts.receiver === true;
  const start = (port: number) => startHttpServer({ backend, staticDir: RENDERER_DIR, host: opts.host, port, allowHosts, receiver });
  let running: Awaited<ReturnType<typeof start>>;
  try {
    running = await start(opts.port).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EADDRINUSE' || opts.port === 0) throw err;
      process.stderr.write(`Port ${opts.port} sedang dipakai; memakai port lain.\n`);
      return start(0);
    });
  } catch (err) {
    // Not served (the port, or --receiver at a kecamatan): the backend closed before saying why.
    await backend.settled();
    backend.close();
    throw new CliFailure((err as Error).message);
  }
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    process.stderr.write('Tampilan belum dibangun: jalankan `npm run build` (hanya API yang tersedia).\n');
  }
  if (!['127.0.0.1', 'localhost', '::1'].includes(opts.host)) {
    process.stderr.write(`Perhatian: Bangkom terbuka untuk jaringan di ${opts.host}. Setiap akses tetap perlu masuk (login).\n`);
    process.stderr.write('Komputer lain membuka Bangkom lewat alamat IP komputer ini; nama lain (mis. kantor.local) perlu --allow-host NAMA.\n');
  }
  process.stdout.write(`Bangkom berjalan di ${running.url}\nData: ${backend.dataDir}\n`);
  if (receiver) {
    process.stdout.write([
      `Penerima kiriman kecamatan aktif: POST ${running.url}${UPLOAD_PATH}`,
      `  - hanya dengan token unggah kecamatan (buat dengan: bangkom offices token KODE-KECAMATAN); metode lain tetap perlu masuk (login);`,
      `  - berkas paling besar ${UPLOAD_MAX_BYTES / 1024 / 1024} MB; setiap berkas disimpan di ${backend.dataDir}/received/ sebelum diimpor;`,
      '  - HTTP biasa hanya untuk di dalam jaringan kota. Dari luar jaringan itu, pasang TLS (HTTPS) lewat reverse proxy (Caddy/nginx, lihat README).',
      '',
    ].join('\n'));
  }
  process.stdout.write('Tekan Ctrl+C untuk berhenti.\n');
  // A backup in progress is finished first, so no half-written temporary file is left behind.
  const stop = () => { void running.close().then(() => backend.settled()).then(() => { backend.close(); process.exit(0); }); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function registerAppCommands(program: Command, _outcome: CliOutcome): void {
  const portOption = new Option('--port <port>', 'port').default(DEFAULT_PORT).argParser((v) => Number.parseInt(v, 10));

  program.command('serve')
    .description('layani aplikasi dan API lewat HTTP (untuk peramban)')
    .option('--host <host>', 'alamat yang didengar', '127.0.0.1')
    .addOption(portOption)
    .option('--allow-host <nama>', 'nama host lain yang dilayani di jaringan kantor (boleh diulang atau dipisah koma)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--receiver', `kantor kota/kabupaten: terima kiriman kecamatan lewat POST /${UPLOAD_PATH} dengan token unggah`)
    .action((opts: { host: string; port: number; allowHost: string[]; receiver?: boolean }, cmd: Command) => serve(cmd, opts));

  program.command('start')
    .description('buka aplikasi desktop; jika Electron tidak bisa berjalan, layani lewat peramban')
    .addOption(portOption)
    .action(async (opts: { port: number }, cmd: Command) => {
      const electron = findElectron();
      const dataArgs = cmd.optsWithGlobals().data ? [`--data=${dataDir(cmd)}`] : [];
      if (electron.ok && (await launchElectron(electron.binary, ROOT, dataArgs))) return;
      const reason = electron.ok ? 'Electron berhenti saat dibuka' : electron.reason;
      process.stdout.write(
        `Aplikasi desktop (Electron) tidak dapat dibuka di sini: ${reason}. ` +
        'Bangkom tetap berjalan: layanan yang sama dijalankan di komputer ini saja (127.0.0.1). ' +
        'Buka alamat di bawah ini dengan peramban (Chrome, Edge, atau Firefox); data dan akun sama dengan aplikasi desktop.\n' +
        '(The desktop window cannot open here, so Bangkom is served on this computer only: open the address below in a browser.)\n\n',
      );
      await serve(cmd, { host: '127.0.0.1', port: opts.port });
    });
}
