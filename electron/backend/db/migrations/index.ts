import type { Migration } from './types.ts';
import { migration001 } from './001_core.ts';
import { migration002 } from './002_employees.ts';
import { migration003 } from './003_trainings.ts';
import { migration004 } from './004_unit_aliases.ts';
import { migration005 } from './005_certificates.ts';
import { migration006 } from './006_records_evaluation.ts';
import { migration007 } from './007_batches.ts';
import { migration008 } from './008_city.ts';
import { migration009 } from './009_receipts.ts';
import { migration010 } from './010_sending.ts';

/** In order; each version exactly once. A new migration is a new module appended here. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
export type { Migration };
