// Evaluation forms on paper: the participants' reaction questionnaire of an event (level 1) and
// the supervisor's follow-up form, one page per participant (level 3). A4 portrait with the
// office's letterhead; people tick a box per item (√: Roboto has no ✓).

import type { Content, ContentTable, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces.js';
import {
  ASPECT_TITLE, ASPECTS, FOLLOWUP_ITEMS, FOLLOWUP_LABELS, FOLLOWUP_NEED_LABELS, FOLLOWUP_SCALE, SCALE_LABELS,
  type OpenQuestion, type QuestionItem, type Scale,
} from '../domain/evaluation.ts';
import { formatNip } from '../domain/nip.ts';

interface OfficeHeader { name: string; address: string; logoDataUrl: string | null }

const WIDTH = 515; // A4 less 40 pt margins
const LETTERS = 'ABCDEFGHIJ';

function letterhead(office: OfficeHeader): Content {
  return {
    stack: [
      {
        columns: [
          office.logoDataUrl ? { image: office.logoDataUrl, fit: [40, 40], width: 46 } : { text: '', width: 0 },
          { stack: [{ text: office.name.toUpperCase(), bold: true, fontSize: 12 }, { text: office.address, fontSize: 8, color: '#333' }], margin: [4, 4, 0, 0] },
        ],
      },
      { canvas: [{ type: 'line', x1: 0, y1: 4, x2: WIDTH, y2: 4, lineWidth: 1 }] },
    ],
  };
}

const th = (text: string, extra: Partial<Record<string, unknown>> = {}): TableCell => ({ text, bold: true, alignment: 'center', fillColor: '#e8eef0', ...extra });
const grid = { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 3, paddingBottom: () => 3 };
const box = (): TableCell => ({ text: '' });

/** Dotted lines to write on. */
function writingLines(count: number, width = WIDTH, gap = 18): Content {
  return {
    canvas: Array.from({ length: count }, (_, i) => ({
      type: 'line' as const, x1: 0, y1: gap * (i + 1), x2: width, y2: gap * (i + 1), lineWidth: 0.5, dash: { length: 1.5, space: 2 },
    })),
    margin: [0, 0, 0, 4],
  };
}

function infoTable(rows: [string, string][], labelWidth = 96): Content {
  return {
    table: { widths: [labelWidth, 6, '*'], body: rows.map(([label, value]) => [label, ':', value || '-']) },
    layout: 'noBorders',
  };
}

// No line break inside "3 = Sangat baik": the spaces within each entry do not break.
const legend = (labels: readonly string[]) => labels.map((l, i) => `${i + 1} = ${l}`.replace(/ /g, '\u00a0')).join('   ');

// ── reaction questionnaire ───────────────────────────────────────────────────────────────
export interface ReactionFormData {
  office: OfficeHeader;
  eventName: string;
  /** "25 s.d. 26 November 2026" */
  dates: string;
  place: string;
  scale: Scale;
  items: QuestionItem[];
  openQuestions: OpenQuestion[];
  anonymous: boolean;
  speakers: string[];
}

// Column widths are pdfmake's: without the cell padding (4 pt each side) and the rules.
const PAD = 8.5;
const NO_WIDTH = 18;
const BOX = 22;
/** Below this width the boxes of every speaker no longer fit: a number is written instead. */
const MIN_BOX = 12;
const TEXT_MIN = 150;

/** An aspect's items with a box per point of the scale. */
function aspectTable(letter: string, title: string, items: QuestionItem[], scale: number, start: number): ContentTable {
  const points = Array.from({ length: scale }, (_, i) => String(i + 1));
  return {
    table: {
      headerRows: 1, dontBreakRows: true, keepWithHeaderRows: 1,
      widths: [NO_WIDTH, '*', ...points.map(() => BOX)],
      body: [
        [th(letter), th(title.toUpperCase(), { alignment: 'left' }), ...points.map((p) => th(p))],
        ...items.map((item, k): TableCell[] => [{ text: `${start + k}.`, alignment: 'right' }, item.text, ...points.map(box)]),
      ],
    },
    layout: grid,
    margin: [0, 0, 0, 6],
  };
}

/**
 * The narasumber items as a grid: one column per speaker. With few speakers each column has its
 * boxes; with many there is no room, so each cell takes the number written in.
 */
function speakerTable(letter: string, items: QuestionItem[], scale: number, speakers: string[], start: number): { table: ContentTable; writeNumber: boolean } {
  const room = WIDTH - (NO_WIDTH + PAD) - (TEXT_MIN + PAD);
  const boxWidth = Math.min(BOX, Math.floor(room / (speakers.length * scale) - PAD));
  const writeNumber = boxWidth < MIN_BOX;
  const points = Array.from({ length: scale }, (_, i) => String(i + 1));
  const title = th(`${ASPECT_TITLE.narasumber.toUpperCase()}`, { alignment: 'left', rowSpan: writeNumber ? 1 : 2 });
  if (writeNumber) {
    return {
      writeNumber,
      table: {
        table: {
          headerRows: 1, dontBreakRows: true, keepWithHeaderRows: 1,
          widths: [NO_WIDTH, TEXT_MIN, ...speakers.map(() => '*')],
          body: [
            [th(letter), title, ...speakers.map((s) => th(s, { fontSize: 7 }))],
            ...items.map((item, k): TableCell[] => [{ text: `${start + k}.`, alignment: 'right' }, item.text, ...speakers.map(box)]),
          ],
        },
        layout: grid,
        margin: [0, 0, 0, 6],
      },
    };
  }
  const head1: TableCell[] = [th(letter, { rowSpan: 2 }), title];
  for (const s of speakers) head1.push(th(s, { colSpan: scale, fontSize: 7 }), ...points.slice(1).map(() => ''));
  const head2: TableCell[] = ['', '', ...speakers.flatMap(() => points.map((p) => th(p, { fontSize: 7.5 })))];
  return {
    writeNumber,
    table: {
      table: {
        headerRows: 2, dontBreakRows: true, keepWithHeaderRows: 1,
        widths: [NO_WIDTH, '*', ...speakers.flatMap(() => points.map(() => boxWidth))],
        body: [head1, head2, ...items.map((item, k): TableCell[] => [{ text: `${start + k}.`, alignment: 'right' }, item.text, ...speakers.flatMap(() => points.map(box))])],
      },
      layout: {
        ...grid,
        // A heavier line between speakers, so a tick lands under the right name.
        vLineWidth: (i: number) => (i >= 2 && (i - 2) % scale === 0 ? 1.2 : 0.5),
      },
      margin: [0, 0, 0, 6],
    },
  };
}

export function reactionFormDoc(d: ReactionFormData): TDocumentDefinitions {
  const sections: Content[] = [];
  let n = 1;
  let speakerNote: string | null = null;
  ASPECTS.filter((a) => d.items.some((i) => i.aspect === a)).forEach((aspect, k) => {
    const items = d.items.filter((i) => i.aspect === aspect);
    const letter = LETTERS[k] ?? '';
    if (aspect === 'narasumber' && d.speakers.length) {
      const { table, writeNumber } = speakerTable(letter, items, d.scale, d.speakers, n);
      if (writeNumber) speakerNote = `Untuk narasumber, tuliskan angka 1–${d.scale} di kolom setiap narasumber.`;
      sections.push(table);
    } else {
      sections.push(aspectTable(letter, ASPECT_TITLE[aspect], items, d.scale, n));
    }
    n += items.length;
  });
  const open: Content[] = d.openQuestions.length ? [
    { text: 'SARAN DAN MASUKAN', bold: true, margin: [0, 4, 0, 2] },
    ...d.openQuestions.map((q, i): Content => ({ unbreakable: true, stack: [{ text: `${i + 1}. ${q.text}:`, margin: [0, 2, 0, 0] }, writingLines(2, WIDTH, 16)] })),
  ] : [];
  const identity: Content = d.anonymous
    ? { text: 'Kuesioner ini anonim: Anda tidak perlu menulis nama.', italics: true, margin: [0, 0, 0, 4] }
    : {
      columns: [
        { width: '*', text: 'Nama: ..........................................................................' },
        { width: 200, text: 'NIP: .........................................................' },
      ],
      margin: [0, 0, 0, 6],
    };
  return {
    pageSize: 'A4',
    pageMargins: [40, 32, 40, 36],
    info: { title: `Lembar Evaluasi Penyelenggaraan — ${d.eventName}`, creator: 'Bangkom' },
    defaultStyle: { font: 'Roboto', fontSize: 8.5 },
    footer: (page: number, pages: number) => (pages > 1 ? { text: `Halaman ${page} dari ${pages}`, alignment: 'center', fontSize: 7.5, color: '#555', margin: [0, 10, 0, 0] } : ''),
    content: [
      letterhead(d.office),
      {
        columns: [
          { width: '*', text: 'LEMBAR EVALUASI PENYELENGGARAAN PELATIHAN', bold: true, fontSize: 12, margin: [0, 8, 0, 0] },
          { width: 100, text: 'No. lembar: ........', alignment: 'right', margin: [0, 10, 0, 0] },
        ],
      },
      { text: '(diisi oleh peserta)', italics: true, margin: [0, 0, 0, 4] },
      infoTable([['Nama pelatihan', d.eventName], ['Tanggal', d.dates], ['Tempat', d.place]], 80),
      { margin: [0, 4, 0, 0], text: '' },
      identity,
      {
        text: [
          { text: 'Petunjuk: ', bold: true },
          'berilah tanda centang (√) pada satu kotak untuk setiap pernyataan, sesuai penilaian Anda.',
          ...(speakerNote ? [` ${speakerNote}`] : []),
        ],
      },
      { text: [{ text: 'Nilai: ', bold: true }, legend(SCALE_LABELS[d.scale])], margin: [0, 2, 0, 6] },
      ...sections,
      ...open,
      { text: 'Terima kasih atas penilaian dan masukan Anda.', italics: true, alignment: 'center', margin: [0, 6, 0, 0] },
    ],
  };
}

// ── the supervisor's follow-up ───────────────────────────────────────────────────────────
export interface FollowupFormPerson {
  name: string;
  nip: string | null;
  unit: string | null;
  /** When the follow-up is due, once scheduled. */
  dueDate: string | null;
}

export interface FollowupFormData {
  office: OfficeHeader;
  eventName: string;
  dates: string;
  place: string;
  /** The office's rule: months after the event. */
  months: number;
  /** Formatted already ("25 Februari 2027") by the caller, or null. */
  people: (FollowupFormPerson & { dueText: string | null })[];
}

function followupPage(d: FollowupFormData, p: FollowupFormData['people'][number], first: boolean): Content {
  const points = Array.from({ length: FOLLOWUP_SCALE }, (_, i) => String(i + 1));
  const body: TableCell[][] = [
    [th('No'), th('Aspek yang dinilai', { alignment: 'left' }), ...points.map((x) => th(x))],
    ...FOLLOWUP_ITEMS.map((item, k): TableCell[] => [
      { text: `${k + 1}.`, alignment: 'right' },
      item.need ? { stack: [item.text, { text: `(${legend(FOLLOWUP_NEED_LABELS)})`, fontSize: 7, color: '#444' }] } : item.text,
      ...points.map(box),
    ]),
  ];
  return {
    ...(first ? {} : { pageBreak: 'before' as const }),
    stack: [
      letterhead(d.office),
      { text: 'FORMULIR EVALUASI PASCA PELATIHAN', bold: true, fontSize: 12, alignment: 'center', margin: [0, 10, 0, 0] },
      { text: '(diisi oleh atasan langsung peserta)', italics: true, alignment: 'center', margin: [0, 0, 0, 8] },
      {
        text: `Formulir ini diisi oleh atasan langsung sekitar ${d.months} bulan setelah pelatihan, untuk menilai penerapan hasil pelatihan dalam pekerjaan peserta. ` +
          'Penilaian ini menjadi bahan perencanaan pengembangan kompetensi berikutnya.',
        margin: [0, 0, 0, 8],
      },
      { text: 'A. DATA PESERTA', bold: true, margin: [0, 0, 0, 2] },
      infoTable([
        ['Nama', p.name],
        ['NIP', p.nip ? formatNip(p.nip) : '-'],
        ['Unit kerja', p.unit ?? '-'],
        ['Pelatihan', d.eventName],
        ['Tanggal pelatihan', d.dates],
        ['Tempat', d.place],
        ...(p.dueText ? [['Jadwal evaluasi', p.dueText] as [string, string]] : []),
      ], 110),
      { text: 'B. PENILAIAN ATASAN', bold: true, margin: [0, 10, 0, 2] },
      { text: [{ text: 'Petunjuk: ', bold: true }, 'berilah tanda centang (√) pada satu kotak untuk setiap aspek.'] },
      { text: [{ text: 'Nilai: ', bold: true }, legend(FOLLOWUP_LABELS)], margin: [0, 2, 0, 4] },
      { table: { headerRows: 1, dontBreakRows: true, widths: [22, '*', ...points.map(() => 26)], body }, layout: { ...grid, paddingTop: () => 5, paddingBottom: () => 5 } },
      { text: 'C. TEMUAN DAN REKOMENDASI ATASAN', bold: true, margin: [0, 12, 0, 0] },
      { text: 'Perubahan yang terlihat, kendala penerapan, dan kebutuhan pengembangan berikutnya:', margin: [0, 2, 0, 0] },
      writingLines(5),
      {
        unbreakable: true,
        margin: [0, 14, 0, 0],
        columns: [
          { width: '*', text: 'Setelah diisi, formulir ini dikembalikan kepada pengelola kepegawaian kecamatan.', fontSize: 7.5, color: '#444', margin: [0, 60, 20, 0] },
          {
            width: 230,
            stack: [
              '........................., ........................ 20......',
              'Atasan Langsung,',
              { text: ' ', margin: [0, 30, 0, 0] },
              {
                table: { widths: [28, 6, '*'], body: [['Nama', ':', '.................................................'], ['NIP', ':', '.................................................']] },
                layout: 'noBorders',
              },
            ],
          },
        ],
      },
    ],
  };
}

export function followupFormDoc(d: FollowupFormData): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [40, 32, 40, 36],
    info: { title: `Formulir Evaluasi Pasca Pelatihan — ${d.eventName}`, creator: 'Bangkom' },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    content: d.people.map((p, i) => followupPage(d, p, i === 0)),
  };
}
