// Unit values of roster files that a person matched to a unit, remembered per office so the
// next file with the same spelling goes through without asking (roster import, unit step).
import { ApiError } from '../../../shared/contract/errors.ts';
import type { UnitAlias } from '../../../shared/contract/roster.ts';
import type { Db } from '../db/open.ts';
import { newId } from '../db/ids.ts';
import { recordChange } from '../db/repos/changes.ts';
import * as aliases from '../db/repos/unit-aliases.ts';
import { getUnit } from '../db/repos/units.ts';
import { writeTransaction } from '../db/transaction.ts';
import type { WriteMeta } from './context.ts';
import type { Handlers } from './handlers.ts';
import { meta } from './office.ts';

const ENTITY = 'unit_alias';

function publicAlias(a: aliases.StoredAlias): UnitAlias {
  return { id: a.id, value: a.value, unitId: a.unitId, unit: a.unit, createdAt: a.createdAt, updatedAt: a.updatedAt, updatedBy: a.updatedBy, origin: a.origin };
}

/**
 * Remembers that `value` (as the file writes it) means the unit: a new alias, or the unit of the
 * live alias with the same folded spelling changed. Call inside the write's transaction.
 */
export function rememberUnitChoice(db: Db, m: WriteMeta, choice: { value: string; folded: string; unitId: string }): void {
  const unit = getUnit(db, choice.unitId);
  if (!unit) throw new ApiError('NOT_FOUND', 'Unit tidak ditemukan.');
  const by = m.actor?.userId ?? null;
  const current = aliases.findAliasByFolded(db, choice.folded);
  if (current) {
    if (current.unitId === unit.id) return;
    aliases.updateAliasUnit(db, current.id, unit.id, m.at, by);
    recordChange(db, m, { entity: ENTITY, entityId: current.id, op: 'update', details: { unit: [current.unit, unit.name] } });
    return;
  }
  const alias: aliases.StoredAlias = {
    id: newId(), value: choice.value, folded: choice.folded, unitId: unit.id, unit: unit.name,
    createdAt: m.at, updatedAt: m.at, updatedBy: by, origin: m.origin,
  };
  aliases.insertAlias(db, alias);
  recordChange(db, m, { entity: ENTITY, entityId: alias.id, op: 'insert', details: { value: [null, alias.value], unit: [null, unit.name] } });
}

export const unitAliasHandlers = {
  'units.aliases': (_input, ctx) => aliases.listAliases(ctx.db).map(publicAlias),

  'units.removeAlias': ({ id }, ctx) => writeTransaction(ctx.db, () => {
    const alias = aliases.getAlias(ctx.db, id);
    if (!alias) throw new ApiError('NOT_FOUND', 'Nama lain unit tidak ditemukan.');
    const m = meta(ctx);
    aliases.removeAlias(ctx.db, id, m.at, m.actor?.userId ?? null);
    recordChange(ctx.db, m, { entity: ENTITY, entityId: id, op: 'delete', details: { value: [alias.value, null], unit: [alias.unit, null] } });
    return publicAlias({ ...alias, updatedAt: m.at, updatedBy: m.actor?.userId ?? null });
  }),
} satisfies Partial<Handlers>;
