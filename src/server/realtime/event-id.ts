import { randomBytes } from 'node:crypto';

/** A parsed event id: the sequence's epoch and the event's number in it. */
export interface EventPosition {
  epoch: string;
  seq: number;
}

/** `<epoch>-<seq>`, the wire form of an event id (see `eventIdSchema`). */
export function formatEventId(epoch: string, seq: number): string {
  return `${epoch}-${seq}`;
}

/** The position an event id names, or undefined for anything malformed. */
export function parseEventId(id: string): EventPosition | undefined {
  const match = /^([a-z0-9]{1,32})-(\d{1,15})$/.exec(id);
  if (!match?.[1] || !match[2]) return undefined;
  return { epoch: match[1], seq: Number(match[2]) };
}

/** A fresh epoch: short, lowercase, and unlikely to repeat. */
export function newEpoch(): string {
  return randomBytes(6).toString('hex');
}
