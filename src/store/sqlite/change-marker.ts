/**
 * Reads that every reader page makes (a user's unread counts, the sidebar's feed list), kept
 * until the database changes, whoever changes it. The test "did anything change since" is
 * exact and costs microseconds: `PRAGMA data_version` moves whenever another connection
 * commits (another process, such as `tidings fetch` beside `tidings serve`), and
 * `total_changes()` counts the rows this connection changed, rows changed by triggers
 * included (a rolled-back change counts too, which only costs a recount). A time-based cache
 * would show stale counts after every read mark; this one never does. The marker is read
 * before the value, so a commit between the two can only make the next call recount.
 * Values are frozen: every caller gets the same object.
 */
import type { Database } from 'better-sqlite3';

/** Returns a function giving a value that differs whenever the database may have changed since the previous call. */
export function createChangeMarker(db: Database): () => string {
  const version = db.prepare('PRAGMA data_version').pluck();
  const changes = db.prepare('SELECT total_changes()').pluck();
  return () => `${String(version.get())}:${String(changes.get())}`;
}

function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) freezeDeep(inner);
    Object.freeze(value);
  }
  return value;
}

/** Returns `read` memoized per user until `marker()` changes; at most `maxUsers` users are kept. */
export function memoizePerUser<T>(
  marker: () => string,
  read: (userId: number) => T,
  maxUsers = 64,
): (userId: number) => T {
  const kept = new Map<number, { marker: string; value: T }>();
  return (userId) => {
    const now = marker();
    const hit = kept.get(userId);
    if (hit !== undefined && hit.marker === now) return hit.value;
    const value = freezeDeep(read(userId));
    if (kept.size >= maxUsers && !kept.has(userId)) kept.clear();
    kept.set(userId, { marker: now, value });
    return value;
  };
}
