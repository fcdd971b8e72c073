// Every business write appends one change-journal row per changed record (for the export to the
// city) and one audit row (for people), in the same transaction as the write itself.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN, OPERATOR, addOperator, count, openTestBackend, peek, removeTempDirs, setUpOffice, type TestBackend,
} from '../helpers/backend.ts';

interface JournalRow { seq: number; entity: string; entity_id: string; op: string; at: string; user_id: string | null; origin: string }
interface AuditRow { seq: number; at: string; user_id: string | null; username: string; action: string; entity: string | null; entity_id: string | null; details: string | null }

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ORIGIN = '16.71.14';

let t: TestBackend;
let db: Database.Database;
let adminToken: string;
let adminId: string;
let lastSeq: number;
let lastAuditSeq: number;

const journalSince = () => db.prepare('SELECT * FROM change_journal WHERE seq > ? ORDER BY seq').all(lastSeq) as JournalRow[];
const auditSince = () => db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq').all(lastAuditSeq) as AuditRow[];
const changesSince = () => auditSince().filter((r) => /\.(insert|update|delete|restore)$/.test(r.action));
function mark(): void {
  lastSeq = (db.prepare('SELECT coalesce(max(seq), 0) FROM change_journal').pluck().get() as number);
  lastAuditSeq = (db.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number);
}

beforeAll(async () => {
  t = openTestBackend();
  db = peek(t.dataDir);
  mark();
  adminToken = await setUpOffice(t);
  adminId = (await t.ok('auth.me', {}, adminToken)).user!.id;
});
afterAll(() => {
  db.close();
  t.close();
  removeTempDirs();
});

describe('office.setup', () => {
  it('journals the office, 8 default units, the 7 kelurahan of Plaju and the admin: 17 rows, one per record', () => {
    const rows = journalSince();
    expect(rows).toHaveLength(1 + 8 + 7 + 1);
    const byEntity = (e: string) => rows.filter((r) => r.entity === e);
    expect(byEntity('office')).toHaveLength(1);
    expect(byEntity('unit')).toHaveLength(15);
    expect(byEntity('user')).toHaveLength(1);
    // Setup is the new admin's act: every row names them.
    const adminId = db.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get();
    for (const r of rows) {
      expect(r).toMatchObject({ op: 'insert', origin: ORIGIN, at: t.clock.iso(), user_id: adminId });
      expect(r.entity_id).toMatch(UUID_V7);
    }
    // One row per distinct record, and each points at a real row.
    expect(new Set(rows.map((r) => r.entity_id)).size).toBe(rows.length);
    expect(count(db, "SELECT count(*) AS n FROM change_journal j JOIN units u ON u.id = j.entity_id WHERE j.entity = 'unit'")).toBe(15);
    expect(count(db, "SELECT count(*) AS n FROM change_journal j JOIN users u ON u.id = j.entity_id WHERE j.entity = 'user'")).toBe(1);
    expect(count(db, "SELECT count(*) AS n FROM change_journal j JOIN office o ON o.id = j.entity_id WHERE j.entity = 'office'")).toBe(1);
    // …and one audit row per journal row.
    const audit = changesSince();
    expect(audit.map((a) => `${a.action}:${a.entity_id}`)).toEqual(rows.map((r) => `${r.entity}.${r.op}:${r.entity_id}`));
  });

  it('the kelurahan units carry their Kemendagri codes and kind, the office units have none', async () => {
    const units = await t.ok('units.list', {}, adminToken);
    expect(units.filter((u) => u.kind === 'kantor').map((u) => u.code)).toEqual(Array(8).fill(null));
    expect(units.filter((u) => u.kind === 'kelurahan').map((u) => `${u.code} ${u.name}`)).toEqual([
      '16.71.14.1001 Plaju Ulu', '16.71.14.1002 Plaju Darat', '16.71.14.1003 Plaju Ilir', '16.71.14.1004 Baguskuning',
      '16.71.14.1005 Komperta', '16.71.14.1006 Talangputri', '16.71.14.1007 Talangbubuk',
    ]);
    for (const u of units) expect(u).toMatchObject({ origin: ORIGIN, createdAt: t.clock.iso(), updatedAt: t.clock.iso() });
  });
});

describe('writes by the admin', () => {
  beforeEach(() => {
    t.clock.advanceSeconds(60);
    mark();
  });

  it('units.create: one journal row (unit/insert/admin/origin) and one audit row with the new values', async () => {
    const unit = await t.ok('units.create', { name: 'Seksi Pelayanan Umum', kind: 'kantor' }, adminToken);
    expect(unit.id).toMatch(UUID_V7);
    expect(journalSince()).toEqual([
      { seq: expect.any(Number), entity: 'unit', entity_id: unit.id, op: 'insert', at: t.clock.iso(), user_id: adminId, origin: ORIGIN },
    ]);
    const audit = changesSince();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'unit.insert', entity: 'unit', entity_id: unit.id, user_id: adminId, username: ADMIN.username });
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ name: [null, 'Seksi Pelayanan Umum'], kind: [null, 'kantor'], active: [null, true] });
    expect(db.prepare('SELECT updated_by, origin, created_at FROM units WHERE id = ?').get(unit.id))
      .toEqual({ updated_by: adminId, origin: ORIGIN, created_at: t.clock.iso() });
  });

  it('office.update: one journal row, and the audit row holds old → new for what changed only', async () => {
    const before = await t.ok('office.get', {}, adminToken);
    const updated = await t.ok('office.update', {
      name: 'Kantor Camat Plaju', address: before.address, timezone: before.timezone,
      signer: { ...before.signer, name: 'Hj. Camat Baru' },
    }, adminToken);
    expect(updated).toMatchObject({ name: 'Kantor Camat Plaju', updatedBy: adminId, updatedAt: t.clock.iso(), createdAt: before.createdAt });
    expect(journalSince()).toEqual([expect.objectContaining({ entity: 'office', entity_id: before.id, op: 'update', user_id: adminId, origin: ORIGIN })]);
    const audit = changesSince();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toEqual({
      name: ['Kantor Kecamatan Plaju', 'Kantor Camat Plaju'],
      signer: [before.signer, { ...before.signer, name: 'Hj. Camat Baru' }],
    });
    // The same through the contract the settings screen uses.
    const { entries } = await t.ok('audit.list', { entity: 'office', entityId: before.id, limit: 1 }, adminToken);
    expect(entries[0]).toMatchObject({ action: 'office.update', username: 'admin', details: { name: ['Kantor Kecamatan Plaju', 'Kantor Camat Plaju'] } });
  });

  it('units.update and units.setActive journal an update; setting the same state again writes nothing', async () => {
    const unit = await t.ok('units.create', { name: 'Seksi Sementara' }, adminToken);
    mark();
    await t.ok('units.update', { id: unit.id, name: 'Seksi Tetap', code: 'ST' }, adminToken);
    await t.ok('units.setActive', { id: unit.id, active: false }, adminToken);
    await t.ok('units.setActive', { id: unit.id, active: false }, adminToken);
    expect(journalSince().map((r) => [r.entity, r.entity_id, r.op])).toEqual([['unit', unit.id, 'update'], ['unit', unit.id, 'update']]);
    expect(changesSince().map((a) => JSON.parse(a.details!))).toEqual([
      { name: ['Seksi Sementara', 'Seksi Tetap'], code: [null, 'ST'] },
      { active: [true, false] },
    ]);
  });

  it('users.create journals the user; the audit log never holds the password hash', async () => {
    const created = await t.ok('users.create', { username: 'budi', fullName: 'Budi Santoso', role: 'operator', password: 'kata-sandi-budi' }, adminToken);
    expect(created).not.toHaveProperty('passwordHash');
    expect(journalSince()).toEqual([expect.objectContaining({ entity: 'user', entity_id: created.id, op: 'insert', user_id: adminId, origin: ORIGIN })]);
    const details = JSON.parse(changesSince()[0]!.details!) as Record<string, unknown>;
    expect(details).toMatchObject({ username: [null, 'budi'], role: [null, 'operator'], passwordHash: [null, '•••'] });
    const hash = db.prepare("SELECT password_hash FROM users WHERE username = 'budi'").pluck().get() as string;
    expect(hash).toMatch(/^scrypt\$/);
    expect(count(db, 'SELECT count(*) AS n FROM audit_log WHERE details LIKE ? OR details LIKE ?', '%scrypt$%', `%${hash.split('$').pop()}%`)).toBe(0);
  });

  it('users.setActive to the state the account already has writes nothing', async () => {
    const created = await t.ok('users.create', { username: 'rina', fullName: 'Rina', role: 'operator', password: 'kata-sandi-rina' }, adminToken);
    mark();
    await t.ok('users.setActive', { id: created.id, active: true }, adminToken);
    expect(journalSince()).toEqual([]);
    expect(changesSince()).toEqual([]);
    await t.ok('users.setActive', { id: created.id, active: false }, adminToken);
    expect(journalSince()).toEqual([expect.objectContaining({ entity: 'user', entity_id: created.id, op: 'update' })]);
  });

  it('a password change is journalled as an update of the user; the audit row hides the hash', async () => {
    const { token, id } = await addOperator(t, adminToken, { ...OPERATOR, username: 'dewi' });
    mark();
    await t.ok('auth.changePassword', { currentPassword: OPERATOR.password, newPassword: 'sandi-baru-dewi' }, token);
    expect(journalSince()).toEqual([expect.objectContaining({ entity: 'user', entity_id: id, op: 'update', user_id: id })]);
    expect(JSON.parse(changesSince()[0]!.details!)).toEqual({ passwordHash: ['•••', '•••'] });
  });
});

describe('failed writes leave no trace', () => {
  beforeEach(() => mark());

  it('a duplicate unit name (any case) is refused: no unit, no journal row, no audit change row', async () => {
    const units = await t.ok('units.list', { includeInactive: true }, adminToken);
    const error = await t.fails('units.create', { name: 'seksi pemerintahan' }, 'VALIDATION', adminToken);
    expect(error.details?.issues).toEqual([{ path: ['name'], message: 'validation.unit_exists', params: { name: 'seksi pemerintahan' } }]);
    expect(await t.ok('units.list', { includeInactive: true }, adminToken)).toHaveLength(units.length);
    expect(journalSince()).toEqual([]);
    expect(changesSince()).toEqual([]);
  });

  it('a duplicate unit code is refused the same way', async () => {
    const error = await t.fails('units.create', { name: 'Kelurahan Kembar', kind: 'kelurahan', code: '16.71.14.1001' }, 'VALIDATION', adminToken);
    expect(error.details?.issues?.[0]).toMatchObject({ path: ['code'], message: 'validation.unit_code_exists' });
    expect(journalSince()).toEqual([]);
    expect(changesSince()).toEqual([]);
  });

  it('users.create with a taken username: VALIDATION on username, no journal row, no audit change row', async () => {
    const error = await t.fails('users.create', { username: 'ADMIN', fullName: 'Admin Kedua', role: 'admin', password: 'kata-sandi-lain' }, 'VALIDATION', adminToken);
    expect(error.details?.issues).toEqual([{ path: ['username'], message: 'validation.username_taken', params: { username: 'admin' } }]);
    expect(count(db, "SELECT count(*) AS n FROM users WHERE username = 'admin'")).toBe(1);
    expect(journalSince()).toEqual([]);
    expect(changesSince()).toEqual([]);
  });

  it('a journal write that fails undoes the business write (same transaction)', async () => {
    t.backend.db.exec(`CREATE TEMP TRIGGER refuse_journal BEFORE INSERT ON change_journal
      BEGIN SELECT RAISE(ABORT, 'journal refused'); END`);
    try {
      const before = await t.ok('units.list', { includeInactive: true }, adminToken);
      const result = await t.call('units.create', { name: 'Unit Tanpa Jurnal' }, adminToken);
      expect(result.ok).toBe(false);
      expect(await t.ok('units.list', { includeInactive: true }, adminToken)).toHaveLength(before.length);
      const officeBefore = await t.ok('office.get', {}, adminToken);
      expect((await t.call('office.update', { name: 'Tidak Tersimpan', address: '', timezone: 'Asia/Jakarta', signer: officeBefore.signer }, adminToken)).ok).toBe(false);
      expect((await t.ok('office.get', {}, adminToken)).name).toBe(officeBefore.name);
    } finally {
      t.backend.db.exec('DROP TRIGGER refuse_journal');
    }
    expect(journalSince()).toEqual([]);
    expect(changesSince()).toEqual([]);
  });

  it('an audit write that fails undoes the business write and its journal row', async () => {
    t.backend.db.exec(`CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
    try {
      expect((await t.call('units.create', { name: 'Unit Tanpa Audit' }, adminToken)).ok).toBe(false);
    } finally {
      t.backend.db.exec('DROP TRIGGER refuse_audit');
    }
    expect(count(db, "SELECT count(*) AS n FROM units WHERE name = 'Unit Tanpa Audit'")).toBe(0);
    expect(journalSince()).toEqual([]);
  });
});

describe('audit.list', () => {
  it('pages backwards with nextBefore, newest first', async () => {
    const first = await t.ok('audit.list', { limit: 3 }, adminToken);
    expect(first.entries).toHaveLength(3);
    expect(first.entries[0]!.seq).toBeGreaterThan(first.entries[2]!.seq);
    expect(first.nextBefore).toBe(first.entries[2]!.seq);
    const second = await t.ok('audit.list', { limit: 3, before: first.nextBefore! }, adminToken);
    expect(second.entries[0]!.seq).toBeLessThan(first.nextBefore!);
    const all = await t.ok('audit.list', { limit: 500 }, adminToken);
    expect(all.nextBefore).toBeNull();
    for (const e of all.entries) expect(JSON.stringify(e.details ?? {})).not.toMatch(/scrypt\$/);
  });
});
