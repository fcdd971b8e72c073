import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ADMIN, ROOT, call, logIn, test, expect, screenshot } from './fixtures.ts';
import { dateInZone } from '../../shared/domain/dates.ts';

// Every main screen on the small screens the offices have (1024×768 and 1366×768), with the
// long names, titles, jabatan and unit names real rosters hold: the name columns stay readable,
// nothing is wider than the window, and a full-page screenshot of each screen at 1024×768 is
// kept for people to look at (test-results/screenshots/layout-1024-*.png; 1366 ones too).
// The data goes in through the HTTP API the app uses; the screens are opened like a clerk would.
// One test per screen and size (a failure names its screen and does not hide the others); the
// data is made once per server, by whichever test comes first.

const ZONE = 'Asia/Jakarta';
const today = dateInZone(new Date(), ZONE);
const tomorrow = dateInZone(new Date(Date.now() + 86_400_000), ZONE);
const YEAR = Number(today.slice(0, 4));

const LONG_UNIT = 'Seksi Kesejahteraan Sosial dan Pemberdayaan Masyarakat Kelurahan';
const SECOND_UNIT = 'Subbagian Umum, Kepegawaian, Perencanaan dan Keuangan Sekretariat Kecamatan';
const LONG_NAME = { frontTitle: 'Dr. Hj.', name: 'Sri Wahyuningsih Kusumawardani', backTitle: 'S.Sos., M.Si.' };
const LONG_DISPLAY = 'Dr. Hj. Sri Wahyuningsih Kusumawardani, S.Sos., M.Si.';
const ITEM = 'Pelatihan Kepemimpinan Pengawas dan Manajemen Pelayanan Publik Berbasis Digital Tingkat Kecamatan';
const EVENT = 'Bimbingan Teknis Penyusunan Standar Pelayanan dan Survei Kepuasan Masyarakat Terintegrasi Tahun Anggaran Berjalan';

interface Person { nip: string; frontTitle?: string; name: string; backTitle?: string; gender: 'L' | 'P'; golongan: string; jabatan: string; unit: string }

/** Valid PNS/PPPK NIPs: birth date, TMT (year and month), gender digit, sequence. */
const nip = (birth: string, tmt: string, gender: 'L' | 'P', seq: number) => `${birth}${tmt}${gender === 'L' ? 1 : 2}${String(seq).padStart(3, '0')}`;

const PEOPLE: Person[] = [
  { nip: nip('19750817', '200003', 'P', 1), ...LONG_NAME, gender: 'P', golongan: 'IV/a', jabatan: 'Kepala Seksi Kesejahteraan Sosial dan Pemberdayaan Masyarakat', unit: LONG_UNIT },
  { nip: nip('19700101', '199503', 'L', 2), frontTitle: 'Ir. H.', name: 'Muhammad Abdurrahman Syahputra Nasution', backTitle: 'M.T.', gender: 'L', golongan: 'IV/b', jabatan: 'Sekretaris Kecamatan', unit: SECOND_UNIT },
  { nip: nip('19880512', '201101', 'P', 3), frontTitle: 'Raden Ayu', name: 'Kusumaningtyas Dewi Anggraeni Puspitasari', backTitle: 'S.E., M.Ak.', gender: 'P', golongan: 'III/c', jabatan: 'Analis Pengelolaan Keuangan APBN/APBD Ahli Muda pada Subbagian Keuangan', unit: SECOND_UNIT },
  { nip: nip('19920304', '201503', 'L', 4), name: 'Andi Muhammad Fadhlurrahman Alamsyah Putra', backTitle: 'A.Md.', gender: 'L', golongan: 'II/c', jabatan: 'Pengadministrasi Perkantoran', unit: LONG_UNIT },
  { nip: nip('19850920', '200912', 'P', 5), name: 'Ni Luh Putu Ayu Sriwahyuni Maharani', backTitle: 'S.H.', gender: 'P', golongan: 'III/b', jabatan: 'Penata Kelola Sistem dan Teknologi Informasi', unit: SECOND_UNIT },
  { nip: nip('19790615', '200501', 'L', 6), frontTitle: 'Drs.', name: 'Teuku Muhammad Iskandar Zulkarnain', backTitle: 'S.STP., M.Si.', gender: 'L', golongan: 'III/d', jabatan: 'Kepala Seksi Pemerintahan, Ketenteraman dan Ketertiban Umum', unit: LONG_UNIT },
  { nip: nip('19950228', '202203', 'P', 7), name: 'Budi', gender: 'P', golongan: 'II/a', jabatan: 'Pengelola Layanan Operasional', unit: SECOND_UNIT },
  { nip: nip('19900707', '202112', 'L', 8), name: 'Yohanes Bartholomeus Hutapea Simanjuntak', backTitle: 'S.Kom.', gender: 'L', golongan: 'III/a', jabatan: 'Pranata Komputer Ahli Pertama', unit: LONG_UNIT },
];

const OPERATOR = { username: 'siti.nurhaliza.kusumadewi', fullName: 'Siti Nurhaliza Rahmawati Kusumadewi, S.Kom., M.Kom.', password: 'operator-plaju-2026' };

const ids = { firstPerson: '', event: '', session: '' };

/** The office's data, made once per server (a new worker starts a new server on a fresh folder). */
async function ensureData(page: Page): Promise<void> {
  if (ids.event) return;
  const units = new Map<string, string>();
  units.set(LONG_UNIT, (await call<{ id: string }>(page, 'units.create', { name: LONG_UNIT, kind: 'kantor', code: 'KESSOS-PM' })).id);
  units.set(SECOND_UNIT, (await call<{ id: string }>(page, 'units.create', { name: SECOND_UNIT, kind: 'kantor', code: 'SEKCAM-UMUM' })).id);
  const employees: string[] = [];
  for (const p of PEOPLE) {
    const { employee } = await call<{ employee: { id: string } }>(page, 'employees.create', {
      nip: p.nip, frontTitle: p.frontTitle ?? '', name: p.name, backTitle: p.backTitle ?? '', gender: p.gender, golongan: p.golongan, jabatan: p.jabatan, unitId: units.get(p.unit),
    });
    employees.push(employee.id);
  }
  ids.firstPerson = employees[0]!;
  await call(page, 'users.create', { username: OPERATOR.username, fullName: OPERATOR.fullName, role: 'operator', password: OPERATOR.password });

  const need = await call<{ id: string }>(page, 'needs.create', {
    year: YEAR, employeeId: employees[0], competencyType: 'manajerial', topic: 'Kepemimpinan pelayanan publik dan pengelolaan pengaduan masyarakat secara daring', source: 'usulan_atasan', priority: 'tinggi', notes: 'Diusulkan oleh Camat setelah evaluasi kinerja semester pertama',
  });
  await call(page, 'needs.create', { year: YEAR, unitId: units.get(SECOND_UNIT), competencyType: 'teknis', topic: 'Penatausahaan keuangan dan aset daerah berbasis SIPD', source: 'kesenjangan_kinerja', priority: 'sedang' });
  const item = await call<{ id: string }>(page, 'programme.create', {
    year: YEAR, title: ITEM, competencyType: 'manajerial', methodId: 8, organiser: 'kantor', plannedMonth: Number(today.slice(5, 7)), targetCount: 30, plannedJp: 24, budget: 127_500_000, funding: 'apbd',
    targetUnitIds: [units.get(LONG_UNIT), units.get(SECOND_UNIT)], needIds: [need.id], notes: 'Bekerja sama dengan BPSDM Provinsi Sumatera Selatan',
  });
  // A second item, still only planned: the longest status, a large budget, a long month name.
  await call(page, 'programme.create', {
    year: YEAR, title: 'Pelatihan Dasar Pengelolaan Arsip Dinamis dan Tata Naskah Dinas Elektronik', competencyType: 'teknis', methodId: 8, organiser: 'bkpsdm', plannedMonth: 9, targetCount: 120, plannedJp: 32, budget: 1_250_000_000, funding: 'apbn',
  });

  const event = await call<{ id: string }>(page, 'events.create', {
    programmeItemId: item.id, name: EVENT, methodId: 8, competencyType: 'manajerial', organiser: 'kantor', capacity: 30,
    place: 'Aula Serbaguna Kantor Camat Plaju, Jl. Kapten Abdullah No. 1, Palembang',
    speakers: [{ name: 'Prof. Dr. Ir. Bambang Wicaksono Hadiningrat, M.Sc., Ph.D.', institution: 'Badan Pengembangan Sumber Daya Manusia Provinsi Sumatera Selatan', topic: 'Standar pelayanan publik' }],
  });
  ids.event = event.id;
  const sessions = [
    { date: today, start: '08:00', end: '12:00', topic: 'Kebijakan standar pelayanan publik dan maklumat pelayanan', speaker: 'Prof. Dr. Ir. Bambang Wicaksono Hadiningrat, M.Sc., Ph.D.' },
    { date: today, start: '13:00', end: '16:00', topic: 'Penyusunan survei kepuasan masyarakat dan indeks kepuasan', speaker: 'Dra. Hj. Fatimah Azzahra Kusumaningrum, M.Si.' },
    { date: tomorrow, start: '08:00', end: '11:30', topic: 'Praktik penyusunan standar pelayanan per jenis layanan kecamatan', speaker: '' },
    { date: tomorrow, start: '13:00', end: '15:00', topic: 'Rencana tindak lanjut', speaker: 'Tim Ortala Sekretariat Daerah', jpOverride: 2, jpOverrideReason: 'Diskusi kelompok dihitung sebagai dua JP sesuai kesepakatan dengan BPSDM' },
  ];
  const sessionIds: string[] = [];
  for (const s of sessions) sessionIds.push((await call<{ id: string }>(page, 'sessions.create', { eventId: event.id, ...s })).id);
  ids.session = sessionIds[0]!;

  await call(page, 'enrolment.add', { eventId: event.id, employeeIds: employees });
  await call(page, 'enrolment.addWalkIn', { eventId: event.id, name: 'Cut Nyak Meutia Rahmawati Purnamasari', nip: '', institution: 'Kantor Kecamatan Seberang Ulu II Kota Palembang' });
  const enrolled = await call<{ id: string; employeeId: string | null }[]>(page, 'enrolment.list', { eventId: event.id });
  for (const [k, e] of enrolled.slice(0, 5).entries()) await call(page, 'enrolment.setScores', { id: e.id, preTest: 55 + k * 5, postTest: 70 + k * 5 });
  for (const p of PEOPLE.slice(0, 5)) await call(page, 'attendance.scan', { sessionId: sessionIds[0], input: p.nip });
  const bySix = enrolled.find((e) => e.employeeId === employees[5])!;
  await call(page, 'attendance.mark', { sessionId: sessionIds[0], enrolmentId: bySix.id, status: 'dinas_luar', note: 'Rapat koordinasi di Kantor Wali Kota Palembang' });
  await call(page, 'attendance.paperEntry', { sessionId: sessionIds[1], marks: enrolled.slice(0, 6).map((e, k) => ({ enrolmentId: e.id, status: k === 4 ? 'izin' : 'hadir', note: '' })) });

  await call(page, 'backup.create', {});
}

// ── The screens ────────────────────────────────────────────────────────────────────────────

interface Column {
  table: (page: Page) => Locator;
  header: string | RegExp;
  /** Instead of the size's minimum for names: a secondary column that may be narrower. */
  minWidth?: Partial<Record<number, number>>;
}
interface Screen {
  slug: string;
  path: () => string;
  /** Waits until the screen shows its data. */
  ready: (page: Page) => Promise<void>;
  /** The columns that must stay readable (names first). */
  columns?: Column[];
  /** A dialog over the screen: the screenshot shows the window as it is, not the whole page. */
  dialog?: boolean;
}

const table = (name: string | RegExp) => (page: Page) => page.getByRole('table', { name });
const main = (page: Page) => page.locator('#main');

const SCREENS: Screen[] = [
  {
    slug: 'home', path: () => '/',
    ready: async (page) => { await expect(page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}`, level: 1 })).toBeVisible(); await expect(page.getByText(/^Cadangan terakhir: /)).toBeVisible(); },
  },
  {
    slug: 'employees', path: () => '/pegawai',
    ready: async (page) => { await expect(page.getByText(`${PEOPLE.length} pegawai`, { exact: true })).toBeVisible(); await expect(main(page).getByRole('rowheader', { name: LONG_DISPLAY })).toBeAttached(); },
    columns: [{ table: table('Daftar pegawai'), header: /^Nama/ }],
  },
  {
    slug: 'employee-detail', path: () => `/pegawai/${ids.firstPerson}`,
    ready: async (page) => { await expect(page.getByRole('heading', { name: LONG_DISPLAY, level: 1 })).toBeVisible(); await expect(page.getByRole('table', { name: /^Pelatihan tahun ini/ })).toBeVisible(); await expect(page.getByRole('table', { name: 'Riwayat perubahan' })).toBeVisible(); },
    columns: [{ table: table(/^Pelatihan tahun ini/), header: 'Kegiatan' }],
  },
  {
    slug: 'roster-import', path: () => '/pegawai/impor',
    ready: async (page) => { await expect(page.getByRole('heading', { name: '1. Pilih berkas' })).toBeVisible(); },
  },
  {
    slug: 'programme-needs', path: () => '/program/kebutuhan',
    ready: async (page) => { await expect(page.getByRole('table', { name: `Kebutuhan pengembangan ${YEAR}` }).getByRole('row')).toHaveCount(3); },
    columns: [{ table: table(`Kebutuhan pengembangan ${YEAR}`), header: 'Untuk' }, { table: table(`Kebutuhan pengembangan ${YEAR}`), header: 'Topik kebutuhan' }],
  },
  {
    slug: 'programme-plan', path: () => '/program/rencana',
    ready: async (page) => { await expect(page.getByRole('table', { name: `Rencana kegiatan ${YEAR}` })).toContainText(ITEM); await expect(page.getByRole('table', { name: `Rencana dan realisasi ${YEAR}` })).toBeVisible(); },
    columns: [{ table: table(`Rencana kegiatan ${YEAR}`), header: 'Rencana kegiatan' }, { table: table(`Rencana dan realisasi ${YEAR}`), header: 'Rencana kegiatan' }],
  },
  {
    slug: 'events', path: () => '/kegiatan',
    ready: async (page) => { await expect(page.getByRole('table', { name: 'Daftar kegiatan' })).toContainText(EVENT); },
    columns: [{ table: table('Daftar kegiatan'), header: 'Kegiatan' }],
  },
  {
    slug: 'event-data', path: () => `/kegiatan/${ids.event}`,
    ready: async (page) => { await expect(page.getByRole('heading', { name: EVENT, level: 1 })).toBeVisible(); await expect(page.getByLabel('Nama kegiatan')).toHaveValue(EVENT); },
  },
  {
    slug: 'event-sessions', path: () => `/kegiatan/${ids.event}/sesi`,
    ready: async (page) => { await expect(page.getByRole('table', { name: 'Sesi' }).getByRole('row')).toHaveCount(1 + 4 + 1); },
    // The date names the row; the topic is the readable text beside it, allowed a little narrower.
    columns: [{ table: table('Sesi'), header: 'Tanggal' }, { table: table('Sesi'), header: 'Topik', minWidth: { 1024: 125 } }],
  },
  {
    slug: 'event-participants', path: () => `/kegiatan/${ids.event}/peserta`,
    ready: async (page) => { await expect(page.getByRole('table', { name: 'Peserta kegiatan' }).getByRole('row')).toHaveCount(1 + PEOPLE.length + 1); },
    columns: [{ table: table('Peserta kegiatan'), header: 'Nama' }],
  },
  {
    // The widest dialog: the roster to pick participants from, a table of names.
    slug: 'event-participants-add', path: () => `/kegiatan/${ids.event}/peserta`, dialog: true,
    ready: async (page) => {
      await page.getByRole('button', { name: 'Tambah dari daftar pegawai' }).click();
      await expect(page.getByRole('dialog', { name: 'Tambah peserta dari daftar pegawai' }).getByRole('table', { name: 'Pegawai yang dapat didaftarkan' })).toContainText(LONG_NAME.name);
    },
    columns: [{ table: table('Pegawai yang dapat didaftarkan'), header: 'Nama' }],
  },
  {
    slug: 'event-attendance', path: () => `/kegiatan/${ids.event}/kehadiran`,
    ready: async (page) => { await expect(page.getByRole('table', { name: 'Kehadiran per sesi' })).toContainText(/5 hadir|hadir/); },
    columns: [{ table: table('Kehadiran per sesi'), header: 'Sesi' }],
  },
  {
    slug: 'event-door', path: () => `/kegiatan/${ids.event}/sesi/${ids.session}/hadir`,
    ready: async (page) => {
      const input = page.getByLabel('Ketik atau pindai NIP');
      const anyway = page.getByRole('button', { name: 'Tetap buka layar kehadiran' });
      await expect(input.or(anyway)).toBeVisible();
      if (await anyway.isVisible()) await anyway.click();
      await expect(input).toBeVisible();
      await expect(page.getByRole('table', { name: 'Daftar peserta' })).toContainText(LONG_DISPLAY);
    },
    columns: [{ table: table('Daftar peserta'), header: 'Nama, NIP, unit' }],
  },
  {
    slug: 'event-paper', path: () => `/kegiatan/${ids.event}/sesi/${ids.session}/kertas`,
    ready: async (page) => { await expect(page.getByRole('table', { name: 'Kehadiran dari daftar hadir kertas' })).toContainText(LONG_DISPLAY); },
    columns: [{ table: table('Kehadiran dari daftar hadir kertas'), header: 'Nama' }],
  },
  {
    slug: 'event-recap', path: () => `/kegiatan/${ids.event}/rekap`,
    ready: async (page) => { await expect(page.getByRole('table', { name: 'Rekap kehadiran peserta per sesi' })).toContainText(LONG_DISPLAY); },
    columns: [{ table: table('Rekap kehadiran peserta per sesi'), header: 'Nama' }],
  },
  {
    slug: 'settings-office', path: () => '/pengaturan/kantor',
    ready: async (page) => { await expect(page.getByRole('heading', { name: 'Data kantor' })).toBeVisible(); },
  },
  {
    slug: 'settings-units', path: () => '/pengaturan/unit',
    ready: async (page) => { await expect(page.getByRole('table', { name: 'Unit kerja' })).toContainText(LONG_UNIT); },
    columns: [{ table: table('Unit kerja'), header: 'Nama unit' }],
  },
  {
    slug: 'settings-users', path: () => '/pengaturan/pengguna',
    ready: async (page) => { await expect(page.getByRole('table', { name: 'Pengguna' })).toContainText(OPERATOR.fullName); },
    columns: [{ table: table('Pengguna'), header: 'Nama lengkap' }],
  },
  {
    slug: 'settings-rules', path: () => '/pengaturan/aturan',
    ready: async (page) => { await expect(page.getByRole('heading', { name: 'Aturan pelatihan' })).toBeVisible(); },
  },
  {
    slug: 'settings-audit', path: () => '/pengaturan/audit',
    ready: async (page) => { await expect(page.getByRole('table', { name: 'Log audit' })).toBeVisible(); },
  },
  {
    slug: 'settings-check', path: () => '/pengaturan/pemeriksaan',
    ready: async (page) => {
      await expect(page.getByRole('heading', { name: 'Pemeriksaan basis data' })).toBeVisible();
      await page.getByRole('button', { name: 'Periksa sekarang' }).click();
      await expect(page.getByText('Basis data utuh: tidak ditemukan masalah.')).toBeVisible();
    },
  },
  {
    slug: 'settings-backup', path: () => '/pengaturan/cadangan',
    ready: async (page) => { await expect(page.getByRole('table', { name: 'Cadangan di komputer ini' }).getByRole('row')).not.toHaveCount(0); },
    columns: [{ table: table('Cadangan di komputer ini'), header: 'Tanggal dan jenis' }],
  },
  {
    slug: 'account', path: () => '/akun',
    ready: async (page) => { await expect(page.getByRole('heading', { name: 'Akun saya', level: 1 })).toBeVisible(); },
  },
];

// ── The checks ─────────────────────────────────────────────────────────────────────────────

interface Overflow { page: number; mainBox: number; offenders: string[] }

/**
 * How far the page and the main area reach past the window: the document's scroll width, the
 * main content box (its own overflow and its right edge), and each element in it that sticks
 * out of the window or makes a box inside it scroll sideways (a table cut at the right).
 */
async function overflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const main = document.querySelector<HTMLElement>('#main')!;
    const box = main.getBoundingClientRect();
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${cls} "${text}"`;
    };
    const offenders: string[] = [];
    for (const el of Array.from(main.querySelectorAll<HTMLElement>('*'))) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.closest('.visually-hidden')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      // Only what is not inside a box that scrolls or clips it (that box is checked itself).
      let clipped = false;
      for (let a = el.parentElement; a && a !== main; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') { clipped = true; break; }
      }
      if (!clipped && (r.right > vw + 0.5 || r.width > vw)) offenders.push(`${describe(el)} reaches ${Math.round(r.right)} px`);
      if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        const head = el.querySelector('thead tr');
        const columns = head ? ` (columns ${Array.from(head.children).map((c) => Math.round(c.getBoundingClientRect().width)).join(', ')} px)` : '';
        offenders.push(`${describe(el)} scrolls sideways by ${el.scrollWidth - el.clientWidth} px${columns}`);
      }
    }
    return {
      page: document.documentElement.scrollWidth - vw,
      mainBox: Math.max(main.scrollWidth - main.clientWidth, Math.round(box.right - vw)),
      offenders,
    };
  });
}

/** The width of a column's header cell, and the narrowest of its body cells. */
async function columnWidth(tableLocator: Locator, header: string | RegExp): Promise<{ header: number; cells: number; all: string }> {
  const th = tableLocator.locator('thead th').filter({ hasText: header }).first();
  await expect(th).toBeAttached();
  const index = await th.evaluate((cell: HTMLTableCellElement) => cell.cellIndex);
  return tableLocator.evaluate((t: HTMLTableElement, i: number) => {
    const head = t.tHead!.rows[0]!;
    const widths = Array.from(t.tBodies).flatMap((b) => Array.from(b.rows))
      .filter((row) => row.cells.length === head.cells.length && !row.hidden)
      .map((row) => row.cells[i]!.getBoundingClientRect().width);
    const all = Array.from(head.cells).map((c) => Math.round(c.getBoundingClientRect().width)).join(', ');
    return { header: head.cells[i]!.getBoundingClientRect().width, cells: widths.length ? Math.min(...widths) : Infinity, all };
  }, index);
}

const SIZES = [
  { width: 1024, height: 768, minName: 140 },
  { width: 1366, height: 768, minName: 160 },
];

for (const size of SIZES) {
  for (const [n, screen] of SCREENS.entries()) {
    test(`${size.width}×${size.height} ${screen.slug}: name columns readable, nothing wider than the window`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await logIn(page);
      await ensureData(page);
      await page.goto(`/#${screen.path()}`);
      // Beranda was open before the data was made: read it again.
      if (screen.path() === '/') await page.reload();
      await screen.ready(page);
      await page.evaluate(() => document.fonts.ready);
      const name = `layout-${size.width}-${String(n + 1).padStart(2, '0')}-${screen.slug}`;
      if (screen.dialog) await page.screenshot({ path: path.join(ROOT, 'test-results', 'screenshots', `${name}.png`) });
      else await screenshot(page, name);

      const o = await overflow(page);
      expect.soft(o.page, 'the page scrolls sideways').toBeLessThanOrEqual(0);
      expect.soft(o.mainBox, 'the main area is wider than the window').toBeLessThanOrEqual(0);
      expect.soft(o.offenders, 'elements wider than the window or scrolling sideways').toEqual([]);
      for (const c of screen.columns ?? []) {
        const w = await columnWidth(c.table(page), c.header);
        const min = c.minWidth?.[size.width] ?? size.minName;
        expect.soft(w.header, `column "${String(c.header)}": header width (columns ${w.all} px)`).toBeGreaterThanOrEqual(min);
        expect.soft(w.cells, `column "${String(c.header)}": narrowest cell width`).toBeGreaterThanOrEqual(min);
      }
    });
  }
}

test('an operator with a long name: the header keeps the tools in the window at 1024×768', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page);
  await ensureData(page);
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk', level: 1 })).toBeVisible();
  await page.getByLabel('Nama pengguna').fill(OPERATOR.username);
  await page.getByLabel('Kata sandi').fill(OPERATOR.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Selamat datang, ${OPERATOR.fullName}`, level: 1 })).toBeVisible();
  await page.goto('/#/pegawai');
  await expect(main(page).getByRole('rowheader', { name: LONG_DISPLAY })).toBeAttached();
  await screenshot(page, `layout-1024-${String(SCREENS.length + 1).padStart(2, '0')}-operator-employees`);
  const o = await overflow(page);
  expect(o.page, 'the page scrolls sideways').toBeLessThanOrEqual(0);
  const logout = page.getByRole('button', { name: 'Keluar' });
  const box = (await logout.boundingBox())!;
  expect(box.x + box.width, 'the logout button is inside the window').toBeLessThanOrEqual(1024);
  const w = await columnWidth(table('Daftar pegawai')(page), /^Nama/);
  expect(w.header).toBeGreaterThanOrEqual(140);
});
