// Level 2, learning: pre-test and post-test per participant (the enrolment's own columns, which
// the completion rule and the certificates already read), typed in as a list or imported from
// a sheet, with the gain per person and for the event.
import { ApiError, type FieldIssue } from '../../../shared/contract/errors.ts';
import type { EventScores } from '../../../shared/contract/evaluation.ts';
import type { ParsedInput } from '../../../shared/contract/index.ts';
import type { ImportIssue } from '../../../shared/contract/roster.ts';
import { meanOf } from '../../../shared/domain/evaluation.ts';
import { headerMatcher } from '../../../shared/domain/header-matcher.ts';
import { round2 } from '../../../shared/domain/jp.ts';
import { parseNip } from '../../../shared/domain/nip.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import type { Db } from '../db/open.ts';
import { inChangeBatch } from '../db/repos/changes.ts';
import * as t from '../db/repos/trainings.ts';
import { writeTransaction } from '../db/transaction.ts';
import { readTable } from '../import/read-table.ts';
import type { ServiceContext, WriteMeta } from '../services/context.ts';
import { requireEvent, saveScores } from '../services/events.ts';
import { meta } from '../services/office.ts';

/** The participants (withdrawn people aside) with their scores, gain and the event's minimum. */
export function eventScores(db: Db, eventId: string): EventScores {
  const event = requireEvent(db, eventId);
  const min = event.minPostTest;
  const rows = t.listEnrolments(db, eventId, false).map((e) => ({
    enrolmentId: e.id, employeeId: e.employeeId, nip: e.nip, name: e.name, unit: e.unit, preTest: e.preTest, postTest: e.postTest,
    gain: e.preTest !== null && e.postTest !== null ? round2(e.postTest - e.preTest) : null,
    meetsMinimum: min === null || e.postTest === null ? null : e.postTest >= min,
  }));
  const values = (pick: (r: (typeof rows)[number]) => number | null) => rows.map(pick).filter((v): v is number => v !== null);
  return {
    eventId, minPostTest: min, rows,
    stats: {
      scored: rows.filter((r) => r.preTest !== null || r.postTest !== null).length,
      meanPre: meanOf(values((r) => r.preTest)),
      meanPost: meanOf(values((r) => r.postTest)),
      meanGain: meanOf(values((r) => r.gain)),
      belowMinimum: rows.filter((r) => r.meetsMinimum === false).length,
    },
  };
}

/** Writes a participant's scores when they differ (an unchanged row is not journalled). */
function writeScores(db: Db, m: WriteMeta, before: t.EnrolmentRecord, preTest: number | null, postTest: number | null): void {
  if (before.preTest !== preTest || before.postTest !== postTest) saveScores(db, m, before, preTest, postTest);
}

/** Many participants at once: every row is checked first, and one bad row saves nothing. */
export function setScores(ctx: ServiceContext, input: ParsedInput<'scores.setMany'>): EventScores {
  return writeTransaction(ctx.db, () => {
    requireEvent(ctx.db, input.eventId);
    const enrolments = new Map(t.listEnrolments(ctx.db, input.eventId, true).map((e) => [e.id, e]));
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    input.scores.forEach((s, i) => {
      const e = enrolments.get(s.enrolmentId);
      const path = ['scores', i, 'enrolmentId'];
      if (!e) issues.push({ path, message: 'evaluation.enrolment_not_in_event' });
      else if (e.status !== 'terdaftar') issues.push({ path, message: 'evaluation.enrolment_withdrawn', params: { name: e.name } });
      else if (seen.has(e.id)) issues.push({ path, message: 'evaluation.enrolment_twice', params: { name: e.name } });
      seen.add(s.enrolmentId);
    });
    if (issues.length) throw new ApiError('VALIDATION', issues[0]!.message, { issues });
    const m = meta(ctx);
    inChangeBatch(ctx.db, () => {
      for (const s of input.scores) writeScores(ctx.db, m, enrolments.get(s.enrolmentId)!, s.preTest, s.postTest);
    });
    return eventScores(ctx.db, input.eventId);
  });
}

// ── import ───────────────────────────────────────────────────────────────────────────────
const SCORE_FIELDS = {
  nip: ['NIP', 'NIP Baru', 'NIP/NI PPPK'],
  name: ['Nama', 'Nama Peserta', 'Nama Pegawai'],
  preTest: ['Pre-test', 'Pretest', 'Nilai Pre Test', 'Nilai Pre-test', 'Nilai Awal', 'Pre'],
  postTest: ['Post-test', 'Posttest', 'Nilai Post Test', 'Nilai Post-test', 'Nilai Akhir', 'Post'],
} as const;
type ScoreField = keyof typeof SCORE_FIELDS;
const scoreHeaders = headerMatcher<ScoreField>(SCORE_FIELDS, (key) => (/^nip(?!lama)/.test(key) ? 'nip' : null));

/** "85", "85,5" or "85.5"; '' and '-' are no score given (the stored one stays). */
export function parseScore(cell: string): { ok: true; value: number | undefined } | { ok: false; code: string } {
  const text = cell.trim();
  if (text === '' || text === '-') return { ok: true, value: undefined };
  if (!/^\d+(?:[.,]\d+)?$/.test(text)) return { ok: false, code: 'evaluation.score_invalid' };
  const value = Number(text.replace(',', '.'));
  return value > 100 ? { ok: false, code: 'evaluation.score_range' } : { ok: true, value: round2(value) };
}

const { t: tr } = createI18n('id');

/**
 * A sheet of NIP and scores, read like the roster: rows with a problem are reported (row, column,
 * what is wrong) and left out, the others are saved together (none on a dry run, which says
 * what would change). An empty score cell keeps the score already entered.
 */
export async function importScores(ctx: ServiceContext, input: ParsedInput<'scores.import'>) {
  requireEvent(ctx.db, input.eventId);
  const table = await readTable(Buffer.from(input.dataBase64, 'base64'), input.fileName);
  const columns = new Map<ScoreField, number>();
  for (const [index, field] of Object.entries(scoreHeaders.map(table.headers).mapping)) if (field) columns.set(field, Number(index));
  if (!columns.has('nip')) throw ApiError.field(['file'], 'evaluation.import_no_nip');
  if (!columns.has('preTest') && !columns.has('postTest')) throw ApiError.field(['file'], 'evaluation.import_no_scores');

  const enrolments = t.listEnrolments(ctx.db, input.eventId, true);
  const byNip = new Map(enrolments.filter((e) => e.nip).map((e) => [e.nip!, e]));
  const errors: ImportIssue[] = [];
  const fail = (row: number, field: ScoreField, code: string, params: Record<string, string> = {}) =>
    errors.push({ row, field, code, message: tr(code, { ...params, defaultValue: code }), ...(Object.keys(params).length ? { params } : {}) });

  const valid: { enrolment: t.EnrolmentView; preTest: number | null; postTest: number | null }[] = [];
  const rowOf = new Map<string, number>();
  let rows = 0;
  for (const r of table.rows) {
    const cell = (f: ScoreField) => (columns.has(f) ? (r.cells[columns.get(f)!] ?? '').trim() : '');
    if (!cell('nip') && !cell('preTest') && !cell('postTest')) continue; // a footer or a name without anything
    rows++;
    const before = errors.length;
    let enrolment: t.EnrolmentView | undefined;
    if (!cell('nip')) fail(r.rowNumber, 'nip', 'validation.required');
    else {
      const parsed = parseNip(cell('nip'));
      if (!parsed.ok) fail(r.rowNumber, 'nip', parsed.errors[0]!.code);
      else {
        enrolment = byNip.get(parsed.nip.digits);
        if (!enrolment) fail(r.rowNumber, 'nip', 'evaluation.nip_not_enrolled', { nip: cell('nip') });
        else if (enrolment.status !== 'terdaftar') fail(r.rowNumber, 'nip', 'evaluation.enrolment_withdrawn', { name: enrolment.name });
        else if (rowOf.has(enrolment.id)) fail(r.rowNumber, 'nip', 'evaluation.nip_twice', { row: String(rowOf.get(enrolment.id)) });
      }
    }
    const scores = (['preTest', 'postTest'] as const).map((f) => {
      const parsed = parseScore(cell(f));
      if (!parsed.ok) { fail(r.rowNumber, f, parsed.code, { value: cell(f) }); return undefined; }
      return parsed.value;
    });
    if (errors.length > before || !enrolment) continue;
    rowOf.set(enrolment.id, r.rowNumber);
    valid.push({ enrolment, preTest: scores[0] === undefined ? enrolment.preTest : scores[0], postTest: scores[1] === undefined ? enrolment.postTest : scores[1] });
  }
  const changing = valid.filter((v) => v.enrolment.preTest !== v.preTest || v.enrolment.postTest !== v.postTest);
  if (!input.dryRun && changing.length) {
    writeTransaction(ctx.db, () => inChangeBatch(ctx.db, () => {
      const m = meta(ctx);
      for (const v of changing) {
        // Read again inside the write: another door may have changed the row since the file was read.
        const current = t.getEnrolment(ctx.db, v.enrolment.id);
        if (current) writeScores(ctx.db, m, current, v.preTest, v.postTest);
      }
    }));
  }
  return { rows, updated: changing.length, unchanged: valid.length - changing.length, errors };
}
