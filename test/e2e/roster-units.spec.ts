import type { Locator, Page } from '@playwright/test';
import { call, logIn, test, expect, screenshot } from './fixtures.ts';

// Issue #9: the office's spreadsheets write "Kelurahan Plaju Ilir", "Kel. Bagus Kuning",
// "Sekretariat" where the units made at setup are "Plaju Ilir", "Baguskuning", "Sekretariat
// Kecamatan". The clerk sees those found and explained, answers the one value no unit fits in
// the unit step, and next month's file goes through without asking. The operator maps to an
// existing unit and cannot create one. One server (fresh data folder) for the file.
test.describe.configure({ mode: 'serial' });

const OPERATOR = { username: 'rina.operator', fullName: 'Rina Marlina', password: 'operator-plaju-2026' };

/** A valid PNS NIP: born on 1 January of `year`, TMT January 20 years later, sequence `seq`. */
const nip = (year: number, seq: number) => `${year}0101${year + 20}01${(seq % 2) + 1}${String(seq).padStart(3, '0')}`;

/** A roster as the office keeps it: NIP, name, unit, semicolons. */
function rosterCsv(rows: [number, string, string][]): Buffer {
  return Buffer.from(`NIP;Nama;Unit Kerja\r\n${rows.map(([seq, name, unit]) => `${nip(1980 + (seq % 15), seq)};${name};${unit}`).join('\r\n')}\r\n`);
}

async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByLabel(/^Berkas spreadsheet/).setInputFiles({ name, mimeType: 'text/csv', buffer });
}

function count(page: Page, label: string): Locator {
  return page.getByLabel('Ringkasan').first().locator('div', { has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) }).getByRole('definition');
}

/** The row of "Unit kerja yang dikenali" for a value as the file writes it. */
function matchRow(page: Page, value: string): Locator {
  return page.getByRole('table', { name: 'Unit kerja yang dikenali' }).getByRole('row').filter({ has: page.getByRole('cell', { name: value, exact: true }) });
}

async function logInAs(page: Page, user: { username: string; password: string; fullName: string }): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Nama pengguna').fill(user.username);
  await page.getByLabel('Kata sandi').fill(user.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Selamat datang, ${user.fullName}` })).toBeVisible();
}

test('a clerk imports the office\'s spreadsheet: unit spellings found and explained, the unknown one mapped, and next month nothing is asked', async ({ page }) => {
  await logIn(page);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pegawai' }).click();
  await page.getByRole('link', { name: 'Impor dari spreadsheet' }).click();
  await chooseFile(page, 'nominatif-januari.csv', rosterCsv([
    [1, 'Siti Aminah', 'Kelurahan Plaju Ilir'],
    [2, 'Budi Santoso', 'Kel. Bagus Kuning'],
    [3, 'Dewi Lestari', 'Sekretariat'],
    [4, 'Agus Saputra', 'Subbag Umum & Kepegawaian'],
    [5, 'Rudi Hartono', 'Kelurahan Plaju Ilir'],
  ]));

  // The columns are plain; one unit value is unknown, so the unit step comes next.
  await expect(page.getByRole('heading', { name: '2. Cocokkan kolom' })).toBeFocused();
  await page.getByRole('button', { name: 'Lanjut: unit kerja' }).click();
  await expect(page.getByRole('heading', { name: '3. Unit kerja' })).toBeFocused();
  await expect(page.getByRole('list', { name: 'Langkah impor' }).getByRole('listitem').nth(2)).toHaveAttribute('aria-current', 'step');

  // What was found by itself, and why.
  await expect(matchRow(page, 'Kelurahan Plaju Ilir')).toContainText('Plaju Ilir');
  await expect(matchRow(page, 'Kelurahan Plaju Ilir')).toContainText('nama disamakan');
  await expect(matchRow(page, 'Kelurahan Plaju Ilir')).toContainText('2');
  await expect(matchRow(page, 'Kel. Bagus Kuning')).toContainText('Baguskuning');
  await expect(matchRow(page, 'Sekretariat')).toContainText('Sekretariat Kecamatan');
  await expect(page.getByText(/^"Nama disamakan": sama bila huruf besar-kecil, spasi, tanda baca/)).toBeVisible();

  // The one value no unit fits: asked about, with the closest unit suggested.
  const question = page.getByRole('group', { name: '“Subbag Umum & Kepegawaian”' });
  await expect(question).toContainText('1 baris');
  await expect(question).toContainText('Saran: Subbagian Umum dan Kepegawaian');
  const unit = page.getByLabel('Unit kerja untuk "Subbag Umum & Kepegawaian"');
  await expect(unit).toHaveValue('');
  // An admin may make it a new unit instead.
  await expect(unit.locator('option', { hasText: 'Unit baru: Subbag Umum & Kepegawaian' })).toHaveCount(1);
  await expect(page.getByText('0 dari 1 sudah dipilih.', { exact: false })).toBeVisible();

  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, 'roster-units-01-unit-step');

  await question.getByRole('button', { name: 'Pakai saran Subbagian Umum dan Kepegawaian untuk "Subbag Umum & Kepegawaian"' }).click();
  await expect(unit.locator('option:checked')).toHaveText('Subbagian Umum dan Kepegawaian');
  await expect(page.getByText('1 dari 1 sudah dipilih.', { exact: false })).toBeVisible();
  await screenshot(page, 'roster-units-02-unit-step-chosen');
  await page.getByRole('button', { name: 'Lanjut: periksa data' }).click();

  // The check: every row goes in, and the report says which value went to which unit.
  await expect(page.getByRole('heading', { name: '4. Periksa data' })).toBeFocused();
  await expect(count(page, 'Baru')).toHaveText('5');
  await expect(count(page, 'Salah')).toHaveText('0');
  await expect(matchRow(page, 'Subbag Umum & Kepegawaian')).toContainText('Subbagian Umum dan Kepegawaian');
  await expect(matchRow(page, 'Subbag Umum & Kepegawaian')).toContainText('dipilih');
  await expect(matchRow(page, 'Kel. Bagus Kuning')).toContainText('nama disamakan');
  await screenshot(page, 'roster-units-03-check');
  await page.getByRole('button', { name: 'Impor sekarang' }).click();
  await expect(page.getByRole('heading', { name: '5. Selesai' })).toBeFocused();
  await expect(page.getByText('Impor selesai: 5 pegawai baru, 0 diubah, 0 tetap.')).toBeVisible();
  await expect(matchRow(page, 'Subbag Umum & Kepegawaian')).toContainText('Subbagian Umum dan Kepegawaian');

  // The people are in the real units; no unit was made.
  const units = await call<{ name: string }[]>(page, 'units.list', { includeInactive: true });
  expect(units.map((u) => u.name).filter((n) => /plaju ilir|bagus|sekretariat|subbag(ian)? umum/i.test(n)).sort())
    .toEqual(['Baguskuning', 'Plaju Ilir', 'Sekretariat Kecamatan', 'Subbagian Umum dan Kepegawaian']);
  const people = await call<{ items: { name: string; unit: string | null }[] }>(page, 'employees.list', { search: 'Agus Saputra' });
  expect(people.items.map((p) => p.unit)).toEqual(['Subbagian Umum dan Kepegawaian']);

  // Next month's file, spelled a little differently again: straight to the check, nothing asked.
  await page.getByRole('button', { name: 'Impor berkas lain' }).click();
  await chooseFile(page, 'nominatif-februari.csv', rosterCsv([
    [1, 'Siti Aminah', 'KELURAHAN PLAJU ILIR'],
    [4, 'Agus Saputra', 'Subbag Umum & Kepegawaian'],
    [6, 'Fajar Pratama', 'subbag umum & kepegawaian'],
    [7, 'Indah Sari', 'Kel Bagus Kuning'],
  ]));
  await expect(page.getByRole('button', { name: 'Lanjut: unit kerja' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Lanjut: periksa data' }).click();
  await expect(page.getByRole('heading', { name: '4. Periksa data' })).toBeFocused();
  await expect(count(page, 'Baru')).toHaveText('2');
  await expect(count(page, 'Tetap')).toHaveText('2');
  await expect(count(page, 'Salah')).toHaveText('0');
  await expect(matchRow(page, 'Subbag Umum & Kepegawaian')).toContainText('diingat dari impor sebelumnya');
  await expect(page.getByText(/Unit kerja yang belum dikenal/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Impor sekarang' }).click();
  await expect(page.getByText('Impor selesai: 2 pegawai baru, 0 diubah, 2 tetap.')).toBeVisible();
  await screenshot(page, 'roster-units-04-next-month');
});

test('Pengaturan → Unit kerja shows the remembered spellings; the admin removes one', async ({ page }) => {
  await logIn(page);
  await page.goto('/#/pengaturan/unit');
  const card = page.getByRole('region', { name: 'Penulisan unit dari berkas impor' });
  const table = card.getByRole('table', { name: 'Penulisan unit dari berkas impor' });
  const row = table.getByRole('row').filter({ hasText: 'Subbag Umum & Kepegawaian' });
  await expect(row).toContainText('Subbagian Umum dan Kepegawaian');
  await screenshot(page, 'roster-units-05-settings');
  await row.getByRole('button', { name: 'Hapus penulisan "Subbag Umum & Kepegawaian"' }).click();
  await expect(card.getByText('Penulisan "Subbag Umum & Kepegawaian" dihapus: impor berikutnya akan menanyakannya lagi.')).toBeVisible();
  await expect(card.getByText('Belum ada. Pilihan di langkah Unit kerja pada impor pegawai diingat di sini.')).toBeVisible();
  // The people stay where they are.
  const people = await call<{ items: { unit: string | null }[] }>(page, 'employees.list', { search: 'Agus Saputra' });
  expect(people.items.map((p) => p.unit)).toEqual(['Subbagian Umum dan Kepegawaian']);
});

test('an operator maps an unknown value to an existing unit by searching, cannot create one, and next time is not asked', async ({ page }) => {
  await logIn(page);
  await call(page, 'users.create', { ...OPERATOR, role: 'operator' });
  await page.getByRole('button', { name: 'Keluar' }).click();
  await logInAs(page, OPERATOR);

  await page.goto('/#/pegawai/impor');
  await chooseFile(page, 'tambahan-maret.csv', rosterCsv([
    [8, 'Joko Susilo', 'Kasi Trantib'],
    [9, 'Wulan Sari', 'Kel. Plaju Ulu'],
  ]));
  await page.getByRole('button', { name: 'Lanjut: unit kerja' }).click();
  await expect(page.getByRole('heading', { name: '3. Unit kerja' })).toBeFocused();
  await expect(page.getByText(/^Hanya admin yang dapat membuat unit kerja baru\./)).toBeVisible();
  await expect(matchRow(page, 'Kel. Plaju Ulu')).toContainText('Plaju Ulu');
  const unit = page.getByLabel('Unit kerja untuk "Kasi Trantib"');
  await expect(unit.locator('option', { hasText: 'Unit baru' })).toHaveCount(0);

  // A part of the unit's name narrows the list; the clerk picks it with the keyboard.
  await page.getByLabel('Cari unit untuk "Kasi Trantib"').fill('tentera');
  await expect(unit.locator('optgroup[label="Semua unit"] option')).toHaveText(['Seksi Ketenteraman dan Ketertiban Umum']);
  await unit.selectOption({ label: 'Seksi Ketenteraman dan Ketertiban Umum' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, 'roster-units-06-operator-unit-step');
  await page.getByRole('button', { name: 'Lanjut: periksa data' }).click();
  await expect(count(page, 'Baru')).toHaveText('2');
  await expect(matchRow(page, 'Kasi Trantib')).toContainText('Seksi Ketenteraman dan Ketertiban Umum');
  await page.getByRole('button', { name: 'Impor sekarang' }).click();
  await expect(page.getByText('Impor selesai: 2 pegawai baru, 0 diubah, 0 tetap.')).toBeVisible();

  // The next file with the same spelling goes through without asking.
  await page.getByRole('button', { name: 'Impor berkas lain' }).click();
  await chooseFile(page, 'tambahan-april.csv', rosterCsv([[10, 'Eko Prasetyo', 'Kasi Trantib']]));
  await page.getByRole('button', { name: 'Lanjut: periksa data' }).click();
  await expect(count(page, 'Baru')).toHaveText('1');
  await expect(matchRow(page, 'Kasi Trantib')).toContainText('diingat dari impor sebelumnya');
  await page.getByRole('button', { name: 'Impor sekarang' }).click();
  await expect(page.getByText('Impor selesai: 1 pegawai baru, 0 diubah, 0 tetap.')).toBeVisible();
});
