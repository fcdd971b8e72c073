import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { call, logIn, test, expect, screenshot, ROOT } from './fixtures.ts';
import { dateInZone } from '../../shared/domain/dates.ts';

// An event as it really goes, from the clerk's side (issue #9): four sessions, the paper sheet of
// the first typed in; the recap says "Belum selesai" for everyone and the event page says
// "Berlangsung"; an event whose last session is behind it offers "Tandai selesai". The server runs
// on the real clock, so the sessions are dated around today. Preconditions (roster, events,
// sessions, enrolment) go through the HTTP API the app uses; the rest by labels and keys, at
// 1024×768, the smallest screen the office has.
test.describe.configure({ mode: 'serial' });

const ZONE = 'Asia/Jakarta';
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const DOWNLOADS = path.join(ROOT, 'test-results', 'trainings-downloads');

interface Person { nip: string; name: string }
const PEOPLE: Person[] = [
  { nip: '198203152008012011', name: 'Siti Rahmawati' },
  { nip: '197905212005011003', name: 'Budi Santoso' },
  { nip: '198611302010012005', name: 'Dewi Lestari' },
  { nip: '199001082015031002', name: 'Rudi Hartono' },
  { nip: '198409172009022004', name: 'Yuni Kartika' },
];

/** The office's calendar date `days` from today, and how the app writes it ("Jumat, 4 Desember 2026"). */
function day(days: number): { iso: string; long: string; plain: string } {
  const iso = dateInZone(new Date(Date.now() + days * 86_400_000), ZONE);
  const [y, m, d] = iso.split('-').map(Number);
  const at = new Date(Date.UTC(y!, m! - 1, d!));
  return {
    iso,
    long: new Intl.DateTimeFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at),
    plain: new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at),
  };
}
const YEAR = Number(dateInZone(new Date(), ZONE).slice(0, 4));

function figure(page: Page, group: string, term: string): Locator {
  return page.getByLabel(group).locator('div', { has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) }).getByRole('definition');
}

/** An event with four 08:00–12:00 sessions (5 JP each) on the given days, everyone enrolled. */
async function eventWithSessions(page: Page, name: string, days: number[]): Promise<{ id: string; sessionIds: string[] }> {
  const event = await call<{ id: string }>(page, 'events.create', { name, methodId: 8, competencyType: 'teknis', organiser: 'kantor', place: 'Aula Kantor Camat Plaju', minAttendancePct: 75 });
  const sessionIds: string[] = [];
  for (const [k, d] of days.entries()) {
    sessionIds.push((await call<{ id: string }>(page, 'sessions.create', { eventId: event.id, date: day(d).iso, start: '08:00', end: '12:00', topic: `Materi ${k + 1}` })).id);
  }
  const roster = await call<{ items: { id: string; nip: string }[] }>(page, 'employees.list', { limit: 100 });
  await call(page, 'enrolment.add', { eventId: event.id, employeeIds: roster.items.filter((e) => PEOPLE.some((p) => p.nip === e.nip)).map((e) => e.id) });
  return { id: event.id, sessionIds };
}

/** The paper sheet of a session typed in on its screen, one key per row ("h", "i", "a"…). */
async function typePaperSheet(page: Page, eventId: string, n: number, keyOf: (name: string) => string): Promise<void> {
  await page.goto(`/#/kegiatan/${eventId}/kehadiran`);
  await page.getByRole('link', { name: `Isi dari kertas sesi ${n}` }).click();
  await expect(page.getByRole('heading', { name: `Isi dari kertas: sesi ${n}`, level: 1 })).toBeVisible();
  const selects = page.getByRole('combobox', { name: /^Status / });
  await expect(selects).toHaveCount(PEOPLE.length);
  const names = (await selects.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).map((l) => l.replace(/^Status /, ''));
  await selects.first().focus();
  for (const name of names) await page.keyboard.press(keyOf(name));
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText(`Tersimpan: ${PEOPLE.length} baru, 0 diubah, 0 tetap.`)).toBeVisible();
}

let underWay = '';
let allHeld = '';

test('an event with three of four sessions still to come: the recap says "Belum selesai" for everyone, the page "Berlangsung"', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  const csv = ['NIP,Nama,Golongan,Jabatan', ...PEOPLE.map((p) => `${p.nip},${p.name},III/a,Pengadministrasi Umum`)].join('\n');
  await call(page, 'roster.apply', { fileName: 'pegawai.csv', dataBase64: Buffer.from(csv).toString('base64'), createUnits: false });
  // Yesterday's session is over; the other three are still ahead.
  const event = await eventWithSessions(page, 'Bimbingan Teknis Tata Kearsipan', [-1, 1, 2, 3]);
  underWay = event.id;

  // Before any mark the list already shows it under way: its first session has started.
  await page.goto('/#/kegiatan');
  const listRow = page.getByRole('table', { name: 'Daftar kegiatan' }).getByRole('row').filter({ hasText: 'Bimbingan Teknis Tata Kearsipan' });
  await expect(listRow).toContainText('Berlangsung');

  // The signed sheet of session 1: three present, one excused, one absent.
  await typePaperSheet(page, underWay, 1, (name) => ({ 'Yuni Kartika': 'i', 'Rudi Hartono': 'a' } as Record<string, string>)[name] ?? 'h');

  await page.goto(`/#/kegiatan/${underWay}/rekap`);
  await expect(page.getByRole('heading', { name: 'Bimbingan Teknis Tata Kearsipan', level: 1 })).toBeVisible();
  const intro = page.locator('.page-intro');
  await expect(intro.locator('.badge')).toHaveText('Berlangsung');
  await expect(intro).toContainText('1 dari 4 sesi sudah berlangsung');
  await expect(page.getByRole('button', { name: 'Tandai selesai' })).toHaveCount(0);

  await expect(page.getByText(`Kegiatan belum selesai: 1 dari 4 sesi sudah berlangsung. Kelulusan ditetapkan setelah sesi terakhir (${day(3).long})`, { exact: false })).toBeVisible();
  await expect(figure(page, 'Jumlah peserta', 'Belum selesai')).toHaveText('5');
  await expect(figure(page, 'Jumlah peserta', 'Lulus')).toHaveText('0');
  await expect(figure(page, 'Jumlah peserta', 'Tidak memenuhi syarat')).toHaveText('0');
  const grid = page.getByRole('table', { name: 'Rekap kehadiran peserta per sesi' });
  const row = (name: string) => grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  for (const p of PEOPLE) await expect(row(p.name)).toContainText('Belum selesai');
  await expect(grid).not.toContainText('Tidak memenuhi syarat');
  await expect(row('Siti Rahmawati')).toContainText('100%dari 1 sesi');
  await expect(row('Yuni Kartika')).toContainText('0%dari 1 sesi');
  expect(await row('Siti Rahmawati').locator('td.recap-code').allTextContents()).toEqual(['H', '·', '·', '·']);
  await expect(grid.locator('tfoot')).toContainText('3–––');
  await screenshot(page, 'trainings-progress-01-recap-mid-event');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, 'trainings-progress-02-event-header.png') });

  // The PDF says the same, and its pages are kept to look at.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh PDF' }).click()]);
  fs.mkdirSync(DOWNLOADS, { recursive: true });
  const pdf = path.join(DOWNLOADS, `progress-${download.suggestedFilename()}`);
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Kegiatan belum selesai: 1 dari 4 sesi sudah berlangsung.');
  expect(text.match(/Belum selesai/g)).toHaveLength(5);
  expect(text).not.toMatch(/TMS|Lulus\b/);
  expect(text).toContain(`S2: ${day(1).plain}, 08.00–12.00 WIB, Materi 2 (5 JP, belum berlangsung)`);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(SHOTS, 'trainings-progress-03-recap-pdf-mid-event')]);

  // The employee's year: nothing credited until the event is finished and passed; 5 JP attended
  // and three sessions (15 JP) still to come are planned.
  await page.goto('/#/pegawai');
  await page.getByLabel('Cari pegawai').fill('Siti Rahmawati');
  await page.getByRole('table', { name: 'Daftar pegawai' }).getByRole('row', { name: /Siti Rahmawati/ }).click();
  const section = page.getByRole('region', { name: `Pelatihan tahun ini (${YEAR})` });
  const training = section.getByRole('row').filter({ hasText: 'Bimbingan Teknis Tata Kearsipan' });
  await expect(training).toContainText('Belum selesai');
  await expect(training).toContainText(`3 sesi lagi (15 JP), berikutnya ${day(1).long}`);
  await expect(section.getByText('Jumlah 0 JP dari target 20 JP')).toBeVisible();
  await expect(section.getByText('JP kegiatan dihitung setelah kegiatan selesai dan peserta lulus; 20 JP dari kegiatan yang masih berjalan (yang sudah dihadiri dan yang akan datang) belum termasuk.')).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'trainings-progress-04-employee-year');
});

test('after its last session an event offers "Tandai selesai"; marked done, completion is decided', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  // Four sessions, the last one yesterday.
  const event = await eventWithSessions(page, 'Pelatihan Pelayanan Prima', [-4, -3, -2, -1]);
  allHeld = event.id;
  for (const n of [1, 2, 3, 4]) await typePaperSheet(page, allHeld, n, (name) => (name === 'Rudi Hartono' && n > 2 ? 'a' : 'h'));

  await page.goto('/#/kegiatan');
  const listRow = page.getByRole('table', { name: 'Daftar kegiatan' }).getByRole('row').filter({ hasText: 'Pelatihan Pelayanan Prima' });
  await expect(listRow).toContainText('Berlangsung');
  await expect(listRow).toContainText('perlu ditandai selesai');
  await screenshot(page, 'trainings-progress-05-list');

  await listRow.getByRole('link', { name: 'Pelatihan Pelayanan Prima' }).click();
  await expect(page.getByRole('heading', { name: 'Pelatihan Pelayanan Prima', level: 1 })).toBeVisible();
  await expect(page.locator('.page-intro .badge')).toHaveText('Berlangsung');
  const offer = page.getByRole('region', { name: 'Semua sesi sudah berlangsung.' });
  await expect(offer).toContainText(`Sesi terakhir (${day(-1).long}) sudah berakhir.`);
  const finish = offer.getByRole('button', { name: 'Tandai selesai' });
  await expect(finish).toBeVisible();
  await screenshot(page, 'trainings-progress-06-finish-offered');

  // Offered on every tab; the recap is already decided by the clock.
  await page.getByRole('navigation', { name: 'Bagian kegiatan' }).getByRole('link', { name: 'Rekap' }).click();
  await expect(finish).toBeVisible();
  await expect(figure(page, 'Jumlah peserta', 'Lulus')).toHaveText('4');
  await expect(figure(page, 'Jumlah peserta', 'Tidak memenuhi syarat')).toHaveText('1');
  await finish.click();
  await expect(page.getByText('Kegiatan ditandai selesai. Kelulusan peserta sudah ditetapkan di Rekap.')).toBeVisible();
  await expect(page.locator('.page-intro .badge')).toHaveText('Selesai');
  await expect(finish).toHaveCount(0);
  const grid = page.getByRole('table', { name: 'Rekap kehadiran peserta per sesi' });
  await expect(grid.getByRole('row').filter({ hasText: 'Rudi Hartono' })).toContainText('Tidak memenuhi syarat');
  await expect(grid.getByRole('row').filter({ hasText: 'Siti Rahmawati' })).toContainText('Lulus');
  await screenshot(page, 'trainings-progress-07-finished');

  // It stays Selesai: read again, and in the list.
  await page.reload();
  await expect(page.locator('.page-intro .badge')).toHaveText('Selesai');
  await expect(page.getByRole('button', { name: 'Tandai selesai' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Bagian kegiatan' }).getByRole('link', { name: 'Data kegiatan' }).click();
  await expect(page.getByLabel('Status baru')).toHaveValue('selesai');
  // The event still under way is not offered it: its last session is ahead.
  await page.goto(`/#/kegiatan/${underWay}`);
  await expect(page.locator('.page-intro .badge')).toHaveText('Berlangsung');
  await expect(page.getByRole('button', { name: 'Tandai selesai' })).toHaveCount(0);
});
