import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { Locator, Page } from '@playwright/test';
import { fingerprintOf } from '../../shared/certificates/keys.ts';
import { dateInZone } from '../../shared/domain/dates.ts';
import { test, expect, logInToOffice, screenshot, ROOT } from './fixtures.ts';

// The city side as the BKPSDM of Kota Palembang uses it, at 1024×768: the first run sets the app up
// as a city office (no kecamatan, no units, no door attendance) and the shell shows only the city's
// areas; Kecamatan Plaju's batches (made with the CLI in a data folder of its own) are dropped on
// Impor kiriman — refused with its key's fingerprint before the key is trusted, then, once Plaju's
// trust file is imported, checked by a dry run, imported in order, a replay and a tampered copy
// changing nothing; a batch after a gap is held and let through by the missing one; a second
// kecamatan's key is confirmed by typing the fingerprint it printed; an upload token is made; the
// dashboard and the city-wide JP ledger (a person moved between kecamatan) show the figures.
test.describe.configure({ mode: 'serial' });

const ZONE = 'Asia/Jakarta';
const YEAR = Number(dateInZone(new Date(), ZONE).slice(0, 4));
const CITY = 'BKPSDM Kota Palembang';
const ADMIN = { username: 'admin.bkpsdm', fullName: 'Nurul Aini', password: 'bkpsdm-admin-2026' };

const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-e2e-city-'));
const OUT = path.join(WORK, 'usb');
const PLAJU = path.join(WORK, 'plaju');
const ILIR = path.join(WORK, 'ilir');

interface Person { nip: string; name: string; golongan: string; jabatan: string; unit: string }
const SITI: Person = { nip: '198203152008012011', name: 'Siti Rahmawati', golongan: 'III/a', jabatan: 'Pengadministrasi Umum', unit: 'Plaju Ulu' };
const BUDI: Person = { nip: '197905212005011003', name: 'Budi Santoso', golongan: 'III/b', jabatan: 'Pengelola Keuangan', unit: 'Plaju Darat' };
const DEWI: Person = { nip: '198611302010012005', name: 'Dewi Lestari', golongan: 'III/c', jabatan: 'Analis Kebijakan', unit: 'Seksi Pemerintahan' };

function bangkom(dataDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['bin/bangkom.js', '--data', dataDir, ...args], { cwd: ROOT, env: { ...process.env, BANGKOM_LANG: 'id' }, encoding: 'utf8' });
}

function rosterFile(name: string, people: Person[]): string {
  const file = path.join(WORK, name);
  fs.writeFileSync(file, ['NIP;Nama;Golongan;Jabatan;Unit Kerja', ...people.map((p) => `${p.nip};${p.name};${p.golongan};${p.jabatan};${p.unit}`)].join('\n'));
  return file;
}

function addRecord(dataDir: string, person: Person, title: string, month: string): void {
  bangkom(dataDir, 'records', 'add', '--nip', person.nip, '--title', title, '--organiser', 'BPSDM Provinsi Sumatera Selatan', '--method', '16', '--start', `${YEAR}-${month}-10`, '--hours', '40', '--json');
}

/** The next batch of a kecamatan, written to the "USB stick". */
function exportBatch(dataDir: string): string {
  return (JSON.parse(bangkom(dataDir, 'batch', 'export', '--out', OUT, '--json')) as { file: string }).file;
}

/** What the kecamatan prints and hands over: its key's fingerprint, from its own trust file. */
function printedFingerprint(trustFile: string): string {
  const payload = JSON.parse(Buffer.from((JSON.parse(fs.readFileSync(trustFile, 'utf8')) as { payload: string }).payload, 'base64').toString('utf8')) as {
    offices: { keys: { publicKey: string; status: string }[] }[];
  };
  const key = payload.offices[0]!.keys.find((k) => k.status === 'active')!;
  return fingerprintOf(new Uint8Array(Buffer.from(key.publicKey, 'base64')));
}

// Kecamatan Plaju: three people, an outside training each time something is sent; batches 1–4.
// Kecamatan Ilir Barat Dua: Siti, moved there, with a training of her own.
const batches: string[] = [];
let plajuTrust = '';
let ilirBatch = '';
let ilirFingerprint = '';

test.beforeAll(() => {
  fs.mkdirSync(OUT, { recursive: true });
  bangkom(PLAJU, 'office', 'setup', '--region', '16.71.14', '--signer-name', 'Drs. H. Ahmad Fauzi, M.Si.', '--signer-nip', '197001011990031002', '--json');
  bangkom(PLAJU, 'roster', 'import', rosterFile('plaju.csv', [SITI, BUDI, DEWI]), '--json');
  addRecord(PLAJU, SITI, 'E-Learning Pelayanan Publik', '03');
  batches.push(exportBatch(PLAJU));
  addRecord(PLAJU, BUDI, 'E-Learning Manajemen Arsip', '04');
  batches.push(exportBatch(PLAJU));
  addRecord(PLAJU, DEWI, 'E-Learning Analisis Kebijakan', '05');
  batches.push(exportBatch(PLAJU));
  addRecord(PLAJU, SITI, 'E-Learning Etika Pelayanan', '06');
  batches.push(exportBatch(PLAJU));
  plajuTrust = path.join(OUT, 'Plaju-daftar-tepercaya.json');
  bangkom(PLAJU, 'trust', 'export', '--out', plajuTrust, '--json');

  bangkom(ILIR, 'office', 'setup', '--region', '16.71.01', '--signer-name', 'H. Firmansyah, S.STP.', '--signer-nip', '197502022000031001', '--json');
  bangkom(ILIR, 'roster', 'import', rosterFile('ilir.csv', [{ ...SITI, jabatan: 'Kepala Seksi Pemerintahan', golongan: 'III/b', unit: 'Seksi Pemerintahan' }]), '--json');
  addRecord(ILIR, SITI, 'E-Learning Kepemimpinan Pengawas', '09');
  ilirBatch = exportBatch(ILIR);
  const ilirTrust = path.join(WORK, 'ilir-trust.json');
  bangkom(ILIR, 'trust', 'export', '--out', ilirTrust, '--json');
  ilirFingerprint = printedFingerprint(ilirTrust);
});

test.afterAll(() => {
  fs.rmSync(WORK, { recursive: true, force: true });
});

/** A copy of a batch with one employee's name changed inside (same length): the signed hash no longer fits. */
function tamperedCopy(file: string): string {
  const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
  files['employees.ndjson'] = new TextEncoder().encode(Buffer.from(files['employees.ndjson']!).toString('utf8').replace('Budi Santoso', 'Budi Santosa'));
  const copy = path.join(WORK, 'Bangkom-16.71.14-Plaju-00001-salinan.bkbatch');
  fs.writeFileSync(copy, zipSync(files));
  return copy;
}

/** No sideways scrolling: the screen fits 1024 pixels. */
async function fitsWidth(page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, 'page scrolls sideways').toBeLessThanOrEqual(inner);
}

async function shot(page: Page, name: string): Promise<void> {
  await fitsWidth(page);
  await screenshot(page, `city-${name}`);
}

/** A dialog as the clerk sees it: the window, not the whole page behind it. */
async function windowShot(page: Page, name: string): Promise<void> {
  await fitsWidth(page);
  fs.mkdirSync(path.join(ROOT, 'test-results', 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'screenshots', `city-${name}.png`) });
}

async function logIn(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logInToOffice(page, ADMIN);
}

const nav = (page: Page) => page.getByRole('navigation', { name: /^(Navigasi utama|Main navigation)$/ });

/** Files dragged from the file manager and dropped on the page's drop zone. */
async function drop(page: Page, files: string[]): Promise<void> {
  const items = files.map((f) => ({ name: path.basename(f), data: fs.readFileSync(f).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const { name, data } of list) dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
    return dt;
  }, items);
  const zone = page.getByText('Seret berkas kiriman ke sini');
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

const card = (page: Page, title: string | RegExp): Locator => page.locator('section.batch-card').filter({ has: page.getByRole('heading', { name: title, level: 2 }) });

async function openImport(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Impor kiriman' }).click();
  await expect(page.getByRole('heading', { name: 'Impor kiriman', level: 1 })).toBeVisible();
}

test('first run: the app set up as the BKPSDM of Kota Palembang; the shell shows the city\'s areas only', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Pengaturan awal kantor', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Kantor kecamatan' })).toBeChecked();
  await page.getByRole('radio', { name: 'Kantor BKPSDM kota/kabupaten' }).check();

  // A city stops at the kabupaten/kota: no kecamatan picker, no kelurahan; its kecamatan are listed instead.
  await expect(page.getByLabel('Kecamatan', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('group', { name: '1. Wilayah kabupaten/kota' })).toBeVisible();
  await page.getByLabel('Provinsi').selectOption({ label: 'Sumatera Selatan' });
  await page.getByLabel('Kabupaten/kota').selectOption({ label: 'Kota Palembang' });
  const districts = page.getByRole('region', { name: /Kecamatan di Kota Palembang/ });
  await expect(districts.getByRole('listitem')).toHaveCount(18);
  await expect(districts).toContainText('Plaju');
  await expect(page.getByRole('region', { name: /Kelurahan dan desa/ })).toHaveCount(0);
  await expect(page.getByLabel('Nama kantor')).toHaveValue(CITY);
  await expect(page.getByLabel('Jabatan penandatangan')).toHaveValue('Kepala BKPSDM');
  await expect(page.getByRole('group', { name: '3. Kepala BKPSDM sebagai penandatangan' })).toBeVisible();

  await page.getByLabel('Alamat').fill('Jl. Merdeka No. 1, Palembang');
  await page.getByLabel('Nama penandatangan').fill('Dr. Hj. Rosmala Dewi, M.Si.');
  await page.getByLabel('NIP penandatangan').fill('19720315 199803 2 004');
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('Nama lengkap').fill(ADMIN.fullName);
  await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
  await shot(page, '01-setup');
  await page.getByRole('button', { name: 'Simpan dan mulai' }).click();

  // Beranda of the city, with the city's areas and none of the kecamatan's.
  await expect(page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(CITY);
  const links = nav(page).getByRole('link');
  await expect(links).toHaveText(['Beranda', 'Kecamatan', 'Impor kiriman', 'Capaian JP kota', 'Pengaturan']);
  // A kecamatan's screen is not reachable by its address either.
  for (const hash of ['#/pegawai', '#/kegiatan', '#/kirim-data', '#/capaian']) {
    await page.goto(`/${hash}`);
    await expect(page.getByRole('heading', { name: 'Halaman tidak ditemukan', level: 1 })).toBeVisible();
  }
  await page.goto('/');
  await expect(page.getByRole('table', { name: /Kiriman dan capaian per kecamatan/ }).getByRole('row')).toHaveCount(1 + 18 + 1);
  await expect(page.getByText('Belum ada kiriman yang diimpor.', { exact: false })).toBeVisible();
  await shot(page, '02-home-empty');

  // Pengaturan has no kecamatan sections (units, training rules, certificates), and they are not reachable.
  await nav(page).getByRole('link', { name: 'Pengaturan' }).click();
  const sections = page.getByRole('navigation', { name: 'Bagian pengaturan' });
  await expect(sections.getByRole('link')).toHaveText(['Kantor', 'Pengguna', 'Kepercayaan', 'Log audit', 'Pemeriksaan basis data', 'Cadangan']);
  await shot(page, '02b-settings');
  await page.goto('/#/pengaturan/unit');
  await expect(page.getByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeVisible();
});

test('a batch from a kecamatan whose key is not trusted: refused with the fingerprint; Plaju\'s trust file imported on Kecamatan', async ({ page }) => {
  await logIn(page);
  await openImport(page);
  await page.getByLabel('Berkas kiriman').setInputFiles(batches[0]!);
  const first = card(page, 'Plaju');
  await expect(first.locator('.badge')).toHaveText('Ditolak: kantor belum dikenal');
  await expect(first).toContainText('ditandatangani kunci yang belum dipercaya di sini');
  const printed = printedFingerprint(plajuTrust);
  await expect(first.locator('.fingerprint')).toHaveText(printed);
  await expect(first.getByRole('table')).toHaveCount(0);
  await shot(page, '03-unknown-key');
  await first.getByRole('link', { name: 'Buka halaman Kecamatan' }).click();

  await expect(page.getByRole('heading', { name: 'Kecamatan', level: 1 })).toBeVisible();
  const plajuRow = page.getByRole('row', { name: /^Plaju 16\.71\.14/ });
  await expect(plajuRow).toContainText('Belum dipercaya');
  await page.getByRole('button', { name: 'Impor daftar tepercaya kecamatan…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Berkas daftar tepercaya').setInputFiles(plajuTrust);
  await dialog.getByRole('button', { name: 'Periksa berkas' }).click();
  await expect(dialog.getByRole('heading', { name: 'Cocokkan sidik jari penanda tangan' })).toBeVisible();
  await expect(dialog.locator('.fingerprint')).toHaveText(printed);
  await dialog.getByRole('button', { name: 'Sidik jari cocok, impor' }).click();
  await expect(page.getByText('Daftar tepercaya dari Kantor Kecamatan Plaju diimpor:')).toBeVisible();
  await expect(plajuRow).toContainText(`${printed.split(' ').slice(0, 4).join(' ')} …`);
});

test('two batch files dropped: a dry run per file, then "Impor" in batch order; a replay and a tampered copy change nothing', async ({ page }) => {
  await logIn(page);
  await openImport(page);
  // Batch 2 first: the list still imports batch 1 before it.
  await drop(page, [batches[1]!, batches[0]!]);
  const one = card(page, 'Plaju · kiriman 1');
  const two = card(page, 'Plaju · kiriman 2');
  await expect(one.locator('.badge')).toHaveText('Siap diimpor');
  await expect(one).toContainText('dapat diimpor; belum ada yang disimpan');
  const table = one.getByRole('table', { name: /Uji coba Plaju · kiriman 1/ });
  await expect(table.getByRole('row', { name: /^Pegawai/ })).toContainText('3');
  await expect(table.getByRole('row', { name: /^Pelatihan luar/ })).toBeVisible();
  await expect(two.locator('.badge')).toHaveText('Siap diimpor');
  await expect(two).toContainText('Kiriman 1 ada di daftar ini: diimpor lebih dulu, lalu kiriman 2.');
  await expect(two.getByRole('table', { name: /Uji coba Plaju · kiriman 2/ }).getByRole('row', { name: /^Pelatihan luar/ })).toBeVisible();
  await expect(page.getByText('2 dari 2 berkas dapat diimpor.', { exact: false })).toBeVisible();
  await shot(page, '04-dry-run');

  await page.getByRole('button', { name: 'Impor 2 kiriman' }).click();
  await expect(page.getByText('Impor selesai.')).toBeVisible();
  await expect(page.getByText('2 kiriman diimpor.')).toBeVisible();
  await expect(one.locator('.badge')).toHaveText('Diimpor');
  await expect(two.locator('.badge')).toHaveText('Diimpor');
  await expect(two).toContainText('Kiriman 2 dari Kantor Kecamatan Plaju diimpor.');
  await expect(one.getByRole('table', { name: /Impor Plaju · kiriman 1/ }).getByRole('row', { name: /^Pegawai/ })).toContainText('3');
  await shot(page, '05-imported');

  // The same batch again, and a copy with a name changed inside: nothing to import, and why.
  await page.getByRole('button', { name: 'Kosongkan daftar' }).click();
  await page.getByLabel('Berkas kiriman').setInputFiles([batches[0]!, tamperedCopy(batches[0]!)]);
  const again = page.locator('section.batch-card').nth(0);
  const tampered = page.locator('section.batch-card').nth(1);
  await expect(again.locator('.badge')).toHaveText('Sudah diimpor');
  await expect(again).toContainText('Kiriman 1 dari Kantor Kecamatan Plaju sudah diimpor; tidak ada yang berubah.');
  await expect(tampered.locator('.badge')).toHaveText('Ditolak: berkas diubah');
  await expect(tampered).toContainText('tidak sama dengan yang ditandatangani: berkas diubah atau rusak. Tidak ada yang berubah.');
  await expect(page.getByText('Tidak ada berkas yang perlu diimpor.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Impor \d+ kiriman$/ })).toHaveCount(0);
  await shot(page, '06-replay-tampered');

  await nav(page).getByRole('link', { name: 'Kecamatan' }).click();
  await expect(page.getByRole('row', { name: /^Plaju 16\.71\.14/ })).toContainText('Kiriman 2');
});

test('a batch after a gap is held ("kiriman 3 belum ada"); the missing one lets it through', async ({ page }) => {
  await logIn(page);
  await openImport(page);
  await page.getByLabel('Berkas kiriman').setInputFiles(batches[3]!);
  const four = card(page, 'Plaju · kiriman 4');
  await expect(four.locator('.badge')).toHaveText('Ditahan: ada kiriman yang hilang');
  await expect(four).toContainText('Kiriman 3 belum ada: minta Plaju mengirim lagi.');
  const choice = four.getByRole('checkbox', { name: 'Impor tetap, tanpa menunggu kiriman 3' });
  await expect(choice).not.toBeChecked();
  await shot(page, '07-gap');
  // Not chosen: the batch is kept at the city and waits.
  await page.getByRole('button', { name: 'Impor 1 kiriman' }).click();
  await expect(page.getByText('1 kiriman ditahan, menunggu kiriman yang hilang.')).toBeVisible();
  await expect(four.locator('.badge')).toHaveText('Ditahan: ada kiriman yang hilang');

  await nav(page).getByRole('link', { name: 'Kecamatan' }).click();
  const plajuRow = page.getByRole('row', { name: /^Plaju 16\.71\.14/ });
  await expect(plajuRow).toContainText('Kiriman 3 belum ada');
  await expect(plajuRow).toContainText('Kiriman 4 ditahan');

  await openImport(page);
  await page.getByLabel('Berkas kiriman').setInputFiles(batches[2]!);
  const three = card(page, 'Plaju · kiriman 3');
  await expect(three.locator('.badge')).toHaveText('Siap diimpor');
  await page.getByRole('button', { name: 'Impor 1 kiriman' }).click();
  await expect(three.locator('.badge')).toHaveText('Diimpor');
  await expect(three).toContainText('1 kiriman Plaju yang menunggu ikut diimpor:');
  await expect(three).toContainText('Kiriman 4: Diimpor.');
  await expect(page.getByText('2 kiriman diimpor.')).toBeVisible();
  await shot(page, '08-released');

  await nav(page).getByRole('link', { name: 'Kecamatan' }).click();
  await expect(plajuRow).toContainText('Kiriman 4');
  await expect(plajuRow).not.toContainText('ditahan');
});

test('a second kecamatan\'s key confirmed by the fingerprint it printed; an upload token shown once', async ({ page }) => {
  await logIn(page);
  await openImport(page);
  await page.getByLabel('Berkas kiriman').setInputFiles(ilirBatch);
  const ilir = card(page, 'Ilir Barat Dua');
  await expect(ilir.locator('.badge')).toHaveText('Ditolak: kantor belum dikenal');
  // Imported anyway: the file is kept at the city until a person confirms the key.
  await page.getByRole('button', { name: 'Impor 1 kiriman' }).click();
  await expect(page.getByText('1 kiriman menunggu konfirmasi kunci di halaman Kecamatan.')).toBeVisible();
  await ilir.getByRole('link', { name: 'Buka halaman Kecamatan' }).click();

  await expect(page.getByText(/^1 kecamatan menunggu konfirmasi kunci: .*Ilir Barat Dua\./)).toBeVisible();
  const ilirRow = page.getByRole('row', { name: /Ilir Barat Dua 16\.71\.01/ });
  await expect(ilirRow).toContainText('Menunggu konfirmasi');
  await ilirRow.getByRole('button', { name: /^Konfirmasi kunci/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('.fingerprint')).toHaveText(ilirFingerprint);
  const typed = dialog.getByLabel('Sidik jari dari kecamatan');
  // A misread group is caught before anything is trusted.
  await typed.fill(ilirFingerprint.replace(/^..../, '0000'));
  await dialog.getByRole('button', { name: 'Percayai kunci dan impor kirimannya' }).click();
  await expect(dialog.getByText('Sidik jari ini tidak sama dengan kunci pada kiriman.', { exact: false })).toBeVisible();
  await typed.fill(ilirFingerprint.toLowerCase().replace(/ /g, ''));
  await windowShot(page, '09-key-confirm');
  await dialog.getByRole('button', { name: 'Percayai kunci dan impor kirimannya' }).click();
  await expect(dialog.getByText('1 kiriman yang menunggu diimpor:', { exact: false })).toBeVisible();
  await expect(dialog).toContainText('Diimpor');
  await dialog.getByRole('button', { name: 'Tutup' }).first().click();
  await expect(ilirRow).toContainText('Kiriman 1');
  await expect(ilirRow).not.toContainText('Menunggu konfirmasi');

  const plajuRow = page.getByRole('row', { name: /^Plaju 16\.71\.14/ });
  await plajuRow.getByRole('button', { name: 'Token unggah Plaju' }).click();
  const tokenDialog = page.getByRole('dialog');
  await tokenDialog.getByRole('button', { name: 'Buat token' }).click();
  await expect(tokenDialog.getByText('Token ini hanya ditampilkan sekali ini.')).toBeVisible();
  const token = await tokenDialog.getByLabel('Token unggah').inputValue();
  expect(token.length).toBeGreaterThanOrEqual(20);
  await windowShot(page, '10-token');
  await tokenDialog.getByRole('button', { name: 'Selesai' }).click();
  await expect(plajuRow).toContainText('Sudah dibuat');
  // A second token says first that the old one stops working.
  await plajuRow.getByRole('button', { name: 'Token unggah Plaju' }).click();
  await expect(page.getByRole('dialog').getByText('Token lama akan berhenti berlaku.')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();
  await shot(page, '11-kecamatan');
});

test('Beranda and Capaian JP kota: per kecamatan figures, the city-wide ledger, a moved person\'s history, SIASN; in English too', async ({ page }) => {
  await logIn(page);
  const board = page.getByRole('table', { name: /Kiriman dan capaian per kecamatan/ });
  const plaju = board.getByRole('row', { name: /^Plaju 16\.71\.14/ });
  await expect(plaju).toContainText('hari ini');
  await expect(plaju).toContainText('Kiriman 4');
  // Siti moved to Ilir Barat Dua: the newer assignment counts her there, once.
  await expect(plaju.getByRole('cell').nth(2)).toHaveText('2');
  await expect(board.getByRole('row', { name: /^Ilir Barat Dua 16\.71\.01/ }).getByRole('cell').nth(2)).toHaveText('1');
  await expect(board.getByRole('row', { name: /^Seberang Ulu Satu/ })).toContainText('belum pernah');
  await shot(page, '12-dashboard');

  await nav(page).getByRole('link', { name: 'Capaian JP kota' }).click();
  await expect(page.getByRole('heading', { name: 'Capaian JP kota', level: 1 })).toBeVisible();
  const ledger = page.getByRole('table', { name: /Capaian JP per pegawai/ });
  await expect(ledger.getByRole('row', { name: new RegExp(SITI.name) })).toContainText('Ilir Barat Dua');
  await expect(ledger.getByRole('row', { name: new RegExp(SITI.name) })).toContainText('pindah: 2 kecamatan');
  await expect(ledger.getByRole('row', { name: new RegExp(BUDI.name) })).toContainText('Plaju');
  await page.getByLabel('Cari nama atau NIP').fill('Dewi');
  await expect(ledger.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Cari nama atau NIP').fill('');
  await expect(ledger.getByRole('row')).toHaveCount(4);
  await shot(page, '13-ledger');

  await ledger.getByRole('button', { name: SITI.name }).click();
  const person = page.getByRole('dialog', { name: SITI.name });
  const history = person.getByRole('table', { name: 'Riwayat penempatan' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history).toContainText('Plaju');
  await expect(history).toContainText('Ilir Barat Dua');
  await expect(person).toContainText('Kepala Seksi Pemerintahan');
  await windowShot(page, '14-person');
  await person.getByRole('button', { name: 'Tutup' }).click();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh SIASN (XLSX)' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  await page.getByRole('button', { name: 'English' }).click();
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'Batches and attainment per kecamatan', exact: false })).toBeVisible();
  await expect(nav(page).getByRole('link')).toHaveText(['Home', 'Kecamatan', 'Import batches', 'City JP ledger', 'Settings']);
  await shot(page, '15-dashboard-en');
  await nav(page).getByRole('link', { name: 'Import batches' }).click();
  await page.getByLabel('Batch files').setInputFiles(batches[0]!);
  await expect(card(page, 'Plaju · batch 1').locator('.badge')).toHaveText('Already imported');
  await shot(page, '16-import-en');
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
});
