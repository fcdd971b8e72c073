// An office's year for the reports tests (Kecamatan Plaju, 2026), built through the contract as
// the clerk builds it:
//   A  Bimtek Administrasi Kependudukan (APBD, August): target 6, 9 JP/orang, budget 6.000.000,
//      spent 4.500.000. Its event (25–26 August, 5 + 4 JP, post-test minimum 60) is done: four
//      employees and a walk-in guest attended both sessions and passed (9 JP each, 45 JP), one
//      attended one session (tidak memenuhi syarat), one stayed away. Certificates issued; three
//      reaction forms; pre/post scores; follow-ups due in November, two filled in.
//   B  Sosialisasi Peraturan Daerah (APBD): target 10, budget 2.000.000, no event yet.
//   C  Workshop Pelayanan Publik (sponsor): budget 3.500.000, spent 1.000.000; its event is on
//      10 December, still to come.
//   D  Diklat Kearsipan (APBD): cancelled.
//   E  Coaching Kepemimpinan, without a plan (20 and 27 November, 2 + 2 JP): employees 6 and 7.
//   External records: employee 0 e-learning 12 JP (verified), employee 1 a seminar 4 JP (not
//   verified), employee 8 a BKPSDM training 32 JP (verified).
// The office clock ends at 1 December 2026, 09:00 WIB.
import fs from 'node:fs';
import path from 'node:path';
import type { Input } from '../../shared/contract/index.ts';
import { BUILT_IN_QUESTIONNAIRE, FOLLOWUP_ITEMS } from '../../shared/domain/evaluation.ts';
import { makePng } from './images.ts';
import { SPEAKERS, addSession, createEvent, laterAt, trainingOffice, type TrainingOffice } from './trainings.ts';

export interface ReportsOffice extends TrainingOffice {
  items: Record<'A' | 'B' | 'C' | 'D', string>;
  events: Record<'A' | 'C' | 'E', string>;
}

export const WALK_IN = { name: 'Hendra Wijaya', nip: '199001012019031001', institution: 'Kecamatan Kertapati' };

export const EXTERNAL = {
  elearning: {
    title: 'Literasi Digital bagi ASN', organiser: 'LAN RI (ASN Unggul)', methodId: 16, competencyType: 'sosial_kultural' as const,
    startDate: '2026-03-02', endDate: '2026-03-06', hours: 9, certificateNumber: 'LAN/ASNU/2026/0012345', place: 'Daring',
  },
  seminar: {
    title: 'Seminar Nasional Pelayanan Publik', organiser: 'Universitas Sriwijaya', methodId: 9, competencyType: 'teknis' as const,
    startDate: '2026-05-20', endDate: '2026-05-20', certificateNumber: 'UNSRI/SEM/2026/077', place: 'Palembang',
  },
  bkpsdm: {
    title: 'Pelatihan Kearsipan Dasar', organiser: 'BKPSDM Kota Palembang', methodId: 3, competencyType: 'teknis' as const,
    startDate: '2026-08-10', endDate: '2026-08-13', hours: 24, certificateNumber: '800/123/BKPSDM/2026', place: 'Palembang',
  },
};

type ItemInput = Input<'programme.create'>;
const item = (over: Partial<ItemInput>): ItemInput => ({
  year: 2026, title: 'x', competencyType: 'teknis', methodId: 8, organiser: 'kantor', plannedMonth: 11, targetCount: 0,
  plannedJp: 4, budget: 0, spent: 0, funding: 'apbd', ...over,
} as ItemInput);

async function mark(o: TrainingOffice, sessionId: string, enrolmentId: string, status: 'hadir' | 'alpa') {
  await o.t.ok('attendance.mark', { sessionId, enrolmentId, status }, o.token);
}

/** One paper reaction form: each aspect's items given one score (narasumber items per speaker). */
function reactionForm(eventId: string, scores: Record<string, number>) {
  return {
    eventId,
    answers: BUILT_IN_QUESTIONNAIRE.items.map((i) => ({ item: i.id, speaker: i.aspect === 'narasumber' ? SPEAKERS[0]!.name : null, score: scores[i.aspect]! })),
    comments: { saran: 'Waktu praktik ditambah.' },
  };
}

export async function reportsOffice(opts: { people?: number } = {}): Promise<ReportsOffice> {
  const o = await trainingOffice({ people: opts.people ?? 12 });
  const emp = (i: number) => o.employees[i]!.id;
  await o.t.ok('office.setLogo', { mimeType: 'image/png', dataBase64: makePng(64, 64).toString('base64') }, o.token);
  const create = async (over: Partial<ItemInput>) => (await o.t.ok('programme.create', item(over), o.token)).id;
  const items = {
    A: await create({ title: 'Bimtek Administrasi Kependudukan', plannedMonth: 8, targetCount: 6, plannedJp: 9, budget: 6_000_000, spent: 4_500_000 }),
    B: await create({ title: 'Sosialisasi Peraturan Daerah', methodId: 7, competencyType: 'pemerintahan', plannedMonth: 12, targetCount: 10, budget: 2_000_000 }),
    C: await create({ title: 'Workshop Pelayanan Publik', methodId: 4, plannedMonth: 12, targetCount: 8, plannedJp: 5, budget: 3_500_000, spent: 1_000_000, funding: 'sponsor' }),
    D: await create({ title: 'Diklat Kearsipan', methodId: 3, plannedMonth: 9, targetCount: 4, plannedJp: 16, budget: 1_500_000 }),
  };
  await o.t.ok('programme.setStatus', { id: items.D, status: 'batal' }, o.token);

  // A: held in August, recorded from the paper sign-in sheets.
  const a = await createEvent(o, { programmeItemId: items.A, name: 'Bimtek Administrasi Kependudukan', minPostTest: 60 });
  const sa = [
    await addSession(o, a.id, '2026-08-25', '08:00', '12:00', { topic: 'Kebijakan Adminduk', speaker: SPEAKERS[0]!.name }),
    await addSession(o, a.id, '2026-08-26', '08:00', '11:00', { topic: 'Praktik Pelayanan KTP-el', speaker: SPEAKERS[0]!.name }),
  ];
  await o.t.ok('enrolment.add', { eventId: a.id, employeeIds: [0, 1, 2, 3, 4, 5].map(emp) }, o.token);
  const walkIn = await o.t.ok('enrolment.addWalkIn', { eventId: a.id, ...WALK_IN }, o.token);
  const enrolA = await o.t.ok('enrolment.list', { eventId: a.id }, o.token);
  const enrolmentOf = (list: typeof enrolA, i: number) => list.find((e) => e.employeeId === emp(i))!.id;
  for (const id of [...[0, 1, 2, 3].map((i) => enrolmentOf(enrolA, i)), walkIn.id]) for (const s of sa) await mark(o, s.id, id, 'hadir');
  await mark(o, sa[0]!.id, enrolmentOf(enrolA, 4), 'hadir');
  await mark(o, sa[1]!.id, enrolmentOf(enrolA, 4), 'alpa');
  for (const s of sa) await mark(o, s.id, enrolmentOf(enrolA, 5), 'alpa');
  const scores: [string, number, number][] = [
    [enrolmentOf(enrolA, 0), 55, 80], [enrolmentOf(enrolA, 1), 60, 85], [enrolmentOf(enrolA, 2), 45, 70], [enrolmentOf(enrolA, 3), 50, 65],
    [enrolmentOf(enrolA, 4), 40, 50], [walkIn.id, 70, 90],
  ];
  await o.t.ok('scores.setMany', { eventId: a.id, scores: scores.map(([enrolmentId, preTest, postTest]) => ({ enrolmentId, preTest, postTest })) }, o.token);
  await o.t.ok('events.setStatus', { id: a.id, status: 'selesai' }, o.token);
  for (const s of [
    { materi: 4, narasumber: 4, fasilitas: 4, penyelenggaraan: 4 },
    { materi: 3, narasumber: 3, fasilitas: 3, penyelenggaraan: 3 },
    { materi: 3, narasumber: 4, fasilitas: 2, penyelenggaraan: 3 },
  ]) await o.t.ok('reaction.add', reactionForm(a.id, s), o.token);
  await o.t.ok('certificates.issue', { eventId: a.id, role: 'peserta', issuedOn: '2026-08-28' }, o.token);

  // C: the sponsor's workshop, still to come.
  const c = await createEvent(o, { programmeItemId: items.C, name: 'Workshop Pelayanan Publik', methodId: 4 });
  await addSession(o, c.id, '2026-12-10', '08:00', '15:00', { topic: 'Standar pelayanan' });
  await o.t.ok('enrolment.add', { eventId: c.id, employeeIds: [6, 7, 8, 9].map(emp) }, o.token);

  // E: coaching outside the plan.
  const e = await createEvent(o, { name: 'Coaching Kepemimpinan', methodId: 14, competencyType: 'manajerial', speakers: [], description: '' });
  const se = [
    await addSession(o, e.id, '2026-11-20', '13:00', '15:00', { topic: 'Sesi 1' }),
    await addSession(o, e.id, '2026-11-27', '13:00', '15:00', { topic: 'Sesi 2' }),
  ];
  await o.t.ok('enrolment.add', { eventId: e.id, employeeIds: [emp(6), emp(7)] }, o.token);
  const enrolE = await o.t.ok('enrolment.list', { eventId: e.id }, o.token);
  for (const i of [6, 7]) for (const s of se) await mark(o, s.id, enrolmentOf(enrolE, i), 'hadir');

  // Training outside the office, entered from the certificates.
  const record = async (i: number, fields: Record<string, unknown>) => (await o.t.ok('records.create', { employeeId: emp(i), ...fields }, o.token)).id;
  await o.t.ok('records.verify', { id: await record(0, EXTERNAL.elearning), verified: true }, o.token);
  await record(1, EXTERNAL.seminar);
  await o.t.ok('records.verify', { id: await record(8, EXTERNAL.bkpsdm), verified: true }, o.token);

  await laterAt(o, '2026-12-01', '09:00');
  // Level 3: follow-ups three months after 26 August; two supervisors have answered.
  await o.t.ok('followups.schedule', { eventId: a.id }, o.token);
  const followups = await o.t.ok('followups.list', { eventId: a.id, state: 'all' }, o.token);
  const answers = (score: number) => FOLLOWUP_ITEMS.map((i) => ({ item: i.id, score }));
  await o.t.ok('followups.save', {
    id: followups.find((f) => f.employeeId === emp(0))!.id, supervisorName: 'Sekretaris Camat', answers: answers(4), filledDate: '2026-11-30',
    findings: 'Pelayanan KTP-el lebih cepat; perlu pelatihan lanjutan SIAK.',
  }, o.token);
  await o.t.ok('followups.save', { id: followups.find((f) => f.employeeId === emp(1))!.id, supervisorName: 'Kasi Pelayanan', answers: answers(3), filledDate: '2026-12-01' }, o.token);
  return { ...o, items, events: { A: a.id, C: c.id, E: e.id } };
}

/** Where the PNG pages of the reports are kept for looking at (REPORTS_PNG_DIR, else a temp folder). */
export function pngDir(fallback: string): string {
  const dir = process.env.REPORTS_PNG_DIR;
  if (!dir) return fallback;
  fs.mkdirSync(dir, { recursive: true });
  return path.resolve(dir);
}
