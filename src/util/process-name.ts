/** A name for this process that no other process, here or on another machine, shares or will share. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Returns host, process id and a random part (a restarted process with the same pid gets a new name). */
export function uniqueProcessName(): string {
  return `${hostname()}/${process.pid}/${randomBytes(3).toString('hex')}`;
}
