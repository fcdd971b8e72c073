/**
 * The script of the standalone verifier page (page.html): one self-contained HTML file with the
 * trust list inside, written by `bangkom certificates verifier` and opened from a disk or a USB
 * stick in any current browser. It verifies a scanned or pasted code, or the QR in an image of a
 * certificate, with the same chain as the app (shared/certificates) and pure-JS signatures.
 *
 * Everything a code contains is the sender's text: it reaches the page through textContent only,
 * never as HTML. The page loads and sends nothing (its CSP forbids it).
 *
 * Bundled into one IIFE by build/build-verifier.mjs; the backend inlines it into the page.
 */
import { nobleSignatureCheck } from '../../shared/certificates/noble-check.ts';
import { readQrFromRgba } from '../../shared/certificates/qr-image.ts';
import type { CertificateClaims, DecodeStage, Revocation, TrustList, VerifyResult } from '../../shared/certificates/types.ts';
import { verifyCode } from '../../shared/certificates/verify.ts';
import { verdictWords as enWords } from '../../shared/i18n/en/certificates.ts';
import { verdictWords as idWords } from '../../shared/i18n/id/certificates.ts';

/** What the page carries in <script type="application/json" id="bangkom-trust">. */
export interface VerifierPayload {
  format: 1;
  /** The office that made this file (code and name) and when (ISO instant). */
  office: string;
  officeName: string;
  createdAt: string;
  trust: TrustList;
}

type Lang = 'id' | 'en';

const MONTHS: Record<Lang, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The page's texts, one table per language: the English one has the same keys (typeof ID). */
const ID = {
  title: 'Pemeriksa Sertifikat',
  subtitle: 'Sertifikat pengembangan kompetensi ASN yang diterbitkan dengan Bangkom',
  langButton: 'English',
  trustFrom: (name: string, code: string, date: string) => `Daftar tepercaya dari ${name} (${code}), dibuat ${date}.`,
  trustCounts: (offices: number, revoked: number) => `Berisi ${offices} kantor penerbit dan ${revoked} sertifikat yang dicabut.`,
  age: (days: number) => (days <= 0 ? 'Dibuat hari ini.' : `Umur daftar: ${days} hari.`),
  ageOld: (days: number) => `Umur daftar: ${days} hari. Pencabutan sesudah tanggal itu tidak diketahui halaman ini: minta berkas pemeriksa yang baru ke kantor penerbit.`,
  trustBroken: 'Berkas pemeriksa ini rusak: daftar tepercaya di dalamnya tidak terbaca. Minta berkas yang baru ke kantor penerbit.',
  codeLabel: 'Kode sertifikat (pindai atau tempel)',
  codeHint: 'Arahkan pemindai QR ke kode di sertifikat, atau tempel teksnya lalu tekan Enter. Gambar juga bisa diseret ke halaman ini.',
  check: 'Periksa',
  file: 'Buka gambar sertifikat (PNG/JPG)',
  clear: 'Kosongkan',
  placeholder: 'Hasil pemeriksaan tampil di sini.',
  footer: 'Halaman ini bekerja tanpa internet dan tidak mengirim apa pun: semua pemeriksaan terjadi di perangkat ini.',
  // The five answers in the app's words (shared/i18n); "no QR" and "busy" are this page's own.
  words: { ...idWords, no_qr: 'Kode QR tidak ditemukan', busy: 'Membaca gambar…' },
  leads: {
    valid: 'Tanda tangan cocok: sertifikat ini diterbitkan oleh kantor di bawah dan isinya tidak diubah.',
    revoked: (date: string) => `Tanda tangan cocok, tetapi penerbit mencabut sertifikat ini pada ${date}.`,
    tampered: 'Tanda tangan tidak cocok dengan isi kode: kode ini telah diubah atau dipalsukan. Jangan terima sertifikat ini.',
    unknown_issuer: 'Kode ini ditandatangani dengan kunci yang tidak ada di daftar tepercaya halaman ini.',
    malformed: (stage: string) => `Teks ini bukan kode sertifikat Bangkom (gagal pada langkah: ${stage}).`,
    no_qr: 'Tidak ada kode QR yang terbaca di gambar ini. Coba gambar yang lebih tajam dan lurus, atau pindai kodenya langsung.',
    image_error: 'Berkas ini tidak dapat dibuka sebagai gambar (PNG atau JPG).',
    busy: '',
  },
  unknownNote: (office: string) => `Kode menyebut kantor ${office}, tetapi itu belum terbukti. Mungkin sertifikat dari kantor lain, atau daftar tepercaya ini sudah lama: minta berkas pemeriksa yang baru ke kantor penerbit.`,
  stages: {
    prefix: 'awalan "BK1:"',
    base45: 'base45 (ada huruf yang salah atau hilang)',
    zlib: 'zlib (data terpotong atau rusak)',
    cose: 'COSE (tanda tangan tidak utuh)',
    cbor: 'CBOR (isi sertifikat tidak terbaca)',
  } satisfies Record<DecodeStage, string>,
  fields: {
    name: 'Nama', nip: 'NIP', role: 'Peran', event: 'Kegiatan', dates: 'Tanggal', jp: 'Jam pelajaran',
    number: 'Nomor sertifikat', issued: 'Tanggal terbit', issuer: 'Penerbit',
    revokedOn: 'Dicabut pada', reason: 'Alasan', replacedBy: 'Diganti dengan',
  },
  roles: { peserta: 'Peserta', narasumber: 'Narasumber', panitia: 'Panitia' } as Record<string, string>,
  noNip: '— (tanpa NIP)',
  revokedClaims: 'Sertifikat yang dicabut:',
  fromImage: (name: string) => `Dibaca dari gambar: ${name}`,
};

const EN: typeof ID = {
  title: 'Certificate verifier',
  subtitle: 'Civil-service training certificates issued with Bangkom',
  langButton: 'Bahasa Indonesia',
  trustFrom: (name: string, code: string, date: string) => `Trust list from ${name} (${code}), made ${date}.`,
  trustCounts: (offices: number, revoked: number) =>
    `It holds ${offices} issuing office${offices === 1 ? '' : 's'} and ${revoked} revoked certificate${revoked === 1 ? '' : 's'}.`,
  age: (days: number) => (days <= 0 ? 'Made today.' : `Age of the list: ${days} day${days === 1 ? '' : 's'}.`),
  ageOld: (days: number) => `Age of the list: ${days} days. Revocations made since then are unknown to this page: ask the issuing office for a new verifier file.`,
  trustBroken: 'This verifier file is damaged: its trust list cannot be read. Ask the issuing office for a new one.',
  codeLabel: 'Certificate code (scan or paste)',
  codeHint: 'Point a QR scanner at the code on the certificate, or paste its text and press Enter. An image can also be dropped on this page.',
  check: 'Verify',
  file: 'Open an image of the certificate (PNG/JPG)',
  clear: 'Clear',
  placeholder: 'The result shows here.',
  footer: 'This page works offline and sends nothing anywhere: every check happens on this device.',
  words: { ...enWords, no_qr: 'No QR code found', busy: 'Reading the image…' },
  leads: {
    valid: 'The signature matches: this certificate was issued by the office below and has not been altered.',
    revoked: (date: string) => `The signature matches, but the issuer revoked this certificate on ${date}.`,
    tampered: 'The signature does not match the content: this code was altered or forged. Do not accept this certificate.',
    unknown_issuer: 'This code was signed with a key that is not in this page\'s trust list.',
    malformed: (stage: string) => `This text is not a Bangkom certificate code (failed at step: ${stage}).`,
    no_qr: 'No readable QR code in this image. Try a sharper, straighter picture, or scan the code directly.',
    image_error: 'This file cannot be opened as an image (PNG or JPG).',
    busy: '',
  },
  unknownNote: (office: string) => `The code names office ${office}, but that is not proven. It may come from another office, or this trust list is old: ask the issuing office for a new verifier file.`,
  stages: {
    prefix: 'the "BK1:" prefix',
    base45: 'base45 (a wrong or missing character)',
    zlib: 'zlib (data cut short or damaged)',
    cose: 'COSE (incomplete signature)',
    cbor: 'CBOR (certificate content unreadable)',
  },
  fields: {
    name: 'Name', nip: 'NIP', role: 'Role', event: 'Event', dates: 'Dates', jp: 'Training hours',
    number: 'Certificate number', issued: 'Date of issue', issuer: 'Issuer',
    revokedOn: 'Revoked on', reason: 'Reason', replacedBy: 'Replaced by',
  },
  roles: { peserta: 'Participant', narasumber: 'Speaker', panitia: 'Organiser' },
  noNip: '— (no NIP)',
  revokedClaims: 'The revoked certificate:',
  fromImage: (name: string) => `Read from image: ${name}`,
};

const TEXT: Record<Lang, typeof ID> = { id: ID, en: EN };

type View =
  | { kind: 'result'; result: VerifyResult; fileName: string | null }
  | { kind: 'no_qr'; fileName: string }
  | { kind: 'image_error'; fileName: string }
  | { kind: 'busy' }
  | { kind: 'none' };

let lang: Lang = 'id';
let view: View = { kind: 'none' };
let payload: VerifierPayload | null = null;

function $(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} missing`);
  return found;
}

/** An element with text children only: strings become text nodes, never markup. */
function el(tag: string, className: string | null, ...children: (Node | string | null)[]): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) {
    if (child === null) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-03-12" → "12 Maret 2026"; anything else is shown as it is. */
function formatDay(ymd: string): string {
  const m = DATE_RE.exec(ymd);
  if (!m) return ymd;
  const month = MONTHS[lang][Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : ymd;
}

function formatRange(start: string, end: string): string {
  return start === end ? formatDay(start) : `${formatDay(start)} – ${formatDay(end)}`;
}

/** An ISO instant in the viewer's local time: "3 Desember 2026 pukul 14.05". */
function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = `${d.getDate()} ${MONTHS[lang][d.getMonth()]} ${d.getFullYear()}`;
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return lang === 'id' ? `${day} pukul ${hh}.${mm}` : `${day} at ${hh}:${mm}`;
}

function formatJp(jp: number): string {
  const text = Number.isFinite(jp) ? String(jp) : '?';
  return `${lang === 'id' ? text.replace('.', ',') : text} JP`;
}

function row(dl: HTMLElement, label: string, value: string, className: string | null = null): void {
  dl.append(el('dt', null, label), el('dd', className, value));
}

function claimsList(c: CertificateClaims, issuer: { code: string; name: string } | undefined, muted: boolean): HTMLElement {
  const t = TEXT[lang];
  const dl = el('dl', muted ? 'muted-claims' : null);
  row(dl, t.fields.name, String(c.name), 'name');
  row(dl, t.fields.nip, c.nip ? String(c.nip) : t.noNip);
  row(dl, t.fields.role, t.roles[c.role] ?? String(c.role));
  row(dl, t.fields.event, String(c.event));
  row(dl, t.fields.dates, formatRange(String(c.start), String(c.end)));
  row(dl, t.fields.jp, formatJp(c.jp));
  row(dl, t.fields.number, String(c.number));
  row(dl, t.fields.issued, formatDay(String(c.issued)));
  row(dl, t.fields.issuer, issuer ? `${issuer.name} (${issuer.code})` : String(c.office));
  return dl;
}

function revocationList(r: Revocation): HTMLElement {
  const t = TEXT[lang];
  const dl = el('dl', null);
  row(dl, t.fields.revokedOn, formatDay(r.revokedOn));
  row(dl, t.fields.reason, r.reason || '—');
  if (r.replacedBy) row(dl, t.fields.replacedBy, r.replacedBy);
  return dl;
}

const ICONS: Record<string, string> = {
  valid: '✓', revoked: '✕', tampered: '✕', unknown_issuer: '?', malformed: '!', no_qr: '!', image_error: '!', busy: '…',
};

function verdict(status: string, word: string, lead: string): HTMLElement {
  const icon = el('span', 'icon', ICONS[status] ?? '!');
  icon.setAttribute('aria-hidden', 'true');
  return el('div', 'verdict', icon, el('div', null, el('p', 'word', word), lead ? el('p', 'lead', lead) : null));
}

function render(): void {
  const box = $('result');
  box.replaceChildren();
  box.className = '';
  if (view.kind === 'none') {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const t = TEXT[lang];
  if (view.kind === 'busy') {
    box.className = 's-busy';
    box.dataset.status = 'busy';
    box.append(verdict('busy', t.words.busy, ''));
    return;
  }
  if (view.kind === 'no_qr' || view.kind === 'image_error') {
    box.className = 's-no_qr';
    box.dataset.status = view.kind;
    box.append(verdict(view.kind, t.words.no_qr, view.kind === 'no_qr' ? t.leads.no_qr : t.leads.image_error));
    box.append(el('p', 'source', t.fromImage(view.fileName)));
    return;
  }
  const { result, fileName } = view;
  box.className = `s-${result.status}`;
  box.dataset.status = result.status;
  switch (result.status) {
    case 'valid':
      box.append(verdict('valid', t.words.valid, t.leads.valid));
      if (result.certificate) box.append(claimsList(result.certificate, result.issuer, false));
      break;
    case 'revoked': {
      const on = result.revocation ? formatDay(result.revocation.revokedOn) : '?';
      box.append(verdict('revoked', t.words.revoked, t.leads.revoked(on)));
      if (result.revocation) box.append(revocationList(result.revocation));
      if (result.certificate) {
        box.append(el('p', 'note', t.revokedClaims));
        box.append(claimsList(result.certificate, result.issuer, true));
      }
      break;
    }
    case 'tampered':
      box.append(verdict('tampered', t.words.tampered, t.leads.tampered));
      break;
    case 'unknown_issuer':
      box.append(verdict('unknown_issuer', t.words.unknown_issuer, t.leads.unknown_issuer));
      box.append(el('p', 'note', t.unknownNote(result.certificate ? String(result.certificate.office) : '?')));
      break;
    default: {
      const stage = result.stage ? t.stages[result.stage] : '?';
      box.append(verdict('malformed', t.words.malformed, t.leads.malformed(stage)));
      break;
    }
  }
  if (fileName !== null) box.append(el('p', 'source', t.fromImage(fileName)));
}

/** A new result: drawn, and scrolled into sight where the screen is short (a phone). */
function show(next: View): void {
  view = next;
  render();
  const box = $('result');
  if (!box.hidden) box.scrollIntoView({ block: 'nearest' });
}

function daysSince(iso: string): number | null {
  const made = new Date(iso).getTime();
  if (Number.isNaN(made)) return null;
  return Math.max(0, Math.floor((Date.now() - made) / 86_400_000));
}

/** Older than this, the trust line warns that revocations since may be missing. */
const OLD_AFTER_DAYS = 90;

function renderStatic(): void {
  const t = TEXT[lang];
  document.documentElement.lang = lang;
  document.title = lang === 'id' ? 'Pemeriksa Sertifikat Bangkom' : 'Bangkom certificate verifier';
  $('title').textContent = t.title;
  $('subtitle').textContent = t.subtitle;
  const langButton = $('lang');
  langButton.textContent = t.langButton;
  langButton.setAttribute('lang', lang === 'id' ? 'en' : 'id');
  $('code-label').textContent = t.codeLabel;
  $('code-hint').textContent = t.codeHint;
  $('check').textContent = t.check;
  $('file-label').textContent = t.file;
  $('clear').textContent = t.clear;
  $('footer').textContent = t.footer;
  $('placeholder').textContent = t.placeholder;
  const from = $('trust-from');
  const age = $('trust-age');
  age.className = 'age';
  if (!payload) {
    from.textContent = t.trustBroken;
    age.textContent = '';
    return;
  }
  from.textContent = t.trustFrom(payload.officeName, payload.office, formatInstant(payload.createdAt));
  const days = daysSince(payload.createdAt);
  const counts = t.trustCounts(payload.trust.offices.length, payload.trust.revocations.length);
  if (days !== null && days > OLD_AFTER_DAYS) {
    age.className = 'age old';
    age.textContent = `${counts} ${t.ageOld(days)}`;
  } else {
    age.textContent = days === null ? counts : `${counts} ${t.age(days)}`;
  }
}

function readPayload(): VerifierPayload | null {
  try {
    const data = JSON.parse($('bangkom-trust').textContent ?? '') as Partial<VerifierPayload>;
    if (!data || data.format !== 1 || !data.trust || !Array.isArray(data.trust.offices) || !Array.isArray(data.trust.revocations)) return null;
    return data as VerifierPayload;
  } catch {
    return null;
  }
}

const NO_TRUST: TrustList = { offices: [], revocations: [] };

function verify(text: string): VerifyResult {
  return verifyCode(text, payload?.trust ?? NO_TRUST, nobleSignatureCheck);
}

/**
 * The code out of what the field holds: line breaks (a scanner's Enter, a paste ending in a
 * newline) and a byte-order mark cut; of several lines, the last that has text.
 */
export function codeOf(value: string): string {
  const lines = value.replace(/\uFEFF/g, '').split(/\r\n|\r|\n/).map((l) => l.replace(/^[\t ]+/, '').replace(/\t+$/, ''));
  const withText = lines.filter((l) => l.trim() !== '');
  return withText[withText.length - 1] ?? '';
}

function checkField(): void {
  const field = $('code') as HTMLTextAreaElement;
  const code = codeOf(field.value);
  if (code === '') return;
  field.value = code;
  show({ kind: 'result', result: verify(code), fileName: null });
  // The next scan replaces this code instead of being appended to it.
  field.focus();
  field.select();
}

async function decodeImage(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close: () => void }> {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(file);
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  }
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch (err) {
    URL.revokeObjectURL(url);
    throw err;
  }
  return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => URL.revokeObjectURL(url) };
}

/** The QR text in an image: first at a size jsQR reads fast, then larger for a small code. */
async function readQrFromFile(file: Blob): Promise<string | null> {
  const image = await decodeImage(file);
  try {
    const longest = Math.max(image.width, image.height);
    const tried = new Set<number>();
    for (const side of [1600, 3200]) {
      const scale = Math.min(1, side / longest);
      const width = Math.max(1, Math.round(image.width * scale));
      const height = Math.max(1, Math.round(image.height * scale));
      if (tried.has(width)) continue;
      tried.add(width);
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) return null;
      // A transparent PNG would read as black: white underneath, as on paper.
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, width, height);
      ctx.drawImage(image.source, 0, 0, width, height);
      const text = readQrFromRgba(ctx.getImageData(0, 0, width, height).data, width, height);
      if (text !== null) return text;
    }
    return null;
  } finally {
    image.close();
  }
}

async function checkFile(file: File): Promise<void> {
  // The field shows what the image holds, never an earlier code beside another image's result.
  ($('code') as HTMLTextAreaElement).value = '';
  show({ kind: 'busy' });
  // Let the browser paint "reading…" before the decoder takes the thread.
  await new Promise((resolve) => setTimeout(resolve, 20));
  let text: string | null;
  try {
    text = await readQrFromFile(file);
  } catch {
    show({ kind: 'image_error', fileName: file.name });
    return;
  }
  if (text === null) {
    show({ kind: 'no_qr', fileName: file.name });
  } else {
    ($('code') as HTMLTextAreaElement).value = text;
    show({ kind: 'result', result: verify(text), fileName: file.name });
  }
}

function start(): void {
  payload = readPayload();
  renderStatic();
  const field = $('code') as HTMLTextAreaElement;
  field.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      checkField();
    }
  });
  // A paste (or a scanner that sends its Enter as a character) brings a line break: check then.
  field.addEventListener('input', () => {
    if (/[\r\n]/.test(field.value)) checkField();
  });
  $('check').addEventListener('click', checkField);
  $('clear').addEventListener('click', () => {
    field.value = '';
    view = { kind: 'none' };
    render();
    field.focus();
  });
  const fileInput = $('file') as HTMLInputElement;
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void checkFile(file);
    fileInput.value = '';
  });
  $('lang').addEventListener('click', () => {
    lang = lang === 'id' ? 'en' : 'id';
    renderStatic();
    render();
    field.focus();
  });
  // An image dropped anywhere on the page, or pasted (a screenshot).
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) document.body.classList.remove('dragging');
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (file) void checkFile(file);
  });
  document.addEventListener('paste', (e) => {
    const file = e.clipboardData?.files[0];
    if (file && file.type.startsWith('image/')) {
      e.preventDefault();
      void checkFile(file);
    }
  });
  field.focus();
}

start();
