import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page, Route } from '@playwright/test';
import { call, logIn, test, expect, screenshot, ROOT } from './fixtures.ts';
import { dateInZone } from '../../shared/domain/dates.ts';

// The door screen from the clerk's side, on a session that opens in half an hour (so the door
// opens without asking): marks given by the row's shortcut keys through the mark dialog, the
// counters with Alpa on its own, and a participant list that could not be loaded, then is.
// Only the preconditions (office, roster, event, session, enrolment) go through the HTTP API.
test.describe.configure({ mode: 'serial' });

const ZONE = 'Asia/Jakarta';
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const NAMES = ['Ayu Lestari', 'Bagus Pranoto', 'Citra Maharani', 'Dedi Kurniawan', 'Erna Wulandari', 'Fikri Ramadhan', 'Gita Anggraini', 'Hadi Susanto'];
const PEOPLE = NAMES.map((name, i) => ({
  name,
  nip: `${1975 + i}${pad(1 + i, 2)}${pad(10 + i, 2)}${2001 + i}${pad(3 + i, 2)}${1 + (i % 2)}${pad(i + 1, 3)}`,
}));
const [AYU, BAGUS, CITRA, DEDI, ERNA, FIKRI] = PEOPLE as [typeof PEOPLE[number], typeof PEOPLE[number], typeof PEOPLE[number], typeof PEOPLE[number], typeof PEOPLE[number], typeof PEOPLE[number]];
const SHOTS = { width: 1024, height: 768 };

let doorUrl = '';

/** What the window shows (not the whole page): test-results/screenshots/<name>.png. */
async function windowShot(page: Page, name: string): Promise<void> {
  const dir = path.join(ROOT, 'test-results', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
let sessionId = '';

/** The figure under one term of the door's counters ("Alpa"). */
function counter(page: Page, term: string): Locator {
  return page.getByLabel('Hitungan kehadiran').locator('div', { has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) }).getByRole('definition');
}

/** The counters in one sentence, for screen readers. */
function summary(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /^Hadir \d+, terlambat/ });
}

function people(page: Page): Locator {
  return page.getByRole('table', { name: 'Daftar peserta' });
}

test('set-up: eight people enrolled in a session that starts in half an hour', async ({ page }) => {
  await logIn(page);
  const csv = ['NIP,Nama,Golongan,Jabatan,Unit Kerja', ...PEOPLE.map((p) => `${p.nip},${p.name},III/a,Pengadministrasi Umum,Plaju Ulu`)].join('\n');
  const roster = await call<{ created: number; errors: unknown[] }>(page, 'roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(`${csv}\n`).toString('base64'), createUnits: false });
  expect(roster.errors).toEqual([]);
  expect(roster.created).toBe(PEOPLE.length);

  const zoneTime = (at: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const startAt = new Date(Date.now() + 30 * 60_000);
  const endAt = new Date(startAt.getTime() + 150 * 60_000);
  const event = await call<{ id: string }>(page, 'events.create', { name: 'Sosialisasi Tata Naskah Dinas Elektronik', methodId: 7, competencyType: 'teknis', organiser: 'kantor' });
  const session = await call<{ id: string }>(page, 'sessions.create', {
    eventId: event.id, date: dateInZone(startAt, ZONE), start: zoneTime(startAt), end: zoneTime(endAt), overnight: zoneTime(endAt) < zoneTime(startAt), topic: 'Naskah dinas di SRIKANDI',
  });
  const employees = (await call<{ items: { id: string; nip: string }[] }>(page, 'employees.list', { limit: 100 })).items;
  await call(page, 'enrolment.add', { eventId: event.id, employeeIds: employees.map((e) => e.id) });
  sessionId = session.id;
  doorUrl = `/#/kegiatan/${event.id}/sesi/${session.id}/hadir`;
});

test('a row’s shortcut opens the mark dialog on its button: Enter gives Alpa, shown on its own; a note is typed only after a click', async ({ page }) => {
  await logIn(page);
  await page.setViewportSize(SHOTS);
  await page.goto(doorUrl);
  const input = page.getByLabel('Ketik atau pindai NIP');
  await expect(input).toBeFocused();
  await expect(counter(page, 'Peserta')).toHaveText('8');
  for (const p of [AYU, BAGUS, CITRA]) {
    await page.keyboard.type(p.nip, { delay: 5 });
    await page.keyboard.press('Enter');
  }
  await expect(counter(page, 'Hadir')).toHaveText('3');

  // A: the dialog opens with the button to save focused, the note empty and not focused.
  const list = people(page);
  await list.getByRole('row', { name: `${DEDI.name}, Belum tercatat` }).focus();
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: `Tandai kehadiran ${DEDI.name}` });
  await expect(dialog.getByLabel('Status')).toHaveValue('alpa');
  const note = dialog.getByLabel(/^Keterangan/);
  await expect(note).toHaveValue('');
  await expect(note).not.toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Simpan: Alpa' })).toBeFocused();
  // The next quick key lands nowhere: not in the note, not in the status.
  await page.keyboard.press('s');
  await expect(note).toHaveValue('');
  await expect(dialog.getByLabel('Status')).toHaveValue('alpa');
  await windowShot(page, 'door-02-mark-dialog-alpa');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('row', { name: `${DEDI.name}, Alpa` })).toContainText('A · Alpa');
  await expect(counter(page, 'Alpa')).toHaveText('1');
  await expect(counter(page, 'Izin dll.')).toHaveText('0');
  await expect(counter(page, 'Belum')).toHaveText('4');
  await expect(summary(page)).toHaveText('Hadir 3, terlambat 0, izin dll. 0, alpa 1, belum 4 dari 8 peserta.');
  // Back on the row, ready for the next one.
  await expect(list.locator('tbody tr:focus')).toHaveAttribute('aria-label', `${DEDI.name}, Alpa`);
  // Enter on a marked row opens its mark as it is; the same Enter does not save it, Escape cancels.
  await page.keyboard.press('Enter');
  const again = page.getByRole('dialog', { name: `Tandai kehadiran ${DEDI.name}` });
  await expect(again.getByRole('button', { name: 'Simpan: Alpa' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(again).toBeHidden();
  await expect(list.locator('tbody tr:focus')).toHaveAttribute('aria-label', `${DEDI.name}, Alpa`);

  // I on the next row: the note is typed after a click in it, and Enter there saves.
  await page.keyboard.press('ArrowDown');
  await expect(list.locator('tbody tr:focus')).toHaveAttribute('aria-label', `${ERNA.name}, Belum tercatat`);
  await page.keyboard.press('i');
  const izin = page.getByRole('dialog', { name: `Tandai kehadiran ${ERNA.name}` });
  await expect(izin.getByRole('button', { name: 'Simpan: Izin' })).toBeFocused();
  await izin.getByLabel(/^Keterangan/).click();
  await page.keyboard.type('Surat izin 12/IX: mengantar orang tua berobat');
  await page.keyboard.press('Enter');
  await expect(izin).toBeHidden();
  await expect(list.getByRole('row', { name: `${ERNA.name}, Izin` })).toContainText('Surat izin 12/IX: mengantar orang tua berobat');
  await expect(counter(page, 'Izin dll.')).toHaveText('1');
  await expect(counter(page, 'Alpa')).toHaveText('1');
  await expect(summary(page)).toHaveText('Hadir 3, terlambat 0, izin dll. 1, alpa 1, belum 3 dari 8 peserta.');
  await expect(list.locator('tbody tr:focus')).toHaveAttribute('aria-label', `${ERNA.name}, Izin`);

  // A note too long is refused under its field (the form framework); Escape then cancels.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('s');
  const sakit = page.getByRole('dialog', { name: `Tandai kehadiran ${FIKRI.name}` });
  await sakit.getByLabel(/^Keterangan/).fill('x'.repeat(301));
  await sakit.getByLabel(/^Keterangan/).press('Enter');
  await expect(sakit.getByText('Terlalu panjang.')).toBeVisible();
  await expect(sakit.getByLabel(/^Keterangan/)).toHaveAttribute('aria-invalid', 'true');
  await windowShot(page, 'door-03-mark-dialog-error');
  await page.keyboard.press('Escape');
  await expect(sakit).toBeHidden();
  await expect(list.getByRole('row', { name: `${FIKRI.name}, Belum tercatat` })).toBeVisible();
  await expect(list.locator('tbody tr:focus')).toHaveAttribute('aria-label', `${FIKRI.name}, Belum tercatat`);
  await screenshot(page, 'door-01-counters');
  // The first screen the clerk sees: the box, the latest scan and the counters.
  await page.evaluate(() => window.scrollTo(0, 0));
  await windowShot(page, 'door-01b-counters-first-screen');

  const rows = (await call<{ rows: { name: string; mark: { status: string; note: string; source: string } | null }[] }>(page, 'attendance.sheet', { sessionId })).rows;
  expect(rows.find((r) => r.name === DEDI.name)!.mark).toMatchObject({ status: 'alpa', note: '', source: 'manual' });
  expect(rows.find((r) => r.name === ERNA.name)!.mark).toMatchObject({ status: 'izin', note: 'Surat izin 12/IX: mengantar orang tua berobat' });
  expect(rows.find((r) => r.name === FIKRI.name)!.mark).toBeNull();
});

test('a participant list that cannot be loaded says why, with a retry that works once the server answers again', async ({ page }) => {
  await logIn(page);
  await page.setViewportSize(SHOTS);
  // The server unreachable, as when it has stopped: only the sheet, so the event itself loads.
  let refused = 0;
  await page.route('**/api/attendance.sheet', (route) => { refused++; return route.abort('connectionrefused'); });
  await page.goto(doorUrl);
  const problem = page.getByRole('alert').filter({ hasText: 'Daftar peserta tidak dapat dimuat.' });
  await expect(problem).toContainText('Daftar peserta tidak dapat dimuat.');
  await expect(problem).not.toContainText('errors.');
  await expect(counter(page, 'Peserta')).toHaveText('—');
  await expect(people(page)).toHaveCount(0);
  // The door itself still takes scans.
  await expect(page.getByLabel('Ketik atau pindai NIP')).toBeFocused();
  await screenshot(page, 'door-04-sheet-failed');
  // Still unreachable: the retry fails the same way.
  expect(refused).toBe(1);
  await problem.getByRole('button', { name: 'Coba lagi' }).click();
  await expect.poll(() => refused).toBe(2);
  await expect(problem.getByRole('button', { name: 'Coba lagi' })).toBeVisible();
  await expect(people(page)).toHaveCount(0);

  await page.unroute('**/api/attendance.sheet');
  await problem.getByRole('button', { name: 'Coba lagi' }).click();
  await expect(problem).toHaveCount(0);
  await expect(people(page).getByRole('row')).toHaveCount(9);
  await expect(counter(page, 'Peserta')).toHaveText('8');
  await expect(counter(page, 'Alpa')).toHaveText('1');
  await expect(summary(page)).toHaveText('Hadir 3, terlambat 0, izin dll. 1, alpa 1, belum 3 dari 8 peserta.');
});

test('scans answered every time the list was on its way: after five tries the door says so instead of giving up silently', async ({ page }) => {
  await logIn(page);
  // Each request for the sheet is held until a scan has been answered meanwhile.
  const held: Route[] = [];
  await page.route('**/api/attendance.sheet', (route) => { held.push(route); });
  await page.goto(doorUrl);
  await expect(page.getByLabel('Ketik atau pindai NIP')).toBeFocused();
  const latest = page.getByRole('region', { name: 'Hasil pindaian terakhir' });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await expect.poll(() => held.length).toBe(attempt);
    const p = attempt % 2 ? AYU : BAGUS;
    await page.keyboard.type(p.nip, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect(latest).toContainText(p.name);
    await expect(latest).toContainText('Sudah tercatat: Hadir');
    await held[attempt - 1]!.continue();
  }
  const problem = page.getByRole('alert').filter({ hasText: 'Daftar peserta tidak dapat dimuat.' });
  await expect(problem).toContainText('Pindaian terus masuk selama daftar dimuat');
  expect(held).toHaveLength(5);
  await page.unroute('**/api/attendance.sheet');
  await problem.getByRole('button', { name: 'Coba lagi' }).click();
  await expect(problem).toHaveCount(0);
  await expect(counter(page, 'Hadir')).toHaveText('3');
  await expect(people(page).getByRole('row')).toHaveCount(9);
});
