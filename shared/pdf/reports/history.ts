// Riwayat pengembangan kompetensi of one person, for a promotion file: the identity block, then
// year by year every training completed with its JP and certificate number, the year's total
// against the target. Portrait A4.

import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces.js';
import { formatNip } from '../../domain/nip.ts';
import {
  NO_BREAKS, T, TOTAL_FILL, cell, dateSpan, decimal, facts, fill, numCell, reportDoc, sectionTitle, spanned, table, th,
  type TailLayout, type TailTable,
} from './common.ts';
import type { HistoryReport, HistoryYear, ReportFrame } from './types.ts';

const H = T.history;

function yearTable(y: HistoryYear): TailTable {
  const reached = y.totalJp >= y.target;
  return {
    key: `y${y.year}`,
    widths: [16, '*', 80, 72, 22, 92, 62],
    head: () => [[th(T.common.no), th(H.training), th(H.organiser), th(H.dates), th(H.jp), th(H.certificate), th(H.note)]],
    rows: y.trainings.map((x, i): TableCell[] => [
      numCell(String(i + 1)),
      { stack: [x.title, { text: x.methodName, fontSize: 6.5, color: '#444' }] },
      cell(x.organiser),
      cell(dateSpan(x.startDate, x.endDate)),
      numCell(decimal(x.jp)),
      cell(x.certificateNumber || T.common.dash, { fontSize: 7 }),
      x.source === 'event'
        ? cell(H.office)
        : { stack: [H.external, { text: x.verified ? H.verified : H.unverified, fontSize: 6.5, color: x.verified ? '#185' : '#a40' }] },
    ]),
    totals: [[
      { text: fill(H.yearTotal, { year: y.year }), colSpan: 4, bold: true, alignment: 'right', fillColor: TOTAL_FILL }, ...spanned(3),
      numCell(decimal(y.totalJp), { bold: true, fillColor: TOTAL_FILL }),
      { text: reached ? fill(H.reached, { target: y.target }) : fill(H.behind, { target: y.target, gap: decimal(Math.round((y.target - y.totalJp) * 100) / 100) }),
        colSpan: 2, bold: true, fillColor: TOTAL_FILL, color: reached ? '#185' : '#a40' }, '',
    ]],
    fontSize: 7.5,
  };
}

export function historyDoc(frame: ReportFrame, r: HistoryReport, layout: TailLayout = NO_BREAKS): TDocumentDefinitions {
  const p = r.person;
  const content: Content[] = [
    facts([[H.name, p.name], [H.nip, formatNip(p.nip)], [H.golongan, p.golongan], [H.jabatan, p.jabatan], [H.unit, p.unit]], 100),
  ];
  if (r.years.length === 0) content.push({ text: H.none, italics: true, margin: [0, 6, 0, 0] });
  r.years.forEach((y, i) => {
    const last = i === r.years.length - 1;
    content.push(sectionTitle(fill(H.year, { year: y.year })));
    if (y.trainings.length === 0) content.push({ text: fill(H.noneYear, { year: y.year }), italics: true });
    else content.push(...table(yearTable(y), layout, last));
  });
  const title = r.year ? fill(H.titleYear, { year: r.year }) : H.title;
  return reportDoc({
    frame,
    orientation: 'portrait',
    title,
    lines: [],
    content,
    closing: [{ text: H.legend, fontSize: 7, color: '#333', margin: [0, 8, 0, 0] }],
    info: `${title} — ${p.name}`,
    fontSize: 8.5,
    layout,
  });
}
