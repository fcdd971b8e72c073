/**
 * Certificate pages laid out as plain drawing steps (text at a place, lines, rectangles, images,
 * the QR code as one path), pure and measured through a `Measure` the renderer gives: the
 * backend draws the steps with pdfkit (electron/backend/pdf/certificate-pdf.ts), and the bench's
 * raw baseline draws the very same steps.
 *
 * - Text is measured and placed line by line here (no pdfkit line wrapping): a long name or
 *   event title shrinks, then wraps, within its box; nothing overflows and nothing is cut.
 * - The QR code (alphanumeric mode, error correction M) is one vector path of merged horizontal
 *   runs, modules of 1.44 pt (0.508 mm: 3 px at 150 dpi, 6 dots at 300 dpi) on the 1/150-inch
 *   grid, with a quiet zone of 4 modules. See QR_* below for the measurements behind it.
 */
import { certificateTexts, type CertificatePage, type CertificateTexts } from '../certificates/page.ts';
import type { CertificateVariant, TextRun } from '../certificates/template.ts';

// ── Page and fonts ──────────────────────────────────────────────────────────────────────────
/** A4 landscape, in points. */
export const PAGE_W = 841.89;
export const PAGE_H = 595.28;
const CX = PAGE_W / 2;

/** The app's Roboto faces: regular, medium (as bold) and italic. */
export type FontKey = 'R' | 'B' | 'I';

/** Roboto's ascent and cap height per 1 pt of size (2048 units per em). */
const ASCENT = 1900 / 2048;
const CAP = 1456 / 2048;

// ── QR code ─────────────────────────────────────────────────────────────────────────────────
/**
 * Error correction M (15 % of codewords may be lost: a crease, a speck, a stamp's edge). A ~450
 * character code is then version 13 (69 modules). Measured with pdftoppm at 150 dpi and jsQR:
 * every code decodes from 0.26 mm modules up in a clean rendering; with blur, noise and specks
 * added, 1.44 pt modules on the pixel grid decoded 12/12, where 1.2 pt (2.5 px) decoded 1–8/12
 * and off-grid sizes were erratic. L at the same module size is 4 mm smaller but tolerates less
 * damage; Q needs version 16 (81 modules), whose modules at the same print size were too small
 * to survive the blur.
 */
export const QR_ECL = 'M' as const;
/** 1.44 pt = 0.508 mm = 3 px at 150 dpi, 6 dots at 300 dpi, 12 at 600. */
export const QR_MODULE_PT = 1.44;
export const QR_QUIET_MODULES = 4;
/** The widest QR (quiet zone included) the layouts leave room for; longer codes get smaller modules. */
const QR_BOX = 122;
/** 1/150 inch: QR modules start on this grid so that they fall on whole pixels at 150/300/600 dpi. */
const GRID = 72 / 150;
const snap = (v: number) => Math.round(v / GRID) * GRID;

export interface QrMatrix {
  size: number;
  /** size × size, row by row, 1 = dark. */
  modules: Uint8Array;
}

const num = (v: number) => String(Math.round(v * 1000) / 1000);

/**
 * The dark modules as one path: a rectangle per horizontal run, (x, y) the top-left module.
 * Coordinates are formatted once per column, row and run length, not once per rectangle.
 */
export function qrPath(m: QrMatrix, x: number, y: number, module: number): string {
  const n = m.size;
  const d = m.modules;
  const xs: string[] = [];
  const lens: string[] = [''];
  for (let j = 0; j <= n; j++) {
    xs.push(num(x + j * module));
    lens.push(num((j + 1) * module));
  }
  const h = ` ${num(module)} re\n`;
  let out = '';
  for (let i = 0; i < n; i++) {
    const row = i * n;
    const top = ` ${num(y + i * module)} `;
    let j = 0;
    while (j < n) {
      if (!d[row + j]) { j++; continue; }
      let k = j + 1;
      while (k < n && d[row + k]) k++;
      out += xs[j]! + top + lens[k - j]! + h;
      j = k;
    }
  }
  return out;
}

// ── Drawing operations ──────────────────────────────────────────────────────────────────────
/**
 * A page as a list of plain drawing steps (coordinates from the top-left, in points). Laying out
 * and drawing are separate so that the layout can be tested and the bench can time pdfkit
 * drawing the very same steps on its own (test/bench/certificates-baseline.ts).
 */
export type DrawOp =
  /** Text on a baseline; letter-spaced text carries its words as ActualText (else it reads "S E R T I …"). */
  | { op: 'text'; font: FontKey; size: number; color: string; x: number; y: number; text: string; spacing?: number; actual?: string }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: string }
  | { op: 'rect'; x: number; y: number; w: number; h: number; width: number; color: string }
  | { op: 'fillRect'; x: number; y: number; w: number; h: number; color: string }
  /** Raw path operators (re, m, l, c, h), filled (even-odd when `evenOdd`). */
  | { op: 'path'; d: string; color: string; evenOdd?: boolean }
  | { op: 'image'; image: ImageKind; x: number; y: number; w: number; h: number }
  | { op: 'qr'; matrix: QrMatrix; x: number; y: number; module: number; color: string };

export type ImageKind = 'logo' | 'signature' | 'stamp';

export interface ImageSizes { logo?: { w: number; h: number }; signature?: { w: number; h: number }; stamp?: { w: number; h: number } }

/** Widths at 1 pt, as pdfkit will lay the same strings out (its per-word layout cache is shared). */
export interface Measure {
  (font: FontKey, text: string): number;
}

/** What a character prints as when Roboto lacks it and has no parts for it. */
const STAND_INS: Record<string, string> = {
  'ʿ': '‘', 'ʾ': '’', 'ʼ': '’', 'ʻ': '‘', '′': '’', '″': '”', '‐': '-', '‑': '-', '\u00a0': ' ', '\u202f': ' ', '\u2007': ' ',
};

/**
 * Text Roboto prints in full: NFC; a missing character decomposed when the font has every part
 * (fontkit composes "H" + U+0323 into Roboto's own "Ḥ" glyph), else a stand-in, else its base
 * letter, else "?". Control characters are dropped.
 */
export function printable(text: string, has: (cp: number) => boolean): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const nfc = text.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  let out = '';
  for (const ch of nfc) {
    const cp = ch.codePointAt(0)!;
    if (has(cp)) { out += ch; continue; }
    const parts = ch.normalize('NFD');
    if (parts !== ch && [...parts].every((p) => has(p.codePointAt(0)!))) { out += parts; continue; }
    const standIn = STAND_INS[ch];
    if (standIn !== undefined) { out += standIn; continue; }
    const base = parts.replace(/[\u0300-\u036f]/g, '');
    out += base && [...base].every((p) => has(p.codePointAt(0)!)) ? base : '?';
  }
  return out;
}

// ── Text fitting ────────────────────────────────────────────────────────────────────────────
interface Segment { text: string; font: FontKey }
/** A word: glued segments (a bold title followed by a comma) and whether a space follows it. */
interface Word { segs: Segment[]; w: number; wSpace: number }
interface Fitted {
  size: number;
  lines: Word[][];
  /** Each line's segments and width, worked out on first use (see lineSegments). */
  drawn?: ReturnType<typeof lineSegments>[];
}
/** Preferences, in order: at most `lines` lines at a size in [min, max]. */
type FitRule = { lines: number; min: number; max: number }[];

type Run = { text: string; font: FontKey; keep?: boolean };

/** Words of runs; a `keep` run's spaces do not separate words unless `loose`. */
function wordsOf(runs: Run[], measure: Measure, loose = false): Word[] {
  const words: Word[] = [];
  let cur: Segment[] = [];
  const flush = () => {
    if (!cur.length) return;
    // Only "word " is measured: lines are drawn with every word's space (the last one's too),
    // so these are the very pieces pdfkit lays out and caches. The word alone is that less a
    // space (Roboto kerns across a space by 0.02 em at most; this only decides line breaks).
    const last = cur.at(-1)!;
    const wSpace = cur.reduce((a, s) => a + measure(s.font, s === last ? `${s.text} ` : s.text), 0);
    words.push({ segs: cur, w: wSpace - measure(last.font, ' '), wSpace });
    cur = [];
  };
  for (const run of runs) {
    const pieces = run.keep && !loose ? [run.text] : run.text.split(' ');
    pieces.forEach((piece, i) => {
      if (i > 0) flush();
      if (piece) cur.push({ text: piece, font: run.font });
    });
    if (run.keep && !loose && run.text.endsWith(' ')) flush();
  }
  flush();
  return words;
}

function wrap(words: Word[], size: number, width: number): Word[][] {
  const lines: Word[][] = [];
  let line: Word[] = [];
  let used = 0;
  for (const word of words) {
    const prevSpace = line.length ? line.at(-1)!.wSpace - line.at(-1)!.w : 0;
    if (line.length && (used + prevSpace + word.w) * size > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length ? prevSpace : 0) + word.w;
    line.push(word);
  }
  if (line.length) lines.push(line);
  return lines;
}

/** Splits words too wide for a line on their own (a 60-character unbroken string) into pieces that fit. */
function breakLongWords(words: Word[], size: number, width: number, measure: Measure): Word[] {
  if (words.every((w) => w.w * size <= width)) return words;
  const out: Word[] = [];
  for (const word of words) {
    if (word.w * size <= width) { out.push(word); continue; }
    const text = word.segs.map((s) => s.text).join('');
    const font = word.segs[0]!.font;
    let piece = '';
    for (const ch of text) {
      if (piece && measure(font, piece + ch) * size > width) {
        out.push(...wordsOf([{ text: piece, font }], measure));
        piece = '';
      }
      piece += ch;
    }
    const [rest] = wordsOf([{ text: piece, font }], measure);
    if (rest) out.push(rest);
  }
  return out;
}

/**
 * The largest size (to 0.25 pt) at which the words wrap into the fewest lines the rules allow.
 * Past the last rule the text keeps shrinking (down to 3 pt) rather than overflow or be cut.
 */
// Most texts repeat on every page of a batch (letterhead, signer, event, dates): fitted once.
const fitMemo = new WeakMap<Measure, Map<string, Map<string, Fitted>>>();

function fit(runs: Run[], rules: FitRule, width: number, measure: Measure): Fitted {
  let memo = fitMemo.get(measure);
  if (!memo) fitMemo.set(measure, (memo = new Map()));
  let key = String(width);
  for (const r of rules) key += `|${r.lines},${r.min},${r.max}`;
  let byText = memo.get(key);
  if (!byText) memo.set(key, (byText = new Map()));
  const textKey = runs.length === 1 && !runs[0]!.keep ? runs[0]!.font + runs[0]!.text : runs.map((r) => `${r.font}${r.keep ? 'k' : ''}${r.text}`).join('\u0001');
  let f = byText.get(textKey);
  if (!f) {
    f = fitUncached(runs, rules, width, measure);
    byText.set(textKey, f);
  }
  return f;
}

/** The segments and width of a fitted text's line `i`. */
function drawnLine(f: Fitted, i: number, measure: Measure): ReturnType<typeof lineSegments> {
  f.drawn ??= [];
  return (f.drawn[i] ??= lineSegments(f.lines[i]!, f.size, measure));
}

function fitUncached(runs: Run[], rules: FitRule, width: number, measure: Measure): Fitted {
  const kept = wordsOf(runs, measure);
  if (!kept.length) return { size: rules[0]!.max, lines: [] };
  const hasKeep = runs.some((r) => r.keep && r.text.includes(' '));
  const loose = hasKeep ? wordsOf(runs, measure, true) : kept;
  const widestKept = Math.max(...kept.map((w) => w.w));
  const widestLoose = hasKeep ? Math.max(...loose.map((w) => w.w)) : widestKept;
  // The lines at a size: a kept group wider than the line is broken at its spaces after all;
  // null when a single word is wider than the line.
  const at = (size: number): Word[][] | null => {
    if (widestLoose * size > width) return null;
    return wrap(widestKept * size > width ? loose : kept, size, width);
  };
  const count = (size: number) => at(size)?.length ?? Infinity;
  for (const rule of rules) {
    const top = at(rule.max);
    if (top && top.length <= rule.lines) return { size: rule.max, lines: top };
    if (count(rule.min) > rule.lines) continue;
    let lo = rule.min, hi = rule.max; // lines(lo) fits, lines(hi) does not
    while (hi - lo > 0.25) {
      const mid = (lo + hi) / 2;
      if (count(mid) <= rule.lines) lo = mid; else hi = mid;
    }
    const size = Math.floor(lo * 4) / 4;
    return { size, lines: at(size) ?? at(lo)! };
  }
  // Past the last rule: smaller still, and words too long for a line broken where they must be.
  const last = rules.at(-1)!;
  for (let size = last.min; size >= 3; size -= 0.5) {
    const lines = wrap(breakLongWords(loose, size, width, measure), size, width);
    if (lines.length <= last.lines || size - 0.5 < 3) return { size, lines };
  }
  return { size: 3, lines: wrap(breakLongWords(loose, 3, width, measure), 3, width) };
}

/**
 * A line's segments with same-font neighbours merged, and their x offsets at `size`. Every word
 * keeps its space, the line's last too (it draws nothing): the strings drawn are then exactly
 * the "word " pieces measured, which pdfkit has laid out and cached already.
 */
function lineSegments(line: Word[], size: number, measure: Measure): { segs: { text: string; font: FontKey; dx: number }[]; width: number } {
  const merged: Segment[] = [];
  line.forEach((word) => {
    word.segs.forEach((s, k) => {
      const text = s.text + (k === word.segs.length - 1 ? ' ' : '');
      const last = merged.at(-1);
      if (last && last.font === s.font) last.text += text;
      else merged.push({ text, font: s.font });
    });
  });
  let x = 0;
  const segs = merged.map((s) => {
    const seg = { ...s, dx: x };
    x += measure(s.font, s.text) * size;
    return seg;
  });
  const last = merged.at(-1);
  return { segs, width: last ? x - measure(last.font, ' ') * size : 0 };
}

// ── Layout ──────────────────────────────────────────────────────────────────────────────────
interface Palette { ink: string; muted: string; accent: string; accent2: string; title: string; name: string }

const PALETTES: Record<CertificateVariant, Palette> = {
  resmi: { ink: '#1a1a1a', muted: '#444444', accent: '#1f3a5f', accent2: '#1f3a5f', title: '#1f3a5f', name: '#111111' },
  bingkai: { ink: '#1c1c1c', muted: '#474747', accent: '#17453a', accent2: '#b08a2e', title: '#17453a', name: '#17453a' },
  ringkas: { ink: '#1d2430', muted: '#4a5261', accent: '#2b4c7e', accent2: '#9aa7bb', title: '#2b4c7e', name: '#1d2430' },
};

/** Type sizes of the middle of the front page, per layout. */
interface Scale { title: number; titleSpacing: number; subtitle: number; opening: number; name: number; detail: number; body: number; closing: number }
const SCALES: Record<CertificateVariant, Scale> = {
  resmi: { title: 34, titleSpacing: 8, subtitle: 11.5, opening: 12, name: 25, detail: 11, body: 12.5, closing: 10.5 },
  bingkai: { title: 38, titleSpacing: 11, subtitle: 11.5, opening: 12, name: 27, detail: 11, body: 12.5, closing: 10.5 },
  ringkas: { title: 28, titleSpacing: 6, subtitle: 10.5, opening: 11.5, name: 24, detail: 10.5, body: 12, closing: 10 },
};

class Ops {
  readonly list: DrawOp[] = [];
  constructor(readonly measure: Measure) {}
  text(text: string, font: FontKey, size: number, color: string, x: number, y: number, spacing?: number): void {
    if (text) this.list.push(spacing ? { op: 'text', font, size, color, x, y, text, spacing, actual: text } : { op: 'text', font, size, color, x, y, text });
  }
  /** A single line centred on `cx` (letter-spaced when `spacing`). Returns its width. */
  centred(text: string, font: FontKey, size: number, color: string, cx: number, y: number, spacing = 0): number {
    const w = this.measure(font, text) * size + spacing * Math.max(0, [...text].length - 1);
    this.text(text, font, size, color, cx - w / 2, y, spacing || undefined);
    return w;
  }
  /** Fitted lines, each aligned on `x` (left), centred on it, or ending at it (right). */
  lines(f: Fitted, color: string, x: number, y: number, leading: number, align: 'left' | 'center' | 'right'): number {
    f.lines.forEach((_line, i) => {
      const { segs, width } = drawnLine(f, i, this.measure);
      const x0 = align === 'left' ? x : align === 'center' ? x - width / 2 : x - width;
      for (const s of segs) this.text(s.text, s.font, f.size, color, x0 + s.dx, y + i * leading);
    });
    return f.lines.length * leading;
  }
  line(x1: number, y1: number, x2: number, y2: number, width: number, color: string): void {
    this.list.push({ op: 'line', x1, y1, x2, y2, width, color });
  }
  rect(x: number, y: number, w: number, h: number, width: number, color: string): void {
    this.list.push({ op: 'rect', x, y, w, h, width, color });
  }
  fillRect(x: number, y: number, w: number, h: number, color: string): void {
    this.list.push({ op: 'fillRect', x, y, w, h, color });
  }
  path(d: string, color: string, evenOdd = false): void {
    this.list.push(evenOdd ? { op: 'path', d, color, evenOdd } : { op: 'path', d, color });
  }
}

const plainRuns = (text: string, font: FontKey): Run[] => [{ text, font }];

/** Fits an image of (iw × ih) into a box, centred; nothing when the image is missing. */
function placeImage(ops: Ops, kind: ImageKind, size: { w: number; h: number } | undefined, cx: number, cy: number, bw: number, bh: number): void {
  if (!size || size.w <= 0 || size.h <= 0) return;
  const k = Math.min(bw / size.w, bh / size.h);
  const w = size.w * k, h = size.h * k;
  ops.list.push({ op: 'image', image: kind, x: cx - w / 2, y: cy - h / 2, w, h });
}

// Static frames, one path string per layout, built once per process.
const frames = new Map<string, string>();
function frame(key: string, build: () => string): string {
  let d = frames.get(key);
  if (d === undefined) { d = build(); frames.set(key, d); }
  return d;
}
const rectPath = (x: number, y: number, w: number, h: number) => `${num(x)} ${num(y)} ${num(w)} ${num(h)} re`;
const diamond = (cx: number, cy: number, r: number) => `${num(cx)} ${num(cy - r)} m ${num(cx + r)} ${num(cy)} l ${num(cx)} ${num(cy + r)} l ${num(cx - r)} ${num(cy)} l h`;

function drawFrame(ops: Ops, variant: CertificateVariant, p: Palette): void {
  if (variant === 'resmi') {
    ops.rect(18, 18, PAGE_W - 36, PAGE_H - 36, 2.6, p.accent);
    ops.rect(24, 24, PAGE_W - 48, PAGE_H - 48, 0.7, p.accent);
    // Small squares in the corners between the two lines.
    ops.path(frame('resmi-corners', () => [[18, 18], [PAGE_W - 24, 18], [18, PAGE_H - 24], [PAGE_W - 24, PAGE_H - 24]]
      .map(([x, y]) => rectPath(x!, y!, 6, 6)).join('\n')), p.accent);
  } else if (variant === 'bingkai') {
    // A green band with a gold line inside it, a thin gold rule within, diamonds at the corners
    // and at the middle of each side.
    ops.path(frame('bingkai-band', () => `${rectPath(16, 16, PAGE_W - 32, PAGE_H - 32)}\n${rectPath(30, 30, PAGE_W - 60, PAGE_H - 60)}`), p.accent, true);
    ops.rect(21.5, 21.5, PAGE_W - 43, PAGE_H - 43, 0.9, p.accent2);
    ops.rect(36, 36, PAGE_W - 72, PAGE_H - 72, 0.6, p.accent2);
    ops.path(frame('bingkai-ornaments', () => {
      const d: string[] = [];
      for (const [x, y] of [[23, 23], [PAGE_W - 23, 23], [23, PAGE_H - 23], [PAGE_W - 23, PAGE_H - 23], [CX, 23], [CX, PAGE_H - 23], [23, PAGE_H / 2], [PAGE_W - 23, PAGE_H / 2]]) {
        d.push(diamond(x!, y!, 9));
      }
      for (const [x, y] of [[36, 36], [PAGE_W - 36, 36], [36, PAGE_H - 36], [PAGE_W - 36, PAGE_H - 36]]) d.push(diamond(x!, y!, 4.5));
      return d.join('\n');
    }), p.accent2);
    ops.path(frame('bingkai-ornaments-inner', () => [[23, 23], [PAGE_W - 23, 23], [23, PAGE_H - 23], [PAGE_W - 23, PAGE_H - 23], [CX, 23], [CX, PAGE_H - 23], [23, PAGE_H / 2], [PAGE_W - 23, PAGE_H / 2]]
      .map(([x, y]) => diamond(x!, y!, 4)).join('\n')), p.accent);
  } else {
    ops.rect(22, 22, PAGE_W - 44, PAGE_H - 44, 0.8, p.accent2);
    ops.fillRect(22, 22, 9, PAGE_H - 44, p.accent);
  }
}

/** The letterhead; returns the y below it. */
function drawHeader(ops: Ops, variant: CertificateVariant, tx: CertificateTexts, p: Palette, images: ImageSizes, logo: boolean): number {
  const m = ops.measure;
  const lines = tx.letterhead;
  if (variant === 'resmi') {
    // Kop surat: logo on the left, the lines centred on the page, a double rule under them.
    const styles = lines.map((_, i): [FontKey, number] => (lines.length === 1 ? ['B', 18] : i === 0 ? ['B', 14] : i === 1 ? ['B', 18] : ['R', 9.5]));
    const width = PAGE_W - 2 * 150;
    const fitted = lines.map((text, i) => fit(plainRuns(text, styles[i]![0]), [{ lines: 1, min: 6, max: styles[i]![1] }], width, m));
    const heights = fitted.map((f) => f.size * 1.22);
    const block = heights.reduce((a, b) => a + b, 0);
    const logoBox = 70;
    const mid = 40 + logoBox / 2;
    let y = mid - block / 2;
    fitted.forEach((f, i) => {
      ops.lines(f, i < 2 && lines.length > 1 ? p.ink : p.muted, CX, y + f.size * ASCENT, 0, 'center');
      y += heights[i]!;
    });
    if (logo) placeImage(ops, 'logo', images.logo, 48 + 16 + logoBox / 2, mid, logoBox, logoBox);
    const rule = Math.max(40 + logoBox, y) + 7;
    ops.line(44, rule, PAGE_W - 44, rule, 2.2, p.ink);
    ops.line(44, rule + 3.4, PAGE_W - 44, rule + 3.4, 0.7, p.ink);
    return rule + 4;
  }
  if (variant === 'bingkai') {
    // Logo centred at the top, the office's name under it in spaced capitals.
    let y = 50;
    if (logo && images.logo) {
      placeImage(ops, 'logo', images.logo, CX, y + 29, 58, 58);
      y += 64;
    }
    const [first, second] = lines.length > 1 ? [lines[0]!, lines[1]!] : ['', lines[0] ?? ''];
    if (first) {
      const f = fit(plainRuns(first, 'R'), [{ lines: 1, min: 6, max: 9.5 }], 520, m);
      ops.centred(first, 'R', f.size, p.muted, CX, y + 9, 1.6);
      y += 13;
    }
    if (second) {
      const f = fit(plainRuns(second, 'B'), [{ lines: 1, min: 6, max: 12 }], 520, m);
      ops.centred(second, 'B', f.size, p.accent, CX, y + 11, 2);
      y += 16;
    }
    return y;
  }
  // ringkas: the logo and the lines side by side at the top left, left-aligned.
  const x0 = 52;
  let x = x0;
  if (logo && images.logo) {
    placeImage(ops, 'logo', images.logo, x0 + 22, 62, 44, 44);
    x = x0 + 54;
  }
  const styles = lines.map((_, i): [FontKey, number, string] => (i === 0 ? ['B', 10, p.muted] : i === 1 ? ['B', 13, p.ink] : ['R', 8.5, p.muted]));
  const fitted = lines.map((text, i) => fit(plainRuns(text, styles[i]![0]), [{ lines: 1, min: 5, max: styles[i]![1] }], 470, m));
  const block = fitted.reduce((a, f) => a + f.size * 1.25, 0);
  let y = 62 - block / 2;
  fitted.forEach((f, i) => {
    ops.lines(f, styles[i]![2], x, y + f.size * ASCENT, 0, 'left');
    y += f.size * 1.25;
  });
  return Math.max(90, y + 6);
}

/** The bottom row: QR and its line at the left, place/date and the signer at the right. Returns where the QR goes. */
function drawBottom(ops: Ops, tx: CertificateTexts, page: CertificatePage, p: Palette, images: ImageSizes, qrSize: number, box: { left: number; right: number; bottom: number }): BottomRow {
  const m = ops.measure;
  const t = page.template;
  // Signer block, centred in a column at the right.
  const colW = 290;
  const sx = box.right - colW / 2;
  const issued = fit(plainRuns(tx.issued, 'R'), [{ lines: 1, min: 8, max: 11.5 }, { lines: 2, min: 5, max: 9 }], colW, m);
  const title = fit(plainRuns(tx.signer.title, 'R'), [{ lines: 1, min: 10, max: 11.5 }, { lines: 2, min: 8, max: 11.5 }, { lines: 3, min: 5, max: 9 }], colW, m);
  const name = fit(plainRuns(tx.signer.name, 'B'), [{ lines: 1, min: 8, max: 11.5 }, { lines: 2, min: 5, max: 9 }], colW, m);
  const rank = fit(plainRuns(tx.signer.rank, 'R'), [{ lines: 1, min: 7, max: 10.5 }, { lines: 2, min: 5, max: 8 }], colW, m);
  const nip = fit(plainRuns(tx.signer.nip, 'R'), [{ lines: 1, min: 7, max: 10.5 }], colW, m);
  const sigSpace = 62;
  const lh = (f: Fitted) => f.size * 1.28;
  const nameLines = Math.max(1, name.lines.length);
  const height = issued.lines.length * lh(issued) + title.lines.length * lh(title) + sigSpace + nameLines * lh(name)
    + rank.lines.length * lh(rank) + nip.lines.length * lh(nip);
  const top = box.bottom - height;
  let y = top;
  y += ops.lines(issued, p.ink, sx, y + issued.size * ASCENT, lh(issued), 'center');
  y += ops.lines(title, p.ink, sx, y + title.size * ASCENT, lh(title), 'center');
  const sigTop = y;
  const sigMid = sigTop + sigSpace / 2;
  if (tx.electronic) {
    const e = fit(plainRuns(tx.electronic, 'I'), [{ lines: 2, min: 7, max: 8.5 }, { lines: 3, min: 5, max: 7 }], 210, m);
    const eh = e.lines.length * e.size * 1.3;
    ops.lines(e, p.muted, sx, sigMid - eh / 2 + e.size * ASCENT, e.size * 1.3, 'center');
  } else if (t.signatureImage) {
    placeImage(ops, 'signature', images.signature, sx, sigMid, colW - 90, sigSpace + 8);
  }
  if (t.stampImage) placeImage(ops, 'stamp', images.stamp, sx - 62, sigMid, 92, 92);
  y += sigSpace;
  const nameBase = y + name.size * ASCENT;
  if (name.lines.length) {
    ops.lines(name, p.ink, sx, nameBase, lh(name), 'center');
    name.lines.forEach((_line, i) => {
      const w = drawnLine(name, i, m).width;
      const uy = nameBase + i * lh(name) + name.size * 0.14;
      ops.line(sx - w / 2, uy, sx + w / 2, uy, Math.max(0.5, name.size * 0.06), p.ink);
    });
  } else {
    // No name in the template: a line to write it on.
    ops.line(sx - 90, nameBase + 2, sx + 90, nameBase + 2, 0.6, p.ink);
  }
  y += nameLines * lh(name);
  y += ops.lines(rank, p.ink, sx, y + rank.size * ASCENT, lh(rank), 'center');
  ops.lines(nip, p.ink, sx, y + nip.size * ASCENT, lh(nip), 'center');

  // QR at the bottom left, its line under it.
  const n = qrSize + 2 * QR_QUIET_MODULES;
  const module = n * QR_MODULE_PT <= QR_BOX ? QR_MODULE_PT : QR_BOX / n;
  const caption = 8;
  const qrTop = snap(box.bottom - caption * 1.15 - n * module);
  const qrLeft = snap(box.left);
  const inner = qrSize * module;
  // The line starts below the quiet zone: nothing may print inside it.
  ops.centred(tx.verify, 'R', caption, p.muted, qrLeft + QR_QUIET_MODULES * module + inner / 2, qrTop + n * module + caption * ASCENT + 0.5);
  return { top: Math.min(top, qrTop), qrX: snap(qrLeft + QR_QUIET_MODULES * module), qrY: snap(qrTop + QR_QUIET_MODULES * module), module };
}

interface Block { height: number; gapAfter: number; draw: (y: number) => void }

/** The middle of the front page at a type scale `k`: title, number, name, details, body, closing. */
function middleBlocks(ops: Ops, tx: CertificateTexts, variant: CertificateVariant, p: Palette, k: number, width: number): Block[] {
  const m = ops.measure;
  const s = SCALES[variant];
  const blocks: Block[] = [];
  const title = fit(plainRuns(tx.title, 'B'), [{ lines: 1, min: 10, max: s.title * k }], width, m);
  if (title.lines.length) {
    // Letter-spaced: fit again with the spacing counted.
    const chars = [...tx.title].length;
    let size = title.size;
    let spacing = s.titleSpacing * k;
    while (size > 8 && m('B', tx.title) * size + spacing * (chars - 1) > width) { size -= 0.5; spacing = Math.min(spacing, size * 0.22); }
    blocks.push({
      height: size * CAP + size * 0.28, gapAfter: 9 * k,
      draw: (y) => {
        ops.centred(tx.title, 'B', size, p.title, CX, y + size * CAP, spacing);
        if (variant === 'bingkai') {
          const yy = y + size * CAP + 11;
          ops.line(CX - 120, yy, CX - 8, yy, 0.8, p.accent2);
          ops.line(CX + 8, yy, CX + 120, yy, 0.8, p.accent2);
          ops.path(diamond(CX, yy, 3.2), p.accent2);
        }
      },
    });
    if (variant === 'bingkai') blocks.at(-1)!.height += 12;
  }
  const single = (text: string, font: FontKey, size: number, color: string, gapAfter: number, lines = 1) => {
    if (!text) return;
    const f = fit(plainRuns(text, font), [{ lines, min: size * 0.7, max: size }, { lines: lines + 1, min: 4, max: size * 0.8 }], width, m);
    const lead = f.size * 1.3;
    blocks.push({ height: f.lines.length * lead, gapAfter, draw: (y) => ops.lines(f, color, CX, y + f.size * ASCENT, lead, 'center') });
  };
  if (variant !== 'ringkas') single(tx.subtitle, 'R', s.subtitle * k, p.muted, 12 * k);
  single(tx.opening, 'R', s.opening * k, p.ink, 3 * k);
  // The name: one line if it can be large, else two, else three at whatever size fits.
  const name = fit(plainRuns(tx.name, 'B'), [
    { lines: 1, min: s.name * k * 0.72, max: s.name * k },
    { lines: 2, min: s.name * k * 0.5, max: s.name * k * 0.8 },
    { lines: 3, min: 4, max: s.name * k * 0.55 },
  ], width, m);
  if (name.lines.length) {
    const lead = name.size * 1.18;
    blocks.push({ height: name.lines.length * lead + name.size * 0.1, gapAfter: 7 * k, draw: (y) => ops.lines(name, p.name, CX, y + name.size * ASCENT, lead, 'center') });
  }
  // Details: "Label : value" rows, the block centred as a whole.
  if (tx.details.length) {
    const size = s.detail * k;
    const labelW = Math.max(...tx.details.map((d) => m('R', d.label))) * size;
    const colon = size * 1.5;
    const valueMax = Math.min(440, width - labelW - colon);
    const rows = tx.details.map((d) => ({
      label: d.label,
      value: fit(plainRuns(d.value, 'R'), [{ lines: 1, min: size * 0.8, max: size }, { lines: 2, min: 4, max: size * 0.9 }], valueMax, m),
    }));
    const valueW = Math.max(...rows.map((r) => Math.max(...r.value.lines.map((_l, i) => drawnLine(r.value, i, m).width))));
    const total = labelW + colon + valueW;
    const x0 = CX - total / 2;
    const lead = size * 1.35;
    const height = rows.reduce((a, r) => a + Math.max(1, r.value.lines.length) * Math.max(lead, r.value.size * 1.3), 0);
    blocks.push({
      height, gapAfter: 10 * k,
      draw: (y) => {
        let yy = y;
        for (const r of rows) {
          const base = yy + size * ASCENT;
          ops.text(r.label, 'R', size, p.muted, x0, base);
          ops.text(':', 'R', size, p.muted, x0 + labelW + size * 0.45, base);
          const rl = Math.max(lead, r.value.size * 1.3);
          ops.lines(r.value, p.ink, x0 + labelW + colon, base, rl, 'left');
          yy += Math.max(1, r.value.lines.length) * rl;
        }
      },
    });
  }
  // Body: the event title in bold within it; three lines, then four, then whatever fits.
  const bodyRuns = tx.bodyRuns.map((r: TextRun): Run => ({ text: r.text, font: r.strong ? 'B' : 'R', keep: r.keep }));
  const body = fit(bodyRuns, [
    { lines: 3, min: s.body * k * 0.9, max: s.body * k },
    { lines: 4, min: s.body * k * 0.75, max: s.body * k * 0.95 },
    { lines: 6, min: 4, max: s.body * k * 0.75 },
  ], width, m);
  if (body.lines.length) {
    const lead = body.size * 1.42;
    blocks.push({ height: body.lines.length * lead, gapAfter: 6 * k, draw: (y) => ops.lines(body, p.ink, CX, y + body.size * ASCENT, lead, 'center') });
  }
  if (tx.closing) {
    const f = fit(plainRuns(tx.closing, 'I'), [{ lines: 2, min: s.closing * k * 0.85, max: s.closing * k }, { lines: 4, min: 4, max: s.closing * k * 0.85 }], width, m);
    const lead = f.size * 1.35;
    blocks.push({ height: f.lines.length * lead, gapAfter: 0, draw: (y) => ops.lines(f, p.muted, CX, y + f.size * ASCENT, lead, 'center') });
  }
  return blocks;
}

interface BottomRow { top: number; qrX: number; qrY: number; module: number }

// Frame, letterhead and bottom row are the same on every page of a batch but for the QR code:
// laid out once per document (their steps are shared, never changed).
const partMemo = new WeakMap<Measure, Map<string, { list: DrawOp[]; value: unknown }>>();

function cachedPart<T>(ops: Ops, key: string, build: (o: Ops) => T): T {
  let memo = partMemo.get(ops.measure);
  if (!memo) partMemo.set(ops.measure, (memo = new Map()));
  let hit = memo.get(key);
  if (!hit) {
    const o = new Ops(ops.measure);
    const value = build(o);
    hit = { list: o.list, value };
    memo.set(key, hit);
  }
  for (const op of hit.list) ops.list.push(op);
  return hit.value as T;
}

const sizeKey = (s: { w: number; h: number } | undefined) => (s ? `${s.w}x${s.h}` : '-');

/** Lays the front page out as drawing steps. */
export function layoutFront(page: CertificatePage, tx: CertificateTexts, qr: QrMatrix, images: ImageSizes, measure: Measure): DrawOp[] {
  const t = page.template;
  const variant = t.variant;
  const p = PALETTES[variant];
  const ops = new Ops(measure);
  const logo = page.office.hasLogo && !!images.logo;
  let top = cachedPart(ops, `head|${variant}|${logo ? sizeKey(images.logo) : '-'}|${tx.letterhead.join('\n')}`, (o) => {
    drawFrame(o, variant, p);
    return drawHeader(o, variant, tx, p, images, logo);
  });
  const inset = variant === 'bingkai' ? 58 : 50;
  const s = tx.signer;
  const bottomKey = [
    'bottom', variant, qr.size, tx.issued, s.title, s.name, s.rank, s.nip, tx.electronic ?? '', t.signatureImage, t.stampImage,
    sizeKey(images.signature), sizeKey(images.stamp), tx.verify,
  ].join('|');
  const row = cachedPart(ops, bottomKey, (o) => drawBottom(o, tx, page, p, images, qr.size, { left: inset, right: PAGE_W - inset, bottom: PAGE_H - (variant === 'bingkai' ? 52 : 46) }));
  ops.list.push({ op: 'qr', matrix: qr, x: row.qrX, y: row.qrY, module: row.module, color: '#000000' });
  const bottomTop = row.top;
  if (variant === 'ringkas') {
    // The number at the top right, level with the letterhead, and a rule under both.
    if (tx.subtitle) {
      const f = fit(plainRuns(tx.subtitle, 'R'), [{ lines: 1, min: 6, max: 10 }], 300, measure);
      ops.lines(f, p.muted, PAGE_W - 52, 62 + f.size * 0.35, 0, 'right');
    }
    ops.line(44, top, PAGE_W - 44, top, 0.6, p.accent2);
  }
  top += variant === 'bingkai' ? 16 : 14;
  const bottom = bottomTop - 12;
  const width = variant === 'ringkas' ? 700 : 650;
  // Shrink the whole middle together until it fits between the header and the bottom row.
  let blocks: Block[] = [];
  let k = 1;
  for (; k >= 0.5; k -= 0.05) {
    blocks = middleBlocks(ops, tx, variant, p, k, width);
    const h = blocks.reduce((a, b) => a + b.height + b.gapAfter, 0);
    if (h <= bottom - top) break;
  }
  const natural = blocks.reduce((a, b) => a + b.height + b.gapAfter, 0);
  const gaps = blocks.reduce((a, b) => a + b.gapAfter, 0);
  const spare = Math.max(0, bottom - top - natural);
  // Spare room widens the gaps (up to 1.6×), the rest goes above and below, a little more below.
  const gapScale = gaps ? Math.min(1.6, 1 + spare / gaps) : 1;
  const left = spare - gaps * (gapScale - 1);
  let y = top + left * 0.42;
  for (const b of blocks) {
    b.draw(y);
    y += b.height + b.gapAfter * gapScale;
  }
  return ops.list;
}

/** Lays the back page(s) out: TRANSKRIP, the recipient, the table No | Materi | JP, the total. */
export function layoutTranscript(page: CertificatePage, tx: CertificateTexts, measure: Measure): DrawOp[][] {
  const tr = tx.transcript;
  if (!tr) return [];
  const variant = page.template.variant;
  const p = PALETTES[variant];
  const m = measure;
  const left = 96, right = PAGE_W - 96;
  const width = right - left;
  const colNo = 40, colJp = 80;
  const colTopic = width - colNo - colJp;
  const headerRows = tr.heading;
  const labelW = Math.max(...headerRows.map((h) => m('R', h.label))) * 10.5;
  const heading = headerRows.map((h) => ({
    label: h.label,
    value: fit(plainRuns(h.value, h.label === 'Nama' ? 'B' : 'R'), [{ lines: 1, min: 7, max: 10.5 }, { lines: 2, min: 4, max: 8 }], width - labelW - 20, m),
  }));
  const tableTop = 64 + 22 * CAP + 18 + heading.reduce((a, h) => a + h.value.lines.length * h.value.size * 1.3 + 2, 0) + 10;
  const headH = 22;
  const totalH = 22;
  const bottom = PAGE_H - 84;
  // Rows at the normal size (a long topic wraps); closer together when that keeps them on one page.
  const rowsAt = (fontSize: number, minH: number) => tr.rows.map((r) => {
    const f = fit(plainRuns(r.topic, 'R'), [{ lines: 1, min: fontSize - 1.5, max: fontSize }, { lines: 2, min: 7, max: fontSize - 1 }, { lines: 3, min: 4, max: 7 }], colTopic - 16, m);
    return { ...r, f, fontSize, h: Math.max(minH, f.lines.length * f.size * 1.25 + 7) };
  });
  const room = bottom - tableTop - headH - totalH;
  let rows = rowsAt(10.5, 20);
  if (rows.reduce((a, r) => a + r.h, 0) > room) rows = rowsAt(9.5, 15.5);
  // Rows per page, the total row on the last.
  const breaks: [number, number][] = [];
  for (let start = 0; start < rows.length;) {
    let end = start;
    let used = 0;
    while (end < rows.length && tableTop + headH + used + rows[end]!.h + (end + 1 === rows.length ? totalH : 0) <= bottom) used += rows[end++]!.h;
    if (end === start) end = start + 1; // a row taller than a page still prints, on a page of its own
    breaks.push([start, end]);
    start = end;
  }
  const pages: DrawOp[][] = [];
  breaks.forEach(([start, end], pageNo) => {
    const ops = new Ops(m);
    drawFrame(ops, variant, p);
    let y = 64;
    ops.centred(tr.title, 'B', 22, p.title, CX, y + 22 * CAP, 6);
    y += 22 * CAP + 18;
    for (const h of heading) {
      ops.text(h.label, 'R', 10.5, p.muted, left, y + 10.5 * ASCENT);
      ops.text(':', 'R', 10.5, p.muted, left + labelW + 4, y + 10.5 * ASCENT);
      y += ops.lines(h.value, p.ink, left + labelW + 14, y + h.value.size * ASCENT, h.value.size * 1.3, 'left') + 2;
    }
    y += 10;
    ops.fillRect(left, y, width, headH, p.accent);
    const headBase = y + headH / 2 + 10 * CAP / 2;
    ops.centred('No', 'B', 10, '#ffffff', left + colNo / 2, headBase);
    ops.text('Materi', 'B', 10, '#ffffff', left + colNo + 8, headBase);
    ops.centred('JP', 'B', 10, '#ffffff', right - colJp / 2, headBase);
    let ry = y + headH;
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      if ((i - start) % 2 === 1) ops.fillRect(left, ry, width, r.h, '#f2f4f7');
      const lead = r.f.size * 1.25;
      const base = ry + (r.h - r.f.lines.length * lead) / 2 + r.f.size * ASCENT * 0.95;
      const mid = ry + r.h / 2 + (r.fontSize * CAP) / 2;
      ops.centred(r.no, 'R', r.fontSize, p.ink, left + colNo / 2, mid);
      ops.lines(r.f, p.ink, left + colNo + 8, base, lead, 'left');
      ops.centred(r.jp, 'R', r.fontSize, p.ink, right - colJp / 2, mid);
      ry += r.h;
      ops.line(left, ry, right, ry, 0.4, '#b8c0cc');
    }
    const lastPage = pageNo === breaks.length - 1;
    if (lastPage) {
      ops.line(left, ry, right, ry, 1, p.ink);
      const base = ry + totalH / 2 + (11 * CAP) / 2;
      ops.text(tr.totalLabel, 'B', 11, p.ink, left + colNo + 8, base);
      ops.centred(tr.total, 'B', 11, p.ink, right - colJp / 2, base);
      ry += totalH;
    }
    ops.rect(left, y, width, ry - y, 0.8, p.ink);
    ops.line(left + colNo, y, left + colNo, ry - (lastPage ? totalH : 0), 0.4, '#b8c0cc');
    ops.line(right - colJp, y, right - colJp, ry, 0.4, '#b8c0cc');
    const footerText = breaks.length > 1 ? `${tr.footer} Halaman ${pageNo + 1} dari ${breaks.length}.` : tr.footer;
    const footer = fit(plainRuns(footerText, 'I'), [{ lines: 1, min: 6, max: 9 }, { lines: 2, min: 4, max: 7 }], width, m);
    ops.lines(footer, p.muted, CX, PAGE_H - 62, footer.size * 1.3, 'center');
    pages.push(ops.list);
  });
  return pages;
}

/** The texts of a page with every character made printable in Roboto. */
function printableTexts(tx: CertificateTexts, has: (cp: number) => boolean): CertificateTexts {
  const pr = (s: string) => printable(s, has);
  const pairs = (list: { label: string; value: string }[]) => list.map((d) => ({ label: pr(d.label), value: pr(d.value) }));
  return {
    ...tx,
    letterhead: tx.letterhead.map(pr),
    title: pr(tx.title), subtitle: pr(tx.subtitle), opening: pr(tx.opening), name: pr(tx.name),
    details: pairs(tx.details), body: pr(tx.body), bodyRuns: tx.bodyRuns.map((r) => ({ ...r, text: pr(r.text) })),
    closing: pr(tx.closing), issued: pr(tx.issued),
    signer: { title: pr(tx.signer.title), name: pr(tx.signer.name), rank: pr(tx.signer.rank), nip: pr(tx.signer.nip) },
    electronic: tx.electronic === null ? null : pr(tx.electronic),
    transcript: tx.transcript && {
      ...tx.transcript,
      heading: pairs(tx.transcript.heading),
      rows: tx.transcript.rows.map((r) => ({ ...r, topic: pr(r.topic) })),
      footer: pr(tx.transcript.footer),
    },
  };
}

/** Every page of one certificate as drawing steps (front, then the transcript pages). */
export function layoutCertificate(page: CertificatePage, qr: QrMatrix, images: ImageSizes, measure: Measure, has: (cp: number) => boolean): DrawOp[][] {
  const tx = printableTexts(certificateTexts(page), has);
  return [layoutFront(page, tx, qr, images, measure), ...layoutTranscript(page, tx, measure)];
}
