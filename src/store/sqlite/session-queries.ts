/**
 * SQLite login sessions and API tokens: both are looked up by the SHA-256 hash of the
 * secret the user holds (the primary key / a unique index), and returned with their user
 * so one query authenticates a request.
 */
import type { ApiToken, NewApiToken, NewSession, Session, TokenScope, User } from '../account-types.ts';
import { opt } from '../map-rows.ts';
import { joinedUser, USER_COLUMNS } from './user-queries.ts';
import type { SqliteContext } from './statements.ts';
import { dropUndefined } from '../../util/drop-undefined.ts';

interface SessionRow {
  id: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_agent: string | null;
  ip: string | null;
}

interface ApiTokenRow {
  id: number;
  user_id: number;
  token_hash: string;
  name: string;
  scope: string;
  created_at: number;
  last_used_at: number | null;
}

function rowToSession(row: SessionRow): Session {
  return dropUndefined<Session>({
    id: row.id,
    userId: row.user_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    userAgent: opt(row.user_agent),
    ip: opt(row.ip),
  });
}

function rowToApiToken(row: ApiTokenRow): ApiToken {
  return dropUndefined<ApiToken>({
    id: row.id,
    userId: row.user_id,
    name: row.name,
    scope: row.scope as TokenScope,
    createdAt: row.created_at,
    lastUsedAt: opt(row.last_used_at),
  });
}

/** Returns the session and token functions over one connection. */
export function createSessionQueries({ sql }: SqliteContext) {
  return {
    createSession(input: NewSession): Session {
      const row = sql(`
        INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, user_agent, ip) VALUES (?, ?, ?, ?, ?, ?, ?)
        RETURNING *`).get(
        input.id,
        input.userId,
        input.createdAt,
        input.createdAt,
        input.expiresAt,
        input.userAgent ?? null,
        input.ip ?? null,
      ) as SessionRow;
      return rowToSession(row);
    },
    findSession(id: string): { session: Session; user: User } | undefined {
      const row = sql(
        `SELECT s.*, ${USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
      ).get(id) as (SessionRow & Record<string, unknown>) | undefined;
      return row === undefined ? undefined : { session: rowToSession(row), user: joinedUser(row) };
    },
    touchSession: (id: string, lastSeenAt: number, expiresAt: number): boolean =>
      sql('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?').run(lastSeenAt, expiresAt, id)
        .changes === 1,
    deleteSession: (id: string): boolean => sql('DELETE FROM sessions WHERE id = ?').run(id).changes === 1,
    deleteUserSessions: (userId: number): number => sql('DELETE FROM sessions WHERE user_id = ?').run(userId).changes,
    listSessions: (userId: number): Session[] =>
      (
        sql('SELECT * FROM sessions WHERE user_id = ? ORDER BY last_seen_at DESC, created_at DESC').all(
          userId,
        ) as SessionRow[]
      ).map(rowToSession),
    deleteExpiredSessions: (now: number): number => sql('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes,

    createApiToken(input: NewApiToken): ApiToken {
      const row = sql(
        `INSERT INTO api_tokens (user_id, token_hash, name, scope, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *`,
      ).get(input.userId, input.tokenHash, input.name, input.scope, input.at ?? Date.now()) as ApiTokenRow;
      return rowToApiToken(row);
    },
    findApiToken(tokenHash: string): { token: ApiToken; user: User } | undefined {
      const row = sql(
        `SELECT t.*, ${USER_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`,
      ).get(tokenHash) as (ApiTokenRow & Record<string, unknown>) | undefined;
      return row === undefined ? undefined : { token: rowToApiToken(row), user: joinedUser(row) };
    },
    touchApiToken(id: number, at: number): void {
      sql('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(at, id);
    },
    listApiTokens(userId?: number): ApiToken[] {
      const rows =
        userId === undefined
          ? sql('SELECT * FROM api_tokens ORDER BY created_at DESC, id DESC').all()
          : sql('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC, id DESC').all(userId);
      return (rows as ApiTokenRow[]).map(rowToApiToken);
    },
    deleteApiToken: (id: number, userId?: number): boolean =>
      (userId === undefined
        ? sql('DELETE FROM api_tokens WHERE id = ?').run(id)
        : sql('DELETE FROM api_tokens WHERE id = ? AND user_id = ?').run(id, userId)
      ).changes === 1,
  };
}
