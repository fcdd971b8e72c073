import type { Db } from '../open.ts';
import { sql } from '../statements.ts';

/** The office's settings: one text value per key. */
export function getSetting(db: Db, key: string): string | null {
  return (sql(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
