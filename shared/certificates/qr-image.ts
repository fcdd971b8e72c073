/**
 * Reading a QR code from pixels, for every place a picture of a certificate arrives: a camera
 * frame in the Verify screen, an uploaded photo or scan in the backend.
 */
import jsQRModule from 'jsqr';

// jsqr is CommonJS typed as an ES default export. Under NodeNext TypeScript sees the default
// import as the module object; at runtime it is the function (which also carries `.default`),
// and bundlers may hand over either. Take whichever is the function.
type JsQr = (data: Uint8ClampedArray, width: number, height: number, options?: { inversionAttempts?: 'dontInvert' | 'onlyInvert' | 'attemptBoth' | 'invertFirst' }) => { data: string } | null;
const jsQR = ((jsQRModule as { default?: unknown }).default ?? jsQRModule) as JsQr;

/**
 * The text of the QR code in an RGBA image, or null when none is found. Tries the normal
 * (dark on light) and then the inverted image: some phones and printers produce light-on-dark.
 */
export function readQrFromRgba(data: Uint8ClampedArray, width: number, height: number): string | null {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) return null;
  if (data.length !== width * height * 4) return null;
  try {
    return jsQR(data, width, height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
  } catch {
    return null;
  }
}
