// Laporan evaluasi per kegiatan: for each event the four levels as district offices practise
// them — the participants' reaction (per aspect and per speaker, a 0–100 index), learning
// (pre-test and post-test), behaviour (the supervisors' follow-ups) and completion. One event per
// page group, portrait A4.

import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces.js';
import {
  NO_BREAKS, T, TOTAL_FILL, cell, dateSpan, decimal, facts, fill, gridLayout, maybe, numCell, reportDoc, shaded, th,
  type TailLayout,
} from './common.ts';
import type { EvaluasiReport, EvaluationEvent, ReportFrame, Stat } from './types.ts';

const E = T.evaluasi;

const levelTitle = (text: string): Content => ({ text, bold: true, fontSize: 9.5, margin: [0, 8, 0, 3], headlineLevel: 1 });
const note = (text: string): Content => ({ text, italics: true, color: '#444', margin: [0, 0, 0, 2] });

function grid(widths: (number | string)[], body: TableCell[][]): Content {
  return { table: { headerRows: 1, dontBreakRows: true, widths, body }, layout: gridLayout };
}

const statCells = (s: Stat, bold = false): TableCell[] => [
  numCell(String(s.n), bold ? { bold: true } : {}), numCell(maybe(s.mean), bold ? { bold: true } : {}), numCell(maybe(s.index), bold ? { bold: true } : {}),
];

function reaction(e: EvaluationEvent): Content[] {
  const r = e.reaction;
  if (!r || r.responses === 0) return [levelTitle(E.level1), note(E.noResponses)];
  const out: Content[] = [
    levelTitle(E.level1),
    { text: fill(E.responsesLine, { responses: r.responses, participants: e.participants, scale: r.scale }), margin: [0, 0, 0, 3] },
    grid([20, '*', 60, 60, 70], [
      [th(T.common.no), th(E.aspect), th(E.n), th(E.mean), th(E.index)],
      ...r.aspects.map((a, i): TableCell[] => [numCell(String(i + 1)), cell(E.aspects[a.aspect as keyof typeof E.aspects] ?? a.aspect), ...statCells(a)]),
      [{ text: E.overall, colSpan: 2, bold: true, alignment: 'right', fillColor: TOTAL_FILL }, '', ...statCells(r.overall, true).map((c) => shaded(c))],
    ]),
  ];
  if (r.speakers.length) {
    out.push({ text: ' ', fontSize: 4 }, grid([20, '*', 60, 60, 70], [
      [th(T.common.no), th(E.speaker), th(E.n), th(E.mean), th(E.index)],
      ...r.speakers.map((s, i): TableCell[] => [numCell(String(i + 1)), cell(s.speaker), ...statCells(s)]),
    ]));
  }
  return out;
}

function learning(e: EvaluationEvent): Content[] {
  const l = e.learning;
  if (l.scored === 0) return [levelTitle(E.level2), note(E.noScores)];
  return [
    levelTitle(E.level2),
    grid([84, 84, 84, 84, 84], [
      [th(E.scored), th(E.meanPre), th(E.meanPost), th(E.meanGain), th(E.belowMinimum)],
      [numCell(String(l.scored)), numCell(maybe(l.meanPre)), numCell(maybe(l.meanPost)), numCell(maybe(l.meanGain)),
        numCell(l.minPostTest === null ? T.common.dash : String(l.belowMinimum))],
    ]),
    ...(l.minPostTest !== null ? [{ text: fill(E.minPostTest, { min: decimal(l.minPostTest) }), fontSize: 7.5, margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
  ];
}

function behaviour(e: EvaluationEvent): Content[] {
  const b = e.behaviour;
  if (b.scheduled === 0) return [levelTitle(E.level3), note(E.noFollowups)];
  const out: Content[] = [
    levelTitle(E.level3),
    grid([84, 84, 84], [
      [th(E.followupsDone), th(E.followupsDue), th(E.followupsUpcoming)],
      [numCell(String(b.done)), numCell(String(b.due)), numCell(String(b.upcoming))],
    ]),
  ];
  if (b.done > 0) {
    out.push({ text: ' ', fontSize: 4 }, grid([20, '*', 50, 60], [
      [th(T.common.no), th(E.followupItem), th(E.n), th(E.mean)],
      ...b.items.map((x, i): TableCell[] => [numCell(String(i + 1)), cell(x.item), numCell(String(x.n)), numCell(maybe(x.mean))]),
    ]));
    out.push({ text: E.findings, bold: true, margin: [0, 5, 0, 2] });
    out.push(b.findings.length
      ? { ul: b.findings.map((f) => ({ text: [{ text: `${f.name}: `, bold: true }, f.text] })), margin: [4, 0, 0, 0] }
      : note(E.noFindings));
  }
  return out;
}

function completion(e: EvaluationEvent): Content[] {
  const c = e.completion;
  const post = c.minPostTest !== null ? fill(E.completionPost, { min: decimal(c.minPostTest) }) : '';
  return [{
    unbreakable: true,
    stack: [
      levelTitle(E.level4),
      { text: fill(E.completionLine, { pct: decimal(c.minAttendancePct), post }), margin: [0, 0, 0, 3] },
      grid([84, 84], [
        [th(E.passed), th(E.notPassed)],
        [numCell(String(c.passed), { bold: true }), numCell(String(c.notPassed))],
      ]),
    ],
  }];
}

function eventSection(e: EvaluationEvent, first: boolean): Content[] {
  return [
    { text: e.name, bold: true, fontSize: 10.5, margin: [0, 0, 0, 4], ...(first ? {} : { pageBreak: 'before' as const }) },
    facts([[E.method, e.methodName], [E.dates, dateSpan(e.startDate, e.endDate)], [E.place, e.place], [E.participants, String(e.participants)]], 100),
    ...reaction(e),
    ...learning(e),
    ...behaviour(e),
  ];
}

export function evaluasiDoc(frame: ReportFrame, r: EvaluasiReport, _layout: TailLayout = NO_BREAKS): TDocumentDefinitions {
  const content: Content[] = [];
  r.events.forEach((e, i) => {
    content.push(...eventSection(e, i === 0));
    // The last event's completion travels with the signature; the others close their section.
    if (i < r.events.length - 1) content.push(...completion(e));
  });
  if (r.events.length === 0) content.push(note(fill(E.noEvents, { year: r.year })));
  const last = r.events.at(-1);
  return reportDoc({
    frame,
    orientation: 'portrait',
    title: fill(E.title, { year: r.year }),
    lines: [fill(T.common.office, { office: frame.office.name }), fill(T.common.period, { year: r.year })],
    content,
    closing: last ? completion(last) : [],
    info: fill(E.title, { year: r.year }),
    fontSize: 8.5,
  });
}
