// Real, small PNG and JPEG files made in memory, and ways to damage them.
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';

export function makePng(width = 16, height = 16): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    png.data[i * 4] = (i * 7) % 256;
    png.data[i * 4 + 1] = 120;
    png.data[i * 4 + 2] = (i * 13) % 256;
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

export function makeJpeg(width = 16, height = 16): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = 200; data[i * 4 + 1] = (i * 5) % 256; data[i * 4 + 2] = 40; data[i * 4 + 3] = 255;
  }
  return jpeg.encode({ data, width, height }, 90).data;
}

/** A PNG whose signature and IHDR are fine but whose image data is garbage. */
export function corruptPng(): Buffer {
  const good = makePng();
  const bad = Buffer.from(good);
  // Keep signature (8) + IHDR chunk (25 bytes); overwrite everything after with noise.
  for (let i = 33; i < bad.length; i++) bad[i] = (i * 31 + 7) % 256;
  return bad;
}

/** A PNG too big for the logo limit but otherwise valid: noise does not compress. */
export function bigPng(minBytes: number): Buffer {
  const side = Math.ceil(Math.sqrt(minBytes / 3)) + 16;
  const png = new PNG({ width: side, height: side });
  let x = 12345;
  for (let i = 0; i < png.data.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    png.data[i] = i % 4 === 3 ? 255 : x >> 16;
  }
  return PNG.sync.write(png);
}

export const b64 = (b: Buffer) => b.toString('base64');
