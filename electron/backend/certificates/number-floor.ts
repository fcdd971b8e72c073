import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open.ts';
import { writeFileAtomic } from '../files.ts';

/**
 * The highest certificate number each year has reached on this PC, kept beside the database (not
 * in it): restoring an older backup brings back an older sequence, and without this floor the
 * numbers issued since would be given out a second time. The next issue starts above the floor
 * and records the numbers in between as skipped, saying why.
 */
const floorFile = (db: Db) => path.join(path.dirname(db.name), 'certificate-numbers.json');

function readFloors(db: Db): Record<string, number> {
  if (db.memory) return {};
  try {
    const parsed = JSON.parse(fs.readFileSync(floorFile(db), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export function numberFloor(db: Db, year: number): number {
  const value = readFloors(db)[String(year)];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/** After a commit that used numbers up to `seq`. A failure here only loses the guard, not data. */
export function raiseNumberFloor(db: Db, year: number, seq: number): void {
  if (db.memory) return;
  const floors = readFloors(db);
  if ((floors[String(year)] ?? 0) >= seq) return;
  floors[String(year)] = seq;
  try {
    writeFileAtomic(floorFile(db), new TextEncoder().encode(`${JSON.stringify(floors)}\n`));
  } catch (err) {
    console.error('[certificates] number floor not written:', err);
  }
}
