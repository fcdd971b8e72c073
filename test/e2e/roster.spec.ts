import fs from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { ADMIN, logIn, test, expect, screenshot } from './fixtures.ts';
import { formatNip } from '../../shared/domain/nip.ts';
import { bigRoster, messyCsv, twoSheetWorkbook } from './roster-files.ts';

// The staff roster as a clerk uses it: a messy spreadsheet through the import wizard, the
// list, a record, its history; then the list with 10,000 people. Labels, roles, keyboard.
// One server (fresh data folder) for the file; the tests build on each other.
test.describe.configure({ mode: 'serial' });

const SITI = { display: 'Dr. Siti Aminah, S.E., M.M.', nip: '19860926 201505 2 001' };

async function openEmployees(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pegawai' }).click();
  await expect(page.getByRole('heading', { name: 'Pegawai', level: 1 })).toBeVisible();
}

/** The figure under one label of the import summary ("Baru", "Salah", …). */
function count(page: Page, label: string): Locator {
  return page.getByLabel('Ringkasan').first().locator('div', { has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) }).getByRole('definition');
}

async function chooseFile(page: Page, name: string, buffer: Buffer, label = /^Berkas spreadsheet/): Promise<void> {
  const mimeType = name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  await page.getByLabel(label).setInputFiles({ name, mimeType, buffer });
}

async function savedText(download: Download): Promise<string> {
  const file = await download.path();
  return fs.readFileSync(file, 'utf8');
}

test('a messy CSV through the import wizard: map a column by hand, read the errors, apply; the same file again changes nothing', async ({ page }) => {
  await logIn(page);
  await openEmployees(page);
  await expect(page.getByText('Belum ada pegawai.')).toBeVisible();
  await screenshot(page, 'roster-01-empty-list');

  await page.getByRole('link', { name: 'Impor dari spreadsheet' }).click();
  await expect(page.getByRole('heading', { name: 'Impor pegawai dari spreadsheet', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Langkah impor' }).getByRole('listitem').first()).toHaveAttribute('aria-current', 'step');
  // A file the importer cannot read is said so plainly, on the file step.
  await chooseFile(page, 'daftar-pegawai.pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'));
  await expect(page.getByRole('alert')).toHaveText('Berkas: Format berkas pdf tidak didukung. Simpan sebagai .xlsx atau .csv.');
  await screenshot(page, 'roster-02-import-file-error');
  await chooseFile(page, 'nominatif-plaju.csv', messyCsv());

  // Step 2: the title and blank rows were skipped; the odd name header maps to nothing yet.
  await expect(page.getByRole('heading', { name: '2. Cocokkan kolom' })).toBeFocused();
  await expect(page.getByText('Judul kolom di baris 3')).toBeVisible();
  const nameColumn = page.getByLabel('Nama Pegawai Lengkap (tanpa gelar)');
  await expect(nameColumn).toHaveValue('');
  await expect(page.getByLabel('NIP', { exact: true })).toHaveValue('nip');
  await expect(page.getByLabel('Pangkat/Gol')).toHaveValue('golongan');
  await expect(page.getByLabel('Tgl Lahir')).toHaveValue('birthDate');
  await expect(page.getByText('Belum ada kolom untuk Nama.')).toBeVisible();
  await expect(count(page, 'Salah')).toHaveText('7');
  await screenshot(page, 'roster-03-mapping-unmapped');

  // The clerk maps it by hand, with the keyboard; the preview runs again.
  await nameColumn.focus();
  await nameColumn.selectOption({ label: 'Nama' });
  await expect(page.getByText('Belum ada kolom untuk Nama.')).toBeHidden();
  await expect(count(page, 'Baru')).toHaveText('3');
  await screenshot(page, 'roster-04-mapping-fixed');
  // The file names a unit the office does not have: the unit step comes next.
  await page.getByRole('button', { name: 'Lanjut: unit kerja' }).click();
  await expect(page.getByRole('heading', { name: '3. Unit kerja' })).toBeFocused();
  const newUnit = page.getByLabel('Unit kerja untuk "Seksi Kebersihan dan Pertamanan"');
  await expect(newUnit).toHaveValue('');
  // Left unchosen, its row is an error in the check.
  await page.getByRole('button', { name: 'Lanjut: periksa data' }).click();

  // Step 4: every row with its Excel row number, what it would do, and what is wrong.
  await expect(page.getByRole('heading', { name: '4. Periksa data' })).toBeFocused();
  const rows = page.getByRole('table', { name: 'Baris di berkas' });
  await expect(count(page, 'Baru')).toHaveText('3');
  await expect(count(page, 'Salah')).toHaveText('4');
  await expect(count(page, 'Peringatan')).toHaveText('1');
  const row = (n: number) => rows.getByRole('row').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });
  await expect(row(4)).toContainText('Baru');
  await expect(row(4)).toContainText(SITI.nip);
  await expect(row(4)).toContainText('Siti Aminah');
  // The Excel damage is explained: what happened and how to keep NIPs as text.
  await expect(row(6)).toContainText('Salah');
  await expect(row(6)).toContainText('1.98609262015051E+17');
  await expect(row(6)).toContainText('NIP rusak oleh Excel (tertulis sebagai angka ilmiah');
  await expect(page.getByText('Cara menjaga NIP tetap utuh di Excel')).toBeVisible();
  await expect(page.getByText(/Format Cells → Text/).first()).toBeVisible();
  await expect(row(7)).toContainText('NIP ini muncul lebih dari sekali dalam berkas (baris 7, 8)');
  await expect(row(8)).toContainText('NIP ini muncul lebih dari sekali dalam berkas (baris 7, 8)');
  await expect(row(9)).toContainText('Unit kerja "Seksi Kebersihan dan Pertamanan" belum ada');
  await expect(row(5)).toContainText('Tanggal lahir berbeda dengan yang tertulis di NIP (1 Januari 1975)');
  await expect(row(10)).toContainText('20001231 202421 1 001');
  await screenshot(page, 'roster-05-check-errors');

  // The unknown unit is offered for creation in the unit step, never dropped silently.
  await expect(page.getByText('Unit kerja yang belum dikenal: "Seksi Kebersihan dan Pertamanan". Baris dengan unit itu tidak diimpor.')).toBeVisible();
  await page.getByRole('button', { name: 'Kembali ke unit kerja' }).click();
  await expect(page.getByRole('heading', { name: '3. Unit kerja' })).toBeFocused();
  await newUnit.selectOption({ label: 'Unit baru: Seksi Kebersihan dan Pertamanan' });
  await page.getByRole('button', { name: 'Lanjut: periksa data' }).click();
  await expect(page.getByRole('heading', { name: '4. Periksa data' })).toBeFocused();
  await expect(count(page, 'Baru')).toHaveText('4');
  await expect(count(page, 'Salah')).toHaveText('3');
  await expect(row(9)).toContainText('Baru');
  await page.getByRole('group', { name: 'Tampilkan baris' }).getByRole('button', { name: 'Salah (3)' }).click();
  await expect(rows.getByRole('row')).toHaveCount(4);
  await expect(page.getByText('Akan disimpan: 4 pegawai baru dan 0 perubahan. 3 baris salah dilewati.')).toBeVisible();
  await screenshot(page, 'roster-06-check-only-errors');

  // Step 5: apply; the error rows can be taken away to be fixed.
  await page.getByRole('button', { name: 'Impor sekarang' }).click();
  await expect(page.getByRole('heading', { name: '5. Selesai' })).toBeFocused();
  await expect(page.getByText('Impor selesai: 4 pegawai baru, 0 diubah, 0 tetap.')).toBeVisible();
  await expect(page.getByText('Unit kerja baru dibuat: Seksi Kebersihan dan Pertamanan.')).toBeVisible();
  await expect(page.getByText('3 baris salah tidak diimpor.')).toBeVisible();
  const [errorFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh baris yang salah (.csv)' }).click(),
  ]);
  expect(errorFile.suggestedFilename()).toBe('perbaiki-nominatif-plaju.csv');
  const errorCsv = await savedText(errorFile);
  expect(errorCsv).toContain('1.98609262015051E+17');
  expect(errorCsv).toContain('Andi Wijaya');
  expect(errorCsv).not.toContain('Siti Aminah');
  await expect(page.getByText('Berkas perbaiki-nominatif-plaju.csv diunduh.')).toBeVisible();
  await screenshot(page, 'roster-07-done');

  // The same file again: the mapping was remembered, and every valid row is unchanged.
  await page.getByRole('button', { name: 'Impor berkas lain' }).click();
  await chooseFile(page, 'nominatif-plaju.csv', messyCsv());
  await expect(page.getByLabel('Nama Pegawai Lengkap (tanpa gelar)')).toHaveValue('name');
  await page.getByRole('button', { name: 'Lanjut: periksa data' }).click();
  await expect(count(page, 'Tetap')).toHaveText('4');
  await expect(count(page, 'Baru')).toHaveText('0');
  await expect(count(page, 'Diubah')).toHaveText('0');
  await expect(count(page, 'Salah')).toHaveText('3');
  await expect(page.getByText('Tidak ada yang perlu disimpan: semua baris yang benar sudah sama dengan daftar pegawai.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Impor sekarang' })).toBeDisabled();
  await screenshot(page, 'roster-08-reimport-unchanged');
});

test('find a person by part of the NIP typed with spaces, edit them, see the change in the history', async ({ page }) => {
  await logIn(page);
  await openEmployees(page);
  await expect(page.getByText('4 pegawai')).toBeVisible();
  const table = page.getByRole('table', { name: 'Daftar pegawai' });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('columnheader', { name: 'Nama' })).toHaveAttribute('aria-sort', 'ascending');

  // Sorting by a header, with the keyboard.
  await table.getByRole('button', { name: 'NIP' }).focus();
  await page.keyboard.press('Enter');
  await expect(table.getByRole('columnheader', { name: 'NIP' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('row').nth(1)).toContainText('19750101 200003 1 002');
  await page.keyboard.press('Enter');
  await expect(table.getByRole('columnheader', { name: 'NIP' })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(1)).toContainText('20001231 202421 1 001');
  await screenshot(page, 'roster-09-list-sorted');

  const search = page.getByLabel('Cari pegawai');
  await search.focus();
  await page.keyboard.type('19860926 2015');
  await expect(page.getByText('1 pegawai', { exact: true })).toBeVisible();
  const siti = table.getByRole('row', { name: new RegExp(SITI.display.replace(/\./g, '\\.')) });
  await expect(siti).toContainText(SITI.nip);
  await expect(siti).toContainText('III/a');
  await expect(siti).toContainText('Seksi Pemerintahan');
  await expect(siti).toContainText('Aktif');
  await screenshot(page, 'roster-10-search-nip-with-space');

  // Down from the search box to the row, Enter opens it.
  await page.keyboard.press('ArrowDown');
  await expect(siti).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: SITI.display, level: 1 })).toBeVisible();
  await expect(page.getByLabel('NIP', { exact: true })).toHaveValue(SITI.nip);
  await expect(page.getByLabel('Jenis pegawai')).toHaveValue('PNS (menurut NIP)');
  await expect(page.getByLabel('Gelar depan')).toHaveValue('Dr.');
  await expect(page.getByLabel('Nama', { exact: true })).toHaveValue('Siti Aminah');
  await expect(page.getByLabel('Gelar belakang')).toHaveValue('S.E., M.M.');
  await expect(page.getByLabel('Golongan')).toHaveValue('31');
  await expect(page.getByLabel('Unit kerja')).toHaveValue(/.+/);
  await expect(page.getByLabel('Tanggal lahir')).toHaveValue('1986-09-26');
  const history = page.getByRole('table', { name: 'Riwayat perubahan' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText('Data pegawai dibuat');
  await screenshot(page, 'roster-11-detail');

  // Inline validation from the contract: an empty name, a short NIP.
  const nip = page.getByLabel('NIP', { exact: true });
  await nip.fill('19860926 2015');
  await page.getByLabel('Nama', { exact: true }).fill('');
  await page.getByLabel('Nama', { exact: true }).press('Enter');
  await expect(page.getByText('NIP harus 18 angka.')).toBeVisible();
  await expect(page.getByText('Wajib diisi.')).toBeVisible();
  await expect(nip).toBeFocused();
  await screenshot(page, 'roster-12-detail-invalid');

  // The edit: the NIP typed back with its spaces, the name, a new jabatan; the preview follows the titles.
  await nip.fill(SITI.nip);
  await page.getByLabel('Nama', { exact: true }).fill('Siti Aminah');
  await page.getByLabel('Gelar belakang').fill('S.E., M.M., M.Si.');
  await expect(page.getByText('Dr. Siti Aminah, S.E., M.M., M.Si.')).toBeVisible();
  await page.getByLabel('Gelar belakang').fill('S.E., M.M.');
  await page.getByLabel('Jabatan').fill('Sekretaris Camat');
  await page.getByLabel('Jabatan').press('Enter');
  await expect(page.getByText(`Data ${SITI.display} tersimpan.`)).toBeVisible();
  const change = history.getByRole('row').filter({ hasText: 'Data pegawai diubah' });
  await expect(change).toHaveCount(1);
  await expect(change).toContainText('Jabatan: Kepala Seksi Pemerintahan → Sekretaris Camat');
  await expect(change).toContainText(ADMIN.username);
  await expect(change).not.toContainText('Unit kerja');

  // Status: transferred, with its date.
  await page.getByLabel('Status baru').selectOption({ label: 'Pindah' });
  await page.getByLabel('Tanggal status').fill('2026-11-01');
  await page.getByRole('button', { name: 'Ubah status' }).click();
  await expect(page.getByText(`Status ${SITI.display} sekarang Pindah.`)).toBeVisible();
  await expect(page.getByText('sejak 1 November 2026')).toBeVisible();
  await expect(history.getByRole('row').filter({ hasText: 'Status: Aktif → Pindah' })).toHaveCount(1);
  await screenshot(page, 'roster-13-detail-history');

  // Back in the list the change shows; the search was kept.
  await page.getByRole('link', { name: 'Kembali ke daftar' }).click();
  await expect(page.getByLabel('Cari pegawai')).toHaveValue('19860926 2015');
  await expect(siti).toContainText('Pindah');

  // The same file once more: Siti's jabatan would go back, shown as a change.
  await page.getByRole('link', { name: 'Impor dari spreadsheet' }).click();
  await chooseFile(page, 'nominatif-plaju.csv', messyCsv());
  await page.getByRole('button', { name: 'Lanjut: periksa data' }).click();
  await expect(count(page, 'Diubah')).toHaveText('1');
  await expect(count(page, 'Tetap')).toHaveText('3');
  const rows = page.getByRole('table', { name: 'Baris di berkas' });
  await expect(rows.getByRole('row').filter({ hasText: 'Diubah' })).toContainText('Jabatan: Sekretaris Camat → Kepala Seksi Pemerintahan');
  await screenshot(page, 'roster-14-reimport-changed');
});

test('add a person by hand, remove them with confirmation, and restore them instead of creating twice', async ({ page }) => {
  await logIn(page);
  await openEmployees(page);
  await page.getByRole('link', { name: 'Tambah pegawai' }).click();
  await expect(page.getByRole('heading', { name: 'Tambah pegawai', level: 1 })).toBeVisible();
  await page.getByLabel('NIP', { exact: true }).fill('19900517 201903 1 004');
  await expect(page.getByLabel('Jenis pegawai')).toHaveValue('PNS (menurut NIP)');
  await page.getByLabel('Gelar depan').fill('H.');
  await page.getByLabel('Nama', { exact: true }).fill('Fajar Nugroho');
  await page.getByLabel('Gelar belakang').fill('S.Kom.');
  await expect(page.getByText('H. Fajar Nugroho, S.Kom.')).toBeVisible();
  await page.getByLabel('Jenis kelamin').selectOption({ label: 'Perempuan' });
  await page.getByLabel('Golongan').selectOption({ label: 'III/b — Penata Muda Tingkat I' });
  await page.getByLabel('Unit kerja').selectOption({ label: 'Plaju Ilir' });
  await page.getByLabel('Email').fill('fajar@example');
  await page.getByRole('button', { name: 'Simpan pegawai' }).click();
  await expect(page.getByText('Alamat email tidak valid.')).toBeVisible();
  await page.getByLabel('Email').fill('fajar.nugroho@plaju.go.id');
  await screenshot(page, 'roster-15-create');
  await page.getByRole('button', { name: 'Simpan pegawai' }).click();

  // Saved; the NIP says male, which is shown as something to check.
  await expect(page.getByRole('heading', { name: 'H. Fajar Nugroho, S.Kom.', level: 1 })).toBeVisible();
  await expect(page.getByText('H. Fajar Nugroho, S.Kom. ditambahkan.')).toBeVisible();
  await expect(page.getByText('Jenis kelamin berbeda dengan yang tertulis di NIP (Laki-laki).').first()).toBeVisible();
  await screenshot(page, 'roster-16-created-with-warning');

  await page.getByRole('button', { name: 'Hapus' }).click();
  const dialog = page.getByRole('dialog', { name: 'Hapus H. Fajar Nugroho, S.Kom.?' });
  await expect(dialog).toContainText('19900517 201903 1 004');
  await screenshot(page, 'roster-17-remove-confirm');
  await dialog.getByRole('button', { name: 'Ya, hapus' }).click();
  await expect(page.getByRole('heading', { name: 'Pegawai', level: 1 })).toBeVisible();
  await expect(page.getByText('H. Fajar Nugroho, S.Kom. dihapus dari daftar.')).toBeVisible();

  // Typing the same NIP again offers the removed record back.
  await page.getByRole('link', { name: 'Tambah pegawai' }).click();
  await page.getByLabel('NIP', { exact: true }).fill('199005172019031004');
  await page.getByLabel('Nama', { exact: true }).fill('Fajar Nugroho');
  await page.getByLabel('Nama', { exact: true }).press('Enter');
  await expect(page.getByText('NIP ini milik Fajar Nugroho yang pernah dihapus.')).toBeVisible();
  await screenshot(page, 'roster-18-create-removed-nip');
  await page.getByRole('button', { name: 'Pulihkan Fajar Nugroho' }).click();
  await expect(page.getByRole('heading', { name: 'H. Fajar Nugroho, S.Kom.', level: 1 })).toBeVisible();
  await expect(page.getByText('H. Fajar Nugroho, S.Kom. dipulihkan.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Riwayat perubahan' })).toContainText('Data pegawai dipulihkan');

  // Export of the current list as CSV: the NIP keeps its spaces, so Excel keeps it as text.
  await openEmployees(page);
  await page.getByLabel('Cari pegawai').fill('');
  await page.getByRole('button', { name: 'Ekspor' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Ekspor daftar pegawai' });
  await exportDialog.getByLabel('CSV (.csv)').check();
  const [exported] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Unduh' }).click()]);
  expect(exported.suggestedFilename()).toMatch(/^pegawai-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await savedText(exported);
  expect(csv).toContain('19860926 201505 2 001');
  expect(csv).toContain('Fajar Nugroho');

  // English: the same screens, translated; the backend's issues too.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Employees', level: 1 })).toBeVisible();
  await expect(page.getByText('5 employees')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Employee list' }).getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  await screenshot(page, 'roster-19-list-english');
  await page.getByRole('link', { name: 'Import from spreadsheet' }).click();
  await chooseFile(page, 'nominatif-plaju.csv', messyCsv(), /^Spreadsheet file/);
  await expect(page.getByText('Column headings in row 3')).toBeVisible();
  await page.getByRole('button', { name: 'Next: check the data' }).click();
  const rows = page.getByRole('table', { name: 'Rows in the file' });
  await expect(rows).toContainText('Excel damaged this NIP (written in scientific notation like 1.98E+17).');
  await expect(rows).toContainText('This NIP appears more than once in the file (rows 7, 8).');
  await expect(page.getByText('How to keep NIPs intact in Excel')).toBeVisible();
  await screenshot(page, 'roster-20-check-english');
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: '4. Periksa data' })).toBeVisible();
});

test('an XLSX workbook: the roster is on the second sheet, chosen in the wizard', async ({ page }) => {
  await logIn(page);
  await page.goto('/#/pegawai/impor');
  await chooseFile(page, 'pegawai-plaju.xlsx', await twoSheetWorkbook());
  const sheet = page.getByLabel('Lembar kerja');
  await expect(sheet).toHaveValue('Rekap');
  await expect(page.getByText('Belum ada kolom untuk NIP; setiap pegawai wajib punya NIP.')).toBeVisible();
  await sheet.selectOption('Pegawai');
  await expect(page.getByText('Judul kolom di baris 3')).toBeVisible();
  await expect(page.getByLabel('N I P')).toHaveValue('nip');
  await expect(page.getByLabel('Nama Lengkap')).toHaveValue('name');
  await expect(page.getByLabel('Gol. Ruang')).toHaveValue('golongan');
  await screenshot(page, 'roster-21-xlsx-sheet');
  await page.getByRole('button', { name: 'Lanjut: periksa data' }).click();
  await expect(count(page, 'Baru')).toHaveText('2');
  const rows = page.getByRole('table', { name: 'Baris di berkas' });
  await expect(rows).toContainText('19881103 201402 2 003');
  await expect(rows).toContainText('Lina Marlina');
});

test('an operator importing a file that names a new unit is told to ask an admin, and cannot create it', async ({ page }) => {
  await logIn(page);
  const operator = { username: 'operator.plaju', fullName: 'Siti Rahma', password: 'operator-plaju-2026' };
  const created = await page.request.post('/api/users.create', { data: { ...operator, role: 'operator' } });
  expect(created.ok(), await created.text()).toBe(true);
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.getByLabel('Nama pengguna').fill(operator.username);
  await page.getByLabel('Kata sandi').fill(operator.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Selamat datang, ${operator.fullName}` })).toBeVisible();

  await page.goto('/#/pegawai/impor');
  await chooseFile(page, 'tambahan.csv', Buffer.from('NIP;Nama;Unit Kerja\r\n19900101 201903 1 004;Bayu Pratama;Seksi Kebersihan\r\n'));
  await page.getByRole('button', { name: 'Lanjut: unit kerja' }).click();
  await expect(page.getByText(/^Hanya admin yang dapat membuat unit kerja baru\./)).toBeVisible();
  await expect(page.getByLabel('Unit kerja untuk "Seksi Kebersihan"').locator('option', { hasText: 'Unit baru' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Lanjut: periksa data' }).click();
  await expect(count(page, 'Salah')).toHaveText('1');
  await expect(page.getByText('Unit kerja yang belum dikenal: "Seksi Kebersihan". Baris dengan unit itu tidak diimpor.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Baris di berkas' })).toContainText('minta admin menambahkan unit itu di Pengaturan → Unit kerja');
  await expect(page.getByText('Tidak ada baris yang dapat disimpan: semua baris salah.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Impor sekarang' })).toBeDisabled();
  await screenshot(page, 'roster-22-operator-missing-unit');
});

test('10,000 employees: the list scrolls to the last one, and a search keystroke updates it quickly', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page);
  const { csv, people } = bigRoster(10_000);
  const applied = await page.request.post('/api/roster.apply', {
    data: { fileName: 'pegawai-10000.csv', dataBase64: csv.toString('base64'), createUnits: false },
  });
  expect(applied.ok(), await applied.text()).toBe(true);
  const summary = (await applied.json()) as { value: { created: number; errors: unknown[] } };
  expect(summary.value.created).toBe(10_000);
  expect(summary.value.errors).toEqual([]);

  // The person the list must end with, sorted by name (asked through the same door).
  const last = await page.request.post('/api/employees.list', { data: { sort: 'name', direction: 'desc', limit: 1 } });
  const lastPerson = ((await last.json()) as { value: { total: number; items: { displayName: string; nip: string }[] } }).value;
  const total = lastPerson.total;
  const lastName = lastPerson.items[0]!.displayName;

  await openEmployees(page);
  await expect(page.getByText(`${total.toLocaleString('id-ID')} pegawai`)).toBeVisible();
  const table = page.getByRole('table', { name: 'Daftar pegawai' });
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
  // Only the rows in view are in the page.
  expect(await table.getByRole('row').count()).toBeLessThan(60);
  await screenshot(page, 'roster-22-10k-top');

  // Drag to the bottom (as the scrollbar would), then check the last person is there.
  const scroller = page.locator('.vlist');
  await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  const lastRow = table.locator(`tr[aria-rowindex="${total + 1}"]`);
  await expect(lastRow).toBeVisible();
  await expect(lastRow).toContainText(lastName);
  await screenshot(page, 'roster-23-10k-bottom');

  // The keyboard does the same: Home to the first row, End to the last.
  await lastRow.focus();
  await page.keyboard.press('Home');
  await expect(table.locator('tr[aria-rowindex="2"]')).toBeFocused();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('End');
  await expect(lastRow).toBeFocused();

  // Keystroke → list updated: measured in the page, from keydown to the moment the table
  // stops being busy with the new text in the box (the rows of that answer committed),
  // plus the next frame (painted).
  const target = people[7777]!;
  const typed = `${target.nip.slice(0, 8)} ${target.nip.slice(8, 14)}`;
  const search = page.getByLabel('Cari pegawai');
  await search.evaluate((input: HTMLInputElement) => {
    type Keystroke = { key: string; at: number; sawBusy: boolean; marked: boolean; updated?: number };
    const w = window as unknown as { keystrokes: Keystroke[] };
    w.keystrokes = [];
    input.addEventListener('keydown', (e) => { w.keystrokes.push({ key: e.key, at: performance.now(), sawBusy: false, marked: false }); }, true);
    const table = document.querySelector('table[aria-rowcount]')!;
    new MutationObserver(() => {
      const pending = w.keystrokes.filter((k) => !k.marked);
      // Busy: the keystroke's new query is out and its rows are not in yet.
      if (table.getAttribute('aria-busy') === 'true') {
        for (const k of pending) k.sawBusy = true;
        return;
      }
      const done = pending.filter((k) => k.sawBusy);
      for (const k of done) k.marked = true;
      if (done.length) requestAnimationFrame(() => { const at = performance.now(); for (const k of done) k.updated = at; });
    }).observe(table, { attributes: true, attributeFilter: ['aria-busy'], childList: true, subtree: true, characterData: true });
  });
  await search.focus();
  await page.keyboard.type(typed, { delay: 250 });
  // The typed fragment may fit more than one person; the one we aimed at is among them.
  const targetRow = table.getByRole('row').filter({ hasText: formatNip(target.nip) });
  await expect(targetRow).toBeVisible();
  await expect(targetRow).toContainText(target.name);
  await expect(page.getByText(/^\d+ pegawai$/)).toBeVisible();
  await screenshot(page, 'roster-24-10k-search');
  const nipTimings = await keystrokeTimings(page);
  console.log(`[roster] keystroke → list updated, ${total} employees, NIP fragment "${typed}": ${nipTimings.line}`);
  expect(nipTimings.measured).toBeGreaterThan(0);

  // The same for a name, in lower case: the backend folds case and titles.
  await search.fill('');
  await expect(page.getByText(`${total.toLocaleString('id-ID')} pegawai`)).toBeVisible();
  await page.evaluate(() => { (window as unknown as { keystrokes: unknown[] }).keystrokes = []; });
  const name = target.name.toLowerCase();
  await page.keyboard.type(name, { delay: 250 });
  await expect(table.getByRole('row').filter({ hasText: formatNip(target.nip) })).toBeVisible();
  const nameTimings = await keystrokeTimings(page);
  console.log(`[roster] keystroke → list updated, ${total} employees, name "${name}": ${nameTimings.line}`);
  expect(nameTimings.measured).toBeGreaterThan(0);
});

/** The per-keystroke times the page recorded, as one log line with the median and the maximum. */
async function keystrokeTimings(page: Page): Promise<{ line: string; measured: number }> {
  const timings = await page.evaluate(() => (window as unknown as { keystrokes: { key: string; at: number; updated?: number }[] }).keystrokes
    .map((k) => ({ key: k.key, ms: k.updated === undefined ? null : Math.round(k.updated - k.at) })));
  const sorted = timings.map((k) => k.ms).filter((ms): ms is number => ms !== null).sort((a, b) => a - b);
  const line = `${timings.map((k) => `${k.key === ' ' ? '␠' : k.key}=${k.ms ?? '—'}`).join(' ')} (ms)`
    + ` | median ${sorted[Math.floor(sorted.length / 2)] ?? '—'} ms, max ${sorted[sorted.length - 1] ?? '—'} ms`;
  return { line, measured: sorted.length };
}
