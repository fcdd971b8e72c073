// The daftar hadir (sign-in sheet) of one session: the paper fallback when the power or the PC
// fails in the room. A4, the session header repeated on every page, numbered rows with
// alternating signature boxes so neighbours' signatures don't overlap.

import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces.js';
import { formatNip } from '../domain/nip.ts';

export interface SheetParticipant {
  name: string;
  nip: string | null;
  jabatan: string;
  unit: string | null;
}

export interface AttendanceSheetData {
  officeName: string;
  officeAddress: string;
  logoDataUrl: string | null;
  eventName: string;
  /** "Rabu, 25 November 2026" */
  dayDate: string;
  topic: string;
  /** "08.00–12.00 WIB" */
  time: string;
  speaker: string;
  place: string;
  participants: SheetParticipant[];
  /** Place and date written above the organiser's signature: "Plaju, 25 November 2026". */
  placeDate: string;
  organiserTitle: string;
  organiserName: string;
  organiserNip: string | null;
}

const HEADER_HEIGHT = 196;

function infoRow(label: string, value: string): TableCell[] {
  return [{ text: label, bold: true }, ':', value || '-'];
}

function pageHeader(d: AttendanceSheetData): Content {
  const kop: Content = {
    columns: [
      d.logoDataUrl ? { image: d.logoDataUrl, fit: [44, 44], width: 50 } : { text: '', width: 0 },
      { stack: [{ text: d.officeName.toUpperCase(), bold: true, fontSize: 13 }, { text: d.officeAddress, fontSize: 8.5, color: '#333' }], margin: [4, 4, 0, 0] },
    ],
  };
  return {
    margin: [40, 24, 40, 0],
    stack: [
      kop,
      { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 515, y2: 4, lineWidth: 1.2 }] },
      { text: 'DAFTAR HADIR', bold: true, fontSize: 13, alignment: 'center', margin: [0, 8, 0, 2] },
      { text: d.eventName, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      {
        table: { widths: [90, 6, '*'], body: [
          infoRow('Hari/Tanggal', d.dayDate),
          infoRow('Mata Ajar/Topik', d.topic),
          infoRow('Waktu', d.time),
          infoRow('Narasumber', d.speaker),
          infoRow('Tempat', d.place),
        ] },
        layout: 'noBorders',
        fontSize: 9.5,
      },
    ],
  };
}

/** Odd rows sign on the left half of the box, even rows on the right. */
function signatureCell(n: number): TableCell {
  const left = n % 2 === 1;
  return {
    columns: [
      { text: left ? `${n}.` : '', width: '50%', fontSize: 8 },
      { text: left ? '' : `${n}.`, width: '50%', fontSize: 8 },
    ],
  };
}

export function attendanceSheetDoc(d: AttendanceSheetData): TDocumentDefinitions {
  const head: TableCell[] = ['No', 'Nama', 'NIP', 'Jabatan/Unit', 'Tanda Tangan'].map((text) => ({ text, bold: true, alignment: 'center', fillColor: '#e8eef0' }));
  const body: TableCell[][] = [head];
  d.participants.forEach((p, i) => {
    body.push([
      { text: String(i + 1), alignment: 'right' },
      p.name,
      { text: p.nip ? formatNip(p.nip) : '-', noWrap: true },
      { text: [p.jabatan, p.unit].filter(Boolean).join(' / ') || '-', fontSize: 8 },
      signatureCell(i + 1),
    ]);
  });
  return {
    pageSize: 'A4',
    pageMargins: [40, HEADER_HEIGHT, 40, 40],
    info: { title: `Daftar Hadir — ${d.eventName} — ${d.dayDate}`, creator: 'Bangkom' },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    header: () => pageHeader(d),
    footer: (page: number, pages: number) => ({ text: `Halaman ${page} dari ${pages}`, alignment: 'center', fontSize: 8, color: '#555', margin: [0, 12, 0, 0] }),
    content: [
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [22, '*', 108, 110, 100], heights: (row: number) => (row === 0 ? 16 : 26), body },
        layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 4, paddingBottom: () => 4 },
      },
      {
        unbreakable: true,
        margin: [0, 14, 0, 0],
        columns: [
          {
            width: '*',
            table: { widths: [80, 60], body: [
              [{ text: 'Hadir', bold: true }, ': ........ orang'],
              [{ text: 'Tidak hadir', bold: true }, ': ........ orang'],
              [{ text: 'Jumlah peserta', bold: true }, `: ${d.participants.length} orang`],
            ] },
            layout: 'noBorders',
          },
          {
            width: 200,
            stack: [
              d.placeDate,
              d.organiserTitle,
              { text: ' ', margin: [0, 28, 0, 0] },
              { text: d.organiserName, bold: true, decoration: 'underline' },
              d.organiserNip ? `NIP ${formatNip(d.organiserNip)}` : '',
            ],
            alignment: 'center',
          },
        ],
      },
    ],
  };
}
