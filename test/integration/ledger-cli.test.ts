// `bangkom ledger`, run in-process through the real command parser against a real data folder on
// the real clock (so the story is set in 2025, long finished, and in 2099, still to come):
// --json is exactly [{nip, name, unit, jp, planned, target, gap}]; the text is an aligned table
// in Indonesian with the office's line; filters by unit (id, code or name), golongan, type and
// --behind; a unit or year that is not one is one line on stderr and exit 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNip } from '../../shared/domain/nip.ts';
import { removeTempDirs } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { addSession, createEvent, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

let o: TrainingOffice;
let dataDir: string;
type Person = TrainingOffice['employees'][number];
let people: Person[];

beforeAll(async () => {
  o = await trainingOffice({ people: 8 });
  people = o.employees;
  const [p0, p1, p2, p3] = people;
  // 2025: 5 + 5 JP; p0 and p2 attend both, p1 one of two (50%, not passed).
  const event = await createEvent(o, { name: 'Bimtek Pelayanan 2025' });
  const s1 = await addSession(o, event.id, '2025-03-10', '08:00', '12:00');
  const s2 = await addSession(o, event.id, '2025-03-11', '08:00', '12:00');
  await o.t.ok('enrolment.add', { eventId: event.id, employeeIds: [p0!.id, p1!.id, p2!.id] }, o.token);
  const en = Object.fromEntries((await o.t.ok('enrolment.list', { eventId: event.id }, o.token)).map((e) => [e.employeeId!, e.id]));
  await o.t.ok('attendance.paperEntry', { sessionId: s1.id, marks: [p0!, p1!, p2!].map((p) => ({ enrolmentId: en[p.id]!, status: 'hadir', note: '' })) }, o.token);
  await o.t.ok('attendance.paperEntry', { sessionId: s2.id, marks: [p0!, p2!].map((p) => ({ enrolmentId: en[p.id]!, status: 'hadir', note: '' })) }, o.token);
  await o.t.ok('records.create', {
    employeeId: p3!.id, title: 'Pelatihan Dasar Kepemimpinan', organiser: 'BPSDM Provinsi', methodId: 3, competencyType: 'manajerial',
    startDate: '2025-08-04', endDate: '2025-08-08', jp: 24, jpReason: 'Sesuai sertifikat',
  }, o.token);
  // 2099: enrolled, nothing held yet.
  const later = await createEvent(o, { name: 'Bimtek 2099' });
  await addSession(o, later.id, '2099-06-01', '08:00', '12:00');
  await o.t.ok('enrolment.add', { eventId: later.id, employeeIds: [p0!.id] }, o.token);
  dataDir = o.t.dataDir;
  o.close();
});
afterAll(() => removeTempDirs());

const bangkom = (...args: string[]) => captureCli(['--data', dataDir, ...args]);
const json = async (...args: string[]) => {
  const run = await bangkom('ledger', ...args, '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { nip: string; name: string; unit: string | null; jp: number; planned: number; target: number; gap: number }[];
};
const row = (p: Person, jp: number, planned = 0) => ({ nip: p.nip, name: p.displayName, unit: p.unit, jp, planned, target: 20, gap: Math.max(0, 20 - jp) });

describe('bangkom ledger', () => {
  it('--json prints exactly [{nip, name, unit, jp, planned, target, gap}], largest gap first', async () => {
    const out = await json('--year', '2025');
    expect(out).toHaveLength(8);
    for (const r of out) expect(Object.keys(r)).toEqual(['nip', 'name', 'unit', 'jp', 'planned', 'target', 'gap']);
    const [p0, p1, p2, p3] = people;
    expect(out.slice(-3)).toEqual([row(p0!, 10), row(p2!, 10), row(p3!, 24)].sort((a, b) => b.gap - a.gap || (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1)));
    expect(out.find((r) => r.nip === p1!.nip)).toEqual(row(p1!, 0));
    expect(out.map((r) => r.gap)).toEqual([20, 20, 20, 20, 20, 10, 10, 0]);
    // Planned: enrolled in an event not held yet.
    expect((await json('--year', '2099')).find((r) => r.nip === p0!.nip)).toEqual(row(p0!, 0, 5));
  });

  it('filters by --behind, unit (id, name in any case), golongan and type', async () => {
    const [p0, , , p3] = people;
    expect((await json('--year', '2025', '--behind')).map((r) => r.nip)).not.toContain(p3!.nip);
    expect(await json('--year', '2025', '--behind')).toHaveLength(7);
    const unitPeople = people.filter((p) => p.unitId === p0!.unitId).map((p) => p.nip).sort();
    expect((await json('--year', '2025', '--unit', p0!.unitId!)).map((r) => r.nip).sort()).toEqual(unitPeople);
    expect((await json('--year', '2025', '--unit', p0!.unit!.toUpperCase())).map((r) => r.nip).sort()).toEqual(unitPeople);
    const golongan = people.filter((p) => p.golongan === '31').map((p) => p.nip).sort();
    expect(golongan.length).toBeGreaterThan(0);
    expect((await json('--year', '2025', '--golongan', 'III/a')).map((r) => r.nip).sort()).toEqual(golongan);
    expect((await json('--year', '2025', '--golongan', '31')).map((r) => r.nip).sort()).toEqual(golongan);
    expect(await json('--year', '2025', '--type', 'pppk')).toEqual([]);
    expect(await json('--year', '2025', '--type', 'pns')).toHaveLength(8);
  });

  it('prints an aligned table in Indonesian and the office\'s line', async () => {
    const run = await bangkom('ledger', '--year', '2025');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Capaian JP tahun 2025');
    expect(lines[1]).toMatch(/^No\s+NIP\s+Nama\s+Unit\s+JP\s+Rencana\s+Target\s+Kurang$/);
    const table = lines.slice(1, -1);
    expect(table).toHaveLength(9);
    // Aligned: every column ends where its header ends (numbers are right-aligned).
    const end = lines[1]!.length;
    for (const l of table) expect(l.length, l).toBe(end);
    const p3 = people[3]!;
    expect(table.at(-1)).toMatch(new RegExp(`^\\s*8\\s+${formatNip(p3.nip)}\\s+${p3.displayName.replace(/[.,]/g, '\\$&')}\\s+${p3.unit}\\s+24\\s+0\\s+20\\s+0$`));
    expect(lines.at(-1)).toBe('1 dari 8 pegawai sudah mencapai 20 JP; 7 belum (kurang 120 JP). Rata-rata 5,5 JP.');
    const unit = await bangkom('ledger', '--year', '2025', '--unit', people[0]!.unit!, '--behind');
    expect(unit.stdout.split('\n')[0]).toBe(`Capaian JP tahun 2025, ${people[0]!.unit} (yang belum mencapai target)`);
  });

  it('a unit or a year that is not one: one line on stderr, exit 1', async () => {
    const unit = await bangkom('ledger', '--year', '2025', '--unit', 'Seksi Tidak Ada');
    expect(unit.code).toBe(1);
    expect(unit.stdout).toBe('');
    expect(unit.stderr).toMatch(/^bangkom: Unit kerja "Seksi Tidak Ada" tidak ditemukan\. Unit yang ada: .*Seksi Pemerintahan.*\.\n$/);
    const year = await bangkom('ledger', '--year', '25');
    expect(year.code).toBe(1);
    expect(year.stderr).toBe('bangkom: Tahun "25" tidak sah; tulis empat angka, mis. --year 2026.\n');
    const golongan = await bangkom('ledger', '--year', '2025', '--golongan', 'Z/z');
    expect(golongan.code).toBe(1);
    expect(golongan.stderr).toBe('bangkom: Golongan "Z/z" tidak dikenal.\n');
  });
});
