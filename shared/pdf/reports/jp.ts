// Laporan pencapaian 20 JP: per unit (employees, reached, behind, average, % reached) and then
// per person, unit by unit, with the JP of the office's events and of external records against
// the target. Landscape A4.

import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces.js';
import { formatNip } from '../../domain/nip.ts';
import {
  NO_BREAKS, T, TOTAL_FILL, cell, columnNumbers, decimal, fill, maybe, numCell, reportDoc, sectionTitle, spanned, table, th,
  type TailLayout, type TailTable,
} from './common.ts';
import type { JpPersonRow, JpReport, JpUnitRow, ReportFrame } from './types.ts';

const J = T.jp;

/** "Tercapai" or "Kurang 6 JP". */
export const jpNote = (p: Pick<JpPersonRow, 'gap'>): string => (p.gap > 0 ? fill(J.behindNote, { gap: decimal(p.gap) }) : J.reachedNote);

function unitCells(u: JpUnitRow, bold: boolean): TableCell[] {
  const n = (text: string) => numCell(text, bold ? { bold: true, fillColor: TOTAL_FILL } : {});
  return [n(String(u.employees)), n(String(u.reached)), n(String(u.behind)), n(decimal(u.averageJp)), n(maybe(u.pctReached))];
}

function unitTable(r: JpReport): TailTable {
  return {
    key: 'units',
    widths: [16, '*', 70, 70, 70, 70, 70],
    head: () => [[th(T.common.no), th(J.unit), th(J.employees), th(J.reached), th(J.behind), th(J.averageJp), th(J.pctReached)], columnNumbers(7)],
    rows: r.units.map((u, i) => [numCell(String(i + 1)), cell(u.unit), ...unitCells(u, false)]),
    totals: r.unit ? [] : [[{ text: T.common.total, colSpan: 2, bold: true, alignment: 'right', fillColor: TOTAL_FILL }, '', ...unitCells(r.office, true)]],
  };
}

function personTable(r: JpReport): TailTable {
  // Unit by unit in the unit column; no band rows, which could be left alone at a page's foot.
  const rows = r.people.map((p, i): TableCell[] => {
    const behind = p.gap > 0;
    return [
      numCell(String(i + 1)), cell(formatNip(p.nip), { noWrap: true }), cell(p.name), cell(p.golongan, { alignment: 'center' }), cell(p.unit),
      numCell(decimal(p.eventJp)), numCell(`${decimal(p.externalJp)}${p.unverifiedJp > 0 ? J.unverifiedMark : ''}`),
      numCell(decimal(p.jp), { bold: true }), numCell(decimal(p.target)), numCell(behind ? decimal(p.gap) : T.common.dash),
      cell(jpNote(p), behind ? { color: '#a33' } : {}),
    ];
  });
  const sum = (k: 'eventJp' | 'externalJp' | 'jp' | 'gap') => decimal(Math.round(r.people.reduce((a, p) => a + p[k], 0) * 100) / 100);
  const total = (text: string) => numCell(text, { bold: true, fillColor: TOTAL_FILL });
  return {
    key: 'people',
    widths: [18, 98, '*', 34, 120, 46, 46, 42, 34, 36, 70],
    head: () => [[th(T.common.no), th(J.nip), th(J.name), th(J.golongan), th(J.unit), th(J.eventJp), th(J.externalJp), th(J.jp), th(J.target), th(J.gap), th(J.note)], columnNumbers(11)],
    rows,
    totals: [[{ text: T.common.total, colSpan: 5, bold: true, alignment: 'right', fillColor: TOTAL_FILL }, ...spanned(4),
      total(sum('eventJp')), total(sum('externalJp')), total(sum('jp')), total(''), total(sum('gap')), total('')]],
  };
}

export function jpDoc(frame: ReportFrame, r: JpReport, layout: TailLayout = NO_BREAKS): TDocumentDefinitions {
  const lines = [
    r.unit ? fill(J.unitLine, { unit: r.unit }) : fill(T.common.office, { office: frame.office.name }),
    fill(T.common.period, { year: r.year }),
    fill(J.targets, { pns: r.targets.pns, pppk: r.targets.pppk }),
  ];
  const content: Content[] = [
    sectionTitle(J.byUnit),
    ...table(unitTable(r), layout),
    sectionTitle(J.byPerson),
    ...(r.people.length ? table(personTable(r), layout, true) : [{ text: J.noPeople, italics: true }]),
  ];
  const unverified = r.people.some((p) => p.unverifiedJp > 0);
  return reportDoc({
    frame,
    orientation: 'landscape',
    title: fill(J.title, { year: r.year }),
    lines,
    content,
    closing: [
      { text: J.explain, fontSize: 7, color: '#333', margin: [0, 8, 0, 0] },
      ...(unverified ? [{ text: J.unverified, fontSize: 7, color: '#333', margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
    ],
    info: fill(J.title, { year: r.year }),
    fontSize: 7.5,
    layout,
  });
}
