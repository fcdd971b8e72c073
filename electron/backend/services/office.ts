import { ApiError } from '../../../shared/contract/errors.ts';
import type { Office, Unit } from '../../../shared/contract/office.ts';
import type { Db } from '../db/open.ts';
import { newId } from '../db/ids.ts';
import { recordChange } from '../db/repos/changes.ts';
import * as offices from '../db/repos/office.ts';
import * as units from '../db/repos/units.ts';
import { countActiveAdmins } from '../db/repos/users.ts';
import { foldUnitName, foldedDuplicates } from '../../../shared/domain/unit-names.ts';
import { nowIso, type ServiceContext, type WriteMeta } from './context.ts';
import type { Handlers } from './handlers.ts';
import { validateImage } from './logo.ts';
import { lookupDistrict, lookupRegency, villages } from './regions.ts';
import { cityRegency, setCityMode } from '../db/repos/city-mode.ts';
import { createUser } from './users.ts';
import { openSession } from './auth.ts';
import { writeTransaction } from '../db/transaction.ts';
import { addOfficeKey } from '../db/repos/office-keys.ts';
import { hasTable } from '../db/migrate.ts';

/** Before setup there is no office code yet; rows written then (none in practice) say so. */
export function officeOrigin(db: Db): string {
  return offices.getOffice(db)?.code ?? 'unset';
}

export function meta(ctx: ServiceContext): WriteMeta {
  return { at: nowIso(ctx), actor: ctx.actor, origin: officeOrigin(ctx.db) };
}

export function requireOffice(db: Db): Office {
  const office = offices.getOffice(db);
  if (!office) throw new ApiError('SETUP_REQUIRED', 'Kantor belum diatur. Jalankan pengaturan awal terlebih dahulu.');
  return office;
}

/** The office's own units every kantor camat has (PP 17/2018); the admin edits the list. */
export const DEFAULT_UNITS = [
  'Camat',
  'Sekretariat Kecamatan',
  'Subbagian Umum dan Kepegawaian',
  'Subbagian Perencanaan dan Keuangan',
  'Seksi Pemerintahan',
  'Seksi Ketenteraman dan Ketertiban Umum',
  'Seksi Pemberdayaan Masyarakat',
  'Seksi Kesejahteraan Sosial',
];

export function addUnit(db: Db, m: WriteMeta, fields: Pick<Unit, 'name' | 'kind' | 'code'>): Unit {
  const unit: Unit = { id: newId(), ...fields, active: true, createdAt: m.at, updatedAt: m.at, updatedBy: m.actor?.userId ?? null, origin: m.origin };
  units.insertUnit(db, unit, units.nextUnitSortOrder(db));
  recordChange(db, m, { entity: 'unit', entityId: unit.id, op: 'insert', after: unit });
  return unit;
}

/**
 * No unit beside one whose name folds the same ("Kelurahan Plaju Ilir" beside "Plaju Ilir",
 * "Sekretariat" beside "Sekretariat Kecamatan"): a field error naming the unit there is.
 */
export function refuseFoldedDuplicate(db: Db, name: string, path: (string | number)[], exceptId?: string, all: readonly Unit[] = units.listUnits(db, true)): void {
  const same = foldedDuplicates(name, all, exceptId);
  if (same.length) throw ApiError.field(path, 'validation.unit_exists_similar', { name, existing: same[0]!.name });
}

/** `before`: the unit being edited, when it is an edit. */
function unitConflict(db: Db, name: string, code: string | null, before?: Unit): void {
  const same = units.findUnitByName(db, name);
  if (same && same.id !== before?.id) throw ApiError.field(['name'], 'validation.unit_exists', { name });
  const all = units.listUnits(db, true);
  // A unit keeping its name (its code edited) is not refused for duplicates made before this rule.
  if (!before || foldUnitName(before.name) !== foldUnitName(name)) refuseFoldedDuplicate(db, name, ['name'], before?.id, all);
  if (code && all.some((u) => u.code === code && u.id !== before?.id)) {
    throw ApiError.field(['code'], 'validation.unit_code_exists', { code });
  }
}

export const officeHandlers = {
  'office.setup': async (input, ctx) => {
    const { db } = ctx;
    const alreadySetUp = () => new ApiError('ALREADY_SET_UP', 'Kantor sudah diatur; ubah lewat Pengaturan.');
    if (offices.getOffice(db)) throw alreadySetUp();
    const city = input.kind === 'kota';
    // A city office (BKPSDM) is set up on its kota/kabupaten; it has no kecamatan units of its own.
    const region: { province: { name: string }; regency: { name: string }; district?: { name: string } } | null =
      city ? await lookupRegency(input.regionCode) : await lookupDistrict(input.regionCode);
    if (!region) throw ApiError.field(['regionCode'], 'validation.region_unknown', { code: input.regionCode });
    if (!input.admin && ctx.door !== 'cli' && countActiveAdmins(db) === 0) {
      throw ApiError.field(['admin'], 'validation.admin_required');
    }
    const villageList = city ? [] : await villages(input.regionCode);
    const admin = input.admin ? await createUser.prepare({ ...input.admin, role: 'admin' }) : null;
    const at = nowIso(ctx);
    // Setup is the first admin's act: their id is fixed now so every row of it names them.
    const adminId = newId();
    const m: WriteMeta = { at, actor: admin ? { userId: adminId, username: admin.username, role: 'admin' } : ctx.actor, origin: input.regionCode };
    const result = writeTransaction(db, () => {
      // Again inside the transaction: another setup may have finished while this one was hashing.
      if (offices.getOffice(db)) throw alreadySetUp();
      const office: Office = {
        id: newId(), code: input.regionCode, regionCode: input.regionCode,
        provinceName: region.province.name, regencyName: region.regency.name, districtName: region.district?.name ?? '',
        name: input.name, address: input.address, timezone: input.timezone, signer: input.signer, hasLogo: false,
        createdAt: at, updatedAt: at, updatedBy: ctx.actor?.userId ?? null, origin: input.regionCode,
      };
      offices.insertOffice(db, office);
      // The office's signing key (certificates, trust files, batches) is made with it; a database
      // still at an older schema (the migration tests build one) gets it from migration 005.
      if (hasTable(db, 'office_keys')) addOfficeKey(db, at);
      if (city) setCityMode(db, office.id, input.regionCode, at);
      recordChange(db, m, { entity: 'office', entityId: office.id, op: 'insert', after: office });
      for (const name of city ? [] : DEFAULT_UNITS) addUnit(db, m, { name, kind: 'kantor', code: null });
      for (const v of villageList) {
        addUnit(db, m, { name: v.name, kind: v.code.charAt(9) === '2' ? 'desa' : 'kelurahan', code: v.code });
      }
      const user = admin ? createUser.insert(db, m, admin, adminId) : null;
      if (user) ctx.session.issued = openSession(db, user.id, ctx.now());
      return { office: { ...office, kind: input.kind }, user: user ? { id: user.id, username: user.username, fullName: user.fullName, role: user.role } : null };
    });
    return result;
  },

  'office.get': (_input, ctx) => ({ ...requireOffice(ctx.db), kind: cityRegency(ctx.db) ? 'kota' as const : 'kecamatan' as const }),

  'office.update': (input, ctx) => {
    const before = requireOffice(ctx.db);
    const m = meta(ctx);
    const after: Office = { ...before, ...input, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
    writeTransaction(ctx.db, () => {
      offices.updateOffice(ctx.db, after);
      recordChange(ctx.db, m, { entity: 'office', entityId: before.id, op: 'update', before, after });
    });
    return requireOffice(ctx.db);
  },

  'office.setLogo': ({ mimeType, dataBase64 }, ctx) => {
    const before = requireOffice(ctx.db);
    const data = validateImage(mimeType, dataBase64);
    const m = meta(ctx);
    writeTransaction(ctx.db, () => {
      offices.setOfficeLogo(ctx.db, before.id, { mime: mimeType, data }, m.at, m.actor?.userId ?? null);
      recordChange(ctx.db, m, { entity: 'office', entityId: before.id, op: 'update', before: { logoFile: before.hasLogo ? 'ada' : null }, after: { logoFile: `${mimeType}, ${Math.ceil(data.length / 1024)} KB` } });
    });
    return requireOffice(ctx.db);
  },

  'office.removeLogo': (_input, ctx) => {
    const before = requireOffice(ctx.db);
    const m = meta(ctx);
    writeTransaction(ctx.db, () => {
      offices.setOfficeLogo(ctx.db, before.id, null, m.at, m.actor?.userId ?? null);
      recordChange(ctx.db, m, { entity: 'office', entityId: before.id, op: 'update', before: { hasLogo: before.hasLogo }, after: { hasLogo: false } });
    });
    return requireOffice(ctx.db);
  },

  'office.logo': (_input, ctx) => {
    const logo = offices.getOfficeLogo(ctx.db);
    return logo ? { mimeType: logo.mime as 'image/png' | 'image/jpeg', dataBase64: logo.data.toString('base64') } : null;
  },

  'units.list': ({ includeInactive }, ctx) => units.listUnits(ctx.db, includeInactive),

  'units.create': (input, ctx) => {
    requireOffice(ctx.db);
    return writeTransaction(ctx.db, () => {
      unitConflict(ctx.db, input.name, input.code);
      return addUnit(ctx.db, meta(ctx), input);
    });
  },

  'units.update': (input, ctx) => {
    return writeTransaction(ctx.db, () => {
      const before = units.getUnit(ctx.db, input.id);
      if (!before) throw new ApiError('NOT_FOUND', 'Unit tidak ditemukan.');
      unitConflict(ctx.db, input.name, input.code, before);
      const m = meta(ctx);
      const after: Unit = { ...before, name: input.name, code: input.code, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
      units.updateUnit(ctx.db, after);
      recordChange(ctx.db, m, { entity: 'unit', entityId: after.id, op: 'update', before, after });
      return after;
    });
  },

  'units.setActive': ({ id, active }, ctx) => {
    return writeTransaction(ctx.db, () => {
      const before = units.getUnit(ctx.db, id);
      if (!before) throw new ApiError('NOT_FOUND', 'Unit tidak ditemukan.');
      if (before.active === active) return before;
      const m = meta(ctx);
      const after: Unit = { ...before, active, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
      units.updateUnit(ctx.db, after);
      recordChange(ctx.db, m, { entity: 'unit', entityId: id, op: 'update', before, after });
      return after;
    });
  },
} satisfies Partial<Handlers>;
