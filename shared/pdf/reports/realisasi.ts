// Laporan realisasi program: each programme item of the year, plan against realisation, grouped
// by funding source with subtotals and a grand total; then the events held outside the plan.
// Landscape A4: fifteen columns.

import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces.js';
import {
  NO_BREAKS, T, TAIL_ROWS, TOTAL_FILL, cell, columnNumbers, dateSpan, decimal, fill, maybe, numCell, reportDoc, rupiah, sectionTitle, shaded, spanned, table, th,
  type Keep, type TailLayout, type TailTable,
} from './common.ts';
import type { RealisasiFigures, RealisasiReport, ReportFrame } from './types.ts';

const R = T.realisasi;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** The nine figures of a row, from planned participants to cost per participant. */
function figures(f: RealisasiFigures, bold: boolean, plannedJp: number | null): TableCell[] {
  const n = (text: string) => numCell(text, bold ? { bold: true } : {});
  return [
    n(String(f.targetCount)), n(plannedJp === null ? '' : decimal(plannedJp)), n(rupiah(f.budget)),
    n(String(f.eventsHeld)), n(String(f.completed)), n(decimal(f.deliveredJp)), n(rupiah(f.spent)),
    n(maybe(f.pctParticipants)), n(maybe(f.pctBudget)), n(maybe(f.costPerJp, rupiah)), n(maybe(f.costPerParticipant, rupiah)),
  ];
}

function totalRow(label: string, f: RealisasiFigures, strong = false): TableCell[] {
  const fillColor = strong ? '#dfe5ea' : TOTAL_FILL;
  return ([{ text: label, colSpan: 3, bold: true, alignment: 'right' }, ...spanned(2), ...figures(f, true, null), ''] as TableCell[]).map((c) => shaded(c, fillColor));
}

function mainTable(r: RealisasiReport): TailTable {
  const head = (): TableCell[][] => [
    [th(T.common.no, { rowSpan: 2 }), th(R.item, { rowSpan: 2 }), th(R.month, { rowSpan: 2 }),
      th(R.plan, { colSpan: 3 }), ...spanned(2), th(R.realisation, { colSpan: 4 }), ...spanned(3), th(R.ratios, { colSpan: 4 }), ...spanned(3),
      th(R.status, { rowSpan: 2 })],
    ['', '', '', th(R.targetShort), th(R.plannedJp), th(R.budget), th(R.heldShort), th(R.completedShort), th(R.deliveredJpShort), th(R.spent),
      th(R.pctParticipants), th(R.pctBudget), th(R.costPerJp), th(R.costPerParticipant), ''],
    columnNumbers(15),
  ];
  const rows: TableCell[][] = [];
  const keep: Keep[] = [];
  let no = 0;
  for (const g of r.groups) {
    const band = rows.length;
    // The band with the group's first item, the subtotal with the rows above it.
    keep.push({ from: band, to: band + 1 }, { from: Math.max(band, band + g.items.length - TAIL_ROWS + 1), to: band + g.items.length + 1 });
    rows.push([{ text: fill(R.fundingGroup, { funding: g.label }), colSpan: 15, bold: true, fillColor: TOTAL_FILL }, ...spanned(14)]);
    for (const i of g.items) {
      rows.push([
        numCell(String(++no)),
        { stack: [i.title, { text: `${i.methodName} · ${i.competencyType}`, fontSize: 6.5, color: '#444' }] },
        cell(MONTHS[i.plannedMonth - 1] ?? '', { alignment: 'center' }),
        ...figures(i, false, i.plannedJp),
        cell(i.status, { alignment: 'center' }),
      ]);
    }
    rows.push(totalRow(fill(R.subtotal, { funding: g.label }), g.subtotal));
  }
  return {
    key: 'items',
    widths: [14, '*', 24, 30, 28, 60, 22, 28, 34, 60, 32, 34, 50, 54, 50],
    head,
    rows,
    keep,
    totals: [totalRow(T.common.grandTotal, r.total, true)],
  };
}

function unplannedTable(r: RealisasiReport): TailTable {
  const completed = r.unplanned.reduce((a, e) => a + e.completed, 0);
  const jp = Math.round(r.unplanned.reduce((a, e) => a + e.deliveredJp, 0) * 100) / 100;
  return {
    key: 'unplanned',
    widths: [14, '*', 130, 110, 60, 44, 50],
    head: () => [
      [th(T.common.no), th(R.event), th(R.method), th(R.dates), th(R.eventStatus), th(R.completedShort), th(R.deliveredJp)],
    ],
    rows: r.unplanned.map((e, i) => [
      numCell(String(i + 1)), cell(e.name), cell(e.methodName), cell(dateSpan(e.startDate, e.endDate)), cell(e.status, { alignment: 'center' }),
      numCell(String(e.completed)), numCell(decimal(e.deliveredJp)),
    ]),
    totals: [[{ text: T.common.total, colSpan: 5, bold: true, alignment: 'right', fillColor: TOTAL_FILL }, ...spanned(4),
      numCell(String(completed), { bold: true, fillColor: TOTAL_FILL }), numCell(decimal(jp), { bold: true, fillColor: TOTAL_FILL })]],
  };
}

export function realisasiDoc(frame: ReportFrame, r: RealisasiReport, layout: TailLayout = NO_BREAKS): TDocumentDefinitions {
  const hasUnplanned = r.unplanned.length > 0;
  const content: Content[] = r.groups.length === 0
    ? [{ text: fill(R.noItems, { year: r.year }), italics: true, margin: [0, 4, 0, 4] }]
    : table(mainTable(r), layout, !hasUnplanned);
  if (hasUnplanned) {
    content.push(
      { unbreakable: true, stack: [sectionTitle(R.unplannedTitle), { text: fill(R.unplannedNote, { year: r.year }), fontSize: 7.5, margin: [0, 0, 0, 4] }] },
      ...table(unplannedTable(r), layout, true),
    );
  }
  const closing: Content[] = [
    { text: R.notes, fontSize: 7, color: '#333', margin: [0, 8, 0, 0] },
    ...(r.cancelled.length ? [{ text: fill(R.cancelled, { items: r.cancelled.map((c) => `${c.title} (Rp ${rupiah(c.budget)})`).join('; ') }), fontSize: 7, color: '#333', margin: [0, 3, 0, 0] as [number, number, number, number] }] : []),
  ];
  return reportDoc({
    frame,
    orientation: 'landscape',
    title: fill(R.title, { year: r.year }),
    lines: [fill(T.common.office, { office: frame.office.name }), fill(T.common.period, { year: r.year })],
    content,
    closing,
    info: fill(R.title, { year: r.year }),
    fontSize: 7,
    layout,
  });
}
