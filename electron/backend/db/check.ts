import type { IntegrityReport } from '../../../shared/contract/jobs.ts';
import type { Db } from './open.ts';

/** SQLite's full integrity check: the problems it names (at most `max`), or [] when intact. */
export function integrityProblems(db: Db, max?: number): string[] {
  return (db.pragma(max === undefined ? 'integrity_check' : `integrity_check(${max})`) as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .filter((r) => r !== 'ok');
}

/** Full integrity and foreign-key check; reads only. */
export function checkDatabase(db: Db): IntegrityReport {
  const integrity = integrityProblems(db);
  const foreignKeys = (db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[])
    .map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }));
  return { ok: integrity.length === 0 && foreignKeys.length === 0, integrity, foreignKeys };
}
