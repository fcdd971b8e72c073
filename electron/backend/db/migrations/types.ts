import type { Db } from '../open.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
