import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { call, logIn, test, expect, screenshot, ROOT } from './fixtures.ts';
import { formatNip } from '../../shared/domain/nip.ts';
import { dateInZone } from '../../shared/domain/dates.ts';
import { dayOff } from '../../shared/domain/holidays.ts';

// Trainings as the office runs them: a need and a plan, an event from the plan with four
// sessions over two days, thirty people enrolled, twenty-five scanned at the door as fast as a
// barcode scanner types, the rest marked, the daftar hadir printed, the paper sheets typed in,
// the recap read; then a hundred scans in one burst. Labels, roles and the keyboard; only the
// preconditions (office, roster, the burst's event) go through the HTTP API the app uses.
test.describe.configure({ mode: 'serial' });

const ZONE = 'Asia/Jakarta';
const ITEM = 'Bimbingan Teknis Pelayanan Administrasi Kependudukan';
const DOWNLOADS = path.join(ROOT, 'test-results', 'trainings-downloads');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

interface Person { nip: string; name: string; unit: string }

const FIRST = ['Ahmad', 'Siti', 'Budi', 'Dewi', 'Rudi', 'Ratna', 'Agus', 'Sri', 'Hendra', 'Yuni', 'Eko', 'Nur', 'Fajar', 'Indah', 'Rizky', 'Wulan', 'Bambang', 'Lestari', 'Joko', 'Rina'];
const LAST = ['Santoso', 'Wijaya', 'Hidayat', 'Saputra', 'Kurniawan', 'Rahmawati', 'Pratama', 'Siregar', 'Nasution', 'Harahap', 'Gunawan', 'Susanti'];
const UNITS = ['Plaju Ulu', 'Plaju Darat', 'Plaju Ilir', 'Baguskuning', 'Komperta', 'Seksi Pemerintahan'];
const GOLONGAN = ['II/a', 'II/c', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** People `from`…`from+count-1`: distinct names and valid, distinct PNS NIPs; deterministic. */
function people(from: number, count: number): Person[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const year = 1970 + (i % 25);
    const birth = `${year}${pad(1 + (i % 12), 2)}${pad(1 + (i % 28), 2)}`;
    const tmt = `${year + 24}${pad(1 + ((i * 5) % 12), 2)}`;
    return { nip: `${birth}${tmt}${1 + (i % 2)}${pad(i + 1, 3)}`, name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`, unit: UNITS[i % UNITS.length]! };
  });
}

function rosterCsv(list: Person[]): string {
  const lines = ['NIP,Nama,Golongan,Jabatan,Unit Kerja', ...list.map((p, i) => [p.nip, p.name, GOLONGAN[i % GOLONGAN.length], 'Pengadministrasi Umum', p.unit].join(','))];
  return `${lines.join('\n')}\n`;
}

const ROSTER = people(0, 40);
const ENROLLED = ROSTER.slice(0, 30);
const SCANNED = ENROLLED.slice(0, 25);
const REST = ENROLLED.slice(25);
const EXCUSED = REST[0]!;

/** The office's calendar date `days` from now, and how the app writes it ("Jumat, 27 November 2026"). */
function day(days: number): { iso: string; long: string } {
  const iso = dateInZone(new Date(Date.now() + days * 86_400_000), ZONE);
  const [y, m, d] = iso.split('-').map(Number);
  const long = new Intl.DateTimeFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
  return { iso, long };
}
/** The first Monday–Friday `days` or more from now: a session on a weekend would ask first (this office has no holiday list). */
function workday(days: number): { iso: string; long: string; offset: number } {
  let offset = days;
  while (dayOff(day(offset).iso, [])) offset++;
  return { ...day(offset), offset };
}
const DAY1 = workday(2);
const DAY2 = workday(DAY1.offset + 1);
const YEAR = Number(DAY1.iso.slice(0, 4));

async function importRoster(page: Page, list: Person[]): Promise<void> {
  const summary = await call<{ created: number; errors: unknown[] }>(page, 'roster.apply', {
    fileName: 'pegawai.csv', dataBase64: Buffer.from(rosterCsv(list)).toString('base64'), createUnits: false,
  });
  expect(summary.errors).toEqual([]);
  expect(summary.created).toBe(list.length);
}

function nav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Navigasi utama' });
}

/** The figure under one term of a labelled group of figures ("Hitungan kehadiran" → "Hadir"). */
function figure(page: Page, group: string, term: string): Locator {
  return page.getByLabel(group).locator('div', { has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) }).getByRole('definition');
}

async function keep(download: Download, name: string): Promise<string> {
  fs.mkdirSync(DOWNLOADS, { recursive: true });
  const file = path.join(DOWNLOADS, name);
  await download.saveAs(file);
  return file;
}

type SheetRow = { enrolmentId: string; nip: string | null; name: string; mark: { id: string; status: string; note: string; source: string } | null };

async function sheet(page: Page, sessionId: string): Promise<SheetRow[]> {
  return (await call<{ rows: SheetRow[] }>(page, 'attendance.sheet', { sessionId })).rows;
}

let eventId = '';
let sessionIds: string[] = [];

test('plan a need and a programme item, then create a two-day event from it with four sessions', async ({ page }) => {
  await logIn(page);
  await importRoster(page, ROSTER);

  await nav(page).getByRole('link', { name: 'Program' }).click();
  await expect(page.getByRole('heading', { name: 'Program', level: 1 })).toBeVisible();
  await page.getByLabel('Tahun').selectOption(String(YEAR));

  // A need for one employee, picked by typing part of the name and choosing with the keyboard.
  await page.getByRole('navigation', { name: 'Bagian program' }).getByRole('link', { name: 'Kebutuhan' }).click();
  await page.getByRole('button', { name: 'Tambah kebutuhan' }).click();
  const needDialog = page.getByRole('dialog', { name: `Tambah kebutuhan ${YEAR}` });
  const picker = needDialog.getByRole('combobox', { name: 'Pegawai' });
  await expect(picker).toBeFocused();
  await picker.pressSequentially(ROSTER[3]!.name.slice(0, 6));
  await expect(needDialog.getByRole('option', { name: new RegExp(ROSTER[3]!.name) })).toBeVisible();
  await picker.press('ArrowDown');
  await picker.press('ArrowUp');
  await picker.press('Enter');
  await expect(needDialog.getByRole('textbox', { name: 'Pegawai' })).toHaveValue(`${ROSTER[3]!.name} — ${formatNip(ROSTER[3]!.nip)}`);
  await needDialog.getByLabel('Topik kebutuhan').fill('Pelayanan KTP-el dan Kartu Keluarga');
  await needDialog.getByLabel('Sumber').selectOption({ label: 'Usulan atasan' });
  await needDialog.getByLabel('Prioritas').selectOption({ label: 'Tinggi' });
  await screenshot(page, 'trainings-01-need-form');
  await needDialog.getByRole('button', { name: 'Simpan kebutuhan' }).click();
  await expect(page.getByText('Kebutuhan "Pelayanan KTP-el dan Kartu Keluarga" ditambahkan.')).toBeVisible();
  await expect(page.getByRole('table', { name: `Kebutuhan pengembangan ${YEAR}` })).toContainText(ROSTER[3]!.name);

  // More needs from a spreadsheet: checked first (every wrong row with its row number), then saved.
  const needsCsv = [
    'NIP;Unit Kerja;Jenis Kompetensi;Topik;Sumber;Prioritas',
    `${ROSTER[5]!.nip};;teknis;Penyusunan laporan keuangan;survei;sedang`,
    ';Plaju Darat;sosial kultural;Komunikasi dengan warga;FGD;rendah',
    '19991231 202501 1 999;;teknis;Arsip digital;survei;sedang',
    ';;manajerial;Kepemimpinan pelayanan;rapat;',
  ].join('\r\n');
  await page.getByRole('button', { name: 'Impor dari spreadsheet' }).click();
  const importDialog = page.getByRole('dialog', { name: `Impor kebutuhan ${YEAR} dari spreadsheet` });
  await importDialog.getByLabel('Berkas spreadsheet (.xlsx atau .csv)').setInputFiles({ name: 'kebutuhan.csv', mimeType: 'text/csv', buffer: Buffer.from(needsCsv) });
  await importDialog.getByRole('button', { name: 'Periksa berkas' }).click();
  await expect(importDialog.getByText('4 baris dibaca: 2 benar, 2 salah.')).toBeVisible();
  const wrong = importDialog.getByRole('table', { name: 'Baris yang salah' });
  await expect(wrong.getByRole('row')).toHaveCount(1 + 3);
  await expect(wrong.getByRole('row').nth(1)).toContainText('4NIPTidak ada pegawai dengan NIP 19991231 202501 1 999 di daftar pegawai.');
  await expect(wrong).toContainText('Sumber "rapat" tidak dikenal');
  await expect(wrong).toContainText('Isi pegawai atau unit kerja yang membutuhkan.');
  await screenshot(page, 'trainings-28-needs-import-check');
  await importDialog.getByRole('button', { name: 'Simpan 2 kebutuhan' }).click();
  await expect(page.getByText('2 kebutuhan ditambahkan dari spreadsheet.')).toBeVisible();
  const needs = page.getByRole('table', { name: `Kebutuhan pengembangan ${YEAR}` });
  await expect(needs.getByRole('row')).toHaveCount(4);
  await expect(needs.getByRole('row').filter({ hasText: 'Komunikasi dengan warga' })).toContainText('Plaju Darat');
  await expect(needs.getByRole('row').filter({ hasText: 'Penyusunan laporan keuangan' })).toContainText(ROSTER[5]!.name);
  await screenshot(page, 'trainings-29-needs-list');

  // The plan item: method from the SIASN list, budget typed as digits and shown as Rupiah.
  await page.getByRole('navigation', { name: 'Bagian program' }).getByRole('link', { name: 'Rencana tahunan' }).click();
  await page.getByRole('button', { name: 'Tambah rencana' }).click();
  const itemDialog = page.getByRole('dialog', { name: `Tambah rencana kegiatan ${YEAR}` });
  await itemDialog.getByLabel('Nama kegiatan').fill(ITEM);
  await itemDialog.getByLabel('Jenis pengembangan').selectOption({ label: 'Bimbingan Teknis' });
  await itemDialog.getByLabel('Bulan rencana').selectOption(String(Number(DAY1.iso.slice(5, 7))));
  await itemDialog.getByLabel('Sasaran (orang)').fill('30');
  await itemDialog.getByLabel('JP per orang').fill('16');
  const budget = itemDialog.getByLabel(/^Anggaran \(Rp\)/);
  await budget.pressSequentially('5000000');
  await expect(budget).toHaveValue('5.000.000');
  await expect(itemDialog.getByText('Rp 5.000.000')).toBeVisible();
  await itemDialog.getByLabel('Sumber dana').selectOption({ label: 'APBD' });
  await itemDialog.getByLabel(/Pelayanan KTP-el dan Kartu Keluarga/).check();
  await itemDialog.getByLabel('Plaju Ulu').check();
  await screenshot(page, 'trainings-02-plan-item-form');
  await itemDialog.getByRole('button', { name: 'Simpan rencana' }).click();
  await expect(page.getByText(`Rencana "${ITEM}" ditambahkan.`)).toBeVisible();
  const plan = page.getByRole('table', { name: `Rencana kegiatan ${YEAR}` });
  const itemRow = plan.getByRole('row').filter({ hasText: ITEM });
  await expect(itemRow).toContainText('Bimbingan Teknis');
  await expect(itemRow).toContainText('30 orang');
  await expect(itemRow).toContainText('Rp 5.000.000');
  await expect(figure(page, 'Jumlah seluruh rencana', 'Anggaran')).toHaveText('Rp 5.000.000');
  await expect(page.getByRole('table', { name: 'Menurut sumber dana' }).getByRole('row', { name: /^APBD/ })).toContainText('Rp 5.000.000');
  await itemRow.getByLabel(`Status ${ITEM}`).selectOption({ label: 'Terjadwal' });
  await expect(page.getByText(`Status "${ITEM}" sekarang Terjadwal.`)).toBeVisible();
  await screenshot(page, 'trainings-03-plan-and-summary');

  // "Buat kegiatan": the event's form comes prefilled from the item.
  await itemRow.getByRole('button', { name: `Buat kegiatan dari rencana ${ITEM}` }).click();
  const eventDialog = page.getByRole('dialog', { name: 'Buat kegiatan dari rencana' });
  await expect(eventDialog.getByLabel('Nama kegiatan')).toHaveValue(ITEM);
  await expect(eventDialog.getByLabel('Jenis pengembangan')).toHaveValue('8');
  await expect(eventDialog.getByLabel('Kapasitas')).toHaveValue('30');
  await expect(eventDialog.getByLabel('Kehadiran minimal (%)')).toHaveValue('80');
  await eventDialog.getByLabel('Tempat').fill('Aula Kantor Camat Plaju');
  await eventDialog.getByRole('button', { name: 'Tambah narasumber' }).click();
  await expect(eventDialog.getByLabel('Nama narasumber 1')).toBeFocused();
  await page.keyboard.type('Dr. Rudi Hartono, M.Si.');
  await eventDialog.getByLabel('Instansi narasumber 1').fill('Disdukcapil Kota Palembang');
  await eventDialog.getByLabel('Materi narasumber 1').fill('Administrasi kependudukan');
  await screenshot(page, 'trainings-04-event-from-item');
  await eventDialog.getByRole('button', { name: 'Buat kegiatan' }).click();
  await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
  await expect(page.getByText(`Kegiatan "${ITEM}" dibuat. Tambahkan sesinya.`)).toBeVisible();
  eventId = /#\/kegiatan\/([0-9a-f-]+)\/sesi/.exec(page.url())![1]!;

  // Four sessions over two days; the JP follow from the times, one is overridden with a reason.
  const sessions = [
    { date: DAY1, start: '08:00', end: '11:00', topic: 'Dasar hukum administrasi kependudukan' },
    { date: DAY1, start: '12:30', end: '15:30', topic: 'Pelayanan KTP-el' },
    { date: DAY2, start: '08:00', end: '11:00', topic: 'Kartu Keluarga dan akta' },
    { date: DAY2, start: '12:30', end: '15:30', topic: 'Praktik dan evaluasi', override: { jp: '3', reason: 'Satu jam untuk evaluasi' } },
  ];
  for (const s of sessions) {
    await page.getByRole('button', { name: 'Tambah sesi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah sesi' });
    await dialog.getByLabel('Tanggal').fill(s.date.iso);
    await dialog.getByLabel('Jam mulai').fill(s.start);
    await dialog.getByLabel('Jam selesai').fill(s.end);
    await dialog.getByLabel('Topik').fill(s.topic);
    await dialog.getByLabel('Narasumber').fill('Dr. Rudi Hartono, M.Si.');
    await expect(dialog.getByText('JP dihitung: 4 (aturan Bimbingan Teknis).')).toBeVisible();
    if (s.override) {
      await dialog.getByLabel('Ubah JP sesi ini').check();
      await dialog.getByLabel('JP yang dipakai').fill(s.override.jp);
      await dialog.getByRole('button', { name: 'Simpan sesi' }).click();
      // The reason is required by the contract, shown under its field.
      await expect(dialog.getByText('Tulis alasan mengubah JP.')).toBeVisible();
      await screenshot(page, 'trainings-05-session-override-reason');
      await dialog.getByLabel('Alasan mengubah JP').fill(s.override.reason);
    }
    await dialog.getByRole('button', { name: 'Simpan sesi' }).click();
    await expect(dialog).toBeHidden();
  }
  const table = page.getByRole('table', { name: 'Sesi' });
  await expect(table.getByRole('row')).toHaveCount(1 + 4 + 1);
  await expect(table.getByRole('row').nth(1)).toContainText(DAY1.long);
  await expect(table.getByRole('row').nth(1)).toContainText('08.00–11.00 WIB');
  await expect(table.getByRole('row').nth(1)).toContainText('dihitung');
  await expect(table.getByRole('row').nth(4)).toContainText(DAY2.long);
  await expect(table.getByRole('row').nth(4)).toContainText('diubah (dihitung 4): Satu jam untuk evaluasi');
  await expect(table.getByRole('row').last()).toContainText('Jumlah JP kegiatan15');
  await screenshot(page, 'trainings-06-sessions');
  sessionIds = (await call<{ sessions: { id: string }[] }>(page, 'events.get', { id: eventId })).sessions.map((s) => s.id);
  expect(sessionIds).toHaveLength(4);
});

test('enrol 30 people: five picked from the roster (fewest JP first), twenty-five by pasted NIPs', async ({ page }) => {
  await logIn(page);
  await page.goto(`/#/kegiatan/${eventId}/peserta`);
  await expect(page.getByRole('heading', { name: ITEM, level: 1 })).toBeVisible();
  await expect(page.getByText('Belum ada peserta.')).toBeVisible();

  await page.getByRole('button', { name: 'Tambah dari daftar pegawai' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah peserta dari daftar pegawai' });
  await expect(dialog.getByLabel('Urutan')).toHaveValue('fewest_jp');
  await expect(dialog.getByRole('columnheader', { name: 'JP tahun ini' })).toBeVisible();
  const candidates = dialog.getByRole('table', { name: 'Pegawai yang dapat didaftarkan' });
  await expect(candidates.getByRole('row')).toHaveCount(41);
  // Filters narrow the list: one unit, then back to all.
  await dialog.getByLabel('Unit kerja').selectOption({ label: 'Plaju Ulu' });
  await expect(candidates.getByRole('row')).toHaveCount(1 + ROSTER.filter((p) => p.unit === 'Plaju Ulu').length);
  await dialog.getByLabel('Unit kerja').selectOption({ label: 'Semua unit' });
  for (const p of ENROLLED.slice(0, 5)) await candidates.getByRole('checkbox', { name: p.name, exact: true }).check();
  await expect(dialog.getByText('5 dipilih')).toBeVisible();
  await screenshot(page, 'trainings-07-enrol-candidates');
  await dialog.getByRole('button', { name: 'Daftarkan 5 peserta' }).click();
  await expect(page.getByText('5 peserta didaftarkan, 0 sudah terdaftar. Sekarang 5 peserta.')).toBeVisible();

  // The rest pasted the way a letter lists them, plus one NIP nobody has and one typo.
  const pasted = ENROLLED.slice(5);
  const unknownNip = '19991231 202501 1 999';
  const text = [
    ...pasted.slice(0, 10).map((p) => formatNip(p.nip)),
    pasted.slice(10, 20).map((p) => p.nip).join(', '),
    ...pasted.slice(20).map((p) => p.nip),
    unknownNip,
    '1980123',
  ].join('\n');
  await page.getByRole('button', { name: 'Tempel daftar NIP' }).click();
  const paste = page.getByRole('dialog', { name: 'Daftarkan dengan daftar NIP' });
  await paste.getByLabel('Daftar NIP').fill(text);
  await paste.getByRole('button', { name: 'Daftarkan' }).click();
  await expect(paste.getByText('25 peserta didaftarkan, 0 sudah terdaftar. Sekarang 30 peserta.')).toBeVisible();
  await expect(paste.getByText('1 NIP tidak ada di daftar pegawai:')).toBeVisible();
  await expect(paste.getByRole('listitem').filter({ hasText: unknownNip })).toBeVisible();
  await expect(paste.getByText('1980123 — NIP harus 18 angka.')).toBeVisible();
  await screenshot(page, 'trainings-08-paste-nips-result');
  await paste.getByRole('button', { name: 'Selesai' }).click();

  const list = page.getByRole('table', { name: 'Peserta kegiatan' });
  await expect(list.getByRole('row')).toHaveCount(31);
  await expect(page.getByText('30 dari 30 peserta').first()).toBeVisible();
  await expect(list.getByRole('row', { name: new RegExp(ENROLLED[7]!.name) })).toContainText(formatNip(ENROLLED[7]!.nip));
  // Test scores typed in the row, saved when the cursor leaves the box.
  await page.getByLabel(`Pre-test ${ENROLLED[0]!.name}`).fill('60');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(`Post-test ${ENROLLED[0]!.name}`)).toBeFocused();
  await page.keyboard.type('85,5');
  await page.keyboard.press('Enter');
  await expect(list.getByRole('row', { name: new RegExp(ENROLLED[0]!.name) }).getByText('Tersimpan')).toBeVisible();
  await screenshot(page, 'trainings-09-participants');
});

test('the door: 25 NIPs scanned back to back at scanner speed are all recorded once; the rest marked; daftar hadir printed', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page);
  await page.goto(`/#/kegiatan/${eventId}/kehadiran`);
  await page.getByRole('link', { name: 'Layar kehadiran sesi 1' }).click();
  await expect(page.getByRole('heading', { name: 'Kehadiran sesi 1', level: 1 })).toBeVisible();
  // Two days early the door asks first, since a scan records "arrived now"; here the clerk is
  // rehearsing with the real participants and opens it anyway.
  const gate = page.getByRole('region', { name: 'Sesi 1 belum dimulai' });
  await expect(gate).toContainText(`Sesi 1 dijadwalkan ${DAY1.long}, 08.00–11.00 WIB.`);
  await expect(page.getByLabel('Ketik atau pindai NIP')).toHaveCount(0);
  await screenshot(page, 'trainings-09b-door-gate');
  await gate.getByRole('button', { name: 'Tetap buka layar kehadiran' }).click();
  const input = page.getByLabel('Ketik atau pindai NIP');
  await expect(input).toBeFocused();
  await expect(figure(page, 'Hitungan kehadiran', 'Belum')).toHaveText('30');
  await screenshot(page, 'trainings-10-door-ready');

  // A scanner: ~5 ms per character, then Enter, the next NIP straight after, never waiting.
  const started = Date.now();
  for (const p of SCANNED) {
    await page.keyboard.type(p.nip, { delay: 5 });
    await page.keyboard.press('Enter');
  }
  const typed = Date.now() - started;
  await expect(figure(page, 'Hitungan kehadiran', 'Hadir')).toHaveText('25', { timeout: 30_000 });
  const recorded = Date.now() - started;
  console.log(`[trainings] 25 NIPs typed at scanner speed in ${typed} ms; all 25 shown as recorded after ${recorded} ms`);
  await expect(figure(page, 'Hitungan kehadiran', 'Belum')).toHaveText('5');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('');
  const latest = page.getByRole('region', { name: 'Hasil pindaian terakhir' });
  await expect(latest).toContainText(SCANNED.at(-1)!.name);
  await expect(latest).toContainText(formatNip(SCANNED.at(-1)!.nip));
  await expect(latest).toContainText(/Hadir · pukul \d{2}\.\d{2}\.\d{2}/);
  await screenshot(page, 'trainings-11-door-after-burst');

  // The backend has exactly 25 marks, one per scanned person, none for anyone else.
  const afterBurst = await sheet(page, sessionIds[0]!);
  const marked = afterBurst.filter((r) => r.mark);
  expect(marked).toHaveLength(25);
  expect(new Set(marked.map((r) => r.mark!.id)).size).toBe(25);
  expect(new Set(marked.map((r) => r.nip))).toEqual(new Set(SCANNED.map((p) => p.nip)));
  expect(marked.every((r) => r.mark!.status === 'hadir' && r.mark!.source === 'scan')).toBe(true);

  // A repeated scan says so and changes nothing.
  await page.keyboard.type(formatNip(SCANNED[0]!.nip), { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(latest).toContainText(`Sudah tercatat: Hadir`);
  await expect(latest).toContainText(SCANNED[0]!.name);
  await expect(figure(page, 'Hitungan kehadiran', 'Hadir')).toHaveText('25');

  // The others: one excused with a note by the row's shortcut, then "Sisanya Alpa".
  await page.getByRole('group', { name: 'Tampilkan peserta' }).getByRole('button', { name: 'Belum (5)' }).click();
  await expect(page.getByText('Pilih baris peserta (Tab, panah), lalu tekan:')).toBeVisible();
  const people = page.getByRole('table', { name: 'Daftar peserta' });
  await expect(people.getByRole('row')).toHaveCount(6);
  const excusedRow = people.getByRole('row', { name: `${EXCUSED.name}, Belum tercatat` });
  await excusedRow.focus();
  await page.keyboard.press('i');
  const markDialog = page.getByRole('dialog', { name: `Tandai kehadiran ${EXCUSED.name}` });
  await expect(markDialog.getByLabel('Status')).toHaveValue('izin');
  // The dialog starts on its button (Enter saves, Escape cancels): a note is typed after a click.
  await expect(markDialog.getByRole('button', { name: 'Simpan: Izin' })).toBeFocused();
  await markDialog.getByLabel(/^Keterangan/).click();
  await page.keyboard.type('Surat izin: menghadiri pernikahan saudara');
  await screenshot(page, 'trainings-12-mark-izin');
  await page.keyboard.press('Enter');
  await expect(markDialog).toBeHidden();
  await expect(people.getByRole('row')).toHaveCount(5);
  await expect(figure(page, 'Hitungan kehadiran', 'Izin dll.')).toHaveText('1');
  // The focus stays in the list, on the row now in the excused person's place.
  await expect(people.locator('tbody tr:focus')).toHaveAttribute('aria-label', /, Belum tercatat$/);

  await page.getByRole('button', { name: 'Sisanya Alpa' }).click();
  const rest = page.getByRole('dialog', { name: 'Tandai sisanya Alpa?' });
  await expect(rest).toContainText('4 peserta yang belum tercatat akan ditandai Alpa');
  await screenshot(page, 'trainings-13-rest-alpa-confirm');
  await rest.getByRole('button', { name: 'Ya, tandai 4 peserta Alpa' }).click();
  await expect(page.getByText('4 peserta ditandai Alpa.')).toBeVisible();
  await expect(figure(page, 'Hitungan kehadiran', 'Belum')).toHaveText('0');
  await expect(figure(page, 'Hitungan kehadiran', 'Alpa')).toHaveText('4');
  await expect(figure(page, 'Hitungan kehadiran', 'Izin dll.')).toHaveText('1');
  await expect(input).toBeFocused();
  await page.getByRole('group', { name: 'Tampilkan peserta' }).getByRole('button', { name: 'Semua (30)' }).click();
  await expect(people.getByRole('row', { name: `${EXCUSED.name}, Izin` })).toContainText('Surat izin: menghadiri pernikahan saudara');
  await screenshot(page, 'trainings-14-door-all-marked');

  const final = await sheet(page, sessionIds[0]!);
  const count = (status: string) => final.filter((r) => r.mark?.status === status).length;
  expect([count('hadir'), count('izin'), count('alpa'), final.filter((r) => !r.mark).length]).toEqual([25, 1, 4, 0]);
  expect(final.find((r) => r.nip === EXCUSED.nip)!.mark).toMatchObject({ status: 'izin', note: 'Surat izin: menghadiri pernikahan saudara' });

  // The daftar hadir of the session as a PDF: its text, and page 1 as an image to look at.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Cetak daftar hadir' }).click()]);
  expect(download.suggestedFilename()).toBe(`daftar-hadir-bimbingan-teknis-pelayanan-administrasi-kependudukan-${DAY1.iso}-0800.pdf`);
  const pdf = await keep(download, download.suggestedFilename());
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('DAFTAR HADIR');
  expect(text).toContain(ITEM);
  expect(text).toContain(DAY1.long);
  expect(text).toContain('Dasar hukum administrasi kependudukan');
  expect(text).toContain(ENROLLED[0]!.name);
  expect(text).toContain(formatNip(ENROLLED[0]!.nip));
  fs.mkdirSync(SHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(SHOTS, 'trainings-15-daftar-hadir-page1')]);
  expect(fs.existsSync(path.join(SHOTS, 'trainings-15-daftar-hadir-page1.png'))).toBe(true);
});

/** Row by row, the mark a letter gives on the paper screen for sessions 2–4. */
function paperLetter(session: number, person: Person): string {
  if (session === 2 && person === SCANNED[3]) return 's';
  if (session === 3 && person === SCANNED[4]) return 'd';
  if (session === 4 && person === SCANNED[5]) return 'p';
  return 'h';
}

test('the paper sheets of sessions 2–4 typed in with one key per row, saved in one go', async ({ page }) => {
  test.setTimeout(90_000);
  await logIn(page);
  for (const n of [2, 3, 4]) {
    await page.goto(`/#/kegiatan/${eventId}/kehadiran`);
    await page.getByRole('link', { name: `Isi dari kertas sesi ${n}` }).click();
    await expect(page.getByRole('heading', { name: `Isi dari kertas: sesi ${n}`, level: 1 })).toBeVisible();
    const selects = page.getByRole('combobox', { name: /^Status / });
    await expect(selects).toHaveCount(30);
    const names = (await selects.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).map((l) => l.replace(/^Status /, ''));
    await selects.first().focus();
    for (const name of names) {
      const person = ENROLLED.find((p) => p.name === name)!;
      await page.keyboard.press(paperLetter(n, person));
    }
    await expect(page.getByLabel('Isian', { exact: true }).getByRole('definition').first()).toHaveText('30 / 30');
    if (n === 2) {
      await expect(page.getByLabel(`Status ${SCANNED[3]!.name}`)).toHaveValue('sakit');
      await page.getByLabel(`Keterangan ${SCANNED[3]!.name}`).fill('Surat dokter');
      await screenshot(page, 'trainings-16-paper-entry');
    }
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect(page.getByText('Tersimpan: 30 baru, 0 diubah, 0 tetap.')).toBeVisible();
    const marks = await sheet(page, sessionIds[n - 1]!);
    expect(marks.filter((r) => r.mark?.source === 'paper')).toHaveLength(30);
  }
  // The same sheet saved again changes nothing.
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Tersimpan: 0 baru, 0 diubah, 30 tetap.')).toBeVisible();
});

test('the recap: codes per session, attendance %, JP, completion; exported; the plan shows its realisation', async ({ page }) => {
  await logIn(page);
  await page.goto(`/#/kegiatan/${eventId}/rekap`);
  const grid = page.getByRole('table', { name: 'Rekap kehadiran peserta per sesi' });
  await expect(grid.getByRole('row')).toHaveCount(1 + 30 + 1);
  const row = (p: Person) => grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${p.name}`) }) });
  const codes = async (p: Person) => (await row(p).locator('td.recap-code').allTextContents()).join(' ');

  // The sessions are still days ahead (the marks were a rehearsal): nobody has passed or failed yet.
  await expect(page.getByText('Kegiatan belum selesai: 0 dari 4 sesi sudah berlangsung.', { exact: false })).toBeVisible();
  await expect(figure(page, 'Jumlah peserta', 'Belum selesai')).toHaveText('30');
  await expect(row(EXCUSED)).toContainText('Belum selesai');
  await expect(grid).not.toContainText('Tidak memenuhi syarat');
  // Its last session is not over, so "Tandai selesai" is not offered: the clerk closes it by hand.
  await expect(page.getByRole('button', { name: 'Tandai selesai' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Bagian kegiatan' }).getByRole('link', { name: 'Data kegiatan' }).click();
  await page.getByLabel('Status baru').selectOption({ label: 'Selesai' });
  await page.getByRole('button', { name: 'Ubah status' }).click();
  await expect(page.getByText('Status kegiatan sekarang Selesai.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Bagian kegiatan' }).getByRole('link', { name: 'Rekap' }).click();
  await expect(grid.getByRole('row')).toHaveCount(1 + 30 + 1);

  expect(await codes(SCANNED[0]!)).toBe('H H H H');
  await expect(row(SCANNED[0]!)).toContainText('100%');
  await expect(row(SCANNED[0]!).getByRole('cell').nth(6)).toHaveText('15');
  await expect(row(SCANNED[0]!).getByRole('cell').nth(7)).toHaveText('85,5');
  await expect(row(SCANNED[0]!)).toContainText('Lulus');
  expect(await codes(EXCUSED)).toBe('I H H H');
  await expect(row(EXCUSED)).toContainText('75%');
  await expect(row(EXCUSED)).toContainText('Tidak memenuhi syarat');
  await expect(row(EXCUSED)).toContainText('kehadiran kurang');
  expect(await codes(REST[1]!)).toBe('A H H H');
  expect(await codes(SCANNED[3]!)).toBe('H S H H');
  expect(await codes(SCANNED[4]!)).toBe('H H DL H');
  // Pulang sebelum waktunya still counts as attended.
  expect(await codes(SCANNED[5]!)).toBe('H H H PSW');
  await expect(row(SCANNED[5]!)).toContainText('Lulus');
  const passed = 25 - 2;
  await expect(figure(page, 'Jumlah peserta', 'Lulus')).toHaveText(String(passed));
  await expect(figure(page, 'Jumlah peserta', 'Tidak memenuhi syarat')).toHaveText(String(30 - passed));
  await screenshot(page, 'trainings-17-recap');

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh Excel (.xlsx)' }).click()]);
  expect(xlsx.suggestedFilename()).toBe('rekap-bimbingan-teknis-pelayanan-administrasi-kependudukan.xlsx');
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh PDF' }).click()]);
  const recapText = execFileSync('pdftotext', ['-layout', await keep(pdfDownload, pdfDownload.suggestedFilename()), '-'], { encoding: 'utf8' });
  expect(recapText).toContain(EXCUSED.name);
  expect(recapText).toMatch(/TMS|Tidak memenuhi syarat/);

  // English: the same grid, translated.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Attendance recap' })).toBeVisible();
  const gridEn = page.getByRole('table', { name: 'Attendance of each participant per session' });
  const rowEn = (p: Person) => gridEn.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${p.name}`) }) });
  await expect(rowEn(SCANNED[0]!)).toContainText('Completed');
  await expect(rowEn(EXCUSED)).toContainText('Requirements not met');
  await expect(rowEn(EXCUSED)).toContainText('attendance too low');
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();

  // Back in the programme: plan against realisation for the item.
  await nav(page).getByRole('link', { name: 'Program' }).click();
  await page.getByLabel('Tahun').selectOption(String(YEAR));
  await page.getByRole('navigation', { name: 'Bagian program' }).getByRole('link', { name: 'Rencana tahunan' }).click();
  const realisation = page.getByRole('table', { name: `Rencana dan realisasi ${YEAR}` }).getByRole('row').filter({ hasText: ITEM });
  // Marked Selesai: the plan item is carried out.
  await expect(realisation.getByRole('cell')).toHaveText(['Terlaksana', /\S+/, '30', '1', '30', String(passed), '16', '15', 'Rp 5.000.000']);
  await screenshot(page, 'trainings-18-plan-realisation');
  await page.getByRole('heading', { name: `Ringkasan rencana ${YEAR}` }).scrollIntoViewIfNeeded();
  await screenshot(page, 'trainings-24-plan-summary-scrolled');

  // The events list, the event's own data and its attendance tab with the figures per session.
  await nav(page).getByRole('link', { name: 'Kegiatan' }).click();
  await expect(page.getByRole('heading', { name: 'Kegiatan', level: 1 })).toBeVisible();
  const events = page.getByRole('table', { name: 'Daftar kegiatan' });
  const eventRow = events.getByRole('row').filter({ hasText: ITEM });
  await expect(eventRow).toContainText('Bimbingan Teknis');
  await expect(eventRow).toContainText(DAY1.iso.slice(0, 7) === DAY2.iso.slice(0, 7) ? `${Number(DAY1.iso.slice(8))}–` : '');
  await expect(eventRow).toContainText('30 / 30');
  await screenshot(page, 'trainings-25-events-list');
  await eventRow.getByRole('link', { name: ITEM }).click();
  await expect(page.getByLabel('Nama narasumber 1')).toHaveValue('Dr. Rudi Hartono, M.Si.');
  await expect(page.getByLabel('Status baru')).toHaveValue('selesai');
  await screenshot(page, 'trainings-26-event-data');
  await page.getByRole('navigation', { name: 'Bagian kegiatan' }).getByRole('link', { name: 'Kehadiran' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Sesi 1' })).toContainText('Hadir 25 · Terlambat 0 · Izin dll. 1 · Alpa 4 · Belum 0 dari 30');
  await screenshot(page, 'trainings-27-attendance-tab');
});

test('the employee page shows this year’s trainings and JP against the 20 JP target', async ({ page }) => {
  await logIn(page);
  await nav(page).getByRole('link', { name: 'Pegawai' }).click();
  await page.getByLabel('Cari pegawai').fill(SCANNED[0]!.nip.slice(0, 14));
  await page.getByRole('table', { name: 'Daftar pegawai' }).getByRole('row', { name: new RegExp(SCANNED[0]!.name) }).click();
  await expect(page.getByRole('heading', { name: SCANNED[0]!.name, level: 1 })).toBeVisible();
  const section = page.getByRole('region', { name: `Pelatihan tahun ini (${YEAR})` });
  await expect(section.getByRole('row').filter({ hasText: ITEM })).toContainText('15');
  await expect(section.getByRole('row').filter({ hasText: ITEM })).toContainText('Lulus');
  await expect(section.getByText('Jumlah 15 JP dari target 20 JP')).toBeVisible();
  await expect(section.getByText('kurang 5 JP')).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'trainings-19-employee-trainings');
  const [file] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Unduh PDF' }).click()]);
  const text = execFileSync('pdftotext', ['-layout', await keep(file, file.suggestedFilename()), '-'], { encoding: 'utf8' });
  // The event's name wraps in its column; its first words are on one line.
  expect(text).toContain('Bimbingan Teknis Pelayanan');
  expect(text).toContain(formatNip(SCANNED[0]!.nip));
  expect(text).toContain('kurang 5 JP');
});

test('a burst of 100 NIPs at scanner speed: all 100 recorded exactly once; then the door’s other answers', async ({ page }) => {
  test.setTimeout(240_000);
  await logIn(page);
  // Preconditions through the API: 70 more people (110 on the roster), an event with one
  // session and 100 enrolled.
  const more = people(40, 70);
  await importRoster(page, more);
  const everyone = [...ROSTER, ...more];
  const hundred = everyone.slice(0, 100);
  const outside = everyone[105]!;
  const event = await call<{ id: string }>(page, 'events.create', { name: 'Sosialisasi Sistem Informasi ASN', methodId: 7, competencyType: 'teknis', organiser: 'bkpsdm', place: 'Aula Kantor Camat Plaju' });
  const session = await call<{ id: string }>(page, 'sessions.create', { eventId: event.id, date: DAY2.iso, start: '08:00', end: '12:00', topic: 'SIASN untuk pegawai' });
  const ids = (await call<{ items: { id: string; nip: string }[] }>(page, 'employees.list', { limit: 1000 })).items;
  const idOf = new Map(ids.map((e) => [e.nip, e.id]));
  await call(page, 'enrolment.add', { eventId: event.id, employeeIds: hundred.map((p) => idOf.get(p.nip)) });

  await page.goto(`/#/kegiatan/${event.id}/sesi/${session.id}/hadir`);
  await page.getByRole('button', { name: 'Tetap buka layar kehadiran' }).click();
  const input = page.getByLabel('Ketik atau pindai NIP');
  await expect(input).toBeFocused();
  await expect(figure(page, 'Hitungan kehadiran', 'Peserta')).toHaveText('100');

  // How long each keystroke waited for the page (a busy page would make a scanner's keys queue up).
  await page.evaluate(() => {
    const w = window as unknown as { keyLags: number[] };
    w.keyLags = [];
    document.addEventListener('keydown', (e) => { w.keyLags.push(performance.now() - e.timeStamp); }, true);
  });
  const started = Date.now();
  for (const p of hundred) {
    await page.keyboard.type(p.nip, { delay: 5 });
    await page.keyboard.press('Enter');
  }
  const typed = Date.now() - started;
  await expect(figure(page, 'Hitungan kehadiran', 'Hadir')).toHaveText('100', { timeout: 60_000 });
  const shown = Date.now() - started;
  await expect(page.getByText(/Menyimpan \d+ pindaian/)).toBeHidden();
  const rows = await sheet(page, session.id);
  const marks = rows.filter((r) => r.mark);
  const lags = (await page.evaluate(() => (window as unknown as { keyLags: number[] }).keyLags)).sort((a, b) => a - b);
  const lag = (q: number) => Math.round(lags[Math.min(lags.length - 1, Math.floor(q * lags.length))]! * 10) / 10;
  console.log(`[trainings] burst: 100 NIPs typed at ~5 ms per character in ${typed} ms; all shown after ${shown} ms (${shown - typed} ms after the last Enter); `
    + `keystroke wait in the page: median ${lag(0.5)} ms, p99 ${lag(0.99)} ms, max ${lag(1)} ms over ${lags.length} keys; backend marks ${marks.length}, distinct ${new Set(marks.map((r) => r.mark!.id)).size}`);
  expect(lags).toHaveLength(100 * 19);
  expect(rows).toHaveLength(100);
  expect(marks).toHaveLength(100);
  expect(new Set(marks.map((r) => r.enrolmentId)).size).toBe(100);
  expect(new Set(marks.map((r) => r.nip))).toEqual(new Set(hundred.map((p) => p.nip)));
  // Exactly one attendance row per person in the journal too: 100 inserts, nothing else.
  await screenshot(page, 'trainings-20-burst-100');

  // The other answers at the door, each in its own style, the box ready after each.
  await page.keyboard.type(hundred[42]!.nip, { delay: 5 });
  await page.keyboard.press('Enter');
  const latest = page.getByRole('region', { name: 'Hasil pindaian terakhir' });
  await expect(latest).toContainText('Sudah tercatat: Hadir');
  await page.keyboard.type('1986 0926 2015', { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(latest).toContainText('NIP tidak valid');
  await expect(latest).toContainText('NIP harus 18 angka.');
  await page.keyboard.type(formatNip(outside.nip), { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(latest).toContainText('Belum terdaftar sebagai peserta');
  await expect(latest).toContainText(outside.name);
  await expect(input).toBeFocused();
  await screenshot(page, 'trainings-21-door-not-enrolled');
  await latest.getByRole('button', { name: 'Daftarkan dan catat hadir' }).click();
  await expect(latest).toContainText(/Hadir · pukul/);
  await expect(latest).toContainText(outside.name);
  await expect(figure(page, 'Hitungan kehadiran', 'Peserta')).toHaveText('101');
  await expect(input).toBeFocused();

  const guestNip = '19900101 201501 2 777';
  await page.keyboard.type(guestNip.replace(/ /g, ''), { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(latest).toContainText('NIP tidak dikenal');
  await screenshot(page, 'trainings-22-door-unknown');
  await latest.getByRole('button', { name: 'Catat sebagai tamu' }).click();
  const guest = page.getByRole('dialog', { name: 'Tamu (bukan pegawai kantor ini)' });
  await expect(guest.getByLabel(/^NIP/)).toHaveValue(guestNip);
  await guest.getByLabel('Nama tamu').fill('Maya Sari, S.Sos.');
  await guest.getByLabel(/^Instansi/).fill('Kecamatan Seberang Ulu II');
  await guest.getByRole('button', { name: 'Daftarkan dan catat hadir' }).click();
  await expect(guest).toBeHidden();
  await expect(latest).toContainText('Maya Sari, S.Sos.');
  await expect(latest).toContainText(/Hadir · pukul/);
  await expect(figure(page, 'Hitungan kehadiran', 'Hadir')).toHaveText('102');
  await expect(input).toBeFocused();
  await screenshot(page, 'trainings-23-door-guest');
  const after = await sheet(page, session.id);
  expect(after.filter((r) => r.mark)).toHaveLength(102);

  // The same screen in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Attendance, session 1', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Type or scan a NIP')).toBeVisible();
  await expect(figure(page, 'Attendance counts', 'Present')).toHaveText('102');
  await expect(page.getByRole('region', { name: 'Latest scan' })).toContainText(/Present · at \d{2}:\d{2}:\d{2}/);
  await screenshot(page, 'trainings-30-door-english');
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
});

test('a late arrival: a session that started an hour ago marks the scan Terlambat, in its own style', async ({ page }) => {
  await logIn(page);
  const zoneTime = (at: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const startAt = new Date(Date.now() - 60 * 60_000);
  const event = await call<{ id: string }>(page, 'events.create', { name: 'Bimbingan di Tempat Kerja: Pelayanan Publik', methodId: 24, competencyType: 'manajerial', organiser: 'kantor', lateGraceMinutes: 10 });
  // Ends two hours from now, past midnight if need be (then it says so: the session runs to the next day).
  const endAt = new Date(Date.now() + 120 * 60_000);
  const session = await call<{ id: string }>(page, 'sessions.create', { eventId: event.id, date: dateInZone(startAt, ZONE), start: zoneTime(startAt), end: zoneTime(endAt), overnight: zoneTime(endAt) < zoneTime(startAt) });
  const person = ROSTER[39]!;
  await page.goto(`/#/kegiatan/${event.id}/peserta`);
  await page.getByRole('button', { name: 'Tempel daftar NIP' }).click();
  const paste = page.getByRole('dialog', { name: 'Daftarkan dengan daftar NIP' });
  await paste.getByRole('textbox', { name: 'Daftar NIP' }).fill(person.nip);
  await paste.getByRole('button', { name: 'Daftarkan', exact: true }).click();
  await expect(paste.getByText('1 peserta didaftarkan, 0 sudah terdaftar. Sekarang 1 peserta.')).toBeVisible();
  await paste.getByRole('button', { name: 'Selesai' }).click();

  await page.goto(`/#/kegiatan/${event.id}/sesi/${session.id}/hadir`);
  await expect(page.getByLabel('Ketik atau pindai NIP')).toBeFocused();
  await page.keyboard.type(formatNip(person.nip), { delay: 5 });
  await page.keyboard.press('Enter');
  const latest = page.getByRole('region', { name: 'Hasil pindaian terakhir' });
  await expect(latest).toContainText(/Terlambat · pukul \d{2}\.\d{2}\.\d{2}/);
  await expect(latest).toContainText(person.name);
  await expect(figure(page, 'Hitungan kehadiran', 'Terlambat')).toHaveText('1');
  await screenshot(page, 'trainings-31-door-late');
  expect((await sheet(page, session.id))[0]!.mark).toMatchObject({ status: 'terlambat', source: 'scan' });
});

test('a plan item and an event made by mistake are removed; the event that had participants is refused with the reason', async ({ page }) => {
  await logIn(page);
  const item = await call<{ id: string }>(page, 'programme.create', {
    year: YEAR, title: 'Rencana salah ketik', competencyType: 'teknis', methodId: 8, organiser: 'kantor', plannedMonth: 12, targetCount: 0, plannedJp: 8, budget: 0, funding: 'tanpa',
  });
  await page.goto(`/#/program/rencana`);
  await page.getByRole('button', { name: 'Hapus rencana Rencana salah ketik' }).click();
  const confirm = page.getByRole('dialog', { name: 'Hapus rencana "Rencana salah ketik"?' });
  await confirm.getByRole('button', { name: 'Ya, hapus' }).click();
  await expect(page.getByText('Rencana "Rencana salah ketik" dihapus.')).toBeVisible();
  await expect(page.getByRole('table', { name: `Rencana kegiatan ${YEAR}` })).not.toContainText('Rencana salah ketik');
  expect((await call<{ id: string }[]>(page, 'programme.list', { year: YEAR })).map((i) => i.id)).not.toContain(item.id);

  const mistaken = await call<{ id: string }>(page, 'events.create', { name: 'Kegiatan dobel', methodId: 8, competencyType: 'teknis', organiser: 'kantor' });
  await page.goto(`/#/kegiatan/${mistaken.id}`);
  await page.getByRole('button', { name: 'Hapus kegiatan' }).click();
  await screenshot(page, 'trainings-32-remove-event');
  await page.getByRole('dialog', { name: 'Hapus kegiatan "Kegiatan dobel"?' }).getByRole('button', { name: 'Ya, hapus kegiatan' }).click();
  await expect(page.getByText('Kegiatan "Kegiatan dobel" dihapus.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kegiatan', level: 1 })).toBeVisible();

  // The main event has participants: no button, the reason and the way out instead.
  await page.goto(`/#/kegiatan/${eventId}`);
  const removal = page.getByRole('region', { name: 'Hapus kegiatan' });
  await expect(removal).toContainText('Kegiatan yang sudah pernah punya peserta tidak dapat dihapus');
  await expect(removal.getByRole('button')).toHaveCount(0);
  await removal.scrollIntoViewIfNeeded();
  await screenshot(page, 'trainings-33-remove-event-refused');
  // So does one whose only participant withdrew: the record of the enrolment stays.
  const withdrawnOnly = await call<{ id: string }>(page, 'events.create', { name: 'Peserta mundur', methodId: 8, competencyType: 'teknis', organiser: 'kantor' });
  const someone = (await call<{ items: { id: string }[] }>(page, 'employees.list', { limit: 1 })).items[0]!;
  await call(page, 'enrolment.add', { eventId: withdrawnOnly.id, employeeIds: [someone.id] });
  const [enrolment] = await call<{ id: string }[]>(page, 'enrolment.list', { eventId: withdrawnOnly.id });
  await call(page, 'enrolment.withdraw', { id: enrolment!.id, reason: 'Sakit' });
  await page.goto(`/#/kegiatan/${withdrawnOnly.id}`);
  await expect(page.getByRole('heading', { name: 'Peserta mundur', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Hapus kegiatan' }).getByRole('button')).toHaveCount(0);
});

test('a session typed with its end before its start is refused under the end time, then saved as running past midnight', async ({ page }) => {
  await logIn(page);
  const night = await call<{ id: string }>(page, 'events.create', { name: 'Pelatihan Siskamling Malam', methodId: 8, competencyType: 'teknis', organiser: 'kantor' });
  await page.goto(`/#/kegiatan/${night.id}/sesi`);
  await page.getByRole('button', { name: 'Tambah sesi' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah sesi' });
  await dialog.getByLabel('Tanggal').fill(DAY1.iso);
  await dialog.getByLabel('Jam mulai').fill('22:00');
  await dialog.getByLabel('Jam selesai').fill('02:00');
  await dialog.getByLabel('Topik').fill('Ronda dan pelaporan');
  // An end before the start is no JP yet: it is a slip until the clerk says otherwise.
  await expect(dialog.getByText('Isi tanggal, jam mulai, dan jam selesai untuk melihat JP.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Simpan sesi' }).click();

  const endTime = dialog.getByLabel('Jam selesai');
  const refusal = 'Jam selesai lebih awal dari jam mulai. Jika sesi berlangsung melewati tengah malam, centang "Berlangsung melewati tengah malam".';
  await expect(dialog.getByText(refusal)).toBeVisible();
  await expect(endTime).toHaveAttribute('aria-invalid', 'true');
  await expect(endTime).toHaveAccessibleDescription(/Jam selesai lebih awal dari jam mulai\./);
  await expect(endTime).toBeFocused();
  await screenshot(page, 'trainings-34-session-end-before-start');
  expect((await call<{ sessions: unknown[] }>(page, 'events.get', { id: night.id })).sessions).toEqual([]);

  await dialog.getByLabel('Berlangsung melewati tengah malam').check();
  await expect(dialog.getByText('JP dihitung: 5 (aturan Bimbingan Teknis).')).toBeVisible();
  await dialog.getByRole('button', { name: 'Simpan sesi' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Sesi ${DAY1.long} 22.00–02.00 ditambahkan.`)).toBeVisible();
  const row = page.getByRole('table', { name: 'Sesi' }).getByRole('row').nth(1);
  await expect(row).toContainText('22.00–02.00 WIB');
  await expect(row).toContainText('selesai hari berikutnya');
  await expect(page.getByRole('table', { name: 'Sesi' }).getByRole('row').last()).toContainText('Jumlah JP kegiatan5');
  await screenshot(page, 'trainings-35-session-past-midnight');
  const [saved] = (await call<{ sessions: { start: string; end: string; overnight: boolean; jp: number }[] }>(page, 'events.get', { id: night.id })).sessions;
  expect(saved).toMatchObject({ start: '22:00', end: '02:00', overnight: true, jp: 5 });
});
