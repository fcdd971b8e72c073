import type { Db } from './open.ts';

/**
 * SQLite copies the WAL back into the database inside whichever commit first crosses its
 * threshold, so one clerk's scan or import pays for everyone's writes. Here the copy runs once
 * the backend has gone a moment without writing; open.ts keeps a far higher automatic threshold
 * only as a safety net for a process that never stops writing.
 */
export interface IdleCheckpointer {
  /** After each call: a call that wrote (re)starts the wait; reads leave it running. */
  afterCall(): void;
  stop(): void;
}

export function idleCheckpointer(db: Db, idleMs: number): IdleCheckpointer {
  const totalChanges = db.prepare('SELECT total_changes() AS n').pluck();
  let lastSeen = totalChanges.get() as number;
  let timer: NodeJS.Timeout | undefined;

  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(checkpoint, idleMs);
    timer.unref(); // never keeps a CLI command or a test alive
  };

  function checkpoint() {
    timer = undefined;
    if (!db.open) return;
    if (db.inTransaction) return arm();
    try {
      // PASSIVE never waits: it copies what no reader still needs. What a reader (another
      // process, `db check`) kept back is copied on a later idle spell.
      const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      if (result && result.checkpointed < result.log) arm();
    } catch (err) {
      // A full or failing disk must not end the backend; the next commit will say so too.
      console.error('[backend] WAL checkpoint failed:', err);
    }
  }

  return {
    afterCall() {
      if (!db.open) return;
      const seen = totalChanges.get() as number;
      if (seen === lastSeen) return;
      lastSeen = seen;
      arm();
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
