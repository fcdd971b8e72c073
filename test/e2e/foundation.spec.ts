import { PNG } from 'pngjs';
import { ADMIN, test, expect, screenshot } from './fixtures.ts';
import type { Page } from '@playwright/test';

// The foundation as a clerk uses it: labels, roles and the keyboard; no shortcuts into the app.
// One server (fresh data folder) for the whole file, so the steps build on each other.
test.describe.configure({ mode: 'serial' });

const OPERATOR = { username: 'siti.operator', fullName: 'Siti Aminah', password: 'operator-plaju-1' };
const OPERATOR_NEW_PASSWORD = 'operator-plaju-2';
const OFFICE = 'Kantor Kecamatan Plaju';

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Masuk', level: 1 })).toBeVisible();
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Nama pengguna').press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

/** A small round emblem, made here so the test needs no binary fixture. */
function emblemPng(): Buffer {
  const size = 96;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - size / 2 + 0.5, y - size / 2 + 0.5);
      const i = (y * size + x) * 4;
      const [r, g, b, a] = d < 30 ? [224, 168, 0, 255] : d < 44 ? [11, 100, 121, 255] : [0, 0, 0, 0];
      png.data[i] = r; png.data[i + 1] = g; png.data[i + 2] = b; png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png);
}

test('first run: set up Kecamatan Plaju through the region pickers, admin is logged in, then logs out', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Pengaturan awal kantor', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Kabupaten/kota')).toBeDisabled();
  await screenshot(page, '01-setup-empty');

  // Submitting the empty form shows the contract's messages, translated, under the fields.
  await page.getByRole('button', { name: 'Simpan dan mulai' }).click();
  await expect(page.getByText('Wajib diisi.').first()).toBeVisible();
  await expect(page.getByLabel('Provinsi')).toBeFocused();
  await screenshot(page, '02-setup-errors');

  await page.getByLabel('Provinsi').selectOption({ label: 'Sumatera Selatan' });
  await page.getByLabel('Kabupaten/kota').selectOption({ label: 'Kota Palembang' });
  await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Plaju' });
  await expect(page.getByLabel('Kecamatan', { exact: true })).toHaveValue('16.71.14');

  const villages = page.getByRole('region', { name: /Kelurahan dan desa di Kecamatan Plaju/ });
  await expect(villages.getByRole('listitem')).toHaveCount(7);
  await expect(villages).toContainText('Plaju Ulu');
  await expect(villages).toContainText('Talangbubuk');
  await expect(page.getByLabel('Nama kantor')).toHaveValue(OFFICE);
  await expect(page.getByLabel('Zona waktu')).toHaveValue('Asia/Jakarta');
  await expect(page.getByLabel('Jabatan penandatangan')).toHaveValue('Camat');

  await page.getByLabel('Alamat').fill('Jl. Kapten Abdullah No. 1, Plaju, Palembang');
  await page.getByLabel('Nama penandatangan').fill('Drs. H. Ahmad Fauzi, M.Si.');
  await page.getByLabel('NIP penandatangan').fill('19700101 199003 1 002');
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('Nama lengkap').fill(ADMIN.fullName);
  await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Ulangi kata sandi').fill('something-else');
  await page.getByLabel('Ulangi kata sandi').press('Enter');
  await expect(page.getByText('Ulangan kata sandi tidak sama.')).toBeVisible();
  await expect(page.getByLabel('Ulangi kata sandi')).toBeFocused();
  await screenshot(page, '03-setup-filled');

  await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
  await page.keyboard.press('Enter');

  // The admin is logged in (the server set the cookie) and lands on Beranda.
  await expect(page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}`, level: 1 })).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header).toContainText(OFFICE);
  await expect(header).toContainText(ADMIN.fullName);
  await expect(header).toContainText('Admin');
  await expect(page.getByText(/^Hari ini \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4} \(WIB\)$/)).toBeVisible();
  await screenshot(page, '04-home-admin');

  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk', level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Anda sudah keluar.');
  await expect(page.getByText(OFFICE)).toBeVisible();
  await screenshot(page, '05-login');
});

test('the admin logs in, looks through Pengaturan and adds an operator', async ({ page }) => {
  await page.goto('/');
  await logIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}` })).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  for (const area of ['Beranda', 'Pegawai', 'Program', 'Kegiatan', 'Sertifikat', 'Kirim Data', 'Pengaturan']) {
    await expect(nav.getByRole('link', { name: area, exact: true })).toBeVisible();
  }
  // Pegawai, Program, Kegiatan, Sertifikat and Kirim Data are built (their own specs cover them).
  await nav.getByRole('link', { name: 'Pegawai' }).click();
  await expect(page.getByRole('heading', { name: 'Pegawai', level: 1 })).toBeVisible();
  await expect(page.getByText('Daftar pegawai (NIP, golongan, jabatan, unit) dan impor dari spreadsheet.')).toBeVisible();
  await nav.getByRole('link', { name: 'Kirim Data' }).click();
  await expect(page.getByRole('heading', { name: 'Kirim Data', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Menunggu dikirim', level: 2 })).toBeVisible();
  await screenshot(page, '06-kirim-data');

  // Kantor: the region is read-only; the logo is uploaded and shown.
  await nav.getByRole('link', { name: 'Pengaturan' }).click();
  await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Nama kantor')).toHaveValue(OFFICE);
  await expect(page.getByLabel('NIP penandatangan')).toHaveValue('19700101 199003 1 002');
  await expect(page.getByText('16.71.14', { exact: true })).toBeVisible();
  await page.getByLabel(/Berkas logo/).setInputFiles({ name: 'logo-plaju.png', mimeType: 'image/png', buffer: emblemPng() });
  await page.getByRole('button', { name: 'Unggah logo' }).click();
  await expect(page.getByText('Logo tersimpan.')).toBeVisible();
  await expect(page.getByRole('img', { name: `Logo ${OFFICE}` }).first()).toBeVisible();
  await page.getByLabel('Alamat').fill('Jl. Kapten Abdullah No. 10, Plaju, Palembang');
  await page.getByLabel('Alamat').press('Enter');
  await expect(page.getByText('Data kantor tersimpan.')).toBeVisible();
  await screenshot(page, '07-settings-office');

  const sections = page.getByRole('navigation', { name: 'Bagian pengaturan' });
  await sections.getByRole('link', { name: 'Unit kerja' }).click();
  const units = page.getByRole('table', { name: 'Unit kerja' });
  await expect(units.getByRole('rowheader', { name: 'Plaju Ulu' })).toBeVisible();
  await expect(units.getByRole('rowheader', { name: 'Seksi Pemerintahan' })).toBeVisible();
  await screenshot(page, '08-settings-units');

  // Units: add one, rename it in the dialog, deactivate it (never deleted).
  await page.getByLabel('Nama unit').fill('Seksi Pelayanan Umum');
  await page.getByLabel('Nama unit').press('Enter');
  await expect(page.getByRole('status')).toHaveText('Unit "Seksi Pelayanan Umum" ditambahkan.');
  await units.getByRole('button', { name: 'Ubah Seksi Pelayanan Umum' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ubah unit Seksi Pelayanan Umum' });
  await expect(dialog.getByLabel('Nama unit')).toBeFocused();
  await dialog.getByLabel('Kode').fill('PLY-UM');
  await screenshot(page, '09-unit-edit-dialog');
  await dialog.getByLabel('Nama unit').fill('Seksi Pelayanan');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const renamed = units.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Seksi Pelayanan' }) });
  await expect(renamed).toContainText('PLY-UM');
  await renamed.getByRole('button', { name: 'Nonaktifkan Seksi Pelayanan' }).click();
  await expect(renamed).toContainText('Nonaktif');
  await expect(renamed.getByRole('button', { name: 'Aktifkan Seksi Pelayanan' })).toBeVisible();

  // Pengguna: a bad username is caught under its field; then the operator is created.
  await sections.getByRole('link', { name: 'Pengguna' }).click();
  await expect(page.getByRole('heading', { name: 'Tambah pengguna', level: 2 })).toBeVisible();
  await page.getByLabel('Nama pengguna').fill('Siti Aminah');
  await page.getByLabel('Nama lengkap').fill(OPERATOR.fullName);
  await expect(page.getByLabel('Peran')).toHaveValue('operator');
  await page.getByLabel('Kata sandi', { exact: true }).fill(OPERATOR.password);
  await page.getByLabel('Ulangi kata sandi').fill(OPERATOR.password);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Nama pengguna 3–32 karakter', { exact: false })).toBeVisible();
  await page.getByLabel('Nama pengguna').fill(OPERATOR.username);
  await page.getByLabel('Nama pengguna').press('Enter');
  await expect(page.getByRole('status')).toHaveText(`Akun ${OPERATOR.username} dibuat.`);
  const users = page.getByRole('table', { name: 'Pengguna' });
  const operatorRow = users.getByRole('row').filter({ hasText: OPERATOR.username });
  await expect(operatorRow).toContainText('Operator');
  await expect(operatorRow).toContainText('Aktif');
  await expect(operatorRow).toContainText('Belum pernah');
  await screenshot(page, '10-settings-users');

  // Reset the operator's password in the dialog; a mismatched repeat is caught first.
  await operatorRow.getByRole('button', { name: `Atur ulang kata sandi ${OPERATOR.username}` }).click();
  const reset = page.getByRole('dialog', { name: `Kata sandi baru untuk ${OPERATOR.username}` });
  await reset.getByLabel('Kata sandi baru', { exact: true }).fill(OPERATOR.password);
  await reset.getByLabel('Ulangi kata sandi baru').fill('beda');
  await page.keyboard.press('Enter');
  await expect(reset.getByText('Ulangan kata sandi tidak sama.')).toBeVisible();
  await screenshot(page, '11-reset-password-dialog');
  await reset.getByLabel('Ulangi kata sandi baru').fill(OPERATOR.password);
  await page.keyboard.press('Enter');
  await expect(reset).toBeHidden();
  await expect(page.getByRole('status')).toContainText(`Kata sandi ${OPERATOR.username} diganti.`);

  // The same username again is refused by the server, shown under the field.
  await page.getByLabel('Nama pengguna').fill(OPERATOR.username);
  await page.getByLabel('Nama lengkap').fill('Orang Lain');
  await page.getByLabel('Kata sandi', { exact: true }).fill('password-lain-1');
  await page.getByLabel('Ulangi kata sandi').fill('password-lain-1');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Nama pengguna "${OPERATOR.username}" sudah dipakai.`)).toBeVisible();
  await expect(page.getByLabel('Nama pengguna')).toBeFocused();

  // Training rules: a value out of range is named under its field; a good one is saved and logged.
  await sections.getByRole('link', { name: 'Aturan pelatihan' }).click();
  const grace = page.getByLabel('Toleransi terlambat (menit)');
  await expect(grace).toHaveValue('15');
  await expect(page.getByLabel('Target JP per pegawai per tahun')).toHaveValue('20');
  await grace.fill('300');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Maksimal 240.')).toBeVisible();
  await screenshot(page, '12a-settings-rules-error');
  await grace.fill('10');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Aturan pelatihan tersimpan.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Toleransi terlambat (menit)')).toHaveValue('10');

  await sections.getByRole('link', { name: 'Log audit' }).click();
  const audit = page.getByRole('table', { name: 'Log audit' });
  await expect(audit.getByRole('row').filter({ hasText: 'Aturan pelatihan diubah' })).toContainText('Toleransi terlambat (menit)');
  await expect(audit.getByRole('row').filter({ hasText: 'Akun dibuat' }).filter({ hasText: OPERATOR.username })).toHaveCount(1);
  await expect(audit).toContainText('Kantor diatur');
  await screenshot(page, '12-settings-audit');

  await sections.getByRole('link', { name: 'Pemeriksaan basis data' }).click();
  await page.getByRole('button', { name: 'Periksa sekarang' }).click();
  await expect(page.getByText('Basis data utuh: tidak ditemukan masalah.')).toBeVisible();
  await screenshot(page, '13-settings-check');

  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk', level: 1 })).toBeVisible();
});

test('the operator logs in and cannot reach users or settings', async ({ page }) => {
  await page.goto('/');
  await logIn(page, OPERATOR.username, OPERATOR.password);
  await expect(page.getByRole('heading', { name: `Selamat datang, ${OPERATOR.fullName}` })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Operator');

  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Pegawai' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Pengaturan' })).toHaveCount(0);
  await screenshot(page, '14-home-operator');

  await page.goto('/#/pengaturan');
  await expect(page.getByRole('heading', { name: 'Tidak ada akses', level: 1 })).toBeVisible();
  await expect(page.getByText('Pengaturan hanya untuk admin')).toBeVisible();
  await screenshot(page, '15-operator-no-access');
  await page.goto('/#/pengaturan/pengguna');
  await expect(page.getByRole('heading', { name: 'Tidak ada akses', level: 1 })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);

  // Akun saya: the repeat must match, the current password is checked by the server.
  await page.getByRole('link', { name: 'Akun saya' }).click();
  await expect(page.getByRole('heading', { name: 'Akun saya', level: 1 })).toBeVisible();
  await page.getByLabel('Kata sandi saat ini').fill('not-my-password');
  await page.getByLabel('Kata sandi baru', { exact: true }).fill(OPERATOR_NEW_PASSWORD);
  await page.getByLabel('Ulangi kata sandi baru').fill('typo-' + OPERATOR_NEW_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Ulangan kata sandi tidak sama.')).toBeVisible();
  await page.getByLabel('Ulangi kata sandi baru').fill(OPERATOR_NEW_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Kata sandi saat ini salah.')).toBeVisible();
  await expect(page.getByLabel('Kata sandi saat ini')).toBeFocused();
  await screenshot(page, '16-account-errors');
  await page.getByLabel('Kata sandi saat ini').fill(OPERATOR.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Kata sandi diganti.');

  await page.getByRole('button', { name: 'Keluar' }).click();
  await logIn(page, OPERATOR.username, OPERATOR_NEW_PASSWORD);
  await expect(page.getByRole('heading', { name: `Selamat datang, ${OPERATOR.fullName}` })).toBeVisible();

  // The session ends behind the screen's back (as after an idle timeout): the next call the app
  // makes brings the clerk to the login screen, saying why.
  await page.request.post('/api/auth.logout', { data: {} });
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pegawai' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk', level: 1 })).toBeVisible();
  await expect(page.getByText('Sesi Anda telah berakhir. Silakan masuk lagi.')).toBeVisible();
});

test('a wrong password shows the translated error', async ({ page }) => {
  await page.goto('/');
  await logIn(page, ADMIN.username, 'wrong-password');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('Nama pengguna atau kata sandi salah.');
  await expect(page.getByLabel('Kata sandi')).toBeFocused();
  await expect(page.getByLabel('Kata sandi')).toHaveValue('');
  await screenshot(page, '17-login-wrong-password');

  // Fields left empty are caught before anything is sent.
  await page.getByLabel('Nama pengguna').fill('');
  await page.getByLabel('Nama pengguna').press('Enter');
  await expect(page.getByText('Wajib diisi.')).toHaveCount(2);

  // After three failures in a row the server asks to wait; the message carries the seconds.
  for (let i = 0; i < 4; i++) {
    await page.getByLabel('Nama pengguna').fill('tidak.ada');
    await page.getByLabel('Kata sandi').fill(`salah-${i}`);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Kata sandi')).toHaveValue('');
  }
  await expect(page.getByRole('alert')).toHaveText(/^Terlalu banyak percobaan gagal\. Coba lagi dalam \d+ detik\.$/);
  await screenshot(page, '18-login-delayed');
});

test('switching to English changes the UI text, and the choice is remembered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Log in', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password').fill('wrong-password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN.fullName}`, level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const area of ['Home', 'Employees', 'Programmes', 'Events', 'Certificates', 'Send Data', 'Settings']) {
    await expect(nav.getByRole('link', { name: area, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await expect(page.getByText(/^Today is \d{1,2} [A-Z][a-z]+ \d{4} \(WIB\)$/)).toBeVisible();
  await screenshot(page, '19-home-english');

  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Add a user', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText('Required.').first()).toBeVisible();
  await screenshot(page, '20-users-english');

  // The language survives a reload (localStorage), and switching back works the same way.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Keluar' })).toBeVisible();
});
