// Level 1, reaction: a clerk types ten paper questionnaires of an event into Bangkom (some items
// left blank on paper), a wrong score is refused naming the item, the summary per item, aspect
// and speaker is what a calculator gives, events compare across the year, anonymity holds, and
// the printed form carries the event's speakers.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract/index.ts';
import { BUILT_IN_QUESTIONNAIRE, BUILT_IN_TEMPLATE_ID } from '../../shared/domain/evaluation.ts';
import { login, removeTempDirs } from '../helpers/backend.ts';
import {
  addSession, createEvent, journalOf, ops, pdfPagePng, pdfPages, squash, trainingOffice, type TrainingOffice,
} from '../helpers/trainings.ts';

let o: TrainingOffice;
let eventId: string;
const RUDI = 'Dr. Rudi Hartono, M.Si.';
const SITI = 'Siti Aminah, S.Sos.';
const ITEMS = BUILT_IN_QUESTIONNAIRE.items;
type Answer = Input<'reaction.add'>['answers'] extends (infer A)[] | undefined ? A : never;

/**
 * Form k (1–10) as the participant filled it in on paper:
 * - materi_relevansi: 4 4 4 3 3 3 3 2 4 and form 10 left blank;
 * - narasumber: Pak Rudi 4 on every item; Bu Siti 3, except "penguasaan materi" 1 on forms 1–2;
 * - fasilitas_konsumsi: 2, left blank on forms 9 and 10;
 * - everything else 3.
 */
function paperForm(k: number): Answer[] {
  const answers: Answer[] = [];
  for (const item of ITEMS) {
    if (item.aspect === 'narasumber') {
      answers.push({ item: item.id, speaker: RUDI, score: 4 });
      answers.push({ item: item.id, speaker: SITI, score: item.id === 'narasumber_penguasaan' && k <= 2 ? 1 : 3 });
    } else if (item.id === 'materi_relevansi') {
      if (k <= 9) answers.push({ item: item.id, speaker: null, score: [4, 4, 4, 3, 3, 3, 3, 2, 4][k - 1]! });
    } else if (item.id === 'fasilitas_konsumsi') {
      if (k <= 8) answers.push({ item: item.id, speaker: null, score: 2 });
    } else {
      answers.push({ item: item.id, speaker: null, score: 3 });
    }
  }
  return answers;
}

beforeAll(async () => {
  o = await trainingOffice({ people: 12 });
  const event = await createEvent(o, { name: 'Bimtek Pelayanan Administrasi Terpadu Kecamatan' });
  eventId = event.id;
  await addSession(o, eventId, '2026-11-25', '08:00', '12:00', { topic: 'Kebijakan PATEN', speaker: RUDI });
  // The second speaker is named only on her session.
  await addSession(o, eventId, '2026-11-26', '08:00', '11:00', { topic: 'Praktik pelayanan', speaker: `  ${SITI} ` });
  await o.t.ok('enrolment.add', { eventId, employeeIds: o.employees.slice(0, 10).map((e) => e.id) }, o.token);
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

describe('the event\'s questionnaire', () => {
  it('is the built-in one, anonymous, with the speakers of the event and of its sessions', async () => {
    const form = await o.t.ok('reaction.form', { eventId }, o.token);
    expect(form).toMatchObject({ eventId, templateId: BUILT_IN_TEMPLATE_ID, scale: 4, anonymous: true, speakers: [RUDI, SITI], responses: 0, participants: 10 });
    expect(form.items.map((i) => i.text)).toContain('Relevansi materi dengan tugas dan pekerjaan Anda');
    expect(form.openQuestions.map((q) => q.text)).toEqual(BUILT_IN_QUESTIONNAIRE.openQuestions.map((q) => q.text));
  });

  it('lists the built-in template first; the built-in one cannot be edited or removed', async () => {
    const list = await o.t.ok('questionnaires.list', {}, o.token);
    expect(list[0]).toMatchObject({ id: BUILT_IN_TEMPLATE_ID, builtIn: true, scale: 4 });
    const edit = await o.t.fails('questionnaires.save', { id: BUILT_IN_TEMPLATE_ID, name: 'Ubah', scale: 4, items: [{ id: 'a', aspect: 'materi', text: 'x' }] }, 'CONFLICT', o.token);
    expect(edit.details?.reason).toBe('evaluation.built_in_fixed');
    await o.t.fails('questionnaires.remove', { id: BUILT_IN_TEMPLATE_ID }, 'CONFLICT', o.token);
  });
});

describe('entering paper forms', () => {
  it('takes ten forms with blanks, numbered 1 to 10, journalled', async () => {
    // The first form also fixes the event's own copy of the questionnaire.
    const first = await journalOf(o.db, () => o.t.ok('reaction.add', {
      eventId, answers: paperForm(1), comments: { saran: 'Waktu praktik ditambah.', kesan: '' },
    }, o.token));
    expect(ops(first)).toEqual(['event_questionnaire.insert', 'reaction_response.insert']);
    for (let k = 2; k <= 10; k++) {
      const comments = k === 2 ? { kesan: 'Sangat bermanfaat untuk pelayanan.' } : k === 4 ? { saran: 'Konsumsi diperbaiki.' } : {};
      const wrote = await journalOf(o.db, () => o.t.ok('reaction.add', { eventId, answers: paperForm(k), comments }, o.token));
      expect(ops(wrote)).toEqual(['reaction_response.insert']);
    }
    const list = await o.t.ok('reaction.list', { eventId }, o.token);
    expect(list.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(list[0]).toMatchObject({ enrolmentId: null, source: 'paper', comments: { saran: 'Waktu praktik ditambah.' } });
    expect(list[9]!.answers.find((a) => a.item === 'materi_relevansi')).toBeUndefined();
    expect((await o.t.ok('reaction.form', { eventId }, o.token)).responses).toBe(10);
  });

  it('refuses a score off the scale, naming the item (and the speaker), and saves nothing', async () => {
    const answers = paperForm(3).map((a) => (a.item === 'materi_kedalaman' ? { ...a, score: 5 } : a));
    const bad = await o.t.fails('reaction.add', { eventId, answers }, 'VALIDATION', o.token);
    expect(bad.details?.issues).toEqual([{ path: ['answers', 'materi_kedalaman'], message: 'evaluation.answer_range', params: { item: 'Kedalaman pembahasan materi', scale: 4 } }]);

    const zero = paperForm(3).map((a) => (a.item === 'narasumber_waktu' && a.speaker === SITI ? { ...a, score: 0 } : a));
    const bad2 = await o.t.fails('reaction.add', { eventId, answers: zero }, 'VALIDATION', o.token);
    expect(bad2.details?.issues?.[0]).toEqual({ path: ['answers', 'narasumber_waktu'], message: 'evaluation.answer_range_speaker', params: { item: 'Ketepatan waktu', speaker: SITI, scale: 4 } });

    // A half point is not on a paper form either (the contract wants whole numbers).
    const half = await o.t.fails('reaction.add', { eventId, answers: [{ item: 'fasilitas_ruang', speaker: null, score: 3.5 }] }, 'VALIDATION', o.token);
    expect(half.details?.issues?.[0]?.path).toEqual(['answers', 0, 'score']);
    expect((await o.t.ok('reaction.list', { eventId }, o.token))).toHaveLength(10);
  });

  it('refuses unknown items and speakers, narasumber items without a speaker, questions not asked, and an empty form', async () => {
    const issue = async (input: Record<string, unknown>) => (await o.t.fails('reaction.add', { eventId, ...input }, 'VALIDATION', o.token)).details?.issues?.[0];
    expect(await issue({ answers: [{ item: 'materi_lucu', speaker: null, score: 3 }] })).toMatchObject({ path: ['answers', 'materi_lucu'], message: 'evaluation.item_unknown' });
    expect(await issue({ answers: [{ item: 'narasumber_penguasaan', speaker: null, score: 3 }] })).toMatchObject({ message: 'evaluation.speaker_required', params: { item: 'Penguasaan materi' } });
    expect(await issue({ answers: [{ item: 'narasumber_penguasaan', speaker: 'Pak Joko', score: 3 }] })).toMatchObject({ message: 'evaluation.speaker_unknown', params: { speaker: 'Pak Joko' } });
    expect(await issue({ answers: [{ item: 'fasilitas_ruang', speaker: RUDI, score: 3 }] })).toMatchObject({ message: 'evaluation.speaker_not_asked' });
    expect(await issue({ answers: [{ item: 'fasilitas_ruang', speaker: null, score: 3 }, { item: 'fasilitas_ruang', speaker: null, score: 4 }] })).toMatchObject({ message: 'evaluation.answer_twice' });
    expect(await issue({ answers: [{ item: 'fasilitas_ruang', speaker: null, score: 3 }], comments: { pesan: 'halo' } })).toMatchObject({ path: ['comments', 'pesan'], message: 'evaluation.question_unknown' });
    expect(await issue({ answers: [], comments: { saran: 'Hanya saran.' } })).toMatchObject({ path: ['answers'], message: 'evaluation.no_answers' });
    // An anonymous questionnaire takes no name.
    const someone = (await o.t.ok('enrolment.list', { eventId }, o.token))[0]!;
    expect(await issue({ answers: paperForm(5), enrolmentId: someone.id })).toMatchObject({ path: ['enrolmentId'], message: 'evaluation.anonymous_no_name' });
    expect((await o.t.ok('reaction.list', { eventId }, o.token))).toHaveLength(10);
  });
});

describe('the summary', () => {
  it('gives per item n, mean, the 0–100 index and the distribution, worked out by hand', async () => {
    const s = await o.t.ok('reaction.summary', { eventId }, o.token);
    expect(s).toMatchObject({ eventId, name: 'Bimtek Pelayanan Administrasi Terpadu Kecamatan', date: '2026-11-25', scale: 4, responses: 10, participants: 10 });
    const item = (id: string) => s.items.find((i) => i.id === id)!;
    // 4+4+4+3+3+3+3+2+4 = 30 over 9 forms (one blank): 3.33; (30/9 − 1) / 3 × 100 = 77.78.
    expect(item('materi_relevansi')).toMatchObject({ n: 9, mean: 3.33, index: 77.78, distribution: [0, 1, 4, 4] });
    // Both speakers on each form: Rudi 10 × 4, Siti 2 × 1 + 8 × 3 → 66 / 20 = 3.3, index 76.67.
    expect(item('narasumber_penguasaan')).toMatchObject({ n: 20, mean: 3.3, index: 76.67, distribution: [2, 0, 8, 10] });
    expect(item('fasilitas_konsumsi')).toMatchObject({ n: 8, mean: 2, index: 33.33, distribution: [0, 8, 0, 0] });
    expect(item('penyelenggaraan_jadwal')).toMatchObject({ n: 10, mean: 3, index: 66.67 });
  });

  it('gives per aspect, per speaker and overall', async () => {
    const s = await o.t.ok('reaction.summary', { eventId }, o.token);
    const aspect = (a: string) => s.aspects.find((x) => x.aspect === a)!;
    // materi: 30 + 3 × 30 = 120 over 39 answers: 3.08, index 69.23.
    expect(aspect('materi')).toEqual({ aspect: 'materi', n: 39, mean: 3.08, index: 69.23 });
    // narasumber: Rudi 40 × 4 = 160, Siti 26 + 90 = 116 → 276 / 80 = 3.45, index 81.67.
    expect(aspect('narasumber')).toEqual({ aspect: 'narasumber', n: 80, mean: 3.45, index: 81.67 });
    // fasilitas: 30 + 30 + 16 = 76 / 28 = 2.71, index 57.14.
    expect(aspect('fasilitas')).toEqual({ aspect: 'fasilitas', n: 28, mean: 2.71, index: 57.14 });
    expect(aspect('penyelenggaraan')).toEqual({ aspect: 'penyelenggaraan', n: 30, mean: 3, index: 66.67 });
    expect(s.speakers).toEqual([
      { speaker: RUDI, n: 40, mean: 4, index: 100 },
      { speaker: SITI, n: 40, mean: 2.9, index: 63.33 },
    ]);
    // The aspects' means averaged: (120/39 + 3.45 + 76/28 + 3) / 4 = 3.0603 → 3.06, index 68.68.
    expect(s.overall).toEqual({ n: 177, mean: 3.06, index: 68.68 });
    expect(s.comments).toEqual([
      { question: 'Kesan Anda terhadap pelatihan ini', answers: ['Sangat bermanfaat untuk pelayanan.'] },
      { question: 'Saran untuk perbaikan penyelenggaraan pelatihan berikutnya', answers: ['Waktu praktik ditambah.', 'Konsumsi diperbaiki.'] },
      { question: 'Materi pelatihan yang Anda butuhkan berikutnya', answers: [] },
    ]);
  });

  it('a removed form leaves its number unused, and the next form takes a new one', async () => {
    const extra = await o.t.ok('reaction.add', { eventId, answers: [{ item: 'fasilitas_ruang', speaker: null, score: 1 }] }, o.token);
    expect(extra.number).toBe(11);
    const wrote = await journalOf(o.db, () => o.t.ok('reaction.remove', { id: extra.id }, o.token));
    expect(ops(wrote)).toEqual(['reaction_response.delete']);
    const again = await o.t.ok('reaction.add', { eventId, answers: [{ item: 'fasilitas_ruang', speaker: null, score: 1 }] }, o.token);
    expect(again.number).toBe(12);
    await o.t.ok('reaction.remove', { id: again.id }, o.token);
    expect((await o.t.ok('reaction.list', { eventId }, o.token)).map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await o.t.ok('reaction.summary', { eventId }, o.token)).items.find((i) => i.id === 'fasilitas_ruang')).toMatchObject({ n: 10, mean: 3 });
    await o.t.fails('reaction.remove', { id: extra.id }, 'NOT_FOUND', o.token);
  });
});

describe('choosing the questionnaire', () => {
  it('is refused once forms are entered: neither another template nor another anonymity', async () => {
    const template = await o.t.ok('questionnaires.save', {
      name: 'Evaluasi Singkat', scale: 5,
      items: [{ id: 'guna', aspect: 'materi', text: 'Manfaat materi' }, { id: 'jelas', aspect: 'narasumber', text: 'Kejelasan penyampaian' }],
      openQuestions: [{ id: 'usul', text: 'Usulan' }],
    }, o.token);
    const other = await o.t.fails('reaction.setForm', { eventId, templateId: template.id }, 'CONFLICT', o.token);
    expect(other.details).toMatchObject({ reason: 'evaluation.form_has_responses', responses: 10 });
    expect(other.message).toContain('10 lembar isian');
    const named = await o.t.fails('reaction.setForm', { eventId, anonymous: false }, 'CONFLICT', o.token);
    expect(named.details?.reason).toBe('evaluation.anonymity_fixed');
    // The same choice again changes nothing and is not refused.
    expect(await o.t.ok('reaction.setForm', { eventId, templateId: BUILT_IN_TEMPLATE_ID, anonymous: true }, o.token)).toMatchObject({ templateId: BUILT_IN_TEMPLATE_ID, responses: 10 });
  });

  it('an operator may not write templates', async () => {
    await o.t.ok('users.create', { username: 'operator1', fullName: 'Operator Satu', role: 'operator', password: 'sandi-operator-1' }, o.token);
    const operator = await login(o.t, 'operator1', 'sandi-operator-1');
    await o.t.fails('questionnaires.save', { name: 'X', scale: 4, items: [{ id: 'a', aspect: 'materi', text: 'x' }] }, 'FORBIDDEN', operator);
    expect((await o.t.ok('questionnaires.list', {}, operator)).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a template naming one item twice', async () => {
    const twice = await o.t.fails('questionnaires.save', {
      name: 'Dobel', scale: 4, items: [{ id: 'a', aspect: 'materi', text: 'x' }, { id: 'a', aspect: 'fasilitas', text: 'y' }],
    }, 'VALIDATION', o.token);
    expect(twice.details?.issues?.[0]).toMatchObject({ path: ['items', 1, 'id'], message: 'evaluation.item_id_twice' });
  });
});

describe('a named questionnaire on another event, and the year compared', () => {
  let second: string;
  let templateId: string;
  let enrolments: { id: string; name: string }[];

  beforeAll(async () => {
    const event = await createEvent(o, { name: 'Workshop Tata Naskah Dinas', speakers: [{ name: 'dr. rudi hartono, m.si.', institution: 'BKPSDM', topic: 'Naskah dinas' }] });
    second = event.id;
    await addSession(o, second, '2026-12-02', '08:00', '12:00', { topic: 'Tata naskah' });
    await o.t.ok('enrolment.add', { eventId: second, employeeIds: o.employees.slice(8, 12).map((e) => e.id) }, o.token);
    enrolments = (await o.t.ok('enrolment.list', { eventId: second }, o.token)).map((e) => ({ id: e.id, name: e.name }));
    templateId = (await o.t.ok('questionnaires.list', {}, o.token)).find((q) => q.name === 'Evaluasi Singkat')!.id;
  });

  it('copies the chosen template into the event: a later edit or removal of the template leaves it as it was', async () => {
    const form = await o.t.ok('reaction.setForm', { eventId: second, templateId, anonymous: false }, o.token);
    expect(form).toMatchObject({ templateId, name: 'Evaluasi Singkat', scale: 5, anonymous: false, speakers: ['dr. rudi hartono, m.si.'], participants: 4 });
    const template = (await o.t.ok('questionnaires.list', {}, o.token)).find((q) => q.id === templateId)!;
    await o.t.ok('questionnaires.save', { id: templateId, name: template.name, scale: 4, items: [{ id: 'baru', aspect: 'fasilitas', text: 'Butir baru' }], openQuestions: [] }, o.token);
    await o.t.ok('questionnaires.remove', { id: templateId }, o.token);
    expect((await o.t.ok('questionnaires.list', {}, o.token)).some((q) => q.id === templateId)).toBe(false);
    const still = await o.t.ok('reaction.form', { eventId: second }, o.token);
    expect(still).toMatchObject({ templateId, name: 'Evaluasi Singkat', scale: 5 });
    expect(still.items.map((i) => i.id)).toEqual(['guna', 'jelas']);
    // A removed template cannot be chosen any more.
    await o.t.fails('reaction.setForm', { eventId, templateId }, 'NOT_FOUND', o.token);
  });

  it('takes one form per participant, enrolled in this event and not withdrawn', async () => {
    const add = (enrolmentId: string | null, score = 5) => o.t.call('reaction.add', {
      eventId: second, enrolmentId, answers: [{ item: 'guna', speaker: null, score }, { item: 'jelas', speaker: 'Dr. Rudi Hartono, M.Si.', score }],
    }, o.token);
    const nameless = await add(null);
    expect(!nameless.ok && nameless.error.details?.issues?.[0]).toMatchObject({ path: ['enrolmentId'], message: 'evaluation.participant_required' });
    const elsewhere = (await o.t.ok('enrolment.list', { eventId }, o.token))[0]!.id;
    const wrong = await add(elsewhere);
    expect(!wrong.ok && wrong.error.details?.issues?.[0]).toMatchObject({ message: 'evaluation.enrolment_not_in_event' });
    const first = await add(enrolments[0]!.id);
    expect(first.ok && first.value).toMatchObject({ number: 1, enrolmentId: enrolments[0]!.id });
    // The speaker is stored as the event names him.
    expect(first.ok && first.value.answers).toContainEqual({ item: 'jelas', speaker: 'dr. rudi hartono, m.si.', score: 5 });
    const twice = await add(enrolments[0]!.id);
    expect(!twice.ok && twice.error.details?.issues?.[0]).toMatchObject({ message: 'evaluation.response_exists', params: { name: enrolments[0]!.name } });
    await o.t.ok('enrolment.withdraw', { id: enrolments[3]!.id, reason: 'Sakit' }, o.token);
    const gone = await add(enrolments[3]!.id);
    expect(!gone.ok && gone.error.details?.issues?.[0]).toMatchObject({ message: 'evaluation.enrolment_withdrawn' });
    expect((await add(enrolments[1]!.id, 4)).ok).toBe(true);
  });

  it('compares the year\'s events, and each speaker across them by the index', async () => {
    const c = await o.t.ok('reaction.compare', { year: 2026 }, o.token);
    expect(c.events.map((e) => [e.name, e.date, e.responses, e.overall.mean, e.overall.index])).toEqual([
      ['Bimtek Pelayanan Administrasi Terpadu Kecamatan', '2026-11-25', 10, 3.06, 68.68],
      // Scale 5: materi 5, 4 → 4.5; narasumber 5, 4 → 4.5; index (4.5 − 1) / 4 × 100 = 87.5.
      ['Workshop Tata Naskah Dinas', '2026-12-02', 2, 4.5, 87.5],
    ]);
    expect(c.events[0]!.aspects.fasilitas).toEqual({ n: 28, mean: 2.71, index: 57.14 });
    expect(c.events[1]!.aspects.fasilitas).toEqual({ n: 0, mean: null, index: null });
    // Rudi: 40 answers of 4 on scale 4 (index 100 each) and 5, 4 on scale 5 (100, 75): 4175 / 42 = 99.40; two scales, no mean.
    expect(c.speakers).toEqual([
      { speaker: RUDI, events: 2, n: 42, mean: null, index: 99.4 },
      { speaker: SITI, events: 1, n: 40, mean: 2.9, index: 63.33 },
    ]);
    expect((await o.t.ok('reaction.compare', { year: 2027 }, o.token)).events).toEqual([]);
  });

  it('prints the named form with lines for a name and the speaker\'s column', async () => {
    const file = await o.t.ok('evaluation.formPdf', { eventId: second, kind: 'reaction' }, o.token);
    expect(file.fileName).toBe('evaluasi-reaksi-workshop-tata-naskah-dinas.pdf');
    const text = squash(pdfPages(file.dataBase64).join(' '));
    expect(text).toContain('Nama:');
    expect(text).not.toContain('tidak perlu menulis nama');
    expect(text).toContain('dr. rudi hartono, m.si.');
    expect(text).toContain('1 = Sangat kurang 2 = Kurang 3 = Cukup 4 = Baik 5 = Sangat baik');
  });
});

describe('the printed reaction form', () => {
  it('has the letterhead, the event, every item with boxes, a column per speaker, the open questions, and no name line', async () => {
    const file = await o.t.ok('evaluation.formPdf', { eventId, kind: 'reaction' }, o.token);
    expect(file).toMatchObject({ fileName: 'evaluasi-reaksi-bimtek-pelayanan-administrasi-terpadu-kecamatan.pdf', mimeType: 'application/pdf' });
    const pages = pdfPages(file.dataBase64);
    expect(pages).toHaveLength(1);
    const text = squash(pages[0]!);
    for (const s of ['KANTOR KECAMATAN PLAJU', 'LEMBAR EVALUASI PENYELENGGARAAN PELATIHAN', 'Bimtek Pelayanan Administrasi Terpadu Kecamatan',
      '25 November 2026 s.d. 26 November 2026', 'Aula Kantor Camat Plaju', 'Kuesioner ini anonim: Anda tidak perlu menulis nama.',
      '1 = Sangat kurang 2 = Kurang 3 = Baik 4 = Sangat baik', 'MATERI', 'NARASUMBER', 'FASILITAS', 'PENYELENGGARAAN', RUDI, SITI,
      'Saran untuk perbaikan penyelenggaraan pelatihan berikutnya', 'No. lembar']) {
      expect(text).toContain(s);
    }
    for (const item of ITEMS) expect(text).toContain(item.text.slice(0, 24));
    // The narasumber grid: under each speaker's name the points 1–4.
    const gridLine = pages[0]!.split('\n').find((l) => /Penguasaan materi/.test(l))!;
    expect(gridLine).toBeTruthy();
    expect(squash(pages[0]!)).toMatch(/1 2 3 4 1 2 3 4/);
    const dir = path.join(o.dir, 'png');
    fs.mkdirSync(dir, { recursive: true });
    const png = pdfPagePng(file.dataBase64, 1, dir, 'reaksi', 100);
    expect(fs.statSync(png).size).toBeGreaterThan(10_000);
    if (process.env.KEEP_PNG) fs.copyFileSync(png, path.join(process.env.KEEP_PNG, 'reaksi.png'));
  });
});
