import fs from 'node:fs';
import path from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { call, expect, logIn, ROOT, screenshot, test } from './fixtures.ts';
import { dateInZone } from '../../shared/domain/dates.ts';

// Evaluation as the clerk does it, at 1024×768. A finished event whose last session was four
// months ago (so its supervisors' follow-ups are already due by the office clock): three paper
// reaction forms typed in from the keyboard (a digit off the scale refused on its item, a blank
// left), the summary per aspect and per speaker; pre/post scores typed down the columns (one
// out of range refused naming its row, then fixed) and the gain; follow-ups scheduled, the home
// page's reminder, one supervisor's form entered (an unanswered item named first) and its
// finding made into next year's need, seen in Program → Kebutuhan; an IKM score entered and the
// results beside the training. Preconditions (roster, event, attendance) go through the HTTP API.
test.describe.configure({ mode: 'serial' });

const ZONE = 'Asia/Jakarta';
const DOWNLOADS = path.join(ROOT, 'test-results', 'evaluation-downloads');
const day = (days: number) => dateInZone(new Date(Date.now() + days * 86_400_000), ZONE);
const TODAY = day(0);
const YEAR = Number(TODAY.slice(0, 4));
/** The sessions: about four months ago, so three months later is already past. */
const SESSION_DAYS = [day(-125), day(-124)];
const EVENT_YEAR = Number(SESSION_DAYS[1]!.slice(0, 4));
const EVENT = 'Bimbingan Teknis Pelayanan Administrasi Terpadu';
const SPEAKERS = ['Dr. Rudi Hartono, M.Si.', 'Sri Wahyuni, S.Sos.'];

interface Person { nip: string; name: string; unit: string }
const PEOPLE: Person[] = [
  { nip: '198203152008012011', name: 'Siti Rahmawati', unit: 'Plaju Ulu' },
  { nip: '197905212005011003', name: 'Budi Santoso', unit: 'Plaju Ulu' },
  { nip: '198611302010012005', name: 'Dewi Lestari', unit: 'Plaju Ulu' },
  { nip: '199001082015031002', name: 'Agus Pratama', unit: 'Plaju Darat' },
  { nip: '198409172009022004', name: 'Yuni Kartika', unit: 'Plaju Darat' },
];
/** Absent from both sessions: did not complete, gets no follow-up. */
const ABSENT = PEOPLE[4]!;
const PRE: Record<string, string> = { 'Siti Rahmawati': '60', 'Budi Santoso': '55,5', 'Dewi Lestari': '70', 'Agus Pratama': '48', 'Yuni Kartika': '50' };
const POST: Record<string, string> = { 'Siti Rahmawati': '85,5', 'Budi Santoso': '78', 'Dewi Lestari': '150', 'Agus Pratama': '66', 'Yuni Kartika': '72' };
const FINDING = 'Pelatihan lanjutan penyusunan laporan pelayanan berbasis aplikasi';

let eventId = '';

/** No sideways scrolling: the screen fits 1024 pixels. */
async function fitsWidth(page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, 'page scrolls sideways').toBeLessThanOrEqual(inner);
}

async function shot(page: Page, name: string): Promise<void> {
  await fitsWidth(page);
  await screenshot(page, `evaluation-${name}`);
}

/** A dialog as the clerk sees it: the window, not the whole page behind it. */
async function windowShot(page: Page, name: string): Promise<void> {
  await fitsWidth(page);
  fs.mkdirSync(path.join(ROOT, 'test-results', 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'screenshots', `evaluation-${name}.png`) });
}

async function keep(download: Download): Promise<string> {
  fs.mkdirSync(DOWNLOADS, { recursive: true });
  const file = path.join(DOWNLOADS, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

function part(page: Page, name: string): Locator {
  return page.getByRole('group', { name: 'Tingkat evaluasi' }).getByRole('button', { name });
}

/** The answer row of item `no` (its number on the screen). */
function item(page: Page, no: number): Locator {
  return page.getByRole('radiogroup', { name: new RegExp(`^${no}\\. `) });
}

/** Types one paper form: a digit per item (`.` leaves an item blank), then the open answers. */
async function typeForm(page: Page, digits: string, comments: string[] = []): Promise<void> {
  await item(page, 1).getByRole('radio').first().focus();
  for (const d of digits) await page.keyboard.press(d === '.' ? 'ArrowDown' : d);
  // After the last item the cursor is in the first open question.
  await expect(page.getByRole('textbox', { name: 'Kesan Anda terhadap pelatihan ini' })).toBeFocused();
  for (const [i, text] of comments.entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(text);
  }
}

test('a finished event: three paper reaction forms typed in by keyboard, one digit off the scale refused on its item, then the summary per aspect and per speaker', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  const csv = ['NIP,Nama,Golongan,Jabatan,Unit Kerja', ...PEOPLE.map((p) => `${p.nip},${p.name},III/a,Pengadministrasi Umum,${p.unit}`)].join('\n');
  const roster = await call<{ created: number; errors: unknown[] }>(page, 'roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(csv).toString('base64'), createUnits: false });
  expect(roster.errors).toEqual([]);
  const event = await call<{ id: string }>(page, 'events.create', {
    name: EVENT, methodId: 8, competencyType: 'teknis', organiser: 'kantor', place: 'Aula Kantor Camat Plaju', minPostTest: 70,
    speakers: SPEAKERS.map((name) => ({ name, institution: 'BKPSDM Kota Palembang', topic: 'Pelayanan administrasi terpadu' })),
  });
  eventId = event.id;
  const sessions = [];
  for (const [i, date] of SESSION_DAYS.entries()) {
    sessions.push(await call<{ id: string }>(page, 'sessions.create', { eventId, date, start: '08:00', end: '12:00', topic: `Materi ${i + 1}`, speaker: SPEAKERS[i] }));
  }
  const list = await call<{ items: { id: string }[] }>(page, 'employees.list', { limit: 100 });
  await call(page, 'enrolment.add', { eventId, employeeIds: list.items.map((e) => e.id) });
  const enrolments = await call<{ id: string; nip: string }[]>(page, 'enrolment.list', { eventId });
  for (const e of enrolments) {
    for (const s of sessions) await call(page, 'attendance.mark', { sessionId: s.id, enrolmentId: e.id, status: e.nip === ABSENT.nip ? 'alpa' : 'hadir' });
  }
  await call(page, 'events.setStatus', { id: eventId, status: 'selesai' });

  await page.goto(`/#/kegiatan/${eventId}`);
  await page.getByRole('navigation', { name: 'Bagian kegiatan' }).getByRole('link', { name: 'Evaluasi' }).click();
  await expect(page).toHaveURL(new RegExp(`#/kegiatan/${eventId}/evaluasi$`));
  await expect(part(page, 'Reaksi peserta')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: 'Kuesioner reaksi' })).toBeVisible();
  await expect(page.getByText(/skala 1–4 · 14 butir · 3 pertanyaan terbuka/)).toBeVisible();
  // The narasumber items are asked once per speaker: 4 + 4 × 2 + 3 + 3 = 18 rows.
  await expect(page.getByRole('radiogroup')).toHaveCount(18);
  await expect(item(page, 9)).toHaveAccessibleName(/Penguasaan materi — Sri Wahyuni/);

  // The printed form to hand out.
  const [form] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Cetak formulir' }).click()]);
  expect(form.suggestedFilename()).toMatch(/\.pdf$/);
  expect(fs.readFileSync(await keep(form)).subarray(0, 5).toString()).toBe('%PDF-');

  // Form 1: every item, two comments; Enter saves and the next form starts at item 1.
  await typeForm(page, '443444433333332443', ['Materinya sangat bermanfaat untuk tugas sehari-hari', 'Waktu praktik ditambah']);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Formulir ke-1 tersimpan. Silakan isi formulir berikutnya.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Isi formulir ke-2 dari kertas' })).toBeVisible();
  await expect(item(page, 1).getByRole('radio').first()).toBeFocused();
  await expect(page.getByText('0 dari 18 butir terjawab')).toBeVisible();

  // Form 2: a 5 on a scale of 1–4 is refused on its item and the cursor stays there; an item
  // left blank on paper stays blank.
  for (const d of '343344443332') await page.keyboard.press(d);
  await expect(item(page, 13).getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('5');
  await expect(item(page, 13)).toContainText('5 bukan pilihan: jawab 1 sampai 4.');
  await expect(item(page, 13)).toHaveAccessibleDescription(/5 bukan pilihan: jawab 1 sampai 4\./);
  await expect(item(page, 13).getByRole('radio').first()).toBeFocused();
  await windowShot(page, '01-reaction-entry-refused');
  for (const d of '23.334') await page.keyboard.press(d === '.' ? 'ArrowDown' : d);
  await expect(item(page, 13).getByRole('radio', { name: '2 Kurang' })).toBeChecked();
  await expect(item(page, 15).getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(page.getByText('17 dari 18 butir terjawab')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Kesan Anda terhadap pelatihan ini' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Formulir ke-2 tersimpan. Silakan isi formulir berikutnya.')).toBeVisible();

  // Form 3: the facilities rated low, and said why.
  await typeForm(page, '334444342223121323', ['', 'Ruangan panas dan proyektor sering mati']);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Formulir ke-3 tersimpan. Silakan isi formulir berikutnya.')).toBeVisible();

  const forms = page.getByRole('table', { name: 'Formulir reaksi yang sudah diisi' });
  await expect(forms.getByRole('row')).toHaveCount(4);
  await expect(forms.getByRole('row').nth(2)).toContainText('17');
  // Once forms are in, the questionnaire is fixed, and the screen says why.
  await expect(page.getByText(/tidak dapat diganti lagi karena sudah ada 3 formulir terisi/)).toBeVisible();

  // The summary: facilities weak, each speaker on their own.
  const aspects = page.getByRole('table', { name: 'Nilai per aspek' });
  const aspect = (name: string) => aspects.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  await expect(aspect('Fasilitas')).toContainText('37,5');
  await expect(aspect('Fasilitas')).toContainText('Perlu perhatian');
  await expect(aspect('Materi')).not.toContainText('Perlu perhatian');
  const speakers = page.getByRole('table', { name: 'Nilai per narasumber' });
  await expect(speakers.getByRole('row').filter({ hasText: SPEAKERS[0]! })).toContainText('94,4');
  await expect(speakers.getByRole('row').filter({ hasText: SPEAKERS[1]! })).toContainText('55,6');
  await expect(page.getByText('3 dari 5 peserta')).toBeVisible();
  const summary = page.getByRole('region', { name: 'Ringkasan reaksi peserta' });
  await expect(summary.getByRole('listitem').filter({ hasText: 'Ruangan panas dan proyektor sering mati' }).getByRole('button', { name: /^Jadikan kebutuhan: Ruangan panas/ })).toBeVisible();
  await page.getByRole('heading', { name: 'Ringkasan reaksi peserta' }).scrollIntoViewIfNeeded();
  await shot(page, '02-reaction-summary');
});

test('pre/post scores typed down the columns: one out of range refused naming its row, fixed, and the gain shown', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  await page.goto(`/#/kegiatan/${eventId}/evaluasi`);
  await part(page, 'Nilai pre/post-test').click();
  await expect(page.getByText('Nilai minimum post-test kegiatan ini: 70.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Nilai pre-test dan post-test peserta' });
  const pre = table.getByRole('textbox', { name: /^Pre-test / });
  const post = table.getByRole('textbox', { name: /^Post-test / });
  await expect(pre).toHaveCount(PEOPLE.length);
  const names = (await pre.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).map((l) => l.replace(/^Pre-test /, ''));

  // Pre-tests down the first column with Enter; from the last one Enter goes to the top of the
  // post-tests, which go down with Tab.
  await pre.first().click();
  for (const [i, name] of names.entries()) {
    await expect(pre.nth(i)).toBeFocused();
    await page.keyboard.type(PRE[name]!);
    await page.keyboard.press('Enter');
  }
  for (const [i, name] of names.entries()) {
    await expect(post.nth(i)).toBeFocused();
    await page.keyboard.type(POST[name]!);
    await page.keyboard.press('Tab');
  }
  const save = page.getByRole('button', { name: 'Simpan semua (5 berubah)' });
  await expect(save).toBeFocused();
  await page.keyboard.press('Enter');

  // 150 is refused, its row named and marked; nothing at all is saved.
  const wrong = names.indexOf('Dewi Lestari');
  await expect(page.getByRole('alert')).toContainText(`Baris ${wrong + 1} (Dewi Lestari), Post-test: Nilai harus antara 0 dan 100. Tidak ada nilai yang disimpan.`);
  await expect(table.getByRole('textbox', { name: 'Post-test Dewi Lestari' })).toBeFocused();
  await expect(table.getByRole('textbox', { name: 'Post-test Dewi Lestari' })).toHaveAttribute('aria-invalid', 'true');
  await shot(page, '03-scores-refused');
  expect((await call<{ stats: { scored: number } }>(page, 'scores.list', { eventId })).stats.scored).toBe(0);

  await page.keyboard.press('Control+a');
  await page.keyboard.type('88');
  await save.click();
  await expect(page.getByText('Nilai 5 peserta tersimpan.')).toBeVisible();
  const figures = page.getByLabel('Angka nilai');
  await expect(figures).toContainText('5 / 5');
  // Mean pre (60 + 55.5 + 70 + 48 + 50) / 5 = 56.7; post (85.5 + 78 + 88 + 66 + 72) / 5 = 77.9; gain 21.2.
  await expect(figures).toContainText('56,7');
  await expect(figures).toContainText('77,9');
  await expect(figures).toContainText('+21,2');
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  await expect(row('Siti Rahmawati')).toContainText('+25,5');
  await expect(row('Agus Pratama')).toContainText('Di bawah minimum');
  await expect(row('Dewi Lestari')).toContainText('Memenuhi minimum');
  await shot(page, '04-scores-saved');
});

test('follow-ups scheduled for the finished event; due by now, the home page reminds; the supervisor\'s form entered and its finding made a need for next year', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  await page.goto(`/#/kegiatan/${eventId}/evaluasi`);
  await part(page, 'Tindak lanjut atasan').click();
  await expect(page.getByText('Belum dijadwalkan. Tekan Jadwalkan untuk membuat tindak lanjut bagi peserta yang lulus.')).toBeVisible();
  await page.getByRole('button', { name: 'Jadwalkan' }).click();
  // Agus Pratama's post-test is under the event's minimum: he did not complete it, nor did the absent one.
  await expect(page.getByText('3 tindak lanjut dijadwalkan; 0 sudah ada sebelumnya.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Tindak lanjut atasan peserta kegiatan ini' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table).not.toContainText(ABSENT.name);
  await expect(table).not.toContainText('Agus Pratama');
  await expect(table.locator('.badge', { hasText: 'Jatuh tempo' })).toHaveCount(3);
  const [forms] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Cetak formulir atasan' }).click()]);
  expect(fs.readFileSync(await keep(forms)).subarray(0, 5).toString()).toBe('%PDF-');
  await shot(page, '05-followups-scheduled');

  // Beranda: the reminder, for every user.
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Beranda' }).click();
  const reminder = page.getByRole('region', { name: 'Evaluasi atasan jatuh tempo: 3' });
  await expect(reminder).toBeVisible();
  await expect(reminder).toContainText(`Siti Rahmawati — ${EVENT}`);
  await shot(page, '06-home-reminder');
  await reminder.getByRole('link', { name: 'Buka Evaluasi → Tindak lanjut' }).click();
  await expect(page).toHaveURL(/#\/evaluasi$/);
  await expect(page.getByRole('button', { name: 'Jatuh tempo (3)' })).toHaveAttribute('aria-pressed', 'true');

  // The supervisor's form from paper; an item left unanswered is named under it first.
  await page.getByRole('button', { name: 'Isi tindak lanjut Siti Rahmawati' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tindak lanjut atasan: Siti Rahmawati' });
  await expect(dialog.getByLabel('Nama atasan langsung')).toBeFocused();
  await dialog.getByLabel('Nama atasan langsung').fill('Hj. Nurhayati, S.H.');
  await dialog.getByLabel('NIP atasan').fill('19700101 199003 2 003');
  const answers = ['4 Sangat baik', '3 Baik', '3 Baik', '4 Sangat baik', '3 Baik'];
  const groups = dialog.getByRole('group');
  for (const [i, answer] of answers.entries()) await groups.nth(i).getByRole('radio', { name: answer }).check();
  await dialog.getByLabel('Temuan dan saran atasan').fill(`${FINDING}\nSudah lebih cepat menyelesaikan surat keterangan.`);
  await windowShot(page, '07-followup-form');
  await dialog.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
  await expect(dialog.getByText('Belum dinilai: Kebutuhan pelatihan lanjutan di bidang yang sama.')).toBeVisible();
  await groups.nth(5).getByRole('radio', { name: '4 Sangat perlu' }).check();
  await dialog.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
  await expect(page.getByText('Tindak lanjut Siti Rahmawati tersimpan.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Jatuh tempo (2)' })).toBeVisible();
  await page.getByRole('button', { name: 'Selesai (1)' }).click();
  const done = page.getByRole('table', { name: 'Tindak lanjut atasan: Selesai' });
  await expect(done).toContainText('oleh Hj. Nurhayati, S.H.');
  // The mean of the five behaviour items (the need item aside): (4 + 3 + 3 + 4 + 3) / 5.
  await expect(done).toContainText('3,40');

  // The finding becomes next year's need for her.
  await done.getByRole('button', { name: 'Jadikan kebutuhan dari temuan atasan Siti Rahmawati' }).click();
  const needDialog = page.getByRole('dialog', { name: 'Jadikan kebutuhan' });
  await expect(needDialog.getByLabel('Topik kebutuhan')).toHaveValue(FINDING);
  await expect(needDialog.getByLabel('Tahun program')).toHaveValue(String(YEAR + 1));
  await needDialog.getByLabel('Prioritas').selectOption({ label: 'Tinggi' });
  await windowShot(page, '08-need-from-finding');
  await needDialog.getByRole('button', { name: 'Tambahkan ke kebutuhan' }).click();
  await expect(page.getByText(`Kebutuhan “${FINDING}” ditambahkan ke program ${YEAR + 1}.`)).toBeVisible();
  await shot(page, '09-followup-done');
  await page.getByRole('link', { name: 'Buka Program → Kebutuhan' }).click();
  await page.getByLabel('Tahun').selectOption(String(YEAR + 1));
  const needs = page.getByRole('table', { name: `Kebutuhan pengembangan ${YEAR + 1}` });
  await expect(needs.getByRole('row').filter({ hasText: FINDING })).toContainText('Siti Rahmawati');
  await shot(page, '10-programme-need');
});

test('an IKM score entered (one out of range refused) and the results beside the training; the reaction compared across the year; the questionnaires', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  const units = await call<{ id: string; name: string }[]>(page, 'units.list', {});
  const ulu = units.find((u) => u.name === 'Plaju Ulu')!;
  // The unit's previous survey, to see a change.
  await call(page, 'ikm.save', { unitId: ulu.id, periodStart: `${EVENT_YEAR - 1}-07-01`, periodEnd: `${EVENT_YEAR - 1}-12-31`, kind: 'IKM', score: 78.1, respondents: 96 });

  await page.goto('/#/evaluasi/ikm');
  await page.getByLabel('Tahun').selectOption(String(EVENT_YEAR));
  await page.getByRole('button', { name: 'Tambah nilai' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah nilai IKM/SKM' });
  await dialog.getByLabel('Unit').selectOption({ label: 'Plaju Ulu' });
  await dialog.getByLabel('Awal periode').fill(`${EVENT_YEAR}-01-01`);
  await dialog.getByLabel('Akhir periode').fill(`${EVENT_YEAR}-12-31`);
  await dialog.getByLabel('Nilai (0–100)').fill('105');
  await dialog.getByLabel('Jumlah responden').fill('120');
  await dialog.getByRole('button', { name: 'Tambahkan' }).click();
  await expect(dialog.getByText('Nilai IKM/SKM harus antara 0 dan 100.')).toBeVisible();
  await dialog.getByLabel('Nilai (0–100)').fill('82,45');
  await dialog.getByRole('button', { name: 'Tambahkan' }).click();
  await expect(page.getByText('Nilai Plaju Ulu (82,45) ditambahkan.')).toBeVisible();

  const results = page.getByRole('table', { name: `Nilai IKM/SKM dan pelatihan per unit tahun ${EVENT_YEAR}` });
  const uluRow = results.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Plaju Ulu/ }) });
  await expect(uluRow).toContainText('82,45');
  await expect(uluRow).toContainText('+4,35');
  await expect(uluRow).toContainText('dari 78,1');
  // The three of Plaju Ulu who completed the event, with its JP.
  const scores = await call<{ jpTrained: number; peopleTrained: number; trainingsHeld: number; unit: string | null }[]>(page, 'evaluation.results', { year: EVENT_YEAR });
  const mine = scores.find((r) => r.unit === 'Plaju Ulu')!;
  expect(mine.peopleTrained).toBe(3);
  expect(mine.trainingsHeld).toBe(1);
  await expect(uluRow.getByRole('cell').nth(2)).toHaveText(String(mine.jpTrained).replace('.', ','));
  await expect(uluRow.getByRole('cell').nth(3)).toHaveText('3');
  await shot(page, '11-ikm-results');

  // The year's reaction: the event by aspect, the speakers ranked.
  await page.getByRole('navigation', { name: 'Bagian evaluasi' }).getByRole('link', { name: 'Reaksi peserta' }).click();
  const events = page.getByRole('table', { name: `Indeks reaksi per kegiatan tahun ${EVENT_YEAR}` });
  await expect(events.getByRole('row').filter({ hasText: EVENT })).toContainText('3 formulir');
  const speakers = page.getByRole('table', { name: `Indeks narasumber tahun ${EVENT_YEAR}` });
  await expect(speakers.getByRole('row').nth(1)).toContainText(SPEAKERS[0]!);
  await page.getByLabel('Urutkan').selectOption({ label: 'Indeks terendah' });
  await expect(speakers.getByRole('row').nth(1)).toContainText(SPEAKERS[1]!);
  await shot(page, '12-reaction-compare');
  await events.getByRole('link', { name: EVENT }).click();
  await expect(page).toHaveURL(new RegExp(`#/kegiatan/${eventId}/evaluasi$`));

  // The questionnaires: the built-in one read-only, copied into the office's own.
  await page.goto('/#/evaluasi/kuesioner');
  await page.getByRole('button', { name: /^Salin Evaluasi Penyelenggaraan/ }).click();
  const editor = page.getByRole('dialog', { name: 'Kuesioner baru' });
  await editor.getByLabel('Nama kuesioner').fill('Evaluasi Pelatihan Kecamatan Plaju');
  await editor.getByRole('button', { name: 'Tambah butir' }).click();
  await editor.getByLabel('Aspek butir 15').selectOption({ label: 'Penyelenggaraan' });
  await editor.getByLabel('Pernyataan butir 15').fill('Kemudahan akses lokasi pelatihan');
  await windowShot(page, '13-questionnaire-editor');
  await editor.getByRole('button', { name: 'Simpan kuesioner' }).click();
  await expect(page.getByText('Evaluasi Pelatihan Kecamatan Plaju ditambahkan.')).toBeVisible();
  const list = page.getByRole('table', { name: 'Kuesioner reaksi kantor' });
  await expect(list.getByRole('row').filter({ hasText: 'Evaluasi Pelatihan Kecamatan Plaju' })).toContainText('15');
  await shot(page, '14-questionnaires');
});
