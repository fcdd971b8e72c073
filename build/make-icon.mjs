// Draws the application icon: build/icon.png (512×512, Linux packages and the window) and
// build/icon.ico (16–256 px, the Windows executable and installer). Run it after changing the
// drawing: `node build/make-icon.mjs`; `node build/make-icon.mjs --check` exits 1 when the committed
// files no longer match what this script draws (compared pixel by pixel, not byte by byte, so a
// different zlib does not matter).
//
// The drawing: a deep teal rounded square with a white geometric "B", and under it an amber bar
// filled to three quarters (the JP progress towards the yearly target); below 48 px the letter
// alone, larger. Shapes are tested per sample point and every pixel averages an 8×8 grid of
// samples, which is the antialiasing. Only + − × ÷ and rounding are used, so every machine draws
// the same pixels.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pngjs from 'pngjs';

const { PNG } = pngjs;
const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PNG_SIZE = 512;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const SAMPLES = 8;

const TEAL_LIGHT = [0x14, 0x8f, 0x80];
const TEAL_DEEP = [0x0a, 0x4f, 0x49];
const WHITE = [0xff, 0xff, 0xff];
const AMBER = [0xf5, 0xb3, 0x2f];
const TRACK = [0x3a, 0x80, 0x78];

// All geometry in units of the icon's side (0..1, y downwards).
const MARGIN = 0.055;
const CORNER = 0.2;

function inRoundedRect(x, y, left, top, right, bottom, r) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = x < left + r ? left + r : x > right - r ? right - r : x;
  const cy = y < top + r ? top + r : y > bottom - r ? bottom - r : y;
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

// A "D": a rectangle from `left` to `cx` closed on the right by a half disc of radius r around (cx, cy).
function inD(x, y, left, cx, cy, r) {
  if (y < cy - r || y > cy + r || x < left) return false;
  if (x <= cx) return true;
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

const B = (() => {
  const left = 0.335;
  const top = 0.2;
  const bottom = 0.705;
  const stroke = 0.1;
  const mid = 0.435; // centre line of the middle bar
  const upperRight = 0.62;
  const lowerRight = 0.665;
  const upperR = (mid + stroke / 2 - top) / 2;
  const lowerR = (bottom - (mid - stroke / 2)) / 2;
  return {
    left, stroke,
    upper: { cx: upperRight - upperR, cy: top + upperR, r: upperR },
    lower: { cx: lowerRight - lowerR, cy: bottom - lowerR, r: lowerR },
  };
})();

function inBowl(x, y, bowl) {
  return inD(x, y, B.left, bowl.cx, bowl.cy, bowl.r) && !inD(x, y, B.left + B.stroke, bowl.cx, bowl.cy, bowl.r - B.stroke);
}

function inLetter(x, y) {
  return inBowl(x, y, B.upper) || inBowl(x, y, B.lower);
}

const BAR = { left: 0.335, right: 0.665, top: 0.765, bottom: 0.815, filled: 0.75 };

// Without the bar, the letter is drawn larger and centred, so that it stays legible at 16–32 px.
const SMALL_SCALE = 1.15;
const LETTER_MIDDLE = (0.2 + 0.705) / 2;

/** The colour at (x, y), or null outside the icon. */
function colourAt(x, y, withBar) {
  if (!inRoundedRect(x, y, MARGIN, MARGIN, 1 - MARGIN, 1 - MARGIN, CORNER)) return null;
  const letter = withBar
    ? inLetter(x, y)
    : inLetter(0.5 + (x - 0.5) / SMALL_SCALE, LETTER_MIDDLE + (y - 0.5) / SMALL_SCALE);
  if (letter) return WHITE;
  if (withBar && inRoundedRect(x, y, BAR.left, BAR.top, BAR.right, BAR.bottom, (BAR.bottom - BAR.top) / 2)) {
    return x <= BAR.left + (BAR.right - BAR.left) * BAR.filled ? AMBER : TRACK;
  }
  // Diagonal gradient, lighter at the top left.
  const t = (x + y) / 2;
  return [0, 1, 2].map((i) => TEAL_LIGHT[i] + (TEAL_DEEP[i] - TEAL_LIGHT[i]) * t);
}

/** RGBA pixels (straight alpha), row by row from the top. */
export function renderIcon(size) {
  // Below 48 px the bar would be a smudge under the letter: the smallest icons show the "B" alone.
  const withBar = size >= 48;
  const rgba = Buffer.alloc(size * size * 4);
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size, withBar);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered === 0) continue;
      rgba[o] = Math.round(r / covered);
      rgba[o + 1] = Math.round(g / covered);
      rgba[o + 2] = Math.round(b / covered);
      rgba[o + 3] = Math.round((covered * 255) / n);
    }
  }
  return rgba;
}

export function encodePng(size, rgba) {
  const png = new PNG({ width: size, height: size });
  rgba.copy(png.data);
  return PNG.sync.write(png, { colorType: 6 });
}

/** A 32-bit BMP icon image: BITMAPINFOHEADER, BGRA rows bottom-up, then the 1-bit AND mask. */
function encodeBmpEntry(size, rgba) {
  const maskRow = Math.ceil(size / 32) * 4;
  const pixels = size * size * 4;
  const out = Buffer.alloc(40 + pixels + maskRow * size);
  out.writeUInt32LE(40, 0);
  out.writeInt32LE(size, 4);
  out.writeInt32LE(size * 2, 8); // colour rows + mask rows
  out.writeUInt16LE(1, 12);
  out.writeUInt16LE(32, 14);
  out.writeUInt32LE(pixels + maskRow * size, 20);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y;
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4;
      const d = 40 + (row * size + x) * 4;
      out[d] = rgba[s + 2];
      out[d + 1] = rgba[s + 1];
      out[d + 2] = rgba[s];
      out[d + 3] = rgba[s + 3];
      if (rgba[s + 3] === 0) out[40 + pixels + row * maskRow + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return out;
}

/** An ICO with one image per size: BMP below 256 px (what every Windows part reads), PNG at 256. */
export function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const bodies = [];
  let offset = header.length;
  images.forEach(({ size, rgba }, i) => {
    const body = size >= 256 ? encodePng(size, rgba) : encodeBmpEntry(size, rgba);
    const e = 6 + 16 * i;
    header[e] = size >= 256 ? 0 : size;
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(body.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += body.length;
    bodies.push(body);
  });
  return Buffer.concat([header, ...bodies]);
}

/** The images of an ICO written by encodeIco, as { size, rgba } (used by --check and the tests). */
export function decodeIco(buf) {
  if (buf.readUInt16LE(0) !== 0 || buf.readUInt16LE(2) !== 1) throw new Error('not an ICO file');
  const images = [];
  for (let i = 0; i < buf.readUInt16LE(4); i++) {
    const e = 6 + 16 * i;
    const size = buf[e] || 256;
    const body = buf.subarray(buf.readUInt32LE(e + 12), buf.readUInt32LE(e + 12) + buf.readUInt32LE(e + 8));
    if (body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
      const png = PNG.sync.read(body);
      images.push({ size, format: 'png', width: png.width, height: png.height, rgba: png.data });
      continue;
    }
    const width = body.readInt32LE(4);
    const height = body.readInt32LE(8) / 2;
    const rgba = Buffer.alloc(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const s = 40 + ((height - 1 - y) * width + x) * 4;
        const d = (y * width + x) * 4;
        rgba[d] = body[s + 2];
        rgba[d + 1] = body[s + 1];
        rgba[d + 2] = body[s];
        rgba[d + 3] = body[s + 3];
      }
    }
    images.push({ size, format: 'bmp', width, height, bitCount: body.readUInt16LE(14), rgba });
  }
  return images;
}

export function makeIcons() {
  return {
    png: encodePng(PNG_SIZE, renderIcon(PNG_SIZE)),
    ico: encodeIco(ICO_SIZES.map((size) => ({ size, rgba: renderIcon(size) }))),
  };
}

function check() {
  const stale = [];
  const png = PNG.sync.read(fs.readFileSync(path.join(HERE, 'icon.png')));
  if (png.width !== PNG_SIZE || !Buffer.from(png.data).equals(renderIcon(PNG_SIZE))) stale.push('icon.png');
  const ico = decodeIco(fs.readFileSync(path.join(HERE, 'icon.ico')));
  const same = ico.length === ICO_SIZES.length
    && ico.every((img, i) => img.size === ICO_SIZES[i] && Buffer.from(img.rgba).equals(renderIcon(img.size)));
  if (!same) stale.push('icon.ico');
  if (stale.length) {
    console.error(`build/${stale.join(', build/')} differ from what build/make-icon.mjs draws: run node build/make-icon.mjs`);
    process.exit(1);
  }
  console.log('build/icon.png and build/icon.ico are up to date');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    check();
  } else {
    const { png, ico } = makeIcons();
    fs.writeFileSync(path.join(HERE, 'icon.png'), png);
    fs.writeFileSync(path.join(HERE, 'icon.ico'), ico);
    console.log(`build/icon.png (${PNG_SIZE}×${PNG_SIZE}), build/icon.ico (${ICO_SIZES.join(', ')} px)`);
  }
}
