// What really happens to the database on a clerk's PC gets its own message, in Indonesian and
// English, and nothing is half written: a full disk, a database that cannot be written, and
// another program holding the write lock. The failures are SQLite's own, on a real file.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n, errorText } from '../../shared/i18n/index.ts';
import { storageError } from '../../electron/backend/db/storage-errors.ts';
import { count, openTestBackend, peek, removeTempDirs, setUpOffice, type TestBackend } from '../helpers/backend.ts';
import { csvText, fileInput, manyPeople, spaced } from '../helpers/roster.ts';

let t: TestBackend;
afterEach(() => {
  t?.close();
  removeTempDirs();
});

const id = createI18n('id').t;
const en = createI18n('en').t;

/** Caps the file at its current size plus `spare` pages: SQLite then answers SQLITE_FULL, as on a full disk. */
function fillDisk(spare: number): void {
  const pages = t.backend.db.pragma('page_count', { simple: true }) as number;
  t.backend.db.pragma(`max_page_count = ${pages + spare}`);
}

describe('a full disk', () => {
  it('says the disk is full, and an import that does not fit writes nothing at all', async () => {
    t = openTestBackend();
    const admin = await setUpOffice(t);
    const db = peek(t.dataDir);
    const before = count(db, 'SELECT count(*) AS n FROM employees');
    const journal = count(db, 'SELECT count(*) AS n FROM change_journal');
    fillDisk(20);

    const people = manyPeople(3000).map((p, i) => [spaced(p.nip), `Pegawai ${i}`]);
    const input = fileInput(path.dirname(t.dataDir), 'pegawai.csv', csvText([['NIP', 'Nama'], ...people]));
    const error = await t.fails('roster.apply', input, 'DISK_FULL', admin);
    expect(errorText(id, error)).toMatch(/^Disk penuh/);
    expect(errorText(en, error)).toMatch(/^The disk is full/);
    expect(count(db, 'SELECT count(*) AS n FROM employees')).toBe(before);
    expect(count(db, 'SELECT count(*) AS n FROM change_journal')).toBe(journal);

    // Space freed: the same import goes through.
    t.backend.db.pragma('max_page_count = 1073741823');
    expect((await t.ok('roster.apply', input, admin)).created).toBe(3000);
    db.close();
  });
});

describe('a database that cannot be written', () => {
  it('says the data folder is read-only instead of an internal error', async () => {
    t = openTestBackend();
    const admin = await setUpOffice(t);
    // SQLite's own refusal to write (SQLITE_READONLY), as from a read-only folder or medium.
    t.backend.db.pragma('query_only = ON');
    const error = await t.fails('units.create', { name: 'Seksi Baru' }, 'READ_ONLY', admin);
    expect(errorText(id, error)).toMatch(/hanya dapat dibaca/);
    expect(errorText(en, error)).toMatch(/read-only/);
  });

  it('file-system refusals are told the same way as SQLite\'s', () => {
    expect(storageError(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))?.code).toBe('READ_ONLY');
    expect(storageError(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))?.code).toBe('DISK_FULL');
    expect(storageError(new Error('something else'))).toBeNull();
  });
});
