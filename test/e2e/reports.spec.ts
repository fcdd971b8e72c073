import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { call, logIn, test, expect, screenshot, ROOT } from './fixtures.ts';

// The plan's realised spending as the clerk enters it after the event, at 1024×768, and the
// realisasi report that divides it by the JP and the participants.
test.use({ viewport: { width: 1024, height: 768 } });

const YEAR = new Date().getFullYear();
const ITEM = 'Sosialisasi Peraturan Daerah tentang Ketertiban Umum';

test('the realised spending of a plan item is entered, kept, and printed in the realisasi report', async ({ page }) => {
  await logIn(page);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Program' }).click();
  await page.getByRole('navigation', { name: 'Bagian program' }).getByRole('link', { name: 'Rencana tahunan' }).click();
  await page.getByRole('button', { name: 'Tambah rencana' }).click();
  const dialog = page.getByRole('dialog', { name: `Tambah rencana kegiatan ${YEAR}` });
  await dialog.getByLabel('Nama kegiatan').fill(ITEM);
  await dialog.getByLabel('Jenis pengembangan').selectOption({ label: 'Sosialisasi' });
  await dialog.getByLabel('JP per orang').fill('4');
  await dialog.getByLabel(/^Anggaran \(Rp\)/).pressSequentially('2500000');
  const spent = dialog.getByLabel(/^Realisasi anggaran \(Rp\)/);
  await expect(dialog.getByText('Yang benar-benar dibelanjakan, diisi setelah kegiatan terlaksana.')).toBeVisible();
  await spent.pressSequentially('1750000');
  await expect(spent).toHaveValue('1.750.000');
  await expect(dialog.getByText('Rp 1.750.000')).toBeVisible();
  // Nothing in the form reaches past the dialog's edge at 1024 px.
  const box = (await dialog.boundingBox())!;
  for (const field of [spent, dialog.getByLabel('Sumber dana'), dialog.getByLabel(/^Keterangan/)]) {
    const b = (await field.boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
  }
  await screenshot(page, 'reports-01-plan-spending');
  await dialog.getByRole('button', { name: 'Simpan rencana' }).click();
  await expect(page.getByText(`Rencana "${ITEM}" ditambahkan.`)).toBeVisible();

  // Opened again, the amount is there as saved.
  await page.getByRole('button', { name: `Ubah rencana ${ITEM}` }).click();
  const edit = page.getByRole('dialog', { name: `Ubah rencana ${ITEM}` });
  await expect(edit.getByLabel(/^Realisasi anggaran \(Rp\)/)).toHaveValue('1.750.000');
  await edit.getByRole('button', { name: 'Batal' }).click();

  // The realisasi report prints budget and spending (no event yet: no cost per JP).
  const file = await call<{ fileName: string; dataBase64: string }>(page, 'reports.file', { kind: 'realisasi', year: YEAR, format: 'pdf' });
  const pdf = path.join(ROOT, 'test-results', 'reports-realisasi.pdf');
  fs.mkdirSync(path.dirname(pdf), { recursive: true });
  fs.writeFileSync(pdf, Buffer.from(file.dataBase64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(`LAPORAN REALISASI PROGRAM PENGEMBANGAN KOMPETENSI ASN TAHUN ${YEAR}`);
  expect(text).toMatch(/Sosialisasi Peraturan Daerah tentang .*?2\.500\.000 0 0 0 1\.750\.000 – 70 – –/);
});
