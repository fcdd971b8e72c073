// Outside training records entered one by one, as a clerk does on the form: JP from the
// method's rule, a contradicting JP refused unless a reason is given, dates that cannot be,
// the same training twice, a scanned certificate (and files that are not one), an admin's
// verification, the list's filters, and every write journalled and audited.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract/index.ts';
import { SCAN_MAX_BYTES } from '../../shared/contract/records.ts';
import { createI18n, errorText } from '../../shared/i18n/index.ts';
import { addOperator, count, removeTempDirs } from '../helpers/backend.ts';
import { auditAfter, journalAfter, lastSeq, trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';
import { b64, makeJpeg, makePng } from '../helpers/images.ts';

let o: TrainingOffice;
beforeEach(async () => { o = await trainingOffice({ people: 6 }); });
afterEach(() => o.close());
afterAll(() => removeTempDirs());

const tId = createI18n('id').t;
const tEn = createI18n('en').t;

/** An e-learning course on a national platform: two days, 5 hours of learning. */
function elearning(over: Partial<Input<'records.create'>> = {}): Input<'records.create'> {
  return {
    employeeId: o.employees[0]!.id, title: 'Literasi Digital bagi ASN', organiser: 'LAN RI (ASN Unggul)', methodId: 16,
    competencyType: 'teknis', startDate: '2026-03-02', endDate: '2026-03-03', hours: 5, ...over,
  };
}

const create = (input: Input<'records.create'>, token = o.token) => o.t.ok('records.create', input, token);
const records = () => count(o.db, 'SELECT count(*) AS n FROM training_records');
const scansDir = () => path.join(o.t.dataDir, 'scans');
const scanFiles = () => (fs.existsSync(scansDir()) ? fs.readdirSync(scansDir()) : []);
const issue = (e: { details?: { issues?: { path: (string | number)[]; message: string; params?: unknown }[] } }) => e.details?.issues?.[0];

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A Windows program: "MZ", then a DOS stub. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(200, 0x41)]);

describe('entering a record', () => {
  it('an e-learning course gets the JP of its rule: 5 hours over 2 days is 6 JP (at most 3 a day)', async () => {
    const r = await create(elearning());
    expect(r).toMatchObject({
      employeeId: o.employees[0]!.id, nip: o.employees[0]!.nip, name: o.employees[0]!.displayName, unit: o.employees[0]!.unit,
      title: 'Literasi Digital bagi ASN', methodId: 16, methodName: 'E-Learning', computedJp: 6, jp: 6, jpReason: '',
      certificateNumber: '', scan: null, source: 'manual', verified: false, verifiedAt: null, verifiedBy: null,
    });
    expect(await o.t.ok('records.get', { id: r.id }, o.token)).toEqual(r);
    // The ledger reads the table itself: the JP, the start date, live and unverified.
    expect(o.db.prepare('SELECT jp, computed_jp, start_date, deleted_at, verified_at, title_key FROM training_records WHERE id = ?').get(r.id))
      .toEqual({ jp: 6, computed_jp: 6, start_date: '2026-03-02', deleted_at: null, verified_at: null, title_key: 'literasidigitalbagiasn' });
  });

  it('a JP that contradicts the rule is refused without a reason, naming the rule\'s JP; accepted with one', async () => {
    const refused = await o.t.fails('records.create', elearning({ jp: 20 }), 'VALIDATION', o.token);
    expect(issue(refused)).toEqual({ path: ['jp'], message: 'records.jp_contradicts_rule', params: { computed: 6, method: 'E-Learning' } });
    expect(errorText(tId, refused)).toBe('JP: Menurut aturan E-Learning, JP-nya 6. Bila sertifikat menyebut JP lain, isi alasannya.');
    expect(errorText(tEn, refused)).toBe('JP: By the E-Learning rule the JP is 6. If the certificate states other JP, give the reason.');
    expect(records()).toBe(0);

    const r = await create(elearning({ jp: 20, jpReason: 'Sertifikat menyatakan 20 JP' }));
    expect(r).toMatchObject({ computedJp: 6, jp: 20, jpReason: 'Sertifikat menyatakan 20 JP' });
  });

  it('the JP entered is taken as it is where the rule has nothing to count from; with neither, JP is asked for', async () => {
    expect(await create(elearning({ hours: null, jp: 12 }))).toMatchObject({ computedJp: null, jp: 12 });
    const e = await o.t.fails('records.create', elearning({ title: 'Lain', hours: null }), 'VALIDATION', o.token);
    expect(issue(e)).toMatchObject({ path: ['jp'], message: 'records.jp_required' });
  });

  it('rules by the day and per activity need no hours: a two-day seminar is 8 JP, a benchmarking visit 10', async () => {
    expect((await create(elearning({ title: 'Seminar Pelayanan Publik', methodId: 9, hours: null }))).jp).toBe(8);
    expect((await create(elearning({ title: 'Patok Banding ke Kecamatan Ilir Barat', methodId: 20, hours: null }))).jp).toBe(10);
  });

  it('a date that cannot be, or an end before the start, is refused naming the field; nothing is written', async () => {
    const notReal = await o.t.fails('records.create', elearning({ startDate: '2026-02-30', endDate: '2026-03-01' }), 'VALIDATION', o.token);
    expect(issue(notReal)).toMatchObject({ path: ['startDate'], message: 'validation.date_not_real' });
    expect(errorText(tId, notReal)).toBe('Tanggal mulai: Tanggal 30 Februari 2026 tidak ada di kalender: bulan itu hanya sampai tanggal 28.');
    const month = await o.t.fails('records.create', elearning({ certificateDate: '2026-13-01' }), 'VALIDATION', o.token);
    expect(issue(month)).toMatchObject({ path: ['certificateDate'] });
    const order = await o.t.fails('records.create', elearning({ endDate: '2026-03-01' }), 'VALIDATION', o.token);
    expect(issue(order)).toMatchObject({ path: ['endDate'], message: 'validation.end_before_start' });
    expect(records()).toBe(0);
  });

  it('the person must be on the roster: unknown and removed people are refused on the employee field', async () => {
    const unknown = await o.t.fails('records.create', elearning({ employeeId: '0190b4c8-0000-7000-8000-000000000000' }), 'VALIDATION', o.token);
    expect(issue(unknown)).toMatchObject({ path: ['employeeId'], message: 'employee.unknown' });
    const gone = o.employees[5]!;
    await o.t.ok('employees.remove', { id: gone.id }, o.token);
    const removed = await o.t.fails('records.create', elearning({ employeeId: gone.id }), 'VALIDATION', o.token);
    expect(issue(removed)).toMatchObject({ path: ['employeeId'], message: 'records.employee_removed', params: { name: gone.name } });
    expect(records()).toBe(0);
  });

  it('is journalled and audited as a training record, by the clerk who entered it', async () => {
    const journal = lastSeq(o.db);
    const audit = lastSeq(o.db, 'audit_log');
    const r = await create(elearning({ certificateNumber: 'LAN-2026-000123' }));
    expect(journalAfter(o.db, journal).map((j) => [j.entity, j.entity_id, j.op])).toEqual([['training_record', r.id, 'insert']]);
    const [row] = auditAfter(o.db, audit);
    expect(row).toMatchObject({ action: 'training_record.insert', entity: 'training_record', entity_id: r.id, username: 'admin' });
    expect(JSON.parse(row!.details!)).toMatchObject({ title: [null, 'Literasi Digital bagi ASN'], jp: [null, 6], certificateNumber: [null, 'LAN-2026-000123'] });
  });
});

describe('the same training twice is flagged, not doubled', () => {
  it('same person, title (however written) and dates: CONFLICT naming the record already there', async () => {
    const first = await create(elearning());
    const again = await o.t.fails('records.create', elearning({ title: '  literasi digital BAGI asn. ', organiser: 'Lain' }), 'CONFLICT', o.token);
    const who = o.employees[0]!;
    expect(again.details).toMatchObject({ field: 'title', existingId: first.id, nip: who.nip, name: who.displayName, title: first.title, startDate: '2026-03-02', messageKey: 'records.duplicate' });
    expect(errorText(tId, again)).toBe(`Pelatihan ini sudah tercatat untuk ${who.displayName} (NIP ${again.details!.nipText as string}): "Literasi Digital bagi ASN", mulai 2 Maret 2026. Pelatihan yang sama tidak dicatat dua kali.`);
    expect(again.message).toBe(errorText(tId, again));
    expect(records()).toBe(1);
    // Another person, or other dates, is another training.
    await create(elearning({ employeeId: o.employees[1]!.id }));
    await create(elearning({ startDate: '2026-04-06', endDate: '2026-04-07' }));
    expect(records()).toBe(3);
  });

  it('the same certificate number on anyone\'s live record: CONFLICT on the certificate number', async () => {
    const first = await create(elearning({ certificateNumber: 'B-123/BPSDM/2026' }));
    const other = await o.t.fails('records.create', elearning({ employeeId: o.employees[2]!.id, title: 'Kursus Lain', certificateNumber: ' B-123/BPSDM/2026 ' }), 'CONFLICT', o.token);
    expect(other.details).toMatchObject({ field: 'certificateNumber', existingId: first.id, messageKey: 'records.duplicate_certificate', name: o.employees[0]!.displayName });
    expect(errorText(tEn, other)).toMatch(/^Certificate number B-123\/BPSDM\/2026 is already recorded on "Literasi Digital bagi ASN" of /);
    // A removed record no longer holds its number.
    await o.t.ok('records.remove', { id: first.id }, o.token);
    await create(elearning({ employeeId: o.employees[2]!.id, title: 'Kursus Lain', certificateNumber: 'B-123/BPSDM/2026' }));
  });

  it('an edit that would make a record repeat another is refused too; saving a record unchanged is not', async () => {
    const a = await create(elearning());
    const b = await create(elearning({ title: 'Manajemen ASN' }));
    const { id: _id, createdAt: _c, updatedAt: _u, updatedBy: _b, origin: _o, nip: _n, name: _m, unitId: _ui, unit: _un, methodName: _mn, computedJp: _cj,
      scan: _s, source: _so, verified: _v, verifiedAt: _va, verifiedBy: _vb, certificateDate, ...fields } = b;
    await o.t.fails('records.update', { id: b.id, ...fields, certificateDate, title: a.title }, 'CONFLICT', o.token);
    const journal = lastSeq(o.db);
    expect(await o.t.ok('records.update', { id: b.id, ...fields, certificateDate }, o.token)).toEqual(b);
    expect(journalAfter(o.db, journal)).toEqual([]);
  });
});

describe('verification', () => {
  it('only an admin verifies; an operator is FORBIDDEN; a later edit takes the verification away', async () => {
    const r = await create(elearning());
    const operator = await addOperator(o.t, o.token);
    await o.t.fails('records.verify', { id: r.id, verified: true }, 'FORBIDDEN', operator.token);
    expect(o.db.prepare('SELECT verified_at FROM training_records WHERE id = ?').pluck().get(r.id)).toBeNull();

    const checked = await o.t.ok('records.verify', { id: r.id, verified: true }, o.token);
    expect(checked).toMatchObject({ verified: true, verifiedAt: o.clock.iso(), verifiedBy: 'admin' });
    // The operator may still correct the record; the check then no longer holds.
    const edited = await o.t.ok('records.update', {
      id: r.id, employeeId: r.employeeId, title: r.title, organiser: r.organiser, methodId: 16, competencyType: 'teknis',
      startDate: r.startDate, endDate: r.endDate, hours: 6,
    }, operator.token);
    expect(edited).toMatchObject({ jp: 6, hours: 6, verified: false, verifiedAt: null, verifiedBy: null });
    await o.t.ok('records.verify', { id: r.id, verified: true }, o.token);
    expect(await o.t.ok('records.verify', { id: r.id, verified: false }, o.token)).toMatchObject({ verified: false, verifiedAt: null });
  });
});

describe('removal', () => {
  it('is a soft delete, journalled; the record is gone from the list and from get', async () => {
    const r = await create(elearning());
    const journal = lastSeq(o.db);
    expect(await o.t.ok('records.remove', { id: r.id }, o.token)).toEqual({ ok: true });
    expect(journalAfter(o.db, journal).map((j) => [j.entity, j.op])).toEqual([['training_record', 'delete']]);
    expect(o.db.prepare('SELECT deleted_at FROM training_records WHERE id = ?').pluck().get(r.id)).toBe(o.clock.iso());
    expect(await o.t.ok('records.list', {}, o.token)).toEqual([]);
    const missing = await o.t.fails('records.get', { id: r.id }, 'NOT_FOUND', o.token);
    expect(errorText(tId, missing)).toBe('Catatan pelatihan tidak ditemukan.');
  });
});

describe('the person behind a record', () => {
  it('cannot be removed from the roster while a live outside record is theirs', async () => {
    const person = o.employees[4]!;
    const r = await create(elearning({ employeeId: person.id }));
    const refused = await o.t.fails('employees.remove', { id: person.id }, 'VALIDATION', o.token);
    expect(refused.details?.issues?.[0]).toMatchObject({ path: ['id'], message: 'employee.has_records', params: { name: person.name } });
    await o.t.ok('records.remove', { id: r.id }, o.token);
    await o.t.ok('employees.remove', { id: person.id }, o.token);
  });
});

describe('scanned certificates', () => {
  it('a PDF and a PNG are accepted, stored once by their SHA-256, and given back as they were', async () => {
    const withPdf = await create(elearning({ scan: { fileName: 'C:\\Users\\siti\\Sertifikat Literasi.pdf', dataBase64: b64(PDF) } }));
    expect(withPdf.scan).toMatchObject({ fileName: 'Sertifikat Literasi.pdf', mimeType: 'application/pdf', size: PDF.length });
    expect(scanFiles()).toEqual([`${withPdf.scan!.sha256}.pdf`]);
    const back = await o.t.ok('records.scan', { id: withPdf.id }, o.token);
    expect(back).toEqual({ fileName: 'Sertifikat-Literasi.pdf', mimeType: 'application/pdf', dataBase64: b64(PDF) });

    const png = makePng();
    const other = await create(elearning({ title: 'Kursus Lain' }));
    const attached = await o.t.ok('records.attachScan', { id: other.id, fileName: 'foto sertifikat.jpg', dataBase64: b64(png) }, o.token);
    // The content decides, not the name: a PNG named .jpg is a PNG.
    expect(attached.scan).toMatchObject({ mimeType: 'image/png', size: png.length });
    expect((await o.t.ok('records.scan', { id: other.id }, o.token)).fileName).toBe('foto-sertifikat.png');
    // The same PDF on a third record is not stored again.
    const third = await create(elearning({ title: 'Kursus Ketiga', scan: { fileName: 'lagi.pdf', dataBase64: b64(PDF) } }));
    expect(third.scan!.sha256).toBe(withPdf.scan!.sha256);
    expect(scanFiles().sort()).toEqual([`${withPdf.scan!.sha256}.pdf`, `${attached.scan!.sha256}.png`].sort());
    expect(await o.t.ok('records.attachScan', { id: other.id, fileName: 'x.jpg', dataBase64: b64(makeJpeg()) }, o.token)).toMatchObject({ scan: { mimeType: 'image/jpeg' } });
  });

  it('an .exe renamed .pdf, an empty file and a file over the limit are refused on the scan field, with nothing written', async () => {
    const before = { records: records(), journal: lastSeq(o.db), audit: lastSeq(o.db, 'audit_log') };
    const exe = await o.t.fails('records.create', elearning({ scan: { fileName: 'sertifikat.pdf', dataBase64: b64(EXE) } }), 'VALIDATION', o.token);
    expect(issue(exe)).toMatchObject({ path: ['scan'], message: 'records.scan_not_allowed' });
    expect(errorText(tId, exe)).toMatch(/^Pindaian sertifikat: Pindaian harus berkas PDF, JPG, atau PNG/);
    const empty = await o.t.fails('records.create', elearning({ scan: { fileName: 'kosong.pdf', dataBase64: '' } }), 'VALIDATION', o.token);
    expect(issue(empty)).toMatchObject({ path: ['scan', 'dataBase64'], message: 'import.empty' });
    const tooBig = Buffer.concat([PDF, Buffer.alloc(SCAN_MAX_BYTES + 1 - PDF.length, 0x20)]);
    const big = await o.t.fails('records.create', elearning({ scan: { fileName: 'besar.pdf', dataBase64: b64(tooBig) } }), 'VALIDATION', o.token);
    expect(issue(big)).toMatchObject({ path: ['scan'], message: 'records.scan_too_large', params: { maxMb: 5 } });
    const huge = await o.t.fails('records.create', elearning({ scan: { fileName: 'besar.pdf', dataBase64: b64(Buffer.concat([tooBig, Buffer.alloc(1 << 20)])) } }), 'VALIDATION', o.token);
    expect(issue(huge)).toMatchObject({ message: 'records.scan_too_large' });
    expect({ records: records(), journal: lastSeq(o.db), audit: lastSeq(o.db, 'audit_log') }).toEqual(before);
    expect(scanFiles()).toEqual([]);

    const r = await create(elearning());
    await o.t.fails('records.attachScan', { id: r.id, fileName: 'setup.pdf', dataBase64: b64(EXE) }, 'VALIDATION', o.token);
    expect((await o.t.ok('records.get', { id: r.id }, o.token)).scan).toBeNull();
    expect(scanFiles()).toEqual([]);
  });

  it('a scan stored for a record that is then refused as a duplicate is taken away again', async () => {
    await create(elearning());
    await o.t.fails('records.create', elearning({ scan: { fileName: 's.pdf', dataBase64: b64(PDF) } }), 'CONFLICT', o.token);
    expect(scanFiles()).toEqual([]);
  });

  it('another scan, or none, takes the verification away (the admin checked the record against the scan it had); a scan missing from the folder is told plainly', async () => {
    const r = await create(elearning({ scan: { fileName: 's.pdf', dataBase64: b64(PDF) } }));
    await o.t.ok('records.verify', { id: r.id, verified: true }, o.token);
    expect(await o.t.ok('records.attachScan', { id: r.id, fileName: 'lain.png', dataBase64: b64(makePng()) }, o.token)).toMatchObject({ verified: false, verifiedAt: null });
    await o.t.ok('records.verify', { id: r.id, verified: true }, o.token);
    expect(await o.t.ok('records.removeScan', { id: r.id }, o.token)).toMatchObject({ scan: null, verified: false, verifiedBy: null });
    expect(errorText(tId, await o.t.fails('records.scan', { id: r.id }, 'NOT_FOUND', o.token))).toBe('Catatan pelatihan ini tidak memiliki pindaian sertifikat.');

    const moved = await create(elearning({ title: 'Kursus Pindahan', scan: { fileName: 's.pdf', dataBase64: b64(PDF) } }));
    fs.rmSync(path.join(scansDir(), `${moved.scan!.sha256}.pdf`));
    const missing = await o.t.fails('records.scan', { id: moved.id }, 'NOT_FOUND', o.token);
    expect(errorText(tId, missing)).toMatch(/^Berkas pindaian sertifikat tidak ada di folder data ini/);
    // Uploading the same file again puts it back, and a damaged copy is replaced the same way.
    await o.t.ok('records.attachScan', { id: moved.id, fileName: 's.pdf', dataBase64: b64(PDF) }, o.token);
    expect(Buffer.from((await o.t.ok('records.scan', { id: moved.id }, o.token)).dataBase64, 'base64')).toEqual(PDF);
    const stored = path.join(scansDir(), `${moved.scan!.sha256}.pdf`);
    fs.writeFileSync(stored, Buffer.alloc(PDF.length, 0x20));
    await o.t.fails('records.scan', { id: moved.id }, 'NOT_FOUND', o.token);
    await o.t.ok('records.attachScan', { id: moved.id, fileName: 's.pdf', dataBase64: b64(PDF) }, o.token);
    expect(fs.readFileSync(stored)).toEqual(PDF);
  });
});

describe('the list', () => {
  it('filters by year, person, unit, verification and a fragment of title, organiser, name or NIP; newest first', async () => {
    const [a, b, c] = o.employees;
    const r1 = await create(elearning({ employeeId: a!.id }));
    const r2 = await create(elearning({ employeeId: b!.id, title: 'Webinar Kearsipan', methodId: 9, hours: null, organiser: 'ANRI', startDate: '2026-08-10', endDate: '2026-08-10' }));
    const r3 = await create(elearning({ employeeId: c!.id, title: 'E-Learning Pengadaan', startDate: '2025-11-03', endDate: '2025-11-04' }));
    await o.t.ok('records.verify', { id: r2.id, verified: true }, o.token);
    const ids = async (filter: Record<string, unknown>) => (await o.t.ok('records.list', filter, o.token)).map((r) => r.id);

    expect(await ids({})).toEqual([r2.id, r1.id, r3.id]);
    expect(await ids({ year: 2026 })).toEqual([r2.id, r1.id]);
    expect(await ids({ year: 2025 })).toEqual([r3.id]);
    expect(await ids({ employeeId: b!.id })).toEqual([r2.id]);
    expect(await ids({ unitId: a!.unitId })).toEqual([r1.id]);
    expect(await ids({ verified: 'verified' })).toEqual([r2.id]);
    expect(await ids({ verified: 'unverified' })).toEqual([r1.id, r3.id]);
    expect(await ids({ search: 'kearsip' })).toEqual([r2.id]);
    expect(await ids({ search: 'anri' })).toEqual([r2.id]);
    expect(await ids({ search: 'e-learning' })).toEqual([r3.id]);
    expect(await ids({ search: c!.name.split(' ')[0]! + ' ' + c!.name.split(' ')[1]! })).toEqual([r3.id]);
    expect(await ids({ search: a!.nip.slice(0, 12) })).toEqual([r1.id]);
  });
});
