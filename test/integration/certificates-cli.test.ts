// `bangkom certificates …` and `bangkom trust …` through the real command parser against a real
// data folder: issue → pdf/zip on disk → verify (text, a PNG rendered at 150 dpi, the PDF itself)
// with exit 0 only for Sah → inspect any HCERT-style code → revoke → trust files → the
// standalone verifier page.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { openTestBackend, removeTempDirs, setUpOffice, tempDir } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { finishedEvent, type FinishedEvent } from '../helpers/certificates.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/bangkom.js');

let o: FinishedEvent;
let dir: string;
const cli = (...args: string[]) => captureCli(['--data', o.t.dataDir, ...args]);

beforeAll(async () => {
  o = await finishedEvent({ people: 4, absent: 1 });
  dir = tempDir('bangkom-cert-cli-');
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

describe('bangkom certificates', () => {
  let issued: { number: string; nip: string; name: string }[];

  it('issue --json: the issued with their numbers, the skipped with why', async () => {
    const run = await cli('certificates', 'issue', '--event', o.eventId, '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { issued: typeof issued; skipped: { nip: string; reason: string }[] };
    issued = result.issued;
    expect(issued).toHaveLength(3);
    expect(issued[0]!.number).toBe('800.2.4/001/2026');
    expect(result.skipped).toEqual([expect.objectContaining({ reason: 'incomplete' })]);
  });

  it('pdf --out FILE.pdf writes the frozen batch; --out FILE.zip one "NIP - Nama.pdf" per person', async () => {
    const pdf = path.join(dir, 'batch.pdf');
    expect((await cli('certificates', 'pdf', '--event', o.eventId, '--out', pdf)).code).toBe(0);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+3\b/);
    const zip = path.join(dir, 'batch.zip');
    expect((await cli('certificates', 'pdf', '--event', o.eventId, '--out', zip)).code).toBe(0);
    const names = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(zip)))).sort();
    expect(names).toHaveLength(3);
    expect(names.every((n) => /^\d{18} - .+\.pdf$/.test(n))).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const wrong = await cli('certificates', 'pdf', '--event', o.eventId, '--out', path.join(dir, 'x.docx'));
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('.pdf atau .zip');
  });

  it('verify: the code read from a 150 dpi PNG of the printed page, the PDF itself, and the text; exit 0 only for Sah', async () => {
    const pdf = path.join(dir, 'batch.pdf');
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'page1')]);
    const byImage = await cli('certificates', 'verify', '--image', path.join(dir, 'page1.png'), '--json');
    expect(byImage.code).toBe(0);
    const verdict = JSON.parse(byImage.stdout) as { status: string; certificate: { number: string } };
    expect(verdict).toMatchObject({ status: 'valid', certificate: { number: issued[0]!.number } });
    const byPdf = await cli('certificates', 'verify', '--image', pdf, '--json');
    expect(JSON.parse(byPdf.stdout)).toMatchObject({ status: 'valid', read: { ok: true, page: 1 } });
    const inspected = JSON.parse((await cli('certificates', 'inspect', '--image', path.join(dir, 'page1.png'), '--json')).stdout) as { stage: string; claims: Record<string, unknown> };
    expect(inspected.stage).toBe('ok');
    const human = await cli('certificates', 'verify', 'BK1:NOT-A-CODE');
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('BUKAN KODE SERTIFIKAT');
    const noQr = path.join(dir, 'blank.png');
    execFileSync('pdftoppm', ['-png', '-r', '20', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'tiny')]);
    fs.copyFileSync(path.join(dir, 'tiny.png'), noQr);
    const unreadable = await cli('certificates', 'verify', '--image', noQr, '--json');
    expect(unreadable.code).toBe(1);
    expect(JSON.parse(unreadable.stdout)).toMatchObject({ status: 'malformed', read: { ok: false, reason: 'no_qr' } });
  });

  it('inspect decodes an HC1: code of the public test set without trusting it', async () => {
    const sample = JSON.parse(fs.readFileSync(path.resolve('test/fixtures/hcert-testdata/common/2DCode/raw/CO1.json'), 'utf8')) as { PREFIX: string };
    const run = await cli('certificates', 'inspect', sample.PREFIX, '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { stage: string; prefix: string; alg: number; claims: unknown };
    expect(result).toMatchObject({ stage: 'ok', prefix: 'HC1:', alg: -37 });
    expect(JSON.stringify(result.claims)).toContain('-260');
    const broken = JSON.parse((await cli('certificates', 'inspect', `${sample.PREFIX.slice(0, 4)}!!!`, '--json')).stdout) as { stage: string };
    expect(broken.stage).toBe('base45');
  });

  it('revoke NUMBER --reason: the code now verifies as Dicabut (exit 1)', async () => {
    const code = (await o.t.ok('certificates.list', { eventId: o.eventId }, o.token)).find((c) => c.number === issued[2]!.number)!;
    const { code: text } = await o.t.ok('certificates.get', { id: code.id }, o.token);
    expect((await cli('certificates', 'revoke', issued[2]!.number, '--reason', 'Salah nama kegiatan')).code).toBe(0);
    const run = await cli('certificates', 'verify', text, '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'revoked', revocation: { reason: 'Salah nama kegiatan' } });
  });
});

describe('a batch through the real program', () => {
  it('`bangkom certificates issue` as a process (the bundle) issues 45 at once, its QR codes encoded in a worker thread without a warning', async () => {
    const big = await finishedEvent({ people: 45, absent: 0 });
    try {
      const run = spawnSync(process.execPath, [BIN, '--data', big.t.dataDir, 'certificates', 'issue', '--event', big.eventId, '--json'], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect((JSON.parse(run.stdout) as { issued: unknown[] }).issued).toHaveLength(45);
      const rows = await big.t.ok('certificates.list', { eventId: big.eventId }, big.token);
      const { code } = await big.t.ok('certificates.get', { id: rows[0]!.id }, big.token);
      expect((await big.t.ok('certificates.verify', { text: code }, big.token)).status).toBe('valid');
    } finally {
      big.close();
    }
  }, 60_000);
});

describe('bangkom trust and the standalone verifier', () => {
  it('export → import at another office: a new signer needs --confirm (exit 2), then imports; a bad file imports nothing', async () => {
    const file = path.join(dir, 'plaju-trust.json');
    const exported = await cli('trust', 'export', '--out', file);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Sidik jari kunci kantor ini: ([0-9A-F]{4} ){15}[0-9A-F]{4}/);
    const other = openTestBackend();
    await setUpOffice(other, { regionCode: '16.71.02', name: 'Kecamatan Seberang Ulu I' });
    other.close();
    const otherCli = (...args: string[]) => captureCli(['--data', other.dataDir, ...args]);
    const dry = await otherCli('trust', 'import', file);
    expect(dry.code).toBe(2);
    expect(dry.stdout).toContain('--confirm');
    const tampered = path.join(dir, 'tampered.json');
    // One character of the signature changed (to another one: the key, and so the signature, differ each run).
    fs.writeFileSync(tampered, fs.readFileSync(file, 'utf8').replace(/"signature":"(.)/, (_, c: string) => `"signature":"${c === 'A' ? 'B' : 'A'}`));
    const bad = await otherCli('trust', 'import', tampered, '--confirm');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/tanda tangan|rusak/i);
    const imported = await otherCli('trust', 'import', file, '--confirm');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const live = (await o.t.ok('certificates.list', { eventId: o.eventId }, o.token)).find((c) => c.status === 'sah')!;
    const { code } = await o.t.ok('certificates.get', { id: live.id }, o.token);
    const verified = await otherCli('certificates', 'verify', code);
    expect(verified.stdout).toContain('SAH');
    expect(verified.code).toBe(0);
  });

  it('certificates verifier --out writes one self-contained HTML page with the trust list inside', async () => {
    const file = path.join(dir, 'pemeriksa.html');
    expect((await cli('certificates', 'verifier', '--out', file)).code).toBe(0);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain('id="bangkom-trust"');
    // Nothing loaded from elsewhere (the page's own test opens it in Chromium and sees no request).
    expect(/\b(src|href)="(?!data:)/.test(html.slice(0, html.indexOf('<script>')))).toBe(false);
    expect(/Content-Security-Policy[^>]+default-src 'none'/.test(html)).toBe(true);
    expect(html.includes('16.71.14')).toBe(true);
  });
});
