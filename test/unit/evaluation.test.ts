// The arithmetic of evaluation forms, worked by hand: means on the scale, the 0–100 index,
// distributions, skipped items, speakers, and follow-up due dates across short months.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { questionnaireFields } from '../../shared/contract/evaluation.ts';
import {
  addMonths, BUILT_IN_QUESTIONNAIRE, BUILT_IN_TEMPLATE_ID, distribution, FOLLOWUP_ITEMS, followupChange, pooledStat, scoreStat, summarize,
  type Questionnaire,
} from '../../shared/domain/evaluation.ts';
import { id } from '../../shared/i18n/id.ts';
import { en } from '../../shared/i18n/en.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the built-in questionnaire', () => {
  it('is a valid template on a 4-point scale with every aspect and the three open questions', () => {
    expect(questionnaireFields.safeParse(BUILT_IN_QUESTIONNAIRE).success).toBe(true);
    expect(BUILT_IN_QUESTIONNAIRE.scale).toBe(4);
    const count = (aspect: string) => BUILT_IN_QUESTIONNAIRE.items.filter((i) => i.aspect === aspect).length;
    expect([count('materi'), count('narasumber'), count('fasilitas'), count('penyelenggaraan')]).toEqual([4, 4, 3, 3]);
    expect(BUILT_IN_QUESTIONNAIRE.openQuestions.map((q) => q.id)).toEqual(['kesan', 'saran', 'materi_berikutnya']);
    const ids = [...BUILT_IN_QUESTIONNAIRE.items, ...BUILT_IN_QUESTIONNAIRE.openQuestions].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(BUILT_IN_TEMPLATE_ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('has follow-up items with distinct ids, one of them the need for further training', () => {
    expect(new Set(FOLLOWUP_ITEMS.map((i) => i.id)).size).toBe(FOLLOWUP_ITEMS.length);
    expect(FOLLOWUP_ITEMS.filter((i) => i.need).map((i) => i.id)).toEqual(['lanjutan']);
  });
});

describe('scores', () => {
  it('mean and index: (mean − 1) / (scale − 1) × 100', () => {
    expect(scoreStat([4, 4, 3, 2], 4)).toEqual({ n: 4, mean: 3.25, index: 75 });
    expect(scoreStat([1, 1], 4)).toEqual({ n: 2, mean: 1, index: 0 });
    expect(scoreStat([5, 4, 4], 5)).toEqual({ n: 3, mean: 4.33, index: 83.33 });
    expect(scoreStat([], 4)).toEqual({ n: 0, mean: null, index: null });
    // Rounded once at the end: (3 + 3 + 4) / 3 = 3.333…, index 77.777… → 77.78 (not from 3.33 → 77.67).
    expect(scoreStat([3, 3, 4], 4)).toEqual({ n: 3, mean: 3.33, index: 77.78 });
  });

  it('distribution counts each point of the scale', () => {
    expect(distribution([4, 4, 3, 1, 4], 4)).toEqual([1, 0, 1, 3]);
    expect(distribution([], 5)).toEqual([0, 0, 0, 0, 0]);
  });

  const q: Questionnaire = {
    name: 'Uji', scale: 4,
    items: [
      { id: 'm1', aspect: 'materi', text: 'Relevansi' },
      { id: 'm2', aspect: 'materi', text: 'Kedalaman' },
      { id: 'n1', aspect: 'narasumber', text: 'Penguasaan' },
      { id: 'f1', aspect: 'fasilitas', text: 'Ruang' },
    ],
    openQuestions: [{ id: 'saran', text: 'Saran' }],
  };

  it('summarizes items, aspects, speakers and overall; skipped items only lower n', () => {
    const s = summarize(q, [
      { answers: [{ item: 'm1', speaker: null, score: 4 }, { item: 'm2', speaker: null, score: 3 }, { item: 'n1', speaker: 'Bu Ani', score: 4 }, { item: 'n1', speaker: 'Pak Budi', score: 2 }, { item: 'f1', speaker: null, score: 3 }], comments: { saran: ' AC diperbaiki ' } },
      { answers: [{ item: 'm1', speaker: null, score: 3 }, { item: 'n1', speaker: 'bu ani', score: 3 }, { item: 'n1', speaker: 'Pak Budi', score: 2 }], comments: { saran: '' } },
    ], ['Bu Ani', 'Pak Budi', 'Pak Candra']);
    expect(s.items.map((i) => [i.id, i.n, i.mean, i.index])).toEqual([['m1', 2, 3.5, 83.33], ['m2', 1, 3, 66.67], ['n1', 4, 2.75, 58.33], ['f1', 1, 3, 66.67]]);
    expect(s.items[2]!.distribution).toEqual([0, 2, 1, 1]);
    // materi: 4, 3, 3 → 3.33; narasumber: 4, 2, 3, 2 → 2.75; fasilitas: 3; no penyelenggaraan item.
    expect(s.aspects.map((a) => [a.aspect, a.n, a.mean])).toEqual([['materi', 3, 3.33], ['narasumber', 4, 2.75], ['fasilitas', 1, 3]]);
    // Speakers matched whatever the case; one never rated is listed with n 0.
    expect(s.speakers).toEqual([
      { speaker: 'Bu Ani', n: 2, mean: 3.5, index: 83.33 },
      { speaker: 'Pak Budi', n: 2, mean: 2, index: 33.33 },
      { speaker: 'Pak Candra', n: 0, mean: null, index: null },
    ]);
    // Overall: the mean of the aspects' means (10/3 + 2.75 + 3) / 3 = 3.02777… → 3.03, index 67.59.
    expect(s.overall).toEqual({ n: 8, mean: 3.03, index: 67.59 });
    expect(s.comments).toEqual([{ question: 'Saran', answers: ['AC diperbaiki'] }]);
  });

  it('pools speakers across scales by the index, with a mean only on one scale', () => {
    expect(pooledStat([{ scale: 4, scores: [4, 3] }, { scale: 4, scores: [2] }])).toEqual({ n: 3, mean: 3, index: 66.67 });
    // 4 on 4 → 100, 3 on 5 → 50: index 75, no common mean.
    expect(pooledStat([{ scale: 4, scores: [4] }, { scale: 5, scores: [3] }])).toEqual({ n: 2, mean: null, index: 75 });
  });

  it('the follow-up change score leaves the need item out', () => {
    expect(followupChange([{ item: 'penerapan', score: 4 }, { item: 'kinerja', score: 3 }, { item: 'lanjutan', score: 1 }])).toBe(3.5);
    expect(followupChange(null)).toBeNull();
  });
});

describe('addMonths', () => {
  it('keeps the day where the month has it, else takes the last day', () => {
    expect(addMonths('2026-11-26', 3)).toBe('2027-02-26');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-10-31', 24)).toBe('2028-10-31');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});

describe('messages', () => {
  it('every evaluation.* key the backend and the contract use has a text in both languages', () => {
    const files = [
      'shared/contract/evaluation.ts', 'shared/contract/validate.ts', 'electron/backend/services/evaluation.ts',
      ...fs.readdirSync(path.join(ROOT, 'electron/backend/evaluation')).map((f) => `electron/backend/evaluation/${f}`),
    ];
    const keys = new Set<string>();
    for (const f of files) for (const m of fs.readFileSync(path.join(ROOT, f), 'utf8').matchAll(/'(evaluation\.[a-z_]+)'/g)) keys.add(m[1]!);
    keys.delete('evaluation.results'); // a method's name
    keys.delete('evaluation.createNeed');
    keys.delete('evaluation.formPdf');
    expect(keys.size).toBeGreaterThan(25);
    const leaf = (c: unknown, k: string) => k.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], c);
    expect([...keys].filter((k) => typeof leaf(id, k) !== 'string' || typeof leaf(en, k) !== 'string')).toEqual([]);
  });
});
