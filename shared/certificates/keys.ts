/**
 * Key identifiers and the byte ⇄ text helpers the certificate formats need. Pure: no Buffer,
 * no atob/btoa (not in every runtime this code runs in, and atob is lax about bad input).
 */
import { sha256 } from '@noble/hashes/sha2.js';

/** COSE `kid` of a key: base64 of the first 8 bytes of SHA-256 over the raw public key. */
export function kidOf(publicKeyRaw: Uint8Array): string {
  return toBase64(kidBytesOf(publicKeyRaw));
}

export function kidBytesOf(publicKeyRaw: Uint8Array): Uint8Array {
  return sha256(publicKeyRaw).subarray(0, 8);
}

/**
 * What people compare by eye or read over the phone: SHA-256 of the raw public key as
 * uppercase hex in 16 groups of 4 ("1A2B 3C4D …").
 */
export function fingerprintOf(publicKeyRaw: Uint8Array): string {
  const hex = toHex(sha256(publicKeyRaw)).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + '=';
  }
  return out;
}

/**
 * Strict standard base64 (padding required, no whitespace, no URL alphabet); null when the text
 * is not exactly that. Strict so that one key or signature has one spelling.
 */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = text.charCodeAt(i + j);
      const isPad = c === 61 && i + 4 === text.length && j >= 4 - pad;
      const v = isPad ? 0 : c < 128 ? B64_INDEX[c]! : -1;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  // Non-zero bits under the padding would give a second spelling of the same bytes.
  if (out.length > 0 && toBase64(out) !== text) return null;
  return out;
}
