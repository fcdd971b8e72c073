// Reading a certificate's QR code from a PDF (`bangkom certificates verify --image FILE.pdf`, the
// Verify screen's "open an image/PDF"): Bangkom's own PDFs draw the QR as vector squares, scans
// carry it inside a JPEG or PNG. PDFs are made here with pdfkit.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ed25519Signer, generateOfficeKeyPair } from '../../electron/backend/certificates/crypto.ts';
import { readCodeFromPdf } from '../../electron/backend/certificates/read-pdf.ts';
import { encodeCertificateCode } from '../../shared/certificates/code.ts';
import { kidBytesOf } from '../../shared/certificates/keys.ts';

const keys = generateOfficeKeyPair();
const CODE = encodeCertificateCode({
  version: 1,
  office: '16.71.14',
  number: '800.2.4/017/KEC-IB1/2026',
  nip: '198703122010011002',
  name: 'Dra. Siti Rahmawati, M.Si.',
  role: 'peserta',
  event: 'Pelatihan Pelayanan Publik Prima bagi Aparatur Kecamatan',
  start: '2026-03-10',
  end: '2026-03-12',
  jp: 24,
  issued: '2026-03-13',
}, { kid: kidBytesOf(keys.publicKey), alg: -8, sign: ed25519Signer(keys.privateKey) });

type Doc = InstanceType<typeof PDFDocument>;

function makePdf(draw: (doc: Doc) => void, options: PDFKit.PDFDocumentOptions = { size: 'A4', layout: 'landscape' }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ ...options, compress: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

function certificateText(doc: Doc): void {
  doc.fontSize(34).text('SERTIFIKAT', 0, 70, { align: 'center' });
  doc.fontSize(14).text('diberikan kepada Dra. Siti Rahmawati, M.Si.', 0, 140, { align: 'center' });
}

/** The QR as filled squares, as Bangkom's certificate PDF draws it: 3 cm wide at the bottom right. */
function vectorQr(doc: Doc, text: string, x: number, y: number, width: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const m = width / n;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + c * m, y + r * m, m, m);
  }
  doc.fill('#000');
}

async function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { errorCorrectionLevel: 'M', scale: 4, margin: 4 });
}

/** A grey "scan" of a page with the QR, as a JPEG. */
async function scannedJpeg(text: string): Promise<Buffer> {
  const qr = PNG.sync.read(await qrPng(text));
  const width = 1240;
  const height = 877;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    // Paper that is not quite white, with a little noise.
    const v = 236 + ((i * 2654435761) >>> 28);
    data[i * 4] = v; data[i * 4 + 1] = v - 3; data[i * 4 + 2] = v - 10; data[i * 4 + 3] = 255;
  }
  const x0 = 960;
  const y0 = 600;
  for (let y = 0; y < qr.height; y++) {
    for (let x = 0; x < qr.width; x++) {
      const dark = qr.data[(y * qr.width + x) * 4]! < 128;
      if (!dark) continue;
      const o = ((y0 + y) * width + (x0 + x)) * 4;
      data[o] = 30; data[o + 1] = 30; data[o + 2] = 35;
    }
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data);
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const out = await fn();
  console.info(`read-pdf ${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return out;
}

describe('readCodeFromPdf', () => {
  it('reads the QR that Bangkom draws as vector squares', async () => {
    const pdf = await makePdf((doc) => {
      certificateText(doc);
      vectorQr(doc, CODE, 700, 430, 85); // 85 pt ≈ 3 cm
    });
    // The first call also loads PDFium.
    await timed('vector, first call (PDFium loaded)', () => readCodeFromPdf(pdf));
    expect(await timed('vector, 1 page', () => readCodeFromPdf(pdf))).toEqual({ ok: true, text: CODE, page: 1 });
  });

  it('reads a PNG of the QR embedded on the second page', async () => {
    const png = await qrPng(CODE);
    const pdf = await makePdf((doc) => {
      certificateText(doc);
      doc.addPage();
      doc.image(png, 600, 380, { width: 140 });
    });
    expect(await timed('PNG on page 2', () => readCodeFromPdf(pdf))).toEqual({ ok: true, text: CODE, page: 2 });
  });

  it('reads a scan: the page as a JPEG inside the PDF', async () => {
    const scan = await scannedJpeg(CODE);
    const pdf = await makePdf((doc) => {
      doc.image(scan, 0, 0, { width: 842, height: 595 });
    });
    expect(await timed('JPEG scan', () => readCodeFromPdf(pdf))).toEqual({ ok: true, text: CODE, page: 1 });
  });

  it('a PDF without a QR: no_qr', async () => {
    const pdf = await makePdf((doc) => {
      certificateText(doc);
      doc.addPage();
      doc.fontSize(12).text('Halaman kedua, tanpa kode.');
    });
    expect(await timed('no QR, 2 pages', () => readCodeFromPdf(pdf))).toEqual({ ok: false, reason: 'no_qr' });
  });

  it('looks at the first 4 pages only', async () => {
    const png = await qrPng(CODE);
    const pdf = await makePdf((doc) => {
      for (let i = 0; i < 4; i++) {
        doc.text(`Halaman ${i + 1}`);
        doc.addPage();
      }
      doc.image(png, 100, 100, { width: 140 });
    });
    expect(await timed('QR on page 5 (4 pages read)', () => readCodeFromPdf(pdf))).toEqual({ ok: false, reason: 'no_qr' });
  });

  it('a huge page is rendered within the pixel limit', async () => {
    const pdf = await makePdf((doc) => {
      vectorQr(doc, CODE, 2000, 2000, 400);
    }, { size: [5000, 5000] });
    const result = await timed('5000 pt page', () => readCodeFromPdf(pdf));
    expect(result).toEqual({ ok: true, text: CODE, page: 1 });
  });

  it('a text file: not_pdf', async () => {
    expect(await readCodeFromPdf(new TextEncoder().encode('Ini bukan PDF.\n'))).toEqual({ ok: false, reason: 'not_pdf' });
    expect(await readCodeFromPdf(new Uint8Array(0))).toEqual({ ok: false, reason: 'not_pdf' });
  });

  it('a truncated or damaged PDF: a reason, never a throw', async () => {
    const pdf = await makePdf((doc) => {
      certificateText(doc);
      vectorQr(doc, CODE, 700, 430, 85);
    });
    for (const cut of [8, 100, Math.floor(pdf.length / 2), pdf.length - 40]) {
      const result = await readCodeFromPdf(pdf.subarray(0, cut));
      // PDFium repairs what it can: a cut that spares the page's content may even still read.
      if (result.ok) expect(result.text).toBe(CODE);
      else expect(['unreadable_pdf', 'not_pdf', 'no_qr']).toContain(result.reason);
    }
    expect(await readCodeFromPdf(pdf.subarray(0, 8))).toEqual({ ok: false, reason: 'unreadable_pdf' });
    const garbage = new Uint8Array(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 131 + 7) % 251;
    garbage.set(new TextEncoder().encode('%PDF-1.7\n'), 0);
    expect(await readCodeFromPdf(garbage)).toEqual({ ok: false, reason: 'unreadable_pdf' });
    // And the next good PDF still reads.
    expect(await readCodeFromPdf(pdf)).toEqual({ ok: true, text: CODE, page: 1 });
  });

  it('a password-protected PDF: unreadable_pdf', async () => {
    const pdf = await makePdf((doc) => {
      vectorQr(doc, CODE, 100, 100, 120);
    }, { size: 'A4', userPassword: 'rahasia', ownerPassword: 'rahasia' });
    expect(await readCodeFromPdf(pdf)).toEqual({ ok: false, reason: 'unreadable_pdf' });
  });
});
