/**
 * The code in a photo or scan of a certificate (PNG or JPEG), for verifying from a file.
 * PDFs go through read-pdf.ts.
 */
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { readQrFromRgba } from '../../../shared/certificates/qr-image.ts';

export type ReadImageResult = { ok: true; text: string } | { ok: false; reason: 'unsupported_file' | 'unreadable_image' | 'no_qr' };

/** 64 MP covers an A3 page scanned at 600 dpi (~70 MP is A3 at 600; A4 at 600 dpi is 35 MP). */
const MAX_MEGAPIXELS = 64;
/**
 * jsQR's time and memory grow with the pixel count, and a QR printed a few centimetres wide
 * keeps several pixels per module at this size even on a 600 dpi scan of a whole page.
 */
const SCAN_SIDE = 1600;
/**
 * The finest pass: jsQR on a 36 MP page with no code in it took minutes and gigabytes; at 3200 px
 * (long side) a certificate's 35 mm QR still has ~3 px per module on a whole A4 page.
 */
const FINEST_SIDE = 3200;

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

export function readCodeFromImage(bytes: Uint8Array): ReadImageResult {
  const kind = sniff(bytes);
  if (!kind) return { ok: false, reason: 'unsupported_file' };
  let image: Rgba;
  try {
    image = kind === 'png' ? decodePng(bytes) : decodeJpeg(bytes);
  } catch {
    return { ok: false, reason: 'unreadable_image' };
  }
  for (const factor of scaleFactors(image)) {
    const scaled = shrink(image, factor);
    const text = readQrFromRgba(scaled.data, scaled.width, scaled.height);
    if (text !== null) return { ok: true, text };
  }
  return { ok: false, reason: 'no_qr' };
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function sniff(bytes: Uint8Array): 'png' | 'jpeg' | null {
  if (PNG_MAGIC.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

function decodePng(bytes: Uint8Array): Rgba {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Width and height sit in IHDR: refuse a huge image before allocating its pixels.
  if (buffer.length < 24 || buffer.readUInt32BE(16) * buffer.readUInt32BE(20) > MAX_MEGAPIXELS * 1e6) {
    throw new Error('PNG too large or truncated');
  }
  const png = PNG.sync.read(buffer);
  return { width: png.width, height: png.height, data: png.data };
}

function decodeJpeg(bytes: Uint8Array): Rgba {
  return jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 1024 });
}

/** Reduced first (fast); then, if that found nothing, at twice the detail, down to FINEST_SIDE. */
function scaleFactors(image: Rgba): number[] {
  const side = Math.max(image.width, image.height);
  const finest = Math.max(1, Math.ceil(side / FINEST_SIDE));
  const factors: number[] = [];
  for (let f = Math.ceil(side / SCAN_SIDE); f > finest; f = Math.ceil(f / 2)) factors.push(f);
  factors.push(finest);
  return factors;
}

/**
 * Averages factor×factor blocks, over a white background: a transparent PNG (a QR exported with
 * no background) would otherwise read as black on black.
 */
function shrink(image: Rgba, factor: number): { width: number; height: number; data: Uint8ClampedArray } {
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const out = new Uint8ClampedArray(width * height * 4);
  const src = image.data;
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < factor; dy++) {
        let i = ((y * factor + dy) * image.width + x * factor) * 4;
        for (let dx = 0; dx < factor; dx++, i += 4) {
          const a = src[i + 3]!;
          const white = 255 * (255 - a);
          r += src[i]! * a + white;
          g += src[i + 1]! * a + white;
          b += src[i + 2]! * a + white;
        }
      }
      const o = (y * width + x) * 4;
      const scale = 255 * area;
      out[o] = r / scale;
      out[o + 1] = g / scale;
      out[o + 2] = b / scale;
      out[o + 3] = 255;
    }
  }
  return { width, height, data: out };
}
