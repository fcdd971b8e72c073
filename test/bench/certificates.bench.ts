import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPublicKey, verify } from 'node:crypto';
import QRCode from 'qrcode';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import { cliActor } from '../../electron/backend/services/context.ts';
import type { CertificatePage } from '../../shared/certificates/page.ts';
import { measure, measureInTurns, report, round } from './harness.ts';
import { rosterCsv } from './roster.bench.ts';
import { drawPlanned, planPages, sampleLogo } from './certificates-baseline.ts';

const ACTOR = cliActor('bench');

async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const { result } = await backend.call(method, input, { door: 'cli', actor: ACTOR });
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** An office of 500 people with its logo, on a clock after the trainings the bench makes. */
async function office500(): Promise<{ backend: Backend; dir: string; ids: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-bench-cert-'));
  const backend = createBackend({ dataDir: dir, now: () => new Date('2026-12-10T02:00:00Z') });
  await call(backend, 'office.setup', {
    regionCode: '16.71.14', name: 'Kecamatan Plaju', address: 'Jl. D.I. Panjaitan No. 1, Plaju, Palembang 30266', timezone: 'Asia/Jakarta',
    signer: { name: 'Drs. H. Ahmad Fauzi, M.Si.', nip: '19700101 199003 1 002', title: 'Camat Plaju' },
  });
  await call(backend, 'office.setLogo', { mimeType: 'image/png', dataBase64: sampleLogo().toString('base64') });
  await call(backend, 'roster.apply', { fileName: 'p.csv', dataBase64: Buffer.from(rosterCsv(500)).toString('base64') });
  const ids = backend.db.prepare('SELECT id FROM employees ORDER BY nip').pluck().all() as string[];
  return { backend, dir, ids };
}

/** A finished training that all 500 attended: ready to issue. */
async function finishedTraining(backend: Backend, ids: string[], n: number): Promise<string> {
  const event = await call<{ id: string }>(backend, 'events.create', { name: `Bimbingan Teknis Administrasi Kependudukan ${n}`, methodId: 8, competencyType: 'teknis', organiser: 'kantor', place: 'Aula Kantor Camat Plaju' });
  const session = await call<{ id: string }>(backend, 'sessions.create', { eventId: event.id, date: '2026-12-01', start: '08:00', end: '12:00', topic: 'Pelayanan KTP-el' });
  await call(backend, 'enrolment.add', { eventId: event.id, employeeIds: ids });
  await call(backend, 'attendance.markRest', { sessionId: session.id, status: 'hadir' });
  return event.id;
}

/**
 * certificates.batch_500: "Terbitkan" for 500 participants through the contract (who qualifies,
 * numbers, claims signed with Ed25519, QR codes, every page laid out and drawn into one PDF,
 * SHA-256, the document and 500 rows written in one transaction with journal and audit),
 * against a raw pdfkit program drawing the same 500 pages: every string and position already
 * known, each QR matrix made with the qrcode package and drawn as one vector path. In turns.
 * `draw_only_ms` is that raw drawing without the QR matrices, for where the time goes.
 */
export async function certificatesBatch500(): Promise<void> {
  const { backend, dir, ids } = await office500();
  const logo = new Uint8Array(sampleLogo());
  let n = 0;
  let lastEvent = '';
  const runs = 5;
  const own = async () => {
    const eventId = await finishedTraining(backend, ids, ++n);
    const start = performance.now();
    const result = await call<{ issued: unknown[] }>(backend, 'certificates.issue', { eventId, role: 'peserta' });
    const elapsed = performance.now() - start;
    if (result.issued.length !== 500) throw new Error(`issued ${result.issued.length}`);
    lastEvent = eventId;
    return elapsed;
  };
  await own();
  const pages = (backend.db.prepare('SELECT page FROM certificates WHERE event_id = ? ORDER BY seq').pluck().all(lastEvent) as string[]).map((p) => JSON.parse(p) as CertificatePage);
  const plan = planPages(pages, { logo });
  const qrOps = plan.flatMap((ops) => ops.filter((o) => o.op === 'qr'));
  if (qrOps.length !== 500) throw new Error(`qr ops ${qrOps.length}`);
  const createdAt = new Date('2026-12-10T02:00:00Z');
  const raw = (withQr: boolean) => async () => {
    const start = performance.now();
    if (withQr) {
      for (const [i, op] of qrOps.entries()) {
        const qr = QRCode.create([{ data: pages[i]!.code, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' });
        (op as { matrix: { size: number; modules: Uint8Array } }).matrix = { size: qr.modules.size, modules: qr.modules.data };
      }
    }
    const pdf = await drawPlanned(plan, { logo }, createdAt);
    if (pdf.length < 10_000) throw new Error('empty');
    return performance.now() - start;
  };
  const result = await measureInTurns(runs, { own, raw: raw(true), drawOnly: raw(false) }, 0);
  const size = (backend.db.prepare('SELECT length(pdf) FROM certificate_documents ORDER BY created_at DESC LIMIT 1').pluck().get() as number);
  report({ name: 'certificates.batch_500', median_ms: result.own, runs, baseline_ms: result.raw, ratio: round(result.own / result.raw), draw_only_ms: result.drawOnly, pdf_mb: round(size / 1048576) });
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * certificates.verify: one scanned code through the contract (decode base45/zlib/COSE/CBOR,
 * the trust list from the database, Ed25519, revocations), against node:crypto verifying the
 * same signature over the same bytes with a ready key.
 */
export async function certificatesVerify(): Promise<void> {
  const { backend, dir, ids } = await office500();
  const eventId = await finishedTraining(backend, ids.slice(0, 5), 1);
  const { issued } = await call<{ issued: { id: string }[] }>(backend, 'certificates.issue', { eventId, role: 'peserta' });
  const { code } = await call<{ code: string }>(backend, 'certificates.get', { id: issued[0]!.id });
  const key = backend.db.prepare("SELECT public_key FROM office_keys WHERE status = 'active'").pluck().get() as Buffer;
  const publicKey = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), key]), format: 'der', type: 'spki' });
  const { decodeChain } = await import('../../shared/certificates/code.ts');
  const { sigStructure } = await import('../../shared/certificates/cose.ts');
  const chain = decodeChain(code, ['BK1:']);
  if (!chain.ok) throw new Error('code does not decode');
  const signed = sigStructure(chain.cose.protectedBytes, chain.cose.payload);
  const signature = chain.cose.signature;
  const runs = 300;
  const verdict = await call<{ status: string }>(backend, 'certificates.verify', { text: code });
  if (verdict.status !== 'valid') throw new Error(verdict.status);
  const medianMs = await measure(runs, () => call(backend, 'certificates.verify', { text: code }), 20);
  const baselineMs = await measure(runs, () => verify(null, signed, publicKey, signature), 20);
  report({ name: 'certificates.verify', median_ms: medianMs, runs, baseline_ms: baselineMs, ratio: round(medianMs / baselineMs) });
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
