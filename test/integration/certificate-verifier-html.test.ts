// The standalone verifier page (`bangkom certificates verifier`): written by verifierHtml with a
// real trust list, opened from a file:// URL in Chromium, fed codes and images as a person (or a
// USB scanner typing into the field) would. Screenshots of each state go to
// test-results/screenshots/verifier-*.png, at 1024×768 and at phone width.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { zlibSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ed25519Signer, generateOfficeKeyPair, type OfficeKeyPair } from '../../electron/backend/certificates/crypto.ts';
import { verifierHtml } from '../../electron/backend/certificates/verifier-html.ts';
import { decodeBase45, encodeBase45, encodeCertificateCode, inflateZlib } from '../../shared/certificates/code.ts';
import { kidBytesOf, kidOf, toBase64 } from '../../shared/certificates/keys.ts';
import type { CertificateClaims, TrustList } from '../../shared/certificates/types.ts';
import { makePng } from '../helpers/images.ts';

const SHOTS = path.resolve('test-results/screenshots');
const OFFICE = '16.71.14';
const OFFICE_NAME = 'Kecamatan Ilir Barat I';

const claims: CertificateClaims = {
  version: 1,
  office: OFFICE,
  number: '800.2.4/017/KEC-IB1/2026',
  nip: '198703122010011002',
  name: 'Dra. Siti Rahmawati, M.Si.',
  role: 'peserta',
  event: 'Pelatihan Pelayanan Publik Prima bagi Aparatur Kecamatan',
  start: '2026-03-10',
  end: '2026-03-12',
  jp: 24,
  issued: '2026-03-13',
};
const REVOKED_NUMBER = '800.2.4/018/KEC-IB1/2026';
const XSS_NAME = '<img src=x onerror=alert(1)>';

function sign(c: CertificateClaims, keys: OfficeKeyPair): string {
  return encodeCertificateCode(c, { kid: kidBytesOf(keys.publicKey), alg: -8, sign: ed25519Signer(keys.privateKey) });
}

/** The same code with one byte of its signature changed, re-compressed so that it still decodes. */
function withSignatureChanged(code: string): string {
  const compressed = decodeBase45(code.slice(4));
  if (!compressed.ok) throw new Error('test code does not decode');
  const cose = inflateZlib(compressed.value);
  if (!cose.ok) throw new Error('test code does not inflate');
  const bytes = new Uint8Array(cose.value);
  // COSE_Sign1 ends with the signature byte string: its last byte is the signature's last.
  bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
  return `BK1:${encodeBase45(zlibSync(bytes, { level: 9 }))}`;
}

/** One base45 character changed in the middle: the zlib checksum no longer holds. */
function withCharacterChanged(code: string): string {
  const i = Math.floor(code.length / 2);
  const c = code[i] === 'A' ? 'B' : 'A';
  return code.slice(0, i) + c + code.slice(i + 1);
}

let dir: string;
let htmlFile: string;
let fileUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];
let dialogs = 0;

let validCode: string;
let revokedCode: string;
let unknownCode: string;
let xssCode: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-verifier-'));
  fs.mkdirSync(SHOTS, { recursive: true });
  const office = generateOfficeKeyPair();
  const stranger = generateOfficeKeyPair();
  validCode = sign(claims, office);
  revokedCode = sign({ ...claims, number: REVOKED_NUMBER }, office);
  unknownCode = sign(claims, stranger);
  xssCode = sign({ ...claims, name: XSS_NAME, event: '</script><script>alert(2)</script>' }, office);

  const trust: TrustList = {
    offices: [{
      code: OFFICE,
      name: OFFICE_NAME,
      kind: 'kecamatan',
      keys: [{ kid: kidOf(office.publicKey), alg: -8, publicKey: toBase64(office.publicKey), status: 'active', createdAt: '2026-01-02T03:04:05.000Z', retiredAt: null }],
    }],
    revocations: [
      { office: OFFICE, number: REVOKED_NUMBER, revokedOn: '2026-04-01', reason: 'Salah nama peserta', replacedBy: '800.2.4/031/KEC-IB1/2026' },
    ],
  };
  const html = await verifierHtml(trust, { office: OFFICE, officeName: OFFICE_NAME, createdAt: new Date().toISOString() });
  htmlFile = path.join(dir, 'pemeriksa-sertifikat.html');
  fs.writeFileSync(htmlFile, html);
  fileUrl = pathToFileURL(htmlFile).href;

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(fileUrl);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function enterCode(text: string): Promise<void> {
  const field = page.locator('#code');
  await field.fill('');
  await field.focus();
  // As a paste: the text arrives in one input event, trailing newline and all.
  await page.keyboard.insertText(text);
}

async function result(status: string): Promise<string> {
  await page.waitForSelector(`#result[data-status="${status}"]`, { timeout: 10_000 });
  return (await page.locator('#result').textContent()) ?? '';
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `verifier-${name}.png`), fullPage: true });
}

describe('the standalone verifier page', () => {
  it('shows where its trust list comes from and when it was made', async () => {
    const trustLine = await page.locator('#trust-from').textContent();
    expect(trustLine).toContain(`Daftar tepercaya dari ${OFFICE_NAME} (${OFFICE}), dibuat`);
    expect(await page.locator('#trust-age').textContent()).toContain('1 kantor penerbit dan 1 sertifikat yang dicabut');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('code');
    await shot('empty');
  });

  it('a valid code, pasted with a trailing newline: Sah, with what was signed', async () => {
    await enterCode(`${validCode}\n`);
    const text = await result('valid');
    expect(text).toContain('Sah');
    expect(text).toContain(claims.name);
    expect(text).toContain(claims.nip);
    expect(text).toContain(claims.event);
    expect(text).toContain('10 Maret 2026 – 12 Maret 2026');
    expect(text).toContain('24 JP');
    expect(text).toContain(`${OFFICE_NAME} (${OFFICE})`);
    // The newline is gone from the field, and the code is selected for the next scan.
    expect(await page.locator('#code').inputValue()).toBe(validCode);
    await shot('valid');
  });

  it('a code typed by a USB scanner, ending with Enter', async () => {
    await page.locator('#code').fill('');
    await page.locator('#code').focus();
    // Selected after the last check: a new scan replaces the old text.
    await page.keyboard.insertText('garbage');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(validCode, { delay: 0 });
    await page.keyboard.press('Enter');
    expect(await result('valid')).toContain(claims.name);
    expect(await page.locator('#code').inputValue()).toBe(validCode);
  });

  it('a revoked certificate: Dicabut, with the date and the reason', async () => {
    await enterCode(revokedCode);
    await page.keyboard.press('Enter');
    const text = await result('revoked');
    expect(text).toContain('Dicabut');
    expect(text).toContain('1 April 2026');
    expect(text).toContain('Salah nama peserta');
    expect(text).toContain('800.2.4/031/KEC-IB1/2026');
    expect(text).toContain(REVOKED_NUMBER);
    await shot('revoked');
  });

  it('one byte of the signature changed: Tidak sah', async () => {
    await enterCode(`${withSignatureChanged(validCode)}\n`);
    const text = await result('tampered');
    expect(text).toContain('Tidak sah');
    expect(text).not.toContain(claims.name);
    await shot('tampered');
  });

  it('one character of the code changed: not a code, at the zlib step', async () => {
    await enterCode(`${withCharacterChanged(validCode)}\n`);
    const text = await result('malformed');
    expect(text).toContain('Bukan kode sertifikat');
    expect(text).toContain('zlib');
  });

  it('a code signed by a key it does not know: Penerbit tidak dikenal', async () => {
    await enterCode(`${unknownCode}\n`);
    const text = await result('unknown_issuer');
    expect(text).toContain('Penerbit tidak dikenal');
    expect(text).toContain(OFFICE);
    await shot('unknown');
  });

  it('"hello": Bukan kode sertifikat, at the prefix', async () => {
    await enterCode('hello\n');
    const text = await result('malformed');
    expect(text).toContain('Bukan kode sertifikat');
    expect(text).toContain('awalan');
    await shot('malformed');
  });

  it('bad base45 names its step', async () => {
    await enterCode('BK1:abc\n');
    expect(await result('malformed')).toContain('base45');
  });

  it('markup in the claims is shown as text', async () => {
    await enterCode(`${xssCode}\n`);
    const text = await result('valid');
    expect(text).toContain(XSS_NAME);
    expect(text).toContain('</script><script>alert(2)</script>');
    expect(await page.locator('#result img, #result script').count()).toBe(0);
    expect(await page.locator('#result dd.name').textContent()).toBe(XSS_NAME);
    await shot('markup-as-text');
  });

  it('an image of the QR picked from disk: Sah', async () => {
    const png = path.join(dir, 'sertifikat.png');
    fs.writeFileSync(png, await QRCode.toBuffer(validCode, { errorCorrectionLevel: 'M', scale: 4, margin: 4 }));
    await page.locator('#code').fill('');
    await page.locator('#file').setInputFiles(png);
    const text = await result('valid');
    expect(text).toContain(claims.name);
    expect(text).toContain('sertifikat.png');
    expect(await page.locator('#code').inputValue()).toBe(validCode);
    await shot('image-valid');
  });

  it('an image of the QR in a photo-sized picture (JPEG, code small in a corner)', async () => {
    // A 2400×1700 white "certificate" with the QR small near a corner, as a scan would have it.
    const qr = await QRCode.toBuffer(validCode, { errorCorrectionLevel: 'M', scale: 5, margin: 2 });
    const jpegFile = path.join(dir, 'scan.jpg');
    const dataUrl = `data:image/png;base64,${qr.toString('base64')}`;
    const jpegBase64 = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 2400;
      canvas.height = 1700;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fffdf5';
      ctx.fillRect(0, 0, 2400, 1700);
      ctx.fillStyle = '#333';
      ctx.font = '80px serif';
      ctx.fillText('SERTIFIKAT', 900, 300);
      ctx.drawImage(img, 2000, 1300, 320, 320);
      return canvas.toDataURL('image/jpeg', 0.85).split(',')[1]!;
    }, dataUrl);
    fs.writeFileSync(jpegFile, Buffer.from(jpegBase64, 'base64'));
    await page.locator('#file').setInputFiles(jpegFile);
    expect(await result('valid')).toContain(claims.name);
  });

  it('an image without a QR, and a file that is no image', async () => {
    const noQr = path.join(dir, 'foto.png');
    fs.writeFileSync(noQr, makePng(200, 120));
    await page.locator('#file').setInputFiles(noQr);
    expect(await result('no_qr')).toContain('Kode QR tidak ditemukan');
    await shot('no-qr');
    const notImage = path.join(dir, 'catatan.png');
    fs.writeFileSync(notImage, 'bukan gambar');
    await page.locator('#file').setInputFiles(notImage);
    expect(await result('image_error')).toContain('tidak dapat dibuka sebagai gambar');
  });

  it('switches to English and back', async () => {
    await enterCode(`${validCode}\n`);
    await result('valid');
    await page.locator('#lang').click();
    expect(await page.locator('#result').textContent()).toContain('Valid');
    expect(await page.locator('#trust-from').textContent()).toContain(`Trust list from ${OFFICE_NAME}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot('valid-english');
    await page.locator('#lang').click();
    expect(await page.locator('#result').textContent()).toContain('Sah');
  });

  it('at phone width', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    phone.on('request', (r) => requests.push(r.url()));
    await phone.goto(fileUrl);
    for (const [name, code, status] of [['valid', validCode, 'valid'], ['revoked', revokedCode, 'revoked'], ['malformed', 'hello', 'malformed']] as const) {
      await phone.locator('#code').fill(`${code}\n`);
      await phone.waitForSelector(`#result[data-status="${status}"]`);
      // Nothing wider than the screen: no sideways scrolling.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await phone.screenshot({ path: path.join(SHOTS, `verifier-phone-${name}.png`), fullPage: true });
    }
    await phone.close();
  });

  it('an old trust list says how old, and that later revocations are unknown', async () => {
    const made = new Date(Date.now() - 200 * 86_400_000).toISOString();
    const oldFile = path.join(dir, 'pemeriksa-lama.html');
    fs.writeFileSync(oldFile, await verifierHtml({ offices: [], revocations: [] }, { office: OFFICE, officeName: OFFICE_NAME, createdAt: made }));
    const old = await context.newPage();
    old.on('request', (r) => requests.push(r.url()));
    await old.goto(pathToFileURL(oldFile).href);
    const age = old.locator('#trust-age');
    expect(await age.textContent()).toContain('Umur daftar: 200 hari');
    expect(await age.getAttribute('class')).toContain('old');
    await old.screenshot({ path: path.join(SHOTS, 'verifier-old-list.png') });
    requests.splice(0, requests.length, ...requests.filter((u) => u !== pathToFileURL(oldFile).href));
    await old.close();
  });

  it('loaded nothing but itself, ran no alert, and logged no error (CSP included)', () => {
    expect(new Set(requests)).toEqual(new Set([fileUrl]));
    expect(dialogs).toBe(0);
    expect(problems).toEqual([]);
  });

  it('is one self-contained file with a strict CSP', () => {
    const html = fs.readFileSync(htmlFile, 'utf8');
    expect(html).toContain(`content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:`);
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//i);
    // The trust JSON cannot close its element: each < in it is \u003c.
    const json = /<script type="application\/json" id="bangkom-trust">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(json).not.toContain('<');
    expect(html.match(/<script/g)).toHaveLength(2);
  });
}, 120_000);
