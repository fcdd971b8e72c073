/**
 * Certificates as printable A4-landscape PDFs, drawn with pdfkit directly (pdfmake's layout and
 * QR node cost ~4× more) from the steps of shared/pdf/certificate-layout.ts: many certificates
 * are ONE document, so the fonts are embedded and subset once (a document per certificate costs
 * ~20 ms each in font subsetting); a single certificate is cut from the frozen batch bytes
 * (pdf-pages.ts).
 *
 * - Deterministic: the same pages, images and `createdAt` give the same bytes (CreationDate and
 *   ModDate are `createdAt`; pdfkit's /ID is an MD5 of the info dictionary, so it follows).
 * - Only the embedded Roboto of the app (pdfmake's files): no standard or system font is used.
 *   A character Roboto lacks is printed decomposed when its parts exist ("Ḥ" = H + U+0323, which
 *   the font composes), else by a close stand-in, never as an empty box.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { qrMatrices } from './qr-matrices.ts';
import type { CertificatePage } from '../../../shared/certificates/page.ts';
import {
  PAGE_H, PAGE_W, QR_ECL, layoutCertificate, qrPath,
  type DrawOp, type FontKey, type ImageKind, type ImageSizes, type Measure, type QrMatrix,
} from '../../../shared/pdf/certificate-layout.ts';

export * from '../../../shared/pdf/certificate-layout.ts';
export { qrMatrix } from './qr-matrices.ts';

const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const FONT_FILES: Record<FontKey, string> = { R: 'Roboto-Regular.ttf', B: 'Roboto-Medium.ttf', I: 'Roboto-Italic.ttf' };
const FONT_KEYS = Object.keys(FONT_FILES) as FontKey[];

let fontBuffers: Record<FontKey, Buffer> | undefined;
/** The font files, read once per process. */
function fontData(): Record<FontKey, Buffer> {
  fontBuffers ??= Object.fromEntries(FONT_KEYS.map((k) => [k, fs.readFileSync(path.join(FONT_DIR, FONT_FILES[k]))])) as Record<FontKey, Buffer>;
  return fontBuffers;
}


// ── Documents ───────────────────────────────────────────────────────────────────────────────
export interface CertificateAssets { logo?: Uint8Array; signature?: Uint8Array; stamp?: Uint8Array }
export interface RenderOptions {
  /** Becomes the PDF's CreationDate and ModDate (and so its /ID): same input, same bytes. */
  createdAt: Date;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}
export interface RenderedCertificates {
  pdf: Uint8Array;
  /** Per page given: its first page (0-based) and how many (1, or more with a transcript). */
  pageRanges: { first: number; count: number }[];
}

type PdfImage = { width: number; height: number };
type Doc = PDFKit.PDFDocument & { openImage(src: Buffer): PdfImage };

/** A new document with the fonts registered and the images opened (each embedded once, reused on every page). */
export function newCertificateDocument(assets: CertificateAssets, createdAt: Date): { doc: Doc; images: Partial<Record<ImageKind, PdfImage>>; measure: Measure; has: (cp: number) => boolean } {
  const doc = new PDFDocument({
    size: [PAGE_W, PAGE_H], margin: 0, autoFirstPage: false, compress: true, pdfVersion: '1.7', lang: 'id-ID',
    info: { Title: 'Sertifikat', Producer: 'Bangkom', Creator: 'Bangkom', CreationDate: createdAt, ModDate: createdAt },
  }) as Doc;
  const data = fontData();
  for (const k of FONT_KEYS) doc.registerFont(k, data[k]);
  const images: Partial<Record<ImageKind, PdfImage>> = {};
  for (const kind of ['logo', 'signature', 'stamp'] as const) {
    const bytes = assets[kind];
    if (bytes?.length) images[kind] = doc.openImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  const widths = new Map<string, number>();
  const measure: Measure = (font, text) => {
    const key = font + text;
    let w = widths.get(key);
    if (w === undefined) {
      w = doc.font(font).fontSize(1).widthOfString(text);
      widths.set(key, w);
    }
    return w;
  };
  doc.font('R');
  const font = (doc as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
  const has = (cp: number) => font.hasGlyphForCodePoint(cp);
  return { doc, images, measure, has };
}

/** Draws laid-out steps on a new page. */
export function drawPage(doc: Doc, ops: DrawOp[], images: Partial<Record<ImageKind, PdfImage>>): void {
  doc.addPage();
  for (const o of ops) {
    switch (o.op) {
      case 'text':
        if (o.actual) doc.markContent('Span', { actual: o.actual } as PDFKit.Mixins.MarkingOptions);
        doc.font(o.font).fontSize(o.size).fillColor(o.color)
          .text(o.text, o.x, o.y, o.spacing ? { lineBreak: false, baseline: 'alphabetic', characterSpacing: o.spacing } : { lineBreak: false, baseline: 'alphabetic' });
        if (o.actual) doc.endMarkedContent();
        break;
      case 'line':
        doc.lineWidth(o.width).strokeColor(o.color).moveTo(o.x1, o.y1).lineTo(o.x2, o.y2).stroke();
        break;
      case 'rect':
        doc.lineWidth(o.width).strokeColor(o.color).rect(o.x, o.y, o.w, o.h).stroke();
        break;
      case 'fillRect':
        doc.fillColor(o.color).rect(o.x, o.y, o.w, o.h).fill();
        break;
      case 'path':
        doc.fillColor(o.color).addContent(o.d).fill(o.evenOdd ? 'even-odd' : 'non-zero');
        break;
      case 'image': {
        const img = images[o.image];
        if (img) doc.image(img as unknown as Buffer, o.x, o.y, { width: o.w, height: o.h });
        break;
      }
      case 'qr':
        doc.fillColor(o.color).addContent(qrPath(o.matrix, o.x, o.y, o.module)).fill('non-zero');
        break;
    }
  }
}

const abortError = (signal: AbortSignal) => (signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));

/** Pages drawn between yields to the event loop (progress is reported, an abort is seen). */
const YIELD_EVERY = 50;

/**
 * Renders certificates into ONE PDF: each page's front and, with a transcript, its back
 * page(s). Same pages, assets and `createdAt` → identical bytes.
 */
export async function renderCertificates(pages: CertificatePage[], assets: CertificateAssets, options: RenderOptions): Promise<RenderedCertificates> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError(signal);
  const { doc, images, measure, has } = newCertificateDocument(assets, options.createdAt);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => { doc.on('end', resolve); doc.on('error', reject); });
  const sizes: ImageSizes = {};
  for (const kind of ['logo', 'signature', 'stamp'] as const) {
    const img = images[kind];
    if (img) sizes[kind] = { w: img.width, h: img.height };
  }
  const matrices = qrMatrices(pages.map((p) => p.code));
  const pageRanges: { first: number; count: number }[] = [];
  let next = 0;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    const sheets = layoutCertificate(page, await matrices[i]!, sizes, measure, has);
    for (const ops of sheets) drawPage(doc, ops, images);
    pageRanges.push({ first: next, count: sheets.length });
    next += sheets.length;
    if ((i + 1) % YIELD_EVERY === 0 && i + 1 < pages.length) {
      onProgress?.(i + 1, pages.length);
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal?.aborted) {
        doc.end();
        throw abortError(signal);
      }
    }
  }
  doc.end();
  await ended;
  onProgress?.(pages.length, pages.length);
  const pdf = Buffer.concat(chunks);
  return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), pageRanges };
}
