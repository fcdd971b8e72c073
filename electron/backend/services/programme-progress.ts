import type { PROGRAMME_STATUSES } from '../../../shared/contract/programme.ts';
import type { Db } from '../db/open.ts';
import { recordChange } from '../db/repos/changes.ts';
import * as repo from '../db/repos/programme.ts';
import type { WriteMeta } from './context.ts';

type Progress = 'terjadwal' | 'terlaksana';
const RANK: Record<(typeof PROGRAMME_STATUSES)[number], number> = { direncanakan: 0, terjadwal: 1, terlaksana: 2, batal: -1 };

/**
 * Moves a planned item forward when its event is scheduled or held, so the plan shows its
 * realisation without the clerk setting it twice. Never backwards, and never out of "batal"
 * (a cancelled plan that is held anyway is the clerk's call to make).
 */
export function advanceItem(db: Db, m: WriteMeta, itemId: string | null, to: Progress): void {
  if (!itemId) return;
  const item = repo.getItem(db, itemId);
  if (!item || item.status === 'batal' || RANK[item.status] >= RANK[to]) return;
  const { methodName: _m, ...before } = item;
  const after = { ...before, status: to, updatedAt: m.at, updatedBy: m.actor?.userId ?? null };
  repo.saveItem(db, after, false);
  recordChange(db, m, { entity: 'programme_item', entityId: item.id, op: 'update', before, after });
}
