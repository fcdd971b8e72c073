// `bangkom roster import|export` and `bangkom employees list`, run in-process through the real
// command parser (and once through the real executable): one JSON object with exactly the agreed
// keys, a dry run that writes nothing, mappings from a file, units created on request, a chosen
// sheet, one-line failures, exports written atomically.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { officeFolder, peek, removeTempDirs, tempDir } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { STAFF, STAFF_HEADER, csvText, manyPeople, readXlsx, staffRows, writeCounts, xlsxBuffer } from '../helpers/roster.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/bangkom.js');

let dataDir: string;
let dir: string;

beforeEach(async () => {
  dataDir = await officeFolder();
  dir = tempDir('bangkom-cli-files-');
});
afterAll(() => removeTempDirs());

function write(name: string, data: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

const bangkom = (...args: string[]) => captureCli(['--data', dataDir, ...args]);

function counts() {
  const db = peek(dataDir);
  try {
    return writeCounts(db);
  } finally {
    db.close();
  }
}

function rosterNips(): string[] {
  const db = peek(dataDir);
  try {
    return db.prepare('SELECT nip FROM employees WHERE deleted_at IS NULL ORDER BY nip').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** STAFF with row 4 (Excel numbering) holding a NIP Excel damaged. */
function staffWithOneError(): string[][] {
  const rows = staffRows();
  rows[2]![1] = '199001012019032000';
  return [STAFF_HEADER, ...rows];
}

const SUMMARY_KEYS = ['rows', 'created', 'updated', 'unchanged', 'errors', 'warnings', 'unitMatches', 'unknownUnits'];
const ISSUE_KEYS = ['row', 'field', 'code', 'message'];

describe('roster import --json', () => {
  it('prints exactly one JSON object with exactly the agreed keys, and imports', async () => {
    const file = write('pegawai.csv', csvText(staffWithOneError(), ';'));
    const run = await bangkom('roster', 'import', file, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().startsWith('{') && run.stdout.trim().endsWith('}')).toBe(true);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(SUMMARY_KEYS);
    expect(out).toEqual({
      rows: 6, created: 5, updated: 0, unchanged: 0, warnings: [], unitMatches: [], unknownUnits: [],
      errors: [{ row: 4, field: 'nip', code: 'nip.excel_precision', message: 'NIP rusak oleh Excel: tiga angka terakhir menjadi 000 karena Excel hanya menyimpan 15 angka. NIP ini tidak dapat dipulihkan: di Excel, blok kolom NIP, klik kanan → Format Cells → Text, lalu ketik ulang NIP (atau awali dengan tanda petik).' }],
    });
    for (const e of out.errors as object[]) expect(Object.keys(e)).toEqual(ISSUE_KEYS);
    expect(rosterNips()).toEqual(STAFF.filter((_, i) => i !== 2).map((s) => s.nip).sort());

    // Again: all unchanged, nothing written.
    const before = counts();
    const again = JSON.parse((await bangkom('roster', 'import', file, '--json')).stdout);
    expect(again).toMatchObject({ rows: 6, created: 0, updated: 0, unchanged: 5 });
    expect(counts()).toEqual(before);
  });

  it('warnings have the same shape', async () => {
    const rows = staffRows().slice(0, 1);
    rows[0]![3] = 'L';
    const out = JSON.parse((await bangkom('roster', 'import', write('beda.csv', csvText([STAFF_HEADER, ...rows])), '--json')).stdout);
    expect(out.warnings).toEqual([{ row: 2, field: 'gender', code: 'nip.gender_mismatch', message: 'Jenis kelamin berbeda dengan yang tertulis di NIP (P).' }]);
    expect(Object.keys(out.warnings[0])).toEqual(ISSUE_KEYS);
  });

  it('--dry-run says what would happen and writes nothing', async () => {
    const file = write('pegawai.csv', csvText(staffWithOneError()));
    const before = counts();
    const run = await bangkom('roster', 'import', file, '--dry-run', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(SUMMARY_KEYS);
    expect(out).toMatchObject({ rows: 6, created: 5, updated: 0, unchanged: 0 });
    expect(out.errors).toHaveLength(1);
    expect(counts()).toEqual(before);
    expect(rosterNips()).toEqual([]);

    // After a real import, a dry run of a changed file counts the updates, still writing nothing.
    await bangkom('roster', 'import', file, '--json');
    const changed = staffWithOneError().map((r, i) => (i === 1 ? [...r.slice(0, 7), 'Plt. Camat', r[8]!] : r));
    const after = counts();
    const dry = JSON.parse((await bangkom('roster', 'import', write('ubah.csv', csvText(changed)), '--dry-run', '--json')).stdout);
    expect(dry).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    expect(counts()).toEqual(after);
  });

  it('prints a human summary without --json', async () => {
    const run = await bangkom('roster', 'import', write('pegawai.csv', csvText(staffWithOneError())), '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Uji coba (tidak ada yang ditulis): 6 baris — 5 baru, 0 diubah, 0 tetap, 1 baris salah.');
    expect(run.stdout).toMatch(/baris 4, nip: NIP rusak oleh Excel/);
  });
});

describe('roster import --mapping', () => {
  const header = ['Nomor', 'Pegawai', 'Kelas'];
  const rows = STAFF.slice(0, 3).map((s) => [s.nip, s.cell, s.golonganCell]);

  it('names columns by header text', async () => {
    const file = write('aneh.csv', csvText([header, ...rows]));
    const unmapped = JSON.parse((await bangkom('roster', 'import', file, '--dry-run', '--json')).stdout);
    expect(unmapped.created).toBe(0);
    expect(unmapped.errors.map((e: { code: string }) => e.code)).toContain('import.nip_not_mapped');

    const mapping = write('peta.json', JSON.stringify({ nomor: 'nip', 'PEGAWAI': 'name', Kelas: 'golongan' }));
    const run = await bangkom('roster', 'import', file, '--mapping', mapping, '--json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: 3, created: 3, errors: [] });
    const db = peek(dataDir);
    expect(db.prepare('SELECT front_title, name, golongan FROM employees ORDER BY nip').all()).toEqual([
      { front_title: 'Drs. H.', name: 'Ahmad Fauzi', golongan: '41' },
      { front_title: 'Dr.', name: 'Siti Aminah', golongan: '31' },
      { front_title: '', name: "Siti Ma'rifah", golongan: '23' },
    ]);
    db.close();
  });

  it('names columns by 0-based index, and null leaves a column out', async () => {
    const file = write('aneh.csv', csvText([header, ...rows]));
    const mapping = write('peta.json', JSON.stringify({ 0: 'nip', 1: 'name', 2: null }));
    const out = JSON.parse((await bangkom('roster', 'import', file, '--mapping', mapping, '--json')).stdout);
    expect(out).toMatchObject({ created: 3, errors: [] });
    const db = peek(dataDir);
    expect(db.prepare('SELECT golongan FROM employees').pluck().all()).toEqual([null, null, null]);
    db.close();
  });

  it('a mapping that corrects one column keeps the automatic mapping of the others', async () => {
    const header = ['No', 'Nomor Pegawai', 'Nama', 'Pangkat/Gol', 'Unit Kerja', 'NIP Lama'];
    const file = write('sebagian.csv', csvText([header, ...STAFF.slice(0, 2).map((s, i) => [String(i + 1), s.nip, s.cell, s.golonganCell, s.unit, '010203040'])]));
    const mapping = write('peta.json', JSON.stringify({ 'Nomor Pegawai': 'nip' }));
    const out = JSON.parse((await bangkom('roster', 'import', file, '--mapping', mapping, '--json')).stdout);
    expect(out).toMatchObject({ rows: 2, created: 2, errors: [] });
    const db = peek(dataDir);
    expect(db.prepare('SELECT nip, name, golongan, unit_id IS NOT NULL AS hasUnit FROM employees ORDER BY nip').all()).toEqual([
      { nip: STAFF[1]!.nip, name: 'Ahmad Fauzi', golongan: '41', hasUnit: 1 },
      { nip: STAFF[0]!.nip, name: 'Siti Aminah', golongan: '31', hasUnit: 1 },
    ]);
    db.close();
  });

  it('a column the mapping file gives a field takes it from the column that had it', async () => {
    // "NIP Lama" would never map to nip by itself; naming it takes nip away from "NIP".
    const header = ['NIP', 'Nama', 'NIP Lama'];
    const file = write('pindah.csv', csvText([header, ['bukan nip', STAFF[0]!.cell, STAFF[0]!.nip]]));
    const out = JSON.parse((await bangkom('roster', 'import', file, '--mapping', write('peta.json', JSON.stringify({ 'NIP Lama': 'nip' })), '--json')).stdout);
    expect(out).toMatchObject({ rows: 1, created: 1, errors: [] });
    expect(rosterNips()).toEqual([STAFF[0]!.nip]);
  });

  it('a mapping naming a column or field that is not there fails with one line and writes nothing', async () => {
    const file = write('aneh.csv', csvText([header, ...rows]));
    const before = counts();
    const column = await bangkom('roster', 'import', file, '--mapping', write('salah.json', JSON.stringify({ NIP: 'nip' })), '--json');
    expect(column.code).toBe(1);
    expect(column.stdout).toBe('');
    expect(column.stderr).toBe('bangkom: Kolom "NIP" dari berkas pemetaan tidak ada di berkas impor.\n');
    const field = await bangkom('roster', 'import', file, '--mapping', write('salah2.json', JSON.stringify({ Nomor: 'nomor_induk' })));
    expect(field.code).toBe(1);
    expect(field.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(field.stderr).toMatch(/^bangkom: Field "nomor_induk" tidak dikenal/);
    const notJson = await bangkom('roster', 'import', file, '--mapping', write('rusak.json', '{nip'));
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^bangkom: Berkas pemetaan .* bukan JSON yang sah\.\n$/);
    expect(counts()).toEqual(before);
  });
});

describe('roster import: units, sheets, failures', () => {
  const withUnit = (unit: string) => [STAFF_HEADER, ...staffRows().slice(0, 2).map((r) => [...r.slice(0, 8), unit])];

  it('--create-units creates the units the file names; without it those rows are errors', async () => {
    const file = write('unit.csv', csvText(withUnit('Seksi Kebersihan')));
    const without = JSON.parse((await bangkom('roster', 'import', file, '--json')).stdout);
    expect(without).toMatchObject({ created: 0 });
    expect(without.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([[2, 'import.unit_missing'], [3, 'import.unit_missing']]);

    const withFlag = JSON.parse((await bangkom('roster', 'import', file, '--create-units', '--json')).stdout);
    expect(withFlag).toMatchObject({ created: 2, errors: [] });
    const db = peek(dataDir);
    expect(db.prepare("SELECT count(*) FROM units WHERE name = 'Seksi Kebersihan'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT DISTINCT u.name FROM employees e JOIN units u ON u.id = e.unit_id").pluck().all()).toEqual(['Seksi Kebersihan']);
    db.close();
  });

  it('--sheet reads the named sheet of an XLSX', async () => {
    const data = await xlsxBuffer((wb) => {
      wb.addWorksheet('Petunjuk').addRow(['Isi lembar kedua.']);
      const ws = wb.addWorksheet('Data Pegawai');
      ws.addRow(STAFF_HEADER);
      staffRows().slice(0, 4).forEach((r) => ws.addRow(r));
    });
    const file = write('buku.xlsx', data);
    const out = JSON.parse((await bangkom('roster', 'import', file, '--sheet', 'Data Pegawai', '--json')).stdout);
    expect(out).toMatchObject({ rows: 4, created: 4, errors: [] });
    const missing = await bangkom('roster', 'import', file, '--sheet', 'Pegawai', '--json');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('bangkom: Berkas: Lembar "Pegawai" tidak ada. Lembar yang ada: Petunjuk, Data Pegawai.\n');
  });

  it('a missing file exits non-zero with one line on stderr and nothing on stdout', async () => {
    const run = await bangkom('roster', 'import', path.join(dir, 'tidak-ada.csv'), '--json');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^bangkom: Berkas .*tidak-ada\.csv tidak dapat dibaca\.\n$/);
  });

  it('a file that is not a roster fails with one line', async () => {
    const run = await bangkom('roster', 'import', write('gambar.png', Buffer.from([0x89, 0x50, 0x4e, 0x47])), '--json');
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^bangkom: .*png/);
  });

  it('--errors-out saves the error rows with their messages, atomically', async () => {
    const file = write('pegawai.csv', csvText(staffWithOneError()));
    const out = path.join(dir, 'perbaiki.csv');
    const run = await bangkom('roster', 'import', file, '--errors-out', out, '--json');
    expect(run.code).toBe(0);
    const table = parse(fs.readFileSync(out), { bom: true, delimiter: ';' }) as string[][];
    expect(table).toHaveLength(2);
    expect(table[1]!.slice(0, 2)).toEqual(['4', 'NIP rusak oleh Excel: tiga angka terakhir menjadi 000 karena Excel hanya menyimpan 15 angka. NIP ini tidak dapat dipulihkan: di Excel, blok kolom NIP, klik kanan → Format Cells → Text, lalu ketik ulang NIP (atau awali dengan tanda petik).']);
    expect(table[1]!.slice(2)).toEqual(staffWithOneError()[3]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('roster export', () => {
  beforeEach(async () => {
    await bangkom('roster', 'import', write('pegawai.csv', csvText([STAFF_HEADER, ...staffRows()])), '--json');
  });

  it('writes an XLSX with NIPs as text, leaving no temporary file', async () => {
    const out = path.join(dir, 'keluar.xlsx');
    const run = await bangkom('roster', 'export', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Daftar pegawai disimpan ke ${out}.\n`);
    const ws = (await readXlsx(fs.readFileSync(out))).worksheets[0]!;
    expect(ws.rowCount).toBe(1 + STAFF.length);
    for (let r = 2; r <= ws.rowCount; r++) {
      expect(ws.getRow(r).getCell(1).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getRow(r).getCell(1).value).toMatch(/^\d{18}$/);
    }
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('writes a CSV, replacing an older export in place, and --search narrows it', async () => {
    const out = path.join(dir, 'keluar.csv');
    fs.writeFileSync(out, 'ekspor lama');
    const run = await bangkom('roster', 'export', out, '--search', 'siti', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ file: out, format: 'csv', bytes: fs.statSync(out).size });
    const table = parse(fs.readFileSync(out), { bom: true, delimiter: ';' }) as string[][];
    expect(table.slice(1).map((r) => r[3]).sort()).toEqual(['Siti Aminah', "Siti Ma'rifah"]);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);

    // The exported CSV imports back unchanged.
    const back = JSON.parse((await bangkom('roster', 'import', out, '--json')).stdout);
    expect(back).toMatchObject({ rows: 2, unchanged: 2, created: 0, updated: 0, errors: [] });
  });

  it('that cannot replace its target fails with one line, leaving the target and no temporary file', async () => {
    const out = path.join(dir, 'keluar.xlsx');
    fs.mkdirSync(out); // a folder where the file should go: the final rename fails
    fs.writeFileSync(path.join(out, 'isi.txt'), 'tetap');
    const run = await bangkom('roster', 'export', out);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toBe(`bangkom: Berkas ${out} tidak dapat ditulis (EISDIR).\n`);
    expect(fs.readFileSync(path.join(out, 'isi.txt'), 'utf8')).toBe('tetap');
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('into a folder that does not exist fails with one line and leaves nothing behind', async () => {
    const run = await bangkom('roster', 'export', path.join(dir, 'tidak', 'ada', 'keluar.xlsx'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^bangkom: Berkas .*keluar\.xlsx tidak dapat ditulis \(ENOENT\)\.\n$/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'tidak'))).toBe(false);
  });
});

describe('employees list', () => {
  it('--search with a NIP fragment typed with spaces gives a JSON array with the agreed fields', async () => {
    await bangkom('roster', 'import', write('pegawai.csv', csvText([STAFF_HEADER, ...staffRows()])), '--json');
    const run = await bangkom('employees', 'list', '--search', '19860926 2015', '--json');
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(Array.isArray(list)).toBe(true);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      nip: '198609262015052001', name: 'Siti Aminah', displayName: 'Dr. Siti Aminah, S.E., M.M.', golongan: '31',
      unit: 'Seksi Pemerintahan', status: 'aktif',
    });
    const all = JSON.parse((await bangkom('employees', 'list', '--json')).stdout) as unknown[];
    expect(all).toHaveLength(STAFF.length);
    expect(JSON.parse((await bangkom('employees', 'list', '--search', 'tidak ada', '--json')).stdout)).toEqual([]);
  });

  it('lists the whole roster, not the first page of the screen (1,050 people)', async () => {
    const people = manyPeople(1050).map((p, i) => [p.nip, `Pegawai ${i}`]);
    expect(JSON.parse((await bangkom('roster', 'import', write('banyak.csv', csvText([['NIP', 'Nama'], ...people])), '--json')).stdout)).toMatchObject({ created: 1050 });
    const all = JSON.parse((await bangkom('employees', 'list', '--json')).stdout) as { nip: string }[];
    expect(all).toHaveLength(1050);
    expect(new Set(all.map((e) => e.nip))).toEqual(new Set(people.map(([nip]) => nip)));
  });

  it('without --json prints one line per person with the NIP formatted', async () => {
    await bangkom('roster', 'import', write('pegawai.csv', csvText([STAFF_HEADER, ...staffRows()])), '--json');
    const run = await bangkom('employees', 'list', '--search', 'fauzi');
    expect(run.stdout).toBe('19750315 200003 1 002  Drs. H. Ahmad Fauzi, M.Si.  IV/a  Sekretariat Kecamatan  aktif\n');
  });
});

describe('the real executable', () => {
  it('roster import --json writes only the JSON object to stdout', () => {
    const file = write('pegawai.csv', csvText(staffWithOneError()));
    const res = spawnSync(process.execPath, [BIN, '--data', dataDir, 'roster', 'import', file, '--json'], {
      encoding: 'utf8', timeout: 30_000, env: { ...process.env, BANGKOM_LANG: 'id', BANGKOM_DATA: '' },
    });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(Object.keys(out)).toEqual(SUMMARY_KEYS);
    expect(out).toMatchObject({ rows: 6, created: 5 });
  }, 40_000);

  it('a missing file exits 1 with one line', () => {
    const res = spawnSync(process.execPath, [BIN, '--data', dataDir, 'roster', 'import', path.join(dir, 'hilang.csv')], {
      encoding: 'utf8', timeout: 30_000, env: { ...process.env, BANGKOM_LANG: 'id', BANGKOM_DATA: '' },
    });
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr.trimEnd().split('\n')).toHaveLength(1);
  }, 40_000);
});

afterEach(() => {
  // Nothing to close: each CLI run opens and closes its own backend.
});
