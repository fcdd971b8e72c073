import type { Db } from './open.ts';

/**
 * SQLite copies the WAL back into the database inside whichever commit first crosses its
 * threshold, so one clerk's scan or import pays for everyone's writes. Here the copy runs once
 * the backend has been idle for a moment after a write; open.ts keeps a far higher automatic
 * threshold only as a safety net for a process that never falls idle.
 */
export interface IdleCheckpointer {
  /** After each call: re-arms the idle timer when the call wrote anything. */
  afterCall(): void;
  stop(): void;
}

export function idleCheckpointer(db: Db, idleMs: number): IdleCheckpointer {
  const totalChanges = db.prepare('SELECT total_changes() AS n').pluck();
  let checkpointedAt = totalChanges.get() as number;
  let timer: NodeJS.Timeout | undefined;

  const checkpoint = () => {
    timer = undefined;
    if (!db.open || db.inTransaction) return;
    checkpointedAt = totalChanges.get() as number;
    // PASSIVE: copies what no reader still needs and never waits; the next idle spell finishes.
    db.pragma('wal_checkpoint(PASSIVE)');
  };

  return {
    afterCall() {
      if (!db.open || totalChanges.get() === checkpointedAt) return;
      clearTimeout(timer);
      timer = setTimeout(checkpoint, idleMs);
      timer.unref(); // never keeps a CLI command or a test alive
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
