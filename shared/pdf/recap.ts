// Recaps on paper: the participant × session grid of an event (landscape) and one employee's
// trainings of a year against the 20 JP target.

import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces.js';
import type { EmployeeRecap, EventRecap } from '../contract/attendance.ts';
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

export function eventRecapDoc(d: { office: OfficeHeader; recap: EventRecap; placeDate: string }): TDocumentDefinitions {
  const { recap } = d;
  const head: TableCell[] = [th('No'), th('Nama / NIP'), ...recap.sessions.map((_, i) => th(`S${i + 1}`)), th('%'), th('JP'), th('Ket.')];
  const body: TableCell[][] = [head, ...recap.rows.map((r, i): TableCell[] => [
    { text: String(i + 1), alignment: 'right' },
    { stack: [r.name, { text: r.nip ? formatNip(r.nip) : '-', fontSize: 7, color: '#444' }] },
    ...r.codes.map((c): TableCell => ({ text: c || '·', alignment: 'center', color: c === 'A' ? '#a00' : '#000' })),
    { text: String(r.attendancePct), alignment: 'right' },
    { text: String(r.jp), alignment: 'right' },
    { text: r.passed ? 'Lulus' : 'TMS', bold: !r.passed },
  ])];
  const sessionKey: Content = {
    margin: [0, 8, 0, 0],
    fontSize: 7.5,
    text: recap.sessions.map((s, i) => `S${i + 1}: ${s.date} ${s.start}–${s.end}${s.topic ? ` ${s.topic}` : ''} (${s.jp} JP)`).join('   ·   '),
  };
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [32, 32, 32, 36],
    info: { title: `Rekap Kehadiran — ${recap.name}`, creator: 'Bangkom' },
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    footer,
    content: [
      letterhead(d.office, 778),
      { text: 'REKAPITULASI KEHADIRAN DAN KELULUSAN', bold: true, fontSize: 12, alignment: 'center', margin: [0, 8, 0, 2] },
      { text: recap.name, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      {
        text: `Syarat lulus: kehadiran minimal ${recap.rule.minAttendancePct}%${recap.rule.minPostTest !== null ? `, nilai post-test minimal ${recap.rule.minPostTest}` : ''}. ` +
          `Peserta ${recap.totals.participants}, lulus ${recap.totals.passed}, tidak memenuhi syarat (TMS) ${recap.totals.notPassed}.`,
        margin: [0, 0, 0, 6],
      },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [18, 150, ...recap.sessions.map(() => '*'), 28, 26, 30], body },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 },
      },
      sessionKey,
      { text: 'H hadir · TL terlambat · PSW pulang sebelum waktunya · I izin · S sakit · DL dinas luar · C cuti · A alpa · · belum dicatat', fontSize: 7.5, margin: [0, 4, 0, 0] },
      signature(d.office, d.placeDate),
    ],
  };
}

export function employeeRecapDoc(d: { office: OfficeHeader; recap: EmployeeRecap; placeDate: string }): TDocumentDefinitions {
  const { recap } = d;
  const body: TableCell[][] = [
    [th('No'), th('Kegiatan'), th('Jenis'), th('Tanggal'), th('% Hadir'), th('JP'), th('Ket.')],
    ...recap.trainings.map((x, i): TableCell[] => [
      { text: String(i + 1), alignment: 'right' }, x.name, x.methodName,
      !x.startDate ? '-' : x.startDate === x.endDate ? formatDate(x.startDate) : `${formatDate(x.startDate)} s.d. ${formatDate(x.endDate!)}`,
      { text: String(x.attendancePct), alignment: 'right' }, { text: String(x.jp), alignment: 'right' }, x.passed ? 'Lulus' : 'TMS',
    ]),
    [{ text: 'Jumlah', colSpan: 5, bold: true, alignment: 'right' }, '', '', '', '', { text: String(recap.totalJp), bold: true, alignment: 'right' }, ''],
  ];
  const met = recap.totalJp >= recap.targetJp;
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
      { table: { headerRows: 1, widths: [18, '*', 90, 90, 36, 26, 30], body }, layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 } },
      {
        text: `${met ? 'Target terpenuhi' : 'Target belum terpenuhi'}: ${recap.totalJp} dari ${recap.targetJp} JP${met ? '' : ` (kurang ${Math.round((recap.targetJp - recap.totalJp) * 100) / 100} JP)`}.`,
        bold: true, margin: [0, 8, 0, 0], color: met ? '#185' : '#a40',
      },
      signature(d.office, d.placeDate),
    ],
  };
}
