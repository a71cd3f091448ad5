/**
 * SQLite users: create (unique by a case-folded name key), read, change, delete. Deleting
 * a user cascades to its sessions, tokens, subscriptions and article state (foreign keys).
 * Name and password rules live in accounts/; the store only refuses empty values.
 */
import type { CreateUserResult, NewUser, User, UserCredentials, UserPatch } from '../account-types.ts';
import { opt } from '../map-rows.ts';
import { userNameKey } from '../user-name-key.ts';
import type { SqliteContext } from './statements.ts';
import { dropUndefined } from '../../util/drop-undefined.ts';

interface UserRow {
  id: number;
  name: string;
  name_key: string;
  password_hash: string;
  is_admin: number;
  created_at: number;
  disabled_at: number | null;
}

/** Returns the user of a `users` row (columns may be prefixed by the caller's alias). */
export function rowToUser(row: Pick<UserRow, 'id' | 'name' | 'is_admin' | 'created_at' | 'disabled_at'>): User {
  return dropUndefined<User>({
    id: row.id,
    name: row.name,
    admin: row.is_admin === 1,
    createdAt: row.created_at,
    disabledAt: opt(row.disabled_at),
  });
}

/** The user columns, aliased `user_*`, for joins that return a user beside another row. */
export const USER_COLUMNS =
  'u.id AS user_id_, u.name AS user_name_, u.is_admin AS user_is_admin_, u.created_at AS user_created_at_, u.disabled_at AS user_disabled_at_';

/** Returns the user of a row selected with USER_COLUMNS. */
export function joinedUser(row: Record<string, unknown>): User {
  return rowToUser({
    id: row.user_id_ as number,
    name: row.user_name_ as string,
    is_admin: row.user_is_admin_ as number,
    created_at: row.user_created_at_ as number,
    disabled_at: row.user_disabled_at_ as number | null,
  });
}

/** Returns the user functions over one connection. */
export function createUserQueries({ db, sql }: SqliteContext) {
  const byKey = (name: string) =>
    sql('SELECT * FROM users WHERE name_key = ?').get(userNameKey(name)) as UserRow | undefined;
  const byId = (id: number) => sql('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;

  const createUser = db.transaction((input: NewUser): CreateUserResult => {
    const name = input.name.trim();
    if (name === '' || input.passwordHash === '')
      return { kind: 'invalid', reason: 'a user needs a name and a password hash' };
    const existing = byKey(name);
    if (existing !== undefined) return { kind: 'exists', user: rowToUser(existing) };
    const row = sql(
      `INSERT INTO users (name, name_key, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *`,
    ).get(name, userNameKey(name), input.passwordHash, input.admin === true ? 1 : 0, input.at ?? Date.now()) as UserRow;
    return { kind: 'created', user: rowToUser(row) };
  });

  const updateUser = db.transaction((id: number, patch: UserPatch): boolean => {
    const row = byId(id);
    if (row === undefined) return false;
    const disabledAt =
      patch.disabled === undefined
        ? row.disabled_at
        : patch.disabled
          ? (row.disabled_at ?? patch.at ?? Date.now())
          : null;
    sql('UPDATE users SET password_hash = ?, is_admin = ?, disabled_at = ? WHERE id = ?').run(
      patch.passwordHash ?? row.password_hash,
      patch.admin === undefined ? row.is_admin : patch.admin ? 1 : 0,
      disabledAt,
      id,
    );
    return true;
  });

  return {
    createUser: (input: NewUser) => createUser.immediate(input),
    getUser: (id: number): User | undefined => {
      const row = byId(id);
      return row === undefined ? undefined : rowToUser(row);
    },
    findUserByName: (name: string): User | undefined => {
      const row = byKey(name);
      return row === undefined ? undefined : rowToUser(row);
    },
    getUserCredentials: (name: string): UserCredentials | undefined => {
      const row = byKey(name);
      return row === undefined ? undefined : { user: rowToUser(row), passwordHash: row.password_hash };
    },
    listUsers: (): User[] => (sql('SELECT * FROM users ORDER BY name_key, id').all() as UserRow[]).map(rowToUser),
    countUsers: (): number => sql('SELECT count(*) FROM users').pluck().get() as number,
    updateUser: (id: number, patch: UserPatch) => updateUser.immediate(id, patch),
    deleteUser: (id: number): boolean => sql('DELETE FROM users WHERE id = ?').run(id).changes === 1,
  };
}
