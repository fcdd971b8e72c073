// @digitalbazaar/base45 ships no types. RFC 9285 base45; see code.ts for its two quirks
// (encode ignores byteOffset; decode maps characters above U+00FF to 0).
declare module '@digitalbazaar/base45' {
  export function encode(input: Uint8Array): string;
  export function decode(input: string): Uint8Array;
}
