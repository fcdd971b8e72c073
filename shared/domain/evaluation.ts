// Evaluation by the Kirkpatrick levels as district offices practise them: the reaction
// questionnaire that ships with the app, the supervisor's follow-up items, and the arithmetic
// of Likert answers (means, a 0–100 index, distributions). Pure: the backend, the screens and
// the printed forms use the same lines.

import { daysInMonth } from './calendar-date.ts';
import { round2 } from './jp.ts';

export type Aspect = 'materi' | 'narasumber' | 'fasilitas' | 'penyelenggaraan';
export const ASPECTS: readonly Aspect[] = ['materi', 'narasumber', 'fasilitas', 'penyelenggaraan'];

export interface QuestionItem { id: string; aspect: Aspect; text: string }
export interface OpenQuestion { id: string; text: string }
export type Scale = 4 | 5;

export interface Questionnaire {
  name: string;
  scale: Scale;
  items: QuestionItem[];
  openQuestions: OpenQuestion[];
}

/** The built-in template's id: the same in every office, so events and reports can name it. */
export const BUILT_IN_TEMPLATE_ID = '00000000-0000-7000-8000-00000000e0a1';

/**
 * The reaction questionnaire that comes with the app, worded as government training evaluations
 * word it. Scale 4, so nobody can sit on the fence.
 */
export const BUILT_IN_QUESTIONNAIRE: Questionnaire = {
  name: 'Evaluasi Penyelenggaraan Pelatihan (bawaan)',
  scale: 4,
  items: [
    { id: 'materi_relevansi', aspect: 'materi', text: 'Relevansi materi dengan tugas dan pekerjaan Anda' },
    { id: 'materi_kedalaman', aspect: 'materi', text: 'Kedalaman pembahasan materi' },
    { id: 'materi_sistematika', aspect: 'materi', text: 'Sistematika penyajian materi' },
    { id: 'materi_kegunaan', aspect: 'materi', text: 'Kegunaan materi untuk meningkatkan kompetensi Anda' },
    { id: 'narasumber_penguasaan', aspect: 'narasumber', text: 'Penguasaan materi' },
    { id: 'narasumber_penyampaian', aspect: 'narasumber', text: 'Cara penyampaian materi (runtut dan mudah dipahami)' },
    { id: 'narasumber_waktu', aspect: 'narasumber', text: 'Ketepatan waktu' },
    { id: 'narasumber_tanggapan', aspect: 'narasumber', text: 'Tanggapan atas pertanyaan peserta' },
    { id: 'fasilitas_ruang', aspect: 'fasilitas', text: 'Kenyamanan ruang pelatihan' },
    { id: 'fasilitas_alat', aspect: 'fasilitas', text: 'Kelengkapan dan kondisi alat bantu (proyektor, pengeras suara, bahan tayang)' },
    { id: 'fasilitas_konsumsi', aspect: 'fasilitas', text: 'Kualitas dan ketepatan penyajian konsumsi' },
    { id: 'penyelenggaraan_informasi', aspect: 'penyelenggaraan', text: 'Kejelasan informasi dan undangan pelatihan' },
    { id: 'penyelenggaraan_jadwal', aspect: 'penyelenggaraan', text: 'Ketepatan jadwal pelaksanaan' },
    { id: 'penyelenggaraan_pelayanan', aspect: 'penyelenggaraan', text: 'Pelayanan panitia kepada peserta' },
  ],
  openQuestions: [
    { id: 'kesan', text: 'Kesan Anda terhadap pelatihan ini' },
    { id: 'saran', text: 'Saran untuk perbaikan penyelenggaraan pelatihan berikutnya' },
    { id: 'materi_berikutnya', text: 'Materi pelatihan yang Anda butuhkan berikutnya' },
  ],
};

/** Headings of the aspects on printed forms and reports. */
export const ASPECT_TITLE: Record<Aspect, string> = {
  materi: 'Materi',
  narasumber: 'Narasumber',
  fasilitas: 'Fasilitas',
  penyelenggaraan: 'Penyelenggaraan',
};

/** What each point of the scale means, 1 first. */
export const SCALE_LABELS: Record<Scale, readonly string[]> = {
  4: ['Sangat kurang', 'Kurang', 'Baik', 'Sangat baik'],
  5: ['Sangat kurang', 'Kurang', 'Cukup', 'Baik', 'Sangat baik'],
};

// ── level 3: the supervisor's follow-up ──────────────────────────────────────────────────
export interface FollowupItem {
  id: string;
  text: string;
  /**
   * True for the one item where 4 means "much needed" rather than "much better": kept out of
   * the change score, reported as a need.
   */
  need?: true;
}

export const FOLLOWUP_ITEMS: readonly FollowupItem[] = [
  { id: 'penerapan', text: 'Menerapkan pengetahuan dan keterampilan dari pelatihan dalam pelaksanaan tugas' },
  { id: 'kinerja', text: 'Kinerja dan kualitas hasil kerja meningkat setelah mengikuti pelatihan' },
  { id: 'berbagi', text: 'Berbagi pengetahuan hasil pelatihan dengan rekan kerja' },
  { id: 'sikap', text: 'Perubahan sikap dan disiplin kerja ke arah yang lebih baik' },
  { id: 'mandiri', text: 'Menyelesaikan pekerjaan yang berkaitan dengan materi pelatihan secara lebih mandiri' },
  { id: 'lanjutan', text: 'Kebutuhan pelatihan lanjutan di bidang yang sama', need: true },
];

export const FOLLOWUP_SCALE = 4;
export const FOLLOWUP_LABELS: readonly string[] = ['Tidak/sangat kurang', 'Kurang', 'Baik', 'Sangat baik'];
export const FOLLOWUP_NEED_LABELS: readonly string[] = ['Tidak perlu', 'Kurang perlu', 'Perlu', 'Sangat perlu'];

/** The mean of the behaviour items of a filled-in follow-up (the need item aside), or null. */
export function followupChange(answers: readonly { item: string; score: number }[] | null): number | null {
  if (!answers) return null;
  const counted = new Set(FOLLOWUP_ITEMS.filter((i) => !i.need).map((i) => i.id));
  const scores = answers.filter((a) => counted.has(a.item)).map((a) => a.score);
  return scores.length ? round2(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
}

// ── arithmetic ───────────────────────────────────────────────────────────────────────────
export interface ScoreStat {
  n: number;
  /** Mean on the scale, to hundredths; null without answers. */
  mean: number | null;
  /** (mean − 1) / (scale − 1) × 100, to hundredths: 0 when all say 1, 100 when all say the top. */
  index: number | null;
}

export function toIndex(mean: number, scale: number): number {
  return ((mean - 1) / (scale - 1)) * 100;
}

/** n, mean and index of some answers; rounding happens once, at the end. */
export function scoreStat(scores: readonly number[], scale: number): ScoreStat {
  if (!scores.length) return { n: 0, mean: null, index: null };
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return { n: scores.length, mean: round2(mean), index: round2(toIndex(mean, scale)) };
}

/** How many said 1, 2, … scale. */
export function distribution(scores: readonly number[], scale: number): number[] {
  const counts = Array.from({ length: scale }, () => 0);
  for (const s of scores) if (s >= 1 && s <= scale) counts[s - 1]! += 1;
  return counts;
}

export interface Answer { item: string; speaker: string | null; score: number }
export interface ResponseData { answers: readonly Answer[]; comments: Readonly<Record<string, string>> }

export interface Summary {
  items: (ScoreStat & { id: string; aspect: Aspect; text: string; distribution: number[] })[];
  aspects: (ScoreStat & { aspect: Aspect })[];
  speakers: (ScoreStat & { speaker: string })[];
  overall: ScoreStat;
  comments: { question: string; answers: string[] }[];
}

/** Speakers are told apart by their name, whatever the spacing or case a clerk typed. */
export const speakerKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');

/**
 * A questionnaire's answers summed up. Skipped items (blank on paper) are simply not there: each
 * item's n says how many answered it.
 * - an item: every answer to it (a narasumber item once per speaker);
 * - an aspect: every answer to its items together;
 * - a speaker: every answer about them, across the narasumber items;
 * - overall: the mean of the aspects' means (aspects answered), so the number of speakers does
 *   not weigh the narasumber aspect more than the others; n is every answer.
 */
export function summarize(q: Pick<Questionnaire, 'scale' | 'items' | 'openQuestions'>, responses: readonly ResponseData[], speakers: readonly string[] = []): Summary {
  const byItem = new Map<string, number[]>(q.items.map((i) => [i.id, []]));
  const bySpeaker = new Map<string, { name: string; scores: number[] }>(speakers.map((s) => [speakerKey(s), { name: s, scores: [] }]));
  const aspectOf = new Map(q.items.map((i) => [i.id, i.aspect]));
  for (const r of responses) {
    for (const a of r.answers) {
      const scores = byItem.get(a.item);
      if (!scores) continue;
      scores.push(a.score);
      if (a.speaker !== null && aspectOf.get(a.item) === 'narasumber') {
        const key = speakerKey(a.speaker);
        if (!bySpeaker.has(key)) bySpeaker.set(key, { name: a.speaker, scores: [] });
        bySpeaker.get(key)!.scores.push(a.score);
      }
    }
  }
  const items = q.items.map((i) => ({ id: i.id, aspect: i.aspect, text: i.text, ...scoreStat(byItem.get(i.id)!, q.scale), distribution: distribution(byItem.get(i.id)!, q.scale) }));
  const aspectScores = ASPECTS.map((aspect) => q.items.filter((i) => i.aspect === aspect).flatMap((i) => byItem.get(i.id)!));
  // Only the aspects the questionnaire asks about.
  const aspects = ASPECTS.map((aspect, k) => ({ aspect, ...scoreStat(aspectScores[k]!, q.scale) }))
    .filter((a) => q.items.some((i) => i.aspect === a.aspect));
  const answered = aspectScores.filter((s) => s.length);
  const overallMean = answered.length ? answered.reduce((a, s) => a + s.reduce((x, y) => x + y, 0) / s.length, 0) / answered.length : null;
  return {
    items,
    aspects,
    speakers: [...bySpeaker.values()].map((s) => ({ speaker: s.name, ...scoreStat(s.scores, q.scale) })),
    overall: overallMean === null
      ? { n: 0, mean: null, index: null }
      : { n: aspectScores.reduce((a, s) => a + s.length, 0), mean: round2(overallMean), index: round2(toIndex(overallMean, q.scale)) },
    comments: q.openQuestions.map((oq) => ({
      question: oq.text,
      answers: responses.map((r) => (r.comments[oq.id] ?? '').trim()).filter(Boolean),
    })),
  };
}

/**
 * Speakers across events that may use different scales: each answer becomes an index first,
 * then they are averaged. The mean is given only when every answer is on the same scale.
 */
export function pooledStat(groups: readonly { scale: number; scores: readonly number[] }[]): ScoreStat {
  const all = groups.flatMap((g) => g.scores.map((s) => ({ s, scale: g.scale })));
  if (!all.length) return { n: 0, mean: null, index: null };
  const index = all.reduce((a, x) => a + toIndex(x.s, x.scale), 0) / all.length;
  const oneScale = new Set(all.map((x) => x.scale)).size === 1;
  return { n: all.length, mean: oneScale ? round2(all.reduce((a, x) => a + x.s, 0) / all.length) : null, index: round2(index) };
}

/** Mean of some numbers to hundredths, null for none. */
export function meanOf(values: readonly number[]): number | null {
  return values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null;
}

// ── dates ────────────────────────────────────────────────────────────────────────────────
/**
 * A calendar date `months` later, the day kept where the month has it and the month's last day
 * otherwise: 31 January + 1 month is 28 (or 29) February, 31 August + 1 month is 30 September.
 */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
