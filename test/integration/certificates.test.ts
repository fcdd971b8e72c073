// Certificates from the clerk's side, through the contract on a real database file: who may get
// one, issuing in one go, numbers, the frozen PDF (pdftotext, and its QR read back from a 150 dpi
// rendering), reprints byte for byte, revocation and correction, verification against the trust
// list, trust files between two offices, key rotation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN, addOperator, login, openTestBackend, removeTempDirs, setUpOffice, tempDir, type TestBackend } from '../helpers/backend.ts';
import { pdfPages, squash } from '../helpers/trainings.ts';
import { finishedEvent, qrOfPdfPage, type FinishedEvent } from '../helpers/certificates.ts';

let o: FinishedEvent;
let issued: { id: string; number: string; nip: string; name: string }[];

const sha = (b64: string) => createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex');

beforeAll(async () => {
  o = await finishedEvent({ people: 5, absent: 1 });
  await o.t.ok('certificates.updateSettings', { numberPattern: '800.2.4/{seq:3}/KEC-PLJ/{year}' }, o.token);
});
afterAll(() => {
  o.close();
  removeTempDirs();
});

describe('who gets a certificate', () => {
  it('lists participants who met the rule, and the others with why; speakers from the event', async () => {
    const c = await o.t.ok('certificates.candidates', { eventId: o.eventId }, o.token);
    expect(c.eventDone).toBe(true);
    expect(c.jp).toBeGreaterThan(0);
    expect(c.peserta.filter((p) => p.eligible)).toHaveLength(4);
    const absent = c.peserta.find((p) => !p.eligible)!;
    expect(absent.reasons).toEqual(['incomplete']);
    expect(c.narasumber.map((s) => s.name)).toEqual(['Dr. Rudi Hartono, M.Si.']);
  });

  it('before the last session is over nobody is eligible yet: "kegiatan belum selesai"', async () => {
    const early = await finishedEvent({ people: 2, absent: 0 });
    try {
      const event = await early.t.ok('events.create', { name: 'Pelatihan Mendatang', methodId: 8, competencyType: 'teknis', organiser: 'kantor' }, early.token);
      await early.t.ok('sessions.create', { eventId: event.id, date: '2026-12-20', start: '08:00', end: '12:00' }, early.token);
      await early.t.ok('enrolment.add', { eventId: event.id, employeeIds: [early.employees[0]!.id] }, early.token);
      const c = await early.t.ok('certificates.candidates', { eventId: event.id }, early.token);
      expect(c.peserta.map((p) => [p.eligible, p.reasons])).toEqual([[false, ['event_not_done']]]);
      const result = await early.t.ok('certificates.issue', { eventId: event.id, role: 'peserta' }, early.token);
      expect(result.issued).toEqual([]);
      expect(result.skipped.map((s) => s.reason)).toEqual(['event_not_done']);
    } finally {
      early.close();
    }
  });
});

describe('issuing', () => {
  it('"Terbitkan" issues every eligible participant in one go, numbered by the pattern, and skips the rest with why', async () => {
    const result = await o.t.ok('certificates.issue', { eventId: o.eventId, role: 'peserta' }, o.token);
    issued = result.issued;
    expect(issued).toHaveLength(4);
    expect(issued.map((i) => i.number)).toEqual(['001', '002', '003', '004'].map((s) => `800.2.4/${s}/KEC-PLJ/2026`));
    expect(result.skipped).toEqual([expect.objectContaining({ reason: 'incomplete' })]);
    const settings = await o.t.ok('certificates.settings', {}, o.token);
    expect(settings.nextNumber).toBe('800.2.4/005/KEC-PLJ/2026');
    // Journalled for the city, audited for people.
    expect(o.db.prepare("SELECT count(*) FROM change_journal WHERE entity = 'certificate' AND op = 'insert'").pluck().get()).toBe(4);
  });

  it('issuing again gives nobody a second certificate and takes no number', async () => {
    const again = await o.t.ok('certificates.issue', { eventId: o.eventId, role: 'peserta' }, o.token);
    expect(again.issued).toEqual([]);
    expect(again.skipped.filter((s) => s.reason === 'already_issued')).toHaveLength(4);
    expect((await o.t.ok('certificates.settings', {}, o.token)).nextNumber).toBe('800.2.4/005/KEC-PLJ/2026');
  });

  it('an operator cannot include someone who did not meet the rule; an admin can, with a reason that is audited', async () => {
    const absent = (await o.t.ok('certificates.candidates', { eventId: o.eventId }, o.token)).peserta.find((p) => !p.eligible)!;
    const operator = await addOperator(o.t, o.token);
    const refused = await o.t.fails('certificates.issue', { eventId: o.eventId, role: 'peserta', include: [{ enrolmentId: absent.key, reason: 'Sakit, tugas pengganti dikerjakan' }] }, 'FORBIDDEN', operator.token);
    expect(refused.message).toMatch(/admin/);
    const result = await o.t.ok('certificates.issue', { eventId: o.eventId, role: 'peserta', include: [{ enrolmentId: absent.key, reason: 'Sakit, tugas pengganti dikerjakan' }] }, o.token);
    expect(result.issued).toEqual([expect.objectContaining({ name: absent.name, number: '800.2.4/005/KEC-PLJ/2026' })]);
    const audit = o.db.prepare("SELECT details FROM audit_log WHERE action = 'certificate.included'").pluck().all() as string[];
    expect(audit.join()).toContain('Sakit, tugas pengganti dikerjakan');
    const row = (await o.t.ok('certificates.list', { eventId: o.eventId }, o.token)).find((c) => c.id === result.issued[0]!.id)!;
    expect(row.includedReason).toBe('Sakit, tugas pengganti dikerjakan');
  });

  it('speakers get theirs with the JP of their own sessions; committee members are picked from the roster', async () => {
    const speakers = await o.t.ok('certificates.issue', { eventId: o.eventId, role: 'narasumber' }, o.token);
    expect(speakers.issued.map((s) => s.name)).toEqual(['Dr. Rudi Hartono, M.Si.']);
    const committee = await o.t.ok('certificates.issue', { eventId: o.eventId, role: 'panitia', employeeIds: [o.employees[0]!.id], others: [{ name: 'Yuni Kartika', jabatan: 'Moderator' }] }, o.token);
    expect(committee.issued.map((s) => s.name)).toEqual([o.employees[0]!.displayName, 'Yuni Kartika']);
    // Asked again (the same member picked twice, the speakers once more): nobody gets a second one.
    const again = await o.t.ok('certificates.issue', { eventId: o.eventId, role: 'panitia', employeeIds: [o.employees[0]!.id, o.employees[0]!.id], others: [{ name: 'yuni  kartika' }] }, o.token);
    expect(again.issued).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual(['already_issued', 'already_issued', 'already_issued']);
    expect((await o.t.ok('certificates.issue', { eventId: o.eventId, role: 'narasumber' }, o.token)).issued).toEqual([]);
    // A moderator is committee, called by that name on the certificate; the signed role stays panitia.
    const moderator = await o.t.ok('certificates.issue', { eventId: o.eventId, role: 'panitia', others: [{ name: 'Rina Marlina, S.IP.' }], roleLabel: 'Moderator' }, o.token);
    const page = squash(pdfPages((await o.t.ok('certificates.pdf', { id: moderator.issued[0]!.id }, o.token)).dataBase64)[0]!);
    expect(page).toContain('sebagai Moderator pada');
    const { code } = await o.t.ok('certificates.get', { id: moderator.issued[0]!.id }, o.token);
    expect((await o.t.ok('certificates.verify', { text: code }, o.token)).certificate).toMatchObject({ role: 'panitia', name: 'Rina Marlina, S.IP.' });
    const rows = await o.t.ok('certificates.list', { eventId: o.eventId }, o.token);
    const speaker = rows.find((r) => r.role === 'narasumber')!;
    const participant = rows.find((r) => r.role === 'peserta')!;
    expect(speaker.jp).toBeLessThan(participant.jp);
  });
});

describe('the frozen PDF', () => {
  it('prints the certificate as issued: name, NIP, number, JP in figures and words, the QR line; its QR reads back at 150 dpi and verifies', async () => {
    const first = issued[0]!;
    const file = await o.t.ok('certificates.pdf', { id: first.id }, o.token);
    const pages = pdfPages(file.dataBase64);
    const text = squash(pages[0]!);
    expect(text).toContain(first.name);
    expect(text).toContain(first.number);
    expect(text).toMatch(/\d+ \([a-z ]+\) JP/);
    expect(text).toContain('Verifikasi: pindai kode QR');
    // Until a template is saved, the office's signer signs, by hand (no electronic wording).
    expect(text).toContain('Drs. H. Camat Plaju');
    expect(text).toContain('Camat Plaju');
    expect(text).not.toMatch(/ditandatangani secara elektronik/i);
    const code = qrOfPdfPage(file.dataBase64, 1, tempDir());
    expect(code).toMatch(/^BK1:/);
    const verdict = await o.t.ok('certificates.verify', { text: code! }, o.token);
    expect(verdict).toMatchObject({ status: 'valid', localId: first.id, certificate: { number: first.number, name: first.name, nip: first.nip } });
  });

  it('the longest names and titles still give a QR that reads back at 150 dpi', async () => {
    const event = await o.t.ok('events.create', { name: `Pelatihan Kepemimpinan Pengawas dan Penguatan Tata Kelola Pelayanan Administrasi Terpadu Kecamatan (PATEN) bagi Aparatur Kelurahan se-Kecamatan Plaju Tahun Anggaran 2026 Angkatan II`, methodId: 8, competencyType: 'manajerial', organiser: 'kantor' }, o.token);
    const longName = 'Prof. Dr. Ir. Hj. Raden Ayu Siti Nurhalizah Kusumawardhani Purbaningrum Sastrodiningrat, S.H., M.Hum., M.Si., Ph.D.';
    const result = await o.t.ok('certificates.issue', { eventId: event.id, role: 'panitia', others: [{ name: longName, nip: '198503122010012003', jabatan: 'Moderator' }] }, o.token);
    const detail = await o.t.ok('certificates.get', { id: result.issued[0]!.id }, o.token);
    expect(detail.code.length).toBeGreaterThan(600);
    const file = await o.t.ok('certificates.pdf', { id: detail.id }, o.token);
    expect(qrOfPdfPage(file.dataBase64, 1, tempDir())).toBe(detail.code);
  });

  it('a reprint is byte-identical: cut from the frozen document (its SHA-256 stored at issue), the cut recorded the first time and checked after', async () => {
    const before = (await o.t.ok('certificates.list', { eventId: o.eventId }, o.token)).find((c) => c.id === issued[1]!.id)!;
    const stored = o.db.prepare('SELECT d.pdf, d.sha256 FROM certificate_documents d JOIN certificates c ON c.document_id = d.id WHERE c.id = ?').get(issued[1]!.id) as { pdf: Buffer; sha256: string };
    expect(before.documentSha256).toBe(stored.sha256);
    expect(createHash('sha256').update(stored.pdf).digest('hex')).toBe(stored.sha256);
    const a = await o.t.ok('certificates.pdf', { id: issued[1]!.id }, o.token);
    const b = await o.t.ok('certificates.pdf', { id: issued[1]!.id }, o.token);
    expect(a.dataBase64).toBe(b.dataBase64);
    const row = (await o.t.ok('certificates.list', { eventId: o.eventId }, o.token)).find((c) => c.id === issued[1]!.id)!;
    expect(row.pdfSha256).toBe(sha(a.dataBase64));
  });

  it('a frozen document changed on disk is refused, not printed', async () => {
    const scratch = await finishedEvent({ people: 2, absent: 0 });
    try {
      const result = await scratch.t.ok('certificates.issue', { eventId: scratch.eventId, role: 'peserta' }, scratch.token);
      // Someone edits the stored PDF behind Bangkom's back (one byte of the document).
      scratch.t.backend.db.prepare("UPDATE certificate_documents SET pdf = CAST(replace(CAST(pdf AS TEXT), 'Roboto', 'Robota') AS BLOB)").run();
      const err = await scratch.t.fails('certificates.pdf', { id: result.issued[0]!.id }, 'DB_CORRUPT', scratch.token);
      expect(err.message).toMatch(/SHA-256/);
    } finally {
      scratch.close();
    }
  });

  it('a frozen certificate stays as issued when the template and the employee change afterwards', async () => {
    const before = await o.t.ok('certificates.pdf', { id: issued[2]!.id }, o.token);
    const settings = await o.t.ok('certificates.settings', {}, o.token);
    await o.t.ok('certificates.updateSettings', { template: { ...settings.templates.peserta, title: 'PIAGAM PENGHARGAAN' } }, o.token);
    const after = await o.t.ok('certificates.pdf', { id: issued[2]!.id }, o.token);
    expect(after.dataBase64).toBe(before.dataBase64);
    expect(squash(pdfPages(after.dataBase64)[0]!)).not.toContain('PIAGAM PENGHARGAAN');
    await o.t.ok('certificates.updateSettings', { template: settings.templates.peserta }, o.token);
  });

  it('the printer batch and the zip of one PDF per person ("NIP - Nama.pdf") come from a job', async () => {
    for (const format of ['pdf', 'zip'] as const) {
      const { jobId } = await o.t.ok('certificates.print', { eventId: o.eventId, format }, o.token);
      let job = await o.t.ok('jobs.get', { jobId }, o.token);
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, 20));
        job = await o.t.ok('jobs.get', { jobId }, o.token);
      }
      expect(job.state).toBe('done');
      const file = await o.t.ok('certificates.printed', { jobId }, o.token);
      const bytes = Buffer.from(file.dataBase64, 'base64');
      if (format === 'pdf') {
        expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdfPages(file.dataBase64).length).toBeGreaterThanOrEqual(8);
      } else {
        const { unzipSync } = await import('fflate');
        const names = Object.keys(unzipSync(new Uint8Array(bytes)));
        // A name's closing dot ("M.Si.") is not doubled before ".pdf" (nor left at a name's end, which Windows drops).
        expect(names).toContain(`${issued[1]!.nip} - ${issued[1]!.name.replace(/\.$/, '')}.pdf`);
        expect(names).toContain('Dr. Rudi Hartono, M.Si.pdf');
        expect(names.every((n) => /^(\d{18} - )?[^\\/:*?"<>|]+\.pdf$/.test(n))).toBe(true);
      }
    }
  });
});

describe('revoking and correcting', () => {
  it('a revoked certificate verifies as Dicabut with its date and reason', async () => {
    const target = issued[3]!;
    const { code } = await o.t.ok('certificates.get', { id: target.id }, o.token);
    const revoked = await o.t.ok('certificates.revoke', { id: target.id, reason: 'Diterbitkan ganda' }, o.token);
    expect(revoked).toMatchObject({ status: 'dicabut', revokeReason: 'Diterbitkan ganda', revokedOn: '2026-12-01' });
    const verdict = await o.t.ok('certificates.verify', { text: code }, o.token);
    expect(verdict).toMatchObject({ status: 'revoked', revocation: { reason: 'Diterbitkan ganda', revokedOn: '2026-12-01' } });
    await o.t.fails('certificates.revoke', { id: target.id, reason: 'lagi' }, 'CONFLICT', o.token);
  });

  it('a correction is a new certificate with a new number; the old one is revoked, pointing at it', async () => {
    const target = issued[0]!;
    const { code: oldCode } = await o.t.ok('certificates.get', { id: target.id }, o.token);
    const replacement = await o.t.ok('certificates.replace', { id: target.id, reason: 'Gelar salah tulis', name: `${target.name}, S.E.` }, o.token);
    expect(replacement.number).not.toBe(target.number);
    expect(replacement).toMatchObject({ status: 'sah', name: `${target.name}, S.E.`, replacesNumber: target.number });
    const old = (await o.t.ok('certificates.list', { query: target.number }, o.token)).find((c) => c.id === target.id)!;
    expect(old).toMatchObject({ status: 'dicabut', revokeReason: 'Gelar salah tulis', replacedByNumber: replacement.number });
    expect((await o.t.ok('certificates.verify', { text: oldCode }, o.token))).toMatchObject({ status: 'revoked', revocation: { replacedBy: replacement.number } });
    const { code: newCode } = await o.t.ok('certificates.get', { id: replacement.id }, o.token);
    expect((await o.t.ok('certificates.verify', { text: newCode }, o.token)).status).toBe('valid');
  });

  it('the number register shows every number: sah, dicabut with why, and numbers skipped for paper use', async () => {
    const next = Number(/\/(\d{3})\//.exec((await o.t.ok('certificates.settings', {}, o.token)).nextNumber)![1]);
    await o.t.ok('certificates.skipNumbers', { year: 2026, next: next + 10, reason: 'Nomor dipakai di buku register manual' }, o.token);
    const register = await o.t.ok('certificates.register', { year: 2026 }, o.token);
    expect(register.filter((r) => r.state === 'lewat').map((r) => r.seq)).toEqual(Array.from({ length: 10 }, (_, i) => next + i));
    expect(register.find((r) => r.state === 'lewat')?.detail).toBe('Nomor dipakai di buku register manual');
    expect(register.find((r) => r.state === 'dicabut')?.detail).toMatch(/Diterbitkan ganda|Gelar salah tulis/);
    const seqs = register.map((r) => r.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect((await o.t.ok('certificates.settings', {}, o.token)).nextNumber).toBe(`800.2.4/${String(next + 10).padStart(3, '0')}/KEC-PLJ/2026`);
    await o.t.fails('certificates.skipNumbers', { year: 2026, next: 5, reason: 'mundur' }, 'VALIDATION', o.token);
  });

  it('a number pattern without the year or with an unknown token is refused, naming the token', async () => {
    const e1 = await o.t.fails('certificates.updateSettings', { numberPattern: '800.2.4/{seq:3}/KEC-PLJ' }, 'VALIDATION', o.token);
    expect(JSON.stringify(e1)).toContain('{year}');
    const e2 = await o.t.fails('certificates.updateSettings', { numberPattern: '800.2.4/{nomor}/{seq}/{year}' }, 'VALIDATION', o.token);
    expect(JSON.stringify(e2)).toContain('{nomor}');
  });
});

describe('verification and trust between offices', () => {
  let other: TestBackend;
  let otherToken: string;
  let otherCode: string;
  beforeAll(async () => {
    other = openTestBackend();
    otherToken = await setUpOffice(other, { regionCode: '16.71.02', name: 'Kecamatan Seberang Ulu I' });
    const event = await other.ok('events.create', { name: 'Bimtek Arsip', methodId: 8, competencyType: 'teknis', organiser: 'kantor' }, otherToken);
    await other.ok('events.setStatus', { id: event.id, status: 'selesai' }, otherToken);
    const result = await other.ok('certificates.issue', { eventId: event.id, role: 'panitia', others: [{ name: 'Rahmat Hidayat' }] }, otherToken);
    otherCode = (await other.ok('certificates.get', { id: result.issued[0]!.id }, otherToken)).code;
  });
  afterAll(() => other.close());

  it('another office\'s certificate: Penerbit tidak dikenal, until its trust file is imported (after the fingerprint is confirmed)', async () => {
    expect((await o.t.ok('certificates.verify', { text: otherCode }, o.token)).status).toBe('unknown_issuer');
    const file = await other.ok('trust.export', {}, otherToken);
    const dry = await o.t.ok('trust.import', { fileName: file.fileName, dataBase64: file.dataBase64 }, o.token);
    const otherFingerprint = (await other.ok('certificates.settings', {}, otherToken)).keys[0]!.fingerprint;
    expect(dry).toMatchObject({ needsConfirmation: true, applied: false, signer: { office: '16.71.02', fingerprint: otherFingerprint } });
    expect((await o.t.ok('certificates.verify', { text: otherCode }, o.token)).status).toBe('unknown_issuer');
    const applied = await o.t.ok('trust.import', { fileName: file.fileName, dataBase64: file.dataBase64, confirm: true }, o.token);
    expect(applied.applied).toBe(true);
    expect(await o.t.ok('certificates.verify', { text: otherCode }, o.token)).toMatchObject({ status: 'valid', issuer: { code: '16.71.02' }, localId: null });
    // A later file from a key now trusted needs no fingerprint, but is still shown before it goes in.
    const again = await o.t.ok('trust.import', { fileName: file.fileName, dataBase64: file.dataBase64 }, o.token);
    expect(again).toMatchObject({ needsConfirmation: false, applied: false });
    expect((await o.t.ok('trust.import', { fileName: file.fileName, dataBase64: file.dataBase64, confirm: true }, o.token)).applied).toBe(true);
  });

  it('a trust file with a changed byte, of another kind, or not JSON imports nothing and says why', async () => {
    const before = o.db.prepare('SELECT count(*) FROM trusted_keys').pluck().get();
    const file = await other.ok('trust.export', {}, otherToken);
    const json = JSON.parse(Buffer.from(file.dataBase64, 'base64').toString()) as { payload: string; signature: string };
    const payload = JSON.parse(Buffer.from(json.payload, 'base64').toString()) as { offices: { name: string }[] };
    payload.offices[0]!.name = 'Kecamatan Palsu';
    const altered = { ...json, payload: Buffer.from(JSON.stringify(payload)).toString('base64') };
    for (const [bytes, reason] of [
      [JSON.stringify(altered), 'bad_signature'],
      [JSON.stringify({ format: 'bangkom-batch', version: 1 }), 'not_trust_file'],
      ['%PDF-1.7 not json', 'not_trust_file'],
    ] as const) {
      const err = await o.t.fails('trust.import', { fileName: 'x.json', dataBase64: Buffer.from(bytes).toString('base64'), confirm: true }, 'VALIDATION', o.token);
      expect(err.details?.reason).toBe(reason);
    }
    expect(o.db.prepare('SELECT count(*) FROM trusted_keys').pluck().get()).toBe(before);
  });

  it('a changed claim is Tidak sah; a code of another product or a cut scan is Bukan kode sertifikat, naming the step', async () => {
    const { code } = await o.t.ok('certificates.get', { id: issued[1]!.id }, o.token);
    const { inspectCode, encodeCertificateCode } = await import('../../shared/certificates/code.ts');
    const claims = inspectCode(code).certificate!;
    // Same layers, a changed name, the original signature: the signature no longer matches.
    const { generateOfficeKeyPair, ed25519Signer } = await import('../../electron/backend/certificates/crypto.ts');
    const forged = encodeCertificateCode({ ...claims, name: 'Orang Lain' }, { kid: new Uint8Array(Buffer.from((inspectCode(code).kid)!, 'base64')), alg: -8, sign: ed25519Signer(generateOfficeKeyPair().privateKey) });
    expect((await o.t.ok('certificates.verify', { text: forged }, o.token)).status).toBe('tampered');
    expect(await o.t.ok('certificates.verify', { text: 'HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N' }, o.token)).toMatchObject({ status: 'malformed', stage: 'prefix' });
    expect(await o.t.ok('certificates.verify', { text: code.slice(0, 60) }, o.token)).toMatchObject({ status: 'malformed' });
    expect(await o.t.ok('certificates.verify', { text: 'hello' }, o.token)).toMatchObject({ status: 'malformed', stage: 'prefix' });
    // Signed by a key this office never had, yet claiming to be this office's: forged, and no link to a local certificate.
    const stranger = generateOfficeKeyPair();
    const { kidBytesOf } = await import('../../shared/certificates/keys.ts');
    const foreign = encodeCertificateCode({ ...claims }, { kid: kidBytesOf(stranger.publicKey), alg: -8, sign: ed25519Signer(stranger.privateKey) });
    expect(await o.t.ok('certificates.verify', { text: foreign }, o.token)).toMatchObject({ status: 'tampered', localId: null });
    expect((await o.t.ok('certificates.verify', { text: forged }, o.token)).localId).toBeNull();
  });

  it('a key rotation keeps old certificates valid; new ones are signed by the new key', async () => {
    const { code: oldCode } = await o.t.ok('certificates.get', { id: issued[1]!.id }, o.token);
    const keys = await o.t.ok('trust.rotateKey', { reason: 'Jadwal penggantian kunci' }, o.token);
    expect(keys.map((k) => k.status)).toEqual(['retired', 'active']);
    expect((await o.t.ok('certificates.verify', { text: oldCode }, o.token)).status).toBe('valid');
    const fresh = await o.t.ok('certificates.issue', { eventId: o.eventId, role: 'panitia', others: [{ name: 'Dewi Lestari' }] }, o.token);
    const detail = await o.t.ok('certificates.get', { id: fresh.issued[0]!.id }, o.token);
    expect(detail.kid).toBe(keys[1]!.kid);
    // The other office, holding only the old key, learns the new one from the next trust file.
    const file = await o.t.ok('trust.export', {}, o.token);
    expect((await other.ok('certificates.verify', { text: detail.code }, otherToken)).status).toBe('unknown_issuer');
    await other.ok('trust.import', { fileName: file.fileName, dataBase64: file.dataBase64, confirm: true }, otherToken);
    expect((await other.ok('certificates.verify', { text: detail.code }, otherToken)).status).toBe('valid');
    expect((await other.ok('certificates.verify', { text: oldCode }, otherToken)).status).toBe('valid');
  });

  it('a trusted office cannot speak for another: a third office\'s key or revocations slipped into its file are left out', async () => {
    // Plaju (o) trusts Seberang Ulu I (other) from its own file. A third office, trusted by
    // Seberang Ulu I, passes on a combined list that also claims a new key "for Seberang Ulu I".
    const third = openTestBackend();
    try {
      const thirdToken = await setUpOffice(third, { regionCode: '16.71.05', name: 'Kecamatan Kertapati' });
      const otherFile = await other.ok('trust.export', {}, otherToken);
      await third.ok('trust.import', { fileName: 'x.json', dataBase64: otherFile.dataBase64, confirm: true }, thirdToken);
      // Seberang Ulu I's entry in Kertapati's database gets a forged key, then Kertapati exports.
      const { generateOfficeKeyPair } = await import('../../electron/backend/certificates/crypto.ts');
      const { kidOf } = await import('../../shared/certificates/keys.ts');
      const forged = generateOfficeKeyPair();
      third.backend.db.prepare(`INSERT INTO trusted_keys (kid, office_code, office_name, office_kind, alg, public_key, status, created_at, retired_at, imported_at, source)
        VALUES (?, '16.71.02', 'Kecamatan Seberang Ulu I', 'kecamatan', -8, ?, 'active', ?, NULL, ?, '16.71.02')`).run(kidOf(forged.publicKey), Buffer.from(forged.publicKey), '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
      const combined = await third.ok('trust.export', {}, thirdToken);
      const preview = await o.t.ok('trust.import', { fileName: 'kertapati.json', dataBase64: combined.dataBase64 }, o.token);
      expect(preview.offices.find((x) => x.code === '16.71.02')).toMatchObject({ refused: true });
      expect(preview.offices.find((x) => x.code === '16.71.05')).toMatchObject({ refused: false, newKeys: 1 });
      await o.t.ok('trust.import', { fileName: 'kertapati.json', dataBase64: combined.dataBase64, confirm: true }, o.token);
      expect(o.db.prepare('SELECT count(*) FROM trusted_keys WHERE kid = ?').pluck().get(kidOf(forged.publicKey))).toBe(0);
      expect(o.db.prepare("SELECT count(*) FROM trusted_keys WHERE office_code = '16.71.05'").pluck().get()).toBe(1);
    } finally {
      third.close();
    }
  });

  it('revocations travel in the trust file: the other office sees Dicabut too', async () => {
    const { code } = await o.t.ok('certificates.get', { id: issued[3]!.id }, o.token);
    expect((await other.ok('certificates.verify', { text: code }, otherToken))).toMatchObject({ status: 'revoked', revocation: { reason: 'Diterbitkan ganda' } });
  });
});

describe('the signing key stays on this PC', () => {
  it('a backup carries the public keys but no private key; restored elsewhere, a new key is made and old certificates still verify', async () => {
    const { code } = await o.t.ok('certificates.get', { id: issued[1]!.id }, o.token);
    const backup = await o.t.ok('backup.create', {}, o.token);
    const bytes = fs.readFileSync(backup.path);
    const keyDir = path.join(o.t.dataDir, 'keys');
    for (const file of fs.readdirSync(keyDir)) {
      // The PKCS#8 key's 32 secret bytes are its last 32.
      expect(bytes.includes(fs.readFileSync(path.join(keyDir, file)).subarray(-32))).toBe(false);
    }
    // The backup restored on another PC: a data folder with the database and no keys/.
    const elsewhere = tempDir();
    fs.copyFileSync(backup.path, path.join(elsewhere, 'bangkom.sqlite'));
    const moved = openTestBackend({ dataDir: elsewhere });
    try {
      const token = await login(moved, ADMIN.username, ADMIN.password);
      const before = (await moved.ok('certificates.settings', {}, token)).keys.filter((k) => k.status === 'active').map((k) => k.kid);
      const result = await moved.ok('certificates.issue', { eventId: o.eventId, role: 'panitia', others: [{ name: 'Petugas Baru' }] }, token);
      const detail = await moved.ok('certificates.get', { id: result.issued[0]!.id }, token);
      expect(detail.kid).not.toBe(before[0]);
      expect((await moved.ok('certificates.verify', { text: detail.code }, token)).status).toBe('valid');
      expect((await moved.ok('certificates.verify', { text: code }, token)).status).toBe('valid');
      const audit = moved.backend.db.prepare("SELECT details FROM audit_log WHERE action = 'trust.rotateKey' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
      expect(audit).toContain('tidak ada di folder data ini');
    } finally {
      moved.close();
    }
  });
});

describe('numbers after restoring an older backup', () => {
  it('numbers given out after the backup are not given again: the next certificate goes on, the gap says why', async () => {
    const scratch = await finishedEvent({ people: 2, absent: 0 });
    try {
      await scratch.t.ok('certificates.issue', { eventId: scratch.eventId, role: 'peserta' }, scratch.token);
      const backup = await scratch.t.ok('backup.create', {}, scratch.token);
      const later = await scratch.t.ok('certificates.issue', { eventId: scratch.eventId, role: 'panitia', others: [{ name: 'Setelah Cadangan' }] }, scratch.token);
      expect(later.issued[0]!.number).toBe('800.2.4/003/2026');
      await scratch.t.ok('backup.restore', { path: backup.path, confirm: true }, scratch.token);
      const token = await login(scratch.t, ADMIN.username, ADMIN.password);
      expect((await scratch.t.ok('certificates.settings', {}, token)).nextNumber).toBe('800.2.4/004/2026');
      const again = await scratch.t.ok('certificates.issue', { eventId: scratch.eventId, role: 'panitia', others: [{ name: 'Sesudah Pemulihan' }] }, token);
      expect(again.issued[0]!.number).toBe('800.2.4/004/2026');
      const register = await scratch.t.ok('certificates.register', { year: 2026 }, token);
      expect(register.find((r) => r.seq === 3)).toMatchObject({ state: 'lewat', detail: expect.stringContaining('dipulihkan dari cadangan') });
    } finally {
      scratch.close();
    }
  });
});

describe('signature and stamp pictures', () => {
  it('a damaged picture is refused naming the picture, not the logo', async () => {
    const err = await o.t.fails('certificates.setImage', { kind: 'stamp', mimeType: 'image/png', dataBase64: Buffer.from('not a png').toString('base64') }, 'VALIDATION', o.token);
    expect(err.details?.issues).toEqual([expect.objectContaining({ path: ['image'], message: 'validation.image_invalid' })]);
  });
});

describe('access', () => {
  it('an operator issues and verifies but may not revoke, correct, rotate keys or import trust files', async () => {
    const token = await login(o.t, 'siti', 'operator-plaju');
    const { code } = await o.t.ok('certificates.get', { id: issued[1]!.id }, token);
    expect((await o.t.ok('certificates.verify', { text: code }, token)).status).toBe('valid');
    await o.t.fails('certificates.revoke', { id: issued[1]!.id, reason: 'x' }, 'FORBIDDEN', token);
    await o.t.fails('certificates.replace', { id: issued[1]!.id, reason: 'x' }, 'FORBIDDEN', token);
    await o.t.fails('trust.rotateKey', { reason: 'x' }, 'FORBIDDEN', token);
    await o.t.fails('certificates.updateSettings', { numberPattern: '{seq}/{year}' }, 'FORBIDDEN', token);
    expect(ADMIN.username).toBe('admin');
  });
});
