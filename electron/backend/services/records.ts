// Training records from outside the office's events: entered one by one or imported, checked
// against the method's JP rule and against the records already there, verified by an admin,
// with an optional scanned certificate kept in the data folder.
import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/contract/errors.ts';
import type { ParsedInput } from '../../../shared/contract/index.ts';
import type { recordMethods, TrainingRecord } from '../../../shared/contract/records.ts';
import { decideJp } from '../../../shared/domain/record-jp.ts';
import { methodById } from '../../../shared/domain/methods.ts';
import { displayName } from '../../../shared/domain/person-name.ts';
import { dateInZone } from '../../../shared/domain/dates.ts';
import { searchTerms } from '../../../shared/domain/search.ts';
import { formatNip } from '../../../shared/domain/nip.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import type { Db } from '../db/open.ts';
import { newId } from '../db/ids.ts';
import { diffFields, recordChange } from '../db/repos/changes.ts';
import { getEmployee } from '../db/repos/employees.ts';
import { getOffice } from '../db/repos/office.ts';
import * as repo from '../db/repos/records.ts';
import { writeTransaction } from '../db/transaction.ts';
import { readTable } from '../import/read-table.ts';
import { analyseRecords, applyRecords, previewRecords, summariseRecords } from '../records/import.ts';
import { certificateNumberOf, titleKey } from '../records/keys.ts';
import { checkScan, discardScan, downloadName, readScan, storeScan, type CheckedScan } from '../records/scan-store.ts';
import type { ServiceContext, WriteMeta } from './context.ts';
import type { Handlers } from './handlers.ts';
import { meta } from './office.ts';

const ENTITY = 'training_record';
const { t } = createI18n('id');

export function toTrainingRecord(v: repo.RecordView): TrainingRecord {
  return {
    id: v.id, createdAt: v.createdAt, updatedAt: v.updatedAt, updatedBy: v.updatedBy, origin: v.origin,
    employeeId: v.employeeId, nip: v.nip, name: displayName({ front: v.frontTitle, name: v.name, back: v.backTitle }),
    unitId: v.unitId, unit: v.unit, title: v.title, organiser: v.organiser, methodId: v.methodId,
    methodName: methodById(v.methodId)?.name ?? String(v.methodId), competencyType: v.competencyType,
    startDate: v.startDate, endDate: v.endDate, international: v.international, hours: v.hours, sessions: v.sessions,
    computedJp: v.computedJp, jp: v.jp, jpReason: v.jpReason ?? '', certificateNumber: v.certificateNumber ?? '',
    certificateDate: v.certificateDate, place: v.place, notes: v.notes,
    scan: v.scanSha256 && v.scanType ? { sha256: v.scanSha256, fileName: v.scanName ?? '', mimeType: v.scanType, size: v.scanSize ?? 0 } : null,
    source: v.source, verified: v.verifiedAt !== null, verifiedAt: v.verifiedAt, verifiedBy: v.verifiedBy,
  };
}

/** NOT_FOUND with the words for what is missing (errorText reads `messageKey`). */
const notFound = (messageKey: string) => new ApiError('NOT_FOUND', t(messageKey), { messageKey });

function required(db: Db, id: string): repo.RecordView {
  const row = repo.getRecord(db, id);
  if (!row || row.deletedAt) throw notFound('records.not_found');
  return row;
}

const current = (db: Db, id: string) => toTrainingRecord(repo.getRecord(db, id)!);

type Fields = Omit<ParsedInput<'records.update'>, 'id'>;
type Content = Omit<repo.RecordRow, 'id' | 'source' | 'verifiedAt' | 'verifiedBy' | 'scanSha256' | 'scanName' | 'scanType' | 'scanSize'
  | 'createdAt' | 'updatedAt' | 'updatedBy' | 'origin' | 'deletedAt'>;

/** "The same training twice", naming the record already there (CONFLICT; details for the screens). */
function duplicate(existing: repo.RecordView, field: 'title' | 'certificateNumber'): ApiError {
  const messageKey = field === 'title' ? 'records.duplicate' : 'records.duplicate_certificate';
  const [y, m, d] = existing.startDate.split('-').map(Number) as [number, number, number];
  const params = {
    field, existingId: existing.id, nip: existing.nip, nipText: formatNip(existing.nip), name: displayName({ front: existing.frontTitle, name: existing.name, back: existing.backTitle }),
    title: existing.title, startDate: existing.startDate, startAt: Date.UTC(y, m - 1, d), certificateNumber: existing.certificateNumber ?? '',
  };
  return new ApiError('CONFLICT', t(messageKey, params), { ...params, messageKey });
}

/**
 * The record's stored content from what was entered, checked: the person is on the roster, the
 * JP agrees with the method's rule (or a reason says why not), and it is not a training the
 * person already has, nor a certificate number another record has.
 */
function checkedContent(db: Db, input: Fields, exceptId: string | null): Content {
  const employee = getEmployee(db, input.employeeId);
  if (!employee) throw ApiError.field(['employeeId'], 'employee.unknown');
  if (employee.deletedAt) throw ApiError.field(['employeeId'], 'records.employee_removed', { name: employee.name });
  const decided = decideJp(input.methodId, { ...input, jpReason: input.jpReason });
  if (!decided.ok) throw ApiError.field(['jp'], decided.code, decided.params);
  const content: Content = {
    employeeId: input.employeeId, title: input.title, titleKey: titleKey(input.title), organiser: input.organiser,
    methodId: input.methodId, competencyType: input.competencyType, startDate: input.startDate, endDate: input.endDate,
    international: input.international, hours: input.hours, sessions: input.sessions, computedJp: decided.computedJp,
    jp: decided.jp, jpReason: decided.jpReason || null, certificateNumber: certificateNumberOf(input.certificateNumber),
    certificateDate: input.certificateDate, place: input.place, notes: input.notes,
  };
  const same = repo.findSameTraining(db, content, exceptId);
  if (same) throw duplicate(same, 'title');
  if (content.certificateNumber) {
    const sameCertificate = repo.findByCertificate(db, content.certificateNumber, exceptId);
    if (sameCertificate) throw duplicate(sameCertificate, 'certificateNumber');
  }
  // Nor one of the office's own trainings, whose JP the attendance already gives.
  const event = repo.officeTrainingKeys(db, content.employeeId)
    .find((k) => titleKey(k.eventName) === content.titleKey && k.startDate === content.startDate && k.endDate === content.endDate);
  const issued = content.certificateNumber ? repo.officeCertificateNumbers(db, content.certificateNumber)[0] : undefined;
  if (event || issued) {
    const name = displayName({ front: employee.frontTitle, name: employee.name, back: employee.backTitle });
    const [y, m, d] = content.startDate.split('-').map(Number) as [number, number, number];
    const params = event
      ? { field: 'title', eventId: event.eventId, eventName: event.eventName, name, startAt: Date.UTC(y, m - 1, d) }
      : { field: 'certificateNumber', eventId: issued!.eventId, eventName: issued!.eventName, certificateNumber: content.certificateNumber! };
    const messageKey = event ? 'records.duplicate_office_event' : 'records.duplicate_office_certificate';
    throw new ApiError('CONFLICT', t(messageKey, params), { ...params, messageKey });
  }
  return content;
}

const scanFields = (scan: CheckedScan) => ({ scanSha256: scan.sha256, scanName: scan.fileName, scanType: scan.mimeType, scanSize: scan.size });

/**
 * Runs a write that may store a scan. A scan file this write stored is taken away again if the
 * write fails, unless a record already keeps it; one that was there before stays.
 */
function withScan<T>(ctx: ServiceContext, scan: CheckedScan | null, write: (store: () => void) => T): T {
  let stored = false;
  try {
    return writeTransaction(ctx.db, () => write(() => { if (scan) stored = storeScan(ctx.dataDir, scan); }));
  } catch (err) {
    if (stored && scan && !repo.scanInUse(ctx.db, scan.sha256)) discardScan(ctx.dataDir, scan);
    throw err;
  }
}

function update(db: Db, m: WriteMeta, before: repo.RecordView, changes: Partial<repo.RecordRow>, op: 'update' | 'delete' = 'update'): void {
  const plain = repo.rowOf(before);
  const after: repo.RecordRow = { ...plain, ...changes, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
  repo.updateRecord(db, after);
  recordChange(db, m, { entity: ENTITY, entityId: before.id, op, before: plain, after });
}

async function readRecordsFile(input: ParsedInput<'records.preview'>) {
  return readTable(Buffer.from(input.dataBase64, 'base64'), input.fileName, input.sheet ? { sheet: input.sheet } : {});
}

const today = (ctx: ServiceContext) => dateInZone(ctx.now(), getOffice(ctx.db)?.timezone ?? 'Asia/Jakarta');

export const recordHandlers = {
  'records.list': ({ search, ...filter }, ctx) => {
    const terms = searchTerms(search ?? '');
    return repo.listRecords(ctx.db, { ...filter, terms, titleTerms: terms.map(titleKey) }).map(toTrainingRecord);
  },

  'records.get': ({ id }, ctx) => toTrainingRecord(required(ctx.db, id)),

  'records.create': ({ scan: upload, ...input }, ctx) => {
    // The scan is checked before anything is written: a refused file leaves no record behind.
    const scan = upload ? checkScan(upload) : null;
    return withScan(ctx, scan, (storeFile) => {
      const content = checkedContent(ctx.db, input, null);
      const m = meta(ctx);
      storeFile();
      const row: repo.RecordRow = {
        id: newId(), ...content, source: 'manual', verifiedAt: null, verifiedBy: null,
        scanSha256: null, scanName: null, scanType: null, scanSize: null, ...(scan ? scanFields(scan) : {}),
        createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin, deletedAt: null,
      };
      repo.insertRecord(ctx.db, row);
      const { createdAt: _c, updatedAt: _u, updatedBy: _b, origin: _o, deletedAt: _d, ...after } = row;
      recordChange(ctx.db, m, { entity: ENTITY, entityId: row.id, op: 'insert', after });
      return current(ctx.db, row.id);
    });
  },

  'records.update': ({ id, ...input }, ctx) => writeTransaction(ctx.db, () => {
    const before = required(ctx.db, id);
    const content = checkedContent(ctx.db, input, id);
    // Saving the form unchanged is not a change: no journal row, and the verification stands.
    if (!Object.keys(diffFields(repo.rowOf(before), { ...repo.rowOf(before), ...content })).length) return toTrainingRecord(before);
    // An admin verified what the record said; once it says something else, that check no longer
    // holds, so any change of its content takes the verification away.
    update(ctx.db, meta(ctx), before, { ...content, verifiedAt: null, verifiedBy: null });
    return current(ctx.db, id);
  }),

  'records.remove': ({ id }, ctx) => writeTransaction(ctx.db, () => {
    const before = required(ctx.db, id);
    const m = meta(ctx);
    update(ctx.db, m, before, { deletedAt: m.at }, 'delete');
    return { ok: true as const };
  }),

  'records.verify': ({ id, verified }, ctx) => writeTransaction(ctx.db, () => {
    const before = required(ctx.db, id);
    if (verified === (before.verifiedAt !== null)) return toTrainingRecord(before);
    const m = meta(ctx);
    // The name, not the account id: the record then says who checked it wherever it is shown,
    // the command line's "cli:<user>" included.
    update(ctx.db, m, before, verified ? { verifiedAt: m.at, verifiedBy: m.actor?.username ?? null } : { verifiedAt: null, verifiedBy: null });
    return current(ctx.db, id);
  }),

  'records.attachScan': ({ id, ...upload }, ctx) => {
    const scan = checkScan(upload);
    return withScan(ctx, scan, (storeFile) => {
      const before = required(ctx.db, id);
      storeFile();
      // The same file again changes nothing in the record (it may repair a damaged copy on disk).
      if (before.scanSha256 === scan.sha256 && before.scanName === scan.fileName) return toTrainingRecord(before);
      // The admin checked the record against the scan it had: another scan needs another check.
      update(ctx.db, meta(ctx), before, { ...scanFields(scan), verifiedAt: null, verifiedBy: null });
      return current(ctx.db, id);
    });
  },

  // The file stays in the data folder: another record, or a backup of this database, may name it.
  'records.removeScan': ({ id }, ctx) => writeTransaction(ctx.db, () => {
    const before = required(ctx.db, id);
    if (!before.scanSha256) return toTrainingRecord(before);
    update(ctx.db, meta(ctx), before, { scanSha256: null, scanName: null, scanType: null, scanSize: null, verifiedAt: null, verifiedBy: null });
    return current(ctx.db, id);
  }),

  'records.scan': ({ id }, ctx) => {
    const record = required(ctx.db, id);
    if (!record.scanSha256 || !record.scanType) throw notFound('records.no_scan');
    const data = readScan(ctx.dataDir, record.scanSha256, record.scanType);
    if (!data) throw notFound('records.scan_missing');
    if (createHash('sha256').update(data).digest('hex') !== record.scanSha256) {
      throw notFound('records.scan_damaged');
    }
    return { fileName: downloadName(record.scanName, record.scanType), mimeType: record.scanType, dataBase64: data.toString('base64') };
  },

  'records.preview': async (input, ctx) => previewRecords(analyseRecords(ctx.db, await readRecordsFile(input), input, { today: today(ctx) })),

  'records.apply': async (input, ctx) => {
    const table = await readRecordsFile(input);
    // Read and checked inside the transaction: the roster and the records the rows are compared
    // with are those they are written beside.
    return writeTransaction(ctx.db, () => {
      const analysis = analyseRecords(ctx.db, table, input, { today: today(ctx) });
      applyRecords(ctx.db, meta(ctx), analysis, input.fileName, input.mapping !== undefined);
      return summariseRecords(analysis);
    });
  },
} satisfies Pick<Handlers, keyof typeof recordMethods>;
