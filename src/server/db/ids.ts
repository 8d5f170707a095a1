import { v7 as uuidv7 } from 'uuid';

/** A new time-ordered UUIDv7: ids sort by creation, which keeps indexes and cursors cheap. */
export function newId(): string {
  return uuidv7();
}
