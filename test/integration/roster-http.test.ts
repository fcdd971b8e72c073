// The roster over the HTTP door (`bangkom serve`, the browser): refused without a session, open
// to an operator, who can preview, import a full-size file, fetch the error file and export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOperator, count, tempDir, type TestBackend } from '../helpers/backend.ts';
import { officeWithServer, type TestServer } from '../helpers/http.ts';
import { STAFF_HEADER, csvText, fileInput, manyPeople, staffRows, writeCounts } from '../helpers/roster.ts';
import type Database from 'better-sqlite3';

let t: TestBackend;
let server: TestServer;
let db: Database.Database;
let operator: { id: string; token: string };
let dir: string;

let close: () => Promise<void>;

beforeAll(async () => {
  let admin: string;
  ({ t, server, adminToken: admin, db, close } = await officeWithServer());
  operator = await addOperator(t, admin);
  dir = tempDir('bangkom-http-files-');
});
afterAll(() => close());

const staffFile = () => fileInput(dir, 'pegawai.csv', csvText([STAFF_HEADER, ...staffRows()]));

describe('roster over HTTP', () => {
  it('refuses preview, apply, errorFile and export without a session (401), writing nothing', async () => {
    const before = writeCounts(db);
    for (const [method, body] of [
      ['roster.preview', staffFile()],
      ['roster.apply', staffFile()],
      ['roster.errorFile', { ...staffFile(), format: 'csv' }],
      ['roster.export', { format: 'xlsx' }],
    ] as const) {
      const reply = await server.post(method, body);
      expect(reply.status, method).toBe(401);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    expect((await server.post('roster.preview', staffFile(), { token: 'not-a-session' })).status).toBe(401);
    expect(writeCounts(db)).toEqual(before);
  });

  it('an operator previews and imports; the journal names the operator', async () => {
    const preview = await server.post('roster.preview', staffFile(), { token: operator.token });
    expect(preview.status).toBe(200);
    expect(preview.body.value).toMatchObject({ rows: 6, created: 6, format: 'csv', headers: STAFF_HEADER });

    const apply = await server.post('roster.apply', staffFile(), { token: operator.token });
    expect(apply.status).toBe(200);
    expect(apply.body).toEqual({ ok: true, value: { rows: 6, created: 6, updated: 0, unchanged: 0, errors: [], warnings: [], unitMatches: [], unknownUnits: [], createdUnits: [] } });
    expect(db.prepare("SELECT DISTINCT user_id FROM change_journal WHERE entity = 'employee'").pluck().all()).toEqual([operator.id]);

    const list = await server.post('employees.list', { search: '19860926 2015' }, { token: operator.token });
    expect(list.body.value.items.map((e: { displayName: string }) => e.displayName)).toEqual(['Dr. Siti Aminah, S.E., M.M.']);
  });

  it('a bad file is a 400 with the reason on the file field', async () => {
    const reply = await server.post('roster.preview', fileInput(dir, 'kosong.csv', '\r\n\r\n'), { token: operator.token });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['file'], message: 'import.empty' }] } });
  });

  it('an operator gets the error file and the export', async () => {
    const rows = staffRows();
    rows[0]![1] = '1,98609E+17';
    const errors = await server.post('roster.errorFile', { ...fileInput(dir, 'salah.csv', csvText([STAFF_HEADER, ...rows])), format: 'xlsx' }, { token: operator.token });
    expect(errors.status).toBe(200);
    expect(errors.body.value.fileName).toBe('perbaiki-salah.xlsx');
    const exported = await server.post('roster.export', { format: 'csv' }, { token: operator.token });
    expect(exported.status).toBe(200);
    expect(Buffer.from(exported.body.value.dataBase64, 'base64').toString('utf8')).toContain('19860926 201505 2 001');
  });

  it('a full-size roster (10,000 rows) goes through the HTTP door', async () => {
    const people = manyPeople(10_000);
    const text = csvText([['NIP', 'Nama', 'Unit Kerja'], ...people.map((p, i) => [p.nip, `Pegawai ${i + 1}`, 'Camat'])], ';');
    const input = fileInput(dir, 'besar.csv', text);
    expect(input.dataBase64.length).toBeGreaterThan(500_000);
    const before = count(db, 'SELECT count(*) AS n FROM employees');
    const reply = await server.post('roster.apply', input, { token: operator.token });
    expect(reply.status).toBe(200);
    expect(reply.body.value).toMatchObject({ rows: 10_000, created: 10_000, errors: [] });
    expect(count(db, 'SELECT count(*) AS n FROM employees')).toBe(before + 10_000);
  }, 60_000);
});
