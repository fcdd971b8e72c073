// Spreadsheets too large to open: a small .xlsx can unpack to gigabytes (a zip bomb), or hold
// millions of cells. They are refused with a message that says what to do, before exceljs
// unpacks them; and the file-size limit is told in MB of the file, not of its base64 text.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../electron/backend/import/read-table.ts';
import { XLSX_LIMITS, checkXlsxSize, countElements } from '../../electron/backend/import/xlsx-limits.ts';
import { IMPORT_BASE64_MAX_LENGTH, IMPORT_MAX_BYTES } from '../../shared/contract/roster.ts';
import { createI18n, errorText } from '../../shared/i18n/index.ts';
import { openTestBackend, removeTempDirs, setUpOffice, tempDir, type TestBackend } from '../helpers/backend.ts';
import { captureCli } from '../helpers/cli.ts';
import { fileInput } from '../helpers/roster.ts';
import { SHEET_HEAD, SHEET_TAIL, makeZip, sheetXml, workbookParts } from '../helpers/zip.ts';

const MB = 1024 * 1024;
const tId = createI18n('id').t;
const tEn = createI18n('en').t;

const fileIssue = (message: string, params: Record<string, unknown>) => ({
  code: 'VALIDATION',
  details: { issues: [{ path: ['file'], message, params }] },
});
const TOO_BIG = fileIssue('import.xlsx_too_big', { maxMb: 100 });
const TOO_MANY_CELLS = fileIssue('import.xlsx_too_many_cells', { maxCellsMillion: 1 });

/** A sheet with a header row and then `padding` MB of spaces: valid XML that packs a thousandfold. */
const paddedSheet = (paddingMb: number) => ({
  head: `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>NIP</t></is></c><c r="B1" t="inlineStr"><is><t>Nama</t></is></c></row>`,
  repeat: ' '.repeat(1024),
  times: paddingMb * 1024,
  tail: SHEET_TAIL,
});

let dir: string;
let zipBomb: Buffer;
beforeAll(async () => {
  dir = tempDir('bangkom-xlsx-limits-');
  zipBomb = await makeZip(workbookParts(paddedSheet(150)));
});
afterAll(() => removeTempDirs());

describe('workbooks too large to open', () => {
  it('a hand-made workbook with the same parts, of ordinary size, reads', async () => {
    const data = await makeZip(workbookParts(sheetXml([['NIP', 'Nama'], ['198609262015052001', 'Siti Aminah']])));
    const table = await readTable(data, 'pegawai.xlsx');
    expect(table).toMatchObject({ format: 'xlsx', sheet: 'Pegawai', headers: ['NIP', 'Nama'], rows: [{ rowNumber: 2, cells: ['198609262015052001', 'Siti Aminah'] }] });
  });

  it('a zip bomb (150 MB of sheet in a file of a few hundred KB) is refused from its directory', async () => {
    expect(zipBomb.length).toBeLessThan(MB);
    const file = path.join(dir, 'bom.xlsx');
    fs.writeFileSync(file, zipBomb);
    await expect(readTable(fs.readFileSync(file), 'bom.xlsx')).rejects.toMatchObject(TOO_BIG);
  });

  it('a directory that understates the sizes does not help: unpacking stops at the limit', async () => {
    const lying = await makeZip(workbookParts(paddedSheet(150), { declaredSize: 4096 }));
    await expect(readTable(lying, 'bohong.xlsx')).rejects.toMatchObject(TOO_BIG);
  });

  it('parts that are each under the limit but together over it are refused', async () => {
    const parts = workbookParts(paddedSheet(60));
    parts.push({ name: 'xl/media/image1.png', data: { repeat: '\0'.repeat(1024), times: 60 * 1024 } });
    await expect(readTable(await makeZip(parts), 'dua.xlsx')).rejects.toMatchObject(TOO_BIG);
  });

  it('sizes in a zip64 field are read: a part claiming 5 GB is refused, a small one passes', async () => {
    const huge = await makeZip(workbookParts(sheetXml([['NIP', 'Nama']]), { zip64: true, declaredSize: 5 * 1024 * MB }));
    expect(() => checkXlsxSize(huge)).toThrow(expect.objectContaining(TOO_BIG));
    const small = await makeZip(workbookParts(sheetXml([['NIP', 'Nama']]), { zip64: true }));
    expect(() => checkXlsxSize(small)).not.toThrow();
  });

  it(`more than ${XLSX_LIMITS.cells.toLocaleString('en')} cells is refused, though the sheet is well under the size limit`, async () => {
    const cells = { head: SHEET_HEAD, repeat: '<row><c/><c/><c/><c/><c/><c/><c/><c/><c/><c/></row>', times: 200_000, tail: SHEET_TAIL };
    await expect(readTable(await makeZip(workbookParts(cells)), 'sel.xlsx')).rejects.toMatchObject(TOO_MANY_CELLS);
  });

  it('cells are counted with any namespace prefix, and nothing else is', () => {
    const xml = Buffer.from('<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><c/></x:row><col min="1"/><cfRule/><!-- <c> --><![CDATA[<c>]]></x:sheetData>');
    expect(countElements(xml, new Set(['c', 'row']))).toBe(3);
  });

  it('the refusals say, in both languages, what is too big and what to do', () => {
    const big = { code: 'VALIDATION' as const, message: 'import.xlsx_too_big', details: { issues: [{ path: ['file'], message: 'import.xlsx_too_big', params: { maxMb: 100 } }] } };
    expect(errorText(tId, big)).toMatch(/terlalu besar .*100 MB.* Bagi datanya menjadi beberapa berkas, atau salin hanya lembar yang diperlukan/);
    expect(errorText(tEn, big)).toMatch(/too large .*100 MB.* Split the data into several files, or copy only the sheet you need/);
    const cells = { code: 'VALIDATION' as const, message: 'import.xlsx_too_many_cells', details: { issues: [{ path: ['file'], message: 'import.xlsx_too_many_cells', params: { maxCellsMillion: 1 } }] } };
    expect(errorText(tId, cells)).toMatch(/terlalu banyak sel \(lebih dari 1 juta\)/);
    expect(errorText(tEn, cells)).toMatch(/too many cells \(more than 1 million\)/);
  });
});

describe('through the doors', () => {
  let t: TestBackend;
  let token: string;
  let dataDir: string;
  beforeAll(async () => {
    t = openTestBackend();
    dataDir = t.dataDir;
    token = await setUpOffice(t);
  });
  afterAll(() => t.close());

  it('roster preview and needs import refuse the zip bomb on the file field', async () => {
    const input = fileInput(dir, 'bom.xlsx', zipBomb);
    expect(await t.fails('roster.preview', input, 'VALIDATION', token)).toMatchObject(TOO_BIG);
    expect(await t.fails('needs.import', { ...input, year: 2026 }, 'VALIDATION', token)).toMatchObject(TOO_BIG);
  });

  it('bangkom roster import says it in one line and exits non-zero', async () => {
    const file = path.join(dir, 'bom-cli.xlsx');
    fs.writeFileSync(file, zipBomb);
    const run = await captureCli(['--data', dataDir, 'roster', 'import', file]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^bangkom: .*terlalu besar .*100 MB.*\n$/);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it(`a file over ${IMPORT_MAX_BYTES / MB} MB is refused in MB of the file, by the contract and by the reader`, async () => {
    const contract = await t.fails('roster.preview', { fileName: 'besar.csv', dataBase64: 'A'.repeat(IMPORT_BASE64_MAX_LENGTH + 4) }, 'VALIDATION', token);
    expect(contract.details?.issues).toEqual([{ path: ['dataBase64'], message: 'import.too_large', params: { maxMb: 20 } }]);
    expect(errorText(tId, contract)).toBe('Berkas: Berkas terlalu besar (maksimal 20 MB).');
    expect(errorText(tEn, contract)).toMatch(/: The file is too large \(at most 20 MB\)\.$/);
    const needs = await t.fails('needs.import', { fileName: 'besar.csv', dataBase64: 'A'.repeat(IMPORT_BASE64_MAX_LENGTH + 4), year: 2026 }, 'VALIDATION', token);
    expect(needs.details?.issues?.[0]).toMatchObject({ message: 'import.too_large', params: { maxMb: 20 } });
    await expect(readTable(Buffer.alloc(IMPORT_MAX_BYTES + 1, 0x41), 'besar.csv')).rejects.toMatchObject(fileIssue('import.too_large', { maxMb: 20 }));
  });

  it('an empty file is import.empty, not a length in characters', async () => {
    const error = await t.fails('roster.preview', { fileName: 'kosong.csv', dataBase64: '' }, 'VALIDATION', token);
    expect(error.details?.issues).toEqual([{ path: ['dataBase64'], message: 'import.empty' }]);
  });
});
