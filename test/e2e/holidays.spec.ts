import type { Page } from '@playwright/test';
import { call, logIn, test, expect, screenshot } from './fixtures.ts';
import { dateInZone, formatDate } from '../../shared/domain/dates.ts';
import { dayOff, proposedHolidays, type Holiday } from '../../shared/domain/holidays.ts';

// Hari libur from both sides, at 1024×768: the admin confirms this year's proposed national
// holidays and edits the list; then a clerk (an operator) creates an event and adds sessions: on a
// Sunday and on a holiday the session form asks first (Batal saves nothing, "Ya, tetap
// jadwalkan" saves), on a working day it saves without asking; and the "Kegiatan … dibuat"
// message stays on the Sesi tab it belongs to.
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1024, height: 768 } });

const ZONE = 'Asia/Jakarta';
const CLERK = { username: 'dewi.operator', fullName: 'Dewi Lestari', password: 'operator-plaju-9' };
const EVENT = 'Sosialisasi Pelayanan Publik Kecamatan';
const TODAY = dateInZone(new Date(), ZONE);
const YEAR = Number(TODAY.slice(0, 4));
const PROPOSED = proposedHolidays(YEAR).days;

/** The office's calendar date `days` after today. */
function plusDays(days: number): string {
  const [y, m, d] = TODAY.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** The first date from tomorrow on that `fits`, with this year's confirmed list (the proposal) as the office's. */
function nextDate(fits: (date: string, list: readonly Holiday[]) => boolean): string {
  for (let i = 1; ; i++) {
    const date = plusDays(i);
    if (fits(date, date.startsWith(`${YEAR}-`) ? PROPOSED : [])) return date;
  }
}

const SUNDAY = nextDate((date, list) => dayOff(date, list)?.kind === 'weekend' && new Date(`${date}T00:00:00Z`).getUTCDay() === 0);
const WORKDAY = nextDate((date, list) => dayOff(date, list) === null);
const CHRISTMAS = PROPOSED.find((d) => d.date === `${YEAR}-12-25`)!;

async function addSession(page: Page, date: string, topic: string): Promise<void> {
  await page.getByRole('button', { name: 'Tambah sesi' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah sesi' });
  await dialog.getByLabel('Tanggal').fill(date);
  await dialog.getByLabel('Jam mulai').fill('08:00');
  await dialog.getByLabel('Jam selesai').fill('11:00');
  await dialog.getByLabel('Topik').fill(topic);
  await dialog.getByRole('button', { name: 'Simpan sesi' }).click();
}

test('the admin confirms this year’s proposed national holidays, then adds and removes a day of the office', async ({ page }) => {
  await logIn(page);
  await call(page, 'users.create', { username: CLERK.username, fullName: CLERK.fullName, role: 'operator', password: CLERK.password });

  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pengaturan' }).click();
  await page.getByRole('navigation', { name: 'Bagian pengaturan' }).getByRole('link', { name: 'Aturan pelatihan' }).click();
  await expect(page.getByRole('heading', { name: `Hari libur ${YEAR}`, level: 2 })).toBeVisible();
  await expect(page.getByLabel('Tahun', { exact: true })).toHaveValue(String(YEAR));
  // Not confirmed yet: the proposal, each day with its kind, and the button that makes it the office's.
  await expect(page.getByRole('heading', { name: `Usulan: libur nasional dan cuti bersama ${YEAR}` })).toBeVisible();
  const proposal = page.getByRole('table', { name: `Hari libur ${YEAR}` });
  await expect(proposal.getByRole('row')).toHaveCount(1 + PROPOSED.length);
  await expect(proposal.getByRole('row').filter({ hasText: CHRISTMAS.name }).filter({ hasText: 'Libur nasional' })).toHaveCount(1);
  await expect(proposal.getByRole('button')).toHaveCount(0);
  await screenshot(page, 'holidays-01-proposal');

  await page.getByRole('button', { name: 'Pakai daftar ini' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Daftar hari libur ${YEAR} dipakai.` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pakai daftar ini' })).toHaveCount(0);
  const list = page.getByRole('table', { name: `Hari libur ${YEAR}` });
  await expect(list.getByRole('row')).toHaveCount(1 + PROPOSED.length);
  const saved = await call<{ confirmed: boolean; days: Holiday[] }>(page, 'holidays.get', { year: YEAR });
  expect(saved).toMatchObject({ confirmed: true, days: PROPOSED });

  // An office day added (Palembang's anniversary), then one typed by mistake added and removed.
  const add = page.getByRole('form', { name: 'Tambah hari libur' });
  await add.getByLabel('Tanggal').fill(`${YEAR}-06-17`);
  await add.getByLabel('Nama hari libur').fill('HUT Kota Palembang');
  await expect(add.getByLabel('Jenis')).toHaveValue('kantor');
  await add.getByRole('button', { name: 'Tambah hari libur' }).click();
  await expect(page.getByRole('status').filter({ hasText: `17 Juni ${YEAR}: HUT Kota Palembang ditambahkan.` })).toBeVisible();
  await expect(add.getByLabel('Tanggal')).toBeFocused();
  await expect(list.getByRole('row').filter({ hasText: 'HUT Kota Palembang' })).toContainText('Libur kantor');
  await add.getByLabel('Tanggal').fill(`${YEAR}-06-18`);
  await add.getByLabel('Nama hari libur').fill('Salah ketik');
  await add.getByRole('button', { name: 'Tambah hari libur' }).click();
  await expect(list.getByRole('row')).toHaveCount(1 + PROPOSED.length + 2);
  // The same date twice is refused under the date.
  await add.getByLabel('Tanggal').fill(`${YEAR}-06-17`);
  await add.getByLabel('Nama hari libur').fill('Lagi');
  await add.getByRole('button', { name: 'Tambah hari libur' }).click();
  await expect(add.getByText(`Tanggal ${YEAR}-06-17 sudah ada di daftar hari libur.`)).toBeVisible();
  await expect(add.getByLabel('Tanggal')).toHaveAttribute('aria-invalid', 'true');
  await list.getByRole('button', { name: `Hapus Salah ketik, 18 Juni ${YEAR}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `18 Juni ${YEAR}: Salah ketik dihapus dari daftar.` })).toBeVisible();
  await expect(list.getByRole('row')).toHaveCount(1 + PROPOSED.length + 1);
  await page.getByRole('heading', { name: 'Tambah hari libur' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'holidays-02-office-list');

  // Every change is in the audit log.
  await page.getByRole('navigation', { name: 'Bagian pengaturan' }).getByRole('link', { name: 'Log audit' }).click();
  const audit = page.getByRole('table', { name: 'Log audit' });
  await expect(audit.getByRole('row').filter({ hasText: 'Daftar hari libur ditetapkan' })).toHaveCount(1);
  await expect(audit.getByRole('row').filter({ hasText: 'Hari libur diubah' })).toHaveCount(3);
  await expect(audit.getByRole('row').filter({ hasText: 'Hari libur diubah' }).first()).toContainText('Salah ketik, Libur kantor');
  await screenshot(page, 'holidays-03-audit');
});

test('a clerk’s session on a Sunday or a holiday asks first; Batal saves nothing; a working day saves at once; the event-created message stays on Sesi', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Masuk', level: 1 })).toBeVisible();
  await page.getByLabel('Nama pengguna').fill(CLERK.username);
  await page.getByLabel('Kata sandi').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Selamat datang, ${CLERK.fullName}` })).toBeVisible();

  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Kegiatan' }).click();
  await page.getByRole('button', { name: 'Kegiatan baru' }).click();
  const create = page.getByRole('dialog', { name: 'Kegiatan baru' });
  await create.getByLabel('Nama kegiatan').fill(EVENT);
  await create.getByRole('button', { name: 'Buat kegiatan' }).click();
  await expect(page.getByRole('heading', { name: EVENT, level: 1 })).toBeVisible();
  const created = page.getByText(`Kegiatan "${EVENT}" dibuat. Tambahkan sesinya.`);
  await expect(created).toBeVisible();
  const eventId = /#\/kegiatan\/([0-9a-f-]+)\/sesi/.exec(page.url())![1]!;
  const sessions = async () => (await call<{ sessions: { date: string }[] }>(page, 'events.get', { id: eventId })).sessions.map((s) => s.date);

  // A Sunday: the question, in the form's own words; Batal goes back to the form with nothing saved.
  await addSession(page, SUNDAY, 'Pembukaan');
  const question = page.getByRole('dialog', { name: 'Jadwalkan pada hari libur?' });
  await expect(question).toContainText(`${formatDate(SUNDAY)} adalah hari Minggu. Tetap jadwalkan?`);
  await expect(question.getByRole('button', { name: 'Ya, tetap jadwalkan' })).toBeFocused();
  await screenshot(page, 'holidays-04-ask-sunday');
  await question.getByRole('button', { name: 'Batal' }).click();
  await expect(question).toBeHidden();
  const form = page.getByRole('dialog', { name: 'Tambah sesi' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Tanggal')).toBeFocused();
  expect(await sessions()).toEqual([]);

  // Asked again, and confirmed: saved.
  await form.getByRole('button', { name: 'Simpan sesi' }).click();
  await question.getByRole('button', { name: 'Ya, tetap jadwalkan' }).click();
  await expect(question).toBeHidden();
  await expect(form).toBeHidden();
  await expect(page.getByText(/^Sesi .* ditambahkan\.$/)).toBeVisible();
  expect(await sessions()).toEqual([SUNDAY]);

  // A day in the office's list: named, with its kind.
  await addSession(page, CHRISTMAS.date, 'Sesi tambahan');
  await expect(question).toContainText(`${formatDate(CHRISTMAS.date)} adalah ${CHRISTMAS.name} (libur nasional). Tetap jadwalkan?`);
  await expect(question).toContainText('Daftar hari libur kantor diatur admin di Pengaturan → Aturan pelatihan.');
  await screenshot(page, 'holidays-05-ask-holiday');
  await question.getByRole('button', { name: 'Ya, tetap jadwalkan' }).click();
  await expect(form).toBeHidden();

  // A working day: saved without a question.
  await addSession(page, WORKDAY, 'Materi inti');
  await expect(form).toBeHidden();
  await expect(question).toHaveCount(0);
  expect((await sessions()).sort()).toEqual([SUNDAY, CHRISTMAS.date, WORKDAY].sort());
  await expect(page.getByRole('table', { name: 'Sesi' }).getByRole('row')).toHaveCount(1 + 3 + 1);

  // The event-created message belongs to the Sesi tab right after creation: it does not follow
  // the clerk to Peserta, nor come back with Sesi.
  await expect(created).toBeVisible();
  const tabs = page.getByRole('navigation', { name: 'Bagian kegiatan' });
  await tabs.getByRole('link', { name: 'Peserta' }).click();
  await expect(page.getByText('Belum ada peserta.')).toBeVisible();
  await expect(created).toHaveCount(0);
  await tabs.getByRole('link', { name: 'Sesi' }).click();
  await expect(page.getByRole('table', { name: 'Sesi' })).toBeVisible();
  await expect(created).toHaveCount(0);
});
