// Unit names in real spreadsheets (issue #9): "Kelurahan Plaju Ilir", "Kel. Bagus Kuning",
// "Sekretariat" find the units made at setup ("Plaju Ilir", "Baguskuning", "Sekretariat
// Kecamatan") and the report says so; a value no unit fits is asked about with suggestions; the
// answer is remembered (unit_aliases, journalled and audited) so the next file goes through,
// and an admin can remove it; --unit-map gives the answers on the command line; and no unit can
// be made beside one whose folded name it shares.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/contract/roster.ts';
import { createI18n, errorText } from '../../shared/i18n/index.ts';
import { addOperator, dbFile, officeFolder, peek, removeTempDirs, tempDir } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { STAFF, csvText, fileInput, freshOffice, manyPeople, writeCounts, type Office } from '../helpers/roster.ts';

afterAll(() => removeTempDirs());

const HEADER = ['NIP', 'Nama', 'Unit Kerja'];
const NIPS = [...STAFF.map((s) => s.nip), ...manyPeople(20).map((p) => p.nip)];
/** One person per unit value, NIPs from `offset` on. */
const rosterOf = (units: readonly string[], offset = 0) =>
  csvText([HEADER, ...units.map((unit, i) => [NIPS[offset + i]!, `Pegawai ${offset + i + 1}`, unit])], ';');

/** The office's spreadsheet of issue #9: three spellings the office's units do not have, one unknown value. */
const OFFICE_FILE = ['Kelurahan Plaju Ilir', 'Kel. Bagus Kuning', 'Sekretariat', 'Subbag Umum & Kepegawaian', 'Kelurahan Plaju Ilir', 'Camat', '16.71.14.1001'];

let o: Office;
beforeEach(async () => { o = await freshOffice(); });
afterEach(() => o.close());

const preview = (input: Record<string, unknown>, token = o.token) => o.t.ok('roster.preview', input, token);
const apply = (input: Record<string, unknown>, token = o.token) => o.t.ok('roster.apply', input, token);
const unitOf = async () => new Map((await o.t.ok('employees.list', {}, o.token)).items.map((e) => [e.nip, e.unit]));
const matchesOf = (p: Pick<ImportPreview, 'unitMatches'>) => p.unitMatches.map((m) => [m.value, m.unit, m.how, m.rows]);
const aliasRows = () => o.db.prepare('SELECT value, folded, unit_id AS unitId, deleted_at AS deletedAt FROM unit_aliases ORDER BY created_at, id').all();
const aliasJournal = () => o.db.prepare("SELECT op FROM change_journal WHERE entity = 'unit_alias' ORDER BY seq").pluck().all();
const aliasAudit = () => o.db.prepare("SELECT action, username, details FROM audit_log WHERE entity = 'unit_alias' ORDER BY rowid").all() as { action: string; username: string; details: string }[];

/** A unit written straight into the database, as the duplicates made before this rule were. */
function insertUnitRaw(name: string, active = true): string {
  const raw = new Database(dbFile(o.t.dataDir));
  try {
    const id = `0190a000-0000-7000-8000-${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
    raw.prepare(`INSERT INTO units (id, code, name, kind, active, sort_order, created_at, updated_at, updated_by, origin)
      VALUES (?, NULL, ?, 'kelurahan', ?, 99, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL, '16.71.14')`).run(id, name, active ? 1 : 0);
    return id;
  } finally {
    raw.close();
  }
}

describe('matching the file\'s unit values', () => {
  it('finds "Kelurahan Plaju Ilir", "Kel. Bagus Kuning", "Sekretariat" and a code, says so, and asks about the rest with suggestions', async () => {
    const input = fileInput(o.dir, 'nominatif.csv', rosterOf(OFFICE_FILE));
    const p = await preview(input);
    expect(matchesOf(p)).toEqual([
      ['Kelurahan Plaju Ilir', 'Plaju Ilir', 'folded', 2],
      ['Kel. Bagus Kuning', 'Baguskuning', 'folded', 1],
      ['Sekretariat', 'Sekretariat Kecamatan', 'folded', 1],
      ['16.71.14.1001', 'Plaju Ulu', 'code', 1],
    ]);
    expect(p.unitMatches[0]!.unitId).toBe(o.units['Plaju Ilir']);
    // "Camat" is the unit's own name: nothing to explain.
    expect(p.unitMatches.some((m) => m.value === 'Camat')).toBe(false);
    expect(p.unknownUnits).toEqual([{
      value: 'Subbag Umum & Kepegawaian', rows: 1, candidates: [],
      suggestions: expect.arrayContaining([{ id: o.units['Subbagian Umum dan Kepegawaian'], name: 'Subbagian Umum dan Kepegawaian' }]),
    }]);
    expect(p.unknownUnits[0]!.suggestions[0]!.name).toBe('Subbagian Umum dan Kepegawaian');
    expect(p.errors.map((e) => [e.row, e.field, e.code])).toEqual([[5, 'unit', 'import.unit_missing']]);
    expect(p.missingUnits).toEqual(['Subbag Umum & Kepegawaian']);

    const result = await apply(input);
    expect(result).toMatchObject({ created: 6, createdUnits: [], unitMatches: p.unitMatches, unknownUnits: p.unknownUnits });
    const units = await unitOf();
    expect(OFFICE_FILE.map((_, i) => units.get(NIPS[i]!) ?? null)).toEqual(['Plaju Ilir', 'Baguskuning', 'Sekretariat Kecamatan', null, 'Plaju Ilir', 'Camat', 'Plaju Ulu']);
    // Automatic matches are found again each time: nothing to remember, no unit made.
    expect(aliasRows()).toEqual([]);
    expect((await o.t.ok('units.list', { includeInactive: true }, o.token)).length).toBe(Object.keys(o.units).length);
  });

  it('spellings of one value (case, spaces, punctuation) are one entry; a dash is no unit at all', async () => {
    const p = await preview(fileInput(o.dir, 'ejaan.csv', rosterOf(['KELURAHAN PLAJU ILIR', 'Kelurahan  Plaju Ilir.', 'Seksi Kebersihan', 'seksi kebersihan', '-'])));
    expect(matchesOf(p)).toEqual([['KELURAHAN PLAJU ILIR', 'Plaju Ilir', 'folded', 2]]);
    expect(p.unknownUnits.map((u) => [u.value, u.rows])).toEqual([['Seksi Kebersihan', 2]]);
    expect(p.items[4]).toMatchObject({ kind: 'new', errors: [] });
  });

  it('two units with the same folded name make the value ambiguous: asked about, never guessed; a deactivated duplicate steps aside', async () => {
    const dup = insertUnitRaw('Kelurahan Baguskuning');
    const input = fileInput(o.dir, 'ganda.csv', rosterOf(['Kel. Bagus Kuning', 'Kelurahan Baguskuning']));
    const p = await preview(input);
    expect(p.unknownUnits).toEqual([expect.objectContaining({
      value: 'Kel. Bagus Kuning', candidates: [{ id: o.units.Baguskuning, name: 'Baguskuning' }, { id: dup, name: 'Kelurahan Baguskuning' }],
    })]);
    expect(p.errors).toEqual([expect.objectContaining({ row: 2, field: 'unit', code: 'import.unit_ambiguous', message: 'Unit kerja "Kel. Bagus Kuning" dapat berarti beberapa unit: Baguskuning, Kelurahan Baguskuning. Pilih salah satu (langkah Unit kerja; di baris perintah --unit-map).' })]);
    // Its own exact name still names the duplicate.
    expect(p.items[1]).toMatchObject({ kind: 'new' });
    // A new unit for an ambiguous value would be a third of the same name: refused.
    const refused = await o.t.fails('roster.preview', { ...input, unitMap: { 'Kel. Bagus Kuning': { create: true } } }, 'VALIDATION', o.token);
    expect(refused.details?.issues).toEqual([{ path: ['unitMap', 'Kel. Bagus Kuning'], message: 'validation.unit_exists_similar', params: { name: 'Kel. Bagus Kuning', existing: 'Baguskuning' } }]);

    // The admin deactivates the duplicate: the value goes to the active unit, even the duplicate's own name does.
    await o.t.ok('units.setActive', { id: dup, active: false }, o.token);
    const after = await preview(input);
    expect(after.unknownUnits).toEqual([]);
    expect(matchesOf(after)).toEqual([['Kel. Bagus Kuning', 'Baguskuning', 'folded', 1], ['Kelurahan Baguskuning', 'Baguskuning', 'folded', 1]]);
  });
});

describe('choices made in the unit step are remembered', () => {
  it('a chosen unit is used, remembered on apply (journal, audit), and the next file goes through without asking', async () => {
    const subbag = o.units['Subbagian Umum dan Kepegawaian']!;
    const input = fileInput(o.dir, 'nominatif.csv', rosterOf(OFFICE_FILE), { unitMap: { 'Subbag Umum & Kepegawaian': { unitId: subbag } } });
    const p = await preview(input);
    expect(p.errors).toEqual([]);
    expect(p.unknownUnits).toEqual([]);
    expect(matchesOf(p)).toContainEqual(['Subbag Umum & Kepegawaian', 'Subbagian Umum dan Kepegawaian', 'chosen', 1]);
    // A preview remembers nothing.
    expect(aliasRows()).toEqual([]);

    o.t.clock.advanceSeconds(60);
    expect(await apply(input)).toMatchObject({ created: 7, errors: [] });
    expect((await unitOf()).get(NIPS[3]!)).toBe('Subbagian Umum dan Kepegawaian');
    expect(aliasRows()).toEqual([{ value: 'Subbag Umum & Kepegawaian', folded: 'subbagumumkepegawaian', unitId: subbag, deletedAt: null }]);
    const aliases = await o.t.ok('units.aliases', {}, o.token);
    expect(aliases).toEqual([expect.objectContaining({ value: 'Subbag Umum & Kepegawaian', unitId: subbag, unit: 'Subbagian Umum dan Kepegawaian', origin: '16.71.14', createdAt: o.t.clock.iso() })]);
    expect(aliases[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(aliasJournal()).toEqual(['insert']);
    expect(aliasAudit()).toEqual([{ action: 'unit_alias.insert', username: 'admin', details: JSON.stringify({ value: [null, 'Subbag Umum & Kepegawaian'], unit: [null, 'Subbagian Umum dan Kepegawaian'] }) }]);

    // Next month's file, the value in capitals and "Kel." written out: nothing asked, all in.
    const next = fileInput(o.dir, 'nominatif-2.csv', rosterOf(['SUBBAG UMUM & KEPEGAWAIAN', 'Kelurahan Bagus Kuning', 'Sekretariat'], 7));
    const again = await preview(next);
    expect(again.unknownUnits).toEqual([]);
    expect(matchesOf(again)).toEqual([
      ['SUBBAG UMUM & KEPEGAWAIAN', 'Subbagian Umum dan Kepegawaian', 'alias', 1],
      ['Kelurahan Bagus Kuning', 'Baguskuning', 'folded', 1],
      ['Sekretariat', 'Sekretariat Kecamatan', 'folded', 1],
    ]);
    expect(await apply(next)).toMatchObject({ created: 3, errors: [] });
    expect(aliasJournal()).toEqual(['insert']);
  });

  it('a different choice for a remembered value changes the remembered unit (an update)', async () => {
    const first = fileInput(o.dir, 'a.csv', rosterOf(['Kasi Trantib']), { unitMap: { 'Kasi Trantib': { unitId: o.units['Seksi Pemerintahan'] } } });
    await apply(first);
    const second = fileInput(o.dir, 'b.csv', rosterOf(['kasi trantib'], 1), { unitMap: { 'kasi trantib': { unit: 'Seksi Ketenteraman dan Ketertiban Umum' } } });
    expect(matchesOf(await apply(second))).toEqual([['kasi trantib', 'Seksi Ketenteraman dan Ketertiban Umum', 'chosen', 1]]);
    expect(aliasRows()).toEqual([expect.objectContaining({ value: 'Kasi Trantib', unitId: o.units['Seksi Ketenteraman dan Ketertiban Umum'] })]);
    expect(aliasJournal()).toEqual(['insert', 'update']);
    expect(JSON.parse(aliasAudit()[1]!.details)).toEqual({ unit: ['Seksi Pemerintahan', 'Seksi Ketenteraman dan Ketertiban Umum'] });
  });

  it('an admin removes a remembered value (a tombstone, audited); the next import asks again; operators may not remove', async () => {
    await apply(fileInput(o.dir, 'a.csv', rosterOf(['Kasi Trantib']), { unitMap: { 'Kasi Trantib': { unitId: o.units['Seksi Pemerintahan'] } } }));
    const [alias] = await o.t.ok('units.aliases', {}, o.token);
    const operator = await addOperator(o.t, o.token);
    expect(await o.t.ok('units.aliases', {}, operator.token)).toHaveLength(1);
    await o.t.fails('units.removeAlias', { id: alias!.id }, 'FORBIDDEN', operator.token);

    o.t.clock.advanceSeconds(60);
    const removed = await o.t.ok('units.removeAlias', { id: alias!.id }, o.token);
    expect(removed).toMatchObject({ id: alias!.id, value: 'Kasi Trantib', unit: 'Seksi Pemerintahan', updatedAt: o.t.clock.iso() });
    expect(await o.t.ok('units.aliases', {}, o.token)).toEqual([]);
    expect(aliasRows()).toEqual([expect.objectContaining({ value: 'Kasi Trantib', deletedAt: o.t.clock.iso() })]);
    expect(aliasJournal()).toEqual(['insert', 'delete']);
    expect(aliasAudit()[1]).toEqual({ action: 'unit_alias.delete', username: 'admin', details: JSON.stringify({ value: ['Kasi Trantib', null], unit: ['Seksi Pemerintahan', null] }) });
    await o.t.fails('units.removeAlias', { id: alias!.id }, 'NOT_FOUND', o.token);

    const p = await preview(fileInput(o.dir, 'c.csv', rosterOf(['Kasi Trantib'], 1)));
    expect(p.unknownUnits.map((u) => u.value)).toEqual(['Kasi Trantib']);
    // Chosen again, it is remembered again beside its tombstone.
    await apply(fileInput(o.dir, 'c.csv', rosterOf(['Kasi Trantib'], 1), { unitMap: { 'Kasi Trantib': { unitId: o.units['Seksi Pemerintahan'] } } }));
    expect(aliasRows()).toHaveLength(2);
  });

  it('an operator maps to existing units (remembered under their name) but cannot create one', async () => {
    const operator = await addOperator(o.t, o.token);
    const file = rosterOf(['Kasi Trantib', 'Seksi Kebersihan']);
    const p = await preview(fileInput(o.dir, 'op.csv', file), operator.token);
    expect(p.errors.map((e) => e.code)).toEqual(['import.unit_missing_ask_admin', 'import.unit_missing_ask_admin']);
    const before = writeCounts(o.db);
    const refused = await o.t.fails('roster.apply', fileInput(o.dir, 'op.csv', file, { unitMap: { 'Seksi Kebersihan': { create: true } } }), 'VALIDATION', operator.token);
    expect(refused.details?.issues).toEqual([{ path: ['unitMap', 'Seksi Kebersihan'], message: 'import.units_admin_only' }]);
    expect(writeCounts(o.db)).toEqual(before);

    const result = await apply(fileInput(o.dir, 'op.csv', file, { unitMap: { 'Kasi Trantib': { unitId: o.units['Seksi Ketenteraman dan Ketertiban Umum'] } } }), operator.token);
    expect(result).toMatchObject({ created: 1, createdUnits: [] });
    expect(result.unknownUnits.map((u) => u.value)).toEqual(['Seksi Kebersihan']);
    expect(aliasAudit()).toEqual([expect.objectContaining({ action: 'unit_alias.insert', username: 'siti' })]);
  });

  it('an admin creates a unit for a value, named as the file writes it, once however its rows spell it', async () => {
    const input = fileInput(o.dir, 'baru.csv', rosterOf(['Seksi Kebersihan', 'SEKSI  KEBERSIHAN', 'Kel. Plaju Ilir']), { unitMap: { 'seksi kebersihan': { create: true } } });
    const p = await preview(input);
    expect(matchesOf(p)).toEqual([['Seksi Kebersihan', 'Seksi Kebersihan', 'new', 2], ['Kel. Plaju Ilir', 'Plaju Ilir', 'folded', 1]]);
    const result = await apply(input);
    expect(result).toMatchObject({ created: 3, createdUnits: ['Seksi Kebersihan'] });
    expect((await unitOf()).get(NIPS[1]!)).toBe('Seksi Kebersihan');
    // The new unit's name is the value: nothing to remember.
    expect(aliasRows()).toEqual([]);
  });

  it('choices by name or code (as --unit-map gives them); an unknown one is refused; choices for values the file lacks are ignored', async () => {
    const file = rosterOf(['Kel. Sukamaju', 'Kantor Lurah Plaju Darat', 'Kasi Trantib']);
    const p = await preview(fileInput(o.dir, 'peta.csv', file, {
      unitMap: {
        'KEL SUKAMAJU': { unit: '16.71.14.1001' },
        'Kantor Lurah Plaju Darat': { unit: 'kelurahan plaju darat' },
        'Kasi Trantib': { unit: 'Seksi Ketenteraman dan Ketertiban Umum' },
        'Tidak Ada Di Berkas': { unit: 'Unit Khayalan' },
      },
    }));
    expect(matchesOf(p)).toEqual([
      ['Kel. Sukamaju', 'Plaju Ulu', 'chosen', 1],
      ['Kantor Lurah Plaju Darat', 'Plaju Darat', 'chosen', 1],
      ['Kasi Trantib', 'Seksi Ketenteraman dan Ketertiban Umum', 'chosen', 1],
    ]);
    const unknown = await o.t.fails('roster.preview', fileInput(o.dir, 'peta.csv', file, { unitMap: { 'Kasi Trantib': { unit: 'Seksi Trantib' } } }), 'VALIDATION', o.token);
    expect(unknown.details?.issues).toEqual([{ path: ['unitMap', 'Kasi Trantib'], message: 'import.unit_map_unknown', params: { value: 'Kasi Trantib', unit: 'Seksi Trantib' } }]);
    expect(errorText(createI18n('id').t, unknown)).toBe('Pemetaan unit "Kasi Trantib" → "Seksi Trantib": tidak ada unit kerja dengan nama atau kode itu.');
    // A value that is a unit's own name always means that unit.
    const own = await preview(fileInput(o.dir, 'camat.csv', rosterOf(['Camat']), { unitMap: { Camat: { unit: 'Plaju Ulu' } } }));
    expect(own.unitMatches).toEqual([]);
    expect(own.items[0]).toMatchObject({ kind: 'new' });
  });
});

describe('no unit beside one whose folded name it shares', () => {
  const t = createI18n('id').t;

  it('units.create refuses "Kelurahan Plaju Ilir", "Sekretariat", "Bagus Kuning", naming the unit there is; nothing is written', async () => {
    const before = writeCounts(o.db);
    for (const [name, existing] of [['Kelurahan Plaju Ilir', 'Plaju Ilir'], ['Sekretariat', 'Sekretariat Kecamatan'], ['Bagus Kuning', 'Baguskuning'], ['KANTOR CAMAT', 'Camat']] as const) {
      const e = await o.t.fails('units.create', { name, kind: 'kelurahan' }, 'VALIDATION', o.token);
      expect(e.details?.issues).toEqual([{ path: ['name'], message: 'validation.unit_exists_similar', params: { name, existing } }]);
    }
    const e = await o.t.fails('units.create', { name: 'Kel. Plaju Ilir' }, 'VALIDATION', o.token);
    expect(errorText(t, e)).toBe('Nama: Sudah ada unit "Plaju Ilir": namanya sama dengan "Kel. Plaju Ilir" bila huruf besar-kecil, spasi, tanda baca, dan kata seperti Kelurahan, Kel., Desa, Kecamatan, atau Kantor diabaikan. Pakai unit itu, atau beri nama yang jelas berbeda.');
    expect(writeCounts(o.db)).toEqual(before);
    // A unit of its own name is fine.
    expect(await o.t.ok('units.create', { name: 'Seksi Kebersihan' }, o.token)).toMatchObject({ name: 'Seksi Kebersihan' });
  });

  it('a rename into another unit\'s folded name is refused; a unit keeping its name may still be edited', async () => {
    const e = await o.t.fails('units.update', { id: o.units['Seksi Pemerintahan'], name: 'Kel. Plaju Ulu', code: null }, 'VALIDATION', o.token);
    expect(e.details?.issues).toEqual([{ path: ['name'], message: 'validation.unit_exists_similar', params: { name: 'Kel. Plaju Ulu', existing: 'Plaju Ulu' } }]);
    expect(await o.t.ok('units.update', { id: o.units['Plaju Ilir'], name: 'PLAJU ILIR', code: '16.71.14.1003' }, o.token)).toMatchObject({ name: 'PLAJU ILIR' });
    // A duplicate made before this rule keeps working: its code can be edited, its name kept.
    const dup = insertUnitRaw('Kelurahan Plaju Ilir');
    expect(await o.t.ok('units.update', { id: dup, name: 'Kelurahan Plaju Ilir', code: 'DUP-1' }, o.token)).toMatchObject({ code: 'DUP-1' });
  });

  it('an import creating units (--create-units) never makes one a unit\'s folded name already has', async () => {
    const dup = insertUnitRaw('Kelurahan Baguskuning');
    const input = fileInput(o.dir, 'buat.csv', rosterOf(['Kel. Bagus Kuning', 'Kelurahan Plaju Ilir', 'Seksi Kebersihan', 'Kel Seksi Kebersihan']), { createUnits: true });
    const p = await preview(input);
    expect(matchesOf(p)).toEqual([['Kelurahan Plaju Ilir', 'Plaju Ilir', 'folded', 1], ['Seksi Kebersihan', 'Seksi Kebersihan', 'new', 1], ['Kel Seksi Kebersihan', 'Seksi Kebersihan', 'new', 1]]);
    expect(p.errors.map((e) => e.code)).toEqual(['import.unit_ambiguous']);
    const result = await apply(input);
    expect(result.createdUnits).toEqual(['Seksi Kebersihan']);
    const units = await o.t.ok('units.list', { includeInactive: true }, o.token);
    expect(units.filter((u) => u.name.toLowerCase().includes('kebersihan')).map((u) => u.name)).toEqual(['Seksi Kebersihan']);
    expect(units.filter((u) => u.name.toLowerCase().includes('baguskuning')).map((u) => u.id).sort()).toEqual([o.units.Baguskuning, dup].sort());
  });
});

describe('bangkom roster import --unit-map', () => {
  let dataDir: string;
  let dir: string;
  beforeEach(async () => {
    dataDir = await officeFolder();
    dir = tempDir('bangkom-unitmap-');
  });
  const write = (name: string, data: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    return file;
  };
  const bangkom = (...args: string[]) => captureCli(['--data', dataDir, ...args]);
  const aliases = () => {
    const db = peek(dataDir);
    try {
      return db.prepare('SELECT value, (SELECT name FROM units WHERE id = unit_id) AS unit FROM unit_aliases WHERE deleted_at IS NULL ORDER BY value').all();
    } finally {
      db.close();
    }
  };

  it('--json reports the matches and the values still unknown; a CSV map (Excel\'s, with a header) answers them and is remembered', async () => {
    const roster = write('nominatif.csv', rosterOf(OFFICE_FILE.concat(['Kasi Trantib'])));
    const dry = await bangkom('roster', 'import', roster, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const out = JSON.parse(dry.stdout);
    expect(out.unitMatches).toEqual([
      { value: 'Kelurahan Plaju Ilir', unit: 'Plaju Ilir', how: 'folded', rows: 2 },
      { value: 'Kel. Bagus Kuning', unit: 'Baguskuning', how: 'folded', rows: 1 },
      { value: 'Sekretariat', unit: 'Sekretariat Kecamatan', how: 'folded', rows: 1 },
      { value: '16.71.14.1001', unit: 'Plaju Ulu', how: 'code', rows: 1 },
    ]);
    expect(out.unknownUnits).toEqual([
      { value: 'Subbag Umum & Kepegawaian', rows: 1, candidates: [], suggestions: expect.arrayContaining(['Subbagian Umum dan Kepegawaian']) },
      expect.objectContaining({ value: 'Kasi Trantib', rows: 1, candidates: [] }),
    ]);

    // The map as Excel saves a CSV on an Indonesian PC: semicolons, Windows-1252, a header row.
    const map = write('peta-unit.csv', iconv.encode('Unit di berkas;Unit kerja\r\nSubbag Umum & Kepegawaian;Subbagian Umum dan Kepegawaian\r\nKasi Trantib;Seksi Ketenteraman dan Ketertiban Umum\r\n', 'win1252'));
    const dryMapped = JSON.parse((await bangkom('roster', 'import', roster, '--unit-map', map, '--dry-run', '--json')).stdout);
    expect(dryMapped).toMatchObject({ created: 8, errors: [], unknownUnits: [] });
    expect(aliases()).toEqual([]);
    const run = await bangkom('roster', 'import', roster, '--unit-map', map, '--json');
    expect(run.code).toBe(0);
    const applied = JSON.parse(run.stdout);
    expect(applied).toMatchObject({ created: 8, errors: [], unknownUnits: [] });
    expect(applied.unitMatches.filter((m: { how: string }) => m.how === 'chosen')).toEqual([
      { value: 'Subbag Umum & Kepegawaian', unit: 'Subbagian Umum dan Kepegawaian', how: 'chosen', rows: 1 },
      { value: 'Kasi Trantib', unit: 'Seksi Ketenteraman dan Ketertiban Umum', how: 'chosen', rows: 1 },
    ]);
    expect(aliases()).toEqual([
      { value: 'Kasi Trantib', unit: 'Seksi Ketenteraman dan Ketertiban Umum' },
      { value: 'Subbag Umum & Kepegawaian', unit: 'Subbagian Umum dan Kepegawaian' },
    ]);

    // Next month, no map: the remembered values go through.
    const next = JSON.parse((await bangkom('roster', 'import', write('bulan-depan.csv', rosterOf(['Kasi Trantib', 'Subbag Umum & Kepegawaian'], 10)), '--json')).stdout);
    expect(next).toMatchObject({ created: 2, errors: [], unknownUnits: [] });
    expect(next.unitMatches.map((m: { how: string }) => m.how)).toEqual(['alias', 'alias']);
  });

  it('takes a JSON object of names or codes; says what it matched without --json', async () => {
    const roster = write('a.csv', rosterOf(['Kel. Sukamaju', 'Kelurahan Plaju Ilir']));
    const map = write('peta.json', JSON.stringify({ 'Kel. Sukamaju': '16.71.14.1002' }));
    const run = await bangkom('roster', 'import', roster, '--unit-map', map);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('unit "Kel. Sukamaju" → Plaju Darat (dipilih)');
    expect(run.stdout).toContain('unit "Kelurahan Plaju Ilir" → Plaju Ilir (nama disamakan)');
    expect(aliases()).toEqual([{ value: 'Kel. Sukamaju', unit: 'Plaju Darat' }]);
    const unknown = await bangkom('roster', 'import', write('b.csv', rosterOf(['Seksi Kebersihan'], 2)), '--dry-run');
    expect(unknown.stdout).toContain('unit "Seksi Kebersihan" belum dikenal (1 baris)');
    expect(unknown.stdout).toContain('Pakai --unit-map.');
  });

  it('a map naming no unit, or not two columns, fails with one line and writes nothing', async () => {
    const roster = write('a.csv', rosterOf(['Kasi Trantib']));
    const before = (() => { const db = peek(dataDir); try { return writeCounts(db); } finally { db.close(); } })();
    const bad = await bangkom('roster', 'import', roster, '--unit-map', write('salah.csv', 'Kasi Trantib,Seksi Trantib\n'), '--json');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('bangkom: Pemetaan unit "Kasi Trantib" → "Seksi Trantib": tidak ada unit kerja dengan nama atau kode itu.\n');
    const oneColumn = await bangkom('roster', 'import', roster, '--unit-map', write('satu.csv', 'Kasi Trantib\nCamat;Camat\n'));
    expect(oneColumn.code).toBe(1);
    expect(oneColumn.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(oneColumn.stderr).toMatch(/^bangkom: Baris 1 berkas pemetaan unit .* harus berisi dua kolom/);
    const notJson = await bangkom('roster', 'import', roster, '--unit-map', write('rusak.json', '{"Kasi Trantib": '));
    expect(notJson.stderr).toMatch(/^bangkom: Berkas pemetaan unit .* bukan JSON yang sah\.\n$/);
    const after = (() => { const db = peek(dataDir); try { return writeCounts(db); } finally { db.close(); } })();
    expect(after).toEqual(before);
  });
});
