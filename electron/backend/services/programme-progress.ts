import type { PROGRAMME_STATUSES, ProgrammeItem } from '../../../shared/contract/programme.ts';
import type { Db } from '../db/open.ts';
import { recordChange } from '../db/repos/changes.ts';
import * as repo from '../db/repos/programme.ts';
import { listEventRecords } from '../db/repos/trainings.ts';
import type { WriteMeta } from './context.ts';

type Progress = 'terjadwal' | 'terlaksana';
const RANK: Record<(typeof PROGRAMME_STATUSES)[number], number> = { direncanakan: 0, terjadwal: 1, terlaksana: 2, batal: -1 };

/**
 * Moves a planned item forward when its event is scheduled or held, so the plan shows its
 * realisation without the clerk setting it twice. Never backwards, and never out of "batal"
 * (a cancelled plan that is held anyway is the clerk's call to make).
 */
export function advanceItem(db: Db, m: WriteMeta, itemId: string | null, to: Progress): void {
  const item = itemId ? repo.getItem(db, itemId) : null;
  if (!item || item.status === 'batal' || RANK[item.status] >= RANK[to]) return;
  setItemStatus(db, m, item, to);
}

/**
 * After its event was removed: an item left with no event is no longer scheduled. One marked
 * carried out stays so (it may have been held without an event here).
 */
export function unscheduleItem(db: Db, m: WriteMeta, itemId: string | null): void {
  const item = itemId ? repo.getItem(db, itemId) : null;
  if (!item || item.status !== 'terjadwal' || listEventRecords(db, { programmeItemId: item.id }).length) return;
  setItemStatus(db, m, item, 'direncanakan');
}

function setItemStatus(db: Db, m: WriteMeta, item: ProgrammeItem, status: ProgrammeItem['status']): void {
  const { methodName: _m, ...before } = item;
  const after = { ...before, status, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
  repo.saveItem(db, after, false);
  recordChange(db, m, { entity: 'programme_item', entityId: item.id, op: 'update', before, after });
}
