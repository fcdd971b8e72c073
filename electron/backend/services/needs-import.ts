import type { ParsedInput } from '../../../shared/contract/index.ts';
import type { NEED_SOURCES, PRIORITIES } from '../../../shared/contract/programme.ts';
import type { COMPETENCY_TYPES } from '../../../shared/domain/methods.ts';
import { foldHeader, headerMatcher } from '../../../shared/domain/header-matcher.ts';
import { parseNip } from '../../../shared/domain/nip.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import { newId } from '../db/ids.ts';
import { inChangeBatch, recordChange } from '../db/repos/changes.ts';
import { findEmployeeByNip } from '../db/repos/employees.ts';
import { listUnits } from '../db/repos/units.ts';
import { saveNeed } from '../db/repos/programme.ts';
import { readTable } from '../import/read-table.ts';
import type { ServiceContext } from './context.ts';
import { meta } from './office.ts';
import { writeTransaction } from '../db/transaction.ts';

// Needs come from the same spreadsheets and the same reader as the roster; only the columns differ.
const NEED_FIELDS = {
  nip: ['NIP', 'NIP Baru', 'NIP/NI PPPK'],
  unit: ['Unit Kerja', 'Unit', 'Seksi', 'Bidang'],
  competencyType: ['Jenis Kompetensi', 'Kompetensi', 'Jenis', 'Competency Type'],
  topic: ['Topik', 'Kebutuhan', 'Kebutuhan Pengembangan', 'Materi', 'Topic', 'Need'],
  source: ['Sumber', 'Sumber Data', 'Source'],
  priority: ['Prioritas', 'Priority'],
  notes: ['Keterangan', 'Catatan', 'Notes'],
} as const;
type NeedField = keyof typeof NEED_FIELDS;
const needHeaders = headerMatcher<NeedField>(NEED_FIELDS, (key) => (/^nip(?!lama)/.test(key) ? 'nip' : null));

const TYPE_WORDS: Record<string, (typeof COMPETENCY_TYPES)[number]> = {
  teknis: 'teknis', manajerial: 'manajerial', sosialkultural: 'sosial_kultural', sosiokultural: 'sosial_kultural', pemerintahan: 'pemerintahan',
};
const SOURCE_WORDS: Record<string, (typeof NEED_SOURCES)[number]> = {
  survei: 'survei', survey: 'survei', fgd: 'fgd', focusgroup: 'fgd', focusgroupdiscussion: 'fgd', diskusikelompokterpumpun: 'fgd',
  usulanatasan: 'usulan_atasan', usulan: 'usulan_atasan', atasan: 'usulan_atasan',
  kesenjangankinerja: 'kesenjangan_kinerja', kesenjangan: 'kesenjangan_kinerja', gapkinerja: 'kesenjangan_kinerja',
};
const PRIORITY_WORDS: Record<string, (typeof PRIORITIES)[number]> = { tinggi: 'tinggi', high: 'tinggi', sedang: 'sedang', medium: 'sedang', rendah: 'rendah', low: 'rendah' };

const { t } = createI18n('id');

interface NeedRecordInput {
  id: string; year: number; employeeId: string | null; unitId: string | null; competencyType: (typeof COMPETENCY_TYPES)[number];
  topic: string; source: (typeof NEED_SOURCES)[number]; priority: (typeof PRIORITIES)[number]; notes: string;
}

export async function importNeeds(ctx: ServiceContext, input: ParsedInput<'needs.import'>) {
  const table = await readTable(Buffer.from(input.dataBase64, 'base64'), input.fileName, input.sheet ? { sheet: input.sheet } : {});
  const columns = new Map<NeedField, number>();
  for (const [index, field] of Object.entries(needHeaders.map(table.headers).mapping)) if (field) columns.set(field, Number(index));
  const units = new Map(listUnits(ctx.db, true).map((u) => [foldHeader(u.name), u.id]));
  const errors: { row: number; field: string; code: string; message: string; params?: Record<string, string> }[] = [];
  // The message is Indonesian for the CLI and logs; the screen translates code and params itself.
  const fail = (row: number, field: string, code: string, params: Record<string, string> = {}) =>
    errors.push({ row, field, code, message: t(code, { ...params, defaultValue: code }), ...(Object.keys(params).length ? { params } : {}) });

  const valid: Omit<NeedRecordInput, 'id'>[] = [];
  for (const r of table.rows) {
    const cell = (f: NeedField) => (columns.has(f) ? (r.cells[columns.get(f)!] ?? '').trim() : '');
    if (!cell('topic') && !cell('nip') && !cell('unit')) continue; // footer or blank-ish row
    const before = errors.length;
    let employeeId: string | null = null;
    let unitId: string | null = null;
    if (cell('nip')) {
      const parsed = parseNip(cell('nip'));
      if (!parsed.ok) parsed.errors.forEach((e) => fail(r.rowNumber, 'nip', e.code));
      else {
        const employee = findEmployeeByNip(ctx.db, parsed.nip.digits);
        if (!employee || employee.deletedAt) fail(r.rowNumber, 'nip', 'employee.unknown_nip', { nip: cell('nip') });
        else employeeId = employee.id;
      }
    }
    if (cell('unit')) {
      unitId = units.get(foldHeader(cell('unit'))) ?? null;
      if (!unitId) fail(r.rowNumber, 'unit', 'import.unit_unknown', { unit: cell('unit') });
    }
    if (!cell('nip') && !cell('unit')) fail(r.rowNumber, 'nip', 'validation.need_target');
    const competencyType = TYPE_WORDS[foldHeader(cell('competencyType'))];
    if (!competencyType) fail(r.rowNumber, 'competencyType', 'import.competency_type_invalid', { value: cell('competencyType') });
    if (!cell('topic')) fail(r.rowNumber, 'topic', 'validation.required');
    const source = cell('source') ? SOURCE_WORDS[foldHeader(cell('source'))] : 'survei';
    if (!source) fail(r.rowNumber, 'source', 'import.need_source_invalid', { value: cell('source') });
    const priority = cell('priority') ? PRIORITY_WORDS[foldHeader(cell('priority'))] : 'sedang';
    if (!priority) fail(r.rowNumber, 'priority', 'import.priority_invalid', { value: cell('priority') });
    if (errors.length === before) {
      valid.push({ year: input.year, employeeId, unitId, competencyType: competencyType!, topic: cell('topic'), source: source!, priority: priority!, notes: cell('notes') });
    }
  }
  const rows = valid.length + new Set(errors.map((e) => e.row)).size;
  if (!input.dryRun && valid.length) {
    writeTransaction(ctx.db, () => inChangeBatch(ctx.db, () => {
      const m = meta(ctx);
      for (const v of valid) {
        const need = { id: newId(), ...v, createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin, deletedAt: null };
        saveNeed(ctx.db, need, true);
        recordChange(ctx.db, m, { entity: 'need', entityId: need.id, op: 'insert', after: need });
      }
    }));
  }
  return { rows, created: input.dryRun ? 0 : valid.length, errors };
}
