// certificates.render_500: 500 certificates (a ~450-character QR code each) into ONE PDF through
// renderCertificates, against raw pdfkit drawing the very same pages in the same run: the same
// text at the same places, the same frame, images and QR path, with every string, position and
// QR matrix computed beforehand. The difference is what renderCertificates adds: filling the
// template, measuring and fitting text, and encoding the QR codes.
//
// Run alone: npx tsx test/bench/certificates-baseline.ts
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import {
  PAGE_H, PAGE_W, layoutCertificate, newCertificateDocument, qrMatrix, renderCertificates,
  type CertificateAssets, type DrawOp, type ImageSizes,
} from '../../electron/backend/pdf/certificate-pdf.ts';
import type { CertificatePage } from '../../shared/certificates/page.ts';
import { defaultTemplate } from '../../shared/certificates/template.ts';
import { measureInTurns, report } from './harness.ts';

const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** A code like Bangkom's: "BK1:" and base45 text, `length` characters in all. */
export function sampleCode(length: number, seed: number): string {
  let s = 'BK1:';
  let x = seed >>> 0;
  while (s.length < length) {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    s += BASE45[x % 45];
  }
  return s;
}

/** An office logo (an emblem on a shield) as a PNG with transparency. */
export function sampleLogo(size = 240): Buffer {
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const dx = (x - c) / c, dy = (y - c) / c;
      const inShield = Math.abs(dx) < 0.8 - Math.max(0, dy) * 0.5 && dy > -0.85 && dy < 0.9;
      const edge = inShield && !(Math.abs(dx) < 0.72 - Math.max(0, dy) * 0.5 && dy > -0.77 && dy < 0.8);
      const r = Math.hypot(dx, dy + 0.1), a = Math.atan2(dy + 0.1, dx);
      const star = r < 0.28 + 0.14 * Math.cos(5 * a);
      const col = !inShield ? [0, 0, 0, 0] : edge ? [180, 140, 40, 255] : star ? [230, 190, 60, 255] : dy > 0.35 ? [190, 30, 40, 255] : [20, 60, 120, 255];
      png.data.set(col, i);
    }
  }
  return PNG.sync.write(png);
}

const FIRST = ['Agus', 'Siti', 'Budi', 'Ni Luh Ayu', 'Muhammad', 'Dewi', 'Rudi', 'Sri', 'Andi', 'Nurul', 'I Made', 'Yohanes'];
const LAST = ['Santoso', 'Rahmawati', 'Hartono', 'Wahyuni', 'Fauzi', 'Lestari', 'Saputra', 'Ma’ruf', 'Hidayat', 'Situmorang'];
const TITLES = ['', 'S.Sos.', 'S.E.', 'S.Kom., M.M.', 'S.H.', 'A.Md.'];

/** `count` certificates of one event, every recipient different. */
export function samplePages(count: number, over: Partial<CertificatePage['template']> = {}): CertificatePage[] {
  const template = { ...defaultTemplate('peserta', { title: 'Camat Plaju', name: 'Drs. H. Ahmad Fauzi, M.Si.', nip: '197001011990031001', rank: 'Pembina Tk. I (IV/b)' }), ...over };
  return Array.from({ length: count }, (_, i): CertificatePage => {
    const back = TITLES[i % TITLES.length];
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i + 1}${back ? `, ${back}` : ''}`;
    return {
      template,
      office: { name: 'Kecamatan Plaju', letterhead: ['PEMERINTAH KOTA PALEMBANG', 'KECAMATAN PLAJU', 'Jl. D.I. Panjaitan No. 1, Plaju, Palembang 30266'], hasLogo: true },
      recipient: { name, nip: `1985031220100${String(10000 + i).slice(-5)}`, pangkatGolongan: 'Penata Muda Tk. I (III/b)', jabatan: i % 3 ? 'Analis Kebijakan' : 'Pengelola Layanan Kependudukan', unit: `Kelurahan Plaju ${['Ulu', 'Ilir', 'Darat'][i % 3]}` },
      event: { title: 'Bimbingan Teknis Administrasi Kependudukan', startDate: '2026-12-01', endDate: '2026-12-03', place: 'Aula Kantor Camat Plaju' },
      jp: 20,
      number: `800.2.4/${String(i + 1).padStart(3, '0')}/KEC-PLJ/2026`,
      issuedPlace: 'Palembang',
      issuedDate: '2026-12-03',
      code: sampleCode(450, i + 1),
      transcript: template.showTranscript ? [{ topic: 'Kebijakan Administrasi Kependudukan', jp: 6 }, { topic: 'Praktik Aplikasi SIAK', jp: 14 }] : null,
    };
  });
}

/** Every page of the batch as drawing steps, QR matrices included: all the baseline draws from. */
export function planPages(pages: CertificatePage[], assets: CertificateAssets): DrawOp[][] {
  const { images, measure, has } = newCertificateDocument(assets, new Date(0));
  const sizes: ImageSizes = {};
  for (const [kind, img] of Object.entries(images)) sizes[kind as keyof ImageSizes] = { w: img.width, h: img.height };
  return pages.flatMap((page) => layoutCertificate(page, qrMatrix(page.code), sizes, measure, has));
}

const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const FONTS = {
  R: fs.readFileSync(path.join(FONT_DIR, 'Roboto-Regular.ttf')),
  B: fs.readFileSync(path.join(FONT_DIR, 'Roboto-Medium.ttf')),
  I: fs.readFileSync(path.join(FONT_DIR, 'Roboto-Italic.ttf')),
};

/** Raw pdfkit: one document, fonts and images registered once, each step one plain call. */
export async function drawPlanned(plan: DrawOp[][], assets: CertificateAssets, createdAt: Date): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: [PAGE_W, PAGE_H], margin: 0, autoFirstPage: false, compress: true, pdfVersion: '1.7', lang: 'id-ID',
    info: { Title: 'Sertifikat', Producer: 'Bangkom', Creator: 'Bangkom', CreationDate: createdAt, ModDate: createdAt },
  }) as PDFKit.PDFDocument & { openImage(src: Buffer): object };
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on('end', resolve));
  for (const [k, data] of Object.entries(FONTS)) doc.registerFont(k, data);
  const images: Record<string, object> = {};
  for (const [kind, bytes] of Object.entries(assets)) if (bytes) images[kind] = doc.openImage(Buffer.from(bytes));
  for (const ops of plan) {
    doc.addPage();
    for (const o of ops) {
      if (o.op === 'text') {
        if (o.actual) doc.markContent('Span', { actual: o.actual } as PDFKit.Mixins.MarkingOptions);
        doc.font(o.font).fontSize(o.size).fillColor(o.color).text(o.text, o.x, o.y, { lineBreak: false, baseline: 'alphabetic', characterSpacing: o.spacing });
        if (o.actual) doc.endMarkedContent();
      } else if (o.op === 'line') {
        doc.lineWidth(o.width).strokeColor(o.color).moveTo(o.x1, o.y1).lineTo(o.x2, o.y2).stroke();
      } else if (o.op === 'rect') {
        doc.lineWidth(o.width).strokeColor(o.color).rect(o.x, o.y, o.w, o.h).stroke();
      } else if (o.op === 'fillRect') {
        doc.fillColor(o.color).rect(o.x, o.y, o.w, o.h).fill();
      } else if (o.op === 'path') {
        doc.fillColor(o.color).addContent(o.d).fill(o.evenOdd ? 'even-odd' : 'non-zero');
      } else if (o.op === 'image') {
        doc.image(images[o.image] as Buffer, o.x, o.y, { width: o.w, height: o.h });
      } else {
        // The QR matrix as one path: a rectangle per run of dark modules in a row, coordinates
        // formatted once per column, row and run length.
        const { size: n, modules } = o.matrix;
        const r = (v: number) => String(Math.round(v * 1000) / 1000);
        const xs = Array.from({ length: n + 1 }, (_, j) => r(o.x + j * o.module));
        const lens = Array.from({ length: n + 1 }, (_, j) => r(j * o.module));
        const h = ` ${r(o.module)} re\n`;
        let path = '';
        for (let i = 0; i < n; i++) {
          const top = ` ${r(o.y + i * o.module)} `;
          for (let j = 0; j < n;) {
            if (!modules[i * n + j]) { j++; continue; }
            let k = j + 1;
            while (k < n && modules[i * n + k]) k++;
            path += xs[j]! + top + lens[k - j]! + h;
            j = k;
          }
        }
        doc.fillColor(o.color).addContent(path).fill('non-zero');
      }
    }
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** renderCertificates vs raw pdfkit on 500 certificates, in turns, median of `runs`. */
export async function certificatesRender500(runs = 5): Promise<{ medianMs: number; baselineMs: number; ratio: number }> {
  const pages = samplePages(500);
  const assets = { logo: sampleLogo() };
  const plan = planPages(pages, assets);
  const createdAt = new Date('2026-12-03T02:00:00Z');
  const { own, raw } = await measureInTurns(runs, {
    own: async () => {
      const t = performance.now();
      const { pdf } = await renderCertificates(pages, assets, { createdAt });
      if (pdf.length < 1000) throw new Error('empty');
      return performance.now() - t;
    },
    raw: async () => {
      const t = performance.now();
      const pdf = await drawPlanned(plan, assets, createdAt);
      if (pdf.length < 1000) throw new Error('empty');
      return performance.now() - t;
    },
  }, 1);
  const ratio = Math.round((own / raw) * 100) / 100;
  report({ name: 'certificates.render_500', median_ms: own, runs, ratio, baseline_ms: raw });
  return { medianMs: own, baselineMs: raw, ratio };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await certificatesRender500(Number(process.env.RUNS ?? 5));
}
