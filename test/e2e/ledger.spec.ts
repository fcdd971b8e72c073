import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { call, logIn, test, expect, screenshot, ROOT } from './fixtures.ts';
import { dateInZone } from '../../shared/domain/dates.ts';
import { dayOff } from '../../shared/domain/holidays.ts';
import { formatNip } from '../../shared/domain/nip.ts';

// Capaian JP as the office uses it, at 1024×768: a clerk enters an e-learning certificate (the
// JP by the method's rule shown as it is typed; a JP that contradicts it asks for a reason; the
// same training twice refused by name), imports a learning platform's export (its columns
// matched, one row already recorded and one with an impossible date reported before anything is
// written), finds who is below 20 JP in one kelurahan and enrols them into an upcoming event
// (their planned JP then shows), looks at the charts (and their A4 print), downloads the
// realisasi PDF and the pencapaian XLSX, and prints one person's riwayat. Preconditions (office,
// roster, programme, a finished and an upcoming event) go through the HTTP API the app uses.
test.describe.configure({ mode: 'serial' });

const ZONE = 'Asia/Jakarta';
const DOWNLOADS = path.join(ROOT, 'test-results', 'ledger-downloads');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

interface Person { nip: string; name: string; unit: string }
const PEOPLE: Person[] = [
  { nip: '198203152008012011', name: 'Siti Rahmawati', unit: 'Plaju Ulu' },
  { nip: '197905212005011003', name: 'Budi Santoso', unit: 'Plaju Ulu' },
  { nip: '198611302010012005', name: 'Dewi Lestari', unit: 'Plaju Ulu' },
  { nip: '199001082015031002', name: 'Rudi Hartono', unit: 'Plaju Ulu' },
  { nip: '198409172009022004', name: 'Yuni Kartika', unit: 'Plaju Darat' },
  { nip: '197712042003121001', name: 'Agus Pratama', unit: 'Plaju Darat' },
  { nip: '198807192011012003', name: 'Ratna Susanti', unit: 'Plaju Darat' },
  { nip: '199205232019031004', name: 'Hendra Gunawan', unit: 'Seksi Pemerintahan' },
];
const [SITI, BUDI, DEWI, RUDI, YUNI, AGUS, RATNA] = PEOPLE as [Person, Person, Person, Person, Person, Person, Person, Person];

const TODAY = dateInZone(new Date(), ZONE);
const YEAR = Number(TODAY.slice(0, 4));
const day = (days: number) => dateInZone(new Date(Date.now() + days * 86_400_000), ZONE);
/** The first Monday–Friday `days` or more from now (a weekend session would be asked about). */
function workday(days: number): string {
  let d = days;
  while (dayOff(day(d), [])) d++;
  return day(d);
}
const UPCOMING = [workday(3), workday(7)];
const UPCOMING_EVENT = 'Bimbingan Teknis Pelayanan Administrasi Terpadu Kecamatan';
const FINISHED_EVENT = 'Sosialisasi Standar Pelayanan Publik';

const TITLE = 'Pelatihan Pelayanan Publik Berbasis Digital';
const START = `${YEAR}-03-10`;
const END = `${YEAR}-03-12`;
/** dd/mm/yyyy, the way the platform's export writes dates. */
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** No sideways scrolling: the screen fits 1024 pixels. */
async function fitsWidth(page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, 'page scrolls sideways').toBeLessThanOrEqual(inner);
}

async function shot(page: Page, name: string): Promise<void> {
  await fitsWidth(page);
  await screenshot(page, `ledger-${name}`);
}

/** A dialog as the clerk sees it: the window, not the whole page behind it. */
async function windowShot(page: Page, name: string): Promise<void> {
  await fitsWidth(page);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `ledger-${name}.png`) });
}

async function keep(download: Download): Promise<string> {
  fs.mkdirSync(DOWNLOADS, { recursive: true });
  const file = path.join(DOWNLOADS, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** The first page of a PDF as a PNG among the screenshots, to be looked at. */
function firstPage(pdf: string, name: string): string {
  fs.mkdirSync(SHOTS, { recursive: true });
  const prefix = path.join(SHOTS, `ledger-${name}`);
  execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  return `${prefix}.png`;
}

function tabs(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Bagian capaian JP' });
}

/** The figure under one term of a labelled group of figures. */
function figure(page: Page, group: string, term: string): Locator {
  return page.getByLabel(group).locator('div', { has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) }).getByRole('definition');
}

/** The ledger's cell of a person in a column: 0 tick, 1 name, 2 unit, 3 gol., 4 event JP, 5 outside JP, 6 JP, 7 planned, 8 projection, 9 target, 10 gap. */
function cell(table: Locator, name: string, column: number): Locator {
  return table.getByRole('row').filter({ hasText: name }).locator('th, td').nth(column);
}

test('preconditions: a roster in three units, a programme, a finished event and an upcoming one', async ({ page }) => {
  await logIn(page);
  const csv = ['NIP,Nama,Golongan,Jabatan,Unit Kerja', ...PEOPLE.map((p, i) => `${p.nip},${p.name},${['III/a', 'III/b', 'II/c', 'III/c'][i % 4]},Pengadministrasi Umum,${p.unit}`)].join('\n');
  const roster = await call<{ created: number; errors: unknown[] }>(page, 'roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(csv).toString('base64'), createUnits: false });
  expect(roster.errors).toEqual([]);
  const employees = (await call<{ items: { id: string; nip: string }[] }>(page, 'employees.list', { limit: 100 })).items;
  const idOf = (p: Person) => employees.find((e) => e.nip === p.nip)!.id;

  const sosialisasi = await call<{ id: string }>(page, 'programme.create', {
    year: YEAR, title: FINISHED_EVENT, competencyType: 'teknis', methodId: 7, organiser: 'kantor', plannedMonth: 2, targetCount: 4, plannedJp: 8,
    budget: 3_500_000, spent: 3_150_000, funding: 'apbd',
  });
  const bimtek = await call<{ id: string }>(page, 'programme.create', {
    year: YEAR, title: UPCOMING_EVENT, competencyType: 'teknis', methodId: 8, organiser: 'kantor', plannedMonth: Number(UPCOMING[0]!.slice(5, 7)),
    targetCount: 10, plannedJp: 10, budget: 7_500_000, funding: 'apbd',
  });
  await call(page, 'programme.create', {
    year: YEAR, title: 'Workshop Penyusunan Laporan Kinerja', competencyType: 'manajerial', methodId: 4, organiser: 'bkpsdm', plannedMonth: 6,
    targetCount: 6, plannedJp: 10, budget: 0, funding: 'apbn',
  });

  // A finished event early in the year: four people of Plaju Darat and Plaju Ulu attended both sessions.
  const finished = await call<{ id: string }>(page, 'events.create', {
    programmeItemId: sosialisasi.id, name: FINISHED_EVENT, methodId: 8, competencyType: 'teknis', organiser: 'kantor', place: 'Aula Kantor Camat Plaju',
  });
  const past = [
    await call<{ id: string }>(page, 'sessions.create', { eventId: finished.id, date: `${YEAR}-02-10`, start: '08:00', end: '12:00', topic: 'Standar pelayanan' }),
    await call<{ id: string }>(page, 'sessions.create', { eventId: finished.id, date: `${YEAR}-02-11`, start: '08:00', end: '12:00', topic: 'Maklumat pelayanan' }),
  ];
  await call(page, 'enrolment.add', { eventId: finished.id, employeeIds: [YUNI, AGUS, RATNA, RUDI].map(idOf) });
  for (const e of await call<{ id: string }[]>(page, 'enrolment.list', { eventId: finished.id })) {
    for (const s of past) await call(page, 'attendance.mark', { sessionId: s.id, enrolmentId: e.id, status: 'hadir' });
  }
  await call(page, 'events.setStatus', { id: finished.id, status: 'selesai' });

  // Siti reached the target with a BKPSDM bimtek recorded earlier; the ledger shows her as done.
  await call(page, 'records.create', {
    employeeId: idOf(SITI), title: 'Bimbingan Teknis Aplikasi SIAK Terpadu', organiser: 'BKPSDM Kota Palembang', methodId: 8, competencyType: 'teknis',
    startDate: `${YEAR}-01-20`, endDate: `${YEAR}-01-22`, hours: 24, certificateNumber: `800/112/BKPSDM/${YEAR}`,
  });

  // The upcoming event the people behind will be enrolled in: two mornings, room for eight.
  const upcoming = await call<{ id: string }>(page, 'events.create', {
    programmeItemId: bimtek.id, name: UPCOMING_EVENT, methodId: 8, competencyType: 'teknis', organiser: 'kantor', place: 'Aula Kantor Camat Plaju', capacity: 8,
  });
  for (const date of UPCOMING) await call(page, 'sessions.create', { eventId: upcoming.id, date, start: '08:00', end: '12:00', topic: 'Pelayanan terpadu' });
});

test('a clerk enters an e-learning certificate: the JP by the rule shows as typed, a contradicting JP asks for a reason, the same training twice is refused', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Capaian JP' }).click();
  await expect(page.getByRole('heading', { name: 'Capaian JP', level: 1 })).toBeVisible();
  await tabs(page).getByRole('link', { name: 'Pelatihan luar' }).click();
  await page.getByLabel('Tahun').selectOption(String(YEAR));
  const list = page.getByRole('table', { name: `Pelatihan di luar kantor ${YEAR}` });
  await expect(list.getByRole('row').filter({ hasText: 'Bimbingan Teknis Aplikasi SIAK Terpadu' })).toContainText('Belum diperiksa');

  await page.getByRole('button', { name: 'Tambah pelatihan luar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah pelatihan luar' });
  const picker = dialog.getByRole('combobox', { name: 'Pegawai' });
  await expect(picker).toBeFocused();
  await picker.pressSequentially('Dewi');
  await expect(dialog.getByRole('option', { name: new RegExp(DEWI.name) })).toBeVisible();
  await picker.press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Pegawai' })).toHaveValue(`${DEWI.name} — ${formatNip(DEWI.nip)}`);
  await dialog.getByLabel('Nama pelatihan').fill(TITLE);
  await dialog.getByLabel('Penyelenggara').fill('BPSDM Provinsi Sumatera Selatan');
  await expect(dialog.getByLabel('Jenis pengembangan')).toHaveValue('16');
  await dialog.getByLabel('Tanggal mulai').fill(START);
  await dialog.getByLabel('Tanggal selesai').fill(END);
  const preview = dialog.locator('.jp-preview');
  await expect(preview).toContainText('Isi jumlah jam belajar');
  // Ten hours over three days: e-learning counts at most 3 JP a day, so 9, not 13.
  await dialog.getByLabel('Jumlah jam belajar').fill('10');
  await expect(preview).toContainText('Menurut aturan: 9 JP');
  await expect(dialog.getByLabel('Alasan JP berbeda dari aturan')).toHaveCount(0);
  await dialog.getByLabel('Nomor sertifikat').fill(`SERT-ELN/${YEAR}/00417`);
  await windowShot(page, '01-record-form-rule');

  // The certificate says 12 JP: that contradicts the rule, and the reason field appears.
  await dialog.getByLabel(/^JP/).fill('12');
  await expect(preview).toContainText('JP yang diisi (12) berbeda');
  const reason = dialog.getByLabel('Alasan JP berbeda dari aturan');
  await expect(reason).toBeVisible();
  await dialog.getByRole('button', { name: 'Simpan pelatihan' }).click();
  await expect(dialog.getByText('Menurut aturan E-Learning, JP-nya 9. Bila sertifikat menyebut JP lain, isi alasannya.')).toBeVisible();
  await expect(dialog.getByLabel(/^JP/)).toBeFocused();
  await windowShot(page, '02-record-form-reason-asked');
  await reason.fill('Sertifikat mencantumkan 12 JP');
  await dialog.getByRole('button', { name: 'Simpan pelatihan' }).click();
  await expect(page.getByText(`Pelatihan "${TITLE}" untuk ${DEWI.name} dicatat (12 JP).`)).toBeVisible();
  const row = list.getByRole('row').filter({ hasText: TITLE });
  await expect(row).toContainText('E-Learning · BPSDM Provinsi Sumatera Selatan');
  await expect(row).toContainText('10–12 Maret');
  await expect(row).toContainText('aturan: 9');
  await expect(row).toContainText('Belum diperiksa');

  // The admin checks it against the certificate.
  await row.getByRole('button', { name: `Tandai sudah diperiksa: ${TITLE} (${DEWI.name})` }).click();
  await expect(page.getByText(`"${TITLE}" (${DEWI.name}) ditandai sudah diperiksa.`)).toBeVisible();
  await expect(row).toContainText('Sudah diperiksa');
  await shot(page, '03-records-list');

  // The same training for the same person again: refused, naming the record already there.
  await page.getByRole('button', { name: 'Tambah pelatihan luar' }).click();
  const again = page.getByRole('dialog', { name: 'Tambah pelatihan luar' });
  await again.getByRole('combobox', { name: 'Pegawai' }).pressSequentially('Dewi');
  await expect(again.getByRole('option', { name: new RegExp(DEWI.name) })).toBeVisible();
  await again.getByRole('combobox', { name: 'Pegawai' }).press('Enter');
  await again.getByLabel('Nama pelatihan').fill(TITLE.toUpperCase());
  await again.getByLabel('Tanggal mulai').fill(START);
  await again.getByLabel('Tanggal selesai').fill(END);
  await again.getByLabel('Jumlah jam belajar').fill('10');
  await again.getByRole('button', { name: 'Simpan pelatihan' }).click();
  // Said under the title, where the cursor goes.
  const title = again.getByLabel('Nama pelatihan');
  await expect(title).toBeFocused();
  await expect(title).toHaveAccessibleDescription(new RegExp(`Pelatihan ini sudah tercatat untuk ${DEWI.name} \\(NIP ${formatNip(DEWI.nip)}\\): "${TITLE}", mulai 10 Maret ${YEAR}`));
  await windowShot(page, '04-record-duplicate');
  await again.getByRole('button', { name: 'Batal' }).click();
  await expect(list.getByRole('row').filter({ hasText: TITLE })).toHaveCount(1);
});

test('a learning platform\'s export is imported: columns matched, one row already recorded and one wrong reported first, then the rest written', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  await page.goto('/#/capaian/impor');
  await expect(page.getByRole('heading', { name: '1. Pilih berkas' })).toBeVisible();

  const csv = [
    'Employee ID,Learner Name,Course Title,Nama Platform,Enrolled,Completed,Duration (hours),Status,Certificate ID',
    `${BUDI.nip},${BUDI.name},Etika dan Integritas ASN,ASN Unggul,${dmy(`${YEAR}-04-07`)},${dmy(`${YEAR}-04-08`)},5,Lulus,AU-${YEAR}-1187`,
    `${DEWI.nip},${DEWI.name},${TITLE},ASN Unggul,${dmy(START)},${dmy(END)},10,Lulus,AU-${YEAR}-1188`,
    `${AGUS.nip},${AGUS.name},Manajemen Arsip Digital,ASN Unggul,31/02/${YEAR},${dmy(`${YEAR}-03-03`)},4,Lulus,AU-${YEAR}-1189`,
    `${RUDI.nip},${RUDI.name},Pelayanan Prima di Era Digital,ASN Unggul,${dmy(`${YEAR}-05-12`)},${dmy(`${YEAR}-05-12`)},2,Lulus,AU-${YEAR}-1190`,
    `${YUNI.nip},${YUNI.name},Literasi Data untuk ASN,ASN Unggul,${dmy(`${YEAR}-06-02`)},${dmy(`${YEAR}-06-03`)},6,Lulus,AU-${YEAR}-1191`,
  ].join('\r\n');
  await page.getByLabel(/Berkas spreadsheet/).setInputFiles({ name: 'ekspor-asn-unggul.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  await expect(page.getByRole('heading', { name: '2. Cocokkan kolom' })).toBeVisible();
  await expect(page.getByLabel('Course Title')).toHaveValue('title');
  await expect(page.getByLabel('Enrolled')).toHaveValue('startDate');
  await expect(page.getByLabel('Duration (hours)')).toHaveValue('hours');
  await expect(page.getByLabel('Nama Platform')).toHaveValue('');
  // The platform's name is the organiser; the export says nothing of the method: all e-learning.
  await page.getByLabel('Nama Platform').selectOption({ label: 'Penyelenggara' });
  const defaults = page.getByRole('group', { name: 'Untuk baris yang tidak menyebutkannya' });
  await defaults.getByLabel('Jenis pengembangan').selectOption({ label: 'E-Learning' });
  const counts = 'Hasil pemeriksaan';
  await expect(figure(page, counts, 'Baru')).toHaveText('3');
  await expect(figure(page, counts, 'Sudah tercatat')).toHaveText('1');
  await expect(figure(page, counts, 'Salah')).toHaveText('1');
  await shot(page, '05-import-mapping');

  await page.getByRole('button', { name: 'Lanjut: periksa data' }).click();
  await expect(page.getByRole('heading', { name: '3. Periksa sebelum impor' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Hasil pemeriksaan per baris' });
  await expect(rows.getByRole('row')).toHaveCount(1 + 5);
  const duplicateRow = rows.getByRole('row').filter({ hasText: DEWI.name });
  await expect(duplicateRow).toContainText('3');
  await expect(duplicateRow).toContainText('Sudah tercatat');
  const wrongRow = rows.getByRole('row').filter({ hasText: AGUS.name });
  await expect(wrongRow.locator('td').first()).toHaveText('4');
  await expect(wrongRow).toContainText('Salah');
  await expect(wrongRow).toContainText('Tanggal mulai');
  await expect(wrongRow).toContainText('tidak ada di kalender');
  await expect(page.getByText('3 pelatihan baru akan diimpor; 1 yang sudah tercatat dan 1 baris salah dilewati.')).toBeVisible();
  await shot(page, '06-import-check');

  await page.getByRole('button', { name: 'Impor 3 baris' }).click();
  await expect(page.getByRole('heading', { name: '4. Selesai' })).toBeVisible();
  await expect(page.getByText('3 pelatihan luar diimpor.')).toBeVisible();
  await shot(page, '07-import-done');

  await page.getByRole('link', { name: 'Lihat pelatihan luar' }).click();
  const list = page.getByRole('table', { name: `Pelatihan di luar kantor ${YEAR}` });
  await expect(list.getByRole('row').filter({ hasText: 'Etika dan Integritas ASN' })).toContainText('E-Learning · ASN Unggul');
  await expect(list.getByRole('row').filter({ hasText: TITLE })).toHaveCount(1);
  await expect(list.getByRole('row').filter({ hasText: 'Manajemen Arsip Digital' })).toHaveCount(0);
  // Filtered to what still needs checking: the imported ones and the BKPSDM bimtek.
  await page.getByLabel('Pemeriksaan').selectOption({ label: 'Belum diperiksa' });
  await expect(list.getByRole('row')).toHaveCount(1 + 4);
});

test('Belum 20 JP: filtered to one kelurahan, the people behind are ticked and enrolled into the upcoming event; their planned JP shows', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  await page.goto('/#/capaian');
  await page.getByLabel('Tahun').selectOption(String(YEAR));
  const table = page.getByRole('table', { name: `Pegawai yang belum mencapai target JP ${YEAR}` });
  await expect(table.getByRole('row').filter({ hasText: BUDI.name })).toBeVisible();
  // Siti has reached the target (her 24-hour bimtek): she is not listed.
  await expect(table.getByRole('row').filter({ hasText: SITI.name })).toHaveCount(0);
  await expect(page.getByText(`1 dari ${PEOPLE.length} pegawai sudah mencapai 20 JP.`)).toBeVisible();
  // The largest gap first: nobody listed above has a smaller gap than someone below.
  const gaps = (await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[10]!.textContent ?? ''))).map((s) => Number(s.replace(',', '.')));
  expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
  await expect(cell(table, DEWI.name, 5)).toContainText('12');
  await expect(cell(table, BUDI.name, 5)).toContainText('belum diperiksa');
  await shot(page, '08-behind');

  await page.getByLabel('Unit kerja').selectOption({ label: 'Plaju Ulu' });
  await expect(table.getByRole('row')).toHaveCount(1 + 3);
  await expect(table).not.toContainText(YUNI.name);
  await expect(page.getByRole('button', { name: /Daftarkan ke kegiatan/ })).toBeDisabled();
  await table.getByRole('checkbox', { name: 'Centang semua yang tampil (3)' }).check();
  await expect(page.getByText('3 dicentang')).toBeVisible();
  await page.getByRole('button', { name: 'Daftarkan ke kegiatan… (3)' }).click();

  const dialog = page.getByRole('dialog', { name: 'Daftarkan 3 pegawai ke kegiatan' });
  const events = dialog.getByRole('table', { name: 'Kegiatan yang akan datang' });
  await expect(events.getByRole('row')).toHaveCount(1 + 1);
  await expect(events).not.toContainText(FINISHED_EVENT);
  await expect(events).toContainText('0 / 8');
  await dialog.getByRole('radio', { name: UPCOMING_EVENT }).check();
  await windowShot(page, '09-enrol-dialog');
  await dialog.getByRole('button', { name: 'Daftarkan 3 pegawai' }).click();
  await expect(page.getByText(`3 pegawai didaftarkan ke "${UPCOMING_EVENT}", 0 sudah terdaftar sebelumnya. Sekarang 3 peserta; JP mereka masuk kolom Rencana.`)).toBeVisible();

  const upcoming = (await call<{ name: string; totalJp: number }[]>(page, 'events.list', {})).find((e) => e.name === UPCOMING_EVENT)!;
  expect(upcoming.totalJp).toBeGreaterThan(0);
  for (const p of [BUDI, DEWI, RUDI]) await expect(cell(table, p.name, 7)).toHaveText(String(upcoming.totalJp));
  await expect(table.getByRole('checkbox', { name: 'Centang semua yang tampil (3)' })).not.toBeChecked();
  await expect(figure(page, `Ringkasan capaian ${YEAR}`, 'Pegawai')).toHaveText('4');
  await shot(page, '10-behind-enrolled');

  // Semua pegawai: the same filter, with the unit's and the office's totals.
  await tabs(page).getByRole('link', { name: 'Semua pegawai' }).click();
  const units = page.getByRole('table', { name: `Capaian JP per unit kerja ${YEAR}` });
  await expect(units.getByRole('row').filter({ hasText: 'Plaju Ulu' })).toBeVisible();
  await page.getByRole('button', { name: 'Hapus saringan' }).click();
  await expect(units.getByRole('row').filter({ hasText: 'Plaju Darat' })).toBeVisible();
  await expect(page.getByRole('table', { name: `Capaian JP per pegawai ${YEAR}` }).getByRole('row')).toHaveCount(1 + PEOPLE.length);
  await shot(page, '11-all-employees');
});

test('Grafik: JP per unit per month, the distribution against the target, plan and realisation per funding source; printable on A4', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  await page.goto('/#/capaian/grafik');
  await page.getByLabel('Tahun').selectOption(String(YEAR));
  await expect(page.getByRole('figure', { name: `JP per unit kerja per bulan, ${YEAR}` }).locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
  const distribution = page.getByRole('figure', { name: `Sebaran JP per pegawai, ${YEAR}` });
  await expect(distribution.locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
  await expect(distribution).toContainText('Target 20 JP');
  await expect(distribution).toContainText(`1 dari ${PEOPLE.length} pegawai mencapai target 20 JP`);
  const funding = page.getByRole('figure', { name: `Rencana dan realisasi per sumber dana, ${YEAR}` });
  await expect(funding.locator('.recharts-wrapper > svg.recharts-surface')).toHaveCount(2);
  await expect(funding).toContainText('APBD');
  await expect(page.getByRole('button', { name: 'Cetak' })).toBeVisible();
  await shot(page, '12-charts');

  // The table behind a chart, for those who would rather read.
  await distribution.getByText('Lihat sebagai tabel').click();
  await expect(distribution.getByRole('table')).toContainText('20–24 JP');

  // What "Cetak" sends to the printer: the charts alone on A4, no navigation.
  fs.mkdirSync(DOWNLOADS, { recursive: true });
  const pdf = path.join(DOWNLOADS, 'grafik-cetak.pdf');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeHidden();
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain(`Grafik capaian JP ${YEAR}`);
  expect(text).not.toContain('Navigasi');
  expect(text).not.toContain('Keluar');
  firstPage(pdf, '13-charts-print');
});

test('Laporan: the realisasi PDF and the pencapaian 20 JP spreadsheet are downloaded', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  await page.goto('/#/capaian/laporan');
  await page.getByLabel('Tahun').selectOption(String(YEAR));
  await expect(page.getByRole('heading', { name: 'Lembar SIASN riwayat diklat' })).toBeVisible();
  await expect(page.getByRole('button', { name: `Unduh Lembar SIASN riwayat diklat ${YEAR} sebagai PDF` })).toHaveCount(0);

  const [pdfDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Unduh Laporan realisasi program ${YEAR} sebagai PDF` }).click(),
  ]);
  const pdf = await keep(pdfDownload);
  expect(pdf.endsWith('.pdf')).toBe(true);
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain(FINISHED_EVENT);
  expect(text).toContain('APBD');
  await expect(page.getByText(`Berkas ${pdfDownload.suggestedFilename()} diunduh.`)).toBeVisible();
  firstPage(pdf, '15-realisasi-pdf');

  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Unduh Laporan pencapaian 20 JP ${YEAR} sebagai Excel` }).click(),
  ]);
  const xlsx = await keep(xlsxDownload);
  expect(xlsx.endsWith('.xlsx')).toBe(true);
  // An XLSX is a zip: it starts with PK.
  expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  await shot(page, '14-reports');
});

test('an employee\'s page: outside trainings beside the office\'s events, the JP total with them, and the riwayat printed', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  const dewi = (await call<{ items: { id: string; nip: string }[] }>(page, 'employees.list', { search: DEWI.nip })).items[0]!;
  await page.goto(`/#/pegawai/${dewi.id}`);
  await expect(page.getByRole('heading', { name: DEWI.name, level: 1 })).toBeVisible();
  const outside = page.getByRole('table', { name: `Pelatihan di luar kantor (${YEAR})` });
  const row = outside.getByRole('row').filter({ hasText: TITLE });
  await expect(row).toContainText('12');
  await expect(row).toContainText('Sudah diperiksa');
  await expect(page.getByText('Jumlah 12 JP dari target 20 JP')).toBeVisible();
  await expect(page.getByText('Dari kegiatan kantor 0 JP, dari pelatihan luar 12 JP.')).toBeVisible();
  await page.getByRole('heading', { name: `Pelatihan tahun ini (${YEAR})` }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await windowShot(page, '16-employee-trainings');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Cetak riwayat (PDF)' }).click()]);
  const pdf = await keep(download);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain(DEWI.name);
  expect(text).toContain(formatNip(DEWI.nip));
  // The title wraps in its column; its first words and the certificate number are on one line.
  expect(text).toMatch(/Pelatihan Pelayanan Publik\s.*SERT-ELN\/\d{4}\/00417/);
  firstPage(pdf, '17-riwayat-pdf');
});
