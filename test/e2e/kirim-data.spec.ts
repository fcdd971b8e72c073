import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import type { Download, Locator, Page } from '@playwright/test';
import { call, logIn, test, expect, screenshot, ROOT } from './fixtures.ts';
import { dateInZone } from '../../shared/domain/dates.ts';

// Kirim Data as a kecamatan clerk uses it, at 1024×768: the office's roster and a training wait
// to be sent; the clerk makes the first batch (full) and saves it for the USB trip; Kirim without
// a receiver address says who sets it and offers the USB way. A real city office (a second data
// folder driven by the command line, as its IT staff would: `office setup --city`, trust files
// both ways, `batch import`, `batch receipt --out`) imports the file and writes its signed
// receipt; the clerk imports it and sees Diterima, and a file that is no receipt is refused in
// words. A change then waits again and goes in batch 2, which the city partly refuses (a row
// another kecamatan sent first under the same id): the clerk sees Ditolak, the person by name,
// the reason and what to do, also on Beranda.
test.describe.configure({ mode: 'serial' });

const ZONE = 'Asia/Jakarta';
const TODAY = dateInZone(new Date(), ZONE);
const YEAR = Number(TODAY.slice(0, 4));
const BIN = path.join(ROOT, 'bin', 'bangkom.js');
const DOWNLOADS = path.join(ROOT, 'test-results', 'kirim-data-downloads');
const run = promisify(execFile);

const PEOPLE = [
  { nip: '198203152008012011', name: 'Siti Rahmawati', unit: 'Plaju Ulu' },
  { nip: '197905212005011003', name: 'Budi Santoso', unit: 'Plaju Ulu' },
  { nip: '198611302010012005', name: 'Dewi Lestari', unit: 'Plaju Ulu' },
  { nip: '198409172009022004', name: 'Yuni Kartika', unit: 'Plaju Darat' },
  { nip: '197712042003121001', name: 'Agus Pratama', unit: 'Plaju Darat' },
];
const NEWCOMER = { nip: '199103142015032006', name: 'Rina Marlina' };

/** The folders of the other side: the city's data, a second kecamatan's, and the "USB stick". */
const dirs = { city: '', ilir: '', usb: '' };
let batch1 = '';

/** `bangkom --data DIR …` as a process, as the city's IT staff run it; its standard output. */
async function bangkom(dataDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [BIN, '--data', dataDir, ...args], { cwd: ROOT, env: { ...process.env, BANGKOM_LANG: 'id' }, encoding: 'utf8' });
  return stdout;
}

/** No sideways scrolling: the screen fits 1024 pixels. */
async function fitsWidth(page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, 'page scrolls sideways').toBeLessThanOrEqual(inner);
}

async function shot(page: Page, name: string): Promise<void> {
  await fitsWidth(page);
  // Nor does a table inside its card: every column and the row's button in view.
  const overflowing = await page.locator('.table-wrap').evaluateAll((wraps) => wraps.filter((w) => w.scrollWidth > w.clientWidth + 1).length);
  expect(overflowing, 'a table scrolls sideways').toBe(0);
  await screenshot(page, `kirim-data-${name}`);
}

async function keep(download: Download): Promise<string> {
  fs.mkdirSync(DOWNLOADS, { recursive: true });
  const file = path.join(DOWNLOADS, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

async function open(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Kirim Data' }).click();
  await expect(page.getByRole('heading', { name: 'Kirim Data', level: 1 })).toBeVisible();
  await expect(batchTable(page).or(page.getByText('Belum ada kiriman.', { exact: false }))).toBeVisible();
}

function card(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title });
}

function batchTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Kiriman ke BKPSDM kota' });
}

function batchRow(page: Page, seq: number): Locator {
  return batchTable(page).getByRole('row', { name: new RegExp(`^${String(seq).padStart(5, '0')}\\b`) });
}

/** The figure under one kind of data in "Menunggu dikirim". */
function waiting(page: Page, term: string): Locator {
  return page.getByLabel('Baris yang menunggu dikirim, per jenis data')
    .locator('div', { has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) }).getByRole('definition');
}

/** The receipt picked through the file chooser that "Impor tanda terima…" opens. */
async function importReceipt(page: Page, files: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Impor tanda terima…' }).click()]);
  await chooser.setFiles(files);
}

/** The city's receipt for a batch file it imported, written into the USB folder; its path. */
async function cityReceipt(batchFile: string): Promise<string> {
  const out = JSON.parse(await bangkom(dirs.city, 'batch', 'receipt', batchFile, '--out', dirs.usb, '--json')) as { file: string };
  return out.file;
}

test.afterAll(() => {
  for (const dir of Object.values(dirs)) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('preconditions: a roster, a finished event with its attendance, an outside training', async ({ page }) => {
  await logIn(page);
  const csv = ['NIP,Nama,Golongan,Jabatan,Unit Kerja', ...PEOPLE.map((p) => `${p.nip},${p.name},III/a,Pengadministrasi Umum,${p.unit}`)].join('\n');
  const roster = await call<{ errors: unknown[] }>(page, 'roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(csv).toString('base64'), createUnits: false });
  expect(roster.errors).toEqual([]);
  const employees = (await call<{ items: { id: string; nip: string }[] }>(page, 'employees.list', { limit: 100 })).items;
  const event = await call<{ id: string }>(page, 'events.create', {
    name: 'Sosialisasi Standar Pelayanan Publik', methodId: 8, competencyType: 'teknis', organiser: 'kantor', place: 'Aula Kantor Camat Plaju',
  });
  const session = await call<{ id: string }>(page, 'sessions.create', { eventId: event.id, date: `${YEAR}-02-10`, start: '08:00', end: '12:00', topic: 'Standar pelayanan' });
  await call(page, 'enrolment.add', { eventId: event.id, employeeIds: employees.slice(0, 3).map((e) => e.id) });
  for (const e of await call<{ id: string }[]>(page, 'enrolment.list', { eventId: event.id })) {
    await call(page, 'attendance.mark', { sessionId: session.id, enrolmentId: e.id, status: 'hadir' });
  }
  await call(page, 'events.setStatus', { id: event.id, status: 'selesai' });
  await call(page, 'records.create', {
    employeeId: employees[0]!.id, title: 'Bimbingan Teknis Aplikasi SIAK Terpadu', organiser: 'BKPSDM Kota Palembang', methodId: 8, competencyType: 'teknis',
    startDate: `${YEAR}-01-20`, endDate: `${YEAR}-01-22`, hours: 24,
  });
});

test('what waits, the first batch (full) saved for the USB trip, and Kirim without a receiver address', async ({ page }) => {
  await open(page);
  const pending = card(page, 'Menunggu dikirim');
  await expect(pending).toContainText('Belum pernah ada kiriman: kiriman pertama berisi seluruh data kantor (kiriman lengkap).');
  await expect(waiting(page, 'Pegawai')).toHaveText(String(PEOPLE.length));
  await expect(waiting(page, 'Tanda hadir')).toHaveText('3');
  await expect(waiting(page, 'Peserta kegiatan')).toHaveText('3');
  await expect(waiting(page, 'Pelatihan luar')).toHaveText('1');
  await expect(page.getByText('Belum ada kiriman. Tekan "Buat kiriman" di atas.')).toBeVisible();
  await shot(page, '01-waiting-first');

  // The admin may ask for a full batch; the first one is full anyway.
  await expect(pending.getByLabel('Kiriman lengkap (seluruh data, bukan hanya perubahan)')).not.toBeChecked();
  await pending.getByRole('button', { name: 'Buat kiriman' }).click();
  await expect(pending.getByRole('status')).toContainText(/^Kiriman 1 dibuat \(lengkap\): 1 data kantor, .*5 pegawai, .*3 tanda hadir/);
  const row = batchRow(page, 1);
  await expect(row).toContainText('Lengkap');
  await expect(row).toContainText('Dibuat');
  await expect(row).toContainText('baru');
  // Made is not received: everything still counts until the city answers.
  await expect(pending).toContainText('Kiriman 1 sudah dibuat, tetapi tanda terimanya belum ada');
  await expect(pending).toContainText('Kiriman berikutnya: hanya perubahan sejak kiriman 1.');

  // Nothing changed: the same batch, said plainly.
  await pending.getByRole('button', { name: 'Buat kiriman' }).click();
  await expect(pending.getByRole('status')).toContainText(/^Tidak ada perubahan sejak kiriman 1: berkas yang sama \(Bangkom-16\.71\.14-Plaju-00001-/);
  await expect(batchTable(page).getByRole('row')).toHaveCount(2);

  // Simpan ke USB/folder…: the batch's own file name, a zip.
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Simpan kiriman 1 ke USB/folder' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^Bangkom-16\\.71\\.14-Plaju-00001-${TODAY}\\.bkbatch$`));
  batch1 = await keep(download);
  expect(fs.readFileSync(batch1).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  await expect(page.getByText(`Berkas ${download.suggestedFilename()} disiapkan.`, { exact: false })).toBeVisible();
  await shot(page, '02-first-batch');

  // Kirim with no address: said at once, with who sets it and the USB way.
  const send = card(page, 'Kirim ke BKPSDM kota');
  await send.getByRole('button', { name: 'Kirim', exact: true }).click();
  const alert = send.getByRole('alert');
  await expect(alert).toContainText('Alamat penerima belum diatur, jadi kiriman belum dapat diunggah.');
  await expect(alert).toContainText('Admin kantor mengaturnya di Kirim Data → Pengaturan pengiriman');
  await expect(alert).toContainText('Simpan ke USB/folder…');
  await expect(alert.getByRole('link', { name: 'Atur alamat penerima' })).toBeVisible();
  await send.scrollIntoViewIfNeeded();
  await shot(page, '03-send-no-address');
});

test('the city imports the file from the USB stick and writes its receipt; the clerk imports it: Diterima. A file that is no receipt is refused', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page);
  dirs.city = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-e2e-city-'));
  dirs.usb = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-e2e-usb-'));
  await bangkom(dirs.city, 'office', 'setup', '--city', '--region', '16.71', '--signer-name', 'Kepala BKPSDM', '--signer-nip', '197001011990031002');
  // The trust files both ways: the kecamatan's for the city, the city's for the kecamatan.
  const plajuTrust = path.join(dirs.usb, 'daftar-tepercaya-plaju.json');
  fs.writeFileSync(plajuTrust, Buffer.from((await call<{ dataBase64: string }>(page, 'trust.export', {})).dataBase64, 'base64'));
  await bangkom(dirs.city, 'trust', 'import', plajuTrust, '--confirm');
  const cityTrust = path.join(dirs.usb, 'daftar-tepercaya-kota.json');
  await bangkom(dirs.city, 'trust', 'export', '--out', cityTrust);
  await call(page, 'trust.import', { fileName: 'daftar-tepercaya-kota.json', dataBase64: fs.readFileSync(cityTrust).toString('base64'), confirm: true });

  const onStick = path.join(dirs.usb, path.basename(batch1));
  fs.copyFileSync(batch1, onStick);
  expect(await bangkom(dirs.city, 'batch', 'import', onStick)).toContain('Kiriman 1 dari Kantor Kecamatan Plaju diimpor.');
  const receipt = await cityReceipt(onStick);
  expect(path.basename(receipt)).toBe('Bangkom-16.71.14-Plaju-00001-tanda-terima.bkreceipt');

  await open(page);
  const receipts = card(page, 'Tanda terima dari BKPSDM kota');
  await importReceipt(page, receipt);
  await expect(receipts.getByRole('status')).toHaveText(/^Tanda terima dari BKPSDM Kota Palembang: kiriman 1 diterima \(\d+ baris\)\.$/);
  await expect(batchRow(page, 1)).toContainText('Diterima');
  await expect(batchRow(page, 1)).toContainText('baris diterima');
  await expect(card(page, 'Menunggu dikirim')).toContainText('Tidak ada yang menunggu dikirim: tidak ada perubahan sejak kiriman 1, yang sudah dijawab BKPSDM kota.');
  // Nothing new: no second batch, and no advice to carry one the city already has.
  await card(page, 'Menunggu dikirim').getByRole('button', { name: 'Buat kiriman' }).click();
  await expect(card(page, 'Menunggu dikirim').getByRole('status')).toHaveText(/^Tidak ada perubahan sejak kiriman 1: berkas yang sama \([^)]+\)\.$/);
  await expect(batchTable(page).getByRole('row')).toHaveCount(2);

  // The same receipt again changes nothing, and says so.
  await importReceipt(page, receipt);
  await expect(receipts.getByRole('status')).toHaveText('Tanda terima kiriman 1 dari BKPSDM Kota Palembang sudah diimpor; tidak ada yang berubah.');

  // A file that is no receipt, dropped on the card: refused, and why.
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['bukan tanda terima'], 'catatan.bkreceipt', { type: 'application/octet-stream' }));
    return dt;
  });
  await receipts.locator('.receipt-drop').dispatchEvent('drop', { dataTransfer });
  await expect(receipts.getByRole('alert')).toHaveText('catatan.bkreceipt: Berkas ini bukan tanda terima kiriman Bangkom, atau rusak.');
  await expect(batchRow(page, 1)).toContainText('Diterima');
  await shot(page, '04-received');
});

test('a change waits again and goes in batch 2; the city refuses one of its rows: Ditolak, the person, the reason and what to do', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page);
  const { employee } = await call<{ employee: { id: string } }>(page, 'employees.create', { nip: NEWCOMER.nip, name: NEWCOMER.name, gender: 'P', golongan: 'III/a', jabatan: 'Pengadministrasi Umum' });

  // Meanwhile Kecamatan Ilir Barat II sent the city a person under the same id (a copy made by hand between offices).
  dirs.ilir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-e2e-ilir-'));
  await bangkom(dirs.ilir, 'office', 'setup', '--region', '16.71.01', '--signer-name', 'Camat Ilir Barat II', '--signer-nip', '197205051996031003');
  const ilirRoster = path.join(dirs.usb, 'pegawai-ilir.csv');
  fs.writeFileSync(ilirRoster, 'NIP,Nama,Golongan,Jabatan\n198807192011012003,Ratna Susanti,III/b,Pengadministrasi Umum\n');
  await bangkom(dirs.ilir, 'roster', 'import', ilirRoster);
  const db = new Database(path.join(dirs.ilir, 'bangkom.sqlite'));
  try {
    db.prepare('UPDATE employees SET id = ? WHERE nip = ?').run(employee.id, '198807192011012003');
  } finally {
    db.close();
  }
  const ilirTrust = path.join(dirs.usb, 'daftar-tepercaya-ilir.json');
  await bangkom(dirs.ilir, 'trust', 'export', '--out', ilirTrust);
  await bangkom(dirs.city, 'trust', 'import', ilirTrust, '--confirm');
  const ilirBatch = (JSON.parse(await bangkom(dirs.ilir, 'batch', 'export', '--out', dirs.usb, '--json')) as { file: string }).file;
  await bangkom(dirs.city, 'batch', 'import', ilirBatch);

  await open(page);
  const pending = card(page, 'Menunggu dikirim');
  await expect(pending).toContainText('1 baris menunggu dikirim ke BKPSDM kota.');
  await expect(pending).toContainText('Dihitung sejak kiriman 1, yang sudah dijawab BKPSDM kota dengan tanda terima.');
  await expect(waiting(page, 'Pegawai')).toHaveText('1');
  await expect(pending).toContainText('Kiriman berikutnya: hanya perubahan sejak kiriman 1.');
  await pending.getByRole('button', { name: 'Buat kiriman' }).click();
  await expect(pending.getByRole('status')).toContainText('Kiriman 2 dibuat (perubahan): 1 pegawai.');
  await expect(batchRow(page, 2)).toContainText('Perubahan');
  await expect(batchRow(page, 2)).toContainText('1 baris');
  const [download] = await Promise.all([page.waitForEvent('download'), batchRow(page, 2).getByRole('button', { name: 'Simpan kiriman 2 ke USB/folder' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Bangkom-16\.71\.14-Plaju-00002-/);
  const batch2 = await keep(download);

  await bangkom(dirs.city, 'batch', 'import', batch2);
  await importReceipt(page, await cityReceipt(batch2));
  await expect(card(page, 'Tanda terima dari BKPSDM kota').getByRole('status'))
    .toHaveText('Tanda terima dari BKPSDM Kota Palembang: kiriman 2 ditolak sebagian, 1 baris ditolak (0 diterima). Perbaiki lalu kirim lagi.');
  await expect(batchRow(page, 2)).toContainText('Ditolak');
  await expect(batchRow(page, 2)).toContainText('1 baris ditolak');

  const refused = page.getByRole('region', { name: 'Kiriman yang sudah dibuat' });
  await expect(refused.getByRole('heading', { name: 'Kiriman 2 ditolak sebagian' })).toBeVisible();
  const rows = refused.getByRole('table', { name: 'Baris kiriman 2 yang ditolak' });
  await expect(rows.getByRole('row').nth(1)).toContainText('Pegawai');
  await expect(rows.getByRole('link', { name: NEWCOMER.name })).toHaveAttribute('href', `#/pegawai/${employee.id}`);
  await expect(rows.getByRole('row').nth(1)).toContainText('baris ini milik kantor lain');
  await expect(refused).toContainText('Perbaiki lalu kirim lagi: data yang diperbaiki masuk ke kiriman berikutnya.');
  await rows.scrollIntoViewIfNeeded();
  await shot(page, '05-refused');

  // The same screen in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Send Data', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Batches made' }).getByRole('heading', { name: 'Batch 2 partly refused' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Batches to the city BKPSDM' }).getByRole('row', { name: /^00002\b/ })).toContainText('1 row');
  await shot(page, '06-english');
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();

  // Beranda says it too, with the way there.
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Beranda' }).click();
  await expect(page.getByText('BKPSDM kota menolak sebagian kiriman 2: perbaiki lalu kirim lagi.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Buka Kirim Data' })).toHaveAttribute('href', '#/kirim-data');
});

interface Receiver { url: string; child: ChildProcess }

/** `bangkom serve --receiver` in the city's data folder, as its IT staff start it; resolved once it listens. */
async function startReceiver(port = 0): Promise<Receiver> {
  const child = spawn(process.execPath, [BIN, '--data', dirs.city, 'serve', '--receiver', '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BANGKOM_LANG: 'id' } });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the receiver did not start:\n${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Bangkom berjalan di (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m?.[1] && out.includes('Penerima kiriman kecamatan aktif')) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.once('exit', (code) => reject(new Error(`the receiver exited (${code}):\n${out}`)));
  });
  return { url, child };
}

async function stopReceiver(receiver: Receiver): Promise<void> {
  if (receiver.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => receiver.child.once('exit', () => resolve()));
  receiver.child.kill('SIGTERM');
  await exited;
}

test('by upload: the admin sets the receiver\'s address and token; Kirim gives Diterima; with the receiver down the batch waits and says when it is tried again', async ({ page }) => {
  test.setTimeout(180_000);
  const { token } = JSON.parse(await bangkom(dirs.city, 'offices', 'token', '16.71.14', '--json')) as { token: string };
  let receiver = await startReceiver();
  try {
    await open(page);
    await page.getByRole('navigation', { name: 'Bagian Kirim Data' }).getByRole('link', { name: 'Pengaturan pengiriman' }).click();
    const settings = card(page, 'Pengaturan pengiriman');
    await expect(settings).toContainText('Token unggah belum diisi.');
    // An address that is no web address is refused under its field.
    await settings.getByLabel('Alamat penerima').fill('kota-palembang');
    await settings.getByLabel('Token unggah').fill(token);
    await settings.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect(settings.getByText('Alamat penerima harus alamat web lengkap, mis. http://10.10.1.5:8080')).toBeVisible();
    await settings.getByLabel('Alamat penerima').fill(receiver.url);
    await settings.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect(settings.getByRole('status')).toHaveText('Pengaturan pengiriman disimpan.');
    // The token is never shown back: only that it is set, and a way to replace it.
    await expect(settings).toContainText('Token unggah sudah diisi.');
    await expect(settings.getByRole('button', { name: 'Ganti token' })).toBeVisible();
    expect(await page.content()).not.toContain(token);
    await shot(page, '07-send-settings');

    // A change, batch 3, and Kirim: the city's receipt comes back as the upload's answer.
    await call(page, 'employees.create', { nip: '199507212019032008', name: 'Fitri Handayani', gender: 'P', golongan: 'II/c', jabatan: 'Pengelola Layanan Operasional' });
    await page.getByRole('navigation', { name: 'Bagian Kirim Data' }).getByRole('link', { name: 'Kiriman' }).click();
    const pending = card(page, 'Menunggu dikirim');
    await expect(pending).toContainText('1 baris menunggu dikirim ke BKPSDM kota.');
    await pending.getByRole('button', { name: 'Buat kiriman' }).click();
    await expect(pending.getByRole('status')).toContainText('Kiriman 3 dibuat (perubahan): 1 pegawai.');
    const send = card(page, 'Kirim ke BKPSDM kota');
    await expect(send).toContainText(`Alamat penerima: ${receiver.url}`);
    await send.getByRole('button', { name: 'Kirim', exact: true }).click();
    const result = send.getByRole('status');
    await expect(result).toContainText('Diterima Kiriman 3: Tanda terima dari BKPSDM Kota Palembang: kiriman 3 diterima (1 baris).');
    await expect(result).toContainText('Semua kiriman sudah dijawab BKPSDM kota.');
    await expect(batchRow(page, 3)).toContainText('Diterima');
    await expect(batchRow(page, 3)).toContainText('Diunggah 1 kali');
    await expect(batchRow(page, 3)).toContainText('Sampai di kota');
    await expect(pending).toContainText('Tidak ada yang menunggu dikirim: tidak ada perubahan sejak kiriman 3');
    // A later answer came: batch 2's refusal stays at hand, folded.
    const older = page.getByRole('group').filter({ hasText: 'Kiriman 2 ditolak sebagian' });
    await expect(older.getByRole('table', { name: 'Baris kiriman 2 yang ditolak' })).toBeHidden();
    await older.getByText('Kiriman 2 ditolak sebagian').click();
    await expect(older.getByRole('table', { name: 'Baris kiriman 2 yang ditolak' })).toContainText(NEWCOMER.name);
    await send.scrollIntoViewIfNeeded();
    await shot(page, '08-sent');

    // The network goes: batch 4 is kept, the failure said, and when it is tried again.
    await stopReceiver(receiver);
    await call(page, 'employees.create', { nip: '199811052022031004', name: 'Dimas Saputra', gender: 'L', golongan: 'II/a', jabatan: 'Pengelola Layanan Operasional' });
    await page.reload();
    await pending.getByRole('button', { name: 'Buat kiriman' }).click();
    await expect(pending.getByRole('status')).toContainText('Kiriman 4 dibuat (perubahan): 1 pegawai.');
    await send.getByRole('button', { name: 'Kirim', exact: true }).click();
    await expect(result).toContainText('Gagal Kiriman 4: Kota (127.0.0.1:');
    await expect(result).toContainText('tidak dapat dihubungi');
    await expect(result).toContainText(/1 kiriman masih menunggu tanda terima\. Dicoba lagi sendiri \d+ \w+ \d{4} \d{2}:\d{2}\./);
    await expect(batchRow(page, 4)).toContainText('Dibuat');
    await expect(batchRow(page, 4)).toContainText('Diunggah 1 kali');
    await expect(batchRow(page, 4)).toContainText('Gagal terakhir: Kota (127.0.0.1:');
    await expect(batchRow(page, 4)).toContainText('Dicoba lagi');
    await shot(page, '09-send-failed');

    // Back on the same address: Kirim again, and the city has it once.
    receiver = await startReceiver(Number(new URL(receiver.url).port));
    await send.getByRole('button', { name: 'Kirim', exact: true }).click();
    await expect(result).toContainText('Diterima Kiriman 4: Tanda terima dari BKPSDM Kota Palembang: kiriman 4 diterima (1 baris).');
    await expect(batchRow(page, 4)).toContainText('Diterima');
    await expect(batchRow(page, 4)).toContainText(/Diunggah [2-9] kali/);
  } finally {
    await stopReceiver(receiver);
  }
});
