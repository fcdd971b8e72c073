// Recaps on paper: the participant × session grid of an event (landscape) and one employee's
// trainings of a year against the 20 JP target.

import type { Content, ContentTable, Node, NodeQueries, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces.js';
import type { EmployeeRecap, EventRecap } from '../contract/attendance.ts';
import { PRESENT_CODES, type CompletionResult } from '../domain/jp.ts';
import { formatNip } from '../domain/nip.ts';
import { formatDate } from '../domain/dates.ts';

interface OfficeHeader {
  name: string;
  address: string;
  logoDataUrl: string | null;
  signer: { name: string; nip: string; title: string };
}

function letterhead(office: OfficeHeader, width: number): Content {
  return {
    stack: [
      {
        columns: [
          office.logoDataUrl ? { image: office.logoDataUrl, fit: [40, 40], width: 46 } : { text: '', width: 0 },
          { stack: [{ text: office.name.toUpperCase(), bold: true, fontSize: 12 }, { text: office.address, fontSize: 8, color: '#333' }], margin: [4, 4, 0, 0] },
        ],
      },
      { canvas: [{ type: 'line', x1: 0, y1: 4, x2: width, y2: 4, lineWidth: 1 }] },
    ],
  };
}

function signature(office: OfficeHeader, placeDate: string): Content {
  return {
    unbreakable: true,
    margin: [0, 16, 0, 0],
    columns: [
      { text: '', width: '*' },
      {
        width: 220,
        alignment: 'center',
        stack: [placeDate, office.signer.title, { text: ' ', margin: [0, 26, 0, 0] }, { text: office.signer.name, bold: true, decoration: 'underline' },
          office.signer.nip ? `NIP ${formatNip(office.signer.nip)}` : ''],
      },
    ],
  };
}

const th = (text: string): TableCell => ({ text, bold: true, alignment: 'center', fillColor: '#e8eef0' });
const footer = (page: number, pages: number): Content => ({ text: `Halaman ${page} dari ${pages}`, alignment: 'center', fontSize: 7.5, color: '#555', margin: [0, 10, 0, 0] });

/** The Keterangan of a recap row, as the screen words it. */
export const RESULT_TEXT: Record<CompletionResult, string> = { passed: 'Lulus', not_passed: 'Tidak memenuhi syarat', pending: 'Belum selesai' };
const RESULT_SHORT: Record<CompletionResult, string> = { passed: 'Lulus', not_passed: 'TMS', pending: 'Belum selesai' };

/** "08.00–12.00 WIB": times the Indonesian way. */
const hours = (start: string, end: string, zone?: string) => `${start.replace(':', '.')}–${end.replace(':', '.')}${zone ? ` ${zone}` : ''}`;

/** Participant rows kept on the page of the totals row (with the key and the signature after it). */
export const RECAP_TAIL_ROWS = 3;
const TAIL_START = 'recap-tail-start';
const DOC_END = 'recap-end';

/**
 * How the recap's last page is laid out. The table's header repeats on every page (headerRows)
 * and no row is split (dontBreakRows); the last RECAP_TAIL_ROWS participant rows, the totals row,
 * the session key and the signature stay together, so no page holds a lone row and no signature
 * stands alone. pdfmake cannot move a group of rows, so it takes two passes (renderRecapPdf in
 * the backend): the first lays the table out whole and `probe` learns whether that tail fits on
 * the page where it begins; if not, the second starts the tail on a new page as a table of its
 * own under the same header. (A page break inside a row would leave an empty row frame behind.)
 */
export interface RecapLayout {
  tailOnNewPage: boolean;
  probe?(tailFits: boolean): void;
}

function probeTail(probe: (tailFits: boolean) => void) {
  return (node: Node, nodes: NodeQueries): boolean => {
    if (node.id === TAIL_START) probe(nodes.getFollowingNodesOnPage().some((n) => n.id === DOC_END));
    return false;
  };
}

export function eventRecapDoc(d: { office: OfficeHeader & { zoneLabel?: string }; recap: EventRecap; placeDate: string }, layout: RecapLayout = { tailOnNewPage: false }): TDocumentDefinitions {
  const { recap } = d;
  // Fresh cells for each table: pdfmake writes its layout into the cell objects.
  const head = (): TableCell[] => [th('No'), th('Nama / NIP'), ...recap.sessions.map((_, i) => th(`S${i + 1}`)), th('% Hadir'), th('JP'), th('Ket.')];
  const tailFrom = recap.rows.length > RECAP_TAIL_ROWS ? recap.rows.length - RECAP_TAIL_ROWS : -1;
  const rows = recap.rows.map((r, i): TableCell[] => [
    { text: String(i + 1), alignment: 'right', ...(i === tailFrom ? { id: TAIL_START } : {}) },
    { stack: [r.name, { text: r.nip ? formatNip(r.nip) : '-', fontSize: 7, color: '#444' }] },
    ...r.codes.map((c): TableCell => ({ text: c || '·', alignment: 'center', color: c === 'A' ? '#a00' : '#000' })),
    // No session so far for this person: no percentage yet.
    { text: r.counted === 0 && !recap.finished ? '–' : String(r.attendancePct), alignment: 'right' },
    { text: String(r.jp), alignment: 'right' },
    { text: RESULT_SHORT[r.result], bold: r.result === 'not_passed', color: r.result === 'pending' ? '#555' : '#000' },
  ]);
  const present = PRESENT_CODES;
  const totals: TableCell[] = [
    { text: 'Hadir per sesi', colSpan: 2, bold: true, alignment: 'right' }, '',
    ...recap.sessions.map((s, k): TableCell => (recap.finished || s.over || recap.rows.some((r) => r.codes[k])
      ? { text: String(recap.rows.filter((r) => present.has(r.codes[k] ?? '')).length), alignment: 'center', bold: true }
      : { text: '–', alignment: 'center', color: '#555' })),
    { text: '', colSpan: 3 }, '', '',
  ];
  const table = (body: TableCell[][]): ContentTable => ({
    table: { headerRows: 1, dontBreakRows: true, widths: [18, 150, ...recap.sessions.map(() => '*'), 32, 26, 52], body },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 },
  });
  const over = recap.sessions.filter((s) => s.over).length;
  const lastDate = recap.sessions.at(-1)?.date;
  const standing = recap.finished
    ? `Peserta ${recap.totals.participants}, lulus ${recap.totals.passed}, tidak memenuhi syarat (TMS) ${recap.totals.notPassed}.`
    : `Kegiatan belum selesai: ${over} dari ${recap.sessions.length} sesi sudah berlangsung. Kelulusan ${recap.totals.participants} peserta ditetapkan ` +
      `setelah sesi terakhir${lastDate ? ` (${formatDate(lastDate)})` : ''}; % hadir dihitung dari sesi sejauh ini.`;
  const sessionKey: Content = {
    margin: [0, 8, 0, 0],
    fontSize: 7.5,
    text: recap.sessions.map((s, i) => `S${i + 1}: ${formatDate(s.date)}, ${hours(s.start, s.end, d.office.zoneLabel)}${s.topic ? `, ${s.topic}` : ''} ` +
      `(${s.jp} JP${!recap.finished && !s.over ? ', belum berlangsung' : ''})`).join('   ·   '),
  };
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [32, 32, 32, 36],
    info: { title: `Rekap Kehadiran — ${recap.name}`, creator: 'Bangkom' },
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    footer,
    ...(layout.probe && !layout.tailOnNewPage && tailFrom >= 0 ? { pageBreakBefore: probeTail(layout.probe) } : {}),
    content: [
      letterhead(d.office, 778),
      { text: 'REKAPITULASI KEHADIRAN DAN KELULUSAN', bold: true, fontSize: 12, alignment: 'center', margin: [0, 8, 0, 2] },
      { text: recap.name, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      {
        text: `Syarat lulus: kehadiran minimal ${recap.rule.minAttendancePct}%${recap.rule.minPostTest !== null ? `, nilai post-test minimal ${recap.rule.minPostTest}` : ''}. ${standing}`,
        margin: [0, 0, 0, 6],
      },
      ...(layout.tailOnNewPage && tailFrom >= 0
        ? [table([head(), ...rows.slice(0, tailFrom)]), { ...table([head(), ...rows.slice(tailFrom), totals]), pageBreak: 'before' as const }]
        : [table([head(), ...rows, totals])]),
      {
        unbreakable: true,
        stack: [
          sessionKey,
          { text: 'H hadir · TL terlambat · PSW pulang sebelum waktunya · I izin · S sakit · DL dinas luar · C cuti · A alpa · · belum dicatat', fontSize: 7.5, margin: [0, 4, 0, 0] },
          signature(d.office, d.placeDate),
          { text: ' ', id: DOC_END, fontSize: 1 },
        ],
      },
    ],
  };
}

/** The Keterangan of a training in the employee's year: its result, and what is still to come. */
export function trainingNote(x: EmployeeRecap['trainings'][number]): string {
  if (x.result !== 'pending') return RESULT_TEXT[x.result];
  if (!x.upcomingSessions) return RESULT_TEXT.pending;
  return `${RESULT_TEXT.pending}: ${x.upcomingSessions} sesi lagi (${x.upcomingJp} JP)${x.nextSessionDate ? `, berikutnya ${formatDate(x.nextSessionDate)}` : ''}`;
}

export function employeeRecapDoc(d: { office: OfficeHeader; recap: EmployeeRecap; placeDate: string }): TDocumentDefinitions {
  const { recap } = d;
  const body: TableCell[][] = [
    [th('No'), th('Kegiatan'), th('Jenis'), th('Tanggal'), th('% Hadir'), th('JP'), th('Ket.')],
    ...recap.trainings.map((x, i): TableCell[] => [
      { text: String(i + 1), alignment: 'right' }, x.name, x.methodName,
      !x.startDate ? '-' : x.startDate === x.endDate ? formatDate(x.startDate) : `${formatDate(x.startDate)} s.d. ${formatDate(x.endDate!)}`,
      { text: x.counted === 0 ? '–' : String(x.attendancePct), alignment: 'right' }, { text: String(x.jp), alignment: 'right' },
      x.result !== 'pending' ? RESULT_SHORT[x.result] : {
        stack: [RESULT_TEXT.pending, ...(x.upcomingSessions ? [{ text: `${x.upcomingSessions} sesi lagi (${x.upcomingJp} JP)${x.nextSessionDate ? `, mulai ${formatDate(x.nextSessionDate)}` : ''}`, fontSize: 7.5, color: '#444' }] : [])],
      },
    ]),
    // External records (e-learning, BKPSDM/BPSDM trainings, seminars elsewhere) count like the office's events.
    ...recap.external.map((x, i): TableCell[] => [
      { text: String(recap.trainings.length + i + 1), alignment: 'right' },
      x.organiser ? { stack: [x.title, { text: x.organiser, fontSize: 7.5, color: '#444' }] } : x.title, x.methodName,
      x.startDate === x.endDate ? formatDate(x.startDate) : `${formatDate(x.startDate)} s.d. ${formatDate(x.endDate)}`,
      { text: '–', alignment: 'right' }, { text: String(x.jp), alignment: 'right' },
      x.verified ? 'Luar kantor' : { stack: ['Luar kantor', { text: 'belum diverifikasi', fontSize: 7.5, color: '#444' }] },
    ]),
    [{ text: 'Jumlah', colSpan: 5, bold: true, alignment: 'right' }, '', '', '', '', { text: String(recap.totalJp), bold: true, alignment: 'right' }, ''],
  ];
  const met = recap.totalJp >= recap.targetJp;
  // The JP of a training are counted once it is finished and passed: say so when a row's JP are not in the sum.
  const uncounted = recap.trainings.some((x) => x.result !== 'passed' && x.jp > 0);
  return {
    pageSize: 'A4',
    pageMargins: [40, 36, 40, 40],
    info: { title: `Riwayat Pengembangan Kompetensi ${recap.year} — ${recap.name}`, creator: 'Bangkom' },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    footer,
    content: [
      letterhead(d.office, 515),
      { text: `RIWAYAT PENGEMBANGAN KOMPETENSI TAHUN ${recap.year}`, bold: true, fontSize: 12, alignment: 'center', margin: [0, 8, 0, 6] },
      { table: { widths: [60, 6, '*'], body: [['Nama', ':', recap.name], ['NIP', ':', formatNip(recap.nip)]] }, layout: 'noBorders', margin: [0, 0, 0, 6] },
      { table: { headerRows: 1, dontBreakRows: true, widths: [18, '*', 80, 84, 36, 26, 76], body }, layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 } },
      {
        text: `${met ? 'Target terpenuhi' : 'Target belum terpenuhi'}: ${recap.totalJp} dari ${recap.targetJp} JP${met ? '' : ` (kurang ${Math.round((recap.targetJp - recap.totalJp) * 100) / 100} JP)`}.`,
        bold: true, margin: [0, 8, 0, 0], color: met ? '#185' : '#a40',
      },
      ...(uncounted || recap.plannedJp > 0 ? [{
        text: [
          'JP kegiatan dihitung setelah kegiatan selesai dan peserta lulus.',
          ...(recap.plannedJp > 0 ? [` Pelatihan yang sedang berjalan direncanakan memberi ${recap.plannedJp} JP tahun ini${recap.upcomingJp > 0 ? `, termasuk sesi yang belum berlangsung senilai ${recap.upcomingJp} JP` : ''} (belum dihitung).`] : []),
        ].join(''),
        margin: [0, 2, 0, 0] as [number, number, number, number], fontSize: 8.5,
      }] : []),
      signature(d.office, d.placeDate),
    ],
  };
}
