// What every report shares: the kop (letterhead), the centred capital title, numbers written the
// Indonesian way, table cells, page numbers, the signature block, and the runs of rows a page
// must not tear apart (a subtotal and the rows above it, the last rows and the signature).

import type { Content, ContentTable, Node, NodeQueries, PageOrientation, TDocumentDefinitions, TableCell, TableLayout } from 'pdfmake/interfaces.js';
import { formatNip } from '../../domain/nip.ts';
import { formatDate } from '../../domain/dates.ts';
import { reports } from '../../i18n/id/reports.ts';
import type { ReportFrame, ReportOffice } from './types.ts';

/** The reports' texts: always Bahasa Indonesia, as the documents are. */
export const T = reports.reports;

/** "{{year}}" and friends filled in. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

const NUMBER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const WHOLE = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** 1.250.000 — whole rupiah with thousands dots. */
export const rupiah = (n: number): string => WHOLE.format(Math.round(n));
/** 12,5 — JP and means with a decimal comma. */
export const decimal = (n: number): string => NUMBER.format(n);
/** A figure that may be missing ("–"). */
export const maybe = (n: number | null, f: (n: number) => string = decimal): string => (n === null ? T.common.dash : f(n));

/** "25 November 2026", or "25–27 November 2026" / "30 November 2026 s.d. 2 Januari 2027" for a span. */
export function dateSpan(start: string | null, end: string | null): string {
  if (!start) return T.common.dash;
  if (!end || end === start) return formatDate(start);
  const [a, b] = [formatDate(start), formatDate(end)];
  if (start.slice(0, 7) === end.slice(0, 7)) return `${Number(start.slice(8))}–${b}`;
  return `${a} s.d. ${b}`;
}

export const PAGE = {
  portrait: { width: 595.28, margins: [48, 40, 40, 44] as [number, number, number, number] },
  landscape: { width: 841.89, margins: [36, 32, 32, 40] as [number, number, number, number] },
};
export const contentWidth = (o: PageOrientation) => PAGE[o].width - PAGE[o].margins[0] - PAGE[o].margins[2];

/** The kop: logo on the left, government, office and address centred, a thick and a thin rule. */
export function kop(office: ReportOffice, width: number): Content {
  const logo = 52;
  return {
    stack: [
      {
        columns: [
          office.logoDataUrl ? { image: office.logoDataUrl, fit: [logo, logo], width: logo } : { text: '', width: logo },
          {
            width: '*',
            alignment: 'center',
            stack: [
              ...(office.regency ? [{ text: fill(T.common.government, { regency: office.regency.toUpperCase() }), fontSize: 11.5, bold: true }] : []),
              { text: office.name.toUpperCase(), fontSize: 14, bold: true },
              ...(office.address ? [{ text: office.address, fontSize: 8.5 }] : []),
            ],
          },
          // Balances the logo so the text is centred on the page, not on what is left of it.
          { text: '', width: logo },
        ],
      },
      { canvas: [
        { type: 'line', x1: 0, y1: 5, x2: width, y2: 5, lineWidth: 2 },
        { type: 'line', x1: 0, y1: 8, x2: width, y2: 8, lineWidth: 0.6 },
      ] },
    ],
  };
}

/** The centred capital title and the lines under it (office, period). */
export function titleBlock(title: string, lines: readonly string[]): Content {
  return {
    margin: [0, 10, 0, 8],
    stack: [
      { text: title, bold: true, fontSize: 11.5, alignment: 'center' },
      ...lines.map((l) => ({ text: l, alignment: 'center' as const, fontSize: 9, margin: [0, 2, 0, 0] as [number, number, number, number] })),
    ],
  };
}

/** A heading; never the last line of a page (see pageBreaks). */
export const sectionTitle = (text: string, pageBreak = false): Content => ({
  text, bold: true, fontSize: 10, margin: [0, 10, 0, 4], headlineLevel: 1, ...(pageBreak ? { pageBreak: 'before' as const } : {}),
});

/** Marks the end of the document: what the probe of the last rows looks for on their page. */
const DOC_END = 'report-end';

/** Place and date, the signer's title, room to sign, the name underlined and the NIP. */
export function signature(frame: ReportFrame): Content {
  const { signer } = frame.office;
  return {
    unbreakable: true,
    margin: [0, 18, 0, 0],
    columns: [
      { text: '', width: '*' },
      {
        width: 230,
        alignment: 'center',
        stack: [
          frame.placeDate,
          { text: signer.title, bold: true },
          { text: ' ', margin: [0, 30, 0, 0] },
          { text: signer.name, bold: true, decoration: 'underline' },
          signer.nip ? `NIP ${formatNip(signer.nip)}` : '',
          { text: ' ', id: DOC_END, fontSize: 1 },
        ],
      },
    ],
  };
}

export const footer = (page: number, pages: number): Content => ({
  text: fill(T.common.page, { page, pages }), alignment: 'center', fontSize: 7.5, color: '#444', margin: [0, 12, 0, 0],
});

// ── cells ──────────────────────────────────────────────────────────────────────────────
export const HEAD_FILL = '#e4eaee';
export const TOTAL_FILL = '#f1f3f5';

export const th = (text: string, extra: Partial<Record<'colSpan' | 'rowSpan', number>> = {}): TableCell =>
  ({ text, bold: true, alignment: 'center', fillColor: HEAD_FILL, ...extra });
export const cell = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, ...extra });
export const numCell = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, alignment: 'right', noWrap: true, ...extra });
/** A column-number row under the headers ("1 2 3 …"), as government tables carry. */
export const columnNumbers = (n: number): TableCell[] =>
  Array.from({ length: n }, (_, i) => ({ text: String(i + 1), alignment: 'center', fontSize: 6.5, italics: true, fillColor: HEAD_FILL }));
/** The same cell on a shaded background (totals rows). */
export function shaded(c: TableCell, fillColor: string = TOTAL_FILL): TableCell {
  return (typeof c === 'object' && c !== null && !Array.isArray(c) ? { ...c, fillColor } : { text: String(c ?? ''), fillColor }) as TableCell;
}
/** Cells covered by a colSpan still have to be there. */
export const spanned = (n: number): TableCell[] => Array.from({ length: n }, () => '');

export const gridLayout: TableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#555',
  vLineColor: () => '#555',
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A small two-column table of label : value lines (identity blocks, event facts). */
export function facts(rows: readonly [string, string][], labelWidth = 110): Content {
  return {
    table: { widths: [labelWidth, 6, '*'], body: rows.map(([k, v]) => [k, ':', { text: v || T.common.dash, bold: false }]) },
    layout: { defaultBorder: false, paddingLeft: () => 0, paddingRight: () => 2, paddingTop: () => 1, paddingBottom: () => 1 },
    margin: [0, 0, 0, 6],
  };
}

// ── rows kept together ─────────────────────────────────────────────────────────────────
/** Data rows kept on the page of the totals (and the signature), so neither stands alone. */
export const TAIL_ROWS = 3;

/**
 * How a document's tables are broken across pages. pdfmake repeats a table's header rows on
 * every page (headerRows) and never splits a row (dontBreakRows), but it cannot keep a group of
 * rows together. So each table names the runs of rows that must share a page (`Keep`: a funding
 * band with its first item, a subtotal with the rows above it, the totals with the last rows,
 * the document's last rows with the signature), and the backend lays the document out with
 * `probe`, which learns which runs were torn apart; it lays it out again with a new page (and the
 * header repeated) before each of them, until none is (renderReport in electron/backend/reports).
 */
export interface TailLayout {
  /** `${table}:${row}`: a new page begins before that row of that table. */
  breaks: ReadonlySet<string>;
  probe?(at: string, fits: boolean): void;
}
export const NO_BREAKS: TailLayout = { breaks: new Set() };

/** Rows `from`…`to` on one page; `to: 'end'` through the signature. */
export interface Keep { from: number; to: number | 'end' }

export interface TailTable {
  /** Names the table in `TailLayout.breaks`; unique within the document. */
  key: string;
  widths: (number | string)[];
  /** Header rows, made fresh for each use (pdfmake writes its layout into cells). */
  head: () => TableCell[][];
  rows: TableCell[][];
  /** Totals rows, after the data rows. */
  totals: TableCell[][];
  keep?: Keep[];
  fontSize?: number;
}

const KEEP = 'keep|';
const KEEP_END = 'keep-end|';

/** The cell with an id; an empty one gets a space, since pdfmake places no node for empty text. */
function withId(c: TableCell, id: string): TableCell {
  const cell = (typeof c === 'object' && c !== null && !Array.isArray(c) ? { ...c, id } : { text: String(c ?? ''), id }) as Record<string, unknown>;
  if (cell.text === '') cell.text = ' ';
  return cell as TableCell;
}

/**
 * A table whose header repeats on each page, its totals kept with its last rows; as the
 * document's `last` table, those rows are kept with the signature too. See TailLayout.
 */
export function table(t: TailTable, layout: TailLayout, last = false): Content[] {
  const body = [...t.rows, ...t.totals];
  const keeps = [...(t.keep ?? [])];
  const tailFrom = Math.max(0, t.rows.length - TAIL_ROWS);
  if (last) keeps.push({ from: tailFrom, to: 'end' });
  else if (t.totals.length && t.rows.length) keeps.push({ from: tailFrom, to: body.length - 1 });
  // One run per first row: the longest wins (it holds the others).
  const byStart = new Map<number, Keep>();
  for (const k of keeps) {
    const had = byStart.get(k.from);
    if (!had || had.to !== 'end' && (k.to === 'end' || k.to > had.to)) byStart.set(k.from, k);
  }
  const marked = body.map((row) => [...row]);
  if (layout.probe) {
    for (const k of byStart.values()) {
      if (k.from >= marked.length || k.from < 0) continue;
      marked[k.from]![0] = withId(marked[k.from]![0]!, `${KEEP}${t.key}|${k.from}|${k.to === 'end' ? 'end' : 'row'}`);
      if (k.to !== 'end') {
        const row = marked[k.to]!;
        row[row.length - 1] = withId(row[row.length - 1]!, `${KEEP_END}${t.key}|${k.from}`);
      }
    }
  }
  const cuts = [...new Set([...byStart.keys()].filter((r) => r > 0 && layout.breaks.has(`${t.key}:${r}`)))].sort((a, b) => a - b);
  const chunks: TableCell[][][] = [];
  let at = 0;
  for (const cut of [...cuts, marked.length]) {
    if (cut > at) chunks.push(marked.slice(at, cut));
    at = cut;
  }
  return chunks.map((chunk, i): ContentTable => {
    const head = t.head();
    return {
      table: { headerRows: head.length, dontBreakRows: true, widths: t.widths, body: [...head, ...chunk] },
      layout: gridLayout,
      ...(t.fontSize ? { fontSize: t.fontSize } : {}),
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    };
  });
}

/** Headings move to the next page rather than end one; the probe looks at each kept run. */
function pageBreaks(probe: TailLayout['probe']) {
  return (node: Node, nodes: NodeQueries): boolean => {
    if (probe && typeof node.id === 'string' && node.id.startsWith(KEEP)) {
      const [, key, from, to] = node.id.split('|');
      const end = to === 'end' ? DOC_END : `${KEEP_END}${key}|${from}`;
      probe(`${key}:${from}`, nodes.getFollowingNodesOnPage().some((n) => n.id === end));
    }
    return node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0;
  };
}

/** An A4 report: kop, title, content, signature last, page numbers at the foot. */
export function reportDoc(d: {
  frame: ReportFrame;
  orientation: PageOrientation;
  title: string;
  lines: readonly string[];
  content: Content[];
  /** Text after the last table, kept with the signature (notes, legends). */
  closing?: Content[];
  info: string;
  fontSize?: number;
  layout?: TailLayout;
}): TDocumentDefinitions {
  const width = contentWidth(d.orientation);
  return {
    pageSize: 'A4',
    pageOrientation: d.orientation,
    pageMargins: PAGE[d.orientation].margins,
    info: { title: d.info, creator: 'Bangkom', subject: d.title },
    defaultStyle: { font: 'Roboto', fontSize: d.fontSize ?? 8.5, lineHeight: 1.1 },
    footer,
    pageBreakBefore: pageBreaks(d.layout?.probe),
    content: [
      kop(d.frame.office, width),
      titleBlock(d.title, d.lines),
      ...d.content,
      { unbreakable: true, stack: [...(d.closing ?? []), signature(d.frame)] },
    ],
  };
}
