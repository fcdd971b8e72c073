import { v7 as uuidv7 } from 'uuid';

/** Time-ordered ids: rows from many offices merge at the city without collisions. */
export function newId(): string {
  return uuidv7();
}
