/**
 * Pages cut from a frozen PDF, and PDFs joined, with pdf-lib. Both are deterministic: the same
 * input gives the same bytes, in any process (no clock, no random /ID; the dates are those of
 * the source document), so a certificate cut from its batch at issue can be cut again later and
 * compared by SHA-256.
 */
import { PDFDocument } from 'pdf-lib';

/** Used when a source has no CreationDate of its own. */
const FALLBACK_DATE = new Date(Date.UTC(2000, 0, 1));

// A batch is parsed once while it is in use: issuing 500 certificates cuts 500 times from the
// same bytes (parsing a 500-page batch is ~100× the cost of one cut).
const parsed = new WeakMap<Uint8Array, Promise<PDFDocument>>();

function load(pdf: Uint8Array): Promise<PDFDocument> {
  let doc = parsed.get(pdf);
  if (!doc) {
    doc = PDFDocument.load(pdf, { updateMetadata: false });
    parsed.set(pdf, doc);
    // A failed parse is not remembered: the caller sees the error, a retry parses again.
    doc.catch(() => parsed.delete(pdf));
  }
  return doc;
}

async function output(sources: PDFDocument[], pick: (src: PDFDocument) => number[]): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const src of sources) {
    const pages = await out.copyPages(src, pick(src));
    for (const p of pages) out.addPage(p);
  }
  const first = sources[0];
  const created = first?.getCreationDate() ?? FALLBACK_DATE;
  const title = first?.getTitle();
  if (title) out.setTitle(title);
  out.setProducer('Bangkom');
  out.setCreator('Bangkom');
  out.setCreationDate(created);
  out.setModificationDate(first?.getModificationDate() ?? created);
  return out.save({ useObjectStreams: false, addDefaultPage: false });
}

/** A standalone PDF of pages `first` … `first + count − 1` (0-based) of `pdf`. */
export async function extractPages(pdf: Uint8Array, first: number, count: number): Promise<Uint8Array> {
  const src = await load(pdf);
  const total = src.getPageCount();
  if (!Number.isInteger(first) || !Number.isInteger(count) || first < 0 || count < 1 || first + count > total) {
    throw new RangeError(`extractPages: pages ${first}…${first + count - 1} are not within the document's ${total}`);
  }
  return output([src], () => Array.from({ length: count }, (_, i) => first + i));
}

/** The pages of several PDFs, one after the other, in one PDF. */
export async function mergePdfs(pdfs: Uint8Array[]): Promise<Uint8Array> {
  const sources = await Promise.all(pdfs.map((p) => load(p)));
  return output(sources, (src) => src.getPageIndices());
}
