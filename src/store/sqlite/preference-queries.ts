/**
 * SQLite per-user preferences: plain key/value strings per user. Setting several keys is one
 * transaction; an empty-string value is stored like any other (the web layer decides meaning).
 */
import type { SqliteContext } from './statements.ts';

/** Returns the preference functions over one connection. */
export function createPreferenceQueries({ db, sql }: SqliteContext) {
  const setMany = db.transaction((userId: number, values: Record<string, string>) => {
    for (const [key, value] of Object.entries(values)) {
      sql(`INSERT INTO user_preferences (user_id, key, value) VALUES (?, ?, ?)
        ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value`).run(userId, key, value);
    }
  });
  return {
    getUserPreferences(userId: number): Record<string, string> {
      const rows = sql('SELECT key, value FROM user_preferences WHERE user_id = ?').all(userId) as Array<{
        key: string;
        value: string;
      }>;
      return Object.fromEntries(rows.map((row) => [row.key, row.value]));
    },
    /** Returns false when there is no such user. */
    setUserPreferences(userId: number, values: Record<string, string>): boolean {
      if (sql('SELECT 1 FROM users WHERE id = ?').get(userId) === undefined) return false;
      setMany(userId, values);
      return true;
    },
  };
}
