// Certificates as real PDFs: rendered with pdfkit, read back with pdftotext, rasterised with
// pdftoppm at 150 dpi and the QR code decoded with jsQR; single certificates cut from the batch
// with pdf-lib. Also the words of a page without a PDF (template.ts, page.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { QR_MODULE_PT, qrMatrix, renderCertificates } from '../../electron/backend/pdf/certificate-pdf.ts';
import { extractPages, mergePdfs } from '../../electron/backend/pdf/pdf-pages.ts';
import { qrMatrices } from '../../electron/backend/pdf/qr-matrices.ts';
import { certificatePage, certificateTexts, type CertificatePage } from '../../shared/certificates/page.ts';
import {
  CERTIFICATE_PLACEHOLDERS, CERTIFICATE_VARIANTS, certificateDateRange, certificateTemplate, defaultTemplate, fillPlaceholderRuns,
  fillPlaceholders, unknownPlaceholders, type CertificateTemplate,
} from '../../shared/certificates/template.ts';
import { formatNip } from '../../shared/domain/nip.ts';
import { removeTempDirs, tempDir } from '../helpers/backend.ts';
import { pdfPagePng, pdfPages, squash } from '../helpers/trainings.ts';
import { sampleCode, sampleLogo } from '../bench/certificates-baseline.ts';

afterAll(removeTempDirs);

// jsqr is CommonJS typed as an ES default export: at runtime the default import is the function.
const jsQR = ((jsQRModule as { default?: unknown }).default ?? jsQRModule) as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

const CREATED = new Date('2026-12-03T02:00:00Z');
const SIGNER = { title: 'Camat Plaju', name: 'Drs. H. Ahmad Fauzi, M.Si.', nip: '197001011990031001', rank: 'Pembina Tk. I (IV/b)' };
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
/** pdftotext's words, whitespace collapsed and NFC (a decomposed "Ḥ" reads back as H + U+0323). */
const words = (pdf: Uint8Array) => pdfPages(b64(pdf)).map((p) => squash(p).normalize('NFC'));

function template(over: Partial<CertificateTemplate> = {}): CertificateTemplate {
  return { ...defaultTemplate('peserta', SIGNER), ...over };
}

function page(over: Partial<CertificatePage> = {}, t: Partial<CertificateTemplate> = {}): CertificatePage {
  return {
    template: template(t),
    office: { name: 'Kecamatan Plaju', letterhead: ['PEMERINTAH KOTA PALEMBANG', 'KECAMATAN PLAJU', 'Jl. D.I. Panjaitan No. 1, Plaju, Palembang 30266'], hasLogo: true },
    recipient: { name: 'Ni Luh Ayu Sri Wahyuni, S.Sos.', nip: '198503122010012003', pangkatGolongan: 'Penata Muda Tk. I (III/b)', jabatan: 'Analis Kebijakan', unit: 'Kelurahan Plaju Ulu' },
    event: { title: 'Bimbingan Teknis Administrasi Kependudukan', startDate: '2026-12-01', endDate: '2026-12-03', place: 'Aula Kantor Camat Plaju' },
    jp: 20,
    number: '800.2.4/017/KEC-PLJ/2026',
    issuedPlace: 'Palembang',
    issuedDate: '2026-12-03',
    code: sampleCode(400, 7),
    transcript: null,
    ...over,
  };
}

const TRANSCRIPT = [
  { topic: 'Kebijakan Administrasi Kependudukan', jp: 4 },
  { topic: 'Pelayanan Dokumen Kependudukan', jp: 6 },
  { topic: 'Praktik Aplikasi SIAK', jp: 8.5 },
  { topic: 'Evaluasi', jp: 1.5 },
];

const assets = { logo: sampleLogo(120) };
const render = (pages: CertificatePage[], a: Parameters<typeof renderCertificates>[1] = assets) => renderCertificates(pages, a, { createdAt: CREATED });

/** Decodes the QR code on page `n` (1-based) of a PDF rendered at `dpi`. */
function decodeQr(pdf: Uint8Array, n = 1, dpi = 150): string | null {
  const file = pdfPagePng(b64(pdf), n, tempDir('bangkom-cert-png-'), 'page', dpi);
  const png = PNG.sync.read(fs.readFileSync(file));
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  return found?.data ?? null;
}

function info(pdf: Uint8Array): string {
  const file = path.join(tempDir('bangkom-cert-info-'), 'c.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
}

const pageCount = (pdf: Uint8Array) => Number(/Pages:\s+(\d+)/.exec(info(pdf))![1]);

describe('a batch of three certificates, one with a transcript', () => {
  const pages = [
    page(),
    page({ recipient: { name: 'Muh. Ma’ruf, S.Kom.', nip: '199001012015031001', pangkatGolongan: 'Penata (III/c)', jabatan: 'Pranata Komputer', unit: 'Seksi Pemerintahan' }, number: '800.2.4/018/KEC-PLJ/2026', code: sampleCode(400, 8), transcript: TRANSCRIPT }),
    page({ recipient: { name: 'Zulkifli Ḥasan', nip: '', pangkatGolongan: '', jabatan: 'Dosen', unit: 'Universitas Sriwijaya' }, number: '800.2.4/019/KEC-PLJ/2026', code: sampleCode(400, 9), jp: 1.5 }),
  ];
  let pdf: Uint8Array;
  let ranges: { first: number; count: number }[];
  let text: string[];

  it('renders one PDF with a page range per certificate', async () => {
    ({ pdf, pageRanges: ranges } = await render(pages));
    expect(ranges).toEqual([{ first: 0, count: 1 }, { first: 1, count: 2 }, { first: 3, count: 1 }]);
    expect(pageCount(pdf)).toBe(4);
    text = words(pdf);
    expect(text).toHaveLength(4);
  });

  it('prints the recipient, the number, the event, JP in figures and words and the QR line', () => {
    const front = text[0]!;
    for (const s of ['PEMERINTAH KOTA PALEMBANG', 'KECAMATAN PLAJU', 'Ni Luh Ayu Sri Wahyuni, S.Sos.', formatNip('198503122010012003'), 'Penata Muda Tk. I (III/b)',
      'Analis Kebijakan', 'Kelurahan Plaju Ulu', 'Nomor: 800.2.4/017/KEC-PLJ/2026', 'Bimbingan Teknis Administrasi Kependudukan',
      '1 s.d. 3 Desember 2026', 'Aula Kantor Camat Plaju', '20 (dua puluh) JP', 'Verifikasi: pindai kode QR', 'Palembang, 3 Desember 2026',
      'Camat Plaju', 'Drs. H. Ahmad Fauzi, M.Si.', 'Pembina Tk. I (IV/b)', `NIP. ${formatNip(SIGNER.nip)}`]) {
      expect(front, s).toContain(s);
    }
    expect(text[3]).toContain('1,5 (satu koma lima) JP');
  });

  it('prints every Latin character of Indonesian names in the embedded Roboto, no other font', () => {
    expect(text[1]).toContain('Muh. Ma’ruf, S.Kom.');
    expect(text[3]).toContain('Zulkifli Ḥasan');
    const file = path.join(tempDir('bangkom-cert-fonts-'), 'c.pdf');
    fs.writeFileSync(file, pdf);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+Roboto-\S+\s/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, ToUnicode
    }
  });

  it('prints the transcript on the back: No, Materi, JP and the total', () => {
    const back = text[2]!;
    expect(back).toContain('TRANSKRIP');
    expect(back).toContain('Muh. Ma’ruf, S.Kom.');
    expect(back).toContain('800.2.4/018/KEC-PLJ/2026');
    expect(back).toMatch(/No Materi JP/);
    expect(back).toMatch(/1 Kebijakan Administrasi Kependudukan 4 /);
    expect(back).toMatch(/2 Pelayanan Dokumen Kependudukan 6 /);
    expect(back).toMatch(/3 Praktik Aplikasi SIAK 8,5 /);
    expect(back).toMatch(/4 Evaluasi 1,5 /);
    expect(back).toMatch(/Jumlah 20\b/);
    expect(text[1]).not.toContain('TRANSKRIP');
  });

  it('draws QR codes that decode from a 150 dpi rendering', () => {
    expect(decodeQr(pdf, 1)).toBe(pages[0]!.code);
    expect(decodeQr(pdf, 2)).toBe(pages[1]!.code);
    expect(decodeQr(pdf, 4)).toBe(pages[2]!.code);
  });

  it('is deterministic: the same pages and date give the same bytes', async () => {
    const again = await render(pages);
    expect(Buffer.from(again.pdf).equals(Buffer.from(pdf))).toBe(true);
    const later = await renderCertificates(pages, assets, { createdAt: new Date('2026-12-04T02:00:00Z') });
    expect(Buffer.from(later.pdf).equals(Buffer.from(pdf))).toBe(false);
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('(D:20261203020000Z)');
    expect(info(pdf)).toMatch(/^Producer:\s+Bangkom$/m);
    expect(info(pdf)).toMatch(/^CreationDate:\s+2026-12-03T02:00:00/m);
  });

  it('cuts single certificates from the frozen batch, the same bytes every time', async () => {
    const one = await extractPages(pdf, ranges[0]!.first, ranges[0]!.count);
    const two = await extractPages(pdf, ranges[1]!.first, ranges[1]!.count);
    expect(pageCount(one)).toBe(1);
    expect(pageCount(two)).toBe(2);
    expect(words(one)[0]).toContain('Ni Luh Ayu Sri Wahyuni, S.Sos.');
    expect(words(two)[0]).toContain('Muh. Ma’ruf, S.Kom.');
    expect(words(two)[1]).toContain('TRANSKRIP');
    expect(decodeQr(one)).toBe(pages[0]!.code);
    // Again from a fresh copy of the bytes (nothing remembered): identical.
    const oneAgain = await extractPages(Uint8Array.from(pdf), ranges[0]!.first, ranges[0]!.count);
    expect(Buffer.from(oneAgain).equals(Buffer.from(one))).toBe(true);
    expect(info(one)).toMatch(/^Producer:\s+Bangkom$/m);
    expect(info(one)).toMatch(/^CreationDate:\s+2026-12-03T02:00:00/m);
    await expect(extractPages(pdf, 3, 2)).rejects.toThrow(RangeError);
  });

  it('joins PDFs in order', async () => {
    const parts = await Promise.all(ranges.map((r) => extractPages(pdf, r.first, r.count)));
    const merged = await mergePdfs([parts[2]!, parts[0]!]);
    expect(pageCount(merged)).toBe(2);
    const t = words(merged);
    expect(t[0]).toContain('Zulkifli Ḥasan');
    expect(t[1]).toContain('Ni Luh Ayu Sri Wahyuni');
    expect(Buffer.from(await mergePdfs([parts[2]!, parts[0]!])).equals(Buffer.from(merged))).toBe(true);
  });
});

describe('layouts, signatures and long texts', () => {
  it.each(CERTIFICATE_VARIANTS)('layout %s renders, reads and scans', async (variant) => {
    const p = page({ code: sampleCode(450, 21) }, { variant });
    const { pdf } = await render([p], { logo: assets.logo, signature: sampleLogo(60), stamp: sampleLogo(80) });
    const [front] = words(pdf);
    expect(front).toContain('SERTIFIKAT');
    expect(front).toContain('Ni Luh Ayu Sri Wahyuni, S.Sos.');
    expect(front).toContain('800.2.4/017/KEC-PLJ/2026');
    expect(front).toContain('20 (dua puluh) JP');
    expect(decodeQr(pdf)).toBe(p.code);
  });

  it('prints the electronic wording only in elektronik mode, and never claims BSrE', async () => {
    const { pdf: wet } = await render([page()]);
    const { pdf: electronic } = await render([page({}, { signatureMode: 'elektronik' })]);
    const line = 'Ditandatangani secara elektronik oleh sistem Bangkom Kecamatan Plaju';
    expect(words(wet)[0]).not.toContain('elektronik');
    expect(words(electronic)[0]).toContain(line);
    expect(words(electronic)[0]).toContain('Drs. H. Ahmad Fauzi, M.Si.');
    for (const t of [...words(wet), ...words(electronic)]) expect(t).not.toMatch(/BSrE|sertifikat elektronik/i);
  });

  it('draws the signature and stamp images once for the whole batch', async () => {
    const t = { signatureImage: true, stampImage: true };
    const { pdf } = await render([page({}, t), page({ code: sampleCode(400, 3) }, t), page({ code: sampleCode(400, 4) }, t)], { logo: assets.logo, signature: sampleLogo(60), stamp: sampleLogo(80) });
    const images = (Buffer.from(pdf).toString('latin1').match(/\/Subtype \/Image/g) ?? []).length;
    // Logo, signature and stamp, each with its alpha mask: six image objects for three pages.
    expect(images).toBe(6);
  });

  it('shrinks and wraps a long name and event rather than overflow or cut them', async () => {
    const name = 'Prof. Dr. Ir. H. Muhammad Zulkifli Ḥasan Al-Bantani Wicaksono Adiningrat Kusumawardhani Prawiranegara, S.H., M.H., M.Kn., Ph.D.';
    const title = 'Pelatihan Kepemimpinan dan Manajemen Pelayanan Publik Berbasis Digital bagi Aparatur Kecamatan dan Kelurahan se-Kota Palembang Tahun Anggaran 2026 Angkatan II Gelombang Ketiga';
    const jabatan = 'Kepala Seksi Kesejahteraan Sosial dan Pemberdayaan Masyarakat Kelurahan Talang Putri Kecamatan Plaju Kota Palembang Provinsi Sumatera Selatan';
    for (const variant of CERTIFICATE_VARIANTS) {
      const p = page({
        recipient: { name, nip: '198503122010012003', pangkatGolongan: 'Penata Muda Tk. I (III/b)', jabatan, unit: 'Kelurahan Talang Putri' },
        event: { title, startDate: '2026-11-28', endDate: '2026-12-02', place: 'Gedung Serbaguna Pemerintah Kota Palembang' },
      }, { variant });
      const { pdf } = await render([p]);
      const [front] = words(pdf);
      expect(front, variant).toContain(name);
      expect(front, variant).toContain(title);
      expect(front, variant).toContain(jabatan);
      expect(front, variant).toContain('28 November s.d. 2 Desember 2026');
      expect(decodeQr(pdf), variant).toBe(p.code);
    }
  });

  it('keeps a name without spaces and an empty name within the page', async () => {
    const unbroken = 'X'.repeat(160);
    const { pdf } = await render([page({ recipient: { name: unbroken, nip: '', pangkatGolongan: '', jabatan: '', unit: '' } }), page({ recipient: { name: '', nip: '', pangkatGolongan: '', jabatan: '', unit: '' } })]);
    const [first, second] = words(pdf);
    expect(first!.replace(/ /g, '')).toContain(unbroken);
    expect(second).toContain('SERTIFIKAT');
    expect(second).not.toContain('NIP :');
  });

  it('reports progress and stops when aborted', async () => {
    const pages = Array.from({ length: 120 }, (_, i) => page({ code: sampleCode(300, i + 100) }));
    const seen: [number, number][] = [];
    const { pageRanges } = await renderCertificates(pages, {}, { createdAt: CREATED, onProgress: (d, t) => seen.push([d, t]) });
    expect(pageRanges).toHaveLength(120);
    expect(seen.at(-1)).toEqual([120, 120]);
    expect(seen.length).toBeGreaterThan(1);
    const controller = new AbortController();
    const stopped = renderCertificates(pages, {}, { createdAt: CREATED, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(stopped).rejects.toThrow(/abort/i);
  });
});

describe('the QR code', () => {
  it('a batch\'s codes are encoded in a worker thread into the very matrices of the main thread', async () => {
    const codes = Array.from({ length: 60 }, (_, i) => sampleCode(380 + i, i + 7));
    const fromWorker = await Promise.all(qrMatrices(codes));
    for (const [i, code] of codes.entries()) {
      const here = qrMatrix(code);
      expect(fromWorker[i]!.size).toBe(here.size);
      expect(Buffer.from(fromWorker[i]!.modules).equals(Buffer.from(here.modules))).toBe(true);
    }
  });

  it('prints a 450-character code at 1.44 pt modules: version 13, about 39 mm with its quiet zone', () => {
    const m = qrMatrix(sampleCode(450, 1));
    expect(m.size).toBe(69);
    expect(((m.size + 8) * QR_MODULE_PT * 25.4) / 72).toBeCloseTo(39.1, 1);
  });
});

describe('the words of a page', () => {
  it('fills placeholders, bold event title, dates the Indonesian way', () => {
    const tx = certificateTexts(page());
    expect(tx.body).toBe('telah mengikuti Bimbingan Teknis Administrasi Kependudukan yang diselenggarakan oleh Kecamatan Plaju pada tanggal 1 s.d. 3 Desember 2026 bertempat di Aula Kantor Camat Plaju, dengan jumlah 20 (dua puluh) JP.');
    expect(tx.bodyRuns.filter((r) => r.strong).map((r) => r.text)).toEqual(['Bimbingan Teknis Administrasi Kependudukan']);
    expect(tx.subtitle).toBe('Nomor: 800.2.4/017/KEC-PLJ/2026');
    expect(tx.issued).toBe('Palembang, 3 Desember 2026');
    expect(tx.details).toEqual([
      { label: 'NIP', value: '19850312 201001 2 003' },
      { label: 'Pangkat/Golongan', value: 'Penata Muda Tk. I (III/b)' },
      { label: 'Jabatan', value: 'Analis Kebijakan' },
      { label: 'Unit Kerja', value: 'Kelurahan Plaju Ulu' },
    ]);
    expect(tx.signer.nip).toBe('NIP. 19700101 199003 1 001');
    expect(tx.electronic).toBeNull();
    expect(tx.transcript).toBeNull();
    expect(certificateDateRange('2026-12-03', '2026-12-03')).toBe('3 Desember 2026');
    expect(certificateDateRange('2026-11-28', '2026-12-02')).toBe('28 November s.d. 2 Desember 2026');
    expect(certificateDateRange('2026-12-30', '2027-01-02')).toBe('30 Desember 2026 s.d. 2 Januari 2027');
  });

  it('says "sebagai Narasumber" and "sebagai Panitia" in those roles, "Instansi" for a speaker', () => {
    const speaker = certificateTexts(page({ recipient: { name: 'Dr. Rudi Hartono, M.Si.', nip: '', pangkatGolongan: '', jabatan: 'Kepala Bidang', unit: 'BKPSDM Kota Palembang' } }, defaultTemplate('narasumber', SIGNER)));
    expect(speaker.body).toMatch(/^sebagai Narasumber pada Bimbingan Teknis/);
    expect(speaker.details.map((d) => d.label)).toEqual(['Jabatan', 'Instansi']);
    expect(certificateTexts(page({}, defaultTemplate('panitia', SIGNER))).body).toMatch(/^sebagai Panitia pada /);
    expect(certificateTexts(page({ roleLabel: 'Moderator' }, defaultTemplate('panitia', SIGNER))).body).toMatch(/^sebagai Moderator pada /);
  });

  it('knows its placeholders and finds unknown ones', () => {
    expect(CERTIFICATE_PLACEHOLDERS.map((p) => p.name)).toEqual(['nama', 'nip', 'pangkat', 'jabatan', 'unit', 'kegiatan', 'tanggal', 'tempat', 'jp', 'peran', 'nomor', 'kantor', 'tanggal_terbit', 'tempat_terbit']);
    expect(unknownPlaceholders('Nomor: {nomor} {namaa} {nomor} {x} {namaa}')).toEqual(['{namaa}', '{x}']);
    expect(unknownPlaceholders('tanpa placeholder { } {}')).toEqual(['{}']);
    expect(fillPlaceholders('{nama}  ({nip})  {unknown}', { nama: 'Siti' })).toBe('Siti () {unknown}');
    expect(fillPlaceholderRuns('di {tempat}, {tanggal}.', { tempat: 'Aula', tanggal: '3 Desember 2026' })).toEqual([
      { text: 'di Aula, ', strong: false }, { text: '3 Desember 2026', strong: false, keep: true }, { text: '.', strong: false },
    ]);
  });

  it('validates templates: limits, required texts, unknown placeholders; defaults parse', () => {
    for (const role of ['peserta', 'narasumber', 'panitia'] as const) expect(certificateTemplate.safeParse(defaultTemplate(role, SIGNER)).success).toBe(true);
    const bad = certificateTemplate.safeParse({ ...template(), body: 'telah mengikuti {acara}' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe('validation.template_placeholder_unknown|{"token":"{acara}"}');
    expect(certificateTemplate.safeParse({ ...template(), title: 'X'.repeat(41) }).success).toBe(false);
    expect(certificateTemplate.safeParse({ ...template(), body: '  ' }).success).toBe(false);
  });

  it('is a JSON-safe snapshot that parses back the same', () => {
    const p = page({ transcript: TRANSCRIPT });
    expect(certificatePage.parse(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });
});
