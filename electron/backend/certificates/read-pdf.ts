import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { PDFiumLibrary } from '@hyzyla/pdfium';
import { readQrFromRgba } from '../../../shared/certificates/qr-image.ts';

/**
 * Finds a certificate's QR code in a PDF: Bangkom's own certificates (the QR drawn as vector
 * squares) and scans (a JPEG or other image of the paper inside the PDF). The first pages are
 * rendered to pixels and searched like a photo.
 *
 * The renderer is PDFium (Chrome's PDF engine) compiled to WebAssembly (@hyzyla/pdfium): no native
 * binary per platform (the Windows installer is built like the Linux one), no system fonts (the
 * standard fonts are compiled in; a WebAssembly module sees no file system), no network, no
 * worker, no eval; and a malformed PDF can corrupt at most the module's own memory, which is
 * dropped and made anew after any failure. pdf.js was the other candidate: see the note at the end.
 *
 * Loaded on first use (~30 ms, 4 MB of WebAssembly): most commands never read a PDF.
 */

/** Pages searched, from the first: a certificate is one page, a scan of one a few at most. */
export const PDF_MAX_PAGES = 4;
/** Rendering resolution: a module of a printed 3 cm QR is then about 4 pixels. */
const DPI = 200;
/** Limits for an odd page size (a poster, a 5 m banner): the longer side and the pixel count. */
const MAX_SIDE = 4000;
const MAX_PIXELS = 12_000_000;

export type ReadPdfResult =
  | { ok: true; text: string; page: number }
  | { ok: false; reason: 'not_pdf' | 'unreadable_pdf' | 'no_qr' };

let library: Promise<PDFiumLibrary> | undefined;

function pdfium(): Promise<PDFiumLibrary> {
  library ??= (async () => {
    const { PDFiumLibrary, PDFiumModule } = await import('@hyzyla/pdfium');
    const wasmFile = createRequire(import.meta.url).resolve('@hyzyla/pdfium/pdfium.wasm');
    const wasm = fs.readFileSync(wasmFile);
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
    const quiet = () => {};
    // The module's own console output (PDFium's warnings about a damaged file) would mix into
    // the command line's output: silenced.
    return PDFiumLibrary.initBase({
      vendor: (options) => {
        // Emscripten's own options, which the wrapper's type does not list.
        const withOutput: typeof options = Object.assign({}, options, { print: quiet, printErr: quiet });
        return PDFiumModule(withOutput);
      },
      wasmBinary,
    });
  })();
  library.catch(() => {
    library = undefined;
  });
  return library;
}

/** `%PDF-` within the first 1024 bytes, where readers accept the header. */
function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** The scale (pixels per point) for a page of that size in points. */
export function renderScale(widthPt: number, heightPt: number): number {
  let scale = DPI / 72;
  const w = Math.max(1, widthPt);
  const h = Math.max(1, heightPt);
  scale = Math.min(scale, MAX_SIDE / Math.max(w, h));
  scale = Math.min(scale, Math.sqrt(MAX_PIXELS / (w * h)));
  return scale;
}

/**
 * The text of the first QR code found on the first pages of a PDF (pages counted from 1).
 * Never throws: a file that is not a PDF, or one that PDFium cannot open (damaged, truncated,
 * password-protected), gives its reason.
 */
export async function readCodeFromPdf(bytes: Uint8Array): Promise<ReadPdfResult> {
  if (!looksLikePdf(bytes)) return { ok: false, reason: 'not_pdf' };
  let lib: PDFiumLibrary;
  try {
    lib = await pdfium();
  } catch {
    return { ok: false, reason: 'unreadable_pdf' };
  }
  let doc: Awaited<ReturnType<PDFiumLibrary['loadDocument']>>;
  try {
    doc = await lib.loadDocument(bytes);
  } catch {
    return { ok: false, reason: 'unreadable_pdf' };
  }
  let rendered = 0;
  try {
    const pages = Math.min(doc.getPageCount(), PDF_MAX_PAGES);
    for (let i = 0; i < pages; i++) {
      let image: { width: number; height: number; data: Uint8Array };
      try {
        const page = doc.getPage(i);
        const { originalWidth, originalHeight } = page.getOriginalSize();
        // RGBA (PDFium's "reverse byte order" of BGRA) on white.
        image = await page.render({ scale: renderScale(originalWidth, originalHeight), render: 'bitmap', colorSpace: 'BGRA' });
      } catch {
        continue; // a damaged page: the others may still be readable
      }
      rendered++;
      const rgba = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
      const text = readQrFromRgba(rgba, image.width, image.height);
      if (text !== null) return { ok: true, text, page: i + 1 };
    }
  } catch {
    // The module failed in a way that may have left it unusable: a fresh one next time.
    library = undefined;
    return { ok: false, reason: 'unreadable_pdf' };
  } finally {
    try {
      doc.destroy();
    } catch {
      library = undefined;
    }
  }
  return rendered === 0 ? { ok: false, reason: 'unreadable_pdf' } : { ok: false, reason: 'no_qr' };
}

// Why not pdf.js (pdfjs-dist), evaluated first: its Node build draws through @napi-rs/canvas, a
// native module shipped as one optional package per platform, so an installer built on Linux lacks
// the Windows binary unless it is installed by hand; pdfjs-dist 5.7 and later need Node 22.13
// (the CLI supports Node 20.19); and its Node "fake worker" loads a second module by URL. Both
// read the test PDFs alike in about the same time (render 10–40 ms a page at 150 dpi).
