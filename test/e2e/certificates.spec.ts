import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { readQrFromRgba } from '../../shared/certificates/qr-image.ts';
import { call, logIn, test, expect, screenshot, ROOT } from './fixtures.ts';
import { dateInZone } from '../../shared/domain/dates.ts';

// Certificates as the office makes and checks them, at 1024×768: the numbering and the
// participants' template (previewed as a real PDF, saved); a finished event's certificates issued
// (one participant short of the rule shown with why, another included by the admin with a
// reason), the speaker's and a committee member's too; all printed in one PDF whose first page's
// QR code is read back and checked in Sertifikat → Periksa: Sah, then Dicabut once revoked,
// altered, not a code at all; a code of another office (a second Bangkom on its own data folder)
// reads "Penerbit tidak dikenal" until that office's trust list is imported (its fingerprint
// compared first), then "Sah". Preconditions (roster, event, attendance) go through the HTTP API
// the app uses; the rest by labels and keys.
test.describe.configure({ mode: 'serial' });

const ZONE = 'Asia/Jakarta';
const DOWNLOADS = path.join(ROOT, 'test-results', 'certificates-downloads');
const PATTERN = '800.2.4/{seq:3}/KEC-PLJ/{year}';
const YEAR = Number(dateInZone(new Date(), ZONE).slice(0, 4));
const EVENT = 'Bimbingan Teknis Pelayanan Prima';
const SPEAKER = 'Dr. Rudi Hartono, M.Si.';
const COMMITTEE = 'Sri Wahyuni, S.E.';

interface Person { nip: string; name: string }
const PEOPLE: Person[] = [
  { nip: '198203152008012011', name: 'Siti Rahmawati' },
  { nip: '197905212005011003', name: 'Budi Santoso' },
  { nip: '198611302010012005', name: 'Dewi Lestari' },
  { nip: '199001082015031002', name: 'Rudi Hartono' },
  { nip: '198409172009022004', name: 'Yuni Kartika' },
];
/** Absent from both sessions: not eligible. The first stays out, the admin includes the second. */
const SHORT = PEOPLE[3]!;
const INCLUDED = PEOPLE[4]!;

const day = (days: number) => dateInZone(new Date(Date.now() + days * 86_400_000), ZONE);
/** The written NIP: `19820315 200801 2 011`. */
const spaced = (nip: string) => `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
const number = (seq: number) => `800.2.4/${String(seq).padStart(3, '0')}/KEC-PLJ/${YEAR}`;

let eventId = '';
let printedPdf = '';
let firstCode = '';
let firstName = '';
let otherCode = '';
let otherTrustFile: Buffer = Buffer.alloc(0);
let otherFingerprint = '';
let otherName = '';

/** No sideways scrolling: the screen fits 1024 pixels. */
async function fitsWidth(page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, 'page scrolls sideways').toBeLessThanOrEqual(inner);
}

async function shot(page: Page, name: string): Promise<void> {
  await fitsWidth(page);
  await screenshot(page, `certificates-${name}`);
}

/** A dialog as the clerk sees it: the window, not the whole page behind it. */
async function windowShot(page: Page, name: string): Promise<void> {
  await fitsWidth(page);
  fs.mkdirSync(path.join(ROOT, 'test-results', 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'screenshots', `certificates-${name}.png`) });
}

function decodeQr(pngFile: string): string | null {
  const png = PNG.sync.read(fs.readFileSync(pngFile));
  return readQrFromRgba(new Uint8ClampedArray(png.data), png.width, png.height);
}

/** Page `n` of a PDF as a PNG at 150 dpi (pdftoppm), and the QR code on it. */
function qrOfPage(pdf: string, n: number): { png: string; code: string | null } {
  const prefix = path.join(DOWNLOADS, `page-${path.basename(pdf, '.pdf')}-${n}`);
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', String(n), '-l', String(n), '-singlefile', pdf, prefix]);
  return { png: `${prefix}.png`, code: decodeQr(`${prefix}.png`) };
}

function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** The answer panel of Periksa. */
function answer(page: Page): Locator {
  return page.locator('.verify-panel');
}

async function verifyText(page: Page, code: string): Promise<Locator> {
  const box = page.getByRole('textbox', { name: 'Kode sertifikat' });
  await expect(box).toBeFocused();
  await box.fill(code);
  await box.press('Enter');
  // After each answer the box is empty and has the focus again, ready for the next scan.
  await expect(page.getByText('Memeriksa…')).toHaveCount(0);
  await expect(box).toHaveValue('');
  await expect(box).toBeFocused();
  return answer(page);
}

// ── A second office: another Bangkom on its own data folder ────────────────────────────────
interface Other { url: string; dataDir: string; child: ChildProcess }

async function startOther(): Promise<Other> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-e2e-other-'));
  const child = spawn(process.execPath, ['bin/bangkom.js', 'serve', '--data', dataDir, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BANGKOM_LANG: 'id' } });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`second bangkom serve did not start:\n${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Bangkom berjalan di (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.once('exit', (code) => reject(new Error(`second bangkom serve exited (${code}):\n${out}`)));
  });
  return { url, dataDir, child };
}

async function stopOther(other: Other): Promise<void> {
  if (other.child.exitCode === null) {
    const exited = new Promise<void>((resolve) => other.child.once('exit', () => resolve()));
    other.child.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(other.dataDir, { recursive: true, force: true });
}

async function api<T>(ctx: APIRequestContext, method: string, data: unknown): Promise<T> {
  const response = await ctx.post(`api/${method}`, { data });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  expect(body.ok, `${method}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value;
}

test('Pengaturan → Sertifikat: the numbering pattern, and the participants\' template changed (a misspelt placeholder refused) and saved', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  await page.goto('/#/pengaturan/sertifikat');
  await expect(page.getByRole('heading', { name: 'Penomoran' })).toBeVisible();

  // A pattern with a placeholder that does not exist is refused at once, in words.
  const pattern = page.getByRole('textbox', { name: 'Pola nomor' });
  await pattern.fill('800.2.4/{seq:3}/{tahun}');
  await page.getByRole('button', { name: 'Simpan pola nomor' }).click();
  await expect(page.getByText('Isian {tahun} tidak dikenal.', { exact: false })).toBeVisible();
  await pattern.fill(PATTERN);
  await expect(page.getByText(`Dengan pola ini, nomor berikutnya: ${number(1)}`)).toBeVisible();
  await page.getByRole('button', { name: 'Simpan pola nomor' }).click();
  await expect(page.getByText('Pola nomor tersimpan.')).toBeVisible();
  await expect(page.locator('.next-number')).toHaveText(`Nomor berikutnya: ${number(1)}`);

  // The participants' template: another layout, another title.
  await expect(page.getByRole('button', { name: 'Peserta', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('radio', { name: /Bingkai hias/ }).check();
  await page.getByRole('textbox', { name: 'Judul', exact: true }).fill('SERTIFIKAT PELATIHAN');

  // A misspelt placeholder is named under its field; nothing is drawn.
  const body = page.getByRole('textbox', { name: 'Isi', exact: true });
  const original = await body.inputValue();
  await body.fill(`${original} Atas nama {namaa}.`);
  await page.getByRole('button', { name: 'Pratinjau' }).click();
  await expect(page.getByText('Isian {namaa} tidak dikenal.', { exact: false })).toBeVisible();
  await expect(page.locator('iframe.template-preview-frame')).toHaveCount(0);
  await body.fill(original);

  // Electronic wording says plainly that it is no BSrE signature.
  await page.getByRole('radio', { name: /Keterangan elektronik/ }).check();
  await expect(page.getByText('Ini bukan tanda tangan elektronik tersertifikasi (TTE BSrE).')).toBeVisible();
  await page.getByRole('radio', { name: /Tanda tangan basah/ }).check();

  await page.getByRole('button', { name: 'Simpan templat' }).click();
  await expect(page.getByText('Templat sertifikat Peserta tersimpan.')).toBeVisible();
  await shot(page, '01-settings-template-saved');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Judul', exact: true })).toHaveValue('SERTIFIKAT PELATIHAN');
  await expect(page.getByRole('radio', { name: /Bingkai hias/ })).toBeChecked();
});

test('a finished event: participants issued (one short of the rule with why, one included by the admin), the speaker and a committee member too', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  const csv = ['NIP,Nama,Golongan,Jabatan', ...PEOPLE.map((p) => `${p.nip},${p.name},III/a,Pengadministrasi Umum`)].join('\n');
  await call(page, 'roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(csv).toString('base64'), createUnits: false });
  const event = await call<{ id: string }>(page, 'events.create', {
    name: EVENT, methodId: 8, competencyType: 'teknis', organiser: 'kantor', place: 'Aula Kantor Camat Plaju',
    speakers: [{ name: SPEAKER, institution: 'BKPSDM Kota Palembang', topic: 'Standar pelayanan publik' }],
  });
  eventId = event.id;
  const sessions = [
    await call<{ id: string }>(page, 'sessions.create', { eventId, date: day(-3), start: '08:00', end: '12:00', topic: 'Standar pelayanan publik', speaker: SPEAKER }),
    await call<{ id: string }>(page, 'sessions.create', { eventId, date: day(-2), start: '08:00', end: '12:00', topic: 'Praktik pelayanan prima' }),
  ];
  const roster = await call<{ items: { id: string; nip: string }[] }>(page, 'employees.list', { limit: 100 });
  await call(page, 'enrolment.add', { eventId, employeeIds: roster.items.map((e) => e.id) });
  const enrolments = await call<{ id: string; nip: string }[]>(page, 'enrolment.list', { eventId });
  for (const e of enrolments) {
    const status = e.nip === SHORT.nip || e.nip === INCLUDED.nip ? 'alpa' : 'hadir';
    for (const s of sessions) await call(page, 'attendance.mark', { sessionId: s.id, enrolmentId: e.id, status });
  }
  await call(page, 'events.setStatus', { id: eventId, status: 'selesai' });

  await page.goto(`/#/kegiatan/${eventId}`);
  await page.getByRole('navigation', { name: 'Bagian kegiatan' }).getByRole('link', { name: 'Sertifikat' }).click();
  await expect(page.getByRole('heading', { name: 'Sertifikat peserta' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Peserta dan syarat sertifikat' });
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  for (const p of PEOPLE.slice(0, 3)) await expect(row(p.name)).toContainText('Memenuhi syarat');
  await expect(row(SHORT.name)).toContainText('Belum memenuhi syarat');
  await expect(row(SHORT.name)).toContainText('kehadiran kurang');
  await expect(page.getByRole('button', { name: 'Terbitkan sertifikat peserta (3)' })).toBeVisible();

  // The admin includes one of the two, and must say why.
  await page.getByRole('checkbox', { name: `Sertakan ${INCLUDED.name} walau belum memenuhi syarat` }).check();
  const reason = page.getByRole('textbox', { name: `Alasan menyertakan ${INCLUDED.name}` });
  await expect(reason).toBeFocused();
  await page.getByRole('button', { name: 'Terbitkan sertifikat peserta (4)' }).click();
  await expect(page.getByText('Tulis alasan menyertakan peserta ini.')).toBeVisible();
  await expect(reason).toBeFocused();
  await reason.fill('Sakit; mengikuti sesi susulan yang diatur kantor');
  await table.scrollIntoViewIfNeeded();
  await shot(page, '02-event-peserta-include');
  await page.getByRole('button', { name: 'Terbitkan sertifikat peserta (4)' }).click();
  const summary = page.locator('.issue-summary');
  await expect(summary).toContainText(`4 sertifikat peserta diterbitkan. Nomor ${number(1)} s.d. ${number(4)}.`);
  await expect(summary).toContainText(`1 orang dilewati:`);
  await expect(summary).toContainText(`${SHORT.name} (`);
  await expect(summary).toContainText('kehadiran kurang');
  for (const p of [...PEOPLE.slice(0, 3), INCLUDED]) await expect(row(p.name)).toContainText('Sudah terbit');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '03-event-peserta-issued');
  await expect(page.getByRole('button', { name: 'Terbitkan sertifikat peserta (0)' })).toBeDisabled();

  // The speaker, from the event's data.
  await page.getByRole('button', { name: 'Terbitkan sertifikat narasumber (1)' }).click();
  await expect(summary).toContainText(`1 sertifikat narasumber diterbitkan. Nomor ${number(5)}.`);

  // The committee: one from the roster, picked by typing part of the name; one from outside it.
  const picker = page.getByRole('combobox', { name: 'Pegawai' });
  await picker.pressSequentially('Budi');
  await expect(page.getByRole('option', { name: /Budi Santoso/ })).toBeVisible();
  await picker.press('Enter');
  await page.getByRole('button', { name: 'Tambahkan' }).first().click();
  const pending = page.getByRole('table', { name: 'Panitia yang akan diterbitkan sertifikatnya' });
  await expect(pending).toContainText('Budi Santoso');
  await expect(page.getByRole('combobox', { name: 'Pegawai' })).toHaveValue('');
  await page.getByLabel('Nama beserta gelar').fill(COMMITTEE);
  await page.getByLabel('Unit kerja atau instansi').fill('Sekretariat Kecamatan');
  await page.getByRole('button', { name: 'Tambahkan' }).nth(1).click();
  await expect(pending).toContainText(COMMITTEE);
  await expect(page.getByLabel('Nama beserta gelar')).toBeFocused();
  await page.getByRole('button', { name: 'Terbitkan sertifikat panitia (2)' }).click();
  await expect(summary).toContainText(`2 sertifikat panitia diterbitkan. Nomor ${number(6)} s.d. ${number(7)}.`);
  await expect(page.getByRole('table', { name: 'Panitia yang sudah mendapat sertifikat' })).toContainText(COMMITTEE);

  const issued = page.getByRole('table', { name: 'Sertifikat kegiatan ini' });
  await expect(issued.getByRole('row')).toHaveCount(1 + 7);
  await expect(issued).toContainText(number(7));
  await expect(page.getByRole('heading', { name: 'Sertifikat terbit (7 sah)' })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '04-event-all-issued');

  // All of them in one PDF for the printer: a job with progress, then the download.
  const [pdfDownload] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Cetak semua (PDF)' }).click(),
  ]);
  printedPdf = path.join(DOWNLOADS, 'event.pdf');
  await pdfDownload.saveAs(printedPdf);
  await expect(page.getByText(`Berkas ${pdfDownload.suggestedFilename()} diunduh.`)).toBeVisible();
  const rows = await call<{ id: string }[]>(page, 'certificates.list', { eventId });
  let pages = 0;
  for (const r of rows) pages += (await call<{ pages: number }>(page, 'certificates.get', { id: r.id })).pages;
  expect(pdfPages(printedPdf)).toBe(pages);
  const text = execFileSync('pdftotext', [printedPdf, '-'], { encoding: 'utf8' });
  for (const name of [...PEOPLE.slice(0, 3), INCLUDED].map((p) => p.name)) expect(text).toContain(name);
  expect(text).not.toContain(spaced(SHORT.nip));
  expect(text).toContain(COMMITTEE);

  // One PDF per person in a ZIP, named by NIP and name.
  const [zipDownload] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Unduh ZIP (satu PDF per orang)' }).click(),
  ]);
  const zip = path.join(DOWNLOADS, 'event.zip');
  await zipDownload.saveAs(zip);
  const entries = execFileSync('zipinfo', ['-1', zip], { encoding: 'utf8' }).trim().split('\n');
  expect(entries).toHaveLength(7);
  expect(entries.every((e) => e.endsWith('.pdf'))).toBe(true);
  expect(entries.some((e) => e.includes(PEOPLE[0]!.nip))).toBe(true);

  // The QR code of page 1, read back as a scanner would.
  const { code } = qrOfPage(printedPdf, 1);
  expect(code).toMatch(/^BK1:/);
  firstCode = code!;
  for (const r of rows) {
    const c = await call<{ code: string; name: string }>(page, 'certificates.get', { id: r.id });
    if (c.code === firstCode) firstName = c.name;
  }
  expect(firstName).not.toBe('');
});

test('Sertifikat → Periksa: Sah, then Dicabut with the reason, an altered code, text that is no code, a picture without a code', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Sertifikat' }).click();
  await expect(page.getByRole('table', { name: 'Daftar sertifikat' })).toContainText(number(1));
  await page.getByRole('searchbox', { name: 'Cari nama, NIP, atau nomor' }).fill('Lestari');
  await expect(page.getByRole('table', { name: 'Daftar sertifikat' }).getByRole('row')).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Cari nama, NIP, atau nomor' }).fill('');
  await expect(page.getByRole('table', { name: 'Daftar sertifikat' }).getByRole('row')).toHaveCount(1 + 7);
  await shot(page, '05-list');
  await page.getByRole('navigation', { name: 'Bagian sertifikat' }).getByRole('link', { name: 'Periksa' }).click();

  let panel = await verifyText(page, firstCode);
  await expect(panel.getByRole('heading', { name: 'Sah', exact: true })).toBeVisible();
  await expect(panel).toContainText(firstName);
  await expect(panel).toContainText(EVENT);
  await expect(panel).toContainText('Kantor Kecamatan Plaju (16.71.14)');
  await shot(page, '06-verify-valid');

  // Revoked from its own page, with a reason.
  await panel.getByRole('link', { name: 'Buka sertifikat ini di daftar' }).click();
  await expect(page.getByRole('heading', { name: /^Sertifikat 800\.2\.4\// })).toBeVisible();
  await page.getByRole('button', { name: 'Cabut', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Cabut sertifikat/ });
  await dialog.getByLabel('Alasan pencabutan').fill('Salah cetak nama penerima');
  await dialog.getByRole('button', { name: 'Cabut sertifikat' }).click();
  await expect(page.getByText(/^Sertifikat 800\.2\.4\/\d{3}\/KEC-PLJ\/\d{4} dicabut\.$/)).toBeVisible();
  await expect(page.locator('.cert-revoked-note')).toContainText('Salah cetak nama penerima');
  await shot(page, '07-detail-revoked');

  await page.goto('/#/sertifikat/periksa');
  panel = await verifyText(page, firstCode);
  await expect(panel.getByRole('heading', { name: 'Dicabut', exact: true })).toBeVisible();
  await expect(panel).toContainText('Salah cetak nama penerima');
  await expect(panel).toContainText(firstName);
  await shot(page, '08-verify-revoked');

  // One character changed in the middle: the chain says where it broke, the panel says the same.
  const mid = Math.floor(firstCode.length / 2);
  const altered = `${firstCode.slice(0, mid)}${firstCode[mid] === 'A' ? 'B' : 'A'}${firstCode.slice(mid + 1)}`;
  const expected = await call<{ status: string; stage?: string }>(page, 'certificates.verify', { text: altered });
  expect(['tampered', 'malformed']).toContain(expected.status);
  panel = await verifyText(page, altered);
  await expect(panel).toHaveAttribute('data-status', expected.status);
  if (expected.status === 'tampered') {
    await expect(panel.getByRole('heading', { name: 'Tidak sah / diubah' })).toBeVisible();
    await expect(panel).toContainText('kode ini diubah atau dipalsukan');
  } else {
    await expect(panel.getByRole('heading', { name: 'Bukan kode sertifikat' })).toBeVisible();
    await expect(panel).toContainText(`Gagal pada langkah: ${expected.stage}`);
  }
  await shot(page, '09-verify-altered');

  // Text that is no certificate code at all: the first step names what is wrong.
  panel = await verifyText(page, 'NIP 198203152008012011');
  await expect(panel.getByRole('heading', { name: 'Bukan kode sertifikat' })).toBeVisible();
  await expect(panel).toContainText('Gagal pada langkah: awalan — teks tidak diawali "BK1:"');
  await shot(page, '10-verify-not-a-code');

  // A picture: the printed page reads back (now revoked); a blank one has no code.
  const { png } = qrOfPage(printedPdf, 1);
  await page.locator('input[type="file"]').setInputFiles(png);
  await expect(answer(page).getByRole('heading', { name: 'Dicabut', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`Dari berkas ${path.basename(png)}`)).toBeVisible();
  const blank = new PNG({ width: 200, height: 200 });
  blank.data.fill(255);
  await page.locator('input[type="file"]').setInputFiles({ name: 'kosong.png', mimeType: 'image/png', buffer: PNG.sync.write(blank) });
  await expect(answer(page).getByRole('heading', { name: 'Tidak ada kode QR terbaca' })).toBeVisible({ timeout: 30_000 });
  await expect(answer(page)).toContainText('Berkas ini tidak memberi kode untuk diperiksa (kode QR tidak ditemukan atau kabur).');
  await shot(page, '11-verify-no-qr');

  // A correction from the event's list: a new number, the old one revoked and pointing to it.
  const dewi = PEOPLE[2]!;
  await page.goto(`/#/kegiatan/${eventId}/sertifikat`);
  await page.getByRole('button', { name: `Koreksi sertifikat ${dewi.name}` }).click();
  const fix = page.getByRole('dialog', { name: `Koreksi sertifikat ${number(2)}` });
  await expect(fix.getByLabel('Alasan koreksi')).toBeFocused();
  await fix.getByLabel('Alasan koreksi').fill('Gelar belum tertulis');
  await fix.getByLabel('Nama beserta gelar').fill(`${dewi.name}, S.Sos.`);
  await windowShot(page, '12-correct-dialog');
  await fix.getByRole('button', { name: 'Terbitkan koreksi' }).click();
  await expect(page.getByText(`Sertifikat ${number(2)} dicabut dan diganti dengan nomor ${number(8)}.`)).toBeVisible();
  const issued = page.getByRole('table', { name: 'Sertifikat kegiatan ini' });
  await expect(issued.getByRole('row').filter({ hasText: number(2) })).toContainText(`Diganti ${number(8)}`);
  await expect(issued.getByRole('row', { name: new RegExp(`^${number(8).replace(/[./]/g, '\\$&')} `) })).toContainText(`${dewi.name}, S.Sos.`);
});

test('a code of another office reads "Penerbit tidak dikenal" until its trust list is imported, its fingerprint compared; then "Sah"', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });

  // Kecamatan Sukarami issues a speaker's certificate on its own Bangkom.
  const other = await startOther();
  const ctx = await request.newContext({ baseURL: other.url });
  try {
    await api(ctx, 'office.setup', {
      regionCode: '16.71.07', name: 'Kantor Kecamatan Sukarami', address: 'Jl. Kolonel H. Burlian, Palembang', timezone: 'Asia/Jakarta',
      signer: { name: 'Dra. Hj. Nurhayati', nip: '19700202 199303 2 004', title: 'Camat' },
      admin: { username: 'admin.sukarami', fullName: 'Ahmad Sanusi', password: 'sukarami-admin-2026' },
    });
    await api(ctx, 'auth.login', { username: 'admin.sukarami', password: 'sukarami-admin-2026' });
    const ev = await api<{ id: string }>(ctx, 'events.create', {
      name: 'Sosialisasi Arsip Dinamis', methodId: 8, competencyType: 'teknis', organiser: 'kantor', place: 'Aula Kecamatan Sukarami',
      speakers: [{ name: 'Andi Wijaya, S.Kom.', institution: 'Dinas Kearsipan Kota Palembang', topic: 'Arsip dinamis' }],
    });
    await api(ctx, 'sessions.create', { eventId: ev.id, date: day(-1), start: '09:00', end: '12:00', topic: 'Arsip dinamis' });
    const issued = await api<{ issued: { id: string; name: string }[] }>(ctx, 'certificates.issue', { eventId: ev.id, role: 'narasumber' });
    expect(issued.issued).toHaveLength(1);
    otherName = issued.issued[0]!.name;
    otherCode = (await api<{ code: string }>(ctx, 'certificates.get', { id: issued.issued[0]!.id })).code;
    otherTrustFile = Buffer.from((await api<{ dataBase64: string }>(ctx, 'trust.export', {})).dataBase64, 'base64');
    const offices = await api<{ own: boolean; keys: { status: string; fingerprint: string }[] }[]>(ctx, 'trust.list', {});
    otherFingerprint = offices.find((o) => o.own)!.keys.find((k) => k.status === 'active')!.fingerprint;
  } finally {
    await ctx.dispose();
    await stopOther(other);
  }

  await logIn(page);
  await page.goto('/#/sertifikat/periksa');
  let panel = await verifyText(page, otherCode);
  await expect(panel.getByRole('heading', { name: 'Penerbit tidak dikenal' })).toBeVisible();
  await expect(panel).toContainText('kantor 16.71.07');
  await expect(panel).toContainText('Pengaturan → Kepercayaan');
  await expect(panel).toContainText('Isi yang terbaca dari kode (tidak dapat dipercaya):');
  await shot(page, '13-verify-unknown-issuer');

  // This office's own key first: its fingerprint, large, and the printed card.
  await page.goto('/#/pengaturan/kepercayaan');
  await expect(page.getByRole('heading', { name: 'Kunci kantor ini' })).toBeVisible();
  const own = await call<{ own: boolean; keys: { status: string; fingerprint: string }[] }[]>(page, 'trust.list', {});
  const ownPrint = own.find((o) => o.own)!.keys.find((k) => k.status === 'active')!.fingerprint;
  await expect(page.locator('.key-block .fingerprint')).toHaveText(ownPrint);
  await shot(page, '14-trust-settings');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.fingerprint-print')).toBeVisible();
  await expect(page.locator('.fingerprint-print')).toContainText('Kantor Kecamatan Plaju');
  await expect(page.locator('.fingerprint-print')).toContainText(ownPrint);
  await expect(page.locator('#root')).toBeHidden();
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'screenshots', 'certificates-15-fingerprint-print.png') });
  await page.emulateMedia({ media: 'screen' });

  // Import Sukarami's trust list: checked first, the new signer's fingerprint compared, then imported.
  await page.getByRole('button', { name: 'Impor daftar tepercaya…' }).click();
  const fileDialog = page.getByRole('dialog', { name: 'Impor daftar tepercaya' });
  await fileDialog.getByLabel('Berkas daftar tepercaya').setInputFiles({ name: 'daftar-tepercaya-16.71.07.json', mimeType: 'application/json', buffer: otherTrustFile });
  await fileDialog.getByRole('button', { name: 'Periksa berkas' }).click();
  const confirm = page.getByRole('dialog', { name: 'Cocokkan sidik jari penanda tangan' });
  await expect(confirm).toContainText('Kantor Kecamatan Sukarami');
  await expect(confirm).toContainText('16.71.07');
  await expect(confirm.locator('.fingerprint')).toHaveText(otherFingerprint);
  await expect(confirm).toContainText('Cocokkan sidik jari ini dengan cetakan dari kantor tersebut.');
  await windowShot(page, '16-trust-import-confirm');
  await confirm.getByRole('button', { name: 'Sidik jari cocok, impor' }).click();
  await expect(page.getByText('Daftar tepercaya dari Kantor Kecamatan Sukarami diimpor:')).toBeVisible();
  await expect(page.getByText('1 kantor, 1 kunci baru, 0 sertifikat dicabut yang baru.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Kantor tepercaya' })).toContainText('Kantor Kecamatan Sukarami');

  // A file that is no trust list is refused in words.
  await page.getByRole('button', { name: 'Impor daftar tepercaya…' }).click();
  const again = page.getByRole('dialog', { name: 'Impor daftar tepercaya' });
  await again.getByLabel('Berkas daftar tepercaya').setInputFiles({ name: 'catatan.json', mimeType: 'application/json', buffer: Buffer.from('{"halo": 1}') });
  await again.getByRole('button', { name: 'Periksa berkas' }).click();
  await expect(again.getByRole('alert')).toContainText('Berkas ini bukan daftar tepercaya Bangkom.');
  await again.getByRole('button', { name: 'Batal' }).click();

  await page.goto('/#/sertifikat/periksa');
  panel = await verifyText(page, otherCode);
  await expect(panel.getByRole('heading', { name: 'Sah', exact: true })).toBeVisible();
  await expect(panel).toContainText(otherName);
  await expect(panel).toContainText('Kantor Kecamatan Sukarami (16.71.07)');
  await shot(page, '17-verify-valid-other-office');

  // The log says in words what was done.
  await page.goto('/#/pengaturan/audit');
  const log = page.getByRole('table').first();
  await expect(log).toContainText('Daftar tepercaya diimpor');
  await expect(log).toContainText('Sertifikat diterbitkan');
  await expect(log).toContainText('Peserta disertakan admin walau belum memenuhi syarat');
  await expect(log).toContainText('Templat sertifikat diubah');
});

// Last, on its own: the frame needs the window's Content-Security-Policy to allow framing blob:
// URLs (frame-src blob:); where it does not, the screen says so and offers the download.
test('Pratinjau: the saved template drawn as a real PDF in the page, and the same PDF to download', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  await page.goto('/#/pengaturan/sertifikat');
  await expect(page.getByRole('textbox', { name: 'Judul', exact: true })).toHaveValue('SERTIFIKAT PELATIHAN');
  await page.getByRole('button', { name: 'Pratinjau' }).click();
  const frame = page.locator('iframe.template-preview-frame');
  const refused = page.getByText('Pratinjau tidak dapat ditampilkan di dalam jendela ini.', { exact: false });
  await expect(frame.or(refused)).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(500);
  expect(await refused.count(), "the window's Content-Security-Policy refuses to frame blob: URLs (it needs frame-src 'self' blob:)").toBe(0);
  expect(await frame.getAttribute('src')).toMatch(/^blob:/);
  await expect(frame).toHaveAttribute('title', 'Pratinjau sertifikat Peserta');
  // The same PDF can be saved: it is a real PDF with the new title.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh pratinjau (PDF)' }).click()]);
  fs.mkdirSync(DOWNLOADS, { recursive: true });
  const preview = path.join(DOWNLOADS, 'preview.pdf');
  await download.saveAs(preview);
  expect(fs.readFileSync(preview).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The title is printed letter-spaced: compared without the spaces.
  expect(execFileSync('pdftotext', [preview, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('SERTIFIKATPELATIHAN');
  await frame.scrollIntoViewIfNeeded();
  await shot(page, '18-settings-template-preview');
});
