import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, call, logIn, test, expect, screenshot } from './fixtures.ts';

// Backups as the admin of a district office uses them, on the small screen of the office PC
// (1024×768): back up now, save the copy to a USB stick (a temporary folder typed into the
// field), see Beranda stop warning, restore after a mistake and log in again, and have a broken
// file refused with the reason. Labels, roles and the keyboard; only the roster (preconditions)
// goes through the HTTP API the app uses.
test.describe.configure({ mode: 'serial' });

const OFFICE = 'Kantor Kecamatan Plaju';
const USB = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-usb-'));
const MONTHS = 'Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember';
const WHEN = new RegExp(`\\d{1,2} (${MONTHS}) \\d{4} \\d{2}:\\d{2}`);
const ROSTER = [
  { nip: '198609262015051001', name: 'Ahmad Santoso' },
  { nip: '199001152019032002', name: 'Siti Rahmawati' },
  { nip: '198712032010011003', name: 'Budi Pratama' },
];
const LATE = { nip: '199205172020121004', name: 'Fajar Nugroho' };

/** The backup "Cadangkan sekarang" made in the first test, as the message named it. */
let made = '';

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
});

test.afterAll(() => {
  fs.rmSync(USB, { recursive: true, force: true });
});

async function openBackups(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pengaturan' }).click();
  await page.getByRole('navigation', { name: 'Bagian pengaturan' }).getByRole('link', { name: 'Cadangan', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Cadangan', exact: true, level: 2 })).toBeVisible();
}

async function openHome(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Beranda' }).click();
  await expect(page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}`, level: 1 })).toBeVisible();
}

/** The roster's count line ("3 pegawai") on Pegawai. */
async function expectPeople(page: Page, n: number): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pegawai' }).click();
  await expect(page.getByRole('heading', { name: 'Pegawai', level: 1 })).toBeVisible();
  await expect(page.getByText(`${n} pegawai`, { exact: true })).toBeVisible();
}

/** No page wider than the window: nothing to scroll sideways at 1024×768. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

test('back up now, see it listed, save it to a USB folder; Beranda stops warning', async ({ page }) => {
  await logIn(page);
  for (const p of ROSTER) await call(page, 'employees.create', p);
  await page.reload();

  // Nothing has been copied off this PC yet: Beranda says so and leads the admin to the fix.
  const warning = page.getByRole('note').filter({ hasText: 'Belum ada salinan cadangan di luar komputer ini.' });
  await expect(warning).toBeVisible();
  await expect(page.getByText(/^Cadangan terakhir: /)).toBeVisible();
  await screenshot(page, 'backup-01-home-warning');
  await warning.getByRole('link', { name: 'Simpan cadangan ke USB di Pengaturan → Cadangan' }).click();
  await expect(page.getByRole('heading', { name: 'Cadangan', exact: true, level: 2 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Bagian pengaturan' }).getByRole('link', { name: 'Cadangan', exact: true })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Cadangan dibuat:' });
  await expect(done).toBeVisible();
  made = /Cadangan dibuat: (.+\.bangkom-backup)\./.exec((await done.textContent()) ?? '')?.[1] ?? '';
  expect(made).toMatch(/^Bangkom-Plaju-\d{4}-\d{2}-\d{2}-\d{4}\.bangkom-backup$/);

  // Listed first (newest first), in words: date and time, kind, office, what it holds, size.
  const list = page.getByRole('table', { name: 'Cadangan di komputer ini' });
  const first = list.getByRole('row').nth(1);
  await expect(first.getByRole('rowheader')).toHaveText(new RegExp(`^${WHEN.source}manual$`));
  await expect(first).toContainText(OFFICE);
  await expect(first).toContainText('3 pegawai, 0 kegiatan');
  await expect(first).toContainText(/\d+(,\d)? MB/);
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'backup-02-settings');

  // "Simpan ke USB/folder…": the newest backup, to the folder typed in the field.
  await page.getByRole('button', { name: 'Simpan ke USB/folder…' }).click();
  const save = page.getByRole('dialog', { name: 'Simpan cadangan ke USB/folder' });
  await expect(save).toContainText(made);
  await expect(save.getByLabel('Folder tujuan')).toBeFocused();
  await save.getByLabel('Folder tujuan').fill(path.join(USB, 'tidak-ada'));
  await save.getByLabel('Folder tujuan').press('Enter');
  await expect(save.getByRole('alert')).toContainText(`Cadangan tidak dapat disimpan ke ${path.join(USB, 'tidak-ada')} (folder itu tidak ada).`);
  await save.getByLabel('Folder tujuan').fill(USB);
  await screenshot(page, 'backup-03-save-dialog');
  await save.getByLabel('Folder tujuan').press('Enter');
  await expect(save).toBeHidden();
  const copy = path.join(USB, made);
  await expect(page.getByRole('status').filter({ hasText: 'Cadangan disimpan ke' })).toHaveText(`Cadangan disimpan ke ${copy}.`);
  expect(fs.existsSync(copy)).toBe(true);
  expect(fs.statSync(copy).size).toBeGreaterThan(0);
  await expect(page.getByText(/Salinan terakhir di luar komputer: hari ini/)).toBeVisible();

  // Beranda no longer warns, and says where the last copy went.
  await openHome(page);
  await expect(page.getByText(`Salinan terakhir di luar komputer: hari ini, di ${USB}.`)).toBeVisible();
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(page.getByText('Belum ada salinan cadangan di luar komputer ini.')).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'backup-04-home-ok');
});

test('restore after a mistake: the person added since is gone, and everyone logs in again', async ({ page }) => {
  await logIn(page);

  // Someone is added after the backup.
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pegawai' }).click();
  await page.getByRole('link', { name: 'Tambah pegawai' }).click();
  await page.getByLabel('NIP', { exact: true }).fill(LATE.nip);
  await page.getByLabel('Nama', { exact: true }).fill(LATE.name);
  await page.getByLabel('Nama', { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { name: LATE.name, level: 1 })).toBeVisible();
  await expectPeople(page, 4);

  await openBackups(page);
  const row = page.getByRole('table', { name: 'Cadangan di komputer ini' }).getByRole('row').filter({ hasText: 'manual' });
  await row.getByRole('button', { name: /^Pulihkan cadangan .* \(manual\)$/ }).click();

  // What the file holds beside the current data, before anything happens.
  const dialog = page.getByRole('dialog', { name: 'Pulihkan dari cadangan' });
  const compare = dialog.getByRole('table', { name: 'Isi cadangan dan data sekarang' });
  await expect(compare.getByRole('row', { name: /^Kantor/ })).toHaveText(`Kantor${OFFICE}${OFFICE}`);
  await expect(compare.getByRole('row', { name: /^Pegawai/ })).toHaveText('Pegawai34');
  await expect(compare.getByRole('row', { name: /^Dibuat/ })).toContainText('manual');
  await expect(dialog).toContainText('Data sekarang lebih dulu dicadangkan (jenis "sebelum pemulihan")');
  const tick = dialog.getByRole('checkbox', { name: 'Saya paham data sekarang akan diganti' });
  await expect(tick).toBeFocused();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'backup-05-restore-compare');

  // "Pulihkan" without the tick only asks for it.
  await dialog.getByRole('button', { name: 'Pulihkan', exact: true }).click();
  await expect(dialog.getByText('Centang dulu kotak ini untuk memulihkan.')).toBeVisible();
  await expect(tick).toBeFocused();
  await page.keyboard.press('Space');
  await expect(tick).toBeChecked();
  await page.keyboard.press('Enter');

  // Back at the login: the data is the backup's now, and everyone logs in again.
  await expect(page.getByRole('heading', { name: 'Masuk', level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Data dipulihkan dari cadangan ${WHEN.source}\\. Silakan masuk lagi\\.$`));
  await screenshot(page, 'backup-06-login-after-restore');
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}`, level: 1 })).toBeVisible();

  await expectPeople(page, 3);
  await page.getByLabel('Cari pegawai').fill(LATE.name);
  await expect(page.getByText('0 pegawai', { exact: true })).toBeVisible();

  // The data as it was just before the restore was kept as a backup of its own.
  await openBackups(page);
  const safety = page.getByRole('table', { name: 'Cadangan di komputer ini' }).getByRole('row').filter({ hasText: 'sebelum pemulihan' });
  await expect(safety).toHaveCount(1);
  await expect(safety).toContainText('4 pegawai');
});

test('a broken file on the stick is refused with the reason, and nothing changes', async ({ page }) => {
  const bad = path.join(USB, 'Bangkom-Plaju-rusak.bangkom-backup');
  fs.writeFileSync(bad, 'Ini bukan basis data, hanya teks biasa yang diberi nama cadangan.\n'.repeat(20));
  await logIn(page);
  await openBackups(page);

  // Browse the stick: the good copy is offered, the broken file is listed apart with why.
  await page.getByRole('button', { name: 'Pulihkan dari berkas lain…' }).click();
  const pick = page.getByRole('dialog', { name: 'Pulihkan dari berkas lain' });
  await expect(pick.getByLabel('Folder', { exact: true })).toBeFocused();
  await pick.getByLabel('Folder', { exact: true }).fill(USB);
  await pick.getByLabel('Folder', { exact: true }).press('Enter');
  const found = pick.getByRole('table', { name: `Cadangan di ${USB}` });
  await expect(found.getByRole('row')).toHaveCount(2);
  await expect(found.getByRole('row').nth(1)).toContainText('manual');
  await expect(found.getByRole('row').nth(1)).toContainText('3 pegawai, 0 kegiatan');
  await expect(pick).toContainText('Bangkom-Plaju-rusak.bangkom-backup: berkas ini bukan cadangan Bangkom.');
  await screenshot(page, 'backup-07-pick-file');

  // Typed with its folder, the broken file is checked and refused; there is nothing to confirm.
  await pick.getByText('Atau ketik lokasi berkasnya').click();
  await pick.getByLabel('Lokasi berkas cadangan').fill(bad);
  await pick.getByLabel('Lokasi berkas cadangan').press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Pulihkan dari cadangan' });
  await expect(dialog.getByRole('alert')).toHaveText('Berkas ini tidak dapat dipulihkan: berkas ini bukan cadangan Bangkom. Tidak ada yang diubah.');
  await expect(dialog.getByRole('checkbox')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Pulihkan', exact: true })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Tutup' }).last()).toBeFocused();
  await screenshot(page, 'backup-08-restore-refused');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Still logged in, the same people.
  await expectPeople(page, 3);
});
