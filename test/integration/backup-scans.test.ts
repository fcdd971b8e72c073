// Backups carry the scanned certificates of outside training records: a backup saved to a USB
// stick and restored on another PC brings the scans back with the records (removed records'
// scans too), a damaged scan file is left out and said so, a hand-made copy of bangkom.sqlite
// still restores, a backup naming a file outside the scans folder is refused with nothing
// written, and the restored database holds only the office's own tables.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract/index.ts';
import { createI18n, errorText } from '../../shared/i18n/index.ts';
import { appendChecksum, TRAILER_SIZE } from '../../electron/backend/backup/checksum.ts';
import { ADMIN, dbFile, login, openTestBackend, removeTempDirs, tempDir, type TestBackend } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { b64, makeJpeg, makePng } from '../helpers/images.ts';
import { trainingOffice, type TrainingOffice } from '../helpers/trainings.ts';

afterEach(() => removeTempDirs());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = makePng(24, 24);
const JPEG = makeJpeg(20, 20);
const hash = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');
const scansDir = (dataDir: string) => path.join(dataDir, 'scans');
const scanFiles = (dataDir: string) => (fs.existsSync(scansDir(dataDir)) ? fs.readdirSync(scansDir(dataDir)).sort() : []);

function course(o: TrainingOffice, title: string, employee = 0): Input<'records.create'> {
  return {
    employeeId: o.employees[employee]!.id, title, organiser: 'LAN RI (ASN Unggul)', methodId: 16,
    competencyType: 'teknis', startDate: '2026-03-02', endDate: '2026-03-03', hours: 5,
  };
}

/**
 * Plaju with three outside records with scans: a PDF given with the record, a PNG attached
 * later, and a JPEG on a record that was then removed.
 */
async function officeWithScans() {
  const o = await trainingOffice({ people: 4 });
  const pdf = await o.t.ok('records.create', { ...course(o, 'Literasi Digital bagi ASN'), scan: { fileName: 'Sertifikat Literasi.pdf', dataBase64: b64(PDF) } }, o.token);
  const plain = await o.t.ok('records.create', course(o, 'Manajemen ASN', 1), o.token);
  const png = await o.t.ok('records.attachScan', { id: plain.id, fileName: 'foto-sertifikat.png', dataBase64: b64(PNG) }, o.token);
  const removed = await o.t.ok('records.create', { ...course(o, 'Kursus Dihapus', 2), scan: { fileName: 'hapus.jpg', dataBase64: b64(JPEG) } }, o.token);
  await o.t.ok('records.remove', { id: removed.id }, o.token);
  expect(scanFiles(o.t.dataDir)).toEqual([`${hash(PDF)}.pdf`, `${hash(PNG)}.png`, `${hash(JPEG)}.jpg`].sort());
  return { o, pdf, png, removed };
}

/** The tables of a data folder's database: the office's own, nothing of a backup's. */
function tables(dataDir: string): string[] {
  const db = new Database(dbFile(dataDir), { readonly: true });
  try {
    return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  } finally {
    db.close();
  }
}

async function scanBytes(t: TestBackend, token: string, id: string): Promise<Buffer> {
  return Buffer.from((await t.ok('records.scan', { id }, token)).dataBase64, 'base64');
}

/** A folder with no office: the CLI reads a backup there without making a daily backup of its own. */
async function verifyText(file: string): Promise<string> {
  const run = await captureCli(['--data', tempDir(), 'backup', 'verify', file]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

describe('backups carry the scanned certificates', () => {
  it('a backup saved to USB and restored on another PC brings every scan back, the removed record\'s too', async () => {
    const { o, pdf, png, removed } = await officeWithScans();
    const officeTables = tables(o.t.dataDir);
    const usb = tempDir('bangkom-usb-');
    const saved = await o.t.ok('backup.saveTo', { folder: usb }, o.token);
    const made = (await o.t.ok('backup.list', {}, o.token)).backups[0]!;
    expect(made).toMatchObject({ fileName: saved.fileName, formatVersion: 2, counts: { people: 4, scans: 3 } });
    expect(made.counts.scansSkipped).toBeUndefined();
    o.close();

    expect(await verifyText(saved.path)).toMatch(/^ {2}isi: {4}4 pegawai, 0 kegiatan, 0 tanda hadir, 1 akun, 3 pindaian sertifikat$/m);

    // Another PC: a fresh data folder, no office, no scans.
    const pc = openTestBackend();
    const inspected = await pc.ok('backup.inspect', { path: saved.path }, null);
    expect(inspected).toMatchObject({ ok: true, info: { counts: { scans: 3 } }, current: { officeCode: null } });
    expect(inspected.current.counts.scans).toBeUndefined();
    const done = await pc.ok('backup.restore', { path: saved.path, confirm: true }, null);
    expect(done.after).toMatchObject({ officeCode: '16.71.14', counts: { people: 4, scans: 3 } });

    const token = await login(pc, ADMIN.username, ADMIN.password);
    expect(await scanBytes(pc, token, pdf.id)).toEqual(PDF);
    expect(await scanBytes(pc, token, png.id)).toEqual(PNG);
    expect((await pc.ok('records.scan', { id: png.id }, token)).fileName).toBe('foto-sertifikat.png');
    // The removed record keeps its scan in the folder, ready for when it is brought back.
    expect(fs.readFileSync(path.join(scansDir(pc.dataDir), `${hash(JPEG)}.jpg`))).toEqual(JPEG);
    expect(pc.backend.db.prepare('SELECT scan_sha256 FROM training_records WHERE id = ?').pluck().get(removed.id)).toBe(hash(JPEG));

    // Exactly the office's tables; no temporary copy or staged scan left in the data folder.
    expect(tables(pc.dataDir)).toEqual(officeTables);
    expect(tables(pc.dataDir)).not.toContain('backup_files');
    expect(fs.readdirSync(pc.dataDir).filter((n) => n.startsWith('.'))).toEqual([]);
    pc.close();
  });

  it('a restore on the same PC puts back a scan damaged since, and leaves intact ones as they are', async () => {
    const { o, pdf, png } = await officeWithScans();
    const made = await o.t.ok('backup.create', {}, o.token);
    const pngFile = path.join(scansDir(o.t.dataDir), `${hash(PNG)}.png`);
    const pdfFile = path.join(scansDir(o.t.dataDir), `${hash(PDF)}.pdf`);
    const pdfInode = fs.statSync(pdfFile).ino;
    const broken = Buffer.from(PNG);
    broken[broken.length - 20]! ^= 0xff;
    fs.writeFileSync(pngFile, broken);
    await o.t.fails('records.scan', { id: png.id }, 'NOT_FOUND', o.token);
    o.db.close(); // the test's own reader would hold the WAL open

    await o.t.ok('backup.restore', { path: made.path, confirm: true }, o.token);
    const token = await login(o.t, ADMIN.username, ADMIN.password);
    expect(await scanBytes(o.t, token, png.id)).toEqual(PNG);
    expect(await scanBytes(o.t, token, pdf.id)).toEqual(PDF);
    expect(fs.statSync(pdfFile).ino).toBe(pdfInode);
    o.t.close();
  });

  it('a damaged scan file is left out of the backup and said so; the others travel', async () => {
    const { o, pdf, png } = await officeWithScans();
    const pdfFile = path.join(scansDir(o.t.dataDir), `${hash(PDF)}.pdf`);
    fs.writeFileSync(pdfFile, Buffer.from(PDF.toString('latin1').replace('Catalog', 'Katalog'), 'latin1'));
    const made = await o.t.ok('backup.create', {}, o.token);
    expect(made.counts).toMatchObject({ scans: 2, scansSkipped: 1 });
    o.close();
    expect(await verifyText(made.path)).toContain(', 2 pindaian sertifikat (1 pindaian tidak ikut: hilang atau rusak di folder data)');

    const pc = openTestBackend();
    await pc.ok('backup.restore', { path: made.path, confirm: true }, null);
    const token = await login(pc, ADMIN.username, ADMIN.password);
    expect(await scanBytes(pc, token, png.id)).toEqual(PNG);
    const missing = await pc.fails('records.scan', { id: pdf.id }, 'NOT_FOUND', token);
    expect(errorText(createI18n('id').t, missing)).toMatch(/^Berkas pindaian sertifikat tidak ada di folder data ini/);
    expect(scanFiles(pc.dataDir)).toEqual([`${hash(PNG)}.png`, `${hash(JPEG)}.jpg`].sort());
    pc.close();
  });

  it('a plain copy of bangkom.sqlite still restores (its scans stay behind), with no table of its own left', async () => {
    const { o, pdf } = await officeWithScans();
    const officeTables = tables(o.t.dataDir);
    o.t.backend.db.pragma('wal_checkpoint(TRUNCATE)');
    const copy = path.join(tempDir('bangkom-usb-'), 'bangkom.sqlite');
    fs.copyFileSync(dbFile(o.t.dataDir), copy);
    o.close();

    const pc = openTestBackend();
    const inspected = await pc.ok('backup.inspect', { path: copy }, null);
    expect(inspected).toMatchObject({ ok: true, info: { kind: 'salinan', counts: { people: 4 } } });
    expect(inspected.info!.counts.scans).toBeUndefined();
    const done = await pc.ok('backup.restore', { path: copy, confirm: true }, null);
    expect(done.after.counts).toEqual({ people: 4, events: 0, attendanceMarks: 0, accounts: 1 });
    const token = await login(pc, ADMIN.username, ADMIN.password);
    expect((await pc.ok('records.get', { id: pdf.id }, token)).scan).toMatchObject({ sha256: hash(PDF) });
    const missing = await pc.fails('records.scan', { id: pdf.id }, 'NOT_FOUND', token);
    expect(errorText(createI18n('id').t, missing)).toMatch(/^Berkas pindaian sertifikat tidak ada di folder data ini/);
    expect(scanFiles(pc.dataDir)).toEqual([]);
    expect(tables(pc.dataDir)).toEqual(officeTables);
    pc.close();
  });

  it('`bangkom backup restore` over a database too damaged to open brings the scans back too', async () => {
    const { o, png } = await officeWithScans();
    const made = await o.t.ok('backup.create', {}, o.token);
    const dataDir = o.t.dataDir;
    o.close();
    // The disk went bad: the live database broken (the header of page 4) and the scans lost.
    const live = dbFile(dataDir);
    const bytes = fs.readFileSync(live);
    bytes.fill(0x7f, bytes.readUInt16BE(16) * 3, bytes.readUInt16BE(16) * 3 + 64);
    fs.writeFileSync(live, bytes);
    fs.rmSync(scansDir(dataDir), { recursive: true });
    expect((await captureCli(['--data', dataDir, 'employees', 'list'])).code).toBe(1);

    const restored = await captureCli(['--data', dataDir, 'backup', 'restore', made.path, '--yes']);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/^ {2}sesudah: 4 pegawai, 0 kegiatan, 0 tanda hadir, 1 akun, 3 pindaian sertifikat$/m);
    expect(scanFiles(dataDir)).toEqual([`${hash(PDF)}.pdf`, `${hash(PNG)}.png`, `${hash(JPEG)}.jpg`].sort());
    const t = openTestBackend({ dataDir });
    expect(await scanBytes(t, await login(t, ADMIN.username, ADMIN.password), png.id)).toEqual(PNG);
    expect(tables(dataDir)).not.toContain('backup_files');
    t.close();
  });

  it('a backup whose files are not what they say, or that is damaged, is refused with nothing written', async () => {
    const { o } = await officeWithScans();
    const good = (await o.t.ok('backup.create', {}, o.token)).path;
    o.close();
    const dir = tempDir('bangkom-usb-');

    /** The backup, changed by `edit` as SQL on its database part and sealed again: only the files table can tell. */
    const forged = (name: string, edit: string) => {
      const file = path.join(dir, name);
      fs.copyFileSync(good, file);
      fs.truncateSync(file, fs.statSync(file).size - TRAILER_SIZE);
      const db = new Database(file);
      db.exec(edit);
      db.close();
      appendChecksum(file);
      return file;
    };
    const outside = forged('keluar.bangkom-backup', `UPDATE backup_files SET path = '../../evil.pdf' WHERE path LIKE '%.pdf'`);
    const swapped = forged('tertukar.bangkom-backup', `UPDATE backup_files SET bytes = X'255044462D312E340A' WHERE path LIKE '%.pdf'`);
    const fewer = forged('kurang.bangkom-backup', `DELETE FROM backup_files WHERE path LIKE '%.png'`);
    const flipped = path.join(dir, 'rusak.bangkom-backup');
    const bytes = fs.readFileSync(good);
    for (let i = 0; i < 8; i++) bytes[Math.floor(bytes.length / 2) + i * 97]! ^= 0x20;
    fs.writeFileSync(flipped, bytes);

    const pc = openTestBackend();
    const before = fs.readdirSync(pc.dataDir).sort();
    for (const file of [outside, swapped, fewer, flipped]) {
      const inspected = await pc.ok('backup.inspect', { path: file }, null);
      expect(inspected.problems[0], file).toMatchObject({ code: 'BACKUP_INVALID', details: { reason: 'damaged' } });
      const refused = await pc.fails('backup.restore', { path: file, confirm: true }, 'BACKUP_INVALID', null);
      expect(refused.details).toMatchObject({ reason: 'damaged' });
      expect(fs.readdirSync(pc.dataDir).sort()).toEqual(before);
      expect(fs.existsSync(path.join(dir, '..', 'evil.pdf'))).toBe(false);
    }
    expect(pc.backend.db.prepare('SELECT count(*) FROM office').pluck().get()).toBe(0);
    pc.close();
  });
});
