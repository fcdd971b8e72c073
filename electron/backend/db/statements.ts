import type Database from 'better-sqlite3';
import type { Db } from './open.ts';

// Preparing a statement costs more than running a small one; repositories run the same SQL
// thousands of times in an import, so each connection keeps its prepared statements.
const cache = new WeakMap<Db, Map<string, Database.Statement>>();

export function sql(db: Db, text: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    statement = db.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}
